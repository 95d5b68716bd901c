"""Merging two contacts into one on a real data file (Store.merge_contacts, issue 11 part
3), and the pairs remembered as "not a duplicate": what the file holds afterwards, one
undo step, a dry run that writes nothing, and another writer's change moved along."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from storekit import day, digest, listing, on_disk, tables

from netui.errors import NotFoundError, StoreError
from netui.identity import find_duplicates
from netui.model import Contact, FollowUp, MeetingLog, NewName, Note, NoteKind
from netui.store import Store

BOB, JANE, CY, JD, RAJ = 1, 2, 3, 4, 5
"""The ids of the fixture's contacts; JD (J. Doe) is a duplicate of JANE (Jane Doe)."""


@pytest.fixture
def store(db: Path) -> Store:
    """Bob; Jane Doe (Acme); Cy; then a day later J. Doe (Initech), who was referred by
    Bob, referred Raj, has a follow-up and a coffee note, was named at a meeting with Cy,
    and at a meeting of hers named Jane (so Jane is now 'referred by' J. Doe)."""
    store = Store.open(db, clock=day(0))
    store.add_contact(Contact("Bob Smith", company="Globex"))
    store.add_contact(Contact("Jane Doe", company="Acme Corp", email="jane@acme.com", tags=("ux",)))
    store.add_contact(Contact("Cy Diaz"))
    store.clock = day(1)
    store.add_contact(
        Contact(
            "J. Doe",
            company="Initech",
            title="VP Design",
            email="jdoe@gmail.com",
            phone="+1 408 765 5050",
            linkedin="https://www.linkedin.com/in/janedoe",
            how_met="conference",
            tags=("design", "ux"),
            referred_by=BOB,
        )
    )
    store.add_contact(Contact("Raj Patel", referred_by=JD))
    store.add_followup(FollowUp("send the portfolio", date(2026, 12, 1), contact_id=JD))
    store.add_note(
        Note("coffee at Blue Bottle", date(2026, 11, 20), contact_id=JD, kind=NoteKind.COFFEE)
    )
    store.log_meeting(
        MeetingLog(CY, date(2026, 11, 22), new_names=(NewName("J. Doe", contact_id=JD),))
    )
    store.log_meeting(
        MeetingLog(JD, date(2026, 11, 23), new_names=(NewName("Jane Doe", contact_id=JANE),))
    )
    store.set_prepared(JD, ["What's next for the team?"])  # (a logged meeting clears them)
    store.clock = day(2)
    return store


def without_id_counters(path: Path) -> dict[str, Any]:
    """The whole document but the id counters (an undo never hands an id out again)."""
    data = on_disk(path)
    for meta in data["meta"].values():
        meta.pop("last_ids", None)
    return data


def notes_of(path: Path, contact_id: int) -> list[dict[str, Any]]:
    return [n for n in on_disk(path)["notes"].values() if n["contact_id"] == contact_id]


def test_the_file_after_a_merge(db: Path, store: Store) -> None:
    before = tables(db)
    report = store.merge_contacts(JANE, JD, region="US")

    after = on_disk(db)
    assert sorted(after["contacts"], key=int) == ["1", "2", "3", "5"]  # J. Doe is gone
    jane = after["contacts"]["2"]
    assert jane == {
        **before["contacts"]["2"],
        "name": "Jane Doe",  # her own name and company stay
        "company": "Acme Corp",
        "title": "VP Design",
        "email": "jane@acme.com",
        "other_emails": ["jdoe@gmail.com"],
        "phone": "+1 408 765 5050",
        "linkedin": "https://www.linkedin.com/in/janedoe",
        "how_met": "conference",
        "tags": ["ux", "design"],
        "prepared": ["What's next for the team?"],
        "status": "met",  # J. Doe had been met
        "referred_by": BOB,  # was J. Doe, who is now herself: J. Doe's referrer
        "created": before["contacts"]["2"]["created"],  # the earlier one
        "updated": "2026-11-25T09:00:00",
    }
    assert after["contacts"]["5"]["referred_by"] == JANE  # Raj, whom J. Doe referred
    assert [
        f["contact_id"] for f in after["followups"].values() if f["text"] == "send the portfolio"
    ] == [JANE]
    assert all(f["contact_id"] != JD for f in after["followups"].values())
    assert all(n["contact_id"] != JD for n in after["notes"].values())
    meeting_with_cy = next(n for n in after["notes"].values() if n["contact_id"] == CY)
    assert meeting_with_cy["new_contacts"] == [JANE]  # named J. Doe: now names Jane

    kept = [n for n in notes_of(db, JANE) if n["text"].startswith("Merged")]
    assert [n["text"] for n in kept] == [
        "Merged J. Doe [id 4] into this contact. Also known as: name: J. Doe; company: Initech"
    ]
    assert kept[0]["date"] == "2026-11-25"

    assert report.title == "merged J. Doe [id 4] into Jane Doe [id 2]"
    assert report.lines[-4:] == [
        "moves 2 follow-ups, 2 notes, 1 person they referred to Jane Doe",
        "1 meeting that named J. Doe now name Jane Doe",
        "kept in a note: name: J. Doe; company: Initech",
        "deletes J. Doe [id 4]",
    ]
    assert Store.open(db).problems() == []


def test_a_merge_never_leaves_a_meeting_naming_its_own_contact(db: Path, store: Store) -> None:
    store.merge_contacts(JANE, JD, region="US")
    for note in on_disk(db)["notes"].values():
        assert note["contact_id"] not in note["new_contacts"], note


def test_one_undo_puts_the_file_back_exactly(db: Path, store: Store) -> None:
    before = without_id_counters(db)
    changes = len(store.history)

    store.merge_contacts(JANE, JD, region="US")
    assert len(store.history) == changes + 1  # one change
    assert without_id_counters(db) != before

    assert store.undo() == "merged J. Doe [id 4] into Jane Doe [id 2]"
    assert without_id_counters(db) == before
    assert Store.open(db).contact(JD).name == "J. Doe"


def test_a_dry_run_writes_nothing_and_says_what_the_merge_does(db: Path, store: Store) -> None:
    folder, bytes_before, changes = listing(db.parent), digest(db), len(store.history)

    preview = store.merge_contacts(JANE, JD, dry_run=True, region="US")

    assert (listing(db.parent), digest(db), len(store.history)) == (folder, bytes_before, changes)
    assert store.contact(JD).name == "J. Doe"
    done = store.merge_contacts(JANE, JD, region="US")
    assert (preview.title, preview.lines) == (done.title, done.lines)
    assert "title: (none) → VP Design" in done.lines
    assert "other emails: (none) → jdoe@gmail.com" in done.lines


def test_a_follow_up_another_writer_just_added_moves_too(db: Path, store: Store) -> None:
    other_netui = Store.open(db, clock=day(2))
    late = other_netui.add_followup(FollowUp("thank J. Doe", date(2026, 12, 3), contact_id=JD))
    late_note = other_netui.add_note(Note("call back", date(2026, 11, 25), contact_id=JD))

    preview = store.merge_contacts(JANE, JD, dry_run=True, region="US")
    assert "moves 3 follow-ups, 3 notes, 1 person they referred to Jane Doe" in preview.lines
    store.merge_contacts(JANE, JD, region="US")

    after = on_disk(db)
    assert after["followups"][str(late.id)]["contact_id"] == JANE
    assert after["notes"][str(late_note.id)]["contact_id"] == JANE
    assert Store.open(db).problems() == []


def test_merging_a_contact_with_itself_is_refused(db: Path, store: Store) -> None:
    bytes_before = digest(db)
    with pytest.raises(StoreError, match="a contact can't be merged with themselves"):
        store.merge_contacts(JANE, JANE)
    with pytest.raises(StoreError, match="can't be merged with themselves"):
        store.merge_contacts(JANE, JANE, dry_run=True)
    assert digest(db) == bytes_before


@pytest.mark.parametrize("dry_run", [False, True])
@pytest.mark.parametrize(("keep", "other"), [(JANE, 99), (99, JANE)])
def test_merging_an_unknown_id_is_refused(
    db: Path, store: Store, keep: int, other: int, dry_run: bool
) -> None:
    bytes_before, changes = digest(db), len(store.history)
    with pytest.raises(NotFoundError, match="no contact has id 99"):
        store.merge_contacts(keep, other, dry_run=dry_run)
    assert (digest(db), len(store.history)) == (bytes_before, changes)
    assert store.contact(JANE).name == "Jane Doe"


def test_a_contact_deleted_by_another_writer_is_not_merged(db: Path, store: Store) -> None:
    Store.open(db, clock=day(2)).delete_contact(JD)
    bytes_before = digest(db)
    with pytest.raises(NotFoundError, match="no contact has id 4"):
        store.merge_contacts(JANE, JD)
    assert digest(db) == bytes_before


# --- "not a duplicate" --------------------------------------------------------------------


def twins(db: Path) -> Store:
    store = Store.open(db, clock=day(0))
    for contact in (
        Contact("Jane Doe", company="Acme"),
        Contact("jane doe"),
        Contact("Ann Lee", phone="+1 408 765 5050"),
        Contact("Tom Lee", phone="(408) 765-5050"),
    ):
        store.add_contact(contact)
    return store


def test_not_a_duplicate_is_remembered_in_the_file(db: Path) -> None:
    store = twins(db)
    assert [p.ids for p in find_duplicates(store.contacts(), store.not_duplicates(), "US")] == [
        (1, 2),
        (3, 4),
    ]

    store.mark_not_duplicate(4, 3)

    reopened = Store.open(db)
    assert reopened.not_duplicates() == {(3, 4)}
    assert on_disk(db)["meta"]["1"]["not_duplicates"] == [[3, 4]]
    pairs = find_duplicates(reopened.contacts(), reopened.not_duplicates(), "US")
    assert [p.ids for p in pairs] == [(1, 2)]


def test_marking_the_same_pair_twice_keeps_one(db: Path) -> None:
    store = twins(db)
    store.mark_not_duplicate(1, 2)
    store.mark_not_duplicate(2, 1)
    assert Store.open(db).not_duplicates() == {(1, 2)}


def test_not_a_duplicate_with_an_unknown_contact_is_refused(db: Path) -> None:
    store = twins(db)
    bytes_before = digest(db)
    with pytest.raises(NotFoundError, match=r"^no contact has id 99$"):
        store.mark_not_duplicate(1, 99)
    assert digest(db) == bytes_before


def test_a_contact_is_not_a_pair_with_itself(db: Path) -> None:
    store = twins(db)
    bytes_before = digest(db)
    with pytest.raises(StoreError, match="two different contacts"):
        store.mark_not_duplicate(2, 2)
    assert digest(db) == bytes_before


def test_a_merged_away_contacts_pairs_become_the_survivors(db: Path) -> None:
    # 2 was said not to be 3; merged into 1, 1 is not 3 either. The pair of the two
    # merged goes (they are one person now).
    store = twins(db)
    store.mark_not_duplicate(1, 2)
    store.mark_not_duplicate(2, 3)
    store.merge_contacts(1, 2)
    assert Store.open(db).not_duplicates() == {(1, 3)}
    assert Store.open(db).problems() == []
