"""Moving a data file from an older format to the current one.

Each step takes the whole data (in memory) from version N to N+1. The store keeps a
byte-identical copy of the original (`<file>.backups/<name>.pre-vN.json`) and writes the
migrated data in one save, so an interrupted migration leaves the old file in place.
"""

from __future__ import annotations

from collections.abc import Callable

from netui.store.schema import DATA_TABLES, META_ID, SCHEMA_VERSION, Data, schema_version

_CONTACT_DEFAULTS = {
    "name": "", "company": "", "title": "", "email": "", "phone": "", "linkedin": "",
    "tags": [], "how_met": "", "referred_by": None, "status": "lead", "cadence_days": None,
    "created": None, "updated": None,
}  # fmt: skip
_FOLLOWUP_DEFAULTS = {"contact_id": None, "text": "", "due": None, "done": None, "created": None}
_NOTE_DEFAULTS = {"contact_id": None, "date": None, "kind": "note", "text": "", "created": None}


def _v0_to_v1(data: Data) -> None:
    """Version 0 is a bare TinyDB file with netui's tables but no `meta` (hand-made, or
    written by a script): give it `meta` and give every document all of its fields."""
    for name, defaults in zip(
        DATA_TABLES, (_CONTACT_DEFAULTS, _FOLLOWUP_DEFAULTS, _NOTE_DEFAULTS), strict=True
    ):
        table = data.setdefault(name, {})
        for doc in table.values():
            for key, value in defaults.items():
                doc.setdefault(key, list(value) if isinstance(value, list) else value)
    data["meta"] = {META_ID: {"schema_version": 1}}


MIGRATIONS: dict[int, Callable[[Data], None]] = {0: _v0_to_v1}
"""From version N (the key) to N+1."""


def migrate(data: Data, target: int = SCHEMA_VERSION) -> int:
    """Bring `data` to `target` in place; return the version it had."""
    original = schema_version(data)
    for version in range(original, target):
        MIGRATIONS[version](data)
        data["meta"][META_ID]["schema_version"] = version + 1
    return original
