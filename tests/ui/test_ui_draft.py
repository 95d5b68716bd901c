"""The draft screen (issue 14): `w` opens the message that is due, editable; ^l copies it
with OSC 52 (the exact bytes), ^o opens a mailto: link through the opener (an argument
list, http/https/mailto only), ^s logs it as sent (the file on disk), ^g edits it in
$EDITOR, ^t goes to the next kind, escape asks before dropping edits."""

from __future__ import annotations

import base64
from datetime import date
from pathlib import Path

import pytest
from netkit import (
    CLOCK,
    DANA,
    F_INTRO,
    JANE,
    PRIYA,
    ZOE,
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
from test_ui_meeting_keys import fake_editor
from textual.widgets import Input, TextArea

from netui import drafts
from netui.model import DraftKind, Note, NoteKind
from netui.store import Store
from netui.ui import opener
from netui.ui.dialogs.confirm import ConfirmScreen
from netui.ui.screens.contact import ContactScreen
from netui.ui.screens.draft import DraftScreen
from netui.ui.screens.main import MainScreen


async def open_draft(pilot, contact_id: int, kind: DraftKind | None = None) -> DraftScreen:
    pilot.app.push_screen(DraftScreen(contact_id, kind))
    screen = await wait_for_screen(pilot, DraftScreen)
    await wait_until(pilot, lambda: screen.made is not None)
    await settle(pilot)
    return screen


def body_of(screen: DraftScreen) -> TextArea:
    return screen.query_one("#body", TextArea)


# --- w opens what is due ------------------------------------------------------------------


async def test_w_on_a_contact_opens_the_draft_that_is_due(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await select_contact(pilot, PRIYA)  # a lead never reached: a first message
        await pilot.press("w")
        screen = await wait_for_screen(pilot, DraftScreen)
        await wait_until(pilot, lambda: screen.made is not None)
        await settle(pilot)
        text = screen_text(app)
        assert "First message to Priya Patel" in text
        assert "Bob Smith suggested I get in touch." in text
        assert screen.query_one("#subject", Input).value.startswith("A question about")
        assert "45 words · short, no job asked for, ends with a question" in text
        assert "^l Copy" in text and "^o Mail" in text and "^s Log as sent" in text


async def test_w_on_a_follow_up_drafts_for_its_contact(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        followups = app.screen.query_one("#followups-list")
        assert followups.select_key(F_INTRO)
        await settle(pilot)
        assert followups.cursor_key == F_INTRO  # Zoë's "reply to the intro email"
        await pilot.press("w")
        screen = await wait_for_screen(pilot, DraftScreen)
        await wait_until(pilot, lambda: screen.made is not None)
        assert screen.contact_id == ZOE
        assert "Zoë Martin" in screen_text(app)


async def test_w_on_the_contact_page(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.push_screen(ContactScreen(DANA))
        await wait_for_screen(pilot, ContactScreen)
        await settle(pilot)
        assert "w Write" in screen_text(app)
        await pilot.press("w")
        screen = await wait_for_screen(pilot, DraftScreen)
        await wait_until(pilot, lambda: screen.made is not None)
        # Dana was met yesterday with nothing planned: the thank-you is due.
        assert screen.made is not None and screen.made.kind is DraftKind.THANKS
        assert "Thank-you to Dana Lee" in screen_text(app)


# --- the live check -----------------------------------------------------------------------


async def test_the_word_count_and_warnings_follow_the_edits(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = await open_draft(pilot, PRIYA)
        body = body_of(screen)
        body.move_cursor((0, 0))
        await type_text(pilot, "Are you hiring for a job on your team? ")
        await settle(pilot)
        text = screen_text(app)
        assert "54 words" in text
        assert "it mentions 'hiring' in the first request" in text


# --- copy ---------------------------------------------------------------------------------


async def test_ctrl_l_copies_subject_and_body_with_osc_52(
    app, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        screen = await open_draft(pilot, PRIYA)
        body = body_of(screen)
        body.move_cursor(body.document.end)
        await type_text(pilot, " Merci!")
        written: list[str] = []
        monkeypatch.setattr(app._driver, "write", written.append)
        await pilot.press("ctrl+l")
        await settle(pilot)
        made = screen.edited()
        assert made is not None and made.body.endswith("[your name] Merci!")
        expected = made.text  # "Subject: …", a blank line, the body
        assert expected.startswith("Subject: A question about your work")
        sequence = "\x1b]52;c;" + base64.b64encode(expected.encode()).decode() + "\a"
        assert sequence in written
        said = " ".join(notifications(app))
        assert "Copied" in said and "set -g set-clipboard on" in said


# --- mail ---------------------------------------------------------------------------------


async def test_ctrl_o_opens_a_mailto_link_as_an_argument_list(
    app, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran: list[list[str]] = []
    monkeypatch.setattr(opener, "launch", ran.append)
    monkeypatch.setattr(opener.sys, "platform", "linux")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        screen = await open_draft(pilot, JANE)
        await pilot.press("ctrl+o")
        await settle(pilot)
        made = screen.edited()
        assert made is not None
        assert ran == [["xdg-open", drafts.mailto_url(made, "jane@acme.com")]]
        assert ran[0][1].startswith("mailto:jane@acme.com?subject=Following%20up")
        assert "Opened in the mail program, to jane@acme.com" in " ".join(notifications(app))


def test_the_opener_opens_only_http_https_and_mailto(monkeypatch: pytest.MonkeyPatch) -> None:
    ran: list[list[str]] = []
    monkeypatch.setattr(opener, "launch", ran.append)
    monkeypatch.setattr(opener.sys, "platform", "darwin")
    assert opener.open_url("https://example.com/a b") == ["open", "https://example.com/a b"]
    for url in ("file:///etc/passwd", "javascript:alert(1)", "/usr/bin/xterm", "-e vi", ""):
        with pytest.raises(opener.OpenError, match="Only http, https and mailto"):
            opener.open_url(url)
    with pytest.raises(opener.OpenError, match="line break"):
        opener.open_url("mailto:a@b.c\n--help")
    assert ran == [["open", "https://example.com/a b"]]


def test_an_opener_that_cannot_run_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(argv: list[str]) -> None:
        raise FileNotFoundError(2, "No such file or directory")

    monkeypatch.setattr(opener, "launch", missing)
    monkeypatch.setattr(opener.sys, "platform", "linux")
    with pytest.raises(opener.OpenError, match="Could not run 'xdg-open'"):
        opener.open_url("mailto:a@b.c")


# --- log as sent --------------------------------------------------------------------------


async def test_ctrl_s_logs_a_first_message_as_an_outreach_note(app, db: Path) -> None:
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await select_contact(pilot, PRIYA)
        await pilot.press("w")
        screen = await wait_for_screen(pilot, DraftScreen)
        await wait_until(pilot, lambda: screen.made is not None)
        subject = screen.query_one("#subject", Input)
        subject.value = "Hello from a fellow designer"
        before = app.store.generation
        await pilot.press("ctrl+s")
        await wait_for_generation(pilot, before)
        await wait_for_screen(pilot, MainScreen)
        notes = [n for n in read_db(db)["notes"].values() if n["contact_id"] == PRIYA]
        assert [(n["kind"], n["text"], n["date"]) for n in notes] == [
            ("outreach", "Hello from a fellow designer", "2026-11-25")
        ]
        assert "Logged outreach note 'Hello from a fellow designer'" in notifications(app)


async def test_ctrl_s_on_a_thank_you_with_nothing_planned_logs_it_sent(app, db: Path) -> None:
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await open_draft(pilot, DANA)
        before = app.store.generation
        await pilot.press("ctrl+s")
        await wait_for_generation(pilot, before)
        await wait_for_screen(pilot, MainScreen)
        notes = [n for n in read_db(db)["notes"].values() if n["contact_id"] == DANA]
        assert ("email", drafts.THANK_YOU_SENT) in [(n["kind"], n["text"]) for n in notes]


async def test_ctrl_s_on_an_update_closes_the_loop_items_it_tells(db: Path) -> None:
    from netkit import make_app

    # Zoë, whom Jane referred, was written to last week: Jane is owed an update.
    Store.open(db, clock=CLOCK).add_note(
        Note("First message", date(2026, 11, 20), ZOE, NoteKind.OUTREACH)
    )
    app = make_app(db)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await open_draft(pilot, JANE, DraftKind.UPDATE)
        assert "Update for Jane Doe" in screen_text(app)
        before = app.store.generation
        await pilot.press("ctrl+s")
        await wait_for_generation(pilot, before)
        await wait_for_screen(pilot, MainScreen)
        data = read_db(db)
        states = {doc["key"]: doc["state"] for doc in data["loop"].values()}
        assert states == {f"intro:{ZOE}:reached": "done"}
        told = [n["text"] for n in data["notes"].values() if n["contact_id"] == JANE]
        assert "Told them I reached out to Zoë Martin" in told


# --- editor, kinds, closing ---------------------------------------------------------------


async def test_ctrl_g_writes_the_message_in_the_editor(
    app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", fake_editor(tmp_path, "Hi Priya,\n\nShort and sweet?"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = await open_draft(pilot, PRIYA)
        await pilot.press("ctrl+g")
        await wait_until(pilot, lambda: body_of(screen).text == "Hi Priya,\n\nShort and sweet?")
        await settle(pilot)
        assert "5 words" in screen_text(app)


async def test_ctrl_t_goes_to_the_next_kind(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = await open_draft(pilot, PRIYA)  # outreach
        await pilot.press("ctrl+t")
        await wait_until(pilot, lambda: screen.kind is DraftKind.FOLLOW_UP)
        await settle(pilot)
        assert "Follow-up to Priya Patel" in screen_text(app)
        await pilot.press("ctrl+t")
        await wait_until(pilot, lambda: screen.kind is DraftKind.UPDATE)


async def test_escape_asks_before_dropping_edits(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_draft(pilot, PRIYA)
        await pilot.press("escape")  # nothing edited: closes at once
        await wait_for_screen(pilot, MainScreen)

        screen = await open_draft(pilot, PRIYA)
        await type_text(pilot, "edited ")
        await pilot.press("escape")
        await wait_for_screen(pilot, ConfirmScreen)
        assert "Discard this draft?" in screen_text(app)
        await pilot.press("escape")  # no: back to the draft, the edit kept
        await wait_for_screen(pilot, DraftScreen)
        assert body_of(screen).text.startswith("edited ")
