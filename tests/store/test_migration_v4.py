"""A data file of format 3 (issue 7's) gains the outreach loop's fields and tables of
format 4: `moved_on` on contacts, `advice` on follow-ups, the `outcomes` and `loop`
tables. The older fixtures go all the way, and `netui check` finds them clean."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from storekit import tmpfs

from netui.model import FollowUp
from netui.store import Store
from netui.store.schema import SCHEMA_VERSION

DATA = Path(__file__).parent.parent / "data"

V3: dict[str, Any] = {
    "meta": {
        "1": {
            "schema_version": 3,
            "last_ids": {"contacts": 2, "followups": 1, "notes": 1, "companies": 1},
            "goals": {"contacts": 4, "meetings": 1, "followups": 3},
        }
    },
    "contacts": {
        "1": {
            "name": "Ana Lopez", "company": "Acme", "title": "Design Lead",
            "email": "ana@acme.example", "phone": "", "linkedin": "", "tags": ["ux"],
            "how_met": "design meetup", "referred_by": None, "status": "met",
            "cadence_days": 30, "prepared": [], "other_emails": [], "other_phones": [],
            "other_urls": [], "phone_labels": {}, "created": "2026-10-01T09:00:00",
            "updated": "2026-10-02T09:00:00", "favourite": "kept as it is",
        },
        "2": {
            "name": "Priya Patel", "company": "Acme", "title": "", "email": "", "phone": "",
            "linkedin": "", "tags": [], "how_met": "via Ana Lopez", "referred_by": 1,
            "status": "lead", "cadence_days": None, "prepared": [], "other_emails": [],
            "other_phones": [], "other_urls": [], "created": "2026-10-02T09:00:00",
            "updated": "2026-10-02T09:00:00",
        },
    },
    "followups": {
        "1": {"contact_id": 1, "text": "read the book Ana named", "due": "2026-11-30",
              "done": None, "created": "2026-10-02T09:00:00"},
    },
    "notes": {
        "1": {"contact_id": 1, "date": "2026-10-02", "kind": "coffee", "text": "Coffee",
              "created": "2026-10-02T09:00:00", "answers": [], "companies": [], "feedback": "",
              "promises": [], "new_contacts": [2]},
    },
    "companies": {"1": {"name": "Acme", "target": True}},
}  # fmt: skip


def write_v3(path: Path) -> bytes:
    path.write_text(json.dumps(V3, indent=2))
    return path.read_bytes()


def test_a_v3_file_gains_moved_on_advice_outcomes_and_loop_and_keeps_everything(
    tmp_path: Path,
) -> None:
    db = tmp_path / "netui.json"
    original = write_v3(db)

    store = Store.open(db)

    kept = db.with_name("netui.json.backups") / "netui.pre-v4.json"
    assert kept.read_bytes() == original
    assert any("upgraded" in notice and "data format 4" in notice for notice in store.notices)
    data = json.loads(db.read_text())
    assert data["meta"]["1"] == {**V3["meta"]["1"], "schema_version": 4}
    for doc_id, doc in data["contacts"].items():
        assert doc == {**V3["contacts"][doc_id], "moved_on": None}
    for doc_id, doc in data["followups"].items():
        assert doc == {**V3["followups"][doc_id], "advice": False}
    assert data["notes"] == V3["notes"]
    assert data["companies"] == V3["companies"]
    assert data["outcomes"] == {} and data["loop"] == {}

    network = store.network()
    assert [c.moved_on for c in network.contacts] == [None, None]
    assert [f.advice for f in network.followups] == [False]
    assert network.outcomes == () and network.loop == ()

    again = db.read_bytes()
    Store.open(db)  # a second open migrates nothing
    assert db.read_bytes() == again


@pytest.mark.parametrize(
    "fixture", ["v0_contacts_only.json", "v0_network.json", "v1_network.json", "v2_network.json"]
)
def test_every_older_fixture_reaches_format_4_and_checks_clean(
    tmp_path: Path, fixture: str
) -> None:
    db = tmp_path / "netui.json"
    shutil.copy(DATA / fixture, db)

    Store.open(db)

    data = json.loads(db.read_text())
    assert data["meta"]["1"]["schema_version"] == SCHEMA_VERSION == 4
    assert data["outcomes"] == {} and data["loop"] == {}
    assert all(doc["moved_on"] is None for doc in data["contacts"].values())
    assert all(doc["advice"] is False for doc in data["followups"].values())
    done = netui(db, "check")
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith("no problems found\n")


def test_a_read_only_v3_file_is_shown_upgraded_and_left_as_it_is(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "ro", "4m") as mount_point:
        db = mount_point / "netui.json"
        original = write_v3(db)
        remount = ["mount", "-o", "remount,ro", str(mount_point)]
        if subprocess.run(remount, capture_output=True).returncode != 0:
            pytest.skip("can't remount the tmpfs read-only here")

        store = Store.open(db)

        assert store.read_only
        assert any("older data format" in notice for notice in store.notices)
        assert [c.moved_on for c in store.contacts()] == [None, None]
        assert store.outcomes() == [] and store.loop_states() == []
        assert db.read_bytes() == original


def test_netui_check_covers_the_new_fields_and_tables(tmp_path: Path) -> None:
    db = tmp_path / "netui.json"
    write_v3(db)
    store = Store.open(db)
    store.mark_moved_on(2, date(2026, 11, 20))
    store.set_advice(1, True)
    outcome = store.record_outcome("Product Designer", "Acme", date(2026, 11, 23))
    store.set_loop_state(f"landed:{outcome.id}:1", "snoozed", date(2026, 12, 1))
    assert netui(db, "check").stdout.endswith("no problems found\n")

    data = json.loads(db.read_text())
    data["contacts"]["2"]["moved_on"] = "last week"
    data["followups"]["1"]["advice"] = "yes"
    data["outcomes"]["1"]["date"] = 20261123
    data["loop"]["1"]["state"] = "later"
    data["loop"]["1"]["until"] = "2026-13-01"
    db.write_text(json.dumps(data))
    done = netui(db, "check")
    assert done.returncode == 1
    assert done.stdout.splitlines()[1:-1] == [
        "contacts/2: 'moved_on' must be a date like 2026-12-31, not \"last week\"",
        "followups/1: 'advice' must be true or false, not \"yes\"",
        "outcomes/1: 'date' must be a date like 2026-12-31, not 20261123",
        "loop/1: 'state' must be one of done, dismissed, snoozed, not \"later\"",
        "loop/1: 'until' must be a date like 2026-12-31, not \"2026-13-01\"",
    ]

    repaired = netui(db, "check", "--repair")
    assert repaired.returncode == 0, repaired.stderr
    data = json.loads(db.read_text())
    assert data["contacts"]["2"]["moved_on"] is None
    assert data["followups"]["1"]["advice"] is False
    assert data["loop"]["1"]["state"] == "snoozed" and data["loop"]["1"]["until"] is None
    assert netui(db, "check").stdout.endswith("no problems found\n")


def test_a_key_naming_someone_deleted_is_no_problem(tmp_path: Path) -> None:
    db = tmp_path / "netui.json"
    write_v3(db)
    store = Store.open(db)
    store.set_loop_state("intro:2:reached", "dismissed")
    store.set_loop_state("advice:1", "done")
    store.delete_contact(2)
    store.delete_followup(1)

    done = netui(db, "check")

    assert done.returncode == 0, done.stdout
    assert [s.key for s in Store.open(db).loop_states()] == ["intro:2:reached", "advice:1"]


def test_a_followup_saved_with_advice_reads_back_with_it(tmp_path: Path) -> None:
    db = tmp_path / "netui.json"
    write_v3(db)
    store = Store.open(db)
    saved = store.add_followup(
        FollowUp("try the portfolio review", date(2026, 12, 2), 1, advice=True)
    )
    assert json.loads(db.read_text())["followups"][str(saved.id)]["advice"] is True
    assert Store.open(db).followup(saved.id or 0).advice is True


def netui(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NETUI_HOME": str(db.parent / "home")}
    return subprocess.run(
        [sys.executable, "-m", "netui", *args, "--db", str(db)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
