"""The Contacts pane: everyone, sortable, with markers for who is due for a touch (○,
in the warning colour) and who is going cold (●, in the error colour)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from netui.dates import short_date
from netui.model import Contact, Network
from netui.review import rhythm_states
from netui.rhythm import CadenceDefaults, RhythmState
from netui.text import fold
from netui.ui.widgets.pane import Pane
from netui.ui.widgets.virtual_list import Column, Row

DUE_MARK = "○"
"""Due for a touch (at their rhythm since the last touch)."""
COLD_MARK = "●"
"""Going cold (at 1.5 times their rhythm)."""
MARKS = {RhythmState.DUE: (DUE_MARK, "warning"), RhythmState.COLD: (COLD_MARK, "error")}
"""The marker and the row's tone for each rhythm state other than OK."""


class ContactSort(StrEnum):
    """The orders the Contacts pane cycles through with `o`."""

    NAME = "name"
    COMPANY = "company"
    LAST_TOUCH = "last touch"


class ContactsPane(Pane):
    """Contacts with company, title, status and last touch."""

    def __init__(self) -> None:
        super().__init__(
            "1 Contacts",
            [
                Column("", 1),
                Column("Name", weight=3, min_width=12),
                Column("Company", weight=2, min_width=8, drop=1),
                Column("Title", weight=2, min_width=10, drop=3),
                Column("Status", 9, drop=2),
                Column("Touched", 7),
            ],
            empty_text="No contacts yet: press a to add one.",
            id="contacts",
        )
        self.sort = ContactSort.NAME
        self._folded: dict[int, tuple[Contact, str]] = {}
        """Folded search text per contact, reused while the store returns the same object
        (it does for every contact a change did not touch)."""

    def show(
        self,
        network: Network,
        today: date,
        touches: dict[int, date],
        *,
        defaults: CadenceDefaults | None = None,
    ) -> None:
        """Rebuild the rows from the network (keeping the cursor on the same contact).

        Who is due or cold is worked out here from `touches` (`last_touches`) and the
        rhythm `defaults` (by default the store's).
        """
        if defaults is None:
            defaults = self._store_defaults()
        states = rhythm_states(network, today, defaults, touches)
        contacts = list(network.contacts)
        if self.sort is ContactSort.COMPANY:
            contacts.sort(key=lambda c: (fold(c.company) or "\uffff", fold(c.name)))
        elif self.sort is ContactSort.LAST_TOUCH:
            contacts.sort(key=lambda c: touches.get(c.id or 0, date.min), reverse=True)
        else:
            contacts.sort(key=lambda c: fold(c.name))
        self.subtitle = f"sorted by {self.sort}"
        self.load([self._entry(c, today, touches, states) for c in contacts])

    def _store_defaults(self) -> CadenceDefaults | None:
        store = getattr(self.app, "store", None)
        return store.cadence_defaults() if store is not None else None

    def _haystack(self, contact: Contact) -> str:
        cached = self._folded.get(contact.id or 0)
        if cached is not None and cached[0] is contact:
            return cached[1]
        hay = fold(" ".join((contact.name, contact.company, contact.title, *contact.tags)))
        self._folded[contact.id or 0] = (contact, hay)
        return hay

    def _entry(
        self,
        contact: Contact,
        today: date,
        touches: dict[int, date],
        states: dict[int, RhythmState],
    ) -> tuple[Row, str]:
        touch = touches.get(contact.id or 0)
        mark, tone = MARKS.get(states.get(contact.id or 0, RhythmState.OK), ("", ""))
        row = Row(
            contact.id,
            (
                mark,
                contact.name,
                contact.company,
                contact.title,
                str(contact.status),
                short_date(touch, today) if touch else "—",
            ),
            tone=tone,
        )
        return row, self._haystack(contact)
