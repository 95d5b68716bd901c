"""Text that looks like Rich/Textual markup is shown as typed, everywhere, and never crashes.

A contact named `[/]` (a closing tag with nothing open) makes a markup parser raise; one
named `[b]x` would turn bold and lose its brackets; `[link='https://x']y` would become a
link named "y". Each must show literally in the panes, the contact page, the review,
the dialogs, the toasts and the quick-add preview.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from netkit import (
    CLOCK,
    MARKUP_NAMES,
    add_markup_contacts,
    make_app,
    notifications,
    paste,
    read_db,
    screen_text,
    settle,
    type_text,
    wait_for_generation,
    wait_for_screen,
)
from textual.widgets import Static

from netui.model import FollowUp
from netui.store import Store
from netui.ui.dialogs.confirm import ConfirmScreen
from netui.ui.dialogs.forms import ContactForm
from netui.ui.dialogs.quick_add import QuickAddScreen
from netui.ui.dialogs.snooze import SnoozeScreen
from netui.ui.screens.contact import ContactScreen
from netui.ui.screens.main import MainScreen
from netui.ui.screens.review import ReviewScreen


@pytest.fixture
def markup_db(db: Path) -> Path:
    """The network plus the three markup-named contacts (ids 7, 8, 9), each with a
    follow-up whose text is markup too."""
    store = Store.open(db, clock=CLOCK)
    for contact_id in add_markup_contacts(db):
        store.add_followup(FollowUp("[i]call[/i]", date(2026, 11, 26), contact_id))
    return db


@pytest.mark.parametrize("name", MARKUP_NAMES)
async def test_quick_add_previews_saves_and_toasts_markup_literally(
    app, db: Path, name: str
) -> None:
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await wait_for_screen(pilot, QuickAddScreen)
        await type_text(pilot, name)
        await settle(pilot)
        preview = str(app.screen.query_one("#preview", Static).render())
        assert preview == f"→ contact {name}"
        assert f"→ contact {name}" in screen_text(app)

        before = app.store.generation
        await pilot.press("enter")
        await wait_for_screen(pilot, MainScreen)
        await wait_for_generation(pilot, before)
        assert f"Added {name}" in notifications(app)
        text = screen_text(app)
        assert f"Added {name}" in text  # the toast, literally
        assert f"  {name}  " in text or f" {name} " in text  # the Contacts row
    assert name in [doc["name"] for doc in read_db(db)["contacts"].values()]


async def test_markup_names_in_the_panes(markup_db: Path) -> None:
    app = make_app(markup_db)
    async with app.run_test(size=(200, 40)) as pilot:  # wide: no name is cut short
        await settle(pilot)
        text = screen_text(app)
        assert "1 Contacts · 9" in text
        for name in MARKUP_NAMES:
            assert name in text, name


async def test_markup_names_on_the_contact_page_review_and_dialogs(markup_db: Path) -> None:
    app = make_app(markup_db)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        contacts = app.screen.query_one("#contacts-list")
        for contact_id, name in zip((7, 8, 9), MARKUP_NAMES, strict=True):
            assert contacts.select_key(contact_id)
            await settle(pilot)

            await pilot.press("enter")
            await wait_for_screen(pilot, ContactScreen)
            assert f"  {name}\n" in screen_text(app) or f"  {name} " in screen_text(app)
            assert "[i]call[/i]" in screen_text(app)  # their follow-up, from the fixture

            await pilot.press("e")
            await wait_for_screen(pilot, ContactForm)
            assert f"Edit contact: {name}" in screen_text(app)
            await pilot.press("escape")
            await wait_for_screen(pilot, ContactScreen)

            await pilot.press("s")
            await wait_for_screen(pilot, SnoozeScreen)
            assert "Snooze: [i]call[/i]" in screen_text(app)
            await pilot.press("escape")
            await wait_for_screen(pilot, ContactScreen)
            await pilot.press("escape")
            await wait_for_screen(pilot, MainScreen)

            await pilot.press("x")
            confirm = await wait_for_screen(pilot, ConfirmScreen)
            assert confirm.question == f"Delete {name}, with 1 follow-up?"
            assert f"Delete {name}, with 1 follow-up?" in screen_text(app)
            await pilot.press("n")
            await wait_for_screen(pilot, MainScreen)

        await pilot.press("r")
        await wait_for_screen(pilot, ReviewScreen)
        text = screen_text(app)
        for name in MARKUP_NAMES:
            assert name in text, name  # as leads


async def test_markup_in_a_note_shows_literally(app, db: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:  # no toast over the note's text
        await settle(pilot)
        await pilot.press("n")
        await wait_for_screen(pilot, QuickAddScreen)
        await paste(pilot, "[/] [b]bold?[/b] [link='https://x']y[/link]")
        await settle(pilot)
        before = app.store.generation
        await pilot.press("enter")
        await wait_for_screen(pilot, MainScreen)
        await wait_for_generation(pilot, before)
        await pilot.press("3", "home")  # the newest note (Bob's) is the first
        await settle(pilot)
        shown = str(app.screen.query_one("#note-text", Static).render())
        assert shown == "[/] [b]bold?[/b] [link='https://x']y[/link]"
        text = screen_text(app)
        # The full text of the highlighted note, under the Notes list (wrapped).
        assert "[/] [b]bold?[/b]" in text and "[link='https://x']y[/link]" in text


async def test_f_prefilled_with_a_name_holding_a_colon_keeps_the_task(markup_db: Path) -> None:
    app = make_app(markup_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#contacts-list").select_key(9)
        await settle(pilot)
        await pilot.press("f")
        await wait_for_screen(pilot, QuickAddScreen)
        await paste(pilot, "call tomorrow")
        await settle(pilot)
        preview = str(app.screen.query_one("#preview", Static).render())
        assert preview == "→ follow-up for [link='https://x']y: call — due Thu 26 Nov"
        before = app.store.generation
        await pilot.press("enter")
        await wait_for_generation(pilot, before)
    saved = [f for f in read_db(markup_db)["followups"].values() if f["due"] == "2026-11-26"]
    assert ("call", 9) in [(f["text"], f["contact_id"]) for f in saved]
