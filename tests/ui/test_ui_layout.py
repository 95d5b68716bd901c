"""The main screen's layout at every size, the Notes pane following the focused pane, and
`MainScreen.reveal` (the global jump's landing: the pane focused, its row selected).

Each test drives the app with real keys (or the call the jump makes) and checks what the
user reads on screen: which notes show, whose name the Notes pane names, which row the
cursor is on, which keys the footer offers, where the columns start.
"""

from __future__ import annotations

from netkit import (
    BOB,
    DANA,
    F_PORTFOLIO,
    F_TEAM,
    F_THANKS,
    JANE,
    N_DANA,
    ZOE,
    screen_text,
    settle,
    type_text,
)

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
        assert "Jane Doe" not in screen_text(app)
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
        assert "a Contact" in footer and "p Prep" in footer  # all back at 120
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        footer = footer_line(app)
        assert "a Contact" in footer and "p Prep" not in footer
