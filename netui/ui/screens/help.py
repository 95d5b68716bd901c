"""Help: every key of the screen it was opened on, grouped by what it does."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

TEXTUAL_PLUMBING = {
    "scroll_left", "scroll_right", "page_left", "page_right", "copy_text", "focus_next",
    "focus_previous", "scroll_up", "scroll_down", "scroll_home", "scroll_end",
    "page_up", "page_down", "app.focus_next", "app.focus_previous",
}  # fmt: skip
"""Textual's built-in keys that say nothing about netui (tab is listed below anyway)."""

EXTRA = [
    ("tab / shift+tab", "Next / previous pane"),
    ("esc", "Close a dialog, clear a filter"),
]


def _key_label(key: str) -> str:
    names = {"question_mark": "?", "slash": "/", "escape": "esc", "pagedown": "pgdn",
             "pageup": "pgup"}  # fmt: skip
    return names.get(key, key)


class HelpScreen(ModalScreen[None]):
    """Lists the keys of the screen below (dimmed where they don't apply right now)."""

    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "dismiss", "Close"),
    ]

    def __init__(self, screen: Screen[Any]) -> None:
        super().__init__()
        self.rows: list[tuple[str, str, bool]] = []
        seen: dict[tuple[str, str], int] = {}
        active_bindings = sorted(
            screen.active_bindings.items(),
            key=lambda item: item[1].node is not screen,  # the screen's own keys first
        )
        for key, active in active_bindings:
            binding = active.binding
            if binding.action.rpartition(".")[2] in TEXTUAL_PLUMBING:
                continue
            description = binding.tooltip or binding.description or binding.action
            slot = (binding.action, description)
            if slot in seen:
                keys, text, enabled = self.rows[seen[slot]]
                self.rows[seen[slot]] = (f"{keys} {_key_label(key)}", text, enabled)
                continue
            seen[slot] = len(self.rows)
            self.rows.append((_key_label(key), description, active.enabled))
        for binding in getattr(type(screen), "BINDINGS", []):
            if isinstance(binding, Binding) and not any(
                (binding.action, binding.description) == slot for slot in seen
            ):
                keys = " ".join(_key_label(k) for k in binding.key.split(","))
                seen[(binding.action, binding.description)] = len(self.rows)
                self.rows.append((keys, binding.tooltip or binding.description, False))
        self.title_text = f"Keys — {type(screen).__name__.removesuffix('Screen')} screen"

    def compose(self) -> ComposeResult:
        text = Text()
        text.append(self.title_text + "\n\n", style="bold")
        for keys, description, enabled in self.rows:
            style = "" if enabled else "dim"
            text.append(f"{keys:>16}  ", style="bold " + style)
            text.append(description + ("" if enabled else "  (not here)") + "\n", style=style)
        for keys, description in EXTRA:
            text.append(f"{keys:>16}  ", style="bold")
            text.append(description + "\n")
        text.append("\nEvery action is also in the command palette (ctrl+p).", style="dim")
        with VerticalScroll(classes="dialog"):
            yield Static(text)
