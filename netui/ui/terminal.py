"""Input from the real terminal: decoded leniently, cleaned, and delivered in order.

Four things Textual 8.2.8 leaves to the app, kept here in one module (the only one of
netui that touches Textual's private API):

- `decode_input_leniently()`: a byte that is not UTF-8 becomes U+FFFD instead of ending
  the app, and an ESC inside a bracketed paste is dropped instead of turning the rest of
  the paste into keystrokes.
- `resume_only_after_suspend()`: closing the terminal (SIGHUP, then SIGCONT) ends the app
  instead of hanging it on a writer thread started on the dead terminal.
- `clean_paste()`: control characters, ESC and bidi overrides in a paste never reach a
  widget, and a one-line `Input` gets all the pasted lines, not silently the first.
- `TypeAhead`: keys typed before the screen they are meant for is ready wait for it,
  so that `a` then `quinn` in one burst opens the quick-add bar holding "quinn" instead
  of quitting on the `q`.
"""

from __future__ import annotations

import asyncio
import codecs
import re
import signal
import weakref
from collections import deque
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from textual import events
from textual.message import Message
from textual.widgets import Input
from textual.worker import NoActiveWorker, Worker, get_current_worker

from netui.text import clean

if TYPE_CHECKING:
    from textual.app import App
    from textual.dom import DOMNode
    from textual.screen import Screen
    from textual.timer import Timer

DIALOG_GROUP = "dialog"
"""The worker group of the actions that open a dialog and wait for its answer."""

WATCH_SECONDS = 0.05
"""How often a mark on its way is checked for having been lost (its node removed with
the mark still queued). Only how soon held keys move on then: nothing depends on it."""


def decode_input_leniently() -> None:
    """Make Textual's input thread survive any bytes, and keep pastes pastes.

    Textual 8.2.8's `LinuxDriver.run_input_thread` reads the terminal with a strict
    decoder (`getincrementaldecoder("utf-8")()`): one byte that is not UTF-8, such as a
    Latin-1 `é` in a paste, raises UnicodeDecodeError in the input thread, which
    `_run_input_thread` turns into `App.panic`: the app ends (with status 0) and what was
    typed in an open form is lost. The driver looks the factory up in its module's
    globals; replacing it there gives it `TerminalDecoder`. Idempotent.
    """
    from textual.drivers import linux_driver

    # A private global of Textual, replaced on purpose (with a narrower factory than codecs').
    linux_driver.getincrementaldecoder = _terminal_decoder  # type: ignore[attr-defined,assignment]


def resume_only_after_suspend(driver: object) -> None:
    """Make SIGCONT resume the terminal only when the app had suspended it (ctrl+z).

    Textual 8.2.8's `LinuxDriver` resumes application mode on *every* SIGCONT. When the
    terminal window is closed, the kernel sends SIGHUP and then SIGCONT: the driver starts
    a second writer thread on the dead terminal, which dies on its first write (EIO),
    and the app's exit then blocks forever on that thread's full queue. The driver marks
    a suspend with `_must_signal_resume` (set by its SIGTSTP handler, cleared on resume);
    only then is a SIGCONT passed on. Drivers without SIGCONT handling are left alone.
    """
    resume = getattr(driver, "_sigcont_application", None)
    if resume is None or not hasattr(signal, "SIGCONT"):
        return

    def on_sigcont(*_: object) -> None:
        if getattr(driver, "_must_signal_resume", False):
            resume()

    signal.signal(signal.SIGCONT, on_sigcont)


def _terminal_decoder(encoding: str) -> type[TerminalDecoder]:
    return TerminalDecoder


PASTE_START, PASTE_END = "\x1b[200~", "\x1b[201~"


class TerminalDecoder:
    """UTF-8 with U+FFFD for each byte that is not (a character split across two reads
    still decodes), and no ESC inside a bracketed paste but the one that ends it.

    Textual 8.2.8's `XTermParser` starts an escape sequence at any ESC, even inside a
    paste, and what it reads while looking for the sequence's end is not added to the
    paste: up to 32 characters after each ESC are re-issued as key presses (ESC itself
    as `^`), outside the Paste event and after it. A pasted `ESC [ x y` pressed `x`
    (delete) and `y` (yes). Dropping those ESCs before the parser sees them keeps the
    whole text in the paste (`clean_paste` removes the other control characters).
    """

    def __init__(self) -> None:
        self._utf8 = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._in_paste = False
        self._seen = ""
        """The last characters passed on outside a paste: a paste's start marker may
        arrive split across two reads."""
        self._held = ""
        """The end of a read inside a paste that may be the start of its end marker."""

    def decode(self, data: bytes, final: bool = False) -> str:
        text = self._held + self._utf8.decode(data, final)
        self._held = ""
        out: list[str] = []
        while text:
            if not self._in_paste:
                scan = self._seen + text
                start = scan.find(PASTE_START)
                if start < 0:
                    out.append(text)
                    self._seen = scan[-(len(PASTE_START) - 1) :]
                    break
                cut = start + len(PASTE_START) - len(self._seen)
                out.append(text[:cut])
                text, self._seen, self._in_paste = text[cut:], "", True
                continue
            end = text.find(PASTE_END)
            if end >= 0:
                out.append(_without_escapes(text[:end]) + PASTE_END)
                text, self._in_paste = text[end + len(PASTE_END) :], False
                continue
            keep = (
                0
                if final
                else max(_marker_prefix_at_end(text, PASTE_END), _open_escape_at_end(text))
            )
            out.append(_without_escapes(text[: len(text) - keep]))
            self._held = text[len(text) - keep :]
            break
        return "".join(out)


_ESCAPE_SEQUENCE = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, clearing
    r"|\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: clipboard, links, titles
    r"|[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|[^\x1b])?",  # any other escape, or a lone ESC
    re.DOTALL,
)
_COMPLETE_ESCAPE = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]"
    r"|\][^\x07\x1b]*(?:\x07|\x1b\\)"
    r"|[PX^_][^\x1b]*\x1b\\"
    r"|[^\x1b\[\]PX^_])",
    re.DOTALL,
)


def _open_escape_at_end(text: str) -> int:
    """The length of an escape sequence the end of `text` starts but does not finish (held
    for the next read, so that a sequence split across reads goes whole too)."""
    start = text.rfind("\x1b")
    if start < 0 or _COMPLETE_ESCAPE.match(text, start):
        return 0
    return len(text) - start


def _without_escapes(text: str) -> str:
    """Pasted text without its escape sequences: `ESC[31m` goes whole, not just its ESC
    (which would leave `[31m` in the field)."""
    return _ESCAPE_SEQUENCE.sub("", text) if "\x1b" in text else text


def _marker_prefix_at_end(text: str, marker: str) -> int:
    """The length of the longest end of `text` that begins `marker` (0 if none)."""
    for size in range(min(len(marker) - 1, len(text)), 0, -1):
        if marker.startswith(text[-size:]):
            return size
    return 0


def clean_paste(text: str, target: DOMNode | None) -> str:
    """What of a paste may reach `target`: no control characters, ESC, DEL or bidi
    overrides (a pasted `ESC [2J` must not end up in a field raw); for a one-line `Input`,
    its lines joined with spaces (Textual's `Input` would keep the first line without a
    word). An `Input` that handles line breaks itself says so with `takes_pasted_lines`.
    """
    text = clean(text)
    if isinstance(target, Input) and not getattr(target, "takes_pasted_lines", False):
        lines = [line for line in text.splitlines() if line.strip()]
        if len(lines) == 1:
            text = lines[0].replace("\t", " ")  # as pasted, spaces and all
        elif lines:
            text = " ".join(clean(line, multiline=False) for line in lines)
    return text


class TypeAheadMark(Message):
    """Sent to the widget a key went to, behind the key: when it has bubbled back to the
    app, the key has been handled on its whole way, bindings included."""

    def __init__(self, token: int) -> None:
        super().__init__()
        self.token = token


class TypeAhead:
    """Delivers the terminal's keys and pastes to the app one at a time, each once the
    previous one has had its effect and the screen on top is ready for it.

    Textual hands a key to the focused widget and lets it bubble up to the bindings
    asynchronously; a key that opens a screen (`a`, `e`, `/`...) does so only when its
    binding runs, a dialog opened by a worker (`push_screen_wait`) later still, and a
    key that closes one (enter, escape) through a message the key's widget posts. So
    keys typed right behind it went to the old screen (`q` quit the app).

    Here each key is followed by laps of a `TypeAheadMark` along the key's path (the
    widget it went to, its ancestors, the app). A lap is quiet when, once the mark is
    back, no widget on the path has messages waiting and neither the screen nor the
    focus changed meanwhile; until a lap is quiet, another one follows (on the new path
    if the focus moved). The next key waits for a quiet lap, and also while a dialog
    worker is between two screens (starting, or saving what its dialog returned).
    """

    def __init__(self, app: App[Any], deliver: Callable[[events.Event], Awaitable[None]]) -> None:
        self.app = app
        self.deliver = deliver
        """Textual's own handling of a key or paste (`App.on_event`)."""
        self._held: deque[events.Key | events.Paste] = deque()
        self._token = 0
        self._waiting: int | None = None
        """The token of the mark on its lap, if one is."""
        self._lap: tuple[weakref.ref[DOMNode], object, object] | None = None
        """Where the mark went, and the screen and focus when it left."""
        self._ready: weakref.ref[Screen[Any]] | None = None
        """The screen of the last quiet lap: keys go to it without another lap first."""
        self._owners: weakref.WeakKeyDictionary[Screen[Any], Worker[Any]] = (
            weakref.WeakKeyDictionary()
        )
        """Which dialog worker pushed which screen."""
        self._seen: weakref.WeakSet[Screen[Any]] = weakref.WeakSet()
        """Screens already shown: coming back to one (a dialog popped) is no push."""
        self._awaited: set[Worker[Any]] = set()
        """Dialog workers whose end is being waited for."""
        self._tasks: set[asyncio.Task[None]] = set()
        self._pumping = False
        self._timer: Timer | None = None

    def start(self) -> None:
        """Learn which worker pushes which screen (once the app runs)."""
        self._seen.update(self.app.screen_stack)  # shown already, pushed by no worker
        self.app.screen_change_signal.subscribe(self.app, self._screen_changed, immediate=True)

    async def take(self, event: events.Key | events.Paste) -> None:
        """Queue a key or paste from the terminal; deliver what can be delivered."""
        self._held.append(event)
        await self._pump()

    def mark_returned(self, mark: TypeAheadMark) -> None:
        """A mark came back to the app: settle once the callbacks queued so far (such
        as a deferred `focus()`) have run."""
        if mark.token == self._waiting:
            self.app.call_later(self._settle, mark.token)

    async def _settle(self, token: int) -> None:
        if token != self._waiting or self._lap is None or self._closing():
            return
        self._waiting = None
        node_ref, screen, focused = self._lap
        node = node_ref()
        moved = self.app.screen is not screen or self.app.focused is not focused
        if moved or (node is not None and node.is_attached and _messages_waiting(node)):
            self._start_lap()  # what the key set off is still going on: look again
            return
        self._ready = weakref.ref(self.app.screen)
        await self._pump()

    def _closing(self) -> bool:
        """The app is ending (its screens already gone): nothing more to deliver."""
        return not self.app.screen_stack

    async def _pump(self) -> None:
        if self._pumping or self._closing():
            return
        self._pumping = True
        try:
            while self._held and self._waiting is None:
                if self._ready is None or self._ready() is not self.app.screen:
                    self._start_lap()  # a new screen: is it mounted, and quiet?
                    break
                if self._dialog_between_screens():
                    break  # _when_finished or a screen change pumps again
                event = self._held.popleft()
                target = self._target()
                if isinstance(event, events.Paste):
                    event.text = clean_paste(event.text, target)
                await self.deliver(event)
                self._start_lap(target)
        finally:
            self._pumping = False

    def _target(self) -> DOMNode:
        """Where Textual sends a key: the focused widget, else the screen."""
        return self.app.focused or self.app.screen

    def _start_lap(self, node: DOMNode | None = None) -> None:
        node = node or self._target()
        self._token += 1
        self._waiting = self._token
        self._lap = (weakref.ref(node), self.app.screen, self.app.focused)
        if node.post_message(TypeAheadMark(self._token)):
            self._watch()  # in case the node goes away with the mark in its queue
        else:
            self._waiting = None

    def _dialog_between_screens(self) -> bool:
        """A dialog worker running with no screen of its own open: it is about to open
        one (or to save what its last one returned, and maybe open another)."""
        open_by = {self._owners.get(screen) for screen in self.app.screen_stack}
        busy = [
            worker
            for worker in self.app.workers
            if worker.group == DIALOG_GROUP and not worker.is_finished and worker not in open_by
        ]
        for worker in busy:
            if worker not in self._awaited:
                self._awaited.add(worker)
                task = asyncio.create_task(self._when_finished(worker))
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)
        return bool(busy)

    async def _when_finished(self, worker: Worker[Any]) -> None:
        while not worker.is_finished:
            try:
                await worker.wait()
            except Exception:  # cancelled, failed, or not started yet
                await asyncio.sleep(WATCH_SECONDS)
        self._awaited.discard(worker)
        self.app.call_later(self._pump)

    def _screen_changed(self, screen: Screen[Any]) -> None:
        # Only a screen shown for the first time was pushed by the worker running now: the
        # one a dialog returns to (popped from inside the worker's context) is not its, or
        # the worker, still saving what the dialog returned, would look settled.
        if screen not in self._seen:
            self._seen.add(screen)
            try:
                worker = get_current_worker()
            except NoActiveWorker:
                worker = None
            if worker is not None and worker.group == DIALOG_GROUP:
                self._owners[screen] = worker
        self.app.call_later(self._pump)

    def _watch(self) -> None:
        if self._timer is None:
            self._timer = self.app.set_timer(WATCH_SECONDS, self._look_again)

    async def _look_again(self) -> None:
        self._timer = None
        if self._closing():
            return
        if self._waiting is not None and self._lap is not None:
            node = self._lap[0]()
            if node is None or not node.is_attached:
                self._waiting = None  # removed with the mark in its queue: it won't come
                self._start_lap()
        await self._pump()
        if self._waiting is not None:
            self._watch()


def _messages_waiting(node: DOMNode) -> bool:
    """Whether a widget on the path of a key (not the app) has messages to handle."""
    return any(
        ancestor.message_queue_size
        for ancestor in node.ancestors_with_self
        if not ancestor.is_dom_root
    )
