"""Undo puts the documents a change touched back exactly as they were in the file, on
top of whatever other processes saved meanwhile."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from storekit import day, names, on_disk, tables

from netui.model import Contact, FollowUp, Note, NoteKind, Status
from netui.store import Store


@pytest.fixture
def store(db: Path) -> Store:
    """Jane (referred by nobody), Raj (referred by Jane), each with notes and follow-ups."""
    store = Store.open(db, clock=day(0))
    jane = store.add_contact(Contact(name="Jane Doe", company="Acme", tags=("design",)))
    raj = store.add_contact(Contact(name="Raj Patel", referred_by=jane.id))
    for who in (jane, raj):
        store.add_followup(
            FollowUp(text=f"email {who.name}", due=date(2026, 12, 1), contact_id=who.id)
        )
        store.add_followup(
            FollowUp(text=f"call {who.name}", due=date(2026, 12, 2), contact_id=who.id)
        )
        store.add_note(Note(text=f"met {who.name}", date=date(2026, 11, 20), contact_id=who.id))
        store.add_note(Note(text="a thought", date=date(2026, 11, 21), contact_id=who.id))
    store.clock = day(1)  # so that an edit's timestamps differ from the originals
    return store


def _jane(store: Store) -> Contact:
    return store.contact(1)


def _open_followup(store: Store) -> int:
    return store.followups(contact_id=1)[0].id or 0


CHANGES: dict[str, Callable[[Store], Any]] = {
    "add-contact": lambda s: s.add_contact(Contact(name="Cy Diaz")),
    "add-contacts": lambda s: s.add_contacts([Contact(name="Cy Diaz"), Contact(name="Dee Ek")]),
    "edit-contact": lambda s: s.update_contact(
        replace(_jane(s), name="Jane Roe", tags=("design", "lead"), status=Status.CONTACTED),
        _jane(s),
    ),
    "delete-contact-with-cascade": lambda s: s.delete_contact(1),
    "add-followup": lambda s: s.add_followup(FollowUp(text="x", due=date(2027, 1, 1))),
    "complete-followup": lambda s: s.complete_followup(_open_followup(s)),
    "snooze-followup": lambda s: s.snooze_followup(_open_followup(s), date(2027, 1, 1)),
    "delete-followup": lambda s: s.delete_followup(_open_followup(s)),
    "add-meeting-note": lambda s: s.add_note(
        Note(text="coffee", date=date(2026, 11, 24), contact_id=2, kind=NoteKind.MEETING)
    ),
    "edit-note": lambda s: s.update_note(replace(s.notes(1)[0], text="edited"), s.notes(1)[0]),
    "delete-note": lambda s: s.delete_note(s.notes(1)[0].id or 0),
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
@pytest.mark.parametrize("meanwhile", [False, True], ids=["alone", "another-store-added"])
def test_undo_restores_the_documents_exactly(
    db: Path, store: Store, change: Callable[[Store], Any], meanwhile: bool
) -> None:
    before = tables(db)
    change(store)
    assert tables(db) != before  # the change did reach the file

    expected = before
    if meanwhile:  # another netui adds someone between the change and its undo
        other = Store.open(db, clock=day(1)).add_contact(Contact(name="Other Person"))
        expected = {**before, "contacts": {**before["contacts"]}}
        expected["contacts"][str(other.id)] = tables(db)["contacts"][str(other.id)]

    assert store.undo() is not None

    assert tables(db) == expected
    assert _everything(store) == _everything(Store.open(db))  # memory agrees with the file
    assert sorted(names(store)) == sorted(doc["name"] for doc in expected["contacts"].values())


def _everything(store: Store) -> dict[str, dict[int | None, Any]]:
    return {
        "contacts": {c.id: c for c in store.contacts()},
        "followups": {f.id: f for f in store.followups(include_done=True)},
        "notes": {n.id: n for n in store.notes()},
    }


def test_a_cascading_delete_removes_everything_it_says_and_undo_brings_it_all_back(
    db: Path, store: Store
) -> None:
    before = tables(db)
    text = store.delete_contact(1)

    assert text == "Jane Doe, with 2 notes and 2 follow-ups"
    after = tables(db)
    assert "1" not in after["contacts"]
    assert after["contacts"]["2"]["referred_by"] is None  # Raj stays, unreferred
    assert all(doc["contact_id"] == 2 for doc in after["notes"].values())
    assert all(doc["contact_id"] == 2 for doc in after["followups"].values())

    assert store.undo() == "deleted Jane Doe, with 2 notes and 2 follow-ups"
    assert tables(db) == before
    assert store.contact(2).referred_by == 1
    assert len(store.notes(1)) == 2


def test_undo_of_a_meeting_note_puts_the_status_back(db: Path, store: Store) -> None:
    assert store.contact(2).status is Status.LEAD
    store.add_note(
        Note(text="coffee", date=date(2026, 11, 24), contact_id=2, kind=NoteKind.MEETING)
    )
    assert on_disk(db)["contacts"]["2"]["status"] == "met"
    store.undo()
    assert on_disk(db)["contacts"]["2"]["status"] == "lead"
    assert store.contact(2).status is Status.LEAD


def test_undo_goes_back_one_change_at_a_time_then_says_there_is_nothing(
    db: Path, store: Store
) -> None:
    start = tables(db)
    store.add_contact(Contact(name="Cy Diaz"))
    middle = tables(db)
    store.snooze_followup(_open_followup(store), date(2027, 1, 1))

    assert store.undo() == "snoozed 'email Jane Doe' to 2027-01-01"
    assert tables(db) == middle
    assert store.undo() == "added Cy Diaz"
    assert tables(db) == start
    while store.history:
        store.undo()
    assert store.undo() is None


def test_undoing_a_change_another_process_already_reverted(db: Path, store: Store) -> None:
    """Undo "added Cy" after someone else deleted Cy: nothing to write, no crash, and the
    change before it stays undoable."""
    store.history.clear()
    store.add_contact(Contact(name="Bo Chen"))
    cy = store.add_contact(Contact(name="Cy Diaz"))
    Store.open(db).delete_contact(cy.id or 0)

    assert store.undo() == "added Cy Diaz (nothing changed: the file keeps its version)"
    assert [c.description for c in store.history] == ["added Bo Chen"]
    assert store.undo() == "added Bo Chen"
    assert "Bo Chen" not in names(store)
    assert sorted(doc["name"] for doc in on_disk(db)["contacts"].values()) == [
        "Jane Doe",
        "Raj Patel",
    ]


def test_an_undone_contact_s_id_is_never_reused(db: Path, store: Store) -> None:
    cy = store.add_contact(Contact(name="Cy Diaz"))
    store.undo()
    assert store.add_contact(Contact(name="Dee Ek")).id == (cy.id or 0) + 1
