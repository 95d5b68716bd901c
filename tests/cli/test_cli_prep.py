"""`netui prep NAME [--markdown]`: the installed console script, run as a user runs it, on
a data file in a temporary folder and with NETUI_HOME pointing at another."""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from clikit import NETUI

from netui.store import Store


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


@pytest.fixture
def db(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder / "network.json"


@pytest.fixture
def run(tmp_path: Path, home: Path, db: Path) -> Callable[..., Result]:
    """Run `netui ARGS --db DB`; a failure is always one line on stderr, never a traceback."""

    def run(*args: str) -> Result:
        environ = {k: v for k, v in os.environ.items() if k != "NETUI_DB"}
        environ.update({"NETUI_HOME": str(home), "PYTHONIOENCODING": "utf-8"})
        proc = subprocess.run(
            [NETUI, *args, "--db", str(db)],
            capture_output=True,
            text=True,
            env=environ,
            cwd=tmp_path,
            timeout=60,
        )
        assert "Traceback" not in proc.stderr, proc.stderr
        if proc.returncode == 1:
            assert proc.stderr.startswith("netui: ") and proc.stderr.count("\n") == 1, proc.stderr
            assert proc.stdout == ""
        return Result(proc.returncode, proc.stdout, proc.stderr)

    return run


def ok(result: Result) -> Result:
    assert (result.code, result.err) == (0, ""), result
    return result


@pytest.fixture
def network(run: Callable[..., Result], db: Path) -> Path:
    """Bob Smith (1) referred Jane Doe (2), who was met once and gave a name (3)."""
    ok(run("add", "contact", "Bob Smith @ Globex"))
    ok(run("add", "contact", "Jane Doe (Design Lead) @ Acme Corp #ux <jane@acme.com> via Bob"))
    ok(run("add", "contact", "Jane Roe @ Initech"))
    ok(run("add", "note", "--kind", "meeting", "Jane Doe: coffee, she is *hiring* soon"))
    ok(run("add", "followup", "Jane Doe: send the portfolio tomorrow"))
    return db


def test_prep_prints_the_sheet_as_plain_text(run, network: Path) -> None:
    result = ok(run("prep", "Jane Doe"))
    out = result.out
    assert out.startswith("Prep sheet — Jane Doe\nDesign Lead at Acme Corp\n")
    for label, value in [
        ("Status", "met"),
        ("Tags", "#ux"),
        ("Referred by", "Bob Smith (Globex)"),
        ("Reach them", "jane@acme.com"),
    ]:
        assert re.search(rf"\n  {label}: +{re.escape(value)}\n", out), label
    assert "\nLast time we talked\n" in out
    assert "    coffee, she is *hiring* soon\n" in out
    assert "\nOpen follow-ups\n" in out and ": send the portfolio\n" in out
    # suggestions from the shipped bank: its starred questions first
    assert "\nSuggested questions (starred first)\n" in out
    assert "  1. What trends are changing your field right now?\n" in out
    assert "  2. How did you get into this line of work?\n" in out


def test_prep_prints_markdown(run, network: Path) -> None:
    out = ok(run("prep", "Jane", "Doe", "--markdown")).out  # the name needs no quotes
    assert out.startswith("# Prep sheet: Jane Doe\n\n*Design Lead at Acme Corp*\n")
    assert "\n## Who they are\n" in out
    assert "\n- **Referred by:** Bob Smith (Globex)\n" in out
    assert "\ncoffee, she is \\*hiring\\* soon\n" in out
    assert "\n## Open follow-ups\n" in out
    assert "\n1. What trends are changing your field right now?\n" in out


def test_prep_shows_the_questions_picked_in_the_app(run, network: Path) -> None:
    store = Store.open(network)
    store.set_prepared(2, ["Who else do you think I should talk to?", "My own question?"])
    out = ok(run("prep", "jane doe")).out
    assert (
        "\nQuestions picked for this meeting\n"
        "  1. Who else do you think I should talk to?\n"
        "  2. My own question?\n"
    ) in out


def test_prep_reads_the_users_question_bank(run, network: Path, home: Path) -> None:
    config = home / "config"
    config.mkdir()
    (config / "questions.toml").write_text(
        '[[group]]\nname = "Mine"\n\n[[group.question]]\ntext = "What is your day like?"\n',
        "utf-8",
    )
    out = ok(run("prep", "Bob")).out
    assert out.endswith("\nSuggested questions (starred first)\n  1. What is your day like?\n")


def test_a_broken_question_bank_is_named_with_its_line(run, network: Path, home: Path) -> None:
    config = home / "config"
    config.mkdir()
    (config / "questions.toml").write_text('[[group]]\nname = "Mine\n', "utf-8")
    result = run("prep", "Bob")
    assert result.code == 1
    assert str(config / "questions.toml") in result.err
    assert "line 2" in result.err


def test_unknown_name_exits_1(run, network: Path) -> None:
    before = network.read_bytes()
    result = run("prep", "Nobody")
    assert result.code == 1
    assert result.err == "netui: no contact 'Nobody'\n"
    assert network.read_bytes() == before


def test_ambiguous_name_exits_1_listing_the_candidates(run, network: Path) -> None:
    result = run("prep", "Jane")
    assert result.code == 1
    assert "'Jane' matches" in result.err
    assert "Jane Doe" in result.err and "Jane Roe" in result.err


def test_blank_name_exits_1(run, network: Path) -> None:
    result = run("prep", "  ")
    assert result.code == 1
    assert result.err == "netui: prep needs the name of a contact\n"


def test_missing_name_is_a_usage_error(run, network: Path) -> None:
    result = run("prep")
    assert result.code == 2
    assert "usage:" in result.err
