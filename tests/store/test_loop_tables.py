"""The outreach loop's changes (issue 14): moving on from someone, a follow-up acting on
advice, an outcome landed, the states of the close-the-loop items. Each is one undoable
change, seen on disk as the design names its fields, and seen by another process."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from storekit import day, on_disk

from netui.errors import NotFoundError, StoreError
from netui.model import Contact, FollowUp, LoopStatus, Note, NoteKind, Status
from netui.store import Store


@pytest.fixture
def store(db: Path) -> Store:
    """Ana (who referred Priya), Priya (a lead), a follow-up of Ana's."""
    store = Store.open(db, clock=day(0))
    ana = store.add_contact(Contact(name="Ana Lopez", company="Acme"))
    store.add_contact(Contact(name="Priya Patel", company="Acme", referred_by=ana.id))
    store.add_followup(FollowUp("read the book Ana named", date(2026, 11, 30), ana.id))
    store.clock = day(1)
    return store


def test_moving_on_keeps_the_day_bumps_updated_and_undoes(store: Store, db: Path) -> None:
    priya = store.mark_moved_on(2, date(2026, 11, 24))

    doc = on_disk(db)["contacts"]["2"]
    assert doc["moved_on"] == "2026-11-24"
    assert doc["updated"] == "2026-11-24T09:00:00"
    assert priya.moved_on == date(2026, 11, 24)
    assert store.undo_list()[0] == "moved on from Priya Patel"

    assert store.mark_moved_on(2, date(2026, 11, 24)) == priya  # the same day: no change
    assert store.undo_list()[0] == "moved on from Priya Patel"
    assert len(store.undo_list()) == 4

    assert store.undo() == "moved on from Priya Patel"
    assert on_disk(db)["contacts"]["2"]["moved_on"] is None
    store.mark_moved_on(2, date(2026, 11, 24))
    assert store.mark_moved_on(2, None).moved_on is None
    assert store.undo_list()[0] == "waiting for Priya Patel's reply again"


def test_moving_on_from_someone_deleted_says_so(store: Store) -> None:
    with pytest.raises(NotFoundError, match="contact 9 no longer exists"):
        store.mark_moved_on(9, date(2026, 11, 24))


def test_advice_is_set_on_the_followup_and_undone(store: Store, db: Path) -> None:
    saved = store.set_advice(1, True)

    assert saved.advice is True
    assert on_disk(db)["followups"]["1"]["advice"] is True
    assert store.undo_list()[0] == "marked 'read the book Ana named' as acting on advice"
    store.set_advice(1, True)  # already so: nothing written
    assert store.undo_list()[0] == "marked 'read the book Ana named' as acting on advice"
    store.undo()
    assert on_disk(db)["followups"]["1"]["advice"] is False


def test_an_outcome_is_recorded_as_the_design_names_its_fields(store: Store, db: Path) -> None:
    outcome = store.record_outcome("  Product   Designer ", "Acme", date(2026, 11, 23))

    assert on_disk(db)["outcomes"] == {
        str(outcome.id): {
            "role": "Product Designer",
            "company": "Acme",
            "date": "2026-11-23",
            "created": "2026-11-24T09:00:00",
        }
    }
    assert store.outcomes() == [outcome]
    assert store.network().outcomes == (outcome,)
    assert store.undo() == "landed Product Designer at Acme"
    assert on_disk(db)["outcomes"] == {}
    assert store.network().outcomes == ()


@pytest.mark.parametrize(
    ("role", "company", "when", "message"),
    [
        ("", "Acme", date(2026, 11, 23), "an outcome needs a role and a company"),
        ("Designer", " ", date(2026, 11, 23), "an outcome needs a role and a company"),
        ("Designer", "Acme", date(1800, 1, 1), "outside the dates netui keeps"),
    ],
)
def test_an_outcome_without_a_role_company_or_sound_date_is_refused(
    store: Store, db: Path, role: str, company: str, when: date, message: str
) -> None:
    before = db.read_bytes()
    with pytest.raises(StoreError, match=message):
        store.record_outcome(role, company, when)
    assert db.read_bytes() == before


def test_a_loop_state_is_one_document_per_key_and_each_setting_undoes(
    store: Store, db: Path
) -> None:
    store.set_loop_state("intro:2:reached", "snoozed", date(2026, 12, 1))
    store.set_loop_state("intro:2:reached", LoopStatus.DISMISSED)

    assert on_disk(db)["loop"] == {
        "1": {"key": "intro:2:reached", "state": "dismissed", "until": None,
              "at": "2026-11-24T09:00:00"},
    }  # fmt: skip
    assert store.undo_list()[:2] == [
        "dismissed the word owed on Priya Patel",
        "snoozed the word owed on Priya Patel until 2026-12-01",
    ]
    store.undo()
    assert [(s.key, s.state, s.until) for s in store.network().loop] == [
        ("intro:2:reached", LoopStatus.SNOOZED, date(2026, 12, 1))
    ]
    store.undo()
    assert on_disk(db)["loop"] == {} and store.loop_states() == []


@pytest.mark.parametrize(
    ("state", "until", "message"),
    [
        ("later", None, "a close-the-loop item is done, dismissed, snoozed, not 'later'"),
        ("snoozed", None, "a snooze needs the day the item comes back"),
        ("done", date(2026, 12, 1), "only a snoozed item has a day to come back"),
        ("snoozed", date(2201, 1, 1), "outside the dates netui keeps"),
    ],
)
def test_a_wrong_loop_state_is_refused_and_nothing_is_saved(
    store: Store, db: Path, state: str, until: date | None, message: str
) -> None:
    before = db.read_bytes()
    with pytest.raises(StoreError, match=message):
        store.set_loop_state("advice:1", state, until)
    assert db.read_bytes() == before


def test_closing_an_item_logs_the_note_and_marks_it_done_in_one_change(
    store: Store, db: Path
) -> None:
    note = Note("Told them I reached out to Priya Patel", date(2026, 11, 24), 1)

    state = store.close_loop_item("intro:2:reached", note)

    data = on_disk(db)
    assert state.state is LoopStatus.DONE and state.until is None
    assert [n["text"] for n in data["notes"].values()] == [note.text]
    assert data["loop"]["1"]["state"] == "done"
    assert store.undo_list()[0] == "marked the word owed on Priya Patel done"
    store.undo()
    data = on_disk(db)
    assert data["notes"] == {} and data["loop"] == {}


def test_an_update_telling_several_things_closes_them_in_one_change(store: Store, db: Path) -> None:
    told = [
        ("intro:2:reached", Note("Told them I reached out to Priya Patel", date(2026, 11, 24), 1)),
        ("advice:1", Note("Told them what came of their advice", date(2026, 11, 24), 1)),
    ]

    states = store.close_loop_items(told)

    data = on_disk(db)
    assert [s.state for s in states] == [LoopStatus.DONE, LoopStatus.DONE]
    assert sorted(n["text"] for n in data["notes"].values()) == sorted(n.text for _, n in told)
    assert sorted(doc["key"] for doc in data["loop"].values()) == ["advice:1", "intro:2:reached"]
    assert store.undo_list()[0] == "marked 2 close-the-loop items done"
    store.undo()  # one step takes both back
    data = on_disk(db)
    assert data["notes"] == {} and data["loop"] == {}


def test_an_outreach_and_a_reply_move_a_lead_to_contacted(store: Store, db: Path) -> None:
    store.add_note(Note("First message", date(2026, 11, 24), 2, NoteKind.OUTREACH))
    assert store.contact(2).status is Status.CONTACTED
    assert store.undo_list()[0] == "added an outreach note"
    store.undo()
    store.add_note(Note("Her answer", date(2026, 11, 24), 2, NoteKind.REPLY))
    assert store.contact(2).status is Status.CONTACTED
    assert on_disk(db)["notes"]["2"]["kind"] == "reply"
    assert store.undo_list()[0] == "added a reply note"


def test_another_process_sees_the_states_and_outcomes(store: Store, db: Path) -> None:
    other = Store.open(db, clock=day(1))
    assert other.network().loop == ()

    store.set_loop_state("advice:1", "done")
    store.record_outcome("Product Designer", "Acme", date(2026, 11, 23))

    assert other.reload_if_changed()
    network = other.network()
    assert [s.key for s in network.loop] == ["advice:1"]
    assert [o.role for o in network.outcomes] == ["Product Designer"]


def test_a_dry_run_of_a_loop_change_writes_nothing(store: Store, db: Path) -> None:
    before = db.read_bytes()
    with store.trial():
        store.record_outcome("Product Designer", "Acme", date(2026, 11, 23))
        store.set_loop_state("landed:1:1", "dismissed")
        assert len(store.loop_states()) == 1
    assert db.read_bytes() == before
    assert store.loop_states() == [] and store.outcomes() == []


def test_a_merge_carries_the_states_of_the_contact_merged_away(store: Store, db: Path) -> None:
    twin = store.add_contact(Contact(name="Priya P.", company="Acme", referred_by=1))
    outcome = store.record_outcome("Designer", "Acme", date(2026, 11, 23))
    store.set_loop_state(f"intro:{twin.id}:met", "done")
    store.set_loop_state(f"landed:{outcome.id}:{twin.id}", "dismissed")
    store.set_loop_state(f"intro:{twin.id}:reached", "done")
    store.set_loop_state("intro:2:reached", "snoozed", date(2026, 12, 1))  # Priya's own

    store.merge_contacts(2, twin.id or 0)

    states = {s.key: s.state for s in store.loop_states()}
    assert states == {
        "intro:2:met": LoopStatus.DONE,
        f"landed:{outcome.id}:2": LoopStatus.DISMISSED,
        f"intro:{twin.id}:reached": LoopStatus.DONE,  # Priya's own state holds: left as is
        "intro:2:reached": LoopStatus.SNOOZED,
    }
    store.undo()
    assert {s.key for s in store.loop_states()} == {
        f"intro:{twin.id}:met", f"landed:{outcome.id}:{twin.id}",
        f"intro:{twin.id}:reached", "intro:2:reached",
    }  # fmt: skip
