"""The edit forms (issue 13, section 3): a refused save says why where the user looks and
focuses the field; the cursor starts at the end of a field; the footer shows the form's
keys; a save that changes nothing says so and writes nothing; a referral loop is refused."""

from __future__ import annotations

from pathlib import Path

from netkit import (
    BOB,
    JANE,
    PRIYA,
    flat,
    notifications,
    read_db,
    screen_text,
    settle,
    type_text,
    wait_for_screen,
    wait_until,
)
from test_ui_edit import focus_field, replace_field, select_contact
from textual.widgets import Input, Static

from netui.ui.dialogs.forms import ContactForm
from netui.ui.screens.main import MainScreen

RHYTHM = "the rhythm must be a number of days from 1 to 3650 (or 2w, 1m, 3m, 6m), not '90x'"


def _inside(text: str) -> str:
    """The text inside the form's frame (its border characters and what shows around it
    dropped), so that a message wrapped over two lines reads as one."""
    lines = []
    for line in text.splitlines():
        if line.count("█") >= 2:
            lines.append(line[line.index("█") + 1 : line.rindex("█")])
    return "\n".join(lines).translate({ord(c): " " for c in "▁▂▃▄▅▆▇"})  # (the scrollbar)


def footer_line(app) -> str:
    """The bottom line of the screen: the footer."""
    return screen_text(app).rstrip("\n").splitlines()[-1]


async def test_a_refused_save_shows_why_beside_the_field_and_focuses_it(app, db: Path) -> None:
    before = db.read_bytes()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("e")  # Bob, first in the list
        form = await wait_for_screen(pilot, ContactForm)
        cadence = await replace_field(pilot, "cadence", "90x")
        # Back up to the top of the form, far from the rhythm field, and save.
        form.query_one("#name", Input).focus()
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ContactForm)  # not saved
        assert form.focused is cadence  # the field to fix has the focus, in view
        text = screen_text(app)
        # Once beside the field, once in the line pinned above the buttons (each may wrap).
        assert flat(_inside(text)).count(f"⚠ {RHYTHM}") == 2, text
        beside = form.query_one("#cadence-error", Static)
        assert str(beside.render()) == f"⚠ {RHYTHM}"
        assert cadence.has_class("-invalid")

        # Scrolled to the top, the pinned line still says it.
        form.query_one("#name", Input).focus()
        form.query_one("#fields").scroll_home(animate=False)
        await settle(pilot)
        assert flat(_inside(screen_text(app))).count(f"⚠ {RHYTHM}") == 1
        assert "Save (^s)" in screen_text(app)

        # Fixed: both go.
        await replace_field(pilot, "cadence", "90")
        assert RHYTHM not in screen_text(app)
        assert not cadence.has_class("-invalid")
    assert db.read_bytes() == before


async def test_a_bad_email_is_shown_beside_the_email_field(app) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        form = await wait_for_screen(pilot, ContactForm)
        email = await replace_field(pilot, "email", "bob@")
        await focus_field(pilot, "cadence")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert form.focused is email
        assert str(form.query_one("#email-error", Static).render()) == (
            "⚠ 'bob@' is not an email address"
        )
        assert flat(_inside(screen_text(app))).count("'bob@' is not an email address") == 2


async def test_the_cursor_starts_at_the_end_of_the_field(app, db: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        form = await wait_for_screen(pilot, ContactForm)
        await type_text(pilot, " Jr")  # typed after the name, not over it
        await settle(pilot)
        assert form.query_one("#name", Input).value == "Bob Smith Jr"
        await focus_field(pilot, "company")
        await type_text(pilot, " Inc")
        assert form.query_one("#company", Input).value == "Globex Inc"
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, MainScreen)
        await wait_until(pilot, lambda: read_db(db)["contacts"][str(BOB)]["name"] != "Bob Smith")
    bob = read_db(db)["contacts"][str(BOB)]
    assert (bob["name"], bob["company"]) == ("Bob Smith Jr", "Globex Inc")


async def test_the_footer_shows_the_forms_keys(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "Review" in footer_line(app)
        await pilot.press("e")
        await wait_for_screen(pilot, ContactForm)
        await settle(pilot)
        footer = footer_line(app)
        assert "^s Save" in footer and "esc Cancel" in footer, footer
        for key in ("Review", "Edit", "Snooze", "Filter"):  # the main screen's
            assert key not in footer, footer


async def test_saving_an_unchanged_contact_says_nothing_changed(app, db: Path) -> None:
    before = db.read_bytes()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        history = len(app.store.history)
        await pilot.press("e")
        await wait_for_screen(pilot, ContactForm)
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, MainScreen)
        await settle(pilot)
        assert "Nothing changed" in notifications(app)
        assert "Saved" not in notifications(app)
        assert len(app.store.history) == history
        # Undo has nothing of this form to take back: the last change is still there.
        assert "Nothing changed" in screen_text(app)
    assert db.read_bytes() == before


async def test_a_referral_loop_is_refused_with_the_names(app, db: Path) -> None:
    """Priya was referred by Bob: Bob can't be referred by Priya."""
    before = db.read_bytes()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await select_contact(pilot, BOB)
        await pilot.press("e")
        form = await wait_for_screen(pilot, ContactForm)
        field = await replace_field(pilot, "referred_by", "Priya Patel")
        message = "Priya Patel was referred by Bob Smith: Bob can't also be referred by Priya"
        await focus_field(pilot, "name")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ContactForm)
        assert form.focused is field
        assert flat(_inside(screen_text(app))).count(message) == 2
    assert db.read_bytes() == before
    assert read_db(db)["contacts"][str(PRIYA)]["referred_by"] == BOB


async def test_an_empty_note_is_refused_beside_its_text(app, db: Path) -> None:
    from textual.widgets import TextArea

    from netui.ui.dialogs.forms import NoteForm

    before = db.read_bytes()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await select_contact(pilot, JANE)
        await pilot.press("3", "e")
        form = await wait_for_screen(pilot, NoteForm)
        area = form.query_one("#text", TextArea)
        area.clear()
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, NoteForm)
        assert form.focused is area
        assert flat(_inside(screen_text(app))).count("⚠ the note is empty") == 2
    assert db.read_bytes() == before
