"""A contact's page: every field, who referred them and whom they referred, their
follow-ups and their notes; the keys of the main screen work here too."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from netui.dates import format_date
from netui.model import Contact, Note
from netui.readmodel import View
from netui.replies import clocks_of, label_of
from netui.rhythm import CadenceDefaults, cadence_label, rhythm_of
from netui.ui.actions import complete_followup, delete_item, edit_item, quick_add, snooze, undo_last
from netui.ui.messages import StoreChanged
from netui.ui.widgets.followups_pane import ADVICE_MARK
from netui.ui.widgets.footer import KeysFooter
from netui.ui.widgets.virtual_list import Column, Row, VirtualList


class ContactScreen(Screen[None]):
    """One person, in full."""

    CSS_PATH = "contact.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("e", "edit", "Edit"),
        Binding("f", "quick_add('followup')", "Follow-up"),
        Binding("n", "quick_add('note')", "Note"),
        Binding("p", "prep", "Prep"),
        Binding("m", "log_meeting", "Log meeting"),
        Binding("w", "write", "Write", tooltip="Draft the message that is due"),
        Binding("d", "done", "Done"),
        Binding("s", "snooze", "Snooze"),
        Binding("x", "delete", "Delete"),
        Binding("ctrl+z", "undo", "Undo", key_display="^z"),
        Binding("tab", "app.focus_next", "Next list", show=False),
    ]

    def __init__(self, contact_id: int) -> None:
        super().__init__()
        self.contact_id = contact_id
        self.view: View | None = None
        """The read model the page was drawn from."""

    def compose(self) -> ComposeResult:
        yield Static("", id="card")
        with Horizontal(id="lists"):
            with Vertical(classes="pane", id="c-followups"):
                yield VirtualList(
                    [Column("Due", 10), Column("Task"), Column("", 4)],
                    empty_text="No follow-ups (f adds one).",
                    id="contact-followups",
                )
            with Vertical(classes="pane", id="c-notes"):
                yield VirtualList(
                    [Column("Date", 10), Column("Kind", 7), Column("Note")],
                    empty_text="No notes (n adds one).",
                    id="contact-notes",
                )
        yield Static("", id="note-full", markup=False)
        yield KeysFooter()

    async def on_mount(self) -> None:
        self.query_one("#c-followups").border_title = Content("Follow-ups")
        self.query_one("#c-notes").border_title = Content("Notes")
        self.query_one("#contact-followups").focus()
        await self.refresh_data()

    async def on_store_changed(self, _: StoreChanged) -> None:
        await self.refresh_data()

    async def refresh_data(self) -> None:
        view = self.view = await self.app.snapshot()  # type: ignore[attr-defined]
        today = view.today
        contact = view.contact(self.contact_id)
        if contact is None:  # deleted here or by another program
            if self.is_current:
                self.dismiss()
            return
        network = view.network
        card = Text()
        card.append(contact.name + "\n", style="bold")
        role = " at ".join(x for x in (contact.title, contact.company) if x)
        if role:
            card.append(role + "\n")
        facts = [
            ("Status", str(contact.status)),
            ("Email", contact.email),
            ("Other emails", _listed(contact.other_emails)),
            ("Phone", contact.phone),
            ("Other phones", _listed(contact.other_phones)),
            ("LinkedIn", contact.linkedin),
            ("Other links", _listed(contact.other_urls)),
            ("Tags", " ".join(f"#{t}" for t in contact.tags)),
            ("How we met", contact.how_met),
            ("Referred by", network.name_of(contact.referred_by)),
            ("Referred", ", ".join(c.name for c in view.referred_by(self.contact_id))),
            ("Rhythm", _rhythm(contact, view.settings.defaults)),
        ]
        touch = view.touches.get(self.contact_id)
        facts.append(("Last touch", format_date(touch, today) if touch else "never"))
        theirs = view.notes_of(self.contact_id)
        replies = label_of(clocks_of(contact, theirs)) if theirs else None
        facts.append(("Reply speed", replies.text if replies else ""))
        for label, value in facts:
            if value:
                card.append(f"{label:>12}  ", style="dim")
                card.append(value + "\n")
        self.query_one("#card", Static).update(card)
        followups = view.followups_of(self.contact_id, include_done=True)
        self.query_one("#contact-followups", VirtualList).set_rows(
            [
                Row(
                    f.id,
                    (
                        format_date(f.due, today),
                        f"{ADVICE_MARK} {f.text}" if f.advice else f.text,
                        "done" if f.done else "",
                    ),
                    "muted" if f.done else ("error" if f.due < today else ""),
                )
                for f in followups
            ]
        )
        notes = view.notes_of(self.contact_id)
        self._notes = {n.id: n.text for n in notes}
        self.query_one("#contact-notes", VirtualList).set_rows(
            [Row(n.id, (format_date(n.date, today), str(n.kind), _first_line(n))) for n in notes]
        )

    @on(VirtualList.Highlighted, "#contact-notes")
    def _note(self, event: VirtualList.Highlighted) -> None:
        self.query_one("#note-full", Static).update(self._notes.get(event.key, ""))

    def _focused_list(self) -> tuple[str, int | None]:
        focused = self.focused
        if isinstance(focused, VirtualList) and focused.id == "contact-notes":
            key = focused.cursor_key
            return "notes", key if isinstance(key, int) else None
        key = self.query_one("#contact-followups", VirtualList).cursor_key
        return "followups", key if isinstance(key, int) else None

    @work(exclusive=True, group="dialog")
    async def action_edit(self) -> None:

        await edit_item(self.app, "contacts", self.contact_id)

    @on(VirtualList.Selected)
    @work(exclusive=True, group="dialog")
    async def _edit_item(self) -> None:

        kind, item_id = self._focused_list()
        if item_id is not None:
            await edit_item(self.app, kind, item_id)

    @work(exclusive=True, group="dialog")
    async def action_quick_add(self, kind: str) -> None:
        contact = self.view.contact(self.contact_id) if self.view else None
        await quick_add(self.app, kind, f"{contact.name}: " if contact else "")

    async def action_done(self) -> None:
        kind, item_id = self._focused_list()
        followup = self.view.followup(item_id) if self.view and kind == "followups" else None
        if followup is not None:
            if followup.done:
                store = self.app.store  # type: ignore[attr-defined]
                await self.app.change(store.reopen_followup, item_id)  # type: ignore[attr-defined]
            else:
                await complete_followup(self.app, followup.id or 0)

    @work(exclusive=True, group="dialog")
    async def action_snooze(self) -> None:

        kind, item_id = self._focused_list()
        followup = self.view.followup(item_id) if self.view and kind == "followups" else None
        if followup is not None:
            await snooze(self.app, followup)

    @work(exclusive=True, group="dialog")
    async def action_delete(self) -> None:

        kind, item_id = self._focused_list()
        if self.focused is None or item_id is None:
            await delete_item(self.app, "contacts", self.contact_id)
        else:
            await delete_item(self.app, kind, item_id)

    def action_prep(self) -> None:
        self.app.open_screen("prep", self.contact_id)  # type: ignore[attr-defined]

    def action_log_meeting(self) -> None:
        self.app.open_screen("meeting_log", self.contact_id)  # type: ignore[attr-defined]

    def action_write(self) -> None:
        self.app.open_screen("draft", self.contact_id)  # type: ignore[attr-defined]

    @work(exclusive=True, group="dialog")
    async def action_undo(self) -> None:
        """Undo the last change (a worker: it may ask what to keep, `undo_last`)."""
        await undo_last(self.app)


def _rhythm(contact: Contact, defaults: CadenceDefaults) -> str:
    """ "every 2 weeks", "every 1 month (the default for #recruiter)", or "" for none."""
    days, origin = rhythm_of(contact, defaults)
    if not days:
        return ""
    return f"every {cadence_label(days)}" + (f" ({origin})" if origin else "")


def _listed(items: tuple[str, ...]) -> str:
    """Other emails, phones or links, one a line, each under the one before (after the
    12-column label and its two spaces); "" for none, so that no line shows."""
    return ("\n" + " " * 14).join(items)


def _first_line(note: Note) -> str:
    """The note's first line; for a meeting logged without text, what it produced."""
    lines = note.text.strip().splitlines()
    if lines:
        return lines[0]
    outcomes = [f"{len(note.answers)} answers"] if note.answers else []
    outcomes += [f"{len(note.new_contacts)} new names"] if note.new_contacts else []
    return "(" + (", ".join(outcomes) or "no text") + ")"
