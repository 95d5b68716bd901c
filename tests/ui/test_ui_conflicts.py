"""Another writer, seen from the app: a form saves only what was changed in it; a field
another program changed too is shown with both values and asked about; undo is checked
the same way; a file with a wrong value opens read-only with a banner. The other writer
is a real second process (`netui add`, or a second netui using the store)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap
from pathlib import Path

from netkit import (
    JANE,
    flat,
    notifications,
    paste,
    read_db,
    screen_text,
    settle,
    type_text,
    wait_for_screen,
    wait_until,
)
from test_ui_edit import replace_field, select_contact

from netui.store import Store
from netui.ui.dialogs.conflict import ConflictScreen
from netui.ui.dialogs.forms import ContactForm
from netui.ui.screens.main import MainScreen

NETUI = str(Path(sys.executable).with_name("netui"))


async def shell(db: Path, *args: str) -> None:
    """`netui ARGS --db DB`, run from a shell while the app is open."""
    done = await asyncio.to_thread(
        subprocess.run, [NETUI, *args, "--db", str(db)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


async def other_app(db: Path, code: str) -> None:
    """`code` run by a second netui process with `store` open on `db`."""
    program = f"from netui.store import Store\nstore = Store.open({str(db)!r})\n"
    program += textwrap.dedent(code)
    done = await asyncio.to_thread(
        subprocess.run, [sys.executable, "-c", program], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


SET_TITLE = """
from dataclasses import replace
store.update_contact(replace(store.contact(1), title={title!r}), store.contact(1))
"""


async def open_jane_form(pilot) -> ContactForm:
    await settle(pilot)
    await select_contact(pilot, JANE)
    await pilot.press("e")
    return await wait_for_screen(pilot, ContactForm)


def jane(db: Path) -> dict:
    return read_db(db)["contacts"][str(JANE)]


async def test_a_form_keeps_the_status_a_shell_changed_meanwhile(app, db: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_jane_form(pilot)
        await shell(db, "add", "note", "--kind", "meeting", "Jane Doe: coffee again")
        await replace_field(pilot, "title", "Head of Design")
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, MainScreen)
        await settle(pilot)
    saved = jane(db)
    assert saved["title"] == "Head of Design"
    assert saved["status"] == "met"
    assert len(read_db(db)["notes"]) == 5  # the shell's note is there too


async def test_the_same_field_changed_elsewhere_is_shown_and_theirs_kept_on_t(
    app, db: Path
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_jane_form(pilot)
        await other_app(db, SET_TITLE.format(title="Chief Design Officer"))
        before = db.read_bytes()
        await replace_field(pilot, "title", "Head of Design")
        await replace_field(pilot, "phone", "+1 555 0100")
        await pilot.press("ctrl+s")

        dialog = await wait_for_screen(pilot, ConflictScreen)
        text = flat(screen_text(app))
        assert "Changed by another program since you started editing" in text
        assert "Jane Doe's title" in text
        assert "Chief Design Officer" in text and "Head of Design" in text
        assert db.read_bytes() == before  # nothing saved while the question is open
        assert dialog.conflicts[0].field == "title"

        await pilot.press("t")
        await wait_for_screen(pilot, MainScreen)
        await settle(pilot)
    saved = jane(db)
    assert (saved["title"], saved["phone"]) == ("Chief Design Officer", "+1 555 0100")


async def test_keep_mine_saves_mine_and_cancel_brings_the_form_back(app, db: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_jane_form(pilot)
        await other_app(db, SET_TITLE.format(title="CDO"))
        await replace_field(pilot, "title", "Head of Design")
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, ConflictScreen)
        await pilot.press("escape")  # cancel: the form is back, with what was typed
        form = await wait_for_screen(pilot, ContactForm)
        assert form.value("title") == "Head of Design"
        assert jane(db)["title"] == "CDO"
        assert "Cancelled: nothing was saved" in notifications(app)

        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, ConflictScreen)
        await pilot.press("m")
        await wait_for_screen(pilot, MainScreen)
        await settle(pilot)
    assert jane(db)["title"] == "Head of Design"


async def test_undo_puts_back_the_email_and_keeps_the_shells_status(app, db: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_jane_form(pilot)
        await replace_field(pilot, "email", "jane@new.example")
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, MainScreen)
        await settle(pilot)
        assert jane(db)["email"] == "jane@new.example"

        await shell(db, "add", "note", "--kind", "call", "Bob Smith: quick call")
        await other_app(db, SET_TITLE.format(title="CDO"))  # and another field of Jane's
        await pilot.press("ctrl+z")
        await wait_until(pilot, lambda: jane(db)["email"] == "jane@acme.com")
        await settle(pilot)
    assert jane(db)["title"] == "CDO"  # the other program's change stays


async def test_undo_of_an_added_contact_who_gained_a_follow_up_asks_first(app, db: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await type_text(pilot, "Cy Diaz")
        await pilot.press("enter")
        await wait_until(pilot, lambda: "7" in read_db(db)["contacts"])
        await settle(pilot)
        await shell(db, "add", "followup", "Cy Diaz: send the deck friday")
        before = db.read_bytes()

        await pilot.press("ctrl+z")
        await wait_for_screen(pilot, ConflictScreen)
        text = flat(screen_text(app))
        assert "Cy Diaz: the follow-up 'send the deck' added since" in text
        assert "Undo anyway (m)" in text
        await pilot.press("escape")
        await wait_for_screen(pilot, MainScreen)
        assert db.read_bytes() == before
        assert "Cancelled: nothing was undone" in notifications(app)

        await pilot.press("ctrl+z")
        await wait_for_screen(pilot, ConflictScreen)
        await pilot.press("m")
        await wait_until(pilot, lambda: "7" not in read_db(db)["contacts"])
        await settle(pilot)
    followups = read_db(db)["followups"].values()
    assert all(f["contact_id"] != 7 for f in followups)  # nothing left pointing at Cy


async def test_a_file_with_a_wrong_value_opens_read_only_with_a_banner(db: Path) -> None:
    from netkit import CLOCK

    from netui.ui.app import NetuiApp

    text = db.read_text().replace('"status": "met"', '"status": []', 1)
    db.write_text(text)
    before = db.read_bytes()
    app = NetuiApp(Store.open(db, clock=CLOCK, tolerant=True), clock=CLOCK, poll=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        shown = flat(screen_text(app))
        assert "Read-only — nothing can be saved: the file has 1 wrong value" in shown
        assert "Jane Doe" in shown  # the data is shown
        await pilot.press("a")
        await paste(pilot, "Cy Diaz")
        await pilot.press("enter")
        await wait_until(pilot, lambda: any("read-only" in n for n in notifications(app)))
    assert db.read_bytes() == before


async def test_a_field_left_alone_in_a_form_is_never_questioned(app, db: Path) -> None:
    """The note's text ends in a newline (as stored); only its date is changed here, while
    another program rewrites the text: no question, the other program's text stays."""
    from netkit import N_COFFEE

    from netui.ui.dialogs.forms import NoteForm

    await other_app(
        db,
        f"""
        from dataclasses import replace
        note = store.note({N_COFFEE})
        store.update_note(replace(note, text=note.text + "\\n"), note)
        """,
    )
    app.store.reload_if_changed()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await select_contact(pilot, JANE)
        await pilot.press("3", "e")
        await wait_for_screen(pilot, NoteForm)
        await other_app(
            db,
            f"""
            from dataclasses import replace
            note = store.note({N_COFFEE})
            store.update_note(replace(note, text="Coffee, rewritten elsewhere"), note)
            """,
        )
        await replace_field(pilot, "date", "2026-11-23")
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, MainScreen)
        await settle(pilot)
    saved = read_db(db)["notes"][str(N_COFFEE)]
    assert (saved["date"], saved["text"]) == ("2026-11-23", "Coffee, rewritten elsewhere")


async def test_undo_on_the_contact_page_asks_too(app, db: Path) -> None:
    from netui.ui.screens.contact import ContactScreen

    async with app.run_test(size=(120, 40)) as pilot:
        await open_jane_form(pilot)
        await replace_field(pilot, "title", "Head of Design")
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, MainScreen)
        await settle(pilot)
        await other_app(db, SET_TITLE.format(title="CDO"))
        await pilot.press("enter")
        await wait_for_screen(pilot, ContactScreen)
        await pilot.press("ctrl+z")
        await wait_for_screen(pilot, ConflictScreen)
        assert "undo puts back: Design Lead" in flat(screen_text(app))
        await pilot.press("m")
        await wait_until(pilot, lambda: jane(db)["title"] == "Design Lead")
