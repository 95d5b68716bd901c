"""Snapshots of the draft screen (issue 14) at 120x40 and 80x24: Priya Patel, a lead
Bob Smith referred, gets the first message (outreach) with its word count and the
advisers' check; Dana Lee, met yesterday, the thank-you. The clock is frozen on
Wednesday 25 November 2026 at 09:00 (see conftest.py and netkit)."""

from __future__ import annotations

from pathlib import Path

from netkit import DANA, PRIYA, make_app, settle, wait_for_screen, wait_until

from netui.ui.screens.draft import DraftScreen


def opening(contact_id: int):
    async def run_before(pilot) -> None:
        await settle(pilot)
        pilot.app.push_screen(DraftScreen(contact_id))
        screen = await wait_for_screen(pilot, DraftScreen)
        await wait_until(pilot, lambda: screen.made is not None)
        await settle(pilot)

    return run_before


def test_draft_outreach_120x40(snap_compare, snap_db: Path, monkeypatch) -> None:
    monkeypatch.setenv("NETUI_NAME", "Sam Rivera")
    assert snap_compare(make_app(snap_db), terminal_size=(120, 40), run_before=opening(PRIYA))


def test_draft_outreach_80x24(snap_compare, snap_db: Path, monkeypatch) -> None:
    monkeypatch.setenv("NETUI_NAME", "Sam Rivera")
    assert snap_compare(make_app(snap_db), terminal_size=(80, 24), run_before=opening(PRIYA))


def test_draft_thanks_80x24(snap_compare, snap_db: Path, monkeypatch) -> None:
    monkeypatch.setenv("NETUI_NAME", "Sam Rivera")
    assert snap_compare(make_app(snap_db), terminal_size=(80, 24), run_before=opening(DANA))
