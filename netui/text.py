"""Make text from users and imported files safe to store and to print.

Names and notes can carry control characters, ANSI/OSC escapes, bidi overrides or lone
surrogates (pasted or imported). Stored, a lone surrogate makes every later save fail on
encoding; printed, an escape sequence can rewrite the user's terminal. So text is cleaned
once on the way in, and once more on the way out to a terminal.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable

# C0 controls except tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates,
# and lone surrogates.
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
