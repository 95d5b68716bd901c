"""A data file of format 2 (issue 4's) gains the address-book fields of format 3."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from netui.model import Goals
from netui.store import Store
from netui.store.schema import SCHEMA_VERSION

FIXTURE = Path(__file__).parent.parent / "data" / "v2_network.json"


def test_a_v2_file_gains_other_emails_phones_and_urls_and_keeps_everything(
    tmp_path: Path,
) -> None:
    db = tmp_path / "netui.json"
    shutil.copy(FIXTURE, db)
    original = db.read_bytes()
    before = json.loads(original)

    store = Store.open(db)

    kept = db.with_name("netui.json.backups") / "netui.pre-v3.json"
    assert kept.read_bytes() == original
    data = json.loads(db.read_text())
    assert data["meta"]["1"]["schema_version"] == SCHEMA_VERSION
    later = {"moved_on", "advice"}  # (format 4's, tested in test_migration_v4.py)
    for doc_id, doc in data["contacts"].items():
        assert doc["other_emails"] == [] and doc["other_phones"] == [] and doc["other_urls"] == []
        old = before["contacts"][doc_id]
        assert {
            k: v for k, v in doc.items() if not k.startswith("other_") and k not in later
        } == old
    for table in ("followups", "notes", "companies"):
        assert [{k: v for k, v in d.items() if k not in later} for d in data[table].values()] == [
            *before[table].values()
        ]
    assert data["meta"]["1"]["goals"] == before["meta"]["1"]["goals"]
    assert store.goals() == Goals(contacts=4, meetings=1, followups=3)
    jane = store.contacts()[0]
    assert (jane.email, jane.phone, jane.other_emails) == ("jane@acme.example", "+1 555 0100", ())

    again = db.read_bytes()
    Store.open(db)  # a second open migrates nothing
    assert db.read_bytes() == again


def test_other_emails_phones_and_urls_are_saved_and_read_back(tmp_path: Path) -> None:
    from dataclasses import replace

    from netui.model import Contact

    store = Store.open(tmp_path / "netui.json")
    saved = store.add_contact(
        Contact(
            name="Ana",
            email="ana@work.example",
            other_emails=("ana@home.example", " ana@home.example ", ""),
            other_phones=("+44 20 7946 0000",),
            other_urls=("https://ana.example",),
        )
    )
    doc = json.loads((tmp_path / "netui.json").read_text())["contacts"][str(saved.id)]
    assert doc["other_emails"] == ["ana@home.example"]
    assert doc["other_phones"] == ["+44 20 7946 0000"]
    assert doc["other_urls"] == ["https://ana.example"]
    reopened = Store.open(tmp_path / "netui.json").contacts()[0]
    assert reopened == replace(saved, other_emails=("ana@home.example",))
