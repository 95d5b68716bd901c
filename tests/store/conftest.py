"""Fixtures for the durability tests of the data file (helpers are in storekit.py).

Every fault is provoked for real: a killed process, a full tmpfs, an `os` call that fails
the way a broken disk makes it fail. The tests only observe what a user would see:
the bytes in the folder, the exception's words, a process's exit code.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from storekit import Faults, tmpfs


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
    with tmpfs(tmp_path / "small", "256k") as mount_point:
        yield mount_point
