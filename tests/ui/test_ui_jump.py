"""`ctrl+o` jumps to anyone or anything: a palette over contacts, follow-ups and notes;
enter puts the main screen's cursor on the item, in its pane (issue 13 §5)."""

from __future__ import annotations

from pathlib import Path

from netkit import (
    F_PORTFOLIO,
    F_THANKS,
    MARKUP_NAMES,
    N_COFFEE,
    PRIYA,
    ZOE,
    add_markup_contacts,
    make_app,
    screen_text,
    settle,
    type_text,
    wait_for_screen,
    wait_until,
)
from textual.command import CommandPalette

from netui.ui.jump import PLACEHOLDER, JumpProvider
from netui.ui.screens.help import HelpScreen
from netui.ui.screens.main import MainScreen
from netui.ui.widgets.virtual_list import VirtualList


def cursor(app, pane: str) -> object:
    return app.screen.query_one(f"#{pane}-list", VirtualList).cursor_key


def focused_pane(app) -> str | None:
    pane = app.screen.focused_pane
    return pane.id if pane else None


async def jump(pilot, query: str, expect: str) -> None:
    """ctrl+o, type `query`, wait for the hit `expect` to be listed first, enter."""
    await pilot.press("ctrl+o")
    palette = await wait_for_screen(pilot, CommandPalette)
    assert PLACEHOLDER in screen_text(pilot.app)
    assert palette._providers == [] or all(isinstance(p, JumpProvider) for p in palette._providers)
    await type_text(pilot, query)
    await wait_until(pilot, lambda: expect in first_hit(pilot.app))
    await pilot.press("enter")
    await wait_for_screen(pilot, MainScreen)
    await settle(pilot)


def first_hit(app) -> str:
    from textual.widgets import OptionList

    if not isinstance(app.screen, CommandPalette):
        return ""
    options = app.screen.query_one(OptionList)
    if not options.option_count:
        return ""
    return str(options.get_option_at_index(0).prompt)


async def test_ctrl_o_finds_a_contact_and_selects_them_in_contacts(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2")  # from another pane
        await jump(pilot, "priya", "Priya Patel, Acme Corp")
        assert focused_pane(app) == "contacts"
        assert cursor(app, "contacts") == PRIYA


async def test_a_follow_up_is_shown_as_who_task_due_and_selected_in_follow_ups(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await jump(pilot, "portfolio", "Jane Doe: send the portfolio (Fri 20 Nov)")
        assert focused_pane(app) == "followups"
        assert cursor(app, "followups") == F_PORTFOLIO


async def test_a_done_follow_up_is_found_too_and_shown_with_the_done_ones(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await jump(pilot, "thank-you", "Bob Smith: send a thank-you (Tue 10 Nov)")
        assert focused_pane(app) == "followups"
        assert cursor(app, "followups") == F_THANKS


async def test_a_note_is_shown_as_who_date_first_words_and_selected_in_notes(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await jump(pilot, "blue bottle", "Jane Doe, Tue 24 Nov: Coffee at Blue Bottle")
        assert focused_pane(app) == "notes"
        assert cursor(app, "notes") == N_COFFEE
        assert "Coffee at Blue Bottle" in screen_text(app)


async def test_the_jump_clears_a_filter_that_hides_the_contact(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("1", "slash")
        await type_text(pilot, "zoe")
        await pilot.press("enter")
        await settle(pilot)
        assert PRIYA not in [r.key for r in app.screen.query_one("#contacts-list").rows]
        await jump(pilot, "priya", "Priya Patel")
        assert cursor(app, "contacts") == PRIYA
        assert "Priya Patel" in screen_text(app)


async def test_names_that_look_like_markup_are_shown_as_typed(db: Path) -> None:
    add_markup_contacts(db)
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+o")
        await wait_for_screen(pilot, CommandPalette)
        await type_text(pilot, "[")
        await wait_until(pilot, lambda: all(name in screen_text(app) for name in MARKUP_NAMES))


async def test_accents_and_case_are_ignored_and_the_person_comes_first(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        # "zoe" finds Zoë Martin, and her follow-up too: she is listed before it.
        await jump(pilot, "zoe", "Zoë Martin, Initech")
        assert focused_pane(app) == "contacts"
        assert cursor(app, "contacts") == ZOE


async def test_escape_leaves_the_jump_without_moving(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        before = cursor(app, "contacts")
        await pilot.press("ctrl+o")
        await wait_for_screen(pilot, CommandPalette)
        await type_text(pilot, "priya")
        await pilot.press("escape")
        await wait_for_screen(pilot, MainScreen)
        assert cursor(app, "contacts") == before


async def test_the_command_palette_offers_the_jump_and_the_keys_name_it(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await wait_for_screen(pilot, CommandPalette)
        await type_text(pilot, "jump")
        await wait_until(pilot, lambda: "Jump to…" in first_hit(app))
        await pilot.press("enter")
        await wait_until(pilot, lambda: PLACEHOLDER in screen_text(app))
        await type_text(pilot, "dana")
        await wait_until(pilot, lambda: "Dana Lee, Hooli" in first_hit(app))
        await pilot.press("escape")
        await wait_for_screen(pilot, MainScreen)
        await pilot.press("question_mark")
        help_screen = await wait_for_screen(pilot, HelpScreen)
        lines = [line for group in help_screen.groups for line in group.lines]
        assert any(
            line.keys == ["ctrl+o"] and line.description == "Jump to a contact, follow-up or note"
            for line in lines
        )
        assert "Jump to a contact" in screen_text(app)
