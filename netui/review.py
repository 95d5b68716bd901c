"""The rules of the daily review: pure functions of the network and `today`.

What is overdue or due, which thank-you notes are owed, who is due for a touch or going
cold (the rhythm rules are `netui.rhythm`'s), which names are still waiting for a first
message, and how the network grew this week against the weekly goals.

Two sections come from services that sit above this module in the layers (they use the
companies view, which uses `last_touches` here): who has not replied (`netui.replies`)
and what is owed to the people who helped (`netui.ledger`). `DailyReview` holds them as
the structural types `Waiting` and `Owed`; `netui.report.with_loop` fills them in.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Protocol

from netui.model import Contact, FollowUp, Goals, Network, Note, Status
from netui.rhythm import (
    STREAK_TO_SUGGEST,
    CadenceDefaults,
    RhythmState,
    cold_streak,
    effective_cadence,
    has_defaults,
    next_preset,
    rhythm_state,
)

THANK_YOU_WINDOW = 2
"""Days after a meeting during which a thank-you is still owed (and still timely)."""


class Bucket(StrEnum):
    """Where an open follow-up falls, as the follow-ups pane groups them."""

    OVERDUE = "Overdue"
    TODAY = "Today"
    THIS_WEEK = "This week"
    LATER = "Later"


def bucket(followup: FollowUp, today: date) -> Bucket:
    """Overdue, today, within the next 7 days ("this week"), or later."""
    # Days between the two, not `today + 7 days`: a difference of dates never overflows,
    # whatever dates the data holds.
    ahead = (followup.due - today).days
    if ahead < 0:
        return Bucket.OVERDUE
    if ahead == 0:
        return Bucket.TODAY
    if ahead < 7:
        return Bucket.THIS_WEEK
    return Bucket.LATER


def week_start(day: date) -> date:
    """The Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True, slots=True)
class ThankYou:
    """A meeting that has not been followed by a thank-you yet."""

    contact: Contact
    meeting: Note


@dataclass(frozen=True, slots=True)
class ColdContact:
    """A contact due for a touch or going cold (past their rhythm), with nothing planned."""

    contact: Contact
    last_touch: date
    days_since: int
    cadence: int = 0
    """Their rhythm in days (their own, or the default of a tag or of their status)."""
    state: RhythmState = RhythmState.COLD


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A contact who went cold several times in a row: a longer rhythm would suit them."""

    contact: Contact
    current: int
    """Their rhythm now, in days."""
    suggested: int
    """The next preset up, in days."""
    streak: int = STREAK_TO_SUGGEST
    """How many times in a row they went cold (`cold_streak`)."""


@dataclass(frozen=True, slots=True)
class WeekCounts:
    """How the network grew in one week (Monday to Sunday)."""

    start: date
    contacts_added: int = 0
    meetings: int = 0
    followups_done: int = 0


@dataclass(frozen=True, slots=True)
class Progress:
    """One weekly goal: this week's count against it, and the last 8 weeks."""

    key: str
    """"contacts_added", "meetings" or "followups_done" (the `WeekCounts` field)."""
    label: str
    done: int
    goal: int
    trend: tuple[int, ...]
    """The last 8 weeks, oldest first; the last one is this week so far."""

    @property
    def met(self) -> bool:
        return self.done >= self.goal


PROGRESS = (
    ("contacts_added", "New contacts", "contacts"),
    ("meetings", "Meetings", "meetings"),
    ("followups_done", "Follow-ups done", "followups"),
)
"""Each weekly count: its `WeekCounts` field, its label and its `Goals` field."""


class Waiting(Protocol):
    """A row of "Waiting for a reply" (`netui.replies.WaitingRow`): a contact whose
    silence calls for something today."""

    @property
    def stage(self) -> str:
        """`netui.replies.Stage`: try-another, follow-up or move-on."""
        ...

    @property
    def contact(self) -> Contact: ...

    @property
    def days(self) -> int:
        """Business days waited."""
        ...

    @property
    def text(self) -> str:
        """What to do ("Follow up once with Priya Patel")."""
        ...

    @property
    def suggested_id(self) -> int | None:
        """The person to try next at their company, if any."""
        ...

    @property
    def since(self) -> date | None:
        """The day of the outreach (or of the follow-up)."""
        ...


class Owed(Protocol):
    """An item of "Close the loop" (`netui.ledger.LoopItem`): something to tell someone
    who helped."""

    @property
    def key(self) -> str:
        """The item's stable key (`Store.set_loop_state`)."""
        ...

    @property
    def person(self) -> Contact:
        """Whom to tell."""
        ...

    @property
    def text(self) -> str:
        """ "Tell Ana Lopez you met Priya Patel"."""
        ...

    @property
    def arose(self) -> date: ...


@dataclass(frozen=True, slots=True)
class DailyReview:
    """Everything the review screen and `netui today` show."""

    today: date
    overdue: list[FollowUp]
    due_today: list[FollowUp]
    this_week: list[FollowUp]
    thank_yous: list[ThankYou]
    going_cold: list[ColdContact]
    """Contacts at 1.5 times their rhythm or more since the last touch."""
    leads: list[Contact]
    """Every lead not contacted yet: the referred ones first (`uncontacted_leads`)."""
    weeks: list[WeekCounts]
    """The last 8 weeks, oldest first; the last one is this week so far."""
    due_touch: list[ColdContact] = field(default_factory=list)
    """Contacts at their rhythm since the last touch, not cold yet."""
    suggestions: list[Suggestion] = field(default_factory=list)
    """Contacts who went cold three times in a row, with a longer rhythm to try."""
    goals: Goals = field(default_factory=Goals)
    """The weekly goals that `progress` measures this week against."""
    waiting: Sequence[Waiting] | None = None
    """Who has not replied and what to do about it, most urgent first
    (`netui.replies.waiting_for_replies`); None until `netui.report.with_loop` looked."""
    loop: Sequence[Owed] | None = None
    """What is owed to the people who helped, most recent first
    (`netui.ledger.close_the_loop`); None until `netui.report.with_loop` looked."""

    @property
    def this_weeks_counts(self) -> WeekCounts:
        return self.weeks[-1]

    @property
    def lead_groups(self) -> LeadGroups:
        """The leads as listed: referred first, the others collapsed when many."""
        return group_leads(self.leads)

    @property
    def progress(self) -> list[Progress]:
        """New contacts, meetings and follow-ups done: this week against the goals."""
        return progress(self.weeks, self.goals)

    @property
    def all_clear(self) -> bool:
        """Nothing overdue, due today, owed, waited for, due for a touch or going cold."""
        return not (
            self.overdue
            or self.due_today
            or self.thank_yous
            or self.waiting
            or self.loop
            or self.due_touch
            or self.going_cold
        )


def open_followups_by_contact(network: Network) -> set[int]:
    """Ids of the contacts that have at least one open follow-up."""
    return {f.contact_id for f in network.followups if f.done is None and f.contact_id is not None}


def last_touches(network: Network) -> dict[int, date]:
    """Per contact, the date of the last note or done follow-up (the rhythm resets there)."""
    last: dict[int, date] = {}
    for note in network.notes:
        if note.contact_id is not None and note.date > last.get(note.contact_id, date.min):
            last[note.contact_id] = note.date
    for followup in network.followups:
        if followup.contact_id is not None and followup.done is not None:
            done = followup.done.date()
            if done > last.get(followup.contact_id, date.min):
                last[followup.contact_id] = done
    return last


def thank_yous_owed(network: Network, today: date) -> list[ThankYou]:
    """Meetings of the last two days with no email, call or meeting after them and no
    open follow-up for that person (which would be the thank-you, planned), nor one done
    since the meeting (the thank-you, sent)."""
    planned = open_followups_by_contact(network)
    done: dict[int, list[datetime]] = defaultdict(list)
    for followup in network.followups:
        if followup.contact_id is not None and followup.done is not None:
            done[followup.contact_id].append(followup.done)
    by_contact: dict[int, list[Note]] = defaultdict(list)
    for note in network.notes:
        if note.contact_id is not None and note.kind.is_interaction:
            by_contact[note.contact_id].append(note)
    owed = []
    for contact_id, notes in by_contact.items():
        contact = network.by_id.get(contact_id)
        if contact is None or contact_id in planned:
            continue
        latest = max(notes, key=_note_order)
        age = (today - latest.date).days
        if any(_done_since(moment, latest) for moment in done.get(contact_id, ())):
            continue
        if latest.kind.is_meeting and 0 <= age <= THANK_YOU_WINDOW:
            owed.append(ThankYou(contact, latest))
    return sorted(owed, key=lambda t: (t.meeting.date, t.contact.name))


def _done_since(done: datetime, note: Note) -> bool:
    """Whether a follow-up done at `done` came after the interaction `note` records.

    On the note's own day, only if it was done after the note was written down (the
    preparation done before a meeting is not its thank-you).
    """
    if done.date() != note.date:
        return done.date() > note.date
    return note.created is None or done >= note.created


def _note_order(note: Note) -> tuple[date, str, int]:
    created = note.created.isoformat() if note.created else ""
    return (note.date, created, note.id or 0)


def touch_dates(network: Network) -> dict[int, list[date]]:
    """Per contact, the dates of their notes and done follow-ups (unsorted, repeats kept)."""
    dates: dict[int, list[date]] = defaultdict(list)
    for note in network.notes:
        if note.contact_id is not None:
            dates[note.contact_id].append(note.date)
    for followup in network.followups:
        if followup.contact_id is not None and followup.done is not None:
            dates[followup.contact_id].append(followup.done.date())
    return dates


def rhythm_states(
    network: Network,
    today: date,
    defaults: CadenceDefaults | None = None,
    touches: dict[int, date] | None = None,
    only: Iterable[int] | None = None,
) -> dict[int, RhythmState]:
    """The contacts that are due for a touch or cold (`rhythm_state`), by id; the others
    are left out. `touches` (from `last_touches`) saves computing them again; `only`
    limits the answer to those contacts (the read model's update after a change)."""
    planned = open_followups_by_contact(network)
    touches = last_touches(network) if touches is None else touches
    any_default = has_defaults(defaults)
    contacts = (
        network.contacts
        if only is None
        else [c for i in only if (c := network.by_id.get(i)) is not None]
    )
    states: dict[int, RhythmState] = {}
    for contact in contacts:
        if contact.id is None or contact.id in planned:
            continue
        if not (contact.cadence_days or any_default):
            continue  # the common case at LinkedIn scale: no rhythm at all
        state = rhythm_state(contact, touches.get(contact.id), today, defaults)
        if state is not RhythmState.OK:
            states[contact.id] = state
    return states


def past_rhythm(
    network: Network, today: date, defaults: CadenceDefaults | None = None
) -> dict[RhythmState, list[ColdContact]]:
    """The contacts going cold and due for a touch (keyed COLD and DUE), each list the
    furthest past their rhythm first."""
    touches = last_touches(network)
    found: dict[RhythmState, list[ColdContact]] = {RhythmState.COLD: [], RhythmState.DUE: []}
    for contact_id, state in rhythm_states(network, today, defaults, touches).items():
        contact = network.by_id[contact_id]
        last = touches.get(contact_id) or contact.created.date()  # type: ignore[union-attr]
        cadence = effective_cadence(contact, defaults) or 0
        found[state].append(ColdContact(contact, last, (today - last).days, cadence, state))
    for items in found.values():
        items.sort(key=lambda c: (c.cadence - c.days_since, c.contact.name))
    return found


def going_cold(
    network: Network, today: date, defaults: CadenceDefaults | None = None
) -> list[ColdContact]:
    """Contacts with a rhythm whose last touch is 1.5 times their rhythm ago or more, and
    with no open follow-up, the furthest past their rhythm first. A contact never touched
    counts from when it was added."""
    return past_rhythm(network, today, defaults)[RhythmState.COLD]


def due_for_touch(
    network: Network, today: date, defaults: CadenceDefaults | None = None
) -> list[ColdContact]:
    """Contacts at their rhythm since the last touch but not cold yet, with no open
    follow-up, the furthest past their rhythm first."""
    return past_rhythm(network, today, defaults)[RhythmState.DUE]


def longer_rhythms(
    network: Network, today: date, defaults: CadenceDefaults | None = None
) -> list[Suggestion]:
    """Contacts who went cold three times in a row, each with the next preset up."""
    planned = open_followups_by_contact(network)
    dates = touch_dates(network)
    found = []
    for contact in network.contacts:
        # Three gaps in a row need two touches at least (the first gap is from creation).
        if contact.id is None or len(dates.get(contact.id, ())) < STREAK_TO_SUGGEST - 1:
            continue
        current = effective_cadence(contact, defaults)
        if current is None:
            continue
        streak = cold_streak(
            contact, dates.get(contact.id, ()), today, defaults, planned=contact.id in planned
        )
        longer = next_preset(current) if streak >= STREAK_TO_SUGGEST else None
        if longer is not None:
            found.append(Suggestion(contact, current, longer, streak))
    return sorted(found, key=lambda s: (s.contact.name, s.contact.id or 0))


LEADS_COLLAPSE_OVER = 10
"""Leads nobody referred are listed one by one up to this many; more (a LinkedIn import
brings hundreds) are one line with their count, listed only when asked for."""


@dataclass(frozen=True, slots=True)
class LeadGroups:
    """The leads not contacted yet, as the review shows them: the ones someone referred
    (each a name given to you, the best kind) listed first, then the others, collapsed
    into a count when there are more than `LEADS_COLLAPSE_OVER`."""

    referred: tuple[Contact, ...] = ()
    """Leads someone referred, the longest waiting first."""
    others: tuple[Contact, ...] = ()
    """Leads nobody referred (imports, mostly), the newest first."""

    @property
    def collapsed(self) -> bool:
        """Whether the others are one count line rather than listed."""
        return len(self.others) > LEADS_COLLAPSE_OVER

    @property
    def listed(self) -> tuple[Contact, ...]:
        """The leads listed one by one: the referred ones, then the others unless
        collapsed."""
        return self.referred if self.collapsed else self.referred + self.others

    @property
    def hidden(self) -> int:
        """How many leads the count line stands for (0 when nothing is collapsed)."""
        return len(self.others) if self.collapsed else 0

    def __len__(self) -> int:
        return len(self.referred) + len(self.others)


def group_leads(leads: Iterable[Contact]) -> LeadGroups:
    """Split `leads` into the referred ones, the longest waiting first, and the others,
    the newest first (a name added by hand today before the LinkedIn connections of
    years ago); ties by id."""
    referred: list[Contact] = []
    others: list[Contact] = []
    for lead in leads:
        (others if lead.referred_by is None else referred).append(lead)
    referred.sort(key=lambda c: (c.created or datetime.min, c.id or 0))
    others.sort(key=lambda c: (c.created or datetime.min, -(c.id or 0)), reverse=True)
    return LeadGroups(tuple(referred), tuple(others))


def uncontacted_leads(network: Network) -> list[Contact]:
    """Leads (names you have not reached out to): the ones someone referred first, the
    longest waiting first; then the others, the newest first (`group_leads`)."""
    groups = group_leads(c for c in network.contacts if c.status is Status.LEAD)
    return [*groups.referred, *groups.others]


def weekly_counts(network: Network, today: date, weeks: int = 8) -> list[WeekCounts]:
    """Contacts added, meetings held and follow-ups done per week, oldest week first.

    Near `date.min` (a `today` no clock gives, but a test or a bad file might) the weeks
    that would start before the first date there is are left out, rather than raise.
    """
    this_week = week_start(today)
    weeks = min(weeks, (this_week - date.min).days // 7 + 1)
    first = this_week - timedelta(weeks=weeks - 1)
    added: dict[date, int] = defaultdict(int)
    meetings: dict[date, int] = defaultdict(int)
    done: dict[date, int] = defaultdict(int)
    for contact in network.contacts:
        if contact.created and contact.created.date() >= first:
            added[week_start(contact.created.date())] += 1
    for note in network.notes:
        if note.kind.is_meeting and first <= note.date <= today:
            meetings[week_start(note.date)] += 1
    for followup in network.followups:
        if followup.done and followup.done.date() >= first:
            done[week_start(followup.done.date())] += 1
    starts = [first + timedelta(weeks=i) for i in range(weeks)]
    return [WeekCounts(s, added[s], meetings[s], done[s]) for s in starts]


def progress(weeks: list[WeekCounts], goals: Goals) -> list[Progress]:
    """Each weekly count of the last weeks (`weekly_counts`) against its goal."""
    return [
        Progress(
            key,
            label,
            getattr(weeks[-1], key) if weeks else 0,
            getattr(goals, goal),
            tuple(getattr(week, key) for week in weeks),
        )
        for key, label, goal in PROGRESS
    ]


def daily_review(
    network: Network,
    today: date,
    defaults: CadenceDefaults | None = None,
    goals: Goals | None = None,
) -> DailyReview:
    """The whole daily review for `today`, with the rhythm defaults by tag and status
    (`Store.cadence_defaults()`) and the weekly goals (`Store.goals()`)."""
    buckets: dict[Bucket, list[FollowUp]] = defaultdict(list)
    for followup in sorted(network.followups, key=lambda f: (f.due, f.id or 0)):
        if followup.done is None:
            buckets[bucket(followup, today)].append(followup)
    rhythm = past_rhythm(network, today, defaults)
    return DailyReview(
        today=today,
        overdue=buckets[Bucket.OVERDUE],
        due_today=buckets[Bucket.TODAY],
        this_week=buckets[Bucket.THIS_WEEK],
        thank_yous=thank_yous_owed(network, today),
        going_cold=rhythm[RhythmState.COLD],
        leads=uncontacted_leads(network),
        weeks=weekly_counts(network, today),
        due_touch=rhythm[RhythmState.DUE],
        suggestions=longer_rhythms(network, today, defaults),
        goals=goals if goals is not None else Goals(),
    )
