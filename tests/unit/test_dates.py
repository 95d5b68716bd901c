"""Date phrases (DESIGN.md section 4), read against a frozen `today`.

Every expected date below was worked out by hand from a calendar, so that the tests do not
repeat the arithmetic of the code they check.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netui.dates import (
    MONTHS,
    WEEKDAYS,
    DateRangeError,
    add_days,
    check_in_range,
    format_date,
    looks_like_date,
    parse_when,
    range_message,
    relative_label,
)
from netui.errors import QuickAddError
from netui.model import EARLIEST, LATEST, date_in_range
from netui.quickadd import parse_followup, split_date_tail

FRIDAY = date(2026, 5, 22)
SUNDAY = date(2026, 5, 24)
NEW_YEARS_EVE = date(2026, 12, 31)  # a Thursday
LEAP_FEB_28 = date(2028, 2, 28)  # a Monday, the day before Feb 29
LEAP_DAY = date(2028, 2, 29)
JAN_31 = date(2026, 1, 31)  # a Saturday

# (today, phrase, expected) for every phrase of DESIGN.md section 4.
CASES = [
    # a Friday
    (FRIDAY, "today", date(2026, 5, 22)),
    (FRIDAY, "tomorrow", date(2026, 5, 23)),
    (FRIDAY, "in 3 days", date(2026, 5, 25)),
    (FRIDAY, "in 2 weeks", date(2026, 6, 5)),
    (FRIDAY, "in 1 month", date(2026, 6, 22)),
    (FRIDAY, "next week", date(2026, 5, 25)),
    (FRIDAY, "monday", date(2026, 5, 25)),
    (FRIDAY, "mon", date(2026, 5, 25)),
    (FRIDAY, "next mon", date(2026, 5, 25)),
    (FRIDAY, "on monday", date(2026, 5, 25)),
    (FRIDAY, "tuesday", date(2026, 5, 26)),
    (FRIDAY, "tue", date(2026, 5, 26)),
    (FRIDAY, "wednesday", date(2026, 5, 27)),
    (FRIDAY, "wed", date(2026, 5, 27)),
    (FRIDAY, "thursday", date(2026, 5, 28)),
    (FRIDAY, "thu", date(2026, 5, 28)),
    (FRIDAY, "friday", date(2026, 5, 29)),  # never today itself
    (FRIDAY, "fri", date(2026, 5, 29)),
    (FRIDAY, "next friday", date(2026, 5, 29)),
    (FRIDAY, "on fri", date(2026, 5, 29)),
    (FRIDAY, "saturday", date(2026, 5, 23)),
    (FRIDAY, "sat", date(2026, 5, 23)),
    (FRIDAY, "next saturday", date(2026, 5, 23)),
    (FRIDAY, "sunday", date(2026, 5, 24)),
    (FRIDAY, "sun", date(2026, 5, 24)),
    (FRIDAY, "2026-12-01", date(2026, 12, 1)),
    (FRIDAY, "on 2026-12-01", date(2026, 12, 1)),
    (FRIDAY, "dec 3", date(2026, 12, 3)),
    (FRIDAY, "3 dec", date(2026, 12, 3)),
    (FRIDAY, "on dec 3", date(2026, 12, 3)),
    (FRIDAY, "by dec 3", date(2026, 12, 3)),
    (FRIDAY, "due dec 3", date(2026, 12, 3)),
    (FRIDAY, "due by 3 dec", date(2026, 12, 3)),
    (FRIDAY, "December 3", date(2026, 12, 3)),
    (FRIDAY, "3rd of december", date(2026, 12, 3)),
    (FRIDAY, "may 22", date(2026, 5, 22)),  # today is not "already past"
    (FRIDAY, "may 21", date(2027, 5, 21)),  # yesterday's date is next year's
    (FRIDAY, "jan 5", date(2027, 1, 5)),
    (FRIDAY, "dec 3 2027", date(2027, 12, 3)),
    (FRIDAY, "3 dec, 2027", date(2027, 12, 3)),
    (FRIDAY, "  By   FRIDAY. ", date(2026, 5, 29)),  # case, spaces, full stop
    # a Sunday
    (SUNDAY, "tomorrow", date(2026, 5, 25)),
    (SUNDAY, "in 3 days", date(2026, 5, 27)),
    (SUNDAY, "in 2 weeks", date(2026, 6, 7)),
    (SUNDAY, "in 1 month", date(2026, 6, 24)),
    (SUNDAY, "next week", date(2026, 5, 25)),  # next Monday is tomorrow
    (SUNDAY, "monday", date(2026, 5, 25)),
    (SUNDAY, "sunday", date(2026, 5, 31)),
    (SUNDAY, "next sun", date(2026, 5, 31)),
    (SUNDAY, "saturday", date(2026, 5, 30)),
    (SUNDAY, "dec 3", date(2026, 12, 3)),
    # Dec 31: everything crosses into the next year
    (NEW_YEARS_EVE, "today", date(2026, 12, 31)),
    (NEW_YEARS_EVE, "tomorrow", date(2027, 1, 1)),
    (NEW_YEARS_EVE, "in 3 days", date(2027, 1, 3)),
    (NEW_YEARS_EVE, "in 2 weeks", date(2027, 1, 14)),
    (NEW_YEARS_EVE, "in 1 month", date(2027, 1, 31)),
    (NEW_YEARS_EVE, "next week", date(2027, 1, 4)),
    (NEW_YEARS_EVE, "friday", date(2027, 1, 1)),
    (NEW_YEARS_EVE, "thursday", date(2027, 1, 7)),
    (NEW_YEARS_EVE, "dec 31", date(2026, 12, 31)),
    (NEW_YEARS_EVE, "dec 3", date(2027, 12, 3)),
    (NEW_YEARS_EVE, "3 dec", date(2027, 12, 3)),
    (NEW_YEARS_EVE, "jan 1", date(2027, 1, 1)),
    (NEW_YEARS_EVE, "2026-12-01", date(2026, 12, 1)),  # a written year is kept
    # Feb 28 of a leap year
    (LEAP_FEB_28, "tomorrow", date(2028, 2, 29)),
    (LEAP_FEB_28, "feb 29", date(2028, 2, 29)),
    (LEAP_FEB_28, "29 feb", date(2028, 2, 29)),
    (LEAP_FEB_28, "in 3 days", date(2028, 3, 2)),
    (LEAP_FEB_28, "in 1 month", date(2028, 3, 28)),
    (LEAP_FEB_28, "next week", date(2028, 3, 6)),
    (LEAP_FEB_28, "monday", date(2028, 3, 6)),
    (LEAP_FEB_28, "tuesday", date(2028, 2, 29)),
    (LEAP_FEB_28, "feb 28", date(2028, 2, 28)),
    (LEAP_FEB_28, "feb 27", date(2029, 2, 27)),
    (LEAP_FEB_28, "2028-02-29", date(2028, 2, 29)),
    (LEAP_DAY, "in 1 month", date(2028, 3, 29)),
    (LEAP_DAY, "feb 29", date(2028, 2, 29)),
    (JAN_31, "in 1 month", date(2026, 2, 28)),  # months clamp to the month's end
]


@pytest.mark.parametrize(("today", "phrase", "expected"), CASES)
def test_design_phrases(today: date, phrase: str, expected: date) -> None:
    assert parse_when(phrase, today) == expected


@pytest.mark.parametrize("today", [FRIDAY, SUNDAY, NEW_YEARS_EVE, LEAP_FEB_28])
@pytest.mark.parametrize("name", sorted(WEEKDAYS))
@pytest.mark.parametrize("form", ["{}", "next {}", "on {}", "by {}", "on next {}"])
def test_weekday_is_the_first_such_day_strictly_after_today(
    today: date, name: str, form: str
) -> None:
    found = parse_when(form.format(name), today)
    assert found.weekday() == WEEKDAYS[name]
    assert 1 <= (found - today).days <= 7


def test_next_friday_on_a_friday_is_the_following_week() -> None:
    assert FRIDAY.weekday() == 4
    assert parse_when("next friday", FRIDAY) == FRIDAY + timedelta(days=7)
    assert parse_when("friday", FRIDAY) == FRIDAY + timedelta(days=7)


def test_next_friday_on_a_thursday_is_tomorrow() -> None:
    assert parse_when("next friday", date(2026, 5, 21)) == date(2026, 5, 22)


def test_feb_29_rolls_to_the_next_leap_year() -> None:
    assert parse_when("feb 29", FRIDAY) == date(2028, 2, 29)
    assert parse_when("feb 29", date(2028, 3, 1)) == date(2032, 2, 29)
    assert parse_when("feb 29 2028", FRIDAY) == date(2028, 2, 29)


def test_feb_29_across_a_century_that_is_not_a_leap_year() -> None:
    # 2100 has no Feb 29: from March 2096 the next one is eight years away.
    assert parse_when("feb 29", date(2096, 3, 1)) == date(2104, 2, 29)
    assert parse_when("feb 29", date(2104, 2, 28), past=True) == date(2096, 2, 29)


def test_one_year_after_feb_29_is_feb_28() -> None:
    assert parse_when("in 1 year", LEAP_DAY) == date(2029, 2, 28)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("yesterday", date(2026, 5, 21)),
        ("monday", date(2026, 5, 18)),  # the Monday just gone
        ("friday", date(2026, 5, 15)),  # on a Friday: last week's
        ("sat", date(2026, 5, 16)),
        ("thursday", date(2026, 5, 21)),
        ("dec 3", date(2025, 12, 3)),  # no year: the last Dec 3, not the next
        ("may 22", date(2026, 5, 22)),  # today is not in the future
        ("may 23", date(2025, 5, 23)),
        ("feb 29", date(2024, 2, 29)),
        ("3 days ago", date(2026, 5, 19)),
        ("2 weeks ago", date(2026, 5, 8)),
        ("last week", date(2026, 5, 11)),
        ("today", date(2026, 5, 22)),
        ("2026-12-01", date(2026, 12, 1)),  # a written year is kept as it is
    ],
)
def test_past_mode_for_notes(phrase: str, expected: date) -> None:
    assert parse_when(phrase, FRIDAY, past=True) == expected


def test_last_weekday_looks_back_even_without_past_mode() -> None:
    assert parse_when("last monday", FRIDAY) == date(2026, 5, 18)


@pytest.mark.parametrize(
    ("phrase", "message"),
    [
        ("feb 30", "there is no Feb 30"),
        ("by feb 30", "there is no Feb 30"),
        ("feb 29 2027", "there is no Feb 29 in 2027"),
        ("2026-13-01", "there is no date 2026-13-01"),
        ("2026-02-29", "there is no date 2026-02-29"),
        ("in 99999999999999999999 days", "too far away"),
        ("in 99999999999999999999 weeks", "too far away"),
        ("in 99999999999 months", "too far away"),
        ("in 10000 years", "too far away"),
        ("", "no date given"),
        ("   ", "no date given"),
        ("tomorrowish", "can't read the date 'tomorrowish'"),
        ("3 days", "did you mean 'in 3 days'?"),
        ("the 45th of Smarch", "can't read the date 'the 45th of Smarch'"),
    ],
)
def test_bad_dates_are_errors_with_a_message(phrase: str, message: str) -> None:
    with pytest.raises(QuickAddError) as caught:
        parse_when(phrase, FRIDAY)
    assert message in str(caught.value)


@pytest.mark.parametrize(
    "phrase",
    [
        "dec 32",  # dateutil alone reads it as Dec 2032
        "32 dec",
        "jan 45",  # ... and this as Jan 2045
        "dec 0",
        "31 feb",
        "on",
        "12",  # dateutil: the 12th of this month
        "jan",  # dateutil: Jan 20 (the default's day), in the past
        "3/4",
        "1/2/03",
        "2/1/75",
        "10:61",
        "0/0",
        "thursday 9",  # dateutil: Sat 9th, the weekday silently dropped
        "99999999999999999999",  # dateutil: OverflowError
        "next week friday",
        "in 3 days ago",
    ],
)
def test_things_dateutil_would_guess_at_are_errors(phrase: str) -> None:
    with pytest.raises(QuickAddError):
        parse_when(phrase, FRIDAY)


def test_a_number_is_never_read_as_a_year_in_past_mode() -> None:
    # dateutil reads "dec 99" as Dec 1999, a date in the past that past mode would accept.
    with pytest.raises(QuickAddError, match="there is no Dec 99"):
        parse_when("dec 99", FRIDAY, past=True)


def test_error_message_quotes_the_users_words_on_one_line() -> None:
    with pytest.raises(QuickAddError) as caught:
        parse_when("  next\tblursday ", FRIDAY)
    assert str(caught.value) == "can't read the date 'next blursday'"


@pytest.mark.parametrize(
    ("tail", "meant"),
    [
        ("on the 45th of Smarch", True),
        ("by feb 30", True),
        ("due 2026-13-01", True),
        ("in 2026", True),
        ("on friday the 13th", True),
        ("feb 30", True),  # shaped exactly like a date
        ("2026-13-01", True),
        ("by email", False),
        ("reply by email", False),
        ("email 3 recruiters", False),
        ("coffee with June", False),
        ("call Jan", False),
        ("Thursday 9", False),
        ("in person", False),
        ("on", False),
    ],
)
def test_looks_like_date(tail: str, meant: bool) -> None:
    assert looks_like_date(tail) is meant


# --- names and numbers in follow-up tails -------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "coffee with June",
        "call Jan",
        "call Jan about the role",
        "ping May re intro",
        "email 3 recruiters",
        "Thursday 9",
        "follow up with Bob at 5",
        "read chapter 12",
        "meet at 10:30",
        "send 1/2 of the deck",
        "reply by email",
        "in person chat",
    ],
)
@pytest.mark.parametrize("today", [FRIDAY, SUNDAY, NEW_YEARS_EVE])
def test_names_and_numbers_are_not_dates_in_follow_ups(body: str, today: date) -> None:
    assert split_date_tail(body, today) == (body, None)
    draft = parse_followup(body, [], today)
    assert draft.text == body
    assert draft.due == today + timedelta(days=7)
    assert draft.dated is False


def test_a_weekday_abbreviation_is_a_date_because_the_grammar_says_so() -> None:
    # "sat" is in the grammar's mon…sun list, so a trailing "Sat" is Saturday.
    assert split_date_tail("lunch with Sat", FRIDAY) == ("lunch with", date(2026, 5, 23))


@pytest.mark.parametrize(
    ("body", "task", "due"),
    [
        ("send the deck next friday", "send the deck", date(2026, 5, 29)),
        ("call June 5", "call", date(2026, 6, 5)),
        ("call Jan on jan 5", "call Jan", date(2027, 1, 5)),
        ("email 3 recruiters in 3 days", "email 3 recruiters", date(2026, 5, 25)),
        ("review the 2026-12-01 notes by dec 3", "review the 2026-12-01 notes", date(2026, 12, 3)),
        ("prep due tomorrow", "prep", date(2026, 5, 23)),
    ],
)
def test_longest_date_tail_is_the_due_date(body: str, task: str, due: date) -> None:
    assert split_date_tail(body, FRIDAY) == (task, due)


# --- formatting ---------------------------------------------------------------------------


def test_format_date() -> None:
    assert format_date(date(2026, 5, 29), FRIDAY) == "Fri 29 May"
    assert format_date(date(2027, 12, 3), FRIDAY) == "Fri 3 Dec 2027"
    assert format_date(date(2027, 1, 1), NEW_YEARS_EVE) == "Fri 1 Jan 2027"


@pytest.mark.parametrize(
    ("day", "label"),
    [
        (date(2026, 5, 22), "today"),
        (date(2026, 5, 23), "tomorrow"),
        (date(2026, 5, 21), "yesterday"),
        (date(2026, 5, 29), "in 7 days"),
        (date(2026, 5, 19), "3 days ago"),
    ],
)
def test_relative_label(day: date, label: str) -> None:
    assert relative_label(day, FRIDAY) == label


# --- properties ---------------------------------------------------------------------------

todays = st.dates(min_value=date(1990, 1, 1), max_value=date(2200, 12, 31))


@given(st.text(max_size=60), todays, st.booleans())
def test_any_text_gives_a_date_or_a_quick_add_error(text: str, today: date, past: bool) -> None:
    try:
        found = parse_when(text, today, past=past)
    except QuickAddError as error:
        assert str(error)
    else:
        assert isinstance(found, date)
        assert date_in_range(found)


@given(todays, st.integers(min_value=0, max_value=3000))
def test_in_n_days(today: date, n: int) -> None:
    expected = today + timedelta(days=n)
    if expected > LATEST:
        with pytest.raises(DateRangeError, match="is outside the dates netui keeps"):
            parse_when(f"in {n} days", today)
    else:
        assert parse_when(f"in {n} days", today) == expected


@given(todays, st.sampled_from(sorted(MONTHS)), st.integers(min_value=1, max_value=31))
def test_a_date_without_year_is_the_next_one_that_exists(today: date, month: str, day: int) -> None:
    number = MONTHS[month]
    try:
        found = parse_when(f"{month} {day}", today)
    except DateRangeError:
        # Near the end of the range the next one is after the last date netui keeps.
        assert today.year >= LATEST.year - 8
        return
    except QuickAddError:
        # Only a day that no year's month has (Feb 30, Apr 31) is refused.
        assert day > {2: 29, 4: 30, 6: 30, 9: 30, 11: 30}.get(number, 31)
        return
    assert (found.month, found.day) == (number, day)
    assert found >= today
    # Nothing in between: no earlier year from today's on holds that date.
    for year in range(today.year, found.year):
        try:
            earlier = date(year, number, day)
        except ValueError:
            continue
        assert earlier < today
    past = parse_when(f"{day} {month}", today, past=True)
    assert (past.month, past.day) == (number, day)
    assert past <= today


# --- the range of dates netui keeps (1900-01-01 to 2200-12-31) ----------------------------

RANGE = "(1900-01-01 to 2200-12-31)"

# (today, phrase, past, the date) for phrases that land on or just inside an end.
INSIDE = [
    (FRIDAY, "1900-01-01", False, EARLIEST),
    (FRIDAY, "2200-12-31", False, LATEST),
    (FRIDAY, "dec 31 2200", False, LATEST),
    (FRIDAY, "1 jan 1900", True, EARLIEST),
    (LATEST, "today", False, LATEST),
    (date(2200, 12, 30), "tomorrow", False, LATEST),
    (EARLIEST, "today", True, EARLIEST),
    (date(1900, 1, 2), "yesterday", True, EARLIEST),
    (LATEST, "in 0 days", False, LATEST),
    (date(2200, 12, 17), "in 2 weeks", False, LATEST),
    (date(2200, 11, 30), "in 1 month", False, date(2200, 12, 30)),
    (EARLIEST, "in 300 years", False, date(2200, 1, 1)),
    (LATEST, "300 years ago", True, date(1900, 12, 31)),
    (LATEST, "dec 30", True, date(2200, 12, 30)),  # no year, past: this year's
    (EARLIEST, "dec 31", False, date(1900, 12, 31)),  # no year: this year's
]


@pytest.mark.parametrize(("today", "phrase", "past", "expected"), INSIDE)
def test_dates_at_the_ends_of_the_range_are_kept(
    today: date, phrase: str, past: bool, expected: date
) -> None:
    assert parse_when(phrase, today, past=past) == expected


# (today, phrase, past, what the message must say) for phrases past either end.
OUTSIDE = [
    (FRIDAY, "9999-12-31", False, f"9999-12-31 is outside the dates netui keeps {RANGE}"),
    (FRIDAY, "on 9999-12-31", False, f"9999-12-31 is outside the dates netui keeps {RANGE}"),
    (FRIDAY, "2201-01-01", False, "2201-01-01 is outside"),
    (FRIDAY, "1899-12-31", False, f"1899-12-31 is outside the dates netui keeps {RANGE}"),
    (FRIDAY, "0001-01-01", True, "0001-01-01 is outside"),
    (
        FRIDAY,
        "dec 3 2300",
        False,
        f"2300-12-03 (dec 3 2300) is outside the dates netui keeps {RANGE}",
    ),
    (FRIDAY, "by 3 dec 1899", False, "1899-12-03 (by 3 dec 1899) is outside"),
    (FRIDAY, "dec 3 0000", False, f"Dec 3 0000 is outside the dates netui keeps {RANGE}"),
    (FRIDAY, "feb 29 2300", False, "Feb 29 2300 is outside"),
    (
        FRIDAY,
        "in 99999 days",
        False,
        f"2300-03-06 (in 99999 days) is outside the dates netui keeps {RANGE}",
    ),
    (
        FRIDAY,
        "in 500 years",
        False,
        f"2526-05-22 (in 500 years) is outside the dates netui keeps {RANGE}",
    ),
    (FRIDAY, "in 3000 months", False, "2276-05-22 (in 3000 months) is outside"),
    (FRIDAY, "in 9999 weeks", False, "(in 9999 weeks) is outside"),
    (
        EARLIEST,
        "10000 days ago",
        True,
        f"1872-08-15 (10000 days ago) is outside the dates netui keeps {RANGE}",
    ),
    (FRIDAY, "100000 days ago", True, "(100000 days ago) is outside"),
    (FRIDAY, "in 10000 years", False, f"too far away: netui keeps dates from {RANGE[1:-1]}"),
    (FRIDAY, "in 99999999999999999999 days", False, "too far away"),
    (FRIDAY, "99999999999999999999 weeks ago", True, "too far away"),
    (FRIDAY, "in 99999999999 months", False, "too far away"),
    (FRIDAY, "in " + "9" * 5000 + " days", False, "too far away"),  # past int()'s digit limit
    (LATEST, "tomorrow", False, f"2201-01-01 (tomorrow) is outside the dates netui keeps {RANGE}"),
    (LATEST, "next week", False, "2201-01-05 (next week) is outside"),
    (LATEST, "friday", False, "2201-01-02 (friday) is outside"),
    (LATEST, "in 1 day", False, "2201-01-01 (in 1 day) is outside"),
    (LATEST, "in 1 month", False, "2201-01-31 (in 1 month) is outside"),
    (LATEST, "jan 1", False, "2201-01-01 (jan 1) is outside"),  # no year: next year's
    (
        EARLIEST,
        "yesterday",
        True,
        f"1899-12-31 (yesterday) is outside the dates netui keeps {RANGE}",
    ),
    (EARLIEST, "last week", True, "1899-12-25 (last week) is outside"),
    (EARLIEST, "last friday", False, "1899-12-29 (last friday) is outside"),
    (EARLIEST, "sunday", True, "1899-12-31 (sunday) is outside"),
    (EARLIEST, "dec 31", True, "1899-12-31 (dec 31) is outside"),  # no year, past: last year's
    (EARLIEST, "1 month ago", True, "1899-12-01 (1 month ago) is outside"),
    (date.max, "tomorrow", False, "too far away"),  # no clock says so, and still no crash
    (date.min, "yesterday", True, "too far away"),
    (date.max, "friday", False, "too far away"),
    (date.min, "last week", True, "too far away"),
]


@pytest.mark.parametrize(("today", "phrase", "past", "message"), OUTSIDE)
def test_dates_outside_the_range_are_refused_naming_the_date_and_the_range(
    today: date, phrase: str, past: bool, message: str
) -> None:
    with pytest.raises(DateRangeError) as caught:
        parse_when(phrase, today, past=past)
    assert message in str(caught.value)
    assert len(str(caught.value)) < 160  # one line, even for 5000 digits


@pytest.mark.parametrize("today", [EARLIEST, LATEST, date.min, date.max, FRIDAY])
@pytest.mark.parametrize(
    "phrase",
    [
        "9999-12-31",
        "dec 3 2300",
        "1899-12-31",
        "in 99999 days",
        "in 500 years",
        "10000 days ago",
        "in 99999999 weeks",
        "99999999 days ago",
        "in 9999999999 years",
        "next week",
        "last week",
        "sunday",
        "last sunday",
        "dec 31",
        "feb 29",
        "tomorrow",
        "yesterday",
    ],
)
@pytest.mark.parametrize("past", [False, True])
def test_no_phrase_and_no_today_raises_anything_but_a_quick_add_error(
    today: date, phrase: str, past: bool
) -> None:
    try:
        found = parse_when(phrase, today, past=past)
    except QuickAddError as error:
        assert str(error)
    else:
        assert date_in_range(found)


def test_a_range_error_is_a_quick_add_error_and_never_an_overflow() -> None:
    assert issubclass(DateRangeError, QuickAddError)
    assert not issubclass(DateRangeError, OverflowError)


@pytest.mark.parametrize(
    ("day", "days", "expected"),
    [
        (LATEST, 0, LATEST),
        (date(2200, 12, 30), 1, LATEST),
        (date(2200, 12, 30), 2, None),
        (EARLIEST, -1, None),
        (date(1900, 1, 8), -7, EARLIEST),
        (date.max, 1, None),  # OverflowError inside, None out
        (date.min, -1, None),
        (date(9999, 12, 30), 14, None),
        (FRIDAY, 14, date(2026, 6, 5)),
    ],
)
def test_add_days_gives_none_past_the_range(day: date, days: int, expected: date | None) -> None:
    assert add_days(day, days) == expected


def test_check_in_range_and_its_message() -> None:
    assert check_in_range(LATEST) == LATEST
    assert check_in_range(EARLIEST) == EARLIEST
    with pytest.raises(DateRangeError, match=r"^2201-01-01 \(tomorrow\) is outside"):
        check_in_range(date(2201, 1, 1), "tomorrow")
    assert range_message(date(9999, 12, 31)) == (
        "9999-12-31 is outside the dates netui keeps (1900-01-01 to 2200-12-31)"
    )
    assert range_message(date(9999, 12, 31), " 9999-12-31 ") == range_message(date(9999, 12, 31))


@pytest.mark.parametrize(
    ("today", "body", "message"),
    [
        (FRIDAY, "call 9999-12-31", "9999-12-31 is outside the dates netui keeps"),
        (FRIDAY, "call on 9999-12-31", "9999-12-31 is outside"),
        (FRIDAY, "call dec 3 2300", "2300-12-03 (dec 3 2300) is outside"),
        (FRIDAY, "call in 500 years", "(in 500 years) is outside"),
        (FRIDAY, "call in 99999 days", "(in 99999 days) is outside"),
        (EARLIEST, "call 10000 days ago", "(10000 days ago) is outside"),
        (LATEST, "call tomorrow", "2201-01-01 (tomorrow) is outside"),
        (FRIDAY, "call in 99999999999999999999 days", "too far away"),
    ],
)
def test_a_tail_outside_the_range_is_an_error_not_text(
    today: date, body: str, message: str
) -> None:
    with pytest.raises(DateRangeError) as caught:
        split_date_tail(body, today)
    assert message in str(caught.value)
