"""`netui draft thanks|outreach|follow-up|update NAME [--copy]`: the draft on stdout (a
Subject line, a blank line, the body), the outreach's word count and warnings on stderr,
the user's templates, names read as `netui add followup` reads them, and --copy's OSC 52
sequence sent to a real terminal (a pseudo-terminal) or refused when stdout is a pipe.

`netui.cli.main` runs in this process with the clock stopped on Thursday 3 December 2026;
the --copy tests run the installed script as a user would.
"""

from __future__ import annotations

import base64
import os
import pty
import re
import subprocess
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from clikit import NETUI, Result, failed, in_process, ok

from netui.clock import frozen_clock
from netui.model import Contact, MeetingLog, Note, NoteKind, Status
from netui.store import Store

NOW = datetime(2026, 12, 3, 10, 30, 0)
"""A Thursday: the coffee with Priya was yesterday, her promise is due Friday."""
CLOCK = frozen_clock(NOW)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def db(tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Ana López (1) referred Priya Patel (2), met yesterday over coffee with an answer
    and a promise; Lee Wong (3) a lead Priya gave; Kim (4) with no company, written to
    last week; Zoë (5) whose notes hold markup and braces."""
    monkeypatch.setattr("netui.clock.system_clock", CLOCK)
    monkeypatch.setenv("NETUI_HOME", str(home))
    monkeypatch.delenv("NETUI_DB", raising=False)
    monkeypatch.delenv("NETUI_NAME", raising=False)
    path = tmp_path / "netui.json"
    store = Store.open(path, clock=CLOCK)
    ana = store.add_contact(Contact("Ana López", company="Globex", status=Status.MET))
    priya = store.add_contact(
        Contact("Priya Patel", company="Acme", title="Research Lead", referred_by=ana.id)
    )
    store.add_contact(Contact("Lee Wong", company="Acme", referred_by=priya.id))
    kim = store.add_contact(Contact("Kim"))
    zoe = store.add_contact(Contact("Zoë Åberg", company="Kestrel", status=Status.MET))
    assert priya.id is not None and kim.id is not None and zoe.id is not None
    from netui.meeting import read_promises

    store.log_meeting(
        MeetingLog(
            contact_id=priya.id,
            date=date(2026, 12, 2),
            kind=NoteKind.COFFEE,
            text="Coffee near Acme. Research ops is growing.",
            followups=read_promises("send the deck friday", NOW.date()),
        )
    )
    store.add_note(Note("Intro email", date(2026, 11, 26), kim.id, NoteKind.OUTREACH))
    store.add_note(
        Note("Talked about [b]bold[/b] {x} ideas. Then lunch.", date(2026, 11, 12), zoe.id,
             NoteKind.MEETING)
    )  # fmt: skip
    return path


@pytest.fixture
def netui(db: Path, capsys: pytest.CaptureFixture[str]) -> Any:
    """`netui ARGS --db DB` run in this process: its exit code, stdout and stderr."""

    def run(*args: str) -> Result:
        return in_process(capsys, *args, "--db", str(db))

    return run


def test_draft_thanks_prints_the_message(netui: Any) -> None:
    out = ok(netui("draft", "thanks", "Priya")).out
    assert out == (
        "Subject: Thank you, Priya\n"
        "\n"
        "Hi Priya,\n"
        "\n"
        "Thank you for taking the time to talk with me yesterday; I learned a great deal. "
        "One thing I keep coming back to: research ops is growing.\n"
        "\n"
        "As promised, I'll send the deck by Fri 4 Dec.\n"
        "\n"
        "Thanks again,\n"
        "[your name]\n"
    )


def test_draft_outreach_prints_its_word_count_and_warnings_on_stderr(netui: Any) -> None:
    result = netui("draft", "outreach", "Lee", "Wong")  # the name needs no quotes
    assert result.code == 0
    assert result.out.startswith("Subject: A question about your work at Acme\n\nHi Lee,\n\n")
    assert "\n\nPriya Patel, your colleague at Acme, suggested I get in touch. " in result.out
    assert result.out.endswith("?\n\nBest,\n[your name]\n")
    words = len(re.findall(r"[^\W_]+(?:['’-][^\W_]+)*", result.out.split("\n\n", 1)[1]))
    assert result.err == f"netui: {words} words\n"


def test_outreach_warnings_name_the_rule(netui: Any, home: Path) -> None:
    folder = home / "config" / "drafts"
    folder.mkdir(parents=True)
    (folder / "outreach.txt").write_text(
        "Subject: Jobs at {company}?\n\nHi {first_name}, are you hiring? I attach my CV.\n",
        "utf-8",
    )
    result = netui("draft", "outreach", "Lee")
    assert result.code == 0
    assert result.out == ("Subject: Jobs at Acme?\n\nHi Lee, are you hiring? I attach my CV.\n")
    assert result.err == (
        "netui: 9 words\n"
        "netui: warning: it mentions 'hiring' in the first request: ask to learn about their "
        "work, not for a job\n"
        "netui: warning: it does not end with a question: ask one (a 20-minute call about "
        "their work?)\n"
    )


def test_draft_follow_up_and_update(netui: Any) -> None:
    follow = ok(netui("draft", "follow-up", "Kim")).out
    assert follow.startswith("Subject: Following up: a question about your work\n\nHi Kim,\n")
    assert "I wrote to you a week ago and wanted to follow up once" in follow
    update = ok(netui("draft", "update", "Ana")).out
    assert "\n\nI met Priya Patel, thanks to your introduction.\n\n" in update


def test_markup_and_braces_in_the_data_are_printed_as_written(netui: Any) -> None:
    out = ok(netui("draft", "thanks", "zoe")).out  # accents ignored, as everywhere
    assert out.startswith("Subject: Thank you, Zoë\n")
    assert "three weeks ago" in out
    assert "coming back to: talked about [b]bold[/b] {x} ideas.\n" in out


def test_the_signature_comes_from_netui_name(netui: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NETUI_NAME", "Sam Rivera")
    assert ok(netui("draft", "update", "Ana")).out.endswith("\nBest,\nSam Rivera\n")


def test_an_unknown_field_in_the_users_template_is_one_line(netui: Any, home: Path) -> None:
    folder = home / "config" / "drafts"
    folder.mkdir(parents=True)
    path = folder / "thanks.txt"
    path.write_text("Subject: Thanks\n\nHi {frist_name},\n", "utf-8")
    result = failed(netui("draft", "thanks", "Priya"), f"{path}, line 3: unknown field")
    assert result.err.startswith(f"netui: {path}, line 3: unknown field {{frist_name}} (the ")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Zed", "no contact 'Zed'"),
        ("Pri", "no contact 'Pri'; did you mean Priya Patel?"),
        ("Re", "no contact 'Re' ('Re' is a label, not a contact's name)"),
        ("#99", "no contact '#99'"),
    ],
)
def test_a_name_that_is_nobody_is_refused_as_add_followup_does(
    netui: Any, name: str, message: str
) -> None:
    failed(netui("draft", "thanks", name), message)


def test_two_people_of_one_name_are_refused(netui: Any, db: Path) -> None:
    Store.open(db, clock=CLOCK).add_contact(Contact("Priya Shah"))
    failed(netui("draft", "outreach", "Priya"), "'Priya' matches Priya Patel")
    picked = netui("draft", "outreach", "#2")  # the id picks one
    assert picked.code == 0 and picked.out.startswith("Subject: A question about your work as ")


def test_a_kind_netui_does_not_draft_is_wrong_usage(netui: Any) -> None:
    result = netui("draft", "letter", "Priya")
    assert result.code == 2 and "invalid choice: 'letter'" in result.err


def test_draft_on_a_missing_file_says_so(netui: Any, db: Path) -> None:
    db.unlink()  # (its backups are there: the message says how to put one back)
    failed(netui("draft", "thanks", "Priya"), f"{db} is missing but has backups")


# --- --copy: the installed script, as a user runs it ------------------------------------


def _environment(home: Path) -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("NETUI_DB", "NETUI_NAME")}
    environ.update({"NETUI_HOME": str(home), "PYTHONIOENCODING": "utf-8"})
    return environ


def test_copy_sends_the_draft_to_the_terminal_with_osc52(db: Path, home: Path) -> None:
    """stdout a terminal: the draft, then ESC ] 52 ; c ; base64 BEL (what Textual's
    copy_to_clipboard writes), and a line on stderr saying it was sent."""
    leader, follower = pty.openpty()
    try:
        proc = subprocess.Popen(
            [NETUI, "draft", "update", "Ana", "--copy", "--db", str(db)],
            stdout=follower,
            stderr=subprocess.PIPE,
            env=_environment(home),
        )
        os.close(follower)
        received = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the script ended and closed the terminal (EIO)
                break
            if not chunk:
                break
            received += chunk
        err = proc.stderr.read().decode() if proc.stderr else ""
        assert proc.wait(timeout=60) == 0, err
    finally:
        os.close(leader)
    text = received.replace(b"\r\n", b"\n")
    found = re.search(rb"\x1b\]52;c;([A-Za-z0-9+/=]+)\x07", text)
    assert found is not None, text
    draft = text[: found.start()].decode()
    assert draft.startswith("Subject: An update, and thank you\n\nHi Ana,\n")
    assert base64.b64decode(found[1]).decode() == draft  # the very text printed
    assert text[found.end() :] == b""
    assert err == (
        "netui: copied to the clipboard (OSC 52: the terminal must allow it; in tmux, "
        "set -g set-clipboard on)\n"
    )


def test_copy_to_a_pipe_says_it_cant(db: Path, home: Path) -> None:
    proc = subprocess.run(
        [NETUI, "draft", "thanks", "Priya", "--copy", "--db", str(db)],
        capture_output=True,
        env=_environment(home),
        timeout=60,
    )
    assert proc.returncode == 0
    assert proc.stdout.startswith(b"Subject: Thank you, Priya\n\n")
    assert b"\x1b" not in proc.stdout
    assert proc.stderr.decode() == (
        "netui: --copy: stdout is not a terminal, so nothing was copied (pipe the draft to "
        "a clipboard tool instead: pbcopy, wl-copy, xclip)\n"
    )


def test_add_note_kind_outreach_starts_what_the_follow_up_refers_to(netui: Any, db: Path) -> None:
    """`netui add note --kind outreach` logs a message sent: Lee moves from lead to
    contacted, and his follow-up draft says when it went."""
    result = ok(netui("add", "note", "--kind", "outreach", "Lee: yesterday, intro email"))
    assert result.out.startswith("'Lee' is Lee Wong (Acme) [id 3], by first name\n")
    assert "saved outreach note for Lee Wong on Wed 2 Dec: intro email" in result.out
    import json

    saved = json.loads(db.read_bytes())
    assert saved["contacts"]["3"]["status"] == "contacted"
    assert [n["kind"] for n in saved["notes"].values()].count("outreach") == 2
    follow = ok(netui("draft", "follow-up", "Lee")).out
    assert "I wrote to you yesterday and wanted to follow up once" in follow


def test_outreach_and_replies_make_the_reply_rate_in_netui_stats(netui: Any) -> None:
    """Kim, written to last Thursday (5 business days), has not answered; Lee, written to
    on Monday, replied on Wednesday."""
    ok(netui("add", "note", "--kind", "outreach", "Lee: monday, intro email"))
    ok(netui("add", "note", "--kind", "reply", "Lee: yesterday, happy to talk"))
    out = ok(netui("stats")).out
    assert out.endswith(
        "\n\nReply rate: 1 of 2 people you reached out to replied (50%)\n"
        "  by how you met: referred 100% (1 of 1), other 0% (0 of 1)\n"
        "  by referrer: named 100% (1 of 1), not named 0% (0 of 1)\n"
    )
