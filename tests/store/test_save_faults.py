"""A save that fails at any one of its steps, a full disk, a read-only folder or mount.

Whatever fails, the user is told in plain words, the file on disk is the old one byte for
byte, no temporary file is left, the store's memory still matches the file (the failed
change is not shown as if it were saved), and the next save works once the fault is gone.
"""

from __future__ import annotations

import errno
import os
import resource
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from storekit import (
    Faults,
    backups_of,
    day,
    digest,
    fd_path,
    fill_up,
    is_temp_of,
    listing,
    make_store,
    names,
    names_on_disk,
    temps,
)

from netui.errors import ReadOnlyError, StoreError
from netui.model import Contact
from netui.store import Store
from netui.store import storage as storage_module
from netui.store.lock import lock_path

NEW = Contact(name="Cy Diaz", company="Initech")


def _temp_path(data: Path) -> Callable[..., bool]:
    match = is_temp_of(data)
    return lambda target, *args, **kwargs: match(target)


# step, the os call that fails, its errno, and the reason the message must give
STEPS = [
    ("create-temp", "open", errno.EIO, "Input/output error"),
    ("chmod-temp", "fchmod", errno.EPERM, "permission denied"),
    ("write", "write", errno.EIO, "Input/output error"),
    ("write-disk-full", "write", errno.ENOSPC, "the disk is full"),
    ("write-quota", "write", errno.EDQUOT, "the disk is full"),
    ("fsync", "fsync", errno.EIO, "Input/output error"),
    ("close", "close", errno.EIO, "Input/output error"),
    ("replace", "replace", errno.EXDEV, "Invalid cross-device link"),
]


@pytest.mark.parametrize(
    ("call", "code", "reason"), [s[1:] for s in STEPS], ids=[s[0] for s in STEPS]
)
def test_a_save_failing_before_the_replace_keeps_the_old_file(
    db: Path, faults: Faults, call: str, code: int, reason: str
) -> None:
    store = make_store(db, "Ann Lee", "Bo Chen")  # today's backup is already taken
    before = db.read_bytes()
    files = listing(db.parent)
    faults.fail(call, code, _temp_path(store.path), after_real_call=call == "close")

    for _ in range(2):  # a persistent fault fails every try the same way
        with pytest.raises(StoreError) as failed:
            store.add_contact(NEW)
        assert str(failed.value) == f"couldn't save {store.path}: {reason}"
    assert faults.hits >= 2

    assert db.read_bytes() == before
    assert listing(db.parent) == files  # no temp file, nothing else new
    assert names(store) == ["Ann Lee", "Bo Chen"]  # not shown as if saved
    assert names(Store.open(db)) == names(store)
    assert store.history[-1].description == "added Bo Chen"

    faults.clear()
    saved = store.add_contact(NEW)
    assert names_on_disk(db) == ["Ann Lee", "Bo Chen", "Cy Diaz"]
    assert names(store) == names_on_disk(db)
    assert saved.id == 3
    assert temps(db.parent) == []


def test_a_failed_folder_fsync_says_the_file_was_saved_but_may_not_last(
    db: Path, faults: Faults
) -> None:
    """After the rename the new file is in place: "couldn't save" would make the user
    type the contact again; the message says what really happened."""
    store = make_store(db, "Ann Lee", "Bo Chen")
    folder = str(store.path.parent)
    faults.fail("fsync", errno.EIO, lambda fd: fd_path(fd) == folder)

    with pytest.raises(StoreError) as failed:
        store.add_contact(NEW)

    assert faults.hits == 1
    assert str(failed.value) == (
        f"{store.path} was saved, but syncing its folder failed (Input/output error): "
        "a power cut could still undo the change"
    )
    assert names_on_disk(db) == ["Ann Lee", "Bo Chen", "Cy Diaz"]
    assert names(store) == names_on_disk(db)  # memory follows the file
    assert temps(db.parent) == []
    faults.clear()
    store.add_contact(Contact(name="Dee Ek"))
    assert names_on_disk(db) == ["Ann Lee", "Bo Chen", "Cy Diaz", "Dee Ek"]


def test_a_failed_change_is_not_saved_later_when_the_file_cant_be_read_back(
    db: Path, faults: Faults, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The save fails, and so does re-reading the file: the failed contact must not stay
    in memory, to be written silently with the next change."""
    store = make_store(db, "Ann Lee", "Bo Chen")
    faults.fail("replace", errno.EIO, _temp_path(store.path))
    real_read = storage_module.read_file

    def unreadable(path: Path) -> Any:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(storage_module, "read_file", unreadable)
    with pytest.raises(StoreError, match="couldn't save"):
        store.add_contact(NEW)
    assert names(store) == ["Ann Lee", "Bo Chen"]

    faults.clear()
    monkeypatch.setattr(storage_module, "read_file", real_read)
    store.add_contact(Contact(name="Dee Ek"))
    assert names_on_disk(db) == ["Ann Lee", "Bo Chen", "Dee Ek"]


# --- a full disk ---------------------------------------------------------------------------


def test_full_disk_on_a_real_small_tmpfs(small_disk: Path) -> None:
    db = small_disk / "netui.json"
    store = make_store(db, "Ann Lee", "Bo Chen")
    before = digest(db)
    backups = backups_of(db)
    filler = fill_up(small_disk)
    big = Contact(name="Cy Diaz", how_met="met at the conference " * 100)

    with pytest.raises(StoreError) as full:
        store.add_contact(big)
    assert str(full.value) == f"couldn't save {store.path}: the disk is full"
    assert digest(db) == before
    assert temps(small_disk) == []
    assert names(store) == ["Ann Lee", "Bo Chen"]
    assert names(Store.open(db)) == ["Ann Lee", "Bo Chen"]

    # The next day a backup is due first: it can't be written either, and blocks the save.
    store.clock = day(1)
    with pytest.raises(StoreError) as full:
        store.add_contact(big)
    assert "the disk is full" in str(full.value)
    assert ".backups" in str(full.value)
    assert digest(db) == before
    assert backups_of(db) == backups
    assert temps(small_disk) == []

    filler.unlink()
    store.add_contact(big)
    assert names_on_disk(db) == ["Ann Lee", "Bo Chen", "Cy Diaz"]
    assert len(backups_of(db)) == len(backups) + 1
    assert temps(small_disk) == []


def _netui(db: Path, *args: str, **options: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "netui", *args, "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=60,
        **options,
    )


@pytest.mark.slow
def test_full_disk_by_file_size_limit_in_the_cli(db: Path) -> None:
    """RLIMIT_FSIZE (SIGXFSZ ignored) makes the write fail with EFBIG, as a full disk."""
    store = Store.open(db)  # the system clock, as the CLI's: today's backup gets taken
    store.add_contact(Contact(name="Ann Lee"))
    store.add_contact(Contact(name="Bo Chen"))
    before = digest(db)
    files = listing(db.parent)
    limit = db.stat().st_size + 16

    def small_limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    failed = _netui(db, "add", "contact", "Cy Diaz", preexec_fn=small_limit)
    assert failed.returncode == 1
    assert failed.stderr == f"netui: couldn't save {store.path}: the disk is full\n"
    assert digest(db) == before
    assert listing(db.parent) == files

    saved = _netui(db, "add", "contact", "Cy Diaz")
    assert saved.returncode == 0, saved.stderr
    assert names_on_disk(db) == ["Ann Lee", "Bo Chen", "Cy Diaz"]


# --- read-only ---------------------------------------------------------------------------

WRITING = os.O_WRONLY | os.O_RDWR | os.O_CREAT


def _under(folder: Path, target: Any) -> bool:
    return isinstance(target, (str, os.PathLike)) and os.fspath(target).startswith(
        f"{folder}{os.sep}"
    )


def read_only_mount(faults: Faults, folder: Path) -> None:
    """Every attempt to write under `folder` fails with EROFS, as on a read-only mount."""

    def writing(p: Any, flags: int, *a: Any, **k: Any) -> bool:
        return _under(folder, p) and bool(flags & WRITING)

    faults.fail("open", errno.EROFS, writing)
    for call in ("mkdir", "replace", "rename", "unlink"):
        faults.fail(call, errno.EROFS, lambda p, *a, **k: _under(folder, p))


def read_only_folder(faults: Faults, folder: Path) -> None:
    """A folder without write permission (as root can't be made to feel it): existing
    files can be opened for writing, but nothing can be created, renamed or removed."""

    def creating(p: Any, flags: int, *a: Any, **k: Any) -> bool:
        return _under(folder, p) and bool(flags & os.O_CREAT) and not os.path.exists(p)

    faults.fail("open", errno.EACCES, creating)
    for call in ("mkdir", "replace", "rename", "unlink"):
        faults.fail(call, errno.EACCES, lambda p, *a, **k: _under(folder, p))


def test_a_read_only_mount_opens_read_only_and_changes_nothing(db: Path, faults: Faults) -> None:
    make_store(db, "Ann Lee")
    before = db.read_bytes()
    files = listing(db.parent)
    read_only_mount(faults, db.parent)

    store = Store.open(db)  # the data can still be read: it is shown, not refused

    assert names(store) == ["Ann Lee"]
    assert store.read_only is not None
    assert str(lock_path(db.resolve())) in store.read_only
    assert "read-only" in store.read_only
    with pytest.raises(ReadOnlyError) as refused:
        store.add_contact(NEW)
    message = str(refused.value)
    assert message.startswith("read-only: ")
    assert message.count("nothing was saved") == 1
    assert "restore" not in message  # a backup can't help with a read-only mount
    assert db.read_bytes() == before
    assert listing(db.parent) == files


def test_a_mount_turned_read_only_refuses_changes_and_loses_nothing(
    db: Path, faults: Faults
) -> None:
    store = make_store(db, "Ann Lee", "Bo Chen")
    before = db.read_bytes()
    read_only_mount(faults, db.parent)

    with pytest.raises(ReadOnlyError, match="the file system is read-only"):
        store.add_contact(NEW)
    with pytest.raises(ReadOnlyError, match="the file system is read-only"):
        store.delete_contact(store.contacts()[0].id or 0)

    assert db.read_bytes() == before
    assert names(store) == ["Ann Lee", "Bo Chen"]
    assert store.reload_if_changed() is False  # reading still works
    faults.clear()
    store.add_contact(NEW)
    assert names_on_disk(db) == ["Ann Lee", "Bo Chen", "Cy Diaz"]


@pytest.mark.parametrize("days", [0, 1], ids=["backup-done", "backup-due"])
def test_a_read_only_folder_refuses_changes_in_plain_words(
    db: Path, faults: Faults, days: int
) -> None:
    store = make_store(db, "Ann Lee", "Bo Chen")
    store.clock = day(days)
    before = db.read_bytes()
    files = listing(db.parent)
    read_only_folder(faults, db.parent)

    with pytest.raises(StoreError) as refused:
        store.add_contact(NEW)

    message = str(refused.value)
    assert message.startswith("couldn't save ")
    assert message.endswith(": permission denied")
    assert (".backups" in message) == bool(days)
    assert db.read_bytes() == before
    assert listing(db.parent) == files
    assert names(store) == ["Ann Lee", "Bo Chen"]


def test_a_read_only_folder_without_a_backups_folder_yet(db: Path, faults: Faults) -> None:
    """The first backup needs to create its folder; that failure is a StoreError too."""
    store = make_store(db, "Ann Lee")  # one save: no backup folder yet
    before = db.read_bytes()
    read_only_folder(faults, db.parent)

    with pytest.raises(StoreError) as refused:
        store.add_contact(NEW)

    assert str(refused.value) == f"couldn't back up {store.path}: permission denied"
    assert db.read_bytes() == before
    assert names(store) == ["Ann Lee"]


def test_text_that_cant_be_encoded_never_breaks_a_save(db: Path) -> None:
    """A lone surrogate (pasted from a broken clipboard) or a NUL can't reach the file."""
    store = make_store(db, "Ann Lee")
    saved = store.add_contact(Contact(name="Zoë \ud800 Diaz", how_met="line\x00one"))
    raw = db.read_bytes()
    raw.decode("utf-8")  # strict: the file is valid UTF-8
    assert names(Store.open(db)) == ["Ann Lee", saved.name]
    assert "\ud800" not in saved.name
    assert "\x00" not in Store.open(db).contact(saved.id or 0).how_met
