"""The domain vocabulary: plain dataclasses and enums, with no I/O and no UI.

These are what every layer above the store works with; the store converts them to and
from the documents of the TinyDB file in one place (`netui.store.convert`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

EARLIEST = date(1900, 1, 1)
"""The first date netui stores (a due date, a note's date, a created or done time)."""
LATEST = date(2200, 12, 31)
"""The last date netui stores: every date is checked against this range at entry (quick-add,
forms, imports, the file on load), so that date arithmetic, exports and the calendar never
meet a year they cannot handle."""


def date_in_range(day: date) -> bool:
    """Whether `day` is within the dates netui stores (EARLIEST to LATEST)."""
    return EARLIEST <= day <= LATEST


def date_range_text() -> str:
    """The supported range as messages name it."""
    return f"{EARLIEST.isoformat()} to {LATEST.isoformat()}"


class Status(StrEnum):
    """Where a contact is in the networking loop; it only ever moves forward."""

    LEAD = "lead"
    """A name to reach out to (often given by someone you met)."""
    CONTACTED = "contacted"
    """You have reached out (an email or a call)."""
    MET = "met"
    """You have had an informational interview or a meeting."""

    @property
    def rank(self) -> int:
        """Order in the loop, so that a status is never moved backwards by a new note."""
        return list(Status).index(self)


class NoteKind(StrEnum):
    """What kind of interaction a note records."""

    MEETING = "meeting"
    CALL = "call"
    COFFEE = "coffee"
    EVENT = "event"
    EMAIL = "email"
    OUTREACH = "outreach"
    """A message I sent to reach them: a first message, or the one follow-up. It starts
    the reply clock (`netui.replies`)."""
    REPLY = "reply"
    """Their answer to a message. It stops the reply clock."""
    NOTE = "note"
    """Not an interaction: anything worth remembering (last, so that choosing a kind
    goes round from a plain note to a meeting)."""

    @property
    def is_interaction(self) -> bool:
        """A meeting, call, coffee, event, email, outreach or reply is contact with the
        person; a plain note is not."""
        return self is not NoteKind.NOTE

    @property
    def is_outgoing(self) -> bool:
        """A message I sent to reach them (it starts the reply clock)."""
        return self is NoteKind.OUTREACH

    @property
    def is_incoming(self) -> bool:
        """Something from them, or with them: a reply, a call, a meeting, a coffee or an
        event (it stops the reply clock). An email is neither incoming nor outgoing (its
        direction is not recorded), nor is a plain note."""
        return self in _INCOMING

    @property
    def is_meeting(self) -> bool:
        """Met in person or face to face: a meeting, a coffee or an event."""
        return self in (NoteKind.MEETING, NoteKind.COFFEE, NoteKind.EVENT)

    @property
    def with_article(self) -> str:
        """ "a meeting", "an email", "an event", as sentences say it."""
        return f"{'an' if self.value[0] in 'aeiou' else 'a'} {self.value}"

    def moves(self, status: Status) -> Status | None:
        """The status an interaction of this kind moves a contact at `status` to (None:
        it stays): a meeting to `met`, a call, email, outreach or reply a lead to
        `contacted`; never back."""
        if not self.is_interaction:
            return None
        target = Status.MET if self.is_meeting else Status.CONTACTED
        return target if target.rank > status.rank else None


_INCOMING = frozenset(
    {NoteKind.REPLY, NoteKind.CALL, NoteKind.MEETING, NoteKind.COFFEE, NoteKind.EVENT}
)


MEETING_KINDS = (
    NoteKind.MEETING,
    NoteKind.CALL,
    NoteKind.COFFEE,
    NoteKind.EVENT,
    NoteKind.EMAIL,
)
"""What a logged meeting can be (the meeting log and `netui log`): not a plain note, and
not a message waiting for its answer."""


class DraftKind(StrEnum):
    """The messages netui drafts (each one a template, `assets/drafts/<kind>.txt`)."""

    THANKS = "thanks"
    """A thank-you after a meeting."""
    OUTREACH = "outreach"
    """A first message to someone, to ask for a short conversation about their work."""
    FOLLOW_UP = "follow-up"
    """The one follow-up when a first message got no reply."""
    UPDATE = "update"
    """An update for someone who helped: what came of their introduction or advice."""


PHONE_LABELS = ("cell", "work", "home", "fax", "pager")
"""The kinds of phone number kept from an address book (vCard's TEL types that every
client reads)."""


def phone_label(labels: tuple[tuple[str, str], ...], number: str) -> str:
    """The label of `number` in `labels`, "cell" for one not labelled."""
    return next((label for known, label in labels if known == number), "cell")


def merged_labels(
    mine: tuple[tuple[str, str], ...], theirs: tuple[tuple[str, str], ...]
) -> tuple[tuple[str, str], ...]:
    """`mine` plus the labels of `theirs` for numbers `mine` does not label."""
    known = {number for number, _ in mine}
    return (*mine, *((n, label) for n, label in theirs if n not in known))


@dataclass(frozen=True, slots=True)
class Contact:
    """A person in the network."""

    name: str
    company: str = ""
    title: str = ""
    email: str = ""
    phone: str = ""
    linkedin: str = ""
    tags: tuple[str, ...] = ()
    how_met: str = ""
    referred_by: int | None = None
    """The id of the contact who gave you this name."""
    status: Status = Status.LEAD
    cadence_days: int | None = None
    """How often to be in touch, in days; None for no rhythm."""
    prepared: tuple[str, ...] = ()
    """The questions picked for the next meeting (cleared when the meeting is logged)."""
    other_emails: tuple[str, ...] = ()
    """Email addresses beyond `email` (an address book often has work and home)."""
    other_phones: tuple[str, ...] = ()
    """Phone numbers beyond `phone`."""
    other_urls: tuple[str, ...] = ()
    """Web addresses beyond the `linkedin` profile (a site, a portfolio)."""
    phone_labels: tuple[tuple[str, str], ...] = ()
    """(number as written, one of `PHONE_LABELS`) for the numbers an address book
    labelled, so that an export labels them the same; an unlabelled number is a mobile."""
    moved_on: date | None = None
    """The day the user stopped waiting for their reply ("move on"): a reply clock started
    on or before it is closed as "no reply" (`netui.replies`)."""
    created: datetime | None = None
    updated: datetime | None = None
    id: int | None = None
    """The TinyDB document id; None until the contact is saved."""


@dataclass(frozen=True, slots=True)
class FollowUp:
    """Something to do for (or with) a contact by a date."""

    text: str
    due: date
    contact_id: int | None = None
    done: datetime | None = None
    created: datetime | None = None
    id: int | None = None
    advice: bool = False
    """This follow-up acts on the advice of its contact: once done, they are owed word of
    what came of it (`netui.ledger`)."""

    @property
    def is_open(self) -> bool:
        """Not done yet."""
        return self.done is None


KEEP_IN_TOUCH = "Keep in touch"
"""The follow-up a contact's rhythm schedules after each done one."""


def next_touch(
    contact_id: int | None, cadence: int | None, done_on: date, planned: bool
) -> FollowUp | None:
    """The follow-up a keep-in-touch rhythm schedules when one with the contact is done:
    `cadence` days on, unless something else with them is already planned (or that day
    is past the last date netui keeps). The one rule the store and the demo both follow."""
    if contact_id is None or planned or not cadence or cadence <= 0:
        return None
    try:
        due = done_on + timedelta(days=cadence)
    except OverflowError:
        return None
    return FollowUp(KEEP_IN_TOUCH, due, contact_id) if date_in_range(due) else None


@dataclass(frozen=True, slots=True)
class Answer:
    """A prepared question and what the person answered."""

    question: str
    answer: str


@dataclass(frozen=True, slots=True)
class Note:
    """What happened at a meeting, call or email, or anything worth remembering.

    A logged meeting also keeps its outcomes: answers to the prepared questions, the
    companies or roles to look at, resume feedback, what I promised, and the people it
    led to (`new_contacts`, their ids).
    """

    text: str
    date: date
    contact_id: int | None = None
    kind: NoteKind = NoteKind.NOTE
    created: datetime | None = None
    id: int | None = None
    answers: tuple[Answer, ...] = ()
    companies: tuple[str, ...] = ()
    feedback: str = ""
    promises: tuple[str, ...] = ()
    new_contacts: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Goals:
    """What the user wants to do each week (defaults: 5 new contacts, 2 meetings,
    5 follow-ups done)."""

    contacts: int = 5
    meetings: int = 2
    followups: int = 5


@dataclass(frozen=True, slots=True)
class Company:
    """A company the user marked (as a target) or described."""

    name: str
    target: bool = False
    id: int | None = None


@dataclass(frozen=True, slots=True)
class NewName:
    """A name someone gave at a meeting: a new lead, or an existing contact to link."""

    name: str
    company: str = ""
    title: str = ""
    contact_id: int | None = None
    """Set when the name is someone already in the network (linked, not duplicated)."""


@dataclass(frozen=True, slots=True)
class MeetingLog:
    """Everything a logged meeting produces, saved as one undoable change."""

    contact_id: int
    date: date
    kind: NoteKind = NoteKind.MEETING
    text: str = ""
    answers: tuple[Answer, ...] = ()
    new_names: tuple[NewName, ...] = ()
    companies: tuple[str, ...] = ()
    feedback: str = ""
    followups: tuple[FollowUp, ...] = ()
    """What I promised to do, each a follow-up (its text is kept in the note too)."""
    thank_you_sent: bool = False


class LoopStatus(StrEnum):
    """What the user did with an item of the close-the-loop ledger."""

    DONE = "done"
    """They told the person (the item is gone for good)."""
    DISMISSED = "dismissed"
    """Nothing to tell (gone for good too)."""
    SNOOZED = "snoozed"
    """Not now: back after `LoopState.until`."""


@dataclass(frozen=True, slots=True)
class LoopState:
    """The state of one close-the-loop item, by its key (`intro:<contact id>:reached`,
    `intro:<contact id>:met`, `advice:<follow-up id>`, `landed:<outcome id>:<contact id>`);
    an item without one is open."""

    key: str
    state: LoopStatus
    until: date | None = None
    """For a snoozed item: the day it comes back (it is listed again once today is on or
    after it)."""
    at: datetime | None = None
    """When the state was set."""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the search led to: a role landed at a company (`netui landed`)."""

    role: str
    company: str
    date: date
    created: datetime | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Network:
    """A consistent snapshot of everything in the data file, for the pure services."""

    contacts: tuple[Contact, ...] = ()
    followups: tuple[FollowUp, ...] = ()
    notes: tuple[Note, ...] = ()
    outcomes: tuple[Outcome, ...] = ()
    loop: tuple[LoopState, ...] = ()
    by_id: dict[int, Contact] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.by_id and self.contacts:
            self.by_id.update({c.id: c for c in self.contacts if c.id is not None})

    def name_of(self, contact_id: int | None) -> str:
        """The contact's name, or "" for no contact (or one that was deleted)."""
        contact = self.by_id.get(contact_id) if contact_id is not None else None
        return contact.name if contact else ""
