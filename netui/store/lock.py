"""An advisory lock beside the data file, held for milliseconds around each change.

It is an `flock` on `<data file>.lock`, not on the data file itself: every save replaces
the data file with a new inode, which would silently drop a lock held on the old one. The
kernel releases an `flock` when its holder dies, even by SIGKILL, so a crash never leaves
a stale lock behind.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path

from netui.errors import LockBusyError, ReadOnlyError, StoreError
from netui.store.fileio import READ_ONLY_ERRORS, describe_os_error

LOCK_TIMEOUT = 10.0
"""Seconds to wait for another netui to finish its change before giving up."""


def lock_path(data_path: Path) -> Path:
    """The lock file that goes with a data file."""
    return data_path.with_name(data_path.name + ".lock")


@contextlib.contextmanager
def file_lock(data_path: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the exclusive lock of `data_path` for the duration of the block (waiting up
    to `timeout` seconds, by default LOCK_TIMEOUT, for another netui to finish)."""
    timeout = LOCK_TIMEOUT if timeout is None else timeout
    path = lock_path(data_path)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as error:
        kind = ReadOnlyError if error.errno in READ_ONLY_ERRORS else StoreError
        raise kind(f"can't write the lock file {path} ({describe_os_error(error)})") from None
    try:
        deadline = time.monotonic() + timeout
        pause = 0.001
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise LockBusyError(
                        f"{data_path} is busy: another netui ({_holder(fd)}) has held "
                        f"its lock for {timeout:.0f} s; nothing was changed, try again"
                    ) from None
                time.sleep(pause)
                pause = min(pause * 2, 0.02)
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _holder(fd: int) -> str:
    """ "pid 1234" from the lock file, for the busy message."""
    try:
        pid = os.pread(fd, 32, 0).decode().strip()
    except (OSError, UnicodeDecodeError):
        pid = ""
    return f"pid {pid}" if pid.isdigit() else "another process"
