"""How fast is netui's app at LinkedIn scale?  A report, not a test.

    .venv/bin/python bench/app_bench.py [--only ROWS] [--runs N] [--dir FOLDER] [--keep]

To measure another netui than the checkout's (say, a commit exported with `git archive`),
put its folder first on PYTHONPATH: every process the benchmark starts inherits it.

Prints every row of issue 10's "Performance targets" with its goal and PASS/MISS, each
measured side by side with its baseline in the same run, then exits 0 whatever the
figures are. The data are generated (seeded, the same on every run; `dataset.py`):
30,000 contacts with 2,000 notes and 3,000 follow-ups; the same 30,000 with 50,000
follow-ups; 10,000 contacts; and 1,000 contacts for the refresh loop.

 1, 2, 7  In a real terminal (`pty_bench.py`: a pseudo-terminal of 120x40, read by pyte):
          from the process's start to the end of the first frame showing contact rows,
          against an empty Textual app (Header and Footer) to the end of its first frame,
          in the same terminal, runs alternating. Memory: the netui process's peak
          (VmHWM) 1.5 s after that frame, against the empty app that has read and parsed
          the same file with orjson.
 3, 4, 8  In one running app (same terminal, 30,000 contacts): enter on a quick-add line
          to its contact on a row of the list (and one `Store.add_contact` alone, the
          "one save" of the goal); a `netui add contact` process's change, from the file
          being replaced to the new name on a row (the app polls once a second); `r` to
          the review's heading and first section on screen. netui runs with its clock
          stopped at the data's "now" (`pty_apps.py`), so that it shows the same on
          every day.
 5        Headless (`App.run_test`, in this process): filter keystroke to the end of the
          first compositor paint that drew its effect, typed as a steady typist (each key
          after the previous one settled); with Textual's own floor and where the time
          goes. Textual's `Screen._compositor_refresh` is timed by wrapping it (it runs
          headless too: only the final write of the frame to a terminal is skipped).
 6        Headless in a subprocess of its own (`refresh_bench.py`): resident memory after
          the first paint, then after 1,000 changes made by another process, each shown
          through the app's own refresh path (on 1,000 contacts: at 30,000 a refresh
          takes over a second today, and 1,000 of them would take half an hour).
 9, 10    Whole processes (`cli_bench.py`): `netui add followup "Aaron Abernathy: …"` at
          30,000 contacts against a bare script that loads the same file with orjson and
          writes it back atomically; `netui add contact` at 10,000 against taskwarrior's
          `task add` at 10,000 pending tasks (a throwaway TASKRC/TASKDATA).

Also printed, for the reader: netui's first paint headless with its steps timed (where
the time goes), a journal-of-appended-changes estimate beside taskwarrior, and every
figure a ratio is made of. `--only 1,5,9` runs some rows (and what they need).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import inspect
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cli_bench
import pty_bench
from baselines import filesystem_of
from dataset import CONTACTS, FOLLOWUPS, NOTES, NOW, build_data_file, netui_app
from pty_apps import empty_app
from ptyterm import clean_env
from textual import events
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Input

# netui is imported inside functions (the modules above import it lazily too).

SIZE = (120, 40)
QUERY = "anna"
TIMEOUT = 10.0
HERE = Path(__file__).resolve().parent

# The goals of issue 10 ("Performance targets").
GOAL_START_RATIO = 2.0
GOAL_START_HEAVY_RATIO = 2.5
GOAL_QUICK_ADD_MS = 100.0  # + one save
GOAL_OUTSIDE_S = 1.5
GOAL_KEY_MEDIAN_MS = 16.0
GOAL_KEY_WORST_MS = 33.0
GOAL_MEMORY_GROWTH = 0.10
GOAL_MEMORY_RATIO = 3.0
GOAL_REVIEW_MS = 150.0
GOAL_ADD_FOLLOWUP_RATIO = 1.5
GOAL_TASK_RATIO = 1.8

HEAVY_FOLLOWUPS = 50_000
HEAVY_PEOPLE = 10_000
"""The 50,000 follow-ups are about this many of the 30,000 contacts."""
SMALL = 1_000
"""Contacts in the refresh loop's file (row 6)."""
TASKS = 10_000
"""Contacts in row 10's file, and pending tasks in taskwarrior's."""

# --- the apps --------------------------------------------------------------------------------


EmptyApp = empty_app()
"""The baseline: a Textual app with just a Header and a Footer (the one run in the pty)."""


def row_count(widget: Any) -> int | None:
    """How many rows a list holds (None if it does not say)."""
    rows = getattr(widget, "rows", None)
    if rows is not None:
        with contextlib.suppress(TypeError):
            return len(rows)
    count = getattr(widget, "row_count", None)
    return count if isinstance(count, int) else None


def empty_ready(app: App[Any]) -> bool:
    screen = app.screen
    return bool(screen.query(Header)) and bool(screen.query(Footer)) and bool(screen.size)


def netui_ready(app: App[Any], rows: int = CONTACTS) -> bool:
    lists = app.screen.query("#contacts-list")
    return bool(lists) and row_count(lists.first()) == rows and bool(lists.first().size)


def open_store(path: Path) -> Any:
    from netui.clock import frozen_clock
    from netui.store import Store

    return Store.open(path, clock=frozen_clock(NOW))


# --- instruments -----------------------------------------------------------------------------


class Paints:
    """Every compositor paint of the top screen, timed (Textual's own paint, wrapped)."""

    def __init__(self) -> None:
        self.times: list[float] = []
        self.watch: Callable[[App[Any], float], None] | None = None
        """Called after each paint, with the app and the time the paint ended."""

    @contextlib.contextmanager
    def installed(self) -> Iterator[Paints]:
        original = Screen._compositor_refresh
        paints = self

        def compositor_refresh(screen: Screen[Any]) -> None:
            original(screen)
            app = screen.app
            if screen is app.screen:
                now = time.perf_counter()
                paints.times.append(now)
                if paints.watch is not None:
                    paints.watch(app, now)

        Screen._compositor_refresh = compositor_refresh  # type: ignore[method-assign]
        try:
            yield self
        finally:
            Screen._compositor_refresh = original  # type: ignore[method-assign]


class GcTime:
    """Time spent in the garbage collector (it pauses the whole app) while installed."""

    def __init__(self) -> None:
        self.pauses: list[tuple[int, float, float]] = []
        """(generation, start, seconds) of each collection."""
        self._start = 0.0

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.perf_counter()
        else:
            pause = time.perf_counter() - self._start
            self.pauses.append((info["generation"], self._start, pause))

    def total(self, before: float = float("inf")) -> float:
        """Seconds in the collector (in collections that started before `before`)."""
        return sum(pause for _, start, pause in self.pauses if start < before)

    def full(self, before: float = float("inf")) -> list[float]:
        """The full (generation 2) collections' pauses."""
        return [p for generation, start, p in self.pauses if generation == 2 and start < before]

    @contextlib.contextmanager
    def installed(self) -> Iterator[GcTime]:
        gc.callbacks.append(self._callback)
        try:
            yield self
        finally:
            gc.callbacks.remove(self._callback)


@contextlib.contextmanager
def on_draw(owner: Any, callback: Callable[[Any], None]) -> Iterator[None]:
    """Call `callback(widget)` whenever `owner` (a Line API class or widget) draws a line."""
    original = owner.render_line
    is_class = isinstance(owner, type)
    own = owner.__dict__.get("render_line")

    def render_line(*args: Any) -> Any:
        callback(args[0] if is_class else owner)
        return original(*args)

    owner.render_line = render_line
    try:
        yield
    finally:
        if own is not None:
            owner.render_line = own
        else:
            del owner.render_line


@contextlib.contextmanager
def timers(targets: list[tuple[Any, str, str]], into: dict[str, float]) -> Iterator[None]:
    """Add the time spent in each `owner.name` (a method or function) to `into[label]`."""
    originals = []
    for owner, name, label in targets:
        original = getattr(owner, name, None)
        if original is None:
            continue
        originals.append((owner, name, original))
        into.setdefault(label, 0.0)

        def timed_call(*args: Any, _original: Any = original, _label: str = label, **kw: Any):
            start = time.perf_counter()
            try:
                return _original(*args, **kw)
            finally:
                into[_label] += time.perf_counter() - start

        async def timed_await(
            *args: Any, _original: Any = original, _label: str = label, **kw: Any
        ) -> Any:
            start = time.perf_counter()
            try:
                return await _original(*args, **kw)
            finally:
                into[_label] += time.perf_counter() - start  # wall time, awaits included

        is_async = inspect.iscoroutinefunction(original)
        setattr(owner, name, timed_await if is_async else timed_call)
    try:
        yield
    finally:
        for owner, name, original in originals:
            setattr(owner, name, original)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


# --- netui's first paint, headless (for the reader) ------------------------------------------


@dataclass
class PaintRun:
    paint: float
    """App created → end of the first paint of the composed screen with the list drawn."""
    pilot: float
    """App created → a `pilot.pause()` loop saw the list holding its rows."""
    gc: float
    """Time in the garbage collector until the first paint."""
    full_gcs: int
    any_paint: float
    """App created → end of its very first paint (netui: the frame, before the data)."""


async def first_paint(
    make_app: Callable[[], App[Any]], ready: Callable[[App[Any]], bool], rows: int | None
) -> PaintRun:
    """Time one fresh app to its first paint (`rows`: what the contacts list must draw)."""
    from netui.ui.widgets.virtual_list import VirtualList

    paints = Paints()
    drawn = [rows is None]
    first: list[float] = []
    any_paint: list[float] = []

    def list_drawn(widget: Any) -> None:
        if widget.id == "contacts-list" and row_count(widget) == rows:
            drawn[0] = True

    def watch(app: App[Any], now: float) -> None:
        if not first and drawn[0] and ready(app):
            first.append(now)
        if not any_paint:
            any_paint.append(now)

    paints.watch = watch
    with paints.installed(), on_draw(VirtualList, list_drawn), GcTime().installed() as gc_time:
        start = time.perf_counter()
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            deadline = time.perf_counter() + TIMEOUT
            while not ready(app) and time.perf_counter() < deadline:
                await pilot.pause()
            seen = time.perf_counter()
            while not first and time.perf_counter() < deadline:
                await pilot.pause()
            if not first:
                raise SystemExit("the app never painted a ready screen")
    return PaintRun(
        first[0] - start,
        seen - start,
        gc_time.total(first[0]),
        len(gc_time.full(first[0])),
        any_paint[0] - start,
    )


async def measure_paint(path: Path, runs: int) -> dict[str, Any]:
    """netui's first paint in this process (Store.open apart), netui with no file, and
    the empty app, each to the end of the first compositor paint with the list drawn;
    and one more netui run with its steps timed (`paint_breakdown`)."""
    opens, netui, empty, no_data = [], [], [], []
    missing = path.with_name("empty.json")  # netui with no data file: its fixed cost
    for i in range(runs + 1):  # run 0 warms everything up (imports, CSS parsing caches)
        gc.collect()
        empty_run = await first_paint(EmptyApp, empty_ready, None)
        gc.collect()
        start = time.perf_counter()
        store = open_store(path)
        open_time = time.perf_counter() - start
        netui_run = await first_paint(lambda store=store: netui_app(store), netui_ready, CONTACTS)
        del store
        gc.collect()
        no_data_run = await first_paint(
            lambda: netui_app(open_store(missing)), lambda app: netui_ready(app, 0), 0
        )
        if i:
            empty.append(empty_run)
            netui.append(netui_run)
            no_data.append(no_data_run)
            opens.append(open_time)
    gc.collect()
    return {
        "open": opens,
        "netui": netui,
        "empty": empty,
        "no data": no_data,
        "breakdown": await paint_breakdown(path),
    }


async def paint_breakdown(path: Path) -> dict[str, float]:
    """One more netui first paint, with its main steps timed: where the time goes."""
    from netui.store import Store
    from netui.ui.screens import main
    from netui.ui.widgets.contacts_pane import ContactsPane
    from netui.ui.widgets.followups_pane import FollowUpsPane
    from netui.ui.widgets.notes_pane import NotesPane
    from netui.ui.widgets.pane import Pane
    from netui.ui.widgets.virtual_list import VirtualList

    spent: dict[str, float] = {}
    store = open_store(path)
    targets = [
        (main.MainScreen, "refresh_data", "MainScreen.refresh_data (total)"),
        (Store, "network", "  Store.network (docs → dataclasses, first call)"),
        (main, "last_touches", "  last_touches"),
        (main, "going_cold", "  going_cold"),
        (ContactsPane, "show", "  ContactsPane.show (sort, rows, folded text)"),
        (Pane, "refilter", "    of which Pane.refilter"),
        (VirtualList, "set_rows", "      of which VirtualList.set_rows"),
        (FollowUpsPane, "show", "  FollowUpsPane.show"),
        (NotesPane, "show", "  NotesPane.show"),
    ]
    with timers(targets, spent):
        run = await first_paint(lambda: netui_app(store), netui_ready, CONTACTS)
    spent = {"first paint (this run)": run.paint, **spent}
    spent["garbage collector (anywhere until paint)"] = run.gc
    return spent


# --- 5. filter latency (headless) ------------------------------------------------------------


@dataclass
class Key:
    label: str
    key: str
    char: str | None
    filter_text: str | None = None
    """The filter's text after the key (None: the key does not change it)."""


@dataclass
class KeyTiming:
    label: str
    first: float
    """Key posted → first paint showing its effect."""
    settled: float
    """Key posted → last paint before the app was idle again."""
    gc: float
    """Time in the garbage collector before the first paint."""
    full_gc: float
    """The longest full collection until settled (0: none)."""
    rows: int
    related: int = 0
    """How many times the cursor handler (MainScreen._show_related) ran for the key."""


@dataclass
class FilterResults:
    instrumented: list[KeyTiming] = field(default_factory=list)
    pilot: list[tuple[str, float]] = field(default_factory=list)
    pilot_floor: list[float] = field(default_factory=list)
    echo: list[float] = field(default_factory=list)
    pure: list[dict[str, Any]] = field(default_factory=list)
    pure_error: str = ""
    paint_cost: list[float] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    """The rows each filter text leaves (calibrated)."""


def filter_keys() -> list[Key]:
    keys = [Key("/", "slash", "/")]
    for i, letter in enumerate(QUERY):
        label = f"'{letter}'" + (" (first letter)" if i == 0 else "") + f" → {QUERY[: i + 1]!r}"
        keys.append(Key(label, letter, letter, QUERY[: i + 1]))
    keys.append(Key("escape (clear)", "escape", "\x1b", ""))
    return keys


def contacts_pane(app: App[Any]) -> Any:
    return app.screen.query_one("#contacts")


def contacts_list(app: App[Any]) -> Any:
    return app.screen.query_one("#contacts-list")


def filter_field(app: App[Any]) -> Input | None:
    """The Contacts pane's filter line (None while it is not mounted)."""
    fields = contacts_pane(app).query(Input)
    return fields.first() if fields else None


def key_shown(app: App[Any], key: Key, rows: int | None) -> bool:
    """Whether the app's state is the key's effect (checked when a widget draws):
    `/` focuses the filter line; a letter leaves it holding the text typed so far and
    the list holding `rows` rows; escape empties it and gives the list all its rows."""
    field_ = filter_field(app)
    listing = contacts_list(app)
    if key.key == "slash":
        return field_ is not None and field_.has_focus
    count = row_count(listing)
    if key.filter_text:
        return (
            field_ is not None
            and field_.value == key.filter_text
            and (rows is None or count == rows)
        )
    return (not field_ or not field_.value) and listing.has_focus and count == CONTACTS


async def calibrate(app: App[Any], pilot: Any) -> dict[str, int]:
    """The rows each filter text leaves, found by typing the keys once, untimed, each
    after the app is idle again (no knowledge of how the pane filters)."""
    counts = {}
    for key in filter_keys():
        await pilot.press(key.key)
        deadline = time.perf_counter() + TIMEOUT
        while not key_shown(app, key, None) and time.perf_counter() < deadline:
            await pilot.pause()
        previous, steady = -1, 0
        while steady < 3 and time.perf_counter() < deadline:
            await pilot.pause(0.02)
            count = row_count(contacts_list(app))
            steady = steady + 1 if count == previous else 0
            previous = count
        if key.filter_text:
            counts[key.filter_text] = previous
        blink_off(app)
    return counts


def blink_off(app: App[Any]) -> None:
    """The filter line's blinking cursor repaints every 0.5 s: off, so that no blink lands
    in a measurement (the keystrokes' own repaints are unaffected)."""
    for input_ in app.screen.query(Input):
        input_.cursor_blink = False


async def instrumented_round(
    app: App[Any], pilot: Any, paints: Paints, counts: dict[str, int]
) -> list[KeyTiming]:
    """Each key, from posting it to the end of the first paint in which the widget showing
    its effect (the filter line for `/`, the list otherwise) was drawn in the new state."""
    screen: Any = app.screen
    # Count the runs of the cursor handler (the other panes following the list's cursor).
    related = [0]
    show_related = getattr(screen, "_show_related", None)
    if show_related is not None:

        def counted_show_related(*args: Any, **kwargs: Any) -> Any:
            related[0] += 1
            return show_related(*args, **kwargs)

        screen._show_related = counted_show_related
    timings = []
    for key in filter_keys():
        rows = counts[key.filter_text] if key.filter_text else CONTACTS
        related[0] = 0
        done = asyncio.Event()
        drawn = [False]
        first: list[float] = []

        def drew(widget: Any, key: Key = key, rows: int = rows, drawn: list[bool] = drawn):
            if not drawn[0] and key_shown(app, key, rows):
                drawn[0] = True

        def watch(
            app: App[Any],
            now: float,
            first: list[float] = first,
            done: asyncio.Event = done,
            drawn: list[bool] = drawn,
        ) -> None:
            if not first and drawn[0]:
                first.append(now)
                done.set()

        event = events.Key(key.key, key.char)
        event.set_sender(app)
        paints.times.clear()
        field_ = filter_field(app)
        if key.key != "slash":
            widget: Any = contacts_list(app)
        else:  # the filter line, or its class if it is mounted on `/`
            widget = field_ if field_ is not None else Input
        with GcTime().installed() as gc_time, on_draw(widget, drew):
            paints.watch = watch
            start = time.perf_counter()
            app._driver.send_message(event)  # type: ignore[union-attr]  # as Pilot does
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(done.wait(), TIMEOUT)
            await pilot.pause()  # let everything the key set off run and paint
            paints.watch = None
        blink_off(app)
        if not first:  # never drawn: counted as the timeout (a MISS), and said so
            print(f"  ! {key.label}: no paint showed its effect within {TIMEOUT:g} s")
            first.append(start + TIMEOUT)
        settled = max([*paints.times, first[0]]) - start
        timings.append(
            KeyTiming(
                key.label,
                first[0] - start,
                settled,
                gc_time.total(first[0]),
                max(gc_time.full(), default=0.0),
                rows,
                related[0],
            )
        )
        await pilot.pause()
    if show_related is not None:
        del screen._show_related
    return timings


async def pilot_round(app: App[Any], pilot: Any, counts: dict[str, int]) -> list[tuple[str, float]]:
    timings = []
    for key in filter_keys():
        rows = counts[key.filter_text] if key.filter_text else CONTACTS
        start = time.perf_counter()
        await pilot.press(key.key)
        deadline = start + TIMEOUT
        while not key_shown(app, key, rows) and time.perf_counter() < deadline:
            await pilot.pause()
        await pilot.pause()
        timings.append((key.label, time.perf_counter() - start))
    return timings


def timed(function: Callable[[], object], repeat: int = 7) -> float:
    """CPU time of the best of `repeat` calls (the least disturbed by other processes)."""
    times = []
    for _ in range(repeat):
        start = time.thread_time()
        function()
        times.append(time.thread_time() - start)
    return min(times)


async def pure_work(app: App[Any], pilot: Any) -> list[dict[str, Any]]:
    """Each step's own work, timed directly (no events, no event loop, no paint).

    It calls the pane's own methods (`refilter`, `_entries`, `list.set_rows`, the screen's
    `_show_related`): if netui's inside has moved on, it says so and times nothing."""
    from netui.text import fold

    screen: Any = app.screen
    pane = contacts_pane(app)
    field_ = filter_field(app)
    if field_ is None or not all(hasattr(pane, name) for name in ("refilter", "_entries", "list")):
        raise AttributeError("the Contacts pane has no refilter/_entries/list any more")
    steps = []
    for text in [*(QUERY[: i + 1] for i in range(len(QUERY))), ""]:
        field_.value = text  # its Changed message is handled after the timing (drained)
        needle = fold(text.strip())
        if needle:
            rows = [row for row, hay in pane._entries if needle in hay]
        else:
            rows = [row for row, _ in pane._entries]
        steps.append(
            {
                "filter": text or "(cleared)",
                "rows": len(rows),
                "refilter": timed(pane.refilter),
                "scan": timed(lambda n=needle: [r for r, hay in pane._entries if n in hay]),
                "set_rows": timed(lambda rows=rows: pane.list.set_rows(rows)),
                "cursor handler": timed(getattr(screen, "_show_related", lambda: None)),
            }
        )
        await pilot.pause()
    return steps


class EchoApp(App[None]):
    """Textual's own floor for key → repaint: an Input between a Header and a Footer."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input()
        yield Footer()


async def echo_floor(samples: int = 10) -> list[float]:
    """Key posted → end of the first paint that drew it in a focused Input (no app work)."""
    app = EchoApp()
    paints = Paints()
    times = []
    with paints.installed():
        async with app.run_test(size=SIZE) as pilot:
            field_ = app.query_one(Input)
            field_.focus()
            field_.cursor_blink = False
            await pilot.pause()
            for i in range(samples):
                done = asyncio.Event()
                drawn = [False]
                first: list[float] = []
                want = "a" * (i + 1)

                def drew(
                    widget: Any, drawn: list[bool] = drawn, want: str = want, f: Any = field_
                ) -> None:
                    if f.value == want:
                        drawn[0] = True

                def watch(
                    app: App[Any],
                    now: float,
                    drawn: list[bool] = drawn,
                    first: list[float] = first,
                    done: asyncio.Event = done,
                ) -> None:
                    if drawn[0] and not first:
                        first.append(now)
                        done.set()

                event = events.Key("a", "a")
                event.set_sender(app)
                with on_draw(field_, drew):
                    paints.watch = watch
                    start = time.perf_counter()
                    app._driver.send_message(event)  # type: ignore[union-attr]
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(done.wait(), TIMEOUT)
                    paints.watch = None
                times.append((first[0] if first else start + TIMEOUT) - start)
                await pilot.pause()
    return times


async def measure_filter(path: Path, rounds: int) -> FilterResults:
    results = FilterResults()
    results.echo = await echo_floor()
    # The Pilot floor: the same kind of press on the empty app, where it changes nothing.
    async with EmptyApp().run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(10):
            start = time.perf_counter()
            await pilot.press("x")
            await pilot.pause()
            results.pilot_floor.append(time.perf_counter() - start)

    app = netui_app(open_store(path))
    paints = Paints()
    with paints.installed():
        async with app.run_test(size=SIZE) as pilot:
            deadline = time.perf_counter() + 60
            while not netui_ready(app) and time.perf_counter() < deadline:
                await pilot.pause()
            await pilot.pause()
            blink_off(app)
            results.counts = await calibrate(app, pilot)
            for _ in range(rounds):
                results.instrumented += await instrumented_round(app, pilot, paints, results.counts)
            results.pilot = await pilot_round(app, pilot, results.counts)
            try:
                results.pure = await pure_work(app, pilot)
            except AttributeError as error:
                results.pure_error = str(error)
            screen: Any = app.screen
            results.paint_cost = [
                timed(lambda: screen._compositor.render_update(full=True)) for _ in range(3)
            ]
    return results


# --- running the sections --------------------------------------------------------------------


SECTIONS = {
    "startup": {1, 7},
    "empty+file": {7},
    "heavy": {2},
    "session": {3, 4, 8},
    "save": {3},
    "filter": {5},
    "refresh": {6},
    "followup": {9},
    "task": {10},
}
"""Each part of the run and the rows of the table it feeds."""


@dataclass
class Results:
    data: dict[str, str] = field(default_factory=dict)
    """What each data set holds, for the report."""
    figures: dict[str, Any] = field(default_factory=dict)
    """Each section's results, by section name."""
    errors: dict[str, str] = field(default_factory=dict)
    """Why a section could not be measured, by section name."""
    seconds: dict[str, float] = field(default_factory=dict)


def run_section(results: Results, name: str, what: str, measure: Callable[[], Any]) -> None:
    """Run one part of the benchmark; a failure is reported, not raised (netui's inside
    changes while this file does not: one part that no longer fits must not hide the
    others)."""
    print(f"  {what}…", flush=True)
    start = time.perf_counter()
    try:
        results.figures[name] = measure()
    except Exception as error:  # reported in the table
        last = traceback.format_exception_only(type(error), error)[-1].strip()
        results.errors[name] = last.splitlines()[0][:300]
        print(f"    could not measure: {last[:2000]}", flush=True)
    except SystemExit as error:
        results.errors[name] = str(error).splitlines()[0][:300] if str(error) else "exited"
        print(f"    could not measure: {str(error)[:2000]}", flush=True)
    results.seconds[name] = time.perf_counter() - start


@contextlib.contextmanager
def short_switch_interval() -> Iterator[None]:
    """While reading a terminal: the reader thread gets the GIL within 0.5 ms of its
    data (the default, 5 ms, would make the stamps late while pyte parses)."""
    previous = sys.getswitchinterval()
    sys.setswitchinterval(0.0005)
    try:
        yield
    finally:
        sys.setswitchinterval(previous)


def refresh_child(path: Path, changes: int, env: dict[str, str]) -> dict[str, Any]:
    command = [sys.executable, str(HERE / "refresh_bench.py"), str(path), "--changes", str(changes)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=3600)
    if done.returncode != 0:
        raise SystemExit(f"refresh_bench.py failed: {done.stderr.strip()[-1500:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["memory_kib"] = {int(k): v for k, v in result["memory_kib"].items()}
    return result


# --- the report --------------------------------------------------------------------------


def plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def mib(kib: float) -> str:
    return f"{kib / 1024:.0f} MiB"


def secs(values: list[float]) -> str:
    return ", ".join(f"{v * 1000:.0f}" for v in values) + " ms"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def report_details(results: Results) -> None:
    f = results.figures
    print()
    print("== Data sets")
    for line in results.data.values():
        print(f"  {line}")

    if "startup" in f or "heavy" in f or "empty+file" in f:
        print()
        print("== 1, 2, 7. Start-up in a real terminal (120x40): process start → end of the frame")
        print(
            f"   showing ≥ {pty_bench.MIN_ROWS} contact rows (the empty app: its first frame);"
            f" memory {pty_bench.SETTLE:g} s later"
        )
        for name, label in (("startup", "30,000 contacts"), ("heavy", "+ 50,000 follow-ups")):
            if name not in f:
                continue
            runs = f[name]
            for case in ("empty", "netui", "netui, no start-up view", "one contact"):
                starts = runs.get(case)
                if not starts:
                    continue
                what = {
                    "empty": "empty Textual app",
                    "netui": f"netui, {label}",
                    "netui, no start-up view": "  the same, no start-up view",
                }.get(case, "netui, a file of 1 contact")
                print(
                    f"  {what:<32} median {ms(median([s.seconds for s in starts])):>10}"
                    f"   runs: {secs([s.seconds for s in starts])}"
                )
                peaks = [s.memory.get("VmHWM", 0) for s in starts]
                rss = [s.memory.get("VmRSS", 0) for s in starts]
                print(f"  {'':<32} memory: peak {mib(median(peaks))}, resident {mib(median(rss))}")
        if "empty+file" in f:
            starts = f["empty+file"]
            peaks = [s.memory.get("VmHWM", 0) for s in starts]
            rss = [s.memory.get("VmRSS", 0) for s in starts]
            print(
                f"  {'empty app + the parsed file':<32} median "
                f"{ms(median([s.seconds for s in starts])):>10}   memory: peak "
                f"{mib(median(peaks))}, resident {mib(median(rss))}"
            )

    if "session" in f or "save" in f:
        print()
        print("== 3, 4, 8. One running netui, 30,000 contacts, in the same terminal")
        session = f.get("session")
        if session is not None:
            if session.review:
                print(
                    "  review: r → its heading and first section on screen: first "
                    f"{ms(session.review[0])}"
                    f", then {secs(session.review[1:])}"
                )
            if session.quick_add:
                print(
                    "  quick-add: enter → the new contact on a row of the list: "
                    + secs(session.quick_add)
                    + (
                        f" (warm-up, the day's backup too: {ms(session.quick_add_warm_up)})"
                        if session.quick_add_warm_up is not None
                        else ""
                    )
                )
            if session.outside:
                print(
                    "  outside change: file replaced → the new name on a row: "
                    + secs(session.outside)
                    + " (the app polls every second)"
                )
                print(
                    "    each `netui add contact` process from its start to the file replaced: "
                    + secs(session.outside_save)
                )
            for step, error in session.errors.items():
                print(f"  {step}: could not measure: {error.splitlines()[0]}")
                print("    " + "\n    ".join(error.splitlines()[1:]))
        if "save" in f:
            save = f["save"]
            print(
                f"  one save alone: Store.add_contact in this process, median "
                f"{ms(median(save['netui']))} (runs: {secs(save['netui'])})"
            )
            if save["reference"]:
                print(
                    "    reference: orjson encoding + atomic write of the same data, median "
                    f"{ms(median(save['reference']))}"
                )

    if "filter" in f:
        report_filter(f["filter"])
    if "paint" in f:
        report_paint(f["paint"])

    if "refresh" in f:
        refresh = f["refresh"]
        memory = refresh["memory_kib"]
        changes = max(memory)
        print()
        print(
            f"== 6. Memory over {changes:,} outside changes ({SMALL:,} contacts; headless; "
            f"{refresh['seconds']:.0f} s)"
        )
        print(f"  refresh path: {refresh['path']}")
        print(
            "  resident after gc.collect(): "
            + ", ".join(
                f"{'first paint' if n == 0 else f'after {n:,}'} {mib(kib)}"
                for n, kib in sorted(memory.items())
            )
        )

    for name, title in (
        ("followup", "== 9. `netui add followup` at 30,000 vs a bare load + atomic write"),
        ("task", "== 10. `netui add contact` at 10,000 vs taskwarrior's `task add`"),
    ):
        if name not in f:
            continue
        pair = f[name]
        other = "bare script, lean (as netui add)" if name == "followup" else "task add"
        print()
        print(f"{title} (whole processes, medians of {len(pair.netui)}, runs alternating)")
        print(f"  {'netui':<46} {ms(median(pair.netui)):>10}   runs: {secs(pair.netui)}")
        print(f"  {other:<46} {ms(median(pair.other)):>10}   runs: {secs(pair.other)}")
        for label, values in pair.extra.items():
            print(f"  {label:<46} {ms(median(values)):>10}   runs: {secs(values)}")
        for note in pair.notes:
            print(f"  {note}")


def report_paint(paint: dict[str, Any]) -> None:
    print()
    print(
        f"== netui's first paint headless, in this process (for the reader; median of "
        f"{len(paint['netui'])}, {SIZE})"
    )
    print(f"  Store.open (before the app): {ms(median(paint['open']))}")
    print("  app created → end of the first paint with the list drawn (compositor paint):")
    for case in ("netui", "no data", "empty"):
        runs = paint[case]
        name = {"netui": "netui, 30,000", "no data": "netui, no file", "empty": "empty app"}[case]
        print(
            f"    {name:<15} {ms(median([r.paint for r in runs])):>10}"
            f"   (in gc {ms(median([r.gc for r in runs]))}, full collections "
            f"{median([r.full_gcs for r in runs]):.0f})   runs: "
            + ", ".join(f"{r.paint * 1000:.0f}" for r in runs)
            + " ms"
        )
    print(
        "  netui's very first paint (its frame, before the data arrive from the store thread):"
        f" {ms(median([r.any_paint for r in paint['netui']]))}"
    )
    print("  where one netui first paint goes (its steps timed in place):")
    for label, seconds in paint["breakdown"].items():
        print(f"    {label:<52} {ms(seconds):>10}")


def report_filter(filt: FilterResults) -> None:
    print()
    keys = filter_keys()
    rounds = len(filt.instrumented) // len(keys)
    print(
        f"== 5. Filter on the Contacts pane, headless: '/', {' '.join(QUERY)}, escape; "
        f"{rounds} rounds after one untimed"
    )
    print(
        "  key posted (as Pilot posts it) → end of the first paint that drew its effect;"
        " settled: → last paint before idle"
    )
    print(
        f"    {'key':<28} {'rows':>6} {'first paint':>12} {'settled':>9} {'in gc':>8}"
        f" {'full gc to settled':>19} {'cursor handler':>15}"
    )
    for t in filt.instrumented:
        print(
            f"    {t.label:<28} {t.rows:>6} {t.first * 1000:>9.1f} ms {t.settled * 1000:>6.1f} ms"
            f" {t.gc * 1000:>5.1f} ms {t.full_gc * 1000:>16.1f} ms {t.related:>11} run"
        )
    letters = [t for t in filt.instrumented if t.label != "/"]
    firsts = [t.first for t in letters]
    settles = [t.settled for t in letters]
    first_letter = [t.first for t in letters if "first letter" in t.label]
    clears = [t.first for t in letters if t.label.startswith("escape")]
    no_gc = [t.first - t.gc for t in letters]
    print(
        f"  filter keys (letters and the clear, not '/'): median {ms(median(firsts))}, worst "
        f"{ms(max(firsts))}; first letter median {ms(median(first_letter))}, worst "
        f"{ms(max(first_letter))}; clear median {ms(median(clears))}, worst {ms(max(clears))}"
    )
    print(
        f"    less the time in the garbage collector: median {ms(median(no_gc))}, "
        f"worst {ms(max(no_gc))};  settled: median {ms(median(settles))}, "
        f"worst {ms(max(settles))}"
    )
    print(
        "    (includes Textual's event routing and its frame pacing: the screen paints at "
        "most every 1/60 s;"
    )
    print(
        f"     Textual's own floor, a key echoed by a focused Input in a bare app: median "
        f"{ms(median(filt.echo))}, worst {ms(max(filt.echo))})"
    )
    pilot_times = [t for label, t in filt.pilot if label != "/"]
    print(
        "  the same keys with `pilot.press` + `pilot.pause()`: "
        + ", ".join(f"{label.split(' ')[0]} {t * 1000:.0f}" for label, t in filt.pilot)
        + " ms"
    )
    print(
        f"    median {ms(median(pilot_times))}, worst {ms(max(pilot_times))}; the Pilot floor "
        f"(a press on the empty app, where it does nothing) is {ms(median(filt.pilot_floor))}:"
        " Pilot's sleeps"
    )
    if filt.pure_error:
        print(f"  pure work: not timed ({filt.pure_error})")
    else:
        print("  pure work, timed directly (CPU time, best of 7 calls; no events, no paint):")
        print(
            f"    {'filter':<10} {'rows':>6} {'refilter()':>11} {'of it: scan':>12} "
            f"{'set_rows':>9} {'then: cursor handler':>21}"
        )
        for step in filt.pure:
            print(
                f"    {step['filter']:<10} {step['rows']:>6} {step['refilter'] * 1000:>8.2f} ms"
                f" {step['scan'] * 1000:>9.2f} ms {step['set_rows'] * 1000:>6.2f} ms"
                f" {step['cursor handler'] * 1000:>18.2f} ms"
            )
    typed = [t for t in filt.instrumented if t.label.startswith("'")]
    moved = sum(1 for t in typed if t.related)
    print(
        "    (cursor handler: MainScreen._show_related, which redraws the follow-ups and "
        f"notes of the contact under the cursor; it ran for {moved} of the {len(typed)} "
        "letters typed)"
    )
    print(f"  one full-screen compositor render (all panes): {ms(min(filt.paint_cost))}")


@dataclass
class Row:
    number: str
    what: str
    figure: str = "n/a"
    goal: str = ""
    ok: bool | None = None
    how: str = ""


def table_rows(results: Results) -> list[Row]:
    f, errors = results.figures, results.errors

    def missing(row: Row, *names: str) -> Row:
        for name in names:
            if name in errors:
                row.how = f"not measured: {errors[name]}"
                return row
        row.how = "not run (--only)"
        return row

    rows = []
    for number, name, label, goal in (
        ("1", "startup", "contacts on screen, 30,000 contacts, real pty, vs an empty Textual app",
         GOAL_START_RATIO),
        ("2", "heavy", "the same with 30,000 contacts and 50,000 follow-ups",
         GOAL_START_HEAVY_RATIO),
    ):  # fmt: skip
        row = Row(number, label, goal=f"≤ {goal:g}x")
        if name in f:
            netui = median([s.seconds for s in f[name]["netui"]])
            empty = median([s.seconds for s in f[name]["empty"]])
            ratio = netui / empty
            row.figure, row.ok = f"{ratio:.2f}x", ratio <= goal
            row.how = (
                f"netui {ms(netui)} / empty app {ms(empty)} (medians of {len(f[name]['netui'])})"
            )
            if f[name].get("netui, no start-up view"):
                cold = median([s.seconds for s in f[name]["netui, no start-up view"]])
                row.how += f"; with no start-up view (file changed by another): {cold / empty:.2f}x"
            if f[name].get("one contact"):
                one = median([s.seconds for s in f[name]["one contact"]])
                row.how += f"; netui on a file of 1 contact: {one / empty:.2f}x"
            rows.append(row)
        else:
            rows.append(missing(row, name))

    row = Row("3", "a quick-add saved and shown, 30,000 contacts", goal="≤ 100 ms + one save")
    session = f.get("session")
    if session is not None and session.quick_add and "save" in f:
        save = median(f["save"]["netui"])
        budget = GOAL_QUICK_ADD_MS / 1000 + save
        value = median(session.quick_add)
        row.figure, row.ok = ms(value), value <= budget
        row.goal = f"≤ {budget * 1000:.0f} ms"
        row.how = (
            f"median of {len(session.quick_add)} (worst {ms(max(session.quick_add))}); "
            f"one save alone {ms(save)}: goal 100 ms + {ms(save)}"
        )
        rows.append(row)
    elif session is not None and "quick_add" in session.errors:
        row.how = "not measured: " + session.errors["quick_add"].splitlines()[0]
        rows.append(row)
    else:
        rows.append(missing(row, "session", "save"))

    row = Row("4", "a change made by another process shown, 30,000 contacts",
              goal=f"≤ {GOAL_OUTSIDE_S:g} s")  # fmt: skip
    if session is not None and session.outside:
        worst = max(session.outside)
        row.figure, row.ok = f"{worst:.2f} s", worst <= GOAL_OUTSIDE_S
        row.how = (
            f"worst of {len(session.outside)} (median {median(session.outside):.2f} s); "
            "from the file replaced by `netui add contact`"
        )
        rows.append(row)
    elif session is not None and "outside" in session.errors:
        row.how = "not measured: " + session.errors["outside"].splitlines()[0]
        rows.append(row)
    else:
        rows.append(missing(row, "session"))

    row = Row(
        "5",
        "filter keystroke to repaint, 30,000 contacts",
        goal=f"≤ {GOAL_KEY_MEDIAN_MS:g} ms median, ≤ {GOAL_KEY_WORST_MS:g} ms worst",
    )
    if "filter" in f:
        firsts = [t.first for t in f["filter"].instrumented if t.label != "/"]
        key_median, key_worst = median(firsts), max(firsts)
        row.figure = f"{key_median * 1000:.1f} / {key_worst * 1000:.1f} ms"
        row.ok = key_median * 1000 <= GOAL_KEY_MEDIAN_MS and key_worst * 1000 <= GOAL_KEY_WORST_MS
        row.how = (
            f"median / worst of {len(firsts)} keys (headless: key posted → end of the paint "
            f"showing it; Textual's floor {ms(median(f['filter'].echo))})"
        )
        rows.append(row)
    else:
        rows.append(missing(row, "filter"))

    row = Row("6", "app memory after 1,000 outside changes vs after the first paint",
              goal=f"≤ +{GOAL_MEMORY_GROWTH * 100:g} %")  # fmt: skip
    if "refresh" in f:
        memory = f["refresh"]["memory_kib"]
        last = max(memory)
        growth = memory[last] / memory[0] - 1
        row.figure, row.ok = f"{growth * 100:+.0f} %", growth <= GOAL_MEMORY_GROWTH
        row.how = (
            f"{mib(memory[0])} → {mib(memory[last])} after {last:,} changes "
            f"(resident, {SMALL:,} contacts, headless)"
        )
        rows.append(row)
    else:
        rows.append(missing(row, "refresh"))

    row = Row("7", "app memory at 30,000 contacts vs an empty Textual app plus the parsed file",
              goal=f"≤ {GOAL_MEMORY_RATIO:g}x")  # fmt: skip
    if "startup" in f and "empty+file" in f:
        netui = median([s.memory.get("VmHWM", 0) for s in f["startup"]["netui"]])
        base = median([s.memory.get("VmHWM", 0) for s in f["empty+file"]])
        ratio = netui / base
        row.figure, row.ok = f"{ratio:.2f}x", ratio <= GOAL_MEMORY_RATIO
        netui_rss = median([s.memory.get("VmRSS", 0) for s in f["startup"]["netui"]])
        base_rss = median([s.memory.get("VmRSS", 0) for s in f["empty+file"]])
        row.how = (
            f"peak {mib(netui)} / {mib(base)} (resident {mib(netui_rss)} / {mib(base_rss)}: "
            f"{netui_rss / base_rss:.2f}x), real pty"
        )
        rows.append(row)
    else:
        rows.append(missing(row, "startup", "empty+file"))

    row = Row("8", "review screen shown, 30,000 contacts", goal=f"≤ {GOAL_REVIEW_MS:g} ms")
    if session is not None and session.review:
        worst = max(session.review)
        row.figure, row.ok = ms(worst), worst * 1000 <= GOAL_REVIEW_MS
        row.how = (
            f"worst of {len(session.review)} presses of r (the first {ms(session.review[0])}, "
            f"median {ms(median(session.review))}), real pty"
        )
        rows.append(row)
    elif session is not None and "review" in session.errors:
        row.how = "not measured: " + session.errors["review"].splitlines()[0]
        rows.append(row)
    else:
        rows.append(missing(row, "session"))

    row = Row("9", '`netui add followup "Aaron …: …"` at 30,000 vs bare orjson load + atomic write',
              goal=f"≤ {GOAL_ADD_FOLLOWUP_RATIO:g}x")  # fmt: skip
    if "followup" in f:
        pair = f["followup"]
        row.figure, row.ok = f"{pair.ratio:.2f}x", pair.ratio <= GOAL_ADD_FOLLOWUP_RATIO
        default = median(pair.extra[cli_bench.BARE_DEFAULT])
        inside = median(pair.extra[cli_bench.IN_PROCESS])
        row.how = (
            f"netui {ms(median(pair.netui))} / bare script {ms(median(pair.other))} (collector "
            f"off, os._exit, as netui add); vs the script with Python's defaults "
            f"{median(pair.netui) / default:.2f}x, vs the load + write in-process "
            f"{median(pair.netui) / inside:.2f}x"
        )
        rows.append(row)
    else:
        rows.append(missing(row, "followup"))

    row = Row("10", "`netui add contact` at 10,000 vs taskwarrior's `task add` at 10,000 pending",
              goal=f"≤ {GOAL_TASK_RATIO:g}x")  # fmt: skip
    if "task" in f:
        pair = f["task"]
        row.figure, row.ok = f"{pair.ratio:.2f}x", pair.ratio <= GOAL_TASK_RATIO
        journal = median(pair.extra["journal append (estimate)"])
        row.how = (
            f"netui {ms(median(pair.netui))} / task add {ms(median(pair.other))}; a journal of "
            f"appended changes (estimate) {ms(journal)}: {journal / median(pair.other):.2f}x"
        )
        rows.append(row)
    else:
        rows.append(missing(row, "task"))
    return rows


def report_table(results: Results, wanted: set[int]) -> None:
    print()
    print("== Performance targets (issue 10), measured side by side in this run")
    print(f"{'#':>2}  {'what':<84} {'figure':>17}  {'goal':<32} verdict")
    print("-" * 150)
    for row in table_rows(results):
        if int(row.number) not in wanted:
            continue
        result = "n/a" if row.ok is None else verdict(row.ok)
        print(f"{row.number:>2}  {row.what:<84} {row.figure:>17}  {row.goal:<32} {result}")
        if row.how:
            print(f"{'':>4}{row.how}")


# --- main ------------------------------------------------------------------------------------


def load_average() -> str:
    with contextlib.suppress(OSError, AttributeError):
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    return "unknown"


def machine(label: str | None) -> list[str]:
    """What this ran on: the machine, Python, Textual, and which netui."""
    import textual

    import netui

    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    with contextlib.suppress(OSError, ValueError, IndexError):
        total = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
        memory = f", {int(total) / 1024 / 1024:.1f} GiB"
    where = Path(netui.__file__).resolve().parent.parent
    commit = subprocess.run(
        ["git", "-C", str(where), "log", "-1", "--format=%h %cs %s"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "-C", str(where), "status", "--porcelain", "--", "netui"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    state = f"git {commit[:70]}" if commit else "not a git checkout"
    if dirty:
        state += " + uncommitted changes in netui/"
    if label:
        state = f"{label}; {state}"
    return [
        f"machine: {platform.system()} {platform.release()} {platform.machine()}, {cpu}, "
        f"{os.cpu_count()} CPUs{memory}",
        f"Python {platform.python_version()}, Textual {textual.__version__}, netui "
        f"{netui.__version__} from {where} ({state})",
    ]


def rows_wanted(only: str | None) -> set[int]:
    if not only:
        return set(range(1, 11))
    wanted = {int(part) for part in only.replace(" ", "").split(",") if part}
    if not wanted <= set(range(1, 11)):
        raise SystemExit("--only takes row numbers from 1 to 10, e.g. --only 1,5,9")
    return wanted


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="rows to measure, e.g. 1,5,9 (default: all)")
    parser.add_argument("--runs", type=int, default=5, help="start-ups of each app (rows 1, 7)")
    parser.add_argument("--heavy-runs", type=int, default=3, help="start-ups for row 2")
    parser.add_argument("--session-runs", type=int, default=5, help="for rows 3, 4, 8")
    parser.add_argument("--cli-runs", type=int, default=7, help="processes for rows 9, 10")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the filter keys")
    parser.add_argument("--changes", type=int, default=1_000, help="outside changes (row 6)")
    parser.add_argument("--paint-runs", type=int, default=3, help="headless first paints")
    parser.add_argument("--dir", type=Path, help="folder for the data files (default: temp)")
    parser.add_argument("--keep", action="store_true", help="keep the generated data files")
    parser.add_argument(
        "--label", help="what is measured, for the header (e.g. the commit of an exported netui)"
    )
    args = parser.parse_args()
    wanted = rows_wanted(args.only)
    sections = {name for name, rows in SECTIONS.items() if rows & wanted}
    if not args.only:
        sections.add("paint")

    started = time.perf_counter()
    folder = Path(tempfile.mkdtemp(prefix="netui-app-bench-", dir=args.dir))
    home = folder / "home"
    home.mkdir()
    os.environ["NETUI_HOME"] = str(home)  # netui's config and folders: the bench's own
    env = clean_env(home)
    print("netui app bench (issue 10's performance targets); exits 0 whatever the figures")
    for line in machine(args.label):
        print(line)
    print(
        f"files in {folder} ({filesystem_of(folder.resolve())}); load average at start: "
        f"{load_average()}",
        flush=True,
    )
    results = Results()
    try:
        main_file = folder / "linkedin" / "netui.json"
        heavy_file = folder / "heavy" / "netui.json"
        small_file = folder / "small" / "netui.json"
        tasks_file = folder / "tasks" / "netui.json"
        one_file = folder / "one" / "netui.json"
        sets = [
            (main_file, CONTACTS, NOTES, FOLLOWUPS, 1_500,
             sections & {"startup", "empty+file", "session", "save", "filter", "paint",
                         "followup"}),
            (heavy_file, CONTACTS, NOTES, HEAVY_FOLLOWUPS, HEAVY_PEOPLE, sections & {"heavy"}),
            (small_file, SMALL, SMALL * NOTES // CONTACTS, SMALL * FOLLOWUPS // CONTACTS, 100,
             sections & {"refresh"}),
            (tasks_file, TASKS, TASKS * NOTES // CONTACTS, TASKS * FOLLOWUPS // CONTACTS, 500,
             sections & {"task"}),
            (one_file, 1, 0, 0, 1, sections & {"startup"}),
        ]  # fmt: skip
        for path, contacts, notes, followups, people, needed in sets:
            if not needed:
                continue
            path.parent.mkdir()
            build_data_file(path, contacts, notes, followups, people)
            results.data[path.parent.name] = (
                f"{path.parent.name}: {plural(contacts, 'contact')}, {plural(notes, 'note')}, "
                f"{plural(followups, 'follow-up')} (about {min(people, contacts):,} of the "
                f"contacts); file {path.stat().st_size / 1e6:.1f} MB"
            )
        print(f"data sets ready in {time.perf_counter() - started:.0f} s; measuring…", flush=True)

        if "task" in sections and cli_bench.task_version() is None:
            sections.discard("task")
            results.errors["task"] = (
                "taskwarrior's `task` is not installed (apt-get install -y taskwarrior)"
            )
            print(f"  row 10 skipped: {results.errors['task']}")
        runs, heavy, session = args.runs, args.heavy_runs, args.session_runs
        plan: list[tuple[str, str, Callable[[], Any]]] = [
            ("startup", f"rows 1, 7: start-ups in a pty ({runs} of each)",
             lambda: pty_bench.measure_startup(main_file, env, runs, one_file)),
            ("empty+file", "row 7: the empty app holding the parsed file",
             lambda: pty_bench.measure_empty_with_file(main_file, env, 3)),
            ("heavy", f"row 2: start-ups with 50,000 follow-ups ({heavy} of each)",
             lambda: pty_bench.measure_startup(heavy_file, env, heavy)),
            ("session", "rows 3, 4, 8: review, quick-adds, outside changes",
             lambda: pty_bench.measure_session(main_file, env, session)),
            ("save", "row 3: one save alone",
             lambda: cli_bench.measure_save_alone(main_file, session)),
            ("filter", f"row 5: filter keys, headless ({args.rounds} rounds)",
             lambda: asyncio.run(measure_filter(main_file, args.rounds))),
            ("paint", "netui's first paint headless, with its steps timed",
             lambda: asyncio.run(measure_paint(main_file, args.paint_runs))),
            ("refresh", f"row 6: {args.changes:,} outside changes (headless)",
             lambda: refresh_child(small_file, args.changes, env)),
            ("followup", "row 9: netui add followup vs a bare script",
             lambda: cli_bench.measure_add_followup(main_file, env, args.cli_runs)),
            ("task", "row 10: netui add contact vs task add",
             lambda: cli_bench.measure_taskwarrior(tasks_file, env, args.cli_runs)),
        ]  # fmt: skip
        for name, what, measure in plan:
            if name not in sections:
                continue
            gc.collect()
            in_pty = name in ("startup", "empty+file", "heavy", "session")
            with short_switch_interval() if in_pty else contextlib.nullcontext():
                run_section(results, name, what, measure)

        report_details(results)
        report_table(results, wanted)
    finally:
        if args.keep:
            print(f"\ndata files kept in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    timing = ", ".join(f"{name} {seconds:.0f} s" for name, seconds in results.seconds.items())
    print(
        f"\n(total {time.perf_counter() - started:.0f} s: {timing}; "
        f"load average at end: {load_average()})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
