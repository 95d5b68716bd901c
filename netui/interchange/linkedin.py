"""LinkedIn's `Connections.csv`: read it, plan what an import changes, describe and apply.

Reading (`read_connections`) is strict about structure and tolerant about content: the
notes LinkedIn puts before the header are passed over (the header row is found by its
columns, with or without `URL`), a UTF-8 BOM and CRLF are fine, quoted commas are fine.
A file re-saved by Excel is read too: in Windows-1252 or another encoding (detected, and
named in the preview: see `netui.interchange.csvfile.decode_csv`), separated by `;`,
tab or `|` rather than commas (the separator that makes the header row is used). A cell
longer than `FIELD_LIMIT` is cut, and the preview says so.

Connection dates may be in any form LinkedIn has written, with or without a time of day
(dropped): `02 Apr 2021`, `02-Apr-21`, `Apr 2, 2021`, ISO, and the numeric `1/8/18, 6:14
PM` (the 2018 export) or `02/04/2021`, whose order the file decides: day first, as in
LinkedIn's own `02 Apr 2021`, unless the file's other dates can only be month first or
come with 12-hour times (the US order); a re-save's `02.04.2021` is day first. A row
whose Connected On is empty or not a date is imported without a connection date, and
the preview says so with its line (`Connected On '31/31/18' is not a date: the contact
is imported without a connection date`): it is saved with no `created` (the plan lists it
in `undated`), never as added the day of the import. A date outside the dates netui keeps
(`netui.model.date_in_range`) skips its row, with the reason. A file whose header can't be
found, in no encoding that can be told, or with a row of the wrong number of fields raises
NetuiError naming the line, and so nothing is imported. A row with no name (a hidden
member) is kept, marked skipped.

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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from netui.errors import NetuiError
from netui.interchange.csvfile import decode_csv, larger_fields, separator
from netui.interchange.keys import normalise_url
from netui.interchange.plan import ImportPlan, JobChange
from netui.interchange.textfile import ReadNotes, cut
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
UNDATED = "the contact is imported without a connection date"
"""What the preview says of a row whose Connected On is empty or not a date."""

_NUMERIC = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})")
_ISO = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})")
_DAY_MONTH = re.compile(r"(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ ,-]+(\d{4}|\d{2})")
_MONTH_DAY = re.compile(r"([A-Za-z]{3,9})\.?[ -](\d{1,2})(?:st|nd|rd|th)?,? (\d{4}|\d{2})")
_TIME = re.compile(
    r"(?:[ ,]+|T)(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,]\d+)?)?"
    r" ?(?:(?P<half>[AaPp])\.? ?[Mm]\.?)? ?(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$"
)
_MONTH_NAMES = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTHS = {
    **{name: number for number, name in enumerate(_MONTH_NAMES, 1)},
    **{name[:3]: number for number, name in enumerate(_MONTH_NAMES, 1)},
    "sept": 9,
}
"""English month names and their abbreviations (LinkedIn's exports are in English,
whatever the member's language), as numbers."""


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
    how the file was read (its encoding when not UTF-8) and what the preview should say
    about its rows (a cell cut, a connection date that can't be read).

    Raises NetuiError (with the line number) if the file can't be read as such a file.
    """
    decoded = decode_csv(path)
    if notes is not None:
        notes.encoding = decoded.description
    return parse_connections(decoded.text, Path(path).name, notes)


def parse_connections(
    text: str, source: str = "Connections.csv", notes: ReadNotes | None = None
) -> list[LinkedInRow]:
    """`read_connections` on text already in memory (`source` names it in errors)."""
    text = text.removeprefix("\ufeff")
    delimiter, text = separator(text, lambda cells: _header(cells) is not None)
    with larger_fields(text):
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        columns: dict[str, int] | None = None
        names: list[str] = []
        raw: list[tuple[int, list[str]]] = []
        last_line = 0
        try:
            for record in reader:
                start, last_line = last_line + 1, reader.line_num
                if columns is None:
                    columns = _header(record)
                    names = [" ".join(cell.split()) for cell in record]
                    continue
                if not any(cell.strip() for cell in record):
                    continue  # a blank line
                if len(record) != len(names):
                    raise NetuiError(
                        f"{source}, line {start}: {len(record)} fields where the header has "
                        f"{len(names)}; nothing imported"
                    )
                raw.append((start, record))
        except csv.Error as error:
            raise NetuiError(
                f"{source}, line {reader.line_num}: {error}; nothing imported"
            ) from None
    if columns is None:
        raise NetuiError(
            f"{source}: no header row with the columns First Name, Last Name, Company, "
            "Position and Connected On; is it LinkedIn's Connections.csv? Nothing imported"
        )
    day_first = _day_first(record[columns["connected"]] for _, record in raw)
    return [_row(line, record, columns, names, day_first, notes) for line, record in raw]


def _header(record: Sequence[str]) -> dict[str, int] | None:
    found: dict[str, int] = {}
    for index, cell in enumerate(record):
        key = _COLUMNS.get(" ".join(cell.split()).casefold())
        if key and key not in found:
            found[key] = index
    return found if all(k in found for k in _REQUIRED) else None


def _row(
    line: int,
    record: list[str],
    columns: dict[str, int],
    names: list[str],
    day_first: bool,
    notes: ReadNotes | None,
) -> LinkedInRow:
    def cell(key: str) -> str:
        index = columns.get(key)
        if index is None:
            return ""
        return clean(cut(record[index], line, f"the {names[index]} cell", notes), multiline=False)

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
    if connected is not None and row.connected is None:
        return replace(
            row,
            skip=f"Connected On {connected.isoformat()} is outside the dates netui keeps "
            f"({date_range_text()})",
        )
    if connected is None and notes is not None:
        said = f"'{_shown(written)}' is not a date" if written else "is empty"
        notes.add(line, f"Connected On {said}: {UNDATED}")
    return row


def _shown(text: str, most: int = 30) -> str:
    """`text` as a skip reason quotes it: cut short if long."""
    return text if len(text) <= most else text[:most] + "…"


def _day_first(values: Iterable[str]) -> bool:
    """Whether the file's numeric dates (`1/8/18`, `02/04/2021`) put the day first: yes
    if some first number is above 12 (and its second is not); no if some second one is,
    or (else) if the times beside them are on a 12-hour clock (`1/8/18, 6:14 PM`,
    LinkedIn's export of 2018, in the US order); yes otherwise (the order of LinkedIn's
    own `02 Apr 2021`)."""
    month_first = twelve_hour = False
    for value in values:
        found = _numeric(value)
        if found is None:
            continue
        first, second, clock = found
        if first > 12 and second > 12:
            continue  # no date either way (`31/31/18`): it tells nothing
        if first > 12:
            return True
        month_first = month_first or second > 12
        twelve_hour = twelve_hour or clock
    return not (month_first or twelve_hour)


def _numeric(value: str) -> tuple[int, int, bool] | None:
    """(first number, second number, a 12-hour time beside it) of a date written with
    numbers only, day and month in either order (`1/8/18, 6:14 PM`); None for another."""
    split = _split_time(" ".join(value.split()))
    if split is None:
        return None
    match = _NUMERIC.fullmatch(split[0])
    if match is None or match[2] == ".":
        return None
    return int(match[1]), int(match[3]), split[1]


def _split_time(value: str) -> tuple[str, bool] | None:
    """(the date, whether a time after it is on a 12-hour clock) of `value`, a time of
    day after the date dropped (`, 6:14 PM`, ` 18:14:05`, `T18:14:05Z`); None if that
    time is not one."""
    match = _TIME.search(value)
    if match is None:
        return value, False
    hour, minute, second = int(match["hour"]), int(match["minute"]), int(match["second"] or 0)
    twelve_hour = match["half"] is not None
    if minute > 59 or second > 59 or hour > (12 if twelve_hour else 23):
        return None
    if twelve_hour and hour == 0:
        return None
    return value[: match.start()].rstrip(" ,"), twelve_hour


def parse_date(value: str, *, day_first: bool | None = None) -> date | None:
    """A connection date in any form LinkedIn has written or a spreadsheet's re-save
    makes, with or without a time of day after it (dropped): `02 Apr 2021`, `02-Apr-21`,
    `2 April 2021`, `Apr 2, 2021`, `1/8/18, 6:14 PM`, `01/08/2018`, `02.04.2021`,
    `2021-04-02` and `2021-04-02T18:14:00Z`. None if it is empty or can't be read.

    `day_first` orders the numbers of `01/08/2018` (the file decides, `_day_first`);
    None decides from the value alone, as `_day_first` does for a file of one date. A
    dotted date is always day first. The date may be one netui does not keep
    (`31 Dec 9999`): the reader checks the range, to say why a row is skipped."""
    split = _split_time(" ".join(value.split()))
    if split is None or not split[0]:
        return None
    text = split[0]
    if day_first is None:
        day_first = _day_first([value])
    if match := _NUMERIC.fullmatch(text):
        first, second = int(match[1]), int(match[3])
        day, month = (first, second) if day_first or match[2] == "." else (second, first)
        year = match[4]
    elif match := _ISO.fullmatch(text):
        year, month, day = match[1], int(match[3]), int(match[4])
    elif match := _DAY_MONTH.fullmatch(text):
        day, month, year = int(match[1]), _MONTHS.get(match[2].casefold(), 0), match[3]
    elif match := _MONTH_DAY.fullmatch(text):
        month, day, year = _MONTHS.get(match[1].casefold(), 0), int(match[2]), match[3]
    else:
        return None
    try:
        return date(_year(year), month, day)
    except ValueError:
        return None


def _year(text: str) -> int:
    """A year as written: two digits are 1969 to 2068, as `strptime`'s `%y` reads them."""
    year = int(text)
    if len(text) == 2:
        year += 1900 if year >= 69 else 2000
    return year


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
            if row.connected is None:
                plan.undated.add(len(plan.added))
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
