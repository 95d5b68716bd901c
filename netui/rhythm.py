"""The keep-in-touch rhythm: pure rules of how often to be in touch with someone.

A contact has a cadence (days between touches): their own `cadence_days`, else the
shortest default of their tags, else the default of their status, else none. The last
touch is their last note or done follow-up (else the day they were added). From there:

- *due* at the cadence (the day the next touch is owed);
- *cold* at 1.5 times the cadence;
- neither while a follow-up is open for them: the next touch is planned.

A contact that went cold three times in a row (the gaps between touches, ending with the
current one if it is cold) would be better served by a longer cadence: the next preset up.

The defaults live in the data file's meta as `cadence_defaults` =
`{"tags": {tag: days}, "status": {status: days}}` (see `Store.cadence_defaults()`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from enum import StrEnum

from netui.model import Contact
from netui.text import fold

PRESETS: tuple[int, ...] = (14, 30, 90, 180)
"""The rhythms offered by name: 2 weeks, 1 month, 3 months, 6 months."""
PRESET_LABELS: dict[int, str] = {14: "2 weeks", 30: "1 month", 90: "3 months", 180: "6 months"}
STREAK_TO_SUGGEST = 3
"""Times in a row a contact went cold before a longer cadence is suggested."""
MAX_CADENCE = 3650
"""The longest rhythm accepted, in days (ten years)."""
KINDS = ("tags", "status")
"""The two kinds of defaults: by tag and by status."""

CadenceDefaults = Mapping[str, Mapping[str, int]]
"""`{"tags": {tag: days}, "status": {status: days}}`, as `Store.cadence_defaults()` gives
it: tag keys are folded as `tag_key` folds them, status keys are `Status` values."""


class RhythmState(StrEnum):
    """Where a contact is in their rhythm (equal to the strings "ok", "due", "cold")."""

    OK = "ok"
    DUE = "due"
    COLD = "cold"


def cadence_label(days: int) -> str:
    """ "1 month" for a preset, else "N days"."""
    return PRESET_LABELS.get(days) or f"{days} day{'s' if days != 1 else ''}"


def next_preset(days: int) -> int | None:
    """The smallest preset longer than `days` (None past the longest)."""
    return next((preset for preset in PRESETS if preset > days), None)


def cold_after(cadence: int) -> int:
    """Days since the last touch at which a contact with this cadence is cold: 1.5 times
    the cadence, rounded up to a whole day (a 7-day rhythm is cold after 11 days)."""
    return -(-cadence * 3 // 2)


def _valid_days(value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_CADENCE:
        return value
    return None


def has_defaults(defaults: CadenceDefaults | None) -> bool:
    """Whether any default rhythm is set (by tag or by status)."""
    return bool(defaults and any(defaults.get(kind) for kind in KINDS))


def tag_key(tag: str) -> str:
    """A tag as the tag defaults are keyed (the store keeps them so): without the `#`,
    case- and accent-insensitive ("#UX" and "ux" are one tag)."""
    return fold(tag.strip().lstrip("#").strip())


def effective_cadence(contact: Contact, defaults: CadenceDefaults | None = None) -> int | None:
    """The contact's rhythm in days: their own, else the shortest default of their tags,
    else their status's default, else None (no rhythm)."""
    return rhythm_of(contact, defaults)[0]


def rhythm_of(contact: Contact, defaults: CadenceDefaults | None = None) -> tuple[int | None, str]:
    """The contact's rhythm in days (as `effective_cadence`) and where it comes from, as
    a screen says it: "" for their own, "the default for #recruiter", "the default for
    met". Every place that shows or uses a rhythm asks here, so that the prep sheet, the
    contact page and the review never disagree."""
    own = _valid_days(contact.cadence_days)
    if own is not None:
        return own, ""
    if not defaults:
        return None, ""
    by_tag = defaults.get("tags") or {}
    if by_tag and contact.tags:
        found = [
            (days, tag)
            for tag in contact.tags
            if (days := _valid_days(by_tag.get(tag_key(tag), by_tag.get(tag))))
        ]
        if found:
            days, tag = min(found)
            return days, f"the default for #{tag}"
    by_status = defaults.get("status") or {}
    days = _valid_days(by_status.get(str(contact.status)))
    return (days, f"the default for {contact.status}") if days else (None, "")


def _start(contact: Contact, last_touch: date | None) -> date | None:
    if last_touch is not None:
        return last_touch
    return contact.created.date() if contact.created else None


def rhythm_state(
    contact: Contact,
    last_touch: date | None,
    today: date,
    defaults: CadenceDefaults | None = None,
    *,
    planned: bool = False,
) -> RhythmState:
    """OK, DUE (at the cadence) or COLD (at 1.5 times the cadence) on `today`.

    `last_touch` is the date of the last note or done follow-up (None: never touched, so
    the rhythm counts from when the contact was added); `planned` says a follow-up is
    open for them, which makes them neither due nor cold.
    """
    cadence = effective_cadence(contact, defaults)
    start = _start(contact, last_touch)
    if cadence is None or start is None or planned:
        return RhythmState.OK
    days = (today - start).days
    if days >= cold_after(cadence):
        return RhythmState.COLD
    if days >= cadence:
        return RhythmState.DUE
    return RhythmState.OK


def cold_streak(
    contact: Contact,
    touches: Iterable[date],
    today: date,
    defaults: CadenceDefaults | None = None,
    *,
    planned: bool = False,
) -> int:
    """How many times in a row the contact went cold: the gaps between touches (from
    when they were added, if that came first) that reached 1.5 times the cadence, counted
    back from the last one, which is the current gap if the contact is cold now.

    `touches` are the dates of their notes and done follow-ups, in any order; the current
    cadence is used for every gap.
    """
    cadence = effective_cadence(contact, defaults)
    if cadence is None:
        return 0
    points = sorted({day for day in touches if day <= today})
    created = contact.created.date() if contact.created else None
    if created is not None and created <= today and (not points or created < points[0]):
        points.insert(0, created)
    if not points:
        return 0
    limit = cold_after(cadence)
    streak = 0
    if rhythm_state(contact, points[-1], today, defaults, planned=planned) is RhythmState.COLD:
        streak = 1
    for earlier, later in zip(reversed(points[:-1]), reversed(points[1:]), strict=True):
        if (later - earlier).days < limit:
            break
        streak += 1
    return streak


def suggest_longer(
    contact: Contact,
    touches: Iterable[date],
    today: date,
    defaults: CadenceDefaults | None = None,
    *,
    planned: bool = False,
) -> int | None:
    """The next preset up when the contact went cold `STREAK_TO_SUGGEST` times in a row;
    else None (also for a contact already at or past the longest preset)."""
    cadence = effective_cadence(contact, defaults)
    if cadence is None:
        return None
    if cold_streak(contact, touches, today, defaults, planned=planned) < STREAK_TO_SUGGEST:
        return None
    return next_preset(cadence)
