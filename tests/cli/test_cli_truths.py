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
from clikit import NETUI, ok

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
