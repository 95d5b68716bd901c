"""Follow-ups on the main screen: `d` marks done (and reopens), `s` snoozes."""

from __future__ import annotations

from pathlib import Path

import pytest
from netkit import (
    F_CHECKIN,
    F_PORTFOLIO,
    F_TEAM,
    F_THANKS,
    read_db,
    screen_text,
    settle,
    status_text,
    type_text,
    wait_for_generation,
    wait_for_screen,
    wait_until,
)
from textual.widgets import Input, OptionList, Static

from netui.ui.dialogs.snooze import SnoozeScreen
from netui.ui.screens.main import MainScreen


def followup_keys(app) -> list[object]:
    rows = app.screen.query_one("#followups-list").rows
    return [row.key for row in rows if row.key is not None]


async def test_d_marks_the_selected_follow_up_done(app, db: Path) -> None:
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("2")
        assert app.screen.query_one("#followups-list").cursor_key == F_PORTFOLIO
        before = app.store.generation
        await pilot.press("d")
        await wait_for_generation(pilot, before)

        assert read_db(db)["followups"][str(F_PORTFOLIO)]["done"] == "2026-11-25T09:00:00"
        # Hidden from the list (done ones show only with h), and the counts follow.
        assert F_PORTFOLIO not in followup_keys(app)
        text = screen_text(app)
        assert "Done: send the portfolio" in text  # the toast
        assert "Overdue" not in text
        assert "2 Follow-ups · 3" in text
        assert "3 open follow-ups  ·" in status_text(app)
        # The cursor went on to a follow-up that is still open.
        assert app.screen.query_one("#followups-list").cursor_key == F_TEAM

        await pilot.press("h")
        await settle(pilot)
        assert F_PORTFOLIO in followup_keys(app)
        assert "Done (2)" in screen_text(app)


async def test_d_on_a_done_follow_up_reopens_it(app, db: Path) -> None:
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("2", "h")
        await settle(pilot)
        followups = app.screen.query_one("#followups-list")
        followups.select_key(F_THANKS)
        await settle(pilot)
        before = app.store.generation
        await pilot.press("d")
        await wait_for_generation(pilot, before)
        assert read_db(db)["followups"][str(F_THANKS)]["done"] is None
        assert "Reopened: send a thank-you" in screen_text(app)
        assert "Overdue (2)" in screen_text(app)


async def test_d_elsewhere_than_the_follow_ups_pane_does_nothing(app, db: Path) -> None:
    before = db.read_bytes()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("d", "1", "d", "3", "d")
        await settle(pilot)
    assert db.read_bytes() == before


async def choose(pilot, label: str) -> None:
    """Pick the snooze option whose text (after its key) starts with `label`, with the
    arrow keys."""
    options = pilot.app.screen.query_one(OptionList)
    prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    index = next(i for i, prompt in enumerate(prompts) if prompt[3:].startswith(label))
    await pilot.press("home")
    await pilot.press(*["down"] * index)
    assert options.highlighted == index
    await pilot.press("enter")


async def test_s_snoozes_by_a_week_from_today(app, db: Path) -> None:
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("2", "s")
        await wait_for_screen(pilot, SnoozeScreen)
        text = screen_text(app)
        assert "Snooze: send the portfolio" in text
        # Counted from today, as the overdue date is already past.
        for option in (
            "1  +1 day    Thu 26 Nov",
            "2  +3 days   Sat 28 Nov",
            "3  +1 week   Wed 2 Dec",
        ):
            assert option in text, option
        assert "4  +2 weeks  Wed 9 Dec" in text and "d  A date…" in text

        before = app.store.generation
        await choose(pilot, "+1 week")
        await wait_for_screen(pilot, MainScreen)
        await wait_for_generation(pilot, before)
        assert "Snoozed to Wed 2 Dec: send the portfolio" in screen_text(app)
        assert "Overdue" not in screen_text(app)

    doc = read_db(db)["followups"][str(F_PORTFOLIO)]
    assert doc["due"] == "2026-12-02"
    assert doc["done"] is None


async def test_snoozing_a_future_follow_up_counts_from_its_due_date(app, db: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2", "end", "s")  # the last one: check in, due Tue 15 Dec
        await wait_for_screen(pilot, SnoozeScreen)
        assert "+1 week   Tue 22 Dec" in screen_text(app)
        before = app.store.generation
        await choose(pilot, "+1 week")
        await wait_for_generation(pilot, before)
    assert read_db(db)["followups"][str(F_CHECKIN)]["due"] == "2026-12-22"


async def test_s_snoozes_to_a_typed_date(app, db: Path) -> None:
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("2", "s")
        screen = await wait_for_screen(pilot, SnoozeScreen)
        await choose(pilot, "A date")
        await settle(pilot)
        field = screen.query_one("#when", Input)
        assert screen.focused is field

        await type_text(pilot, "smarch 45")
        await settle(pilot)
        assert str(screen.query_one("#preview", Static).render()).startswith("⚠ ")
        await pilot.press("enter")  # refused: the dialog stays
        await settle(pilot)
        assert isinstance(app.screen, SnoozeScreen)

        await pilot.press("end", "ctrl+u")
        await type_text(pilot, "dec 12")
        await settle(pilot)
        assert "→ Sat 12 Dec" in screen_text(app)
        before = app.store.generation
        await pilot.press("enter")
        await wait_for_screen(pilot, MainScreen)
        await wait_for_generation(pilot, before)
        assert "Snoozed to Sat 12 Dec: send the portfolio" in screen_text(app)
    assert read_db(db)["followups"][str(F_PORTFOLIO)]["due"] == "2026-12-12"


async def test_escape_leaves_the_snooze_dialog_without_a_change(app, db: Path) -> None:
    before = db.read_bytes()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2", "s")
        await wait_for_screen(pilot, SnoozeScreen)
        await pilot.press("escape")
        await wait_for_screen(pilot, MainScreen)
        await settle(pilot)
    assert db.read_bytes() == before


async def test_done_and_snooze_work_on_the_contact_page(app, db: Path) -> None:
    from netui.ui.screens.contact import ContactScreen

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # Bob's page: his done thank-you, then the open one
        await wait_for_screen(pilot, ContactScreen)
        await pilot.press("j")
        assert app.screen.query_one("#contact-followups").cursor_key == F_TEAM
        before = app.store.generation
        await pilot.press("d")
        await wait_for_generation(pilot, before)
        assert read_db(db)["followups"][str(F_TEAM)]["done"] == "2026-11-25T09:00:00"
        rows = [line for line in screen_text(app).splitlines() if "ask about the team" in line]
        assert len(rows) == 1 and "done" in rows[0]

        await pilot.press("s")
        await wait_for_screen(pilot, SnoozeScreen)
        before = app.store.generation
        await choose(pilot, "+1 day")
        await wait_for_screen(pilot, ContactScreen)
        await wait_until(pilot, lambda: app.store.generation != before)
    assert read_db(db)["followups"][str(F_TEAM)]["due"] == "2026-11-26"


@pytest.mark.parametrize(("key", "due"), [("1", "2026-11-26"), ("4", "2026-12-09")])
async def test_snooze_presets_have_single_keys(app, db: Path, key: str, due: str) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2", "s")
        await wait_for_screen(pilot, SnoozeScreen)
        assert "1  +1 day" in screen_text(app) and "d  A date…" in screen_text(app)
        before = app.store.generation
        await pilot.press(key)
        await wait_for_screen(pilot, MainScreen)
        await wait_for_generation(pilot, before)
    assert read_db(db)["followups"][str(F_PORTFOLIO)]["due"] == due


async def test_d_in_the_snooze_dialog_is_the_typed_date(app, db: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2", "s")
        screen = await wait_for_screen(pilot, SnoozeScreen)
        await pilot.press("d")
        await settle(pilot)
        assert screen.focused is screen.query_one("#when", Input)
        await type_text(pilot, "dec 12")  # digits go to the field, not to the presets
        before = app.store.generation
        await pilot.press("enter")
        await wait_for_screen(pilot, MainScreen)
        await wait_for_generation(pilot, before)
    assert read_db(db)["followups"][str(F_PORTFOLIO)]["due"] == "2026-12-12"
