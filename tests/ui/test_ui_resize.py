"""Resizing the terminal to tiny sizes and back, with each screen and dialog open.

Nothing may crash (a negative width, an empty region, a division by zero), the dialog must
still be on top afterwards, and it must still work: its key closes it, nothing is saved.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from netkit import F_PORTFOLIO, screen_text, settle, wait_for_screen
from textual.command import CommandPalette
from textual.screen import Screen

from netui.ui.dialogs.confirm import ConfirmScreen
from netui.ui.dialogs.forms import ContactForm, FollowUpForm, NoteForm
from netui.ui.dialogs.quick_add import QuickAddScreen
from netui.ui.dialogs.snooze import SnoozeScreen
from netui.ui.screens.contact import ContactScreen
from netui.ui.screens.help import HelpScreen
from netui.ui.screens.main import MainScreen
from netui.ui.screens.review import ReviewScreen

SIZES = [(40, 12), (20, 5), (1, 1), (80, 24), (3, 40), (200, 2), (120, 40)]

# (keys that open it, the screen it opens, the key that closes it)
OPENERS: dict[str, tuple[tuple[str, ...], type[Screen], str]] = {
    "quick add": (("a",), QuickAddScreen, "escape"),
    "follow-up bar": (("f",), QuickAddScreen, "escape"),
    "confirm": (("x",), ConfirmScreen, "n"),
    "snooze": (("2", "s"), SnoozeScreen, "escape"),
    "contact form": (("e",), ContactForm, "escape"),
    "follow-up form": (("2", "e"), FollowUpForm, "escape"),
    "note form": (("3", "e"), NoteForm, "escape"),
    "help": (("question_mark",), HelpScreen, "escape"),
    "palette": (("ctrl+p",), CommandPalette, "escape"),
    "contact page": (("enter",), ContactScreen, "escape"),
    "review": (("r",), ReviewScreen, "escape"),
}


@pytest.mark.parametrize("which", list(OPENERS))
async def test_resizing_with_a_screen_open_does_not_crash(app, db: Path, which: str) -> None:
    keys, kind, close = OPENERS[which]
    before = db.read_bytes()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        if which == "note form":
            await pilot.press("j", "j", "j")  # Jane, who has notes
        await pilot.press(*keys)
        await wait_for_screen(pilot, kind)
        for width, height in SIZES:
            await pilot.resize_terminal(width, height)
            await settle(pilot)
            assert isinstance(app.screen, kind), (width, height)
            assert app.size == (width, height)
            lines = screen_text(app).splitlines()
            assert len(lines) == height
        assert app.is_running
        await pilot.press(close)
        await wait_for_screen(pilot, MainScreen)
        await settle(pilot)
        assert "1 Contacts · 6" in screen_text(app)
    assert db.read_bytes() == before


async def test_the_main_screen_stacks_the_panes_when_narrow(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert not app.screen.has_class("-narrow")
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert app.screen.has_class("-narrow")
        text = screen_text(app)
        assert "1 Contacts · 6" in text and "2 Follow-ups" in text and "3 Notes" in text
        # The focused pane takes the room; the others are a title line each.
        assert "Jane Doe" in text
        await pilot.press("2")
        await settle(pilot)
        assert "send the portf" in screen_text(app)
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert not app.screen.has_class("-narrow")


async def test_typing_goes_on_after_a_tiny_resize(app, db: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        assert app.screen.query_one("#followups-list").cursor_key == F_PORTFOLIO
        await pilot.press("a")
        await wait_for_screen(pilot, QuickAddScreen)
        await pilot.press("A", "n")
        await pilot.resize_terminal(1, 1)
        await pilot.press("n", "space", "L")
        await pilot.resize_terminal(20, 5)
        await pilot.press("e", "e")
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert app.screen.query_one("#line").value == "Ann Lee"
        assert "→ contact Ann Lee" in screen_text(app)


async def test_the_snooze_dialog_survives_sizes_down_to_20_by_5(app, db: Path) -> None:
    """The part of the snooze resizing that works (tinier sizes: see above)."""
    before = db.read_bytes()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2", "s")
        await wait_for_screen(pilot, SnoozeScreen)
        for width, height in [(40, 12), (20, 5), (200, 2), (120, 40)]:
            await pilot.resize_terminal(width, height)
            await settle(pilot)
            assert isinstance(app.screen, SnoozeScreen)
        assert "Snooze: send the portfolio" in screen_text(app)
        await pilot.press("escape")
        await wait_for_screen(pilot, MainScreen)
    assert db.read_bytes() == before
