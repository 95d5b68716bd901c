"""The footer: Textual's, fitted to its width, recomposed only when what it shows changes.

Textual's `Footer` lays every key out in one scrolling row: when they don't fit, the
keys at the end (`r Review`, `q Quit`, `? Help`: the app's own keys come last) are
scrolled out of sight, and show through the one column the command-palette key leaves
free on the right (`paletteu`). This footer shows the keys that fit, dropping the least
useful first: a dimmed key (it does nothing here) before one that works, then the keys
a screen names in its `FOOTER_DROPS` (binding ids, least useful first), then the later
keys of a screen before the earlier ones.
`? Help`, `q Quit` and `r Review` are never dropped, nor the palette key.

Textual's `Footer` also recomposes (16 key widgets mounted and styled, 20-30 ms)
whenever the screen says its bindings were updated, which it does on every focus change
and every return from a dialog, usually with the same keys as before: this one skips
that when the keys and the width are the ones on screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

ESSENTIAL = frozenset({"help", "quit", "review"})
"""The actions whose keys always show (where the screen has them)."""


class Key(NamedTuple):
    """One key the footer may show."""

    binding: Binding
    enabled: bool
    tooltip: str
    display: str
    """The key as shown (`^z`, `/`)."""


def key_width(key: Key, *, compact: bool) -> int:
    """The cells a key takes in the footer (its margin included)."""
    text = cell_len(key.display) + cell_len(key.binding.description)
    # Compact: "k Desc" and a margin of 1; otherwise " k Desc " (padding) and no margin.
    return text + (2 if compact else 3)


def fit(keys: Sequence[Key], room: int, *, compact: bool, drops: Sequence[str] = ()) -> list[Key]:
    """The keys that fit in `room` cells, in their order. The dimmed ones go first, then
    those whose binding id is in `drops` (in that order), then the later ones before the
    earlier; the essential ones (`ESSENTIAL`) go last."""
    shown = list(keys)
    total = sum(key_width(k, compact=compact) for k in shown)

    def rank(index: int) -> tuple[int, int]:
        key = shown[index]
        if key.binding.action in ESSENTIAL:
            return (4, -index)
        if not key.enabled:
            return (0, -index)
        if key.binding.id in drops:
            return (1, drops.index(key.binding.id))
        return (2, -index)

    while shown and total > room:
        drop = min(range(len(shown)), key=rank)
        total -= key_width(shown.pop(drop), compact=compact)
    return shown


class KeysFooter(Footer):
    """A `Footer` that shows what fits (the useful keys first), and skips a recompose
    when the keys and the width are the ones on screen."""

    DEFAULT_CSS = """
    KeysFooter.-compact FooterKey.-command-palette { margin-right: 0; }
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._shown: tuple[object, ...] | None = None
        self._room: int | None = None
        """The width the keys on screen were fitted to."""

    def _keys(self, screen: Screen[Any]) -> tuple[object, ...]:
        return tuple(
            (binding.key, binding.description, binding.action, enabled, tooltip)
            for (_, binding, enabled, tooltip) in screen.active_bindings.values()
            if binding.show
        )

    def _width(self) -> int:
        return self.size.width or self.screen.size.width or self.app.size.width

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        active = self.screen.active_bindings
        keys: list[Key] = []
        actions: set[str] = set()
        for _node, binding, enabled, tooltip in active.values():
            if binding.show and binding.action not in actions:  # one key per action
                actions.add(binding.action)
                keys.append(Key(binding, enabled, tooltip, self.app.get_key_display(binding)))
        palette: Key | None = None
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            found = active.get(self.app.COMMAND_PALETTE_BINDING)
            if found is not None:
                _node, binding, enabled, tooltip = found
                palette = Key(binding, enabled, tooltip, self.app.get_key_display(binding))
        width = self._width()
        self._room = width
        room = width
        if palette is not None:  # its left border, and no margin
            room -= key_width(palette, compact=self.compact) + (0 if self.compact else 2)
        drops: Sequence[str] = getattr(self.screen, "FOOTER_DROPS", ())
        for key in fit(keys, room, compact=self.compact, drops=drops):
            yield FooterKey(
                key.binding.key,
                key.display,
                key.binding.description,
                key.binding.action,
                disabled=not key.enabled,
                tooltip=key.tooltip,
            ).data_bind(compact=Footer.compact)
        if palette is not None:
            yield FooterKey(
                palette.binding.key,
                palette.display,
                palette.binding.description,
                palette.binding.action,
                classes="-command-palette",
                disabled=not palette.enabled,
                tooltip=palette.binding.tooltip or palette.binding.description,
            )

    def bindings_changed(self, screen: Screen[Any]) -> None:
        keys = self._keys(screen)
        if keys == self._shown and self._bindings_ready and self._room == self._width():
            return
        super().bindings_changed(screen)
        # Remembered only when Textual recomposes (it does not while the terminal is
        # out of focus: the same keys must then still be drawn when it comes back).
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._shown = keys

    def on_resize(self) -> None:
        """Fit the keys again to the new width."""
        if self._bindings_ready and self._room != self._width():
            self.call_after_refresh(self.recompose)
