"""A real terminal for the e2e tests: `netui` in a pseudo-terminal, drawn on a pyte screen.

`Terminal` spawns the installed script with pexpect, feeds everything it prints to a
pyte screen, and lets a test wait for text to appear on that screen: what a person at a
100x30 xterm would see, escape sequences and all.
"""

from __future__ import annotations

import sys
import termios
import time
from pathlib import Path

import pexpect
import pyte

NETUI = Path(sys.executable).with_name("netui")
"""The console script installed beside this Python (the project's venv)."""

COLUMNS, LINES = 100, 30


class Terminal:
    """A running `netui` and the screen it has drawn so far."""

    def __init__(self, args: list[str], env: dict[str, str], program: str = str(NETUI)) -> None:
        self.screen = pyte.Screen(COLUMNS, LINES)
        self.stream = pyte.ByteStream(self.screen)
        self.child = pexpect.spawn(program, args, env=env, dimensions=(LINES, COLUMNS), timeout=10)
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

    def send(self, keys: str | bytes) -> None:
        """Write `keys` to the terminal in one write: a burst, as fast typing or a paste."""
        self.child.send(keys)
        self.pump(0.05)

    def paste(self, data: bytes) -> None:
        """A bracketed paste of `data` (raw bytes: they need not be UTF-8)."""
        self.send(b"\x1b[200~" + data + b"\x1b[201~")

    def line_of(self, text: str) -> str:
        """The first screen line holding `text` ("" if none)."""
        return next((line for line in self.screen.display if text in line), "")

    def tty_modes(self) -> list:
        """The pseudo-terminal's modes as `stty -a` reads them (tcgetattr; on Linux the
        master shows the slave's settings, even after the program has ended)."""
        return termios.tcgetattr(self.child.child_fd)

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

    def wait_for_exit(self, timeout: float = 10.0, *, close: bool = True) -> int | None:
        """Wait for the program to end; its exit status (None if a signal killed it)."""
        deadline = time.monotonic() + timeout
        while not self.ended and time.monotonic() < deadline:
            self.pump(0.1)
        self.child.expect(pexpect.EOF, timeout=max(deadline - time.monotonic(), 0.1))
        if close:
            self.child.close()
        else:
            self.child.wait()
        return self.child.exitstatus

    def hang_up(self) -> None:
        """Close the terminal, as closing its window does: the kernel sends the program
        SIGHUP, and nothing it writes goes anywhere any more."""
        self.child.ptyproc.fileobj.close()
        self.ended = True

    def status_after_hang_up(self, timeout: float = 10.0) -> int | None:
        """The exit status of a program whose terminal was closed (None: killed)."""
        deadline = time.monotonic() + timeout
        while self.child.ptyproc.isalive():
            if time.monotonic() > deadline:
                raise AssertionError(f"still running {timeout}s after its terminal closed")
            time.sleep(0.05)
        return self.child.ptyproc.exitstatus

    def kill(self) -> None:
        if self.child.isalive():
            self.child.terminate(force=True)
        if not self.child.closed:
            self.child.close(force=True)
