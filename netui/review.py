"""The rules of the daily review: pure functions of the network and `today`.

What is overdue or due, which thank-you notes are owed, who is going cold, which names
are still waiting for a first message, and how the network grew this week.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from netui.model import Contact, FollowUp, Network, Note, Status

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
    if followup.due < today:
        return Bucket.OVERDUE
    if followup.due == today:
        return Bucket.TODAY
    if followup.due < today + timedelta(days=7):
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
    """A contact past their keep-in-touch rhythm, with nothing planned."""

    contact: Contact
    last_touch: date
    days_since: int


@dataclass(frozen=True, slots=True)
class WeekCounts:
    """How the network grew in one week (Monday to Sunday)."""

    start: date
    contacts_added: int = 0
    meetings: int = 0
    followups_done: int = 0


@dataclass(frozen=True, slots=True)
class DailyReview:
    """Everything the review screen and `netui today` show."""

    today: date
    overdue: list[FollowUp]
    due_today: list[FollowUp]
    this_week: list[FollowUp]
    thank_yous: list[ThankYou]
    going_cold: list[ColdContact]
    leads: list[Contact]
    weeks: list[WeekCounts]
    """The last 8 weeks, oldest first; the last one is this week so far."""

    @property
    def this_weeks_counts(self) -> WeekCounts:
        return self.weeks[-1]

    @property
    def all_clear(self) -> bool:
        """Nothing overdue, due today, owed or going cold."""
        return not (self.overdue or self.due_today or self.thank_yous or self.going_cold)


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


def going_cold(network: Network, today: date) -> list[ColdContact]:
    """Contacts with a rhythm (`cadence_days`) whose last touch is older than it, and with
    no open follow-up. A contact never touched counts from when it was added."""
    planned = open_followups_by_contact(network)
    touches = last_touches(network)
    cold = []
    for contact in network.contacts:
        if not contact.cadence_days or contact.id is None or contact.id in planned:
            continue
        last = touches.get(contact.id) or (contact.created.date() if contact.created else None)
        if last is None:
            continue
        days = (today - last).days
        if days > contact.cadence_days:
            cold.append(ColdContact(contact, last, days))
    return sorted(cold, key=lambda c: c.days_since - (c.contact.cadence_days or 0), reverse=True)


def uncontacted_leads(network: Network) -> list[Contact]:
    """Leads (names you have not reached out to), the ones someone referred first."""
    leads = [c for c in network.contacts if c.status is Status.LEAD]
    return sorted(
        leads, key=lambda c: (c.referred_by is None, c.created or datetime.min, c.id or 0)
    )


def weekly_counts(network: Network, today: date, weeks: int = 8) -> list[WeekCounts]:
    """Contacts added, meetings held and follow-ups done per week, oldest week first."""
    first = week_start(today) - timedelta(weeks=weeks - 1)
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


def daily_review(network: Network, today: date) -> DailyReview:
    """The whole daily review for `today`."""
    buckets: dict[Bucket, list[FollowUp]] = defaultdict(list)
    for followup in sorted(network.followups, key=lambda f: (f.due, f.id or 0)):
        if followup.done is None:
            buckets[bucket(followup, today)].append(followup)
    return DailyReview(
        today=today,
        overdue=buckets[Bucket.OVERDUE],
        due_today=buckets[Bucket.TODAY],
        this_week=buckets[Bucket.THIS_WEEK],
        thank_yous=thank_yous_owed(network, today),
        going_cold=going_cold(network, today),
        leads=uncontacted_leads(network),
        weeks=weekly_counts(network, today),
    )
