"""The main screen: Contacts, Follow-ups and Notes.

Wide (100 columns and more): Contacts on the left, the Follow-ups over the Notes on the
right; the focused side takes the larger share of the width (Follow-ups and Notes get
the room for a whole task line). Narrow: the three panes stacked, the focused one tall,
each of the others a few rows (so that the selected contact's follow-ups and notes stay
in view). Short (under 18 rows): the focused pane alone, the others a title line each;
a screen that starts that small starts on the day's follow-ups.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import partial
from pathlib import PurePath
from typing import Any, ClassVar

from rich.cells import cell_len
from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from netui.dates import format_date
from netui.model import Contact
from netui.readmodel import View
from netui.text import plural
from netui.ui.messages import StoreChanged
from netui.ui.widgets.contacts_pane import ContactSort, ContactsPane
from netui.ui.widgets.followups_pane import ADVICE_MARK, FollowUpsPane
from netui.ui.widgets.footer import KeysFooter
from netui.ui.widgets.notes_pane import NotesPane
from netui.ui.widgets.pane import Pane
from netui.ui.widgets.virtual_list import VirtualList

NARROW = 100
"""Below this width the panes stack instead of standing side by side."""
SHORT = 18
"""Below this height only the focused pane has rows; the others are a title line each."""
FRAME_OUT = 0.1
"""Seconds given to Textual's output thread to write the first frame (from the start-up
view) before the file is read."""


class StatusLine(Static):
    """The data file, the counts and the last save (or the file's problem)."""


def _fit_status(parts: list[str], width: int) -> str:
    """The status line's parts (the file first), joined; below `NARROW` columns the file
    shrinks to its name, or goes, so that the counts, the date and a problem show."""
    text = "  ·  ".join(parts)
    room = width - 2  # (the line's padding)
    if width >= NARROW or cell_len(text) <= room:
        return text
    shorter = "  ·  ".join([PurePath(parts[0]).name, *parts[1:]])
    return shorter if cell_len(shorter) <= room else "  ·  ".join(parts[1:])


class MainScreen(Screen[None]):
    """Contacts, follow-ups and notes, driven from the keyboard."""

    CSS_PATH = "main.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "focus_pane('contacts')", "Contacts", show=False),
        Binding("2", "focus_pane('followups')", "Follow-ups", show=False),
        Binding("3", "focus_pane('notes')", "Notes", show=False),
        Binding(
            "a", "quick_add('contact')", "Contact", tooltip="Quick-add a contact", id="add-contact"
        ),
        Binding(
            "f",
            "quick_add('followup')",
            "Follow-up",
            tooltip="Quick-add a follow-up",
            id="add-followup",
        ),
        Binding("n", "quick_add('note')", "Note", tooltip="Quick-add a note", id="add-note"),
        Binding(
            "m",
            "log_meeting",
            "Meeting",
            tooltip="Log a meeting and its outcomes",
            id="log-meeting",
        ),
        Binding("w", "write", "Write", tooltip="Draft the message that is due", id="write"),
        Binding("e", "edit", "Edit", id="edit"),
        Binding("d", "done", "Done", id="done"),
        Binding("s", "snooze", "Snooze", id="snooze"),
        Binding(
            "v",
            "advice",
            "Advice",
            tooltip="Mark the follow-up as acting on their advice (or not)",
            id="advice",
        ),
        Binding("ctrl+z", "undo", "Undo", key_display="^z", id="undo"),
        Binding("slash", "filter", "Filter", key_display="/", id="filter"),
        Binding("h", "toggle_done", "Show done", id="toggle-done"),
        Binding("o", "sort", "Sort", id="sort"),
        Binding("x", "delete", "Delete", id="delete"),
        Binding("p", "prep", "Prep", tooltip="Prepare a meeting", id="prep"),
        Binding("r", "review", "Review", tooltip="Daily review", id="review"),
        Binding("t", "referrals", "Referral tree", show=False, id="referrals"),
        Binding("c", "companies", "Companies", show=False, id="companies"),
    ]

    FOOTER_DROPS: ClassVar[tuple[str, ...]] = (
        "advice",
        "prep",
        "history",
        "delete",
        "toggle-done",
        "filter",
        "edit",
        "undo",
        "jump",
        "log-meeting",
        "add-note",
        "add-contact",
        "add-followup",
        "sort",
    )
    """The keys the footer leaves out when short of room, first to last (the app's `u` and
    `^o` included; a pane's own `d Done`, `s Snooze` and `o Sort`, and `? q r`, stay
    longest)."""

    def __init__(self) -> None:
        super().__init__()
        self.view: View | None = None
        """The read model the panes show (`NetuiApp.snapshot`)."""
        self._last_save = ""
        self._related_due = False

    def compose(self) -> ComposeResult:
        yield Static(id="read-only", markup=False)
        yield StatusLine(id="status", markup=False)
        with Horizontal(id="panes"):
            yield ContactsPane()
            with Vertical(id="side"):
                yield FollowUpsPane()
                yield NotesPane()
        yield KeysFooter(compact=True)

    def on_mount(self) -> None:
        width, height = self.app.size
        short = height < SHORT
        self._set_size_classes(width, height)
        # A terminal too short for more than one pane starts on the day's follow-ups.
        self.set_focus(self.query_one("#followups-list" if short else "#contacts-list"))
        start = self.app.start  # type: ignore[attr-defined]
        if start is None:
            # Paint the frame at once; the rows follow when the store thread has them.
            self.run_worker(self.refresh_data(), group="refresh")
            return
        # The first frame from the start-up view; the file is read once that frame is on
        # its way to the terminal: parsing it holds the interpreter for a few tenths of a
        # second, and Textual's output thread would wait with the frame.
        self.view = start
        self._redraw()
        self.call_after_refresh(self.set_timer, FRAME_OUT, self._read_the_file)

    def _read_the_file(self) -> None:
        self.run_worker(self.refresh_data(), group="refresh")

    def on_resize(self) -> None:
        self._set_size_classes(*self.size)

    def on_screen_resume(self) -> None:
        # (A resize while a dialog was on top reached only that dialog.)
        self._set_size_classes(*self.app.size)

    def _set_size_classes(self, width: int, height: int) -> None:
        """One of `-wide`, `-narrow` and `-short` (main.tcss lays each out)."""
        short = height < SHORT
        self.set_class(not short and width >= NARROW, "-wide")
        self.set_class(not short and width < NARROW, "-narrow")
        self.set_class(short, "-short")
        self._update_status()

    # --- data -------------------------------------------------------------------------------

    @property
    def today(self) -> date:
        today: date = self.app.today  # type: ignore[attr-defined]
        return today

    @property
    def store(self) -> Any:
        """The store, whose methods are handed to `app.change` (never called here)."""
        return self.app.store  # type: ignore[attr-defined]

    async def on_store_changed(self, message: StoreChanged) -> None:
        if message.saved_here:
            self._last_save = f"saved {self.app.clock():%H:%M:%S}"  # type: ignore[attr-defined]
        await self.refresh_data()

    async def refresh_data(self) -> None:
        """Redraw every pane from the read model, keeping each cursor where it was.

        The view is made on the store's thread (`NetuiApp.snapshot`): after a re-read of
        a LinkedIn-sized file that takes a while, and the screen stays responsive.
        """
        view = await self.app.snapshot()  # type: ignore[attr-defined]
        if view is not self.view:
            self.view = view
            self._redraw()
            self.call_after_refresh(self.app.view_shown)  # type: ignore[attr-defined]
        else:
            self._update_status()

    def _redraw(self) -> None:
        if self.view is None:
            return
        self.query_one(ContactsPane).show(self.view)
        self._show_related(rebuild=True)
        self._update_status()

    def _show_related(self, *, rebuild: bool = False) -> None:
        """The follow-ups (the selected contact's marked) and the selected contact's notes.

        On a cursor move only the mark moves: the follow-ups' rows stay as they are."""
        view = self.view
        if view is None:
            return
        contact_id = self.selected_contact_id
        followups = self.query_one(FollowUpsPane)
        if rebuild or followups.view is not view:
            followups.show(view, contact_id)
        else:
            followups.mark(contact_id)
        self._show_notes(rebuild=rebuild)

    def _notes_contact_id(self) -> int | None:
        """Whose notes the Notes pane shows: it follows the selection of the focused pane
        (the highlighted follow-up's contact with Follow-ups focused; with Notes focused,
        whoever it shows already), else the contact selected in Contacts."""
        pane = self.focused_pane
        notes = self.query_one(NotesPane)
        if pane is notes and notes.view is not None:
            return notes.contact_id
        if pane is not None and pane.id == "followups" and self.view is not None:
            followup = self.view.followup(self._selected("followups"))
            if followup is not None:
                return followup.contact_id
        return self.selected_contact_id

    def _show_notes(self, *, rebuild: bool = False) -> None:
        view = self.view
        if view is None:
            return
        notes = self.query_one(NotesPane)
        contact_id = self._notes_contact_id()
        if rebuild or notes.view is not view or notes.contact_id != contact_id:
            notes.show(view, contact_id)

    def _update_status(self) -> None:
        view = self.view
        if view is None:
            return
        overdue = view.overdue()
        parts = [
            view.settings.path,
            plural(view.contact_count(), "contact"),
            plural(view.open_followups(), "open follow-up")
            + (f" ({overdue} overdue)" if overdue else ""),
            format_date(view.today, view.today),
        ]
        problem = self.app.file_problem  # type: ignore[attr-defined]
        if problem:
            parts.append(f"⚠ {problem}")
        elif self._last_save:
            parts.append(self._last_save)
        status = self.query_one(StatusLine)
        status.update(Content(_fit_status(parts, self.app.size.width)))
        status.set_class(bool(problem), "-problem")
        read_only = view.settings.read_only
        banner = self.query_one("#read-only", Static)
        banner.update(
            Content(f"Read-only — nothing can be saved: {read_only}" if read_only else "")
        )
        banner.display = bool(read_only)

    # --- selection --------------------------------------------------------------------------

    @property
    def selected_contact_id(self) -> int | None:
        key = self.query_one("#contacts-list", VirtualList).cursor_key
        return key if isinstance(key, int) else None

    @property
    def focused_pane(self) -> Pane | None:
        focused = self.focused
        while focused is not None and not isinstance(focused, Pane):
            focused = focused.parent  # type: ignore[assignment]
        return focused

    def _selected(self, pane_id: str) -> int | None:
        key = self.query_one(f"#{pane_id}-list", VirtualList).cursor_key
        return key if isinstance(key, int) else None

    @on(VirtualList.Highlighted, "#contacts-list")
    def _contact_moved(self) -> None:
        # After the list has painted its own change (a filter letter, a cursor move):
        # the follow-ups' marks and the notes follow a frame later, once per frame.
        if not self._related_due:
            self._related_due = True
            self.call_after_refresh(self._show_related_now)

    def _show_related_now(self) -> None:
        self._related_due = False
        self._show_related()

    @on(VirtualList.Highlighted, "#followups-list")
    def _followup_moved(self) -> None:
        # With Follow-ups focused, the Notes pane shows the highlighted follow-up's contact.
        pane = self.focused_pane
        if pane is not None and pane.id == "followups" and not self._related_due:
            self._related_due = True
            self.call_after_refresh(self._show_related_now)

    def on_descendant_focus(self) -> None:
        """Another pane focused: the layout gives it the room, the Notes pane follows its
        selection."""
        pane = self.focused_pane
        for pane_id in ("contacts", "followups", "notes"):
            self.set_class(pane is not None and pane.id == pane_id, f"-focus-{pane_id}")
        self._show_notes()

    @on(VirtualList.Highlighted, "#notes-list")
    def _note_moved(self, event: VirtualList.Highlighted) -> None:
        self.query_one(NotesPane).show_text(event.key)

    @on(VirtualList.Selected)
    def _open(self, event: VirtualList.Selected) -> None:
        self.action_open()

    # --- actions ----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        pane = self.focused_pane
        pane_id = pane.id if pane else None
        # Keys of one pane are hidden elsewhere, so the footer shows what matters here.
        if action in ("done", "snooze", "toggle_done", "advice"):
            return pane_id == "followups"
        if action == "sort":
            return pane_id == "contacts"
        if action in ("edit", "delete"):
            return (pane_id is not None and self._selected(pane_id) is not None) or None
        return True

    def action_focus_pane(self, pane_id: str) -> None:
        self.query_one(f"#{pane_id}-list").focus()

    def action_filter(self) -> None:
        pane = self.focused_pane or self.query_one(ContactsPane)
        pane.start_filter()

    def action_sort(self) -> None:
        pane = self.query_one(ContactsPane)
        order = list(ContactSort)
        pane.sort = order[(order.index(pane.sort) + 1) % len(order)]
        if self.view is not None:
            pane.show(self.view)
        self.notify(f"Contacts sorted by {pane.sort}")

    def action_toggle_done(self) -> None:
        pane = self.query_one(FollowUpsPane)
        pane.show_done = not pane.show_done
        self._show_related(rebuild=True)

    def action_review(self) -> None:
        self.app.open_screen("review")  # type: ignore[attr-defined]

    def action_open(self) -> None:
        pane = self.focused_pane
        contact_id = self.selected_contact_id
        if pane is not None and pane.id != "contacts":
            item_id = self._selected(pane.id or "")
            if item_id is None:
                return
            if pane.id == "followups":
                followup = self.view.followup(item_id) if self.view else None
                contact_id = followup.contact_id if followup else None
                if contact_id is None:
                    self.action_edit()
                    return
            else:
                self.action_edit()
                return
        if contact_id is not None:
            self.app.open_screen("contact", contact_id)  # type: ignore[attr-defined]

    @work(exclusive=True, group="dialog")
    async def action_quick_add(self, kind: str) -> None:
        contact = self.view.contact(self.selected_contact_id) if self.view else None
        prefill = f"{contact.name}: " if contact and kind != "contact" else ""
        from netui.ui.actions import quick_add  # (imported at first use)

        saved = await quick_add(self.app, kind, prefill)
        if isinstance(saved, Contact) and saved.id is not None:
            await self._select_new_contact(saved.id)

    def reveal(self, kind: str, item_id: int) -> None:
        """Show an item in its pane: focus the pane, clear a filter that hides the item,
        select its row (`kind`: "contact", "followup" or "note"). A done follow-up is
        shown with the done ones; a note is shown among its contact's notes, with that
        contact selected in Contacts."""
        view = self.view
        if view is None:
            return
        if kind == "contact":
            self._select_in(self.query_one(ContactsPane), item_id)
        elif kind == "followup":
            followups = self.query_one(FollowUpsPane)
            followup = view.followup(item_id)
            if followup is None:
                return
            if followup.done is not None and not followups.show_done:
                followups.show_done = True
                self._show_related(rebuild=True)
            self._select_in(followups, item_id)
        elif kind == "note":
            note = view.note(item_id)
            if note is None:
                return
            if note.contact_id is not None:
                self._select_in(self.query_one(ContactsPane), note.contact_id, focus=False)
            notes = self.query_one(NotesPane)
            notes.show(view, note.contact_id)
            self._select_in(notes, item_id)
        else:
            raise ValueError(f"reveal: unknown kind {kind!r}")

    def _select_in(self, pane: Pane, key: int, *, focus: bool = True) -> None:
        """Put `pane`'s cursor on `key`, clearing its filter if that hides the row; focus
        the pane's list (at once, so that what follows the focus sees it)."""
        if not pane.list.select_key(key) and pane.filter_text:
            pane.clear_filter(focus=False)
            pane.list.select_key(key)
        if focus:
            self.set_focus(pane.list)

    async def _select_new_contact(self, contact_id: int) -> None:
        """Put the cursor on a contact just added (so that `f` or `n` is for them), in
        the Contacts pane, clearing a filter that hides them."""
        await self.refresh_data()
        pane = self.query_one(ContactsPane)
        if not pane.list.select_key(contact_id) and pane.filter_text:
            pane.clear_filter()
            pane.list.select_key(contact_id)
        pane.list.focus()
        self._show_related()

    @work(exclusive=True, group="dialog")
    async def action_edit(self) -> None:
        pane = self.focused_pane
        if pane is None:
            return
        item_id = self._selected(pane.id or "")
        if item_id is not None:
            from netui.ui.actions import edit_item  # (imported at first use)

            await edit_item(self.app, pane.id or "", item_id)

    async def action_done(self) -> None:
        followup_id = self._selected("followups")
        if followup_id is None:
            return
        followup = self.view.followup(followup_id) if self.view else None
        if followup is not None and followup.done is not None:
            saved = await self.app.change(self.store.reopen_followup, followup_id)  # type: ignore[attr-defined]
            if saved:
                self.notify(f"Reopened: {saved.text}", markup=False)
            return
        from netui.ui.actions import complete_followup  # (imported at first use)

        saved = await complete_followup(self.app, followup_id)
        if saved:
            self.notify(f"Done: {saved.text}", markup=False)

    async def action_advice(self) -> None:
        """Mark the selected follow-up as acting on its contact's advice, or unmark it (the
        close-the-loop ledger asks to tell them what came of it once it is done)."""
        followup_id = self._selected("followups")
        followup = self.view.followup(followup_id) if self.view else None
        if followup is None or followup_id is None:
            return
        saved = await self.app.change(self.store.set_advice, followup_id, not followup.advice)  # type: ignore[attr-defined]
        if saved is None:
            return
        who = self.view.name_of(saved.contact_id) if self.view else ""
        if saved.advice:
            whose = f"{who}'s advice" if who else "advice"
            self.notify(f"{ADVICE_MARK} Acting on {whose}: {saved.text}", markup=False)
        else:
            self.notify(f"No longer marked as advice: {saved.text}", markup=False)

    @work(exclusive=True, group="dialog")
    async def action_snooze(self) -> None:
        followup_id = self._selected("followups")
        followup = self.view.followup(followup_id) if self.view else None
        if followup is not None:
            from netui.ui.actions import snooze  # (imported at first use)

            await snooze(self.app, followup)

    @work(exclusive=True, group="dialog")
    async def action_delete(self) -> None:
        pane = self.focused_pane
        if pane is None:
            return
        item_id = self._selected(pane.id or "")
        if item_id is not None:
            from netui.ui.actions import delete_item  # (imported at first use)

            await delete_item(self.app, pane.id or "", item_id)

    @work(exclusive=True, group="dialog")
    async def action_undo(self) -> None:
        """Undo the last change (a worker: it may ask what to keep, `undo_last`)."""
        from netui.ui.actions import undo_last  # (imported at first use)

        await undo_last(self.app)

    PALETTE: ClassVar[list[tuple[str, str, str]]] = [
        ("Add contact", "Quick-add a contact (a)", "quick_add('contact')"),
        ("Add follow-up", "Quick-add a follow-up (f)", "quick_add('followup')"),
        ("Add note", "Quick-add a note (n)", "quick_add('note')"),
        ("Prepare a meeting", "Prep sheet and questions for the selected contact (p)", "prep"),
        ("Log a meeting", "Notes, answers, new names, promises, thank-you (m)", "log_meeting"),
        ("Daily review", "What to do today (r)", "review"),
        (
            "Write a message",
            "The draft that is due for the selected person: thank-you, first message, "
            "follow-up or update (w)",
            "write",
        ),
        ("Referral tree", "Who led to whom (t)", "referrals"),
        ("Companies", "Who do I know where; target companies (c)", "companies"),
        (
            "Import contacts…",
            "From LinkedIn's Connections.csv, a vCard or a CSV file; previewed first",
            "import_contacts",
        ),
        ("Undo", "Undo the last change (ctrl+z)", "undo"),
        ("Filter", "Filter the focused pane (/)", "filter"),
        ("Sort contacts", "By name, company or last touch (o)", "sort"),
        ("Show or hide done follow-ups", "Toggle (h)", "toggle_done"),
        ("Open", "Open the selected item (enter)", "open"),
        ("Edit", "Edit the selected item (e)", "edit"),
        ("Delete", "Delete the selected item (x)", "delete"),
        ("Mark follow-up done", "On the follow-ups pane (d)", "done"),
        ("Snooze follow-up", "On the follow-ups pane (s)", "snooze"),
        (
            "Mark follow-up as advice",
            "It acts on their advice: they are owed word of what came of it (v)",
            "advice",
        ),
    ]
    """Every action of this screen, by name, for the command palette."""

    def palette_commands(self) -> Iterable[SystemCommand]:
        """This screen's actions for the command palette."""
        for title, help_text, action in self.PALETTE:
            yield SystemCommand(title, help_text, partial(self.run_action, action))

    def action_prep(self) -> None:
        if (contact_id := self._contact_in_focus()) is not None:
            self.app.open_screen("prep", contact_id)  # type: ignore[attr-defined]

    async def action_log_meeting(self) -> None:
        if (contact_id := self._contact_in_focus()) is not None:
            if getattr(self.app, "view", None) is None:  # (the start-up view: read the file)
                await self.app.snapshot()  # type: ignore[attr-defined]
            self.app.open_screen("meeting_log", contact_id)  # type: ignore[attr-defined]

    async def action_write(self) -> None:
        """The draft that is due for the contact in focus (of a follow-up: its contact)."""
        if (contact_id := self._contact_in_focus()) is not None:
            if getattr(self.app, "view", None) is None:  # (the start-up view: read the file)
                await self.app.snapshot()  # type: ignore[attr-defined]
            self.app.open_screen("draft", contact_id)  # type: ignore[attr-defined]

    def action_referrals(self) -> None:
        self.app.open_screen("referrals")  # type: ignore[attr-defined]

    def action_companies(self) -> None:
        self.app.open_screen("companies")  # type: ignore[attr-defined]

    def action_import_contacts(self) -> None:
        self.app.open_screen("import")  # type: ignore[attr-defined]

    def _contact_in_focus(self) -> int | None:
        """The contact the user means: of the selected follow-up or note, else the
        selected contact."""
        pane = self.focused_pane
        if pane is not None and pane.id in ("followups", "notes"):
            item_id = self._selected(pane.id)
            if item_id is not None and self.view is not None:
                item = (
                    self.view.followup(item_id)
                    if pane.id == "followups"
                    else self.view.note(item_id)
                )
                if item is not None and item.contact_id is not None:
                    return item.contact_id
        return self.selected_contact_id
