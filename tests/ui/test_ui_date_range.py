"""Snoozing at the edge of the dates netui keeps (1900-01-01 to 2200-12-31).

A preset that would push a follow-up past 2200-12-31 is disabled, and the dialog says
why; a typed date outside the range is refused in place, with the date and the range.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from netkit import (
    CLOCK,
    F_PORTFOLIO,
    JANE,
    flat,
    make_app,
    read_db,
    screen_text,
    settle,
    type_text,
    wait_for_generation,
    wait_for_screen,
)
from textual.widgets import Input, OptionList, Static

from netui.model import FollowUp
from netui.store import Store
from netui.ui.dialogs.snooze import SnoozeScreen
from netui.ui.screens.main import MainScreen

RANGE = "(1900-01-01 to 2200-12-31)"


def add_edge_followup(db: Path) -> int:
    """A follow-up for Jane due 2200-12-30, the day before the last date netui keeps."""
    saved = Store.open(db, clock=CLOCK).add_followup(
        FollowUp("call at the edge", date(2200, 12, 30), JANE)
    )
    assert saved.id is not None
    return saved.id


async def open_snooze(pilot, followup_id: int) -> SnoozeScreen:
    await settle(pilot)
    await pilot.press("2")
    pilot.app.screen.query_one("#followups-list").select_key(followup_id)
    await settle(pilot)
    await pilot.press("s")
    return await wait_for_screen(pilot, SnoozeScreen)


def preview(screen: SnoozeScreen) -> str:
    return str(screen.query_one("#preview", Static).render())


async def test_presets_past_the_last_date_are_disabled_and_the_dialog_says_why(db: Path) -> None:
    edge = add_edge_followup(db)
    app = make_app(db)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_snooze(pilot, edge)
        options = screen.query_one(OptionList)
        disabled = {option.id for option in options.options if option.disabled}
        assert disabled == {"3", "7", "14"}  # +3 days, +1 week, +2 weeks
        text = flat(screen_text(app))
        assert "+1 day Wed 31 Dec 2200" in text
        assert "+2 weeks after 2200-12-31" in text
        limit = screen.query_one("#limit", Static)
        assert limit.display
        assert str(limit.render()) == (
            "⚠ +3 days, +1 week and +2 weeks would pass 2200-12-31: netui keeps dates from "
            "1900-01-01 to 2200-12-31; type a date up to then"
        )
        assert "would pass" in text  # shown, not only held

        # The keys pass over the disabled presets: from +1 day, down goes to "A date…".
        await pilot.press("home", "down", "down", "down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, SnoozeScreen)
        field = screen.query_one("#when", Input)
        assert screen.focused is field

        # What +2 weeks would give, typed: refused in place, with the date and the range.
        await type_text(pilot, "2201-01-13")
        await settle(pilot)
        assert preview(screen) == f"⚠ 2201-01-13 is outside the dates netui keeps {RANGE}"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SnoozeScreen)

        await pilot.press("end", "ctrl+u")
        await type_text(pilot, "jan 1 2201")
        await settle(pilot)
        assert preview(screen) == (
            f"⚠ 2201-01-01 (jan 1 2201) is outside the dates netui keeps {RANGE}"
        )

        # The last day itself is kept.
        await pilot.press("end", "ctrl+u")
        await type_text(pilot, "2200-12-31")
        await settle(pilot)
        assert preview(screen) == "→ Wed 31 Dec 2200"
        before = app.store.generation
        await pilot.press("enter")
        await wait_for_screen(pilot, MainScreen)
        await wait_for_generation(pilot, before)
        assert "Snoozed to Wed 31 Dec 2200: call at the edge" in screen_text(app)
        assert app.is_running
    assert read_db(db)["followups"][str(edge)]["due"] == "2200-12-31"


async def test_from_the_last_day_every_preset_is_disabled(db: Path) -> None:
    edge = add_edge_followup(db)
    Store.open(db, clock=CLOCK).snooze_followup(edge, date(2200, 12, 31))
    before = db.read_bytes()
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_snooze(pilot, edge)
        options = screen.query_one(OptionList)
        assert [option.disabled for option in options.options] == [True] * 4 + [False]
        assert str(screen.query_one("#limit", Static).render()).startswith(
            "⚠ +1 day, +3 days, +1 week and +2 weeks would pass 2200-12-31: "
        )
        # Enter and the arrows reach only the one choice left, "A date…".
        await pilot.press("home", "enter")
        await settle(pilot)
        assert screen.focused is screen.query_one("#when", Input)
        await pilot.press("escape")
        await wait_for_screen(pilot, MainScreen)
        await settle(pilot)
        assert app.is_running
    assert db.read_bytes() == before


async def test_a_typed_date_outside_the_range_is_refused_in_the_dialog(app, db: Path) -> None:
    before = db.read_bytes()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_snooze(pilot, F_PORTFOLIO)
        # Far from the edge, every preset is there and nothing warns.
        assert not any(option.disabled for option in screen.query_one(OptionList).options)
        assert not screen.query_one("#limit").display
        await pilot.press("end", "enter")  # "A date…"
        await settle(pilot)
        for typed, message in (
            ("9999-12-31", f"⚠ 9999-12-31 is outside the dates netui keeps {RANGE}"),
            ("1899-12-31", f"⚠ 1899-12-31 is outside the dates netui keeps {RANGE}"),
            (
                "in 500 years",
                f"⚠ 2526-11-25 (in 500 years) is outside the dates netui keeps {RANGE}",
            ),
        ):
            await pilot.press("end", "ctrl+u")
            await type_text(pilot, typed)
            await settle(pilot)
            assert preview(screen) == message
            await pilot.press("enter")  # refused: the dialog stays
            await settle(pilot)
            assert isinstance(app.screen, SnoozeScreen)
        await pilot.press("escape")
        await wait_for_screen(pilot, MainScreen)
        await settle(pilot)
    assert db.read_bytes() == before
