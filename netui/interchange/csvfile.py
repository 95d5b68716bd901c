"""CSV export of contacts, follow-ups and notes, and CSV import of contacts.

Files are UTF-8 with a header row, written by `csv.writer` (RFC 4180 quoting, CRLF line
ends); open the output with ``newline=""``. No BOM is written here; ``netui export csv
--excel`` adds one (Excel reads a CSV without one in the machine's ANSI code page, and so
shows "Zoë" as "ZoÃ«").

Reading (also LinkedIn's `Connections.csv`, through `decode_csv`, `separator` and
`larger_fields`): UTF-8 with or without a BOM; any other encoding is detected
(`netui.interchange.textfile.decode`), and a file that Excel re-saved in Windows-1252
(or 1250) is read as such even when it is too short for charset-normalizer to tell (see
`_windows_latin`), the preview saying "read as cp1252 (detected)". The separator is the
one of ``,``, ``;``, tab and ``|`` that makes the header row hold its columns (European
Excel and LibreOffice write ``;``), or the one an Excel ``sep=;`` first line names.
A cell longer than `netui.interchange.textfile.FIELD_LIMIT` is cut, and the preview says
where (line and column); Python's csv module would refuse one over 128 KiB.

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
import itertools
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Literal, TextIO

from netui.errors import NetuiError
from netui.interchange.plan import Incoming
from netui.interchange.textfile import Decoded, ReadNotes, cut, decode, read_bytes
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

_KNOWN = frozenset(CONTACT_HEADER)
"""The columns a contacts import reads (others are ignored)."""

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


# --- reading any CSV: encoding, separator, field size ----------------------------------

SEPARATORS = (",", ";", "\t", "|")
"""The separators a CSV import recognises, the usual one first."""

_EXCEL_MARKS = frozenset("€‚„…†‡‰‹›‘’“”•–—™\xa0¡¢£¥§©«®°±´µ¶·»¼½¾¿×÷")
"""The characters other than letters that Windows-1252 text holds above ASCII."""
_LETTERS = re.compile(r"[^\W\d_]+")


def decode_csv(path: Path | str, error: type[NetuiError] = NetuiError) -> Decoded:
    """The text of the CSV file at `path` and how it was read: as
    `netui.interchange.textfile.decode` reads it, except that a detected encoding
    gives way to Excel's Windows-1252, or else Windows-1250, when the file reads as
    text in it (`_windows_latin`). Raise `error` naming the file when it can't be read."""
    data = read_bytes(path, error)
    return _windows_latin(data, decode(data, Path(path).name, error))


_EXCEL_CODEPAGES = ("cp1252", "cp1250")
"""The code pages Excel saves a CSV in on a Western (the Americas, Western Europe) and a
Central European Windows, the most common first."""


def _windows_latin(data: bytes, decoded: Decoded) -> Decoded:
    """`decoded`, or `data` read in the first of `_EXCEL_CODEPAGES` that reads it as
    Latin text (`_looks_latin`), when the encoding was only detected.

    charset-normalizer needs more text than a contacts file holds: it reads a three-line
    Excel file with "José Núñez" as cp1250 ("Núńez"), cp775 or even big5, a 2.9 KB German
    one as cp1250, and a 1.3 KB Polish one as cp1252 ("£ukasz W¹sik"). Excel saves a CSV
    in the machine's ANSI code page, Windows-1252 in Western Europe and the Americas, so
    that is the first guess for text it can be; a Central European file with "ą" or "Ł"
    is not (cp1252 reads them as "¹" and "£"), and is tried as Windows-1250. Anything
    else (Cyrillic, Greek, Shift_JIS, UTF-16) keeps charset-normalizer's answer. Text
    that both read as letters (Czech "Dvořák", "Dvoøák" in cp1252) is taken as cp1252:
    the preview names the encoding used either way."""
    if decoded.how != "detected":
        return decoded
    body = data.removeprefix(b"\xef\xbb\xbf")
    for codec in _EXCEL_CODEPAGES:
        try:
            text = body.decode(codec)
        except UnicodeDecodeError:
            continue
        if _looks_latin(text):
            return decoded if codec == decoded.encoding else Decoded(text, codec, "detected")
    return decoded


def _looks_latin(text: str) -> bool:
    """Whether `text` (a file read in a Windows code page) reads as text in a Latin
    alphabet: mostly ASCII (two thirds), no control characters, every other character a
    letter or Windows punctuation (curly quotes, dashes, €, NBSP), at most half of the
    letters of the words that hold any of them not ASCII, and no capital of those after
    a small letter ("Zoë Müller", not Cyrillic read as cp1252 "Ïåòðîâ", nor Mac Roman
    "JosŽ")."""
    if not text or any(ch < " " and ch not in "\t\r\n" for ch in text):
        return False
    wide = [ch for ch in text if not ch.isascii()]
    if len(wide) * 3 > len(text):
        return False
    if any(not ch.isalpha() and ch not in _EXCEL_MARKS for ch in wide):
        return False
    letters = accented = 0
    for word in _LETTERS.findall(text):
        if word.isascii():
            continue
        letters += len(word)
        accented += sum(not ch.isascii() for ch in word)
        for before, ch in itertools.pairwise(word):
            if not ch.isascii() and ch.isupper() and before.islower():
                return False
    return accented * 2 <= letters


_SEP_LINE = re.compile(r"\A(\ufeff?)sep=(.)[ \t]*(?=\r\n|\n|\r|\Z)", re.IGNORECASE)


def separator(
    text: str, is_header: Callable[[Sequence[str]], bool], lines: int = 50
) -> tuple[str, str]:
    """(separator, text) for a CSV file's `text`: the separator an Excel ``sep=;`` first
    line names (the line then left blank in the text returned, so that line numbers stay
    right), else the first of `SEPARATORS` that splits one of the first `lines` lines
    that are not blank into cells that `is_header` takes for the header row (the one
    giving the most cells if more than one does), else a comma."""
    named = _SEP_LINE.match(text)
    if named is not None and named[2] in SEPARATORS:
        return named[2], named[1] + text[named.end() :]
    best, cells = ",", 0
    filled = (line for line in io.StringIO(text, newline="") if line.strip())
    for line in itertools.islice(filled, lines):
        for candidate in SEPARATORS:
            if candidate not in line and candidate != ",":
                continue
            try:
                record = next(csv.reader([line], delimiter=candidate), [])
            except csv.Error:  # a NUL, a cell over the csv module's limit: not a header
                continue
            if len(record) > cells and is_header([cell.lstrip("\ufeff") for cell in record]):
                best, cells = candidate, len(record)
        if cells:
            return best, text
    return best, text


_field_size = threading.Lock()


@contextmanager
def larger_fields(text: str) -> Iterator[None]:
    """Let the csv module read cells as long as `text` while inside (its default limit,
    128 KiB, refuses the whole file over one long cell); the reader cuts them to
    `FIELD_LIMIT` itself. The limit is the process's: the old one is put back after,
    and readers inside wait for each other."""
    with _field_size:
        old = csv.field_size_limit()
        csv.field_size_limit(max(old, min(len(text) + 1, 2**31 - 1)))
        try:
            yield
        finally:
            csv.field_size_limit(old)


def _records(handle: TextIO, delimiter: str = ",") -> Iterator[tuple[int, list[str]]]:
    """The non-blank records of a CSV file, each with the line it starts on."""
    reader = csv.reader(handle, delimiter=delimiter, strict=True)
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
    decoded = decode_csv(path, CsvError)
    if notes is not None:
        notes.encoding = decoded.description
    delimiter, text = separator(decoded.text, _names_a_contact, lines=1)
    try:
        with larger_fields(text):
            return _contact_rows(io.StringIO(text, newline=""), delimiter, notes)
    except _RowProblem as error:
        raise CsvError(f"{source}, line {error.line}: {error.problem}; nothing imported") from None


def _names_a_contact(cells: Sequence[str]) -> bool:
    """Whether `cells` are a contacts CSV's header row (one of them is `name`)."""
    return any(cell.strip().lower() == "name" for cell in cells)


def _contact_rows(
    handle: TextIO, delimiter: str = ",", notes: ReadNotes | None = None
) -> list[Incoming]:
    records = list(_records(handle, delimiter))
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
        cells = {
            column: unneutralise(cut(cell, line, f"the {column} cell", notes))
            for column, cell in zip(columns, record, strict=False)
            if column in _KNOWN
        }
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
