"""What the quick-add grammar says of a note's kind, and the note dated in the future it
refuses (issue 13, "Words and small truths")."""

from __future__ import annotations

from datetime import date

import pytest

from netui.errors import QuickAddError
from netui.model import Contact, NoteKind
from netui.quickadd import describe, parse_note

TODAY = date(2026, 5, 22)  # a Friday
JANE = Contact("Jane Doe", company="Acme", id=1)


@pytest.mark.parametrize("kind", list(NoteKind))
def test_describe_names_the_kind_of_note(kind: NoteKind) -> None:
    draft = parse_note("Jane: talked", [JANE], TODAY)
    expected = "note" if kind is NoteKind.NOTE else f"{kind} note"
    assert describe(draft, TODAY, kind) == f"{expected} for Jane Doe on Fri 22 May: talked"
    assert "note note" not in describe(draft, TODAY, kind)


def test_describe_without_a_kind_is_a_plain_note() -> None:
    draft = parse_note("Jane: yesterday, call", [JANE], TODAY)
    assert describe(draft, TODAY) == "note for Jane Doe on Thu 21 May: call"


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("Jane: tomorrow, coffee", "Sat 23 May"),
        ("Jane: next friday, coffee", "Fri 29 May"),
        ("Jane: in 3 days, lunch", "Mon 25 May"),
        ("Jane: 2026-06-01, call", "Mon 1 Jun"),
        ("tomorrow, the meetup", "Sat 23 May"),
    ],
)
def test_a_note_dated_in_the_future_is_refused(line: str, shown: str) -> None:
    with pytest.raises(QuickAddError) as caught:
        parse_note(line, [JANE], TODAY)
    message = str(caught.value)
    assert message.startswith(f"{shown} is still to come")
    assert "add a follow-up" in message


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Jane: today, coffee", TODAY),
        ("Jane: friday, coffee", date(2026, 5, 15)),  # the Friday gone
        ("Jane: yesterday, coffee", date(2026, 5, 21)),
        ("Jane: she'll call me next friday", TODAY),  # a date in the text is text
    ],
)
def test_a_note_dated_today_or_before_is_kept(line: str, day: date) -> None:
    assert parse_note(line, [JANE], TODAY).date == day
