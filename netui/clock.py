"""The one source of "now" and "today", so that tests can freeze time.

Everything that depends on the date takes a `Clock` (or a `today` argument) instead of
calling `date.today()` itself.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

Clock = Callable[[], datetime]
"""A function returning the current local time, naive and to the second."""


def system_clock() -> datetime:
    """The machine's local time, without microseconds (they only add noise to the file)."""
    return datetime.now().replace(microsecond=0)


def frozen_clock(moment: datetime | date) -> Clock:
    """A clock stopped at `moment` (a date means its midnight + 9 h, a typical morning)."""
    if not isinstance(moment, datetime):
        moment = datetime(moment.year, moment.month, moment.day, 9, 0, 0)
    return lambda: moment


def today(clock: Clock) -> date:
    """The date part of `clock()`."""
    return clock().date()
