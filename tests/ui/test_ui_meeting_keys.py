"""The meeting log in few keys: outcomes first, a key to each section, $EDITOR for long
text, a readable date field at 40x12; and the follow-up and note forms' "Nothing changed".

The keystroke count of the issue's flow (a meeting with two new names, each a lead
referred by the person, a thank-you due tomorrow) is counted here: every key that is not
part of the typed text goes through `command`, and there are three (`m`, `^n`, `^s`).
"""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest
from netkit import (
    F_PORTFOLIO,
    JANE,
    N_COFFEE,
    notifications,
    read_db,
    screen_text,
    settle,
    type_text,
    wait_for_generation,
    wait_for_screen,
    wait_until,
)
from test_ui_edit import select_contact
from textual.widgets import Input, TextArea

from netui.ui.dialogs.forms import FollowUpForm, NoteForm
from netui.ui.screens.main import MainScreen
from netui.ui.screens.meeting_log import MeetingLogScreen


class Keys:
    """Presses keys, counting those that are not typed text."""

    def __init__(self, pilot) -> None:
        self.pilot = pilot
        self.commands: list[str] = []

    async def command(self, key: str) -> None:
        self.commands.append(key)
        await self.pilot.press(key)

    async def text(self, text: str) -> None:
        """Typed text; a newline is the enter key, as it is typed."""
        for number, line in enumerate(text.split("\n")):
            if number:
                await self.pilot.press("enter")
            await type_text(self.pilot, line)


async def test_two_new_names_take_three_keys_beyond_the_text(app, db: Path) -> None:
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await select_contact(pilot, JANE)  # (the person met is selected: not counted)
        keys = Keys(pilot)

        await keys.command("m")
        await wait_for_screen(pilot, MeetingLogScreen)
        await settle(pilot)
        await keys.text("Coffee at her office; the team is hiring in spring")
        await keys.command("ctrl+n")
        await keys.text("Lee Wong @ Acme\nSam Ortiz (Designer) @ Globex")
        await settle(pilot)
        before = app.store.generation
        await keys.command("ctrl+s")
        await wait_for_generation(pilot, before)
        await wait_for_screen(pilot, MainScreen)

        assert keys.commands == ["m", "ctrl+n", "ctrl+s"]
        data = read_db(db)
        leads = {
            doc["name"]: doc
            for doc in data["contacts"].values()
            if doc["name"] in ("Lee Wong", "Sam Ortiz")
        }
        assert {
            name: (d["company"], d["status"], d["referred_by"]) for name, d in leads.items()
        } == {
            "Lee Wong": ("Acme", "lead", JANE),
            "Sam Ortiz": ("Globex", "lead", JANE),
        }
        thanks = [
            (f["text"], f["due"])
            for f in data["followups"].values()
            if f["contact_id"] == JANE and f["text"] == "Send a thank-you note"
        ]
        assert thanks == [("Send a thank-you note", "2026-11-26")]
        (note,) = [
            n
            for n in data["notes"].values()
            if n["contact_id"] == JANE and n["text"].startswith("Coffee at her office")
        ]
        assert note["kind"] == "meeting" and note["date"] == "2026-11-25"


async def test_the_outcomes_come_first_and_each_section_has_a_key(app, db: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await select_contact(pilot, JANE)
        await pilot.press("m")
        screen = await wait_for_screen(pilot, MeetingLogScreen)
        await settle(pilot)
        assert screen.focused is screen.query_one("#notes")

        order = ["#notes", "#names", "#promises", "#thanked", "#companies", "#feedback"]
        tops = [screen.query_one(selector).virtual_region.y for selector in order]
        assert tops == sorted(tops)
        assert screen.query_one("#answers").virtual_region.y > tops[-1]  # answers after

        for key, field in [
            ("ctrl+n", "names"),
            ("ctrl+t", "promises"),
            ("ctrl+o", "notes"),
            ("alt+d", "date"),
            ("alt+c", "companies"),
            ("alt+f", "feedback"),
            ("alt+n", "names"),
            ("alt+p", "promises"),
        ]:
            await pilot.press(key)
            await settle(pilot, rounds=1)
            assert screen.focused is not None and screen.focused.id == field, key

        footer = screen_text(app).splitlines()[-1]
        for shown in ("^s Save", "^o Notes", "^n Names", "^t Promises", "^g Editor"):
            assert shown in footer


async def test_the_answers_key_reaches_the_first_answer(app, db: Path) -> None:
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        app.push_screen(MeetingLogScreen(JANE))
        screen = await wait_for_screen(pilot, MeetingLogScreen)
        await settle(pilot)
        answers = list(screen.query(".answer"))
        await pilot.press("ctrl+r")
        await settle(pilot)
        if answers:
            assert screen.focused is answers[0]
        else:
            assert "No questions to answer for this meeting" in notifications(app)


async def test_the_date_field_is_readable_at_40x12(app, db: Path) -> None:
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        app.push_screen(MeetingLogScreen(JANE))
        screen = await wait_for_screen(pilot, MeetingLogScreen)
        await settle(pilot)
        date = screen.query_one("#date", Input)
        assert date.content_region.width >= len("last monday")
        notes = screen.query_one("#notes", TextArea)
        assert notes.region.height >= 3  # the focused box is on screen
        assert screen.query_one("#summary").region.height >= 1


# --- $EDITOR --------------------------------------------------------------------------------


def fake_editor(tmp_path: Path, body: str, code: int = 0) -> str:
    """An $EDITOR that writes `body` into the file it is given and exits with `code`."""
    script = tmp_path / "fake-editor.py"
    script.write_text(
        "import sys\n"
        "from pathlib import Path\n"
        f"Path(sys.argv[1]).write_text({body!r} + '\\n', encoding='utf-8')\n"
        f"sys.exit({code})\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return f"{sys.executable} {script}"


async def test_ctrl_g_writes_the_notes_in_the_editor(
    app, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", fake_editor(tmp_path, "Long notes\nwritten in vim"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.push_screen(MeetingLogScreen(JANE))
        screen = await wait_for_screen(pilot, MeetingLogScreen)
        await settle(pilot)
        await type_text(pilot, "short")
        await pilot.press("ctrl+g")
        notes = screen.query_one("#notes", TextArea)
        await wait_until(pilot, lambda: notes.text == "Long notes\nwritten in vim")
        assert screen.focused is notes


async def test_a_failing_editor_changes_nothing_and_says_so(
    app, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", fake_editor(tmp_path, "lost", code=1))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        app.push_screen(MeetingLogScreen(JANE))
        screen = await wait_for_screen(pilot, MeetingLogScreen)
        await settle(pilot)
        await type_text(pilot, "kept")
        await pilot.press("ctrl+g")
        message = "The editor exited with code 1: the text is as it was"
        await wait_until(pilot, lambda: message in notifications(app))
        assert screen.query_one("#notes", TextArea).text == "kept"


async def test_a_missing_editor_is_named(app, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", "/no/such/editor --wait")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        app.push_screen(MeetingLogScreen(JANE))
        await wait_for_screen(pilot, MeetingLogScreen)
        await settle(pilot)
        await pilot.press("ctrl+g")
        await wait_until(
            pilot,
            lambda: any(
                "Could not run the editor '/no/such/editor'" in n for n in notifications(app)
            ),
        )


async def test_the_note_form_opens_the_editor_too(
    app, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", fake_editor(tmp_path, "Rewritten at length"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        note = app.store.note(N_COFFEE)
        app.push_screen(NoteForm(note, app.store.contacts()))
        form = await wait_for_screen(pilot, NoteForm)
        await settle(pilot)
        await pilot.press("ctrl+g")
        area = form.query_one("#text", TextArea)
        await wait_until(pilot, lambda: area.text == "Rewritten at length")


# --- saving a form with nothing changed -----------------------------------------------------


@pytest.mark.parametrize("kind", ["followup", "note"])
async def test_a_form_saved_unchanged_writes_nothing(app, db: Path, kind: str) -> None:
    before = db.read_bytes()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        if kind == "followup":
            form_class: type = FollowUpForm
            app.push_screen(FollowUpForm(app.store.followup(F_PORTFOLIO), app.store.contacts()))
        else:
            form_class = NoteForm
            app.push_screen(NoteForm(app.store.note(N_COFFEE), app.store.contacts()))
        await wait_for_screen(pilot, form_class)
        await settle(pilot)
        undo_steps = len(app.store.history)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: "Nothing changed" in notifications(app))
        await settle(pilot)
        assert not isinstance(app.screen, form_class)
        assert len(app.store.history) == undo_steps
    assert db.read_bytes() == before
