"""The Contacts pane: everyone, sortable, with markers for who is due for a touch (○,
in the warning colour) and who is going cold (●, in the error colour)."""

from __future__ import annotations

from netui.dates import short_date
from netui.model import Contact
from netui.readmodel import ContactOrder, View
from netui.replies import Label, responsiveness
from netui.rhythm import RhythmState
from netui.text import fold
from netui.ui.widgets.pane import Pane
from netui.ui.widgets.virtual_list import Column, Row

DUE_MARK = "○"
"""Due for a touch (at their rhythm since the last touch)."""
COLD_MARK = "●"
"""Going cold (at 1.5 times their rhythm)."""
MARKS = {RhythmState.DUE: (DUE_MARK, "warning"), RhythmState.COLD: (COLD_MARK, "error")}
"""The marker and the row's tone for each rhythm state other than OK."""


ContactSort = ContactOrder
"""The orders the Contacts pane cycles through with `o` (the read model's)."""


class ContactsPane(Pane):
    """Contacts with company, title, status and last touch."""

    def __init__(self) -> None:
        super().__init__(
            "1 Contacts",
            [
                # Name and company as wide as the widest (up to a cap), the title what
                # is left; short of room the title goes first, then the status, then
                # the last touch, then the company.
                Column("", 1, mark=True),
                Column("Name", min_width=12, max_width=24),
                Column("Company", min_width=10, max_width=22, drop=1),
                Column("Title", min_width=10, drop=4),
                Column("Status", 9, drop=3),
                Column("Touched", 7, drop=2),
            ],
            empty_text="No contacts yet: press a to add one.",
            id="contacts",
        )
        self.sort = ContactOrder.NAME
        self.view: View | None = None
        self._folded: dict[int, tuple[Contact, Label | None, str]] = {}
        """Folded search text per contact, made on the first filter and reused while the
        read model has the same object (it does for every contact a change did not touch)
        and their reply label is the same."""
        self._labels: tuple[View | None, dict[int, Label]] = (None, {})
        """How each contact answers (`replies.responsiveness`, the `reply:` term), made on
        the first filter of each view, not on each keystroke."""

    def show(self, view: View) -> None:
        """Show the contacts of `view` in the pane's order (the cursor stays on the same
        contact). Rows are built as they are drawn."""
        self.view = view
        self.subtitle = f"sorted by {self.sort}"
        self.load(view.contacts_in(self.sort), self._row, self._haystack)

    def _haystack(self, contact_id: object) -> str:
        contact = self.view.contact(contact_id) if self.view else None  # type: ignore[arg-type]
        if contact is None:
            return ""
        label = self._reply_labels().get(contact.id or 0)
        cached = self._folded.get(contact.id or 0)
        if cached is not None and cached[0] is contact and cached[1] is label:
            return cached[2]
        # The text, then the tokens a filter's field terms match (`#tag`, `@company`,
        # `status:lead`, `reply:fast`), after a NUL so that a phrase can't run from one
        # into the other.
        tokens = [f"#{t}" for t in contact.tags]
        tokens += [f"@{contact.company}", f"status:{contact.status}"]
        if label is not None:
            tokens.append(f"reply:{label}")
        text = " ".join((contact.name, contact.company, contact.title, *contact.tags))
        hay = fold(text + "\0" + " ".join(tokens))
        self._folded[contact.id or 0] = (contact, label, hay)
        return hay

    def _reply_labels(self) -> dict[int, Label]:
        """Each contact's reply label in the view shown (made once per view)."""
        view = self.view
        if self._labels[0] is not view:
            self._labels = (view, responsiveness(view.network) if view is not None else {})
        return self._labels[1]

    def _row(self, contact_id: object) -> Row:
        view = self.view
        contact = view.contact(contact_id) if view else None  # type: ignore[arg-type]
        if view is None or contact is None:
            return Row(contact_id, ("", "", "", "", "", ""))
        touch = view.touches.get(contact.id or 0)
        mark, tone = MARKS.get(view.states.get(contact.id or 0, RhythmState.OK), ("", ""))
        return Row(
            contact.id,
            (
                mark,
                contact.name,
                contact.company,
                contact.title,
                str(contact.status),
                short_date(touch, view.today) if touch else "—",
            ),
            tone=tone,
        )
