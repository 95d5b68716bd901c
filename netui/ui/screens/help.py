"""Help: the keys of the screen it was opened on, each once, grouped by where it works.

The keys are read from Textual's own bindings (`Screen.active_bindings`), so that the help
says what a key does as the app would do it, never from a list kept by hand. A screen with
several panes has keys that work in some panes only (`d` Done in Follow-ups): the help
asks the screen, as if each pane had the focus in turn, and lists such a key under the
panes where it works. A key listed once keeps the meaning it has where the help was opened.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.events import Resize
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Input, Static, TextArea

TEXTUAL_PLUMBING = {
    "scroll_left", "scroll_right", "page_left", "page_right", "copy_text", "scroll_up",
    "scroll_down", "scroll_home", "scroll_end", "page_up", "page_down", "help_quit",
    "maximize", "minimize",
}  # fmt: skip
"""Textual's built-in keys that say nothing about netui."""

FOCUS_MOVES = {"focus_next", "focus_previous"}
"""tab and shift+tab: listed as one line when the screen has more than one place."""

KEY_NAMES = {
    "question_mark": "?", "slash": "/", "escape": "esc", "pagedown": "pgdn", "pageup": "pgup",
    "asterisk": "*", "space": "space", "ctrl+z": "^z", "ctrl+y": "^y", "ctrl+p": "^p",
    "ctrl+q": "^q", "ctrl+s": "^s", "ctrl+o": "^o", "ctrl+k": "^k",
}  # fmt: skip
"""How a key is written in the help (as in the footer)."""

LONGEST_TOOLTIP = 40
"""A binding's tooltip says more than its footer label, unless it is a sentence (Textual's
own `ctrl+q`): then the label is shown."""

WIDE = 104
"""From this width the groups stand in two columns."""


def key_label(key: str) -> str:
    """A key as the help writes it: `?`, `/`, `esc`, `^z`."""
    return KEY_NAMES.get(key, key)


@dataclass
class KeyLine:
    """One line of the help: the keys of one action, and what it does."""

    keys: list[str]
    description: str
    enabled: bool
    contexts: set[int] = field(default_factory=set)
    """The places (focusable widgets) of the screen where the keys do this."""
    where: str = ""
    """Whose binding: "app", "screen" or a widget's."""
    action: str = ""
    """The action's name (without its namespace)."""


@dataclass
class KeyGroup:
    """A heading and its lines."""

    title: str
    lines: list[KeyLine]


def place_name(widget: Widget | None) -> str:
    """What a user calls a place of the screen: a pane's title without its number."""
    node: DOMNode | None = widget
    while node is not None and not isinstance(node, Screen):
        title = getattr(node, "title", None)
        if isinstance(title, str) and title.strip():
            return title.lstrip("0123456789 ").strip()
        node = node.parent
    return widget.id or type(widget).__name__ if widget is not None else ""


@contextlib.contextmanager
def _focused_as(screen: Screen[Any], widget: Widget | None) -> Iterator[None]:
    """Let `screen` answer as if `widget` had the focus (nothing is drawn meanwhile: no
    await happens inside), then put the real focus back, without a Focus event."""
    real = screen.focused
    screen.set_reactive(Screen.focused, widget)
    try:
        yield
    finally:
        screen.set_reactive(Screen.focused, real)


def _places(screen: Screen[Any]) -> list[Widget | None]:
    """The places keys depend on: the widgets that take the focus (the one focused first),
    text fields left out (their keys are typing). None: a screen with none."""
    places: list[Widget | None] = [
        widget for widget in screen.focus_chain if not isinstance(widget, (Input, TextArea))
    ]
    focused = screen.focused
    while focused is not None and focused not in places and not isinstance(focused, Screen):
        focused = focused.parent  # type: ignore[assignment]
    if focused in places:
        places.remove(focused)
        places.insert(0, focused)
    return places or [None]


def _describe(binding: Binding) -> str:
    tooltip = binding.tooltip
    if tooltip and len(tooltip) <= LONGEST_TOOLTIP:
        return tooltip
    return binding.description or binding.action


def _owner(namespace: DOMNode, screen: Screen[Any]) -> str:
    if namespace is screen:
        return "screen"
    if namespace is screen.app:
        return "app"
    return type(namespace).__name__


def key_lines(screen: Screen[Any]) -> tuple[list[KeyLine], list[Widget | None]]:
    """Every key that works on `screen` (in some place of it), once, with what it does
    there; and the places, the focused one first."""
    places = _places(screen)
    lines: dict[tuple[str, str], KeyLine] = {}
    claimed: set[str] = set()
    for number, place in enumerate(places):
        with _focused_as(screen, place):
            active: dict[str, ActiveBinding] = dict(screen.active_bindings)
        for key, (namespace, binding, enabled, _tooltip) in active.items():
            action = binding.action.rpartition(".")[2]
            if action in TEXTUAL_PLUMBING or binding.system:
                continue
            if action in FOCUS_MOVES and len(places) < 2:
                continue
            owner = _owner(namespace, screen)
            slot = (owner, binding.action)
            line = lines.get(slot)
            if key in claimed and (line is None or key not in line.keys):
                continue  # the key means something else in the place where help opened
            if line is None:
                line = lines[slot] = KeyLine(
                    [], _describe(binding), enabled, where=owner, action=action
                )
            if key not in line.keys:
                line.keys.append(key)
                claimed.add(key)
            line.contexts.add(number)
    return list(lines.values()), places


def key_groups(screen: Screen[Any]) -> list[KeyGroup]:
    """The screen's keys under headings: the screen's own, those of one pane (the
    focused pane's first), moving about, and the app's (they work everywhere)."""
    lines, places = key_lines(screen)
    everywhere = set(range(len(places)))
    moves = KeyGroup("Move", [])
    own = KeyGroup(f"{screen_name(screen)} screen", [])
    app = KeyGroup("Everywhere", [])
    partial: dict[frozenset[int], KeyGroup] = {}
    focus_keys: list[str] = []
    for line in lines:
        if line.action in FOCUS_MOVES:
            focus_keys.extend(line.keys)
            continue
        if line.where == "app":
            app.lines.append(line)
        elif line.contexts != everywhere:
            where = frozenset(line.contexts)
            if where not in partial:
                names = [place_name(places[i]) for i in sorted(where)]
                partial[where] = KeyGroup("In " + " and ".join(names), [])
            partial[where].lines.append(line)
        elif line.where == "screen":
            own.lines.append(line)
        else:
            moves.lines.append(line)
    if focus_keys:
        tab = KeyLine(sorted(focus_keys, key=len), "Next / previous pane", True, action="focus")
        moves.lines.insert(0, tab)
    if any(line.keys and line.description == "Filter" for line in lines) and not any(
        "escape" in line.keys for line in lines
    ):
        moves.lines.append(KeyLine(["escape"], "Clear the filter", True, action="clear"))
    ordered = [own, *(partial[k] for k in sorted(partial, key=min)), moves, app]
    return [group for group in ordered if group.lines]


def screen_name(screen: Screen[Any]) -> str:
    """'Main', 'Review', 'Contact' (the class name without 'Screen')."""
    return type(screen).__name__.removesuffix("Screen")


def keys_text(line: KeyLine) -> str:
    """The keys of a line as the help writes them: `down / j`."""
    return " / ".join(key_label(key) for key in line.keys)


def group_widgets(group: KeyGroup, key_width: int) -> list[Widget]:
    """A group as the help shows it: its title, then per line the keys and, beside them,
    what they do (wrapped in its own column when long)."""
    widgets: list[Widget] = [Static(Content.styled(group.title, "bold $accent"), classes="title")]
    for line in group.lines:
        style = "" if line.enabled else "dim"
        keys = Static(Content.styled(keys_text(line), f"bold {style}".strip()), classes="keys")
        keys.styles.width = key_width + 2
        what = Content(line.description)
        widgets.append(
            Horizontal(
                keys,
                Static(what.stylize(style) if style else what, classes="what"),
                classes="key-line",
            )
        )
    return widgets


def split_in_two(sizes: list[int]) -> int:
    """Where a list of groups of these heights is cut into two columns of about equal
    height (never leaving the first column empty)."""
    half, running = sum(sizes) / 2, 0
    for index, size in enumerate(sizes):
        if running + size / 2 > half:
            return max(index, 1)
        running += size
    return len(sizes)


class HelpScreen(ModalScreen[None]):
    """Lists the keys of the screen below, each once, grouped by where it works."""

    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "dismiss", "Close"),
    ]

    def __init__(self, screen: Screen[Any]) -> None:
        super().__init__()
        self.groups = key_groups(screen)
        """What the help lists."""
        self.title_text = f"Keys — {screen_name(screen)} screen"

    def compose(self) -> ComposeResult:
        split = split_in_two([len(group.lines) + 2 for group in self.groups])
        with VerticalScroll(classes="dialog"):
            yield Static(Content.styled(self.title_text, "bold"), id="help-title")
            with Horizontal(id="columns"):
                for groups in (self.groups[:split], self.groups[split:]):
                    width = max(
                        (len(keys_text(line)) for g in groups for line in g.lines), default=1
                    )
                    with Vertical(classes="column"):
                        for group in groups:
                            with Vertical(classes="group"):
                                yield from group_widgets(group, width)
            yield Static(
                Content("Every action is also in the command palette (ctrl+p)."),
                classes="hint",
            )

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < WIDE, "-narrow")
