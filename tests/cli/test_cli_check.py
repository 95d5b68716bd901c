"""`netui check`: every wrong value and dangling reference listed as table/id: field, exit 1;
`--repair` fixes them after keeping a copy; every other command refuses a file with wrong
values in one line, exit 1, the file untouched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clikit import netui_at as run


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "netui.json"
    for line in ("Ann Lee @ Acme", "Bo Chen via Ann Lee"):
        assert run(path, "add", "contact", line).returncode == 0
    assert run(path, "add", "followup", "Ann Lee: send the deck friday").returncode == 0
    return path


def damage(db: Path) -> bytes:
    """What a hand edit can do: a wrong type, and a follow-up of nobody that exists."""
    data = json.loads(db.read_bytes())
    data["contacts"]["1"]["status"] = []
    data["followups"]["1"]["contact_id"] = 99
    db.write_text(json.dumps(data, indent=1))
    return db.read_bytes()


def test_a_sound_file_checks_clean(db: Path) -> None:
    done = run(db, "check")
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"{db}: 2 contacts, 1 follow-up, 0 notes\nno problems found\n"


def test_check_lists_each_problem_and_exits_1(db: Path) -> None:
    before = damage(db)
    done = run(db, "check")
    assert done.returncode == 1
    assert done.stdout.splitlines()[1:] == [
        "contacts/1: 'status' must be one of lead, contacted, met, not []",
        "followups/1: 'contact_id' points at contacts/99, which does not exist",
        f"2 problems; 'netui check --repair --db {db}' fixes them "
        "(after keeping a copy in the backups)",
    ]
    assert db.read_bytes() == before


@pytest.mark.parametrize(
    "command",
    [["today"], ["stats"], ["export", "csv"], ["add", "contact", "Cy Diaz"], ["prep", "Ann"]],
    ids=lambda c: c[0],
)
def test_every_command_refuses_a_wrong_value_in_one_line(db: Path, command: list[str]) -> None:
    before = damage(db)
    done = run(db, *command)
    assert done.returncode == 1
    assert done.stdout == ""
    (line,) = done.stderr.splitlines()
    assert line.startswith(f"netui: {db} has a value netui can't use: contacts/1: 'status' ")
    assert f"'netui check --repair --db {db}' fixes them" in line
    assert "Traceback" not in done.stderr
    assert db.read_bytes() == before


def test_repair_dry_run_changes_nothing(db: Path) -> None:
    before = damage(db)
    done = run(db, "check", "--repair", "--dry-run")
    assert done.returncode == 0, done.stderr
    assert "contacts/1: 'status' set to \"lead\"" in done.stdout
    assert "followups/1: 'contact_id' set to null" in done.stdout
    assert done.stdout.endswith("would repair 2 problems\n")
    assert db.read_bytes() == before


def test_repair_fixes_keeps_a_copy_and_the_file_then_checks_clean(db: Path) -> None:
    before = damage(db)
    done = run(db, "check", "--repair")
    assert done.returncode == 0, done.stderr
    kept = [p for p in (db.parent / "netui.json.backups").iterdir() if "pre-repair" in p.name]
    assert [p.read_bytes() for p in kept] == [before]
    assert f"the file before is kept as {kept[0]}" in done.stdout
    data = json.loads(db.read_bytes())
    assert data["contacts"]["1"]["status"] == "lead"
    assert data["followups"]["1"]["contact_id"] is None
    assert run(db, "check").returncode == 0
    assert run(db, "today").returncode == 0


def test_a_dangling_reference_alone_is_said_but_not_refused(db: Path) -> None:
    data = json.loads(db.read_bytes())
    data["followups"]["1"]["contact_id"] = 99
    db.write_text(json.dumps(data))
    done = run(db, "today")
    assert done.returncode == 0
    assert "1 reference to contacts that don't exist" in done.stderr
    assert "send the deck" in done.stdout


def test_wrong_phone_labels_are_listed_and_repaired(db: Path) -> None:
    data = json.loads(db.read_bytes())
    data["contacts"]["1"]["phone_labels"] = {"+1 555 0100": "satellite", "+1 555 0101": "work"}
    data["contacts"]["2"]["phone_labels"] = ["work"]
    db.write_text(json.dumps(data, indent=1))
    done = run(db, "check")
    assert done.returncode == 1
    assert done.stdout.splitlines()[1:3] == [
        "contacts/1: 'phone_labels' must map phone numbers to one of cell, work, home, fax, "
        'pager, not "+1 555 0100" to "satellite"',
        "contacts/2: 'phone_labels' must be a map of phone number to one of cell, work, home, "
        'fax, pager, not ["work"]',
    ]
    assert run(db, "check", "--repair").returncode == 0
    repaired = json.loads(db.read_bytes())["contacts"]
    assert repaired["1"]["phone_labels"] == {"+1 555 0101": "work"}
    assert repaired["2"]["phone_labels"] == {}
