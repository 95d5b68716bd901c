"""What undo says it undid ("Undid: added a note"): a change's description names a note
by its kind once ("added a note", "added an email note", never "a note note") and counts
in the singular for one ("added 1 contact", "prepared 1 question")."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from storekit import make_store

from netui.model import Contact, Note, NoteKind


@pytest.mark.parametrize(
    ("kind", "said"),
    [
        (NoteKind.NOTE, "added a note"),
        (NoteKind.MEETING, "added a meeting note"),
        (NoteKind.EMAIL, "added an email note"),
        (NoteKind.EVENT, "added an event note"),
    ],
)
def test_undo_names_the_note_it_undid(tmp_path: Path, kind: NoteKind, said: str) -> None:
    store = make_store(tmp_path / "n.json", "Ann Lee")
    (ann,) = store.contacts()
    store.add_note(Note("talked", date(2026, 1, 5), ann.id, kind))
    assert store.undo() == said


def test_undo_counts_one_contact_in_the_singular(tmp_path: Path) -> None:
    store = make_store(tmp_path / "n.json")
    store.add_contacts([Contact(name="Ann Lee")])
    assert store.undo() == "added 1 contact"
    store.add_contacts([Contact(name="Ann Lee"), Contact(name="Bo Chen")])
    assert store.undo() == "added 2 contacts"


def test_undo_counts_one_prepared_question_in_the_singular(tmp_path: Path) -> None:
    store = make_store(tmp_path / "n.json", "Ann Lee")
    (ann,) = store.contacts()
    assert ann.id is not None
    store.set_prepared(ann.id, ["How did you get your job?"])
    assert store.undo() == "prepared 1 question for Ann Lee"
