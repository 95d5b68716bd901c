"""Snooze a follow-up: +1 day, +3 days, +1 week, +2 weeks (keys 1 to 4), or a typed date
(`d`).

Every date it returns is one netui keeps (`netui.model.date_in_range`): near the last one
(2200-12-31) a preset that would pass it is shown disabled, with a line saying why, and a
typed date outside the range is refused in place, as any unreadable date is.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from netui.dates import add_days, format_date, parse_when
from netui.errors import QuickAddError
from netui.model import LATEST, FollowUp, date_range_text

CHOICES = [("+1 day", 1), ("+3 days", 3), ("+1 week", 7), ("+2 weeks", 14)]


class SnoozeScreen(ModalScreen[date | None]):
    """Pick how far to push a follow-up; the dates count from today (or its due date if
    that is later, so snoozing something already in the future pushes it further)."""

    CSS_PATH = "snooze.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        *(
            Binding(str(key), f"preset({key})", label, show=False)
            for key, (label, _) in enumerate(CHOICES, start=1)
        ),
        Binding("d", "type_date", "A date", show=False),
    ]

    def __init__(self, followup: FollowUp) -> None:
        super().__init__()
        self.followup = followup

    @property
    def base(self) -> date:
        today: date = self.app.today  # type: ignore[attr-defined]
        return max(today, self.followup.due)

    def target(self, days: int) -> date | None:
        """Where the preset of `days` takes the follow-up; None past the dates netui keeps."""
        return add_days(self.base, days)

    def compose(self) -> ComposeResult:
        today: date = self.app.today  # type: ignore[attr-defined]
        options = []
        beyond = []
        for key, (label, n) in enumerate(CHOICES, start=1):
            when = self.target(n)
            if when is None:
                beyond.append(label)
                prompt = f"{key}  {label:<9} after {LATEST.isoformat()}"
            else:
                prompt = f"{key}  {label:<9} {format_date(when, today)}"
            options.append(Option(prompt, id=str(n), disabled=when is None))
        with Vertical(classes="dialog"):
            yield Static(Content(f"Snooze: {self.followup.text}"), id="title")
            yield OptionList(*options, Option("d  A date…", id="date"), id="choices")
            yield Static(self._limit_text(beyond), id="limit", markup=False)
            yield Input(placeholder="friday, dec 12, in 10 days…", id="when")
            yield Static("", id="preview", markup=False)

    @staticmethod
    def _limit_text(beyond: list[str]) -> str:
        """Why some presets can't be chosen ("" if all can)."""
        if not beyond:
            return ""
        which = " and ".join((", ".join(beyond[:-1]), beyond[-1])) if beyond[1:] else beyond[0]
        return (
            f"⚠ {which} would pass {LATEST.isoformat()}: netui keeps dates from "
            f"{date_range_text()}; type a date up to then"
        )

    def on_mount(self) -> None:
        self.query_one("#when").display = False
        self.query_one("#limit").display = any(self.target(n) is None for _, n in CHOICES)
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == "date":
            self.action_type_date()
            return
        self._snooze(int(event.option.id or 0))

    def action_preset(self, key: int) -> None:
        """Keys 1 to 4: the presets, in the order shown."""
        self._snooze(CHOICES[key - 1][1])

    def action_type_date(self) -> None:
        field = self.query_one("#when", Input)
        field.display = True
        field.focus()

    def _snooze(self, days: int) -> None:
        when = self.target(days)
        if when is None:  # a preset past the last date netui keeps: refused
            self.app.bell()
            return
        self.dismiss(when)

    def _read(self, text: str) -> date | None:
        preview = self.query_one("#preview", Static)
        today: date = self.app.today  # type: ignore[attr-defined]
        try:
            when = parse_when(text, today)
        except QuickAddError as error:
            preview.update(f"⚠ {error}" if text.strip() else "")
            preview.set_class(True, "-error")
            return None
        preview.update(f"→ {format_date(when, today)}")
        preview.set_class(False, "-error")
        return when

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        self._read(event.value)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        when = self._read(event.value)
        if when is not None:
            self.dismiss(when)
        else:
            self.app.bell()

    def action_cancel(self) -> None:
        self.dismiss(None)
