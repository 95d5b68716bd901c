"""Checks of edited fields, shared by the app's forms (pure; messages for people)."""

from __future__ import annotations

import re
from datetime import date

from netui.dates import parse_when
from netui.errors import QuickAddError
from netui.model import Contact
from netui.quickadd import ContactIndex
from netui.text import clean

_EMAIL = re.compile(r"^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+$")


def check_name(text: str) -> str:
    name = clean(text, multiline=False)
    if not name:
        raise QuickAddError("a contact needs a name")
    return name


def check_email(text: str) -> str:
    email = clean(text, multiline=False)
    if email and not _EMAIL.match(email):
        raise QuickAddError(f"'{email}' is not an email address")
    return email


def check_cadence(text: str) -> int | None:
    """Days between touches: empty for none, else a whole number from 1 to 3650."""
    text = text.strip().lower().removesuffix("days").removesuffix("d").strip()
    if not text:
        return None
    if not text.isdigit() or not 1 <= int(text) <= 3650:
        raise QuickAddError(f"the rhythm must be a number of days from 1 to 3650, not '{text}'")
    return int(text)


def check_tags(text: str) -> tuple[str, ...]:
    words = [w.lstrip("#") for w in clean(text, multiline=False).replace(",", " ").split()]
    return tuple(dict.fromkeys(w for w in words if w))


def check_date(text: str, today: date, *, past: bool = False) -> date:
    return parse_when(text, today, past=past)


def check_contact_ref(
    text: str, contacts: list[Contact] | ContactIndex, *, exclude: int | None = None
) -> int | None:
    """The id of the contact a name refers to (empty: None)."""
    if not text.strip():
        return None
    index = contacts if isinstance(contacts, ContactIndex) else ContactIndex(contacts)
    contact = index.resolve(text)
    if exclude is not None and contact.id == exclude:
        raise QuickAddError("a contact can't be referred by themselves")
    return contact.id
