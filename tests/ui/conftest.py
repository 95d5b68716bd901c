"""Fixtures of the Pilot tests: a private data file per test, frozen time, no blinking.

Every test gets its own copy of the fixed network (see `netkit.build_network`) in its own
`tmp_path`, with `NETUI_HOME` pointed there too, so that nothing reads or writes the
developer's real files and no test sees another's changes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from netkit import build_network, disable_blink, make_app, private_home


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor makes what is on screen depend on timing."""
    disable_blink(monkeypatch)


@pytest.fixture(autouse=True)
def netui_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """NETUI_HOME in the test's own folder (and no NETUI_DB from the environment)."""
    return private_home(tmp_path, monkeypatch)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """The fixed network, in a fresh data file."""
    folder = tmp_path / "data"
    folder.mkdir()
    return build_network(folder / "netui.json")


@pytest.fixture
def empty_db(tmp_path: Path) -> Path:
    """Where a data file goes, with nothing there yet (the app starts on nothing)."""
    folder = tmp_path / "empty"
    folder.mkdir()
    return folder / "netui.json"


@pytest.fixture
def app(db: Path):
    """The app on the fixed network, with the frozen clock and without polling."""
    return make_app(db)
