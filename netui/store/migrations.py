"""Moving a data file from an older format to the current one.

Each step takes the whole data (in memory) from version N to N+1. The store keeps a
byte-identical copy of the original (`<file>.backups/<name>.pre-vN.json`) and writes the
migrated data in one save, so an interrupted migration leaves the old file in place.
"""

from __future__ import annotations

from collections.abc import Callable

from netui.store.schema import DEFAULT_GOALS, META_ID, SCHEMA_VERSION, Data, schema_version

_CONTACT_DEFAULTS: dict[str, object] = {
    "name": "", "company": "", "title": "", "email": "", "phone": "", "linkedin": "",
    "tags": [], "how_met": "", "referred_by": None, "status": "lead", "cadence_days": None,
    "created": None, "updated": None,
}  # fmt: skip
_FOLLOWUP_DEFAULTS = {"contact_id": None, "text": "", "due": None, "done": None, "created": None}
_NOTE_DEFAULTS = {"contact_id": None, "date": None, "kind": "note", "text": "", "created": None}


def _v0_to_v1(data: Data) -> None:
    """Version 0 is a bare TinyDB file with netui's tables but no `meta` (hand-made, or
    written by a script): give it `meta` and give every document all of its fields."""
    for name, defaults in (
        ("contacts", _CONTACT_DEFAULTS),
        ("followups", _FOLLOWUP_DEFAULTS),
        ("notes", _NOTE_DEFAULTS),
    ):
        table = data.setdefault(name, {})
        for doc in table.values():
            for key, value in defaults.items():
                doc.setdefault(key, list(value) if isinstance(value, list) else value)
    data["meta"] = {META_ID: {"schema_version": 1}}


def _v1_to_v2(data: Data) -> None:
    """Version 2 (the informational-interview loop): notes keep a meeting's outcomes
    (answers, companies, feedback, promises, the names it led to); a `companies` table
    holds the companies the user marks as targets; `meta.goals` the weekly goals."""
    for doc in data.get("notes", {}).values():
        for key, value in _NOTE_OUTCOMES.items():
            doc.setdefault(key, list(value) if isinstance(value, list) else value)
    for doc in data.get("contacts", {}).values():
        doc.setdefault("prepared", [])
    data.setdefault("companies", {})
    data["meta"][META_ID].setdefault("goals", dict(DEFAULT_GOALS))


def _v2_to_v3(data: Data) -> None:
    """Version 3 (address-book import and export): a contact keeps the emails, phones
    and web addresses beyond its main ones, as a phone's address book holds them."""
    for doc in data.get("contacts", {}).values():
        for key in ("other_emails", "other_phones", "other_urls"):
            doc.setdefault(key, [])


def _v3_to_v4(data: Data) -> None:
    """Version 4 (the outreach loop): a contact keeps the day the user stopped waiting
    for their reply (`moved_on`), a follow-up whether it acts on its contact's advice
    (`advice`); an `outcomes` table holds what the search led to (`netui landed`) and a
    `loop` table the states of the close-the-loop items (done, dismissed, snoozed)."""
    for doc in data.get("contacts", {}).values():
        doc.setdefault("moved_on", None)
    for doc in data.get("followups", {}).values():
        doc.setdefault("advice", False)
    data.setdefault("outcomes", {})
    data.setdefault("loop", {})


_NOTE_OUTCOMES = {
    "answers": [], "companies": [], "feedback": "", "promises": [], "new_contacts": [],
}  # fmt: skip

MIGRATIONS: dict[int, Callable[[Data], None]] = {
    0: _v0_to_v1,
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
}
"""From version N (the key) to N+1."""


def migrate(data: Data, target: int = SCHEMA_VERSION) -> int:
    """Bring `data` to `target` in place; return the version it had."""
    original = schema_version(data)
    for version in range(original, target):
        MIGRATIONS[version](data)
        data["meta"][META_ID]["schema_version"] = version + 1
    return original
