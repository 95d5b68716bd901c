"""An advisory lock beside the data file, held for milliseconds around each change.

The lock is on `<data file>.lock`, never on the data file itself: every save replaces the
data file with a new inode, which would silently drop a lock held on the old one.
The lock file stays beside the data file. Beside a data file that does not exist, the one
that opening the store made (`why_read_only`'s probe, then the read under the lock) is
removed by its first holder before it lets go, so that a dry run or a command refused
before any change leaves nothing behind; a waiter that then finds the name gone locks the
new file instead.

The primitive comes from filelock (`lock_descriptor`), applied to a descriptor netui opens
itself: `flock` on Linux and macOS, `LockFileEx` on byte 0 on Windows. The operating system
releases either when its holder dies, even by SIGKILL, so a crash leaves no stale lock.

netui does not use `filelock.FileLock` itself, because its handling of the file does not fit:
on Windows it deletes the lock file on release, and a file deleted while another process
waits on it lets that process lock a file without a name while a newcomer creates and
locks a new one (two holders at once: here a waiter checks, once it holds the lock, that
the name still leads to its file); keeping the file (`preserve_lock_file`) turns off
its Unix soft fallback. It also creates the file with the umask's mode, not 0600, and its
soft fallback writes its own record into the same file. Here the lock file is
created 0600, never truncated by a waiter, and deleted only as said above; one that can't
be opened for writing raises ReadOnlyError, so netui opens the data read-only.

The holder writes its pid into the lock file for the "busy" message. Windows locks byte 0
and forbids other processes to read a locked byte, so the file holds "\\n<pid>\\n" and a
waiter reads from byte 1 on every platform.

Where there is no native lock (a Unix without `fcntl`, or a file system whose `flock` says
ENOSYS), the lock is filelock's `SoftFileLock` on `<data file>.lock.held`: a marker whose
existence is the lock, created exclusively, deleted on release, naming the holder's pid,
host and process start, so that a peer on the same host takes over the marker of a holder
that died. A process using the soft lock and one using the native lock on the same data
(the same file reached through two kinds of mount) would not exclude each other.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

from netui.errors import LockBusyError, ReadOnlyError, StoreError
from netui.store.fileio import READ_ONLY_ERRORS, describe_os_error

LOCK_TIMEOUT = 10.0
"""Seconds to wait for another netui to finish its change before giving up."""

_FIRST_PAUSE = 0.001
_LONGEST_PAUSE = 0.02
"""The backoff between attempts: a change takes milliseconds, so the first retries come soon."""

_PID_OFFSET = 1
"""Where the holder's pid starts in the lock file: byte 0 is the one Windows locks."""


def lock_path(data_path: Path) -> Path:
    """The lock file that goes with a data file."""
    return data_path.with_name(data_path.name + ".lock")


def marker_path(data_path: Path) -> Path:
    """The soft lock's marker, used only where the system has no native file lock."""
    return data_path.with_name(data_path.name + ".lock.held")


def open_lock_file(path: Path) -> int:
    """Open the lock file for reading and writing (created 0600, never truncated).

    Raises OSError: `why_read_only` opens it the same way to learn whether netui may write.
    """
    return os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)


@contextlib.contextmanager
def file_lock(data_path: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the exclusive lock of `data_path` for the duration of the block (waiting up
    to `timeout` seconds, by default LOCK_TIMEOUT, for another netui to finish)."""
    timeout = LOCK_TIMEOUT if timeout is None else timeout
    path = lock_path(data_path)
    deadline = time.monotonic() + timeout
    while True:
        existed = os.path.lexists(path)
        try:
            fd = open_lock_file(path)
        except OSError as error:
            raise _cannot_write(path, error) from None
        try:
            taken = _lock_natively(fd, path, deadline)
            if taken and not _still_named(fd, path):
                continue  # its holder removed it (see `_remove_if_unused`): lock the new one
            if taken:
                never_held = existed and _never_held(fd)
                _write_pid(fd)
                try:
                    yield
                finally:
                    if never_held:
                        _remove_if_unused(data_path, path)
                    _unlock_natively(fd)
                return
            if taken is False:
                raise _busy(data_path, timeout, _pid_in(fd))
        finally:
            os.close(fd)  # (also releases a native lock the unlock above could not)
        break
    with _soft_lock(data_path, deadline, timeout):  # no native lock here
        yield


def _never_held(fd: int) -> bool:
    """Whether no one has held this lock file yet: every holder writes its pid into it,
    so it is empty only as `why_read_only`'s probe left it, when netui opens a file."""
    try:
        return os.fstat(fd).st_size == 0
    except OSError:
        return False


def _remove_if_unused(data_path: Path, path: Path) -> None:
    """Remove the lock file of a data file that does not exist, when this holder was its
    first (the one that read the missing file as it opened it: a command that only reads,
    a dry run, a change refused before it was made), while still holding its lock: nothing
    is left beside a file netui never wrote.

    A waiter holding the removed file's descriptor gets its lock once this one is
    released, finds that the name no longer leads to that file (`_still_named`) and locks
    the file there now instead, so two holders never coexist. Not on Windows, which can't
    remove a file open elsewhere (there a lock file stays, as before).
    """
    if os.name == "nt" or os.path.lexists(data_path):
        return
    with contextlib.suppress(OSError):
        path.unlink()


def _still_named(fd: int, path: Path) -> bool:
    """Whether `path` still names the file open at `fd` (False: it was removed, or
    replaced by a new lock file, since it was opened)."""
    if os.name == "nt":
        return True  # (lock files are never removed there)
    try:
        held, named = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (held.st_ino, held.st_dev) == (named.st_ino, named.st_dev)


def _lock_natively(fd: int, path: Path, deadline: float) -> bool | None:
    """Take the native lock: True once taken, False if still busy at the deadline, None
    where this system (or the lock file's file system) has no native lock."""
    _import_filelock()
    from filelock import lock_descriptor

    try:
        return _retry(lambda: lock_descriptor(fd, blocking=False), deadline)
    except OSError as error:
        if error.errno == errno.ENOSYS:
            return None
        raise StoreError(f"can't lock {path} ({describe_os_error(error)})") from None


def _unlock_natively(fd: int) -> None:
    """Release the native lock; if that fails, closing the descriptor releases it."""
    from filelock import unlock_descriptor

    with contextlib.suppress(OSError):
        unlock_descriptor(fd)


@contextlib.contextmanager
def _soft_lock(data_path: Path, deadline: float, timeout: float) -> Iterator[None]:
    """Hold filelock's marker lock, for systems without a native one."""
    _import_filelock()
    from filelock import SoftFileLock, Timeout

    marker = marker_path(data_path)
    lock = SoftFileLock(marker, mode=0o600, thread_local=False)

    def attempt() -> bool:
        try:
            lock.acquire(blocking=False)
        except Timeout:
            return False
        return True

    try:
        taken = _retry(attempt, deadline)
    except OSError as error:
        raise _cannot_write(marker, error) from None
    if not taken:
        holder = lock.pid
        raise _busy(data_path, timeout, str(holder) if holder is not None else "")
    try:
        yield
    finally:
        # The change is saved by now: a marker that can't be removed must not make it look
        # failed (its holder's pid then keeps others waiting until this netui exits).
        with contextlib.suppress(OSError):
            lock.release()


def _retry(attempt: Callable[[], bool], deadline: float) -> bool:
    """Call `attempt` until it succeeds (True) or the deadline has passed (False)."""
    pause = _FIRST_PAUSE
    while not attempt():
        if time.monotonic() > deadline:
            return False
        time.sleep(pause)
        pause = min(pause * 2, _LONGEST_PAUSE)
    return True


@functools.cache
def _import_filelock() -> None:
    """Import filelock on the first lock, not with the store (it costs about 20 ms), and
    quietly: on a Unix without `fcntl` it warns that only its soft lock is available,
    which netui handles, and the warning would be printed over the app's screen."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="only soft file lock is available")
        import filelock  # noqa: F401


def _cannot_write(path: Path, error: OSError) -> StoreError:
    kind = ReadOnlyError if error.errno in READ_ONLY_ERRORS else StoreError
    return kind(f"can't write the lock file {path} ({describe_os_error(error)})")


def _busy(data_path: Path, timeout: float, pid: str) -> LockBusyError:
    holder = f"pid {pid}" if pid.isdigit() else "another process"
    return LockBusyError(
        f"{data_path} is busy: another netui ({holder}) has held "
        f"its lock for {timeout:.0f} s; nothing was changed, try again"
    )


def _write_pid(fd: int) -> None:
    """Put the holder's pid after byte 0, for a waiter's busy message.

    Written before the file is cut to length, so a waiter never finds it empty (it reads
    only the first line after byte 0). Best effort: the lock is what matters.
    """
    record = f"\n{os.getpid()}\n".encode()
    with contextlib.suppress(OSError):
        if hasattr(os, "pwrite"):
            os.pwrite(fd, record, 0)
        else:  # Windows
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, record)
        os.ftruncate(fd, len(record))


def _pid_in(fd: int) -> str:
    """The holder's pid as written in the lock file ("" if it can't be read)."""
    try:
        if hasattr(os, "pread"):
            raw = os.pread(fd, 32, _PID_OFFSET)
        else:  # Windows
            os.lseek(fd, _PID_OFFSET, os.SEEK_SET)
            raw = os.read(fd, 32)
        return raw.decode("ascii").partition("\n")[0].strip()
    except (OSError, UnicodeDecodeError):
        return ""
