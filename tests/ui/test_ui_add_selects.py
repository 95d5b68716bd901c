"""After `a`, the new contact is the selected one, so that `f` and `n` are for them
(issue 13, section 5), even when a filter would hide them."""

from __future__ import annotations

from pathlib import Path

from netkit import paste, read_db, settle, type_text, wait_for_generation, wait_for_screen

from netui.ui.dialogs.quick_add import QuickAddScreen
from netui.ui.screens.main import MainScreen


def new_id(db: Path, name: str) -> int:
    return next(int(k) for k, d in read_db(db)["contacts"].items() if d["name"] == name)


async def add_contact(pilot, line: str) -> None:
    before = pilot.app.store.generation
    await pilot.press("a")
    await wait_for_screen(pilot, QuickAddScreen)
    await paste(pilot, line)
    await pilot.press("enter")
    await wait_for_generation(pilot, before)
    await wait_for_screen(pilot, MainScreen)
    await settle(pilot)


async def test_a_new_contact_is_selected_and_f_is_for_them(app, db: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await add_contact(pilot, "Nadia Brooks @ Stripe")
        screen = app.screen
        assert screen.selected_contact_id == new_id(db, "Nadia Brooks")
        await pilot.press("f")
        bar = await wait_for_screen(pilot, QuickAddScreen)
        assert bar.query_one("Input").value == "Nadia Brooks: "


async def test_a_filter_that_would_hide_the_new_contact_is_cleared(app, db: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "zoe")
        await pilot.press("enter")
        await settle(pilot)
        await add_contact(pilot, "Nadia Brooks @ Stripe")
        assert app.screen.selected_contact_id == new_id(db, "Nadia Brooks")
