"""Bytes in the data never reach a command's output or an export (issue 9, section 3).

`tests/data/hostile_network.json` is a data file whose every text (names, titles,
companies, tags, how met, other emails/phones/links, prepared questions, follow-ups,
notes, answers, meeting outcomes, target companies, default-rhythm tags) carries what a
hand edit, a sync tool or another program could put there: OSC 52 (sets the clipboard),
OSC 8 (a live link), CSI 2J and ESC c (clear, reset), C1 controls, RLO and bidi isolates,
DEL, BEL and NUL. Every command that prints the data and every export runs as the
installed script, and its bytes are scanned: none of those may appear, and the visible
placeholders (`netui.text.shown`) must.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from clikit import NETUI

DATA = Path(__file__).parent.parent / "data" / "hostile_network.json"

FORBIDDEN = re.compile(
    rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"  # C0 controls (ESC, BEL, NUL...) and DEL
    rb"|\xc2[\x80-\x9f]"  # C1 controls, UTF-8
    rb"|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]"  # bidi embeddings, overrides, isolates
    rb"|\xed[\xa0-\xbf]"  # a surrogate, written out raw
)
"""Bytes that drive a terminal or reorder text. CR, LF and tab may appear (CSV, vCard and
iCalendar lines end in CRLF)."""

ESC_PICTURE = "␛".encode()
"""What an ESC of the data looks like once shown (U+241B)."""


def offending(data: bytes) -> list[bytes]:
    """The forbidden bytes in `data`, each with a little context, for the failure message."""
    return [data[max(m.start() - 12, 0) : m.end() + 12] for m in FORBIDDEN.finditer(data)][:5]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "netui.json"
    shutil.copyfile(DATA, path)
    return path


def run(db: Path, *args: str, ok: bool = True) -> subprocess.CompletedProcess[bytes]:
    """`netui ARGS --db DB`, its output as bytes (what a terminal or a file would get)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NETUI_")}
    env["NETUI_HOME"] = str(db.parent / "home")
    result = subprocess.run(
        [NETUI, *args, "--db", str(db)], capture_output=True, env=env, check=False
    )
    if ok:
        assert result.returncode == 0, result.stderr.decode(errors="replace")
    return result


@pytest.mark.parametrize(
    "args",
    [
        ("export", "csv", "--what", "contacts"),
        ("export", "csv", "--what", "followups"),
        ("export", "csv", "--what", "notes"),
        ("export", "csv", "--what", "contacts", "--raw"),
        ("export", "csv", "--what", "notes", "--raw"),
        ("export", "vcard"),
        ("export", "ics"),
    ],
    ids=lambda args: " ".join(args[1:]),
)
def test_every_export_holds_none_of_the_bytes(db: Path, args: tuple[str, ...]) -> None:
    out = run(db, *args).stdout
    assert not offending(out), offending(out)
    assert ESC_PICTURE in out  # shown, not silently dropped


def test_an_export_written_to_a_file_holds_none_of_them(db: Path) -> None:
    target = db.parent / "contacts.vcf"
    run(db, "export", "vcard", "-o", str(target))
    data = target.read_bytes()
    assert not offending(data), offending(data)
    assert "X␛]52;c;RVZJTA==␛\\".encode() in data.replace(b"\\;", b";").replace(b"\\\\", b"\\")


@pytest.mark.parametrize(
    "args",
    [
        ("today",),
        ("stats",),
        ("prep", "Ann"),
        ("prep", "Zed"),
        ("prep", "Bob", "--markdown"),
        ("rhythm",),
        ("check",),
    ],
    ids=lambda args: " ".join(args),
)
def test_every_command_prints_none_of_the_bytes(db: Path, args: tuple[str, ...]) -> None:
    result = run(db, *args)
    for stream in (result.stdout, result.stderr):
        assert not offending(stream), offending(stream)


def test_what_today_and_prep_print_is_visible(db: Path) -> None:
    today = run(db, "today").stdout.decode()
    assert "X␛]52;c;RVZJTA==␛\\ Ann" in today
    assert "Eve\ufffdevE Bob" in today  # the RLO shown as U+FFFD, the name in order
    prep = run(db, "prep", "Ann").stdout.decode()
    assert "Lead␛]8;;https://evil.example/␛\\link" in prep
    assert "␛]8;;" in prep and "␡␇␀" in prep


@pytest.mark.parametrize(
    ("what", "line", "name"),
    [
        ("note", "Ann: coffee, gave me two names", "X␛]52;c;RVZJTA==␛\\ Ann"),
        ("followup", "Zed: send the deck tomorrow", "Zed\ufffd31m\ufffd0;title\ufffd Ring␡␇␀"),
    ],
)
def test_add_prints_the_name_it_resolved_safely(db: Path, what: str, line: str, name: str) -> None:
    out = run(db, "add", what, line).stdout
    assert not offending(out), offending(out)
    assert f"for {name}".encode() in out


@pytest.mark.parametrize(
    "args", [("today",), ("export", "csv", "--what", "notes"), ("export", "vcard")], ids=" ".join
)
def test_a_lone_surrogate_escape_in_the_file_reaches_no_output(
    db: Path, args: tuple[str, ...]
) -> None:
    """A JSON `\\ud800` escape (valid JSON syntax, but no character) in a name and a note.

    Whether such a file opens is the loading checks' decision: netui either shows the
    text (the surrogate as U+FFFD) or refuses the file with a one-line message and leaves
    it as it was. Either way no surrogate, and no other byte of the data, is printed.
    """
    text = db.read_text(encoding="ascii")
    text = text.replace('"Zed', '"Zed\\ud800').replace('"quick call', '"quick\\udfff call')
    db.write_text(text, encoding="ascii")
    result = run(db, *args, ok=False)
    for stream in (result.stdout, result.stderr):
        assert not offending(stream), offending(stream)
    if result.returncode == 0:
        assert "Zed\ufffd".encode() in result.stdout or "quick\ufffd".encode() in result.stdout
    else:
        assert result.returncode == 1 and result.stdout == b""
        assert result.stderr.count(b"\n") == 1, result.stderr
        assert db.read_text(encoding="ascii") == text
