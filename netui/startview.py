"""The start-up view: the main window's first screen, kept so that netui paints a
LinkedIn-sized network before it has read the data file.

Reading and checking 30,000 contacts takes most of a second; the first screen shows
forty of them. So when the app ends (and after its first full view, if there was no
start-up view yet), it writes what that screen needs to a small file in netui's cache
folder: the order of every contact by name (their ids), the first contacts in that order
with their last touch, the first open follow-ups, the notes of the first contacts, and
the counts of the status line. At the next start the app paints from it at once and
reads the data file on the store's thread after that first frame; the full view replaces
it a moment later, the cursor staying where it was.

The start-up view is used only while the data file is exactly the version it was made
from: same size, modification and change times, inode and device (`Store.version`). Any
other writer (`netui add`, a sync tool, an editor) changes at least the change time, and
the start-up view is ignored until the app writes a new one. It is a cache: whatever is
wrong with it (missing, old format, damaged, another file's) only means the slower start.
Its text is read through the store's converters, so it is made displayable as the data
file's is.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import orjson

from netui.model import Contact, FollowUp, Goals, Network, Note
from netui.paths import cache_file, write_cache_file
from netui.readmodel import ContactOrder, Settings, View
from netui.rhythm import RhythmState, has_defaults, rhythm_state
from netui.store import Store, file_version, from_doc, to_doc

FORMAT = 1
"""The layout of the start-up file (another layout is ignored)."""
CONTACTS = 150
"""How many contacts, first in name order, are kept whole (a tall terminal's screen)."""
FOLLOWUPS = 150
"""How many open follow-ups, first by due date, are kept."""
NOTES_OF = 60
"""Of how many of the first contacts the notes are kept (the Notes pane shows the
selected contact's)."""
NOTES = 300
"""At most this many notes are kept."""


def start_view_path(data_path: Path) -> Path:
    """Where the start-up view of the data file at `data_path` (resolved) is kept."""
    return cache_file(data_path, "start", ".json")


class StartView(View):
    """A view of the first screen only: the contacts' order and the counts are whole,
    the contacts, follow-ups and notes are the first ones (rows further down are blank
    until the full view comes)."""

    __slots__ = ("_contact_count", "_due_counts", "_open", "_order", "version")

    def __init__(
        self,
        network: Network,
        today: date,
        settings: Settings,
        *,
        order: tuple[int, ...],
        touches: dict[int, date],
        states: dict[int, RhythmState],
        contact_count: int,
        open_followups: int,
        due_counts: dict[date, int],
        version: tuple[int, ...],
    ) -> None:
        super().__init__(network, today, settings, generation=-1, touches=touches, states=states)
        self.version = version
        """The version of the data file this view was made from (`Store.version`)."""
        self._order = order
        self._contact_count = contact_count
        self._open = open_followups
        self._due_counts = due_counts

    def contacts_in(self, order: ContactOrder) -> tuple[int, ...]:
        return self._order if order is ContactOrder.NAME else super().contacts_in(order)

    def contact_count(self) -> int:
        return self._contact_count

    def open_followups(self) -> int:
        return self._open

    def overdue(self) -> int:
        return sum(count for due, count in self._due_counts.items() if due < self.today)


def write_start_view(store: Store, view: View) -> bool:
    """Keep the first screen of `view` (a full view of `store`, on the store's thread)
    for the next start; True if written. Nothing is kept for a read-only or faulty file
    (it opens with a banner the start-up view could not show) or one without a version."""
    version = store.version()
    if version is None or store.read_only or store.problems() or isinstance(view, StartView):
        return False
    network = view.network
    order = view.contacts_in(ContactOrder.NAME)
    first = [c for i in order[:CONTACTS] if (c := view.contact(i)) is not None]
    open_ones = [f for f in view.followups_by_due() if f.done is None]
    followups = open_ones[:FOLLOWUPS]
    notes: list[Note] = []
    for contact in first[:NOTES_OF]:
        notes += view.notes_of(contact.id or 0)[: NOTES - len(notes)]
    named = {c.id for c in first} | {f.contact_id for f in followups}
    named |= {n.contact_id for n in notes}
    people = [c for i in named if i is not None and (c := view.contact(i)) is not None]
    kept = {c.id for c in people}
    due: dict[str, int] = {}
    for followup in open_ones:
        key = followup.due.isoformat()
        due[key] = due.get(key, 0) + 1
    planned = {f.contact_id for f in open_ones if f.contact_id is not None}
    content = {
        "format": FORMAT,
        "data": os.fsdecode(store.path),
        "version": list(version),
        "defaults": view.settings.defaults,
        "order": order,
        "contacts": {str(c.id): to_doc(c) for c in people},
        "touches": {str(c.id): t.isoformat() for c in people if (t := view.touches.get(c.id or 0))},
        "planned": sorted(planned & kept),
        "followups": {str(f.id): to_doc(f) for f in followups},
        "notes": {str(n.id): to_doc(n) for n in notes},
        "contact_count": len(network.contacts),
        "open": len(open_ones),
        "due": due,
    }
    return write_cache_file(start_view_path(store.path), orjson.dumps(content))


def read_start_view(data_path: Path, today: date) -> StartView | None:
    """The start-up view of the data file at `data_path` (resolved) if it is that file's
    version as it is now; None otherwise (no start-up view, another version, damaged)."""
    version = file_version(data_path)
    if version is None:
        return None
    try:
        content = orjson.loads(start_view_path(data_path).read_bytes())
        if (
            content.get("format") != FORMAT
            or content.get("data") != os.fsdecode(data_path)
            or tuple(content.get("version") or ()) != version
        ):
            return None
        return _view_of(content, data_path, today, version)
    except (OSError, ValueError, TypeError, KeyError, AttributeError, OverflowError):
        return None


def _view_of(
    content: dict[str, Any], data_path: Path, today: date, version: tuple[int, ...]
) -> StartView:
    contacts: list[Contact] = [
        from_doc("contacts", int(i), doc) for i, doc in content["contacts"].items()
    ]
    followups: list[FollowUp] = [
        from_doc("followups", int(i), doc) for i, doc in content["followups"].items()
    ]
    notes: list[Note] = [from_doc("notes", int(i), doc) for i, doc in content["notes"].items()]
    order = tuple(content["order"])
    if not all(type(i) is int for i in order):
        raise TypeError("contact ids are numbers")
    defaults = content["defaults"]
    if not isinstance(defaults, dict) or not all(isinstance(t, dict) for t in defaults.values()):
        raise TypeError("the default rhythms are tables")
    touches = {int(i): date.fromisoformat(day) for i, day in content["touches"].items()}
    planned = set(content["planned"])
    any_default = has_defaults(defaults)
    states: dict[int, RhythmState] = {}
    for contact in contacts:
        if contact.id in planned or not (contact.cadence_days or any_default):
            continue
        state = rhythm_state(contact, touches.get(contact.id or 0), today, defaults)
        if state is not RhythmState.OK:
            states[contact.id or 0] = state
    return StartView(
        Network(tuple(contacts), tuple(followups), tuple(notes)),
        today,
        Settings(defaults, Goals(), os.fsdecode(data_path)),
        order=order,
        touches=touches,
        states=states,
        contact_count=int(content["contact_count"]),
        open_followups=int(content["open"]),
        due_counts={date.fromisoformat(day): int(n) for day, n in content["due"].items()},
        version=version,
    )
