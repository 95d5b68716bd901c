"""The app in a real terminal: start-up, memory, quick-add, outside changes, the review.

Every program runs as a whole process in a pseudo-terminal of 120x40 (`ptyterm.PtyApp`),
started with `pty_apps.py` (netui's clock stopped at the data's "now"), and every figure
is read off the emulated screen, as a person would see it:

- start-up: from just before the process is started to the end of the first frame that
  shows contact rows in the Contacts pane (`ContactRows`, at least MIN_ROWS of them);
  the empty Textual app to the end of its first frame (title and footer drawn). Runs of
  the two alternate, after one untimed warm-up of each.
- memory: the process's resident memory (VmRSS) and peak (VmHWM) from /proc, read
  SETTLE seconds after that frame; the baseline is the empty app that has first read
  and parsed the same file with orjson (`pty_apps.py empty --hold FILE`).
- in one session on a copy of the file: the review (`r` to the end of the frame showing
  its heading and its first section; back with escape), then quick-adds (`a`, a line
  typed, then enter: from enter to the end of the frame where the bar is gone and the
  new name is on a row of the Contacts list; the first one, which also takes the day's
  backup, is a warm-up), then changes by another process (`netui add contact` on the
  same file: from the moment the file is replaced, seen by polling its inode, size and
  mtime every ~2 ms, to the end of the frame showing the new name on a row).

The new names all begin with "Aaron", so that they sort first and show at the top of
the list in its default order (by name).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dataset import FIRST_NAMES, LAST_NAMES, NOW
from ptyterm import ContactRows, PtyApp, Timeout, file_state, name_on_a_row, run_until

HERE = Path(__file__).resolve().parent
PTY_APPS = str(HERE / "pty_apps.py")
MIN_ROWS = 10
"""Contact rows on screen that count as "the contacts are on screen"."""
SETTLE = 1.5
"""Seconds after the first frame before memory is read (work that follows it counts)."""
START_TIMEOUT = 60.0

ROWS = ContactRows(FIRST_NAMES, LAST_NAMES)


def netui_argv(*args: str) -> list[str]:
    """netui's command line as a process, its clock stopped at the data's "now"."""
    return [sys.executable, PTY_APPS, "netui", "--now", NOW.isoformat(), *args]


def empty_argv(hold: Path | None = None) -> list[str]:
    return [sys.executable, PTY_APPS, "empty", *(["--hold", str(hold)] if hold else [])]


def contacts_shown(term: PtyApp) -> bool:
    return ROWS.count(term) >= MIN_ROWS


def one_contact_shown(term: PtyApp) -> bool:
    return ROWS.count(term) >= 1


def empty_shown(term: PtyApp) -> bool:
    lines = term.lines
    return "EmptyApp" in lines[0] and "palette" in lines[-1]


def review_shown(term: PtyApp) -> bool:
    """The review's heading, and its first section's title at the left edge."""
    if "Daily review" not in term.text:
        return False
    sections = ("Overdue (", "Due today (", "Thank-you notes owed (", "Nothing to do today")
    for line in term.lines:
        head = line[:20].lstrip(" │")
        if head.startswith(sections):
            return True
    return False


def main_shown(term: PtyApp) -> bool:
    return contacts_shown(term) and "Daily review" not in term.text


@dataclass
class Start:
    seconds: float
    memory: dict[str, int] = field(default_factory=dict)


QUIT_NETUI = "q"
QUIT_EMPTY = "\x11"
"""ctrl+q: Textual's own quit key (the empty app has no `q`)."""


def start_once(
    argv: list[str], env: dict[str, str], shown: Any, what: str, quit_keys: str
) -> Start:
    """One process to its first frame showing `what`, then its memory SETTLE s later."""
    term = PtyApp(argv, env)
    try:
        at = term.wait_for(shown, START_TIMEOUT, what)
        term.drain(SETTLE)
        return Start(at - term.started, term.memory_kib())
    finally:
        term.quit(quit_keys)


def forget_start_views(env: dict[str, str]) -> None:
    """Remove netui's start-up views (`netui.startview`) from the bench's NETUI_HOME."""
    home = env.get("NETUI_HOME")
    if home:
        for view in (Path(home) / "cache").glob("start-*.json"):
            view.unlink()


def measure_startup(
    path: Path, env: dict[str, str], runs: int, one: Path | None = None
) -> dict[str, list[Start]]:
    """netui on `path` and the empty app (and netui on `one`, a file of one contact: its
    fixed cost), alternating, after one warm-up of each."""
    results: dict[str, list[Start]] = {
        "empty": [],
        "netui": [],
        "netui, no start-up view": [],
        "one contact": [],
    }
    for i in range(runs + 1):
        empty = start_once(
            empty_argv(), env, empty_shown, "the empty app's first frame", QUIT_EMPTY
        )
        netui = start_once(
            netui_argv("--db", str(path)), env, contacts_shown, "contact rows", QUIT_NETUI
        )
        # As after another writer changed the file (`netui add`, a sync): no start-up
        # view of this version, so the file is read before the first frame.
        forget_start_views(env)
        cold = start_once(
            netui_argv("--db", str(path)), env, contacts_shown, "contact rows", QUIT_NETUI
        )
        if i:
            results["netui, no start-up view"].append(cold)
        if one is not None:
            small = start_once(
                netui_argv("--db", str(one)), env, one_contact_shown, "a contact", QUIT_NETUI
            )
            if i:
                results["one contact"].append(small)
        if i:
            results["empty"].append(empty)
            results["netui"].append(netui)
    return results


def measure_empty_with_file(path: Path, env: dict[str, str], runs: int) -> list[Start]:
    """The memory baseline: the empty app that holds the parsed file."""
    what = "the empty app's first frame"
    return [
        start_once(empty_argv(hold=path), env, empty_shown, what, QUIT_EMPTY) for _ in range(runs)
    ]


@dataclass
class Session:
    review: list[float] = field(default_factory=list)
    """`r` → the review shown; the first is the session's first `r`."""
    quick_add: list[float] = field(default_factory=list)
    quick_add_warm_up: float | None = None
    outside: list[float] = field(default_factory=list)
    outside_save: list[float] = field(default_factory=list)
    """From starting each `netui add contact` to the file replaced (for the reader)."""
    errors: dict[str, str] = field(default_factory=dict)


def measure_session(path: Path, env: dict[str, str], runs: int) -> Session:
    """Review, quick-adds and outside changes in one running app, on a copy of `path`."""
    copy = path.with_name("session.json")
    shutil.copyfile(path, copy)
    session = Session()
    term = PtyApp(netui_argv("--db", str(copy)), env)
    try:
        term.wait_for(contacts_shown, START_TIMEOUT, "contact rows")
        term.drain(2.0)
        for name, step in (
            ("review", review_steps),
            ("quick_add", quick_add_steps),
            ("outside", outside_steps),
        ):
            try:
                step(term, copy, env, runs, session)
            except Timeout as error:
                session.errors[name] = str(error)
                if term.ended:
                    break
                term.send("\x1b")  # back to the main screen, whatever was open
                term.drain(1.0)
    finally:
        term.quit()
    return session


def review_steps(
    term: PtyApp, path: Path, env: dict[str, str], runs: int, session: Session
) -> None:
    for _ in range(runs + 1):
        pressed = term.send("r")
        session.review.append(term.wait_for(review_shown, 20, "the review") - pressed)
        term.drain(0.5)
        term.send("\x1b")  # escape alone (a key soon after it would read as alt+key)
        term.wait_for(main_shown, 20, "the main screen after the review")
        term.drain(0.5)


def quick_add_steps(
    term: PtyApp, path: Path, env: dict[str, str], runs: int, session: Session
) -> None:
    for i in range(runs + 1):
        name = f"Aaron Q{i}"
        line = f"{name} (Engineer) @ Acme"
        term.send("a")
        term.wait_for(
            lambda t: "New contact" in t.text or "enter save" in t.text, 10, "the quick-add bar"
        )
        term.send(line)
        term.wait_for(lambda t, line=line: line in t.text, 10, "the typed line")
        term.drain(0.3)
        pressed = term.send("\r")
        on_row = name_on_a_row(name)
        shown = term.wait_for(
            lambda t, line=line, on_row=on_row: on_row(t) and line not in t.text,
            30,
            f"{name} on a row of the list",
        )
        if i:
            session.quick_add.append(shown - pressed)
        else:
            session.quick_add_warm_up = shown - pressed
        term.drain(1.0)


def outside_steps(
    term: PtyApp, path: Path, env: dict[str, str], runs: int, session: Session
) -> None:
    for i in range(runs):
        name = f"Aaron O{i}"
        before = file_state(path)
        start = time.perf_counter()
        process = subprocess.Popen(
            netui_argv("add", "contact", f"{name} (Engineer) @ Globex", "--db", str(path)),
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        try:
            replaced = run_until(
                term, lambda before=before: file_state(path) != before, 60, "the outside save"
            )
            shown = term.wait_for(name_on_a_row(name), 30, f"{name} (added outside) on a row")
        finally:
            _, err = process.communicate(timeout=60)
        if process.returncode != 0:
            raise Timeout(f"netui add contact failed ({process.returncode}): {err.decode()}")
        session.outside_save.append(replaced - start)
        session.outside.append(shown - replaced)
        term.drain(0.7 + 0.15 * i)  # the next change lands at another point of the poll
