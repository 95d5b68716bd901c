"""The history of this session's changes: what `ctrl+z` would undo, what `ctrl+y` would
redo, newest first.

Undo and redo work from here too (the app's, as on the screens), and the lists follow
(every change, here or by another program, redraws them). The descriptions are the
store's words, shown literally.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from netui.ui.messages import StoreChanged

SHOWN = 12
"""How many changes of each list are shown (the undo list keeps more)."""


def listing(title: str, changes: list[str], empty: str) -> Content:
    """A heading and the changes, numbered, the next one marked."""
    parts = [Content.styled(title, "bold $accent")]
    if not changes:
        parts.append(Content.styled(f"\n  {empty}", "dim"))
    for number, change in enumerate(changes[:SHOWN], 1):
        mark = "▸" if number == 1 else " "
        parts.append(Content(f"\n{mark} {number:>2}. "))
        parts.append(Content(change))
    if len(changes) > SHOWN:
        parts.append(Content.styled(f"\n    … and {len(changes) - SHOWN} older", "dim"))
    return Content("").join(parts)


class HistoryScreen(ModalScreen[None]):
    """What undo and redo would do; ctrl+z and ctrl+y do it here too."""

    CSS_PATH = "history.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+z", "app.undo", "Undo", key_display="^z"),
        Binding("ctrl+y", "app.redo", "Redo", key_display="^y"),
        Binding("escape,u,q", "dismiss", "Close", key_display="esc"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.undo: list[str] = []
        """What undo would undo, newest first (as last read)."""
        self.redo: list[str] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content.styled("Recent changes (this session)", "bold"), id="title")
            with VerticalScroll(id="lists"):
                yield Static(id="undo-list")
                yield Static(id="redo-list")
            yield Static(
                Content("ctrl+z undo · ctrl+y redo · esc close"), id="keys", classes="hint"
            )

    async def on_mount(self) -> None:
        await self.refresh_lists()

    async def on_store_changed(self, message: StoreChanged) -> None:
        await self.refresh_lists()

    async def refresh_lists(self) -> None:
        """Read both lists again and show them."""
        app: Any = self.app
        self.undo = await app.call_store(app.store.undo_list)
        self.redo = await app.call_store(app.store.redo_list)
        self.query_one("#undo-list", Static).update(
            listing("ctrl+z would undo", self.undo, "Nothing to undo")
        )
        self.query_one("#redo-list", Static).update(
            listing("ctrl+y would redo", self.redo, "Nothing to redo")
        )
