"""iCalendar export of the open follow-ups (netui export ics).

The output is read back with `icalendar` and, independently, with `vobject`; the raw
bytes are checked for RFC 5545 folding (75 octets), CRLF line ends and UTF-8.
"""

from __future__ import annotations

import dataclasses
import itertools
import time as time_module
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta

import pytest
import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Alarm, Calendar, Component, Event, vText

import netui
from netui.interchange.ical import CALENDAR_NAME, export_ics, followup_uid
from netui.model import Contact, FollowUp, Network
from netui.text import clean

NOW = datetime(2024, 5, 6, 7, 30, 15, tzinfo=UTC)
CREATED = datetime(2024, 5, 1, 8, 15, 42)  # naive local, as the store keeps it


@pytest.fixture
def paris(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The machine's time zone set to Europe/Paris (CEST, UTC+2 in May) for one test."""
    if not hasattr(time_module, "tzset"):
        pytest.skip("time.tzset is Unix-only")
    monkeypatch.setenv("TZ", "Europe/Paris")
    time_module.tzset()
    yield
    monkeypatch.undo()
    time_module.tzset()


def _network() -> Network:
    ada = Contact(
        id=1,
        name="Ada Lovelace",
        company="Analytical, Ltd",
        title="Engineer; R&D",
        email="ada@example.com",
        phone="+1 555 0100",
        linkedin="https://linkedin.com/in/ada",
    )
    bob = Contact(id=2, name="Bob Smith")  # nothing but a name
    followups = (
        FollowUp(id=3, text="Send CV, portfolio", due=date(2024, 5, 10), contact_id=1),
        FollowUp(id=1, text="Thank-you note", due=date(2024, 5, 8), contact_id=2),
        FollowUp(id=2, text="Ask about \\roles", due=date(2024, 5, 10), created=CREATED),
        FollowUp(id=4, text="Call back", due=date(2024, 5, 9), contact_id=99),  # deleted
        FollowUp(id=5, text="Done already", due=date(2024, 5, 7), contact_id=1, done=NOW),
    )
    return Network(contacts=(ada, bob), followups=followups)


def _calendar(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def _events(data: bytes) -> list[Component]:
    return _calendar(data).walk("VEVENT")


def _by_uid(data: bytes) -> dict[str, Component]:
    return {str(event["UID"]): event for event in _events(data)}


def _check_event(
    event: Component, followup: FollowUp, summary: str, description: str, created: str
) -> None:
    """Every property of `event` (and of its alarm), none missing and none extra."""
    expected = {
        "UID",
        "DTSTAMP",
        "LAST-MODIFIED",
        "DTSTART",
        "DTEND",
        "TRANSP",
        "SUMMARY",
        "DESCRIPTION",
        "CATEGORIES",
    }
    assert set(event.keys()) == expected | ({"CREATED"} if followup.created else set())
    assert str(event["UID"]) == f"netui-followup-{followup.id}-{created}@netui"
    assert str(event["SUMMARY"]) == summary
    assert str(event["DESCRIPTION"]) == description
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert type(start) is date and type(end) is date  # all-day: dates, not datetimes
    assert event["DTSTART"].params["VALUE"] == "DATE"
    assert event["DTEND"].params["VALUE"] == "DATE"
    assert start == followup.due
    assert end == followup.due + timedelta(days=1)
    assert event.decoded("DTSTAMP") == NOW
    assert event.decoded("DTSTAMP").utcoffset() == timedelta(0)
    assert event.decoded("LAST-MODIFIED") == NOW
    assert str(event["TRANSP"]) == "TRANSPARENT"
    assert [str(c) for c in event["CATEGORIES"].cats] == ["netui"]
    (alarm,) = event.subcomponents
    assert alarm.name == "VALARM"
    assert set(alarm.keys()) == {"ACTION", "DESCRIPTION", "TRIGGER"}
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert str(alarm["DESCRIPTION"]) == summary
    assert alarm.decoded("TRIGGER") == timedelta(hours=9)
    assert alarm["TRIGGER"].params.get("RELATED", "START") == "START"


# --- calendar and events --------------------------------------------------------------


def test_calendar_level_properties() -> None:
    calendar = _calendar(export_ics(_network(), NOW))
    assert calendar.name == "VCALENDAR"
    # No METHOD: a file to import or subscribe to is not an iTIP message, and
    # METHOD:PUBLISH would require an ORGANIZER on every event (RFC 5546 3.2.1).
    assert set(calendar.keys()) == {"VERSION", "PRODID", "CALSCALE", "X-WR-CALNAME"}
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == f"-//netui//netui {netui.__version__}//EN"
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    assert str(calendar["X-WR-CALNAME"]) == CALENDAR_NAME == "netui follow-ups"
    # Events only (calendar subscriptions ignore VTODO), no time zones needed.
    assert {c.name for c in calendar.subcomponents} == {"VEVENT"}


def test_every_field_of_every_open_followup() -> None:
    network = _network()
    events = _events(export_ics(network, NOW))
    followups = {f.id: f for f in network.followups}
    # Sorted by due date, then id; the done one (id 5) is left out.
    assert [str(e["UID"]).split("-")[2] for e in events] == ["1", "4", "2", "3"]
    thank, call, ask, send = events
    _check_event(
        send,
        followups[3],
        "Ada Lovelace: Send CV, portfolio",
        "Send CV, portfolio\n"
        "Engineer; R&D at Analytical, Ltd\n"
        "Email: ada@example.com\n"
        "Phone: +1 555 0100\n"
        "LinkedIn: https://linkedin.com/in/ada",
        "x",
    )
    _check_event(thank, followups[1], "Bob Smith: Thank-you note", "Thank-you note", "x")
    _check_event(ask, followups[2], "Ask about \\roles", "Ask about \\roles", "20240501T081542")
    # A contact that was deleted: name_of gives "", so the text stands alone.
    _check_event(call, followups[4], "Call back", "Call back", "x")


def test_raw_bytes_show_the_rfc_5545_forms() -> None:
    data = export_ics(_network(), NOW)
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    assert data.endswith(b"END:VCALENDAR\r\n")
    assert b"DTSTART;VALUE=DATE:20240510\r\n" in data
    assert b"DTEND;VALUE=DATE:20240511\r\n" in data
    assert b"DTSTAMP:20240506T073015Z\r\n" in data
    assert b"TRIGGER:PT9H\r\n" in data
    assert b"SUMMARY:Ada Lovelace: Send CV\\, portfolio\r\n" in data
    assert b"SUMMARY:Ask about \\\\roles\r\n" in data
    assert b"Engineer\\; R&D at Analytical\\, Ltd\\n" in data
    assert b"BEGIN:VTODO" not in data
    assert b"SEQUENCE" not in data


def test_done_followups_are_not_exported() -> None:
    network = Network(
        followups=(
            FollowUp(id=1, text="Done", due=date(2024, 5, 7), done=NOW.replace(tzinfo=None)),
        )
    )
    calendar = _calendar(export_ics(network, NOW))
    assert calendar.walk("VEVENT") == []
    assert str(calendar["X-WR-CALNAME"]) == CALENDAR_NAME  # still a valid, empty calendar


def test_empty_network_gives_an_empty_calendar() -> None:
    calendar = _calendar(export_ics(Network(), NOW))
    assert calendar.subcomponents == []
    assert "METHOD" not in calendar


def test_the_reminder_time_is_a_duration_from_the_start_of_the_day() -> None:
    data = export_ics(_network(), NOW, reminder=time(7, 45))
    assert b"TRIGGER:PT7H45M\r\n" in data
    for event in _events(data):
        (alarm,) = event.walk("VALARM")
        assert alarm.decoded("TRIGGER") == timedelta(hours=7, minutes=45)
    assert b"TRIGGER:P0D\r\n" in export_ics(_network(), NOW, reminder=time(0, 0))


def test_control_characters_are_cleaned_on_the_way_out() -> None:
    network = Network(
        contacts=(Contact(id=1, name="Eve\x1b[31m\tEvil", email="e@x.org\x00"),),
        followups=(FollowUp(id=1, text="Ping\u202e\nher\x07", due=date(2024, 5, 8), contact_id=1),),
    )
    (event,) = _events(export_ics(network, NOW))
    # In a one-line field, a control character (or a newline) becomes a space.
    assert str(event["SUMMARY"]) == "Eve [31m Evil: Ping her"
    assert str(event["DESCRIPTION"]) == "Ping her\nEmail: e@x.org"


@pytest.mark.parametrize(
    "text", ["Save to C:\\New folder\\Notes", "\\N", "\\\\N\\n", "a\\Nb, c;\\"]
)
def test_a_literal_backslash_before_capital_n_is_not_a_line_break(text: str) -> None:
    # icalendar 7 writes a literal "\N" as the newline escape; netui's writer does not.
    network = Network(followups=(FollowUp(id=1, text=text, due=date(2024, 5, 8)),))
    data = export_ics(network, NOW)
    (event,) = _events(data)
    assert str(event["SUMMARY"]) == str(event["DESCRIPTION"]) == text
    assert str(event.walk("VALARM")[0]["DESCRIPTION"]) == text
    (vcal,) = vobject.readComponents(data.decode("utf-8"))
    assert vcal.vevent.summary.value == text


def test_a_followup_without_id_is_refused() -> None:
    network = Network(followups=(FollowUp(text="Unsaved", due=date(2024, 5, 8)),))
    with pytest.raises(ValueError, match="no id"):
        export_ics(network, NOW)


# --- times and UIDs -------------------------------------------------------------------


def test_naive_times_are_local_and_become_utc(paris: None) -> None:
    network = Network(followups=(FollowUp(id=7, text="T", due=date(2024, 5, 8), created=CREATED),))
    data = export_ics(network, datetime(2024, 5, 6, 9, 30, 15, 123456))
    (event,) = _events(data)
    assert b"DTSTAMP:20240506T073015Z\r\n" in data  # 09:30:15 CEST, microseconds dropped
    assert b"CREATED:20240501T061542Z\r\n" in data
    assert event.decoded("CREATED") == datetime(2024, 5, 1, 6, 15, 42, tzinfo=UTC)
    # The UID keeps the stored wall-clock time: moving to another time zone must not
    # change it.
    assert str(event["UID"]) == "netui-followup-7-20240501T081542@netui"


def test_uid_does_not_depend_on_the_machine_time_zone(
    paris: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    network = Network(followups=(FollowUp(id=7, text="T", due=date(2024, 5, 8), created=CREATED),))
    in_paris = export_ics(network, NOW)
    monkeypatch.setenv("TZ", "America/New_York")
    time_module.tzset()
    in_new_york = export_ics(network, NOW)
    assert in_paris != in_new_york  # CREATED is the same instant seen from elsewhere...
    assert list(_by_uid(in_paris)) == list(_by_uid(in_new_york))  # ...but the UID holds


def test_uid_is_stable_when_text_and_due_date_change() -> None:
    network = _network()
    first = _by_uid(export_ics(network, NOW))
    edited = tuple(
        dataclasses.replace(f, text=f.text + " (edited)", due=f.due + timedelta(days=14))
        for f in network.followups
    )
    second = _by_uid(export_ics(dataclasses.replace(network, followups=edited), NOW))
    assert first.keys() == second.keys()
    for uid, event in second.items():
        assert str(event["SUMMARY"]).endswith(" (edited)")
        assert event.decoded("DTSTART") == first[uid].decoded("DTSTART") + timedelta(days=14)


def test_different_followups_get_different_uids() -> None:
    uids = list(_by_uid(export_ics(_network(), NOW)))
    assert len(uids) == len(set(uids)) == 4
    # The same id in two data files: the creation time tells them apart.
    one = FollowUp(id=1, text="T", due=date(2024, 5, 8), created=CREATED)
    other = dataclasses.replace(one, created=CREATED + timedelta(seconds=1))
    assert followup_uid(one) != followup_uid(other)
    assert followup_uid(one) != followup_uid(dataclasses.replace(one, id=2))
    assert followup_uid(dataclasses.replace(one, created=None)) == "netui-followup-1-x@netui"


def test_export_is_deterministic() -> None:
    assert export_ics(_network(), NOW) == export_ics(_network(), NOW)


# --- bytes: folding, line ends, UTF-8 -------------------------------------------------


LONG_NAMES = [
    "Zoë Ångström-Øre " * 6,
    "山田太郎" * 30,  # CJK: 3 octets each
    "😀🎉👩‍💻" * 30,  # emoji: 4 octets, and a ZWJ sequence
    "e\u0301" * 80,  # NFC composes these to é (2 octets)
    "a" * 73 + "😀" * 10,  # a 4-octet character right at the first fold
    "x, y; z\\ " * 20,  # escapes that lengthen the line
]


def _check_lines(data: bytes) -> None:
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")
    assert lines[-1] == b""
    for line in lines[:-1]:
        assert b"\n" not in line and b"\r" not in line  # CRLF only, no bare LF or CR
        assert len(line) <= 75, line
        line.decode("utf-8")  # each physical line is whole UTF-8: no sequence split
    data.decode("utf-8")


@pytest.mark.parametrize("name", LONG_NAMES)
def test_long_unicode_lines_fold_at_75_octets_and_round_trip(name: str) -> None:
    text = "Follow up about " + name
    network = Network(
        contacts=(Contact(id=1, name=name, company=name, title=name),),
        followups=(FollowUp(id=1, text=text, due=date(2024, 5, 8), contact_id=1),),
    )
    data = export_ics(network, NOW)
    _check_lines(data)
    stored_name, stored_text = clean(name, multiline=False), clean(text, multiline=False)
    (event,) = _events(data)
    assert str(event["SUMMARY"]) == f"{stored_name}: {stored_text}"
    assert str(event["DESCRIPTION"]) == f"{stored_text}\n{stored_name} at {stored_name}"
    assert b"\r\n " in data  # it really was folded


# --- properties -----------------------------------------------------------------------

_TRICKY = st.sampled_from([",", ";", "\\", "\n", "\r\n", ":", '"', "=", "\\n", "\\,", " "])
_ANY = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)  # no surrogates
_TEXT = st.builds(
    lambda prefix, parts: prefix + "".join(parts),
    st.sampled_from(["", "="]),
    st.lists(st.one_of(_ANY, _TRICKY), max_size=8),
)


@settings(deadline=None, max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(name=_TEXT, text=_TEXT, company=_TEXT, email=_TEXT)
def test_any_text_round_trips_through_export_and_parse(
    name: str, text: str, company: str, email: str
) -> None:
    # netui stores these fields as `clean(..., multiline=False)` gives them (no control
    # characters, newlines and runs of spaces made single spaces, NFC): that is the text
    # that must come back exactly. Newlines still go through the escaping, as the line
    # breaks of DESCRIPTION. The export cleans again, which changes nothing here.
    name, text, company, email = (clean(v, multiline=False) for v in (name, text, company, email))
    network = Network(
        contacts=(Contact(id=1, name=name, company=company, email=email),),
        followups=(FollowUp(id=1, text=text, due=date(2024, 5, 8), contact_id=1),),
    )
    data = export_ics(network, NOW)
    _check_lines(data)
    (event,) = _events(data)
    summary = f"{name}: {text}" if name else text
    description = "\n".join(
        [text] + ([company] if company else []) + ([f"Email: {email}"] if email else [])
    )
    assert str(event["SUMMARY"]) == summary
    assert str(event["DESCRIPTION"]) == description
    (alarm,) = event.walk("VALARM")
    assert str(alarm["DESCRIPTION"]) == (summary or "netui follow-up")
    # A second, independent parser reads the same text.
    (vcal,) = vobject.readComponents(data.decode("utf-8"))
    (vevent,) = vcal.vevent_list
    assert vevent.summary.value == summary
    assert vevent.description.value == description


def test_vobject_reads_the_same_events() -> None:
    data = export_ics(_network(), NOW)
    (vcal,) = vobject.readComponents(data.decode("utf-8"))
    assert "method" not in vcal.contents
    assert vcal.contents["x-wr-calname"][0].value == CALENDAR_NAME
    assert not vcal.contents.get("vtodo")
    ours = [(str(e["UID"]), str(e["SUMMARY"])) for e in _events(data)]
    theirs = [(v.uid.value, v.summary.value) for v in vcal.vevent_list]
    assert theirs == ours
    first = vcal.vevent_list[0]
    assert first.dtstart.value == date(2024, 5, 8)
    assert first.dtend.value == date(2024, 5, 9)
    assert first.valarm.trigger.value == timedelta(hours=9)
    assert first.valarm.action.value == "DISPLAY"


# --- the writer against the icalendar library ----------------------------------------
#
# netui writes the file itself (the library took ~30 s for 50,000 events). The library
# still builds the reference: the same calendar made with icalendar's own components,
# as ical.py did before, must read back equal to netui's, property by property.


class _Text(vText):
    """TEXT that keeps a literal backslash before a capital N (icalendar 7 alone writes
    it as a line break): each piece between the "\\N"s escaped by the library."""

    def to_ical(self) -> bytes:
        return b"\\\\N".join(vText(piece).to_ical() for piece in self.split("\\N"))


def _reference(network: Network, now: datetime, reminder: time) -> bytes:
    """The calendar as icalendar builds it (ical.py's former code, without METHOD)."""
    calendar = Calendar()
    for name, value in (
        ("version", "2.0"),
        ("prodid", f"-//netui//netui {netui.__version__}//EN"),
        ("calscale", "GREGORIAN"),
        ("x-wr-calname", CALENDAR_NAME),
    ):
        calendar.add(name, value)
    stamp = now.astimezone(UTC).replace(microsecond=0)
    for followup in sorted((f for f in network.followups if f.is_open), key=lambda f: f.due):
        contact = network.by_id.get(followup.contact_id or -1)
        text = clean(followup.text, multiline=False)
        name = clean(network.name_of(followup.contact_id), multiline=False)
        summary = f"{name}: {text}" if name else text
        lines = [text]
        if contact:
            company, title = (clean(v, multiline=False) for v in (contact.company, contact.title))
            if company or title:
                lines.append(f"{title} at {company}" if company and title else company or title)
            lines += [
                f"{label}: {value}"
                for label, value in (
                    ("Email", clean(contact.email, multiline=False)),
                    ("Phone", clean(contact.phone, multiline=False)),
                    ("LinkedIn", clean(contact.linkedin, multiline=False)),
                )
                if value
            ]
        event = Event()
        event.add("uid", followup_uid(followup))
        event.add("dtstamp", stamp)
        event.add("last-modified", stamp)
        if followup.created:
            event.add("created", followup.created.astimezone(UTC).replace(microsecond=0))
        event.add("dtstart", followup.due)
        event.add("dtend", followup.due + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        event.add("summary", _Text(summary))
        event.add("description", _Text("\n".join(lines)))
        event.add("categories", ["netui"])
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", _Text(summary or "netui follow-up"))
        offset = timedelta(hours=reminder.hour, minutes=reminder.minute, seconds=reminder.second)
        alarm.add("trigger", offset)
        event.add_component(alarm)
        calendar.add_component(event)
    ical: bytes = calendar.to_ical()
    return ical


def _decoded(component: Component) -> dict[str, object]:
    """Every property of `component` as a Python value, with its parameters."""
    values: dict[str, object] = {}
    for key in component:
        prop = component[key]
        value = [str(c) for c in prop.cats] if key == "CATEGORIES" else component.decoded(key)
        values[key] = (value, dict(prop.params))
    return values


def _same_calendar(ours: bytes, reference: bytes) -> None:
    mine, theirs = Calendar.from_ical(ours), Calendar.from_ical(reference)
    assert _decoded(mine) == _decoded(theirs)
    assert [c.name for c in mine.walk()] == [c.name for c in theirs.walk()]
    for a, b in zip(mine.walk(), theirs.walk(), strict=True):
        assert _decoded(a) == _decoded(b)


# Text no library should trust: every TEXT escape, the "\N" icalendar misreads, emoji
# and ZWJ sequences, combining accents, right-to-left script, control characters (cleaned
# on the way out), and lines long enough to fold several times.
HOSTILE = [
    "O'Brien, Seán",
    "VP, Sales; EMEA \\ APAC",
    "C:\\New folder\\notes\\N\\n\\,\\;",
    "\\",
    "a\\",
    "\\\\N",
    ",;,;\\\\,",
    "😀🎉👩‍💻 " * 9,
    "Zoe\u0308 e\u0301\u0301 a\u030a" * 6,  # combining marks (NFC composes the first ones)
    "שלום עולם, مرحبا",
    "tab\there\x00nul\x1b[31mred\x07bell\u202eoverride\x85nel\x7fdel",
    "line one\r\nline two\rline three\nline four",
    "x" * 74 + "é" + "y" * 74 + "😀" + "z" * 300,
    " leading and trailing spaces ",
    "=cmd|' /C calc'!A0",  # a spreadsheet formula: plain text here
    "U+2028\u2028and U+2029\u2029too",
]


def _hostile_network(text: str) -> Network:
    contact = Contact(
        id=1,
        name=text,
        company=text,
        title=text,
        email=text,
        phone=text,
        linkedin=text,
    )
    followups = (
        FollowUp(id=1, text=text, due=date(2024, 5, 8), contact_id=1, created=CREATED),
        FollowUp(id=2, text=text, due=date(1900, 1, 1)),
        FollowUp(id=3, text=text, due=date(2200, 12, 31), contact_id=1),
    )
    return Network(contacts=(contact,), followups=followups)


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_round_trips_field_by_field(text: str) -> None:
    network = _hostile_network(text)
    data = export_ics(network, NOW)
    _check_lines(data)
    line = clean(text, multiline=False)
    assert line  # none of HOSTILE is all control characters
    events = _events(data)
    assert len(events) == 3
    with_contact = "\n".join(
        [line, f"{line} at {line}"]
        + [f"{label}: {line}" for label in ("Email", "Phone", "LinkedIn")]
    )
    followups = {f.id: f for f in network.followups}
    _check_event(events[0], followups[2], line, line, "x")
    _check_event(events[1], followups[1], f"{line}: {line}", with_contact, "20240501T081542")
    _check_event(events[2], followups[3], f"{line}: {line}", with_contact, "x")
    _same_calendar(data, _reference(network, NOW, time(9, 0)))
    (vcal,) = vobject.readComponents(data.decode("utf-8"))
    assert vcal.validate(raiseException=True, complainUnrecognized=True)
    assert [e.description.value for e in vcal.vevent_list] == [line, with_contact, with_contact]


@settings(deadline=None, max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(
    texts=st.lists(_TEXT, min_size=6, max_size=6),
    reminder=st.times().map(lambda t: t.replace(microsecond=0)),
    created=st.one_of(st.none(), st.datetimes(datetime(1971, 1, 1), datetime(2100, 1, 1))),
)
def test_the_file_equals_what_icalendar_itself_builds(
    texts: list[str], reminder: time, created: datetime | None
) -> None:
    name, company, title, email, phone, text = (clean(t, multiline=False) for t in texts)
    contact = Contact(id=4, name=name, company=company, title=title, email=email, phone=phone)
    network = Network(
        contacts=(contact,),
        followups=(
            FollowUp(id=9, text=text, due=date(2030, 2, 28), contact_id=4, created=created),
        ),
    )
    data = export_ics(network, NOW, reminder=reminder)
    _check_lines(data)
    _same_calendar(data, _reference(network, NOW, reminder))


@pytest.mark.parametrize(
    ("reminder", "written"),
    [
        (time(0, 0), "P0D"),
        (time(9, 0), "PT9H"),
        (time(7, 45), "PT7H45M"),
        (time(9, 0, 30), "PT9H0M30S"),  # dur-hour needs a dur-minute before seconds
        (time(0, 0, 5), "PT5S"),
        (time(0, 3), "PT3M"),
        (time(23, 59, 59), "PT23H59M59S"),
    ],
)
def test_trigger_durations(reminder: time, written: str) -> None:
    data = export_ics(_network(), NOW, reminder=reminder)
    assert f"\r\nTRIGGER:{written}\r\n".encode() in data
    offset = timedelta(hours=reminder.hour, minutes=reminder.minute, seconds=reminder.second)
    for event in _events(data):
        assert event.walk("VALARM")[0].decoded("TRIGGER") == offset
    (vcal,) = vobject.readComponents(data.decode("utf-8"))
    assert vcal.vevent.valarm.trigger.value == offset


@pytest.mark.parametrize(
    "text",
    [
        "a" * 66,  # "SUMMARY:" + 66 = 74 octets: not folded
        "a" * 67,  # exactly 75: not folded
        "a" * 68,  # 76: folded once
        "a" * 66 + "é",  # é's two octets end at 76: the fold goes before it
        "a" * 65 + "😀",  # four octets spanning 74-77
        "é" * 200,
        "😀" * 100,
    ],
)
def test_folding_at_exactly_75_octets(text: str) -> None:
    network = Network(followups=(FollowUp(id=1, text=text, due=date(2024, 5, 8)),))
    data = export_ics(network, NOW)
    _check_lines(data)
    (summary,) = [
        line
        for line in data.replace(b"\r\n ", b"\x00").split(b"\r\n")
        if line.startswith(b"SUMMARY:")
    ]
    pieces = summary.split(b"\x00")
    assert b"".join(pieces) == b"SUMMARY:" + text.encode("utf-8")
    # Each physical line is filled as far as a whole character allows.
    for index, (piece, rest) in enumerate(itertools.pairwise(pieces)):
        width = len(piece) + (index > 0)  # a continuation line's leading space counts
        assert width <= 75 < width + len(rest.decode("utf-8")[0].encode("utf-8"))
    assert (len(b"SUMMARY:" + text.encode()) > 75) == (len(pieces) > 1)


def test_no_method_so_no_organizer_needed() -> None:
    data = export_ics(_network(), NOW)
    assert b"METHOD" not in data and b"ORGANIZER" not in data
