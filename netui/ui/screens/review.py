"""The daily review: what to do today, in one list, one key per row.

Overdue and due follow-ups, thank-you notes owed, contacts going cold and leads not yet
contacted, with this week's counts and an 8-week trend. The rules are `netui.review`'s;
this screen only lays them out and turns keys into store calls.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Sparkline, Static

from netui.dates import format_date, relative_label
from netui.model import FollowUp, Note, NoteKind, Status
from netui.review import DailyReview, daily_review
from netui.ui.messages import StoreChanged
from netui.ui.widgets.virtual_list import Column, Row, VirtualList

LEADS_SHOWN = 50
"""Leads listed on the review (a LinkedIn import brings thousands; the rest are counted)."""

METRICS = {
    "contacts_added": "New contacts",
    "meetings": "Meetings",
    "followups_done": "Follow-ups done",
}
"""This week's counts, each with a sparkline of the last 8 weeks."""

THANK_YOU_TEXT = "Thank-you sent"
REMINDERS = {"thanks": "Send a thank-you note", "cold": "Get back in touch", "lead": "Reach out"}


class ReviewScreen(Screen[None]):
    """Today's networking work; everything handled shows an all-clear."""

    CSS_PATH = "review.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,r", "app.pop_screen", "Back", id="back"),
        Binding("d", "done", "Done", id="review-done"),
        Binding("s", "snooze", "Snooze", id="review-snooze"),
        Binding("n", "note", "Log note", id="review-note"),
        Binding("enter", "open", "Open contact", id="review-open"),
        Binding("ctrl+z", "undo", "Undo", key_display="^z", id="review-undo"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.review: DailyReview | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="heading", markup=False)
        yield Static("", id="all-clear", markup=False)
        yield VirtualList(
            [Column("When", 12), Column("Who", 22), Column("What")],
            empty_text="Nothing to do today.",
            id="review-list",
        )
        with Horizontal(id="trends"):
            for metric in METRICS:
                with Vertical(classes="trend"):
                    yield Static("", id=f"count-{metric}", markup=False)
                    yield Sparkline([], id=f"spark-{metric}")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_data()
        self.query_one(VirtualList).focus()

    def on_store_changed(self, _: StoreChanged) -> None:
        self.refresh_data()

    def refresh_data(self) -> None:
        store = self.app.store  # type: ignore[attr-defined]
        today = self.app.today  # type: ignore[attr-defined]
        network = store.network()
        review = self.review = daily_review(network, today)
        rows: list[Row] = []

        def followups(title: str, items: list[FollowUp], tone: str) -> None:
            if items:
                rows.append(Row(None, (f"{title} ({len(items)})",)))
            for f in items:
                when = f"{format_date(f.due, today)}"
                rows.append(
                    Row(("followup", f.id), (when, network.name_of(f.contact_id), f.text), tone)
                )

        followups("Overdue", review.overdue, "error")
        followups("Due today", review.due_today, "warning")
        if review.thank_yous:
            rows.append(Row(None, (f"Thank-you notes owed ({len(review.thank_yous)})",)))
            for t in review.thank_yous:
                what = (
                    f"met {relative_label(t.meeting.date, today)}: send a thank-you (d when sent)"
                )
                rows.append(
                    Row(
                        ("thanks", t.contact.id),
                        (format_date(t.meeting.date, today), t.contact.name, what),
                    )
                )
        if review.going_cold:
            rows.append(Row(None, (f"Going cold ({len(review.going_cold)})",)))
            for c in review.going_cold:
                what = f"last touch {c.days_since} days ago; rhythm {c.contact.cadence_days} days"
                rows.append(
                    Row(
                        ("cold", c.contact.id),
                        (format_date(c.last_touch, today), c.contact.name, what),
                        "warning",
                    )
                )
        if review.leads:
            rows.append(Row(None, (f"Leads not contacted yet ({len(review.leads)})",)))
            for lead in review.leads[:LEADS_SHOWN]:
                via = network.name_of(lead.referred_by)
                what = (f"@ {lead.company}  " if lead.company else "") + (
                    f"referred by {via}" if via else ""
                )
                rows.append(Row(("lead", lead.id), ("", lead.name, what)))
            if len(review.leads) > LEADS_SHOWN:
                rows.append(
                    Row(None, (f"… and {len(review.leads) - LEADS_SHOWN} more leads in Contacts",))
                )
        self.query_one(VirtualList).set_rows(rows)
        self.query_one("#heading", Static).update(
            f"Daily review — {today:%A} {today.day} {today:%B %Y}"
        )
        clear = self.query_one("#all-clear", Static)
        clear.update(
            "✓ All clear: nothing overdue, due today, owed or going cold."
            if review.all_clear
            else ""
        )
        clear.display = review.all_clear
        for metric, label in METRICS.items():
            values = [getattr(week, metric) for week in review.weeks]
            self.query_one(f"#count-{metric}", Static).update(
                f"{label}: {values[-1]} this week ({sum(values)} in 8 weeks)"
            )
            self.query_one(f"#spark-{metric}", Sparkline).data = values

    # --- actions ----------------------------------------------------------------------------

    @property
    def selected(self) -> tuple[str, int] | None:
        key = self.query_one(VirtualList).cursor_key
        return key if isinstance(key, tuple) else None  # type: ignore[return-value]

    @on(VirtualList.Selected)
    def _selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        from netui.ui.screens.contact import ContactScreen

        selected = self.selected
        if selected is None:
            return
        kind, item_id = selected
        store = self.app.store  # type: ignore[attr-defined]
        contact_id = store.followup(item_id).contact_id if kind == "followup" else item_id
        if contact_id is not None:
            self.app.push_screen(ContactScreen(contact_id))

    async def action_done(self) -> None:
        selected = self.selected
        if selected is None:
            return
        kind, item_id = selected
        app = self.app
        store = app.store  # type: ignore[attr-defined]
        today = app.today  # type: ignore[attr-defined]
        if kind == "followup":
            if await app.change(store.complete_followup, item_id):  # type: ignore[attr-defined]
                self.notify("Done ✓")
        elif kind == "thanks":
            note = Note(THANK_YOU_TEXT, today, item_id, NoteKind.EMAIL)
            if await app.change(store.add_note, note):  # type: ignore[attr-defined]
                self.notify("Thank-you logged")
        elif kind == "lead":
            contact = store.contact(item_id)
            from dataclasses import replace

            if await app.change(store.update_contact, replace(contact, status=Status.CONTACTED)):  # type: ignore[attr-defined]
                self.notify(f"{contact.name} marked contacted", markup=False)
        else:
            self.notify("Log the interaction with n, or plan one with s")

    @work(exclusive=True, group="dialog")
    async def action_snooze(self) -> None:
        from netui.ui.screens.main import snooze
        from netui.ui.screens.snooze import SnoozeScreen

        selected = self.selected
        if selected is None:
            return
        kind, item_id = selected
        store = self.app.store  # type: ignore[attr-defined]
        today = self.app.today  # type: ignore[attr-defined]
        if kind == "followup":
            await snooze(self.app, store.followup(item_id))
            return
        # For a person, "snooze" plans the touch as a follow-up, which takes them off the list.
        reminder = FollowUp(REMINDERS[kind], today, item_id)
        until = await self.app.push_screen_wait(SnoozeScreen(reminder))
        if until is not None:
            saved = await self.app.change(
                store.add_followup, FollowUp(REMINDERS[kind], until, item_id)
            )  # type: ignore[attr-defined]
            if saved:
                self.notify(f"Planned for {format_date(until, today)}: {saved.text}", markup=False)

    @work(exclusive=True, group="dialog")
    async def action_note(self) -> None:
        from netui.ui.screens.main import quick_add

        selected = self.selected
        store = self.app.store  # type: ignore[attr-defined]
        prefill = ""
        if selected is not None:
            kind, item_id = selected
            contact_id = store.followup(item_id).contact_id if kind == "followup" else item_id
            if contact_id is not None:
                prefill = f"{store.contact(contact_id).name}: "
        await quick_add(self.app, "note", prefill)

    async def action_undo(self) -> None:
        undone = await self.app.change(self.app.store.undo)  # type: ignore[attr-defined]
        if undone:
            self.notify(f"Undid: {undone}", markup=False)
