"""The start-up view: the first screen kept in the cache, used only for the very version
of the data file it was made from, and harmless whatever is in it."""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta
from pathlib import Path

import orjson
import pytest

from netui.clock import frozen_clock
from netui.model import Contact, FollowUp, Note, NoteKind
from netui.readmodel import ContactOrder, Settings, View
from netui.startview import CONTACTS, StartView, read_start_view, start_view_path, write_start_view
from netui.store import Store

NOW = datetime(2026, 3, 10, 9, 0)
TODAY = NOW.date()


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NETUI_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def network_file(path: Path, contacts: int = 400) -> Store:
    store = Store.open(path, clock=frozen_clock(NOW))
    people = store.add_contacts(
        [
            Contact(
                name=f"Person {i:04d}",
                company=["Acme", "Globex", ""][i % 3],
                cadence_days=[None, 7, 30][i % 3],
            )
            for i in range(contacts)
        ]
    )
    for i, person in enumerate(people[:60]):
        store.add_note(
            Note(
                text=f"coffee {i}",
                date=TODAY - timedelta(days=i),
                contact_id=person.id,
                kind=NoteKind.MEETING,
            )
        )
        store.add_followup(
            FollowUp(text=f"send {i}", due=TODAY + timedelta(days=i - 30), contact_id=person.id)
        )
    return store


def full_view(store: Store, today: date = TODAY) -> View:
    settings = Settings(store.cadence_defaults(), store.goals(), str(store.path))
    return View(store.network(), today, settings)


def test_the_start_view_shows_what_the_full_view_shows_on_the_first_screen(
    tmp_path: Path,
) -> None:
    store = network_file(tmp_path / "netui.json")
    full = full_view(store)
    assert write_start_view(store, full)
    later = TODAY + timedelta(days=20)  # read on another day: the rhythm states follow it
    start = read_start_view(store.path, later)
    assert isinstance(start, StartView)
    full = full_view(store, later)
    order = full.contacts_in(ContactOrder.NAME)
    assert start.contacts_in(ContactOrder.NAME) == order  # every contact's place
    assert start.contact_count() == full.contact_count() == 400
    assert (start.open_followups(), start.overdue()) == (full.open_followups(), full.overdue())
    for contact_id in order[:CONTACTS]:
        assert start.contact(contact_id) == full.contact(contact_id)
        assert start.touches.get(contact_id) == full.touches.get(contact_id)
        assert start.states.get(contact_id) == full.states.get(contact_id)
    assert "cold" in set(start.states.values())  # (the test compares something)
    open_ones = [f for f in full.followups_by_due() if f.done is None]
    assert list(start.followups_by_due()) == open_ones[: len(start.followups_by_due())]
    first = order[0]
    assert start.notes_of(first) == full.notes_of(first)
    assert start.settings.path == str(store.path)


def test_a_change_by_another_writer_makes_the_start_view_unused(tmp_path: Path) -> None:
    store = network_file(tmp_path / "netui.json", contacts=10)
    assert write_start_view(store, full_view(store))
    assert read_start_view(store.path, TODAY) is not None
    Store.open(store.path).add_contact(Contact(name="Aaron Added"))  # `netui add`
    assert read_start_view(store.path, TODAY) is None


def test_a_file_put_back_with_its_old_times_is_still_seen_as_changed(tmp_path: Path) -> None:
    store = network_file(tmp_path / "netui.json", contacts=10)
    assert write_start_view(store, full_view(store))
    before = os.stat(store.path)
    content = store.path.read_bytes()
    store.path.write_bytes(content.replace(b"Person 0001", b"Person 000X"))
    os.utime(store.path, ns=(before.st_atime_ns, before.st_mtime_ns))  # as a sync tool may
    assert read_start_view(store.path, TODAY) is None  # (the change time moved)


@pytest.mark.parametrize(
    "damage",
    [
        lambda c: b"",
        lambda c: c[: len(c) // 2],
        lambda c: b"[1, 2]",
        lambda c: c.replace(b'"format":1', b'"format":99'),
        lambda c: c.replace(b'"order":[', b'"order":["x",'),
        lambda c: c.replace(b'"contact_count":', b'"contact_count":"many","x":'),
        lambda c: c.replace(b'"defaults":{', b'"defaults":{"tags":3,"y":'),
    ],
)
def test_a_damaged_start_view_is_ignored(tmp_path: Path, damage) -> None:
    store = network_file(tmp_path / "netui.json", contacts=10)
    assert write_start_view(store, full_view(store))
    path = start_view_path(store.path)
    path.write_bytes(damage(path.read_bytes()))
    assert read_start_view(store.path, TODAY) is None


def test_another_files_start_view_is_never_used(tmp_path: Path) -> None:
    one = network_file(tmp_path / "one.json", contacts=3)
    other = network_file(tmp_path / "other.json", contacts=5)
    assert write_start_view(one, full_view(one))
    start_view_path(other.path).write_bytes(start_view_path(one.path).read_bytes())
    assert read_start_view(other.path, TODAY) is None


def test_text_in_the_start_view_is_shown_harmlessly(tmp_path: Path) -> None:
    store = network_file(tmp_path / "netui.json", contacts=3)
    assert write_start_view(store, full_view(store))
    path = start_view_path(store.path)
    content = orjson.loads(path.read_bytes())
    first = next(iter(content["contacts"]))
    content["contacts"][first]["name"] = "Eve\x1b]52;c;ZXZpbA==\x07\x1b[2J"
    path.write_bytes(orjson.dumps(content))
    start = read_start_view(store.path, TODAY)
    assert start is not None
    name = start.name_of(int(first))
    assert "\x1b" not in name and "\x07" not in name and name.startswith("Eve")


def test_nothing_is_kept_for_a_read_only_or_faulty_file(tmp_path: Path) -> None:
    store = network_file(tmp_path / "netui.json", contacts=3)
    store.read_only = "the folder is read-only"
    assert not write_start_view(store, full_view(store))
    assert not start_view_path(store.path).exists()


def test_the_start_view_is_private_and_not_beside_the_data(tmp_path: Path, home: Path) -> None:
    store = network_file(tmp_path / "netui.json", contacts=3)
    assert write_start_view(store, full_view(store))
    path = start_view_path(store.path)
    assert path.parent == home / "cache"
    beside = {p.name for p in tmp_path.iterdir()} - {"home"}
    assert not any("start" in name for name in beside)
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600
        assert path.parent.stat().st_mode & 0o777 == 0o700
