"""The Notes pane: the notes of the contact selected in the focused pane (the contact in
Contacts, the highlighted follow-up's contact in Follow-ups), newest first, with the
highlighted note's full text below."""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.widgets import Static

from netui.dates import format_date
from netui.model import Note
from netui.readmodel import View
from netui.text import fold
from netui.ui.widgets.pane import FilterInput, Pane
from netui.ui.widgets.virtual_list import Column, Row, VirtualList

LATEST = 200
"""With no contact selected, how many of everyone's latest notes are shown."""


class NotesPane(Pane):
    """Notes of one contact (or the latest of everyone), and the highlighted one in full."""

    DEFAULT_CSS = """
    NotesPane #note-text {
        height: 7;
        border-top: solid $panel-lighten-2;
        color: $text;
    }
    """

    def __init__(self) -> None:
        super().__init__(
            "3 Notes",
            # The kind after the text: the date and the words read on together.
            [Column("Date", 10), Column("Note", min_width=16), Column("Kind", 7, drop=1)],
            empty_text="No notes: press n to add one.",
            id="notes",
        )
        self.view: View | None = None
        self.contact_id: int | None = None
        """Whose notes are shown (None: the latest of everyone)."""
        self._notes: dict[int, Note] = {}
        self._with_names = False

    def compose(self) -> ComposeResult:
        yield VirtualList(self._columns, empty_text=self._empty_text, id="notes-list")
        yield FilterInput(placeholder="filter… (esc clears)", classes="filter")
        yield Static("", id="note-text", markup=False)

    def show(self, view: View, contact_id: int | None) -> None:
        """Notes of `contact_id`, or the latest notes of everyone when None."""
        self.view, self.contact_id = view, contact_id
        if contact_id is None:
            notes = view.notes_newest_first()[:LATEST]
            self.subtitle = "latest of everyone"
        else:
            notes = view.notes_of(contact_id)
            self.subtitle = view.name_of(contact_id)
        self._with_names = contact_id is None
        self._notes = {n.id or 0: n for n in notes}
        self.load(list(self._notes), self._row, self._haystack)
        self.show_text(self.list.cursor_key)

    def _row(self, key: Hashable) -> Row:
        note = self._notes.get(key)  # type: ignore[call-overload]
        if note is None or self.view is None:
            return Row(key, ("", "", ""))
        who = self.view.name_of(note.contact_id)
        first = note.text.strip().splitlines()[0] if note.text.strip() else ""
        text = f"{who}: {first}" if self._with_names and who else first
        return Row(note.id, (format_date(note.date, self.view.today), text, str(note.kind)))

    def _haystack(self, key: Hashable) -> str:
        note = self._notes.get(key)  # type: ignore[call-overload]
        if note is None or self.view is None:
            return ""
        return fold(f"{self.view.name_of(note.contact_id)} {note.kind} {note.text}")

    def show_text(self, note_id: object) -> None:
        """Show the whole text of the highlighted note under the list."""
        note = self._notes.get(note_id) if isinstance(note_id, int) else None
        self.query_one("#note-text", Static).update(note.text if note else "")
