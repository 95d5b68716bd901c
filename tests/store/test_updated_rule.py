"""A contact's `updated` moves exactly when one of their fields changes, by any path (the
form, a meeting log, a note that moves the status, prepared questions); a change that
changes nothing writes nothing and adds no undo step."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from netui.model import Contact, MeetingLog, NewName, Note, NoteKind, Status
from netui.store import Store

ADDED = datetime(2026, 11, 20, 9, 0)
LATER = datetime(2026, 11, 25, 18, 0)


class Clock:
    """A clock the test moves on."""

    def __init__(self) -> None:
        self.now = ADDED

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Store:
    store = Store.open(tmp_path / "netui.json", clock=clock)
    store.add_contact(Contact("Ana Lopez", company="Acme"))
    store.add_contact(Contact("Priya Patel"))
    clock.now = LATER
    return store


def doc(store: Store, contact_id: int) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(store.path.read_text(encoding="utf-8"))
    return data["contacts"][str(contact_id)]  # type: ignore[no-any-return]


def test_saving_a_contact_unchanged_writes_nothing_and_adds_no_undo_step(store: Store) -> None:
    before, history = store.path.read_bytes(), len(store.history)
    ana = store.contact(1)
    saved = store.update_contact(ana, ana)
    assert saved.updated == ADDED
    assert store.path.read_bytes() == before
    assert len(store.history) == history


def test_a_field_set_to_what_it_already_is_counts_as_no_change(store: Store) -> None:
    """The form's base may be older than the file: a field another program already set
    to the same value is no change."""
    ana = store.contact(1)
    store.update_contact(Contact("Ana Lopez", company="Acme", id=1, created=ADDED), ana)
    assert doc(store, 1)["updated"] == ADDED.isoformat()


def test_editing_a_field_bumps_updated(store: Store) -> None:
    ana = store.contact(1)
    store.update_contact(Contact("Ana Lopez", company="Globex", id=1), ana)
    assert doc(store, 1)["updated"] == LATER.isoformat()


def test_prepared_questions_bump_updated_only_when_they_change(store: Store) -> None:
    store.set_prepared(1, ["How did you start?"])
    assert doc(store, 1)["prepared"] == ["How did you start?"]
    assert doc(store, 1)["updated"] == LATER.isoformat()

    store.clock.now = datetime(2026, 11, 26, 8, 0)  # type: ignore[attr-defined]
    before, history = store.path.read_bytes(), len(store.history)
    store.set_prepared(1, ["How did you start?"])  # the same questions
    assert store.path.read_bytes() == before
    assert len(store.history) == history


def test_a_logged_meeting_bumps_who_it_changed_and_no_one_else(store: Store) -> None:
    store.add_contact(Contact("Lee Wong"))  # 3, known already, nobody referred them
    store.set_prepared(1, ["How did you start?"])
    meeting_day = datetime(2026, 11, 27, 10, 0)
    store.clock.now = meeting_day  # type: ignore[attr-defined]
    store.log_meeting(
        MeetingLog(
            contact_id=1,
            date=date(2026, 11, 27),
            text="coffee",
            new_names=(NewName("Lee Wong"),),
        )
    )
    ana = doc(store, 1)
    assert ana["status"] == "met" and ana["prepared"] == []
    assert ana["updated"] == meeting_day.isoformat()
    lee = doc(store, 3)
    assert lee["referred_by"] == 1 and lee["updated"] == meeting_day.isoformat()
    assert doc(store, 2)["updated"] == ADDED.isoformat()  # Priya: not touched


def test_a_note_that_moves_the_status_bumps_updated(store: Store) -> None:
    store.add_note(Note("sent my resume", date(2026, 11, 25), 2, NoteKind.EMAIL))
    priya = doc(store, 2)
    assert priya["status"] == str(Status.CONTACTED)
    assert priya["updated"] == LATER.isoformat()


def test_a_note_that_leaves_the_status_leaves_updated(store: Store) -> None:
    store.add_note(Note("a thought", date(2026, 11, 25), 2, NoteKind.NOTE))
    assert doc(store, 2)["updated"] == ADDED.isoformat()
