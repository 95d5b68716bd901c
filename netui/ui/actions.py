"""Workflow steps several screens share: each screen binds the key, this does the step.

Quick add, mark done, snooze, delete, edit, undo, redo: the dialog to ask, the store change to
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
from netui.readmodel import View
from netui.rhythm import effective_cadence
from netui.store import deletion_summary
from netui.ui.dialogs.confirm import ConfirmScreen
from netui.ui.dialogs.forms import ContactForm, FollowUpForm, NoteForm
from netui.ui.dialogs.quick_add import QuickAddResult, QuickAddScreen
from netui.ui.dialogs.snooze import SnoozeScreen


async def undo_last(app: Any) -> None:
    """Undo this session's last change, saying what was undone (or why not)."""
    if not app.store.history:
        app.notify("Nothing to undo")
        return
    undone = await app.change(app.store.undo, action="undo")
    if undone is not None:
        app.notify(f"Undid: {undone}", markup=False)


async def redo_last(app: Any) -> None:
    """Redo what undo last undid, saying what was redone (or why not)."""
    if not await app.call_store(app.store.redo_list):
        app.notify("Nothing to redo")
        return
    redone = await app.change(app.store.redo, action="redo")
    if redone is not None:
        app.notify(f"Redid: {redone}", markup=False)


async def quick_add(app: Any, kind: str, prefill: str) -> object | None:
    """Open the quick-add bar and save its line; the saved contact, follow-up or note
    (None if the bar was left). If the save fails (a full disk, a file changed into
    something unreadable), the bar comes back with the text, so that nothing typed is
    lost."""

    text = prefill
    while True:
        result: QuickAddResult | None = await app.push_screen_wait(QuickAddScreen(kind, text))
        if result is None:
            return None
        if (saved := await save_quick_add(app, result)) is not None:
            return saved
        text = result.text


async def save_quick_add(app: Any, result: QuickAddResult) -> object | None:
    """Save a quick-add result (the saved item, None if nothing was); for an unknown name,
    offer to create the contact first."""

    if result.unknown_contact is None:
        assert result.draft is not None  # the bar gives a draft or an unknown name
        return await save_draft(app, result.draft, result.note_kind)
    name = result.unknown_contact
    if not await app.push_screen_wait(
        ConfirmScreen(f"No contact matches '{name}'. Create {name} as a new contact?", "Create")
    ):
        return None  # back to the bar with the text, so nothing typed is lost
    if await app.change(app.store.add_contact, Contact(name=name)) is None:
        return None
    contacts = list((await app.snapshot()).network.contacts)
    parse = quickadd.parse_followup if result.kind == "followup" else quickadd.parse_note
    return await save_draft(app, parse(result.text, contacts, app.today), result.note_kind)


async def save_draft(
    app: Any,
    draft: ContactDraft | FollowUpDraft | NoteDraft,
    kind: NoteKind = NoteKind.NOTE,
) -> object | None:
    """Save what a quick-add line described; the saved item, None if it wasn't."""
    store = app.store
    if isinstance(draft, ContactDraft):
        saved = await app.change(store.add_contact, draft.to_contact())
        label = f"Added {draft.name}"
    elif isinstance(draft, FollowUpDraft):
        saved = await app.change(store.add_followup, draft.to_followup())
        label = f"Follow-up due {format_date(draft.due, app.today)}: {draft.text}"
    else:
        contact_id = draft.contact.id if draft.contact else None
        saved = await app.change(store.add_note, Note(draft.text, draft.date, contact_id, kind))
        what = "Note" if kind is NoteKind.NOTE else f"{str(kind).capitalize()} note"
        label = f"{what} saved ({format_date(draft.date, app.today)})"
    if saved is not None:
        app.notify(label, markup=False)
    saved_item: object | None = saved
    return saved_item


async def complete_followup(app: Any, followup_id: int) -> FollowUp | None:
    """Mark a follow-up done; the contact's rhythm (own, or by tag or status) schedules
    the next touch."""

    view = await _view(app)
    followup = view.followup(followup_id)
    contact = view.contact(followup.contact_id) if followup else None
    days = effective_cadence(contact, view.settings.defaults) if contact else None
    done: FollowUp | None = await app.change(app.store.complete_followup, followup_id, days)
    return done


async def snooze(app: Any, followup: FollowUp) -> None:
    """Ask how long, then move the follow-up's due date."""

    until = await app.push_screen_wait(SnoozeScreen(followup))
    if until is not None and followup.id is not None:
        saved = await app.change(app.store.snooze_followup, followup.id, until)
        if saved:
            app.notify(
                f"Snoozed to {format_date(until, app.today)}: {followup.text}",
                markup=False,
            )


async def delete_item(app: Any, pane_id: str, item_id: int) -> None:
    """Confirm (saying what goes with it), then delete a contact, follow-up or note."""

    store, view = app.store, await _view(app)
    item = _item(view, pane_id, item_id)
    if item is None:
        app.notify("That is gone already (changed by another program).", markup=False)
        return
    if isinstance(item, Contact):
        notes = len(view.notes_of(item_id))
        followups = len(view.followups_of(item_id, include_done=True))
        question = f"Delete {deletion_summary(item.name, notes, followups)}?"
        delete = store.delete_contact
    elif isinstance(item, FollowUp):
        question = f"Delete the follow-up '{item.text}'?"
        delete = store.delete_followup
    else:
        question = f"Delete the note of {format_date(item.date, app.today)}?"
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

    store, view = app.store, await _view(app)
    contacts = list(view.network.contacts)
    forms = {
        "contacts": (ContactForm, store.update_contact),
        "followups": (FollowUpForm, store.update_followup),
        "notes": (NoteForm, store.update_note),
    }
    form, save = forms[kind]
    base = shown = _item(view, kind, item_id)
    if base is None:
        app.notify("That is gone already (changed by another program).", markup=False)
        return
    extra = (view.settings.defaults,) if kind == "contacts" else ()
    while True:
        edited = await app.push_screen_wait(form(shown, contacts, *extra))
        if edited is None:
            return
        if await app.change(save, edited, base) is not None:
            app.notify("Saved")
            return
        shown = edited


async def _view(app: Any) -> View:
    """The read model the screens show (made now if the app has none yet)."""
    view: View = app.view if app.view is not None else await app.snapshot()
    return view


def _item(view: View, kind: str, item_id: int) -> Contact | FollowUp | Note | None:
    """A contact, follow-up or note of the view, by the pane it is in."""
    if kind == "contacts":
        return view.contact(item_id)
    if kind == "followups":
        return view.followup(item_id)
    return view.note(item_id)
