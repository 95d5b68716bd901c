"""Reading and writing the data file's bytes, durably.

A save writes a temporary file in the same folder, flushes and fsyncs it, renames it over
the data file with `os.replace`, and fsyncs the folder: a crash or `kill -9` at any moment
leaves the old file or the new one, never a torn one. Every step is a plain `os` call, so
tests can make any one of them fail.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from netui.errors import StoreError

TEMP_SUFFIX = ".tmp"
READ_ONLY_ERRORS = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})
"""What a write fails with where netui may read but not write."""


@dataclass(frozen=True, slots=True)
class FileState:
    """What identifies one version of the file, to notice changes made by others.

    ctime cannot be set by a program (unlike mtime, which `touch` or a sync tool may
    restore), so a rewrite is seen even when size and mtime are put back. On file systems
    with whole-second timestamps, a hash of the content settles the doubt.
    """

    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int
    device: int
    digest: str = ""

    @classmethod
    def of(cls, st: os.stat_result, content: bytes | None = None) -> FileState:
        coarse = st.st_mtime_ns % 1_000_000_000 == 0 and st.st_ctime_ns % 1_000_000_000 == 0
        digest = _digest(content) if coarse and content is not None else ""
        return cls(st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev, digest)

    def same_as(self, path: Path, st: os.stat_result) -> bool:
        """Whether the file at `path` (just stat'ed as `st`) is the version we know."""
        if (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev) != (
            self.size,
            self.mtime_ns,
            self.ctime_ns,
            self.inode,
            self.device,
        ):
            return False
        if not self.digest:
            return True
        try:
            return _digest(path.read_bytes()) == self.digest
        except OSError:
            return False


def _digest(content: bytes) -> str:
    return hashlib.blake2b(content, digest_size=16).hexdigest()


def describe_os_error(error: OSError) -> str:
    """A plain-words reason for a failed save."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return "the disk is full"
    if error.errno == errno.EROFS:
        return "the file system is read-only"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return error.strerror or str(error)


def why_read_only(path: Path) -> str | None:
    """Why netui could not save `path` (None: nothing known stands in the way).

    Asked before anything is written, so that a read-only mount, a read-only file or
    folder, or a lock file that can't be written opens the data for reading, with the
    reason, instead of failing at the first save (or refusing to start).
    """
    from netui.store.lock import lock_path, open_lock_file

    folder = path.parent
    if hasattr(os, "statvfs"):  # (not on Windows: the checks below still tell)
        try:
            if os.statvfs(folder).f_flag & os.ST_RDONLY:
                return f"{folder} is on a read-only file system"
        except OSError:
            pass
    if path.exists() and not os.access(path, os.W_OK):
        return f"{path} is read-only (no permission to write it)"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"the folder {folder} can't be written (no permission)"
    lock = lock_path(path)
    try:
        fd = open_lock_file(lock)  # as the lock opens it: no lock is taken, nothing written
    except OSError as error:
        if error.errno in READ_ONLY_ERRORS:
            return f"the lock file {lock} can't be written ({describe_os_error(error)})"
        return None
    os.close(fd)
    return None


def read_file(path: Path) -> tuple[bytes, os.stat_result]:
    """The file's bytes and its stat, taken from the same open file."""
    with open(path, "rb") as handle:
        st = os.fstat(handle.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise StoreError(f"{path} is not a regular file")
        return handle.read(), st


def write_atomic(path: Path, content: bytes) -> os.stat_result:
    """Replace `path` with `content` atomically and durably; return the new file's stat.

    The file is created 0600 (it holds people's names and notes). On any failure the old
    file is left exactly as it was, the temporary file is removed, and StoreError says why.
    """
    folder = path.parent
    temp = folder / f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}{TEMP_SUFFIX}"
    fd = -1
    created = False
    replaced = False
    try:
        # 1. A temporary file in the same folder (a rename across file systems fails).
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        created = True
        if hasattr(os, "fchmod"):  # (not on Windows, which has no such modes)
            os.fchmod(fd, 0o600)  # the mode given to open() is masked by the umask
        # 2. Write it all (os.write may write less than asked).
        view = memoryview(content)
        while view:
            view = view[os.write(fd, view) :]
        # 3. Flush it to the disk before it takes the data file's name.
        os.fsync(fd)
        os.close(fd)
        fd = -1
        # 4. Swap it in: readers see the old file or the new one, nothing in between.
        os.replace(temp, path)
        created = False
        replaced = True
        # 5. Make the rename itself durable.
        fsync_folder(folder)
        return os.stat(path)
    except OSError as error:
        if replaced:  # the new file is in place: saying "couldn't save" would be untrue
            raise StoreError(
                f"{path} was saved, but syncing its folder failed "
                f"({describe_os_error(error)}): a power cut could still undo the change"
            ) from None
        raise StoreError(f"couldn't save {path}: {describe_os_error(error)}") from None
    finally:
        if fd >= 0:
            with contextlib.suppress(OSError):
                os.close(fd)
        if created:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def fsync_folder(folder: Path) -> None:
    """fsync a folder, so that a rename or a new file in it survives a power cut."""
    if not hasattr(os, "O_DIRECTORY"):  # Windows: a folder can't be opened to sync it,
        return  # and its renames are durable without
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_stale_temps(path: Path) -> int:
    """Delete temporary files left by a crashed save; call only while holding the lock."""
    removed = 0
    for leftover in path.parent.glob(f".{glob.escape(path.name)}.*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            leftover.unlink()
            removed += 1
    return removed
