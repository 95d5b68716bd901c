"""How the store names documents, fields and values when it asks the user something.

A conflict or a refused undo is shown to a person, who knows "Ann Lee's title" and
"referred by Bo Chen", not `contacts/3.title` and `referred_by: 7`.
"""

from __future__ import annotations

from typing import Any

from netui.model import NoteKind
from netui.store.schema import Data
from netui.text import plural, shown

MISSING: Any = object()
"""A field absent from a document (undo may have to take a field away again)."""

FIELD_LABELS = {
    "cadence_days": "rhythm (days)",
    "referred_by": "referred by",
    "how_met": "how we met",
    "linkedin": "LinkedIn",
    "other_emails": "other emails",
    "other_phones": "other phones",
    "other_urls": "other links",
    "contact_id": "contact",
    "new_contacts": "names it led to",
    "due": "due date",
    "done": "done",
    "cadence_defaults": "default rhythms",
    "moved_on": "moved on (no reply)",
    "advice": "acts on their advice",
}
"""Field names as the forms label them (the others read well as they are)."""
_CONTACT_FIELDS = frozenset({"referred_by", "contact_id"})


def a_note(kind: NoteKind | str) -> str:
    """A note as a change's description names it: "a note", "a meeting note", "an email
    note" (never "a note note", never "a email note")."""
    kind = NoteKind(kind)
    return "a note" if kind is NoteKind.NOTE else f"{kind.with_article} note"


def counted(count: int, noun: str) -> str:
    """ "1 contact", "3 contacts", "1 question", as a change's description counts."""
    return plural(count, noun)


class DocumentNamer:
    """Names over the data as it is now (a contact id becomes the contact's name)."""

    def __init__(self, data: Data) -> None:
        self.data = data

    def document(self, table: str, doc: dict[str, Any]) -> str:
        if table == "contacts":
            return _line(doc.get("name")) or "a contact without a name"
        if table == "followups":
            return f"the follow-up '{_line(doc.get('text'))}'"
        if table == "notes":
            return f"the note of {_line(doc.get('date'))}"
        if table == "companies":
            return f"the company {_line(doc.get('name'))}"
        if table == "outcomes":
            return f"the outcome {_line(doc.get('role'))} at {_line(doc.get('company'))}"
        if table == "loop":
            return f"the close-the-loop item {_line(doc.get('key'))}"
        return "the settings"

    def field(self, table: str, doc: dict[str, Any], name: str) -> str:
        label = FIELD_LABELS.get(name, name.replace("_", " "))
        if table == "contacts":
            return f"{self.document(table, doc)}'s {label}"
        if table == "meta":
            return label
        return f"the {label} of {self.document(table, doc)}"

    def value(self, table: str, name: str, value: Any) -> str:
        if value is None or value is MISSING or value == "" or value == []:
            return "(empty)"
        if name in _CONTACT_FIELDS and type(value) is int:
            return self.contact(value)
        if name == "new_contacts" and isinstance(value, list):
            return ", ".join(self.contact(i) for i in value)
        if isinstance(value, list):
            return "; ".join(_line(v) for v in value)
        if isinstance(value, dict):
            return ", ".join(f"{_line(k)}: {_line(v)}" for k, v in value.items())
        return _line(value)

    def contact(self, contact_id: int) -> str:
        doc = self.data.get("contacts", {}).get(str(contact_id))
        return _line(doc.get("name")) if doc else f"contacts/{contact_id} (gone)"


def _line(value: Any) -> str:
    """A value on one line, safe to print."""
    return shown(value if isinstance(value, str) else str(value), multiline=False)
