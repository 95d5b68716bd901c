"""Snapshots of every screen and dialog, at 120x40, plus the main screen at 80x24 and 40x12.

Each snapshot is taken after the keys that lead there, with the clock frozen on Wednesday
25 November 2026 at 09:00, the fixed network at a fixed path, and no cursor blink. A
changed picture is a failed test: look at the report (snapshot_report.html) and, only if
the new picture is right, accept it with `pytest tests/snapshots --snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path

from netkit import (
    JANE,
    add_markup_contacts,
    make_app,
    paste,
    screen_text,
    settle,
    type_text,
    wait_for_screen,
    wait_until,
)
from textual.command import CommandPalette

from netui.ui.dialogs.confirm import ConfirmScreen
from netui.ui.dialogs.forms import ContactForm, FollowUpForm, NoteForm
from netui.ui.dialogs.quick_add import QuickAddScreen
from netui.ui.dialogs.snooze import SnoozeScreen
from netui.ui.screens.contact import ContactScreen
from netui.ui.screens.help import HelpScreen
from netui.ui.screens.review import ReviewScreen

BIG = (120, 40)


def keys(*presses: str, then: type | None = None, text: str = "", paste_text: str = ""):
    """A `run_before` that presses keys, waits for `then` to be on top, types or pastes
    `text`, and lets everything settle."""

    async def run_before(pilot) -> None:
        await settle(pilot)
        if presses:
            await pilot.press(*presses)
        if then is not None:
            await wait_for_screen(pilot, then)
        if text:
            await type_text(pilot, text)
        if paste_text:
            await paste(pilot, paste_text)
        await settle(pilot)

    return run_before


# --- the main screen ----------------------------------------------------------------------


def test_main_screen(snap_compare, snap_db: Path) -> None:
    assert snap_compare(make_app(snap_db), terminal_size=BIG, run_before=keys())


def test_main_screen_jane_selected(snap_compare, snap_db: Path) -> None:
    """Jane's notes in the Notes pane, her follow-ups marked ▸, the first note in full."""
    assert snap_compare(make_app(snap_db), terminal_size=BIG, run_before=keys("j", "j", "j"))


def test_main_screen_follow_ups_focused_with_done(snap_compare, snap_db: Path) -> None:
    """The footer shows Done/Snooze/Show done; the done follow-up is listed under Done."""
    assert snap_compare(make_app(snap_db), terminal_size=BIG, run_before=keys("2", "h"))


def test_main_screen_filtering(snap_compare, snap_db: Path) -> None:
    """`/zoe` finds Zoë; the pane's title says 1/6 and the filter line shows."""
    assert snap_compare(make_app(snap_db), terminal_size=BIG, run_before=keys("slash", text="zoe"))


def test_main_screen_sorted_by_company(snap_compare, snap_db: Path) -> None:
    assert snap_compare(make_app(snap_db), terminal_size=BIG, run_before=keys("o"))


def test_main_screen_80x24(snap_compare, snap_db: Path) -> None:
    """Narrow: the panes stack, the focused one takes the room."""
    assert snap_compare(make_app(snap_db), terminal_size=(80, 24), run_before=keys())


def test_main_screen_40x12(snap_compare, snap_db: Path) -> None:
    assert snap_compare(make_app(snap_db), terminal_size=(40, 12), run_before=keys())


def test_main_screen_empty_network(snap_compare, empty_snap_db: Path) -> None:
    assert snap_compare(make_app(empty_snap_db), terminal_size=BIG, run_before=keys())


def test_main_screen_markup_names(snap_compare, snap_db: Path) -> None:
    """Contacts named [/], [b]x and [link='https://x']y, shown literally."""
    add_markup_contacts(snap_db)
    assert snap_compare(make_app(snap_db), terminal_size=BIG, run_before=keys())


def test_main_screen_after_adding_a_contact(snap_compare, snap_db: Path) -> None:
    """The new contact in the list, the status line's "saved", and the toast."""

    async def run_before(pilot) -> None:
        await keys("a", then=QuickAddScreen, paste_text="Ann Lee (Designer) @ Foo #ux")(pilot)
        before = pilot.app.store.generation
        await pilot.press("enter")
        await wait_until(pilot, lambda: pilot.app.store.generation != before)
        await settle(pilot)

    assert snap_compare(make_app(snap_db), terminal_size=BIG, run_before=run_before)


# --- dialogs ------------------------------------------------------------------------------


def test_quick_add_contact_preview(snap_compare, snap_db: Path) -> None:
    assert snap_compare(
        make_app(snap_db),
        terminal_size=BIG,
        run_before=keys(
            "a", then=QuickAddScreen, paste_text="Ann Lee (Designer) @ Foo #ux <ann@foo.com>"
        ),
    )


def test_quick_add_contact_error(snap_compare, snap_db: Path) -> None:
    assert snap_compare(
        make_app(snap_db),
        terminal_size=BIG,
        run_before=keys("a", then=QuickAddScreen, paste_text="Ann Lee (Designer @ Foo"),
    )


def test_quick_add_follow_up_prefilled(snap_compare, snap_db: Path) -> None:
    assert snap_compare(
        make_app(snap_db),
        terminal_size=BIG,
        run_before=keys(
            "j", "j", "j", "f", then=QuickAddScreen, paste_text="send the deck next friday"
        ),
    )


def test_quick_add_note(snap_compare, snap_db: Path) -> None:
    assert snap_compare(
        make_app(snap_db),
        terminal_size=BIG,
        run_before=keys("n", then=QuickAddScreen, paste_text="yesterday, call about the role"),
    )


def test_quick_add_unknown_contact_offer(snap_compare, snap_db: Path) -> None:
    """Enter on an unknown name asks whether to create the contact."""

    async def run_before(pilot) -> None:
        await keys("f", "ctrl+u", then=QuickAddScreen, paste_text="Maria Gomez: send CV")(pilot)
        await pilot.press("enter")
        await wait_for_screen(pilot, ConfirmScreen)
        await settle(pilot)

    assert snap_compare(make_app(snap_db), terminal_size=BIG, run_before=run_before)


def test_confirm_delete_contact(snap_compare, snap_db: Path) -> None:
    assert snap_compare(
        make_app(snap_db),
        terminal_size=BIG,
        run_before=keys("j", "j", "j", "x", then=ConfirmScreen),
    )


def test_snooze_dialog(snap_compare, snap_db: Path) -> None:
    assert snap_compare(
        make_app(snap_db), terminal_size=BIG, run_before=keys("2", "s", then=SnoozeScreen)
    )


def test_snooze_dialog_typed_date(snap_compare, snap_db: Path) -> None:
    assert snap_compare(
        make_app(snap_db),
        terminal_size=BIG,
        run_before=keys("2", "s", "end", "enter", then=SnoozeScreen, text="dec 12"),
    )


def test_contact_form(snap_compare, snap_db: Path) -> None:
    assert snap_compare(
        make_app(snap_db), terminal_size=BIG, run_before=keys("j", "j", "j", "e", then=ContactForm)
    )


def test_contact_form_refused_email(snap_compare, snap_db: Path) -> None:
    """A bad email: the reason shows, and nothing is saved."""

    async def run_before(pilot) -> None:
        await keys("e", then=ContactForm)(pilot)
        screen = pilot.app.screen
        email = screen.query_one("#email")
        while screen.focused is not email:
            await pilot.press("tab")
        await pilot.press("end", "ctrl+u")
        await type_text(pilot, "bob@")
        await pilot.press("ctrl+s")
        await settle(pilot)

    assert snap_compare(make_app(snap_db), terminal_size=BIG, run_before=run_before)


def test_follow_up_form(snap_compare, snap_db: Path) -> None:
    assert snap_compare(
        make_app(snap_db), terminal_size=BIG, run_before=keys("2", "e", then=FollowUpForm)
    )


def test_note_form(snap_compare, snap_db: Path) -> None:
    assert snap_compare(
        make_app(snap_db),
        terminal_size=BIG,
        run_before=keys("j", "j", "j", "3", "e", then=NoteForm),
    )


def test_help(snap_compare, snap_db: Path) -> None:
    assert snap_compare(
        make_app(snap_db), terminal_size=BIG, run_before=keys("question_mark", then=HelpScreen)
    )


def test_command_palette(snap_compare, snap_db: Path) -> None:
    async def run_before(pilot) -> None:
        await keys("ctrl+p", then=CommandPalette, text="review")(pilot)
        # The palette searches in a worker: wait for its one hit to be listed.
        await wait_until(pilot, lambda: "Daily review" in screen_text(pilot.app))
        await pilot.pause(0.3)
        await settle(pilot)

    assert snap_compare(make_app(snap_db), terminal_size=BIG, run_before=run_before)


# --- screens ------------------------------------------------------------------------------


def test_contact_page(snap_compare, snap_db: Path) -> None:
    async def run_before(pilot) -> None:
        await settle(pilot)
        assert pilot.app.screen.query_one("#contacts-list").select_key(JANE)
        await pilot.press("enter")
        await wait_for_screen(pilot, ContactScreen)
        await settle(pilot)

    assert snap_compare(make_app(snap_db), terminal_size=BIG, run_before=run_before)


def test_daily_review(snap_compare, snap_db: Path) -> None:
    assert snap_compare(
        make_app(snap_db), terminal_size=BIG, run_before=keys("r", then=ReviewScreen)
    )


def test_daily_review_all_clear(snap_compare, empty_snap_db: Path) -> None:
    assert snap_compare(
        make_app(empty_snap_db), terminal_size=BIG, run_before=keys("r", then=ReviewScreen)
    )
