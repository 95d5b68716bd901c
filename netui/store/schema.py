"""The data file's format: decoding with every check, encoding, and its shape.

A TinyDB JSON file: an object of tables, each an object of documents keyed by their id.
Anything that is not exactly that (empty, not UTF-8, not JSON, a list, another program's
TinyDB file, a newer netui's file) is refused with a message naming the problem, so that
nothing is ever saved over a file netui did not understand.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import orjson

from netui.errors import DamagedFileError, StoreError, command_for
from netui.store import integrity

SCHEMA_VERSION = 4
"""The newest data format this netui reads and writes."""

TABLES = ("meta", "contacts", "followups", "notes", "companies", "outcomes", "loop")
DATA_TABLES = TABLES[1:]
DEFAULT_GOALS = {"contacts": 5, "meetings": 2, "followups": 5}
"""Weekly goals until the user sets their own: new contacts, meetings, follow-ups done."""
META_ID = "1"
BOM = b"\xef\xbb\xbf"

Data = dict[str, dict[str, dict[str, Any]]]
"""The whole file in memory: table name → document id (a string) → document."""


def empty() -> Data:
    """A new, empty data file at the current schema version."""
    data: Data = {name: {} for name in TABLES}
    data["meta"][META_ID] = {"schema_version": SCHEMA_VERSION, "goals": dict(DEFAULT_GOALS)}
    return data


def encode(data: Data) -> bytes:
    """The bytes to write: UTF-8 JSON without a BOM, indented so a person can read it."""
    try:
        return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
    except (TypeError, orjson.JSONEncodeError) as error:
        raise StoreError(f"can't encode the data: {error}") from None


def decode(content: bytes, path: Path) -> Data:
    """Parse and check a data file's bytes; raise StoreError on anything unexpected."""
    return _parse(content, path)[0]


def decode_known_clean(content: bytes, path: Path) -> Data:
    """Parse bytes that passed every check before (`netui.store.checked`): only what
    keeps the store from failing on them is looked at again (a table of documents)."""
    try:
        data = orjson.loads(content.removeprefix(BOM))
    except orjson.JSONDecodeError:
        return decode(content, path)  # (not what was recorded after all: say what is wrong)
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise DamagedFileError(f"{path} is not a netui data file")
    return data


def _parse(content: bytes, path: Path) -> tuple[Data, bool]:
    """The file's data, and whether it was read by the standard library (exactly).

    orjson reads nearly every file; what it refuses but JSON allows (a lone surrogate,
    `"\\ud800"`, written by some other program) is read by the standard library, so that
    the value can be named and repaired rather than the whole file refused.
    """
    if content.startswith(BOM):
        content = content[len(BOM) :]  # Notepad and some sync tools add one
    try:
        data = orjson.loads(content)
    except orjson.JSONDecodeError as error:
        # Parse first and explain after: checking the encoding up front costs a copy of
        # the whole file on every open, and orjson rejects both of these cases anyway.
        if not content.strip():
            raise DamagedFileError(f"{path} is empty") from None
        try:
            content.decode("utf-8")
        except UnicodeDecodeError as bad:
            raise DamagedFileError(
                f"{path} is not UTF-8 text (byte 0x{content[bad.start]:02x} at offset {bad.start})"
            ) from None
        try:
            return _decode_exact(content, path), True
        except (ValueError, RecursionError):
            raise DamagedFileError(
                f"{path} is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
            ) from None
    check_shape(data, path)
    return data, False


def decode_checked(content: bytes, path: Path, today: date) -> tuple[Data, list[integrity.Problem]]:
    """Parse a data file's bytes and check every value in it (`netui.store.integrity`).

    Returns the data and its wrong values (an empty list: it can be trusted). orjson reads
    an integer beyond 64 bits as a float, and would write it back as one (a phone typed
    as 1000000000000000000000000000000 would become 1e+30): when any float is seen, the
    file is read again by the standard library, which keeps such integers exact, so that
    they are reported (and repaired as their exact digits) rather than changed. A file
    only the standard library reads is checked for lone surrogates too.
    """
    data, exact = _parse(content, path)
    if exact:
        _check_field_names(data, path)
    findings = integrity.check_values(data, today, exact_numbers=exact, surrogates=exact)
    if findings.floats and not exact:
        data = _decode_exact(content, path)
        findings = integrity.check_values(data, today, exact_numbers=True)
    return data, findings.problems


def _decode_exact(content: bytes, path: Path) -> Data:
    def refuse(constant: str) -> None:
        raise ValueError(f"it holds {constant}")

    def finite(text: str) -> float:
        number = float(text)
        if number in (float("inf"), float("-inf")):  # 1e400: orjson would write null
            raise ValueError(f"it holds {text}")
        return number

    text = content.removeprefix(BOM).decode("utf-8")
    data: Data = json.loads(text, parse_constant=refuse, parse_float=finite)
    check_shape(data, path)
    return data


def describe_problems(path: Path, problems: list[integrity.Problem]) -> str:
    """One line for a file with wrong values: the first, how many more, what to do."""
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return (
        f"{path} has a value netui can't use: {problems[0]}{more}; "
        f"'{command_for(path, 'check')}' lists them, '{command_for(path, 'check', '--repair')}' "
        "fixes them"
    )


def check_shape(data: object, path: Path) -> None:
    """Raise StoreError unless `data` is a netui (or pre-schema netui) TinyDB file."""
    if not isinstance(data, dict):
        raise DamagedFileError(f"{path} is not a netui data file (it holds {_json_kind(data)})")
    if "meta" not in data:
        foreign = [name for name in data if name not in DATA_TABLES]
        if foreign:
            raise DamagedFileError(
                f"{path} is not a netui data file (it has a table named '{foreign[0]}')"
            )
    for name, table in data.items():
        if not isinstance(table, dict):
            raise DamagedFileError(f"{path} is damaged: table '{name}' is not an object")
        if not _is_text(name):
            raise DamagedFileError(f"{path} is damaged: a table's name is not text")
        for doc_id, doc in table.items():
            # One spelling per id: "01" beside "1" would be one document hiding another.
            canonical = doc_id.isascii() and doc_id.isdigit() and not doc_id.startswith("0")
            if not (canonical or doc_id == "0") or not isinstance(doc, dict):
                raise DamagedFileError(f"{path} is damaged: document {name}/{doc_id} is not valid")
    if "meta" in data:
        version = data["meta"].get(META_ID, {}).get("schema_version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise DamagedFileError(f"{path} is damaged: its schema_version is missing or invalid")
        if version > SCHEMA_VERSION:
            raise DamagedFileError(
                f"{path} was written by a newer netui (data format {version}; this one "
                f"knows {SCHEMA_VERSION}): please upgrade netui",
                restore_helps=False,
            )


def _is_text(name: str) -> bool:
    """Whether a name can be written as UTF-8 (a lone surrogate can't)."""
    try:
        name.encode()
    except UnicodeEncodeError:
        return False
    return True


def _check_field_names(data: Data, path: Path) -> None:
    """Refuse a field name holding a lone surrogate (only the standard library lets one
    through): no save could write it, and it can't be repaired as a value can."""
    for table, docs in data.items():
        for doc_id, doc in docs.items():
            if not all(_is_text(name) for name in doc):
                raise DamagedFileError(
                    f"{path} is damaged: a field name of {table}/{doc_id} is not text"
                )


def _json_kind(value: object) -> str:
    """ "a list", "null"…: what a JSON value is, in the words of JSON, not Python."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    kinds = {list: "a list", str: "a string", int: "a number", float: "a number"}
    return kinds.get(type(value), type(value).__name__)


def schema_version(data: Data) -> int:
    """The file's data format; 0 for a file from before `meta` existed."""
    meta = data.get("meta")
    return meta[META_ID]["schema_version"] if meta else 0
