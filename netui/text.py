"""Make text from users and imported files safe to store and to print.

Names and notes can carry control characters, ANSI/OSC escapes, bidi overrides or lone
surrogates (pasted or imported). Stored, a lone surrogate makes every later save fail on
encoding; printed, an escape sequence can rewrite the user's terminal. So text is cleaned
once on the way in (`clean`), and everything read back is made displayable (`shown`):
a file edited by hand, a sync tool or another program can hold anything.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable

# C0 controls except tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates,
# and lone surrogates: what `clean` removes and `shown` replaces.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_UNSAFE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def clean(text: str, *, multiline: bool = True) -> str:
    """Return `text` in NFC with unsafe characters removed.

    With `multiline=False`, newlines and tabs become single spaces (names, titles, tags).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Remove first, then normalise: a removed control character could otherwise leave
    # a letter and its accent side by side, uncomposed ("e\x00\u0301").
    if multiline:
        return unicodedata.normalize("NFC", _UNSAFE.sub("", text))
    return " ".join(unicodedata.normalize("NFC", _UNSAFE_LINE.sub(" ", text)).split())


def _pictures(multiline: bool) -> dict[str, str]:
    """The placeholder of each unsafe character `shown` replaces."""
    # C0 controls show as their Unicode control pictures (ESC as "␛", NUL as "␀"), DEL
    # as "␡": visible, one cell wide, and saying what was there. C1 controls, bidi
    # embeddings, overrides and isolates, and lone surrogates have no picture: "\ufffd".
    table = {chr(code): chr(0x2400 + code) for code in range(0x20)}
    table["\x7f"] = "\u2421"
    for first, last in ((0x80, 0x9F), (0x202A, 0x202E), (0x2066, 0x2069), (0xD800, 0xDFFF)):
        table.update(dict.fromkeys(map(chr, range(first, last + 1)), "\ufffd"))
    if multiline:
        del table["\n"], table["\t"]
    else:  # whitespace in a one-line field is harmless: a space, as `clean` stores it
        table.update(dict.fromkeys("\t\n\r", " "))
    return table


_SHOWN = _pictures(multiline=True)
_SHOWN_LINE = _pictures(multiline=False)
_UNSAFE_BYTES = bytes([*range(0x09), *range(0x0B, 0x20), 0x7F, 0xC2, 0xE2])
"""The UTF-8 bytes that may start an unsafe character of multi-line text: the ASCII
controls but newline and tab (CR included: it becomes a newline), DEL, and the lead bytes
of U+0080-U+00BF (C1 controls among them) and U+2000-U+2FFF (bidi controls among them)."""


def shown(text: str, *, multiline: bool = True) -> str:
    """`text` safe to display: nothing in it can drive a terminal or reorder a line.

    Every text read from the data file, an import or a config file passes here before a
    widget, a command's output or an export shows it. C0 controls become control
    pictures (ESC "␛", BEL "␇"), DEL "␡"; C1 controls, bidi embeddings/overrides/isolates
    and lone surrogates "\ufffd". Newlines and tabs are kept in `multiline` text (a CR or
    CRLF becomes a newline); in one-line text they become spaces. Nothing else changes
    (no normalisation), so text that is already safe comes back as the same object.
    """
    # The fast path is the common one: every unsafe character is non-printable, and
    # str.isprintable runs at C speed (this runs on every field of every document).
    if not multiline or "\n" not in text:
        if text.isprintable():
            return text
        if not multiline:
            return _UNSAFE_LINE.sub(lambda found: _SHOWN_LINE[found[0]], text)
    # Multi-line text (a note) would fail isprintable at its first newline. Deleting the
    # bytes that may start an unsafe character from a UTF-8 copy, and comparing lengths,
    # scans two to four times faster than the regex, which only runs when one is there.
    try:
        data = text.encode()
    except UnicodeEncodeError:  # a lone surrogate
        data = b"\0"
    if len(data.translate(None, _UNSAFE_BYTES)) == len(data):
        return text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _UNSAFE.sub(lambda found: _SHOWN[found[0]], text)


FIELD_TERMS = ("#", "@", "status:", "reply:")
"""How a filter term names a field: `#tag`, `@company`, `status:lead`, `reply:fast`
(how they answer messages: `reply:fast`, `reply:late`, `reply:none`)."""


def query_terms(needle: str) -> list[str]:
    """A folded filter as the terms that must all match: each `#tag`, `@company`,
    `status:…` and `reply:…` word on its own, the other words together as one phrase (so
    that "ana lee" still means those words in that order)."""
    fields: list[str] = []
    words: list[str] = []
    for word in needle.split():
        (fields if word.startswith(FIELD_TERMS) else words).append(word)
    return [*fields, " ".join(words)] if words else fields


def fold(text: str) -> str:
    """Case- and accent-insensitive form of `text`, for matching and searching."""
    # Casefold after NFKD too: compatibility forms decompose to capitals ("𝐉𝐚𝐧𝐞", the
    # bold letters some LinkedIn names use, is "Jane"), which must still match "jane".
    if text.isascii():  # most names: the same result, ten times faster
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_key(*parts: str) -> str:
    """The folded, space-normalised form of a name (and company...) that people are
    matched by on import: case, accents and spacing ignored."""
    return "\0".join(fold(" ".join(part.split())) for part in parts)


def unique(values: Iterable[str], key: Callable[[str], Hashable] | None = None) -> list[str]:
    """The non-empty `values` without repeats (compared by `key`), in order; the first
    spelling of a repeat is kept."""
    seen: set[Hashable] = set()
    out = []
    for value in values:
        if not value:
            continue
        k = key(value) if key else value
        if k not in seen:
            seen.add(k)
            out.append(value)
    return out


ITEM_SEPARATOR = "; "
"""Between the items of a list shown on one line (other emails, phones, links)."""
_LOOSE = re.compile(r"\n|[;,]+(?=\s|$)")
_TIGHT = re.compile(r"[\n;,]")


def split_items(text: str, *, tight: bool = False) -> tuple[str, ...]:
    """The items of a list typed on one line ("a, b; c"), cleaned, without empties or
    repeats, in order.

    Items are split at a semicolon or comma followed by a space (or at the end), so that
    a phone's dialling pause (`+1 555 0100,,42`) or a comma in a web address stays in
    its item; `tight` splits at every comma and semicolon (email addresses hold neither).
    A newline always separates.
    """
    pattern = _TIGHT if tight else _LOOSE
    return tuple(unique(clean(item, multiline=False) for item in pattern.split(text)))


_IRREGULAR = {"person": "people", "company": "companies"}


def plural(count: int, word: str) -> str:
    """ "1 contact", "2 contacts", "3 people", "4 companies"."""
    return f"{count} {word if count == 1 else _IRREGULAR.get(word, word + 's')}"
