""" "Landed a role…" from the command palette: the role and company, the people to tell
named as you type, the outcome saved as one change (as `netui landed` saves it), and the
review's Close the loop listing them."""

from __future__ import annotations

from pathlib import Path

from netkit import (
    notifications,
    read_db,
    screen_text,
    settle,
    type_text,
    wait_for_generation,
    wait_for_screen,
    wait_until,
)
from textual.command import CommandPalette

from netui.ui.dialogs.landed import LandedScreen
from netui.ui.screens.main import MainScreen
from netui.ui.screens.review import ReviewScreen


async def open_landed(pilot) -> LandedScreen:
    await settle(pilot)
    await pilot.press("ctrl+p")
    await wait_for_screen(pilot, CommandPalette)
    await type_text(pilot, "landed")
    await wait_until(pilot, lambda: "Record the role and company" in screen_text(pilot.app))
    await pilot.press("enter")
    return await wait_for_screen(pilot, LandedScreen)


async def test_landing_a_role_names_who_to_tell_and_saves_the_outcome(app, db: Path) -> None:
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_landed(pilot)
        await type_text(pilot, "Product Designer @ Acme Corp")
        await settle(pilot)
        # Jane was met at Acme Corp; Bob referred Priya, who works there.
        assert "Close the loop will list 2 to tell: Jane Doe, Bob Smith" in screen_text(app)
        before = app.store.generation
        await pilot.press("ctrl+s")
        await wait_for_generation(pilot, before)
        await wait_for_screen(pilot, MainScreen)
        await wait_until(
            pilot, lambda: any("Tell Jane Doe, Bob Smith" in n for n in notifications(app))
        )
        (outcome,) = read_db(db)["outcomes"].values()
        assert (outcome["role"], outcome["company"], outcome["date"]) == (
            "Product Designer",
            "Acme Corp",
            "2026-11-25",
        )
        assert app.store.undo_list()[0] == "landed Product Designer at Acme Corp"

        await pilot.press("r")
        await wait_for_screen(pilot, ReviewScreen)
        await settle(pilot)
        text = screen_text(app)
        assert "Tell Jane Doe you landed Product Designer at Acme Corp" in text
        assert "Tell Bob Smith you landed Product Designer at Acme Corp" in text


async def test_a_role_without_a_company_is_refused_beside_the_field(app, db: Path) -> None:
    before = db.read_bytes()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        form = await open_landed(pilot)
        await type_text(pilot, "Product Designer")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, LandedScreen)
        problem = str(form.query_one("#problem").render())
        assert "'Product Designer': write the role and the company with an @ between" in problem
        assert form.focused is not None and form.focused.id == "what"
        await pilot.press("escape")
        await wait_for_screen(pilot, MainScreen)
    assert db.read_bytes() == before
