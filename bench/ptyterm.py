"""A real terminal for the benchmarks: a program in a pseudo-terminal, drawn on a pyte
screen, with the time each piece of its output arrived.

Like tests/e2e/ptykit.py (pexpect + pyte), but made for timing: `wait_for(condition)`
reads whatever the program writes as soon as it is written (a reader thread, no sleeps),
feeds it to the emulated screen, and returns the moment the bytes that made the
condition true were read: when the user would have seen it. The emulator's own work on
those bytes comes after that moment and is not counted.

The conditions look at the screen as a person would: contact rows in the left part of
the screen (the Contacts pane), a name on a row of that list, a heading. None of them
knows netui's widgets, so they keep working while netui's inside changes.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from pathlib import Path

import pexpect
import pyte

COLUMNS, LINES = 120, 40
LEFT = 0.45
"""The share of the width where the Contacts pane is (it is the leftmost pane)."""


class Timeout(Exception):
    """The screen did not show what was waited for."""


class PtyApp:
    """A running program in a pseudo-terminal and the screen it has drawn so far.

    A thread reads the terminal as soon as the program writes (so that the program never
    waits for the emulator, which takes about 1.5 ms a KiB) and stamps each chunk with
    the moment it was read; the emulator is fed from that queue. Set a short GIL switch
    interval (`sys.setswitchinterval`) while timing, so that the stamps are not late.
    """

    FRAME_GAP = 0.008
    """Chunks that follow one another closer than this are one frame being written (Textual
    paints at most 60 frames a second: 16 ms apart)."""

    def __init__(
        self, argv: list[str], env: dict[str, str], size: tuple[int, int] = (COLUMNS, LINES)
    ) -> None:
        columns, lines = size
        self.screen = pyte.Screen(columns, lines)
        self.stream = pyte.ByteStream(self.screen)
        self._chunks: deque[tuple[float, bytes]] = deque()
        self._arrived = threading.Event()
        self.started = time.perf_counter()
        """Just before the process was started (fork and exec come after)."""
        self.child = pexpect.spawn(argv[0], argv[1:], env=env, dimensions=(lines, columns))
        self.ended = False
        self.last_read = self.started
        """When the last chunk fed to the screen was read."""
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        fd = self.child.child_fd
        while True:
            try:
                data = os.read(fd, 1 << 16)
            except OSError:  # EIO: the program ended and closed the terminal
                data = b""
            self._chunks.append((time.perf_counter(), data))
            self._arrived.set()
            if not data:
                return

    @property
    def pid(self) -> int:
        return int(self.child.pid)

    def pump(self, timeout: float) -> bool:
        """Feed the next chunk the program wrote (waiting up to `timeout` seconds for
        one) to the screen; True if one came."""
        if self.ended:
            return False
        if not self._chunks:
            self._arrived.wait(max(timeout, 0))
            self._arrived.clear()
            if not self._chunks:
                return False
        read_at, data = self._chunks.popleft()
        if not data:
            self.ended = True
            return False
        self.last_read = read_at
        self.stream.feed(data)
        return True

    def _rest_of_frame(self) -> float:
        """Feed the chunks written right after the last one (the rest of its frame);
        the moment the frame's last chunk was read."""
        end = self.last_read
        while True:
            if not self._chunks:
                wait = end + self.FRAME_GAP - time.perf_counter()
                if wait <= 0 or not self._arrived.wait(wait):
                    return end
                self._arrived.clear()
                continue
            read_at = self._chunks[0][0]
            if read_at - end > self.FRAME_GAP:
                return end
            if not self.pump(0):
                return end
            end = self.last_read

    def drain(self, seconds: float) -> None:
        """Keep reading for `seconds` (the program settles; its screen stays current)."""
        deadline = time.perf_counter() + seconds
        while (left := deadline - time.perf_counter()) > 0:
            self.pump(min(left, 0.05))

    def wait_for(
        self,
        condition: Callable[[PtyApp], bool],
        timeout: float,
        what: str,
    ) -> float:
        """Read until `condition(self)` holds; the moment the frame that made it hold was
        read (perf_counter): its last chunk."""
        deadline = time.perf_counter() + timeout
        if condition(self):
            return time.perf_counter()
        while True:
            if self.ended:
                raise Timeout(f"the program ended before showing {what}:\n{self.text}")
            if time.perf_counter() > deadline:
                raise Timeout(f"{what} not on screen after {timeout:g} s:\n{self.text}")
            if self.pump(0.05) and condition(self):
                return self._rest_of_frame()

    def send(self, keys: str | bytes) -> float:
        """Write `keys` to the terminal in one write; the moment it was written."""
        self.child.send(keys)
        return time.perf_counter()

    @property
    def lines(self) -> list[str]:
        return list(self.screen.display)

    @property
    def text(self) -> str:
        return "\n".join(self.screen.display)

    def left_lines(self) -> list[str]:
        """Each screen line cut to the left part, where the Contacts pane is."""
        width = int(self.screen.columns * LEFT)
        return [line[:width] for line in self.screen.display]

    def memory_kib(self) -> dict[str, int]:
        """The program's resident memory now (VmRSS) and at its peak (VmHWM), in KiB."""
        figures = {}
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
                key, _, value = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    figures[key] = int(value.split()[0])
        return figures

    def quit(self, keys: str = "q", timeout: float = 10.0) -> None:
        """Ask the program to end (`keys`), wait for it, and kill it if it does not end."""
        with contextlib.suppress(OSError):
            if not self.ended:
                self.child.send(keys)
        deadline = time.perf_counter() + timeout
        while not self.ended and time.perf_counter() < deadline:
            self.pump(0.05)
        self.close()

    def close(self) -> None:
        if self.child.isalive():
            self.child.terminate(force=True)
        self._reader.join(timeout=5)
        with contextlib.suppress(OSError):
            self.child.close(force=True)


# --- what a person would see ---------------------------------------------------------------


class ContactRows:
    """How many lines of the left part show a contact row: a first name of the data set
    followed by a last name of it or a middle initial (possibly cut off with '…')."""

    def __init__(self, first_names: Iterable[str], last_names: Iterable[str]) -> None:
        self.first = set(first_names)
        self.last = set(last_names)
        self.prefixes = {last[:n] for last in self.last for n in range(2, len(last) + 1)}

    def _is_row(self, line: str) -> bool:
        words = line.replace("│", " ").split()
        for a, b in itertools.pairwise(words):
            if a not in self.first:
                continue
            if b in self.last or re.fullmatch(r"[A-Z]\.", b):
                return True
            if b.endswith("…") and b[:-1] in self.prefixes:
                return True
        return False

    def count(self, term: PtyApp) -> int:
        return sum(1 for line in term.left_lines() if self._is_row(line))


def name_on_a_row(name: str) -> Callable[[PtyApp], bool]:
    """Whether `name` is on a row of the Contacts list: in the left part, as a cell (two
    spaces, a border or the edge after it), not inside typed text such as 'NAME (Title)'."""
    pattern = re.compile(r"(?:^|[\s│▏▎▍▌▋▊▉█])" + re.escape(name) + r"(?:\s\s|\s*[│…]|\s*$)")
    return lambda term: any(pattern.search(line) for line in term.left_lines())


def on_screen(text: str) -> Callable[[PtyApp], bool]:
    return lambda term: text in term.text


def clean_env(home: Path) -> dict[str, str]:
    """The environment of a user at an xterm, with netui's folders in `home`."""
    values = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("NETUI_", "TEXTUAL")) and key not in ("COLUMNS", "LINES")
    }
    values.update(TERM="xterm-256color", NETUI_HOME=str(home))
    return values


def file_state(path: Path) -> tuple[int, int, int] | None:
    """(inode, size, mtime) of a file, to see the moment another process replaces it."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def run_until(term: PtyApp, happened: Callable[[], bool], timeout: float, what: str) -> float:
    """Keep the screen current while polling `happened()` (every ~2 ms); the moment it
    first held."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if happened():
            return time.perf_counter()
        term.pump(0.002)
    raise Timeout(f"{what} did not happen within {timeout:g} s")
