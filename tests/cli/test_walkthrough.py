"""The README's "A day with netui", followed key by key on a fresh demo network.

Every key sequence of the walkthrough is pressed in the app (Textual's Pilot) and every
shell command of its ```sh blocks is run with the installed `netui` script, against one
fresh demo file dated relative to today, as `netui --demo` makes it. What the README says
happens is checked on the screen and in the file. The strings the test types are read
back from the README, so that a step reworded there and not here fails.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "ui"))

from clikit import NETUI
from netkit import disable_blink, private_home, screen_text, settle, wait_for_screen, wait_until

from netui.clock import frozen_clock
from netui.dates import format_date
from netui.demo import load_demo
from netui.model import NoteKind, Status
from netui.report import with_loop
from netui.review import daily_review
from netui.store import Store

README = Path(__file__).resolve().parents[2] / "README.md"


def walkthrough() -> str:
    """The README's section "A day with netui", up to the next section."""
    text = README.read_text(encoding="utf-8")
    start = text.index("\n## A day with netui\n")
    end = text.index("\n## ", start + 1)
    return text[start:end]


def steps() -> dict[int, str]:
    """The numbered steps of the walkthrough, by number, each one line of text (0: the
    words before the first step)."""
    text = walkthrough()
    found = re.findall(r"^(\d+)\. (.*?)(?=^\d+\. |\Z)", text, re.S | re.M)
    intro = text[: re.search(r"^1\. ", text, re.M).start()]  # type: ignore[union-attr]
    return {0: " ".join(intro.split())} | {int(n): " ".join(body.split()) for n, body in found}


def shell_commands() -> list[str]:
    """The lines of the walkthrough's ```sh blocks, comments taken off."""
    blocks = re.findall(r"```sh\n(.*?)```", walkthrough(), re.S)
    lines = [line.split("  #")[0].strip() for block in blocks for line in block.splitlines()]
    return [line for line in lines if line]


def say(step: int, *phrases: str) -> None:
    """The README's step `step` has each of `phrases` (what the test types or checks)."""
    text = steps()[step]
    for phrase in phrases:
        assert phrase in text, f"step {step} of the README no longer says {phrase!r}"


def test_the_walkthrough_has_five_steps_and_a_shell_block() -> None:
    assert sorted(steps()) == [0, 1, 2, 3, 4, 5]
    commands = shell_commands()
    assert commands[0].startswith("export NETUI_DB=")  # how another shell finds the demo
    assert all(c.startswith("netui ") for c in commands[1:]) and commands[1:]


@pytest.fixture
def demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, date]:
    """A fresh demo file (as `netui --demo` makes), dated relative to the real today."""
    disable_blink(monkeypatch)
    private_home(tmp_path, monkeypatch)
    today = date.today()
    folder = tmp_path / "demo"
    folder.mkdir()
    store = Store.open(folder / "netui.json")
    load_demo(store, today)
    return store.path, today


async def test_a_day_with_netui_on_the_demo(demo: tuple[Path, date], tmp_path: Path) -> None:
    from netui.ui.app import NetuiApp
    from netui.ui.dialogs.quick_add import QuickAddScreen
    from netui.ui.dialogs.snooze import SnoozeScreen
    from netui.ui.screens.draft import DraftScreen
    from netui.ui.screens.main import MainScreen
    from netui.ui.screens.review import ReviewScreen

    path, today = demo
    # The app's clock stands still at the moment the demo was built (the day it is dated for).
    clock = frozen_clock(datetime.combine(today, datetime.now().time()).replace(microsecond=0))
    app = NetuiApp(Store.open(path, clock=clock), clock=clock, poll=True)

    def contact(name: str):
        return next((c for c in Store.open(path).contacts() if c.name == name), None)

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        say(0, "starts on the Contacts pane")
        assert app.screen.focused_pane.id == "contacts"

        # 1. Morning: `r`, the daily review.
        say(1, "`r`", "Aisha", "Rachel", "José", "Mei Chen", "Tomás", "Daniel", "Marcus")
        say(1, "Two follow-ups are overdue", "two are due today", "*All clear*")
        await pilot.press("r")
        review = await wait_for_screen(pilot, ReviewScreen)
        text = screen_text(app)
        for line in ("Overdue (2)", "Due today (2)", "Thank-you notes owed (1)"):
            assert line in text, text
        sections = {
            "Overdue (2)": ["Aisha Mensah", "Rachel Cohen"],
            "Due today (2)": ["José Hernández", "Mei Chen"],
            "Thank-you notes owed (1)": ["Tomás Álvarez"],
            "Going cold (1)": ["Daniel Kim"],
            "Due for a touch (1)": ["Marcus Webb"],
        }
        for header, names in sections.items():
            assert header in text, text
            after = text[text.index(header) :]
            assert all(name in after for name in names), (header, text)
        assert "Leads not contacted yet" in text
        say(1, "41 days since you last spoke, on a three-week rhythm", "two-weekly")
        assert "Daniel Kim" in line_with(text, "last touch 41 days ago; rhythm 21 days")
        assert "Marcus Webb" in line_with(text, "rhythm 14 days")
        say(1, "the case study for Aisha", "the reply to Rachel", "José's feedback")
        assert "Aisha Mensah" in line_with(text, "case study")
        assert "Rachel Cohen" in line_with(text, "Reply to Rachel")
        assert "José Hernández" in line_with(text, "feedback")
        assert "Mei Chen" in line_with(text, "Email Mei Chen")
        say(1, "yesterday's visit to Acme")
        assert "Tomás Álvarez" in line_with(text, "met yesterday")
        assert "All clear" not in text
        say(1, "*Waiting for a reply*", "Amara", "Renée", "Tariq Jamal", "Inés", "(move on)")
        assert "Follow up once with Amara Nwosu" in text
        assert "No reply from Renée Fontaine (3 business days): try Tariq Jamal" in text
        assert "Inés Duarte has not replied: move on" in text
        say(1, "*Close the loop*", "tell Priya you met Tomás", "Chloé", "Zoë", "Łukasz")
        for told in ("Priya Raman", "Chloé Dubois", "Zoë Achterberg", "Łukasz Nowak"):
            assert told in line_with(text, f"Tell {told}")
        rows = review.query_one("#review-list")
        day = with_loop(daily_review(Store.open(path).network(), today), Store.open(path).network())
        todo = [("followup", f.id) for f in [*day.overdue, *day.due_today]]
        todo += [("thanks", t.contact.id) for t in day.thank_yous]
        waiting = {w.contact.name: ("waiting", w.contact.id) for w in day.waiting or ()}
        todo += [waiting["Amara Nwosu"], waiting["Renée Fontaine"], waiting["Inés Duarte"]]
        todo += [("cold", c.contact.id) for c in day.going_cold]
        todo += [("due", c.contact.id) for c in day.due_touch]
        loop_items = len(day.loop or ())
        say(1, "fourteen rows")
        assert len(todo) + loop_items == 14
        say(1, "`w` on Amara", "`ctrl+s` logs it as sent", "`m` on Inés moves on")
        # Each row handled: `d` on the follow-ups and the thank-you, `w` then `ctrl+s` on
        # Amara and Renée, `m` on Inés, `s` on the people going cold or due.
        for key in todo:
            await move_to(pilot, rows, key)
            if key[0] in ("followup", "thanks"):
                await pilot.press("d")
            elif key == waiting["Inés Duarte"]:
                await pilot.press("m")
            elif key[0] == "waiting":
                await pilot.press("w")
                await wait_for_screen(pilot, DraftScreen)
                await settle(pilot)
                await pilot.press("ctrl+s")
                await wait_for_screen(pilot, ReviewScreen)
            else:
                await pilot.press("s")
                await wait_for_screen(pilot, SnoozeScreen)
                await pilot.press("enter")  # +1 day
                await wait_for_screen(pilot, ReviewScreen)
            await wait_until(pilot, lambda key=key: key not in row_keys(rows))
            await settle(pilot)
        # `d` on each Close-the-loop row: the rows are counted down one by one.
        say(1, "`d` on a Close-the-loop row logs that you told them")
        for left in range(loop_items, 0, -1):
            first = next(k for k in row_keys(rows) if k[0] == "loop")
            await move_to(pilot, rows, first)
            await pilot.press("d")
            await wait_until(
                pilot, lambda left=left: sum(k[0] == "loop" for k in row_keys(rows)) == left - 1
            )
            await settle(pilot)
        network = Store.open(path).network()
        kinds = {(n.contact_id, n.kind) for n in network.notes if n.date == today}
        tariq = next(c for c in network.contacts if c.name == "Tariq Jamal")
        amara = next(c for c in network.contacts if c.name == "Amara Nwosu")
        assert {(tariq.id, NoteKind.OUTREACH), (amara.id, NoteKind.OUTREACH)} <= kinds
        assert "All clear" in screen_text(app)
        network = Store.open(path).network()
        assert with_loop(daily_review(network, today), network).all_clear
        await pilot.press("escape")
        await wait_for_screen(pilot, MainScreen)

        # 2. A name arrives.
        line = "Nadia Brooks (Research Lead) @ Stripe #research via Daniel"
        say(2, "`a`", f"`{line}`", "*lead* referred by Daniel Kim")
        await pilot.press("a")
        await wait_for_screen(pilot, QuickAddScreen)
        await pilot.press(*line)
        await settle(pilot)
        shown = preview(app)
        assert all(part in shown for part in ("Nadia Brooks", "Stripe", "Daniel Kim")), shown
        await pilot.press("enter")
        await wait_for_screen(pilot, MainScreen)
        await wait_until(pilot, lambda: contact("Nadia Brooks") is not None)
        nadia, daniel = contact("Nadia Brooks"), contact("Daniel Kim")
        assert nadia is not None and daniel is not None
        assert (nadia.status, nadia.referred_by) == (Status.LEAD, daniel.id)
        assert (nadia.company, nadia.title, nadia.tags) == (
            "Stripe",
            "Research Lead",
            ("research",),
        )

        # 3. Reaching out.
        say(3, "`/` and `nadia`, then `enter`", "`f`", "`Nadia Brooks: `")
        say(3, "`send intro email tomorrow`", "*due* and tomorrow's date")
        await pilot.press("slash", *"nadia", "enter")
        await settle(pilot)
        main = app.screen
        assert main.selected_contact_id == nadia.id
        await pilot.press("f")
        bar = await wait_for_screen(pilot, QuickAddScreen)
        assert bar.query_one("Input").value == "Nadia Brooks: "
        await pilot.press(*"send intro email tomorrow")
        await settle(pilot)
        tomorrow = format_date(today + timedelta(days=1), today)
        assert "due" in preview(app) and tomorrow in preview(app), preview(app)
        await pilot.press("enter")
        await wait_for_screen(pilot, MainScreen)
        await wait_until(pilot, lambda: followups_of(path, nadia.id) == {"send intro email"})

        # 4. After the meeting.
        say(4, "`n`", "`coffee, research ops is hiring in Q1, talk to Lee`", "`ctrl+k`")
        say(4, "*meeting*", "Nadia becomes *met*")
        await pilot.press("n")
        bar = await wait_for_screen(pilot, QuickAddScreen)
        assert bar.query_one("Input").value == "Nadia Brooks: "
        await pilot.press(*"coffee, research ops is hiring in Q1, talk to Lee", "ctrl+k")
        await settle(pilot)
        assert "meeting" in preview(app).lower(), preview(app)
        await pilot.press("enter")
        await wait_for_screen(pilot, MainScreen)
        await wait_until(pilot, lambda: contact("Nadia Brooks").status is Status.MET)
        (note,) = [n for n in Store.open(path).notes() if n.contact_id == nadia.id]
        assert note.text == "coffee, research ops is hiring in Q1, talk to Lee"
        assert note.kind.is_meeting and note.date == today
        assert note.kind is NoteKind.MEETING
        await settle(pilot)
        notes = app.screen.query_one("NotesPane")
        assert "coffee, research ops is" in screen_text(app)  # in her Notes pane
        assert notes.region.contains(*text_position(app, "coffee, research ops is"))

        # 5. From the shell, while the app is open.
        say(5, "`export NETUI_DB=…`", "within a second")
        env = {**os.environ, "NETUI_HOME": str(tmp_path / "home")}
        for command in shell_commands():
            if command.startswith("export NETUI_DB="):
                env["NETUI_DB"] = str(path)  # what the line netui --demo printed says
                continue
            argv = shlex.split(command)
            assert argv[0] == "netui"
            result = subprocess.run(
                [NETUI, *argv[1:]], env=env, capture_output=True, text=True, check=False
            )
            assert result.returncode == 0, (command, result.stdout, result.stderr)
            assert "Nadia Brooks" in result.stdout, result.stdout
        assert "send the case study" in followups_of(path, nadia.id)
        # The app, polling its file, shows it.
        await wait_until(pilot, lambda: "send the case study" in shown_followups(main), timeout=3)
        await settle(pilot)
        assert "send the case" in screen_text(app)  # in the Follow-ups pane


def text_position(app, phrase: str) -> tuple[int, int]:
    """Where `phrase` first shows on the screen: (x, y)."""
    for y, line in enumerate(screen_text(app).splitlines()):
        if phrase in line:
            return line.index(phrase), y
    raise AssertionError(f"{phrase!r} is not on the screen")


def shown_followups(main) -> set[str]:
    """The texts of the follow-ups the main screen shows."""
    return {f.text for f in main.view.network.followups} if main.view else set()


async def move_to(pilot, rows, key: object) -> None:
    """Press `j` or `k` until the review's cursor is on the row of `key`."""
    for _ in range(len(rows.rows) + 1):
        keys = row_keys(rows)
        assert key in keys, (key, keys)
        if rows.cursor_key == key:
            return
        here = keys.index(rows.cursor_key) if rows.cursor_key in keys else -1
        await pilot.press("j" if keys.index(key) > here else "k")
        await settle(pilot, rounds=1)
    raise AssertionError(f"j and k never reach {key}: {row_keys(rows)}")


def preview(app) -> str:
    """What the quick-add bar's preview line says."""
    return str(app.screen.query_one("#preview").render())


def line_with(text: str, phrase: str) -> str:
    """The screen line that has `phrase`."""
    found = [line for line in text.splitlines() if phrase in line]
    assert len(found) == 1, (phrase, found)
    return found[0]


def row_keys(rows) -> list[object]:
    return [row.key for row in rows.rows if row.key is not None]


def followups_of(path: Path, contact_id: int | None) -> set[str]:
    """The texts of the contact's open follow-ups, as on disk."""
    return {
        f.text for f in Store.open(path).followups(include_done=False) if f.contact_id == contact_id
    }
