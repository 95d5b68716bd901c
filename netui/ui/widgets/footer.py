"""The footer: Textual's, recomposed only when the keys it shows change.

Textual's `Footer` recomposes (16 key widgets mounted and styled, 20-30 ms) whenever
the screen says its bindings were updated, which it does on every focus change and every
return from a dialog, usually with the same keys as before.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer


class KeysFooter(Footer):
    """A `Footer` that skips a recompose when the keys shown are the ones on screen."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._shown: tuple[object, ...] | None = None

    def _keys(self, screen: Screen[Any]) -> tuple[object, ...]:
        return tuple(
            (binding.key, binding.description, binding.action, enabled, tooltip)
            for (_, binding, enabled, tooltip) in screen.active_bindings.values()
            if binding.show
        )

    def bindings_changed(self, screen: Screen[Any]) -> None:
        keys = self._keys(screen)
        if keys == self._shown and self._bindings_ready:
            return
        super().bindings_changed(screen)
        # Remembered only when Textual recomposes (it does not while the terminal is
        # out of focus: the same keys must then still be drawn when it comes back).
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._shown = keys
