"""`netui add` builds only the contacts a name could mean (not all 30,000), and still finds
the one the line names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clikit import netui_at as run


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "netui.json"
    for line in ("Bob Smith @ Globex", "Zoë Martín @ Initech", "Ana Vias"):
        assert run(path, "add", "contact", line).returncode == 0
    return path


def ids(db: Path) -> dict[str, int]:
    return {c["name"]: int(k) for k, c in json.loads(db.read_bytes())["contacts"].items()}


def referrer_of(db: Path, name: str) -> int | None:
    people = json.loads(db.read_bytes())["contacts"]
    return people[str(ids(db)[name])]["referred_by"]


@pytest.mark.parametrize(
    ("line", "referrer"),
    [
        ("Jane Doe (hired via a referral) via Bob Smith", "Bob Smith"),
        ("Jane Doe via Bob", "Bob Smith"),
        ("Jane Doe via Smith", "Bob Smith"),
        ("Jane Doe via zoe", "Zoë Martín"),
        ("Jane Doe via Ana Vias", "Ana Vias"),
    ],
)
def test_the_referrer_is_found_wherever_via_stands(db: Path, line: str, referrer: str) -> None:
    done = run(db, "add", "contact", line)
    assert done.returncode == 0, done.stderr
    assert referrer_of(db, "Jane Doe") == ids(db)[referrer]


@pytest.mark.parametrize(
    ("line", "who"),
    [("zoe: send the deck friday", "Zoë Martín"), ("Martín: call", "Zoë Martín")],
)
def test_a_follow_up_finds_its_contact_by_any_word(db: Path, line: str, who: str) -> None:
    done = run(db, "add", "followup", line)
    assert done.returncode == 0, done.stderr
    assert f"for {who}" in done.stdout


def test_netui_add_followup_saves_the_advice(tmp_path: Path) -> None:
    db = tmp_path / "netui.json"
    assert run(db, "add", "contact", "Jane Doe @ Acme").returncode == 0
    result = run(db, "add", "followup", "Jane: read Inspired #advice")
    assert result.returncode == 0, result.stderr
    assert "acting on Jane's advice" in result.stdout
    (followup,) = json.loads(db.read_bytes())["followups"].values()
    assert (followup["text"], followup["advice"]) == ("read Inspired", True)
