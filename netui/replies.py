"""The reply clock: who has not answered a message, and what to do about it.

Steve Dalton's "3B7" rule (*The 2-Hour Job Search*): when a contact has not replied after
3 business days, reach out to a second person at the same organisation; after 7 business
days, follow up once with the first; after another 7 with no reply, move on. People who
reply within 3 business days are the ones who help.

Pure functions of the network and `today`; no Textual here.

The clock of a contact runs over their notes, in order (date, then when saved, then id):
- an `outreach` note starts a clock if none is running; a second one while it runs is
  the one follow-up (its date remembered); more change nothing;
- an incoming note (a reply, a call, a meeting, a coffee, an event) stops a running
  clock: it finishes as replied, after the business days from its start to that note's
  date. An email or a plain note is neither incoming nor outgoing (an email's direction
  is not recorded): log a message you sent as an outreach, their answer as a reply;
- the contact's `moved_on` day (the "move on" key) closes a clock started on or before
  it as "no reply" (a reply logged the same day counts first). A reply logged after
  moving on, with no outreach since, turns that "no reply" into a late reply.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from netui.companies import PathKind, company_key, group_companies
from netui.model import Contact, Network, Note
from netui.text import fold, plural
from netui.workdays import business_days_between

TRY_ANOTHER_AFTER = 3
"""Business days without a reply before reaching out to a second person there."""
FOLLOW_UP_AFTER = 7
"""Business days without a reply before the one follow-up."""
MOVE_ON_AFTER = 7
"""Business days after the follow-up without a reply before moving on."""
FAST_WITHIN = 3
"""A reply within this many business days is a fast one ("replies fast")."""


class Stage(StrEnum):
    """Where a running clock is."""

    WAITING = "waiting"
    """Too early to do anything (not listed)."""
    TRY_ANOTHER = "try-another"
    """3 business days: reach out to a second person at the same company."""
    FOLLOW_UP = "follow-up"
    """7 business days: follow up once."""
    MOVE_ON = "move-on"
    """7 business days after the follow-up: move on."""


class Label(StrEnum):
    """How a contact answers, from their most recent finished clock."""

    FAST = "fast"
    LATE = "late"
    NONE = "none"

    @property
    def text(self) -> str:
        """ "replies fast", "replies late", "no reply"."""
        return {Label.FAST: "replies fast", Label.LATE: "replies late", Label.NONE: "no reply"}[
            self
        ]


@dataclass(frozen=True, slots=True)
class Clock:
    """One wait for a reply: from an outreach to their answer, to moving on, or to now."""

    contact_id: int
    start: date
    """The day of the outreach that started it."""
    follow_up: date | None = None
    """The day of the one follow-up, if sent."""
    replied: date | None = None
    """The day of their answer (a finished clock)."""
    replied_after: int | None = None
    """Business days from `start` to `replied`."""
    no_reply: bool = False
    """Closed by moving on."""

    @property
    def running(self) -> bool:
        return self.replied is None and not self.no_reply

    def stage(self, today: date) -> Stage:
        """Where a running clock is on `today` (a finished one is WAITING: nothing to do)."""
        if not self.running:
            return Stage.WAITING
        if self.follow_up is not None:
            after = business_days_between(self.follow_up, today)
            return Stage.MOVE_ON if after >= MOVE_ON_AFTER else Stage.WAITING
        days = business_days_between(self.start, today)
        if days >= FOLLOW_UP_AFTER:
            return Stage.FOLLOW_UP
        return Stage.TRY_ANOTHER if days >= TRY_ANOTHER_AFTER else Stage.WAITING

    def too_young(self, today: date) -> bool:
        """Running, and too young to tell (under 3 business days, no follow-up yet)."""
        return (
            self.running
            and self.follow_up is None
            and business_days_between(self.start, today) < TRY_ANOTHER_AFTER
        )

    def days(self, today: date) -> int:
        """Business days waited: since the follow-up once sent, else since the start."""
        return business_days_between(self.follow_up or self.start, today)


def _note_order(note: Note) -> tuple[date, datetime, int]:
    return (note.date, note.created or datetime.min, note.id or 0)


def clocks_of(contact: Contact, notes: Iterable[Note]) -> list[Clock]:
    """Every clock of one contact, oldest first (`notes`: theirs, in any order)."""
    assert contact.id is not None
    clocks: list[Clock] = []
    running: Clock | None = None
    moved_on = contact.moved_on

    def close_if_moved_on(before: date | None) -> None:
        """Close the running clock as "no reply" if the move-on day falls before `before`
        (None: at the end) and on or after its start."""
        nonlocal running
        if running is None or moved_on is None or moved_on < running.start:
            return
        if before is None or moved_on < before:
            clocks.append(Clock(contact.id or 0, running.start, running.follow_up, no_reply=True))
            running = None

    for note in sorted(notes, key=_note_order):
        close_if_moved_on(note.date)
        if note.kind.is_outgoing:
            if running is None:
                running = Clock(contact.id, note.date)
            elif running.follow_up is None:
                running = Clock(contact.id, running.start, note.date)
        elif note.kind.is_incoming:
            if running is not None:
                after = business_days_between(running.start, note.date)
                clocks.append(Clock(contact.id, running.start, running.follow_up, note.date, after))
                running = None
            elif clocks and clocks[-1].no_reply and note.date >= clocks[-1].start:
                # They answered after all, after the user moved on: a late reply.
                last = clocks[-1]
                after = business_days_between(last.start, note.date)
                clocks[-1] = Clock(contact.id, last.start, last.follow_up, note.date, after)
    close_if_moved_on(None)
    if running is not None:
        clocks.append(running)
    return clocks


def all_clocks(network: Network) -> dict[int, list[Clock]]:
    """Every contact's clocks (only those with at least one), oldest first."""
    notes: dict[int, list[Note]] = defaultdict(list)
    for note in network.notes:
        if note.contact_id is not None and (note.kind.is_outgoing or note.kind.is_incoming):
            notes[note.contact_id].append(note)
    result = {}
    for contact_id, theirs in notes.items():
        contact = network.by_id.get(contact_id)
        if contact is None or not any(n.kind.is_outgoing for n in theirs):
            continue
        found = clocks_of(contact, theirs)
        if found:
            result[contact_id] = found
    return result


def running_clock(contact: Contact, network: Network) -> Clock | None:
    """The contact's running clock, if any (what `draft_for` asks about one person)."""
    if contact.id is None:
        return None
    theirs = [n for n in network.notes if n.contact_id == contact.id]
    clocks = clocks_of(contact, theirs)
    return clocks[-1] if clocks and clocks[-1].running else None


# --- the review's section ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WaitingRow:
    """One contact whose silence calls for something: what, and whom else to try."""

    stage: Stage
    contact: Contact
    days: int
    """Business days waited (since the follow-up for MOVE_ON, else since the outreach)."""
    text: str
    """What to do, as the review and `netui today` say it."""
    suggested_id: int | None = None
    """For TRY_ANOTHER: the person to try next at the same company, if there is one."""
    since: date | None = None
    """The day of the outreach (or of the follow-up for MOVE_ON)."""


_URGENCY = {Stage.FOLLOW_UP: 0, Stage.TRY_ANOTHER: 1, Stage.MOVE_ON: 2}
"""The order of the section: the follow-up is due now (the one chance to be answered),
a second person at the company is the next thing to try, moving on is tidying up."""


def waiting_for_replies(network: Network, today: date) -> list[WaitingRow]:
    """The contacts whose reply clock calls for something today, most urgent first
    (follow up, then try another, then move on; the longest wait first within each).

    A clock still WAITING is not listed. TRY_ANOTHER is not listed once someone else at
    the same company has been sent an outreach since the clock started (the step is
    done); the person suggested is the best path in at the company (the companies
    view's order: met, then contacted, then leads), leaving out this contact, anyone
    still being waited for, and anyone whose last clock ended without a reply.
    """
    clocks = all_clocks(network)
    running = {cid: found[-1] for cid, found in clocks.items() if found[-1].running}
    staged = [(clock, clock.stage(today)) for clock in running.values()]
    staged = [(clock, stage) for clock, stage in staged if stage is not Stage.WAITING]
    if not staged:
        return []
    silent = {cid for cid, found in clocks.items() if found[-1].no_reply}
    picker = _Picker(network, clocks, running.keys() | silent)
    staged = [
        (clock, stage)
        for clock, stage in staged
        if stage is not Stage.TRY_ANOTHER
        or not picker.tried_another(network.by_id[clock.contact_id], clock.start)
    ]
    picker.prepare(
        network.by_id[clock.contact_id] for clock, stage in staged if stage is Stage.TRY_ANOTHER
    )
    rows = []
    for clock, stage in staged:
        contact = network.by_id[clock.contact_id]
        days = clock.days(today)
        since = clock.follow_up or clock.start
        if stage is Stage.FOLLOW_UP:
            rows.append(
                WaitingRow(stage, contact, days, f"Follow up once with {contact.name}", None, since)
            )
        elif stage is Stage.MOVE_ON:
            rows.append(
                WaitingRow(
                    stage, contact, days, f"{contact.name} has not replied: move on", None, since
                )
            )
        else:
            suggested, advice = picker.next_in(contact)
            text = f"No reply from {contact.name} ({_business_days(days)}): {advice}"
            rows.append(WaitingRow(stage, contact, days, text, suggested, since))
    rows.sort(key=lambda r: (_URGENCY[r.stage], -r.days, fold(r.contact.name), r.contact.id or 0))
    return rows


def _business_days(days: int) -> str:
    return f"{days} business day{'s' if days != 1 else ''}"


class _Picker:
    """Who to try next at a company, worked out once per review."""

    def __init__(self, network: Network, clocks: dict[int, list[Clock]], busy: set[int]) -> None:
        self.network = network
        self.busy = busy
        self._groups: dict[str, tuple[str, list[Contact]]] | None = None
        self.outreach: dict[str, list[tuple[date, int]]] = defaultdict(list)
        """Per company key: (day of each outreach, contact id)."""
        for contact_id, found in clocks.items():
            contact = network.by_id.get(contact_id)
            key = company_key(contact.company) if contact else ""
            if key:
                for clock in found:
                    self.outreach[key].append((clock.start, contact_id))
                    if clock.follow_up is not None:
                        self.outreach[key].append((clock.follow_up, contact_id))

    def tried_another(self, contact: Contact, start: date) -> bool:
        """Whether someone else at the contact's company was sent an outreach since."""
        key = company_key(contact.company)
        return bool(key) and any(
            day >= start and other != contact.id for day, other in self.outreach.get(key, ())
        )

    def next_in(self, contact: Contact) -> tuple[int | None, str]:
        """The person to try next (their id, or None) and the advice's words."""
        company = " ".join(contact.company.split())
        if not company:
            return None, "add someone else in their field"
        name, people = self._group(company_key(company))
        for person in people:
            if person.id != contact.id and person.id not in self.busy:
                return person.id, f"try {person.name} at {name or company}"
        return None, f"add someone at {name or company}"

    def prepare(self, contacts: Iterable[Contact]) -> None:
        """Work out the people in at the companies of `contacts` (only those: ranking a
        30,000-contact network's every company costs half a second)."""
        keys = {company_key(c.company) for c in contacts} - {""}
        staff = tuple(c for c in self.network.contacts if company_key(c.company) in keys)
        ids = {c.id for c in staff}
        part = Network(
            contacts=staff,
            followups=tuple(f for f in self.network.followups if f.contact_id in ids),
            notes=tuple(n for n in self.network.notes if n.contact_id in ids),
        )  # (their own notes and follow-ups: all the order of direct paths reads)
        self._groups = {
            group.key: (group.name, [p.ask for p in group.paths if p.kind is PathKind.DIRECT])
            for group in group_companies(part)
        }

    def _group(self, key: str) -> tuple[str, Sequence[Contact]]:
        """The company's name as the companies view shows it, and its people, best path
        in first."""
        return (self._groups or {}).get(key, ("", []))


# --- labels and rates --------------------------------------------------------------------------


def label_of(clocks: Sequence[Clock]) -> Label | None:
    """The label from the most recent finished clock (None: none finished)."""
    for clock in reversed(clocks):
        if clock.no_reply:
            return Label.NONE
        if clock.replied_after is not None:
            return Label.FAST if clock.replied_after <= FAST_WITHIN else Label.LATE
    return None


def responsiveness(network: Network) -> dict[int, Label]:
    """Each contact's label, for those with a finished clock: "replies fast" (within 3
    business days), "replies late", "no reply" (moved on)."""
    labels = {}
    for contact_id, clocks in all_clocks(network).items():
        label = label_of(clocks)
        if label is not None:
            labels[contact_id] = label
    return labels


@dataclass(frozen=True, slots=True)
class ReplyRate:
    """How many of the contacts reached out to replied."""

    replied: int = 0
    reached: int = 0

    @property
    def rate(self) -> float | None:
        """The share who replied (None: nobody reached yet)."""
        return self.replied / self.reached if self.reached else None

    def add(self, replied: bool) -> ReplyRate:
        return ReplyRate(self.replied + replied, self.reached + 1)


HOW_MET = ("referral", "linkedin", "event", "other")
"""The groups of `how_met_group`, in the order they are reported."""
_EVENT_WORDS = ("event", "meetup", "meet-up", "conference")


def how_met_group(contact: Contact) -> str:
    """How I met them, for the reply rates: `referral` (someone referred them),
    `linkedin` (a linkedin tag, or LinkedIn in how we met), `event` (an event, meetup or
    conference in how we met or the tags), else `other`; the first that fits."""
    if contact.referred_by is not None:
        return "referral"
    tags = [fold(t) for t in contact.tags]
    how = fold(contact.how_met)
    if "linkedin" in tags or "linkedin" in how:
        return "linkedin"
    if any(word in how or any(word in t for t in tags) for word in _EVENT_WORDS):
        return "event"
    return "other"


@dataclass(frozen=True, slots=True)
class ReplyRates:
    """`netui stats`' reply rates."""

    overall: ReplyRate
    by_how_met: dict[str, ReplyRate]
    """Per `HOW_MET` group, in that order (every group, maybe with nobody)."""
    by_referrer: dict[str, ReplyRate]
    """`named` (a referrer recorded) and `not named`."""


def reply_rates(network: Network, today: date) -> ReplyRates:
    """Of the contacts reached out to, how many replied: overall, by how met, by whether
    a referrer was named. A contact counts once: replied if any clock of theirs finished
    with a reply. One whose only clock is still too young to tell (under 3 business days,
    no follow-up yet) is left out; one waiting after the follow-up counts as not replied."""
    overall = ReplyRate()
    by_how = dict.fromkeys(HOW_MET, ReplyRate())
    by_referrer = {"named": ReplyRate(), "not named": ReplyRate()}
    for contact_id, clocks in all_clocks(network).items():
        counted = [c for c in clocks if not c.too_young(today)]
        if not counted:
            continue
        contact = network.by_id[contact_id]
        replied = any(c.replied is not None for c in counted)
        overall = overall.add(replied)
        group = how_met_group(contact)
        by_how[group] = by_how[group].add(replied)
        named = "named" if contact.referred_by is not None else "not named"
        by_referrer[named] = by_referrer[named].add(replied)
    return ReplyRates(overall, by_how, by_referrer)


def clock_stage(contact: Contact, network: Network, today: date) -> Stage | None:
    """The stage of the contact's running clock (None: no clock running)."""
    clock = running_clock(contact, network)
    return clock.stage(today) if clock is not None else None


_GROUP_WORDS = {
    "referral": "referred",
    "linkedin": "LinkedIn",
    "event": "events",
    "other": "other",
}


def _rate(rate: ReplyRate) -> str:
    """ "50% (2 of 4)", "- (0 of 0)"."""
    share = f"{round(100 * rate.rate)}%" if rate.rate is not None else "-"
    return f"{share} ({rate.replied} of {rate.reached})"


def describe_rates(rates: ReplyRates) -> list[str]:
    """The reply rates as `netui stats` prints them: an overall line, then by how met and
    by referrer (groups with nobody left out); nothing when nobody was reached yet."""
    if not rates.overall.reached:
        return []
    by_how = [f"{_GROUP_WORDS[g]} {_rate(r)}" for g, r in rates.by_how_met.items() if r.reached]
    by_ref = [f"{name} {_rate(r)}" for name, r in rates.by_referrer.items() if r.reached]
    return [
        f"Reply rate: {rates.overall.replied} of {plural(rates.overall.reached, 'person')} "
        f"you reached out to replied ({_rate(rates.overall).split()[0]})",
        f"  by how you met: {', '.join(by_how)}",
        f"  by referrer: {', '.join(by_ref)}",
    ]
