"""Dates at the edge, through the installed `netui` command: a date outside the range
netui keeps (1900-01-01 to 2200-12-31) is refused on one line with nothing written, and
the dates at both ends of it go in, export and import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clikit import netui_at as run

RANGE = "(1900-01-01 to 2200-12-31)"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A data file holding Ann Lee."""
    path = tmp_path / "netui.json"
    result = run(path, "add", "contact", "Ann Lee @ Acme")
    assert result.returncode == 0, result.stderr
    return path


@pytest.mark.parametrize(
    ("what", "line", "message"),
    [
        (
            "followup",
            "Ann Lee: call 9999-12-31",
            f"9999-12-31 is outside the dates netui keeps {RANGE}",
        ),
        (
            "followup",
            "Ann Lee: call in 500 years",
            f"(in 500 years) is outside the dates netui keeps {RANGE}",
        ),
        (
            "followup",
            "Ann: call on 1899-12-31",
            f"1899-12-31 is outside the dates netui keeps {RANGE}",
        ),
        (
            "note",
            "Ann Lee: 1899-12-31, coffee",
            f"1899-12-31 is outside the dates netui keeps {RANGE}",
        ),
    ],
)
def test_a_date_outside_the_range_exits_1_and_leaves_the_file_as_it_was(
    db: Path, what: str, line: str, message: str
) -> None:
    before = db.read_bytes()
    result = run(db, "add", what, line)
    assert result.returncode == 1
    assert result.stderr.endswith(message + "\n")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stdout == ""
    assert db.read_bytes() == before


def test_due_dates_at_both_ends_are_saved_and_exported(db: Path, tmp_path: Path) -> None:
    for line in ("Ann Lee: call 1900-01-01", "Ann Lee: call again 2200-12-31"):
        result = run(db, "add", "followup", line)
        assert result.returncode == 0, result.stderr
    dues = sorted(doc["due"] for doc in json.loads(db.read_text())["followups"].values())
    assert dues == ["1900-01-01", "2200-12-31"]

    ics = run(db, "export", "ics")
    assert ics.returncode == 0, ics.stderr
    assert "DTSTART;VALUE=DATE:19000101" in ics.stdout
    assert "DTSTART;VALUE=DATE:22001231" in ics.stdout
    assert "DTEND;VALUE=DATE:22010101" in ics.stdout  # the day after, as DTEND is exclusive
    assert ics.stdout.count("BEGIN:VALARM") == 2

    out = tmp_path / "followups.csv"
    exported = run(db, "export", "csv", "--what", "followups", "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    text = out.read_text(encoding="utf-8")
    assert ",1900-01-01," in text and ",2200-12-31," in text


def test_a_linkedin_row_outside_the_range_is_skipped_with_the_reason(
    db: Path, tmp_path: Path
) -> None:
    export = tmp_path / "Connections.csv"
    export.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Bob,Smith,,,Globex,CTO,31 Dec 9999\n"
        "Cy,Young,,,Initech,Dev,01 Jan 1900\n",
        encoding="utf-8",
    )
    result = run(db, "import", "linkedin", str(export))
    assert result.returncode == 0, result.stderr
    assert (
        f"line 2 Connected On 9999-12-31 is outside the dates netui keeps {RANGE}" in result.stdout
    )
    contacts = json.loads(db.read_text())["contacts"].values()
    assert {c["name"]: c["created"][:10] for c in contacts if c["name"] != "Ann Lee"} == {
        "Cy Young": "1900-01-01"
    }
    assert "9999" not in db.read_text()
