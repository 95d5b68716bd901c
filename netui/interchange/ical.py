"""iCalendar (RFC 5545) export of the open follow-ups, for a calendar app.

Each open follow-up becomes an all-day VEVENT on its due date, with a reminder at a
time of day. VEVENT, not VTODO: Google Calendar and Apple Calendar subscriptions
ignore VTODO, so tasks would silently vanish; an all-day event marked TRANSPARENT
shows on the right day without blocking time.

The UID is built from the follow-up's id and its creation time, which never change:
editing or snoozing a follow-up gives the same UID, so a calendar updates the event
instead of adding a second one. The creation time keeps two data files (whose ids both
start at 1) from colliding. There is no SEQUENCE: follow-ups have no revision counter
to derive one from honestly, and a subscription replaces the whole calendar on each
refresh anyway. LAST-MODIFIED and DTSTAMP are the export time.

There is no METHOD: a file to import or subscribe to is not an iTIP message (RFC 5546),
and METHOD:PUBLISH would require an ORGANIZER on every event (libical's check refuses
the file without one); calcurse, khal, icalendar and vobject all read the file without it.

The file is written here rather than through the `icalendar` library, which took about
30 s for 50,000 events (building a component tree, then folding each line character by
character). This writer knows exactly the subset it emits: TEXT escaping of backslash,
semicolon, comma and newline (RFC 5545 3.3.11; a literal backslash before a capital N
stays a backslash), lines folded at 75 octets never inside a UTF-8 sequence, CRLF line
ends. The tests read every file back with `icalendar` and `vobject`. Text is cleaned of
control characters (`netui.text.clean`) on the way out, as for the CSV export.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta

from netui import __version__
from netui.errors import NetuiError
from netui.model import Contact, FollowUp, Network, date_in_range, date_range_text
from netui.text import clean

CALENDAR_NAME = "netui follow-ups"


def _text(value: str) -> str:
    """A TEXT value escaped (RFC 5545 3.3.11): backslash first, so a literal "\\N"
    becomes "\\\\N" and never reads as a line break. A CR never gets here: `clean`
    makes every line end a newline."""
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> bytes:
    """`line` as UTF-8 with its CRLF, folded into physical lines of at most 75 octets
    (a continuation line's leading space included), never inside a UTF-8 sequence."""
    data = line.encode("utf-8")
    size = len(data)
    if size <= 75:
        return data + b"\r\n"
    parts = []
    start, width = 0, 75
    while size - start > width:
        end = start + width
        while data[end] & 0xC0 == 0x80:  # a continuation byte: cut before its sequence
            end -= 1
        parts.append(data[start:end])
        start, width = end, 74
    parts.append(data[start:])
    return b"\r\n ".join(parts) + b"\r\n"


def _date(day: date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _stamp(moment: datetime) -> str:
    """A UTC date-time (form 2, with Z) of an aware `moment` already in UTC."""
    return f"{_date(moment)}T{moment.hour:02d}{moment.minute:02d}{moment.second:02d}Z"


def _duration(offset: timedelta) -> str:
    """A non-negative offset under a day as an RFC 5545 DURATION: P0D, PT9H, PT7H45M,
    PT9H0M30S (a minute part is required between hours and seconds)."""
    seconds = int(offset.total_seconds())
    if not seconds:
        return "P0D"
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    text = "PT"
    if hours:
        text += f"{hours}H"
    if minutes or (hours and seconds):
        text += f"{minutes}M"
    if seconds:
        text += f"{seconds}S"
    return text


def _line(text: str) -> str:
    return clean(text, multiline=False)


def _utc(moment: datetime) -> datetime:
    """`moment` in UTC, to the second (a naive one is the machine's local time).

    A time the platform can't place in its local zone (before 1970 on Windows, next to
    `datetime.min` or `datetime.max` anywhere) is taken as UTC already: a few hours off
    on a CREATED stamp, rather than an export that fails.
    """
    try:
        return moment.astimezone(UTC).replace(microsecond=0)
    except (OverflowError, OSError, ValueError):
        return moment.replace(tzinfo=UTC, microsecond=0)


def followup_uid(followup: FollowUp) -> str:
    """The follow-up's UID: the same on every export, whatever its text or due date."""
    if followup.id is None:
        raise ValueError("an unsaved follow-up (no id) has no stable UID")
    # The stored wall-clock time, not UTC: the UID must not change with the machine's
    # time zone.
    created = followup.created.strftime("%Y%m%dT%H%M%S") if followup.created else "x"
    return f"netui-followup-{followup.id}-{created}@netui"


def _description(text: str, contact: Contact | None) -> str:
    """The task, then whatever helps to act on it: who, and how to reach them."""
    lines = [text]
    if contact:
        company, title = _line(contact.company), _line(contact.title)
        if company or title:
            lines.append(f"{title} at {company}" if company and title else company or title)
        for label, value in (
            ("Email", contact.email),
            ("Phone", contact.phone),
            ("LinkedIn", contact.linkedin),
        ):
            if value := _line(value):
                lines.append(f"{label}: {value}")
    return "\n".join(lines)


def _check_due(followup: FollowUp) -> None:
    """Refuse a due date netui does not keep (the store refuses it on load, so only a
    network built in memory has one): one clear message, not an OverflowError."""
    if not date_in_range(followup.due):
        raise NetuiError(
            f"follow-up {followup.id} is due {followup.due.isoformat()}, outside the dates "
            f"netui keeps ({date_range_text()}); nothing exported"
        )


def _event(followup: FollowUp, network: Network, stamp: str, trigger: str) -> Iterator[str]:
    """The content lines of one VEVENT (unfolded, without line ends)."""
    _check_due(followup)
    contact = network.by_id.get(followup.contact_id) if followup.contact_id is not None else None
    text, name = _line(followup.text), _line(network.name_of(followup.contact_id))
    summary = f"{name}: {text}" if name else text
    yield "BEGIN:VEVENT"
    yield f"UID:{_text(followup_uid(followup))}"
    yield f"DTSTAMP:{stamp}"
    yield f"LAST-MODIFIED:{stamp}"
    if followup.created:
        yield f"CREATED:{_stamp(_utc(followup.created))}"
    yield f"DTSTART;VALUE=DATE:{_date(followup.due)}"  # a date: an all-day event
    yield f"DTEND;VALUE=DATE:{_date(followup.due + timedelta(days=1))}"  # exclusive
    yield "TRANSP:TRANSPARENT"
    yield f"SUMMARY:{_text(summary)}"
    yield f"DESCRIPTION:{_text(_description(text, contact))}"
    yield "CATEGORIES:netui"
    yield "BEGIN:VALARM"
    yield "ACTION:DISPLAY"
    # RFC 5545 requires a DESCRIPTION on a DISPLAY alarm, so never an empty one.
    yield f"DESCRIPTION:{_text(summary or 'netui follow-up')}"
    # Relative to the start of the all-day event (midnight, local): fires at the
    # reminder time on the due day wherever the user is.
    yield f"TRIGGER:{trigger}"
    yield "END:VALARM"
    yield "END:VEVENT"


def export_ics(network: Network, now: datetime, *, reminder: time = time(9, 0)) -> bytes:
    """The open follow-ups of `network` as an iCalendar file (UTF-8, CRLF line ends).

    One all-day event per open follow-up, sorted by due date then id, each with a
    reminder at `reminder` on its due day. `now` (netui's naive local clock, or an aware
    time) becomes DTSTAMP in UTC. Raise ValueError for a follow-up without an id, and
    NetuiError for one due outside the dates netui keeps (`netui.model.date_in_range`);
    every date in that range exports, 1900-01-01 and 2200-12-31 included.
    """
    stamp = _stamp(_utc(now))
    trigger = _duration(
        timedelta(hours=reminder.hour, minutes=reminder.minute, seconds=reminder.second)
    )
    open_followups = sorted(
        (f for f in network.followups if f.is_open),
        key=lambda f: (f.due, f.id if f.id is not None else -1),
    )
    out = [
        _fold(line)
        for line in (
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            f"PRODID:{_text(f'-//netui//netui {__version__}//EN')}",
            "CALSCALE:GREGORIAN",
            f"X-WR-CALNAME:{_text(CALENDAR_NAME)}",
        )
    ]
    for followup in open_followups:
        out.extend(map(_fold, _event(followup, network, stamp, trigger)))
    out.append(b"END:VCALENDAR\r\n")
    return b"".join(out)
