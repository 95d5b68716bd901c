"""Edit the weekly goals: new contacts, meetings and follow-ups done per week.

A small form on the review screen (`g`); what it returns is saved with `Store.set_goals`.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import ClassVar

from textual.app import ComposeResult
from textual.widgets import Static

from netui import validate
from netui.model import Goals
from netui.ui.dialogs.forms import FormScreen

FIELDS = (
    ("contacts", "New contacts per week"),
    ("meetings", "Meetings per week (meetings, coffees, events)"),
    ("followups", "Follow-ups done per week"),
)


class GoalsScreen(FormScreen):
    """The three weekly goals; ctrl+s or enter saves, escape cancels."""

    CSS_PATH: ClassVar[list[str | PurePath]] = ["forms.tcss", "goals.tcss"]
    """The form's own look, then this one's."""
    heading = "Weekly goals"

    def __init__(self, goals: Goals) -> None:
        super().__init__()
        self.goals = goals

    def fields(self) -> ComposeResult:
        yield Static(
            "What you aim to do each week; the review screen shows this week against them.",
            id="goals-help",
            markup=False,
        )
        for key, label in FIELDS:
            yield from self.field(label, str(getattr(self.goals, key)), key)

    def build(self) -> Goals:
        return Goals(
            contacts=validate.check_goal(self.value("contacts"), "new contacts"),
            meetings=validate.check_goal(self.value("meetings"), "meetings"),
            followups=validate.check_goal(self.value("followups"), "follow-ups done"),
        )
