"""Reading an import file as text: its encoding, the one size limit, and the one message
every format gives when it can't.

Encodings: UTF-8 (with or without a BOM) is read as it is. A file that declares its
charset (a vCard's `CHARSET=Shift_JIS`) is read in that charset by its reader, which
passes it as `declared`. Anything else (a CSV re-saved by Excel in Windows-1252, an Apple
export with one Latin-1 byte) is detected with charset-normalizer, and the preview says
which encoding was used ("read as cp1252 (detected)"): a guess is never silent. A file in
no encoding that can be told apart from binary is refused, naming the line of the first
byte that is not UTF-8.

Limits: one cap for every format, `FIELD_LIMIT` characters a field (a 20 MB note in a
vCard is cut like a 128 KiB CSV cell), and `FILE_LIMIT` bytes a file; `cut` says what it
cut, for the preview.

A file's name is shown as `netui.text.shown` makes it: a name can hold any byte but `/`.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path

from netui.errors import NetuiError
from netui.text import shown

FIELD_LIMIT = 128 * 1024
"""The most characters one field of an imported file keeps (any format); more is cut."""
FILE_LIMIT = 256 * 1024 * 1024
"""The largest file an import reads (a phone's whole address book with photos is ~50 MB)."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """A file's text and how it was read."""

    text: str
    encoding: str
    """Python's name of the codec used ("utf-8", "cp1252", "shift_jis")."""
    how: str = "utf-8"
    """"utf-8", "declared" (the file names its charset) or "detected" (a guess)."""

    @property
    def description(self) -> str:
        """What the preview says: "" for UTF-8, else "read as cp1252 (detected)"."""
        if self.how == "utf-8":
            return ""
        return f"read as {self.encoding} ({self.how})"


@dataclass(slots=True)
class ReadNotes:
    """What a reader had to do to a file that the user should see before importing:
    the encoding it guessed, the properties or fields it skipped or cut (by line)."""

    encoding: str = ""
    """`Decoded.description` ("" for plain UTF-8)."""
    problems: list[tuple[int, str]] = field(default_factory=list)
    """(line, what was skipped or cut and why)."""

    def add(self, line: int, problem: str) -> None:
        self.problems.append((line, problem))


def read_bytes(path: Path | str, error: type[NetuiError] = NetuiError) -> bytes:
    """The file's bytes; raise `error` naming the file when it can't be read or is larger
    than `FILE_LIMIT`."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > FILE_LIMIT:
            raise error(
                shown(
                    f"{path.name} is {size // 2**20} MB, more than an import reads "
                    f"({FILE_LIMIT // 2**20} MB); nothing imported",
                    multiline=False,
                )
            )
        return path.read_bytes()
    except OSError as problem:
        reason = problem.strerror or str(problem)
        raise error(
            shown(f"can't read {path}: {reason}; nothing imported", multiline=False)
        ) from None


def codec_name(charset: str) -> str | None:
    """Python's name for a charset as files spell it ("SHIFT_JIS", "x-sjis", "UTF8"), or
    None for one Python doesn't know."""
    try:
        return codecs.lookup(charset.strip().strip('"')).name
    except (LookupError, ValueError):
        return None


def decode(
    data: bytes,
    source: str,
    error: type[NetuiError] = NetuiError,
    *,
    declared: str = "",
) -> Decoded:
    """`data` as text: UTF-8 (a BOM dropped), else the `declared` charset, else the
    encoding charset-normalizer finds. Raise `error` naming `source` and the line of the
    first byte that is not UTF-8 when none of them reads it."""
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError as problem:
        first_bad = problem.start
    if declared and (codec := codec_name(declared)) and codec != "utf-8":
        try:
            return Decoded(data.decode(codec), codec, "declared")
        except UnicodeDecodeError:
            pass
    guess = _detect(data)
    if guess is not None:
        return Decoded(guess[0], guess[1], "detected")
    line = data[:first_bad].count(b"\n") + 1
    message = (
        f"{source}, line {line}: not UTF-8 text, and not in an encoding netui can tell; "
        "save it as UTF-8 and import again; nothing imported"
    )
    raise error(shown(message, multiline=False))


def _detect(data: bytes) -> tuple[str, str] | None:
    """(text, codec) as charset-normalizer reads `data`, or None for what looks binary."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        return None
    codec = codec_name(best.encoding) or best.encoding
    try:
        return data.decode(codec), codec
    except (UnicodeDecodeError, LookupError):
        return None


def read_text(path: Path | str, error: type[NetuiError] = NetuiError) -> str:
    """The file's text (see `decode`). Raise `error` naming the file, so that nothing is
    imported from it, when it can't be read."""
    return read_decoded(path, error).text


def read_decoded(path: Path | str, error: type[NetuiError] = NetuiError) -> Decoded:
    """The file's text and the encoding it was read in (see `decode`)."""
    return decode(read_bytes(path, error), Path(path).name, error)


def cut(value: str, line: int, what: str, notes: ReadNotes | None) -> str:
    """`value` cut to `FIELD_LIMIT` characters, the cut noted (line, field, how much)."""
    if len(value) <= FIELD_LIMIT:
        return value
    if notes is not None:
        notes.add(
            line,
            f"{what} cut from {len(value):,} to {FIELD_LIMIT:,} characters "
            f"(the most a field keeps)",
        )
    return value[:FIELD_LIMIT]
