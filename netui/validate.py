"""Checks of edited fields, shared by the app's forms (pure; messages for people)."""

from __future__ import annotations

import re
from datetime import date

from netui.dates import parse_when
from netui.errors import QuickAddError
from netui.model import Contact
from netui.names import ContactIndex
from netui.text import clean, split_items, unique

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


def check_list(text: str) -> tuple[str, ...]:
    """The items of a list typed on one line ("a, b; c"), as `netui.text.split_items`
    reads them: a comma inside an item (a dialling pause, a web address) stays."""
    return split_items(text)


def check_emails(text: str) -> tuple[str, ...]:
    """A list of email addresses (as `check_list` reads it), each checked as `check_email`
    checks one; the message names the first that is not an address.

    Repeats that differ only in case are dropped too (the first spelling is kept): mail
    servers treat them as one address, and so does the import's matching.
    """
    emails = split_items(text, tight=True)
    for email in emails:
        check_email(email)
    return tuple(unique(emails, str.casefold))


_CADENCE = re.compile(
    r"(?P<n>[0-9]{1,5})\s*(?P<unit>d|days?|w|wks?|weeks?|m|mos?|months?|y|yrs?|years?)?"
)
_UNIT_DAYS = {"d": 1, "w": 7, "m": 30, "y": 365}
"""Days per unit of a typed rhythm: a month is 30 days, as the presets count it."""


def check_cadence(text: str) -> int | None:
    """Days between touches: empty (or "none") for none, else a whole number of days from
    1 to 3650, or a preset as typed ("2w", "1m", "3m", "6m", "2 weeks", "1 month")."""
    text = " ".join(text.strip().lower().split())
    if text in ("", "none", "-"):
        return None
    match = _CADENCE.fullmatch(text)
    days = int(match["n"]) * _UNIT_DAYS[(match["unit"] or "d")[0]] if match else 0
    if not 1 <= days <= 3650:
        raise QuickAddError(
            "the rhythm must be a number of days from 1 to 3650 (or 2w, 1m, 3m, 6m), "
            f"not '{_shown(text)}'"
        )
    return days


def check_goal(text: str, what: str) -> int:
    """A weekly goal: a whole number from 0 to 999."""
    text = text.strip()
    if not re.fullmatch("[0-9]{1,3}", text):
        raise QuickAddError(
            f"the goal for {what} must be a number from 0 to 999, not '{_shown(text)}'"
        )
    return int(text)


def _shown(text: str, most: int = 20) -> str:
    """`text` as an error message quotes it: cut short if long."""
    return text if len(text) <= most else text[:most] + "…"


def check_tags(text: str) -> tuple[str, ...]:
    words = [w.lstrip("#") for w in clean(text, multiline=False).replace(",", " ").split()]
    return tuple(dict.fromkeys(w for w in words if w))


def check_date(text: str, today: date, *, past: bool = False) -> date:
    """A date typed in a form, in the quick-add date language (`parse_when`): only a date
    netui keeps, so that the store never has to refuse what the form accepted. An empty
    field is "no date given" (a form that allows none checks for it first)."""
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
