"""Small truths of the command line (issue 13, "Words and small truths"): every kind of
note, no note dated in the future, no "All clear" over a file that is not there, and no
lock file left beside a file netui did not write.

Each test runs the installed `netui` in a subprocess, with NETUI_HOME in a folder of its
own, and looks at what the user sees (exit code, stdout, stderr) and at the files on disk.
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from clikit import NETUI, failed, ok

from netui.model import NoteKind


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


def netui(*args: str, home: Path, cwd: Path) -> Result:
    environ = {k: v for k, v in os.environ.items() if k != "NETUI_DB"}
    environ.update({"NETUI_HOME": str(home), "PYTHONIOENCODING": "utf-8"})
    proc = subprocess.run(
        [NETUI, *args], capture_output=True, text=True, env=environ, cwd=cwd, timeout=60
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return Result(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def run(tmp_path: Path, home: Path):
    def run(*args: str) -> Result:
        return netui(*args, home=home, cwd=tmp_path)

    return run


@pytest.fixture
def network(run, tmp_path: Path) -> Path:
    """Jane Doe (id 1) in a data file of its own."""
    db = tmp_path / "network.json"
    ok(run("add", "contact", "Jane Doe @ Acme", "--db", str(db)))
    return db


def load(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"))


# --- every kind of note -------------------------------------------------------------------


@pytest.mark.parametrize("kind", [str(kind) for kind in NoteKind])
def test_add_note_takes_every_kind_the_model_has(run, network: Path, kind: str) -> None:
    result = ok(run("add", "note", "--kind", kind, "Jane: talked", "--db", str(network)))
    said = result.out.splitlines()[-1]
    expected = "saved note for" if kind == "note" else f"saved {kind} note for"
    assert said.startswith(f"{expected} Jane Doe on "), said
    assert "note note" not in said
    assert [n["kind"] for n in load(network)["notes"].values()] == [kind]


# --- no note dated in the future ----------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Jane: tomorrow, met for coffee",
        "Jane: next friday, met for coffee",
        "Jane: in 3 days, lunch",
    ],
)
@pytest.mark.parametrize("dry_run", [False, True])
def test_a_note_dated_in_the_future_is_refused(run, network: Path, line: str, dry_run) -> None:
    before = network.read_bytes()
    extra = ["--dry-run"] if dry_run else []
    result = run("add", "note", "--kind", "meeting", line, "--db", str(network), *extra)
    assert result.code == 1, result
    assert result.err.startswith("netui: ") and result.err.count("\n") == 1, result.err
    assert "is still to come: a note records what has happened" in result.err
    assert "add a follow-up" in result.err
    assert "saved" not in result.out
    assert network.read_bytes() == before


# --- a file that is not there -------------------------------------------------------------

READING = [
    ["today"],
    ["stats"],
    ["export", "csv"],
    ["export", "vcard"],
    ["export", "ics"],
    ["prep", "Jane"],
    ["duplicates"],
    ["check"],
    ["rhythm"],
]


@pytest.mark.parametrize("command", READING, ids=" ".join)
def test_a_command_that_reads_refuses_a_db_that_is_not_there(run, tmp_path, command) -> None:
    typo = tmp_path / "netwrok.json"
    result = failed(run(*command, "--db", str(typo)), f"netui: {typo} does not exist")
    assert "All clear" not in result.out
    assert result.err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home"]  # no file, no .lock


def test_today_on_a_typo_in_a_missing_folder(run, tmp_path: Path) -> None:
    failed(run("today", "--db", str(tmp_path / "a" / "typo.json")), "typo.json does not exist")
    assert not (tmp_path / "a").exists()


def test_netui_db_naming_a_missing_file_is_refused_too(tmp_path: Path, home: Path) -> None:
    typo = tmp_path / "typo.json"
    environ = {**os.environ, "NETUI_HOME": str(home), "NETUI_DB": str(typo)}
    proc = subprocess.run(
        [NETUI, "today"], capture_output=True, text=True, env=environ, cwd=tmp_path, timeout=60
    )
    assert proc.returncode == 1
    assert proc.stderr == (
        f"netui: {typo} does not exist (named by $NETUI_DB): nothing to read; check the "
        "path ('netui add' or 'netui import' starts a new file)\n"
    )
    assert proc.stdout == ""
    assert not typo.exists()


def test_add_still_starts_a_new_file(run, tmp_path: Path) -> None:
    new = tmp_path / "new.json"
    ok(run("add", "contact", "Jane Doe", "--db", str(new)))
    assert new.exists() and (tmp_path / "new.json.lock").exists()  # the lock stays with it
    assert ok(run("today", "--db", str(new))).out.startswith("netui daily review — ")


# --- no lock file beside a file that was not written ----------------------------------------

VCARD = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nN:Lee;Ann;;;\r\nEND:VCARD\r\n"


def test_a_dry_run_import_into_a_new_file_leaves_nothing(run, tmp_path: Path) -> None:
    cards = tmp_path / "x.vcf"
    cards.write_text(VCARD, "utf-8")
    result = ok(run("import", "vcard", str(cards), "--dry-run", "--db", str(tmp_path / "new.json")))
    assert "would be: " in result.out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "x.vcf"]


def test_a_dry_run_add_into_a_new_file_leaves_nothing(run, tmp_path: Path) -> None:
    ok(run("add", "contact", "Ann Lee", "--dry-run", "--db", str(tmp_path / "new.json")))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home"]


def test_a_refused_first_add_leaves_nothing(run, tmp_path: Path) -> None:
    new = tmp_path / "new.json"
    failed(run("add", "note", "tomorrow, coffee", "--db", str(new)), "still to come")
    failed(run("add", "followup", "call by feb 30", "--db", str(new)), "Feb 30")
    failed(run("add", "note", "Jane: coffee", "--db", str(new)), "no contact 'Jane'")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home"]


# --- counts in the singular for one -------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["csv"], "wrote 1 contact to"),
        (["csv", "--what", "followups"], "wrote 1 follow-up to"),
        (["csv", "--what", "notes"], "wrote 1 note to"),
        (["vcard"], "wrote 1 contact to"),
        (["ics"], "wrote 1 open follow-up to"),
    ],
)
def test_export_counts_one_in_the_singular(run, network: Path, tmp_path, args, said) -> None:
    ok(run("add", "followup", "Jane: send the deck", "--db", str(network)))
    ok(run("add", "note", "Jane: yesterday, coffee", "--db", str(network)))
    out = tmp_path / "out.file"
    result = run("export", *args, "-o", str(out), "--db", str(network))
    assert (result.code, result.out) == (0, ""), result
    assert result.err == f"{said} {out}\n"
