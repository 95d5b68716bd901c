"""A v0 file (netui's tables, no `meta`) is brought to v1 once, keeping the original."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from storekit import Faults, backups_of, day, is_temp_of, listing, names, on_disk, temps

from netui.errors import StoreError
from netui.model import Contact, Status
from netui.store import Store
from netui.store.backups import backup_dir
from netui.store.schema import DEFAULT_GOALS, SCHEMA_VERSION

DATA = Path(__file__).parent.parent / "data"
V0_FILES = sorted(DATA.glob("v0_*.json"))
CONTACT_FIELDS = {
    "name", "company", "title", "email", "phone", "linkedin", "tags", "how_met",
    "referred_by", "status", "cadence_days", "created", "updated",
}  # fmt: skip
FOLLOWUP_FIELDS = {"contact_id", "text", "due", "done", "created"}
NOTE_FIELDS = {"contact_id", "date", "kind", "text", "created"}


@pytest.mark.parametrize("fixture", V0_FILES, ids=[f.name for f in V0_FILES])
def test_a_v0_file_is_migrated_once_and_the_original_kept(db: Path, fixture: Path) -> None:
    original = fixture.read_bytes()
    db.write_bytes(original)

    store = Store.open(db, clock=day(0))

    kept = backup_dir(store.path) / "netui.pre-v1.json"
    assert kept.read_bytes() == original
    assert store.notices == [
        f"upgraded {store.path} to data format {SCHEMA_VERSION}; original kept as {kept}"
    ]
    data = on_disk(db)
    assert data["meta"] == {"1": {"schema_version": SCHEMA_VERSION, "goals": DEFAULT_GOALS}}
    source = on_disk(fixture)
    for table, fields in (
        ("contacts", CONTACT_FIELDS),
        ("followups", FOLLOWUP_FIELDS),
        ("notes", NOTE_FIELDS),
    ):
        assert data[table].keys() == source.get(table, {}).keys()
        for doc_id, doc in data[table].items():
            assert set(doc) >= fields
            assert doc.items() >= source[table][doc_id].items()  # nothing it had is lost
    assert names(store) == [doc["name"] for doc in source["contacts"].values()]

    migrated = db.read_bytes()
    files = listing(db.parent)
    again = Store.open(db, clock=day(0))
    assert again.notices == []
    assert db.read_bytes() == migrated
    assert listing(db.parent) == files


def test_the_migrated_network_reads_and_takes_new_ids_after_the_old_ones(db: Path) -> None:
    db.write_bytes((DATA / "v0_network.json").read_bytes())
    store = Store.open(db, clock=day(0))

    raj = store.contact(2)
    assert (raj.status, raj.referred_by, raj.cadence_days) == (Status.MET, 1, 30)
    assert store.contact(1).tags == ("design", "ux")
    assert [f.text for f in store.followups()] == ["send the portfolio"]
    assert store.notes(2)[0].text == "coffee; gave me two names"
    assert store.add_contact(Contact(name="Ann Lee")).id == 5  # 4 was the highest
    assert on_disk(db)["contacts"]["4"]["custom"] == "kept"  # a hand-added field survives


def test_an_interrupted_migration_leaves_the_old_file(db: Path, faults: Faults) -> None:
    original = (DATA / "v0_network.json").read_bytes()
    db.write_bytes(original)
    faults.fail("replace", errno.EIO, lambda src, *a, **k: is_temp_of(db.resolve())(src))

    with pytest.raises(StoreError) as failed:
        Store.open(db, clock=day(0))

    message = str(failed.value)
    assert message.startswith(f"couldn't save {db.resolve()}: Input/output error")
    assert "nothing was changed" in message
    assert db.read_bytes() == original
    assert [b.read_bytes() for b in backups_of(db)] == [original]
    assert temps(db.parent) == []

    faults.clear()
    store = Store.open(db, clock=day(0))
    assert store.notices and store.notices[0].startswith(f"upgraded {store.path}")
    assert on_disk(db)["meta"] == {"1": {"schema_version": SCHEMA_VERSION, "goals": DEFAULT_GOALS}}
    assert all(b.read_bytes() == original for b in backups_of(db))
