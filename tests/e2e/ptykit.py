"""A real terminal for the e2e tests: `netui` in a pseudo-terminal, drawn on a pyte screen.

`Terminal` spawns the installed script with pexpect, feeds everything it prints to a
pyte screen, and lets a test wait for text to appear on that screen: what a person at a
100x30 xterm would see, escape sequences and all.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pexpect
import pyte

NETUI = Path(sys.executable).with_name("netui")
"""The console script installed beside this Python (the project's venv)."""

COLUMNS, LINES = 100, 30


class Terminal:
    """A running `netui` and the screen it has drawn so far."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.screen = pyte.Screen(COLUMNS, LINES)
        self.stream = pyte.ByteStream(self.screen)
        self.child = pexpect.spawn(
            str(NETUI), args, env=env, dimensions=(LINES, COLUMNS), timeout=10
        )
        self.output = bytearray()
        self.ended = False

    def pump(self, seconds: float = 0.1) -> None:
        """Read whatever the app printed during `seconds` into the screen."""
        deadline = time.monotonic() + seconds
        while not self.ended:
            try:
                data = self.child.read_nonblocking(65536, timeout=0.02)
            except pexpect.TIMEOUT:
                data = b""
            except pexpect.EOF:
                self.ended = True
                break
            if data:
                self.output += data
                self.stream.feed(data)
            elif time.monotonic() >= deadline:
                break

    @property
    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, text: str, timeout: float = 10.0) -> float:
        """Wait until `text` is on screen; return how long it took."""
        start = time.monotonic()
        while text not in self.text:
            if time.monotonic() - start > timeout:
                raise AssertionError(f"{text!r} not on screen after {timeout}s:\n{self.text}")
            if self.ended:
                raise AssertionError(f"netui ended before showing {text!r}:\n{self.text}")
            self.pump(0.05)
        return time.monotonic() - start

    def wait_until_gone(self, text: str, timeout: float = 10.0) -> None:
        start = time.monotonic()
        while text in self.text:
            if time.monotonic() - start > timeout:
                raise AssertionError(f"{text!r} still on screen after {timeout}s:\n{self.text}")
            self.pump(0.05)

    def send(self, keys: str) -> None:
        self.child.send(keys)
        self.pump(0.05)

    def escape(self) -> None:
        """Escape alone: the terminal's ESC and a letter sent soon after read as alt+letter,
        so wait before anything else is sent."""
        self.child.send("\x1b")
        time.sleep(0.2)
        self.pump(0.2)

    def resize(self, columns: int, lines: int) -> None:
        self.child.setwinsize(lines, columns)
        self.screen.resize(lines, columns)
        self.pump(0.3)

    def wait_for_exit(self, timeout: float = 10.0) -> int | None:
        deadline = time.monotonic() + timeout
        while not self.ended and time.monotonic() < deadline:
            self.pump(0.1)
        self.child.expect(pexpect.EOF, timeout=max(deadline - time.monotonic(), 0.1))
        self.child.close()
        return self.child.exitstatus

    def kill(self) -> None:
        if self.child.isalive():
            self.child.terminate(force=True)
