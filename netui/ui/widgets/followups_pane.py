"""The Follow-ups pane: open follow-ups grouped Overdue / Today / This week / Later."""

from __future__ import annotations

from datetime import date

from netui.dates import format_date
from netui.model import FollowUp, Network
from netui.review import Bucket, bucket
from netui.text import fold
from netui.ui.widgets.pane import Pane
from netui.ui.widgets.virtual_list import Column, Row

DONE = "Done"
SELECTED_MARK = "▸"


class FollowUpsPane(Pane):
    """Follow-ups by due date; the selected contact's are marked."""

    def __init__(self) -> None:
        super().__init__(
            "2 Follow-ups",
            [
                Column("", 1),
                Column("Due", 10),
                Column("Who", weight=1, min_width=8, drop=1),
                Column("Task", weight=2, min_width=10),
            ],
            empty_text="No follow-ups: press f to add one.",
            id="followups",
        )
        self.show_done = False
        self._groups: dict[int, str] = {}

    def show(self, network: Network, today: date, selected_contact: int | None) -> None:
        followups = sorted(network.followups, key=lambda f: (f.due, f.id or 0))
        entries = []
        self._groups = {}
        for followup in followups:
            if followup.done is not None and not self.show_done:
                continue
            group = DONE if followup.done else str(bucket(followup, today))
            self._groups[followup.id or 0] = group
            entries.append(self._entry(followup, network, today, group, selected_contact))
        self.subtitle = "h: hide done" if self.show_done else "h: show done"
        self.load(entries)

    @staticmethod
    def _entry(
        followup: FollowUp, network: Network, today: date, group: str, selected: int | None
    ) -> tuple[Row, str]:
        who = network.name_of(followup.contact_id)
        tone = {Bucket.OVERDUE: "error", Bucket.TODAY: "warning", DONE: "muted"}.get(group, "")
        mark = SELECTED_MARK if selected is not None and followup.contact_id == selected else ""
        row = Row(followup.id, (mark, format_date(followup.due, today), who, followup.text), tone)
        return row, fold(f"{who} {followup.text}")

    def group_rows(self, rows: list[Row]) -> list[Row]:
        order = [str(b) for b in Bucket] + [DONE]
        grouped: dict[str, list[Row]] = {name: [] for name in order}
        for row in rows:
            grouped[self._groups.get(row.key, DONE)].append(row)  # type: ignore[arg-type]
        arranged: list[Row] = []
        for name in order:
            if grouped[name]:
                arranged.append(Row(None, (f"{name} ({len(grouped[name])})",)))
                arranged += grouped[name]
        return arranged
