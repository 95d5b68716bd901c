"""Bytes in the data never drive the terminal (issue 9, section 3), checked on the bytes
the app really sends to a real terminal.

The app runs in tmux (with `set-clipboard on`, so that an OSC 52 in a name would set
tmux's clipboard) on `tests/data/hostile_network.json`, a data file whose every text
carries OSC 52, OSC 8, CSI 2J, ESC c, C1 controls, RLO, bidi isolates, DEL, BEL and NUL.
`tmux pipe-pane` records everything the app writes while the test visits every screen
that shows the data: the three panes, a contact's detail, the daily review, the referral
tree, the companies, the prep sheet, an edit form, a delete confirmation and a toast.
None of those sequences may be in the recording, the placeholders (`netui.text.shown`)
must be, and tmux's clipboard must stay empty.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

NETUI = Path(sys.executable).with_name("netui")
DATA = Path(__file__).parent.parent / "data" / "hostile_network.json"
WIDTH, HEIGHT = 140, 40
TEXTUAL_OSC = re.compile(rb"\x1b\]22;[a-z-]*\x07")
"""The one OSC sequence Textual itself sends: the mouse pointer's shape."""

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


class Tmux:
    """One tmux server of the test's own (its own socket, no user config)."""

    def __init__(self, socket: Path, env: dict[str, str]) -> None:
        self.socket = socket
        self.env = env

    def __call__(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(
            ["tmux", "-S", str(self.socket), "-f", os.devnull, *args],
            capture_output=True,
            text=True,
            env=self.env,
            check=False,
            timeout=10,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args)}: {result.stderr.strip()}")
        return result.stdout

    def screen(self) -> str:
        return self("capture-pane", "-p", "-t", "app")

    def wait_for(self, *texts: str, timeout: float = 15.0) -> str:
        """Wait until every one of `texts` is on screen; the screen then."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if all(text in screen for text in texts):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{texts!r} not on screen after {timeout}s:\n{screen}")
            time.sleep(0.05)

    def wait_until_gone(self, text: str, timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        while text in (screen := self.screen()):
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} still on screen after {timeout}s:\n{screen}")
            time.sleep(0.05)

    def keys(self, *keys: str) -> None:
        self("send-keys", "-t", "app", *keys)


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    if not NETUI.exists():
        pytest.skip(f"the netui console script is not installed at {NETUI}")
    home = tmp_path / "home"
    home.mkdir()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("NETUI_", "TEXTUAL", "TMUX")) and key not in ("COLUMNS", "LINES")
    }
    env.update(TERM="xterm-256color", NETUI_HOME=str(home))
    server = Tmux(tmp_path / "tmux.sock", env)
    try:
        yield server
    finally:
        server("kill-server", check=False)


def check_recording(
    recording: Path, placeholders: str = "␛\ufffd␡␇", *, wait: bool = False
) -> None:
    """Assert that what the app sent holds no sequence from the data, and each of the
    `placeholders`.

    With `wait`, first wait (briefly) for an ESC's placeholder to arrive: tmux passes what
    the app writes to the recording on its own time.
    """
    deadline = time.monotonic() + (5 if wait else 0)
    while wait and "␛".encode() not in recording.read_bytes() and time.monotonic() < deadline:
        time.sleep(0.05)
    sent = recording.read_bytes()
    assert len(sent) > 1_000, "the recording holds the app's frames"
    # Textual's own OSC: the mouse pointer's shape (OSC 22), which names no data.
    sent = TEXTUAL_OSC.sub(b"", sent)
    problems = {
        "OSC (ESC ])": re.findall(rb".{0,20}\x1b\].{0,20}", sent),
        "clear screen (CSI 2J)": re.findall(rb".{0,20}\x1b\[2J.{0,20}", sent),
        "reset (ESC c)": re.findall(rb".{0,20}\x1bc.{0,20}", sent),
        "C1 control": re.findall(rb".{0,20}\xc2[\x80-\x9f].{0,20}", sent),
        "bidi control": re.findall(
            rb".{0,20}(?:\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]).{0,20}", sent
        ),
        "BEL": re.findall(rb".{0,20}\x07.{0,20}", sent),
        "DEL": re.findall(rb".{0,20}\x7f.{0,20}", sent),
    }
    assert not {name: found[:3] for name, found in problems.items() if found}
    for placeholder in placeholders:
        assert placeholder.encode() in sent, f"{placeholder!r} is shown"


def test_the_app_sends_no_byte_of_the_data_that_drives_the_terminal(
    tmux: Tmux, tmp_path: Path
) -> None:
    db = tmp_path / "netui.json"
    shutil.copyfile(DATA, db)
    recording = tmp_path / "terminal.bytes"
    # The pane waits for a line before starting netui, so that the recording is running
    # before the app's first byte (an OSC 52 in a name would be sent with the first frame).
    command = f"read go; exec {shlex.quote(str(NETUI))} --db {shlex.quote(str(db))}"
    tmux("new-session", "-d", "-s", "app", "-x", str(WIDTH), "-y", str(HEIGHT), "sh", "-c", command)
    tmux("set-option", "-g", "set-clipboard", "on")
    tmux("pipe-pane", "-o", "-t", "app", f"cat >> {shlex.quote(str(recording))}")
    tmux.keys("Enter")

    # The main screen: the three panes, with the names, follow-ups and notes. What it sent
    # is checked at once (an OSC 52 would have set the clipboard by now), then at the end.
    tmux.wait_for("show done")  # a pane's subtitle, there however the data is drawn
    check_recording(recording, "␛", wait=True)
    assert "EVIL" not in tmux("show-buffer", check=False)
    tmux.wait_for("X␛]52;c;RVZJ", "call back␛[2J")
    # The first contact (Eve, sorted by name): their detail, then back.
    tmux.keys("1", "g")
    tmux.keys("Enter")
    tmux.wait_for("How we met", "Referred by")
    tmux.keys("Escape")
    tmux.wait_until_gone("How we met")
    # The daily review, the referral tree, the companies and the prep sheet.
    for key, heading in (
        ("r", "Daily review"),
        ("t", "who led to whom"),
        ("c", "Companies —"),
        ("p", "Prep sheet"),
    ):
        tmux.keys(key)
        tmux.wait_for(heading)
        tmux.keys("Escape")
        tmux.wait_until_gone(heading)
    # An edit form and a delete confirmation (cancelled).
    tmux.keys("e")
    tmux.wait_for("Edit contact")
    tmux.keys("Escape")
    tmux.wait_until_gone("Edit contact")
    tmux.keys("x")
    tmux.wait_for("Delete Eve")
    tmux.keys("Escape")
    tmux.wait_until_gone("Delete Eve")
    # A toast: the first follow-up marked done ("Done: call back␛[2J…").
    tmux.keys("2", "g", "d")
    tmux.wait_for("Done: call back")
    tmux.keys("q")
    deadline = time.monotonic() + 15
    while tmux("list-sessions", check=False).strip() and time.monotonic() < deadline:
        time.sleep(0.05)  # the session ends with the app

    check_recording(recording)
    # And tmux, which would take an OSC 52 as a copy, has nothing on its clipboard.
    assert "EVIL" not in tmux("show-buffer", check=False)
