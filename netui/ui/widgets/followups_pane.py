"""The Follow-ups pane: open follow-ups grouped Overdue / Today / This week / Later."""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from netui.dates import format_date
from netui.model import FollowUp
from netui.readmodel import View
from netui.review import Bucket, bucket
from netui.text import fold
from netui.ui.widgets.pane import Pane
from netui.ui.widgets.virtual_list import Column, Row

DONE = "Done"
SELECTED_MARK = "▸"
ADVICE_MARK = "★"
"""Before the task of a follow-up that acts on its contact's advice (`v`, `#advice`)."""
TONES = {Bucket.OVERDUE: "error", Bucket.TODAY: "warning", DONE: "muted"}
"""How the rows of each group are coloured."""


class FollowUpsPane(Pane):
    """Follow-ups by due date; the selected contact's are marked."""

    def __init__(self) -> None:
        super().__init__(
            "2 Follow-ups",
            [
                # Who as wide as the longest name (up to a cap), the task the rest.
                Column("", 1, mark=True),
                Column("Due", min_width=10, max_width=16),  # (+ the year: "Tue 12 Jan 2027")
                Column("Who", min_width=8, max_width=22, drop=1),
                Column("Task", min_width=16),
            ],
            empty_text="No follow-ups: press f to add one.",
            id="followups",
        )
        self.show_done = False
        self.view: View | None = None
        self.marked: int | None = None
        """The contact whose follow-ups carry the mark (the one selected in Contacts)."""
        self._by_id: dict[int, FollowUp] = {}
        self._groups: dict[int, str] = {}
        self._first: tuple[object, dict[int, int]] = (None, {})
        """The list's rows the index below was made for, and each contact's first row."""

    def show(self, view: View, selected_contact: int | None) -> None:
        """Show the follow-ups of `view`; mark `selected_contact`'s."""
        self.view, self.marked = view, selected_contact
        shown = [f for f in view.followups_by_due() if self.show_done or f.done is None]
        self._by_id = {f.id or 0: f for f in shown}
        self._groups = {
            f.id or 0: DONE if f.done is not None else str(bucket(f, view.today)) for f in shown
        }
        self.subtitle = "h: hide done" if self.show_done else "h: show done"
        self.load([f.id or 0 for f in shown], self._row, self._haystack)
        self._show_marked()

    def mark(self, contact_id: int | None) -> None:
        """Move the mark to another contact's follow-ups: the same rows, drawn again
        (only those on screen), not a rebuild."""
        if contact_id != self.marked:
            self.marked = contact_id
            self.redraw_rows()
            self._show_marked()

    def _show_marked(self) -> None:
        """Unless the user is in this pane, scroll the marked contact's first follow-up
        into view (a short pane would otherwise hide it)."""
        if self.marked is None or self.has_focus_within:
            return
        index = self._first_rows().get(self.marked)
        if index is not None:
            self.list.show_row(index)

    def _first_rows(self) -> dict[int, int]:
        """Each contact's first row in the list as it is (made once per list, so that a
        cursor move in Contacts costs a lookup, not a scan of every follow-up)."""
        source = self.list.source
        if self._first[0] is not source:
            first: dict[int, int] = {}
            for index in range(len(source)):
                key = source.key(index)
                followup = self._by_id.get(key) if isinstance(key, int) else None
                if followup is not None and followup.contact_id is not None:
                    first.setdefault(followup.contact_id, index)
            self._first = (source, first)
        return self._first[1]

    def _row(self, key: Hashable) -> Row:
        followup = self._by_id.get(key)  # type: ignore[call-overload]
        if followup is None or self.view is None:
            return Row(key, ("", "", "", ""))
        who = self.view.name_of(followup.contact_id)
        group = self._groups.get(key, DONE)  # type: ignore[call-overload]
        marked = self.marked is not None and followup.contact_id == self.marked
        return Row(
            followup.id,
            (
                SELECTED_MARK if marked else "",
                format_date(followup.due, self.view.today),
                who,
                f"{ADVICE_MARK} {followup.text}" if followup.advice else followup.text,
            ),
            TONES.get(group, ""),
        )

    def _haystack(self, key: Hashable) -> str:
        followup = self._by_id.get(key)  # type: ignore[call-overload]
        if followup is None or self.view is None:
            return ""
        return fold(f"{self.view.name_of(followup.contact_id)} {followup.text}")

    def group(self, keys: Sequence[Hashable]) -> tuple[Sequence[Hashable | None], dict[int, str]]:
        order = [str(b) for b in Bucket] + [DONE]
        grouped: dict[str, list[Hashable]] = {name: [] for name in order}
        for key in keys:
            grouped[self._groups.get(key, DONE)].append(key)  # type: ignore[call-overload]
        arranged: list[Hashable | None] = []
        headings: dict[int, str] = {}
        for name in order:
            if grouped[name]:
                headings[len(arranged)] = f"{name} ({len(grouped[name])})"
                arranged.append(None)
                arranged += grouped[name]
        return arranged, headings
