"""Fixtures for the durability tests of the data file (helpers are in storekit.py).

Every fault is provoked for real: a killed process, a full tmpfs, an `os` call that fails
the way a broken disk makes it fail. The tests only observe what a user would see:
the bytes in the folder, the exception's words, a process's exit code.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from storekit import Faults


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Where the data file goes: a fresh folder holding nothing yet."""
    folder = tmp_path / "data"
    folder.mkdir()
    return folder / "netui.json"


@pytest.fixture
def faults(monkeypatch: pytest.MonkeyPatch) -> Iterator[Faults]:
    injected = Faults(monkeypatch)
    yield injected
    injected.clear()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 256 KiB tmpfs, to fill up; skipped where mounting is not allowed."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k,mode=0700", "tmpfs", str(mount_point)],
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
