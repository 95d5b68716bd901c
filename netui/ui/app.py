"""The Textual app: wiring only. Screens do the work.

The app owns the store, the clock, one background thread through which every store call
goes (in order, off the event loop), the global keys and the command palette's commands,
and how it ends: on `q`, on a signal (TERM, HUP, QUIT, INT) like `q` but with 128+signum,
and on a crash with a non-zero status.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import importlib
import signal
import sys
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from functools import partial
from typing import Any, ClassVar, Literal, TypeVar

from rich.console import RenderableType
from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen, Screen
from textual.timer import Timer

from netui.clock import Clock, system_clock
from netui.errors import ConflictError, NetuiError
from netui.readmodel import Settings, View, Views
from netui.startview import StartView, write_start_view
from netui.store import Choices, Resolution, Store
from netui.ui.messages import StoreChanged
from netui.ui.screens.main import MainScreen
from netui.ui.terminal import (
    TypeAhead,
    TypeAheadMark,
    decode_input_leniently,
    resume_only_after_suspend,
)

T = TypeVar("T")
ScreenName = Literal[
    "review",
    "contact",
    "prep",
    "meeting_log",
    "draft",
    "referrals",
    "companies",
    "import",
    "duplicates",
]
"""The screens `NetuiApp.open_screen` shows."""

POLL_SECONDS = 0.5
REVIEW_AHEAD_AFTER = 1.0
"""Seconds of quiet after a change before the daily review is made ahead."""
"""How often the app looks for changes made to the file by another process."""

EXIT_SIGNALS = tuple(
    getattr(signal, name)
    for name in ("SIGTERM", "SIGHUP", "SIGQUIT", "SIGINT")
    if hasattr(signal, name)
)
"""Signals that end the app like `q` (pending save finished, terminal restored), with
the shell's convention for "ended by a signal" as the status: 128 + the signal number."""


class NetuiApp(App[int]):
    """netui's full-screen app."""

    CSS_PATH = "app.tcss"
    TITLE = "netui"
    ENABLE_COMMAND_PALETTE = True
    MODES: ClassVar[dict[str, str | Callable[[], Screen[Any]]]] = {"main": MainScreen}
    DEFAULT_MODE = "main"
    """A mode rather than `get_default_screen()`: Textual loads a mode screen's CSS_PATH."""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark", "help", "Help", key_display="?", id="help"),
        Binding(
            "ctrl+o",
            "jump",
            "Jump",
            key_display="^o",
            tooltip="Jump to a contact, follow-up or note",
            id="jump",
        ),
        Binding("ctrl+y", "redo", "Redo", key_display="^y", show=False, id="redo"),
        Binding("u", "history", "History", tooltip="Recent changes, to undo or redo", id="history"),
    ]
    """The keys of every screen (a screen's own come first; a dialog hides them)."""

    def __init__(
        self,
        store: Store,
        *,
        clock: Clock = system_clock,
        poll: bool = True,
        start: View | None = None,
        tune_gc: bool = False,
    ) -> None:
        super().__init__()
        self.store = store
        """The data file; every call to it goes through `call_store` (which reads the file
        first if it has not been read yet: see `start`)."""
        self.start = start
        """The start-up view (`netui.startview`) the main screen paints first, when the
        store's file is read only after that first frame; None: the store is read."""
        self.load_error: NetuiError | None = None
        """Why the file could not be read after the first frame (the app then ends, and
        `run` says why, as the shell would have before the app started)."""
        self._noticed = False
        self.tune_gc = tune_gc
        self._gc_frozen = False
        self._review_timer: Timer | None = None
        """Whether the app owns the garbage collector, as `run` has it: off until the
        first full view is shown, then that view frozen once (a full collection would
        otherwise walk the 30,000 contacts again and again: a third of a second each)."""
        self._start_checked = False
        self._kept_version: tuple[int, ...] | None = None
        """The version of the file the start-up view in the cache was made from."""
        self.clock = clock
        self.poll = poll
        self.file_problem: str | None = None
        """A problem with the data file found while running, shown until it is solved."""
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="netui-store")
        self.type_ahead = TypeAhead(self, super().on_event)
        """Delivers the terminal's keys in order, each to the screen that is ready for it."""
        self.crashed = False
        """True once the app has panicked: Textual may still report status 0 (#4325)."""
        self.views = Views()
        """Makes the read model on the store's thread (`snapshot`)."""
        self.view: View | None = None
        """The latest read model: what every screen shows, never the store itself."""

    @property
    def today(self) -> date:
        """Today, from the injected clock."""
        return self.clock().date()

    def on_load(self) -> None:
        # Before the terminal enters application mode, so that no signal can leave it
        # there. Textual handles only TSTP, CONT and WINCH itself.
        loop = asyncio.get_running_loop()
        for signum in EXIT_SIGNALS:
            with contextlib.suppress(NotImplementedError):  # (Windows' event loop)
                loop.add_signal_handler(signum, self._end_on_signal, signum)

    def _end_on_signal(self, signum: int) -> None:
        """Quit as `q` does: on_unmount lets the pending save finish, Textual restores
        the terminal. A second signal changes nothing."""
        if self.return_code is None:
            self.exit(return_code=128 + signum)

    def on_mount(self) -> None:
        resume_only_after_suspend(self._driver)  # (the driver is made after on_load)
        self.type_ahead.start()
        if self.store.loaded:
            self._tell_notices()
        if self.poll:
            self.set_interval(POLL_SECONDS, self._look_for_outside_changes)

    def _tell_notices(self) -> None:
        if not self._noticed:
            self._noticed = True
            for notice in self.store.notices:
                self.notify(notice, markup=False)

    async def call_store(self, function: Callable[..., T], *args: object) -> T:
        """Run a store call on the store thread (in order, never blocking the UI)."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            self._executor, partial(self._once_loaded, partial(function, *args))
        )

    def _once_loaded(self, call: Callable[[], T]) -> T:
        """On the store's thread: read the file first if it has not been yet."""
        if not self.store.loaded:
            try:
                self.store.load()
            except NetuiError as error:
                self.load_error = error
                raise
            self.load_error = None
        return call()

    async def snapshot(self) -> View:
        """The read model of the data as it is now, made on the store's thread (the same
        view while nothing changed; updated for a few contacts; whole after a re-read).

        After the start-up view, the first call reads the file; if that fails, the app
        ends (`run` says why) and the start-up view stays on screen meanwhile."""
        try:
            self.view = await self.call_store(self._make_view)
        except NetuiError as error:
            if error is not self.load_error or self.start is None:
                raise
            self.exit(return_code=1)
            return self.start
        self._tell_notices()
        return self.view

    def _review_ahead(self) -> None:
        _screen_class("review")  # (its module too: the first `r` would import it)
        view = self.view
        if view is not None:
            # On a thread of its own, not the store's: a save meanwhile need not wait
            # for it (the view is immutable, so any thread may read it).
            self.run_worker(view.review, thread=True, group="review-ahead", exclusive=True)

    def view_shown(self) -> None:
        """The main screen has drawn a full view (the first one matters): with `tune_gc`,
        everything alive now (the data, the view, the panes' caches) is frozen, once, and
        the collector turned on. What is frozen and later becomes cyclic garbage is never
        freed, so this happens once per run, not per change (that leaked: issue 10)."""
        # The daily review of this view, made ahead once the app has been idle a moment,
        # so that `r` shows it at once (0.15 s of work at 30,000 contacts).
        if self._review_timer is not None:
            self._review_timer.stop()
        self._review_timer = self.set_timer(REVIEW_AHEAD_AFTER, self._review_ahead)
        if self.tune_gc and not self._gc_frozen:
            self._gc_frozen = True
            # (Full collections are left at Python's pace: made rarer, they cost 25-30 ms
            # less often but let garbage pile up, and memory grew with it: 2.5 MiB over
            # 1,000 outside changes at a fifth of the pace, 8 MiB at a tenth.)
            gc.freeze()
            gc.enable()

    def _make_view(self) -> View:
        """On the store's thread: what the screens show, from the store as it is now."""
        store = self.store
        last = self.views.last
        touched = store.touched_since(last.generation) if last is not None else None
        settings = Settings(
            store.cadence_defaults(), store.goals(), str(store.path), store.read_only
        )
        view = self.views.view(
            store.network(),
            self.today,
            settings,
            store.generation,
            touched,
            tuple(store.companies()),
        )
        if not self._start_checked:  # so that the next start paints at once
            self._start_checked = True
            if isinstance(self.start, StartView):
                self._kept_version = self.start.version
            elif write_start_view(store, view):
                self._kept_version = store.version()
        return view

    async def change(
        self, function: Callable[..., T], *args: object, action: str = "save"
    ) -> T | None:
        """Run a store change; on a problem, say so and return None (input is kept).

        If another program changed what the change would change (a ConflictError), the
        user is shown both values and asked (`ConflictScreen`; `action` is "save" or
        "undo"), and the change is made again with the answer; cancel saves nothing.
        """
        choices: Choices | None = None
        while True:
            try:
                call = partial(function, *args, **({"choices": choices} if choices else {}))
                result = await self.call_store(call)
            except ConflictError as error:
                resolution = await self._ask_about(error, action)
                if resolution is None:
                    return None
                choices = (choices or Choices()).answered(resolution, error.conflicts)
                continue
            except NetuiError as error:
                self.notify(
                    str(error), title="Not saved", severity="error", markup=False, timeout=8
                )
                return None
            self.file_problem = None
            self.post_message(StoreChanged(saved_here=True))
            return result

    async def _ask_about(self, error: ConflictError, action: str) -> Resolution | None:
        """The user's answer to a conflict (None: cancelled, or no dialog can be shown
        here, in which case the refusal is said instead)."""
        from textual.worker import NoActiveWorker, get_current_worker

        from netui.ui.dialogs.conflict import ConflictScreen

        try:
            get_current_worker()  # a dialog can only be awaited from a worker
        except NoActiveWorker:
            self.notify(str(error), title="Not saved", severity="error", markup=False, timeout=8)
            return None
        from netui.ui.dialogs.conflict import LABELS

        # (The dialog has words for a save and an undo; a redo is asked as a save until
        # it has its own.)
        asked = action if action in LABELS else "save"
        resolution = await self.push_screen_wait(ConflictScreen(error.conflicts, asked))
        if resolution is None:
            what = {"undo": "undone", "redo": "redone"}.get(action, "saved")
            self.notify(f"Cancelled: nothing was {what}", markup=False)
        return resolution

    def _reload_if_changed(self) -> bool:
        """On the store's thread: re-read the file if another writer changed it, the
        collector held meanwhile (a collection in the middle of reading 30,000 contacts
        would walk them all)."""
        if not self.tune_gc:
            return self.store.reload_if_changed()
        gc.disable()
        try:
            return self.store.reload_if_changed()
        finally:
            if self._gc_frozen:  # (before the first full view, `view_shown` turns it on)
                gc.enable()

    async def _look_for_outside_changes(self) -> None:
        try:
            changed = await self.call_store(self._reload_if_changed)
        except NetuiError as error:
            if self.file_problem != str(error):
                self.file_problem = str(error)
                self.notify(str(error), title="Data file", severity="error", markup=False)
                self.post_message(StoreChanged())  # redraw: the status line shows it
            return
        solved = self.file_problem is not None
        self.file_problem = None
        if changed or solved:
            self.post_message(StoreChanged())

    async def on_event(self, event: events.Event) -> None:
        """Keys and pastes from the terminal go through the type-ahead queue."""
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            await self.type_ahead.take(event)
        else:
            await super().on_event(event)

    def on_type_ahead_mark(self, mark: TypeAheadMark) -> None:
        self.type_ahead.mark_returned(mark)

    def panic(self, *renderables: RenderableType) -> None:
        """Exit on an unexpected error, remembering it: Textual's input thread panics
        without setting a return code."""
        self.crashed = True
        super().panic(*renderables)

    def on_store_changed(self, message: StoreChanged) -> None:
        """Pass the news to every screen on the stack (each redraws what it shows)."""
        for screen in self.screen_stack:
            screen.post_message(StoreChanged(message.saved_here))

    def open_screen(
        self, name: ScreenName, contact_id: int | None = None, kind: str | None = None
    ) -> None:
        """Show a screen on top (its contact's, for the ones about a person).

        Screens ask here instead of importing one another, so that each stands alone (an
        import-linter contract checks it); the push is immediate, so keys typed right
        after go to the new screen (`TypeAhead`).
        """
        screen = _screen_class(name)
        about = ("contact", "prep", "meeting_log")
        if name == "draft":  # (kind: which draft; None: the one that is due)
            if contact_id is not None:
                self.push_screen(screen(contact_id, kind))
        elif name in about:
            if contact_id is not None:
                self.push_screen(screen(contact_id))
        else:
            self.push_screen(screen())

    def action_help(self) -> None:
        from netui.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The jump reveals what it finds on the main screen: it is offered there only."""
        if action == "jump":
            return isinstance(self.screen, MainScreen)
        return True

    def action_jump(self) -> None:
        """Open the palette that searches contacts, follow-ups and notes (`netui.ui.jump`)."""
        from textual.command import CommandPalette

        from netui.ui.jump import jump_palette

        if isinstance(self.screen, MainScreen) and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(jump_palette())

    @work(exclusive=True, group="undo")
    async def action_undo(self) -> None:
        """Undo the last change (the screens bind ctrl+z to theirs; the history dialog
        to this one)."""
        from netui.ui.actions import undo_last

        await undo_last(self)

    @work(exclusive=True, group="undo")
    async def action_redo(self) -> None:
        """Redo what undo last undid (a worker: it may ask what to keep, `redo_last`)."""
        from netui.ui.actions import redo_last

        await redo_last(self)

    def action_history(self) -> None:
        """Show what undo and redo would do, newest first."""
        from netui.ui.dialogs.history import HistoryScreen

        if not isinstance(self.screen, HistoryScreen):
            self.push_screen(HistoryScreen())

    @work(exclusive=True, group="dialog")
    async def action_landed(self) -> None:
        """Record a role landed (as `netui landed`), then say whom to tell: the people in
        the referral chains that led there, listed under Close the loop on the review."""
        from netui.ledger import chain_to
        from netui.ui.dialogs.landed import LandedScreen

        view = await self.snapshot()
        landed = await self.push_screen_wait(LandedScreen(view.network))
        if landed is None:
            return
        saved = await self.change(
            self.store.record_outcome, landed.role, landed.company, landed.day
        )
        if saved is None:
            return
        people = chain_to((await self.snapshot()).network, landed.company)
        if people:
            names = ", ".join(person.name for person in people)
            message = f"Tell {names}: the review (r) lists them under Close the loop"
        else:
            message = f"No referral chain in netui leads to {landed.company}: nobody to tell"
        self.notify(message, title=f"Landed {landed.role} at {landed.company}", markup=False)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        commands = getattr(screen, "palette_commands", None)
        if commands:
            yield from commands()
        if not isinstance(screen, ModalScreen):
            if isinstance(screen, MainScreen):
                yield SystemCommand(
                    "Jump to…",
                    "A contact, follow-up or note, by a few letters of it (ctrl+o)",
                    self.action_jump,
                )
            yield SystemCommand("Redo", "Redo what undo undid (ctrl+y)", self.action_redo)
            yield SystemCommand(
                "History", "Recent changes: what undo and redo would do (u)", self.action_history
            )
            yield SystemCommand(
                "Landed a role…",
                "Record the role and company; list who to tell along the referral chains",
                self.action_landed,
            )
        # (By name: the palette need not import the screen; not over a dialog.)
        if not isinstance(screen, ModalScreen) and type(screen).__name__ != "DuplicatesScreen":
            yield SystemCommand(
                "Duplicates",
                "Contacts who may be one person: merge them, or keep them apart",
                partial(self.open_screen, "duplicates"),
            )

    def on_unmount(self) -> None:
        if self.store.loaded and self.load_error is None:
            self._executor.submit(self._keep_start_view)
        self._executor.shutdown(wait=True)

    def _keep_start_view(self) -> None:
        """On the store's thread, as the app ends: the first screen of the data as they
        are now, for the next start (unless the one there already is)."""
        with contextlib.suppress(NetuiError):
            self.store.reload_if_changed()
            if self.store.version() != self._kept_version:
                write_start_view(self.store, self._make_view())


SCREENS: dict[str, tuple[str, str]] = {
    "review": ("review", "ReviewScreen"),
    "contact": ("contact", "ContactScreen"),
    "prep": ("prep", "PrepScreen"),
    "meeting_log": ("meeting_log", "MeetingLogScreen"),
    "draft": ("draft", "DraftScreen"),
    "referrals": ("referrals", "ReferralsScreen"),
    "companies": ("companies", "CompaniesScreen"),
    "import": ("import_file", "ImportScreen"),
    "duplicates": ("duplicates", "DuplicatesScreen"),
}
"""Each screen `open_screen` shows: its module in netui/ui/screens, and its class."""


def _screen_class(name: str) -> Any:
    """The class of a screen, its module imported on first use (not at start-up)."""
    module, cls = SCREENS[name]
    return getattr(importlib.import_module(f"netui.ui.screens.{module}"), cls)


def run(store: Store, start: View | None = None) -> int:
    """Run the app on `store` in the real terminal, painting `start` first if given (the
    store is read after that); return the exit code (non-zero after a crash or when the
    file could not be read, 128 + signum after a signal)."""
    decode_input_leniently()
    app = NetuiApp(store, start=start, tune_gc=True)
    app.run()
    if app.load_error is not None:
        print(f"netui: {app.load_error}", file=sys.stderr)
        return 1
    return exit_code(app)


def exit_code(app: NetuiApp) -> int:
    """The status the app ended with: Textual can end an app that crashed with 0."""
    code = app.return_code or 0
    if app.crashed:
        code = code or 1
    return code
