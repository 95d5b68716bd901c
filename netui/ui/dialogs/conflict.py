"""Another writer changed what this save (or undo) would change: show both, and ask.

netui never overwrites a change made by another program (a second netui, `netui add`, a
sync tool) without saying so. This dialog lists each field both changed, with the value in
the file now beside the user's, and returns the user's choice: keep mine, keep theirs, or
cancel (nothing saved; the form keeps its text, the change stays undoable).
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from netui.store import Conflict, Resolution

LABELS = {
    "save": ("Keep mine", "Keep theirs"),
    "undo": ("Undo anyway", "Keep their changes"),
    "redo": ("Redo anyway", "Keep their changes"),
}
"""The two answers' words, for a save, an undo and a redo."""
MINE = {"save": "yours", "undo": "undo puts back", "redo": "redo puts back"}
"""What the user's side of a field is called, for a save, an undo and a redo."""


class ConflictScreen(ModalScreen[Resolution | None]):
    """Both values of every field another writer changed; m keeps mine, t theirs."""

    CSS_PATH = "conflict.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "answer('mine')", "Mine"),
        Binding("t", "answer('theirs')", "Theirs"),
        Binding("escape", "answer('')", "Cancel"),
    ]

    def __init__(self, conflicts: tuple[Conflict, ...], action: str = "save") -> None:
        super().__init__()
        self.conflicts = conflicts
        self.action = action
        """What is asked about: "save" (a form or quick change), "undo" or "redo"."""

    def compose(self) -> ComposeResult:
        mine, theirs = LABELS[self.action]
        fields = [c for c in self.conflicts if c.field]
        documents = [c for c in self.conflicts if not c.field]
        with Vertical(classes="dialog"):
            yield Static(Content(self._heading()), id="heading")
            with VerticalScroll(id="conflicts"):
                for conflict in fields:
                    yield Static(Content(conflict.what), classes="what")
                    yield Static(
                        Content(f"{'in the file now:':<17}{conflict.theirs_text}"),
                        classes="theirs",
                    )
                    yield Static(
                        Content(f"{MINE[self.action] + ':':<17}{conflict.mine_text}"),
                        classes="mine",
                    )
                for conflict in documents:
                    line = (
                        f"{conflict.what}: {conflict.detail}" if conflict.detail else conflict.what
                    )
                    yield Static(Content(f"• {line}"), classes="document")
            yield Static(Content(self._advice()), id="advice")
            with Horizontal(id="buttons"):
                yield Button(f"{mine} (m)", variant="warning", id="mine")
                yield Button(f"{theirs} (t)", variant="primary", id="theirs")
                yield Button("Cancel (esc)", id="cancel")

    def _heading(self) -> str:
        if self.action == "undo":
            return "Changed by another program since you made this change — undo it anyway?"
        if self.action == "redo":
            return "Changed by another program since you undid this change — redo it anyway?"
        return "Changed by another program since you started editing"

    def _advice(self) -> str:
        if self.action == "undo":
            if any(not c.field for c in self.conflicts):
                return (
                    "Undo anyway removes what was added since too; keep their changes "
                    "undoes the rest and leaves these as they are."
                )
            return "Undo anyway puts your old values back; keep their changes leaves theirs."
        if self.action == "redo":
            return "Redo anyway puts your change back; keep their changes leaves theirs."
        return "Your other changes are saved either way; cancel saves nothing."

    def on_mount(self) -> None:
        self.query_one("#cancel", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_answer("" if event.button.id == "cancel" else str(event.button.id))

    def action_answer(self, answer: str) -> None:
        self.dismiss(Resolution(answer) if answer else None)
