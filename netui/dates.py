"""Date phrases: "tomorrow", "in 2 weeks", "next fri", "dec 3", "2026-12-01".

The grammar is small and built here on purpose. python-dateutil is used only to turn an
absolute date that already matched a strict pattern into a date: run over free text, its
fuzzy parser reads "3 recruiters" as the 3rd of the month and "call Jan" as January.
Everything is a pure function of the text and `today`.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from netui.errors import QuickAddError
from netui.model import EARLIEST, LATEST, date_in_range, date_range_text

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0,
    "tuesday": 1, "tue": 1, "tues": 1,
    "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3,
    "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}  # fmt: skip

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip

_PREFIXES = ("on", "by", "due")
"""Words that may stand before any date phrase ("by friday", "due dec 3")."""

_DATEISH_PREFIXES = ("on", "by", "due", "in")
"""A tail starting with one of these and holding a date-like word is meant as a date."""


class DateRangeError(QuickAddError):
    """A phrase that reads as a date, but one outside the dates netui keeps.

    Distinct from an unreadable phrase: the user clearly meant a date, so a quick-add line
    must not fall back to reading it as text (or a form to a default).
    """


def range_message(day: date, phrase: str = "") -> str:
    """What a refused date says: "2526-05-22 (in 500 years) is outside the dates netui
    keeps (1900-01-01 to 2200-12-31)", the phrase left out when it is the date itself."""
    shown = " ".join(phrase.split())
    named = day.isoformat() if shown in ("", day.isoformat()) else f"{day.isoformat()} ({shown})"
    return f"{named} is outside the dates netui keeps ({date_range_text()})"


def check_in_range(day: date, phrase: str = "") -> date:
    """`day` itself if netui keeps it; else DateRangeError naming it (and the `phrase`
    that gave it) and the supported range."""
    if not date_in_range(day):
        raise DateRangeError(range_message(day, phrase))
    return day


def add_days(day: date, days: int) -> date | None:
    """`day` moved by `days`, or None if that is not a date netui keeps (no OverflowError
    near `date.max` or `date.min`: the caller says why instead of crashing)."""
    try:
        moved = day + timedelta(days=days)
    except OverflowError:
        return None
    return moved if date_in_range(moved) else None


_UNREADABLE = "unreadable"
"""Placeholder message, replaced by one quoting the user's own words."""

_MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>[0-9]{4}))?"
_ABSOLUTE = [
    re.compile(rf"^{_MONTH}\s+{_DAY}{_YEAR}$"),
    re.compile(rf"^{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}$"),
]
_ISO = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_RELATIVE = re.compile(
    r"^(?:(?P<in>in)\s+)?(?P<n>\d+|" + "|".join(_NUMBER_WORDS) + r")\s+"
    r"(?P<unit>day|week|month|year)s?(?:\s+(?P<ago>ago))?$"
)
_WEEKDAY = re.compile(
    r"^(?:(?P<which>next|this|last|coming)\s+)?(?P<weekday>" + "|".join(WEEKDAYS) + r")\.?$"
)


def _normalise(text: str) -> str:
    """Lower-case, single spaces, no trailing full stop or comma."""
    return " ".join(text.lower().split()).rstrip(".,;!")


def _strip_prefix(phrase: str) -> str:
    """Drop "on", "by", "due", "due on", "due by" in front of a phrase."""
    words = phrase.split(" ")
    while len(words) > 1 and words[0] in _PREFIXES:
        words = words[1:]
    return " ".join(words)


def parse_when(text: str, today: date, *, past: bool = False) -> date:
    """Read a date phrase relative to `today`.

    Weekdays and dates without a year look forward (the next such day strictly after
    today, this year's date or next year's), or backward with `past=True`, as a note's
    "monday, coffee with Jane" means the Monday just gone.

    Every date it returns is one netui keeps (`netui.model.date_in_range`), and it raises
    nothing but QuickAddError, whatever the text and whatever `today`.

    Raises:
        QuickAddError: the phrase is not a date, or names a date that does not exist.
        DateRangeError: (a QuickAddError) the phrase names a date outside the range.
    """
    shown = " ".join(text.split())
    phrase = _strip_prefix(_normalise(text))
    if not phrase:
        raise QuickAddError("no date given")
    try:
        day = _parse(phrase, today, past)
    except QuickAddError as error:
        if str(error) == _UNREADABLE:
            raise QuickAddError(f"can't read the date '{shown}'") from None
        raise
    except (OverflowError, ValueError):
        # Past date.max or date.min (or a number too long for int()): no date to name.
        cut = shown if len(shown) <= 40 else shown[:40] + "…"
        raise DateRangeError(
            f"the date '{cut}' is too far away: netui keeps dates from {date_range_text()}"
        ) from None
    # "on 9999-12-31" is named as its date alone; "in 500 years" with the words too.
    return check_in_range(day, "" if phrase == day.isoformat() else shown)


def _parse(phrase: str, today: date, past: bool) -> date:
    simple = {"today": 0, "tomorrow": 1, "tmrw": 1, "yesterday": -1}
    if phrase in simple:
        return today + timedelta(days=simple[phrase])
    if phrase == "next week":
        return today + timedelta(days=7 - today.weekday())
    if phrase == "last week":
        return today - timedelta(days=today.weekday() + 7)
    if match := _RELATIVE.match(phrase):
        return _relative(match, today)
    if match := _WEEKDAY.match(phrase):
        return _weekday(match, today, past)
    if _ISO.match(phrase):
        try:
            return date.fromisoformat(phrase)
        except ValueError:
            raise QuickAddError(f"there is no date {phrase}") from None
    for pattern in _ABSOLUTE:
        if match := pattern.match(phrase):
            return _absolute(phrase, match, today, past)
    raise QuickAddError(_UNREADABLE)


def _relative(match: re.Match[str], today: date) -> date:
    from dateutil.relativedelta import relativedelta

    raw = match["n"]
    n = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
    if match["ago"]:
        if match["in"]:
            raise QuickAddError(_UNREADABLE)
        n = -n
    elif not match["in"]:
        raise QuickAddError(f"did you mean 'in {match.string}'?")
    unit = match["unit"]
    if unit == "day":
        return today + timedelta(days=n)
    if unit == "week":
        return today + timedelta(weeks=n)
    if abs(n) > 12 * 9999:
        raise OverflowError
    step = relativedelta(months=n) if unit == "month" else relativedelta(years=n)
    later: date = today + step  # (dateutil has no type hints)
    return later


def _weekday(match: re.Match[str], today: date, past: bool) -> date:
    target = WEEKDAYS[match["weekday"]]
    backwards = match["which"] == "last" or (past and match["which"] is None)
    if backwards:
        return today - timedelta(days=(today.weekday() - target - 1) % 7 + 1)
    return today + timedelta(days=(target - today.weekday() - 1) % 7 + 1)


def _absolute(phrase: str, match: re.Match[str], today: date, past: bool) -> date:
    """Turn "dec 3" or "3 december 2027" into a date, with dateutil doing the reading."""
    from dateutil import parser

    month, day = MONTHS[match["month"]], int(match["day"])

    def read(year: int) -> date | None:
        try:
            found = parser.parse(phrase, default=datetime(year, 1, 1)).date()
        except (ValueError, OverflowError):
            return None
        # dateutil reads a day that can't be one as a year ("dec 32" is Dec 2032): the
        # result must be the very month and day that were written.
        return found if (found.month, found.day) == (month, day) else None

    label = f"{match['month'][:3].title()} {day}"
    if match["year"]:
        year = int(match["year"])
        found = read(year)
        if found is None and not EARLIEST.year <= year <= LATEST.year:
            # Year 0 (or Feb 29 of 2300): say the year is the problem, not the day.
            raise DateRangeError(
                f"{label} {match['year']} is outside the dates netui keeps ({date_range_text()})"
            )
        if found is None:
            raise QuickAddError(f"there is no {label} in {year}")
        return found
    # No year: this year's, or the next (previous, for the past) one that has it.
    step = -1 if past else 1
    for offset in range(9):  # 9 years always hold a Feb 29 (2096 to 2104 skip 2100)
        found = read(today.year + offset * step)
        if found is not None and (found <= today if past else found >= today):
            return found
    raise QuickAddError(f"there is no {label}")


def looks_like_date(tail: str) -> bool:
    """Whether a phrase was probably meant as a date ("on the 45th of Smarch", "by feb 30").

    True for a phrase that starts with on/by/due/in and holds a number, a weekday or a
    month name, and for one shaped exactly like an absolute date ("feb 30",
    "2026-13-01"). "reply by email" and "email 3 recruiters" are not.
    """
    phrase = _strip_prefix(_normalise(tail))
    if _ISO.match(phrase) or any(pattern.match(phrase) for pattern in _ABSOLUTE):
        return True
    words = _normalise(tail).split(" ")
    if len(words) < 2 or words[0] not in _DATEISH_PREFIXES:
        return False
    for word in words[1:]:
        bare = word.strip(".,")
        if any(ch.isdigit() for ch in bare) or bare in WEEKDAYS or bare in MONTHS:
            return True
    return False


def format_date(day: date, today: date) -> str:
    """A short date a person reads at a glance: "Fri 4 Dec", with the year if not this one."""
    text = f"{day:%a} {day.day} {day:%b}"
    return text if day.year == today.year else f"{text} {day.year}"


def relative_label(day: date, today: date) -> str:
    """How far `day` is from today: "today", "tomorrow", "in 3 days", "2 days ago"."""
    delta = (day - today).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "tomorrow"
    if delta == -1:
        return "yesterday"
    if delta > 0:
        return f"in {delta} days"
    return f"{-delta} days ago"


def short_date(day: date, today: date) -> str:
    """A compact date for narrow columns: "24 Nov", or "Nov 2025" for another year."""
    return f"{day.day} {day:%b}" if day.year == today.year else f"{day:%b %Y}"
