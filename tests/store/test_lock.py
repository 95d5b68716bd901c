"""The lock around each change, as filelock provides it, on this system and without `fcntl`.

Windows can't be run here. What can be simulated is a Python without `fcntl`: there
filelock has no native lock (its Windows one needs kernel32), so netui falls back to
filelock's marker lock, and these tests show that this lock still excludes a second
process, names its holder and survives the holder's SIGKILL. Windows' own constraint on
the file (its lock forbids other processes to read byte 0) is simulated by making a read
of byte 0 fail. What can't be run here is `LockFileEx` itself.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import filelock
import pytest
from storekit import Faults, make_store, names_on_disk, on_disk

from netui.errors import LockBusyError, ReadOnlyError, StoreError
from netui.store.lock import file_lock, lock_path, marker_path

WITHOUT_FCNTL = 'import sys\nsys.modules["fcntl"] = None  # as on Windows: no such module\n'

HOLD = """
    import sys
    from pathlib import Path
    from netui.store.lock import file_lock

    with file_lock(Path(sys.argv[1])):
        print("locked", flush=True)
        sys.stdin.readline()
    print("released", flush=True)
"""
"""Take the lock, hold it until a line comes on stdin (or a kill)."""

TRY = """
    import sys, time
    from pathlib import Path
    from netui.errors import LockBusyError
    from netui.store.lock import file_lock

    started = time.monotonic()
    try:
        with file_lock(Path(sys.argv[1]), timeout=float(sys.argv[2])):
            print(f"took {time.monotonic() - started:.3f}", flush=True)
    except LockBusyError as error:
        print(error, flush=True)
"""
"""Try to take the lock within a timeout; say whether it was taken, or why not."""

ADD = """
    import sys
    from pathlib import Path
    from netui.model import Contact
    from netui.store import Store

    store = Store.open(Path(sys.argv[1]))
    print("ready", flush=True)
    sys.stdin.readline()
    for i in range(int(sys.argv[3])):
        store.add_contact(Contact(name=f"{sys.argv[2]} {i:03d}"))
    print("done", flush=True)
"""
"""Add contacts once told to go, as two netui processes at once would."""


def python(script: str, *args: str, fcntl: bool = True) -> subprocess.Popen[str]:
    """Run `script` in a new Python, with or without an `fcntl` module."""
    code = textwrap.dedent(script) if fcntl else WITHOUT_FCNTL + textwrap.dedent(script)
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def run(script: str, *args: str, fcntl: bool = True) -> str:
    """Run `script` to its end; its output (it must succeed and warn about nothing)."""
    process = python(script, *args, fcntl=fcntl)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert err == ""
    return out


@pytest.fixture
def holder(db: Path, request: pytest.FixtureRequest) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the lock of `db` (without `fcntl` if the test is
    parametrized so), until it is told to let go (a line on stdin) or killed."""
    process = python(HOLD, str(db), fcntl=getattr(request, "param", True))
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "locked"
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate()


def let_go(process: subprocess.Popen[str]) -> None:
    """Tell a HOLD process to release its lock, and wait until it has."""
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write("\n")
    process.stdin.flush()
    assert process.stdout.readline().strip() == "released"


# Without fcntl (what a Windows Python lacks): netui imports, and the fallback lock works.


def test_without_fcntl_every_netui_module_imports_and_filelock_waits_for_the_first_lock() -> None:
    out = run(
        """
        import importlib, pkgutil, sys
        import netui

        for module in pkgutil.walk_packages(netui.__path__, "netui."):
            if module.name != "netui.__main__":  # (that one runs netui)
                importlib.import_module(module.name)
        print(sys.modules["fcntl"], "filelock" in sys.modules)
        """,
        fcntl=False,
    )
    assert out.split() == ["None", "False"]


def test_without_fcntl_a_store_opens_saves_and_locks(db: Path) -> None:
    out = run(
        """
        import os, sys
        from pathlib import Path
        from netui.model import Contact
        from netui.store import Store
        from netui.store.lock import file_lock, marker_path

        db = Path(sys.argv[1])
        store = Store.open(db)
        store.add_contact(Contact(name="Ann Lee"))
        store.add_contact(Contact(name="Bo Chen"))
        with file_lock(db):
            held = marker_path(db).read_text()
        print(str(os.getpid()) in held, marker_path(db).exists())
        print(", ".join(c.name for c in Store.open(db).contacts()))
        """,
        str(db),
        fcntl=False,
    )
    # The marker named this process while it held the lock, and went with the lock.
    assert out.splitlines() == ["True False", "Ann Lee, Bo Chen"]
    assert names_on_disk(db) == ["Ann Lee", "Bo Chen"]
    assert lock_path(db).exists()  # (opened as everywhere: it tells whether netui may write)


@pytest.mark.parametrize("holder", [False], indirect=True, ids=["without-fcntl"])
def test_without_fcntl_a_second_process_waits_and_is_told_who_holds_the_lock(
    db: Path, holder: subprocess.Popen[str]
) -> None:
    busy = run(TRY, str(db), "0.3", fcntl=False)
    assert busy.strip() == (
        f"{db} is busy: another netui (pid {holder.pid}) has held its lock for 0 s; "
        "nothing was changed, try again"
    )

    let_go(holder)

    assert run(TRY, str(db), "5", fcntl=False).startswith("took ")
    assert not marker_path(db).exists()


@pytest.mark.parametrize("holder", [False], indirect=True, ids=["without-fcntl"])
def test_without_fcntl_a_killed_holder_leaves_no_stale_lock(
    db: Path, holder: subprocess.Popen[str]
) -> None:
    """The marker stays behind, but it names a process that is gone: the next netui on
    this host takes it over at once."""
    holder.kill()
    holder.wait()
    assert marker_path(db).exists()

    took = run(TRY, str(db), "5", fcntl=False).split()

    assert took[0] == "took" and float(took[1]) < 1
    assert not marker_path(db).exists()


@pytest.mark.slow
def test_without_fcntl_two_processes_adding_at_once_lose_nothing(db: Path) -> None:
    make_store(db, "Ann Lee")
    writers = [python(ADD, str(db), side, "60", fcntl=False) for side in ("left", "right")]
    try:
        for writer in writers:
            assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
        for writer in writers:
            assert writer.stdin is not None
            writer.stdin.write("go\n")
            writer.stdin.flush()
        for writer in writers:
            out, err = writer.communicate(timeout=120)
            assert (writer.returncode, out.strip(), err) == (0, "done", "")
    finally:
        for writer in writers:
            if writer.poll() is None:
                writer.kill()

    contacts = on_disk(db)["contacts"]
    expected = ["Ann Lee"] + [f"{s} {i:03d}" for s in ("left", "right") for i in range(60)]
    assert sorted(doc["name"] for doc in contacts.values()) == sorted(expected)
    assert sorted(int(i) for i in contacts) == list(range(1, 122))


# The native lock (flock here, LockFileEx on Windows) and the lock file's life.


def test_a_waiter_reads_the_holders_pid(db: Path, holder: subprocess.Popen[str]) -> None:
    assert lock_path(db).read_bytes() == f"\n{holder.pid}\n".encode()

    with pytest.raises(LockBusyError) as busy, file_lock(db, timeout=0.3):
        pass

    assert f"another netui (pid {holder.pid}) has held its lock" in str(busy.value)


@pytest.mark.parametrize("call", ["pread", "read"])
def test_the_waiter_never_reads_byte_0_which_windows_keeps_locked(
    db: Path, holder: subprocess.Popen[str], monkeypatch: pytest.MonkeyPatch, call: str
) -> None:
    """On Windows the holder's lock covers byte 0 and no other process may read it (and
    there is no `pread`): reading it here fails as it would there."""
    real_pread, real_read = os.pread, os.read

    def pread(fd: int, size: int, offset: int) -> bytes:
        if offset == 0:
            raise PermissionError(errno.EACCES, "the process cannot access the file")
        return real_pread(fd, size, offset)

    def read(fd: int, size: int) -> bytes:
        if os.lseek(fd, 0, os.SEEK_CUR) == 0:
            raise PermissionError(errno.EACCES, "the process cannot access the file")
        return real_read(fd, size)

    if call == "pread":
        monkeypatch.setattr(os, "pread", pread)
    else:
        monkeypatch.delattr(os, "pread")
        monkeypatch.setattr(os, "read", read)

    with pytest.raises(LockBusyError) as busy, file_lock(db, timeout=0.3):
        pass

    assert f"(pid {holder.pid})" in str(busy.value)


@pytest.mark.parametrize("pwrite", [True, False], ids=["pwrite", "without-pwrite"])
def test_the_holder_replaces_an_older_record_whole(
    db: Path, monkeypatch: pytest.MonkeyPatch, pwrite: bool
) -> None:
    lock_path(db).write_bytes(b"\n4194304999\nsomething older\n")
    if not pwrite:  # as on Windows
        monkeypatch.delattr(os, "pwrite")

    with file_lock(db):
        during = lock_path(db).read_bytes()

    assert during == f"\n{os.getpid()}\n".encode()
    assert lock_path(db).read_bytes() == during  # (the last holder's pid stays: harmless)


def test_the_lock_file_survives_release_so_a_waiter_and_a_newcomer_lock_the_same_file(
    db: Path, holder: subprocess.Popen[str]
) -> None:
    """Deleting the file on release would let a waiter that opened it before lock a file
    without a name, while a newcomer creates and locks a new one: two holders at once."""
    inode = lock_path(db).stat().st_ino
    inside, leave = threading.Event(), threading.Event()

    def wait_for_the_lock() -> None:
        with file_lock(db, timeout=30):
            inside.set()
            leave.wait(30)

    waiter = threading.Thread(target=wait_for_the_lock)
    waiter.start()
    try:
        time.sleep(0.2)  # the waiter has opened the file and is retrying
        assert not inside.is_set()
        let_go(holder)
        assert inside.wait(10)

        newcomer = run(TRY, str(db), "0.3")
        assert f"another netui (pid {os.getpid()})" in newcomer  # the waiter holds it
        assert lock_path(db).stat().st_ino == inode
    finally:
        leave.set()
        waiter.join()
    assert lock_path(db).stat().st_ino == inode
    assert run(TRY, str(db), "5").startswith("took ")


def test_the_native_lock_leaves_no_marker(db: Path) -> None:
    with file_lock(db):
        assert not marker_path(db).exists()
    assert lock_path(db).exists()


def test_a_lock_file_that_cant_be_opened_for_writing_is_read_only(db: Path, faults: Faults) -> None:
    lock = str(lock_path(db))
    faults.fail("open", errno.EACCES, lambda p, *a, **k: os.fspath(p) == lock)

    with pytest.raises(ReadOnlyError) as refused, file_lock(db):
        pass

    assert str(refused.value) == f"can't write the lock file {lock} (permission denied)"


# A file system (or a Unix) without a native lock: filelock's lock_descriptor says ENOSYS.


@pytest.fixture
def no_native_lock(monkeypatch: pytest.MonkeyPatch) -> None:
    def unavailable(fd: int, **options: Any) -> bool:
        raise OSError(errno.ENOSYS, "fcntl is unavailable")

    monkeypatch.setattr(filelock, "lock_descriptor", unavailable)


@pytest.mark.usefixtures("no_native_lock")
def test_without_a_native_lock_the_marker_is_the_lock(db: Path) -> None:
    make_store(db, "Ann Lee", "Bo Chen")

    with file_lock(db):
        assert str(os.getpid()) in marker_path(db).read_text()
        assert marker_path(db).stat().st_mode & 0o777 == 0o600
    assert not marker_path(db).exists()
    assert names_on_disk(db) == ["Ann Lee", "Bo Chen"]


@pytest.mark.usefixtures("no_native_lock")
def test_without_a_native_lock_an_unwritable_marker_is_read_only(db: Path, faults: Faults) -> None:
    marker = str(marker_path(db))
    faults.fail("open", errno.EACCES, lambda p, *a, **k: os.fspath(p) == marker)

    with pytest.raises(ReadOnlyError) as refused, file_lock(db):
        pass

    assert str(refused.value) == f"can't write the lock file {marker} (permission denied)"


def test_a_lock_that_fails_otherwise_says_so(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(fd: int, **options: Any) -> bool:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(filelock, "lock_descriptor", failing)

    with pytest.raises(StoreError) as failed, file_lock(db):
        pass

    assert str(failed.value) == f"can't lock {lock_path(db)} (No locks available)"
