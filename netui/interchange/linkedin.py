"""LinkedIn's `Connections.csv`: read it, plan what an import changes, describe and apply.

Reading (`read_connections`) is strict about structure and tolerant about content: the
notes LinkedIn puts before the header are passed over (the header row is found by its
columns, with or without `URL`), a UTF-8 BOM and CRLF are fine, quoted commas are fine,
and dates may be `02 Apr 2021`, `02-Apr-21`, `02/04/2021` (day first, unless the file's
other dates can only be month first) or ISO. A row whose Connected On is not a date, or
is one outside the dates netui keeps (`netui.model.date_in_range`), is skipped with the
reason (an empty one is fine: the contact is dated when it is added). A file whose
header can't be found, that is not UTF-8, or with a row of the wrong number of fields
raises NetuiError naming the line, and so nothing is imported. A row with no name (a
hidden member) is kept, marked skipped.

Planning (`plan_import`) is pure. A row matches a contact by its normalised profile URL
(lower case, https, no `www.`, no query string, fragment or trailing slash), else by
folded name plus folded company (never a contact that has a different profile URL). A
profile listed twice in one file counts once (the later rows are skipped).

What a re-import may change, the rule: an import never overwrites what the user typed
unless the user says so. An imported contact is created with `updated == created` (the
connection date at 09:00), and an import never moves `updated`; any edit in netui sets
`updated` to the time of the edit. So a contact tagged `linkedin` whose `updated` still
equals its `created` holds only what LinkedIn said, and its company and title follow
LinkedIn's new non-empty values. Of any other matched contact (edited in netui, or added
by hand) only empty fields are filled: company, title, email, profile URL. Names and
status are never changed. The rule is per contact, not per field: once a contact is
edited at all, its company and title are the user's. That errs on the side of keeping
the user's words, and needs nothing stored beyond the two timestamps every contact
already has.

Job changes are never dropped silently, though: every matched contact whose non-empty
company or title differs from LinkedIn's non-empty one (case, accents and spacing
ignored: "ACME" is not a move from "Acme") is listed as a `JobChange` — applied for an
untouched contact, offered for any other (`accept_job_changes` applies it when the user
accepts: `--accept-changes`, or ticked in the app). An applied change also leaves a note
with the old job and, into a target company, a follow-up (see netui.interchange.plan).
Once applied, the contact holds LinkedIn's values, so the same file reports it no more;
an offered change not accepted is offered again by the next import.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from netui.errors import NetuiError
from netui.interchange.keys import normalise_url
from netui.interchange.plan import ImportPlan, JobChange
from netui.interchange.textfile import ReadNotes, read_decoded
from netui.model import Contact, Status, date_in_range, date_range_text
from netui.text import clean, name_key

TAG = "linkedin"
HOW_MET = "LinkedIn"
CONNECTED_AT = time(9, 0)
"""The time of day given to a connection date (LinkedIn only gives the day)."""

_COLUMNS = {
    "first name": "first",
    "last name": "last",
    "url": "url",
    "profile url": "url",
    "email address": "email",
    "company": "company",
    "position": "position",
    "connected on": "connected",
}
_REQUIRED = ("first", "last", "company", "position", "connected")
_SLASH = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{2,4})\s*$")
_FORMATS = ("%d %b %Y", "%d %B %Y", "%d-%b-%y", "%d-%b-%Y", "%d %b %y", "%Y-%m-%d")


@dataclass(frozen=True, slots=True)
class LinkedInRow:
    """One connection as the file gives it (text cleaned, date parsed)."""

    line: int
    """The line of the file where the row starts (1 is the first line)."""
    first: str = ""
    last: str = ""
    url: str = ""
    email: str = ""
    company: str = ""
    position: str = ""
    connected: date | None = None
    skip: str = ""
    """Why the row can't be imported ("" if it can)."""

    @property
    def name(self) -> str:
        return " ".join(f"{self.first} {self.last}".split())


# --- reading ------------------------------------------------------------------------------


def read_connections(path: Path | str, notes: ReadNotes | None = None) -> list[LinkedInRow]:
    """Every connection row of a LinkedIn `Connections.csv`, in file order; `notes` gets
    how the file was read (its encoding when not UTF-8).

    Raises NetuiError (with the line number) if the file can't be read as such a file.
    """
    decoded = read_decoded(path)
    if notes is not None:
        notes.encoding = decoded.description
    return parse_connections(decoded.text, Path(path).name)


def parse_connections(text: str, source: str = "Connections.csv") -> list[LinkedInRow]:
    """`read_connections` on text already in memory (`source` names it in errors)."""
    text = text.removeprefix("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""))
    columns: dict[str, int] | None = None
    raw: list[tuple[int, list[str]]] = []
    last_line = 0
    try:
        for record in reader:
            start, last_line = last_line + 1, reader.line_num
            if columns is None:
                columns = _header(record)
                width = len(record)
                continue
            if not any(cell.strip() for cell in record):
                continue  # a blank line
            if len(record) != width:
                raise NetuiError(
                    f"{source}, line {start}: {len(record)} fields where the header has "
                    f"{width}; nothing imported"
                )
            raw.append((start, record))
    except csv.Error as error:
        raise NetuiError(f"{source}, line {reader.line_num}: {error}; nothing imported") from None
    if columns is None:
        raise NetuiError(
            f"{source}: no header row with the columns First Name, Last Name, Company, "
            "Position and Connected On; is it LinkedIn's Connections.csv? Nothing imported"
        )
    day_first = _day_first(record[columns["connected"]] for _, record in raw)
    return [_row(line, record, columns, day_first) for line, record in raw]


def _header(record: list[str]) -> dict[str, int] | None:
    found: dict[str, int] = {}
    for index, cell in enumerate(record):
        key = _COLUMNS.get(" ".join(cell.split()).casefold())
        if key and key not in found:
            found[key] = index
    return found if all(k in found for k in _REQUIRED) else None


def _row(line: int, record: list[str], columns: dict[str, int], day_first: bool) -> LinkedInRow:
    def cell(key: str) -> str:
        index = columns.get(key)
        return clean(record[index], multiline=False) if index is not None else ""

    written = cell("connected")
    connected = parse_date(written, day_first=day_first)
    row = LinkedInRow(
        line=line,
        first=cell("first"),
        last=cell("last"),
        url=cell("url"),
        email=cell("email"),
        company=cell("company"),
        position=cell("position"),
        connected=connected if connected is not None and date_in_range(connected) else None,
    )
    if not row.name:
        return replace(row, skip="hidden member (no name)")
    if written and connected is None:
        return replace(row, skip=f"Connected On '{_shown(written)}' is not a date")
    if connected is not None and row.connected is None:
        return replace(
            row,
            skip=f"Connected On {connected.isoformat()} is outside the dates netui keeps "
            f"({date_range_text()})",
        )
    return row


def _shown(text: str, most: int = 30) -> str:
    """`text` as a skip reason quotes it: cut short if long."""
    return text if len(text) <= most else text[:most] + "…"


def _day_first(values: object) -> bool:
    """Whether the file's d/d/yyyy dates put the day first (the default, as LinkedIn's
    own `02 Apr 2021` does), or must be month first (some second number above 12 and no
    first number above 12)."""
    month_first_seen = False
    for value in values:  # type: ignore[attr-defined]
        match = _SLASH.match(value)
        if match:
            if int(match[1]) > 12:
                return True
            if int(match[2]) > 12:
                month_first_seen = True
    return not month_first_seen


def parse_date(value: str, *, day_first: bool = True) -> date | None:
    """A connection date in any of the forms LinkedIn or a spreadsheet writes; None if
    it is empty or can't be read. The date may be one netui does not keep (`31 Dec 9999`):
    the reader checks the range, to say why a row is skipped."""
    value = " ".join(value.split())
    if not value:
        return None
    match = _SLASH.match(value)
    if match:
        a, b, year = int(match[1]), int(match[2]), int(match[3])
        if year < 100:
            year += 2000
        day, month = (a, b) if day_first else (b, a)
        try:
            return date(year, month, day)
        except ValueError:
            return None
    for fmt in _FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


# --- planning -----------------------------------------------------------------------------


def untouched_import(contact: Contact) -> bool:
    """Whether `contact` came from a LinkedIn import and was never edited in netui since
    (so that its company and title are LinkedIn's, free to follow a newer export)."""
    return TAG in contact.tags and contact.updated == contact.created


def plan_import(rows: list[LinkedInRow], existing: list[Contact]) -> ImportPlan:
    """What importing `rows` into a network holding `existing` would do."""
    by_url: dict[str, Contact] = {}
    by_name: dict[str, Contact] = {}
    for contact in existing:
        if key := normalise_url(contact.linkedin):
            by_url.setdefault(key, contact)
        by_name.setdefault(name_key(contact.name, contact.company), contact)
    plan = ImportPlan(source="LinkedIn")
    seen: dict[str, int] = {}  # a profile's key -> the line it was first seen on
    claimed: set[int] = set()  # ids of the contacts already matched by a row
    for row in rows:
        if row.skip:
            plan.skipped.append((row.line, row.skip))
            continue
        url_key = normalise_url(row.url)
        row_name = name_key(row.name, row.company)
        key = url_key or row_name
        if key in seen:
            plan.skipped.append((row.line, f"same profile as line {seen[key]}"))
            continue
        seen[key] = row.line
        match = by_url.get(url_key) if url_key else None
        if match is None:
            candidate = by_name.get(row_name)
            if candidate is not None and candidate.id not in claimed:
                other = normalise_url(candidate.linkedin)
                if not other or not url_key or other == url_key:
                    match = candidate
        if match is None:
            plan.added.append(_new_contact(row))
            continue
        if match.id is not None:
            claimed.add(match.id)
        after = _updated(match, row)
        if after == match:
            plan.unchanged += 1
        else:
            plan.updated.append((match, after))
        if (change := _job_change(match, row)) is not None:
            plan.job_changes.append(change)
    return plan


def _new_contact(row: LinkedInRow) -> Contact:
    created = datetime.combine(row.connected, CONNECTED_AT) if row.connected else None
    return Contact(
        name=row.name,
        company=row.company,
        title=row.position,
        email=row.email,
        linkedin=row.url.strip(),
        tags=(TAG,),
        how_met=HOW_MET,
        status=Status.LEAD,
        created=created,
        updated=created,
    )


def _job_change(contact: Contact, row: LinkedInRow) -> JobChange | None:
    """The company or title change `row` shows for `contact`, if any: applied if the
    contact follows LinkedIn (`untouched_import`), else offered. A value filled into an
    empty field is not a job change (it is filled anyway); nor is a change of spelling."""
    moved = any(
        new and old and name_key(new) != name_key(old)
        for old, new in ((contact.company, row.company), (contact.title, row.position))
    )
    if not moved:
        return None
    return JobChange(
        contact=contact,
        old_company=contact.company,
        old_title=contact.title,
        new_company=row.company or contact.company,
        new_title=row.position or contact.title,
        applied=untouched_import(contact),
    )


def _updated(contact: Contact, row: LinkedInRow) -> Contact:
    follow = untouched_import(contact)
    changes: dict[str, Any] = {}  # keyword arguments of `replace`
    for name, value in (("company", row.company), ("title", row.position)):
        current = getattr(contact, name)
        if value and value != current and (follow or not current):
            changes[name] = value
    if row.email and not contact.email:
        changes["email"] = row.email
    if row.url and not contact.linkedin:
        changes["linkedin"] = row.url.strip()
    return replace(contact, **changes) if changes else contact
