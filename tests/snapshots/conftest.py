"""Fixtures of the snapshot tests: the fixed network at a fixed path, frozen time, no blink.

The main screen's status line shows the data file's path, so every snapshot must see the
same one: the file lives at `SNAP_DIR/netui.json`, rebuilt for each test, with a lock
held so that two test sessions on one machine take turns instead of sharing it.
"""

from __future__ import annotations

import fcntl
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "ui"))

from netkit import build_network, disable_blink, private_home

SNAP_DIR = Path("/tmp/netui-snapshots")
"""A fixed, short folder: the status line shows `/tmp/netui-snapshots/netui.json`."""


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    disable_blink(monkeypatch)


@pytest.fixture(autouse=True)
def netui_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return private_home(tmp_path, monkeypatch)


@pytest.fixture
def snap_folder() -> Iterator[Path]:
    """The fixed folder, emptied, held for this test alone."""
    lock_path = Path("/tmp/netui-snapshots.lock")
    with lock_path.open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            shutil.rmtree(SNAP_DIR, ignore_errors=True)
            SNAP_DIR.mkdir(mode=0o700)
            yield SNAP_DIR
        finally:
            shutil.rmtree(SNAP_DIR, ignore_errors=True)
            fcntl.flock(lock, fcntl.LOCK_UN)


@pytest.fixture
def snap_db(snap_folder: Path) -> Path:
    """The fixed network at the fixed path."""
    return build_network(snap_folder / "netui.json")


@pytest.fixture
def empty_snap_db(snap_folder: Path) -> Path:
    """The fixed path with no file yet."""
    return snap_folder / "netui.json"
