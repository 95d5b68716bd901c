"""Snapshots of the daily review at 40x12 and 80x24, and of its leads after an import.

At 40x12 the list of the day fills the screen (the goals scroll below it); at 80x24 the
list, the rhythm line and the labelled 8-week bars all show. The clock is frozen on
Wednesday 25 November 2026 at 09:00 (see conftest.py and netkit).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from netkit import CLOCK, make_app, settle, wait_for_screen

from netui.model import Contact
from netui.store import Store
from netui.ui.screens.review import ReviewScreen


async def open_review(pilot) -> None:
    await settle(pilot)
    await pilot.press("r")
    await wait_for_screen(pilot, ReviewScreen)
    await settle(pilot)


def test_review_40x12(snap_compare, snap_db: Path) -> None:
    assert snap_compare(make_app(snap_db), terminal_size=(40, 12), run_before=open_review)


def test_review_80x24(snap_compare, snap_db: Path) -> None:
    assert snap_compare(make_app(snap_db), terminal_size=(80, 24), run_before=open_review)


def test_review_leads_after_an_import_80x24(snap_compare, snap_db: Path) -> None:
    """300 LinkedIn connections nobody referred: Zoë and Priya (referred) listed, the
    300 one line, selected (G goes to the last row)."""
    store = Store.open(snap_db, clock=CLOCK)
    store.add_contacts(
        [
            Contact(f"Connection {i:03}", "Initech", created=datetime(2024, 3, 1 + i % 28))
            for i in range(300)
        ],
        "imported from LinkedIn",
    )

    async def run_before(pilot) -> None:
        await open_review(pilot)
        await pilot.press("G")
        await settle(pilot)

    assert snap_compare(make_app(snap_db), terminal_size=(80, 24), run_before=run_before)
