"""The quick-add language: one line makes a contact, a follow-up or a note.

    Jane Doe (Design Lead) @ Acme Corp #ux <jane@acme.com> via Bob Smith
    Jane: send the portfolio next friday
    José: read Inspired #advice
    Jane: yesterday, coffee at Blue Bottle, gave me two names

`#advice` in a follow-up marks it as acting on that person's advice (`FollowUp.advice`;
the close-the-loop ledger then asks to tell them what came of it); the tag leaves the
text.

The same functions serve the app's quick-add bar (live preview) and `netui add`. They are
pure functions of (text, contacts, today) and every failure is a `QuickAddError` whose
message a user can act on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from netui.dates import (
    DateRangeError,
    add_days,
    check_in_range,
    format_date,
    looks_like_date,
    parse_when,
)
from netui.errors import QuickAddError
from netui.model import Contact, FollowUp, NoteKind, date_range_text
from netui.names import ContactIndex, Reference
from netui.text import clean

DEFAULT_FOLLOWUP_DAYS = 7
"""A follow-up without a date is due a week from today."""

# No part may swallow the placeholder that stands for a part already taken out.
_EMAIL = re.compile(r"^[^\s@<>()\x00]+@[^\s@<>()\x00]+\.[^\s@<>()\x00]+$")
_BARE_EMAIL = re.compile(r"(?<!\S)[^\s@<>()#\x00]+@[^\s@<>()\x00]+\.[^\s@<>()\x00]+(?!\S)")
_ANGLE = re.compile(r"<([^<>]*)>")
_PAREN = re.compile(r"\(([^()]*)\)")
_TAG = re.compile(r"(?<!\S)#([^\s#<>()@\x00]+)")
_MARKERS = re.compile(r"(\x00|@|(?<!\S)via(?!\S))")
_REF_COLON = re.compile(r"^(.*?):(?![\d/])\s*(.*)$", re.DOTALL)
"""The first ':' that is not in a time (10:30) or a web address (https://…)."""
_PLACEHOLDER = "\x00"
_ADVICE = re.compile(r"(?<!\S)#advice(?!\S)", re.IGNORECASE)
"""The tag that marks a follow-up as acting on its contact's advice."""


# --- contact references -------------------------------------------------------------------
# (who a name means is decided in `netui.names`; the grammar only finds where names are)


def _index(contacts: Iterable[Contact] | ContactIndex) -> ContactIndex:
    return contacts if isinstance(contacts, ContactIndex) else ContactIndex(contacts)


# --- contacts -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ContactDraft:
    """A contact read from a quick-add line, not saved yet."""

    name: str
    title: str = ""
    company: str = ""
    tags: tuple[str, ...] = ()
    email: str = ""
    via: str = ""
    """The referrer as written ("Bob Smith"); `referred_by` is who it resolved to."""
    referred_by: int | None = field(default=None, compare=False)
    referrer: Reference | None = field(default=None, compare=False)
    """How `via` was resolved (for saying whom it found before saving)."""

    def to_contact(self) -> Contact:
        """The `Contact` to save (the store sets id and timestamps)."""
        return Contact(
            name=self.name,
            title=self.title,
            company=self.company,
            tags=self.tags,
            email=self.email,
            referred_by=self.referred_by,
            how_met=f"via {self.via}" if self.via else "",
        )


def parse_contact(text: str, contacts: Iterable[Contact] | ContactIndex = ()) -> ContactDraft:
    """Read `Name (title) @ company #tag <email> via Referrer`; all but the name optional."""
    line = clean(text, multiline=False)
    title = email = ""
    # The title first: it may hold an address or a '#' ("(VP, ex-a@b.co)"), which must
    # not be taken for the contact's own email or tags.
    if len(found := _PAREN.findall(line)) > 1:
        raise QuickAddError("more than one (title)")
    if found:
        title = " ".join(found[0].split())
        line = _PAREN.sub(_PLACEHOLDER, line)
    if "(" in line or ")" in line:
        raise QuickAddError("a title goes between ( and ), like (Design Lead)")
    if len(found := _ANGLE.findall(line)) > 1:
        raise QuickAddError("more than one <email>")
    if found:
        email = found[0].strip()
        line = _ANGLE.sub(_PLACEHOLDER, line)
    elif bare := _BARE_EMAIL.findall(line):
        if len(bare) > 1:
            raise QuickAddError("more than one email address")
        email = bare[0]
        line = _BARE_EMAIL.sub(_PLACEHOLDER, line)
    if email and not _EMAIL.match(email):
        shown = " ".join(email.replace(_PLACEHOLDER, " ").split())
        raise QuickAddError(f"'{shown}' is not an email address")
    if "<" in line or ">" in line:
        raise QuickAddError("an email address goes between < and >, like <jane@acme.com>")
    tags = tuple(dict.fromkeys(_TAG.findall(line)))
    line = _TAG.sub(_PLACEHOLDER, line)

    parts = _MARKERS.split(line)
    name = " ".join(parts[0].split())
    if not name:
        raise QuickAddError("a contact needs a name first, like 'Jane Doe @ Acme'")
    company = via = ""
    for marker, value in zip(parts[1::2], parts[2::2], strict=True):
        value = " ".join(value.split())
        if marker == _PLACEHOLDER:
            if value:
                raise QuickAddError(
                    f"don't know where '{value}' goes: write the name first, then "
                    "(title), @ company, #tags, <email> and via NAME"
                )
        elif marker == "@":
            if company:
                raise QuickAddError("more than one @ company")
            if not value:
                raise QuickAddError("no company after '@'")
            company = value
        else:
            if via:
                raise QuickAddError("more than one 'via'")
            if not value:
                raise QuickAddError("no name after 'via'")
            via = value
    referred_by: int | None = None
    referrer: Reference | None = None
    if via:
        referrer = _index(contacts).find(via)
        if referrer.contact is None:
            raise QuickAddError(
                f"'{referrer.written}' after 'via' is not a name ({referrer.label})"
            )
        referred_by, via = referrer.contact.id, referrer.contact.name
    return ContactDraft(name, title, company, tags, email, via, referred_by, referrer)


def render_contact(draft: ContactDraft) -> str:
    """The canonical quick-add line for `draft`; `parse_contact` reads it back unchanged."""
    parts = [draft.name]
    if draft.title:
        parts.append(f"({draft.title})")
    if draft.company:
        # "@via rail" and "@#1 corp" name a company; "@ via rail" and "@ #1" would not.
        glued = draft.company.startswith("#") or draft.company.split()[0] == "via"
        parts.append(f"@{draft.company}" if glued else f"@ {draft.company}")
    parts += [f"#{tag}" for tag in draft.tags]
    if draft.email:
        parts.append(f"<{draft.email}>")
    if draft.via:
        parts.append(f"via {draft.via}")
    return " ".join(parts)


# --- follow-ups and notes -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FollowUpDraft:
    """A follow-up read from a quick-add line, not saved yet."""

    text: str
    due: date
    contact: Contact | None = None
    dated: bool = True
    """False when no date was written and the default (a week) was used."""
    reference: Reference | None = field(default=None, compare=False)
    """How the `Name:` prefix was read (None: the line had none)."""
    advice: bool = False
    """Written with `#advice`: it acts on the contact's advice (`FollowUp.advice`)."""

    def to_followup(self) -> FollowUp:
        """The `FollowUp` to save (the store sets id and timestamps)."""
        contact_id = self.contact.id if self.contact is not None else None
        return FollowUp(self.text, self.due, contact_id, advice=self.advice)


@dataclass(frozen=True, slots=True)
class NoteDraft:
    """A note read from a quick-add line, not saved yet."""

    text: str
    date: date
    contact: Contact | None = None
    reference: Reference | None = field(default=None, compare=False)
    """How the `Name:` prefix was read (None: the line had none)."""


def _split_ref(
    line: str, contacts: Iterable[Contact] | ContactIndex
) -> tuple[Reference | None, str]:
    """Split "Jane: rest" into (Jane's reference, "rest"); no colon means no contact.

    A prefix that is not a name ("Re:", "FYI:", a web address) is kept in the text: the
    line is about no one, and its Reference says why.
    """
    index = _index(contacts)
    named = index.named_prefix(line)
    if named is not None:  # a full name holding a colon itself ("Re: Design Ltd")
        contact, rest = named
        return Reference(contact.name, contact, "full name"), rest
    match = _REF_COLON.match(line)
    if not match:
        return None, line.strip()
    found = index.find(match[1])
    if found.contact is None:
        return found, line.strip()
    return found, match[2].strip()


def split_date_tail(body: str, today: date) -> tuple[str, date | None]:
    """Split "send the deck next friday" into ("send the deck", that Friday).

    The date is the longest tail that reads as a date phrase, leaving some text before
    it. If none does, but a tail (or the whole body) was clearly meant as a date
    ("by feb 30"), that is an error rather than text, so that a typo never silently
    loses the due date. A tail that reads as a date outside the dates netui keeps
    ("in 500 years") is an error too, for the same reason.
    """
    words = body.split()
    for start in range(1, len(words)):
        tail = " ".join(words[start:])
        try:
            return " ".join(words[:start]), parse_when(tail, today)
        except DateRangeError:
            raise
        except QuickAddError:
            continue
    for start in range(len(words)):
        tail = " ".join(words[start:])
        if looks_like_date(tail):
            parse_when(tail, today)  # raises the specific message
    return body.strip(), None


def parse_followup(
    text: str, contacts: Iterable[Contact] | ContactIndex, today: date
) -> FollowUpDraft:
    """Read `Jane: send the portfolio next friday` (no date: due in a week); `#advice`
    anywhere marks it as acting on Jane's advice and leaves the text."""
    ref, body = _split_ref(clean(text, multiline=False), contacts)
    contact = ref.contact if ref else None
    advice = bool(_ADVICE.search(body))
    if advice:
        body = " ".join(_ADVICE.sub(" ", body).split())
    if body:
        # "Jane: next friday" is a date and no task (not the task "next" due Friday).
        try:
            parse_when(body, today)
        except DateRangeError:
            raise
        except QuickAddError:
            pass
        else:
            raise QuickAddError(f"'{body}' is only a date: what is the follow-up?")
    task, due = split_date_tail(body, today)
    if not task:
        raise QuickAddError("what is the follow-up? write it after the ':'")
    if due is None:
        return FollowUpDraft(task, default_due(today), contact, False, ref, advice)
    return FollowUpDraft(task, due, contact, True, ref, advice)


def default_due(today: date) -> date:
    """The due date of a follow-up written without one: a week from today.

    Raises DateRangeError when that week would pass the last date netui keeps (today
    being one of its last seven days), rather than save a date the store refuses.
    """
    due = add_days(today, DEFAULT_FOLLOWUP_DAYS)
    if due is None:
        raise DateRangeError(
            "no date given, and a week from today is outside the dates netui keeps "
            f"({date_range_text()}): write the date"
        )
    return due


def parse_note(text: str, contacts: Iterable[Contact] | ContactIndex, today: date) -> NoteDraft:
    """Read `Jane: coffee at Blue Bottle` (dated today) or `Jane: yesterday, call …`."""
    ref, body = _split_ref(clean(text), contacts)
    contact = ref.contact if ref else None
    day = check_in_range(today, "today")
    head, comma, rest = body.partition(",")
    if comma and "\n" not in head:
        try:
            day = parse_when(head, today, past=True)
            body = rest.strip()
        except DateRangeError:
            raise  # meant as the note's date ("1899-12-31, call"), not as its text
        except QuickAddError:
            pass
    if not body:
        raise QuickAddError("the note is empty: write it after the ':'")
    if day > today:
        # As the meeting log refuses it: a note records what happened; a plan is a
        # follow-up, which has a due date.
        raise QuickAddError(
            f"{format_date(day, today)} is still to come: a note records what has "
            "happened (for something planned, add a follow-up)"
        )
    return NoteDraft(body, day, contact, ref)


def describe(
    draft: ContactDraft | FollowUpDraft | NoteDraft,
    today: date,
    kind: NoteKind = NoteKind.NOTE,
) -> str:
    """One line saying what will be saved, for the preview and for `netui add`; a note
    says its `kind` ("meeting note for Jane Doe …", a plain one "note for …")."""
    if isinstance(draft, ContactDraft):
        bits = [draft.name]
        if draft.title:
            bits.append(draft.title)
        if draft.company:
            bits.append(f"at {draft.company}")
        line = "contact " + ", ".join(bits)
        if draft.tags:
            line += "  " + " ".join(f"#{t}" for t in draft.tags)
        if draft.email:
            line += f"  <{draft.email}>"
        if draft.via:
            line += f"  (referred by {draft.via})"
        return line
    if draft.contact:
        who = f" for {draft.contact.name}"
    elif draft.reference and draft.reference.label:
        who = f" for no one ({draft.reference.label})"
    else:
        who = ""
    if isinstance(draft, FollowUpDraft):
        when = format_date(draft.due, today) + ("" if draft.dated else " (in a week)")
        line = f"follow-up{who}: {draft.text} — due {when}"
        if draft.advice:
            whose = f"{draft.contact.name.split()[0]}'s " if draft.contact else ""
            line += f" (acting on {whose}advice)"
        return line
    what = "note" if kind is NoteKind.NOTE else f"{kind} note"
    return f"{what}{who} on {format_date(draft.date, today)}: {draft.text}"
