"""What every document of the data file must hold: checked on load and before each write.

A hand edit, a sync tool or a script can put any JSON value in any field. Reading
tolerantly would show a default and then save it over what was there; trusting the value
would crash the app later. So every field netui knows is checked here, once, and each
problem is named the way a person can find it in the file: `contacts/12: 'status' must be
one of lead, contacted, met, not []`.

Two kinds of problem:
- a *wrong value* (a type, an enum, a date outside the range netui keeps, a number JSON
  can't carry exactly): the file is not trusted, nothing is written to it;
- a *dangling reference* (a follow-up of a contact that does not exist): reported, shown
  harmlessly, and never created by a write.
Both can be repaired on request (`netui check --repair`), each repair saying what it sets.

The checks run over every document of a 30,000-contact file on each load, so the common
case (the right type) costs one dict lookup and one set membership per field.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import orjson

from netui.model import (
    EARLIEST,
    LATEST,
    PHONE_LABELS,
    LoopStatus,
    NoteKind,
    Status,
    date_range_text,
)
from netui.text import shown

INT_MIN, INT_MAX = -(2**63), 2**64 - 1
"""The integers orjson reads and writes exactly; beyond them a number becomes a float."""
Check = Callable[[Any], str | None]
"""A field's check beyond its JSON type: None if fine, else what is wrong."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in the file, where to find it, and what a repair would set."""

    table: str
    doc_id: str
    field: str
    message: str
    """Without the place: "'status' must be one of lead, contacted, met, not []"."""
    fixed: Any = None
    """The value a repair sets."""
    reference: bool = False
    """A dangling reference (shown harmlessly), not a wrong value (the file refused)."""

    def __str__(self) -> str:
        return f"{self.table}/{self.doc_id}: {self.message}"


def shown_value(value: Any, most: int = 40) -> str:
    """A JSON value as a message quotes it: JSON text, short, and safe to print."""
    try:
        text = orjson.dumps(value).decode()
    except (TypeError, orjson.JSONEncodeError):
        text = str(value)
    text = shown(text, multiline=False)
    return text if len(text) <= most else text[: most - 1] + "…"


@dataclass(frozen=True, slots=True)
class Rule:
    """What one field may hold: JSON types, then an optional finer check."""

    types: frozenset[type]
    wanted: str
    """How a message names what is wanted: "text", "a list of text"…"""
    default: Any
    extra: Check | None = None
    required: bool = False
    repair: Callable[[Any, date], Any] | None = None
    """Builds the repaired value from the bad one (else `default`)."""


NONE = type(None)
TEXT = frozenset({str})


def _text_repair(value: Any, today: date) -> Any:
    """A number where text belongs (a phone typed as a number) keeps its digits."""
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, (int, float)):
        return str(value)
    return ""


def _text_list_check(value: list[Any]) -> str | None:
    for item in value:
        if type(item) is not str:
            return f"must be a list of text, not one holding {shown_value(item)}"
    return None


def _labels_check(value: dict[Any, Any]) -> str | None:
    for number, label in value.items():
        if type(number) is not str or label not in PHONE_LABELS:
            return (
                f"must map phone numbers to one of {', '.join(PHONE_LABELS)}, not "
                f"{shown_value(number)} to {shown_value(label)}"
            )
    return None


def _labels_repair(value: Any) -> dict[str, str]:
    """The labels that are right; the rest dropped (an unlabelled number is a mobile)."""
    if not isinstance(value, dict):
        return {}
    return {n: v for n, v in value.items() if isinstance(n, str) and v in PHONE_LABELS}


def _text_list_repair(value: Any, today: date) -> list[str]:
    if not isinstance(value, list):
        return []
    return [
        item if isinstance(item, str) else str(item)
        for item in value
        if isinstance(item, str) or (isinstance(item, (int, float)) and not isinstance(item, bool))
    ]


def _id_check(value: int | None) -> str | None:
    if value is None or 1 <= value <= INT_MAX:
        return None
    return f"must be the id of a contact (a whole number from 1), not {value}"


def _enum_check(allowed: frozenset[str], names: str) -> Check:
    def check(value: str) -> str | None:
        return None if value in allowed else f"must be one of {names}, not {shown_value(value)}"

    return check


def _day_check(value: str) -> str | None:
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return f"must be a date like 2026-12-31, not {shown_value(value)}"
    if len(value) != 10:
        return f"must be a date like 2026-12-31, not {shown_value(value)}"
    if not EARLIEST <= day <= LATEST:
        return f"{value} is outside the dates netui keeps ({date_range_text()})"
    return None


def _day_or_null_check(value: str | None) -> str | None:
    return None if value is None else _day_check(value)


def _moment_check(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return f"must be a date and time like 2026-12-31T09:00:00, not {shown_value(value)}"
    if not EARLIEST <= moment.date() <= LATEST:
        return f"{value} is outside the dates netui keeps ({date_range_text()})"
    return None


def _cadence_check(value: int | None) -> str | None:
    if value is None or 1 <= value <= 3650:
        return None
    return f"must be a number of days from 1 to 3650, not {value}"


def _answers_check(value: list[Any]) -> str | None:
    for item in value:
        if not (
            type(item) is dict
            and type(item.get("question", "")) is str
            and type(item.get("answer", "")) is str
        ):
            return (
                'must be a list of {"question": text, "answer": text}, '
                f"not one holding {shown_value(item)}"
            )
    return None


def _answers_repair(value: Any, today: date) -> list[dict[str, str]]:
    if not isinstance(value, list):
        return []
    return [
        {"question": item.get("question", ""), "answer": item.get("answer", "")}
        for item in value
        if isinstance(item, dict)
        and isinstance(item.get("question", ""), str)
        and isinstance(item.get("answer", ""), str)
    ]


def _ids_check(value: list[Any]) -> str | None:
    for item in value:
        if type(item) is not int or not 1 <= item <= INT_MAX:
            return f"must be a list of contact ids, not one holding {shown_value(item)}"
    return None


def _ids_repair(value: Any, today: date) -> list[int]:
    if not isinstance(value, list):
        return []
    return [i for i in value if type(i) is int and 1 <= i <= INT_MAX]


def _today_repair(value: Any, today: date) -> str:
    return today.isoformat()


def _rule(
    types: Iterable[type],
    wanted: str,
    default: Any,
    extra: Check | None = None,
    *,
    required: bool = False,
    repair: Callable[[Any, date], Any] | None = None,
) -> Rule:
    return Rule(frozenset(types), wanted, default, extra, required, repair)


_STR = _rule({str}, "text", "", repair=_text_repair)
_STRS = _rule({list}, "a list of text", [], _text_list_check, repair=_text_list_repair)
_LABELS = _rule(
    {dict},
    f"a map of phone number to one of {', '.join(PHONE_LABELS)}",
    {},
    lambda value: _labels_check(value),
    repair=lambda value, today: _labels_repair(value),
)
_ID = _rule({int, NONE}, "a contact id or null", None, _id_check)
_MOMENT = _rule({str, NONE}, "a date and time or null", None, _moment_check)
_DAY = _rule({str}, "a date like 2026-12-31", None, _day_check, required=True, repair=_today_repair)
_DAY_OR_NULL = _rule({str, NONE}, "a date like 2026-12-31 or null", None, _day_or_null_check)
_STATUSES = ", ".join(s.value for s in Status)
_KINDS = ", ".join(k.value for k in NoteKind)
_LOOP_STATES = ", ".join(s.value for s in LoopStatus)

RULES: dict[str, dict[str, Rule]] = {
    "contacts": {
        **dict.fromkeys(("name", "company", "title", "email", "phone", "linkedin"), _STR),
        "how_met": _STR,
        "tags": _STRS,
        "prepared": _STRS,
        "other_emails": _STRS,
        "other_phones": _STRS,
        "other_urls": _STRS,
        "phone_labels": _LABELS,
        "referred_by": _ID,
        "status": _rule(
            {str}, f"one of {_STATUSES}", "lead", _enum_check(frozenset(Status), _STATUSES)
        ),
        "cadence_days": _rule({int, NONE}, "a number of days or null", None, _cadence_check),
        "moved_on": _DAY_OR_NULL,
        "created": _MOMENT,
        "updated": _MOMENT,
    },
    "followups": {
        "contact_id": _ID,
        "text": _STR,
        "due": _DAY,
        "done": _MOMENT,
        "created": _MOMENT,
        "advice": _rule({bool}, "true or false", False),
    },
    "notes": {
        "contact_id": _ID,
        "date": _DAY,
        "kind": _rule({str}, f"one of {_KINDS}", "note", _enum_check(frozenset(NoteKind), _KINDS)),
        "text": _STR,
        "created": _MOMENT,
        "answers": _rule({list}, "a list of answers", [], _answers_check, repair=_answers_repair),
        "companies": _STRS,
        "feedback": _STR,
        "promises": _STRS,
        "new_contacts": _rule({list}, "a list of contact ids", [], _ids_check, repair=_ids_repair),
    },
    "companies": {
        "name": _STR,
        "target": _rule({bool}, "true or false", False),
    },
    "outcomes": {
        "role": _STR,
        "company": _STR,
        "date": _DAY,
        "created": _MOMENT,
    },
    "loop": {
        # A key naming no item (its contact, follow-up or outcome deleted since) is kept
        # and ignored: it is no error, and no reference to clear.
        "key": _rule({str}, "text", "", required=True, repair=_text_repair),
        "state": _rule(
            {str},
            f"one of {_LOOP_STATES}",
            "snoozed",  # (until null: listed again; a guess hides nothing)
            _enum_check(frozenset(LoopStatus), _LOOP_STATES),
            required=True,
        ),
        "until": _DAY_OR_NULL,
        "at": _MOMENT,
    },
}
"""Every field netui knows, per table. Fields it does not know are kept, unchecked."""


def _message(rule: Rule, name: str, value: Any) -> str:
    if type(value) not in rule.types:
        return f"'{name}' must be {rule.wanted}, not {shown_value(value)}"
    detail = rule.extra(value) if rule.extra else None
    return f"'{name}' {detail}" if detail else ""


def check_document(table: str, doc_id: str, doc: dict[str, Any], today: date) -> list[Problem]:
    """The wrong values of one document (an empty list: none)."""
    rules = RULES.get(table)
    if rules is None:
        return []
    problems = []
    for name, value in doc.items():
        rule = rules.get(name)
        if rule is None:
            continue
        if type(value) in rule.types and (rule.extra is None or rule.extra(value) is None):
            continue
        fixed = rule.repair(value, today) if rule.repair else rule.default
        problems.append(Problem(table, doc_id, name, _message(rule, name, value), fixed))
    for name, rule in rules.items():
        if rule.required and name not in doc:
            fixed = rule.repair(None, today) if rule.repair else rule.default
            problems.append(Problem(table, doc_id, name, f"'{name}' is missing", fixed))
    return problems


@dataclass(slots=True)
class Findings:
    """What a check of the whole file found."""

    problems: list[Problem]
    """Wrong values (the file is not to be trusted while there are any)."""
    floats: bool
    """A number with a fraction was seen somewhere: orjson reads an integer beyond 64
    bits as one, so the file must be read again exactly to tell (`exact_numbers`)."""


_PLAIN = frozenset({str, int, bool, type(None)})


def check_values(
    data: dict[str, Any], today: date, *, exact_numbers: bool = False, surrogates: bool = False
) -> Findings:
    """Every wrong value in the file (no problems: the file can be trusted).

    With `exact_numbers` (`data` was parsed keeping big integers exact), an integer
    beyond what orjson writes back exactly is a problem too, wherever it is, since
    saving would change it. With `surrogates` (the file was read by the standard
    library, which lets a lone surrogate through), so is text holding one: it can't be
    written as UTF-8.
    """
    problems: list[Problem] = []
    floats = False
    for table, docs in data.items():
        specs = _FAST.get(table, {})
        required = _REQUIRED.get(table)
        for doc_id, doc in docs.items():
            for name, value in doc.items():
                spec = specs.get(name)
                if spec is None:  # a field netui does not know: kept as it is
                    if type(value) not in _PLAIN:
                        floats = floats or _holds_float(value)
                    continue
                types, extra, empty_ok = spec
                if type(value) in types and (
                    extra is None or (empty_ok and not value) or extra(value) is None
                ):
                    continue
                floats = floats or type(value) is float
                problems.extend(check_document(table, doc_id, doc, today))
                break
            else:
                if required and any(r not in doc for r in required):
                    problems.extend(check_document(table, doc_id, doc, today))
    problems.extend(_check_meta(data, today))
    more = [
        *(_big_numbers(data) if exact_numbers else ()),
        *(_surrogates(data) if surrogates else ()),
    ]
    reported = {(p.table, p.doc_id, p.field) for p in problems}
    for problem in more:
        if (problem.table, problem.doc_id, problem.field) not in reported:
            reported.add((problem.table, problem.doc_id, problem.field))
            problems.append(problem)
    return Findings(problems, floats)


def _leaves(value: Any, *, keys: bool = False) -> Iterator[Any]:
    """Every scalar in a JSON value (with `keys`, the keys of its objects too)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
            if keys:
                stack.extend(item)
        else:
            yield item


def _map_leaves(value: Any, change: Callable[[Any], Any]) -> Any:
    """A JSON value with `change` applied to every scalar and key."""
    if isinstance(value, list):
        return [_map_leaves(v, change) for v in value]
    if isinstance(value, dict):
        return {change(k): _map_leaves(v, change) for k, v in value.items()}
    return change(value)


def _holds_float(value: Any) -> bool:
    return any(type(item) is float for item in _leaves(value))


_REQUIRED = {
    table: [name for name, rule in rules.items() if rule.required] for table, rules in RULES.items()
}
_FAST = {
    table: {name: (rule.types, rule.extra, list in rule.types) for name, rule in rules.items()}
    for table, rules in RULES.items()
}
"""The rules as the loop over every field of every document reads them fastest: the
types, the finer check, and whether an empty value (a list) needs no finer check."""


def _check_meta(data: dict[str, Any], today: date) -> list[Problem]:
    meta = data.get("meta", {}).get("1")
    if not isinstance(meta, dict):
        return []
    problems = []

    def bad(name: str, message: str, fixed: Any) -> None:
        problems.append(Problem("meta", "1", name, message, fixed))

    last_ids = meta.get("last_ids", {})
    if not isinstance(last_ids, dict) or not all(
        type(v) is int and 0 <= v <= INT_MAX for v in last_ids.values()
    ):
        fixed = {
            name: max((int(k) for k in data.get(name, {})), default=0)
            for name in ("contacts", "followups", "notes", "companies", "outcomes", "loop")
        }
        bad(
            "last_ids",
            f"'last_ids' must map each table to a whole number, not {shown_value(last_ids)}",
            fixed,
        )
    goals = meta.get("goals", {})
    if not isinstance(goals, dict) or not all(
        type(goals.get(k, 0)) is int and 0 <= goals.get(k, 0) <= 999
        for k in ("contacts", "meetings", "followups")
    ):
        from netui.store.schema import DEFAULT_GOALS

        bad(
            "goals",
            "'goals' must give whole numbers from 0 to 999 for contacts, meetings and "
            f"followups, not {shown_value(goals)}",
            dict(DEFAULT_GOALS),
        )
    pairs = meta.get("not_duplicates", [])
    if not isinstance(pairs, list) or not all(_is_pair(p) for p in pairs):
        bad(
            "not_duplicates",
            "'not_duplicates' must be a list of [contact id, contact id] pairs, not "
            f"{shown_value(pairs)}",
            [p for p in pairs if _is_pair(p)] if isinstance(pairs, list) else [],
        )
    defaults = meta.get("cadence_defaults", {})
    if not _cadence_defaults_ok(defaults):
        bad(
            "cadence_defaults",
            '\'cadence_defaults\' must be {"tags": {tag: days}, "status": {status: days}} '
            f"with days from 1 to 3650, not {shown_value(defaults)}",
            _cadence_defaults_repair(defaults),
        )
    return problems


def _days_ok(value: Any) -> bool:
    return type(value) is int and 1 <= value <= 3650


def _is_pair(value: Any) -> bool:
    return (
        isinstance(value, list)
        and len(value) == 2
        and all(type(i) is int and 0 < i <= INT_MAX for i in value)
    )


def _cadence_defaults_ok(value: Any) -> bool:
    if not isinstance(value, dict):
        return False
    tags, status = value.get("tags", {}), value.get("status", {})
    return (
        isinstance(tags, dict)
        and isinstance(status, dict)
        and all(_days_ok(v) for v in tags.values())
        and all(k in Status._value2member_map_ and _days_ok(v) for k, v in status.items())
    )


def _cadence_defaults_repair(value: Any) -> dict[str, dict[str, int]]:
    value = value if isinstance(value, dict) else {}
    result = {}
    for kind in ("tags", "status"):
        table = value.get(kind)
        table = table if isinstance(table, dict) else {}
        result[kind] = {
            k: v
            for k, v in table.items()
            if _days_ok(v) and (kind == "tags" or k in Status._value2member_map_)
        }
    return result


def _big_numbers(data: dict[str, Any]) -> list[Problem]:
    """Integers that orjson would write back as floats, anywhere in the file."""
    problems = []
    for table, docs in data.items():
        if not isinstance(docs, dict):
            continue
        for doc_id, doc in docs.items():
            if not isinstance(doc, dict):
                continue
            for name, value in doc.items():
                big = _first_big(value)
                if big is not None:
                    problems.append(
                        Problem(
                            table,
                            doc_id,
                            name,
                            f"'{name}' holds the number {shown_value(big)}, too big for netui "
                            "to save unchanged",
                            _stringify_big(value),
                        )
                    )
    return problems


_SURROGATE = re.compile("[\ud800-\udfff]")


def _surrogates(data: dict[str, Any]) -> list[Problem]:
    """Text holding a lone surrogate (a `\\ud800` escape), which can't be saved as UTF-8."""
    problems = []
    for table, docs in data.items():
        for doc_id, doc in docs.items():
            for name, value in doc.items():
                if _holds_surrogate(value):
                    problems.append(
                        Problem(
                            table,
                            doc_id,
                            name,
                            f"'{name}' holds a broken character (a lone surrogate), shown as "
                            "\ufffd",
                            _without_surrogates(value),
                        )
                    )
    return problems


def _holds_surrogate(value: Any) -> bool:
    return any(
        isinstance(item, str) and _SURROGATE.search(item) for item in _leaves(value, keys=True)
    )


def _without_surrogates(value: Any) -> Any:
    return _map_leaves(
        value, lambda item: _SURROGATE.sub("\ufffd", item) if isinstance(item, str) else item
    )


def _is_big(item: Any) -> bool:
    return type(item) is int and not INT_MIN <= item <= INT_MAX


def _first_big(value: Any) -> int | None:
    return next((item for item in _leaves(value) if _is_big(item)), None)


def _stringify_big(value: Any) -> Any:
    """`value` with each too-big integer turned into its digits as text (nothing lost)."""
    return _map_leaves(value, lambda item: str(item) if _is_big(item) else item)


# --- references ----------------------------------------------------------------------------


def check_references(data: dict[str, Any]) -> list[Problem]:
    """References that point at no contact (or a contact referred by themselves)."""
    contacts = data.get("contacts", {})
    problems = []
    for table, name in (
        ("contacts", "referred_by"),
        ("followups", "contact_id"),
        ("notes", "contact_id"),
    ):
        for doc_id, doc in data.get(table, {}).items():
            target = doc.get(name)
            if type(target) is not int:
                continue
            if str(target) not in contacts:
                problems.append(_dangling(table, doc_id, name, target))
            elif table == "contacts" and str(target) == doc_id:
                problems.append(
                    Problem(table, doc_id, name, f"'{name}' names the contact itself", None, True)
                )
    for doc_id, doc in data.get("notes", {}).items():
        ids = doc.get("new_contacts")
        if isinstance(ids, list):
            missing = [i for i in ids if type(i) is int and str(i) not in contacts]
            if missing:
                kept = [i for i in ids if i not in missing]
                problems.append(
                    Problem(
                        "notes",
                        doc_id,
                        "new_contacts",
                        "'new_contacts' names "
                        + ", ".join(f"contacts/{i}" for i in missing)
                        + ", which do not exist",
                        kept,
                        True,
                    )
                )
    return problems


def _dangling(table: str, doc_id: str, name: str, target: int) -> Problem:
    return Problem(
        table,
        doc_id,
        name,
        f"'{name}' points at contacts/{target}, which does not exist",
        None,
        True,
    )


def references_in(table: str, doc: dict[str, Any]) -> list[tuple[str, int]]:
    """The contact ids a document refers to, with the field that holds each."""
    found = []
    if table in ("followups", "notes"):
        target = doc.get("contact_id")
        if type(target) is int:
            found.append(("contact_id", target))
    if table == "contacts":
        target = doc.get("referred_by")
        if type(target) is int:
            found.append(("referred_by", target))
    if table == "notes" and isinstance(doc.get("new_contacts"), list):
        found.extend(("new_contacts", i) for i in doc["new_contacts"] if type(i) is int)
    return found


def repair(data: dict[str, Any], problems: list[Problem]) -> None:
    """Apply each problem's repair to `data` in place."""
    for problem in problems:
        data[problem.table][problem.doc_id][problem.field] = problem.fixed


def describe_repair(problem: Problem) -> str:
    """ "contacts/12: 'status' set to "lead" (was: must be one of …)" for the report."""
    return (
        f"{problem.table}/{problem.doc_id}: '{problem.field}' set to {shown_value(problem.fixed)}"
    )
