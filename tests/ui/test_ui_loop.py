"""The informational-interview loop through the app: add a contact, prepare the meeting
(`PrepScreen`: the sheet and the picked questions), log it (`MeetingLogScreen`: answers,
new names, promises, the thank-you), then undo it; with the file on disk checked at each
step. Also the paths that must save nothing: a bad date, a name line that doesn't parse,
a failed save (everything typed stays), and names or questions that look like markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from netkit import (
    BOB,
    CLOCK,
    DANA,
    JANE,
    PRIYA,
    ZOE,
    add_markup_contacts,
    make_app,
    notifications,
    paste,
    read_db,
    screen_text,
    settle,
    type_text,
    wait_for_generation,
    wait_for_screen,
    wait_until,
)
from textual.widgets import Checkbox, Input, Select, Static, TextArea

from netui.model import Answer, MeetingLog, NoteKind
from netui.questions import QuestionBank, load_bank, save_bank
from netui.store import Store
from netui.ui.dialogs.confirm import ConfirmScreen
from netui.ui.dialogs.quick_add import QuickAddScreen
from netui.ui.screens.main import MainScreen
from netui.ui.screens.meeting_log import MeetingLogScreen
from netui.ui.screens.prep import PrepScreen, QuestionDialog, QuestionList

DATA_TABLES = ("contacts", "followups", "notes")


def documents(db: Path) -> dict[str, Any]:
    """The data tables of the file (meta holds bookkeeping that undo need not restore)."""
    data = read_db(db)
    return {table: data[table] for table in DATA_TABLES}


def text_of(app, widget_id: str) -> str:
    return str(app.screen.query_one(f"#{widget_id}", Static).render())


# --- driving the screens --------------------------------------------------------------------


def question_list(app) -> QuestionList:
    return app.screen.query_one("#questions", QuestionList)


def rows(app) -> list[str]:
    """The question rows' values (headings left out), in order."""
    questions = question_list(app)
    values = [questions.get_option_at_index(i).value for i in range(questions.option_count)]
    return [v for v in values if not v.startswith("\x00")]


async def move_to(pilot, text: str) -> None:
    """Move the question cursor to `text` with j/k, as a user would."""
    questions = question_list(pilot.app)
    values = [questions.get_option_at_index(i).value for i in range(questions.option_count)]
    target = values.index(text)
    for _ in range(len(values) * 2):
        if questions.highlighted == target:
            return
        await pilot.press("j" if (questions.highlighted or 0) < target else "k")
    raise AssertionError(f"the cursor never reached {text!r}")


async def toggle(pilot, text: str) -> None:
    await move_to(pilot, text)
    await pilot.press("space")
    await pilot.pause()


async def focus_field(pilot, field_id: str) -> Any:
    """Tab through the form until `field_id` has the focus."""
    screen = pilot.app.screen
    field = screen.query_one(f"#{field_id}")
    for _ in range(40):
        if screen.focused is field:
            return field
        await pilot.press("tab")
    raise AssertionError(f"tab never reached #{field_id}")


async def fill(pilot, field_id: str, text: str, *, keys: bool = False) -> None:
    """Put `text` in a field, replacing what it held: pasted, or typed key by key (a
    newline is the enter key) with `keys`."""
    field = await focus_field(pilot, field_id)
    if isinstance(field, Input):
        field.value = ""
    else:
        field.text = ""
    if not keys:
        await paste(pilot, text)
        return
    for number, line in enumerate(text.split("\n")):
        if number:
            await pilot.press("enter")
        await type_text(pilot, line)
    await pilot.pause()


async def open_log(pilot, contact_id: int) -> MeetingLogScreen:
    pilot.app.push_screen(MeetingLogScreen(contact_id))
    screen = await wait_for_screen(pilot, MeetingLogScreen)
    await settle(pilot)
    return screen


async def open_prep(pilot, contact_id: int) -> PrepScreen:
    pilot.app.push_screen(PrepScreen(contact_id))
    screen = await wait_for_screen(pilot, PrepScreen)
    await wait_until(pilot, lambda: question_list(pilot.app).option_count > 0)
    await settle(pilot)
    return screen


# --- the whole loop -------------------------------------------------------------------------


LOOP_BANK = (
    QuestionBank()
    .add("The field", "What is changing in your field?", starred=True)
    .add("The field", "Which parts of it are growing?")
    .add("Their path", "How did you get into this work?", starred=True)
    .add("Their path", "What does a typical week look like?")
    .add("Advice", "What would you focus on, in my place?")
)
"""A small bank for the loop (the user's copy): every question is suggested."""


async def test_the_whole_loop_add_prep_log_and_undo(app, db: Path, netui_home: Path) -> None:
    save_bank(LOOP_BANK)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)

        # 1. Add a contact with the quick-add bar.
        await pilot.press("a")
        await wait_for_screen(pilot, QuickAddScreen)
        await type_text(pilot, "Maya Chen (UX Researcher) @ Initrode via Jane")
        before = app.store.generation
        await pilot.press("enter")
        await wait_for_generation(pilot, before)
        (maya_id,) = [
            int(k) for k, doc in read_db(db)["contacts"].items() if doc["name"] == "Maya Chen"
        ]

        # 2. Prepare the meeting: the suggestions come checked (the starred first); drop
        # two, leaving three picked.
        await open_prep(pilot, maya_id)
        sheet = text_of(app, "sheet")
        assert "Prep sheet — Maya Chen" in sheet
        assert "Referred by:" in sheet and "Jane Doe (Design Lead @ Acme Corp)" in sheet
        assert "this is a first conversation" in sheet
        questions = question_list(app)
        assert rows(app) == [q.text for q in LOOP_BANK]
        assert set(questions.selected) == set(rows(app))
        await toggle(pilot, "Which parts of it are growing?")
        await toggle(pilot, "What does a typical week look like?")
        subtitle = app.screen.query_one("#questions-box").border_subtitle
        assert str(subtitle) == "3 questions picked"
        picked = [
            "What is changing in your field?",
            "How did you get into this work?",
            "What would you focus on, in my place?",
        ]
        assert sorted(questions.selected) == sorted(picked)

        before = app.store.generation
        await pilot.press("enter")
        await wait_for_generation(pilot, before)
        assert isinstance(app.screen, MainScreen)
        assert read_db(db)["contacts"][str(maya_id)]["prepared"] == picked
        before_log = documents(db)

        # 3. Log the meeting: an answer to the first question, two new names.
        screen = await open_log(pilot, maya_id)
        labels = " ".join(str(label.render()) for label in screen.query(".question"))
        for number, text in enumerate(picked, 1):
            assert f"{number}. {text}" in labels
        await fill(pilot, "notes", "Coffee near her office")
        await fill(pilot, "answer-0", "Through a bootcamp, then a referral")
        await fill(pilot, "names", "Ann Lee (Designer) @ Foo Inc\nSam Roe @ Bar Labs", keys=True)
        await settle(pilot)
        names = text_of(app, "names-preview")
        assert "+ Ann Lee (Designer, Foo Inc): new lead, referred by Maya Chen" in names
        assert "+ Sam Roe (Bar Labs): new lead, referred by Maya Chen" in names
        summary = text_of(app, "summary")
        assert "2 new leads" in summary and "thank-you due Thu 26 Nov" in summary
        assert "Maya Chen becomes met" in summary
        assert documents(db) == before_log  # nothing saved while typing

        before = app.store.generation
        await pilot.press("ctrl+s")
        await wait_for_generation(pilot, before)
        assert isinstance(app.screen, MainScreen)

        # On disk: two leads referred by Maya, a thank-you due tomorrow, Maya met, the
        # answer stored with its question, the picks cleared.
        data = read_db(db)
        maya = data["contacts"][str(maya_id)]
        assert maya["status"] == "met"
        assert maya["prepared"] == []
        leads = {
            doc["name"]: doc
            for doc in data["contacts"].values()
            if doc["name"] in ("Ann Lee", "Sam Roe")
        }
        assert set(leads) == {"Ann Lee", "Sam Roe"}
        for lead in leads.values():
            assert lead["status"] == "lead"
            assert lead["referred_by"] == maya_id
        assert (leads["Ann Lee"]["title"], leads["Ann Lee"]["company"]) == ("Designer", "Foo Inc")
        thanks = [
            f
            for f in data["followups"].values()
            if f["contact_id"] == maya_id and f["done"] is None
        ]
        assert [(f["text"], f["due"]) for f in thanks] == [("Send a thank-you note", "2026-11-26")]
        (note,) = [n for n in data["notes"].values() if n["contact_id"] == maya_id]
        assert note["kind"] == "meeting" and note["date"] == "2026-11-25"
        assert note["text"] == "Coffee near her office"
        assert note["answers"] == [
            {"question": picked[0], "answer": "Through a bootcamp, then a referral"}
        ]
        ids = {int(k) for k, doc in data["contacts"].items() if doc["name"] in leads}
        assert set(note["new_contacts"]) == ids

        # 4. Undo, from the main screen: the tables are exactly as before the log.
        await pilot.press("ctrl+z")
        await wait_until(pilot, lambda: documents(db) == before_log)
        await settle(pilot)
        assert documents(db) == before_log
        assert any("Undid: logged a meeting with Maya Chen" in n for n in notifications(app))


# --- the prep sheet -------------------------------------------------------------------------


async def test_prep_shows_the_sheet_and_saves_nothing_on_escape(app, db: Path) -> None:
    before = db.read_bytes()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_prep(pilot, ZOE)
        sheet = text_of(app, "sheet")
        assert "Prep sheet — Zoë Martin" in sheet
        assert "Recruiter at Initech" in sheet
        assert "Referred by:" in sheet and "Jane Doe" in sheet
        assert "reply to the intro email" in sheet  # an open follow-up
        assert "Questions for Zoë Martin" in screen_text(app)
        starred = {q.text for q in load_bank().starred()}
        assert starred <= set(question_list(app).selected)
        await pilot.press("space", "escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
    assert db.read_bytes() == before


async def test_prep_shows_last_time_and_marks_questions_asked_before(db: Path) -> None:
    asked = load_bank().starred()[0].text
    store = Store.open(db, clock=CLOCK)
    store.log_meeting(
        MeetingLog(BOB, CLOCK().date(), text="Lunch", answers=(Answer(asked, "Yes"),))
    )
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_prep(pilot, BOB)
        sheet = text_of(app, "sheet")
        assert "What we talked about" in sheet and "Lunch" in sheet
        assert f"Q: {asked}" in sheet and "A: Yes" in sheet
        assert asked not in question_list(app).selected  # not suggested again
        assert f"(asked) {asked}"[:40] in screen_text(app)
        await move_to(pilot, asked)
        full = text_of(app, "question-full")
        assert full == f"{asked}\n(answered by Bob Smith at an earlier meeting)"


async def test_star_add_and_edit_save_the_users_bank(app, db: Path, netui_home: Path) -> None:
    user_bank = netui_home / "config" / "questions.toml"
    assert not user_bank.exists()  # the shipped bank, until the first change
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await open_prep(pilot, DANA)
        first = rows(app)[1]
        assert not load_bank().get(first).starred

        # * stars the highlighted question, at once, in the user's copy of the bank.
        await move_to(pilot, first)
        await pilot.press("asterisk")
        await wait_until(pilot, user_bank.exists)
        await settle(pilot)
        assert load_bank().get(first).starred
        assert f"★ {first}" in screen_text(app)
        await pilot.press("asterisk")
        await settle(pilot)
        assert not load_bank().get(first).starred

        # a adds a question to the highlighted one's group; it comes picked.
        group = load_bank().get(first).group
        await pilot.press("a")
        await wait_for_screen(pilot, QuestionDialog)
        await type_text(pilot, "Who do you learn the most from?")
        await pilot.press("enter")
        await wait_for_screen(pilot, PrepScreen)
        await settle(pilot)
        added = load_bank().get("Who do you learn the most from?")
        assert added is not None and added.group == group
        assert "Who do you learn the most from?" in question_list(app).selected

        # A question already in the bank is refused in the dialog, which keeps the text.
        await pilot.press("a")
        dialog = await wait_for_screen(pilot, QuestionDialog)
        await type_text(pilot, first.upper())
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog
        assert "is already in the bank" in text_of(app, "dialog-problem")
        assert app.screen.query_one("#text", Input).value == first.upper()
        await pilot.press("escape")
        await wait_for_screen(pilot, PrepScreen)

        # e edits the highlighted question; a picked one stays picked under its new text.
        await move_to(pilot, "Who do you learn the most from?")
        await pilot.press("e")
        await wait_for_screen(pilot, QuestionDialog)
        field = app.screen.query_one("#text", Input)
        assert field.value == "Who do you learn the most from?"
        field.value = "Who do you learn the most from, at work?"
        await pilot.press("enter")
        await wait_for_screen(pilot, PrepScreen)
        await settle(pilot)
        bank = load_bank()
        assert "Who do you learn the most from?" not in bank
        assert "Who do you learn the most from, at work?" in bank
        assert "Who do you learn the most from, at work?" in question_list(app).selected

        before = app.store.generation
        await pilot.press("ctrl+s")
        await wait_for_generation(pilot, before)
        prepared = read_db(db)["contacts"][str(DANA)]["prepared"]
        assert "Who do you learn the most from, at work?" in prepared


async def test_an_unreadable_bank_is_never_saved_over(app, db: Path, netui_home: Path) -> None:
    user_bank = netui_home / "config" / "questions.toml"
    user_bank.parent.mkdir(parents=True)
    user_bank.write_text("[[group]\nbroken", encoding="utf-8")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        pilot.app.push_screen(PrepScreen(JANE))
        await wait_for_screen(pilot, PrepScreen)
        await settle(pilot)
        assert "is not valid TOML" in text_of(app, "bank-problem")
        await pilot.press("asterisk", "a", "e")
        await settle(pilot)
        assert isinstance(app.screen, PrepScreen)
    assert user_bank.read_text(encoding="utf-8") == "[[group]\nbroken"


async def test_a_picked_question_since_removed_from_the_bank_stays_picked(
    db: Path, netui_home: Path
) -> None:
    Store.open(db, clock=CLOCK).set_prepared(JANE, ["An old question of mine"])
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_prep(pilot, JANE)
        assert question_list(app).selected == ["An old question of mine"]
        assert "Picked earlier (no longer in the bank)" in screen_text(app)


# --- the meeting log: what it refuses, and what it keeps ------------------------------------


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("date", "the 45th of smarch", "date: can't read the date 'the 45th of smarch'"),
        ("date", "tomorrow", "date: Thu 26 Nov is still to come"),
        ("names", "Ann Lee\nSam (Designer", "new names, line 2: a title goes between ( and )"),
        ("names", "Jane Doe", "Jane Doe is the person you met"),
        ("names", "Ann Lee <ann@x.com>", "new names, line 1: only Name (title) @ Company here"),
        ("promises", "send the deck by feb 30", "things I promised, line 1:"),
    ],
)
async def test_invalid_input_is_named_and_saves_nothing(
    app, db: Path, field: str, text: str, message: str
) -> None:
    before = db.read_bytes()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        screen = await open_log(pilot, JANE)
        await fill(pilot, "notes", "Talked about the team")
        await fill(pilot, field, text)
        await settle(pilot)
        assert message in text_of(app, "problem")
        assert "Nothing will be saved until this is fixed." in text_of(app, "summary")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen  # the form stays, with what was typed
        widget = screen.query_one(f"#{field}")
        assert (widget.value if isinstance(widget, Input) else widget.text) == text
        assert screen.query_one("#notes", TextArea).text == "Talked about the team"
    assert db.read_bytes() == before


async def test_a_failed_save_keeps_everything_typed(app, db: Path) -> None:
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await settle(pilot)
        screen = await open_log(pilot, JANE)
        await fill(pilot, "notes", "Coffee, two names")
        await fill(pilot, "names", "Ann Lee")
        # Meanwhile another process deletes Jane.
        Store.open(db, clock=CLOCK).delete_contact(JANE)
        before = db.read_bytes()
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: notifications(app))
        await settle(pilot)
        assert app.screen is screen
        assert any("no longer exists" in n for n in notifications(app))
        assert screen.query_one("#notes", TextArea).text == "Coffee, two names"
        assert screen.query_one("#names", TextArea).text == "Ann Lee"
        assert db.read_bytes() == before


async def test_existing_names_are_linked_and_promises_become_followups(app, db: Path) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await open_log(pilot, JANE)
        await fill(pilot, "names", "dana lee\nPriya Patel")
        await fill(pilot, "companies", "Hooli, Pied Piper ,, UX research roles")
        await fill(pilot, "promises", "send the deck friday\nintro Sam to Bob")
        await focus_field(pilot, "thanked")
        await pilot.press("space")
        await settle(pilot)
        assert app.screen.query_one("#thanked", Checkbox).value
        names = text_of(app, "names-preview")
        assert "= Dana Lee (Product Manager, Hooli): already a contact, linked" in names
        promises = text_of(app, "promises-preview")
        assert "• send the deck, due Fri 27 Nov" in promises
        assert "• intro Sam to Bob, due Wed 2 Dec" in promises
        summary = text_of(app, "summary")
        assert "2 existing contacts linked" in summary and "new lead" not in summary
        assert "2 promises due Fri 27 Nov and Wed 2 Dec" in summary
        assert "thank-you already sent" in summary

        before = app.store.generation
        await pilot.press("ctrl+s")
        await wait_for_generation(pilot, before)
    data = read_db(db)
    assert len(data["contacts"]) == 6  # linked, not duplicated
    assert data["contacts"][str(DANA)]["referred_by"] == JANE  # nobody had referred her
    assert data["contacts"][str(PRIYA)]["referred_by"] == BOB  # her referrer stays
    note = data["notes"][max(data["notes"], key=int)]
    assert note["new_contacts"] == [DANA, PRIYA]
    assert note["companies"] == ["Hooli", "Pied Piper", "UX research roles"]
    assert note["promises"] == ["send the deck", "intro Sam to Bob"]
    new_followups = [
        f for f in data["followups"].values() if f["created"] and f["text"] in note["promises"]
    ]
    assert sorted((f["text"], f["due"], f["contact_id"]) for f in new_followups) == [
        ("intro Sam to Bob", "2026-12-02", JANE),
        ("send the deck", "2026-11-27", JANE),
    ]
    assert not any(f["text"] == "Send a thank-you note" for f in data["followups"].values())


async def test_kind_and_date_are_kept(app, db: Path) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        screen = await open_log(pilot, ZOE)
        await fill(pilot, "date", "monday")
        assert text_of(app, "date-preview") == "→ Mon 23 Nov"
        screen.query_one("#kind", Select).value = NoteKind.CALL
        await fill(pilot, "notes", "Phone screen tips")
        await settle(pilot)
        summary = text_of(app, "summary")
        assert "a call on Mon 23 Nov" in summary
        assert "Zoë Martin becomes contacted" in summary
        assert "thank-you due Tue 24 Nov" in summary
        before = app.store.generation
        await pilot.press("ctrl+s")
        await wait_for_generation(pilot, before)
    data = read_db(db)
    note = data["notes"][max(data["notes"], key=int)]
    assert (note["kind"], note["date"], note["contact_id"]) == ("call", "2026-11-23", ZOE)
    assert data["contacts"][str(ZOE)]["status"] == "contacted"


async def test_with_nothing_prepared_the_starred_questions_not_asked_are_offered(
    app, db: Path, netui_home: Path
) -> None:
    save_bank(
        QuestionBank(("Path",), ())
        .add("Path", "How did you start?", starred=True)
        .add("Path", "What next?", starred=True)
        .add("Path", "Unstarred one")
    )
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        screen = await open_log(pilot, JANE)
        await wait_until(pilot, lambda: screen.query("#answer-1"))
        await pilot.press("ctrl+r")  # the answers come after the outcomes: one key away
        await settle(pilot)
        assert "nothing was prepared" in screen_text(app)
        assert screen.questions == ["How did you start?", "What next?"]
        await fill(pilot, "answer-1", "A bigger team")
        before = app.store.generation
        await pilot.press("ctrl+s")
        await wait_for_generation(pilot, before)
    data = read_db(db)
    note = data["notes"][max(data["notes"], key=int)]
    # Only the question answered counts as asked.
    assert note["answers"] == [{"question": "What next?", "answer": "A bigger team"}]


async def test_escape_asks_before_throwing_away_what_was_typed(app, db: Path) -> None:
    before = db.read_bytes()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        screen = await open_log(pilot, JANE)
        await fill(pilot, "notes", "Something worth keeping")
        await pilot.press("escape")
        await wait_for_screen(pilot, ConfirmScreen)
        await pilot.press("n")
        await wait_for_screen(pilot, MeetingLogScreen)
        assert app.screen is screen
        assert screen.query_one("#notes", TextArea).text == "Something worth keeping"
        await pilot.press("escape")
        await wait_for_screen(pilot, ConfirmScreen)
        await pilot.press("y")
        await wait_for_screen(pilot, MainScreen)
        # An untouched form closes at once.
        await open_log(pilot, JANE)
        await pilot.press("escape")
        await wait_for_screen(pilot, MainScreen)
    assert db.read_bytes() == before


# --- markup is shown literally --------------------------------------------------------------


async def test_markup_names_and_questions_show_literally(db: Path) -> None:
    person, *_ = add_markup_contacts(db)  # "[/]"
    Store.open(db, clock=CLOCK).set_prepared(person, ["What about [b]bold[/b]?"])
    app = make_app(db)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await open_prep(pilot, person)
        text = screen_text(app)
        assert "Prep sheet — [/]" in text and "Questions for [/]" in text
        assert "What about [b]bold[/b]?" in text
        await pilot.press("escape")
        await wait_for_screen(pilot, MainScreen)

        await open_log(pilot, person)
        assert "Log a meeting with [/]" in screen_text(app)
        await pilot.press("ctrl+r")  # the answers come after the outcomes: one key away
        await settle(pilot)
        assert "1. What about [b]bold[/b]?" in screen_text(app)
        await fill(pilot, "answer-0", "[i]yes[/i]")
        await fill(pilot, "names", "[red]Ann[/red] @ [link='https://x']y")
        await settle(pilot)
        preview = "+ [red]Ann[/red] ([link='https://x']y): new lead, referred by [/]"
        assert preview in text_of(app, "names-preview")
        assert preview in screen_text(app)
        before = app.store.generation
        await pilot.press("ctrl+s")
        await wait_for_generation(pilot, before)
        assert "Logged the meeting with [/]" in screen_text(app)  # the toast's title
    data = read_db(db)
    contacts = {doc["name"]: doc for doc in data["contacts"].values()}
    assert contacts["[red]Ann[/red]"]["company"] == "[link='https://x']y"
    assert contacts["[red]Ann[/red]"]["referred_by"] == person
    note = data["notes"][max(data["notes"], key=int)]
    assert note["answers"] == [{"question": "What about [b]bold[/b]?", "answer": "[i]yes[/i]"}]


@pytest.mark.parametrize("screen", [PrepScreen, MeetingLogScreen])
async def test_a_contact_that_is_gone_closes_the_screen_with_a_message(app, screen) -> None:
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        app.push_screen(screen(999))
        await wait_until(pilot, lambda: notifications(app))
        await wait_for_screen(pilot, MainScreen)
        assert "That contact no longer exists." in notifications(app)
