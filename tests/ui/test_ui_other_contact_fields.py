"""A contact's other emails, phones and links: edited in the form as lists typed on one
line, saved to the file as lists, and shown on the contact page and the prep sheet.

These are the addresses, numbers and web links beyond the main email, phone and LinkedIn
profile (an address book's vCard often has several of each).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from netkit import (
    CLOCK,
    DANA,
    JANE,
    flat,
    make_app,
    paste,
    read_db,
    screen_text,
    settle,
    wait_for_screen,
    wait_until,
)
from textual.widgets import Button, Input, Static

from netui.store import Store
from netui.ui.dialogs.forms import ContactForm
from netui.ui.screens.contact import ContactScreen
from netui.ui.screens.main import MainScreen
from netui.ui.screens.prep import PrepScreen


def give(db: Path, contact_id: int, **others: tuple[str, ...]) -> None:
    """Store other emails, phones or links for a contact, through the Store API."""
    store = Store.open(db, clock=CLOCK)
    store.update_contact(replace(store.contact(contact_id), **others), store.contact(contact_id))


async def open_form(pilot, contact_id: int) -> ContactForm:
    """Open the edit form of `contact_id` from the main screen."""
    await settle(pilot)
    assert pilot.app.screen.query_one("#contacts-list").select_key(contact_id)
    await pilot.press("e")
    return await wait_for_screen(pilot, ContactForm)


async def open_page(pilot, contact_id: int) -> ContactScreen:
    """Open the page of `contact_id` from the main screen."""
    await settle(pilot)
    assert pilot.app.screen.query_one("#contacts-list").select_key(contact_id)
    await pilot.press("enter")
    page = await wait_for_screen(pilot, ContactScreen)
    await settle(pilot)
    return page


async def focus_field(pilot, field_id: str) -> Input:
    """Tab through the form until `field_id` has the focus (as a user would)."""
    screen = pilot.app.screen
    field = screen.query_one(f"#{field_id}", Input)
    for _ in range(30):
        if screen.focused is field:
            return field
        await pilot.press("tab")
    raise AssertionError(f"tab never reached #{field_id}")


async def replace_field(pilot, field_id: str, text: str) -> Input:
    """Empty the field and paste `text` in."""
    field = await focus_field(pilot, field_id)
    await pilot.press("end", "ctrl+u")
    await paste(pilot, text)
    await settle(pilot)
    assert field.value == text
    return field


async def save(pilot, db: Path, back_to: type = MainScreen) -> None:
    """ctrl+s, and wait for the form to close and the file to change."""
    before = db.read_bytes()
    await pilot.press("ctrl+s")
    await wait_for_screen(pilot, back_to)
    await wait_until(pilot, lambda: db.read_bytes() != before)
    await settle(pilot)


def problem(app) -> str:
    return str(app.screen.query_one("#problem", Static).render())


# --- the form ----------------------------------------------------------------------------


async def test_other_emails_are_saved_as_a_list(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_form(pilot, JANE)
        for field_id in ("other_emails", "other_phones", "other_urls"):
            assert form.query_one(f"#{field_id}", Input).value == ""
        await replace_field(pilot, "other_emails", "a@x.example; b@y.example")
        assert problem(app) == ""
        await save(pilot, db)
    jane = read_db(db)["contacts"][str(JANE)]
    assert jane["other_emails"] == ["a@x.example", "b@y.example"]
    assert jane["other_phones"] == [] and jane["other_urls"] == []
    assert jane["email"] == "jane@acme.com"  # the main one is untouched


async def test_other_phones_and_links_are_saved_as_lists(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_form(pilot, JANE)
        # Spaces stay inside a number: only commas and semicolons separate.
        await replace_field(pilot, "other_phones", "+1 555 0100, +44 20 7946 0000;;")
        await replace_field(
            pilot,
            "other_urls",
            " https://jane.example ; https://github.com/jane, https://jane.example",
        )
        assert problem(app) == ""
        await save(pilot, db)
    jane = read_db(db)["contacts"][str(JANE)]
    assert jane["other_phones"] == ["+1 555 0100", "+44 20 7946 0000"]
    assert jane["other_urls"] == ["https://jane.example", "https://github.com/jane"]
    assert jane["other_emails"] == []


async def test_a_bad_other_email_is_named_and_nothing_is_written(db: Path) -> None:
    before = db.read_bytes()
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_form(pilot, JANE)
        await replace_field(pilot, "other_emails", "a@x.example; b@")
        assert problem(app) == "⚠ 'b@' is not an email address"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ContactForm)  # not saved, still editing
        assert "'b@' is not an email address" in screen_text(app)
        await pilot.press("enter")  # enter in a field saves too, or would
        await settle(pilot)
        assert isinstance(app.screen, ContactForm)
        assert db.read_bytes() == before

        # Fixed, it saves.
        await replace_field(pilot, "other_emails", "a@x.example; b@y.example")
        assert problem(app) == ""
        await save(pilot, db)
    assert read_db(db)["contacts"][str(JANE)]["other_emails"] == ["a@x.example", "b@y.example"]


async def test_the_form_shows_the_stored_lists_and_an_emptied_field_clears_one(
    db: Path,
) -> None:
    give(
        db,
        JANE,
        other_emails=("jane@home.example", "j.doe@old.example"),
        other_phones=("+1 555 0100",),
        other_urls=("https://jane.example",),
    )
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_form(pilot, JANE)
        value = {f: form.query_one(f"#{f}", Input).value for f in ("other_emails", "other_phones")}
        assert value == {
            "other_emails": "jane@home.example; j.doe@old.example",
            "other_phones": "+1 555 0100",
        }
        assert form.query_one("#other_urls", Input).value == "https://jane.example"
        await replace_field(pilot, "other_phones", "")
        await save(pilot, db)
    jane = read_db(db)["contacts"][str(JANE)]
    assert jane["other_phones"] == []
    assert jane["other_emails"] == ["jane@home.example", "j.doe@old.example"]
    assert jane["other_urls"] == ["https://jane.example"]


async def test_an_untouched_list_keeps_items_that_hold_a_comma(db: Path) -> None:
    """An imported number with dialling pauses, or a link with a comma in it, survives a
    save that changed something else: only a list the user edits is read again."""
    give(
        db,
        JANE,
        other_phones=("+1 555 0100,,42", "+1 555 0199"),
        other_urls=("https://maps.example/@52.1,4.3",),
    )
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_form(pilot, JANE)
        await replace_field(pilot, "title", "Head of Design")
        await save(pilot, db)
    jane = read_db(db)["contacts"][str(JANE)]
    assert jane["title"] == "Head of Design"
    assert jane["other_phones"] == ["+1 555 0100,,42", "+1 555 0199"]
    assert jane["other_urls"] == ["https://maps.example/@52.1,4.3"]


async def test_the_form_fits_80x24_and_scrolls_to_the_new_fields(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_form(pilot, JANE)
        await replace_field(pilot, "other_urls", "https://jane.example")
        field = form.query_one("#other_urls", Input)
        # The focused field was scrolled into view, inside the screen.
        assert field.region.y >= 0 and field.region.bottom <= 24
        assert "https://jane.example" in screen_text(app)
        # The Save button is reachable by tab too, and saves.
        saving = form.query_one("#save", Button)
        for _ in range(30):
            if form.focused is saving:
                break
            await pilot.press("tab")
        assert form.focused is saving
        assert saving.region.bottom <= 24
        before = db.read_bytes()
        await pilot.press("enter")
        await wait_for_screen(pilot, MainScreen)
        await wait_until(pilot, lambda: db.read_bytes() != before)
    assert read_db(db)["contacts"][str(JANE)]["other_urls"] == ["https://jane.example"]


# --- the contact page and the prep sheet -------------------------------------------------


async def test_the_contact_page_shows_them_under_the_main_ones(db: Path) -> None:
    give(
        db,
        JANE,
        other_emails=("a@x.example", "b@y.example"),
        other_phones=("+44 20 7946 0000",),
        other_urls=("https://jane.example",),
    )
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_page(pilot, JANE)
        lines = [line.rstrip() for line in screen_text(app).splitlines()]
        start = next(i for i, line in enumerate(lines) if line.endswith("Email  jane@acme.com"))
        card = lines[start : start + 5]
        # Labels right-aligned, values in one column: a second address under the first.
        column = card[0].index("jane@acme.com")
        assert [(line[:column].strip(), line[column:]) for line in card] == [
            ("Email", "jane@acme.com"),
            ("Other emails", "a@x.example"),
            ("", "b@y.example"),
            ("Other phones", "+44 20 7946 0000"),
            ("Other links", "https://jane.example"),
        ]


async def test_the_contact_page_after_an_edit_shows_the_new_lists(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_page(pilot, JANE)
        assert "Other" not in screen_text(app)  # none yet: no line for them
        await pilot.press("e")
        await wait_for_screen(pilot, ContactForm)
        await replace_field(pilot, "other_emails", "a@x.example; b@y.example")
        await save(pilot, db, back_to=ContactScreen)
        text = screen_text(app)
        assert "Other emails  a@x.example" in text
        assert "b@y.example" in text


async def test_other_items_that_look_like_markup_show_literally(db: Path) -> None:
    give(db, DANA, other_phones=("[b]x",), other_urls=("[link='https://x']y", "[/]"))
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_page(pilot, DANA)
        text = screen_text(app)
        assert "Other phones  [b]x" in text
        assert "Other links  [link='https://x']y" in text
        assert "[/]" in text


@pytest.mark.parametrize("contact_id", [JANE, DANA])
async def test_a_contact_without_others_shows_no_other_lines(db: Path, contact_id: int) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_page(pilot, contact_id)
        assert "Other" not in screen_text(app)


async def test_the_prep_sheet_lists_every_way_to_reach_them(db: Path) -> None:
    give(db, JANE, other_emails=("jane@home.example",), other_phones=("+1 555 0100",))
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_page(pilot, JANE)
        await pilot.press("p")
        await wait_for_screen(pilot, PrepScreen)
        await settle(pilot)
        sheet = str(app.screen.query_one("#sheet", Static).render())
        assert "Reach them: jane@acme.com · jane@home.example · +1 555 0100" in flat(sheet)
