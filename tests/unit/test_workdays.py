"""Business-day arithmetic: weekends skipped, month and year ends crossed, no holidays."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netui.workdays import add_business_days, business_days_between, is_business_day

MON, TUE, WED, THU, FRI, SAT, SUN = (date(2026, 11, 23) + timedelta(days=i) for i in range(7))


@pytest.mark.parametrize(
    ("start", "end", "days"),
    [
        (MON, MON, 0),
        (MON, TUE, 1),
        (MON, FRI, 4),
        (FRI, SAT, 0),  # a weekend adds nothing
        (FRI, SUN, 0),
        (FRI, MON + timedelta(days=7), 1),  # sent on a Friday: by Monday, one business day
        (FRI, WED + timedelta(days=7), 3),
        (SAT, MON + timedelta(days=7), 1),
        (SUN, MON + timedelta(days=7), 1),
        (MON, MON + timedelta(days=7), 5),
        (WED, MON + timedelta(days=14), 8),
        (TUE, MON, 0),  # the end before the start
        (date(2026, 1, 30), date(2026, 2, 3), 2),  # Friday January 30 → Tuesday February 3
        (date(2026, 12, 31), date(2027, 1, 4), 2),  # Thursday → Friday, Monday: a year end
        (date(2028, 2, 28), date(2028, 3, 1), 2),  # a leap day is a Tuesday
        (date(2026, 1, 1), date(2026, 12, 31), 260),  # a year: 261 weekdays, minus January 1
    ],
)
def test_business_days_between_counts_the_weekdays_after_the_start(
    start: date, end: date, days: int
) -> None:
    assert business_days_between(start, end) == days


@pytest.mark.parametrize(
    ("day", "n", "expected"),
    [
        (MON, 0, MON),
        (SAT, 0, SAT),
        (MON, 1, TUE),
        (THU, 1, FRI),
        (FRI, 1, MON + timedelta(days=7)),
        (SAT, 1, MON + timedelta(days=7)),
        (SUN, 1, MON + timedelta(days=7)),
        (WED, 3, MON + timedelta(days=7)),  # the day-3 mark of a Wednesday message
        (WED, 7, FRI + timedelta(days=7)),  # and its day-7 mark
        (MON, 5, MON + timedelta(days=7)),
        (FRI, 10, FRI + timedelta(days=14)),
        (MON, -1, FRI - timedelta(days=7)),
        (SAT, -1, FRI),
        (SUN, -1, FRI),
        (TUE, -5, TUE - timedelta(days=7)),
        (date(2026, 12, 30), 3, date(2027, 1, 4)),  # a year end
        (date(2026, 2, 27), 1, date(2026, 3, 2)),  # a month end on a Friday
    ],
)
def test_add_business_days_skips_weekends(day: date, n: int, expected: date) -> None:
    assert add_business_days(day, n) == expected


def test_weekends_are_not_business_days() -> None:
    assert [is_business_day(d) for d in (MON, TUE, WED, THU, FRI, SAT, SUN)] == [
        True, True, True, True, True, False, False
    ]  # fmt: skip


DAYS = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))


@given(DAYS, st.integers(min_value=0, max_value=400))
def test_adding_n_business_days_is_n_business_days_later(day: date, n: int) -> None:
    later = add_business_days(day, n)
    assert business_days_between(day, later) == n
    assert n == 0 or is_business_day(later)
    assert n == 0 or business_days_between(day, later - timedelta(days=1)) == n - 1


@given(DAYS, st.integers(min_value=1, max_value=400))
def test_going_back_n_business_days_from_one_is_its_inverse(day: date, n: int) -> None:
    if not is_business_day(day):
        day = add_business_days(day, 1)
    assert add_business_days(add_business_days(day, -n), n) == day


@given(DAYS, DAYS)
def test_the_count_is_the_weekdays_one_by_one(start: date, end: date) -> None:
    if (end - start).days > 60:
        end = start + timedelta(days=60)
    expected = sum(
        1 for i in range(1, (end - start).days + 1) if (start + timedelta(days=i)).weekday() < 5
    )
    assert business_days_between(start, end) == expected
