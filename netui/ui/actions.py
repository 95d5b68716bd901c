"""Workflow steps several screens share: each screen binds the key, this does the step.

Quick add, mark done, snooze, delete, edit, undo: the dialog to ask, the store change to
make through `app.change`, the message to show. Called from a `@work(group="dialog")`
action, so that a step can wait for its dialog (and for the conflict dialog, if another
program changed what it changes). Screens import this module; it imports dialogs only,
never a screen.
"""

from __future__ import annotations

from typing import Any

from netui import quickadd
from netui.dates import format_date
from netui.model import Contact, FollowUp, Note, NoteKind
from netui.quickadd import ContactDraft, FollowUpDraft, NoteDraft
from netui.rhythm import effective_cadence
from netui.store import deletion_summary
from netui.ui.dialogs.confirm import ConfirmScreen
from netui.ui.dialogs.forms import ContactForm, FollowUpForm, NoteForm
from netui.ui.dialogs.quick_add import QuickAddScreen
from netui.ui.dialogs.snooze import SnoozeScreen


async def undo_last(app: Any) -> None:
    """Undo this session's last change, saying what was undone (or why not)."""
    if not app.store.history:
        app.notify("Nothing to undo")
        return
    undone = await app.change(app.store.undo, action="undo")
    if undone is not None:
        app.notify(f"Undid: {undone}", markup=False)


async def quick_add(app, kind: str, prefill: str) -> None:
    """Open the quick-add bar and save its line; if the save fails (a full disk, a file
    changed into something unreadable), the bar comes back with the text, so that
    nothing typed is lost."""

    text = prefill
    while True:
        result = await app.push_screen_wait(QuickAddScreen(kind, text))
        if result is None or await save_quick_add(app, result):
            return
        text = result.text


async def save_quick_add(app, result) -> bool:
    """Save a quick-add result; for an unknown name, offer to create the contact first."""

    if result.unknown_contact is None:
        return await save_draft(app, result.draft, result.note_kind)
    name = result.unknown_contact
    if not await app.push_screen_wait(
        ConfirmScreen(f"No contact matches '{name}'. Create {name} as a new contact?", "Create")
    ):
        return False  # back to the bar with the text, so nothing typed is lost
    if await app.change(app.store.add_contact, Contact(name=name)) is None:
        return False
    contacts = app.store.contacts()
    parse = quickadd.parse_followup if result.kind == "followup" else quickadd.parse_note
    return await save_draft(app, parse(result.text, contacts, app.today), result.note_kind)


async def save_draft(
    app, draft: ContactDraft | FollowUpDraft | NoteDraft, kind: NoteKind = NoteKind.NOTE
) -> bool:
    """Save what a quick-add line described; True if it was saved."""
    store = app.store
    if isinstance(draft, ContactDraft):
        saved = await app.change(store.add_contact, draft.to_contact())
        label = f"Added {draft.name}"
    elif isinstance(draft, FollowUpDraft):
        contact_id = draft.contact.id if draft.contact else None
        saved = await app.change(store.add_followup, FollowUp(draft.text, draft.due, contact_id))
        label = f"Follow-up due {format_date(draft.due, app.today)}: {draft.text}"
    else:
        contact_id = draft.contact.id if draft.contact else None
        saved = await app.change(store.add_note, Note(draft.text, draft.date, contact_id, kind))
        label = f"Note saved ({format_date(draft.date, app.today)})"
    if saved is not None:
        app.notify(label, markup=False)
    return saved is not None


async def complete_followup(app, followup_id: int) -> FollowUp | None:
    """Mark a follow-up done; the contact's rhythm (own, or by tag or status) schedules
    the next touch."""

    store = app.store
    followup = store.followup(followup_id)
    days = None
    if followup.contact_id is not None:
        contact = store.contact(followup.contact_id)
        days = effective_cadence(contact, store.cadence_defaults())
    return await app.change(store.complete_followup, followup_id, days)


async def snooze(app, followup: FollowUp) -> None:
    """Ask how long, then move the follow-up's due date."""

    until = await app.push_screen_wait(SnoozeScreen(followup))
    if until is not None and followup.id is not None:
        saved = await app.change(app.store.snooze_followup, followup.id, until)
        if saved:
            app.notify(f"Snoozed to {format_date(until, app.today)}: {followup.text}", markup=False)


async def delete_item(app, pane_id: str, item_id: int) -> None:
    """Confirm (saying what goes with it), then delete a contact, follow-up or note."""

    store = app.store
    if pane_id == "contacts":
        contact = store.contact(item_id)
        notes = len(store.notes(item_id))
        followups = len(store.followups(include_done=True, contact_id=item_id))
        question = f"Delete {deletion_summary(contact.name, notes, followups)}?"
        delete = store.delete_contact
    elif pane_id == "followups":
        question = f"Delete the follow-up '{store.followup(item_id).text}'?"
        delete = store.delete_followup
    else:
        note = store.note(item_id)
        question = f"Delete the note of {format_date(note.date, app.today)}?"
        delete = store.delete_note
    if await app.push_screen_wait(ConfirmScreen(question, "Delete")):
        deleted = await app.change(delete, item_id)
        if deleted:
            app.notify(f"Deleted {deleted} (ctrl+z to undo)", markup=False)


async def edit_item(app: Any, kind: str, item_id: int) -> None:
    """Open the form for a contact, follow-up or note, and save what it returns.

    Only the fields changed in the form are saved, onto the item as it is in the file
    then (`base` is the item as the form opened on it): a change made meanwhile by another
    program to another field is kept, and one to the same field is shown and asked about
    (`app.change`). If the save fails, the form comes back with the edits, so that
    nothing is lost.
    """

    store = app.store
    contacts = store.contacts()
    forms = {
        "contacts": (ContactForm, store.contact, store.update_contact),
        "followups": (FollowUpForm, store.followup, store.update_followup),
        "notes": (NoteForm, store.note, store.update_note),
    }
    form, read, save = forms[kind]
    base = shown = read(item_id)
    extra = (store.cadence_defaults(),) if kind == "contacts" else ()
    while True:
        edited = await app.push_screen_wait(form(shown, contacts, *extra))
        if edited is None:
            return
        if await app.change(save, edited, base) is not None:
            app.notify("Saved")
            return
        shown = edited
