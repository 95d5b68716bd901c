"""The content-line syntax of vCard (RFC 2426, RFC 6350, and 2.1 as phones write it): a
small tolerant reader and the writer's escaping and folding.

Why not vobject: on real address books it raised on `PROFILE:VCard`, cut `FN`, `TITLE`
and `NOTE` at the first comma (py-vobject issue 55), refused a whole file for one odd line
(a `#` comment, a KDE property name with a `/`, a 2.1 `ADR` continued with a backslash),
left base64 text as a bytes repr, and cost 0.3 ms a card (9 s for a 30,000-card book;
0.8 ms a card to write). netui keeps a dozen properties; reading those exactly, line by
line, lets every problem be reported with its line and skipped on its own.

Reading (`read_cards`): lines end in CRLF, LF, CR (or Apple's CR CR LF); a line that
starts with a space or tab continues the one before (RFC 6350 §3.2); a 2.1 value encoded
quoted-printable continues after a trailing `=` (a blank line or `END:VCARD` ends it);
`#` comment lines are skipped (Android skips them); a 2.1 value ending in a backslash
continues on a line with no colon. Parameters may be quoted (`TYPE="a,b:c"`), bare (2.1's
`TEL;CELL;PREF`) or repeated. Values are decoded here (quoted-printable and base64, in
their `CHARSET=`, UTF-8 by default, a byte that is neither read as Windows-1252 and
noted) but not unescaped: that depends on the property (`text`, `components`, `items`).
A card inside a card (2.1's AGENT) is read as a card of its own, as Android does.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import quopri
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from netui.interchange.textfile import ReadNotes, codec_name

MAX_LINE_OCTETS = 75
"""RFC 6350 §3.2 and RFC 5545 §3.1: lines longer than this are folded."""
_NAME = re.compile(r"^[A-Za-z0-9_/-]+$")
_DECLARED = re.compile(rb'CHARSET="?([A-Za-z0-9_.:-]+)', re.IGNORECASE)


def _windows_1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Read the bytes that are not UTF-8 as Windows-1252 (what a stray byte most often is
    in a Western address book), instead of failing the whole value."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", "replace"), error.end


codecs.register_error("netui-cp1252", _windows_1252_fallback)


@dataclass(frozen=True, slots=True)
class Property:
    """One property of a card, its value decoded from its transfer encoding."""

    line: int
    """The line of the file it starts on (1 is the first)."""
    group: str
    """Apple's `item1` (lower case), or ""."""
    name: str
    """Upper case: "FN", "TEL", "X-ABLABEL"."""
    params: dict[str, list[str]]
    """Upper-case parameter names -> values as written (unquoted); 2.1's bare
    parameters (`CELL`, `PREF`, `QUOTED-PRINTABLE`) are filed under TYPE or ENCODING."""
    value: str
    """The value after quoted-printable or base64 decoding; not unescaped."""

    @property
    def types(self) -> set[str]:
        """Every TYPE, however spelled (`TYPE=work,pref`, `type=WORK;type=pref`, bare
        `CELL`, 4.0's `PREF=1`), upper case."""
        found = {
            t.strip().upper() for value in self.params.get("TYPE", []) for t in value.split(",")
        }
        if self.params.get("PREF"):
            found.add("PREF")
        return found - {""}


@dataclass(slots=True)
class Card:
    """One BEGIN:VCARD ... END:VCARD block."""

    line: int
    """The line of its BEGIN:VCARD."""
    properties: list[Property] = field(default_factory=list)
    version: str = "3.0"
    _by_name: dict[str, list[Property]] | None = None

    def all(self, name: str) -> list[Property]:
        """The card's properties called `name` (upper case), in file order."""
        if self._by_name is None:
            self._by_name = {}
            for prop in self.properties:
                self._by_name.setdefault(prop.name, []).append(prop)
        return self._by_name.get(name, [])


# --- bytes to text ------------------------------------------------------------------------


def decode_file(data: bytes, notes: ReadNotes) -> str:
    """The file's text: UTF-8; else the one charset its properties declare, if it reads
    the whole file; else UTF-8 line by line, each line that is not read as Windows-1252
    and listed in `notes` (the text of the other lines is never changed by a guess)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    declared = {codec_name(m.decode("ascii")) for m in _DECLARED.findall(data)} - {None}
    declared -= {"utf-8", "ascii"}
    if len(declared) == 1:
        codec = str(next(iter(declared)))
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            pass
        else:
            notes.encoding = f"read as {codec} (declared)"
            return text
    lines = data.split(b"\n")
    bad = 0
    for number, raw in enumerate(lines):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            bad += 1
            if bad <= 5:
                notes.add(number + 1, "not UTF-8: read as Windows-1252 (cp1252)")
    notes.encoding = f"read as UTF-8, {bad} {'line' if bad == 1 else 'lines'} as cp1252"
    return data.decode("utf-8", "netui-cp1252").removeprefix("\ufeff")


# --- text to cards ------------------------------------------------------------------------


def _physical_lines(text: str) -> list[str]:
    return text.replace("\r\r\n", "\n").replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, unfolded line), comments and blank lines dropped."""
    current: str | None = None
    start = 0
    quoted_printable = False
    for number, line in enumerate(_physical_lines(text), start=1):
        if current is not None and quoted_printable and current.endswith("="):
            if line.strip() and line.strip().upper() != "END:VCARD":
                current = current[:-1] + line
                continue
            current = current[:-1]
        if line[:1] in (" ", "\t") and current is not None:
            current += line[1:]
            continue
        if current is not None and current.endswith("\\") and line.strip() and ":" not in line:
            current = current[:-1] + "\n" + line  # 2.1 ADR continued with a backslash
            continue
        if current is not None:
            yield start, current
            current = None
        if not line.strip() or line.startswith("#"):
            continue
        current, start = line, number
        head = line.partition(":")[0].upper()
        quoted_printable = "QUOTED-PRINTABLE" in head
    if current is not None:
        yield start, current.removesuffix("=") if quoted_printable else current


def _split_params(head: str) -> list[str]:
    """`TEL;TYPE="a;b";PREF` -> ["TEL", 'TYPE="a;b"', "PREF"]: semicolons in quotes kept."""
    if '"' not in head:
        return head.split(";")
    return _split(head, ";", quotes=True)


def _split(text: str, separator: str, *, quotes: bool) -> list[str]:
    """`text` split at each `separator` outside double quotes (`quotes`), or else not
    escaped with a backslash (the escapes kept, for `unescape`)."""
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    chars = iter(text)
    for char in chars:
        if quotes and char == '"':
            quoted = not quoted
        elif not quotes and char == "\\":
            current.append(char)
            char = next(chars, "")
        elif char == separator and not quoted:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return parts


def _colon(line: str) -> int:
    """Where the value starts: the first colon outside double quotes, or -1."""
    first = line.find(":")
    if '"' not in line[: max(first, 0)]:
        return first
    quoted = False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return index
    return -1


def parse_line(number: int, line: str, notes: ReadNotes) -> Property | None:
    """One unfolded content line as a property (its value still encoded), or None (noted
    in `notes`) when it is not one."""
    colon = _colon(line)
    if colon <= 0:
        notes.add(number, f"'{line[:40]}' is not a vCard property (no ':'): skipped")
        return None
    head, value = line[:colon], line[colon + 1 :]
    name_part, *param_parts = _split_params(head)
    group, _, name = name_part.strip().rpartition(".")
    if not _NAME.match(name):
        notes.add(number, f"'{name_part[:40]}' is not a property name: skipped")
        return None
    params: dict[str, list[str]] = {}
    for part in param_parts:
        key, equals, raw = part.partition("=")
        key = key.strip().upper()
        if not equals:
            bare = key
            key = "ENCODING" if bare in ("QUOTED-PRINTABLE", "BASE64", "8BIT", "B") else "TYPE"
            raw = bare
        params.setdefault(key, []).extend(_param_values(raw))
    return Property(number, group.lower(), name.upper(), params, value)


def _param_values(raw: str) -> list[str]:
    """A parameter's values: a quoted one whole, unquoted ones as written."""
    raw = raw.strip()
    if raw.startswith('"') and raw.endswith('"') and len(raw) > 1:
        return [raw[1:-1]]
    return [raw.replace('"', "")]


def read_cards(text: str, notes: ReadNotes) -> tuple[list[Card], list[tuple[int, str]]]:
    """Every card of a vCard file's text, and the lines outside any card (line, text).

    A card with no END:VCARD (the file ends first) is read to the end and noted.
    """
    cards: list[Card] = []
    stack: list[Card] = []
    outside: list[tuple[int, str]] = []
    for number, line in _logical_lines(text):
        keyword = line.strip().upper()
        if keyword == "BEGIN:VCARD":
            stack.append(Card(number))
            continue
        if not stack:
            outside.append((number, line))
            continue
        if keyword == "END:VCARD":
            cards.append(stack.pop())
            continue
        prop = parse_line(number, line, notes)
        if prop is None:
            continue
        if prop.name == "VERSION":
            stack[-1].version = prop.value.strip()
        stack[-1].properties.append(_decoded(prop, stack[-1].version, notes))
    while stack:
        card = stack.pop()
        notes.add(card.line, "this card has no END:VCARD: read to the end of the file")
        cards.append(card)
    cards.sort(key=lambda card: card.line)
    return cards, outside


_BINARY = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})


def _decoded(prop: Property, version: str, notes: ReadNotes) -> Property:
    """`prop` with its value decoded from quoted-printable or base64, in its charset."""
    if "ENCODING" not in prop.params:
        return prop
    encoding = {e.upper() for e in prop.params.get("ENCODING", [])}
    if prop.name in _BINARY or not encoding & {"QUOTED-PRINTABLE", "B", "BASE64"}:
        return prop
    charset = next(iter(prop.params.get("CHARSET", [])), "utf-8")
    if "QUOTED-PRINTABLE" in encoding:
        data = quopri.decodestring(prop.value.encode("utf-8"))
    else:
        try:
            data = base64.b64decode("".join(prop.value.split()), validate=False)
        except (binascii.Error, ValueError):
            notes.add(prop.line, f"{prop.name}: the base64 text can't be decoded: skipped")
            return Property(prop.line, prop.group, prop.name, prop.params, "")
    codec = codec_name(charset) or "utf-8"
    try:
        value = data.decode(codec)
    except UnicodeDecodeError:
        value = data.decode("utf-8", "netui-cp1252")
        notes.add(prop.line, f"{prop.name}: bytes that are not {codec}: read as cp1252")
    params = {k: v for k, v in prop.params.items() if k not in ("ENCODING", "CHARSET")}
    if version.startswith("2"):
        value = value.replace("\r\n", "\n")
    else:
        value = value.replace("\\", "\\\\").replace("\r\n", "\n").replace("\n", "\\n")
    return Property(prop.line, prop.group, prop.name, params, value)


# --- values -------------------------------------------------------------------------------

_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


def _unescaped(match: re.Match[str]) -> str:
    return "\n" if match[1] in "nN" else match[1]


def unescape(value: str, version: str) -> str:
    """A TEXT value as written (RFC 6350 §3.4): `\\n` a line break, a backslash before any
    other character that character (Apple writes `\\:` and `\\'`). vCard 2.1 has no escapes
    in single values: its backslashes are kept."""
    if version.startswith("2") or "\\" not in value:
        return value
    return _ESCAPE.sub(_unescaped, value)


def split_unescaped(value: str, separator: str) -> list[str]:
    """`value` split at each `separator` not escaped with a backslash (escapes kept)."""
    if "\\" not in value:
        return value.split(separator)
    return _split(value, separator, quotes=False)


def components(value: str, version: str) -> list[str]:
    """A structured value (N, ORG, ADR): its `;`-separated parts, each unescaped (in 2.1
    only `\\;` is an escape)."""
    parts = split_unescaped(value, ";")
    if version.startswith("2"):
        return [part.replace("\\;", ";") for part in parts]
    return [unescape(part, version) for part in parts]


def items(value: str, version: str) -> list[str]:
    """A list value (CATEGORIES, NICKNAME): its `,`-separated items, each unescaped."""
    if version.startswith("2"):
        return value.split(",")
    return [unescape(part, version) for part in split_unescaped(value, ",")]


# --- writing ------------------------------------------------------------------------------


def escape(value: str) -> str:
    """TEXT escaped for a content line (RFC 6350 §3.4): backslash, comma, semicolon and
    line breaks."""
    return (
        value.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """`line` folded at 75 octets (never inside a UTF-8 sequence), with its CRLF."""
    data = line.encode("utf-8")
    if len(data) <= MAX_LINE_OCTETS:
        return line + "\r\n"
    pieces, start, limit = [], 0, MAX_LINE_OCTETS
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:
            end -= 1  # back off to the start of a UTF-8 sequence
        pieces.append(data[start:end].decode("utf-8"))
        start, limit = end, MAX_LINE_OCTETS - 1  # continuation lines begin with a space
    return "\r\n ".join(pieces) + "\r\n"
