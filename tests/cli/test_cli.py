"""The installed `netui` command (DESIGN.md section 7), run as a user runs it.

Each test runs the console script in a subprocess, on a data file in a temporary folder
and with NETUI_HOME pointing at another, and reads the JSON file it leaves on disk.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from clikit import NETUI, failed, ok

import netui
from netui.store.schema import SCHEMA_VERSION


@dataclass
class Result:
    code: int
    out: str
    err: str
    days: set[date]
    """Today's date as the command may have seen it (two if it ran across midnight)."""

    def in_days(self, n: int) -> set[date]:
        return {day + timedelta(days=n) for day in self.days}


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "network.json"


@pytest.fixture
def run(tmp_path: Path, home: Path, db: Path) -> Callable[..., Result]:
    """Run `netui ARGS` (with `--db` unless told otherwise); check that it never shows a
    traceback and always explains a failure on one line."""
    db.parent.mkdir(exist_ok=True)

    def run(*args: str, with_db: bool = True, env: dict[str, str] | None = None) -> Result:
        environ = {k: v for k, v in os.environ.items() if k != "NETUI_DB"}
        environ.update({"NETUI_HOME": str(home), "PYTHONIOENCODING": "utf-8", **(env or {})})
        argv = [NETUI, *args, *(["--db", str(db)] if with_db else [])]
        before = date.today()
        proc = subprocess.run(
            argv, capture_output=True, text=True, env=environ, cwd=tmp_path, timeout=60
        )
        result = Result(proc.returncode, proc.stdout, proc.stderr, {before, date.today()})
        assert "Traceback" not in proc.stderr, proc.stderr
        if proc.returncode == 1:
            assert proc.stderr.startswith("netui: "), proc.stderr
            assert proc.stderr.endswith("\n") and proc.stderr.count("\n") == 1, proc.stderr
        return result

    return run


def load(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"))


@pytest.fixture
def network(run: Callable[..., Result], db: Path) -> Path:
    """Bob Smith (id 1) and Jane Doe (id 2, referred by Bob)."""
    ok(run("add", "contact", "Bob Smith @ Globex"))
    ok(run("add", "contact", "Jane Doe (Design Lead) @ Acme Corp #ux <jane@acme.com> via Bob"))
    return db


# --- basics -------------------------------------------------------------------------------


def test_version(run) -> None:
    result = ok(run("--version", with_db=False))
    assert result.out == f"netui {netui.__version__}\n"


def test_python_dash_m_is_the_same_program(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "netui", "--version"], capture_output=True, text=True, timeout=60
    )
    assert (proc.returncode, proc.stdout) == (0, f"netui {netui.__version__}\n")


# --- add contact --------------------------------------------------------------------------


def test_add_contact_writes_every_field(run, db: Path) -> None:
    first = ok(run("add", "contact", "Bob Smith @ Globex"))
    assert first.out == "saved contact Bob Smith, at Globex  [id 1]\n"
    result = ok(
        run(
            "add",
            "contact",
            "Jane Doe (Design Lead) @ Acme Corp #ux #fintech <jane@acme.com> via Bob Smith",
        )
    )
    assert result.out == (
        "'Bob Smith' is Bob Smith (Globex) [id 1]\n"
        "saved contact Jane Doe, Design Lead, at Acme Corp  #ux #fintech  <jane@acme.com>"
        "  (referred by Bob Smith)  [id 2]\n"
    )
    data = load(db)
    assert data["meta"]["1"]["schema_version"] == SCHEMA_VERSION
    jane = data["contacts"]["2"]
    assert {k: jane[k] for k in ("name", "title", "company", "tags", "email")} == {
        "name": "Jane Doe",
        "title": "Design Lead",
        "company": "Acme Corp",
        "tags": ["ux", "fintech"],
        "email": "jane@acme.com",
    }
    assert jane["referred_by"] == 1
    assert jane["how_met"] == "via Bob Smith"
    assert jane["status"] == "lead"
    assert jane["cadence_days"] is None
    assert date.fromisoformat(jane["created"][:10]) in result.days
    assert jane["created"] == jane["updated"]
    assert data["contacts"]["1"]["referred_by"] is None
    assert (db.stat().st_mode & 0o777) == 0o600


def test_add_contact_strips_escape_sequences(run, db: Path) -> None:
    result = ok(run("add", "contact", "Eve\x1b]52;c;aGk=\x07 \x1b[31mEvil [b]x[/b]"))
    assert "\x1b" not in result.out and "\x07" not in result.out
    name = load(db)["contacts"]["1"]["name"]
    assert "\x1b" not in name and "\x07" not in name
    assert name.startswith("Eve") and name.endswith("[b]x[/b]")


# --- add followup -------------------------------------------------------------------------


def test_add_followup_with_a_date(run, network: Path) -> None:
    result = ok(run("add", "followup", "Jane: send the portfolio by 2031-12-01"))
    assert result.out.startswith(
        "'Jane' is Jane Doe (Acme Corp) [id 2], by first name\n"
        "saved follow-up for Jane Doe: send the portfolio — due Mon 1 Dec 2031 (in "
    )
    assert result.out.endswith(" days)  [id 1]\n")
    saved = load(network)["followups"]["1"]
    assert saved["contact_id"] == 2
    assert saved["text"] == "send the portfolio"
    assert saved["due"] == "2031-12-01"
    assert saved["done"] is None


def test_add_followup_relative_date_is_resolved_and_printed(run, network: Path) -> None:
    result = ok(run("add", "followup", "Bob: call about the intro tomorrow"))
    saved = load(network)["followups"]["1"]
    assert (saved["contact_id"], saved["text"]) == (1, "call about the intro")
    assert date.fromisoformat(saved["due"]) in result.in_days(1)
    assert "(tomorrow)  [id 1]" in result.out


def test_add_followup_without_a_date_is_due_in_a_week(run, network: Path) -> None:
    result = ok(run("add", "followup", "Jane: reply by email"))
    saved = load(network)["followups"]["1"]
    assert saved["text"] == "reply by email"
    assert date.fromisoformat(saved["due"]) in result.in_days(7)
    assert result.out.count("(in a week)") == 1
    assert "(in 7 days)" not in result.out


def test_add_followup_without_a_contact(run, db: Path) -> None:
    ok(run("add", "followup", "update the resume"))
    assert load(db)["followups"]["1"]["contact_id"] is None


@pytest.mark.parametrize("label", ["Re", "FYI", "Todo", "Note to self"])
def test_a_label_prefix_is_a_follow_up_for_no_one_with_the_prefix_kept(
    run, network: Path, label: str
) -> None:
    result = ok(run("add", "followup", f"{label}: send intro email"))
    assert result.out.startswith(f"'{label}:' names no one ('{label}' is a label)")
    saved = load(network)["followups"]["1"]
    assert (saved["contact_id"], saved["text"]) == (None, f"{label}: send intro email")


def test_dry_run_says_whom_and_what_and_writes_nothing(run, network: Path) -> None:
    before = network.read_bytes()
    result = ok(run("add", "followup", "Jane: send the deck tomorrow", "--dry-run"))
    assert result.out.splitlines() == [
        "'Jane' is Jane Doe (Acme Corp) [id 2], by first name",
        result.out.splitlines()[1],
    ]
    assert result.out.splitlines()[1].startswith("would save follow-up for Jane Doe: send the deck")
    assert network.read_bytes() == before


# --- add note -----------------------------------------------------------------------------


def test_add_note_dated_yesterday(run, network: Path) -> None:
    result = ok(run("add", "note", "Jane: yesterday, coffee at Blue Bottle, gave me two names"))
    saved = load(network)["notes"]["1"]
    assert saved["text"] == "coffee at Blue Bottle, gave me two names"
    assert date.fromisoformat(saved["date"]) in result.in_days(-1)
    assert (saved["kind"], saved["contact_id"]) == ("note", 2)
    said, saved_line = result.out.splitlines()
    assert said == "'Jane' is Jane Doe (Acme Corp) [id 2], by first name"
    assert saved_line.startswith("saved note for Jane Doe on ")
    assert load(network)["contacts"]["2"]["status"] == "lead"  # a plain note is no contact


@pytest.mark.parametrize(
    ("kinds", "status"),
    [
        (["meeting"], "met"),
        (["call"], "contacted"),
        (["email"], "contacted"),
        (["note"], "lead"),
        (["email", "meeting"], "met"),
        (["meeting", "call"], "met"),  # never moved backwards
    ],
)
def test_note_kind_moves_the_contact_along(run, network: Path, kinds, status) -> None:
    for kind in kinds:
        result = ok(run("add", "note", "--kind", kind, "Jane: talked"))
        prefix = "saved note for" if kind == "note" else f"saved {kind} note for"
        assert result.out.splitlines()[1].startswith(f"{prefix} Jane Doe on ")
    data = load(network)
    assert data["contacts"]["2"]["status"] == status
    assert data["contacts"]["1"]["status"] == "lead"
    assert [n["kind"] for n in data["notes"].values()] == kinds


# --- today --------------------------------------------------------------------------------


def test_today_on_a_missing_file_says_so(run, db: Path) -> None:
    """Not "All clear" for a --db that names nothing (a typo): exit 1, and nothing made."""
    failed(run("today"), f"netui: {db} does not exist (named by --db)")
    assert list(db.parent.iterdir()) == []  # reading creates nothing, not even a lock


def test_today_on_a_new_file_is_all_clear(run, db: Path) -> None:
    ok(run("add", "contact", "Ann Lee"))
    result = ok(run("today"))
    assert result.out.startswith("netui daily review — ")
    assert "All clear" in result.out
    assert result.out.endswith(
        "This week so far: 1 contact added, 0 meetings held, 0 follow-ups done.\n"
    )


def test_today_shows_what_is_due(run, network: Path) -> None:
    ok(run("add", "followup", "Jane: send the portfolio by 2020-01-01"))
    ok(run("add", "note", "--kind", "meeting", "Bob: coffee, gave me two names"))
    result = ok(run("today"))
    lines = result.out.splitlines()
    assert "Overdue (1)" in lines
    row = lines[lines.index("Overdue (1)") + 1]
    assert "Wed 1 Jan 2020" in row and "Jane Doe" in row and "send the portfolio" in row
    assert "Thank-you notes owed (1)" in lines
    assert any(line.startswith("  Bob Smith — met ") for line in lines)
    assert "Leads not contacted yet (1)" in lines
    assert "  Jane Doe @ Acme Corp — via Bob Smith" in lines
    assert "All clear" not in result.out
    assert lines[-1] == "This week so far: 2 contacts added, 1 meeting held, 0 follow-ups done."


def test_today_never_prints_escape_sequences_from_the_file(run, db: Path) -> None:
    db.write_text(
        json.dumps(
            {
                "meta": {"1": {"schema_version": SCHEMA_VERSION}},
                "contacts": {"1": {"name": "Mal\x1b]52;c;aGk=\x07lory\x1b[2J", "status": "lead"}},
                "followups": {"1": {"contact_id": 1, "text": "x\x1b[31m", "due": "2020-01-01"}},
                "notes": {},
            }
        ),
        "utf-8",
    )
    db.chmod(0o600)
    result = ok(run("today"))
    assert "\x1b" not in result.out and "\x07" not in result.out
    assert "Mal" in result.out and "lory" in result.out


def test_a_readable_file_is_made_private_and_the_user_told(run, network: Path) -> None:
    network.chmod(0o644)
    result = run("today")
    assert result.code == 0
    assert result.err == f"netui: made {network} private (mode 0600, was 644)\n"
    assert (network.stat().st_mode & 0o777) == 0o600
    assert ok(run("today")).err == ""  # told once


def test_output_the_terminal_cannot_encode_is_replaced_not_a_crash(run, db: Path) -> None:
    ascii_only = {"PYTHONIOENCODING": "ascii"}
    added = ok(run("add", "contact", "Zoë 名前 @ Acme", env=ascii_only))
    assert added.out == "saved contact Zo? ??, at Acme  [id 1]\n"
    assert load(db)["contacts"]["1"]["name"] == "Zoë 名前"
    result = ok(run("today", env=ascii_only))
    assert "Zo? ?? @ Acme" in result.out
    failed(run("add", "followup", "Zoë: by feb 30", env=ascii_only), "there is no Feb 30")
    failed(run("add", "followup", "Ωmega: x", env=ascii_only), "no contact '?mega'")


# --- where things are ---------------------------------------------------------------------


def test_locate_with_db(run, db: Path, home: Path) -> None:
    result = ok(run("locate"))
    assert result.out.splitlines() == [
        f"data file:  {db}",
        f"backups:    {db}.backups",
        f"lock file:  {db}.lock",
        f"config:     {home / 'config'}",
        f"cache:      {home / 'cache'}  (the start-up view; safe to delete)",
    ]


def test_locate_default_is_under_netui_home(run, home: Path) -> None:
    result = ok(run("locate", with_db=False))
    assert f"data file:  {home / 'data' / 'netui.json'}\n" in result.out


def test_netui_db_environment_variable(run, tmp_path: Path, db: Path, home: Path) -> None:
    chosen = tmp_path / "from-env.json"
    ok(run("add", "contact", "Env Person", with_db=False, env={"NETUI_DB": str(chosen)}))
    assert load(chosen)["contacts"]["1"]["name"] == "Env Person"
    assert not db.exists()
    assert not (home / "data").exists()
    result = ok(run("locate", with_db=False, env={"NETUI_DB": str(chosen)}))
    assert f"data file:  {chosen}\n" in result.out


def test_db_option_wins_over_the_environment(run, tmp_path: Path, db: Path) -> None:
    other = tmp_path / "other.json"
    ok(run("add", "contact", "Opt Person", env={"NETUI_DB": str(other)}))
    assert load(db)["contacts"]["1"]["name"] == "Opt Person"
    assert not other.exists()


def test_default_location_is_created(run, home: Path) -> None:
    ok(run("add", "contact", "Home Person", with_db=False))
    path = home / "data" / "netui.json"
    assert load(path)["contacts"]["1"]["name"] == "Home Person"


@pytest.mark.parametrize(
    ("argv", "name"),
    [
        (["--db", "{db}", "add", "contact", "Before"], "Before"),
        (["add", "--db", "{db}", "contact", "Middle"], "Middle"),
        (["add", "contact", "After", "--db", "{db}"], "After"),
    ],
)
def test_db_before_or_after_the_subcommand(run, db: Path, argv: list[str], name: str) -> None:
    ok(run(*(a.format(db=db) for a in argv), with_db=False))
    [contact] = load(db)["contacts"].values()
    assert contact["name"] == name


def test_today_with_db_before_the_subcommand(run, network: Path) -> None:
    result = ok(run("--db", str(network), "today", with_db=False))
    assert "Jane Doe" in result.out


# --- restore ------------------------------------------------------------------------------


def test_restore_lists_and_puts_a_backup_back(run, db: Path) -> None:
    assert ok(run("restore")).out == f"no backups of {db} yet\n"
    ok(run("add", "contact", "First Person"))  # creates the file: nothing to back up
    ok(run("add", "contact", "Second Person"))  # backs up the one-contact file first
    ok(run("add", "contact", "Third Person"))  # same day: no second backup
    listing = ok(run("restore")).out.splitlines()
    assert listing[0] == f"backups of {db}, newest first:"
    assert len(listing) == 3
    assert listing[1].startswith("   1  network.")
    assert listing[1].endswith("  1 contact, 0 follow-ups, 0 notes")
    assert listing[2] == f"put one back with: netui restore --db {db} NUMBER"

    result = ok(run("restore", "1"))
    assert result.out.startswith(f"restored {db} from {db}.backups/network.")
    assert "the file it replaced is kept as " in result.out
    names = [c["name"] for c in load(db)["contacts"].values()]
    assert names == ["First Person"]

    # The file it replaced is a backup now, and can be put back in turn.
    listing = ok(run("restore")).out.splitlines()
    assert len(listing) == 4
    kept = next(line for line in listing if "before-restore" in line)
    assert kept.endswith("  3 contacts, 0 follow-ups, 0 notes")
    ok(run("restore", kept.split()[0]))
    assert len(load(db)["contacts"]) == 3


def test_restore_a_backup_that_does_not_exist(run, db: Path) -> None:
    ok(run("add", "contact", "Only Person"))
    before = db.read_bytes()
    failed(run("restore", "7"), "can't read the backup 7")
    assert db.read_bytes() == before


def test_restore_refuses_a_backup_that_is_not_a_netui_file(run, db: Path, tmp_path: Path) -> None:
    ok(run("add", "contact", "Only Person"))
    before = db.read_bytes()
    junk = tmp_path / "junk.json"
    junk.write_text("{not json", "utf-8")
    failed(run("restore", str(junk)), "is not valid JSON")
    assert db.read_bytes() == before


# --- failures: exit 1, one line, nothing changed ------------------------------------------


@pytest.mark.parametrize(
    ("what", "line", "message"),
    [
        ("followup", "Jane: send it by feb 30", "netui: there is no Feb 30\n"),
        ("followup", "Jane: call on the 45th of Smarch", "can't read the date"),
        ("followup", "Jane: by 2026-13-01", "there is no date 2026-13-01"),
        ("followup", "Jane: in 99999999999999999999 days", "too far away"),
        ("followup", "Jane: next friday", "is only a date"),
        ("followup", "Nobody: hello", "netui: no contact 'Nobody'\n"),
        ("note", "Nobody: hello", "no contact 'Nobody'"),
        ("contact", "Sam via Nobody", "no contact 'Nobody'"),
        ("followup", "Jane:", "what is the follow-up?"),
        ("note", "Jane:", "the note is empty"),
        ("contact", "", "a contact needs a name first"),
        ("contact", "Sam <a@b.c> <d@e.f>", "more than one <email>"),
    ],
)
def test_bad_input_is_refused(run, network: Path, what: str, line: str, message: str) -> None:
    before = network.read_bytes()
    failed(run("add", what, line), message)
    assert network.read_bytes() == before


def test_ambiguous_contact_lists_the_candidates(run, network: Path) -> None:
    ok(run("add", "contact", "Jane Roe @ Initech"))
    before = network.read_bytes()
    result = failed(run("add", "followup", "Jane: ping"), "netui: 'Jane' matches ")
    assert "Jane Doe (Acme Corp)" in result.err and "Jane Roe (Initech)" in result.err
    assert network.read_bytes() == before


def test_a_near_miss_is_suggested_and_nothing_saved(run, network: Path) -> None:
    ok(run("add", "contact", "Janet Lee @ Initech"))
    before = network.read_bytes()
    failed(
        run("add", "followup", "Jan: ping"), "no contact 'Jan'; did you mean Jane Doe or Janet Lee?"
    )
    assert network.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"contacts": ', "is not valid JSON"),
        (b"", "is empty"),
        (b"\n  ", "is empty"),
        (b"[]", "is not a netui data file"),
        (b"\xff\xfe{}", "is not UTF-8"),
        (b'{"_default": {"1": {"a": 1}}}', "is not a netui data file"),
    ],
)
@pytest.mark.parametrize("command", [["today"], ["add", "contact", "New Person"]])
def test_corrupt_data_file_is_left_byte_identical(
    run, db: Path, content: bytes, message: str, command: list[str]
) -> None:
    db.write_bytes(content)
    result = failed(run(*command), message)
    assert str(db) in result.err
    assert "nothing was changed" in result.err
    assert db.read_bytes() == content
    assert not Path(f"{db}.backups").exists()


def test_corrupt_file_names_the_newest_backup(run, db: Path) -> None:
    ok(run("add", "contact", "First Person"))
    ok(run("add", "contact", "Second Person"))  # makes a backup
    db.write_bytes(b'{"contacts": {"1": ')
    result = failed(run("today"), "is not valid JSON")
    assert f"newest backup: {db}.backups/network." in result.err
    assert db.read_bytes() == b'{"contacts": {"1": '


def test_future_schema_version_is_refused(run, db: Path) -> None:
    content = json.dumps({"meta": {"1": {"schema_version": 999}}, "contacts": {}}).encode()
    db.write_bytes(content)
    for command in (["today"], ["add", "contact", "New Person"]):
        failed(run(*command), "was written by a newer netui (data format 999")
    assert db.read_bytes() == content


def test_db_that_is_a_folder(run, tmp_path: Path) -> None:
    folder = tmp_path / "a-folder"
    folder.mkdir()
    for command in (["today"], ["add", "contact", "X"], ["restore", "1"]):
        failed(run(*command, "--db", str(folder), with_db=False), "is a folder, not a data file")
    assert list(folder.iterdir()) == []


def test_db_in_a_missing_folder(run, tmp_path: Path) -> None:
    path = tmp_path / "missing" / "net.json"
    for command in (["today"], ["add", "contact", "X"]):
        failed(run(*command, "--db", str(path), with_db=False), "does not exist")
    assert not path.parent.exists()


def test_missing_file_with_backups_is_not_a_silent_fresh_start(run, db: Path) -> None:
    ok(run("add", "contact", "First Person"))
    ok(run("add", "contact", "Second Person"))
    db.unlink()
    failed(run("today"), "is missing but has backups")
    assert not db.exists()


# --- wrong usage: exit 2 ------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["frobnicate"],
        ["add"],
        ["add", "followup"],
        ["add", "meeting", "Jane: hi"],
        ["add", "note", "--kind", "lunch", "Jane: hi"],
        ["add", "contact", "A", "B"],
        ["--no-such-option"],
        ["today", "extra"],
    ],
)
def test_wrong_usage_exits_2(run, db: Path, argv: list[str]) -> None:
    result = run(*argv)
    assert result.code == 2, result
    assert "usage: netui" in result.err
    assert result.out == ""
    assert not db.exists()
