"""Edit forms for a contact, a follow-up and a note, with validation as you type.

Each form is a `ModalScreen` that returns the edited object (or None); the checks are
`netui.validate`'s, and dates go through the same date language as quick-add. The contact
form on a new contact (no id yet) looks, on save, for someone already here
(`netui.identity.likely_matches`) and then asks (`DuplicateScreen`): open that one, add
anyway, or go back to the form.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import PurePath
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from netui import validate
from netui.dates import format_date
from netui.errors import NetuiError, QuickAddError
from netui.identity import default_region, likely_matches
from netui.model import Contact, FollowUp, Note, NoteKind, Status
from netui.names import ContactIndex
from netui.referrals import refuse_loop
from netui.rhythm import CadenceDefaults, cadence_label, effective_cadence
from netui.text import ITEM_SEPARATOR
from netui.ui.dialogs.duplicate import DuplicateScreen, follow_answer
from netui.ui.widgets.footer import KeysFooter

_CHROME = 14
"""Lines of a form that are not its fields: the footer, the dialog's border and padding,
the heading, two lines of problem, the buttons, and room to spare."""


class FormScreen(ModalScreen[Any]):
    """A form of labelled fields; ctrl+s or the Save button saves, escape cancels.

    A field the form can't read says why on the line below it and in the line pinned
    above the buttons (outside the scrolled fields, so it is in view whatever is
    focused); a refused save focuses that field. The footer shows the form's keys.
    """

    CSS_PATH: ClassVar[str | list[str | PurePath]] = "forms.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", key_display="^s", id="form-save"),
        Binding("escape", "cancel", "Cancel", key_display="esc", id="form-cancel"),
    ]
    heading = "Edit"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.heading), id="heading")
            with VerticalScroll(id="fields"):
                yield from self.fields()
            # Outside the scrolled fields, so a refused save's reason is always in view.
            yield Static("", id="problem", markup=False)
            with Horizontal(id="buttons"):
                yield Button("Save (^s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")
        yield KeysFooter()

    ATTRIBUTES: ClassVar[dict[str, str]] = {}
    """Each field's id → the attribute of the edited item it shows (when they differ)."""

    _failing: str | None = None
    """The id of the field being read when `build` raised (None: no field's fault)."""
    _problem_field: str | None = None
    """The id of the field the problem shown is about."""

    def on_mount(self) -> None:
        self._initial = {field_id: self._text(field_id) for field_id in self._field_ids()}
        self.query(Input).first().focus()
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """Let the fields scroll in what the screen leaves once the heading, the pinned
        problem line, the buttons and the footer are drawn (a short form stays short)."""
        self.query_one("#fields").styles.max_height = max(3, self.size.height - _CHROME)

    def _field_ids(self) -> list[str]:
        return [w.id for w in self.query("Input, TextArea") if w.id]

    def _text(self, field_id: str) -> str:
        widget = self.query_one(f"#{field_id}")
        return widget.text if isinstance(widget, TextArea) else widget.value  # type: ignore[attr-defined]

    def kept(self, field_id: str, read: Callable[[str], Any]) -> Any:
        """A field's value: as stored if the field is as the form showed it, else read
        (and checked) from its text.

        A save writes only the fields the user changed (`Store.update_contact`), so a
        field left alone must come back exactly as stored: an imported value the form's
        reading would change (spaces trimmed, tags re-split, a comma in a phone), or one
        it would refuse, is kept, and no other program's change to it is questioned.
        """
        initial = getattr(self, "_initial", {})  # (Input.Changed may come before on_mount)
        if field_id in initial and self._text(field_id) == initial[field_id]:
            return getattr(self.item, self.ATTRIBUTES.get(field_id, field_id))
        self._failing = field_id
        value = read(self._text(field_id))
        self._failing = None
        return value

    @property
    def item(self) -> Any:
        """The contact, follow-up or note being edited, as the form opened on it."""
        raise TypeError(f"{type(self).__name__} does not say what it edits")

    def fields(self) -> ComposeResult:
        """The form's labelled inputs (each form lists its own)."""
        yield from ()

    def field(self, label: str, value: str, field_id: str, placeholder: str = "") -> ComposeResult:
        """A label, its input (the cursor at the end of the text, which is not selected:
        a key typed adds to it) and the line that says what is wrong with it."""
        yield Label(label)
        yield Input(value=value, id=field_id, placeholder=placeholder, select_on_focus=False)
        yield Static("", id=f"{field_id}-error", classes="field-error", markup=False)

    def value(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", Input).value

    def build(self) -> Any:
        """The edited object; raises NetuiError with a message for the first bad field."""
        raise TypeError(f"{type(self).__name__} does not say how to build its result")

    def _check(self) -> Any:
        """The edited object, or None with the reason shown (beside the field at fault
        and in the pinned line)."""
        self._failing = None
        try:
            result = self.build()
        except NetuiError as error:
            self._show_problem(f"⚠ {error}", self._failing)
            return None
        self._show_problem("", None)
        return result

    def _show_problem(self, message: str, field_id: str | None) -> None:
        self._problem_field = field_id
        self.query_one("#problem", Static).update(message)
        for line in self.query(".field-error").results(Static):
            at_fault = line.id == f"{field_id}-error"
            line.update(message if at_fault else "")
            line.set_class(at_fault, "-shown")
        for field in self.query("Input, TextArea"):
            field.set_class(field.id == field_id, "-invalid")

    @property
    def failing_field(self) -> Widget | None:
        """The field the shown problem is about, if it is one field's."""
        field_id = self._problem_field
        return self.query_one(f"#{field_id}") if field_id else None

    @on(Input.Changed)
    def _changed(self) -> None:
        self._check()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    @on(Input.Submitted)
    def action_save(self) -> None:
        result = self._check()
        if result is None:
            self.app.bell()
            field = self.failing_field
            if field is not None:
                field.focus()  # (which scrolls it into view)
                for line in self.query(f"#{field.id}-error"):
                    self.call_after_refresh(line.scroll_visible, animate=False)  # its reason too
            return
        if self.stored is not None and result == self.stored:
            self.app.notify("Nothing changed", markup=False)
            self.dismiss(None)
            return
        self.save(result)

    @property
    def stored(self) -> Any:
        """The item as saved, when the form knows it (None: it does not), to tell a
        save that changes nothing: that one writes nothing and says so."""
        return None

    def save(self, result: Any) -> None:
        """Close the form with `result` (a form may ask something first)."""
        self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @property
    def today(self) -> date:
        today: date = self.app.today  # type: ignore[attr-defined]
        return today


class ContactForm(FormScreen):
    """Every field of a contact."""

    ATTRIBUTES: ClassVar[dict[str, str]] = {"cadence": "cadence_days"}

    def __init__(
        self,
        contact: Contact,
        contacts: list[Contact],
        defaults: CadenceDefaults | None = None,
    ) -> None:
        super().__init__()
        self.contact = contact
        self.contacts = contacts
        self.index = ContactIndex(contacts)
        self.by_id: dict[int, Contact] = {c.id: c for c in contacts if c.id is not None}
        self.defaults = defaults
        """The default rhythms by tag and status, to say which one applies if none is set."""
        self.heading = "New contact" if contact.id is None else f"Edit contact: {contact.name}"

    def fields(self) -> ComposeResult:
        c = self.contact
        referrer = self.by_id.get(c.referred_by) if c.referred_by is not None else None
        yield from self.field("Name", c.name, "name")
        yield from self.field("Title", c.title, "title")
        yield from self.field("Company", c.company, "company")
        yield from self.field("Email", c.email, "email")
        yield from self.field(
            "Other emails",
            _joined(c.other_emails),
            "other_emails",
            "home@example.com, work@example.com (separate with , or ;)",
        )
        yield from self.field("Phone", c.phone, "phone")
        yield from self.field(
            "Other phones",
            _joined(c.other_phones),
            "other_phones",
            "+1 555 0100, +44 20 7946 0000 (separate with , or ;)",
        )
        yield from self.field("LinkedIn", c.linkedin, "linkedin")
        yield from self.field(
            "Other links",
            _joined(c.other_urls),
            "other_urls",
            "https://example.com, https://github.com/… (separate with , or ;)",
        )
        yield from self.field("Tags", " ".join(c.tags), "tags", "ux fintech")
        yield from self.field("How we met", c.how_met, "how_met")
        yield from self.field("Referred by", referrer.name if referrer else "", "referred_by")
        yield Label("Status")
        yield Select([(s.value, s) for s in Status], value=c.status, allow_blank=False, id="status")
        yield from self.field(
            "Keep in touch every (days, or 2w / 1m / 3m / 6m; empty for none)",
            str(c.cadence_days or ""),
            "cadence",
            "2w, 1m, 3m, 6m or a number of days",
        )
        yield Static("", id="cadence-preview", markup=False)

    def on_mount(self) -> None:
        super().on_mount()
        self._show_rhythm()

    @on(Select.Changed, "#status")
    def _show_rhythm(self) -> None:
        """Say what the rhythm field means: a preset by name, or the default that applies
        when it is empty (by tag, else by status)."""
        preview = self.query_one("#cadence-preview", Static)
        try:
            days = validate.check_cadence(self.value("cadence"))
        except NetuiError:
            preview.update("")
            return
        if days:
            preview.update(f"→ every {cadence_label(days)}")
            return
        draft = replace(
            self.contact,
            cadence_days=None,
            tags=validate.check_tags(self.value("tags")),
            status=self.query_one("#status", Select).value,  # type: ignore[arg-type]
        )
        default = effective_cadence(draft, self.defaults)
        preview.update(
            f"→ none of their own: every {cadence_label(default)} (the default)"
            if default
            else "→ no rhythm"
        )

    @property
    def item(self) -> Contact:
        return self.contact

    @property
    def stored(self) -> Contact | None:
        """The contact as the app's view has them (the form may come back with edits
        that failed to save: those are still changes)."""
        return self.by_id.get(self.contact.id) if self.contact.id is not None else None

    def save(self, result: Any) -> None:
        if self.contact.id is not None:  # (an edit: the person is here already)
            self.dismiss(result)
            return
        self.run_worker(self._save_new(result), group="save", exclusive=True)

    async def _save_new(self, contact: Contact) -> None:
        """Save a new contact, unless they may be here already: then ask first."""
        look = partial(likely_matches, contact, self.contacts, default_region())
        matches = await asyncio.to_thread(look)  # (15-80 ms at 30,000 contacts)
        if not matches:
            self.dismiss(contact)
            return
        ask = DuplicateScreen(contact.name, matches)
        self.app.push_screen(
            ask, partial(follow_answer, self, existing=matches[0][0], result=contact)
        )

    def _referrer(self, text: str) -> int | None:
        """The referrer named, refused if it closes a loop (`netui.referrals`)."""
        referrer = validate.check_contact_ref(text, self.index, exclude=self.contact.id)
        refuse_loop(self.contact.id, referrer, self.by_id)
        return referrer

    def build(self) -> Contact:
        self._show_rhythm()
        strip = str.strip
        return replace(
            self.contact,
            name=self.kept("name", validate.check_name),
            title=self.kept("title", strip),
            company=self.kept("company", strip),
            email=self.kept("email", validate.check_email),
            other_emails=self.kept("other_emails", validate.check_emails),
            phone=self.kept("phone", strip),
            other_phones=self.kept("other_phones", validate.check_list),
            linkedin=self.kept("linkedin", strip),
            other_urls=self.kept("other_urls", validate.check_list),
            tags=self.kept("tags", validate.check_tags),
            how_met=self.kept("how_met", strip),
            referred_by=self.kept("referred_by", self._referrer),
            status=self.query_one("#status", Select).value,  # type: ignore[arg-type]
            cadence_days=self.kept("cadence", validate.check_cadence),
        )


def _joined(items: tuple[str, ...]) -> str:
    """A list of other emails, phones or links as its field shows it."""
    return ITEM_SEPARATOR.join(items)


class FollowUpForm(FormScreen):
    """A follow-up's task, due date (any date phrase) and contact."""

    ATTRIBUTES: ClassVar[dict[str, str]] = {"contact": "contact_id"}

    def __init__(self, followup: FollowUp, contacts: list[Contact]) -> None:
        super().__init__()
        self.followup = followup
        self.index = ContactIndex(contacts)
        self.by_id = {c.id: c for c in contacts}
        self.heading = "Edit follow-up"

    def fields(self) -> ComposeResult:
        f = self.followup
        contact = self.by_id.get(f.contact_id)
        yield from self.field("Task", f.text, "text")
        yield from self.field("Due", f.due.isoformat(), "due", "friday, dec 3, in 2 weeks")
        yield Static("", id="due-preview", markup=False)
        yield from self.field("Contact", contact.name if contact else "", "contact")

    @property
    def item(self) -> FollowUp:
        return self.followup

    @property
    def stored(self) -> FollowUp | None:
        """The follow-up as it was read (a save that changes nothing writes nothing)."""
        return self.followup if self.followup.id is not None else None

    def build(self) -> FollowUp:
        def task(text: str) -> str:
            if not text.strip():
                raise QuickAddError("the follow-up needs a task")
            return text.strip()

        due = self.kept("due", lambda text: validate.check_date(text, self.today))
        self.query_one("#due-preview", Static).update(f"→ {format_date(due, self.today)}")
        return replace(
            self.followup,
            text=self.kept("text", task),
            due=due,
            contact_id=self.kept(
                "contact", lambda text: validate.check_contact_ref(text, self.index)
            ),
        )


class NoteForm(FormScreen):
    """A note's date, kind, contact and (multi-line) text, which `^g` opens in $EDITOR."""

    ATTRIBUTES: ClassVar[dict[str, str]] = {"contact": "contact_id"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+g", "editor", "Editor", key_display="^g", tooltip="Write in $EDITOR"),
    ]

    def __init__(self, note: Note, contacts: list[Contact]) -> None:
        super().__init__()
        self.note = note
        self.index = ContactIndex(contacts)
        self.by_id = {c.id: c for c in contacts}
        self.heading = "Edit note"

    def fields(self) -> ComposeResult:
        n = self.note
        contact = self.by_id.get(n.contact_id)
        yield from self.field("Date", n.date.isoformat(), "date", "yesterday, monday, dec 3")
        yield Label("Kind")
        yield Select([(k.value, k) for k in NoteKind], value=n.kind, allow_blank=False, id="kind")
        yield from self.field("Contact", contact.name if contact else "", "contact")
        yield Label("Text (^g: write it in your $EDITOR)")
        yield TextArea(n.text, id="text", soft_wrap=True)
        yield Static("", id="text-error", classes="field-error", markup=False)

    @property
    def item(self) -> Note:
        return self.note

    @property
    def stored(self) -> Note | None:
        """The note as it was read (a save that changes nothing writes nothing)."""
        return self.note if self.note.id is not None else None

    async def action_editor(self) -> None:
        """Write the note's text in the user's editor; it comes back into the field."""
        from netui.ui.editor import edit_in_editor

        area = self.query_one("#text", TextArea)
        text = await edit_in_editor(self.app, area.text)
        if text is not None:
            area.load_text(text)
            area.focus()
            area.move_cursor(area.document.end)

    def build(self) -> Note:
        def text(value: str) -> str:
            if not value.strip():
                raise QuickAddError("the note is empty")
            return value.strip()

        return replace(
            self.note,
            date=self.kept("date", lambda t: validate.check_date(t, self.today, past=True)),
            kind=self.query_one("#kind", Select).value,  # type: ignore[arg-type]
            contact_id=self.kept("contact", lambda t: validate.check_contact_ref(t, self.index)),
            text=self.kept("text", text),
        )
