"""A logged meeting's outcomes, read from what the user typed: the rules of the meeting log.

Pure functions of the text, the contacts and `today` (no Textual, no file): the screen
calls them as the user types, `Store.log_meeting` saves what they produce as one change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from netui.dates import add_days, format_date
from netui.errors import QuickAddError
from netui.model import MEETING_KINDS, Answer, Contact, FollowUp, MeetingLog, NewName, NoteKind
from netui.names import ContactIndex
from netui.quickadd import default_due, parse_contact, split_date_tail
from netui.text import clean, fold, plural

KINDS = MEETING_KINDS
"""What a logged interaction can be (a plain note is not a meeting)."""

OFFERED = 6
"""With nothing prepared, how many starred, not yet asked questions get an answer field."""


@dataclass(frozen=True, slots=True)
class PlacedName:
    """A line of the new names: who it is, and the contact it links to (if any)."""

    new: NewName
    existing: Contact | None = None


@dataclass(frozen=True, slots=True)
class Reading:
    """What the form says, read and checked: the log to save and what to tell about it."""

    log: MeetingLog
    names: tuple[PlacedName, ...]


def read_names(text: str, index: ContactIndex, person: Contact) -> tuple[PlacedName, ...]:
    """The new names, one `Name (title) @ Company` a line; an existing contact is linked.

    Raises QuickAddError naming the line for a line that can't be read.
    """
    placed: dict[str, PlacedName] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            draft = parse_contact(line, index)
        except QuickAddError as error:
            raise QuickAddError(f"new names, line {number}: {error}") from None
        if draft.via:
            raise QuickAddError(
                f"new names, line {number}: no 'via' here, everyone on this list is "
                f"referred by {person.name}"
            )
        if draft.email or draft.tags:
            raise QuickAddError(
                f"new names, line {number}: only Name (title) @ Company here; add the "
                "email and #tags on the contact's page later"
            )
        key = fold(draft.name)
        existing = next((c for c in index.contacts if fold(" ".join(c.name.split())) == key), None)
        if existing is not None and existing.id == person.id:
            raise QuickAddError(
                f"new names, line {number}: {person.name} is the person you met, not a new name"
            )
        if key in placed:
            continue  # the same name twice is one person
        if existing is not None:
            new = NewName(existing.name, existing.company, existing.title, existing.id)
        else:
            new = NewName(draft.name, draft.company, draft.title)
        placed[key] = PlacedName(new, existing)
    return tuple(placed.values())


def read_promises(text: str, today: date) -> tuple[FollowUp, ...]:
    """What I promised, one a line, each with an optional date at the end (default: in a
    week). Raises QuickAddError naming the line for a date that is clearly meant but wrong.
    """
    promises = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = clean(line, multiline=False)
        if not line:
            continue
        try:
            task, due = split_date_tail(line, today)
            promises.append(FollowUp(task, due or default_due(today)))
        except QuickAddError as error:
            raise QuickAddError(f"things I promised, line {number}: {error}") from None
    return tuple(promises)


def read_companies(text: str) -> tuple[str, ...]:
    """Companies or roles, comma-separated (blanks and repeats dropped)."""
    parts = (" ".join(part.split()) for part in clean(text, multiline=False).split(","))
    return tuple(dict.fromkeys(part for part in parts if part))


def read_meeting(
    person: Contact,
    day: date,
    kind: NoteKind,
    *,
    notes: str,
    names: tuple[PlacedName, ...],
    promises: tuple[FollowUp, ...],
    companies: str = "",
    feedback: str = "",
    answers: tuple[Answer, ...] = (),
    thank_you_sent: bool = False,
) -> Reading:
    """The log to save from what was read (the form and `netui log` build it here alike)."""
    assert person.id is not None  # (only a saved contact is met)
    log = MeetingLog(
        contact_id=person.id,
        date=day,
        kind=kind,
        text=clean(notes).strip(),
        answers=answers,
        new_names=tuple(name.new for name in names),
        companies=read_companies(companies),
        feedback=clean(feedback).strip(),
        followups=promises,
        thank_you_sent=thank_you_sent,
    )
    return Reading(log, names)


def name_lines(names: tuple[PlacedName, ...], person: Contact) -> list[str]:
    """What each new name becomes: `+ Lee Wong (Acme): new lead, referred by Jane Doe`."""
    lines = []
    for name in names:
        role = ", ".join(x for x in (name.new.title, name.new.company) if x)
        who = f"{name.new.name} ({role})" if role else name.new.name
        if name.existing is None:
            lines.append(f"+ {who}: new lead, referred by {person.name}")
        else:
            lines.append(f"= {who}: already a contact, linked")
    return lines


def promise_lines(promises: tuple[FollowUp, ...], today: date) -> list[str]:
    """Each promise as a follow-up: `• send the deck, due Fri 27 Nov`."""
    return [f"• {p.text}, due {format_date(p.due, today)}" for p in promises]


def summary_text(reading: Reading, person: Contact, today: date) -> str:
    """One line saying what will be saved: leads, links, promises, the thank-you, the status."""
    log = reading.log
    parts = [f"{log.kind.with_article} on {format_date(log.date, today)}"]
    if log.answers:
        parts.append(plural(len(log.answers), "answer"))
    new = sum(1 for name in reading.names if name.existing is None)
    linked = len(reading.names) - new
    if new:
        parts.append(plural(new, "new lead"))
    if linked:
        parts.append(f"{linked} existing contact{'' if linked == 1 else 's'} linked")
    if log.companies:
        count = len(log.companies)
        parts.append(
            f"{count} {'company or role' if count == 1 else 'companies or roles'} to look at"
        )
    promises = log.followups
    if len(promises) == 1:
        parts.append(f"1 promise due {format_date(promises[0].due, today)}")
    elif len(promises) == 2:
        dues = " and ".join(format_date(p.due, today) for p in promises)
        parts.append(f"2 promises due {dues}")
    elif promises:
        first = min(p.due for p in promises)
        parts.append(f"{len(promises)} promises, the first due {format_date(first, today)}")
    if log.thank_you_sent:
        parts.append("thank-you already sent")
    else:
        parts.append(f"thank-you due {format_date(add_days(log.date, 1) or log.date, today)}")
    if (target := log.kind.moves(person.status)) is not None:
        parts.append(f"{person.name} becomes {target}")
    return "Saves " + ", ".join(parts)


def check_meeting_date(day: date, today: date) -> date:
    """A meeting is logged once it has happened: a date still to come is refused."""
    if day > today:
        raise QuickAddError(
            f"date: {format_date(day, today)} is still to come; log the meeting once it "
            "has happened"
        )
    return day
