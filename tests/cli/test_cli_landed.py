"""`netui landed "ROLE @ COMPANY" [--date WHEN] [--dry-run]`: the outcome recorded as one
change, and everyone in the referral chains that led to the company listed, each with the
`netui draft update NAME` line that writes them the news.

`netui.cli.main` runs in this process with the clock stopped on Thursday 3 December 2026.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from clikit import Result, failed, in_process, ok

from netui.clock import frozen_clock
from netui.model import Contact, Note, NoteKind, Status
from netui.store import Store

NOW = datetime(2026, 12, 3, 10, 30, 0)
"""A Thursday."""
CLOCK = frozen_clock(NOW)


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Ana López (met) gave me Priya Patel (met, at Acme), who gave me Lee Wong (a lead at
    Acme); Daniel Kim gave me Hamza Qureshi (written to, at ACME); Bob [b]Smith[/b] {x}
    (met, at Globex) gave me Jane (at Globex); Jo Zhang (met) works at Acme, nobody's
    referral."""
    monkeypatch.setattr("netui.clock.system_clock", CLOCK)
    monkeypatch.setenv("NETUI_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("NETUI_DB", raising=False)
    path = tmp_path / "netui.json"
    store = Store.open(path, clock=CLOCK)
    ana = store.add_contact(Contact("Ana López", company="Globex", status=Status.MET))
    priya = store.add_contact(
        Contact("Priya Patel", company="Acme", status=Status.MET, referred_by=ana.id)
    )
    store.add_contact(Contact("Lee Wong", company="Acme", referred_by=priya.id))
    daniel = store.add_contact(Contact("Daniel Kim", company="Lumen", status=Status.MET))
    hamza = store.add_contact(
        Contact("Hamza Qureshi", company="ACME", status=Status.CONTACTED, referred_by=daniel.id)
    )
    bob = store.add_contact(Contact("Bob [b]Smith[/b] {x}", company="Globex", status=Status.MET))
    store.add_contact(Contact("Jane Roe", company="Globex", referred_by=bob.id))
    jo = store.add_contact(Contact("Jo Zhang", company="Acme", status=Status.MET))
    assert priya.id and hamza.id and jo.id
    store.add_note(Note("Coffee", date(2026, 11, 20), priya.id, NoteKind.COFFEE))
    store.add_note(Note("Intro", date(2026, 11, 25), hamza.id, NoteKind.OUTREACH))
    store.add_note(Note("Lunch", date(2026, 11, 10), jo.id, NoteKind.MEETING))
    return path


@pytest.fixture
def netui(db: Path, capsys: pytest.CaptureFixture[str]) -> Any:
    def run(*args: str) -> Result:
        return in_process(capsys, *args, "--db", str(db))

    return run


def outcomes(db: Path) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = json.loads(db.read_bytes()).get("outcomes", {})
    return found


def test_landed_records_the_outcome_and_lists_the_chains(netui: Any, db: Path) -> None:
    out = ok(netui("landed", "Product Designer @ Acme")).out
    (record,) = outcomes(db).values()
    assert (record["role"], record["company"], record["date"]) == (
        "Product Designer",
        "Acme",
        "2026-12-03",
    )
    lines = out.splitlines()
    assert lines[0] == "saved: Product Designer at Acme, on Thu 3 Dec  [id 1]"
    assert lines[1] == "Tell the 4 people who led you there (each line writes them the news):"
    # every ancestor of someone at Acme (however spelled), and those met there; not Lee
    # (a lead) nor Hamza (written to, never met), nor Bob and Jane (Globex)
    assert sorted(lines[2:]) == [
        f"  Ana López: netui draft update 'Ana López' --db {db}",
        f"  Daniel Kim: netui draft update 'Daniel Kim' --db {db}",
        f"  Jo Zhang: netui draft update 'Jo Zhang' --db {db}",
        f"  Priya Patel: netui draft update 'Priya Patel' --db {db}",
    ]


def test_each_line_listed_writes_the_update(netui: Any, db: Path) -> None:
    ok(netui("landed", "Product Designer @ Acme"))
    out = ok(netui("draft", "update", "Ana López")).out
    assert (
        "I'm happy to tell you that I've accepted a role as Product Designer at Acme. "
        "It started with your introduction to Priya Patel."
    ) in out


def test_a_dry_run_saves_nothing_and_says_what_it_would(netui: Any, db: Path) -> None:
    before = db.read_bytes()
    out = ok(netui("landed", "Designer @ Acme", "--date", "monday", "--dry-run")).out
    assert out.startswith("would save: Designer at Acme, on Mon 30 Nov\n")
    assert "Tell the 4 people who led you there" in out
    assert db.read_bytes() == before


def test_nobody_to_tell_is_said(netui: Any, db: Path) -> None:
    out = ok(netui("landed", "Analyst @ Initech")).out
    assert out.splitlines()[1:] == ["No referral chain in netui leads to Initech: nobody to tell."]


def test_markup_and_braces_in_names_are_printed_as_written(netui: Any, db: Path) -> None:
    out = ok(netui("landed", "Designer @ Globex")).out
    assert f"  Bob [b]Smith[/b] {{x}}: netui draft update 'Bob [b]Smith[/b] {{x}}' --db {db}" in (
        out
    )


@pytest.mark.parametrize(
    ("what", "message"),
    [
        ("Product Designer", "write the role and the company with an @ between"),
        ("@ Acme", "write the role and the company with an @ between"),
        ("Designer @ ", "write the role and the company with an @ between"),
    ],
)
def test_a_line_without_role_or_company_is_refused(
    netui: Any, db: Path, what: str, message: str
) -> None:
    failed(netui("landed", what), message)
    assert outcomes(db) == {}


def test_a_date_still_to_come_is_refused(netui: Any, db: Path) -> None:
    failed(netui("landed", "Designer @ Acme", "--date", "tomorrow"), "--date: Fri 4 Dec is still")
    failed(netui("landed", "Designer @ Acme", "--date", "feb 30"), "--date: there is no Feb 30")
    assert outcomes(db) == {}
