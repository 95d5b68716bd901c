"""Business days: Monday to Friday.

The reply clock (`netui.replies`) counts in business days, as career advisers do ("no
reply after 3 business days"): a message sent on a Friday has had one business day by
Monday evening, not three days. No public holidays are known (they differ by country and
employer); a holiday counts as a business day.
"""

from __future__ import annotations

from datetime import date, timedelta

WEEKDAYS = 5
"""Business days in a week (Monday to Friday)."""


def is_business_day(day: date) -> bool:
    """Monday to Friday."""
    return day.weekday() < WEEKDAYS


def business_days_between(start: date, end: date) -> int:
    """The business days after `start`, up to and including `end` (0 if `end` is not
    after `start`): from a Friday to the next Monday is 1, to the next Friday 5."""
    if end <= start:
        return 0
    weeks, rest = divmod((end - start).days, 7)
    count = weeks * WEEKDAYS
    weekday = start.weekday()
    for offset in range(1, rest + 1):  # the days after the whole weeks (at most 6)
        if (weekday + offset) % 7 < WEEKDAYS:
            count += 1
    return count


def add_business_days(day: date, n: int) -> date:
    """The `n`th business day after `day` (before it for a negative `n`; `day` itself for
    0, even on a weekend). From a Saturday or a Sunday, 1 is the Monday after (-1 the
    Friday before). So that `business_days_between(day, add_business_days(day, n)) == n`
    for every `n` from 0.

    Raises OverflowError past the dates Python keeps (year 1 to 9999).
    """
    if n == 0:
        return day
    step = 1 if n > 0 else -1
    if not is_business_day(day):  # a weekend counts as the business day on its near side
        weekday = day.weekday()  # Saturday 5, Sunday 6
        day += timedelta(days=4 - weekday if step > 0 else 7 - weekday)  # Friday, Monday
    weeks, rest = divmod(abs(n), WEEKDAYS)
    day += timedelta(days=7 * weeks * step)
    while rest:
        day += timedelta(days=step)
        if is_business_day(day):
            rest -= 1
    return day
