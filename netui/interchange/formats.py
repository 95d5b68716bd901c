"""One way in for every import format: read a file and plan what importing it would do.

The command line (`netui import FORMAT FILE`) and the app's import screen both call
`plan_file`, so they preview and apply exactly the same thing.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from netui.errors import NetuiError
from netui.identity import default_region
from netui.interchange.plan import ImportPlan
from netui.interchange.textfile import ReadNotes
from netui.model import Contact
from netui.text import shown

IMPORT_FORMATS: dict[str, str] = {
    "linkedin": "LinkedIn connections (Connections.csv)",
    "vcard": "vCard address book (.vcf)",
    "csv": "contacts CSV (as netui export csv writes it)",
}
"""Format name -> what it is, for menus and help."""


def guess_format(path: Path | str) -> str:
    """The import format a file most likely is, from its extension and its first 4 KB:
    `.vcf` is vCard, a `.csv` with LinkedIn's columns is LinkedIn, a file without an
    extension (or `.txt`) holding BEGIN:VCARD is vCard; anything else is a contacts CSV."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".vcf", ".vcard"):
        return "vcard"
    try:
        with path.open("rb") as handle:
            head = handle.read(4096).decode("utf-8", "replace").casefold()
    except OSError:
        return "csv"
    if suffix == ".csv":
        return "linkedin" if "connected on" in head and "first name" in head else "csv"
    return "vcard" if suffix in ("", ".txt") and "begin:vcard" in head else "csv"


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a file is read and planned: those build a few
    hundred thousand small objects with no cycles among them, and the collector's passes
    over them were a third of the time of a 30,000-card import."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def plan_file(fmt: str, path: Path | str, existing: list[Contact]) -> ImportPlan:
    """Read `path` as `fmt` and plan importing it into a network holding `existing`.

    Raises NetuiError naming the line for a file that can't be read (nothing is planned).
    Reading is blocking file I/O: the app calls this off the UI thread.
    """
    with _collector_paused():
        return _plan_file(fmt, path, existing)


def _plan_file(fmt: str, path: Path | str, existing: list[Contact]) -> ImportPlan:
    notes = ReadNotes()
    if fmt == "linkedin":
        from netui.interchange.linkedin import plan_import, read_connections

        plan = plan_import(read_connections(path, notes), existing)
    elif fmt == "vcard":
        from netui.interchange.merge import plan_contacts
        from netui.interchange.vcard import read_vcards

        plan = plan_contacts(read_vcards(path, notes), existing, "vCard", default_region())
    elif fmt == "csv":
        from netui.interchange.csvfile import read_incoming
        from netui.interchange.merge import plan_contacts

        plan = plan_contacts(read_incoming(path, notes), existing, "CSV", default_region())
    else:
        known = ", ".join(IMPORT_FORMATS)
        raise NetuiError(f"can't import '{shown(fmt, multiline=False)}' (one of: {known})")
    plan.notes = notes
    return plan
