"""`#advice` in a quick-add follow-up (issue 14): the follow-up acts on its contact's
advice (`FollowUp.advice`), the tag leaves the text, the preview says whose advice; and
`netui add followup` reads it the same way (run once through the CLI)."""

from __future__ import annotations

from datetime import date

import pytest

from netui.errors import QuickAddError
from netui.model import Contact, NoteKind
from netui.quickadd import describe, parse_followup, parse_note

TODAY = date(2026, 5, 22)  # a Friday
JOSE = Contact("José Ortiz", company="Northwind", id=1)
JANE = Contact("Jane Doe", company="Acme", id=2)
PEOPLE = (JOSE, JANE)


@pytest.mark.parametrize(
    "line",
    [
        "José: read Inspired #advice",
        "José: #advice read Inspired",
        "José: read #ADVICE Inspired",
        "jose: read Inspired #Advice ",
    ],
)
def test_the_advice_tag_marks_the_follow_up_and_leaves_the_text(line: str) -> None:
    draft = parse_followup(line, PEOPLE, TODAY)
    assert (draft.text, draft.contact, draft.advice) == ("read Inspired", JOSE, True)
    saved = draft.to_followup()
    assert (saved.text, saved.contact_id, saved.advice) == ("read Inspired", 1, True)


def test_the_tag_works_before_a_due_date() -> None:
    draft = parse_followup("Jane: try the portfolio review #advice next friday", PEOPLE, TODAY)
    assert (draft.text, draft.due, draft.advice) == (
        "try the portfolio review",
        date(2026, 5, 29),
        True,
    )


def test_without_the_tag_nothing_is_marked() -> None:
    draft = parse_followup("Jane: read Inspired", PEOPLE, TODAY)
    assert draft.advice is False and draft.to_followup().advice is False
    assert "advice" not in describe(draft, TODAY)


@pytest.mark.parametrize(
    "line", ["Jane: #advicex read", "Jane: read#advice", "Jane: a #advice-ish book"]
)
def test_only_the_whole_tag_counts(line: str) -> None:
    draft = parse_followup(line, PEOPLE, TODAY)
    assert draft.advice is False
    assert "advice" in draft.text


def test_the_preview_says_whose_advice() -> None:
    draft = parse_followup("José: read Inspired #advice", PEOPLE, TODAY)
    assert describe(draft, TODAY) == (
        "follow-up for José Ortiz: read Inspired — due Fri 29 May (in a week) "
        "(acting on José's advice)"
    )
    nobody = parse_followup("read Inspired #advice", PEOPLE, TODAY)
    assert nobody.advice and describe(nobody, TODAY).endswith("(acting on advice)")


def test_the_tag_alone_is_no_follow_up() -> None:
    with pytest.raises(QuickAddError, match="what is the follow-up"):
        parse_followup("José: #advice", PEOPLE, TODAY)


def test_a_note_keeps_the_tag_as_text() -> None:
    note = parse_note("José: said to read Inspired #advice", PEOPLE, TODAY)
    assert note.text == "said to read Inspired #advice"
    assert "advice" in describe(note, TODAY, NoteKind.OUTREACH)
