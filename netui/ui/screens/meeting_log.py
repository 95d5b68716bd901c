"""Logging a meeting: one form for everything a meeting produced, saved as one change.

Date, kind and notes; an answer under each question prepared for the meeting; the new
names the person gave (one `Name (title) @ Company` a line: each becomes a lead referred
by them, or is linked if already a contact); companies or roles to look at; resume
feedback; what I promised (one a line, with an optional date at the end); and whether the
thank-you is already sent. A live summary says what `ctrl+s` will save; a problem (a date
that can't be read, a name line that doesn't parse) is named and nothing is saved. The
store does the saving (`Store.log_meeting`), so that all of it is one undoable change.

Everything the user typed is shown literally, never parsed as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Checkbox, Footer, Input, Label, Select, Static, TextArea

from netui import validate
from netui.dates import add_days, format_date
from netui.errors import NetuiError, NotFoundError, QuickAddError
from netui.model import (
    Answer,
    Contact,
    FollowUp,
    MeetingLog,
    NewName,
    Note,
    NoteKind,
    Status,
)
from netui.quickadd import ContactIndex, default_due, parse_contact, split_date_tail
from netui.text import clean, fold, plural, shown

KINDS = (NoteKind.MEETING, NoteKind.CALL, NoteKind.COFFEE, NoteKind.EVENT, NoteKind.EMAIL)
"""What a logged interaction can be (a plain note is not a meeting)."""

OFFERED = 6
"""With nothing prepared, how many starred, not yet asked questions get an answer field."""


@dataclass(frozen=True, slots=True)
class PlacedName:
    """A line of the new names: who it is, and the contact it links to (if any)."""

    new: NewName
    existing: Contact | None = None


@dataclass(frozen=True, slots=True)
class Reading:
    """What the form says, read and checked: the log to save and what to tell about it."""

    log: MeetingLog
    names: tuple[PlacedName, ...]


def read_names(text: str, index: ContactIndex, person: Contact) -> tuple[PlacedName, ...]:
    """The new names, one `Name (title) @ Company` a line; an existing contact is linked.

    Raises QuickAddError naming the line for a line that can't be read.
    """
    placed: dict[str, PlacedName] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            draft = parse_contact(line, index)
        except QuickAddError as error:
            raise QuickAddError(f"new names, line {number}: {error}") from None
        if draft.via:
            raise QuickAddError(
                f"new names, line {number}: no 'via' here, everyone on this list is "
                f"referred by {person.name}"
            )
        if draft.email or draft.tags:
            raise QuickAddError(
                f"new names, line {number}: only Name (title) @ Company here; add the "
                "email and #tags on the contact's page later"
            )
        key = fold(draft.name)
        existing = next((c for c in index.contacts if fold(" ".join(c.name.split())) == key), None)
        if existing is not None and existing.id == person.id:
            raise QuickAddError(
                f"new names, line {number}: {person.name} is the person you met, not a new name"
            )
        if key in placed:
            continue  # the same name twice is one person
        if existing is not None:
            new = NewName(existing.name, existing.company, existing.title, existing.id)
        else:
            new = NewName(draft.name, draft.company, draft.title)
        placed[key] = PlacedName(new, existing)
    return tuple(placed.values())


def read_promises(text: str, today: date) -> tuple[FollowUp, ...]:
    """What I promised, one a line, each with an optional date at the end (default: in a
    week). Raises QuickAddError naming the line for a date that is clearly meant but wrong.
    """
    promises = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = clean(line, multiline=False)
        if not line:
            continue
        try:
            task, due = split_date_tail(line, today)
            promises.append(FollowUp(task, due or default_due(today)))
        except QuickAddError as error:
            raise QuickAddError(f"things I promised, line {number}: {error}") from None
    return tuple(promises)


def read_companies(text: str) -> tuple[str, ...]:
    """Companies or roles, comma-separated (blanks and repeats dropped)."""
    parts = (" ".join(part.split()) for part in clean(text, multiline=False).split(","))
    return tuple(dict.fromkeys(part for part in parts if part))


def summary_text(reading: Reading, person: Contact, today: date) -> str:
    """One line saying what will be saved: leads, links, promises, the thank-you, the status."""
    log = reading.log
    parts = [f"a {log.kind} on {format_date(log.date, today)}"]
    if log.answers:
        parts.append(plural(len(log.answers), "answer"))
    new = sum(1 for name in reading.names if name.existing is None)
    linked = len(reading.names) - new
    if new:
        parts.append(plural(new, "new lead"))
    if linked:
        parts.append(f"{linked} existing contact{'' if linked == 1 else 's'} linked")
    if log.companies:
        count = len(log.companies)
        parts.append(
            f"{count} {'company or role' if count == 1 else 'companies or roles'} to look at"
        )
    promises = log.followups
    if len(promises) == 1:
        parts.append(f"1 promise due {format_date(promises[0].due, today)}")
    elif len(promises) == 2:
        dues = " and ".join(format_date(p.due, today) for p in promises)
        parts.append(f"2 promises due {dues}")
    elif promises:
        first = min(p.due for p in promises)
        parts.append(f"{len(promises)} promises, the first due {format_date(first, today)}")
    if log.thank_you_sent:
        parts.append("thank-you already sent")
    else:
        parts.append(f"thank-you due {format_date(add_days(log.date, 1) or log.date, today)}")
    target = Status.MET if log.kind.is_meeting else Status.CONTACTED
    if target.rank > person.status.rank:
        parts.append(f"{person.name} becomes {target}")
    return "Saves " + ", ".join(parts)


class MeetingLogScreen(Screen[Note | None]):
    """Log a meeting with a contact and everything it produced; returns the saved note."""

    CSS_PATH = "meeting_log.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", key_display="^s", id="meeting-save"),
        Binding("escape", "cancel", "Cancel", id="meeting-cancel"),
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
        self._saving = False
        self._missing = False

    # --- layout -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        store = self.app.store  # type: ignore[attr-defined]
        try:
            self.person = store.contact(self.contact_id)
        except NotFoundError:
            self._missing = True
            yield Static("That contact no longer exists.", id="heading", markup=False)
            yield Footer()
            return
        self.index = ContactIndex(store.contacts())
        self.questions = list(self.person.prepared)
        yield Static(Content(f"Log a meeting with {self.person.name}"), id="heading")
        with VerticalScroll(id="form"):
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
            yield Label("Notes")
            yield TextArea(id="notes", soft_wrap=True)
            with Vertical(id="answers"):
                yield from self._answer_fields()
            yield Label("New names they gave me (one a line: Name (title) @ Company)")
            yield TextArea(id="names", soft_wrap=False)
            yield Static("", id="names-preview", classes="preview", markup=False)
            yield Label("Companies or roles to look at (comma-separated)")
            yield Input(id="companies", placeholder="Acme, Globex, UX research roles")
            yield Label("Resume feedback")
            yield TextArea(id="feedback", soft_wrap=True)
            yield Label("Things I promised (one a line, a date at the end: send the deck friday)")
            yield TextArea(id="promises", soft_wrap=False)
            yield Static("", id="promises-preview", classes="preview", markup=False)
            yield Checkbox("Thank-you already sent", id="thanked")
        with Vertical(id="bottom"):
            yield Static("", id="problem", markup=False)
            yield Static("", id="summary", markup=False)
        yield Footer()

    def _answer_fields(self, offered: bool = False) -> ComposeResult:
        if not self.questions:
            return
        if offered:
            heading = (
                "Answers (nothing was prepared; these starred questions are not yet asked of "
                f"{self.person.name}: answer the ones you asked)"
            )
        else:
            heading = "Answers to the prepared questions"
        yield Label(Content(heading), classes="section")
        for number, question in enumerate(self.questions):
            yield Label(Content(f"{number + 1}. {question}"), classes="question")
            yield TextArea(id=f"answer-{number}", classes="answer", soft_wrap=True)

    async def on_mount(self) -> None:
        if self._missing:
            self.app.notify("That contact no longer exists.", severity="warning")
            self.dismiss(None)
            return
        self.query_one("#date", Input).focus()
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
        network = app.store.network()  # type: ignore[attr-defined]
        asked = {question_key(text) for text in asked_of(network, self.contact_id)}
        offered = [q.text for q in bank.starred() if question_key(q.text) not in asked]
        offered = offered[:OFFERED]
        if offered:
            self.questions = offered
            await self.query_one("#answers").mount_all(list(self._answer_fields(offered=True)))

    # --- reading the form -------------------------------------------------------------------

    @property
    def today(self) -> date:
        return self.app.today  # type: ignore[attr-defined]

    def _text(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", TextArea).text

    def _date(self) -> date:
        text = self.query_one("#date", Input).value
        try:
            day = validate.check_date(text, self.today, past=True)
        except QuickAddError as error:
            raise QuickAddError(f"date: {error}") from None
        if day > self.today:
            raise QuickAddError(
                f"date: {format_date(day, self.today)} is still to come; log the meeting "
                "once it has happened"
            )
        return day

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
        log = MeetingLog(
            contact_id=self.contact_id,
            date=day,
            kind=self.query_one("#kind", Select).value,  # type: ignore[arg-type]
            text=clean(self._text("notes")).strip(),
            answers=answers,
            new_names=tuple(name.new for name in names),
            companies=read_companies(self.query_one("#companies", Input).value),
            feedback=clean(self._text("feedback")).strip(),
            followups=promises,
            thank_you_sent=self.query_one("#thanked", Checkbox).value,
        )
        return Reading(log, names)

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
        lines = []
        for name in names:
            role = ", ".join(x for x in (name.new.title, name.new.company) if x)
            who = f"{name.new.name} ({role})" if role else name.new.name
            if name.existing is None:
                lines.append(f"+ {who}: new lead, referred by {self.person.name}")
            else:
                lines.append(f"= {who}: already a contact, linked")
        preview.update("\n".join(lines))
        preview.display = bool(lines)

    def _preview_promises(self) -> None:
        preview = self.query_one("#promises-preview", Static)
        try:
            promises = read_promises(self._text("promises"), self.today)
        except QuickAddError:
            return
        lines = [f"• {p.text}, due {format_date(p.due, self.today)}" for p in promises]
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
        from netui.ui.screens.confirm import ConfirmScreen

        if not self._typed_anything():
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen("Discard this meeting log? Nothing of it is saved yet.", "Discard"),
            answered,
        )

    def on_store_changed(self, _message: object) -> None:
        """Another process changed the file: re-read the contacts used to link names."""
        if self._missing or self._saving:
            return
        store = self.app.store  # type: ignore[attr-defined]
        try:
            self.person = store.contact(self.contact_id)
        except NotFoundError:
            return  # the save will say that the contact is gone
        self.index = ContactIndex(store.contacts())
        self._refresh()
