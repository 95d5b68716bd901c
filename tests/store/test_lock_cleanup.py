"""No lock file is left beside a data file that does not exist when netui only read it
(opening the store probes the lock file, then reads under the lock), and removing it never
lets two holders in at once."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from netui.errors import LockBusyError
from netui.store import Store
from netui.store.lock import file_lock, lock_path, open_lock_file


def probe(data: Path) -> None:
    """What opening the store does first (`why_read_only`): create the lock file empty."""
    import os

    os.close(open_lock_file(lock_path(data)))


def test_opening_a_missing_file_leaves_no_lock(tmp_path: Path) -> None:
    data = tmp_path / "new.json"
    store = Store.open(data)
    assert store.contacts() == []
    assert list(tmp_path.iterdir()) == []


def test_the_probed_lock_of_a_missing_file_goes_with_its_release(tmp_path: Path) -> None:
    data = tmp_path / "new.json"
    probe(data)
    with file_lock(data):
        assert lock_path(data).exists()
    assert list(tmp_path.iterdir()) == []


def test_a_lock_someone_held_before_stays(tmp_path: Path) -> None:
    data = tmp_path / "new.json"
    with file_lock(data):  # (creates it: not a probe's)
        pass
    with file_lock(data):
        pass
    assert lock_path(data).exists()


def test_the_lock_of_a_file_written_meanwhile_stays(tmp_path: Path) -> None:
    data = tmp_path / "new.json"
    probe(data)
    with file_lock(data):
        data.write_text("{}")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.json", "new.json.lock"]


def test_a_waiter_on_a_removed_lock_file_still_excludes_a_newcomer(tmp_path: Path) -> None:
    """A holds the probed lock of a missing file; B waits on that same lock file; A lets go
    and removes it. B must then hold the lock a newcomer C asks for on the name, not a lock
    on a file without a name (which would let B and C in at once)."""
    data = tmp_path / "new.json"
    probe(data)
    a_holds, b_holds, release_b = threading.Event(), threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def b() -> None:
        try:
            a_holds.wait(5)
            with file_lock(data, timeout=5):
                b_holds.set()
                release_b.wait(5)
        except BaseException as error:  # (the test reports it)
            errors.append(error)

    waiter = threading.Thread(target=b)
    waiter.start()
    with file_lock(data):
        a_holds.set()
        threading.Event().wait(0.2)  # B has opened the file A holds, and waits
    assert b_holds.wait(5), errors
    assert lock_path(data).exists()  # B's, under the name
    with pytest.raises(LockBusyError), file_lock(data, timeout=0.2):
        pass  # C: must not get in while B holds
    release_b.set()
    waiter.join(5)
    assert errors == []
