"""`x` deletes after a confirmation that says what goes with it; `ctrl+z` undoes, many
steps back, and puts the documents in the file back exactly as they were."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from netkit import (
    BOB,
    CARLOS,
    DANA,
    F_INTRO,
    JANE,
    N_RESUME,
    ZOE,
    notifications,
    paste,
    read_db,
    screen_text,
    settle,
    wait_for_generation,
    wait_for_screen,
    wait_until,
)
from textual.widgets import OptionList, Static

from netui.ui.dialogs.confirm import ConfirmScreen
from netui.ui.dialogs.forms import ContactForm, FollowUpForm
from netui.ui.dialogs.quick_add import QuickAddScreen
from netui.ui.dialogs.snooze import SnoozeScreen
from netui.ui.screens.main import MainScreen

DATA_TABLES = ("contacts", "followups", "notes")


def documents(db: Path) -> dict[str, Any]:
    """The data tables of the file (meta holds bookkeeping that undo need not restore)."""
    data = read_db(db)
    return {table: data[table] for table in DATA_TABLES}


def list_text(app, pane: str = "contacts") -> str:
    """The text of a pane's rows (not the toasts above them)."""
    rows = app.screen.query_one(f"#{pane}-list").rows
    return "\n".join(" ".join(row.cells) for row in rows)


async def select(pilot, pane: str, key: int) -> None:
    await pilot.press({"contacts": "1", "followups": "2", "notes": "3"}[pane])
    found = pilot.app.screen.query_one(f"#{pane}-list").select_key(key)
    assert found, f"{key} is not in the {pane} pane"
    await settle(pilot)


async def test_x_asks_naming_what_goes_with_the_contact_and_n_keeps_it(app, db: Path) -> None:
    before = db.read_bytes()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await select(pilot, "contacts", JANE)
        await pilot.press("x")
        confirm = await wait_for_screen(pilot, ConfirmScreen)
        question = "Delete Jane Doe, with 2 notes and 2 follow-ups?"
        assert str(confirm.query_one("#question", Static).render()) == question
        assert question in screen_text(app)
        assert "Delete (y)" in screen_text(app) and "Cancel (n)" in screen_text(app)

        await pilot.press("n")
        await wait_for_screen(pilot, MainScreen)
        await settle(pilot)
        assert "Jane Doe" in screen_text(app)
        # escape declines too
        await pilot.press("x")
        await wait_for_screen(pilot, ConfirmScreen)
        await pilot.press("escape")
        await wait_for_screen(pilot, MainScreen)
        await settle(pilot)
    assert db.read_bytes() == before


async def test_x_then_y_deletes_the_contact_with_notes_and_follow_ups(app, db: Path) -> None:
    original = documents(db)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await select(pilot, "contacts", JANE)
        await pilot.press("x")
        await wait_for_screen(pilot, ConfirmScreen)
        before = app.store.generation
        await pilot.press("y")
        await wait_for_screen(pilot, MainScreen)
        await wait_for_generation(pilot, before)
        text = screen_text(app)
        message = "Deleted Jane Doe, with 2 notes and 2 follow-ups (ctrl+z to undo)"
        assert message in notifications(app)
        assert message[:50] in text  # the toast (wrapped on screen)
        assert "1 Contacts · 5" in text and "Jane Doe" not in list_text(app)
        assert "send the portf" not in text

        data = documents(db)
        assert str(JANE) not in data["contacts"]
        assert all(f["contact_id"] != JANE for f in data["followups"].values())
        assert all(n["contact_id"] != JANE for n in data["notes"].values())
        # Zoë, whom Jane referred, stays, without a referrer.
        assert data["contacts"][str(ZOE)]["referred_by"] is None

        before = app.store.generation
        await pilot.press("ctrl+z")
        await wait_for_generation(pilot, before)
        assert documents(db) == original
        text = screen_text(app)
        assert "Undid: deleted Jane Doe, with 2 notes and 2 follow-ups" in notifications(app)
        assert "Undid: deleted Jane Doe" in text
        assert "Jane Doe" in list_text(app) and "1 Contacts · 6" in text


async def test_x_on_a_follow_up_and_on_a_note(app, db: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await select(pilot, "followups", F_INTRO)
        await pilot.press("x")
        confirm = await wait_for_screen(pilot, ConfirmScreen)
        assert confirm.question == "Delete the follow-up 'reply to the intro email'?"
        before = app.store.generation
        await pilot.press("y")
        await wait_for_generation(pilot, before)
        assert str(F_INTRO) not in read_db(db)["followups"]

        await select(pilot, "contacts", BOB)
        await select(pilot, "notes", N_RESUME)
        await pilot.press("x")
        confirm = await wait_for_screen(pilot, ConfirmScreen)
        assert confirm.question == "Delete the note of Tue 3 Nov?"
        before = app.store.generation
        await pilot.press("y")
        await wait_for_generation(pilot, before)
        assert str(N_RESUME) not in read_db(db)["notes"]
        assert "No notes: press n to add" in screen_text(app)


async def test_x_on_the_contact_page_deletes_and_goes_back(app, db: Path) -> None:
    from netui.ui.screens.contact import ContactScreen

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await select(pilot, "contacts", CARLOS)  # no follow-ups, no notes
        await pilot.press("enter")
        await wait_for_screen(pilot, ContactScreen)
        await pilot.press("x")
        confirm = await wait_for_screen(pilot, ConfirmScreen)
        assert confirm.question == "Delete Carlos Ruiz?"
        before = app.store.generation
        await pilot.press("y")
        await wait_for_screen(pilot, MainScreen)
        await wait_for_generation(pilot, before)
        assert "Carlos Ruiz" not in screen_text(app)
    assert str(CARLOS) not in read_db(db)["contacts"]


async def test_ctrl_z_with_nothing_to_undo_says_so(app, db: Path) -> None:
    before = db.read_bytes()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert "Nothing to undo" in screen_text(app)
    assert db.read_bytes() == before


# --- many steps ---------------------------------------------------------------------------


async def quick_add(pilot, key: str, text: str, *, clear: bool = False) -> None:
    await pilot.press(key)
    await wait_for_screen(pilot, QuickAddScreen)
    if clear:
        await pilot.press("ctrl+u")
    await paste(pilot, text)
    await pilot.press("enter")


async def done(pilot) -> None:
    await pilot.press("2", "d")


async def snooze_first_option(pilot) -> None:
    await pilot.press("2", "s")
    await wait_for_screen(pilot, SnoozeScreen)
    assert pilot.app.screen.query_one(OptionList).highlighted == 0  # "+1 day"
    await pilot.press("enter")


async def edit_field(pilot, pane_key: str, form: type, field_id: str, text: str) -> None:
    await pilot.press(pane_key, "e")
    screen = await wait_for_screen(pilot, form)
    field = screen.query_one(f"#{field_id}")
    while screen.focused is not field:
        await pilot.press("tab")
    await pilot.press("end", "ctrl+u")
    await paste(pilot, text)
    await pilot.press("ctrl+s")


async def delete_selected(pilot, pane_key: str) -> None:
    await pilot.press(pane_key, "x")
    await wait_for_screen(pilot, ConfirmScreen)
    await pilot.press("y")


async def test_undo_goes_back_through_24_changes_exactly(app, db: Path) -> None:
    """Make 24 changes of every kind through the keys, then undo them one by one: after
    each ctrl+z the file's documents are exactly what they were before that change."""
    steps = [
        ("add contact", lambda p: quick_add(p, "a", "Ann Lee (Designer) @ Foo #ux")),
        ("add contact", lambda p: quick_add(p, "a", "Ben Ode @ Bar via Jane")),
        ("follow-up", lambda p: quick_add(p, "f", "call back tomorrow")),
        ("note", lambda p: quick_add(p, "n", "yesterday, met at the fair")),
        ("done", done),
        ("done again", done),
        ("snooze", snooze_first_option),
        ("snooze again", snooze_first_option),
        ("edit contact", lambda p: edit_field(p, "1", ContactForm, "email", "x@y.io")),
        ("edit follow-up", lambda p: edit_field(p, "2", FollowUpForm, "due", "next friday")),
        ("delete follow-up", lambda p: delete_selected(p, "2")),
        ("delete contact", lambda p: delete_selected(p, "1")),
        ("follow-up", lambda p: quick_add(p, "f", "Dana: thank her", clear=True)),
        ("note", lambda p: quick_add(p, "n", "Dana: sent the thank-you", clear=True)),
        ("edit contact", lambda p: edit_field(p, "1", ContactForm, "title", "Boss")),
        ("done", done),
        ("snooze", snooze_first_option),
        ("delete contact", lambda p: delete_selected(p, "1")),
        ("add contact", lambda p: quick_add(p, "a", "Cy Young <cy@young.org>")),
        ("follow-up", lambda p: quick_add(p, "f", "Cy: coffee next week", clear=True)),
        ("edit follow-up", lambda p: edit_field(p, "2", FollowUpForm, "text", "new task")),
        ("done", done),
        ("delete contact", lambda p: delete_selected(p, "1")),
        ("add contact", lambda p: quick_add(p, "a", "Dee Last")),
    ]
    assert len(steps) >= 20
    snapshots = [documents(db)]
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for number, (name, step) in enumerate(steps, 1):
            before = app.store.generation
            await step(pilot)
            await wait_for_screen(pilot, MainScreen)
            await wait_for_generation(pilot, before)
            snapshots.append(documents(db))
            assert snapshots[-1] != snapshots[-2], f"step {number} ({name}) changed nothing"
        assert len(app.store.history) == len(steps)

        for number in range(len(steps), 0, -1):
            before = app.store.generation
            await pilot.press("ctrl+z")
            await wait_for_generation(pilot, before)
            assert documents(db) == snapshots[number - 1], f"undo of step {number}"
        assert documents(db) == snapshots[0]
        await settle(pilot)
        # What the user sees is the network as it was.
        text = screen_text(app)
        assert "1 Contacts · 6" in text and "2 Follow-ups · 4" in text
        for name in ("Ann Lee", "Ben Ode", "Cy Young", "Dee Last"):
            assert name not in text

        before = db.read_bytes()
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert db.read_bytes() == before  # nothing left to undo


async def test_undo_keeps_a_change_made_by_another_process(app, db: Path) -> None:
    """Undo puts back only this session's documents: a contact added meanwhile by
    `netui add` (another Store on the same file) stays."""
    from netkit import CLOCK

    from netui.model import Contact
    from netui.store import Store

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await select(pilot, "contacts", DANA)
        await pilot.press("x")
        await wait_for_screen(pilot, ConfirmScreen)
        before = app.store.generation
        await pilot.press("y")
        await wait_for_generation(pilot, before)

        Store.open(db, clock=CLOCK).add_contact(Contact("Outside Person"))

        before = app.store.generation
        await pilot.press("ctrl+z")
        await wait_until(pilot, lambda: str(DANA) in read_db(db)["contacts"])
        await settle(pilot)
        names = [c["name"] for c in read_db(db)["contacts"].values()]
        assert "Outside Person" in names and "Dana Lee" in names
        assert "Outside Person" in screen_text(app) and "Dana Lee" in screen_text(app)
