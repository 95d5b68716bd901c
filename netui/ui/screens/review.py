"""The daily review: what to do today, in one list, one key per row.

Overdue and due follow-ups, thank-you notes owed, who has not replied (`w` drafts the
follow-up, or the outreach to the next person in; `m` moves on), what is owed to the
people who helped (`d` done, `w` the update, `s` snooze, `x` dismiss), contacts going
cold and due for a touch (with longer rhythms suggested for the ones that keep going
cold), leads not yet contacted (the ones someone referred listed, the others counted on
one line that `L` opens), this week against the weekly goals with a labelled 8-week
trend, and a line when some contacts may be one person (`D` opens the Duplicates
screen). The rules are `netui.review`'s, `netui.replies`', `netui.ledger`'s and
`netui.identity`'s; this screen only lays them out and turns keys into store calls.

The list of the day comes first and takes the height there is; the summary lines and the
goals follow it in one scrolling body, so that even at 40x12 the list shows its rows.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import ClassVar

from rich.cells import cell_len
from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Sparkline, Static

from netui.dates import format_date, relative_label
from netui.ledger import done_note
from netui.model import Contact, DraftKind, FollowUp, LoopStatus, Note, NoteKind, Status
from netui.readmodel import View
from netui.replies import Stage
from netui.report import with_loop
from netui.review import ColdContact, DailyReview, LeadGroups, Owed, Waiting, WeekCounts
from netui.rhythm import cadence_label
from netui.text import plural
from netui.ui.actions import complete_followup, quick_add, snooze, undo_last
from netui.ui.messages import StoreChanged
from netui.ui.widgets.footer import KeysFooter
from netui.ui.widgets.virtual_list import Column, Row, VirtualList

LEADS_SHOWN = 50
"""Referred leads listed on the review (the rest are counted)."""

OTHER_LEADS_SHOWN = 1000
"""Leads nobody referred listed once `L` opens them (a LinkedIn import brings thousands;
the rest are counted: Contacts has them all)."""

NARROW = 80
"""Below this width the three weekly counts stand one above the other."""

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


class ReviewBody(VerticalScroll):
    """The list of the day, then the summary lines and the goals: one scrolling body.

    Focusable only when it has something to scroll (a short terminal), so that `tab`
    reaches the goals there and is not a dead stop where everything fits.
    """

    def allow_focus(self) -> bool:
        return self.max_scroll_y > 0


class Fitted(Static):
    """A line of text that shows the longest of its forms that fits its width."""

    def __init__(self, *, id: str) -> None:
        super().__init__("", id=id, markup=False)
        self.forms: tuple[str, ...] = ()
        """The forms of the text, the longest (and preferred) first."""

    def show(self, *forms: str) -> None:
        """Show the first of `forms` that fits (the last one, cut, if none does)."""
        self.forms = forms
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        width = self.content_region.width
        fits = [form for form in self.forms if cell_len(form) <= width]
        self.update(fits[0] if fits else (self.forms[-1] if self.forms else ""))


class WeekAxis(Widget):
    """The line under an 8-week sparkline: the first week's Monday at the left, "this
    week" at the right, as short as the width needs."""

    DEFAULT_CSS = """
    WeekAxis { height: 1; color: $text-muted; }
    """

    weeks: reactive[list[WeekCounts]] = reactive(list, layout=False)
    """The weeks the sparkline above draws, oldest first."""

    def render(self) -> str:
        # The same words under the three sparklines: the narrowest decides.
        fit = min((axis.size.width for axis in self.screen.query(WeekAxis)), default=0)
        return week_axis(self.weeks, self.size.width, fit)


def week_axis(weeks: Sequence[WeekCounts], width: int, fit: int = 0) -> str:
    """`week of Mon 5 Oct ··· this week`, `width` wide, or shorter forms of both ends when
    they would not fit in `fit` (default: `width`); the ends line up with the first and
    last bars of a sparkline as wide."""
    if not weeks or width <= 0:
        return ""
    fit = min(fit or width, width)
    first = weeks[0].start
    ends = (
        (f"week of {first:%a} {first.day} {first:%b}", "this week"),
        (f"week of {first.day} {first:%b}", "this week"),
        (f"{first.day} {first:%b}", "this week"),
        (f"{first.day} {first:%b}", "now"),
        ("", "now"),
    )
    for left, right in ends:
        gap = 2 if left else 0
        if len(left) + gap + len(right) <= fit:
            return left + " " * (width - len(left) - len(right)) + right
    return ""


class ReviewScreen(Screen[None]):
    """Today's networking work; everything handled shows an all-clear."""

    CSS_PATH = "review.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,r", "app.pop_screen", "Back", id="back"),
        Binding("d", "done", "Done", id="review-done"),
        Binding("s", "snooze", "Snooze", id="review-snooze"),
        Binding("n", "note", "Note", id="review-note"),
        Binding("a", "accept", "Longer rhythm", id="review-accept"),
        # Shown on the rows of "Waiting for a reply" and "Close the loop".
        Binding(
            "w", "write", "Write", tooltip="Draft the message the row calls for", id="review-write"
        ),
        Binding("m", "move_on", "Move on", id="review-move-on"),
        Binding("x", "dismiss_item", "Dismiss", id="review-dismiss"),
        # Shown only when leads nobody referred are counted on one line (or listed).
        Binding("L", "toggle_leads", "Leads", id="review-leads"),
        # `e` as everywhere else (edit); `g` is the list's (the first row), as in every list.
        Binding("e", "goals", "Goals", id="review-goals"),
        Binding("enter", "open", "Open contact", id="review-open"),
        # Shown only when some contacts may be one person (the line above the list says so).
        Binding("D", "duplicates", "Duplicates", id="review-duplicates"),
        Binding("ctrl+z", "undo", "Undo", key_display="^z", id="review-undo"),
    ]
    FOOTER_DROPS = ("review-goals",)
    """Dropped first from a narrow footer: the goals' box says "e: edit the goals"."""

    def __init__(self) -> None:
        super().__init__()
        self.review: DailyReview | None = None
        self.view: View | None = None
        """The read model the review was made from."""
        self.duplicates = 0
        """How many pairs of contacts may be one person (counted after the review shows)."""
        self.all_leads = False
        """Whether the leads nobody referred are listed (`L`) rather than counted."""
        self.leads = LeadGroups()
        """The leads of the review on show: referred, and the others (`group_leads`)."""

    def compose(self) -> ComposeResult:
        yield Fitted(id="heading")
        with ReviewBody(id="review-body"):
            yield Static("", id="all-clear", markup=False)
            yield VirtualList(
                # The date goes first when the list is too narrow for all three.
                [Column("When", 12, drop=1), Column("Who", 22), Column("What")],
                empty_text="Nothing to do today.",
                id="review-list",
            )
            yield Static("", id="rhythm", markup=False)
            yield Static("", id="duplicates", markup=False)
            with Horizontal(id="trends") as trends:
                trends.border_title = "Per week, the last 8 · this week vs goal"
                trends.border_subtitle = "e: edit the goals"
                for metric in METRICS:
                    with Vertical(classes="trend"):
                        yield Fitted(id=f"count-{metric}")
                        yield Sparkline([], id=f"spark-{metric}")
                        yield WeekAxis(id=f"weeks-{metric}")
        yield KeysFooter(compact=True)  # as the main screen's: every key fits at 80 columns

    async def on_mount(self) -> None:
        self.query_one(VirtualList).focus()
        await self.refresh_data()

    def on_resize(self) -> None:
        self.query_one("#trends").set_class(self.size.width < NARROW, "-narrow")

    async def on_store_changed(self, _: StoreChanged) -> None:
        await self.refresh_data()

    async def refresh_data(self) -> None:
        """Show the review of the latest read model: computed once per change, on the
        store's thread (0.3 s at 30,000 contacts), then only looked up."""
        view = self.view = await self.app.snapshot()  # type: ignore[attr-defined]
        network = view.network
        # The reply clock and the ledger, on the store's thread too (`with_loop`).
        review = self.review = await self.app.call_store(  # type: ignore[attr-defined]
            lambda: with_loop(view.review(), network)
        )
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
        rows += self._waiting_rows(review.waiting or (), view)
        rows += self._loop_rows(review.loop or (), view)

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
        # Split and sorted on the store's thread: 30,000 leads after big imports.
        groups = self.leads = await self.app.call_store(lambda: review.lead_groups)  # type: ignore[attr-defined]
        rows += self._lead_rows(groups, view)
        self.query_one(VirtualList).set_rows(rows)
        self.query_one("#heading", Fitted).show(
            f"Daily review — {today:%A} {today.day} {today:%B %Y}",
            f"Review — {today:%a} {today.day} {today:%b %Y}",
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
            self.query_one(f"#count-{progress.key}", Fitted).show(
                f"{progress.label}: {progress.done} this week — "
                f"{progress.done}/{progress.goal}{done}",
                f"{progress.label}: {progress.done}/{progress.goal}{done}",
            )
            self.query_one(f"#spark-{progress.key}", Sparkline).data = list(progress.trend)
            self.query_one(f"#weeks-{progress.key}", WeekAxis).weeks = review.weeks
        self.refresh_bindings()
        self._count_duplicates(view)

    def _waiting_rows(self, waiting: Sequence[Waiting], view: View) -> list[Row]:
        """Who has not replied, most urgent first: the day of the message waited on, the
        name, and what to do (`netui.replies.waiting_for_replies`)."""
        if not waiting:
            return []
        rows = [Row(None, (f"Waiting for a reply ({len(waiting)})",))]
        for row in waiting:
            when = format_date(row.since, view.today) if row.since else ""
            tone = "muted" if row.stage == Stage.MOVE_ON else "warning"
            rows.append(Row(("waiting", row.contact.id), (when, row.contact.name, row.text), tone))
        return rows

    def _loop_rows(self, owed: Sequence[Owed], view: View) -> list[Row]:
        """What to tell the people who helped, most recent first (`netui.ledger`); each
        row keyed by its place in the review's list."""
        if not owed:
            return []
        rows = [Row(None, (f"Close the loop ({len(owed)})",))]
        for i, item in enumerate(owed):
            when = format_date(item.arose, view.today)
            rows.append(Row(("loop", i), (when, item.person.name, item.text)))
        return rows

    def _lead_rows(self, groups: LeadGroups, view: View) -> list[Row]:
        """The leads someone referred, each "via" who; then the others, listed when few
        or opened with `L`, else one line with their count (`netui.review.LeadGroups`)."""
        if not groups:
            return []
        network = view.network
        rows = [Row(None, (f"Leads not contacted yet ({len(groups)})",))]

        def lead_row(lead: Contact) -> Row:
            via = network.name_of(lead.referred_by)
            parts = (f"@ {lead.company}" if lead.company else "", f"via {via}" if via else "")
            what = "  ".join(part for part in parts if part)
            return Row(("lead", lead.id), ("", lead.name, what))

        referred = groups.referred if groups.collapsed else groups.listed
        rows += [lead_row(lead) for lead in referred[:LEADS_SHOWN]]
        if len(referred) > LEADS_SHOWN:
            rows.append(Row(None, (f"… and {len(referred) - LEADS_SHOWN} more leads in Contacts",)))
        if groups.collapsed:
            more = " more" if groups.referred else ""
            count, what = (
                (f"− {groups.hidden} leads", "nobody referred, listed below: L folds them")
                if self.all_leads
                else (f"+ {groups.hidden}{more} leads", "nobody referred: L lists them")
            )
            rows.append(Row(("more-leads", 0), ("", count, what), "muted"))
            if self.all_leads:
                rows += [lead_row(lead) for lead in groups.others[:OTHER_LEADS_SHOWN]]
                if groups.hidden > OTHER_LEADS_SHOWN:
                    rest = groups.hidden - OTHER_LEADS_SHOWN
                    rows.append(Row(None, (f"… and {rest} more leads in Contacts",)))
        return rows

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
        # The review was closed while the search ran (or is being taken down).
        line = next(iter(self.query("#duplicates").results(Static)), None)
        if not self.is_attached or line is None:
            return
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
            "New contacts, meetings and follow-ups done per week (e)",
            self.action_goals,
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "accept":  # shown only when there is a longer rhythm to accept
            return bool(self.review and self.review.suggestions)
        if action == "duplicates":
            return self.duplicates > 0
        if action == "toggle_leads":  # shown only when some leads are counted on one line
            return self.leads.collapsed
        if action not in ("write", "move_on", "dismiss_item", "done", "snooze"):
            return True
        # (no list yet before the screen is composed)
        found = next(iter(self.query(VirtualList).results(VirtualList)), None)
        key = found.cursor_key if found is not None else None
        kind = key[0] if isinstance(key, tuple) else None
        if action == "write":  # every row about a person (not the line counting leads)
            return kind is not None and kind != "more-leads"
        if action == "move_on":
            return kind == "waiting"
        if action == "dismiss_item":
            return kind == "loop"
        if action in ("done", "snooze"):
            # Nothing to mark done or to put off while someone's reply is awaited: `w`
            # writes the follow-up, `m` stops waiting.
            return kind != "waiting"
        return True

    @property
    def selected(self) -> tuple[str, int] | None:
        key = self.query_one(VirtualList).cursor_key
        return key if isinstance(key, tuple) else None

    @property
    def selected_waiting(self) -> Waiting | None:
        """The row of "Waiting for a reply" under the cursor, if any."""
        selected = self.selected
        if selected is None or selected[0] != "waiting" or self.review is None:
            return None
        return next((w for w in self.review.waiting or () if w.contact.id == selected[1]), None)

    @property
    def selected_owed(self) -> Owed | None:
        """The item of "Close the loop" under the cursor, if any."""
        selected = self.selected
        owed = self.review.loop or () if self.review else ()
        if selected is None or selected[0] != "loop" or not 0 <= selected[1] < len(owed):
            return None
        return owed[selected[1]]

    @on(VirtualList.Highlighted)
    def _highlighted(self) -> None:
        self.refresh_bindings()  # the row's own keys in the footer

    @on(VirtualList.Selected)
    async def _selected(self) -> None:
        await self.action_open()

    async def action_toggle_leads(self) -> None:
        """List the leads nobody referred, or fold them back into their count line."""
        self.all_leads = not self.all_leads
        await self.refresh_data()
        self.query_one(VirtualList).select_key(("more-leads", 0))

    async def action_open(self) -> None:
        selected = self.selected
        if selected is None:
            return
        if selected[0] == "more-leads":
            await self.action_toggle_leads()
            return
        contact_id = self._contact_of(*selected)
        if contact_id is not None:
            self.app.open_screen("contact", contact_id)  # type: ignore[attr-defined]

    def action_duplicates(self) -> None:
        self.app.open_screen("duplicates")  # type: ignore[attr-defined]

    def _contact_of(self, kind: str, item_id: int) -> int | None:
        """The contact a row is about (a follow-up's, or the row's own; none for the line
        that counts the leads nobody referred)."""
        if kind == "more-leads":
            return None
        if kind == "loop":
            owed = self.selected_owed if self.selected == (kind, item_id) else None
            return owed.person.id if owed else None
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
        elif kind == "loop" and (owed := self.selected_owed) is not None:
            note = done_note(owed, today)  # type: ignore[arg-type]
            if await app.change(store.close_loop_item, owed.key, note):  # type: ignore[attr-defined]
                self.notify(f"Done: {owed.text}", markup=False)
        elif kind == "suggest":
            await self.action_accept()
        elif kind == "more-leads":
            self.notify("L lists these leads; d on one marks them contacted")
        else:
            self.notify("Log the interaction with n, or plan one with s")

    async def action_move_on(self) -> None:
        """Stop waiting for the selected contact's reply (today): off the section."""
        waiting = self.selected_waiting
        if waiting is None or waiting.contact.id is None:
            self.notify("Pick someone under 'Waiting for a reply' to move on from")
            return
        store = self.app.store  # type: ignore[attr-defined]
        today = self.app.today  # type: ignore[attr-defined]
        if await self.app.change(store.mark_moved_on, waiting.contact.id, today):  # type: ignore[attr-defined]
            self.notify(
                f"Moved on from {waiting.contact.name}: no reply (ctrl+z to undo)", markup=False
            )

    async def action_dismiss_item(self) -> None:
        """Nothing to tell: the selected item of "Close the loop" leaves for good."""
        owed = self.selected_owed
        if owed is None:
            self.notify("Pick an item under 'Close the loop' to dismiss")
            return
        store = self.app.store  # type: ignore[attr-defined]
        if await self.app.change(store.set_loop_state, owed.key, LoopStatus.DISMISSED):  # type: ignore[attr-defined]
            self.notify(f"Dismissed: {owed.text}", markup=False)

    def action_write(self) -> None:
        """The draft for the selected row: the follow-up for someone who has not replied,
        or the outreach to the next person in at their company when one is suggested;
        the update for someone who helped; on any other row, what is due for its person
        (`drafts.draft_for`: a thank-you owed, a first message to a lead…)."""
        contact_id, kind = self._draft_of()
        if contact_id is None:
            self.notify("Pick a person to write to")
            return
        self.app.open_screen("draft", contact_id, kind)  # type: ignore[attr-defined]

    def _draft_of(self) -> tuple[int | None, DraftKind | None]:
        """Whom the selected row's draft is for, and which draft."""
        waiting = self.selected_waiting
        if waiting is not None:
            if waiting.stage == Stage.TRY_ANOTHER and waiting.suggested_id is not None:
                return waiting.suggested_id, DraftKind.OUTREACH
            return waiting.contact.id, DraftKind.FOLLOW_UP
        owed = self.selected_owed
        if owed is not None:
            return owed.person.id, DraftKind.UPDATE
        selected = self.selected
        return (self._contact_of(*selected) if selected else None), None

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
        if kind == "loop":
            await self._snooze_owed()
            return
        if kind not in REMINDERS:  # the line that counts leads: nobody to plan a touch with
            self.notify("Pick one lead to plan a touch with (L lists them)")
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

    async def _snooze_owed(self) -> None:
        """Put the selected item of "Close the loop" off until a day (the snooze dialog's);
        it comes back then."""
        from netui.ui.dialogs.snooze import SnoozeScreen

        owed = self.selected_owed
        if owed is None:
            return
        store = self.app.store  # type: ignore[attr-defined]
        today = self.app.today  # type: ignore[attr-defined]
        until = await self.app.push_screen_wait(SnoozeScreen(FollowUp(owed.text, today)))
        if until is None:
            return
        if await self.app.change(store.set_loop_state, owed.key, LoopStatus.SNOOZED, until):  # type: ignore[attr-defined]
            self.notify(f"Snoozed until {format_date(until, today)}: {owed.text}", markup=False)

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
