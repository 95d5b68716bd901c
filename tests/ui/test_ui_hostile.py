"""Names of files and folders never drive the terminal either (issue 9, section 3): the
import picker shows them as `netui.text.shown` makes them, and still opens the real file.

(The data file's own text is made displayable where it is read, `netui.store.convert`;
tests/e2e/test_e2e_hostile_bytes.py checks every screen's bytes in a real terminal.)
"""

from __future__ import annotations

import re
from pathlib import Path

from netkit import read_db, screen_text, settle, wait_for_screen, wait_until
from textual.widgets import Input, Static

from netui.ui.screens.import_file import ImportFileTree, ImportScreen
from netui.ui.screens.main import MainScreen

EVIL = "evil\x1b]52;c;RVZJTA==\x07\u202e"
"""A file name part that would set the clipboard and reverse the line, if printed."""
EVIL_SHOWN = "evil␛]52;c;RVZJTA==␇\ufffd"

CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

CARD = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Quinn\x1b[2J Hostile\r\nEND:VCARD\r\n"


def message_text(screen: ImportScreen) -> str:
    return str(screen.query_one("#message", Static).render())


async def test_the_picker_shows_file_names_safely_and_imports_the_real_file(
    app, db: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    (folder / f"{EVIL}.vcf").write_text(CARD, encoding="utf-8")
    (folder / f"dir{EVIL}").mkdir()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.push_screen(ImportScreen(folder))
        screen = await wait_for_screen(pilot, ImportScreen)
        tree = screen.query_one(ImportFileTree)
        await wait_until(pilot, lambda: len(tree.root.children) == 2)
        assert sorted(str(node.label) for node in tree.root.children) == [
            f"dir{EVIL_SHOWN}",
            f"{EVIL_SHOWN}.vcf",
        ]
        # Pick the file: the path field shows it safely, and the preview reads the file.
        await pilot.press("tab")
        assert tree.has_focus
        file_line = 1 + [str(n.label) for n in tree.root.children].index(f"{EVIL_SHOWN}.vcf")
        await pilot.press(*["down"] * file_line, "enter")
        await wait_until(pilot, lambda: screen.plan is not None)
        await settle(pilot)
        assert screen.query_one("#path", Input).value.endswith(f"{EVIL_SHOWN}.vcf")
        preview = str(screen.query_one("#preview-text", Static).render())
        assert f"{EVIL_SHOWN}.vcf" in preview and "+ Quinn [2J Hostile" in preview
        assert not CONTROLS.search(screen_text(app))
        await pilot.press("enter")  # Import
        await wait_for_screen(pilot, MainScreen)
        await settle(pilot)
    names = [doc["name"] for doc in read_db(db)["contacts"].values()]
    assert "Quinn [2J Hostile" in names


async def test_a_problem_with_such_a_file_is_told_safely(app, tmp_path: Path) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    # Not a vCard at all (a stray Latin-1 byte alone no longer refuses a file).
    (folder / f"{EVIL}.vcf").write_bytes(b"caf\xe9\r\nFN:x\r\n")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.push_screen(ImportScreen(folder))
        screen = await wait_for_screen(pilot, ImportScreen)
        field = screen.query_one("#path", Input)
        field.value = str(folder / f"{EVIL}.vcf")  # as if pasted: the real name
        await pilot.press("enter")
        await wait_until(pilot, lambda: "⚠" in message_text(screen))
        await settle(pilot)
        message = message_text(screen)
        assert f"{EVIL_SHOWN}.vcf, line 1: expected BEGIN:VCARD, found 'café'" in message
        # (The path field shows what was typed or pasted into it, as Textual's Input does.)
        assert not CONTROLS.search(message)
