"""Fixtures of the e2e tests: a user's environment (an xterm, netui's folders in the
test's own), a fresh data file path, and `run_netui`, which starts the real console script
in a pseudo-terminal (or, with `program=`, another command: a Python script that runs
netui with a fault injected) and ends it at teardown whatever happened."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from ptykit import NETUI, Terminal


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """The environment of a user at an xterm, with netui's folders in the test's own."""
    home = tmp_path / "home"
    home.mkdir()
    values = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("NETUI_", "TEXTUAL")) and key not in ("COLUMNS", "LINES")
    }
    values.update(TERM="xterm-256color", NETUI_HOME=str(home))
    return values


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Where the data file goes (nothing there yet)."""
    folder = tmp_path / "data"
    folder.mkdir()
    return folder / "netui.json"


@pytest.fixture
def run_netui(env: dict[str, str]) -> Iterator:
    """Start `netui ARGS…` in a pseudo-terminal; every one started is ended at teardown."""
    if not NETUI.exists():
        pytest.skip(f"the netui console script is not installed at {NETUI}")
    started: list[Terminal] = []

    def start(*args: str, program: str = str(NETUI)) -> Terminal:
        terminal = Terminal(list(args), env, program)
        started.append(terminal)
        return terminal

    yield start
    for terminal in started:
        terminal.kill()
