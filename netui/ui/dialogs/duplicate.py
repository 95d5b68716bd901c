"""Asked before saving a contact who may already be here: open that one, or add anyway.

The quick-add bar and the contact form show it when `netui.identity.likely_matches`
found someone; who matches whom, and why, is that module's. The dialog only says it and
returns the answer: "open" (the best match's page), "add" (save the new one anyway) or
None (back to what was being typed, nothing saved).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from netui.identity import Evidence, warning
from netui.model import Contact
from netui.text import shown

BUTTON_NAME = 24
"""The most of a name the Open button shows (the rest is cut: the button stays on screen)."""

Answer = Literal["open", "add"]
"""What to do with a contact who may already be here (None: neither, keep editing)."""


def warnings(matches: Sequence[tuple[Contact, Evidence]]) -> list[str]:
    """One '⚠ Jane Doe (Acme Corp) is already here [id 10]: same email' per match, safe
    to show (a name is the user's data)."""
    return [
        f"⚠ {shown(warning(contact, evidence), multiline=False)}" for contact, evidence in matches
    ]


def follow_answer(
    asking: ModalScreen[Any], answer: Answer | None, existing: Contact, result: object
) -> None:
    """What a screen that asked does with the answer: "add" ends it with `result` (saved
    by whoever opened it); "open" ends it with nothing saved and shows the contact who
    is here; None leaves it open, as it was."""
    if answer == "add":
        asking.dismiss(result)
    elif answer == "open":
        asking.dismiss(None)  # (first: the contact's page goes on top of the screen below)
        asking.app.open_screen("contact", existing.id)  # type: ignore[attr-defined]


class DuplicateScreen(ModalScreen["Answer | None"]):
    """Open the contact who is already here (o, the default), add anyway (a), or go
    back (escape)."""

    CSS_PATH = "duplicate.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "answer('open')", "Open"),
        Binding("a", "answer('add')", "Add anyway"),
        Binding("escape", "answer(None)", "Cancel"),
    ]

    def __init__(self, name: str, matches: Sequence[tuple[Contact, Evidence]]) -> None:
        super().__init__()
        self.new_name = name
        """The name of the contact about to be added."""
        self.matches = list(matches)
        """The saved contacts it may be, best first (never empty)."""

    def compose(self) -> ComposeResult:
        existing = self.matches[0][0]
        best = shown(existing.name, multiline=False)
        short = best if len(best) <= BUTTON_NAME else best[: BUTTON_NAME - 1].rstrip() + "…"
        new = shown(self.new_name, multiline=False)
        with Vertical(classes="dialog"):
            yield Static(Content("Already here?"), id="title")
            yield Static(Content("\n".join(warnings(self.matches))), id="matches")
            yield Static(
                Content(f"Open {best} [id {existing.id}], or add {new} as another contact anyway?"),
                id="question",
            )
            with Horizontal(id="buttons"):
                yield Button(Content(f"Open {short} (o)"), variant="primary", id="open")
                yield Button("Add anyway (a)", id="add")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#open", Button).focus()  # enter opens: nothing is saved twice

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        answers: dict[str | None, Answer | None] = {"open": "open", "add": "add"}
        self.dismiss(answers.get(event.button.id))

    def action_answer(self, answer: Answer | None) -> None:
        self.dismiss(answer)
