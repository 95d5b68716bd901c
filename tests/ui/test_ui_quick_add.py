"""Quick-add (`a`, `f`, `n`): the live preview, saving, errors that keep the text, cancel,
prefilling with the selected contact, and creating an unknown contact on the way."""

from __future__ import annotations

from pathlib import Path

from netkit import (
    BOB,
    JANE,
    paste,
    read_db,
    screen_text,
    settle,
    type_text,
    wait_for_generation,
    wait_for_screen,
    wait_until,
)
from textual.widgets import Input, Static

from netui.ui.dialogs.confirm import ConfirmScreen
from netui.ui.dialogs.duplicate import DuplicateScreen
from netui.ui.dialogs.quick_add import QuickAddScreen
from netui.ui.screens.contact import ContactScreen
from netui.ui.screens.main import MainScreen


def line(app) -> Input:
    return app.screen.query_one("#line", Input)


def preview(app) -> str:
    return str(app.screen.query_one("#preview", Static).render())


async def open_bar(pilot, key: str) -> QuickAddScreen:
    await pilot.press(key)
    return await wait_for_screen(pilot, QuickAddScreen)


async def test_a_shows_a_live_preview_and_enter_saves_the_contact(app, db: Path) -> None:
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await open_bar(pilot, "a")
        assert "New contact" in screen_text(app)
        assert line(app).value == ""  # a contact is never prefilled

        await type_text(pilot, "Ann Lee (Designer) @ Foo Inc #ux <ann@foo.com> via Jane")
        await settle(pilot)
        expected = (
            "→ contact Ann Lee, Designer, at Foo Inc  #ux  <ann@foo.com>  (referred by Jane Doe)"
        )
        assert preview(app) == expected
        assert expected in screen_text(app)
        assert len(read_db(db)["contacts"]) == 6  # nothing saved while typing

        before = app.store.generation
        await pilot.press("enter")
        await wait_for_generation(pilot, before)
        assert isinstance(app.screen, MainScreen)

        contacts = read_db(db)["contacts"]
        assert len(contacts) == 7
        (ann,) = [doc for doc in contacts.values() if doc["name"] == "Ann Lee"]
        assert ann["title"] == "Designer"
        assert ann["company"] == "Foo Inc"
        assert ann["tags"] == ["ux"]
        assert ann["email"] == "ann@foo.com"
        assert ann["referred_by"] == JANE
        assert ann["status"] == "lead"
        assert ann["created"] == "2026-11-25T09:00:00"

        text = screen_text(app)
        assert "Ann Lee" in text and "1 Contacts · 7" in text
        assert "Added Ann Lee" in text  # the toast


async def test_a_problem_keeps_the_text_and_shows_the_message(app, db: Path) -> None:
    before = db.read_bytes()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_bar(pilot, "a")
        await type_text(pilot, "Ann Lee (Designer @ Foo")
        await settle(pilot)
        message = "⚠ a title goes between ( and ), like (Design Lead)"
        assert preview(app) == message
        assert message in screen_text(app)

        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, QuickAddScreen)  # still open
        assert line(app).value == "Ann Lee (Designer @ Foo"  # the text is kept
        assert message in screen_text(app)

        # Fixing the text clears the message, and then it saves.
        await pilot.press("end", "left", "left", "left", "left", "left", "left")
        await type_text(pilot, ")")
        await settle(pilot)
        assert preview(app) == "→ contact Ann Lee, Designer, at Foo"
        await pilot.press("enter")
        await wait_until(pilot, lambda: db.read_bytes() != before)
    assert "Ann Lee" in [doc["name"] for doc in read_db(db)["contacts"].values()]


async def test_a_bad_email_is_refused_with_its_message(app, db: Path) -> None:
    before = db.read_bytes()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_bar(pilot, "a")
        await type_text(pilot, "Ann Lee <ann@foo>")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, QuickAddScreen)
        assert "'ann@foo' is not an email address" in preview(app)
        assert line(app).value == "Ann Lee <ann@foo>"
    assert db.read_bytes() == before


async def test_escape_cancels_and_saves_nothing(app, db: Path) -> None:
    before = db.read_bytes()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for key in ("a", "f", "n"):
            await open_bar(pilot, key)
            await paste(pilot, " Ann Lee tomorrow")
            await pilot.press("escape")
            await wait_for_screen(pilot, MainScreen)
            await settle(pilot)
        assert "Ann Lee" not in screen_text(app)
    assert db.read_bytes() == before


async def test_f_is_prefilled_with_the_selected_contact(app, db: Path) -> None:
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "j")  # Jane Doe
        await open_bar(pilot, "f")
        assert "New follow-up" in screen_text(app)
        assert line(app).value == "Jane Doe: "
        await paste(pilot, "send the deck next friday")
        await settle(pilot)
        assert preview(app) == "→ follow-up for Jane Doe: send the deck — due Fri 27 Nov"

        before = app.store.generation
        await pilot.press("enter")
        await wait_for_generation(pilot, before)
        text = screen_text(app)
        assert "Follow-up due Fri 27 Nov: send the deck" in text  # the toast
        assert "send the deck" in text and "2 Follow-ups · 5" in text

    followups = read_db(db)["followups"]
    (deck,) = [doc for doc in followups.values() if doc["text"] == "send the deck"]
    assert deck == {
        "contact_id": JANE,
        "text": "send the deck",
        "due": "2026-11-27",
        "done": None,
        "created": "2026-11-25T09:00:00",
        "advice": False,
    }


async def test_f_without_a_date_is_due_in_a_week(app, db: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_bar(pilot, "f")
        assert line(app).value == "Bob Smith: "
        await paste(pilot, "email 3 recruiters")
        await settle(pilot)
        assert preview(app) == (
            "→ follow-up for Bob Smith: email 3 recruiters — due Wed 2 Dec (in a week)"
        )
        before = app.store.generation
        await pilot.press("enter")
        await wait_for_generation(pilot, before)
    docs = [d for d in read_db(db)["followups"].values() if d["text"] == "email 3 recruiters"]
    assert [(d["contact_id"], d["due"]) for d in docs] == [(BOB, "2026-12-02")]


async def test_f_with_an_impossible_date_is_an_error_not_text(app, db: Path) -> None:
    before = db.read_bytes()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_bar(pilot, "f")
        await paste(pilot, "call by feb 30")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, QuickAddScreen)
        assert preview(app).startswith("⚠ ") and "Feb 30" in preview(app)
        assert line(app).value == "Bob Smith: call by feb 30"
    assert db.read_bytes() == before


async def test_n_is_prefilled_and_saves_a_dated_note(app, db: Path) -> None:
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("j")  # Carlos Ruiz
        await open_bar(pilot, "n")
        assert "New note" in screen_text(app)
        assert line(app).value == "Carlos Ruiz: "
        await paste(pilot, "yesterday, call about the role")
        await settle(pilot)
        assert preview(app) == "→ note for Carlos Ruiz on Tue 24 Nov: call about the role"
        before = app.store.generation
        await pilot.press("enter")
        await wait_for_generation(pilot, before)
        text = screen_text(app)
        assert "Note saved (Tue 24 Nov)" in text
        assert "Tue 24 Nov call about the" in text  # Carlos is selected: his notes show

    notes = [d for d in read_db(db)["notes"].values() if d["text"] == "call about the role"]
    assert [(d["contact_id"], d["date"], d["kind"]) for d in notes] == [(5, "2026-11-24", "note")]


async def test_ctrl_k_in_the_note_bar_cycles_the_kind_and_keeps_the_text(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        bar = await open_bar(pilot, "n")
        await type_text(pilot, "coffee with Bob")
        await pilot.press("home", "ctrl+k")
        await settle(pilot)
        assert line(app).value == "Bob Smith: coffee with Bob"
        assert str(bar.note_kind) == "meeting"
        assert "kind: meeting" in screen_text(app)


async def test_a_meeting_note_saved_from_the_bar_moves_the_contact_to_met(app, db: Path) -> None:
    """The kind can be chosen (here through the screen's action; ctrl+k is tested above);
    a meeting moves a contact along the loop."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "j", "j")  # Priya Patel, a lead
        bar = await open_bar(pilot, "n")
        bar.action_cycle_kind()
        await settle(pilot)
        assert "ctrl+k kind: meeting" in screen_text(app)
        await paste(pilot, "coffee, two names")
        before = app.store.generation
        await pilot.press("enter")
        await wait_for_generation(pilot, before)
    data = read_db(db)
    notes = [d for d in data["notes"].values() if d["text"] == "coffee, two names"]
    assert [(d["contact_id"], d["kind"]) for d in notes] == [(4, "meeting")]
    assert data["contacts"]["4"]["status"] == "met"


async def test_right_arrow_completes_a_contact_name(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_bar(pilot, "f")
        await pilot.press("ctrl+u")
        await type_text(pilot, "Pri")
        await wait_until(pilot, lambda: line(app)._suggestion == "Priya Patel: ")
        await pilot.press("right")
        assert line(app).value == "Priya Patel: "


async def test_tab_completes_a_contact_name_as_the_hint_says(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_bar(pilot, "f")
        assert "tab/→ complete a name" in screen_text(app)
        await pilot.press("ctrl+u")
        await type_text(pilot, "Pri")
        await wait_until(pilot, lambda: line(app)._suggestion == "Priya Patel: ")
        await pilot.press("tab")
        await settle(pilot)
        assert line(app).value == "Priya Patel: "


async def test_an_unknown_name_offers_to_create_the_contact(app, db: Path) -> None:
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await open_bar(pilot, "f")
        await pilot.press("ctrl+u")
        await paste(pilot, "Maria Gomez: send my CV tomorrow")
        await settle(pilot)
        assert preview(app) == "⚠ no contact 'Maria Gomez' — enter creates it"

        await pilot.press("enter")
        confirm = await wait_for_screen(pilot, ConfirmScreen)
        question = "No contact matches 'Maria Gomez'. Create Maria Gomez as a new contact?"
        assert str(confirm.query_one("#question").render()) == question
        assert "No contact matches 'Maria Gomez'. Create Maria Gomez as a new" in (screen_text(app))
        assert "Create (y)" in screen_text(app) and "Cancel (n)" in screen_text(app)
        assert confirm.confirm_label == "Create"
        await pilot.press("y")
        await wait_for_screen(pilot, MainScreen)
        await wait_until(pilot, lambda: len(read_db(db)["followups"]) == 6)
        await settle(pilot)
        assert "Maria Gomez" in screen_text(app)

    data = read_db(db)
    (maria_id,) = [k for k, d in data["contacts"].items() if d["name"] == "Maria Gomez"]
    (cv,) = [d for d in data["followups"].values() if d["text"] == "send my CV"]
    assert cv["contact_id"] == int(maria_id)
    assert cv["due"] == "2026-11-26"


async def test_declining_to_create_goes_back_to_the_bar_with_the_text(app, db: Path) -> None:
    before = db.read_bytes()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_bar(pilot, "n")
        await pilot.press("ctrl+u")
        await paste(pilot, "Maria Gomez: met at the fair")
        await pilot.press("enter")
        await wait_for_screen(pilot, ConfirmScreen)
        await pilot.press("n")
        await wait_for_screen(pilot, QuickAddScreen)
        assert line(app).value == "Maria Gomez: met at the fair"
        await pilot.press("escape")
        await wait_for_screen(pilot, MainScreen)
        await settle(pilot)
    assert db.read_bytes() == before


async def test_quick_add_on_an_empty_network(empty_db: Path) -> None:
    from netkit import make_app

    app = make_app(empty_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_bar(pilot, "f")
        assert line(app).value == ""  # nobody to prefill with
        await pilot.press("escape")
        await wait_for_screen(pilot, MainScreen)
        await open_bar(pilot, "a")
        await type_text(pilot, "Jane Doe @ Acme")
        before = app.store.generation
        await pilot.press("enter")
        await wait_for_generation(pilot, before)
        assert app.screen.query_one("#contacts-list").cursor_key == 1
        assert "No contacts yet" not in screen_text(app)
    assert [d["name"] for d in read_db(empty_db)["contacts"].values()] == ["Jane Doe"]


# --- who is who: a contact already here, a label, a near miss (issue 11) -------------------


def warning(app) -> str:
    return str(app.screen.query_one("#duplicate", Static).render())


JANE_AGAIN = "Jane Doe @ Acme Corp <JANE@acme.com>"
JANE_HERE = "⚠ Jane Doe (Acme Corp) is already here [id 1]: same email, same name, same company"


async def type_jane_again(pilot) -> None:
    """Open the contact bar on Jane Doe again; wait for the warning."""
    await settle(pilot)
    await open_bar(pilot, "a")
    await paste(pilot, JANE_AGAIN)
    await wait_until(pilot, lambda: warning(pilot.app) == JANE_HERE)


async def test_a_contact_already_here_is_named_in_the_preview(app, db: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await type_jane_again(pilot)
        text = screen_text(app)
        assert "→ contact Jane Doe, at Acme Corp  <JANE@acme.com>" in text
        assert JANE_HERE in text
        assert "enter asks: open it or add anyway" in text
        # Another name: the warning goes.
        await pilot.press("ctrl+u")
        await paste(pilot, "Janet Dole @ Initech")
        await settle(pilot)
        assert preview(app) == "→ contact Janet Dole, at Initech"
        assert warning(app) == ""
        assert "enter save · esc cancel" in screen_text(app)


async def test_enter_asks_and_add_anyway_saves_a_second_contact(app, db: Path) -> None:
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await type_jane_again(pilot)
        await pilot.press("enter")
        ask = await wait_for_screen(pilot, DuplicateScreen)
        text = screen_text(app)
        assert JANE_HERE in text
        assert "Open Jane Doe [id 1], or add Jane Doe as another contact anyway?" in text
        assert "Open Jane Doe (o)" in text and "Add anyway (a)" in text
        assert len(read_db(db)["contacts"]) == 6  # nothing saved yet
        assert ask is app.screen

        before = app.store.generation
        await pilot.press("a")
        await wait_for_generation(pilot, before)
        assert isinstance(app.screen, MainScreen)
    janes = [d for d in read_db(db)["contacts"].values() if d["name"] == "Jane Doe"]
    assert len(janes) == 2
    assert sorted(d["email"] for d in janes) == ["JANE@acme.com", "jane@acme.com"]


async def test_open_on_the_question_shows_the_contact_already_here(app, db: Path) -> None:
    before = db.read_bytes()
    async with app.run_test(size=(120, 40)) as pilot:
        await type_jane_again(pilot)
        await pilot.press("enter")
        await wait_for_screen(pilot, DuplicateScreen)
        await pilot.press("enter")  # the Open button has the focus
        page = await wait_for_screen(pilot, ContactScreen)
        assert page.contact_id == JANE
        await pilot.press("escape")
        await wait_for_screen(pilot, MainScreen)
        await settle(pilot)
    assert db.read_bytes() == before


async def test_escape_on_the_question_goes_back_to_the_line(app, db: Path) -> None:
    before = db.read_bytes()
    async with app.run_test(size=(120, 40)) as pilot:
        await type_jane_again(pilot)
        await pilot.press("enter")
        await wait_for_screen(pilot, DuplicateScreen)
        await pilot.press("escape")
        await wait_for_screen(pilot, QuickAddScreen)
        assert line(app).value == JANE_AGAIN
        assert warning(app) == JANE_HERE
        await pilot.press("escape")
        await wait_for_screen(pilot, MainScreen)
    assert db.read_bytes() == before


async def test_enter_right_after_typing_still_asks(app, db: Path) -> None:
    """Enter waits for the look-up of the line as typed (never saves past it)."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_bar(pilot, "a")
        await paste(pilot, "Bob Smith @ Globex")
        await pilot.press("enter")
        await wait_for_screen(pilot, DuplicateScreen)
        assert "Bob Smith (Globex) is already here [id 2]: same name, same company" in (
            screen_text(app)
        )
        await pilot.press("escape")
        await wait_for_screen(pilot, QuickAddScreen)
    assert len(read_db(db)["contacts"]) == 6


async def test_a_label_line_saves_a_follow_up_about_no_one(app, db: Path) -> None:
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await open_bar(pilot, "f")
        await pilot.press("ctrl+u")
        await paste(pilot, "Re: send intro email")
        await settle(pilot)
        assert preview(app) == (
            "→ follow-up for no one ('Re' is a label): Re: send intro email — due Wed 2 Dec"
            " (in a week)"
        )
        before = app.store.generation
        await pilot.press("enter")
        await wait_for_generation(pilot, before)
    (saved,) = [d for d in read_db(db)["followups"].values() if "send intro email" in d["text"]]
    assert saved["text"] == "Re: send intro email"  # (the label stays in the text)
    assert saved["contact_id"] is None


async def test_a_near_miss_is_suggested_but_enter_creates_the_name_typed(app, db: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_bar(pilot, "n")
        await pilot.press("ctrl+u")
        await paste(pilot, "Pri: met at the fair")
        await settle(pilot)
        assert preview(app) == ("⚠ no contact 'Pri'; did you mean Priya Patel? — enter creates it")
        await pilot.press("enter")
        confirm = await wait_for_screen(pilot, ConfirmScreen)
        assert str(confirm.query_one("#question").render()) == (
            "No contact matches 'Pri'. Create Pri as a new contact?"
        )
        await pilot.press("n")
        await wait_for_screen(pilot, QuickAddScreen)
