"""What the CLI tests share: the installed `netui` console script they run."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest


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
