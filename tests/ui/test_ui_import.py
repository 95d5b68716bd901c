"""Importing from the app: the palette's "Import contacts…" opens a file picker; every
import is a preview first (what will be added, updated, skipped) and then one undoable
change, and a file that can't be read shows its line and writes nothing.

The picker starts in the home folder, which each test points at a folder of its own
(`HOME`), holding copies of the LinkedIn fixtures under `Downloads/`.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from netkit import (
    BOB,
    make_app,
    notifications,
    paste,
    read_db,
    screen_text,
    settle,
    type_text,
    wait_for_screen,
    wait_until,
)
from textual.command import CommandPalette
from textual.widgets import Button, Input, Select, Static

from netui.ui.screens.import_file import ImportFileTree, ImportScreen, OfferedChanges
from netui.ui.screens.main import MainScreen

LINKEDIN = Path(__file__).parent.parent / "data" / "linkedin"

PREVIEW_COUNTS = "added 4, updated 1, unchanged 0, skipped 2"
"""What `connections.csv` does to the fixed network: Jane Doe there is at Acme Corp, so
the Jane Doe of Acme, Inc. is someone new; Bob Smith at Globex gains his profile; two
rows are skipped (a hidden member, and a second row of the same profile)."""

NEW_NAMES = ("Jane Doe", "José Núñez", 'Ann O\'Neil "Annie"', "Li Wei")


@pytest.fixture
def user_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of the test's own, with the LinkedIn fixtures in `Downloads/`, a
    hidden folder, a hidden CSV and a text file (the last three are not listed)."""
    home = tmp_path / "user"
    downloads = home / "Downloads"
    downloads.mkdir(parents=True)
    for name in ("connections.csv", "malformed_fields.csv"):
        shutil.copy(LINKEDIN / name, downloads / name)
    (home / ".cache").mkdir()
    (home / ".secret.csv").write_text("First Name\n", encoding="utf-8")
    (downloads / "notes.txt").write_text("not an address book\n", encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    return home


def contact_names(db: Path) -> list[str]:
    return [doc["name"] for doc in read_db(db)["contacts"].values()]


def preview_text(screen: ImportScreen) -> str:
    return str(screen.query_one("#preview-text", Static).render())


def message_text(screen: ImportScreen) -> str:
    return str(screen.query_one("#message", Static).render())


async def open_import(pilot: Any) -> ImportScreen:
    """Open "Import contacts…" from the command palette, by name."""
    await settle(pilot)
    await pilot.press("ctrl+p")
    await wait_for_screen(pilot, CommandPalette)
    await type_text(pilot, "import")
    await wait_until(pilot, lambda: "Import contacts…" in screen_text(pilot.app))
    await pilot.press("enter")
    return await wait_for_screen(pilot, ImportScreen)


async def preview_path(pilot: Any, screen: ImportScreen, path: str) -> None:
    """Replace the path with `path`, press enter, and wait for the preview or the error."""
    await pilot.press("ctrl+u")  # the Input's "delete to the start of the line"
    await paste(pilot, path)
    await pilot.press("enter")
    await wait_until(pilot, lambda: not message_text(screen).startswith("Reading"))
    await wait_until(
        pilot,
        lambda: screen.plan is not None or "⚠" in message_text(screen),
    )
    await settle(pilot)


async def test_the_palette_offers_import_and_the_picker_starts_at_home(
    app, user_home: Path
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_import(pilot)
        field = screen.query_one("#path", Input)
        assert field.has_focus
        assert field.value == "~/"
        assert Path(screen.query_one(ImportFileTree).path) == user_home
        # Nothing was previewed on opening; the format waits for a file to guess from.
        assert screen.plan is None
        assert screen.query_one("#format", Select).value == "linkedin"
        assert not screen.query_one("#do-import").display
        assert "enter previews" in message_text(screen)


async def test_preview_then_import_is_one_change_and_one_undo(app, db: Path, user_home) -> None:
    before = read_db(db)["contacts"]
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_import(pilot)
        await preview_path(pilot, screen, "~/Downloads/connections.csv")
        shown = preview_text(screen)
        assert PREVIEW_COUNTS in shown
        assert "line 7 hidden member (no name)" in shown
        for name in NEW_NAMES:
            assert f"+ {name}" in shown
        assert "~ Bob Smith: linkedin" in shown
        # The preview wrote nothing; Import is focused, so enter imports.
        assert read_db(db)["contacts"] == before
        assert screen.query_one("#do-import", Button).has_focus
        history = len(app.store.history)
        await pilot.press("enter")
        await wait_for_screen(pilot, MainScreen)
        await settle(pilot)

        names = contact_names(db)
        for name in NEW_NAMES:
            assert name in names
        assert len(names) == len(before) + 4
        bob = read_db(db)["contacts"][str(BOB)]
        assert bob["linkedin"] == "https://www.linkedin.com/in/bob-smith-12345"
        assert len(app.store.history) == history + 1  # one undoable change
        assert any("Imported from LinkedIn: 4 added, 1 updated" in n for n in notifications(app))
        assert "10 contacts" in screen_text(app)

        await pilot.press("ctrl+z")
        await wait_until(pilot, lambda: len(contact_names(db)) == len(before))
        await settle(pilot)
        assert read_db(db)["contacts"] == before  # one undo takes all of it back
        assert any(n.startswith("Undid: imported from LinkedIn") for n in notifications(app))


async def test_a_malformed_file_shows_its_line_and_writes_nothing(app, db: Path, user_home) -> None:
    before = db.read_bytes()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_import(pilot)
        await preview_path(pilot, screen, "~/Downloads/malformed_fields.csv")
        message = message_text(screen)
        assert "malformed_fields.csv, line 6: 8 fields where the header has 7" in message
        assert screen.plan is None
        assert not screen.query_one("#do-import").display
        assert not screen.query_one("#preview").display
        # Enter again previews again (the same error); it never imports.
        await pilot.press("enter")
        await settle(pilot)
        assert "line 6" in message_text(screen)
        await pilot.press("escape")
        await wait_for_screen(pilot, MainScreen)
        await settle(pilot)
    assert db.read_bytes() == before


async def test_escape_after_the_preview_writes_nothing(app, db: Path, user_home) -> None:
    before = db.read_bytes()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_import(pilot)
        await preview_path(pilot, screen, str(user_home / "Downloads" / "connections.csv"))
        assert PREVIEW_COUNTS in preview_text(screen)
        await pilot.press("escape")
        await wait_for_screen(pilot, MainScreen)
        await settle(pilot)
        assert not app.store.history
    assert db.read_bytes() == before


async def test_cancel_button_after_the_preview_writes_nothing(app, db: Path, user_home) -> None:
    before = db.read_bytes()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_import(pilot)
        await preview_path(pilot, screen, "~/Downloads/connections.csv")
        await pilot.press("tab", "enter")  # from Import to Cancel
        await wait_for_screen(pilot, MainScreen)
        await settle(pilot)
    assert db.read_bytes() == before


async def test_picking_a_file_in_the_tree_fills_the_path_sets_the_format_and_previews(
    app, user_home: Path
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_import(pilot)
        tree = screen.query_one(ImportFileTree)
        await wait_until(pilot, lambda: len(tree.root.children) > 0)
        # Hidden files and folders, and files of other kinds, are not listed.
        assert [str(node.label) for node in tree.root.children] == ["Downloads"]
        # The format was set to something else: picking a file guesses it afresh.
        screen.query_one("#format", Select).value = "vcard"
        await settle(pilot)
        await pilot.press("tab")
        assert tree.has_focus
        await pilot.press("down", "enter")  # the root, then Downloads: open it
        downloads = tree.root.children[0]
        await wait_until(pilot, lambda: len(downloads.children) == 2)
        assert [str(node.label) for node in downloads.children] == [
            "connections.csv",
            "malformed_fields.csv",
        ]
        await pilot.press("down", "enter")
        await wait_until(pilot, lambda: screen.plan is not None)
        await settle(pilot)
        assert screen.query_one("#path", Input).value == "~/Downloads/connections.csv"
        assert screen.query_one("#format", Select).value == "linkedin"
        assert PREVIEW_COUNTS in preview_text(screen)
        assert screen.query_one("#do-import", Button).has_focus


async def test_typing_a_folder_shows_it_in_the_tree(app, user_home: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_import(pilot)
        await type_text(pilot, "Downloads")
        await pilot.press("enter")
        tree = screen.query_one(ImportFileTree)
        await wait_until(pilot, lambda: Path(tree.path) == user_home / "Downloads")
        await wait_until(pilot, lambda: len(tree.root.children) == 2)
        assert "Pick a file in ~/Downloads" in message_text(screen)
        assert screen.plan is None
        # backspace in the tree goes up a folder.
        await pilot.press("tab", "backspace")
        await wait_until(pilot, lambda: Path(tree.path) == user_home)


async def test_a_missing_file_is_named(app, db: Path, user_home) -> None:
    before = db.read_bytes()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_import(pilot)
        await preview_path(pilot, screen, "~/Downloads/nothing-here.csv")
        assert "There is no file at ~/Downloads/nothing-here.csv" in message_text(screen)
        assert screen.plan is None
    assert db.read_bytes() == before


async def test_editing_the_path_after_a_preview_takes_the_import_away(app, user_home) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_import(pilot)
        await preview_path(pilot, screen, "~/Downloads/connections.csv")
        assert screen.query_one("#do-import").display
        # Back past Accept all and the job change offered (Bob's title), the preview,
        # the format and the tree to the path.
        await pilot.press(*["shift+tab"] * 6)
        assert screen.query_one("#path", Input).has_focus
        await pilot.press("backspace")
        await settle(pilot)
        assert screen.plan is None
        assert not screen.query_one("#do-import").display
        assert not screen.query_one("#preview").display
        assert screen.query_one("#do-preview").display


async def test_a_file_already_imported_offers_only_close(app, db: Path, user_home) -> None:
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_import(pilot)
        await preview_path(pilot, screen, "~/Downloads/connections.csv")
        await pilot.press("a", "enter")  # Bob's new title accepted too: nothing left over
        await wait_for_screen(pilot, MainScreen)
        await settle(pilot)
        after = db.read_bytes()

        screen = await open_import(pilot)
        await preview_path(pilot, screen, "~/Downloads/connections.csv")
        assert "added 0, updated 0, unchanged 5" in preview_text(screen)
        assert "Nothing to import" in message_text(screen)
        assert not screen.query_one("#do-import").display
        assert not screen.query_one("#do-preview").display
        close = screen.query_one("#cancel", Button)
        assert str(close.label) == "Close (esc)"
        assert close.has_focus
        await pilot.press("enter")
        await wait_for_screen(pilot, MainScreen)
        await settle(pilot)
    assert db.read_bytes() == after


async def test_names_that_look_like_markup_are_shown_as_typed(
    app, db: Path, user_home: Path
) -> None:
    (user_home / "Downloads" / "markup.csv").write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "[b]x,[/],,,[link='https://x']y,,02 Apr 2021\n",
        encoding="utf-8",
    )
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_import(pilot)
        await preview_path(pilot, screen, "~/Downloads/markup.csv")
        assert "+ [b]x [/] ([link='https://x']y)" in preview_text(screen)
        assert "+ [b]x [/] ([link='https://x']y)" in screen_text(app)
        await pilot.press("enter")
        await wait_for_screen(pilot, MainScreen)
        await settle(pilot)
    assert "[b]x [/]" in contact_names(db)


async def test_the_dialog_fits_a_small_terminal(app, user_home: Path) -> None:
    """At 80x24 the preview takes the tree's place, and the buttons stay in view."""
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_import(pilot)
        assert screen.query_one(ImportFileTree).display
        await preview_path(pilot, screen, "~/Downloads/connections.csv")
        text = screen_text(app)
        assert "Import" in text and "Cancel (esc)" in text
        assert "added 4, updated 1" in text
        importing = screen.query_one("#do-import", Button)
        assert importing.region.bottom <= 24
        assert not screen.query_one(ImportFileTree).display


# --- vCard and CSV ----------------------------------------------------------------------------

VCARD = Path(__file__).parent.parent / "data" / "vcard"
IMPORT_UI = Path(__file__).parent.parent / "data" / "import_ui"


async def test_a_vcard_picked_in_the_tree_is_previewed_imported_and_undone(
    app, db: Path, user_home: Path
) -> None:
    (user_home / "Downloads" / "connections.csv").unlink()
    (user_home / "Downloads" / "malformed_fields.csv").unlink()
    shutil.copy(VCARD / "apple.vcf", user_home / "Downloads" / "apple.vcf")
    before = read_db(db)["contacts"]
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_import(pilot)
        tree = screen.query_one(ImportFileTree)
        await wait_until(pilot, lambda: len(tree.root.children) > 0)
        await pilot.press("tab", "down", "enter")
        await wait_until(pilot, lambda: len(tree.root.children[0].children) == 1)
        await pilot.press("down", "enter")
        await wait_until(pilot, lambda: screen.plan is not None)
        await settle(pilot)
        assert screen.query_one("#path", Input).value == "~/Downloads/apple.vcf"
        assert screen.query_one("#format", Select).value == "vcard"
        shown = preview_text(screen)
        assert "added 2, updated 0, unchanged 0, skipped 1: line 41 a company card" in shown
        assert "+ Chidi Okafor (Northwind Health)" in shown
        await pilot.press("enter")
        await wait_for_screen(pilot, MainScreen)
        await settle(pilot)
        assert "Chidi Okafor" in contact_names(db)
        assert any("Imported from vCard: 2 added, 1 skipped" in n for n in notifications(app))

        await pilot.press("ctrl+z")
        await wait_until(pilot, lambda: "Chidi Okafor" not in contact_names(db))
        await settle(pilot)
        assert read_db(db)["contacts"] == before
        assert any(n.startswith("Undid: imported from vCard") for n in notifications(app))


async def test_a_contacts_csv_is_guessed_and_keeps_who_referred_whom(
    app, db: Path, user_home: Path
) -> None:
    shutil.copy(IMPORT_UI / "contacts.csv", user_home / "Downloads" / "contacts.csv")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_import(pilot)
        await preview_path(pilot, screen, "~/Downloads/contacts.csv")
        assert screen.query_one("#format", Select).value == "csv"
        shown = preview_text(screen)
        assert "added 2, updated 0, unchanged 0, skipped 0" in shown
        assert "+ Mara Quinn (Fabrikam)" in shown
        await pilot.press("enter")
        await wait_for_screen(pilot, MainScreen)
        await settle(pilot)
    contacts = {doc["name"]: (key, doc) for key, doc in read_db(db)["contacts"].items()}
    mara_id, _mara = contacts["Mara Quinn"]
    _omar_id, omar = contacts["Omar Haddad"]
    assert omar["referred_by"] == int(mara_id)


@pytest.mark.parametrize(
    ("source", "name", "problem"),
    [
        (VCARD, "not_cards.vcf", "not_cards.vcf, line 1: expected BEGIN:VCARD"),
        (IMPORT_UI, "bad_date.csv", "line 3: 'yesterday-ish' in created is not a date"),
    ],
)
async def test_a_bad_vcard_or_csv_shows_its_line_and_writes_nothing(
    app, db: Path, user_home: Path, source: Path, name: str, problem: str
) -> None:
    shutil.copy(source / name, user_home / "Downloads" / name)
    before = db.read_bytes()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_import(pilot)
        await preview_path(pilot, screen, f"~/Downloads/{name}")
        message = message_text(screen)
        assert problem in message
        assert "othing imported" in message or "Nothing was imported" in message
        assert not screen.query_one("#do-import").display
        await pilot.press("escape")
        await wait_for_screen(pilot, MainScreen)
        await settle(pilot)
    assert db.read_bytes() == before


async def test_a_vcard_line_that_cant_be_read_is_listed_and_the_rest_imported(
    app, db: Path, user_home: Path
) -> None:
    shutil.copy(VCARD / "broken_line.vcf", user_home / "Downloads" / "broken_line.vcf")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_import(pilot)
        await preview_path(pilot, screen, "~/Downloads/broken_line.vcf")
        shown = preview_text(screen)
        assert "added 2, updated 0, unchanged 0, skipped 0; 1 thing in the file to check" in shown
        assert "! line 8: 'this line has no colon' is not a vCard property" in shown
        await pilot.press("enter")
        await wait_for_screen(pilot, MainScreen)
        await settle(pilot)
    assert {"Ann Lee", "Bo Chen"} <= set(contact_names(db))


async def test_a_format_chosen_by_hand_is_kept_and_previews_again(app, user_home: Path) -> None:
    shutil.copy(IMPORT_UI / "contacts.csv", user_home / "Downloads" / "contacts.csv")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_import(pilot)
        await preview_path(pilot, screen, "~/Downloads/contacts.csv")
        assert screen.query_one("#format", Select).value == "csv"
        # Choosing LinkedIn previews the same file as LinkedIn (and says why it isn't).
        screen.query_one("#format", Select).value = "linkedin"
        await wait_until(pilot, lambda: "no header row" in message_text(screen))
        assert screen.plan is None
        # Enter in the path previews with the chosen format; it is not guessed again.
        screen.query_one("#path", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        await wait_until(pilot, lambda: "no header row" in message_text(screen))
        assert screen.query_one("#format", Select).value == "linkedin"


async def test_a_refused_save_keeps_the_dialog_open_and_writes_nothing(
    app, db: Path, user_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from netui.errors import StoreError

    def refuse(*args: object, **kwargs: object) -> None:
        raise StoreError("the disk is full; nothing was saved")

    before = db.read_bytes()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_import(pilot)
        await preview_path(pilot, screen, "~/Downloads/connections.csv")
        monkeypatch.setattr(app.store, "apply_import", refuse)
        await pilot.press("enter")
        await wait_until(pilot, lambda: "Preview again" in message_text(screen))
        await settle(pilot)
        assert app.screen is screen
        assert screen.plan is None
        assert not screen.query_one("#do-import").display
        assert screen.query_one("#path", Input).has_focus
        assert any("the disk is full" in n for n in notifications(app))
    assert db.read_bytes() == before


# --- job changes seen on a re-import ----------------------------------------------------------

JOBS_BEFORE = """First Name,Last Name,URL,Email Address,Company,Position,Connected On
Mei,Chen,https://www.linkedin.com/in/mei-chen,,Acme,Designer,02 Apr 2021
Tom,Berg,https://www.linkedin.com/in/tom-berg,,Initech,Analyst,15 Mar 2020
Lena,Park,https://www.linkedin.com/in/lena-park,,Umbrella,Designer,01 Feb 2019
"""
JOBS_AFTER = """First Name,Last Name,URL,Email Address,Company,Position,Connected On
Mei,Chen,https://www.linkedin.com/in/mei-chen,,Globex,Designer,02 Apr 2021
Tom,Berg,https://www.linkedin.com/in/tom-berg,,Hooli,Analyst,15 Mar 2020
Lena,Park,https://www.linkedin.com/in/lena-park,,Umbrella,Lead,01 Feb 2019
"""
MEI_FOLLOWUP = (
    "Mei Chen moved to Globex, a target company: congratulate them and ask about the team"
)


def offers(screen: ImportScreen) -> OfferedChanges:
    return screen.query_one(OfferedChanges)


def offered_rows(screen: ImportScreen) -> list[str]:
    rows = offers(screen)
    return [str(rows.get_option_at_index(i).prompt) for i in range(rows.option_count)]


def by_name(db: Path) -> dict[str, tuple[int, dict[str, Any]]]:
    return {doc["name"]: (int(key), doc) for key, doc in read_db(db)["contacts"].items()}


def imported_then_edited(db: Path, user_home: Path) -> None:
    """Mei, Tom and Lena imported from LinkedIn earlier; Tom and Lena edited since;
    Globex marked as a target; a newer export in ~/Downloads/jobs.csv."""
    from dataclasses import replace

    from netkit import CLOCK

    from netui.interchange.linkedin import parse_connections, plan_import
    from netui.interchange.plan import apply_plan
    from netui.store import Store

    store = Store.open(db, clock=CLOCK)
    apply_plan(store, plan_import(parse_connections(JOBS_BEFORE), store.contacts()))
    for contact in store.contacts():
        if contact.name in ("Tom Berg", "Lena Park"):
            store.update_contact(replace(contact, how_met="Alumni dinner"), contact)
    store.set_target("Globex", True)
    (user_home / "Downloads" / "jobs.csv").write_text(JOBS_AFTER, encoding="utf-8")


async def test_job_changes_are_listed_and_the_ticked_offers_applied(
    db: Path, user_home: Path
) -> None:
    imported_then_edited(db, user_home)
    app = make_app(db)  # on the file as it is now
    notes_before = len(read_db(db)["notes"])
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_import(pilot)
        await preview_path(pilot, screen, "~/Downloads/jobs.csv")
        shown = preview_text(screen)
        assert (
            "* Mei Chen: Acme → Globex (applied; the old job kept in a note; Globex is a "
            "target company: a follow-up due today)"
        ) in shown
        assert "* Tom Berg: Initech → Hooli (offered:" in shown
        assert "* Lena Park: Designer at Umbrella → Lead at Umbrella (offered:" in shown
        # The offered ones, again, to tick: none ticked yet.
        assert offered_rows(screen) == [
            "Tom Berg: Initech → Hooli",
            "Lena Park: Designer at Umbrella → Lead at Umbrella",
        ]
        assert offers(screen).selected == []
        assert "2 job changes offered" in screen_text(app)
        assert screen.query_one("#do-import", Button).has_focus

        # Back to the list (past Accept all), down to Lena, tick her; then to Import.
        await pilot.press("shift+tab", "shift+tab")
        assert offers(screen).has_focus
        await pilot.press("down", "space")
        assert offers(screen).selected == [2]  # Lena's, the third job change
        await settle(pilot)
        assert "1 of 2 job changes accepted" in message_text(screen)
        await pilot.press("tab", "tab")
        assert screen.query_one("#do-import", Button).has_focus
        history = len(app.store.history)
        await pilot.press("enter")
        await wait_for_screen(pilot, MainScreen)
        await settle(pilot)
        assert len(app.store.history) == history + 1
        assert any("2 job changes noted" in n for n in notifications(app))

        people = by_name(db)
        mei_id, mei = people["Mei Chen"]
        assert mei["company"] == "Globex"  # untouched since imported: applied
        assert people["Lena Park"][1]["title"] == "Lead"  # offered, ticked
        assert people["Tom Berg"][1]["company"] == "Initech"  # offered, not ticked
        notes = {n["text"]: n for n in read_db(db)["notes"].values()}
        assert len(notes) == notes_before + 2
        moved = notes["Moved from Designer at Acme to Designer at Globex (LinkedIn import)"]
        assert (moved["contact_id"], moved["kind"], moved["date"]) == (mei_id, "note", "2026-11-25")
        assert "Moved from Designer at Umbrella to Lead at Umbrella (LinkedIn import)" in notes
        followup = next(f for f in read_db(db)["followups"].values() if f["contact_id"] == mei_id)
        assert (followup["text"], followup["due"]) == (MEI_FOLLOWUP, "2026-11-25")

        # The review screen has the move into a target company, due today.
        await pilot.press("r")
        await wait_until(pilot, lambda: "Mei Chen moved to Globex" in screen_text(app))
        await pilot.press("escape")
        await settle(pilot)

        # One undo takes it all back: the jobs, the notes, the follow-up.
        await pilot.press("ctrl+z")
        await wait_until(pilot, lambda: by_name(db)["Mei Chen"][1]["company"] == "Acme")
        await settle(pilot)
        assert by_name(db)["Lena Park"][1]["title"] == "Designer"
        assert len(read_db(db)["notes"]) == notes_before
        assert all(f["contact_id"] != mei_id for f in read_db(db)["followups"].values())


async def test_accept_all_applies_every_offer_and_a_reimport_reports_nothing(
    db: Path, user_home: Path
) -> None:
    imported_then_edited(db, user_home)
    app = make_app(db)  # on the file as it is now
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_import(pilot)
        await preview_path(pilot, screen, "~/Downloads/jobs.csv")
        await pilot.press("a")  # from the Import button: every offer ticked
        await settle(pilot)
        assert len(offers(screen).selected) == 2
        assert "2 of 2 job changes accepted" in message_text(screen)
        await pilot.press("enter")
        await wait_for_screen(pilot, MainScreen)
        await settle(pilot)
        people = by_name(db)
        assert people["Tom Berg"][1]["company"] == "Hooli"
        assert people["Lena Park"][1]["title"] == "Lead"
        after = db.read_bytes()

        screen = await open_import(pilot)
        await preview_path(pilot, screen, "~/Downloads/jobs.csv")
        assert "* " not in preview_text(screen)  # applied: not reported again
        assert not screen.query_one("#offered").display
        assert "Nothing to import" in message_text(screen)
        await pilot.press("escape")
        await wait_for_screen(pilot, MainScreen)
    assert db.read_bytes() == after


async def test_offers_left_unticked_import_nothing(app, db: Path, user_home: Path) -> None:
    """Bob Smith, typed by hand at Globex as an Engineering Manager, is a Director of
    Sales on LinkedIn: offered; with nothing else to import and nothing ticked, Import
    says so and writes nothing, and the Accept all button ticks the offer."""
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_import(pilot)
        await preview_path(pilot, screen, "~/Downloads/connections.csv")
        await pilot.press("enter")
        await wait_for_screen(pilot, MainScreen)
        await settle(pilot)
        before = db.read_bytes()
        assert by_name(db)["Bob Smith"][1]["title"] == "Engineering Manager"

        screen = await open_import(pilot)
        await preview_path(pilot, screen, "~/Downloads/connections.csv")
        assert "added 0, updated 0, unchanged 5" in preview_text(screen)
        assert offered_rows(screen) == [
            "Bob Smith: Engineering Manager at Globex → Director, Sales at Globex"
        ]
        assert "Tick the job changes to accept" in message_text(screen)
        await pilot.press("enter")  # Import, with nothing ticked
        await settle(pilot)
        assert "Nothing to import: tick a job change" in message_text(screen)
        assert app.screen is screen
        assert db.read_bytes() == before
        # The button does what `a` does.
        await pilot.press("shift+tab", "enter")
        await settle(pilot)
        assert offers(screen).selected == [0]
        await pilot.press("tab", "enter")
        await wait_for_screen(pilot, MainScreen)
        await settle(pilot)
    assert by_name(db)["Bob Smith"][1]["title"] == "Director, Sales"


async def test_a_typed_in_the_path_is_text_not_accept_all(app, user_home: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_import(pilot)
        await preview_path(pilot, screen, "~/Downloads/connections.csv")
        assert offered_rows(screen)  # Bob's new title, offered
        screen.query_one("#path", Input).focus()
        await pilot.press("end", "a")
        await settle(pilot)
        assert screen.query_one("#path", Input).value == "~/Downloads/connections.csva"
        assert screen.plan is None and not screen.query_one("#offered").display
