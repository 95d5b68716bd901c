"""What the CLI tests share: the installed `netui` console script they run, and the two
checks of its outcome (a success says nothing on stderr; a failure says why, on stderr
only)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Protocol, TypeVar

import pytest


class Outcome(Protocol):
    code: int
    out: str
    err: str


R = TypeVar("R", bound=Outcome)


def ok(result: R) -> R:
    """Exit 0 and nothing on stderr."""
    assert (result.code, result.err) == (0, ""), result
    return result


def failed(result: R, message: str) -> R:
    """Exit 1, `message` on stderr and nothing on stdout."""
    assert result.code == 1, result
    assert message in result.err, result.err
    assert result.out == "", result.out
    return result


def find_netui() -> str:
    """The `netui` script of this venv (the one `pip install -e .` made)."""
    beside = Path(sys.executable).with_name("netui")
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    found = shutil.which("netui", path=str(Path(sys.executable).parent)) or shutil.which("netui")
    if found is None:
        pytest.fail("the netui console script is not installed (pip install -e .)")
    return found


NETUI = find_netui()
