"""The demo network: a valid netui file whose daily review always has something to show."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tempfile
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest

from netui.demo import demo_network, load_demo, make_demo_file, read_asset
from netui.errors import NetuiError
from netui.model import KEEP_IN_TOUCH, Contact, FollowUp, Note, NoteKind, Status
from netui.review import daily_review
from netui.store import Store
from netui.store.backups import backup_dir
from netui.text import fold
from netui.workdays import business_days_between

TODAY = date(2026, 3, 11)  # a Wednesday


@pytest.fixture(autouse=True)
def temp_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """make_demo_file's temporary folders go under tmp_path, so the tests leave nothing."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture(scope="module")
def asset() -> dict[str, Any]:
    return read_asset()


@pytest.fixture
def store() -> Store:
    return Store.open(make_demo_file(TODAY))


def by_name(store: Store) -> dict[str, Contact]:
    return {c.name: c for c in store.contacts()}


# --- the file -----------------------------------------------------------------------------


def test_the_demo_file_is_a_fresh_private_netui_file(temp_folder: Path) -> None:
    path = make_demo_file(TODAY)
    assert path.name == "netui.json"
    assert path.parent.parent == temp_folder
    assert path.parent.name.startswith("netui-demo-")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not backup_dir(path).exists()  # the demo starts with no backups to restore
    assert Store.open(path).notices == []


def test_it_holds_the_whole_asset(store: Store, asset: dict[str, Any]) -> None:
    contacts = store.contacts()
    followups = store.followups(include_done=True)
    assert len(contacts) == len(asset["contacts"])
    assert 35 <= len(contacts) <= 45
    assert len(store.notes()) == len(asset["notes"]) >= 25
    scheduled = [f for f in followups if f.text == KEEP_IN_TOUCH]
    # Two contacts with a 90-day rhythm had a follow-up done: each got its next touch.
    assert len(scheduled) == 2 and all(f.done is None and f.due > TODAY for f in scheduled)
    assert len(followups) - len(scheduled) == len(asset["followups"]) >= 15
    assert 5 <= sum(f.done is not None for f in followups) < len(followups)
    kinds = Counter(n.kind for n in store.notes())
    assert all(kinds[kind] >= 3 for kind in (NoteKind.MEETING, NoteKind.CALL, NoteKind.EMAIL))
    assert Counter(c.status for c in contacts).keys() == set(Status)
    assert {c.cadence_days for c in contacts} >= {14, 30, 90, None}
    assert sum(bool(c.email) for c in contacts) >= 20
    assert sum(bool(c.email) for c in contacts) < len(contacts)


def test_the_people_are_varied_and_plausible(store: Store) -> None:
    contacts = store.contacts()
    names = [c.name for c in contacts]
    assert len(set(names)) == len(names)
    assert {"Zoë Achterberg", "José Hernández", "Łukasz Nowak"} <= set(names)
    assert not any(ch in name for name in names for ch in "[]")  # no markup look-alikes
    assert max(Counter(c.company for c in contacts).values()) == 4
    assert all(c.company and c.title and c.how_met and c.tags for c in contacts)
    # Made-up addresses: nobody real gets mail from a demo.
    assert all(c.email.endswith(".example") for c in contacts if c.email)
    # Searching ignores accents, so "zoe" finds Zoë.
    assert [c.name for c in store.contacts() if "zoe" in fold(c.name)] == ["Zoë Achterberg"]


def test_two_calls_make_two_independent_files() -> None:
    first, second = make_demo_file(TODAY), make_demo_file(TODAY)
    assert first != second and first.parent != second.parent
    assert first.read_bytes() == second.read_bytes()
    store = Store.open(first)
    store.delete_contact(store.contacts()[0].id or 0)
    assert len(Store.open(second).contacts()) == len(store.contacts()) + 1


def test_it_defaults_to_the_real_today() -> None:
    store = Store.open(make_demo_file())
    assert max(n.date for n in store.notes()) == date.today() - timedelta(days=1)


# --- the daily review ---------------------------------------------------------------------


def test_the_review_has_every_situation(store: Store) -> None:
    review = daily_review(store.network(), TODAY)
    names = store.network().name_of
    assert [names(f.contact_id) for f in review.overdue] == ["Aisha Mensah", "Rachel Cohen"]
    assert [f.due for f in review.overdue] == [TODAY - timedelta(days=3), TODAY - timedelta(1)]
    assert 1 <= len(review.due_today) <= 2
    assert review.this_week
    assert [(t.contact.name, t.meeting.date) for t in review.thank_yous] == [
        ("Tomás Álvarez", TODAY - timedelta(days=1))
    ]
    assert [c.contact.name for c in review.going_cold] == ["Daniel Kim"]  # 41 days, every 21
    assert [c.contact.name for c in review.due_touch] == ["Marcus Webb"]  # 20 days, every 14
    assert len(review.leads) >= 5
    assert all(lead.referred_by is not None for lead in review.leads)
    assert not review.all_clear


@pytest.mark.parametrize("offset", range(7))
def test_activity_spreads_over_the_eight_weeks(offset: int) -> None:
    today = TODAY + timedelta(days=offset)  # the weeks fall differently on each weekday
    weeks = daily_review(demo_network(today), today).weeks
    assert len(weeks) == 8
    active = [w for w in weeks if w.contacts_added or w.meetings or w.followups_done]
    assert len(active) >= 7
    assert sum(bool(w.contacts_added) for w in weeks) >= 6
    assert sum(bool(w.meetings) for w in weeks) >= 6
    assert sum(bool(w.followups_done) for w in weeks) >= 4
    assert len({w.contacts_added + w.meetings for w in weeks}) >= 3  # a shape, not a line


@pytest.mark.parametrize("today", [date(2026, 1, 1), date(2027, 2, 28), date(2028, 2, 29)])
def test_the_situations_hold_on_any_day(today: date) -> None:
    review = daily_review(demo_network(today), today)
    assert len(review.overdue) == 2
    assert review.due_today and review.thank_yous and review.leads
    assert len(review.going_cold) == 1 and len(review.due_touch) == 1


# --- dates, referrals, statuses -------------------------------------------------------------


def test_dates_are_relative_to_today(store: Store, asset: dict[str, Any]) -> None:
    contacts = store.contacts()
    for contact, entry in zip(contacts, sorted_like_the_store(asset), strict=True):
        assert contact.name == entry["name"]
        assert contact.created is not None
        assert contact.created.date() == TODAY - timedelta(days=entry["days_ago"])
        assert contact.updated == contact.created
    for note in store.notes():
        assert note.created is not None and note.created.date() == note.date < TODAY
    for followup in store.followups(include_done=True):
        assert followup.created is not None and followup.created.date() < TODAY
        if followup.done is not None:
            assert followup.created <= followup.done < datetime.combine(TODAY, datetime.min.time())
    later = demo_network(TODAY + timedelta(days=10))
    earlier = demo_network(TODAY)
    # Messages of the reply clock are dated in business days, the rest in days.
    by_text = {e["text"]: e for e in asset["notes"]}
    for network, today in ((earlier, TODAY), (later, TODAY + timedelta(days=10))):
        for note in network.notes:
            entry = by_text[note.text]
            if "business_days_ago" in entry:
                assert note.date.weekday() < 5
                assert business_days_between(note.date, today) == entry["business_days_ago"]
            else:
                assert note.date == today - timedelta(days=entry["days_ago"])
    assert [f.due + timedelta(days=10) for f in earlier.followups] == [
        f.due for f in later.followups
    ]


def sorted_like_the_store(asset: dict[str, Any]) -> list[dict[str, Any]]:
    """Contacts in the order they were added: oldest first, then as listed."""
    entries = list(enumerate(asset["contacts"]))
    return [e for _, e in sorted(entries, key=lambda ie: (-ie[1]["days_ago"], ie[0]))]


def test_referral_chains_resolve(store: Store) -> None:
    contacts = {c.id: c for c in store.contacts()}
    referred = [c for c in contacts.values() if c.referred_by is not None]
    assert len(referred) >= 15
    for contact in referred:
        referrer = contacts[contact.referred_by]  # a contact that exists
        assert referrer.id != contact.id
        assert referrer.created is not None and contact.created is not None
        assert referrer.created <= contact.created  # you learn a name from someone you know

    def chain(contact: Contact) -> list[str]:
        names = [contact.name]
        while contact.referred_by is not None:
            contact = contacts[contact.referred_by]
            assert contact.name not in names, "a referral loop"
            names.append(contact.name)
        return names

    longest = max((chain(c) for c in contacts.values()), key=len)
    assert len(longest) >= 4  # A referred B, who referred C, who referred D


def test_statuses_are_those_of_the_asset(store: Store, asset: dict[str, Any]) -> None:
    """No note moves anyone past the status the asset gives (the story is consistent)."""
    statuses = {c.name: c.status for c in store.contacts()}
    assert statuses == {e["name"]: Status(e["status"]) for e in asset["contacts"]}
    interacted = {n.contact_id for n in store.notes() if n.kind.is_interaction}
    met = {n.contact_id for n in store.notes() if n.kind is NoteKind.MEETING}
    for contact in store.contacts():
        if contact.status is Status.LEAD:
            assert contact.id not in interacted
        if contact.status is Status.CONTACTED:
            assert contact.id in interacted and contact.id not in met


# --- load_demo ----------------------------------------------------------------------------


def test_load_demo_fills_an_open_store(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "netui.json")
    gone = store.add_contact(Contact(name="Deleted Person"))
    store.delete_contact(gone.id or 0)
    load_demo(store, TODAY)
    # The open store sees the demo at once, and never reuses an id the file once gave.
    assert len(store.contacts()) == len(read_asset()["contacts"])
    assert min(c.id or 0 for c in store.contacts()) > (gone.id or 0)
    added = store.add_contact(Contact(name="New Person"))
    assert added.id == max(c.id or 0 for c in store.contacts())
    assert len(Store.open(tmp_path / "netui.json").contacts()) == len(store.contacts())


def test_load_demo_refuses_a_file_with_data(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "netui.json")
    store.add_contact(Contact(name="Real Person"))
    before = store.path.read_bytes()
    with pytest.raises(ValueError, match="empty"):
        load_demo(store, TODAY)
    assert store.path.read_bytes() == before


@pytest.mark.parametrize(
    ("asset", "message"),
    [
        (
            {"contacts": [{"key": "b", "name": "B", "referred_by": "a", "days_ago": 1}]},
            "refers to 'a' before",
        ),
        (
            {
                "contacts": [{"key": "a", "name": "A", "days_ago": 1}],
                "notes": [{"contact": "a", "days_ago": 3, "kind": "call", "text": "hi"}],
            },
            "note 1 refers to 'a' before",
        ),
        (
            {
                "contacts": [
                    {"key": "a", "name": "A", "days_ago": 2},
                    {"key": "a", "name": "A2", "days_ago": 1},
                ]
            },
            "two contacts have the key 'a'",
        ),
        (
            {
                "contacts": [],
                "followups": [{"text": "x", "days_ago": 1, "due_in_days": 0, "done_days_ago": 2}],
            },
            "follow-up 1 is done before it is planned",
        ),
    ],
)
def test_an_inconsistent_asset_is_reported(asset: dict[str, Any], message: str) -> None:
    with pytest.raises(NetuiError, match=message):
        demo_network(TODAY, asset)


def test_the_file_is_what_the_store_api_would_have_written(tmp_path: Path) -> None:
    """The one-write build equals replaying every event through the Store, day by day."""
    fast = make_demo_file(TODAY)
    slow = tmp_path / "replayed.json"
    replay_through_the_store(slow, read_asset(), TODAY)
    assert orjson.loads(fast.read_bytes()) == orjson.loads(slow.read_bytes())


def replay_through_the_store(path: Path, asset: dict[str, Any], today: date) -> None:
    """The slow, obviously right way: add everything with the Store at its moment."""
    now = [datetime.min]
    store = Store.open(path, clock=lambda: now[0])
    ids: dict[str, int] = {}
    followups: dict[int, FollowUp] = {}
    events: list[tuple[int, int, int, Any]] = []
    for i, e in enumerate(asset["contacts"]):

        def add_contact(e: dict[str, Any] = e) -> None:
            ref = e.get("referred_by")
            contact = Contact(
                name=e["name"],
                company=e.get("company", ""),
                title=e.get("title", ""),
                email=e.get("email", ""),
                phone=e.get("phone", ""),
                tags=tuple(e.get("tags", ())),
                how_met=e.get("how_met", ""),
                referred_by=ids[ref] if ref else None,
                status=Status(e["status"]),
                cadence_days=e.get("cadence_days"),
            )
            ids[e["key"]] = store.add_contact(contact).id or 0

        events.append((e["days_ago"], 0, i, add_contact))
    for i, e in enumerate(asset["notes"]):
        day = note_day(e, today)

        def add_note(e: dict[str, Any] = e, day: date = day) -> None:
            store.add_note(Note(e["text"], day, ids[e["contact"]], NoteKind(e["kind"])))

        events.append(((today - day).days, 1, i, add_note))
    for i, e in enumerate(asset["followups"]):

        def add_followup(e: dict[str, Any] = e, i: int = i) -> None:
            contact_id = ids[e["contact"]] if e["contact"] else None
            due = today + timedelta(days=e["due_in_days"])
            followup = FollowUp(e["text"], due, contact_id, advice=e.get("advice", False))
            followups[i] = store.add_followup(followup)

        events.append((e["days_ago"], 2, i, add_followup))
        if e.get("done_days_ago") is not None:
            events.append(
                (
                    e["done_days_ago"],
                    3,
                    i,
                    lambda i=i: store.complete_followup(followups[i].id or 0),
                )
            )
    for i, e in enumerate(asset.get("loop", [])):

        def set_loop(e: dict[str, Any] = e) -> None:
            store.set_loop_state(f"intro:{ids[e['contact']]}:{e['stage']}", e["state"])

        events.append((e["days_ago"], 4, i, set_loop))
    events.sort(key=lambda ev: (-ev[0], ev[1], ev[2]))
    minutes: Counter[int] = Counter()
    for days_ago, _, _, act in events:
        evening = datetime.combine(today - timedelta(days=days_ago), datetime.min.time())
        now[0] = evening + timedelta(hours=17, minutes=minutes[days_ago])
        minutes[days_ago] += 1
        act()
    for name in asset.get("targets", []):
        store.set_target(name, True)


def note_day(entry: dict[str, Any], today: date) -> date:
    """A note's day: "days_ago" days before today, or the latest weekday that many
    business days before (found by counting, the slow way)."""
    if "business_days_ago" not in entry:
        return today - timedelta(days=entry["days_ago"])
    candidates = (today - timedelta(days=k) for k in range(60))
    return max(
        d
        for d in candidates
        if d.weekday() < 5 and business_days_between(d, today) == entry["business_days_ago"]
    )


def test_the_demo_needs_no_textual() -> None:
    code = (
        "import sys, datetime, tempfile\n"
        "from netui.demo import make_demo_file\n"
        "make_demo_file(datetime.date(2026, 3, 11))\n"
        "assert 'textual' not in sys.modules, 'textual was imported'\n"
    )
    env = {**os.environ, "TMPDIR": tempfile.gettempdir()}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
