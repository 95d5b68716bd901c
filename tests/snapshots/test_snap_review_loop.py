"""Snapshots of the daily review with "Waiting for a reply" and "Close the loop" (the
fixed network plus the outreach notes of tests/ui/test_ui_review_loop.py), at 120x40 with
an item of "Close the loop" selected (its keys in the footer: d, s, w, x) and at 80x24
with someone waited for selected (w, m). The clock is frozen on Wednesday 25 November
2026 at 09:00."""

from __future__ import annotations

from pathlib import Path

from netkit import ZOE, make_app, settle, wait_for_screen
from test_ui_review_loop import add_outreach

from netui.ui.screens.review import ReviewScreen


def open_review_at(key: tuple[str, int]):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("r")
        await wait_for_screen(pilot, ReviewScreen)
        await settle(pilot)
        assert pilot.app.screen.query_one("#review-list").select_key(key)
        await settle(pilot)

    return run_before


def test_review_loop_sections_120x40(snap_compare, snap_db: Path) -> None:
    add_outreach(snap_db)
    assert snap_compare(
        make_app(snap_db), terminal_size=(120, 40), run_before=open_review_at(("loop", 0))
    )


def test_review_loop_sections_80x24(snap_compare, snap_db: Path) -> None:
    add_outreach(snap_db)
    assert snap_compare(
        make_app(snap_db), terminal_size=(80, 24), run_before=open_review_at(("waiting", ZOE))
    )
