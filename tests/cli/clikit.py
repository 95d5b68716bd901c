"""What the CLI tests share: the installed `netui` console script they run, and the two
checks of its outcome (a success says nothing on stderr; a failure says why, on stderr
only)."""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
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


def netui_at(db: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The installed `netui ARGS --db DB` as a user's shell runs it, with netui's folders
    beside the file (`home/`) and no `$NETUI_DB` from the developer's environment."""
    env = {key: value for key, value in os.environ.items() if key != "NETUI_DB"}
    env.update({"NETUI_HOME": str(db.parent / "home"), "PYTHONIOENCODING": "utf-8"})
    return subprocess.run(
        [NETUI, *args, "--db", str(db)],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
    )


@dataclass
class Result:
    """What a command run in this process did: its exit code, stdout and stderr."""

    code: int
    out: str
    err: str


def in_process(capsys: pytest.CaptureFixture[str], *args: str) -> Result:
    """`netui.cli.main(ARGS)` run in this process (so a test can stop the clock)."""
    from netui import cli

    try:
        code = cli.main(list(args))
    except SystemExit as leaving:  # argparse: wrong usage, --help
        code = int(leaving.code or 0)
    finally:
        gc.enable()  # (main turns the collector off, as a one-shot command may)
    captured = capsys.readouterr()
    return Result(code, captured.out, captured.err)
