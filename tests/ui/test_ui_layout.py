"""The main screen's layout at every size, the Notes pane following the focused pane, and
`MainScreen.reveal` (the global jump's landing: the pane focused, its row selected).

Each test drives the app with real keys (or the call the jump makes) and checks what the
user reads on screen: which notes show, whose name the Notes pane names, which row the
cursor is on, which keys the footer offers, where the columns start.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from netkit import (
    BOB,
    CLOCK,
    DANA,
    F_PORTFOLIO,
    F_TEAM,
    F_THANKS,
    JANE,
    N_DANA,
    TODAY,
    ZOE,
    make_app,
    screen_text,
    settle,
    type_text,
)

from netui.demo import load_demo
from netui.store import Store
from netui.ui.screens.main import MainScreen
from netui.ui.widgets.notes_pane import NotesPane
from netui.ui.widgets.virtual_list import VirtualList


def lst(app, name: str) -> VirtualList:
    return app.screen.query_one(f"#{name}-list", VirtualList)


def focused_pane(app) -> str | None:
    pane = app.screen.focused_pane
    return pane.id if pane else None


def notes_subtitle(app) -> str:
    return str(app.screen.query_one(NotesPane).border_subtitle)


# --- the Notes pane follows the focused pane ---------------------------------------------


async def test_the_notes_follow_the_highlighted_follow_up(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "Sent my resume" in screen_text(app)  # Bob, selected in Contacts
        await pilot.press("2")  # the cursor is on Jane's overdue portfolio
        await settle(pilot)
        assert lst(app, "followups").cursor_key == F_PORTFOLIO
        text = screen_text(app)
        assert "Coffee at Blue Bottle" in text and "Sent my resume" not in text
        assert notes_subtitle(app) == "Jane Doe"
        await pilot.press("j")  # Bob's "ask about the team"
        await settle(pilot)
        assert lst(app, "followups").cursor_key == F_TEAM
        text = screen_text(app)
        assert "Sent my resume" in text and "Coffee at Blue Bottle" not in text
        assert notes_subtitle(app) == "Bob Smith"
        # Back on Contacts: the selected contact's notes again.
        await pilot.press("1", "j", "j")  # Dana
        await settle(pilot)
        assert "Lunch: talked about" in screen_text(app)
        assert notes_subtitle(app) == "Dana Lee"


async def test_the_notes_stay_put_while_the_notes_pane_is_focused(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2", "3")  # Jane's notes (from her follow-up), then into them
        await settle(pilot)
        assert focused_pane(app) == "notes" and notes_subtitle(app) == "Jane Doe"
        await pilot.press("j")
        await settle(pilot)
        assert notes_subtitle(app) == "Jane Doe"
        assert "Intro call about" in screen_text(app)


# --- reveal: the landing of the global jump ---------------------------------------------


async def test_reveal_a_contact_hidden_by_a_filter(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "zoe")
        await settle(pilot)
        assert "1 Contacts · 1/6" in screen_text(app)  # Zoë alone
        await pilot.press("2")
        app.screen.reveal("contact", JANE)
        await settle(pilot)
        text = screen_text(app)
        assert "1 Contacts · 6" in text and "/zoe" not in text  # the filter is cleared
        assert focused_pane(app) == "contacts"
        assert lst(app, "contacts").cursor_key == JANE
        assert "Coffee at Blue Bottle" in text  # her notes follow


async def test_reveal_a_done_follow_up_shows_the_done_ones(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "send a thank" not in screen_text(app)
        app.screen.reveal("followup", F_THANKS)
        await settle(pilot)
        assert focused_pane(app) == "followups"
        assert lst(app, "followups").cursor_key == F_THANKS
        text = screen_text(app)
        assert "Done (1)" in text and "send a thank" in text
        assert notes_subtitle(app) == "Bob Smith"


async def test_reveal_a_note_selects_its_contact_and_the_note(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "zoe")  # Dana hidden in Contacts
        await settle(pilot)
        app.screen.reveal("note", N_DANA)
        await settle(pilot)
        assert focused_pane(app) == "notes"
        assert lst(app, "notes").cursor_key == N_DANA
        assert lst(app, "contacts").cursor_key == DANA
        assert notes_subtitle(app) == "Dana Lee"
        text = screen_text(app)
        assert "Lunch: talked about" in text and "/zoe" not in text


async def test_reveal_moves_between_panes_and_back(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        screen.reveal("followup", F_TEAM)
        await settle(pilot)
        assert (focused_pane(app), lst(app, "followups").cursor_key) == ("followups", F_TEAM)
        screen.reveal("contact", ZOE)
        await settle(pilot)
        assert (focused_pane(app), lst(app, "contacts").cursor_key) == ("contacts", ZOE)
        screen.reveal("contact", BOB)
        await settle(pilot)
        assert "Sent my resume" in screen_text(app)


# --- the footer ------------------------------------------------------------------------


def footer_line(app) -> str:
    return screen_text(app).splitlines()[-1]


async def test_the_footer_keeps_help_quit_and_review_with_follow_ups_focused(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        footer = footer_line(app)
        for key in ("? Help", "q Quit", "r Review", "d Done", "s Snooze", "f Follow-up"):
            assert key in footer, (key, footer)
        assert footer.rstrip().endswith("^p palette"), footer


async def test_the_footer_leaves_no_stray_character_when_it_changes(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for keys in (("2",), ("1",), ("2", "s"), ("escape",), ("3",), ("1",)):
            await pilot.press(*keys)
            await settle(pilot)
            footer = footer_line(app)
            assert footer.rstrip().endswith("^p palette"), (keys, footer)
            assert "? Help" in footer, (keys, footer)


async def test_the_footer_drops_the_less_useful_keys_when_narrow(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for width, height in ((80, 24), (40, 12), (120, 40)):
            await pilot.resize_terminal(width, height)
            await settle(pilot)
            footer = footer_line(app)
            assert len(footer) == width
            for key in ("? Help", "q Quit", "r Review", "^p palette"):
                assert key in footer, (width, footer)
        assert "a Contact" in footer and "o Sort" in footer  # back at 120
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        footer = footer_line(app)
        assert "o Sort" in footer and "p Prep" not in footer  # the pane's own key stays
        await pilot.press("2")
        await settle(pilot)
        footer = footer_line(app)
        assert "d Done" in footer and "s Snooze" in footer and "? Help" in footer


# --- the layout at 120x40, 80x24 and 40x12 ----------------------------------------------


def pane_lines(app, pane_id: str) -> list[str]:
    """The lines of text inside a pane's border, as on screen."""
    region = app.screen.query_one(f"#{pane_id}").region
    lines = screen_text(app).splitlines()[region.y + 1 : region.bottom - 1]
    return [line[region.x + 1 : region.right - 1] for line in lines]


def list_rows(app, pane_id: str) -> int:
    """How many rows of items a pane's list shows (its column header aside)."""
    return max(app.screen.query_one(f"#{pane_id}-list").region.height - 1, 0)


def starts(lines: list[str], words: list[str]) -> set[int]:
    """Where each word starts, in the line that holds it."""
    return {next(line.index(w) for line in lines if w in line) for w in words}


@pytest.fixture
def demo_app(tmp_path: Path):
    """The app on the demo network, built for the frozen day."""
    store = Store.open(tmp_path / "demo.json", clock=CLOCK)
    load_demo(store, TODAY)
    return make_app(store.path)


async def test_every_row_keeps_its_columns_aligned(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        contacts = pane_lines(app, "contacts")
        assert any("● Carlos Ruiz" in line for line in contacts)  # a marker row
        names = ["Bob Smith", "Carlos Ruiz", "Dana Lee", "Jane Doe", "Priya Patel", "Zoë"]
        assert len(starts(contacts, ["Name", *names])) == 1
        companies = ["Company", "Globex", "Umbrella", "Hooli", "Initech"]
        assert len(starts(contacts, companies)) == 1
        await pilot.press("2")  # Bob's follow-up marked ▸, the others not
        await settle(pilot)
        followups = pane_lines(app, "followups")
        assert any("▸" in line and "ask about the team" in line for line in followups)
        tasks = ["Task", "send the portfolio", "ask about the team", "reply to the intro"]
        assert len(starts(followups, tasks)) == 1
        assert len(starts(followups, ["Who", "Jane Doe", "Bob Smith", "Zoë Martin"])) == 1


async def test_at_120_the_follow_ups_show_whole_names_and_tasks(demo_app) -> None:
    app = demo_app
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        contacts = "\n".join(pane_lines(app, "contacts"))
        for company in ("Lakeshore University", "Tidewater Insurance", "Northwind Health"):
            assert company in contacts  # not cut at 10
        await pilot.press("2")
        await settle(pilot)
        followups = "\n".join(pane_lines(app, "followups"))
        # The longest of the demo's everyday tasks, and the names, whole.
        assert "Ask José for feedback on the research plan sample" in followups
        assert "Reply to Rachel about the Tidewater contract" in followups
        for name in ("José Hernández", "Mateus Oliveira", "Valentina Rossi", "Priya Raman"):
            assert name in followups
        assert list_rows(app, "followups") >= 18  # the whole demo list with its headings


@pytest.mark.parametrize("pane", ["1", "2", "3"])
async def test_at_80x24_every_pane_shows_rows_and_the_status_line_fits(app, pane) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(pane)
        await settle(pilot)
        rows = {p: list_rows(app, p) for p in ("contacts", "followups", "notes")}
        assert min(rows.values()) >= 3, rows
        focused = {"1": "contacts", "2": "followups", "3": "notes"}[pane]
        assert app.screen.query_one(f"#{focused}").region.height >= 10  # the tall one
        status = screen_text(app).splitlines()[0]
        assert status.strip().endswith("Wed 25 Nov"), status
        assert "6 contacts  ·  4 open follow-ups (1 overdue)" in status


async def test_at_80x24_the_selected_contact_s_follow_ups_and_notes_stay_in_view(app) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "j")  # Jane: her follow-ups are the first and the last
        await settle(pilot)
        text = screen_text(app)
        assert "▸ Fri 20 Nov" in text and "send the portfolio" in text
        assert "Coffee at Blue Bottle" in text and "Intro call about" in text
        await pilot.press("j", "j")  # Zoë: her follow-up is further down the list
        await settle(pilot)
        text = screen_text(app)
        assert "▸ Fri 27 Nov" in text and "reply to the intro email" in text
        await pilot.press("2")  # in the pane, the cursor's row is in view again
        await settle(pilot)
        assert "send the portfolio" in screen_text(app)


async def test_at_40x12_the_day_s_follow_ups_come_first(app) -> None:
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        assert focused_pane(app) == "followups"
        text = screen_text(app)
        assert "Overdue (1)" in text and "send the portf" in text
        # The other panes are a title line each, one key away.
        assert "1 Contacts · 6" in text and "3 Notes" in text
        assert list_rows(app, "followups") >= 5
        await pilot.press("1")
        await settle(pilot)
        text = screen_text(app)
        assert "Bob Smith" in text and "Carlos Ruiz" in text
        assert "2 Follow-ups · 4" in text
        await pilot.press("3")
        await settle(pilot)
        assert "Sent my resume" in screen_text(app)
        footer = footer_line(app)
        assert "? Help" in footer and "q Quit" in footer and "r Review" in footer
