"""The sample network that `netui --demo` opens: a fresh copy, with dates relative to today.

`assets/demo_network.json` tells eight weeks of a designer's move into UX research: who
they met, what they learned, who referred whom, which follow-ups are done, due or late.
Its dates are relative ("days_ago", "due_in_days", "done_days_ago") and its people are
named by keys, so that the daily review always has something to show: overdue and due
follow-ups, a thank-you owed for yesterday's meeting, contacts going cold, leads waiting.
The outreach loop too: messages sent and answered (outreach and reply notes), so that
people wait for a reply at 3 business days (try someone else there), at 7 (follow up
once) and after the one follow-up (move on), replies came fast or late, an update is owed
to whoever introduced someone, and a follow-up acted on someone's advice.

The reply clock counts business days, so those messages are dated by "business_days_ago"
(Monday to Friday, `business_days_before`) instead of "days_ago": the same stages show on
whatever weekday the demo is built.

`demo_network()` replays that history in memory, event by event, exactly as the `Store`
would have recorded it had the user typed it in on those days (ids in the order things
were added, contacts added on their day, notes logged the evening of the meeting and
moving the contact along the loop, follow-ups ticked off on the day they were done).
`load_demo()` then saves it in one atomic write: replaying through the Store itself would
take a hundred saves (and a backup per day), over a second before the app could start.
No Textual here.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from netui.clock import system_clock
from netui.errors import NetuiError
from netui.model import (
    Company,
    Contact,
    FollowUp,
    LoopState,
    LoopStatus,
    Network,
    Note,
    NoteKind,
    Status,
    next_touch,
)
from netui.store import Store
from netui.workdays import is_business_day

ASSET_NAME = "demo_network.json"
_TABLES = ("contacts", "followups", "notes", "companies", "loop")
EVENING = time(17, 0)
"""When a day's events are logged (each one a minute after the one before)."""

# The order of the kinds of events within one day.
_ADD_CONTACT, _ADD_NOTE, _ADD_FOLLOWUP, _COMPLETE_FOLLOWUP, _SET_LOOP = range(5)


def asset_path() -> Path:
    """The demo network file: inside the package (a wheel), else in the source checkout."""
    here = Path(__file__).resolve().parent
    candidates = (here / "assets" / ASSET_NAME, here.parent / "assets" / ASSET_NAME)
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise NetuiError(f"the demo network is missing (looked for {candidates[-1]})")


def read_asset(path: Path | None = None) -> dict[str, Any]:
    """The demo network as written in the asset (relative dates, contacts by key)."""
    path = path or asset_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise NetuiError(f"can't read the demo network {path}: {error}") from None
    if not isinstance(data, dict) or not isinstance(data.get("contacts"), list):
        raise NetuiError(f"{path} is not a demo network (it has no list of contacts)")
    return data


def business_days_before(today: date, n: int) -> date:
    """The weekday `n` business days before `today` (`n` from 0): the latest weekday from
    which `netui.workdays.business_days_between(day, today) == n`. From a Saturday or a
    Sunday, 1 is the Thursday (Friday is the first business day counted)."""
    if n < 0:
        raise ValueError(f"business days before today: {n} is negative")
    day, counted = today, 0
    while counted < n:
        counted += is_business_day(day)
        day -= timedelta(days=1)
    while n and not is_business_day(day):
        day -= timedelta(days=1)
    return day


def calendar_days_ago(entry: Mapping[str, Any], today: date) -> int:
    """The calendar days before `today` of an asset entry: its "days_ago", or the days to
    the weekday its "business_days_ago" falls on."""
    if entry.get("business_days_ago") is not None:
        return (today - business_days_before(today, entry["business_days_ago"])).days
    days: int = entry["days_ago"]
    return days


def demo_network(
    today: date, asset: dict[str, Any] | None = None, *, after_ids: Mapping[str, int] | None = None
) -> Network:
    """The demo network as of `today`, with ids and timestamps as the Store gives them.

    Ids of each table start after `after_ids[table]` (the last id the file ever gave).
    Raises NetuiError if the asset is inconsistent: a key used twice or used before that
    contact is added, a follow-up done before it is planned.
    """
    asset = asset if asset is not None else read_asset()
    contacts: dict[int, Contact] = {}
    ids: dict[str, int] = {}
    """Contact ids by key."""
    followups: dict[int, FollowUp] = {}
    """By position in the asset."""
    notes: list[Note] = []
    next_id = {table: (after_ids or {}).get(table, 0) + 1 for table in _TABLES}

    def new_id(table: str) -> int:
        next_id[table] += 1
        return next_id[table] - 1

    def contact_id(key: str | None, what: str) -> int | None:
        if key is None:
            return None
        if key not in ids:
            raise NetuiError(f"demo network: {what} refers to '{key}' before they are added")
        return ids[key]

    events: list[tuple[int, int, int, Callable[[datetime], None]]] = []
    """(days ago, kind of event, position in the asset, what happens), replayed in order."""

    for i, entry in enumerate(asset["contacts"]):

        def add_contact(now: datetime, entry: dict[str, Any] = entry) -> None:
            key = entry["key"]
            if key in ids:
                raise NetuiError(f"demo network: two contacts have the key '{key}'")
            contact = Contact(
                id=new_id("contacts"),
                name=entry["name"],
                company=entry.get("company", ""),
                title=entry.get("title", ""),
                email=entry.get("email", ""),
                phone=entry.get("phone", ""),
                linkedin=entry.get("linkedin", ""),
                tags=tuple(entry.get("tags", ())),
                how_met=entry.get("how_met", ""),
                referred_by=contact_id(entry.get("referred_by"), entry["name"]),
                status=Status(entry.get("status", Status.LEAD)),
                cadence_days=entry.get("cadence_days"),
                created=now,
                updated=now,
            )
            assert contact.id is not None
            ids[key] = contact.id
            contacts[contact.id] = contact

        events.append((entry["days_ago"], _ADD_CONTACT, i, add_contact))

    for i, entry in enumerate(asset.get("notes", [])):

        def add_note(now: datetime, entry: dict[str, Any] = entry, i: int = i) -> None:
            note = Note(
                id=new_id("notes"),
                text=entry["text"],
                date=today - timedelta(days=calendar_days_ago(entry, today)),
                contact_id=contact_id(entry.get("contact"), f"note {i + 1}"),
                kind=NoteKind(entry.get("kind", NoteKind.NOTE)),
                created=now,
            )
            notes.append(note)
            _advance_status(contacts, note)

        events.append((calendar_days_ago(entry, today), _ADD_NOTE, i, add_note))

    for i, entry in enumerate(asset.get("followups", [])):

        def add_followup(now: datetime, entry: dict[str, Any] = entry, i: int = i) -> None:
            followups[i] = FollowUp(
                id=new_id("followups"),
                text=entry["text"],
                due=today + timedelta(days=entry["due_in_days"]),
                contact_id=contact_id(entry.get("contact"), f"follow-up {i + 1}"),
                created=now,
                advice=entry.get("advice", False),
            )

        def complete_followup(now: datetime, i: int = i) -> None:
            if i not in followups:
                raise NetuiError(f"demo network: follow-up {i + 1} is done before it is planned")
            followups[i] = done = replace(followups[i], done=now)
            # As `Store.complete_followup` does: a rhythm schedules the next touch.
            contact = contacts.get(done.contact_id) if done.contact_id is not None else None
            planned = any(
                f.contact_id == done.contact_id and f.done is None for f in followups.values()
            )
            cadence = contact.cadence_days if contact is not None else None
            touch = next_touch(done.contact_id, cadence, now.date(), planned)
            if touch is not None:
                followups[-len(followups) - 1] = replace(touch, id=new_id("followups"), created=now)

        events.append((entry["days_ago"], _ADD_FOLLOWUP, i, add_followup))
        if entry.get("done_days_ago") is not None:
            events.append((entry["done_days_ago"], _COMPLETE_FOLLOWUP, i, complete_followup))

    loop: list[LoopState] = []
    for i, entry in enumerate(asset.get("loop", [])):
        if entry.get("key") != "intro" or entry.get("stage") not in ("reached", "met"):
            raise NetuiError(f"demo network: loop item {i + 1} is not an intro reached or met")

        def set_loop(now: datetime, entry: dict[str, Any] = entry, i: int = i) -> None:
            introduced = contact_id(entry["contact"], f"loop item {i + 1}")
            key = f"intro:{introduced}:{entry['stage']}"
            loop.append(LoopState(key, LoopStatus(entry["state"]), at=now, id=new_id("loop")))

        events.append((entry["days_ago"], _SET_LOOP, i, set_loop))

    for days_ago, minute, happen in _schedule(events):
        happen(datetime.combine(today - timedelta(days=days_ago), EVENING) + minute)

    return Network(
        contacts=tuple(contacts[i] for i in sorted(contacts)),
        followups=tuple(sorted(followups.values(), key=lambda f: f.id or 0)),
        notes=tuple(sorted(notes, key=lambda n: n.id or 0)),
        loop=tuple(loop),
    )


def _schedule(
    events: list[tuple[int, int, int, Callable[[datetime], None]]],
) -> list[tuple[int, timedelta, Callable[[datetime], None]]]:
    """Events oldest first, each with its minute after the evening of its day."""
    timed = []
    day, minute = None, 0
    for days_ago, _kind, _position, happen in sorted(events, key=lambda e: (-e[0], e[1], e[2])):
        minute = minute + 1 if days_ago == day else 0
        day = days_ago
        timed.append((days_ago, timedelta(minutes=minute), happen))
    return timed


def _advance_status(contacts: dict[int, Contact], note: Note) -> None:
    """What `Store.add_note` does: an email or call makes a lead contacted, a meeting met."""
    if note.contact_id is None or not note.kind.is_interaction:
        return
    target = Status.MET if note.kind.is_meeting else Status.CONTACTED
    contact = contacts[note.contact_id]
    if target.rank > contact.status.rank:
        contacts[note.contact_id] = replace(contact, status=target)


def load_demo(store: Store, today: date) -> None:
    """Fill the empty `store` with the demo network, its dates relative to `today`, in
    one atomic save (`Store.fill_empty`). Raises ValueError if the file already holds
    contacts, follow-ups or notes (the demo never goes into someone's real network).
    """
    asset = read_asset()

    def build(last_ids: dict[str, int]) -> tuple[Network, list[Company]]:
        # The companies the job seeker is aiming at (one of them where nobody is known yet).
        targets = [Company(name, target=True) for name in asset.get("targets", [])]
        return demo_network(today, asset, after_ids=last_ids), targets

    store.fill_empty(build)


def make_demo_file(today: date | None = None) -> Path:
    """A new temporary folder holding `netui.json` with the demo network; its path.

    Each call makes a fresh copy, so the user can change anything in the demo.
    """
    today = today or system_clock().date()
    folder = Path(tempfile.mkdtemp(prefix="netui-demo-"))
    try:
        store = Store.open(folder / "netui.json")
        load_demo(store, today)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return store.path
