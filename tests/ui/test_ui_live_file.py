"""The open app and the file on disk: changes made by others show up within two seconds,
and a file that became unreadable is reported, never overwritten."""

from __future__ import annotations

import os
from pathlib import Path

from netkit import (
    CLOCK,
    JANE,
    make_app,
    notifications,
    paste,
    read_db,
    screen_text,
    settle,
    status_text,
    wait_for_screen,
    wait_until,
)

from netui.model import Contact, FollowUp
from netui.store import Store
from netui.ui.dialogs.confirm import ConfirmScreen
from netui.ui.dialogs.quick_add import QuickAddScreen
from netui.ui.screens.main import MainScreen

SEEN_WITHIN = 2.0
"""DESIGN.md: the open app shows changes made by others "within a couple of seconds"."""

GARBAGE = b'{"contacts": {"1": {"name": "Jane'  # cut short, as a broken sync leaves it


def refusals(app) -> int:
    """How many "not saved" messages the app has shown."""
    return sum("nothing was saved" in message for message in notifications(app))


def replace_file(path: Path, content: bytes) -> None:
    """Put `content` in place the way a sync tool does: a new file renamed over it."""
    temp = path.with_name(path.name + ".sync-tmp")
    temp.write_bytes(content)
    os.replace(temp, path)


async def test_a_contact_added_by_another_process_shows_up(db: Path) -> None:
    app = make_app(db, poll=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        contacts = app.screen.query_one("#contacts-list")
        assert contacts.select_key(JANE)
        await settle(pilot)
        index_before = contacts.cursor

        # `netui add contact "Aaron Able"` in a shell: another Store on the same file.
        Store.open(db, clock=CLOCK).add_contact(Contact("Aaron Able", company="Zeta"))
        await wait_until(pilot, lambda: "Aaron Able" in screen_text(app), SEEN_WITHIN)
        await settle(pilot)

        assert "1 Contacts · 7" in screen_text(app)
        # Aaron sorts first, so Jane moved down a row; the cursor went with her.
        assert contacts.cursor_key == JANE
        assert contacts.cursor == index_before + 1
        assert "Coffee at Blue Bottle" in screen_text(app)  # still Jane's notes
        assert app.file_problem is None


async def test_a_follow_up_added_by_another_process_shows_up(db: Path) -> None:
    app = make_app(db, poll=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        Store.open(db, clock=CLOCK).add_followup(
            FollowUp("bring the printed CV", CLOCK().date(), JANE)
        )
        await wait_until(pilot, lambda: "Today (2)" in screen_text(app), SEEN_WITHIN)
        assert "5 open follow-ups" in status_text(app)


async def test_a_change_made_meanwhile_is_kept_when_the_app_saves(db: Path) -> None:
    """Without polling (the app has not seen it yet): the app's own save goes on top of
    the file as it is on disk, so the other process's contact is not lost."""
    app = make_app(db, poll=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        Store.open(db, clock=CLOCK).add_contact(Contact("Outside Person"))
        await pilot.press("a")
        await wait_for_screen(pilot, QuickAddScreen)
        await paste(pilot, "Inside Person")
        await pilot.press("enter")
        await wait_for_screen(pilot, MainScreen)
        await wait_until(pilot, lambda: "Inside Person" in screen_text(app))
        await settle(pilot)
        assert "Outside Person" in screen_text(app)
    names = [c["name"] for c in read_db(db)["contacts"].values()]
    assert "Outside Person" in names and "Inside Person" in names


async def test_a_file_replaced_with_garbage_is_reported_and_never_overwritten(db: Path) -> None:
    app = make_app(db, poll=True)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        replace_file(db, GARBAGE)
        await wait_until(pilot, lambda: app.file_problem is not None, SEEN_WITHIN)
        await settle(pilot)
        problem = app.file_problem
        assert "is not valid JSON" in problem
        assert "netui keeps what it had and saves nothing" in problem
        assert any("is not valid JSON" in message for message in notifications(app))
        # The app still shows what it had, and still answers keys.
        text = screen_text(app)
        assert "Jane Doe" in text and "1 Contacts · 6" in text
        await pilot.press("j", "k", "2", "j", "1")
        await settle(pilot)

        # Saving is refused: a quick-add, a done, a delete, an undo. Nothing is written.
        await pilot.press("a")
        await wait_for_screen(pilot, QuickAddScreen)
        await paste(pilot, "Ann Lee")
        await pilot.press("enter")
        await wait_until(pilot, lambda: refusals(app) == 1)
        await settle(pilot)
        # The bar is back with the text, so nothing typed is lost.
        bar = await wait_for_screen(pilot, QuickAddScreen)
        assert bar.query_one("#line").value == "Ann Lee"
        await pilot.press("escape")
        await wait_for_screen(pilot, MainScreen)
        await pilot.press("2", "d")
        await wait_until(pilot, lambda: refusals(app) == 2)
        await pilot.press("1", "x")
        await wait_for_screen(pilot, ConfirmScreen)
        await pilot.press("y")
        await wait_until(pilot, lambda: refusals(app) == 3)
        await settle(pilot)
        assert "Jane Doe" in screen_text(app)
        assert db.read_bytes() == GARBAGE
        assert app.is_running
    assert db.read_bytes() == GARBAGE


async def test_the_status_line_shows_the_file_problem_until_solved(db: Path) -> None:
    app = make_app(db, poll=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        replace_file(db, GARBAGE)
        await wait_until(pilot, lambda: app.file_problem is not None, SEEN_WITHIN)
        await settle(pilot)
        assert f"⚠ {app.file_problem}" in status_text(app)
        assert app.screen.query_one("#status").has_class("-problem")


async def test_a_file_made_empty_in_place_is_reported(db: Path) -> None:
    app = make_app(db, poll=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        db.write_bytes(b"")  # truncated in place, as an editor's failed save leaves it
        await wait_until(pilot, lambda: app.file_problem is not None, SEEN_WITHIN)
        assert "is empty" in app.file_problem
        assert app.is_running
    assert db.read_bytes() == b""


async def test_the_problem_clears_when_the_file_is_good_again(db: Path) -> None:
    good = db.read_bytes()
    app = make_app(db, poll=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        replace_file(db, GARBAGE)
        await wait_until(pilot, lambda: app.file_problem is not None, SEEN_WITHIN)
        # Put back a good file (say, `netui restore`), with one more contact in it.
        replace_file(db, good)
        Store.open(db, clock=CLOCK).add_contact(Contact("Restored Person"))
        await wait_until(pilot, lambda: app.file_problem is None, SEEN_WITHIN)
        await wait_until(pilot, lambda: "Restored Person" in screen_text(app), SEEN_WITHIN)
        assert "⚠" not in status_text(app)
        # And saving works again.
        await pilot.press("2", "d")
        await wait_until(pilot, lambda: read_db(db)["followups"]["1"]["done"] is not None)
