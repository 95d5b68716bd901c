"""The main screen: the three panes, focus, moving, sorting, filtering, help, palette, quit.

Each test drives the app with real key presses and checks what is on screen (the text a
user would read) and, where a key changes data, the data file on disk.
"""

from __future__ import annotations

from pathlib import Path

from netkit import (
    BOB,
    CARLOS,
    DANA,
    F_THANKS,
    JANE,
    ZOE,
    flat,
    make_app,
    read_db,
    screen_text,
    settle,
    status_text,
    type_text,
    wait_for_screen,
    wait_until,
)
from textual.command import CommandPalette

from netui.ui.screens.help import HelpScreen
from netui.ui.screens.main import MainScreen
from netui.ui.widgets.virtual_list import VirtualList


def lst(app, name: str) -> VirtualList:
    return app.screen.query_one(f"#{name}-list", VirtualList)


def visible_keys(app, name: str) -> list[object]:
    """The keys of the selectable rows of a pane, top to bottom."""
    return [row.key for row in lst(app, name).rows if row.key is not None]


def focused_pane(app) -> str | None:
    pane = app.screen.focused_pane
    return pane.id if pane else None


async def test_the_three_panes_show_the_network(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "1 Contacts · 6" in text
        assert "2 Follow-ups · 4" in text  # open ones only; the done one is hidden
        assert "3 Notes" in text
        for name in ("Jane Doe", "Bob Smith", "Zoë Martin", "Priya Patel", "Carlos Ruiz"):
            assert name in text
        for group in ("Overdue (1)", "Today (1)", "This week (1)", "Later (1)"):
            assert group in text
        # The status line (its start is on screen; the tmp path is long, so read it whole).
        status = status_text(app)
        assert status.startswith(str(app.store.path))
        assert "6 contacts  ·  4 open follow-ups (1 overdue)  ·  Wed 25 Nov" in status
        # Contacts are sorted by name; the first (Bob) is selected and his note shows.
        assert visible_keys(app, "contacts")[0] == BOB
        assert "Sent my resume" in text
        assert focused_pane(app) == "contacts"


async def test_number_keys_and_tab_move_focus_between_panes(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert focused_pane(app) == "contacts"
        await pilot.press("2")
        assert focused_pane(app) == "followups"
        await pilot.press("3")
        assert focused_pane(app) == "notes"
        await pilot.press("1")
        assert focused_pane(app) == "contacts"
        seen = []
        for _ in range(3):
            await pilot.press("tab")
            seen.append(focused_pane(app))
        assert seen == ["followups", "notes", "contacts"]
        seen = []
        for _ in range(3):
            await pilot.press("shift+tab")
            seen.append(focused_pane(app))
        assert seen == ["notes", "followups", "contacts"]


async def test_footer_shows_the_keys_of_the_focused_pane(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
        assert "Sort" in footer and "Done" not in footer and "Snooze" not in footer
        await pilot.press("2")
        await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
        assert "Done" in footer and "Snooze" in footer and "Sort" not in footer


async def test_j_k_and_arrows_move_and_the_notes_follow_the_contact(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        contacts = lst(app, "contacts")
        order = visible_keys(app, "contacts")
        assert order == [BOB, CARLOS, DANA, JANE, 4, ZOE]
        assert contacts.cursor_key == BOB
        assert "Sent my resume" in screen_text(app)

        await pilot.press("j", "j")
        assert contacts.cursor_key == DANA
        await settle(pilot)
        text = screen_text(app)
        assert "Lunch: talked about PM" in text
        assert "Sent my resume" not in text

        await pilot.press("down")
        assert contacts.cursor_key == JANE
        await settle(pilot)
        text = screen_text(app)
        assert "Tue 24 Nov Coffee at Blue" in text and "Tue 10 Nov Intro call" in text
        assert "Lunch: talked" not in text
        assert "3 Notes · 2" in text and "Jane Doe ─╯" in text
        # The full text of the highlighted note shows under the list, both lines.
        assert "Coffee at Blue Bottle" in text and "Gave me two names: Zoë and" in text

        await pilot.press("k")
        assert contacts.cursor_key == DANA
        await pilot.press("up")
        assert contacts.cursor_key == CARLOS
        await settle(pilot)
        assert "No notes: press n to add" in screen_text(app)
        await pilot.press("up", "k")  # already at the top: stays
        assert contacts.cursor_key == BOB


async def test_moving_in_follow_ups_skips_the_group_headings(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        followups = lst(app, "followups")
        seen = [followups.cursor_key]
        for _ in range(4):
            await pilot.press("j")
            seen.append(followups.cursor_key)
        # Due order: overdue, today, this week, later; the last press stays on the last.
        assert seen == [1, 2, 3, 4, 4]
        await pilot.press("k")
        assert followups.cursor_key == 3


async def test_the_selected_contact_s_follow_ups_are_marked(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        lines = [line for line in screen_text(app).splitlines() if "▸" in line]
        assert len(lines) == 1 and "ask about the" in lines[0]  # Bob's
        await pilot.press("j", "j", "j")  # Jane
        await settle(pilot)
        lines = [line for line in screen_text(app).splitlines() if "▸" in line]
        assert len(lines) == 2
        assert "send the portf" in lines[0] and "check in after" in lines[1]


async def test_o_cycles_the_contacts_sort_order(app) -> None:
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        assert "sorted by name" in screen_text(app)
        await pilot.press("o")
        await settle(pilot)
        # By company (folded): Acme Corp ×2, Globex, Hooli, Initech, Umbrella.
        assert visible_keys(app, "contacts") == [JANE, 4, BOB, DANA, ZOE, CARLOS]
        text = screen_text(app)
        assert "sorted by company" in text
        assert "Contacts sorted by company" in text  # the toast
        await pilot.press("o")
        await settle(pilot)
        # By last touch, newest first: Jane and Dana met yesterday, Bob done today... the
        # done follow-up counts as a touch (completed "now", 25 Nov).
        keys = visible_keys(app, "contacts")
        assert keys[0] == BOB and set(keys[1:3]) == {JANE, DANA}
        assert "sorted by last touch" in screen_text(app)
        await pilot.press("o")
        await settle(pilot)
        assert visible_keys(app, "contacts") == [BOB, CARLOS, DANA, JANE, 4, ZOE]


async def test_sorting_keeps_the_cursor_on_the_same_contact(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "j")
        assert lst(app, "contacts").cursor_key == JANE
        await pilot.press("o")
        await settle(pilot)
        assert lst(app, "contacts").cursor_key == JANE


async def test_slash_filters_case_and_accent_insensitively_and_escape_clears(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "zoe")
        await settle(pilot)
        assert visible_keys(app, "contacts") == [ZOE]
        text = screen_text(app)
        assert "1 Contacts · 1/6" in text
        assert "Zoë Martin" in text and "Jane Doe" not in text.split("2 Follow-ups")[0]

        await pilot.press("backspace", "backspace", "backspace")
        await type_text(pilot, "ACME")
        await settle(pilot)
        assert sorted(visible_keys(app, "contacts")) == [JANE, 4]

        await pilot.press("escape")
        await settle(pilot)
        assert len(visible_keys(app, "contacts")) == 6
        assert "1 Contacts · 6" in screen_text(app)
        assert focused_pane(app) == "contacts"
        assert app.screen.focused is lst(app, "contacts")


async def test_filter_then_enter_keeps_the_filter_and_goes_back_to_the_list(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "martin")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.focused is lst(app, "contacts")
        assert visible_keys(app, "contacts") == [ZOE]
        assert lst(app, "contacts").cursor_key == ZOE


async def test_filter_works_on_the_focused_pane(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2", "slash")
        await type_text(pilot, "zoe")
        await settle(pilot)
        assert visible_keys(app, "followups") == [3]
        assert len(visible_keys(app, "contacts")) == 6
        assert "2 Follow-ups · 1/4" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert len(visible_keys(app, "followups")) == 4


async def test_h_shows_and_hides_done_follow_ups(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2", "h")
        await settle(pilot)
        assert F_THANKS in visible_keys(app, "followups")
        text = screen_text(app)
        assert "Done (1)" in text and "send a than" in text
        await pilot.press("h")
        await settle(pilot)
        assert F_THANKS not in visible_keys(app, "followups")
        assert "send a than" not in screen_text(app)


async def test_question_mark_lists_the_keys(app) -> None:
    async with app.run_test(size=(120, 60)) as pilot:  # tall enough to show them all
        await settle(pilot)
        await pilot.press("question_mark")
        await wait_for_screen(pilot, HelpScreen)
        text = flat(screen_text(app))
        assert "Keys — Main screen" in text
        for words in (
            "a Quick-add a contact",
            "f Quick-add a follow-up",
            "n Quick-add a note",
            "p Prepare a meeting",
            "m Log a meeting",
            "t Referral tree",
            "c Companies",
            "e Edit",
            "d Done",
            "s Snooze",
            "x Delete",
            "^z Undo",
            "/ Filter",
            "o Sort",
            "r Daily review",
            "q Quit",
            "tab / shift+tab Next / previous pane",
            "ctrl+p",
        ):
            assert words in text or words.replace("^z", "ctrl+z") in text, words
        await pilot.press("escape")
        await wait_for_screen(pilot, MainScreen)


async def test_command_palette_offers_the_screen_s_actions(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await wait_for_screen(pilot, CommandPalette)
        await type_text(pilot, "daily")
        await wait_until(pilot, lambda: "Daily review" in screen_text(app))
        await pilot.press("enter")
        from netui.ui.screens.review import ReviewScreen

        await wait_for_screen(pilot, ReviewScreen)
        assert "Daily review — Wednesday 25 November 2026" in screen_text(app)


async def test_command_palette_lists_commands_by_name(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await wait_for_screen(pilot, CommandPalette)
        await wait_until(pilot, lambda: "Add contact" in screen_text(app))
        text = screen_text(app)
        for name in ("Add contact", "Add follow-up", "Add note", "Daily review"):
            assert name in text, name


async def test_q_quits_with_exit_code_0(db: Path) -> None:
    app = make_app(db)
    before = db.read_bytes()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await wait_until(pilot, lambda: not app.is_running)
    assert app.return_code == 0
    assert db.read_bytes() == before  # quitting saves nothing


async def test_an_empty_network_says_how_to_start(empty_db: Path) -> None:
    app = make_app(empty_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "No contacts yet: press a to add one." in text
        assert "No follow-ups: press f to add one." in text
        # Keys that act on a selection do nothing (and don't crash) on an empty list.
        await pilot.press("e", "x", "d", "s", "enter", "2", "d", "s", "x", "e", "3", "x")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
    assert not empty_db.exists()  # nothing was saved, so no file was made


async def test_done_follow_up_is_on_disk_from_the_fixture(db: Path) -> None:
    """The fixture itself: the network the other tests rely on is what they think."""
    data = read_db(db)
    assert len(data["contacts"]) == 6
    assert data["followups"][str(F_THANKS)]["done"] == "2026-11-25T09:00:00"
    assert data["contacts"][str(ZOE)]["referred_by"] == JANE


async def test_moving_and_saving_post_the_expected_messages(app) -> None:
    """The panes talk through messages: the cursor announces each row it lands on, and
    every saved change is broadcast as StoreChanged to the screens."""
    from netui.ui.messages import StoreChanged

    seen: list[object] = []
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await settle(pilot)
        seen.clear()
        await pilot.press("j", "j")
        await settle(pilot)
        # One message each, seen by every node it bubbles through.
        moved = {
            id(m): m.key
            for m in seen
            if isinstance(m, VirtualList.Highlighted)
            and not isinstance(m, VirtualList.Selected)
            and m.control.id == "contacts-list"
        }
        assert list(moved.values()) == [CARLOS, DANA]
        assert not any(isinstance(m, StoreChanged) for m in seen)  # moving saves nothing

        seen.clear()
        await pilot.press("2", "d")
        await settle(pilot)
        assert any(isinstance(m, StoreChanged) for m in seen)


async def test_a_click_picks_a_row_and_a_double_click_opens_it(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert visible_keys(app, "contacts")[1] == CARLOS  # Bob, Carlos, Dana, Jane, …
        await pilot.click("#contacts-list", offset=(5, 2))  # the header, then row 2
        await settle(pilot)
        assert lst(app, "contacts").cursor_key == CARLOS
        await pilot.click("#contacts-list", offset=(5, 4), times=2)
        await settle(pilot)
        assert type(app.screen).__name__ == "ContactScreen"
        assert "Jane Doe" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert lst(app, "contacts").cursor_key == JANE
