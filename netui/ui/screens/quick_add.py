"""The quick-add bar: one line at the bottom, with a live preview of what will be saved.

It parses nothing itself: every keystroke goes through `netui.quickadd`, and the screen
shows the resolved contact and date, or the specific problem, keeping the text.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Static

from netui import quickadd
from netui.errors import QuickAddError, UnknownContactError
from netui.model import NoteKind
from netui.quickadd import ContactDraft, ContactIndex, FollowUpDraft, NoteDraft

Draft = ContactDraft | FollowUpDraft | NoteDraft

PLACEHOLDERS = {
    "contact": "Jane Doe (Design Lead) @ Acme #ux <jane@acme.com> via Bob Smith",
    "followup": "Jane: send the portfolio next friday",
    "note": "Jane: coffee at Blue Bottle, gave me two names",
}
TITLES = {"contact": "New contact", "followup": "New follow-up", "note": "New note"}


class ContactNameSuggester(Suggester):
    """Completes a contact's name: before the ':' of a follow-up or note, after 'via '."""

    def __init__(self, index: ContactIndex, kind: str) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.index = index
        self.kind = kind

    async def get_suggestion(self, value: str) -> str | None:
        if self.kind == "contact":
            head, via, ref = value.rpartition(" via ")
            if not via or not ref.strip():
                return None
        else:
            if ":" in value or not value.strip():
                return None
            head, ref = "", value
        hits = self.index.complete(ref, limit=1)
        if not hits:
            return None
        name = hits[0].name
        completed = f"{head} via {name}" if self.kind == "contact" else f"{name}: "
        return completed if len(completed) > len(value) else None


class QuickAddScreen(ModalScreen["QuickAddResult | None"]):
    """Type one line; enter saves, escape cancels."""

    CSS_PATH = "quick_add.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        # Priority: the Input would otherwise take ctrl+k (delete to the end of the line).
        Binding("ctrl+k", "cycle_kind", "Note kind", show=False, priority=True),
        Binding("tab", "complete", "Complete a name", show=False, priority=True),
    ]

    def __init__(self, kind: str, prefill: str = "") -> None:
        super().__init__()
        self.kind = kind
        self.prefill = prefill
        self.note_kind = NoteKind.NOTE
        self._index: ContactIndex | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="bar"):
            yield Static(Content(TITLES[self.kind]), id="title")
            yield Input(value=self.prefill, placeholder=PLACEHOLDERS[self.kind], id="line")
            yield Static("", id="preview", markup=False)
            yield Static(self._hint(), id="hint", markup=False)

    def _hint(self) -> str:
        base = "enter save · esc cancel · tab/→ complete a name"
        if self.kind == "note":
            return f"{base} · ctrl+k kind: {self.note_kind}"
        return base

    def on_mount(self) -> None:
        self._index = ContactIndex(self.app.store.contacts())  # type: ignore[attr-defined]
        field = self.query_one(Input)
        field.suggester = ContactNameSuggester(self._index, self.kind)
        field.cursor_position = len(field.value)
        self._preview(field.value)

    def _parse(self, text: str) -> Draft:
        assert self._index is not None
        today = self.app.today  # type: ignore[attr-defined]
        if self.kind == "contact":
            return quickadd.parse_contact(text, self._index)
        if self.kind == "followup":
            return quickadd.parse_followup(text, self._index, today)
        return quickadd.parse_note(text, self._index, today)

    def _preview(self, text: str) -> Draft | None:
        preview = self.query_one("#preview", Static)
        if not text.strip():
            preview.update("")
            preview.set_class(False, "-error")
            return None
        try:
            draft = self._parse(text)
        except QuickAddError as error:
            message = str(error)
            if isinstance(error, UnknownContactError):
                message += " — enter creates it"
            preview.update(f"⚠ {message}")
            preview.set_class(True, "-error")
            return None
        today = self.app.today  # type: ignore[attr-defined]
        preview.update("→ " + quickadd.describe(draft, today))
        preview.set_class(False, "-error")
        return draft

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self._preview(event.value)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        text = event.value
        if not text.strip():
            return
        try:
            draft = self._parse(text)
        except UnknownContactError as error:
            self.dismiss(QuickAddResult(None, text, self.kind, self.note_kind, error.ref))
            return
        except QuickAddError:
            self.app.bell()
            return  # the preview already says what is wrong; the text stays
        self.dismiss(QuickAddResult(draft, text, self.kind, self.note_kind))

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_complete(self) -> None:
        """Accept the suggested name (what → at the end of the line does)."""
        field = self.query_one(Input)
        field.cursor_position = len(field.value)
        field.action_cursor_right()

    def action_cycle_kind(self) -> None:
        kinds = list(NoteKind)
        self.note_kind = kinds[(kinds.index(self.note_kind) + 1) % len(kinds)]
        self.query_one("#hint", Static).update(self._hint())


class QuickAddResult:
    """What the bar produced: a draft to save, or a name to create first."""

    def __init__(
        self,
        draft: Draft | None,
        text: str,
        kind: str,
        note_kind: NoteKind,
        unknown_contact: str | None = None,
    ) -> None:
        self.draft = draft
        self.text = text
        self.kind = kind
        self.note_kind = note_kind
        self.unknown_contact = unknown_contact
