"""Documents ⇄ dataclasses, in one place.

Reading is tolerant: a field a person mistyped while editing the JSON by hand becomes its
default instead of crashing the app. Writing cleans text on the way in (no control
characters or lone surrogates ever reach the file) and only touches netui's own fields, so
fields added by a newer netui or by hand survive an update.

Reading is also the one place where text from the file becomes displayable: every text of
every document (names, tags, notes, answers, companies...) passes `netui.text.shown`, so
that a control character, an escape sequence or a bidi override put in the file by hand,
by a sync tool or by another program drives no terminal and reaches no command output or
export: everything the app, the command line and the exports show comes from these
objects.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from netui.model import (
    PHONE_LABELS,
    Answer,
    Company,
    Contact,
    FollowUp,
    LoopState,
    LoopStatus,
    Note,
    NoteKind,
    Outcome,
    Status,
)
from netui.text import clean, shown, unique

EPOCH = date(1970, 1, 1)
"""Stands in for a due date or note date that could not be read (it shows as overdue)."""


def _str(value: Any) -> str:
    """The text of a field as read (a wrong type becomes its text); not yet displayable."""
    return value if isinstance(value, str) else "" if value is None else str(value)


def _line(text: str) -> str:
    """One-line text (a name, a tag), displayable."""
    return shown(text, multiline=False)


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _date(value: Any) -> date:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return EPOCH


def _day(value: Any) -> date | None:
    """A date that may be absent (null, or unreadable: taken as absent)."""
    try:
        return date.fromisoformat(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _day_iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _datetime(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


def _strs(value: Any) -> tuple[str, ...]:
    return tuple(map(_str, value)) if isinstance(value, list) else ()


def _lines_shown(value: Any) -> tuple[str, ...]:
    """A list of one-line texts as read, displayable."""
    return tuple(map(_line, _strs(value)))


def _lines(values: tuple[str, ...]) -> list[str]:
    """Cleaned one-line values, without empties or repeats, in order."""
    return unique(clean(v, multiline=False) for v in values)


def _labels(value: object) -> tuple[tuple[str, str], ...]:
    """The phone labels a document holds (a map of number -> label; anything else in it,
    which the integrity check reports, is left out)."""
    if not isinstance(value, dict) or not value:
        return ()
    return tuple(
        (_line(number), label)
        for number, label in value.items()
        if isinstance(number, str) and label in PHONE_LABELS
    )


def contact_from_doc(doc_id: int, doc: dict[str, Any]) -> Contact:
    get = doc.get
    name, company, title = _str(get("name")), _str(get("company")), _str(get("title"))
    email, phone, linkedin = _str(get("email")), _str(get("phone")), _str(get("linkedin"))
    how_met, tags = _str(get("how_met")), _strs(get("tags"))
    # Most contacts hold only printable text: one C-speed check of their text joined,
    # instead of a call per field, keeps reading 30,000 contacts fast.
    if not "".join((name, company, title, email, phone, linkedin, how_met, *tags)).isprintable():
        name, company, title = _line(name), _line(company), _line(title)
        email, phone, linkedin = _line(email), _line(phone), _line(linkedin)
        how_met, tags = shown(how_met), tuple(map(_line, tags))
    lists = get("prepared"), get("other_emails"), get("other_phones"), get("other_urls")
    prepared: tuple[str, ...] = ()
    other_emails = other_phones = other_urls = prepared
    if any(lists):  # few contacts have any of these
        prepared, other_emails, other_phones, other_urls = map(_lines_shown, lists)
    status = get("status")
    return Contact(
        id=doc_id,
        name=name,
        company=company,
        title=title,
        email=email,
        phone=phone,
        linkedin=linkedin,
        tags=tags,
        how_met=how_met,
        referred_by=_int(get("referred_by")),
        status=Status(str(status)) if status in Status._value2member_map_ else Status.LEAD,
        cadence_days=_int(get("cadence_days")),
        prepared=prepared,
        other_emails=other_emails,
        other_phones=other_phones,
        other_urls=other_urls,
        phone_labels=_labels(get("phone_labels")),
        moved_on=_day(get("moved_on")),
        created=_datetime(get("created")),
        updated=_datetime(get("updated")),
    )


def contact_to_doc(contact: Contact) -> dict[str, Any]:
    line = {"multiline": False}
    return {
        "name": clean(contact.name, **line),
        "company": clean(contact.company, **line),
        "title": clean(contact.title, **line),
        "email": clean(contact.email, **line),
        "phone": clean(contact.phone, **line),
        "linkedin": clean(contact.linkedin, **line),
        "tags": [t for t in dict.fromkeys(clean(t, **line) for t in contact.tags) if t],
        "how_met": clean(contact.how_met),
        "referred_by": contact.referred_by,
        "status": str(contact.status),
        "cadence_days": contact.cadence_days,
        "prepared": [q for q in (clean(q, **line) for q in contact.prepared) if q],
        "other_emails": _lines(contact.other_emails),
        "other_phones": _lines(contact.other_phones),
        "other_urls": _lines(contact.other_urls),
        "phone_labels": {
            clean(number, multiline=False): label
            for number, label in contact.phone_labels
            if label in PHONE_LABELS
        },
        "moved_on": _day_iso(contact.moved_on),
        "created": _iso(contact.created),
        "updated": _iso(contact.updated),
    }


def followup_from_doc(doc_id: int, doc: dict[str, Any]) -> FollowUp:
    return FollowUp(
        id=doc_id,
        contact_id=_int(doc.get("contact_id")),
        text=_line(_str(doc.get("text"))),
        due=_date(doc.get("due")),
        done=_datetime(doc.get("done")),
        created=_datetime(doc.get("created")),
        advice=doc.get("advice") is True,
    )


def followup_to_doc(followup: FollowUp) -> dict[str, Any]:
    return {
        "contact_id": followup.contact_id,
        "text": clean(followup.text, multiline=False),
        "due": followup.due.isoformat(),
        "done": _iso(followup.done),
        "created": _iso(followup.created),
        "advice": followup.advice,
    }


def note_from_doc(doc_id: int, doc: dict[str, Any]) -> Note:
    get = doc.get
    kind = get("kind")
    # A logged meeting's outcomes; most notes have none, so empty ones cost nothing here.
    answers, companies, promises = get("answers"), get("companies"), get("promises")
    feedback, new_contacts = _str(get("feedback")), get("new_contacts")
    return Note(
        id=doc_id,
        contact_id=_int(get("contact_id")),
        date=_date(get("date")),
        kind=NoteKind(str(kind)) if kind in NoteKind._value2member_map_ else NoteKind.NOTE,
        text=shown(_str(get("text"))),
        created=_datetime(get("created")),
        answers=_answers(answers) if answers else (),
        companies=_lines_shown(companies) if companies else (),
        feedback=shown(feedback) if feedback else "",
        promises=_lines_shown(promises) if promises else (),
        new_contacts=_ids(new_contacts) if new_contacts else (),
    )


def _answers(value: Any) -> tuple[Answer, ...]:
    return tuple(
        Answer(_line(_str(a.get("question"))), shown(_str(a.get("answer"))))
        for a in (value if isinstance(value, list) else ())
        if isinstance(a, dict)
    )


def _ids(value: Any) -> tuple[int, ...]:
    return tuple(i for i in (value if isinstance(value, list) else ()) if _int(i))


def note_to_doc(note: Note) -> dict[str, Any]:
    line = {"multiline": False}
    return {
        "contact_id": note.contact_id,
        "date": note.date.isoformat(),
        "kind": str(note.kind),
        "text": clean(note.text),
        "created": _iso(note.created),
        "answers": [
            {"question": clean(a.question, **line), "answer": clean(a.answer)} for a in note.answers
        ],
        "companies": [c for c in (clean(c, **line) for c in note.companies) if c],
        "feedback": clean(note.feedback),
        "promises": [p for p in (clean(p, **line) for p in note.promises) if p],
        "new_contacts": list(note.new_contacts),
    }


def company_from_doc(doc_id: int, doc: dict[str, Any]) -> Company:
    name = _line(_str(doc.get("name")))
    return Company(id=doc_id, name=name, target=doc.get("target") is True)


def company_to_doc(company: Company) -> dict[str, Any]:
    return {"name": clean(company.name, multiline=False), "target": company.target}


def outcome_from_doc(doc_id: int, doc: dict[str, Any]) -> Outcome:
    return Outcome(
        id=doc_id,
        role=_line(_str(doc.get("role"))),
        company=_line(_str(doc.get("company"))),
        date=_date(doc.get("date")),
        created=_datetime(doc.get("created")),
    )


def outcome_to_doc(outcome: Outcome) -> dict[str, Any]:
    return {
        "role": clean(outcome.role, multiline=False),
        "company": clean(outcome.company, multiline=False),
        "date": outcome.date.isoformat(),
        "created": _iso(outcome.created),
    }


def loop_state_from_doc(doc_id: int, doc: dict[str, Any]) -> LoopState:
    """A close-the-loop item's state; one the file spells wrongly reads as snoozed until
    an unreadable day, which is to say open (the integrity check reports it)."""
    state = doc.get("state")
    return LoopState(
        id=doc_id,
        key=_line(_str(doc.get("key"))),
        state=LoopStatus(str(state))
        if state in LoopStatus._value2member_map_
        else LoopStatus.SNOOZED,
        until=_day(doc.get("until")),
        at=_datetime(doc.get("at")),
    )


def loop_state_to_doc(state: LoopState) -> dict[str, Any]:
    return {
        "key": clean(state.key, multiline=False),
        "state": str(state.state),
        "until": _day_iso(state.until),
        "at": _iso(state.at),
    }


FROM_DOC: dict[str, Callable[[int, dict[str, Any]], Any]] = {
    "contacts": contact_from_doc,
    "followups": followup_from_doc,
    "notes": note_from_doc,
    "companies": company_from_doc,
    "outcomes": outcome_from_doc,
    "loop": loop_state_from_doc,
}
TO_DOC: dict[str, Callable[[Any], dict[str, Any]]] = {
    "contacts": contact_to_doc,
    "followups": followup_to_doc,
    "notes": note_to_doc,
    "outcomes": outcome_to_doc,
    "loop": loop_state_to_doc,
}
"""The document netui writes for each kind of object (what edits are compared as)."""


def to_doc(item: Contact | FollowUp | Note) -> dict[str, Any]:
    """The document netui writes for a contact, follow-up or note (without its id)."""
    if isinstance(item, Contact):
        return contact_to_doc(item)
    if isinstance(item, FollowUp):
        return followup_to_doc(item)
    return note_to_doc(item)


def from_doc(table: str, doc_id: int, doc: dict[str, Any]) -> Any:
    """The typed object of a document of `table`, its text made displayable (a document
    from elsewhere than the data file, such as the start-up view, is read the same way)."""
    if not isinstance(doc, dict):
        raise TypeError(f"not a document: {type(doc).__name__}")
    return FROM_DOC[table](doc_id, doc)
