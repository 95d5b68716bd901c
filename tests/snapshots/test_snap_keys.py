"""Snapshots of the keys people expect: the jump (ctrl+o), the history of changes (u),
tab going through two names in the quick-add bar, and the help at 80x24 and on the review.

Same rules as test_snap_screens.py: frozen clock, the fixed network at a fixed path, no
blink; a changed picture is a failed test, accepted only after looking at it.
"""

from __future__ import annotations

from pathlib import Path

from netkit import (
    CLOCK,
    F_INTRO,
    make_app,
    screen_text,
    settle,
    type_text,
    wait_for_generation,
    wait_for_screen,
    wait_until,
)
from textual.command import CommandPalette

from netui.model import Contact
from netui.store import Store
from netui.ui.dialogs.confirm import ConfirmScreen
from netui.ui.dialogs.history import HistoryScreen
from netui.ui.dialogs.quick_add import QuickAddScreen
from netui.ui.screens.help import HelpScreen
from netui.ui.screens.review import ReviewScreen

BIG = (120, 40)


def test_jump_palette(snap_compare, snap_db: Path) -> None:
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("ctrl+o")
        await wait_for_screen(pilot, CommandPalette)
        await type_text(pilot, "jane")
        await wait_until(pilot, lambda: "send the portfolio" in screen_text(pilot.app))
        await wait_until(pilot, lambda: "Coffee at Blue Bottle" in screen_text(pilot.app))
        await pilot.pause(0.3)  # (the palette's busy bar)
        await settle(pilot)

    assert snap_compare(make_app(snap_db), terminal_size=BIG, run_before=run_before)


def test_history_dialog(snap_compare, snap_db: Path) -> None:
    async def run_before(pilot) -> None:
        await settle(pilot)
        app = pilot.app
        for followup_id in (F_INTRO,):
            await pilot.press("2")
            assert app.screen.query_one("#followups-list").select_key(followup_id)
            await settle(pilot)
            before = app.store.generation
            await pilot.press("x")
            await wait_for_screen(pilot, ConfirmScreen)
            await pilot.press("y")
            await wait_for_generation(pilot, before)
        await pilot.press("a")
        await wait_for_screen(pilot, QuickAddScreen)
        await type_text(pilot, "Ann Lee @ Foo")
        before = app.store.generation
        await pilot.press("enter")
        await wait_for_generation(pilot, before)
        before = app.store.generation
        await pilot.press("ctrl+z")
        await wait_for_generation(pilot, before)
        app.clear_notifications()
        await pilot.press("u")
        history = await wait_for_screen(pilot, HistoryScreen)
        await wait_until(pilot, lambda: bool(history.redo))
        await settle(pilot)

    assert snap_compare(make_app(snap_db), terminal_size=BIG, run_before=run_before)


def test_tab_goes_through_two_names(snap_compare, snap_db: Path) -> None:
    Store.open(snap_db, clock=CLOCK).add_contact(Contact("Priya Raman", company="Initech"))

    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("f")
        bar = await wait_for_screen(pilot, QuickAddScreen)
        await settle(pilot)
        bar.query_one("#line").value = ""
        await type_text(pilot, "pri")
        await pilot.press("tab", "tab")
        await settle(pilot)

    assert snap_compare(make_app(snap_db), terminal_size=BIG, run_before=run_before)


def test_help_at_80x24(snap_compare, snap_db: Path) -> None:
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("question_mark")
        await wait_for_screen(pilot, HelpScreen)
        await settle(pilot)

    assert snap_compare(make_app(snap_db), terminal_size=(80, 24), run_before=run_before)


def test_help_on_the_review(snap_compare, snap_db: Path) -> None:
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("r")
        await wait_for_screen(pilot, ReviewScreen)
        await settle(pilot)
        await pilot.press("question_mark")
        await wait_for_screen(pilot, HelpScreen)
        await settle(pilot)

    assert snap_compare(make_app(snap_db), terminal_size=BIG, run_before=run_before)
