"""Logging a meeting: one form for everything a meeting produced, saved as one change.

The outcomes come first, in the order they are typed: the notes (the focus starts there),
the new names the person gave (one `Name (title) @ Company` a line: each becomes a lead
referred by them, or is linked if already a contact), what I promised (one a line, with
an optional date at the end) and whether the thank-you is already sent; then companies or
roles to look at, resume feedback, and an answer under each prepared question. Each
section has a key (`^o` notes, `^n` names, `^t` promises, `^r` answers; `alt+` a letter
for every field), so that a meeting with two new names takes three keys beyond the text:
`m`, `^n`, `^s`. A live summary says what `ctrl+s` will save; a problem (a date that
can't be read, a name line that doesn't parse) is named and nothing is saved. The store
does the saving (`Store.log_meeting`), so that all of it is one undoable change.

Everything the user typed is shown literally, never parsed as markup.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Checkbox, Input, Label, Select, Static, TextArea

from netui import validate
from netui.dates import format_date
from netui.errors import NetuiError, QuickAddError
from netui.meeting import (
    KINDS,
    OFFERED,
    Reading,
    check_meeting_date,
    name_lines,
    promise_lines,
    read_meeting,
    read_names,
    read_promises,
    summary_text,
)
from netui.model import (
    Answer,
    Contact,
    Note,
    NoteKind,
)
from netui.names import ContactIndex
from netui.readmodel import View
from netui.text import clean, shown
from netui.ui.widgets.footer import KeysFooter


class MeetingLogScreen(Screen[Note | None]):
    """Log a meeting with a contact and everything it produced; returns the saved note."""

    CSS_PATH = "meeting_log.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (60, "-wide")]  # noqa: RUF012 (as Screen has it)
    VERTICAL_BREAKPOINTS = [(0, "-short"), (24, "-tall")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", key_display="^s", id="meeting-save"),
        Binding("escape", "cancel", "Cancel", id="meeting-cancel"),
        # One key to each section (ctrl: shown in the footer; alt: the same, for every field).
        Binding("ctrl+o,alt+o", "jump('notes')", "Notes", key_display="^o"),
        Binding("ctrl+n,alt+n", "jump('names')", "Names", key_display="^n"),
        Binding("ctrl+t,alt+p", "jump('promises')", "Promises", key_display="^t"),
        Binding("ctrl+r,alt+a", "jump('answers')", "Answers", key_display="^r"),
        Binding("ctrl+g", "editor", "Editor", key_display="^g", tooltip="Write in $EDITOR"),
        Binding("alt+d", "jump('date')", "Date", show=False),
        Binding("alt+k", "jump('kind')", "Kind", show=False),
        Binding("alt+c", "jump('companies')", "Companies", show=False),
        Binding("alt+f", "jump('feedback')", "Feedback", show=False),
        Binding("alt+t", "jump('thanked')", "Thank-you sent", show=False),
    ]

    def __init__(self, contact_id: int) -> None:
        super().__init__()
        self.contact_id = contact_id
        """The person met."""
        self.person = Contact("")
        """The contact as it was when the form opened."""
        self.index = ContactIndex(())
        """Every contact, for linking names that are already in the network."""
        self.questions: list[str] = []
        """The questions with an answer field, in order (`#answer-0`, `#answer-1`, …)."""
        self.view: View | None = None
        """The read model the form reads the person and the other contacts from."""
        self._saving = False
        self._missing = False

    # --- layout -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        view: View | None = self.app.view  # type: ignore[attr-defined]
        person = view.contact(self.contact_id) if view else None
        if view is None or person is None:
            self._missing = True
            yield Static("That contact no longer exists.", id="heading", markup=False)
            yield KeysFooter()
            return
        self.person, self.index, self.view = person, view.index(), view
        self.questions = list(self.person.prepared)
        yield Static(Content(f"Log a meeting with {self.person.name}"), id="heading")
        with VerticalScroll(id="form"):
            # What the meeting produced comes first (notes, new names, promises), in the
            # order it is typed; the date and kind above it rarely change from "today".
            with Horizontal(id="when"):
                with Vertical(id="date-box"):
                    yield Label("Date")
                    yield Input("today", id="date", placeholder="today, yesterday, monday")
                    yield Static("", id="date-preview", classes="preview", markup=False)
                with Vertical(id="kind-box"):
                    yield Label("Kind")
                    yield Select(
                        [(str(kind), kind) for kind in KINDS],
                        value=NoteKind.MEETING,
                        allow_blank=False,
                        id="kind",
                    )
            yield Label("Notes (^g: write them in your $EDITOR)")
            yield TextArea(id="notes", soft_wrap=True)
            yield Label("New names they gave me (^n; one a line: Name (title) @ Company)")
            yield TextArea(id="names", soft_wrap=False)
            yield Static("", id="names-preview", classes="preview", markup=False)
            yield Label("Things I promised (^t; one a line, a date at the end: send it friday)")
            yield TextArea(id="promises", soft_wrap=False)
            yield Static("", id="promises-preview", classes="preview", markup=False)
            yield Checkbox("Thank-you already sent", id="thanked")
            yield Label("Companies or roles to look at (comma-separated)")
            yield Input(id="companies", placeholder="Acme, Globex, UX research roles")
            yield Label("Resume feedback")
            yield TextArea(id="feedback", soft_wrap=True)
            with Vertical(id="answers"):
                yield from self._answer_fields()
        with Vertical(id="bottom"):
            yield Static("", id="problem", markup=False)
            yield Static("", id="summary", markup=False)
        yield KeysFooter()

    def _answer_fields(self, offered: bool = False) -> ComposeResult:
        if not self.questions:
            return
        if offered:
            heading = (
                "Answers (nothing was prepared; these starred questions are not yet asked of "
                f"{self.person.name}: answer the ones you asked)"
            )
        else:
            heading = "Answers to the prepared questions (^r)"
        yield Label(Content(heading), classes="section")
        for number, question in enumerate(self.questions):
            yield Label(Content(f"{number + 1}. {question}"), classes="question")
            yield TextArea(id=f"answer-{number}", classes="answer", soft_wrap=True)

    async def on_mount(self) -> None:
        if self._missing:
            self.app.notify("That contact no longer exists.", severity="warning")
            self.dismiss(None)
            return
        self.query_one("#notes", TextArea).focus()  # the date is "today" nearly always
        if not self.questions:
            await self._offer_starred()
        self._refresh()

    async def _offer_starred(self) -> None:
        """With nothing prepared, offer the starred questions not yet asked of this person."""
        from netui.questions import asked_of, load_bank, question_key

        app = self.app
        try:
            bank = await app.call_store(load_bank)  # type: ignore[attr-defined]
        except (NetuiError, OSError, ValueError):
            return  # no bank to offer from: the form works without answers
        network = self.view.network if self.view else app.view.network  # type: ignore[attr-defined]
        asked = {question_key(text) for text in asked_of(network, self.contact_id)}
        offered = [q.text for q in bank.starred() if question_key(q.text) not in asked]
        offered = offered[:OFFERED]
        if offered:
            self.questions = offered
            await self.query_one("#answers").mount_all(list(self._answer_fields(offered=True)))

    # --- reading the form -------------------------------------------------------------------

    @property
    def today(self) -> date:
        today: date = self.app.today  # type: ignore[attr-defined]
        return today

    def _text(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", TextArea).text

    def _date(self) -> date:
        text = self.query_one("#date", Input).value
        try:
            day = validate.check_date(text, self.today, past=True)
        except QuickAddError as error:
            raise QuickAddError(f"date: {error}") from None
        return check_meeting_date(day, self.today)

    def read(self) -> Reading:
        """The form as a `MeetingLog`; raises NetuiError naming the first problem."""
        day = self._date()
        names = read_names(self._text("names"), self.index, self.person)
        promises = read_promises(self._text("promises"), self.today)
        answers = tuple(
            Answer(question, answer)
            for number, question in enumerate(self.questions)
            if (answer := clean(self._text(f"answer-{number}")).strip())
        )
        return read_meeting(
            self.person,
            day,
            self.query_one("#kind", Select).value,  # type: ignore[arg-type]
            notes=self._text("notes"),
            names=names,
            promises=promises,
            companies=self.query_one("#companies", Input).value,
            feedback=self._text("feedback"),
            answers=answers,
            thank_you_sent=self.query_one("#thanked", Checkbox).value,
        )

    def _refresh(self) -> Reading | None:
        """Update the previews, the summary and the problem line; the reading if valid."""
        today = self.today
        self._preview_date()
        self._preview_names()
        self._preview_promises()
        problem = self.query_one("#problem", Static)
        summary = self.query_one("#summary", Static)
        try:
            reading = self.read()
        except NetuiError as error:
            problem.update(f"⚠ {shown(str(error))}")
            problem.display = True
            summary.update("Nothing will be saved until this is fixed.")
            summary.add_class("-blocked")
            return None
        problem.update("")
        problem.display = False
        summary.update(summary_text(reading, self.person, today) + "  (ctrl+s)")
        summary.remove_class("-blocked")
        return reading

    def _preview_date(self) -> None:
        preview = self.query_one("#date-preview", Static)
        try:
            day = self._date()
        except QuickAddError:
            preview.update("")
            return
        preview.update(f"→ {format_date(day, self.today)}")

    def _preview_names(self) -> None:
        preview = self.query_one("#names-preview", Static)
        try:
            names = read_names(self._text("names"), self.index, self.person)
        except QuickAddError:
            return  # the problem line names it; the last good preview stays
        lines = name_lines(names, self.person)
        preview.update("\n".join(lines))
        preview.display = bool(lines)

    def _preview_promises(self) -> None:
        preview = self.query_one("#promises-preview", Static)
        try:
            promises = read_promises(self._text("promises"), self.today)
        except QuickAddError:
            return
        lines = promise_lines(promises, self.today)
        preview.update("\n".join(lines))
        preview.display = bool(lines)

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _changed(self) -> None:
        self._refresh()

    def _typed_anything(self) -> bool:
        if self.query_one("#date", Input).value.strip() != "today":
            return True
        if self.query_one("#companies", Input).value.strip():
            return True
        return any(area.text.strip() for area in self.query(TextArea))

    # --- actions ----------------------------------------------------------------------------

    def action_jump(self, section: str) -> None:
        """Focus a section's field (the first answer for "answers"), scrolled into view."""
        if section == "answers":
            fields = list(self.query(".answer"))
            if not fields:
                self.app.notify("No questions to answer for this meeting", markup=False)
                return
            target = fields[0]
        else:
            target = self.query_one(f"#{section}")
        target.focus()
        if isinstance(target, TextArea):
            target.move_cursor(target.document.end)

    async def action_editor(self) -> None:
        """Write the focused text box (the notes, if the focus is elsewhere) in $EDITOR."""
        from netui.ui.editor import edit_in_editor

        focused = self.focused
        area = focused if isinstance(focused, TextArea) else self.query_one("#notes", TextArea)
        text = await edit_in_editor(self.app, area.text, name=area.id or "note")
        if text is not None:
            area.load_text(text)
            area.focus()
            area.move_cursor(area.document.end)
            self._refresh()

    async def action_save(self) -> None:
        """Save everything as one change; on a problem, say so and keep every field."""
        if self._saving:
            return
        reading = self._refresh()
        if reading is None:
            self.app.bell()
            return
        self._saving = True
        try:
            store = self.app.store  # type: ignore[attr-defined]
            note = await self.app.change(store.log_meeting, reading.log)  # type: ignore[attr-defined]
        finally:
            self._saving = False
        if note is None:
            return  # the app said why; everything typed is still here
        self.app.notify(
            summary_text(reading, self.person, self.today).replace("Saves", "Saved", 1),
            title=f"Logged the {reading.log.kind} with {self.person.name}",
            markup=False,
        )
        self.dismiss(note)

    def action_cancel(self) -> None:
        """Close; if anything was typed, ask first (it would be lost)."""
        from netui.ui.dialogs.confirm import close_or_ask

        question = "Discard this meeting log? Nothing of it is saved yet."
        close_or_ask(self, self._typed_anything(), question, lambda: self.dismiss(None))

    async def on_store_changed(self, _message: object) -> None:
        """Another process changed the file: take the contacts used to link names anew."""
        if self._missing or self._saving:
            return
        view = self.view = await self.app.snapshot()  # type: ignore[attr-defined]
        person = view.contact(self.contact_id)
        if person is None:
            return  # the save will say that the contact is gone
        self.person, self.index = person, view.index()
        self._refresh()
