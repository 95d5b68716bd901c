"""The daily review: what to do today, in one list, one key per row.

Overdue and due follow-ups, thank-you notes owed, contacts going cold and due for a touch
(with longer rhythms suggested for the ones that keep going cold), leads not yet
contacted, this week against the weekly goals with an 8-week trend, and a line when some
contacts may be one person (`D` opens the Duplicates screen). The rules are
`netui.review`'s and `netui.identity`'s; this screen only lays them out and turns keys
into store calls.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import replace
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Sparkline, Static

from netui.dates import format_date, relative_label
from netui.model import Contact, FollowUp, Note, NoteKind, Status
from netui.readmodel import View
from netui.review import ColdContact, DailyReview
from netui.rhythm import cadence_label
from netui.text import plural
from netui.ui.actions import complete_followup, quick_add, snooze, undo_last
from netui.ui.messages import StoreChanged
from netui.ui.widgets.footer import KeysFooter
from netui.ui.widgets.virtual_list import Column, Row, VirtualList

LEADS_SHOWN = 50
"""Leads listed on the review (a LinkedIn import brings thousands; the rest are counted)."""

METRICS = ("contacts_added", "meetings", "followups_done")
"""This week's counts against the goals (`DailyReview.progress`), each with a sparkline
of the last 8 weeks."""

COUNT_DUPLICATES_AFTER = 0.3
"""Seconds after the review is drawn before the duplicates are looked for (none when the
view has them already: the search is made once per view)."""

THANK_YOU_TEXT = "Thank-you sent"
REMINDERS = {
    "thanks": "Send a thank-you note",
    "cold": "Get back in touch",
    "due": "Keep in touch",
    "suggest": "Keep in touch",
    "lead": "Reach out",
}


class ReviewScreen(Screen[None]):
    """Today's networking work; everything handled shows an all-clear."""

    CSS_PATH = "review.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,r", "app.pop_screen", "Back", id="back"),
        Binding("d", "done", "Done", id="review-done"),
        Binding("s", "snooze", "Snooze", id="review-snooze"),
        Binding("n", "note", "Log note", id="review-note"),
        Binding("a", "accept", "Longer rhythm", id="review-accept"),
        # A priority binding, or the list's own `g` (go to the top) would shadow it; not in
        # the footer, where it would come first: the goals box's title names it.
        Binding("g", "goals", "Edit goals", id="review-goals", priority=True, show=False),
        Binding("enter", "open", "Open contact", id="review-open"),
        # Shown only when some contacts may be one person (the line above the list says so).
        Binding("D", "duplicates", "Duplicates", id="review-duplicates"),
        Binding("ctrl+z", "undo", "Undo", key_display="^z", id="review-undo"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.review: DailyReview | None = None
        self.view: View | None = None
        """The read model the review was made from."""
        self.duplicates = 0
        """How many pairs of contacts may be one person (counted after the review shows)."""

    def compose(self) -> ComposeResult:
        yield Static("", id="heading", markup=False)
        yield Static("", id="rhythm", markup=False)
        yield Static("", id="duplicates", markup=False)
        yield Static("", id="all-clear", markup=False)
        yield VirtualList(
            [Column("When", 12), Column("Who", 22), Column("What")],
            empty_text="Nothing to do today.",
            id="review-list",
        )
        with Horizontal(id="trends") as trends:
            trends.border_title = "This week vs goals · last 8 weeks (g: edit the goals)"
            for metric in METRICS:
                with Vertical(classes="trend"):
                    yield Static("", id=f"count-{metric}", markup=False)
                    yield Sparkline([], id=f"spark-{metric}")
        yield KeysFooter()

    async def on_mount(self) -> None:
        self.query_one(VirtualList).focus()
        await self.refresh_data()

    async def on_store_changed(self, _: StoreChanged) -> None:
        await self.refresh_data()

    async def refresh_data(self) -> None:
        """Show the review of the latest read model: computed once per change, on the
        store's thread (0.3 s at 30,000 contacts), then only looked up."""
        view = self.view = await self.app.snapshot()  # type: ignore[attr-defined]
        review = self.review = await self.app.call_store(view.review)  # type: ignore[attr-defined]
        network = view.network
        today = view.today
        rows: list[Row] = []

        def followups(title: str, items: list[FollowUp], tone: str) -> None:
            if items:
                rows.append(Row(None, (f"{title} ({len(items)})",)))
            for f in items:
                when = f"{format_date(f.due, today)}"
                rows.append(
                    Row(
                        ("followup", f.id),
                        (when, network.name_of(f.contact_id), f.text),
                        tone,
                    )
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

        def rhythm(title: str, kind: str, items: list[ColdContact], tone: str) -> None:
            if items:
                rows.append(Row(None, (f"{title} ({len(items)})",)))
            for c in items:
                since, rhythm = plural(c.days_since, "day"), plural(c.cadence, "day")
                what = f"last touch {since} ago; rhythm {rhythm}"
                rows.append(
                    Row(
                        (kind, c.contact.id),
                        (format_date(c.last_touch, today), c.contact.name, what),
                        tone,
                    )
                )

        rhythm("Going cold", "cold", review.going_cold, "error")
        rhythm("Due for a touch", "due", review.due_touch, "warning")
        if review.suggestions:
            rows.append(Row(None, (f"A longer rhythm may suit ({len(review.suggestions)})",)))
            for suggestion in review.suggestions:
                what = (
                    f"cold {suggestion.streak} times in a row: "
                    f"every {cadence_label(suggestion.current)} → "
                    f"every {cadence_label(suggestion.suggested)} (a accepts)"
                )
                rows.append(
                    Row(
                        ("suggest", suggestion.contact.id),
                        ("", suggestion.contact.name, what),
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
                    Row(
                        None,
                        (f"… and {len(review.leads) - LEADS_SHOWN} more leads in Contacts",),
                    )
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
        cold, due, suggested = (
            len(review.going_cold),
            len(review.due_touch),
            len(review.suggestions),
        )
        # Numbers only go through markup (no user text); a colour only when there are some.
        cold_text = f"● {cold} going cold"
        due_text = f"○ {due} due for a touch"
        self.query_one("#rhythm", Static).update(
            Content.from_markup(
                "Keep in touch: "
                + (f"[$text-error]{cold_text}[/]" if cold else cold_text)
                + "  ·  "
                + (f"[$text-warning]{due_text}[/]" if due else due_text)
                + (
                    f"  ·  {suggested} longer rhythm{'s' if suggested != 1 else ''} suggested"
                    if suggested
                    else ""
                )
            )
        )
        for progress in review.progress:
            done = " ✓" if progress.met else ""
            self.query_one(f"#count-{progress.key}", Static).update(
                f"{progress.label}: {progress.done} this week — "
                f"{progress.done}/{progress.goal}{done}"
            )
            self.query_one(f"#spark-{progress.key}", Sparkline).data = list(progress.trend)
        self.refresh_bindings()
        self._count_duplicates(view)

    @work(exclusive=True, group="review-duplicates")
    async def _count_duplicates(self, view: View) -> None:
        """Say how many pairs may be one person, once found by the read model (once per
        view while contacts change, on a thread: a second at 30,000 contacts). It starts
        only after the review is on screen: a search on a thread still slows the UI
        thread down (they share the interpreter), and the review comes first."""
        await asyncio.sleep(COUNT_DUPLICATES_AFTER)
        app = self.app
        dismissed = await app.call_store(app.store.not_duplicates)  # type: ignore[attr-defined]
        pairs = await asyncio.to_thread(view.duplicates, frozenset(dismissed))
        self.duplicates = len(pairs)
        if not self.is_attached:  # the review was closed while the search ran
            return
        line = self.query_one("#duplicates", Static)
        line.update(
            f"⚠ {plural(self.duplicates, 'possible duplicate')}: D to review" if pairs else ""
        )
        line.display = bool(pairs)
        self.refresh_bindings()

    # --- actions ----------------------------------------------------------------------------

    def palette_commands(self) -> Iterable[SystemCommand]:
        """This screen's own actions for the command palette."""
        yield SystemCommand(
            "Edit the weekly goals",
            "New contacts, meetings and follow-ups done per week (g)",
            self.action_goals,
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "accept":  # shown only when there is a longer rhythm to accept
            return bool(self.review and self.review.suggestions)
        if action == "duplicates":
            return self.duplicates > 0
        return True

    @property
    def selected(self) -> tuple[str, int] | None:
        key = self.query_one(VirtualList).cursor_key
        return key if isinstance(key, tuple) else None

    @on(VirtualList.Selected)
    def _selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        selected = self.selected
        if selected is None:
            return
        contact_id = self._contact_of(*selected)
        if contact_id is not None:
            self.app.open_screen("contact", contact_id)  # type: ignore[attr-defined]

    def action_duplicates(self) -> None:
        self.app.open_screen("duplicates")  # type: ignore[attr-defined]

    def _contact_of(self, kind: str, item_id: int) -> int | None:
        """The contact a row is about (a follow-up's, or the row's own)."""
        if kind != "followup":
            return item_id
        followup = self.view.followup(item_id) if self.view else None
        return followup.contact_id if followup else None

    async def action_done(self) -> None:
        selected = self.selected
        if selected is None:
            return
        kind, item_id = selected
        app = self.app
        store = app.store  # type: ignore[attr-defined]
        today = app.today  # type: ignore[attr-defined]
        if kind == "followup":
            if await complete_followup(app, item_id):
                self.notify("Done ✓")
        elif kind == "thanks":
            note = Note(THANK_YOU_TEXT, today, item_id, NoteKind.EMAIL)
            if await app.change(store.add_note, note):  # type: ignore[attr-defined]
                self.notify("Thank-you logged")
        elif kind == "lead" and (contact := self._contact(item_id)) is not None:
            contacted = replace(contact, status=Status.CONTACTED)
            if await app.change(store.update_contact, contacted, contact):  # type: ignore[attr-defined]
                self.notify(f"{contact.name} marked contacted", markup=False)
        elif kind == "suggest":
            await self.action_accept()
        else:
            self.notify("Log the interaction with n, or plan one with s")

    async def action_accept(self) -> None:
        """Take the longer rhythm suggested for the selected contact."""
        selected = self.selected
        suggestion = next(
            (
                s
                for s in (self.review.suggestions if self.review else [])
                if selected == ("suggest", s.contact.id)
            ),
            None,
        )
        if suggestion is None:
            self.notify("Pick a contact under 'A longer rhythm may suit' to accept it")
            return
        store = self.app.store  # type: ignore[attr-defined]
        contact = self._contact(suggestion.contact.id)
        if contact is None:
            return
        longer = replace(contact, cadence_days=suggestion.suggested)
        if await self.app.change(store.update_contact, longer, contact):  # type: ignore[attr-defined]
            self.notify(
                f"{contact.name}: keep in touch every {cadence_label(suggestion.suggested)}",
                markup=False,
            )

    @work(exclusive=True, group="dialog")
    async def action_goals(self) -> None:
        """Edit the weekly goals in a small form; saved at once."""
        from netui.ui.dialogs.goals import GoalsScreen

        store = self.app.store  # type: ignore[attr-defined]
        if self.view is None:
            return
        goals = await self.app.push_screen_wait(GoalsScreen(self.view.settings.goals))
        if goals is not None and await self.app.change(store.set_goals, goals):  # type: ignore[attr-defined]
            self.notify(
                f"Weekly goals: {plural(goals.contacts, 'new contact')}, "
                f"{plural(goals.meetings, 'meeting')}, {plural(goals.followups, 'follow-up')} done"
            )

    @work(exclusive=True, group="dialog")
    async def action_snooze(self) -> None:
        from netui.ui.dialogs.snooze import SnoozeScreen

        selected = self.selected
        if selected is None:
            return
        kind, item_id = selected
        store = self.app.store  # type: ignore[attr-defined]
        today = self.app.today  # type: ignore[attr-defined]
        if kind == "followup":
            followup = self.view.followup(item_id) if self.view else None
            if followup is not None:
                await snooze(self.app, followup)
            return
        # For a person, "snooze" plans the touch as a follow-up, which takes them off the list.
        reminder = FollowUp(REMINDERS[kind], today, item_id)
        until = await self.app.push_screen_wait(SnoozeScreen(reminder))
        if until is not None:
            saved = await self.app.change(  # type: ignore[attr-defined]
                store.add_followup, FollowUp(REMINDERS[kind], until, item_id)
            )
            if saved:
                self.notify(
                    f"Planned for {format_date(until, today)}: {saved.text}",
                    markup=False,
                )

    @work(exclusive=True, group="dialog")
    async def action_note(self) -> None:

        selected = self.selected
        contact = self._contact(self._contact_of(*selected)) if selected is not None else None
        prefill = f"{contact.name}: " if contact is not None else ""
        await quick_add(self.app, "note", prefill)

    def _contact(self, contact_id: int | None) -> Contact | None:
        return self.view.contact(contact_id) if self.view else None

    @work(exclusive=True, group="dialog")
    async def action_undo(self) -> None:
        """Undo the last change (a worker: it may ask what to keep, `undo_last`)."""
        await undo_last(self.app)
