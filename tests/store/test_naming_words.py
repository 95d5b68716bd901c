"""The words a change's description (the undo message, "Undid: …") is made of."""

from __future__ import annotations

import pytest

from netui.model import NoteKind
from netui.store.naming import a_note, counted


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        (NoteKind.NOTE, "a note"),
        (NoteKind.MEETING, "a meeting note"),
        (NoteKind.CALL, "a call note"),
        (NoteKind.COFFEE, "a coffee note"),
        (NoteKind.EVENT, "an event note"),
        (NoteKind.EMAIL, "an email note"),
        ("email", "an email note"),
    ],
)
def test_a_note_of_each_kind(kind, words: str) -> None:
    assert a_note(kind) == words


def test_counted_is_singular_for_one() -> None:
    assert [counted(n, "contact") for n in (0, 1, 2)] == ["0 contacts", "1 contact", "2 contacts"]
    assert counted(1, "question") == "1 question"
