"""Regenerate the README's screenshots (assets/screenshots/*.svg) from the demo network.

Run: python tools/screenshots.py [--out FOLDER] [NAME ...]
(headless; a frozen date and a private config folder, so that they are stable)

Each shot is a list of keys from the main screen, the screen that must then be on top
and the words that must be on it. A shot whose keys went wrong fails loudly instead of
saving a wrong picture: another screen on top, a field not focused where the keys expect
it, an error or problem line showing (a form's `#problem`, a field's error), or the
expected words missing, from the screen and from the saved SVG. The README's meeting-log
picture once showed notes typed into the Date field, with a date error, for lack of this.
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import html
import io
import os
import re
import shutil
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from rich.cells import cell_len
from rich.console import Console
from textual.widget import Widget

from netui.clock import frozen_clock
from netui.demo import load_demo
from netui.model import Contact
from netui.store import Store
from netui.ui.app import NetuiApp

TODAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 9, 0)
OUT = Path(__file__).resolve().parent.parent / "assets" / "screenshots"
DEMO_FOLDER = Path("/tmp/netui-demo")
"""Where each shot's demo file lives (its path shows on the main screen's status line)."""
WAIT = 10.0
"""Seconds a shot waits for its screen and words before it fails."""

DUPLICATES = (
    Contact("M. Webb", "Lakeshore Univ.", phone="(312) 555-0147", tags=("phone",)),
    Contact("Priya Raman", email="PRIYA.RAMAN@acmefreight.example", tags=("gmail",)),
    Contact("Dan Kim", "Lumen Bank", title="Product Analyst", tags=("conference",)),
)
"""People the demo has, arriving again from a phone, Gmail and a conference list."""

MEETING_NOTES = "Coffee near her office; research ops is hiring"


class ShotError(RuntimeError):
    """A shot's screen is not what it should be: nothing was saved for it."""


@dataclass(frozen=True, slots=True)
class Shot:
    """One screenshot: the keys that lead there, and what must then be on screen.

    Keys are Textual key names, pressed one by one, or steps:
    `type:TEXT` types TEXT key by key; `focus:#id` focuses a field (as a click would) and
    checks it kept the focus; `focused:#id` checks the focus is there (what the keys
    before it should have done); `elsewhere:TITLE` has another program change the open
    contact's title on disk; `screen:Name` waits for that screen to be on top.
    """

    name: str
    keys: tuple[str, ...]
    screen: str
    """The class name of the screen (or dialog) on top when the picture is taken."""
    expect: tuple[str, ...] = ()
    """Words that must be on screen (and so in the SVG)."""
    size: tuple[int, int] = (120, 36)
    contacts: tuple[Contact, ...] = ()
    """People added to the demo first, as another source would."""


SHOTS: tuple[Shot, ...] = (
    Shot("main", (), "MainScreen", ("Contacts", "Follow-ups", "Notes")),
    Shot(
        "quick_add",
        ("f", "screen:QuickAddScreen", "type:send the case study next friday"),
        "QuickAddScreen",
        ("send the case study next friday",),
    ),
    Shot("review", ("r",), "ReviewScreen", ("Daily review — Wednesday 25 November 2026",)),
    Shot("contact", ("enter",), "ContactScreen"),
    Shot("prep", ("p",), "PrepScreen"),
    Shot(
        "meeting_log",
        (
            "m",
            "screen:MeetingLogScreen",
            "focused:#notes",
            f"type:{MEETING_NOTES}",
            "ctrl+n",
            "focused:#names",
            "type:Lee Wong (Research Ops) @ Stripe",
        ),
        "MeetingLogScreen",
        (MEETING_NOTES, "new lead, referred by"),
    ),
    Shot(
        "draft",
        ("/", "type:amara", "enter", "w", "screen:DraftScreen"),
        "DraftScreen",
        ("Amara",),
    ),
    Shot("referrals", ("t",), "ReferralsScreen", ("Referrals — who led to whom",)),
    Shot(
        "duplicates",
        ("ctrl+p", "type:Duplicates", "enter"),
        "DuplicatesScreen",
        ("M. Webb",),
        contacts=DUPLICATES,
    ),
    Shot("companies", ("c",), "CompaniesScreen"),
    Shot(
        "conflict",
        (
            "e",
            "screen:ContactForm",
            "elsewhere:Head of Research",
            "focus:#title",
            "end",
            "ctrl+u",
            "type:Research Director",
            "ctrl+s",
        ),
        "ConflictScreen",
        ("Head of Research", "Research Director"),
    ),
)
"""Every screenshot the README shows, in the order it shows them."""


# --- what is on screen ----------------------------------------------------------------------


def screen_text(app: NetuiApp) -> str:
    """Every character on screen (the top screen, the ones under a dialog, toasts)."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system=None,
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    update = app.screen._compositor.render_update(
        full=True, screen_stack=app._background_screens, simplify=True
    )
    console.print(update)
    return console.export_text()


def svg_text(svg: str) -> str:
    """The text of a Textual SVG screenshot, one line of the terminal per line, each
    piece at its column (the SVG leaves out the runs of blanks between them)."""
    pattern = (
        r'<text [^>]*x="([\d.]+)" y="[\d.]+" textLength="([\d.]+)"'
        r'[^>]*clip-path="url\(#[\w-]+-line-(\d+)\)"[^>]*>([^<]*)</text>'
    )
    pieces = []
    cell = 0.0
    for match in re.finditer(pattern, svg):
        text = html.unescape(match[4]).replace("\xa0", " ")
        x, length, line = float(match[1]), float(match[2]), int(match[3])
        if cell_len(text) and not cell:
            cell = length / cell_len(text)  # the width of one cell, in the SVG's units
        pieces.append((line, x, text))
    rows: dict[int, str] = {}
    for line, x, text in pieces:
        column = round(x / cell) if cell else 0
        row = rows.get(line, "")
        rows[line] = row.ljust(column) + text
    return "\n".join(rows.get(line, "").rstrip() for line in range(max(rows, default=-1) + 1))


def problems(app: NetuiApp) -> list[str]:
    """The error and problem lines showing on the top screen (a form's `#problem`, a
    field's error, a quick-add preview in error): none may show in a screenshot."""
    found = []
    for widget in app.screen.walk_children(Widget):
        name = widget.id or ""
        flagged = (
            name.endswith(("problem", "-error"))
            or widget.has_class("field-error")
            or widget.has_class("-error")
            or widget.has_class("-problem")
        )
        if flagged and widget.display and widget.visible:
            text = str(widget.render()).strip()
            if text:
                found.append(f"{name or type(widget).__name__}: {text}")
    return found


async def _wait(pilot: Any, ready: Callable[[], bool], what: Callable[[], str]) -> None:
    deadline = time.monotonic() + WAIT
    while not ready():
        if time.monotonic() > deadline:
            raise ShotError(what())
        await pilot.pause(0.05)


# --- taking a shot ------------------------------------------------------------------------


@contextmanager
def _demo_folder() -> Iterator[Path]:
    """The folder of a shot's data file, always the same path (the main screen's status
    line shows it), emptied, and held for one shot at a time (a lock beside it); with
    NETUI_HOME inside it, so that the user's own config (questions, goals) stays out of
    the pictures and nothing is written to it."""
    folder = DEMO_FOLDER
    with (folder.parent / f"{folder.name}.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        saved = {key: os.environ.get(key) for key in ("NETUI_HOME", "NETUI_DB")}
        try:
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(mode=0o700)
            os.environ["NETUI_HOME"] = str(folder / "home")
            os.environ.pop("NETUI_DB", None)
            yield folder
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
            shutil.rmtree(folder, ignore_errors=True)
            fcntl.flock(lock, fcntl.LOCK_UN)


async def _settle(pilot: Any) -> None:
    """Let every key's work finish: the store lane drained, messages and redraws done."""
    app = pilot.app
    for _ in range(3):
        await pilot.pause()
        await app.call_store(lambda: None)
    await pilot.pause()


async def shoot(shot: Shot, out: Path) -> Path:
    """Take `shot` into `out`/NAME.svg; raise ShotError (saving nothing) if the screen is
    not what it should be."""
    with _demo_folder() as folder:
        clock = frozen_clock(NOW)
        store = Store.open(folder / "netui.json", clock=clock)
        load_demo(store, TODAY)
        if shot.contacts:
            store.add_contacts(list(shot.contacts), "added for the screenshot")
        store = Store.open(store.path, clock=clock)
        app = NetuiApp(store, clock=clock, poll=False)
        async with app.run_test(size=shot.size) as pilot:
            await _settle(pilot)
            for key in shot.keys:
                await _step(pilot, shot, key, store.path, clock)
                await _settle(pilot)
            await _check(pilot, shot)
            path = out / f"{shot.name}.svg"
            svg = app.export_screenshot()
    missing = [words for words in shot.expect if words not in svg_text(svg)]
    if missing:
        raise ShotError(f"{shot.name}: the SVG lacks {missing}")
    path.write_text(svg, encoding="utf-8")
    return path


async def _step(pilot: Any, shot: Shot, key: str, path: Path, clock: Any) -> None:
    app = pilot.app
    kind, colon, value = key.partition(":")
    if not colon or len(key) == 1:  # a key name (or the ":" key itself)
        kind, value = "", key
    if kind == "type":
        for char in value:
            await pilot.press("space" if char == " " else char)
    elif kind == "screen":
        await _wait(
            pilot,
            lambda: type(app.screen).__name__ == value,
            lambda: f"{shot.name}: {value} never came on top ({type(app.screen).__name__} is)",
        )
    elif kind == "focus":  # a field, as a click on it would
        app.screen.query_one(value).focus()
        await _settle(pilot)
        _check_focus(app, shot, value)
    elif kind == "focused":
        _check_focus(app, shot, value)
    elif kind == "elsewhere":  # another program changes the open contact's title
        editing = app.screen.contact.id
        other = Store.open(path, clock=clock)
        contact = other.contact(editing)
        other.update_contact(replace(contact, title=value), base=contact)
    else:
        await pilot.press(key)


def _check_focus(app: NetuiApp, shot: Shot, selector: str) -> None:
    focused = app.focused
    if focused is None or f"#{focused.id}" != selector:
        where = f"#{focused.id}" if focused is not None and focused.id else repr(focused)
        raise ShotError(f"{shot.name}: the keys go to {where}, not {selector}")


async def _check(pilot: Any, shot: Shot) -> None:
    app = pilot.app

    def ready() -> bool:
        text = screen_text(app)
        return type(app.screen).__name__ == shot.screen and all(w in text for w in shot.expect)

    def what() -> str:
        on_top = type(app.screen).__name__
        if on_top != shot.screen:
            return f"{shot.name}: {on_top} is on top, not {shot.screen}"
        text = screen_text(app)
        missing = [words for words in shot.expect if words not in text]
        return f"{shot.name}: {missing} not on screen:\n{text}"

    await _wait(pilot, ready, what)
    await _settle(pilot)
    if found := problems(app):
        raise ShotError(f"{shot.name}: a problem is showing: {'; '.join(found)}")


async def take(out: Path = OUT, names: Sequence[str] = ()) -> list[Path]:
    """Take the shots named (all of them by default) into `out`; the first that goes
    wrong raises ShotError."""
    unknown = set(names) - {shot.name for shot in SHOTS}
    if unknown:
        raise ShotError(f"no such shot: {', '.join(sorted(unknown))}")
    out.mkdir(parents=True, exist_ok=True)
    return [await shoot(shot, out) for shot in SHOTS if not names or shot.name in names]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="shots to take (default: all)")
    parser.add_argument("--out", type=Path, default=OUT, help=f"folder (default: {OUT})")
    args = parser.parse_args(argv)
    try:
        for path in asyncio.run(take(args.out, args.names)):
            print(path)
    except ShotError as error:
        print(f"screenshots: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
