"""Redo undoes an undo, by the rule undo follows: a change made on top of the file as it
is now, writing only what the undo wrote where it still holds, asking where another
writer changed it since. The tests look at the file on disk after each step."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from storekit import day, names, on_disk, run_worker, tables

from netui.errors import ConflictError, StoreError
from netui.model import Contact, FollowUp, Note, NoteKind, Status
from netui.store import Choices, Resolution, Store


@pytest.fixture
def store(db: Path) -> Store:
    """Jane (with notes and follow-ups) and Raj, whom Jane referred; nothing undoable."""
    store = Store.open(db, clock=day(0))
    jane = store.add_contact(Contact(name="Jane Doe", company="Acme", tags=("design",)))
    raj = store.add_contact(Contact(name="Raj Patel", referred_by=jane.id))
    store.add_followup(FollowUp(text="email Jane", due=date(2026, 12, 1), contact_id=jane.id))
    store.add_note(Note(text="met Jane", date=date(2026, 11, 20), contact_id=jane.id))
    store.add_note(Note(text="a thought", date=date(2026, 11, 21), contact_id=jane.id))
    store.add_followup(FollowUp(text="call Raj", due=date(2026, 12, 2), contact_id=raj.id))
    store.history.clear()
    store.clock = day(1)  # so that a change's timestamps differ from the originals
    return store


def another_process(db: Path, code: str) -> None:
    """Run `code` in a second netui process, with `store` open on `db` (as a second app
    or a script would write the file)."""
    program = f"from netui.store import Store\nstore = Store.open({str(db)!r})\n"
    done = subprocess.run(
        [sys.executable, "-c", program + textwrap.dedent(code)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def _import(store: Store) -> Any:
    """An import of two people, the second referred by the first, and Raj's new title."""
    raj = store.contact(2)
    return store.apply_import(
        [Contact(name="Lee Wong", company="Initech"), Contact(name="Mo Adi")],
        [(raj, replace(raj, title="CTO"))],
        "imported from CSV (added 2, updated 1)",
        referrers={1: 0},
    )


CHANGES: dict[str, Callable[[Store], Any]] = {
    "add-contact": lambda s: s.add_contact(Contact(name="Cy Diaz", referred_by=1)),
    "edit-fields": lambda s: s.update_contact(
        replace(s.contact(1), name="Jane Roe", tags=("design", "lead"), status=Status.CONTACTED),
        s.contact(1),
    ),
    "delete-contact-with-notes": lambda s: s.delete_contact(1),
    "import": _import,
    "meeting-note": lambda s: s.add_note(
        Note(text="coffee", date=date(2026, 11, 24), contact_id=2, kind=NoteKind.MEETING)
    ),
}


def _everything(store: Store) -> dict[str, dict[int | None, Any]]:
    return {
        "contacts": {c.id: c for c in store.contacts()},
        "followups": {f.id: f for f in store.followups(include_done=True)},
        "notes": {n.id: n for n in store.notes()},
    }


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_redo_puts_the_file_back_as_the_change_left_it_again_and_again(
    db: Path, store: Store, change: Callable[[Store], Any]
) -> None:
    before = tables(db)
    change(store)
    after = tables(db)
    description = store.undo_list()[0]
    assert after != before

    for _ in range(3):  # undo, redo, undo, redo…: no end to it
        assert store.undo() == description
        assert tables(db) == before
        assert store.redo_list() == [description]
        assert store.redo() == description
        assert tables(db) == after
        assert store.undo_list() == [description]
        assert store.redo_list() == []
    assert _everything(store) == _everything(Store.open(db))  # memory agrees with the file


def test_redo_of_a_deleted_contact_takes_their_notes_and_follow_ups_again(
    db: Path, store: Store
) -> None:
    assert store.delete_contact(1) == "Jane Doe, with 2 notes and 1 follow-up"
    store.undo()
    assert on_disk(db)["contacts"]["2"]["referred_by"] == 1
    assert len(on_disk(db)["notes"]) == 2

    assert store.redo() == "deleted Jane Doe, with 2 notes and 1 follow-up"

    data = on_disk(db)
    assert [doc["name"] for doc in data["contacts"].values()] == ["Raj Patel"]
    assert data["contacts"]["2"]["referred_by"] is None
    assert data["notes"] == {}
    assert [doc["text"] for doc in data["followups"].values()] == ["call Raj"]


def test_a_new_change_empties_the_redo_list(db: Path, store: Store) -> None:
    store.add_contact(Contact(name="Cy Diaz"))
    store.undo()
    assert store.redo_list() == ["added Cy Diaz"]

    store.snooze_followup(1, date(2027, 1, 4))

    assert store.redo_list() == []
    assert store.redo() is None
    assert "Cy Diaz" not in [doc["name"] for doc in on_disk(db)["contacts"].values()]
    assert store.undo_list() == ["snoozed 'email Jane' to 2027-01-04"]


def test_a_change_that_writes_nothing_keeps_the_redo_list(db: Path, store: Store) -> None:
    store.add_contact(Contact(name="Cy Diaz"))
    store.undo()
    jane = store.contact(1)
    store.update_contact(jane, jane)  # saved unchanged: nothing written, nothing undoable
    assert store.redo_list() == ["added Cy Diaz"]


def test_the_lists_say_what_undo_and_redo_would_do_newest_first(db: Path, store: Store) -> None:
    assert (store.undo_list(), store.redo_list()) == ([], [])
    store.add_contact(Contact(name="Cy Diaz"))
    store.snooze_followup(1, date(2027, 1, 4))
    store.add_note(Note(text="coffee", date=date(2026, 11, 24), contact_id=2))
    assert store.undo_list() == [
        "added a note",
        "snoozed 'email Jane' to 2027-01-04",
        "added Cy Diaz",
    ]

    store.undo()
    store.undo()
    assert store.undo_list() == ["added Cy Diaz"]
    assert store.redo_list() == ["snoozed 'email Jane' to 2027-01-04", "added a note"]
    assert on_disk(db)["followups"]["1"]["due"] == "2026-12-01"

    assert store.redo() == "snoozed 'email Jane' to 2027-01-04"
    assert on_disk(db)["followups"]["1"]["due"] == "2027-01-04"
    assert store.undo_list() == ["snoozed 'email Jane' to 2027-01-04", "added Cy Diaz"]
    assert store.redo_list() == ["added a note"]
    assert store.redo() == "added a note"
    assert store.redo() is None
    assert [doc["text"] for doc in on_disk(db)["notes"].values()][-1] == "coffee"


def test_redo_keeps_what_another_process_added_meanwhile(db: Path, store: Store) -> None:
    store.update_contact(replace(store.contact(1), title="Design Lead"), store.contact(1))
    store.undo()
    worker = run_worker("add", str(db), "Other", "2")
    assert worker.stdout is not None and worker.stdin is not None
    assert worker.stdout.readline().strip() == "ready"
    worker.stdin.write("go\n")
    worker.stdin.flush()
    assert worker.wait(timeout=60) == 0

    assert store.redo() == "edited Jane Doe"

    assert on_disk(db)["contacts"]["1"]["title"] == "Design Lead"
    assert sorted(names(Store.open(db))) == ["Jane Doe", "Other 0000", "Other 0001", "Raj Patel"]


SET_TITLE = """
from dataclasses import replace
jane = store.contact(1)
store.update_contact(replace(jane, title="CTO"), jane)
"""


def test_redo_over_a_field_changed_since_asks_and_writes_nothing(db: Path, store: Store) -> None:
    store.update_contact(replace(store.contact(1), title="Design Lead"), store.contact(1))
    store.undo()
    another_process(db, SET_TITLE)
    before = db.read_bytes()

    with pytest.raises(ConflictError) as asked:
        store.redo()

    assert "can't redo 'edited Jane Doe' yet" in str(asked.value)
    assert db.read_bytes() == before  # nothing saved
    assert store.redo_list() == ["edited Jane Doe"]  # still redoable once answered
    (conflict,) = asked.value.conflicts
    assert (conflict.theirs, conflict.mine) == ("CTO", "Design Lead")

    store.redo(Choices(Resolution.THEIRS, asked.value.conflicts))
    assert on_disk(db)["contacts"]["1"]["title"] == "CTO"
    assert store.redo_list() == []


def test_redo_over_a_field_changed_since_writes_mine_when_told(db: Path, store: Store) -> None:
    store.update_contact(replace(store.contact(1), title="Design Lead"), store.contact(1))
    store.undo()
    another_process(db, SET_TITLE)
    with pytest.raises(ConflictError) as asked:
        store.redo()

    assert store.redo(Choices(Resolution.MINE, asked.value.conflicts)) == "edited Jane Doe"

    assert on_disk(db)["contacts"]["1"]["title"] == "Design Lead"
    assert store.undo() == "edited Jane Doe"  # and the redo can be undone in turn
    assert on_disk(db)["contacts"]["1"]["title"] == "CTO"  # what it found, put back


def test_redo_of_a_change_to_someone_deleted_since_leaves_the_list(db: Path, store: Store) -> None:
    store.update_contact(replace(store.contact(2), title="CTO"), store.contact(2))
    store.add_contact(Contact(name="Cy Diaz"))
    store.undo()
    store.undo()
    another_process(db, "store.delete_contact(2)")
    before = db.read_bytes()

    with pytest.raises(StoreError) as refused:
        store.redo()

    assert str(refused.value).startswith("can't redo 'edited Raj Patel': ")
    assert str(refused.value).endswith("it leaves the redo list")
    assert db.read_bytes() == before
    assert store.redo_list() == ["added Cy Diaz"]  # the next one is still there
    assert store.redo() == "added Cy Diaz"


def test_redo_of_a_follow_up_whose_contact_went_since_leaves_the_list(
    db: Path, store: Store
) -> None:
    store.add_followup(FollowUp(text="send the deck", due=date(2026, 12, 3), contact_id=2))
    store.undo()
    another_process(db, "store.delete_contact(2)")
    before = db.read_bytes()

    with pytest.raises(StoreError, match="it leaves the redo list"):
        store.redo()

    assert db.read_bytes() == before
    assert store.redo_list() == []
