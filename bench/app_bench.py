"""How fast is netui's app at LinkedIn scale?  A report, not a test.

    .venv/bin/python bench/app_bench.py [--runs N] [--rounds N] [--dir FOLDER] [--keep]

Generates one deterministic (seeded) data set in a temporary folder: 30,000 contacts (as
from a LinkedIn export: names, companies, titles, tags, connection dates spread over
years), 2,000 notes and 3,000 follow-ups. The contacts go in through `Store.add_contacts`
in one change; the notes and follow-ups are written directly in the documented file format
(built with netui's own converters), and the file is checked to open with `Store.open`.

Then, headless (`App.run_test(size=(120, 40))`), against an empty Textual app (a Header and
a Footer) measured the same way in the same process:

1. Time to first paint: from creating the app to the end of the first compositor paint in
   which the contacts list was drawn holding all 30,000 rows. "Paint" is Textual's own
   `Screen._compositor_refresh` (it runs headless too: only the final write of the frame
   to a terminal is skipped), timed by wrapping it for the run; "drawn" is the list's
   `render_line` being called with its rows in place. The same figure taken the naive way
   (`await pilot.pause()` until the list holds the rows) is shown too: each `pause()`
   sleeps at least 20 ms, which pads both apps and flatters the ratio. `Store.open` is
   timed separately (not in the ratio), netui with no data file is timed as a third case
   (the UI's fixed cost), and one more run times the main steps of netui's first paint
   and the garbage collector's share. Median of `--runs` fresh apps, after one untimed
   warm-up of each.

2. Filter keystroke-to-repaint latency on the Contacts pane: `/`, then "a", "n", "n", "a"
   (the first letter matches nearly everyone), then escape (clears the filter), `--rounds`
   times. Each key is posted the way Pilot posts it (a `Key` event through the driver,
   without Pilot's sleeps); its latency runs to the end of the first paint in which the
   widget showing its effect was drawn in the new state (the filter line, open; the list,
   holding the expected rows or all of them again). "Settled" runs on to the last paint
   before the app is idle again (what the key set off after that paint: footer, scroll
   bar, the other panes). Time in the garbage collector is shown per key. The same keys
   pressed with `pilot.press` + `pilot.pause()` are shown for comparison, with the Pilot
   floor (the same press on the empty app, where it does nothing), and so is the pure
   work (`Pane.refilter()`, its scan and `set_rows`, and the cursor handler, called
   directly), so that the reader can tell the app's cost from the event loop's and the
   harness's; and Textual's own floor (a key echoed by a focused Input in a bare app,
   measured the same way). The filter line's cursor blink is turned off while measuring,
   and each key waits for the previous one to settle (a steady typist, not a burst).

3. Peak memory: each case (the empty app; netui with the data set, `Store.open`
   included) runs to first paint in its own subprocess, which reports its peak resident
   memory: VmHWM on Linux (`ru_maxrss` there would include this big parent's peak, see
   `peak_rss_kib`), `ru_maxrss` elsewhere.

Prints every figure with its target and PASS/MISS, and exits 0 whatever the figures are.
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
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Input
from vocabulary import COMPANIES, EXEC_TITLES, ROLES, words

# netui is imported inside functions, so that the empty-app memory child never loads it.

SIZE = (120, 40)
NOW = datetime(2026, 11, 2, 9, 0, 0)
"""The generated data's "now", and the app's frozen clock (same data on every run)."""
TODAY = NOW.date()
CONTACTS, NOTES, FOLLOWUPS = 30_000, 2_000, 3_000
QUERY = "anna"
TIMEOUT = 10.0

TARGET_PAINT_RATIO = 2.0
TARGET_KEY_MEDIAN_MS = 16.0
TARGET_KEY_WORST_MS = 33.0
TARGET_MEMORY_RATIO = 3.0

# --- realistic data ------------------------------------------------------------------------


FIRST_NAMES = words("""
James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard
Susan Joseph Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy Matthew Betty
Anthony Margaret Mark Sandra Anna Hannah Joanna Anastasia Priya Rahul Ananya Arjun Wei Jing
Hiroshi Yuki Mohammed Fatima Omar Aisha Carlos María José Lucía Zoë Chloé Renée Søren Björn
Jürgen Łukasz Małgorzata Ngozi Chinedu Kwame Amara Olumide Sven Ingrid Pierre Amélie Giulia
Luca Mateo Valentina Diego Camila Hyun-woo Ji-yeon Minh Thảo Aleksandr Olga Dmitri Ekaterina
Noah Emma Liam Olivia Ethan Ava Mason Sophia Lucas Isabella Elijah Mia Aiden Harper Leah Dana
""")
LAST_NAMES = words("""
Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez
Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris
Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill
Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Patel Shah Gupta
Sharma Chen Wang Li Zhang Liu Tanaka Suzuki Kim Park Choi Okafor Adeyemi Mensah Müller Schmidt
Schneider Fischer Dubois Lefèvre Rossi Bianchi Kowalski Nowak Jensen Nielsen Andersson
Johansson Ivanov Petrov Silva Santos Oliveira Costa O'Brien Murphy Kelly Byrne Nakamura Haddad
Khan Ali Hanna Mann Brennan Ferrante
""")
LEVELS = ["", "", "", "Senior ", "Senior ", "Staff ", "Principal ", "Lead ", "Junior "]
TAGS = words("python fintech design data alumni recruiter climate ml product hiring-manager")
TAGS += words("bootcamp remote berlin nyc sf london")
HOW_MET = [
    "LinkedIn connection",
    "LinkedIn connection",
    "LinkedIn connection",
    "PyCon hallway track",
    "Friend of a friend from college",
    "Alumni mixer",
    "Meetup: Data Engineering NYC",
    "Referred by my old manager",
]
SENTENCES = [
    "Spent most of the hour on how the team decides what to build next quarter.",
    "They moved from consulting into product after running an internal tool for two years.",
    "Strong advice: rewrite the resume summary around outcomes, not responsibilities.",
    "The hiring freeze ends in January; they will forward my name to the data platform lead.",
    "Suggested I talk to their former colleague at a fintech start-up in Berlin.",
    "Interviews are four rounds: recruiter screen, take-home, system design, and values.",
    "They liked the portfolio piece on accessibility and want to see the case study.",
    "Café near the office, very friendly; promised to send two names by Friday.",
    "Résumé feedback: cut the first page to the last five years and lead with impact.",
    "Their manager, Zoë, is hiring for a role that is not posted yet.",
    "The company is reorganising around platform teams; expect new openings in Q2.",
    "They warned that the recruiter pipeline is slow; referrals move much faster.",
]
FOLLOWUP_TEXTS = [
    "Send thank-you note",
    "Share the portfolio link",
    "Ask for an intro to the hiring manager",
    "Check in about the team reorg",
    "Send the article we talked about",
    "Congratulate on the new role",
    "Quarterly catch-up",
    "Follow up on the referral",
    "Book a coffee chat",
]


def _ascii(text: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "".join(c for c in plain if c.isalnum() or c in " -")


def generate_contacts(rng: random.Random) -> list[Any]:
    """30,000 contacts, as a LinkedIn export would give them (ids 1..n in this order)."""
    from netui.model import Contact, Status

    contacts = []
    seen: dict[str, int] = {}
    for i in range(CONTACTS):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        name = f"{first} {last}"
        seen[name] = seen.get(name, 0) + 1
        if seen[name] > 1:  # homonyms get a middle initial, as people tell them apart
            name = f"{first} {chr(65 + rng.randrange(26))}. {last}"
        company = rng.choice(COMPANIES) if rng.random() < 0.93 else ""
        if rng.random() < 0.06:
            title = rng.choice(EXEC_TITLES)
        else:
            title = rng.choice(LEVELS) + rng.choice(ROLES) if rng.random() < 0.96 else ""
        slug = "-".join(_ascii(name).replace(".", "").split())
        domain = _ascii(company).replace(" ", "") or "gmail"
        email = f"{slug.replace('-', '.')}@{domain}.com" if rng.random() < 0.35 else ""
        phone = f"+1 {rng.randrange(200, 999)} 555 {rng.randrange(1000, 9999)}"
        tags = tuple(rng.sample(TAGS, rng.choice((0, 0, 1, 1, 1, 2, 3))))
        # Connection dates over eight years, more of them recently.
        days_ago = int(rng.betavariate(1.2, 3.0) * 8 * 365)
        created = NOW - timedelta(days=days_ago, seconds=rng.randrange(86_400))
        status = rng.choices(list(Status), weights=(85, 10, 5))[0]
        cadence = rng.choice((30, 60, 90)) if rng.random() < 0.08 else None
        referrer = rng.randrange(1, i + 1) if i > 10 and rng.random() < 0.02 else None
        contacts.append(
            Contact(
                name=name,
                company=company,
                title=title,
                email=email,
                phone=phone if rng.random() < 0.1 else "",
                linkedin=f"https://www.linkedin.com/in/{slug}-{i:05d}",
                tags=tags,
                how_met=rng.choice(HOW_MET),
                referred_by=referrer,
                status=status,
                cadence_days=cadence,
                created=created.replace(microsecond=0),
            )
        )
    return contacts


def generate_notes_followups(
    rng: random.Random, contact_ids: list[int]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """~2,000 notes and ~3,000 follow-ups as netui writes them, about 1,500 people."""
    from netui.model import FollowUp, Note, NoteKind
    from netui.store import convert

    active = rng.sample(contact_ids, 1_500)
    notes = []
    for _ in range(NOTES):
        day = TODAY - timedelta(days=int(rng.expovariate(1 / 120)))
        kinds = (NoteKind.MEETING, NoteKind.CALL, NoteKind.EMAIL, NoteKind.NOTE)
        kind = rng.choices(kinds, weights=(35, 20, 25, 20))[0]
        text = " ".join(rng.sample(SENTENCES, rng.randint(1, 4)))
        note = Note(
            text=text,
            date=day,
            contact_id=rng.choice(active) if rng.random() < 0.97 else None,
            kind=kind,
            created=datetime.combine(day, datetime.min.time()) + timedelta(hours=18),
        )
        notes.append(convert.note_to_doc(note))
    followups = []
    for _ in range(FOLLOWUPS):
        created = NOW - timedelta(days=rng.randrange(1, 400))
        due = created.date() + timedelta(days=rng.randrange(1, 60))
        done = None
        if due < TODAY - timedelta(days=14) or rng.random() < 0.3:
            done = datetime.combine(due, datetime.min.time()) + timedelta(hours=11)
            done = min(done, NOW)
        followup = FollowUp(
            text=rng.choice(FOLLOWUP_TEXTS),
            due=due,
            contact_id=rng.choice(active) if rng.random() < 0.95 else None,
            done=done,
            created=created,
        )
        followups.append(convert.followup_to_doc(followup))
    return notes, followups


def build_data_file(path: Path) -> dict[str, float]:
    """Write the data set at `path`; return how long each step took (seconds)."""
    import orjson

    from netui.clock import frozen_clock
    from netui.store import Store, schema

    rng = random.Random(20261102)
    timings = {}
    t = time.perf_counter()
    contacts = generate_contacts(rng)
    store = Store.open(path, clock=frozen_clock(NOW))
    saved = store.add_contacts(contacts, "LinkedIn import")  # one change, one write
    timings["add_contacts"] = time.perf_counter() - t
    ids = [c.id for c in saved if c.id is not None]
    notes, followups = generate_notes_followups(rng, ids)

    # Notes and follow-ups in the documented format: tables of documents keyed by id,
    # with the id counters in meta, exactly as the store would leave them.
    t = time.perf_counter()
    data = schema.decode(path.read_bytes(), path)
    data["notes"] = {str(i): doc for i, doc in enumerate(notes, 1)}
    data["followups"] = {str(i): doc for i, doc in enumerate(followups, 1)}
    last_ids = data["meta"][schema.META_ID].setdefault("last_ids", {})
    last_ids.update(notes=len(notes), followups=len(followups))
    path.write_bytes(schema.encode(data))
    os.chmod(path, 0o600)
    timings["write notes/follow-ups"] = time.perf_counter() - t

    check = Store.open(path, clock=frozen_clock(NOW))
    counts = (len(check.contacts()), len(check.notes()), len(check.followups(include_done=True)))
    if counts != (CONTACTS, NOTES, FOLLOWUPS) or check.notices:
        raise SystemExit(f"the generated file does not read back: {counts} {check.notices}")
    assert orjson.loads(path.read_bytes())  # plain JSON, readable by anything
    return timings


# --- the apps --------------------------------------------------------------------------------


class EmptyApp(App[None]):
    """The baseline: a Textual app with just a Header and a Footer."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Footer()


def empty_ready(app: App[Any]) -> bool:
    screen = app.screen
    return bool(screen.query(Header)) and bool(screen.query(Footer)) and bool(screen.size)


def netui_ready(app: App[Any], rows: int = CONTACTS) -> bool:
    from netui.ui.screens.main import MainScreen

    screen = app.screen
    if not isinstance(screen, MainScreen):
        return False
    lists = screen.query("#contacts-list")
    return bool(lists) and len(lists.first().rows) == rows and bool(lists.first().size)


def make_netui_app(store: Any) -> App[Any]:
    from netui.clock import frozen_clock
    from netui.ui.app import NetuiApp

    return NetuiApp(store, clock=frozen_clock(NOW), poll=False)


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


# --- 1. time to first paint --------------------------------------------------------------


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
        if widget.id == "contacts-list" and len(widget.rows) == rows:
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
    opens, netui, empty, no_data = [], [], [], []
    missing = path.with_name("empty.json")  # netui with no data file: its fixed cost
    for i in range(runs + 1):  # run 0 warms everything up (imports, CSS parsing caches)
        gc.collect()
        empty_run = await first_paint(EmptyApp, empty_ready, None)
        gc.collect()
        start = time.perf_counter()
        store = open_store(path)
        open_time = time.perf_counter() - start
        netui_run = await first_paint(
            lambda store=store: make_netui_app(store), netui_ready, CONTACTS
        )
        del store
        gc.collect()
        no_data_run = await first_paint(
            lambda: make_netui_app(open_store(missing)), lambda app: netui_ready(app, 0), 0
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
        run = await first_paint(lambda: make_netui_app(store), netui_ready, CONTACTS)
    spent = {"first paint (this run)": run.paint, **spent}
    spent["garbage collector (anywhere until paint)"] = run.gc
    return spent


# --- 2. filter latency ---------------------------------------------------------------------


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
    paint_cost: list[float] = field(default_factory=list)


def filter_keys() -> list[Key]:
    keys = [Key("/", "slash", "/")]
    for i, letter in enumerate(QUERY):
        label = f"'{letter}'" + (" (first letter)" if i == 0 else "") + f" → {QUERY[: i + 1]!r}"
        keys.append(Key(label, letter, letter, QUERY[: i + 1]))
    keys.append(Key("escape (clear)", "escape", "\x1b", ""))
    return keys


def expected_rows(pane: Any, text: str) -> int:
    from netui.text import fold

    needle = fold(text.strip())
    return sum(1 for _, hay in pane._entries if needle in hay)


def key_shown(app: App[Any], key: Key, rows: int) -> bool:
    """Whether the app's state is the key's effect (checked when a widget draws)."""
    from netui.ui.widgets.contacts_pane import ContactsPane
    from netui.ui.widgets.pane import FilterInput

    pane = app.screen.query_one(ContactsPane)
    field_ = pane.query_one(FilterInput)
    if key.key == "slash":
        return field_.has_focus and field_.has_class("-active")
    if key.filter_text:
        return field_.value == key.filter_text and len(pane.list.rows) == rows
    return not field_.value and pane.list.has_focus and len(pane.list.rows) == CONTACTS


async def instrumented_round(app: App[Any], pilot: Any, paints: Paints) -> list[KeyTiming]:
    """Each key, from posting it to the end of the first paint in which the widget showing
    its effect (the filter line for `/`, the list otherwise) was drawn in the new state."""
    from netui.ui.widgets.contacts_pane import ContactsPane
    from netui.ui.widgets.pane import FilterInput

    screen: Any = app.screen
    pane = screen.query_one(ContactsPane)
    field_ = pane.query_one(FilterInput)
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
        rows = expected_rows(pane, key.filter_text) if key.filter_text else CONTACTS
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
        widget = field_ if key.key == "slash" else pane.list
        with GcTime().installed() as gc_time, on_draw(widget, drew):
            paints.watch = watch
            start = time.perf_counter()
            app._driver.send_message(event)  # type: ignore[union-attr]  # as Pilot does
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(done.wait(), TIMEOUT)
            await pilot.pause()  # let everything the key set off run and paint
            paints.watch = None
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


async def pilot_round(app: App[Any], pilot: Any) -> list[tuple[str, float]]:
    from netui.ui.widgets.contacts_pane import ContactsPane

    pane = app.screen.query_one(ContactsPane)
    timings = []
    for key in filter_keys():
        rows = expected_rows(pane, key.filter_text) if key.filter_text else CONTACTS
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
    """Each step's own work, timed directly (no events, no event loop, no paint)."""
    from netui.text import fold
    from netui.ui.widgets.contacts_pane import ContactsPane
    from netui.ui.widgets.pane import FilterInput

    screen: Any = app.screen
    pane = screen.query_one(ContactsPane)
    field_ = pane.query_one(FilterInput)
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
    from netui.ui.widgets.pane import FilterInput

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

    app = make_netui_app(open_store(path))
    paints = Paints()
    with paints.installed():
        async with app.run_test(size=SIZE) as pilot:
            while not netui_ready(app):
                await pilot.pause()
            await pilot.pause()
            # The filter line's blinking cursor repaints every 0.5 s: off, so that no
            # blink lands in a measurement (the keystrokes' own repaints are unaffected).
            for input_ in app.screen.query(FilterInput):
                input_.cursor_blink = False
            for _ in range(rounds):
                results.instrumented += await instrumented_round(app, pilot, paints)
            results.pilot = await pilot_round(app, pilot)
            results.pure = await pure_work(app, pilot)
            screen: Any = app.screen
            results.paint_cost = [
                timed(lambda: screen._compositor.render_update(full=True)) for _ in range(3)
            ]
    return results


# --- 3. memory (one subprocess per case) --------------------------------------------------


def proc_status_kib(field_name: str) -> int | None:
    """A memory figure of this process from /proc (Linux), in KiB, or None."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field_name + ":"):
                return int(line.split()[1])
    return None


def rss_now() -> int | None:
    return proc_status_kib("VmRSS")


def peak_rss_kib() -> tuple[int, str]:
    """This process's peak resident memory in KiB, and where the figure comes from.

    On Linux, `ru_maxrss` of a child started by a big parent is at least the parent's
    peak (exec records the old address space's high-water mark, and subprocess uses
    vfork), so VmHWM, the high-water mark of this process image alone, is used there.
    """
    peak = proc_status_kib("VmHWM")
    if peak is not None:
        return peak, "VmHWM"
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return (peak // 1024 if sys.platform == "darwin" else peak), "ru_maxrss"  # macOS: bytes


def memory_child(case: str, path: str | None) -> None:
    stages: dict[str, int | None] = {"imports": rss_now()}
    if case == "empty":

        def make_app() -> App[Any]:
            return EmptyApp()

        ready = empty_ready
    else:
        import netui.ui.app  # noqa: F401  (imports are part of the app's footprint)

        stages["netui imported"] = rss_now()
        store = open_store(Path(path or ""))
        stages["Store.open"] = rss_now()
        stages["peak so far"] = proc_status_kib("VmHWM")

        def make_app() -> App[Any]:
            return make_netui_app(store)

        ready = netui_ready

    async def run() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            while not ready(app):
                await pilot.pause()
            await pilot.pause()
            stages["first paint"] = rss_now()

    asyncio.run(run())
    peak, source = peak_rss_kib()
    print(json.dumps({"peak_kib": peak, "source": source, "stages": stages}))


def measure_memory(path: Path) -> dict[str, dict[str, Any]]:
    results = {}
    for case in ("empty", "netui"):
        command = [sys.executable, __file__, "--child", case, "--data", str(path)]
        done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
        if done.returncode != 0:
            raise SystemExit(f"memory child {case} failed:\n{done.stderr}")
        results[case] = json.loads(done.stdout.strip().splitlines()[-1])
    return results


# --- the report ----------------------------------------------------------------------------


def verdict(value: float, target: float) -> str:
    return "PASS" if value <= target else "MISS"


def report(
    build: dict[str, float],
    size: int,
    paint: dict[str, Any],
    filt: FilterResults,
    memory: dict[str, dict[str, Any]],
) -> None:
    print()
    print("== Data set")
    print(
        f"  {CONTACTS:,} contacts, {NOTES:,} notes, {FOLLOWUPS:,} follow-ups; "
        f"file {size / 1e6:.1f} MB"
    )
    for step, seconds in build.items():
        print(f"  built: {step} {ms(seconds)}")

    print()
    print(f"== 1. Time to first paint (median of {len(paint['netui'])} fresh apps, {SIZE})")
    store_open = median(paint["open"])
    print(f"  Store.open (separate, not in the ratio): {ms(store_open)}")
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
    netui_paint = median([r.paint for r in paint["netui"]])
    empty_paint = median([r.paint for r in paint["empty"]])
    no_data_paint = median([r.paint for r in paint["no data"]])
    netui_pilot = median([r.pilot for r in paint["netui"]])
    empty_pilot = median([r.pilot for r in paint["empty"]])
    print(
        "  the same seen by an `await pilot.pause()` loop (each pause sleeps ≥ 20 ms): "
        f"netui {ms(netui_pilot)}, empty {ms(empty_pilot)}"
    )
    print("  where one netui first paint goes (its steps timed in place):")
    for label, seconds in paint["breakdown"].items():
        print(f"    {label:<52} {ms(seconds):>10}")

    print()
    keys = filter_keys()
    rounds = len(filt.instrumented) // len(keys)
    print(f"== 2. Filter on the Contacts pane: '/', {' '.join(QUERY)}, escape; {rounds} rounds")
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
    floor = median(filt.pilot_floor)
    print(
        "  the same keys with `pilot.press` + `pilot.pause()`: "
        + ", ".join(f"{label.split(' ')[0]} {t * 1000:.0f}" for label, t in filt.pilot)
        + " ms"
    )
    print(
        f"    median {ms(median(pilot_times))}, worst {ms(max(pilot_times))}; the Pilot floor "
        f"(a press on the empty app, where it does nothing) is {ms(floor)}: Pilot's sleeps"
    )
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
        "notes of the contact under the cursor;"
    )
    print(
        f"     it ran for {moved} of the {len(typed)} letters typed, though set_rows announces"
        " the cursor every time)"
    )
    if moved < len(typed):
        print(
            "    NOTE: set_rows posts VirtualList.Highlighted while ContactsPane is handling "
            "Input.Changed, so the\n"
            "    message's sender is ContactsPane, and Textual stops a bubbling message at its "
            "sender (its loop\n"
            "    guard): MainScreen never hears of the new cursor while the user types, and "
            "the follow-ups and\n"
            "    notes panes keep showing the previous contact. Fixing that adds the cursor "
            "handler to each key."
        )
    print(f"  one full-screen compositor render (all panes): {ms(min(filt.paint_cost))}")

    print()
    print("== 3. Peak memory (a subprocess per case, run to first paint)")
    empty_kib, netui_kib = memory["empty"]["peak_kib"], memory["netui"]["peak_kib"]
    for case in ("empty", "netui"):
        stages = ", ".join(
            f"{name} {kib / 1024:.0f}"
            for name, kib in memory[case]["stages"].items()
            if kib is not None
        )
        print(
            f"    {case:<6} peak {memory[case]['peak_kib'] / 1024:.0f} MiB "
            f"({memory[case]['source']})   resident along the way (MiB): {stages}"
        )

    paint_ratio = netui_paint / empty_paint
    memory_ratio = netui_kib / empty_kib
    key_median, key_worst = median(firsts), max(firsts)
    pure = [s["refilter"] for s in filt.pure]
    rows = [
        ("first paint, netui / empty app", f"{paint_ratio:.1f}x", f"≤ {TARGET_PAINT_RATIO:g}x",
         verdict(paint_ratio, TARGET_PAINT_RATIO)),
        ("  netui / empty, pilot.pause() loop", f"{netui_pilot / empty_pilot:.1f}x", "", "info"),
        ("  netui, no data file / empty app", f"{no_data_paint / empty_paint:.1f}x", "", "info"),
        ("  Store.open, before the app", ms(store_open), "", "info"),
        ("filter key → repaint, median", f"{key_median * 1000:.2f} ms",
         f"≤ {TARGET_KEY_MEDIAN_MS:g} ms",
         verdict(key_median * 1000, TARGET_KEY_MEDIAN_MS)),
        ("filter key → repaint, worst", f"{key_worst * 1000:.2f} ms",
         f"≤ {TARGET_KEY_WORST_MS:g} ms",
         verdict(key_worst * 1000, TARGET_KEY_WORST_MS)),
        ("  Textual floor (Input echo), median", ms(median(filt.echo)), "", "info"),
        ("  key → settled, median / worst",
         f"{median(settles) * 1000:.0f} / {max(settles) * 1000:.0f} ms", "", "info"),
        ("  pilot.press+pause, median / worst",
         f"{median(pilot_times) * 1000:.0f} / {max(pilot_times) * 1000:.0f} ms",
         f"floor {floor * 1000:.0f} ms", "info"),
        ("  refilter() alone, median / worst",
         f"{median(pure) * 1000:.1f} / {max(pure) * 1000:.1f} ms", "", "info"),
        ("peak memory, netui / empty app", f"{memory_ratio:.1f}x", f"≤ {TARGET_MEMORY_RATIO:g}x",
         verdict(memory_ratio, TARGET_MEMORY_RATIO)),
    ]  # fmt: skip
    print()
    print(f"{'figure':<38} {'value':>18} {'target':>14}  verdict")
    print("-" * 82)
    for name, value, target, result in rows:
        print(f"{name:<38} {value:>18} {target:>14}  {result}")


def load_average() -> str:
    with contextlib.suppress(OSError, AttributeError):
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    return "unknown"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="fresh apps per first-paint case")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the filter keys")
    parser.add_argument("--dir", type=Path, help="folder for the data file (default: temp)")
    parser.add_argument("--keep", action="store_true", help="keep the generated data file")
    parser.add_argument("--child", choices=("empty", "netui"), help=argparse.SUPPRESS)
    parser.add_argument("--data", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        memory_child(args.child, args.data)
        return 0

    import textual

    print(
        f"netui app bench: Python {platform.python_version()}, Textual {textual.__version__}, "
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs"
    )
    print(f"load average at start: {load_average()} (other processes skew every figure)")
    started = time.perf_counter()
    folder = Path(tempfile.mkdtemp(prefix="netui-app-bench-", dir=args.dir))
    path = folder / "netui.json"
    try:
        build = build_data_file(path)
        size = path.stat().st_size
        print(f"data set ready in {time.perf_counter() - started:.1f} s; measuring…", flush=True)
        paint = asyncio.run(measure_paint(path, args.runs))
        filt = asyncio.run(measure_filter(path, args.rounds))
        memory = measure_memory(path)
        report(build, size, paint, filt, memory)
    finally:
        if args.keep:
            print(f"\ndata file kept: {path}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"\n(total {time.perf_counter() - started:.0f} s; load average at end: {load_average()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
