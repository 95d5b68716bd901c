"""The Notes pane: the selected contact's notes, newest first, with the full text below."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.widgets import Static

from netui.dates import format_date
from netui.model import Network, Note
from netui.text import fold
from netui.ui.widgets.pane import FilterInput, Pane
from netui.ui.widgets.virtual_list import Column, Row, VirtualList


class NotesPane(Pane):
    """Notes of one contact (or the latest of everyone), and the highlighted one in full."""

    DEFAULT_CSS = """
    NotesPane #note-text {
        height: auto;
        max-height: 8;
        border-top: solid $panel-lighten-2;
        color: $text;
    }
    """

    def __init__(self) -> None:
        super().__init__(
            "3 Notes",
            [Column("Date", 10), Column("Kind", 7, drop=1), Column("Note", min_width=10)],
            empty_text="No notes: press n to add one.",
            id="notes",
        )
        self._texts: dict[int, str] = {}

    def compose(self) -> ComposeResult:
        yield VirtualList(self._columns, empty_text=self._empty_text, id="notes-list")
        yield FilterInput(placeholder="filter… (esc clears)", classes="filter")
        yield Static("", id="note-text", markup=False)

    def show(self, network: Network, today: date, contact_id: int | None) -> None:
        """Notes of `contact_id`, or the latest notes of everyone when None."""
        notes = [n for n in network.notes if contact_id is None or n.contact_id == contact_id]
        notes.sort(key=lambda n: (n.date, n.id or 0), reverse=True)
        if contact_id is None:
            notes = notes[:200]
            self.subtitle = "latest of everyone"
        else:
            self.subtitle = network.name_of(contact_id)
        self._texts = {n.id or 0: n.text for n in notes}
        self.load([self._entry(n, network, today, contact_id is None) for n in notes])
        self.show_text(self.list.cursor_key)

    @staticmethod
    def _entry(note: Note, network: Network, today: date, with_name: bool) -> tuple[Row, str]:
        who = network.name_of(note.contact_id)
        first = note.text.strip().splitlines()[0] if note.text.strip() else ""
        text = f"{who}: {first}" if with_name and who else first
        row = Row(note.id, (format_date(note.date, today), str(note.kind), text))
        return row, fold(f"{who} {note.kind} {note.text}")

    def show_text(self, note_id: object) -> None:
        """Show the whole text of the highlighted note under the list."""
        text = self._texts.get(note_id, "") if isinstance(note_id, int) else ""
        self.query_one("#note-text", Static).update(text)
