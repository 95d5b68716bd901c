"""The data file holds people's names and notes: it, its backups and its lock are private
(0600, the backups folder 0700) whatever the umask, and a readable file is tightened."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from storekit import backups_of, day, make_store, names

from netui.model import Contact
from netui.store import Store
from netui.store.backups import backup_dir
from netui.store.lock import lock_path


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(params=[0o022, 0o000], ids=["umask-022", "umask-000"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    previous = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(previous)


def test_new_files_are_private_whatever_the_umask(db: Path, umask: int) -> None:
    store = make_store(db, "Ann Lee", "Bo Chen")  # creates the file, then backs it up
    store.clock = day(1)
    store.add_contact(Contact(name="Cy Diaz"))  # a second day, a second backup

    assert mode(db) == 0o600
    assert mode(lock_path(db)) == 0o600
    assert mode(backup_dir(db)) == 0o700
    backups = backups_of(db)
    assert len(backups) == 2
    assert {mode(b) for b in backups} == {0o600}
    assert store.notices == []


def test_a_migration_copy_is_private_too(db: Path, umask: int) -> None:
    db.write_bytes(b'{"contacts": {"1": {"name": "Ann Lee"}}}')
    os.chmod(db, 0o600)
    Store.open(db)
    (kept,) = backups_of(db)
    assert kept.name == "netui.pre-v1.json"
    assert mode(kept) == 0o600
    assert mode(backup_dir(db)) == 0o700


@pytest.mark.parametrize("was", [0o644, 0o664, 0o640, 0o666])
def test_a_file_others_can_read_is_tightened_and_the_user_told_once(db: Path, was: int) -> None:
    make_store(db, "Ann Lee")
    content = db.read_bytes()
    os.chmod(db, was)

    store = Store.open(db)

    assert mode(db) == 0o600
    assert store.notices == [f"made {store.path} private (mode 0600, was {was:o})"]
    assert db.read_bytes() == content
    assert names(store) == ["Ann Lee"]
    assert Store.open(db).notices == []  # once: it is private now


def test_a_save_makes_a_loosened_file_private_again(db: Path) -> None:
    """Someone runs chmod 644 while the app is open: the next save writes 0600."""
    store = make_store(db, "Ann Lee", "Bo Chen")
    os.chmod(db, 0o644)
    store.add_contact(Contact(name="Cy Diaz"))
    assert mode(db) == 0o600
