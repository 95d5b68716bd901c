"""Nobody is referred, however far up the chain, by someone they referred: the store
refuses every change that would close a referral loop (a form's edit, a batch of new
contacts, an import, a merge), names the chain, and writes nothing. A logged meeting
naming someone up the person's own chain lists them without making the loop; an undo
that would close one leaves the undo list."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from storekit import day, on_disk

from netui.errors import StoreError
from netui.model import Contact, MeetingLog, NewName
from netui.referrals import loop_message, referral_loop
from netui.store import ReferralLoopError, Store


@pytest.fixture
def store(db: Path) -> Store:
    """Priya Patel [1] referred Ana Lopez [2], who referred Bob Smith [3]; Cy Diaz [4]
    and Dee Ek [5] have no referrer."""
    store = Store.open(db, clock=day(0))
    priya = store.add_contact(Contact(name="Priya Patel", company="Acme"))
    ana = store.add_contact(Contact(name="Ana Lopez", referred_by=priya.id))
    store.add_contact(Contact(name="Bob Smith", referred_by=ana.id))
    store.add_contact(Contact(name="Cy Diaz"))
    store.add_contact(Contact(name="Dee Ek"))
    store.clock = day(1)
    return store


def referrers(db: Path) -> dict[str, int | None]:
    return {doc["name"]: doc["referred_by"] for doc in on_disk(db)["contacts"].values()}


def refer(store: Store, contact_id: int, referrer: int | None) -> Contact:
    contact = store.contact(contact_id)
    return store.update_contact(replace(contact, referred_by=referrer), contact)


TWO = (
    "Ana Lopez was referred by Priya Patel: Priya can't also be referred by Ana; nothing was saved"
)


def test_an_edit_that_closes_a_loop_of_two_is_refused_with_the_names(
    db: Path, store: Store
) -> None:
    before = db.read_bytes()

    with pytest.raises(ReferralLoopError) as refused:
        refer(store, 1, 2)  # Priya referred by Ana, whom Priya referred

    assert str(refused.value) == TWO
    assert db.read_bytes() == before
    assert store.contact(1).referred_by is None  # memory as the file
    assert store.undo_list()[0] == "added Dee Ek"  # the refused edit is no change


def test_a_longer_loop_names_each_link(db: Path, store: Store) -> None:
    before = db.read_bytes()

    with pytest.raises(ReferralLoopError) as refused:
        refer(store, 1, 3)  # Priya referred by Bob, who was referred by Ana, by Priya

    assert str(refused.value) == (
        "Bob Smith was referred by Ana Lopez, who was referred by Priya Patel: "
        "Priya can't also be referred by Bob; nothing was saved"
    )
    assert db.read_bytes() == before


def test_the_store_says_it_in_the_words_of_the_form(store: Store) -> None:
    by_id = {c.id: c for c in store.contacts() if c.id is not None}
    with pytest.raises(ReferralLoopError) as refused:
        refer(store, 1, 3)
    assert str(refused.value) == loop_message(referral_loop(1, 3, by_id)) + "; nothing was saved"


def test_a_referrer_that_makes_no_loop_is_saved(db: Path, store: Store) -> None:
    refer(store, 1, 4)  # Priya referred by Cy: a longer chain, no loop
    refer(store, 4, 5)
    assert referrers(db)["Priya Patel"] == 4
    assert referrers(db)["Cy Diaz"] == 5


def test_a_contact_made_their_own_referrer_is_refused(db: Path, store: Store) -> None:
    before = db.read_bytes()
    with pytest.raises(StoreError, match="a contact can't be referred by themselves"):
        refer(store, 4, 4)
    assert db.read_bytes() == before


def test_new_contacts_referred_by_themselves_are_refused(db: Path, store: Store) -> None:
    """The next id is 6: a batch that says the new contact 6 referred itself."""
    before = db.read_bytes()
    with pytest.raises(ReferralLoopError) as refused:
        store.add_contacts([Contact(name="Eve Fox", referred_by=6)])
    assert str(refused.value) == "Eve Fox can't be referred by themselves; nothing was saved"
    assert db.read_bytes() == before


def test_an_import_whose_new_people_refer_each_other_is_refused(db: Path, store: Store) -> None:
    before = db.read_bytes()
    with pytest.raises(ReferralLoopError) as refused:
        store.apply_import(
            [Contact(name="Eve Fox"), Contact(name="Gil Ho")],
            [],
            "imported from CSV (added 2, updated 0)",
            referrers={0: 1, 1: 0},
        )
    assert str(refused.value) == (
        "Gil Ho was referred by Eve Fox: Eve can't also be referred by Gil; nothing was saved"
    )
    assert db.read_bytes() == before
    assert store.undo_list()[0] == "added Dee Ek"


def test_an_import_linking_someone_to_a_person_they_referred_is_refused(
    db: Path, store: Store
) -> None:
    """Cy has no referrer; the file says the new Eve referred Cy, and that Cy referred Eve."""
    before = db.read_bytes()
    with pytest.raises(ReferralLoopError) as refused:
        store.apply_import(
            [Contact(name="Eve Fox", referred_by=4)],
            [],
            "imported from CSV (added 1, updated 0)",
            links={4: 0},
        )
    assert str(refused.value) == (
        "Cy Diaz was referred by Eve Fox: Eve can't also be referred by Cy; nothing was saved"
    )
    assert db.read_bytes() == before


def test_an_update_by_import_that_closes_a_loop_is_refused(db: Path, store: Store) -> None:
    priya = store.contact(1)
    before = db.read_bytes()
    with pytest.raises(ReferralLoopError) as refused:
        store.apply_import(
            [], [(priya, replace(priya, referred_by=2))], "imported from CSV (updated 1)"
        )
    assert str(refused.value) == TWO
    assert db.read_bytes() == before


def test_a_merge_that_would_close_a_loop_is_refused_dry_run_too(db: Path, store: Store) -> None:
    """Priya has no referrer; the duplicate Priya P. was referred by Bob, whom Priya's
    chain reaches: the merged Priya would be referred by Bob, and Bob (up the chain) by
    her."""
    store.add_contact(Contact(name="Priya P.", company="Acme", referred_by=3))
    before = db.read_bytes()
    message = (
        "can't merge Priya P. [id 6] into Priya Patel [id 1]: Bob Smith was referred by Ana "
        "Lopez, who was referred by Priya Patel: Priya can't also be referred by Bob; "
        "nothing was saved"
    )

    for dry_run in (True, False):
        with pytest.raises(ReferralLoopError) as refused:
            store.merge_contacts(1, 6, dry_run=dry_run)
        assert str(refused.value) == message

    assert db.read_bytes() == before


def test_a_merge_that_moves_referrals_without_a_loop_goes_ahead(db: Path, store: Store) -> None:
    store.add_contact(Contact(name="Cy D.", referred_by=5))
    store.merge_contacts(4, 6)  # Cy takes Dee as referrer: no loop
    assert referrers(db)["Cy Diaz"] == 5


def test_a_meeting_naming_someone_up_the_persons_chain_lists_them_without_a_loop(
    db: Path, store: Store
) -> None:
    """At a meeting with Bob, Bob names Priya, who (through Ana) referred him: she is
    listed among the names he gave, and her referrer stays as it was (none)."""
    note = store.log_meeting(
        MeetingLog(contact_id=3, date=day(1)().date(), new_names=(NewName("Priya Patel"),))
    )
    assert note.new_contacts == (1,)
    assert referrers(db)["Priya Patel"] is None
    assert [doc["text"] for doc in on_disk(db)["followups"].values()] == ["Send a thank-you note"]


def test_a_meeting_naming_someone_without_a_referrer_links_them(db: Path, store: Store) -> None:
    store.log_meeting(
        MeetingLog(contact_id=3, date=day(1)().date(), new_names=(NewName("Cy Diaz"),))
    )
    assert referrers(db)["Cy Diaz"] == 3


def test_an_undo_that_would_close_a_loop_leaves_the_undo_list(db: Path, store: Store) -> None:
    """Ana's referrer cleared; then another app makes Priya referred by Ana: putting
    Ana's referrer back would close a loop, so that change can't be undone any more."""
    refer(store, 2, None)
    other = Store.open(db, clock=day(1))
    refer(other, 1, 2)
    before = db.read_bytes()

    with pytest.raises(StoreError) as refused:
        store.undo()

    assert str(refused.value) == (
        "can't undo 'edited Ana Lopez': Priya Patel was referred by Ana Lopez: Ana can't "
        "also be referred by Priya; nothing was saved; it leaves the undo list"
    )
    assert db.read_bytes() == before
    assert store.undo_list()[0] == "added Dee Ek"


def test_a_loop_already_in_the_file_does_not_block_other_changes(db: Path, store: Store) -> None:
    """A file written by something else with Cy and Dee referring each other: editing
    Cy's title is saved (only a referrer a change sets is checked)."""
    data = on_disk(db)
    data["contacts"]["4"]["referred_by"] = 5
    data["contacts"]["5"]["referred_by"] = 4
    db.write_text(json.dumps(data))
    store = Store.open(db, clock=day(1))

    cy = store.contact(4)
    store.update_contact(replace(cy, title="CTO"), cy)
    refer(store, 3, 4)  # Bob referred by Cy: up Cy's chain is the old loop, not Bob

    assert on_disk(db)["contacts"]["4"]["title"] == "CTO"
    assert referrers(db)["Bob Smith"] == 4


def test_a_trial_refuses_a_loop_as_the_save_would_and_writes_nothing(
    db: Path, store: Store
) -> None:
    """`Store.trial` is how a dry run (`netui import --dry-run`) learns what the save
    would refuse."""
    before = db.read_bytes()
    with pytest.raises(ReferralLoopError) as refused, store.trial():
        store.apply_import(
            [Contact(name="Eve Fox"), Contact(name="Gil Ho")],
            [],
            "imported from CSV (added 2, updated 0)",
            referrers={0: 1, 1: 0},
        )
    assert str(refused.value).startswith("Gil Ho was referred by Eve Fox: ")
    assert db.read_bytes() == before


def test_a_trial_takes_back_what_it_tried(db: Path, store: Store) -> None:
    before, undoable = db.read_bytes(), store.undo_list()
    with store.trial():
        eve = store.add_contact(Contact(name="Eve Fox", referred_by=4))
        refer(store, 1, 5)
        assert (eve.id, eve.referred_by) == (6, 4)

    assert db.read_bytes() == before
    assert [c.name for c in store.contacts()] == [c.name for c in Store.open(db).contacts()]
    assert store.contact(1).referred_by is None
    assert (store.undo_list(), store.redo_list()) == (undoable, [])
    assert store.add_contact(Contact(name="Gil Ho")).id == 6  # no id used up
