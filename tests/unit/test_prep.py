"""The prep sheet (netui.prep): what it gathers about a person, which questions it offers,
and how it prints as plain text and as Markdown, with a frozen today."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from netui.errors import NotFoundError
from netui.model import (
    Answer,
    Contact,
    FollowUp,
    MeetingLog,
    Network,
    NewName,
    Note,
    NoteKind,
    Status,
)
from netui.prep import PrepSheet, md_escape, prep_sheet, render_prep, suggest_questions
from netui.questions import Question, QuestionBank, asked_of
from netui.store import Store

TODAY = date(2026, 6, 3)  # a Wednesday


def at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour))


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


BANK = (
    QuestionBank()
    .add("Field", "F1 starred?", starred=True)
    .add("Field", "F2?")
    .add("Field", "F3?")
    .add("Path", "P1 starred?", starred=True)
    .add("Path", "P2?")
    .add("Path", "P3?")
    .add("Skills", "S1?")
    .add("Skills", "S2?")
    .add("Skills", "S3 starred?", starred=True)
    .add("Who else", "W1?")
)

BOB = Contact("Bob Smith", company="Globex", title="Manager", id=1, status=Status.MET)
JANE = Contact(
    "Jane Doe",
    company="Acme Corp",
    title="Design Lead",
    email="jane@acme.example",
    tags=("ux", "fintech"),
    how_met="Bob's intro",
    referred_by=1,
    status=Status.MET,
    cadence_days=30,
    created=at(days_ago(90)),
    id=2,
)
PRIYA = Contact("Priya Raman", company="Acme Corp", referred_by=2, id=3)
OMAR = Contact("Omar Haddad", referred_by=2, id=4)
NOBODY = Contact("Nobody Special", id=5)

MEETING = Note(
    "Coffee at Blue Bottle.\nShe is hiring next quarter.",
    days_ago(10),
    contact_id=2,
    kind=NoteKind.COFFEE,
    created=at(days_ago(10), 18),
    id=3,
    answers=(Answer("F1 starred?", "AI tooling"), Answer("P1 starred?", "")),
    companies=("Initech", "Research roles at Hooli"),
    feedback="Lead with outcomes.\nCut the summary.",
    promises=("send the portfolio",),
    new_contacts=(3, 4),
)
EMAIL = Note("Intro email", days_ago(20), 2, NoteKind.EMAIL, at(days_ago(20)), id=1)
JOTTING = Note("Loves cycling", days_ago(15), 2, NoteKind.NOTE, at(days_ago(15)), id=2)
LATER = Note("Planned call", TODAY + timedelta(days=3), 2, NoteKind.CALL, at(TODAY), id=4)
OTHERS = Note(
    "Bob's meeting", days_ago(5), 1, NoteKind.MEETING, id=5, answers=(Answer("F2?", "x"),)
)

NETWORK = Network(
    contacts=(BOB, JANE, PRIYA, OMAR, NOBODY),
    followups=(
        FollowUp("send the portfolio", TODAY + timedelta(days=2), 2, id=2),
        FollowUp("thank her", days_ago(9), 2, id=1),
        FollowUp("old thing", days_ago(30), 2, done=at(days_ago(12)), id=3),
        FollowUp("Bob's task", TODAY, 1, id=4),
    ),
    notes=(EMAIL, JOTTING, MEETING, LATER, OTHERS),
)


@pytest.fixture
def sheet() -> PrepSheet:
    return prep_sheet(NETWORK, 2, BANK, TODAY)


# --- what the sheet gathers ---------------------------------------------------------------


def test_who_they_are_and_who_referred_whom(sheet: PrepSheet) -> None:
    assert sheet.contact == JANE
    assert sheet.referred_by == BOB
    assert sheet.referred == (OMAR, PRIYA)  # by name


def test_what_we_talked_about_newest_first_and_only_the_past(sheet: PrepSheet) -> None:
    assert sheet.talks == (MEETING, EMAIL)  # interactions; the call planned ahead is not one
    assert sheet.notes == (JOTTING,)
    assert sheet.earlier_talks == 0
    assert sheet.names == {3: "Priya Raman", 4: "Omar Haddad"}


def test_open_followups_by_due_date(sheet: PrepSheet) -> None:
    assert [f.text for f in sheet.followups] == ["thank her", "send the portfolio"]


def test_rhythm_counts_from_the_last_touch(sheet: PrepSheet) -> None:
    assert sheet.last_touch == days_ago(10)
    assert sheet.next_touch == days_ago(10) + timedelta(days=30)


def test_only_the_latest_talks_are_shown() -> None:
    notes = tuple(Note(f"call {n}", days_ago(n), 2, NoteKind.CALL, id=n + 100) for n in range(1, 8))
    sheet = prep_sheet(Network(contacts=(JANE,), notes=notes), 2, BANK, TODAY)
    assert [n.text for n in sheet.talks] == ["call 1", "call 2", "call 3"]
    assert sheet.earlier_talks == 4
    assert "… and 4 earlier interactions" in render_prep(sheet, TODAY, markdown=False)


def test_an_unknown_contact_is_not_found() -> None:
    with pytest.raises(NotFoundError):
        prep_sheet(NETWORK, 99, BANK, TODAY)


def test_a_self_referral_is_ignored() -> None:
    loop = Contact("Loop", referred_by=7, id=7)
    sheet = prep_sheet(Network(contacts=(loop,)), 7, BANK, TODAY)
    assert sheet.referred_by is None and sheet.referred == ()


# --- the questions ------------------------------------------------------------------------


def test_suggested_are_the_starred_not_yet_asked_then_others_group_by_group(
    sheet: PrepSheet,
) -> None:
    assert not sheet.picked
    assert sheet.asked == {"F1 starred?"}  # P1 was recorded with no answer: not asked
    texts = [q.text for q in sheet.questions]
    assert texts[:2] == ["P1 starred?", "S3 starred?"]
    assert "F1 starred?" not in texts
    # then one from each group in turn, up to 8 in all
    assert texts[2:] == ["F2?", "P2?", "S1?", "W1?", "F3?", "P3?"]


def test_every_starred_question_is_suggested_even_past_the_limit() -> None:
    bank = QuestionBank()
    for n in range(10):
        bank = bank.add("G", f"Q{n}?", starred=True)
    bank = bank.add("G", "Unstarred?")
    chosen = suggest_questions(bank, set())
    assert [q.text for q in chosen] == [f"Q{n}?" for n in range(10)]


def test_asked_questions_match_loosely() -> None:
    chosen = suggest_questions(BANK, {"  f1 STARRED? "})
    assert "F1 starred?" not in [q.text for q in chosen]


def test_picked_questions_win_in_their_order() -> None:
    picked = Contact("Jane Doe", id=2, prepared=("S2?", "F1 starred?", "Not in the bank any more?"))
    network = Network(contacts=(picked,), notes=(MEETING,))
    sheet = prep_sheet(network, 2, BANK, TODAY)
    assert sheet.picked
    assert sheet.questions == (
        Question("Skills", "S2?"),
        Question("Field", "F1 starred?", True),  # picked although asked before
        Question("", "Not in the bank any more?"),
    )
    text = render_prep(sheet, TODAY, markdown=False)
    assert "Questions picked for this meeting\n  1. S2?\n  2. F1 starred?\n" in text


def test_with_the_store_a_logged_meeting_counts_as_asked(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "netui.json")
    jane = store.add_contact(Contact("Jane Doe", company="Acme"))
    assert jane.id is not None
    store.set_prepared(jane.id, ["S2?", "P1 starred?"])
    assert prep_sheet(store.network(), jane.id, BANK, TODAY).picked
    store.log_meeting(
        MeetingLog(
            jane.id,
            TODAY,
            answers=(Answer("P1 starred?", "Through a bootcamp"),),
            new_names=(NewName("Priya Raman"),),
        )
    )
    network = store.network()
    assert asked_of(network, jane.id) == {"P1 starred?"}
    sheet = prep_sheet(network, jane.id, BANK, TODAY)
    assert not sheet.picked  # the prepared questions were cleared by the meeting
    assert [q.text for q in sheet.questions][:2] == ["F1 starred?", "S3 starred?"]
    assert [c.name for c in sheet.referred] == ["Priya Raman"]
    assert [f.text for f in sheet.followups] == ["Send a thank-you note"]
    text = render_prep(sheet, TODAY, markdown=False)
    assert "Q: P1 starred?\n    A: Through a bootcamp" in text
    assert "Names they gave: Priya Raman" in text


# --- plain text ---------------------------------------------------------------------------


def test_plain_text_sheet(sheet: PrepSheet) -> None:
    text = render_prep(sheet, TODAY, markdown=False)
    assert text.startswith("Prep sheet — Jane Doe\nDesign Lead at Acme Corp\n")
    assert "Wednesday 3 June 2026" in text
    for line in (
        "  Status:         met",
        "  Tags:           #ux #fintech",
        "  How we met:     Bob's intro",
        "  Referred by:    Bob Smith (Manager @ Globex)",
        "  Referred me to: Omar Haddad, Priya Raman (Acme Corp)",
        "  Reach them:     jane@acme.example",
        "  Rhythm:         every month; last in touch Sun 24 May (10 days ago); "
        "next Tue 23 Jun (in 20 days)",
        "  Sun 24 May (10 days ago), coffee",
        "    Coffee at Blue Bottle.",
        "    She is hiring next quarter.",
        "    Q: F1 starred?",
        "    A: AI tooling",  # P1, recorded with no answer, is left out
        "    Companies or roles to look at: Initech, Research roles at Hooli",
        "    Resume feedback: Lead with outcomes.",
        "      Cut the summary.",
        "    I promised: send the portfolio",
        "    Names they gave: Priya Raman, Omar Haddad",
        "  Thu 14 May (20 days ago), email",
        "  Tue 19 May: Loves cycling",
        "  Mon 25 May (9 days ago): thank her",
        "  Fri 5 Jun (in 2 days): send the portfolio",
        "Suggested questions (starred first; 1 question asked before left out)",
        "  1. P1 starred?",
        "  8. P3?",
    ):
        assert f"\n{line}\n" in text, line
    sections = [
        "Who they are",
        "What we talked about",
        "Notes",
        "Open follow-ups",
        "Suggested questions",
    ]
    positions = [text.index(f"\n{title}") for title in sections]
    assert positions == sorted(positions)
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_plain_text_is_safe_for_a_terminal() -> None:
    evil = Contact("Eve\x1b]0;pwned\x07 Mallory", title="\x1b[31mRed", id=8)
    note = Note("line one\x1b[2J\nline\x00 two", days_ago(1), 8, NoteKind.CALL, id=9)
    text = render_prep(
        prep_sheet(Network(contacts=(evil,), notes=(note,)), 8, BANK, TODAY), TODAY, False
    )
    assert "\x1b" not in text and "\x07" not in text and "\x00" not in text
    assert re.search(r"[\x00-\x08\x0b-\x1f\x7f]", text) is None


@pytest.mark.parametrize("markdown", [False, True])
def test_a_contact_with_nothing_still_gets_a_sheet(markdown: bool) -> None:
    bare = Contact("", id=1)
    for bank in (BANK, QuestionBank()):
        sheet = prep_sheet(Network(contacts=(bare,)), 1, bank, TODAY)
        text = render_prep(sheet, TODAY, markdown=markdown)
        assert "first conversation" in text
        assert "None" in text
    sheet = prep_sheet(NETWORK, 5, BANK, TODAY)
    assert sheet.talks == () and sheet.followups == () and sheet.referred_by is None
    assert sheet.last_touch is None and sheet.next_touch is None
    assert "Nobody Special" in render_prep(sheet, TODAY, markdown=markdown)


# --- Markdown -----------------------------------------------------------------------------


def test_markdown_sheet(sheet: PrepSheet) -> None:
    text = render_prep(sheet, TODAY, markdown=True)
    assert text.startswith("# Prep sheet: Jane Doe\n\n*Design Lead at Acme Corp*\n")
    for line in (
        "## Who they are",
        "- **Status:** met",
        "- **Tags:** \\#ux #fintech",
        "- **Referred by:** Bob Smith (Manager @ Globex)",
        "## What we talked about",
        "### Sun 24 May (10 days ago), coffee",
        "Coffee at Blue Bottle.\\",
        "She is hiring next quarter.",
        "- **Q:** F1 starred?\\",
        "  **A:** AI tooling",
        "- **Resume feedback:** Lead with outcomes.\\",
        "  Cut the summary.",
        "## Notes",
        "## Open follow-ups",
        "- [ ] Mon 25 May (9 days ago): thank her",
        "## Suggested questions (starred first; 1 question asked before left out)",
        "1. P1 starred?",
        "8. P3?",
    ):
        assert f"\n{line}\n" in text, line


def test_markdown_escapes_what_would_format() -> None:
    odd = Contact("Jo_Ann *Star* [x](y)", company="<b>AT&amp;T</b>", id=1)
    note = Note(
        "# not a heading\n- not a list\n1. not numbered\n    not code\n> not a quote",
        days_ago(2),
        1,
        NoteKind.MEETING,
        id=1,
        answers=(Answer("Why `this`?", "~because~ | _so_"),),
    )
    bank = QuestionBank().add("G", "What about C ##", starred=True)
    text = render_prep(
        prep_sheet(Network(contacts=(odd,), notes=(note,)), 1, bank, TODAY), TODAY, True
    )
    assert text.startswith("# Prep sheet: Jo\\_Ann \\*Star\\* \\[x\\](y)\n")
    assert "*\\<b>AT\\&amp;T\\</b>*" in text
    for line in (
        "\\# not a heading\\",
        "\\- not a list\\",
        "1\\. not numbered\\",
        "not code\\",  # no indented code block
        "\\> not a quote",
        "- **Q:** Why \\`this\\`?\\",
        "  **A:** \\~because\\~ \\| \\_so\\_",
        "1. What about C \\#\\#",
    ):
        assert f"\n{line}\n" in text, line


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("plain words, AT&T > all", "plain words, AT&T > all"),
        ("a*b_c", "a\\*b\\_c"),
        ("+ plus", "\\+ plus"),
        ("12) twelve", "12\\) twelve"),
        ("=== ", "\\==="),
        ("back\\slash", "back\\\\slash"),
        ("tab\tand\nnewline", "tab and newline"),
    ],
)
def test_md_escape(raw: str, escaped: str) -> None:
    assert md_escape(raw) == escaped


def test_the_sheet_s_rhythm_is_the_review_s_a_default_one_too() -> None:
    """A contact without a rhythm of their own, under a default for their status: the
    sheet says the default and where it comes from, as the review reckons it."""
    lead = Contact("Priya Raman", status=Status.MET, id=7, created=datetime(2026, 5, 1, 9))
    network = Network(contacts=(lead,))
    defaults = {"tags": {}, "status": {"met": 14}}
    sheet = prep_sheet(network, 7, BANK, TODAY, defaults)
    assert (sheet.cadence, sheet.cadence_origin) == (14, "the default for met")
    text = render_prep(sheet, TODAY, markdown=False)
    assert "every 2 weeks (the default for met)" in text
    assert "none set" not in text
    assert "none set" in render_prep(prep_sheet(network, 7, BANK, TODAY), TODAY, markdown=False)
