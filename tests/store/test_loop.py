"""Logging a meeting is one change: note with outcomes, new leads, promises, thank-you."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from netui.clock import frozen_clock
from netui.errors import StoreError
from netui.model import Answer, Contact, FollowUp, Goals, MeetingLog, NewName, NoteKind
from netui.store import Store
from netui.store.loop import THANK_YOU

NOW = datetime(2026, 11, 25, 18, 0)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "netui.json", clock=frozen_clock(NOW))


def on_disk(store: Store) -> dict:
    return json.loads(store.path.read_text())


def test_a_logged_meeting_creates_leads_promises_and_a_thank_you(store: Store) -> None:
    jane = store.add_contact(Contact("Jane Doe", company="Acme"))
    priya = store.add_contact(Contact("Priya Patel"))  # already known: linked, not duplicated
    before = store.path.read_bytes()
    note = store.log_meeting(
        MeetingLog(
            contact_id=jane.id,
            date=date(2026, 11, 25),
            kind=NoteKind.COFFEE,
            text="coffee at Blue Bottle",
            answers=(Answer("How did you get your job?", "A referral from a meetup"),),
            new_names=(NewName("Lee Wong", company="Globex"), NewName("priya patel")),
            companies=("Globex",),
            feedback="lead with outcomes on the resume",
            followups=(FollowUp("send the deck", date(2026, 11, 28)),),
        )
    )
    data = on_disk(store)
    contacts = {c["name"]: c for c in data["contacts"].values()}
    assert set(contacts) == {"Jane Doe", "Priya Patel", "Lee Wong"}
    assert contacts["Lee Wong"]["status"] == "lead"
    assert contacts["Lee Wong"]["referred_by"] == jane.id
    assert contacts["Lee Wong"]["company"] == "Globex"
    assert contacts["Priya Patel"]["referred_by"] == jane.id
    assert contacts["Jane Doe"]["status"] == "met"
    saved = data["notes"][str(note.id)]
    assert saved["kind"] == "coffee"
    assert saved["answers"] == [
        {"question": "How did you get your job?", "answer": "A referral from a meetup"}
    ]
    assert saved["companies"] == ["Globex"] and saved["promises"] == ["send the deck"]
    assert sorted(saved["new_contacts"]) == sorted([priya.id, int(_id(data, "Lee Wong"))])
    followups = {f["text"]: f for f in data["followups"].values()}
    assert followups[THANK_YOU]["due"] == "2026-11-26"
    assert followups["send the deck"]["contact_id"] == jane.id

    assert store.undo() == "logged a coffee with Jane Doe"
    assert _tables(json.loads(store.path.read_text())) == _tables(json.loads(before))


def _id(data: dict, name: str) -> str:
    return next(k for k, c in data["contacts"].items() if c["name"] == name)


def _tables(data: dict) -> dict:
    return {t: data.get(t) for t in ("contacts", "followups", "notes")}


def test_no_thank_you_follow_up_when_it_was_sent(store: Store) -> None:
    jane = store.add_contact(Contact("Jane"))
    store.log_meeting(MeetingLog(jane.id, date(2026, 11, 25), thank_you_sent=True))
    assert on_disk(store)["followups"] == {}


def test_goals_and_targets_are_saved(store: Store) -> None:
    assert store.goals() == Goals(5, 2, 5)
    store.set_goals(Goals(contacts=8, meetings=3, followups=4))
    assert on_disk(store)["meta"]["1"]["goals"] == {"contacts": 8, "meetings": 3, "followups": 4}
    store.set_target("Acme Corp", True)
    store.set_target("acme corp", False)
    store.set_target("Globex", True)
    assert [(c.name, c.target) for c in Store.open(store.path).companies()] == [
        ("Acme Corp", False),
        ("Globex", True),
    ]
    with pytest.raises(StoreError):
        store.set_target("  ", True)
