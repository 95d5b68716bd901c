"""Rotating backups: one before the first save of each day, KEEP of them, each a good
file; a backup that can't be made stops the save; restore puts one back."""

from __future__ import annotations

import errno
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from storekit import (
    DAY1,
    Faults,
    backups_of,
    day,
    fd_path,
    listing,
    make_store,
    names,
    names_on_disk,
    temps,
)

from netui.errors import StoreError
from netui.model import Contact
from netui.store import Store
from netui.store.backups import (
    KEEP,
    backup_dir,
    list_backups,
    newest_backup,
    restore_backup,
)
from netui.store.schema import decode


def test_a_backup_is_taken_before_the_first_save_of_a_day_and_only_then(db: Path) -> None:
    make_store(db, "Ann Lee")  # creating the file: nothing to back up yet
    assert backups_of(db) == []

    store = Store.open(db, clock=day(1))
    before_first_save = db.read_bytes()
    for name in ("Bo Chen", "Cy Diaz", "Dee Ek"):
        store.add_contact(Contact(name=name))
    (backup,) = backups_of(db)
    assert backup.name == "netui.2026-11-24T09-00-00.json"
    assert backup.read_bytes() == before_first_save

    Store.open(db, clock=day(1)).add_contact(Contact(name="Eve Fox"))  # same day, new session
    assert backups_of(db) == [backup]

    store.clock = day(2)
    before_next_day = db.read_bytes()
    store.add_contact(Contact(name="Flo Gu"))
    assert len(backups_of(db)) == 2
    assert newest_backup(db) == backup_dir(db) / "netui.2026-11-25T09-00-00.json"
    assert newest_backup(db).read_bytes() == before_next_day  # type: ignore[union-attr]


def test_backups_rotate_to_keep_and_each_one_parses(db: Path) -> None:
    store = make_store(db, "day 0")
    for n in range(1, KEEP + 6):
        store.clock = day(n)
        store.add_contact(Contact(name=f"day {n}"))

    backups = list_backups(db)  # newest first
    assert len(backups) == KEEP
    kept_days = [DAY1 + timedelta(days=n) for n in range(KEEP + 5, 5, -1)]
    assert [b.name for b in backups] == [f"netui.{d:%Y-%m-%dT%H-%M-%S}.json" for d in kept_days]
    for n, backup in zip(range(KEEP + 5, 5, -1), backups, strict=True):
        data = decode(backup.read_bytes(), backup)
        assert [doc["name"] for doc in data["contacts"].values()] == [f"day {i}" for i in range(n)]


def test_labelled_backups_are_never_rotated_away(db: Path) -> None:
    db.write_bytes(b'{"contacts": {"1": {"name": "day 0"}}}')  # migrated: a pre-v1 copy
    store = Store.open(db, clock=day(0))
    for n in range(1, KEEP + 3):
        store.clock = day(n)
        store.add_contact(Contact(name=f"day {n}"))
    found = [b.name for b in list_backups(db)]
    assert "netui.pre-v1.json" in found
    assert len(found) == KEEP + 1


def test_a_backup_that_cant_be_written_blocks_the_save(db: Path, faults: Faults) -> None:
    store = make_store(db, "Ann Lee", "Bo Chen")
    store.clock = day(1)  # a backup is due before the next save
    before = db.read_bytes()
    files = listing(db.parent)
    backups = backup_dir(store.path)

    def backup_temp(fd: int, *args: object) -> bool:
        return Path(fd_path(fd)).parent == backups and fd_path(fd).endswith(".tmp")

    faults.fail("write", errno.ENOSPC, backup_temp)

    with pytest.raises(StoreError) as blocked:
        store.add_contact(Contact(name="Cy Diaz"))

    assert faults.hits == 1
    message = str(blocked.value)
    assert message.startswith(f"couldn't save {backups}/netui.2026-11-24T09-00-00")
    assert message.endswith(": the disk is full")
    assert db.read_bytes() == before
    assert listing(db.parent) == files  # no half backup, no temp
    assert names(store) == ["Ann Lee", "Bo Chen"]

    faults.clear()
    store.add_contact(Contact(name="Cy Diaz"))
    assert names_on_disk(db) == ["Ann Lee", "Bo Chen", "Cy Diaz"]
    assert len(backups_of(db)) == 2


def test_a_backups_folder_that_is_a_file_blocks_the_save(db: Path) -> None:
    """mkdir fails (the name is taken by a file): a StoreError, not a raw OSError."""
    store = make_store(db, "Ann Lee")  # no backup yet
    blocker = backup_dir(db)
    blocker.write_text("not a folder")
    before = db.read_bytes()

    with pytest.raises(StoreError) as blocked:
        store.add_contact(Contact(name="Bo Chen"))

    assert str(blocked.value) == (
        f"couldn't back up {store.path}: {backup_dir(store.path)} is not a folder"
    )
    assert db.read_bytes() == before
    assert blocker.read_text() == "not a folder"
    assert names(store) == ["Ann Lee"]

    blocker.unlink()
    store.add_contact(Contact(name="Bo Chen"))
    assert names_on_disk(db) == ["Ann Lee", "Bo Chen"]
    assert len(backups_of(db)) == 1


def test_restore_puts_a_backup_back_and_keeps_the_current_file(db: Path) -> None:
    store = make_store(db, "Ann Lee")
    store.clock = day(1)
    store.add_contact(Contact(name="Bo Chen"))  # backs up [Ann Lee] first
    (backup,) = backups_of(db)
    current = db.read_bytes()

    kept = restore_backup(store.path, backup, DAY1 + timedelta(days=2))

    assert db.read_bytes() == backup.read_bytes()
    assert kept is not None
    assert kept.name == "netui.before-restore-2026-11-25T09-00-00.json"
    assert kept.read_bytes() == current
    assert store.reload_if_changed() is True
    assert names(store) == ["Ann Lee"]
    assert temps(db.parent) == []


def test_restore_keeps_a_damaged_current_file_and_refuses_a_damaged_backup(db: Path) -> None:
    store = make_store(db, "Ann Lee")
    store.clock = day(1)
    store.add_contact(Contact(name="Bo Chen"))
    (good,) = backups_of(db)
    db.write_bytes(b'{"contacts": {"1"')  # why one restores

    bad = db.parent / "bad.json"
    bad.write_bytes(b"[]")
    with pytest.raises(StoreError, match=rf"^{bad} is not a netui data file"):
        restore_backup(store.path, bad, DAY1 + timedelta(days=2))
    assert db.read_bytes() == b'{"contacts": {"1"'

    kept = restore_backup(store.path, good, DAY1 + timedelta(days=2))
    assert kept is not None
    assert kept.read_bytes() == b'{"contacts": {"1"'
    assert names(Store.open(db)) == ["Ann Lee"]


def test_a_missing_file_with_backups_refuses_to_start(db: Path) -> None:
    store = make_store(db, "Ann Lee", "Bo Chen")
    newest = newest_backup(store.path)
    db.unlink()
    files = listing(db.parent)

    with pytest.raises(StoreError) as refused:
        Store.open(db)

    assert str(refused.value) == (
        f"{store.path} is missing but has backups (newest {newest}); "
        f"'netui restore --db {store.path}' puts one back"
    )
    assert listing(db.parent) == files  # no new, empty data file


@pytest.mark.slow
def test_netui_restore_brings_a_missing_file_back(db: Path) -> None:
    make_store(db, "Ann Lee", "Bo Chen")
    db.unlink()

    def netui(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "netui", *args, "--db", str(db)],
            capture_output=True,
            text=True,
            timeout=60,
        )

    refused = netui("today")
    assert refused.returncode == 1
    assert "is missing but has backups" in refused.stderr
    assert f"'netui restore --db {db}'" in refused.stderr
    assert not db.exists()

    listed = netui("restore")
    assert listed.returncode == 0
    assert "netui.2026-11-23T09-00-00.json  1 contact, 0 follow-ups, 0 notes" in listed.stdout

    restored = netui("restore", "1")
    assert restored.returncode == 0, restored.stderr
    assert names_on_disk(db) == ["Ann Lee"]
    assert netui("today").returncode == 0
