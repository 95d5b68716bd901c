"""Tab completion in the quick-add bar: with several contacts that fit, tab goes through
them (shift+tab back), and the names are listed under the line (issue 13 §5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from netkit import (
    CLOCK,
    flat,
    make_app,
    read_db,
    screen_text,
    settle,
    type_text,
    wait_for_generation,
    wait_for_screen,
)
from textual.widgets import Input, Static

from netui.model import Contact
from netui.store import Store
from netui.ui.dialogs.quick_add import QuickAddScreen
from netui.ui.screens.main import MainScreen


@pytest.fixture
def two_priyas(db: Path) -> Path:
    """The fixed network and a second Priya (Priya Patel is id 4; she is id 7)."""
    Store.open(db, clock=CLOCK).add_contact(Contact("Priya Raman", company="Initech"))
    return db


def line(app) -> str:
    return app.screen.query_one(Input).value


def names(app) -> str:
    widget = app.screen.query_one("#names", Static)
    return str(widget.render()) if widget.display else ""


async def open_bar(pilot, key: str = "f") -> QuickAddScreen:
    await pilot.press("escape")  # (no filter: nothing happens)
    await pilot.press(key)
    bar = await wait_for_screen(pilot, QuickAddScreen)
    await settle(pilot)
    bar.query_one(Input).value = ""
    await settle(pilot)
    return bar


async def test_tab_cycles_through_the_names_that_fit_and_shift_tab_goes_back(
    two_priyas: Path,
) -> None:
    app = make_app(two_priyas)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_bar(pilot)
        await type_text(pilot, "pri")
        await settle(pilot)
        assert names(app) == "tab: Priya Patel · Priya Raman"

        await pilot.press("tab")
        await settle(pilot)
        assert line(app) == "Priya Patel: "
        assert names(app) == "Priya Patel · Priya Raman (1 of 2)"
        assert "Priya Patel · Priya Raman (1 of 2)" in screen_text(app)

        await pilot.press("tab")
        await settle(pilot)
        assert line(app) == "Priya Raman: "
        assert names(app) == "Priya Patel · Priya Raman (2 of 2)"

        await pilot.press("tab")  # round again
        await settle(pilot)
        assert line(app) == "Priya Patel: "

        await pilot.press("shift+tab")
        await settle(pilot)
        assert line(app) == "Priya Raman: "
        assert names(app).endswith("(2 of 2)")

        # Typing on ends the cycle: the names line goes, the preview names Priya Raman.
        await type_text(pilot, "send the deck")
        await settle(pilot)
        assert names(app) == ""
        assert "Priya Raman" in flat(screen_text(app))
        before = app.store.generation
        await pilot.press("enter")
        await wait_for_screen(pilot, MainScreen)
        await wait_for_generation(pilot, before)
    saved = [f for f in read_db(two_priyas)["followups"].values() if f["text"] == "send the deck"]
    assert [f["contact_id"] for f in saved] == [7]


async def test_shift_tab_first_starts_from_the_last_name(two_priyas: Path) -> None:
    app = make_app(two_priyas)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_bar(pilot, "n")
        await type_text(pilot, "priya")
        await pilot.press("shift+tab")
        await settle(pilot)
        assert line(app) == "Priya Raman: "
        assert names(app) == "Priya Patel · Priya Raman (2 of 2)"


async def test_one_name_that_fits_is_completed_without_a_list(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_bar(pilot)
        await type_text(pilot, "zo")
        await settle(pilot)
        assert names(app) == ""
        await pilot.press("tab")
        await settle(pilot)
        assert line(app) == "Zoë Martin: "
        assert names(app) == ""


async def test_tab_cycles_the_referrer_after_via_in_a_contact_line(two_priyas: Path) -> None:
    app = make_app(two_priyas)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_bar(pilot, "a")
        await type_text(pilot, "Lee Wong @ Acme via pri")
        await pilot.press("tab")
        await settle(pilot)
        assert line(app) == "Lee Wong @ Acme via Priya Patel"
        await pilot.press("tab")
        await settle(pilot)
        assert line(app) == "Lee Wong @ Acme via Priya Raman"
        assert "Priya Patel · Priya Raman (2 of 2)" in screen_text(app)


async def test_tab_without_a_name_to_complete_changes_nothing(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_bar(pilot)
        await type_text(pilot, "Jane Doe: call")
        await pilot.press("tab")
        await settle(pilot)
        assert line(app) == "Jane Doe: call"
        assert names(app) == ""
        assert isinstance(app.screen, QuickAddScreen)


async def test_names_that_look_like_markup_are_listed_as_written(db: Path) -> None:
    store = Store.open(db, clock=CLOCK)
    store.add_contact(Contact("[b]Bo Diddley"))
    store.add_contact(Contact("[/]Bo Jackson"))
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_bar(pilot)
        await type_text(pilot, "bo")
        await pilot.press("tab")
        await settle(pilot)
        listed = names(app)
        assert "[b]Bo Diddley" in listed and "[/]Bo Jackson" in listed
        assert "[b]Bo Diddley" in screen_text(app)
