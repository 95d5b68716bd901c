"""kill -9 at any moment, and what a crashed run leaves behind (temps, the lock file)."""

from __future__ import annotations

import os
import random
import select
import signal
import time
from pathlib import Path

import pytest
from storekit import make_store, names, names_on_disk, on_disk, run_worker, temps

from netui.errors import StoreError
from netui.model import Contact
from netui.store import Store
from netui.store.backups import list_backups
from netui.store.lock import file_lock, lock_path
from netui.store.schema import decode

KILLS = 50
"""Kills at least; more if none of them has landed in the middle of a save yet."""
MAX_KILLS = 500
REPORT_TIMEOUT = 120.0
"""How long a worker may take to start and commit its first save (a loaded machine)."""


def read_lines(fd: int, buffer: bytearray, count: int, timeout: float = REPORT_TIMEOUT) -> None:
    """Read from `fd` into `buffer` until it holds `count` whole lines."""
    deadline = time.monotonic() + timeout
    while buffer.count(b"\n") < count:
        left = deadline - time.monotonic()
        assert left > 0, f"the worker reported nothing for {timeout:.0f} s: {bytes(buffer)!r}"
        if select.select([fd], [], [], left)[0]:
            chunk = os.read(fd, 65536)
            assert chunk, f"the worker ended by itself: {bytes(buffer)!r}"
            buffer += chunk


def read_to_end(fd: int, buffer: bytearray) -> None:
    while chunk := os.read(fd, 65536):
        buffer += chunk


@pytest.mark.slow
def test_kill9_during_save_loop_always_leaves_a_committed_state(db: Path) -> None:
    """SIGKILL a process adding contacts in a tight loop, each time after it has
    committed at least one save of its own, plus a small random delay.

    After every kill the file parses, holds exactly the contacts seq 0..k (no gap, no
    torn JSON), including every save the worker reported as committed (so more than
    after the previous kill), and the next open removes any temporary file the killed
    save left. The kills go on until some landed in the middle of a save. Nothing here
    assumes how fast the machine saves: the test waits for the worker's reports.
    """
    rng = random.Random(20261123)
    committed = -1
    temps_left = 0
    kills = 0
    while kills < KILLS or (temps_left == 0 and kills < MAX_KILLS):
        kills += 1
        worker = run_worker("loop", str(db), stdin=None, text=False)
        assert worker.stdout is not None
        fd = worker.stdout.fileno()
        said = bytearray()
        try:
            read_lines(fd, said, 2)  # "ready", then the number of its first committed save
            time.sleep(rng.uniform(0, 0.05))
        finally:
            worker.send_signal(signal.SIGKILL)
            worker.wait()
        read_to_end(fd, said)
        worker.stdout.close()
        assert worker.returncode == -signal.SIGKILL, f"kill {kills}: the loop ended by itself"
        lines = said.split(b"\n")[:-1]  # whole lines only: a kill may cut the last one
        reported = int(lines[-1])

        raw = db.read_bytes()
        assert raw.endswith(b"}\n"), f"kill {kills}: torn file ending {raw[-40:]!r}"
        seen = names_on_disk(db)  # parsed by the standard library, not by netui
        k = len(seen) - 1
        assert seen == [f"seq {i:06d}" for i in range(k + 1)], f"kill {kills}"
        ids = sorted(int(i) for i in on_disk(db)["contacts"])
        assert ids == list(range(1, k + 2)), f"kill {kills}: ids {ids[-5:]}"
        assert k >= reported, f"kill {kills}: seq {reported} was reported saved, not on disk"
        assert k > committed, f"kill {kills}: no new save although one was reported"
        committed = k

        temps_left += bool(temps(db.parent))
        store = Store.open(db)  # works, and cleans up after the killed save
        assert names(store) == [f"seq {i:06d}" for i in range(k + 1)]
        leftover = temps(db.parent)  # beside the file and in its backups folder
        assert leftover == [], f"kill {kills}: {leftover} survived the next open"

    for backup in list_backups(db):  # a kill during the day's backup must not matter
        decode(backup.read_bytes(), backup)
    # The test only means something if some kills really landed while saving.
    assert temps_left > 0, f"none of {kills} kills landed in the middle of a save"
    print(f"{committed + 1} contacts, {temps_left} of {kills} kills left a temp file")


def test_stale_temps_from_a_crashed_run_are_removed_at_open(db: Path) -> None:
    make_store(db, "Ann Lee", "Bo Chen")
    committed = db.read_bytes()
    half = committed[: len(committed) // 2]
    stale = [
        db.parent / f".{db.name}.4242.deadbeef.tmp",  # a half-written save
        db.parent / f".{db.name}.4243.0badf00d.tmp",  # a complete one, never renamed
    ]
    stale[0].write_bytes(half)
    stale[1].write_bytes(committed.replace(b"Bo Chen", b"Bo Chan"))
    unrelated = db.parent / "notes.tmp"  # not ours: left alone
    unrelated.write_text("keep me")

    store = Store.open(db)

    assert not any(p.exists() for p in stale)
    assert unrelated.read_text() == "keep me"
    assert db.read_bytes() == committed
    assert names(store) == ["Ann Lee", "Bo Chen"]


def test_a_stale_temp_of_a_crashed_backup_is_removed_at_open(db: Path) -> None:
    store = make_store(db, "Ann Lee", "Bo Chen")  # the second save made a backup
    (backup,) = list_backups(store.path)
    stale = backup.with_name(f".{backup.name}.4242.deadbeef.tmp")
    stale.write_bytes(db.read_bytes()[:100])
    foreign = backup.with_name(".other.json.1.2.tmp")  # not a backup of this file
    foreign.write_text("x")

    Store.open(db)

    assert not stale.exists()
    assert foreign.exists()
    assert list_backups(store.path) == [backup]


def test_stale_temps_are_removed_even_when_the_name_has_glob_characters(tmp_path: Path) -> None:
    """`net[1].json`: the brackets must not be read as a pattern."""
    db = tmp_path / "net[1].json"
    make_store(db, "Ann Lee")
    stale = tmp_path / f".{db.name}.4242.deadbeef.tmp"
    stale.write_bytes(b'{"contacts": {"1": {"na')

    Store.open(db)

    assert not stale.exists()


def test_a_stale_lock_file_does_not_block(db: Path) -> None:
    """A lock file left by a crashed run (with its dead pid in it) is just a file."""
    make_store(db, "Ann Lee")
    lock_path(db).write_text("999999\n")

    started = time.monotonic()
    store = Store.open(db)
    store.add_contact(Contact(name="Bo Chen"))

    assert time.monotonic() - started < 1
    assert names_on_disk(db) == ["Ann Lee", "Bo Chen"]


@pytest.mark.slow
def test_the_lock_is_free_at_once_after_its_holder_is_killed(db: Path) -> None:
    make_store(db, "Ann Lee")
    holder = run_worker("hold", str(db))
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(StoreError) as busy, file_lock(db, timeout=0.3):
            pass
        assert f"{db} is busy" in str(busy.value)
        assert f"pid {holder.pid}" in str(busy.value)
        assert "nothing was changed" in str(busy.value)
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()

    started = time.monotonic()
    store = Store.open(db)
    store.add_contact(Contact(name="Bo Chen"))
    assert time.monotonic() - started < 1
    assert names_on_disk(db) == ["Ann Lee", "Bo Chen"]
