"""A data file of format 1 (issue 2's) gains the fields of format 2 when opened."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from netui.model import Goals
from netui.store import Store
from netui.store.schema import DEFAULT_GOALS, SCHEMA_VERSION

FIXTURE = Path(__file__).parent.parent / "data" / "v1_network.json"


def test_a_v1_file_gains_the_meeting_outcomes_companies_and_goals(tmp_path: Path) -> None:
    db = tmp_path / "netui.json"
    shutil.copy(FIXTURE, db)
    original = db.read_bytes()

    store = Store.open(db)

    kept = db.with_name("netui.json.backups") / "netui.pre-v2.json"
    assert kept.read_bytes() == original
    data = json.loads(db.read_text())
    assert data["meta"]["1"]["schema_version"] == SCHEMA_VERSION
    assert data["meta"]["1"]["goals"] == DEFAULT_GOALS
    assert data["companies"] == {}
    note = data["notes"]["1"]
    assert note["answers"] == [] and note["companies"] == [] and note["promises"] == []
    assert note["feedback"] == "" and note["new_contacts"] == []
    assert note["handwritten"] == "a field netui does not know survives"
    assert note["text"] == "coffee at Blue Bottle, gave me Bob's name"
    assert [c.name for c in store.contacts()] == ["Jane Doe", "Bob Smith"]
    assert store.goals() == Goals()

    again = db.read_bytes()
    Store.open(db)  # a second open migrates nothing
    assert db.read_bytes() == again
