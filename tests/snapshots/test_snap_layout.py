"""Snapshots of the main screen's layout on the demo network: 120x40 with the Follow-ups
focused, 80x24, and 40x12.

The demo is built for the frozen day (Wednesday 25 November 2026) at the fixed path the
status line shows. A changed picture is a failed test: look at it as PNG before
accepting it (`--snapshot-update -k layout`).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from netkit import CLOCK, TODAY, make_app, settle

from netui.demo import load_demo
from netui.store import Store


@pytest.fixture
def demo_db(snap_folder: Path) -> Path:
    """The demo network at the fixed path."""
    store = Store.open(snap_folder / "netui.json", clock=CLOCK)
    load_demo(store, TODAY)
    return store.path


def keys(*presses: str):
    async def run_before(pilot) -> None:
        await settle(pilot)
        if presses:
            await pilot.press(*presses)
        await settle(pilot)

    return run_before


def test_layout_120x40_follow_ups_focused(snap_compare, demo_db: Path) -> None:
    """Whole names and task lines in the Follow-ups; the Notes of the highlighted
    follow-up's contact; the footer with ? q r."""
    assert snap_compare(make_app(demo_db), terminal_size=(120, 40), run_before=keys("2", "j"))


def test_layout_120x40_contacts_focused(snap_compare, demo_db: Path) -> None:
    """Names and companies whole, the markers in a column of their own."""
    assert snap_compare(make_app(demo_db), terminal_size=(120, 40), run_before=keys())


def test_layout_80x24(snap_compare, demo_db: Path) -> None:
    """Stacked: the Contacts tall, the selected contact's follow-up and notes in view."""
    assert snap_compare(make_app(demo_db), terminal_size=(80, 24), run_before=keys(*["j"] * 12))


def test_layout_40x12(snap_compare, demo_db: Path) -> None:
    """The day's follow-ups first; the other panes a title line each."""
    assert snap_compare(make_app(demo_db), terminal_size=(40, 12), run_before=keys())
