"""The read model: a view updated after a change equals one made from scratch.

The app keeps one `Views` and asks it for a view after every change; for a change of
this process that touched a few contacts the view is *updated* (`View.after`) rather
than rebuilt. Whatever the change, the updated view must say exactly what a fresh view of
the same data says: the order of the contacts, each one's last touch and rhythm state,
their follow-ups and notes, and the daily review.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from netui.clock import frozen_clock
from netui.model import Contact, FollowUp, Note, NoteKind
from netui.readmodel import ContactOrder, Settings, View, Views
from netui.store import Store

TODAY = date(2026, 3, 10)
NAMES = ["Ana Lopez", "Bob Smith", "Émile Zola", "dana lee", "Carl Ng", "Zoë Martin", "Ana Lopez"]
COMPANIES = ["Acme", "Globex", "", "Initech", "acme"]


def make_view(views: Views, store: Store) -> View:
    """As the app does it on the store's thread (`NetuiApp._make_view`)."""
    last = views.last
    touched = store.touched_since(last.generation) if last is not None else None
    settings = Settings(store.cadence_defaults(), store.goals(), str(store.path))
    return views.view(
        store.network(),
        TODAY,
        settings,
        store.generation,
        touched,
        tuple(store.companies()),
    )


def fresh_view(store: Store) -> View:
    settings = Settings(store.cadence_defaults(), store.goals(), str(store.path))
    return View(store.network(), TODAY, settings, companies=tuple(store.companies()))


def assert_same(updated: View, fresh: View) -> None:
    assert updated.touches == fresh.touches
    assert updated.states == fresh.states
    for order in ContactOrder:
        assert updated.contacts_in(order) == fresh.contacts_in(order), order
    assert updated.followups_by_due() == fresh.followups_by_due()
    assert updated.notes_newest_first() == fresh.notes_newest_first()
    for contact in fresh.network.contacts:
        assert contact.id is not None
        assert updated.followups_of(contact.id) == fresh.followups_of(contact.id)
        assert updated.notes_of(contact.id) == fresh.notes_of(contact.id)
        assert updated.referred_by(contact.id) == fresh.referred_by(contact.id)
    assert (updated.open_followups(), updated.overdue()) == (
        fresh.open_followups(),
        fresh.overdue(),
    )
    assert updated.review() == fresh.review()


def random_change(store: Store, rng: random.Random) -> None:
    contacts = store.contacts()
    ids = [c.id for c in contacts if c.id is not None]
    day = TODAY - timedelta(days=rng.randint(0, 90))
    kind = rng.choice(["contact", "edit", "note", "followup", "done", "move", "delete", "note-x"])
    if kind == "contact" or not ids:
        store.add_contact(
            Contact(
                name=rng.choice(NAMES),
                company=rng.choice(COMPANIES),
                cadence_days=rng.choice([None, 7, 14, 30]),
                referred_by=rng.choice([None, *ids]) if ids else None,
            )
        )
    elif kind == "edit":
        seen = store.contact(rng.choice(ids))
        store.update_contact(
            replace(
                seen,
                name=rng.choice(NAMES),
                company=rng.choice(COMPANIES),
                cadence_days=rng.choice([None, 7, 30]),
            ),
            base=seen,
        )
    elif kind == "note":
        store.add_note(
            Note(
                text="coffee",
                date=day,
                contact_id=rng.choice(ids),
                kind=rng.choice(list(NoteKind)),
            )
        )
    elif kind == "followup":
        store.add_followup(FollowUp(text="send the deck", due=day, contact_id=rng.choice(ids)))
    elif kind in ("done", "move"):
        open_ones = [f for f in store.followups() if f.done is None]
        if not open_ones:
            return
        chosen = rng.choice(open_ones)
        if kind == "done":
            store.complete_followup(chosen.id or 0)
        else:  # a follow-up moved to someone else touches both people
            store.update_followup(replace(chosen, contact_id=rng.choice(ids)), base=chosen)
    elif kind == "note-x":
        notes = store.notes()
        if notes:
            store.delete_note(rng.choice(notes).id or 0)
    else:
        store.delete_contact(rng.choice(ids))


@pytest.mark.parametrize("seed", range(6))
def test_a_view_updated_after_each_change_equals_a_fresh_one(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    store = Store.open(tmp_path / "netui.json", clock=frozen_clock(datetime(2026, 3, 10, 9)))
    views = Views()
    make_view(views, store)
    updated_at_least_once = False
    for _ in range(40):
        before = views.last
        random_change(store, rng)
        view = make_view(views, store)
        updated_at_least_once |= before is not None and view.touches is not before.touches
        assert view.generation == store.generation
        assert_same(view, fresh_view(store))
    assert updated_at_least_once


def test_nothing_changed_gives_the_same_view(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "netui.json")
    store.add_contact(Contact(name="Ana Lopez"))
    views = Views()
    first = make_view(views, store)
    assert make_view(views, store) is first


def test_a_view_after_changes_by_another_writer_equals_a_fresh_one(tmp_path: Path) -> None:
    """The store re-reads the file, keeps the typed objects of what did not change and
    says whom the change touched; the view is then updated, and must be right."""
    rng = random.Random(7)
    path = tmp_path / "netui.json"
    store = Store.open(path, clock=frozen_clock(datetime(2026, 3, 10, 9)))
    other = Store.open(path, clock=frozen_clock(datetime(2026, 3, 10, 9)))
    views = Views()
    store.add_contacts([Contact(name=f"Quiet Person {i}") for i in range(30)])
    for _ in range(10):
        random_change(store, rng)
    make_view(views, store)
    kept = {c.id: c for c in store.contacts()}
    for _ in range(30):
        before = views.last
        random_change(other, rng)  # `netui add`, a second app, a sync tool
        if not store.reload_if_changed():
            continue  # (the change found nothing to change)
        view = make_view(views, store)
        assert before is not None and view.touches is not before.touches
        assert_same(view, fresh_view(store))
    # Contacts the other writer never touched are the very objects typed at first.
    untouched = [c for c in store.contacts() if kept.get(c.id) == c]
    assert untouched and all(c is kept[c.id] for c in untouched)


def test_a_file_replaced_wholesale_makes_a_whole_new_view(tmp_path: Path) -> None:
    path = tmp_path / "netui.json"
    store = Store.open(path)
    store.add_contact(Contact(name="Ana Lopez"))
    views = Views()
    make_view(views, store)
    other = Store.open(path)
    other.add_contacts([Contact(name=f"Person {i}") for i in range(Views.FEW + 1)])
    assert store.reload_if_changed()
    view = make_view(views, store)
    assert view.contact_count() == Views.FEW + 2
    assert_same(view, fresh_view(store))
