"""The Contacts pane: everyone, sortable, with a marker for who is going cold."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from netui.dates import short_date
from netui.model import Contact, Network
from netui.text import fold
from netui.ui.widgets.pane import Pane
from netui.ui.widgets.virtual_list import Column, Row

COLD_MARK = "●"


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
        cold: set[int],
    ) -> None:
        """Rebuild the rows from the network (keeping the cursor on the same contact)."""
        contacts = list(network.contacts)
        if self.sort is ContactSort.COMPANY:
            contacts.sort(key=lambda c: (fold(c.company) or "\uffff", fold(c.name)))
        elif self.sort is ContactSort.LAST_TOUCH:
            contacts.sort(key=lambda c: touches.get(c.id or 0, date.min), reverse=True)
        else:
            contacts.sort(key=lambda c: fold(c.name))
        self.subtitle = f"sorted by {self.sort}"
        self.load([self._entry(c, today, touches, cold) for c in contacts])

    def _haystack(self, contact: Contact) -> str:
        cached = self._folded.get(contact.id or 0)
        if cached is not None and cached[0] is contact:
            return cached[1]
        hay = fold(" ".join((contact.name, contact.company, contact.title, *contact.tags)))
        self._folded[contact.id or 0] = (contact, hay)
        return hay

    def _entry(
        self, contact: Contact, today: date, touches: dict[int, date], cold: set[int]
    ) -> tuple[Row, str]:
        touch = touches.get(contact.id or 0)
        is_cold = contact.id in cold
        row = Row(
            contact.id,
            (
                COLD_MARK if is_cold else "",
                contact.name,
                contact.company,
                contact.title,
                str(contact.status),
                short_date(touch, today) if touch else "—",
            ),
            tone="warning" if is_cold else "",
        )
        return row, self._haystack(contact)
