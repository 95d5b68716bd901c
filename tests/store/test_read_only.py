"""Read-only is not "no access": a file netui can read but not write opens read-only,
with the reason, and every change is refused in plain words; the advice fits the problem
(no `netui restore` for a read-only mount or a busy lock)."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from storekit import Faults, listing, make_store, names, run_worker, tmpfs

from netui.errors import LockBusyError, ReadOnlyError
from netui.model import Contact
from netui.store import Store
from netui.store import lock as lock_module
from netui.store.lock import lock_path

sys.path.insert(0, str(Path(__file__).parents[1] / "cli"))
from clikit import NETUI


def netui(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [NETUI, *args, "--db", str(db)], capture_output=True, text=True, timeout=60
    )


@pytest.fixture
def read_only_mount(tmp_path: Path) -> Iterator[Path]:
    """A real tmpfs holding a netui file with two contacts, then remounted read-only."""
    with tmpfs(tmp_path / "ro", "4m") as mount_point:
        make_store(mount_point / "netui.json", "Ann Lee", "Bo Chen")
        remount = ["mount", "-o", "remount,ro", str(mount_point)]
        if subprocess.run(remount, capture_output=True).returncode != 0:
            pytest.skip("can't remount the tmpfs read-only here")
        yield mount_point / "netui.json"


def test_a_read_only_mount_opens_for_reading(read_only_mount: Path) -> None:
    db = read_only_mount
    store = Store.open(db)
    assert names(store) == ["Ann Lee", "Bo Chen"]
    assert store.read_only == f"{db.parent} is on a read-only file system"
    with pytest.raises(ReadOnlyError) as refused:
        store.add_contact(Contact(name="Cy Diaz"))
    assert str(refused.value) == (
        f"read-only: {db.parent} is on a read-only file system; nothing was saved"
    )


def test_the_cli_reads_a_read_only_mount_and_refuses_changes_clearly(
    read_only_mount: Path,
) -> None:
    db = read_only_mount
    before = db.read_bytes()

    today = netui(db, "today")
    export = netui(db, "export", "csv")
    add = netui(db, "add", "contact", "Cy Diaz")

    assert today.returncode == 0, today.stderr
    assert "netui daily review" in today.stdout
    assert export.returncode == 0, export.stderr
    assert "Ann Lee" in export.stdout and "Bo Chen" in export.stdout
    assert add.returncode == 1
    assert add.stderr == (
        f"netui: read-only: {db.parent} is on a read-only file system; nothing was saved\n"
    )
    assert "restore" not in add.stderr
    assert db.read_bytes() == before


def test_an_unwritable_lock_file_opens_read_only(db: Path, faults: Faults) -> None:
    make_store(db, "Ann Lee")
    files = listing(db.parent)
    lock = str(lock_path(db))
    faults.fail("open", errno.EACCES, lambda p, *a, **k: os.fspath(p) == lock)

    store = Store.open(db)

    assert names(store) == ["Ann Lee"]
    assert store.read_only == f"the lock file {lock} can't be written (permission denied)"
    with pytest.raises(ReadOnlyError, match=r"^read-only: the lock file .* nothing was saved$"):
        store.add_contact(Contact(name="Bo Chen"))
    assert listing(db.parent) == files


def test_a_read_only_file_opens_read_only(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As a user without write permission sees it (root always may write, so the
    permission check itself is what is made to say no)."""
    make_store(db, "Ann Lee")
    real_access = os.access
    monkeypatch.setattr(
        os,
        "access",
        lambda p, mode: False if Path(p) == db and mode & os.W_OK else real_access(p, mode),
    )
    store = Store.open(db)
    assert store.read_only == f"{db} is read-only (no permission to write it)"


def test_a_busy_lock_at_open_says_so_once_and_suggests_no_restore(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_store(db, "Ann Lee", "Bo Chen")  # (two saves: a backup exists to be suggested)
    holder = run_worker("hold", str(db))
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        monkeypatch.setattr(lock_module, "LOCK_TIMEOUT", 0.3)
        with pytest.raises(LockBusyError) as busy:
            Store.open(db)
    finally:
        holder.kill()
        holder.wait()
    message = str(busy.value)
    assert f"pid {holder.pid}" in message
    assert message.count("nothing was changed") == 1
    assert "restore" not in message and "backup" not in message
