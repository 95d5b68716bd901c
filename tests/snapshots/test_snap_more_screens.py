"""Snapshots of the screens added with the meeting workflow: prep, meeting log, referral
tree, companies, import and the weekly goals, at 120x40, and at 80x24 where the layout
changes (prep and companies stack their two sides, import gives the tree's place to the
preview).

Same setting as `test_snap_screens.py`: the clock frozen on Wednesday 25 November 2026 at
09:00, the fixed network at a fixed path, no cursor blink. A changed picture is a failed
test: look at the report (snapshot_report.html) and, only if the new picture is right,
accept it with `pytest tests/snapshots --snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from netkit import (
    CLOCK,
    make_app,
    paste,
    screen_text,
    settle,
    type_text,
    wait_for_screen,
    wait_until,
)
from textual.command import CommandPalette
from textual.widgets import Input, TextArea

from netui.store import Store
from netui.ui.screens.companies import CompaniesScreen
from netui.ui.screens.import_file import ImportFileTree, ImportScreen
from netui.ui.screens.meeting_log import MeetingLogScreen
from netui.ui.screens.prep import PrepScreen
from netui.ui.screens.referrals import ReferralsScreen
from netui.ui.screens.review import ReviewScreen

BIG = (120, 40)
SMALL = (80, 24)

TO_JANE = ("j", "j", "j")
"""From the first contact down to Jane Doe (as in `test_main_screen_jane_selected`)."""

CONNECTIONS = """\
Notes:
"When exporting your connection data, you may notice that some of the email addresses are missing."

First Name,Last Name,URL,Email Address,Company,Position,Connected On
Bob,Smith,https://www.linkedin.com/in/bob-smith-12345,,Globex,Engineering Manager,15 Mar 2020
Mei,Chen,https://www.linkedin.com/in/mei-chen,mei@stripe.com,Stripe,Staff Designer,02 Apr 2021
Omar,Haddad,https://www.linkedin.com/in/omar-haddad,,Initech,Product Designer,12 Sep 2023
Dana,Lee,https://www.linkedin.com/in/dana-lee,,Hooli,Product Manager,01 Jun 2022
"""
"""A small LinkedIn export: Mei and Omar are new; Bob Smith (Globex) and Dana Lee
(Hooli) are already contacts and gain their profiles."""


def keys(*presses: str, then: type | None = None, text: str = ""):
    """A `run_before` that presses keys, waits for `then` to be on top, types `text`, and
    lets everything settle (as in `test_snap_screens.py`)."""

    async def run_before(pilot) -> None:
        await settle(pilot)
        if presses:
            await pilot.press(*presses)
        if then is not None:
            await wait_for_screen(pilot, then)
        if text:
            await type_text(pilot, text)
        await settle(pilot)

    return run_before


# --- prep ---------------------------------------------------------------------------------


def prep(*presses: str):
    """`p` on Jane, who has a meeting and a call behind her; wait for the questions."""

    async def run_before(pilot) -> None:
        await keys(*TO_JANE, "p", then=PrepScreen)(pilot)
        screen = pilot.app.screen
        await wait_until(pilot, lambda: screen.question_list.option_count > 0)
        if presses:
            await pilot.press(*presses)
        await settle(pilot)

    return run_before


def test_prep_screen(snap_compare, snap_db: Path) -> None:
    """The sheet (Jane's meetings, her referrals, open follow-ups) beside the bank."""
    assert snap_compare(make_app(snap_db), terminal_size=BIG, run_before=prep())


def test_prep_screen_question_picked(snap_compare, snap_db: Path) -> None:
    """A third question picked with space: `[x]`, and 9 picked in the subtitle."""
    assert snap_compare(
        make_app(snap_db), terminal_size=BIG, run_before=prep("down", "down", "space")
    )


def test_prep_screen_80x24(snap_compare, snap_db: Path) -> None:
    """Narrow: the sheet stands above the questions."""
    assert snap_compare(make_app(snap_db), terminal_size=SMALL, run_before=prep())


# --- meeting log --------------------------------------------------------------------------


async def focus_field(pilot, field_id: str) -> None:
    """Tab until the field `#field_id` has the focus."""
    screen = pilot.app.screen
    field = screen.query_one(f"#{field_id}")
    for _ in range(40):
        if screen.focused is field:
            return
        await pilot.press("tab")
    raise AssertionError(f"tab never reached #{field_id}")


def meeting_log(*fields: tuple[str, str]):
    """`m` on Jane, then each (field id, text) typed into its field."""

    async def run_before(pilot) -> None:
        await keys(*TO_JANE, "m", then=MeetingLogScreen)(pilot)
        screen = pilot.app.screen
        for field_id, text in fields:
            await focus_field(pilot, field_id)
            widget = screen.query_one(f"#{field_id}")
            if isinstance(widget, TextArea):
                await paste(pilot, text)
            else:
                await type_text(pilot, text)
        await settle(pilot)

    return run_before


def test_meeting_log(snap_compare, snap_db: Path) -> None:
    """Notes typed; the summary says what ctrl+s will save."""
    assert snap_compare(
        make_app(snap_db),
        terminal_size=BIG,
        run_before=meeting_log(("notes", "Coffee again: she will ask her team about a role")),
    )


def test_meeting_log_names_and_promises(snap_compare, snap_db: Path) -> None:
    """A new name and a known one, a promise with a date: their previews, and the summary."""
    assert snap_compare(
        make_app(snap_db),
        terminal_size=BIG,
        run_before=meeting_log(
            ("notes", "Talked about the design team"),
            ("names", "Mei Chen (Staff Designer) @ Stripe\nBob Smith"),
            ("promises", "send the portfolio friday"),
        ),
    )


def test_meeting_log_40x12(snap_compare, snap_db: Path) -> None:
    """The smallest terminal: the date readable, the notes box (focused) and the summary."""
    assert snap_compare(
        make_app(snap_db),
        terminal_size=(40, 12),
        run_before=meeting_log(("notes", "Coffee again")),
    )


# --- referral tree ------------------------------------------------------------------------


def test_referral_tree(snap_compare, snap_db: Path) -> None:
    """Jane led to Zoë, Bob to Priya: two trees, the longest chain, the companies."""
    assert snap_compare(
        make_app(snap_db), terminal_size=BIG, run_before=keys("t", then=ReferralsScreen)
    )


# --- companies ----------------------------------------------------------------------------


@pytest.fixture
def targets_db(snap_db: Path) -> Path:
    """The fixed network with two target companies: Acme Corp (Jane and Priya work
    there) and Stripe (nobody known yet)."""
    store = Store.open(snap_db, clock=CLOCK)
    store.set_target("Acme Corp", True)
    store.set_target("Stripe", True)
    return snap_db


def test_companies(snap_compare, targets_db: Path) -> None:
    """Targets first (★), Acme highlighted: its counts, the paths in, its people."""
    assert snap_compare(
        make_app(targets_db), terminal_size=BIG, run_before=keys("c", then=CompaniesScreen)
    )


def test_companies_target_nobody_known(snap_compare, targets_db: Path) -> None:
    """Stripe, a target where nobody is known yet: how to find a path."""

    async def run_before(pilot) -> None:
        await keys("c", then=CompaniesScreen)(pilot)
        await pilot.press("down")
        await settle(pilot)

    assert snap_compare(make_app(targets_db), terminal_size=BIG, run_before=run_before)


def test_companies_80x24(snap_compare, targets_db: Path) -> None:
    """Narrow: the companies above the highlighted one's card."""
    assert snap_compare(
        make_app(targets_db), terminal_size=SMALL, run_before=keys("c", then=CompaniesScreen)
    )


# --- import -------------------------------------------------------------------------------


@pytest.fixture
def import_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of the test's own (`HOME`) holding one LinkedIn export. The picker
    starts there and shows it as `~/` and by its name alone, never its full path."""
    home = tmp_path / "user"
    home.mkdir()
    (home / "Connections.csv").write_text(CONNECTIONS, encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    return home


def import_preview(home: Path):
    """Open "Import contacts…" from the palette, pick the file in the tree, wait for the
    preview; the temporary folder's path is nowhere on screen."""

    async def run_before(pilot) -> None:
        await keys("ctrl+p", then=CommandPalette, text="import")(pilot)
        await wait_until(pilot, lambda: "Import contacts…" in screen_text(pilot.app))
        await pilot.press("enter")
        screen = await wait_for_screen(pilot, ImportScreen)
        tree = screen.query_one(ImportFileTree)
        await wait_until(pilot, lambda: tree.last_line >= 1)  # the folder is read
        tree.focus()
        await pilot.press("down", "enter")
        await wait_until(pilot, lambda: screen.plan is not None)
        await settle(pilot)
        assert str(home.parent) not in screen_text(pilot.app)

    return run_before


def test_import_preview(snap_compare, snap_db: Path, import_home: Path) -> None:
    """The file picked: its path in the field, what importing it would do, Import focused."""
    assert snap_compare(
        make_app(snap_db), terminal_size=BIG, run_before=import_preview(import_home)
    )


def test_import_preview_80x24(snap_compare, snap_db: Path, import_home: Path) -> None:
    """Short: the preview takes the tree's place."""
    assert snap_compare(
        make_app(snap_db), terminal_size=SMALL, run_before=import_preview(import_home)
    )


def test_import_opened(snap_compare, snap_db: Path, import_home: Path) -> None:
    """Before a file is picked: the home folder in the field and in the tree."""

    async def run_before(pilot) -> None:
        await keys("ctrl+p", then=CommandPalette, text="import")(pilot)
        await wait_until(pilot, lambda: "Import contacts…" in screen_text(pilot.app))
        await pilot.press("enter")
        screen = await wait_for_screen(pilot, ImportScreen)
        tree = screen.query_one(ImportFileTree)
        await wait_until(pilot, lambda: tree.last_line >= 1)
        assert screen.query_one("#path", Input).has_focus
        await settle(pilot)
        assert str(import_home.parent) not in screen_text(pilot.app)

    assert snap_compare(make_app(snap_db), terminal_size=BIG, run_before=run_before)


# --- goals --------------------------------------------------------------------------------


def test_goals_form(snap_compare, snap_db: Path) -> None:
    """`e` on the review screen: the three weekly goals."""

    async def run_before(pilot) -> None:
        await keys("r", then=ReviewScreen)(pilot)
        await pilot.press("e")
        # By name, so the test does not depend on which module holds the form.
        await wait_until(pilot, lambda: type(pilot.app.screen).__name__ == "GoalsScreen")
        await settle(pilot)

    assert snap_compare(make_app(snap_db), terminal_size=BIG, run_before=run_before)
