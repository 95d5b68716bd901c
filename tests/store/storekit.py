"""Helpers for the store tests: clocks, faults, and ways to look at the folder."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from netui.clock import frozen_clock
from netui.model import Contact
from netui.store import Store
from netui.store.backups import backup_dir

WORKER = Path(__file__).with_name("worker.py")
DAY1 = datetime(2026, 11, 23, 9, 0, 0)
"""A Monday morning: the frozen "today" of these tests."""


def day(n: int) -> Callable[[], datetime]:
    """A clock frozen `n` days after DAY1."""
    return frozen_clock(DAY1 + timedelta(days=n))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> set[str]:
    """Every file under `folder`, as paths relative to it."""
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def temps(folder: Path) -> list[Path]:
    """Leftover temporary files anywhere under `folder` (the data folder and backups)."""
    return sorted(p for p in folder.rglob("*.tmp"))


def on_disk(path: Path) -> dict[str, Any]:
    """The data file parsed by the standard library, not by netui."""
    return json.loads(path.read_bytes())


def names_on_disk(path: Path) -> list[str]:
    contacts = on_disk(path)["contacts"]
    return [contacts[k]["name"] for k in sorted(contacts, key=int)]


def names(store: Store) -> list[str]:
    return [c.name for c in store.contacts()]


def tables(path: Path) -> dict[str, Any]:
    """The three data tables of the file (not `meta`, which holds id counters)."""
    data = on_disk(path)
    return {name: data.get(name, {}) for name in ("contacts", "followups", "notes")}


def make_store(path: Path, *contacts: str) -> Store:
    """A store at `path` (on DAY1's clock) that has added `contacts`, one save each.

    On a new file the first save creates it and the second takes the day's backup, so
    with two contacts or more, the next save of the day is a plain one.
    """
    store = Store.open(path, clock=day(0))
    for name in contacts:
        store.add_contact(Contact(name=name, company="Acme"))
    return store


def run_worker(*args: str, **options: Any) -> subprocess.Popen[str]:
    """Start worker.py (see its docstring) with pipes to talk to it."""
    options = {"stdin": subprocess.PIPE, "stdout": subprocess.PIPE, "text": True, **options}
    return subprocess.Popen([sys.executable, str(WORKER), *args], **options)


def fd_path(fd: int) -> str:
    """What an open file descriptor refers to ("" if it is not open)."""
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return ""


class Faults:
    """Make chosen `os` calls fail, the way a failing disk or a read-only mount does.

    `fail("write", errno.EIO, when)` makes `os.write` raise EIO whenever `when(*args)` is
    true; calls it does not match go through. `hits` counts the failures, so a test can
    check that the fault really happened. `clear()` takes every fault away.
    """

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self._monkeypatch = monkeypatch
        self._originals: dict[str, Callable[..., Any]] = {}
        self.hits = 0

    def fail(
        self, name: str, code: int, when: Callable[..., bool], *, after_real_call: bool = False
    ) -> None:
        real = self._originals.setdefault(name, getattr(os, name))

        def faulty(*args: Any, **kwargs: Any) -> Any:
            if not when(*args, **kwargs):
                return real(*args, **kwargs)
            self.hits += 1
            if after_real_call:  # like close() on NFS: done, but reports an error
                real(*args, **kwargs)
            raise OSError(code, os.strerror(code), args[0] if isinstance(args[0], str) else None)

        self._monkeypatch.setattr(os, name, faulty)

    def clear(self) -> None:
        for name, real in self._originals.items():
            self._monkeypatch.setattr(os, name, real)
        self._originals.clear()


def is_temp_of(path: Path) -> Callable[[Any], bool]:
    """A test for "this path (or fd) is a temporary file of a save of `path`"."""

    def match(target: Any) -> bool:
        text = fd_path(target) if isinstance(target, int) else os.fspath(target)
        candidate = Path(text)
        return (
            candidate.parent == path.parent
            and candidate.name.startswith(f".{path.name}.")
            and candidate.name.endswith(".tmp")
        )

    return match


def fill_up(folder: Path) -> Path:
    """Write a file until the file system is full; return it (delete it to free space)."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (65536, 4096, 1):
            block = b"\0" * size
            while True:
                try:
                    os.write(fd, block)
                except OSError as error:
                    if error.errno != errno.ENOSPC:
                        raise
                    break
    finally:
        os.close(fd)
    return filler


def backups_of(path: Path) -> list[Path]:
    folder = backup_dir(path)
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


@contextlib.contextmanager
def tmpfs(mount_point: Path, size: str) -> Iterator[Path]:
    """A real tmpfs of `size` at `mount_point` for the block; skips the test where
    mounting is not allowed (not root, or a sandbox that forbids it)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mount_point.mkdir(exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"can't mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount_point
    finally:
        if subprocess.run(["umount", str(mount_point)], capture_output=True).returncode:
            subprocess.run(["umount", "-l", str(mount_point)], capture_output=True)
