"""CSV export of contacts, follow-ups and notes, and CSV import of contacts.

Files are UTF-8 with a header row, written by `csv.writer` (RFC 4180 quoting, CRLF line
ends); open the output with ``newline=""``. No BOM is written (add one only for Excel).

Formula injection (RELIABILITY.md 5.5, OWASP ASVS 1.2.10): a spreadsheet evaluates a cell
that starts with ``=``, ``+``, ``-``, ``@``, tab, carriage return or NUL, and RFC 4180
quoting does not stop it. So on export such a cell gets a leading ``'``, which
spreadsheets show as text. A side effect: phone numbers like ``+1 555 0100`` and values
like ``-5`` are written as ``'+1 555 0100`` and ``'-5``. ``raw=True`` (``--raw`` on the
command line) writes cells unchanged, for round-trips into other tools; only use it for
files that no spreadsheet will open.

A cell that already starts with ``'`` followed by such a character gets a second ``'``,
so that `read_contacts_csv` can remove exactly the quote the export added: it drops a
leading ``'`` only when the rest of the cell would itself have been neutralised. The
round trip export -> read is therefore exact for neutralised files. (A raw export of a
value such as ``'=x`` reads back as ``=x``.)

Text is cleaned of control characters (`netui.text.clean`) on the way out and in; only
note text and "how met" keep their newlines (as stored).

Dates: every date netui stores is within `netui.model.EARLIEST` to `LATEST`, and the
export writes them as ISO text (years 1900 to 2200, four digits). On import, a
`created` or `updated` outside that range skips its row with the reason; one that is
not a date at all refuses the file, as any malformed cell does.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Literal, TextIO

from netui.errors import NetuiError
from netui.interchange.plan import Incoming
from netui.interchange.textfile import ReadNotes, read_decoded
from netui.model import Contact, FollowUp, Network, Note, Status, date_in_range, date_range_text
from netui.text import ITEM_SEPARATOR, clean, split_items, unique

What = Literal["contacts", "followups", "notes"]

CONTACT_HEADER = (
    "name",
    "company",
    "title",
    "email",
    "phone",
    "linkedin",
    "tags",
    "how_met",
    "referred_by",
    "status",
    "cadence_days",
    "created",
    "updated",
    "other_emails",
    "other_phones",
    "other_urls",
)
"""The contact columns. The `other_*` lists are joined with "; " (read back as the
contact form reads them, `netui.text.split_items`: an item holding "; " or ", " would be
split in two, which no email address, phone number or web address does)."""
FOLLOWUP_HEADER = ("contact", "text", "due", "done", "created")
NOTE_HEADER = ("contact", "date", "kind", "text", "created")

_FORMULA_START = frozenset("=+-@\t\r\0")
"""First characters that make a spreadsheet evaluate a cell."""


class CsvError(NetuiError, ValueError):
    """A CSV file that can't be read; the message gives the file and the line number."""


class _RowProblem(Exception):
    """What is wrong on one line; `read_contact_rows` names the file around it."""

    def __init__(self, line: int, problem: str) -> None:
        super().__init__(line, problem)
        self.line, self.problem = line, problem


def _needs_quote(value: str) -> bool:
    """Whether export puts a `'` before `value` (also before one already quoted)."""
    return value.lstrip("'")[:1] in _FORMULA_START


def neutralise(value: str) -> str:
    """`value` made safe to open in a spreadsheet: a leading `'` if it could be a formula."""
    return "'" + value if _needs_quote(value) else value


def unneutralise(value: str) -> str:
    """The inverse of `neutralise`: remove the `'` that export added, and only that."""
    if value.startswith("'") and _needs_quote(value[1:]):
        return value[1:]
    return value


def _line(text: str) -> str:
    return clean(text, multiline=False)


def _iso(value: datetime | None) -> str:
    return value.isoformat(timespec="seconds") if value else ""


def _contact_row(contact: Contact, network: Network) -> list[str]:
    return [
        _line(contact.name),
        _line(contact.company),
        _line(contact.title),
        _line(contact.email),
        _line(contact.phone),
        _line(contact.linkedin),
        " ".join(t for t in (_line(t) for t in contact.tags) if t),
        clean(contact.how_met),
        _line(network.name_of(contact.referred_by)),
        str(contact.status),
        "" if contact.cadence_days is None else str(contact.cadence_days),
        _iso(contact.created),
        _iso(contact.updated),
        _joined(contact.other_emails),
        _joined(contact.other_phones),
        _joined(contact.other_urls),
    ]


def _joined(values: tuple[str, ...]) -> str:
    return ITEM_SEPARATOR.join(unique(_line(v) for v in values))


def _followup_row(followup: FollowUp, network: Network) -> list[str]:
    return [
        _line(network.name_of(followup.contact_id)),
        _line(followup.text),
        followup.due.isoformat(),
        _iso(followup.done),
        _iso(followup.created),
    ]


def _note_row(note: Note, network: Network) -> list[str]:
    return [
        _line(network.name_of(note.contact_id)),
        note.date.isoformat(),
        str(note.kind),
        clean(note.text),
        _iso(note.created),
    ]


def export_csv(network: Network, what: What, out: TextIO, *, raw: bool = False) -> int:
    """Write the header and one row per contact, follow-up (done ones too) or note of
    `network` to `out` (opened with ``newline=""``, UTF-8); return the number of rows.

    Cells that a spreadsheet would evaluate get a leading `'` unless `raw` (see the
    module docstring: phone numbers like ``+1 555`` get it too).
    """
    header: tuple[str, ...]
    rows: Iterator[list[str]]
    if what == "contacts":
        header, rows = CONTACT_HEADER, (_contact_row(c, network) for c in network.contacts)
    elif what == "followups":
        header, rows = FOLLOWUP_HEADER, (_followup_row(f, network) for f in network.followups)
    elif what == "notes":
        header, rows = NOTE_HEADER, (_note_row(n, network) for n in network.notes)
    else:
        raise NetuiError(f"can't export '{what}' as CSV (contacts, followups or notes)")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    count = 0
    for row in rows:
        writer.writerow(row if raw else [neutralise(cell) for cell in row])
        count += 1
    return count


def _records(handle: TextIO) -> Iterator[tuple[int, list[str]]]:
    """The non-blank records of a CSV file, each with the line it starts on."""
    reader = csv.reader(handle, strict=True)
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise _RowProblem(reader.line_num, f"malformed CSV ({error})") from None
        if any(cell.strip() for cell in row):
            yield start, row
        start = reader.line_num + 1


class _OutOfRange(Exception):
    """A date the row holds that netui does not keep: the row is skipped, not the file."""


def _datetime(value: str, line: int, column: str) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise _RowProblem(line, f"'{value[:30]}' in {column} is not a date") from None
    if not date_in_range(moment.date()):
        raise _OutOfRange(
            f"{column} {moment.date().isoformat()} is outside the dates netui keeps "
            f"({date_range_text()})"
        )
    return moment


def _contact(cells: dict[str, str], line: int) -> tuple[Contact, str]:
    name = _line(cells.get("name", ""))
    if not name:
        raise _RowProblem(line, "a contact needs a name")
    status_text = _line(cells.get("status", "")).lower() or str(Status.LEAD)
    if status_text not in Status._value2member_map_:
        raise _RowProblem(line, f"'{status_text[:30]}' is not a status (lead, contacted or met)")
    cadence_text = _line(cells.get("cadence_days", ""))
    cadence: int | None = None
    if cadence_text:
        if not cadence_text.isascii() or not cadence_text.isdigit():
            raise _RowProblem(line, f"'{cadence_text[:30]}' is not a number of days")
        cadence = int(cadence_text)
        if not 1 <= cadence <= 3650:
            raise _RowProblem(line, "the rhythm must be from 1 to 3650 days")
    tags = tuple(dict.fromkeys(_line(cells.get("tags", "")).split()))
    contact = Contact(
        name=name,
        company=_line(cells.get("company", "")),
        title=_line(cells.get("title", "")),
        email=_line(cells.get("email", "")),
        phone=_line(cells.get("phone", "")),
        linkedin=_line(cells.get("linkedin", "")),
        tags=tags,
        how_met=clean(cells.get("how_met", "")),
        status=Status(status_text),
        cadence_days=cadence,
        other_emails=split_items(cells.get("other_emails", "")),
        other_phones=split_items(cells.get("other_phones", "")),
        other_urls=split_items(cells.get("other_urls", "")),
        created=_datetime(cells.get("created", ""), line, "created"),
        updated=_datetime(cells.get("updated", ""), line, "updated"),
    )
    return contact, _line(cells.get("referred_by", ""))


def read_contact_rows(path: Path | str) -> list[tuple[int, Contact, str]]:
    """Each contact of a contacts CSV as (line, contact, referrer's name or "").

    The header row names the columns (in any order, any case; unknown ones are ignored;
    only ``name`` is required). Raise `CsvError` naming the file and the line for a
    malformed file: bad UTF-8, broken quoting, a row longer than the header, no name, an
    unknown status, a bad rhythm or date. A row with a date outside the dates netui
    keeps (`netui.model.date_in_range`) is left out (`read_incoming` says why).
    """
    return [(row.line, row.contact, row.referrer) for row in _read(path) if not row.skip]


def _read(path: Path | str, notes: ReadNotes | None = None) -> list[Incoming]:
    """Every row of a contacts CSV, those to skip marked with the reason."""
    source = Path(path).name
    decoded = read_decoded(path, CsvError)
    if notes is not None:
        notes.encoding = decoded.description
    text = decoded.text
    try:
        return _contact_rows(io.StringIO(text, newline=""))
    except _RowProblem as error:
        raise CsvError(f"{source}, line {error.line}: {error.problem}; nothing imported") from None


def _contact_rows(handle: TextIO) -> list[Incoming]:
    records = list(_records(handle))
    if not records:
        raise _RowProblem(1, "the file is empty (no header row)")
    header_line, header = records[0]
    columns = [cell.strip().lower() for cell in header]
    if "name" not in columns:
        raise _RowProblem(header_line, "the header row has no 'name' column")
    rows: list[Incoming] = []
    for line, record in records[1:]:
        if len(record) > len(columns):
            raise _RowProblem(line, f"{len(record)} cells but the header has {len(columns)}")
        cells = {column: unneutralise(cell) for column, cell in zip(columns, record, strict=False)}
        try:
            contact, referrer = _contact(cells, line)
        except _OutOfRange as reason:
            rows.append(Incoming(line, Contact(_line(cells["name"])), skip=str(reason)))
            continue
        rows.append(Incoming(line, contact, referrer=referrer))
    return rows


def read_contacts_csv(path: Path | str) -> list[Contact]:
    """The contacts of a contacts CSV (as `export_csv(..., "contacts", ...)` writes it).

    The contacts have no id and no `referred_by` (the file names the referrer, and ids
    only exist once saved): use `read_contact_rows` to get the referrers' names.
    Raise `CsvError` (a `NetuiError`) with the line number for a malformed file.
    """
    return [contact for _line_no, contact, _referrer in read_contact_rows(path)]


def read_incoming(path: Path | str, notes: ReadNotes | None = None) -> list[Incoming]:
    """A contacts CSV as people to import (`netui.interchange.merge.plan_contacts`),
    each with the line it is on and the name of whoever referred them; a row with a date
    netui does not keep is marked skipped, with the reason the preview shows."""
    return _read(path, notes)
