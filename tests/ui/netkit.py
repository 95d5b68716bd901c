"""The fixed network and the helpers that the Pilot and snapshot tests share.

The network is built through the `Store` API (never by writing JSON by hand), with the
clock frozen on Wednesday 25 November 2026 at 09:00, so that every date the app shows
("overdue", "today", "going cold", "thank-you owed") is the same on every run.
"""

from __future__ import annotations

import io
import json
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from netui.clock import frozen_clock
from netui.model import Contact, FollowUp, Note, NoteKind, Status
from netui.store import Store

NOW = datetime(2026, 11, 25, 9, 0, 0)
"""The frozen "now": a Wednesday morning."""
TODAY = NOW.date()
CLOCK = frozen_clock(NOW)

# Contact ids, in the order `build_network` adds them (TinyDB ids start at 1).
JANE, BOB, ZOE, PRIYA, CARLOS, DANA = 1, 2, 3, 4, 5, 6
# Follow-up ids.
F_PORTFOLIO, F_TEAM, F_INTRO, F_CHECKIN, F_THANKS = 1, 2, 3, 4, 5
# Note ids.
N_COFFEE, N_INTRO_CALL, N_RESUME, N_DANA = 1, 2, 3, 4

MARKUP_NAMES = ("[/]", "[b]x", "[link='https://x']y")
"""Contact names that Rich/Textual markup would swallow or choke on if parsed."""


def build_network(path: Path) -> Path:
    """Create the fixed network at `path` through the Store API; return `path`."""
    store = Store.open(path, clock=CLOCK)
    jane = store.add_contact(
        Contact(
            "Jane Doe",
            company="Acme Corp",
            title="Design Lead",
            email="jane@acme.com",
            tags=("ux", "fintech"),
            how_met="Design meetup",
            cadence_days=30,
        )
    )
    bob = store.add_contact(
        Contact("Bob Smith", company="Globex", title="Engineering Manager", status=Status.CONTACTED)
    )
    zoe = store.add_contact(
        Contact("Zoë Martin", company="Initech", title="Recruiter", referred_by=jane.id)
    )
    priya = store.add_contact(
        Contact("Priya Patel", company="Acme Corp", title="Data Scientist", referred_by=bob.id)
    )
    # Added "long ago" (add_contacts keeps `created`), with a rhythm: going cold.
    (carlos,) = store.add_contacts(
        [
            Contact(
                "Carlos Ruiz",
                company="Umbrella",
                title="CTO",
                cadence_days=14,
                status=Status.MET,
                created=datetime(2026, 10, 1, 10, 0, 0),
            )
        ]
    )
    dana = store.add_contact(Contact("Dana Lee", company="Hooli", title="Product Manager"))
    assert [jane.id, bob.id, zoe.id, priya.id, carlos.id, dana.id] == [1, 2, 3, 4, 5, 6]

    store.add_followup(FollowUp("send the portfolio", date(2026, 11, 20), jane.id))  # overdue
    store.add_followup(FollowUp("ask about the team", TODAY, bob.id))  # today
    store.add_followup(FollowUp("reply to the intro email", date(2026, 11, 27), zoe.id))
    store.add_followup(FollowUp("check in after the interview", date(2026, 12, 15), jane.id))
    thanks = store.add_followup(FollowUp("send a thank-you", date(2026, 11, 10), bob.id))
    store.complete_followup(thanks.id)  # done (hidden unless `h`)

    store.add_note(
        Note(
            "Coffee at Blue Bottle\nGave me two names: Zoë and Priya.",
            date(2026, 11, 24),
            jane.id,
            NoteKind.MEETING,
        )
    )
    store.add_note(
        Note("Intro call about the design team", date(2026, 11, 10), jane.id, NoteKind.CALL)
    )
    store.add_note(Note("Sent my resume", date(2026, 11, 3), bob.id, NoteKind.EMAIL))
    # A meeting yesterday with no follow-up planned: a thank-you is owed.
    store.add_note(
        Note("Lunch: talked about PM interviews", date(2026, 11, 24), dana.id, NoteKind.MEETING)
    )
    return path


def add_markup_contacts(path: Path) -> list[int]:
    """Add the contacts whose names look like markup; return their ids."""
    store = Store.open(path, clock=CLOCK)
    return [store.add_contact(Contact(name)).id for name in MARKUP_NAMES]  # type: ignore[misc]


def disable_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stop the text cursors blinking (they stay shown), so the screen is deterministic."""
    from textual.widgets import Input, TextArea

    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)


def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point NETUI_HOME at the test's folder and drop any NETUI_DB; return the home."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    monkeypatch.setenv("NETUI_HOME", str(home))
    monkeypatch.delenv("NETUI_DB", raising=False)
    return home


def read_db(path: Path) -> dict[str, dict[str, dict[str, Any]]]:
    """The data file as it is on disk, parsed."""
    return json.loads(path.read_text(encoding="utf-8"))


def make_app(path: Path, *, poll: bool = False):
    """A NetuiApp on the data file at `path`, with the frozen clock."""
    from netui.ui.app import NetuiApp

    return NetuiApp(Store.open(path, clock=CLOCK), clock=CLOCK, poll=poll)


# --- waiting, never sleeping blindly ---------------------------------------------------------


async def settle(pilot: Any, rounds: int = 3) -> None:
    """Let every key's work finish: the store lane drained, messages and redraws handled.

    The app runs store calls one at a time on one thread: a no-op sent down that lane
    returns only when everything queued before it has run.
    """
    app = pilot.app
    for _ in range(rounds):
        await pilot.pause()
        await app.call_store(lambda: None)
    await pilot.pause()


async def wait_until(pilot: Any, predicate: Callable[[], object], timeout: float = 5.0) -> None:
    """Pause until `predicate()` is true; fail with a clear message after `timeout` s."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {predicate}")
        await pilot.pause(0.02)


async def wait_for_screen(pilot: Any, kind: type, timeout: float = 5.0) -> Any:
    """Wait until the top screen is a `kind`; return it."""
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, kind), timeout)
    await pilot.pause()
    return pilot.app.screen


async def wait_for_generation(pilot: Any, before: int, timeout: float = 5.0) -> None:
    """Wait until the store's `generation` has moved past `before`, then settle."""
    store = pilot.app.store
    await wait_until(pilot, lambda: store.generation != before, timeout)
    await settle(pilot)


async def type_text(pilot: Any, text: str) -> None:
    """Type `text` key by key (spaces and punctuation included)."""
    await pilot.press(*list(text))


async def paste(pilot: Any, text: str) -> None:
    """Paste `text` into the focused widget, as a terminal's bracketed paste does.

    Quicker than typing long lines key by key, where the keys themselves are not what a
    test is about.
    """
    from textual import events

    # The driver gives a paste to the app, which hands it to the focused widget.
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


def screen_text(app: Any) -> str:
    """Every character the user sees (the top screen, dialogs and toasts), as plain text.

    Built the way `App.export_screenshot` builds its SVG, but exported as text.
    """
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


def status_text(app: Any) -> str:
    """The main screen's status line, whole (the screen may cut it off on the right)."""
    from netui.ui.screens.main import MainScreen, StatusLine

    main = next(s for s in app.screen_stack if isinstance(s, MainScreen))
    return str(main.query_one(StatusLine).render())


def notifications(app: Any) -> list[str]:
    """The messages of the notifications still shown (toasts may wrap on screen)."""
    return [notification.message for notification in app._notifications]


def flat(text: str) -> str:
    """`text` with all runs of whitespace made one space (for phrases that may wrap)."""
    return " ".join(text.split())
