"""Record what the search led to ("Product Designer @ Acme"), as `netui landed` does.

A small form from the command palette ("Landed a role…"). As you type it names the
people in the referral chains that led to the company (`netui.ledger.chain_to`), who
will then be listed under *Close the loop* on the review; saving is `Store.record_outcome`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import PurePath
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Static

from netui import validate
from netui.dates import format_date
from netui.errors import NetuiError, QuickAddError
from netui.ledger import chain_to, read_role_at
from netui.model import Network
from netui.ui.dialogs.forms import FormScreen


@dataclass(frozen=True, slots=True)
class Landed:
    """What the form read: the role, the company and the day."""

    role: str
    company: str
    day: date


class LandedScreen(FormScreen):
    """The role and company landed, and when; returns a `Landed` (None: cancelled)."""

    CSS_PATH: ClassVar[list[str | PurePath]] = ["forms.tcss", "landed.tcss"]
    heading = "Landed a role"

    def __init__(self, network: Network) -> None:
        super().__init__()
        self.network = network
        """Whose referral chains lead to the company (for the preview)."""

    def fields(self) -> ComposeResult:
        yield from self.field("Role @ Company", "", "what", "Product Designer @ Acme")
        yield from self.field("Date", "today", "day", "today, yesterday, monday")
        yield Static("", id="landed-preview", markup=False)

    @property
    def item(self) -> None:
        return None

    def build(self) -> Landed:
        self._failing = "what"
        role, company = read_role_at(self.value("what"))
        self._failing = "day"
        day = validate.check_date(self.value("day"), self.today, past=True)
        if day > self.today:
            raise QuickAddError(
                f"{format_date(day, self.today)} is still to come; record it once it happened"
            )
        self._failing = None
        return Landed(role, company, day)

    @on(Input.Changed)
    def _preview(self) -> None:
        """Who will be listed to tell, as the company is typed."""
        preview = self.query_one("#landed-preview", Static)
        try:
            _role, company = read_role_at(self.value("what"))
        except NetuiError:  # (not a role @ company yet)
            preview.update("")
            return
        people = chain_to(self.network, company)
        if not people:
            preview.update(f"→ no referral chain in netui leads to {company}: nobody to tell")
            return
        names = ", ".join(person.name for person in people)
        preview.update(f"→ Close the loop will list {len(people)} to tell: {names}")
