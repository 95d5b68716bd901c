"""iCalendar (RFC 5545) export of the open follow-ups, for a calendar app.

Each open follow-up becomes an all-day VEVENT on its due date, with a reminder at a
time of day. VEVENT, not VTODO: Google Calendar and Apple Calendar subscriptions
ignore VTODO, so tasks would silently vanish; an all-day event marked TRANSPARENT
shows on the right day without blocking time.

The UID is built from the follow-up's id and its creation time, which never change:
editing or snoozing a follow-up gives the same UID, so a calendar updates the event
instead of adding a second one. The creation time keeps two data files (whose ids both
start at 1) from colliding. There is no SEQUENCE: follow-ups have no revision counter
to derive one from honestly, and a subscription (METHOD PUBLISH) replaces the whole
calendar on each refresh anyway. LAST-MODIFIED and DTSTAMP are the export time.

Escaping, line folding at 75 octets (never inside a UTF-8 sequence) and CRLF line ends
are left to the `icalendar` library, with one correction: it writes a literal
backslash followed by a capital N (``C:\\New``) as a line break (`_Text`). Text is
cleaned of control characters (`netui.text.clean`) on the way out, as for the CSV export.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from icalendar import Alarm, Calendar, Event, vText

from netui import __version__
from netui.errors import NetuiError
from netui.model import Contact, FollowUp, Network, date_in_range, date_range_text
from netui.text import clean

CALENDAR_NAME = "netui follow-ups"


class _Text(vText):
    """TEXT that keeps a literal backslash before a capital N.

    icalendar 7 (`_escape_char`) first turns ``\\N`` into a newline, so "C:\\New" would
    come back as "C:" and "ew" on two lines. Escape each piece between the ``\\N``s with
    the library and join them with the escaped form, a backslash pair then N.
    """

    def to_ical(self) -> bytes:
        return b"\\\\N".join(vText(piece).to_ical() for piece in self.split("\\N"))


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


def _event(followup: FollowUp, network: Network, stamp: datetime, reminder: time) -> Event:
    _check_due(followup)
    contact = network.by_id.get(followup.contact_id) if followup.contact_id is not None else None
    text, name = _line(followup.text), _line(network.name_of(followup.contact_id))
    summary = f"{name}: {text}" if name else text
    event = Event()
    event.add("uid", followup_uid(followup))
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    if followup.created:
        event.add("created", _utc(followup.created))
    event.add("dtstart", followup.due)  # a date: VALUE=DATE, an all-day event
    event.add("dtend", followup.due + timedelta(days=1))  # DTEND is exclusive
    event.add("transp", "TRANSPARENT")
    event.add("summary", _Text(summary))
    event.add("description", _Text(_description(text, contact)))
    event.add("categories", ["netui"])
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    # RFC 5545 requires a DESCRIPTION on a DISPLAY alarm, so never an empty one.
    alarm.add("description", _Text(summary or "netui follow-up"))
    # Relative to the start of the all-day event (midnight, local): fires at `reminder`
    # on the due day wherever the user is.
    alarm.add(
        "trigger",
        timedelta(hours=reminder.hour, minutes=reminder.minute, seconds=reminder.second),
    )
    event.add_component(alarm)
    return event


def export_ics(network: Network, now: datetime, *, reminder: time = time(9, 0)) -> bytes:
    """The open follow-ups of `network` as an iCalendar file (UTF-8, CRLF line ends).

    One all-day event per open follow-up, sorted by due date then id, each with a
    reminder at `reminder` on its due day. `now` (netui's naive local clock, or an aware
    time) becomes DTSTAMP in UTC. Raise ValueError for a follow-up without an id, and
    NetuiError for one due outside the dates netui keeps (`netui.model.date_in_range`);
    every date in that range exports, 1900-01-01 and 2200-12-31 included.
    """
    calendar = Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", f"-//netui//netui {__version__}//EN")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", CALENDAR_NAME)
    stamp = _utc(now)
    open_followups = sorted(
        (f for f in network.followups if f.is_open),
        key=lambda f: (f.due, f.id if f.id is not None else -1),
    )
    for followup in open_followups:
        calendar.add_component(_event(followup, network, stamp, reminder))
    ical: bytes = calendar.to_ical()  # (icalendar's `to_ical` has no return type)
    return ical
