"""`enter` (the contact page) and `e` (the edit forms): what they show, what they refuse,
and what they save to the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from netkit import (
    BOB,
    F_PORTFOLIO,
    JANE,
    N_COFFEE,
    ZOE,
    paste,
    read_db,
    screen_text,
    settle,
    type_text,
    wait_for_screen,
    wait_until,
)
from textual.widgets import Input, Static, TextArea

from netui.ui.dialogs.forms import ContactForm, FollowUpForm, NoteForm
from netui.ui.screens.contact import ContactScreen
from netui.ui.screens.main import MainScreen


async def select_contact(pilot, contact_id: int) -> None:
    """Move the Contacts cursor to `contact_id` with j/k."""
    await pilot.press("1")
    contacts = pilot.app.screen.query_one("#contacts-list")
    keys = [row.key for row in contacts.rows]
    steps = keys.index(contact_id) - contacts.cursor
    await pilot.press(*(["j"] * steps if steps > 0 else ["k"] * -steps))
    assert contacts.cursor_key == contact_id
    await settle(pilot)


async def focus_field(pilot, field_id: str) -> Input:
    """Tab through the form until `field_id` has the focus (as a user would)."""
    screen = pilot.app.screen
    field = screen.query_one(f"#{field_id}")
    for _ in range(30):
        if screen.focused is field:
            return field
        await pilot.press("tab")
    raise AssertionError(f"tab never reached #{field_id}")


async def replace_field(pilot, field_id: str, text: str) -> Input:
    field = await focus_field(pilot, field_id)
    await pilot.press("end", "ctrl+u")
    await paste(pilot, text)
    await settle(pilot)
    assert field.value == text
    return field


def problem(app) -> str:
    return str(app.screen.query_one("#problem", Static).render())


async def test_enter_opens_the_contact_page(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await select_contact(pilot, JANE)
        await pilot.press("enter")
        page = await wait_for_screen(pilot, ContactScreen)
        assert page.contact_id == JANE
        text = screen_text(app)
        for line in (
            "Jane Doe",
            "Design Lead at Acme Corp",
            "Status  met",
            "Email  jane@acme.com",
            "Tags  #ux #fintech",
            "How we met  Design meetup",
            "Referred  Zoë Martin",  # whom she referred
            "Rhythm  every 1 month",
            "Last touch  Tue 24 Nov",
            # Her follow-ups and notes.
            "Fri 20 Nov send the portfolio",
            "Tue 15 Dec check in after the interview",
            "Tue 24 Nov meeting Coffee at Blue Bottle",
            "Tue 10 Nov call    Intro call about the design team",
        ):
            assert line in text, line
        assert "Jane Doe" in text and "Bob Smith" not in text
        # The highlighted note in full, below.
        assert "Gave me two names: Zoë and Priya." in text

        await pilot.press("escape")
        await wait_for_screen(pilot, MainScreen)
        assert app.screen.query_one("#contacts-list").cursor_key == JANE


async def test_the_contact_page_names_the_referrer(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await select_contact(pilot, ZOE)
        await pilot.press("enter")
        await wait_for_screen(pilot, ContactScreen)
        text = screen_text(app)
        assert "Referred by  Jane Doe" in text
        assert "Status  lead" in text
        assert "Last touch  never" in text
        assert "Fri 27 Nov reply to the intro email" in text
        assert "No notes (n adds one)." in text


async def test_the_contact_page_shows_done_follow_ups_marked(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # Bob, first in the list
        await wait_for_screen(pilot, ContactScreen)
        text = screen_text(app)
        assert "Wed 25 Nov ask about the team" in text
        done = [line for line in text.splitlines() if "send a thank-you" in line]
        assert len(done) == 1 and "done" in done[0]


async def test_enter_on_a_follow_up_opens_its_contact(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2", "j", "j")  # the follow-up for Zoë
        await pilot.press("enter")
        page = await wait_for_screen(pilot, ContactScreen)
        assert page.contact_id == ZOE


async def test_enter_on_a_note_opens_its_form(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await select_contact(pilot, JANE)
        await pilot.press("3", "enter")
        form = await wait_for_screen(pilot, NoteForm)
        assert form.note.id == N_COFFEE
        assert "Edit note" in screen_text(app)
        await pilot.press("escape")
        await wait_for_screen(pilot, MainScreen)


async def test_e_edits_a_contact_and_refuses_a_bad_email(app, db: Path) -> None:
    before = db.read_bytes()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await select_contact(pilot, JANE)
        await pilot.press("e")
        await wait_for_screen(pilot, ContactForm)
        assert "Edit contact: Jane Doe" in screen_text(app)
        assert app.screen.query_one("#email", Input).value == "jane@acme.com"

        await replace_field(pilot, "email", "jane@")
        assert problem(app) == "⚠ 'jane@' is not an email address"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ContactForm)  # not saved, still editing
        await pilot.press("enter")  # enter in a field saves too, or would
        await settle(pilot)
        assert isinstance(app.screen, ContactForm)
        assert db.read_bytes() == before

        await pilot.press("end", "ctrl+u")
        await type_text(pilot, "jane.doe@acme.com")
        await settle(pilot)
        assert problem(app) == ""
        await replace_field(pilot, "title", "Head of Design")
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, MainScreen)
        await wait_until(pilot, lambda: db.read_bytes() != before)
        await settle(pilot)
        text = screen_text(app)
        assert "Saved" in text  # the toast

    jane = read_db(db)["contacts"][str(JANE)]
    assert jane["email"] == "jane.doe@acme.com"
    assert jane["title"] == "Head of Design"
    assert jane["name"] == "Jane Doe" and jane["company"] == "Acme Corp"
    assert jane["tags"] == ["ux", "fintech"]
    assert jane["updated"] == "2026-11-25T09:00:00"


async def test_a_refused_save_shows_its_message_on_screen(app, db: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await wait_for_screen(pilot, ContactForm)
        await replace_field(pilot, "email", "bob@")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ContactForm)
        assert "'bob@' is not an email address" in screen_text(app)


async def test_edit_contact_checks_the_rhythm_and_the_referrer(app, db: Path) -> None:
    before = db.read_bytes()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await select_contact(pilot, ZOE)
        await pilot.press("e")
        await wait_for_screen(pilot, ContactForm)
        assert app.screen.query_one("#referred_by", Input).value == "Jane Doe"

        await replace_field(pilot, "cadence", "often")
        assert "rhythm must be a number of days" in problem(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert db.read_bytes() == before

        await replace_field(pilot, "cadence", "21")
        await replace_field(pilot, "referred_by", "Zoë")
        assert problem(app) == "⚠ a contact can't be referred by themselves"
        await replace_field(pilot, "referred_by", "Nobody Known")
        assert problem(app) == "⚠ no contact 'Nobody Known'"
        await replace_field(pilot, "referred_by", "bob")
        assert problem(app) == ""
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, MainScreen)
        await wait_until(pilot, lambda: db.read_bytes() != before)
    zoe = read_db(db)["contacts"][str(ZOE)]
    assert zoe["referred_by"] == BOB
    assert zoe["cadence_days"] == 21


async def test_escape_leaves_the_form_without_saving(app, db: Path) -> None:
    before = db.read_bytes()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await wait_for_screen(pilot, ContactForm)
        await replace_field(pilot, "name", "Robert Smith")
        await pilot.press("escape")
        await wait_for_screen(pilot, MainScreen)
        await settle(pilot)
        assert "Robert Smith" not in screen_text(app)
    assert db.read_bytes() == before


async def test_the_edit_form_focuses_its_first_field(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        form = await wait_for_screen(pilot, ContactForm)
        assert form.focused is form.query_one("#name", Input)


async def test_e_edits_a_follow_up_with_a_date_phrase(app, db: Path) -> None:
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("2")  # the overdue "send the portfolio" is selected
        assert app.screen.query_one("#followups-list").cursor_key == F_PORTFOLIO
        await pilot.press("e")
        await wait_for_screen(pilot, FollowUpForm)
        text = screen_text(app)
        assert "Edit follow-up" in text and "2026-11-20" in text and "→ Fri 20 Nov" in text

        await replace_field(pilot, "due", "next friday")
        assert "→ Fri 27 Nov" in screen_text(app)
        await replace_field(pilot, "text", "send the new portfolio")
        before = db.read_bytes()
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, MainScreen)
        await wait_until(pilot, lambda: db.read_bytes() != before)
        await settle(pilot)
        text = screen_text(app)
        # No longer overdue: it moved to "This week".
        assert "Overdue" not in text and "This week (2)" in text

    doc = read_db(db)["followups"][str(F_PORTFOLIO)]
    assert doc["due"] == "2026-11-27"
    assert doc["text"] == "send the new portfolio"
    assert doc["contact_id"] == JANE
    assert doc["done"] is None


async def test_a_follow_up_date_that_is_no_date_is_refused(app, db: Path) -> None:
    before = db.read_bytes()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2", "e")
        await wait_for_screen(pilot, FollowUpForm)
        await replace_field(pilot, "due", "someday")
        assert problem(app) == "⚠ can't read the date 'someday'"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FollowUpForm)
    assert db.read_bytes() == before


async def test_e_edits_a_note(app, db: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await select_contact(pilot, JANE)
        await pilot.press("3", "e")
        form = await wait_for_screen(pilot, NoteForm)
        area = form.query_one("#text", TextArea)
        assert area.text.startswith("Coffee at Blue Bottle")
        area.focus()
        await pilot.press("down", "down", "down", "end")
        await paste(pilot, "\nThanked her by email.")
        await replace_field(pilot, "date", "monday")
        before = db.read_bytes()
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, MainScreen)
        await wait_until(pilot, lambda: db.read_bytes() != before)
    note = read_db(db)["notes"][str(N_COFFEE)]
    assert note["text"].endswith("Priya.\nThanked her by email.")
    assert note["date"] == "2026-11-23"  # a note's weekday looks back
    assert note["kind"] == "meeting"


async def test_e_on_the_contact_page_edits_that_contact(app, db: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await select_contact(pilot, JANE)
        await pilot.press("enter")
        await wait_for_screen(pilot, ContactScreen)
        await pilot.press("e")
        await wait_for_screen(pilot, ContactForm)
        await replace_field(pilot, "phone", "+1 555 0100")
        before = db.read_bytes()
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, ContactScreen)
        await wait_until(pilot, lambda: db.read_bytes() != before)
        await settle(pilot)
        assert "Phone  +1 555 0100" in screen_text(app)
    assert read_db(db)["contacts"][str(JANE)]["phone"] == "+1 555 0100"


async def test_quick_add_from_the_contact_page_is_prefilled(app, db: Path) -> None:
    from netui.ui.dialogs.quick_add import QuickAddScreen

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await select_contact(pilot, ZOE)
        await pilot.press("enter")
        await wait_for_screen(pilot, ContactScreen)
        await pilot.press("f")
        await wait_for_screen(pilot, QuickAddScreen)
        assert app.screen.query_one("#line", Input).value == "Zoë Martin: "
        await paste(pilot, "send thanks tomorrow")
        before = db.read_bytes()
        await pilot.press("enter")
        await wait_for_screen(pilot, ContactScreen)
        await wait_until(pilot, lambda: db.read_bytes() != before)
        await settle(pilot)
        assert "Thu 26 Nov send thanks" in screen_text(app)
    docs = [d for d in read_db(db)["followups"].values() if d["text"] == "send thanks"]
    assert [(d["contact_id"], d["due"]) for d in docs] == [(ZOE, "2026-11-26")]


# --- a new contact in the form: someone already here is asked about (issue 11) -------------


async def open_new_contact_form(pilot, results: list[Any]) -> ContactForm:
    """The contact form on a new contact (what it returns goes into `results`)."""
    from netui.model import Contact

    app = pilot.app
    await settle(pilot)
    contacts = list((await app.snapshot()).network.contacts)
    app.push_screen(ContactForm(Contact(name=""), contacts), results.append)
    form = await wait_for_screen(pilot, ContactForm)
    assert "New contact" in screen_text(app)
    await replace_field(pilot, "name", "Bob Smith")
    await replace_field(pilot, "company", "Globex")
    return form


async def test_the_new_contact_form_asks_about_someone_already_here(app) -> None:
    from netui.ui.dialogs.duplicate import DuplicateScreen

    results: list[Any] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await open_new_contact_form(pilot, results)
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, DuplicateScreen)
        text = screen_text(app)
        assert "⚠ Bob Smith (Globex) is already here [id 2]: same name, same company" in text
        # Escape: back to the form, as typed.
        await pilot.press("escape")
        await wait_for_screen(pilot, ContactForm)
        assert app.screen.query_one("#company", Input).value == "Globex"
        assert results == []

        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, DuplicateScreen)
        await pilot.press("a")
        await wait_for_screen(pilot, MainScreen)
        await settle(pilot)
    (added,) = results
    assert added.name == "Bob Smith" and added.company == "Globex" and added.id is None


async def test_open_from_the_new_contact_form_shows_the_one_here(app) -> None:
    from netui.ui.dialogs.duplicate import DuplicateScreen

    results: list[Any] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await open_new_contact_form(pilot, results)
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, DuplicateScreen)
        await pilot.press("o")
        page = await wait_for_screen(pilot, ContactScreen)
        assert page.contact_id == BOB
    assert results == [None]


async def test_the_new_contact_form_saves_someone_new_without_asking(app) -> None:
    results: list[Any] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await open_new_contact_form(pilot, results)
        await replace_field(pilot, "name", "Robin Hart")
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, MainScreen)
    (added,) = results
    assert added.name == "Robin Hart"


async def test_editing_a_contact_never_asks(app, db: Path) -> None:
    """An edit is of someone here already: saved at once, as it always was."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await select_contact(pilot, BOB)
        await pilot.press("e")
        await wait_for_screen(pilot, ContactForm)
        await replace_field(pilot, "title", "Director")
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, MainScreen)
        await wait_until(pilot, lambda: read_db(db)["contacts"]["2"]["title"] == "Director")
