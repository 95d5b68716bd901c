"""The one range of dates netui keeps (1900-01-01 to 2200-12-31), at every entry and exit.

Quick-add and the form checks refuse a date outside it with a message naming the date
and the range; the imports skip a row holding one (with the reason in the preview); the
exports and the daily review handle both ends of it, and do not raise even for the
dates next to `date.min` and `date.max` that only a network built in memory can hold.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from netui.dates import DateRangeError
from netui.errors import NetuiError, QuickAddError
from netui.interchange.csvfile import (
    export_csv,
    read_contact_rows,
    read_contacts_csv,
    read_incoming,
)
from netui.interchange.ical import export_ics
from netui.interchange.linkedin import parse_connections, plan_import
from netui.interchange.merge import plan_contacts
from netui.interchange.plan import describe_plan
from netui.model import (
    EARLIEST,
    LATEST,
    Contact,
    FollowUp,
    Network,
    Note,
    NoteKind,
    Status,
)
from netui.quickadd import default_due, parse_followup, parse_note
from netui.report import render_review
from netui.review import Bucket, bucket, daily_review, week_start, weekly_counts
from netui.rhythm import RhythmState, cold_streak, rhythm_state, suggest_longer
from netui.validate import check_date

RANGE = "(1900-01-01 to 2200-12-31)"
TODAY = date(2026, 5, 22)  # a Friday
ANN = Contact("Ann Lee", id=1)
CONTACTS = [ANN, Contact("Bob Smith", id=2)]


# --- quick-add ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "line", "message"),
    [
        (TODAY, "Ann Lee: call 9999-12-31", f"9999-12-31 is outside the dates netui keeps {RANGE}"),
        (TODAY, "Ann: call on 9999-12-31", f"9999-12-31 is outside the dates netui keeps {RANGE}"),
        (TODAY, "Ann: call 1899-12-31", "1899-12-31 is outside"),
        (TODAY, "Ann: send it by dec 3 2300", "2300-12-03 (by dec 3 2300) is outside"),
        (TODAY, "Ann: call in 99999 days", "(in 99999 days) is outside"),
        (TODAY, "Ann: call in 500 years", "2526-05-22 (in 500 years) is outside"),
        (EARLIEST, "Ann: call 10000 days ago", "1872-08-15 (10000 days ago) is outside"),
        (TODAY, "Ann: 9999-12-31", "9999-12-31 is outside"),  # only a date, and out of range
        (TODAY, "Ann: in 500 years", "(in 500 years) is outside"),
        (LATEST, "Ann: call tomorrow", "2201-01-01 (tomorrow) is outside"),
        (LATEST, "Ann: call next week", "2201-01-05 (next week) is outside"),
        (
            date(2200, 12, 25),
            "Ann: call",
            f"a week from today is outside the dates netui keeps {RANGE}",
        ),
        (TODAY, "call 9999-12-31", "9999-12-31 is outside"),  # no contact: the same
    ],
)
def test_quick_add_refuses_a_follow_up_outside_the_range(
    today: date, line: str, message: str
) -> None:
    with pytest.raises(DateRangeError) as caught:
        parse_followup(line, CONTACTS, today)
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("today", "line", "due"),
    [
        (TODAY, "Ann: call 2200-12-31", LATEST),
        (TODAY, "Ann: call on 1900-01-01", EARLIEST),
        (date(2200, 12, 30), "Ann: call tomorrow", LATEST),
        (date(2200, 12, 24), "Ann: call", LATEST),  # no date: a week, to the last day
        (LATEST, "Ann: call today", LATEST),
        (EARLIEST, "Ann: call yesterday", None),
    ],
)
def test_quick_add_keeps_a_follow_up_at_either_end(
    today: date, line: str, due: date | None
) -> None:
    if due is None:
        with pytest.raises(DateRangeError, match=r"1899-12-31 \(yesterday\) is outside"):
            parse_followup(line, CONTACTS, today)
        return
    assert parse_followup(line, CONTACTS, today).due == due


def test_the_default_due_date_stops_at_the_last_day() -> None:
    assert default_due(date(2200, 12, 24)) == LATEST
    for today in (date(2200, 12, 25), LATEST, date.max):
        with pytest.raises(DateRangeError, match="no date given, and a week from today"):
            default_due(today)


@pytest.mark.parametrize(
    ("today", "line", "message"),
    [
        (TODAY, "Ann: 1899-12-31, call about the role", "1899-12-31 is outside"),
        (TODAY, "Ann: dec 3 2300, call", "2300-12-03 (dec 3 2300) is outside"),
        (TODAY, "Ann: 9999-12-31, call", "9999-12-31 is outside"),
        (EARLIEST, "Ann: yesterday, call", "1899-12-31 (yesterday) is outside"),
        (EARLIEST, "Ann: 10000 days ago, call", "(10000 days ago) is outside"),
        (TODAY, "Ann: 99999999999999999999 days ago, call", "too far away"),
        (date(2201, 1, 1), "Ann: coffee", "2201-01-01 (today) is outside"),  # a broken clock
    ],
)
def test_quick_add_refuses_a_note_outside_the_range(today: date, line: str, message: str) -> None:
    with pytest.raises(DateRangeError) as caught:
        parse_note(line, CONTACTS, today)
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("today", "line", "day"),
    [
        (EARLIEST, "Ann: coffee", EARLIEST),
        (LATEST, "Ann: coffee", LATEST),
        (date(1900, 1, 2), "Ann: yesterday, coffee", EARLIEST),
        (TODAY, "Ann: 1900-01-01, coffee", EARLIEST),
        (LATEST, "Ann: 2200-12-31, coffee", LATEST),  # (a note is never in the future)
    ],
)
def test_quick_add_keeps_a_note_at_either_end(today: date, line: str, day: date) -> None:
    assert parse_note(line, CONTACTS, today).date == day


# --- the form checks ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "today", "past", "message"),
    [
        ("9999-12-31", TODAY, False, f"9999-12-31 is outside the dates netui keeps {RANGE}"),
        ("1899-12-31", TODAY, True, f"1899-12-31 is outside the dates netui keeps {RANGE}"),
        ("0001-01-01", TODAY, True, "0001-01-01 is outside"),
        ("dec 3 2300", TODAY, False, "2300-12-03 (dec 3 2300) is outside"),
        ("in 500 years", TODAY, False, "(in 500 years) is outside"),
        ("10000 days ago", EARLIEST, True, "(10000 days ago) is outside"),
        ("tomorrow", LATEST, False, "2201-01-01 (tomorrow) is outside"),
        ("in 99999999999999999999 days", TODAY, False, "too far away"),
    ],
)
def test_a_form_date_outside_the_range_is_refused(
    text: str, today: date, past: bool, message: str
) -> None:
    with pytest.raises(QuickAddError) as caught:
        check_date(text, today, past=past)
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1900-01-01", EARLIEST), ("2200-12-31", LATEST), ("dec 31 2200", LATEST)],
)
def test_a_form_date_at_either_end_is_kept(text: str, expected: date) -> None:
    assert check_date(text, TODAY) == expected
    assert check_date(text, TODAY, past=True) == expected


# --- imports: LinkedIn --------------------------------------------------------------------

LINKEDIN_HEAD = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def test_a_linkedin_date_outside_the_range_skips_its_row_with_the_reason() -> None:
    text = LINKEDIN_HEAD + (
        "Ann,Lee,,,Acme,PM,31 Dec 9999\n"  # line 2
        "Bob,Smith,,,Globex,CTO,01 Jan 0001\n"  # line 3
        "Cy,Young,,,Initech,Dev,31/12/1899\n"  # line 4
        "Di,Prince,,,Themyscira,CEO,1899-12-31\n"  # line 5
        "Ed,Ng,,,Hooli,QA,not a date\n"  # line 6
        "Flo,Ray,,,Pied Piper,Ops,01 Jan 1900\n"  # line 7: the first day, kept
        "Gus,Fring,,,Pollos,Owner,31 Dec 2200\n"  # line 8: the last day, kept
        "Hal,Jordan,,,Ferris,Pilot,\n"  # line 9: no date, kept
    )
    rows = parse_connections(text)
    skips = {row.line: row.skip for row in rows if row.skip}
    assert skips == {
        2: f"Connected On 9999-12-31 is outside the dates netui keeps {RANGE}",
        3: f"Connected On 0001-01-01 is outside the dates netui keeps {RANGE}",
        4: f"Connected On 1899-12-31 is outside the dates netui keeps {RANGE}",
        5: f"Connected On 1899-12-31 is outside the dates netui keeps {RANGE}",
    }
    # No row carries a date outside the range, skipped or not.
    assert all(row.connected is None or EARLIEST <= row.connected <= LATEST for row in rows)

    plan = plan_import(rows, [])
    # A date that is not one imports the row undated (listed in the preview, below).
    assert [c.name for c in plan.added] == ["Ed Ng", "Flo Ray", "Gus Fring", "Hal Jordan"]
    assert [c.created for c in plan.added] == [
        None,
        datetime(1900, 1, 1, 9, 0),
        datetime(2200, 12, 31, 9, 0),
        None,
    ]
    preview = describe_plan(plan)
    assert preview.startswith("added 4, updated 0, unchanged 0, skipped 4: ")
    assert f"line 2 Connected On 9999-12-31 is outside the dates netui keeps {RANGE}" in preview
    assert "line 6" not in preview


# --- imports: CSV -------------------------------------------------------------------------


def _csv_file(tmp_path: Path, rows: list[list[str]]) -> Path:
    path = tmp_path / "contacts.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["name", "company", "created", "updated"])
        writer.writerows(rows)
    return path


def test_a_csv_date_outside_the_range_skips_its_row_with_the_reason(tmp_path: Path) -> None:
    path = _csv_file(
        tmp_path,
        [
            ["Ann Lee", "Acme", "9999-12-31T10:00:00", ""],  # line 2
            ["Bob Smith", "Globex", "2026-01-01T10:00:00", "0001-01-01T00:00:00"],  # line 3
            ["Cy Young", "Initech", "1899-12-31T23:59:59", ""],  # line 4
            ["Flo Ray", "Pied Piper", "1900-01-01T00:00:00", "2200-12-31T23:59:59"],  # kept
            ["Gus Fring", "Pollos", "", ""],  # kept
        ],
    )
    incoming = read_incoming(path)
    skips = {row.line: row.skip for row in incoming if row.skip}
    assert skips == {
        2: f"created 9999-12-31 is outside the dates netui keeps {RANGE}",
        3: f"updated 0001-01-01 is outside the dates netui keeps {RANGE}",
        4: f"created 1899-12-31 is outside the dates netui keeps {RANGE}",
    }
    plan = plan_contacts(incoming, [], "CSV")
    assert [c.name for c in plan.added] == ["Flo Ray", "Gus Fring"]
    preview = describe_plan(plan)
    assert preview.startswith("added 2, updated 0, unchanged 0, skipped 3: ")
    assert f"line 2 created 9999-12-31 is outside the dates netui keeps {RANGE}" in preview
    # The readers that give contacts leave the skipped rows out.
    assert [c.name for c in read_contacts_csv(path)] == ["Flo Ray", "Gus Fring"]
    assert [line for line, _c, _r in read_contact_rows(path)] == [5, 6]
    (flo,) = (c for c in read_contacts_csv(path) if c.name == "Flo Ray")
    assert (flo.created, flo.updated) == (
        datetime(1900, 1, 1, 0, 0, 0),
        datetime(2200, 12, 31, 23, 59, 59),
    )


def test_a_csv_date_that_is_no_date_still_refuses_the_file(tmp_path: Path) -> None:
    path = _csv_file(tmp_path, [["Ann Lee", "Acme", "yesterday-ish", ""]])
    with pytest.raises(NetuiError, match="line 2: 'yesterday-ish' in created is not a date"):
        read_incoming(path)


# --- exports ------------------------------------------------------------------------------

NOW = datetime(2026, 5, 22, 9, 0, 0)


def _edges() -> Network:
    """Follow-ups and notes on the first and the last day netui keeps, done and open,
    created at the very first and very last second of the range."""
    first, last = datetime.combine(EARLIEST, time()), datetime.combine(LATEST, time(23, 59, 59))
    ann = Contact("Ann Lee", id=1, created=first, updated=last, cadence_days=14)
    return Network(
        contacts=(ann,),
        followups=(
            FollowUp("call at the start", EARLIEST, 1, created=first, id=1),
            FollowUp("call at the end", LATEST, 1, created=last, id=2),
            FollowUp("done at the end", LATEST, 1, done=last, created=first, id=3),
        ),
        notes=(
            Note("met at the start", EARLIEST, 1, NoteKind.MEETING, created=first, id=1),
            Note("met at the end", LATEST, 1, NoteKind.MEETING, created=last, id=2),
        ),
    )


@pytest.mark.parametrize(
    "now", [NOW, datetime.combine(EARLIEST, time()), datetime(2200, 12, 31, 23, 59, 59)]
)
def test_ics_exports_due_dates_at_both_ends_with_their_alarms(now: datetime) -> None:
    data = export_ics(_edges(), now, reminder=time(9, 0))
    events = {str(e["SUMMARY"]): e for e in Calendar.from_ical(data).walk("VEVENT")}
    assert set(events) == {"Ann Lee: call at the start", "Ann Lee: call at the end"}
    start, end = events["Ann Lee: call at the start"], events["Ann Lee: call at the end"]
    assert (start.decoded("DTSTART"), start.decoded("DTEND")) == (EARLIEST, date(1900, 1, 2))
    assert (end.decoded("DTSTART"), end.decoded("DTEND")) == (LATEST, date(2201, 1, 1))
    for event in (start, end):
        (alarm,) = event.walk("VALARM")
        assert alarm.decoded("TRIGGER") == timedelta(hours=9)  # 09:00 on the due day
    assert b"DTSTART;VALUE=DATE:19000101\r\n" in data
    assert b"DTSTART;VALUE=DATE:22001231\r\n" in data


@pytest.mark.parametrize("due", [date(9999, 12, 31), date.max, date(1, 1, 1), date(1899, 12, 31)])
def test_ics_refuses_a_due_date_outside_the_range_with_a_message(due: date) -> None:
    network = Network(followups=(FollowUp("call", due, id=7),))
    with pytest.raises(NetuiError) as caught:
        export_ics(network, NOW)
    assert str(caught.value) == (
        f"follow-up 7 is due {due.isoformat()}, outside the dates netui keeps {RANGE}; "
        "nothing exported"
    )


def test_ics_survives_created_times_next_to_the_ends_of_datetime() -> None:
    network = Network(
        followups=(
            FollowUp("a", TODAY, created=datetime.min, id=1),
            FollowUp("b", TODAY, created=datetime.max.replace(microsecond=0), id=2),
        )
    )
    assert len(Calendar.from_ical(export_ics(network, NOW)).walk("VEVENT")) == 2


@pytest.mark.parametrize("what", ["contacts", "followups", "notes"])
def test_csv_exports_dates_at_both_ends(what: str) -> None:
    out = io.StringIO(newline="")
    export_csv(_edges(), what, out)  # type: ignore[arg-type]
    rows = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    cells = {cell for row in rows[1:] for cell in row}
    if what == "contacts":
        assert {"1900-01-01T00:00:00", "2200-12-31T23:59:59"} <= cells
    elif what == "followups":
        assert {"1900-01-01", "2200-12-31", "2200-12-31T23:59:59"} <= cells
    else:
        assert {"1900-01-01", "2200-12-31"} <= cells


def test_a_csv_export_at_both_ends_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "contacts.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        export_csv(_edges(), "contacts", out)
    (ann,) = read_contacts_csv(path)
    assert (ann.created, ann.updated) == (
        datetime.combine(EARLIEST, time()),
        datetime.combine(LATEST, time(23, 59, 59)),
    )


# --- the daily review and the rhythm ------------------------------------------------------

ENDS = [EARLIEST, LATEST]
EXTREMES = [date.min, date.max, date.min + timedelta(days=3), date.max - timedelta(days=3)]


@pytest.mark.parametrize("today", [*ENDS, TODAY])
def test_the_review_at_both_ends_of_the_range(today: date) -> None:
    network = _edges()
    review = daily_review(network, today)
    assert "netui daily review" in render_review(review, network)  # `netui today`
    assert len(review.weeks) == 8
    assert review.weeks[-1].start == week_start(today)
    due = {f.text for f in review.overdue + review.due_today + review.this_week}
    if today == EARLIEST:
        assert [f.text for f in review.due_today] == ["call at the start"]
        this_week = review.weeks[-1]
        assert (this_week.contacts_added, this_week.meetings, this_week.followups_done) == (1, 1, 0)
    elif today == LATEST:
        assert [f.text for f in review.overdue] == ["call at the start"]
        assert [f.text for f in review.due_today] == ["call at the end"]
        this_week = review.weeks[-1]
        assert (this_week.contacts_added, this_week.meetings, this_week.followups_done) == (0, 1, 1)
    else:
        assert due == {"call at the start"}


@pytest.mark.parametrize(
    ("due", "today", "expected"),
    [
        (LATEST, LATEST, Bucket.TODAY),
        (EARLIEST, LATEST, Bucket.OVERDUE),
        (LATEST, EARLIEST, Bucket.LATER),
        (EARLIEST, EARLIEST, Bucket.TODAY),
        (date.max, date.max, Bucket.TODAY),  # `today + 7 days` would overflow here
        (date.max, date.max - timedelta(days=3), Bucket.THIS_WEEK),
        (date.min, date.max, Bucket.OVERDUE),
        (date.max, date.min, Bucket.LATER),
    ],
)
def test_bucket_never_overflows(due: date, today: date, expected: Bucket) -> None:
    assert bucket(FollowUp("x", due), today) is expected


@pytest.mark.parametrize("today", EXTREMES)
def test_the_review_does_not_raise_next_to_date_min_and_date_max(today: date) -> None:
    moment = datetime.combine(today, time())
    ann = Contact("Ann Lee", id=1, created=moment, cadence_days=14, status=Status.LEAD)
    bob = Contact("Bob Smith", id=2, created=datetime.min, cadence_days=3650)
    network = Network(
        contacts=(ann, bob),
        followups=(
            FollowUp("at the far end", date.max, 1, id=1),
            FollowUp("at the near end", date.min, None, id=2),
            FollowUp("done", today, 2, done=moment, id=3),
        ),
        notes=(
            Note("met", today, 1, NoteKind.MEETING, created=moment, id=1),
            Note("old", date.min, 2, NoteKind.CALL, id=2),
        ),
    )
    review = daily_review(network, today, {"status": {"lead": 30}})
    assert review.weeks and review.weeks[-1].start == week_start(today)
    assert all(week.start >= date.min for week in review.weeks)
    assert len(weekly_counts(network, today)) == (8 if today > date.min + timedelta(weeks=8) else 1)


@pytest.mark.parametrize("today", [*ENDS, *EXTREMES])
@pytest.mark.parametrize("touch", [*ENDS, *EXTREMES])
def test_the_rhythm_rules_do_not_raise_at_either_end(today: date, touch: date) -> None:
    contact = Contact("Ann Lee", id=1, cadence_days=3650, created=datetime.combine(touch, time()))
    state = rhythm_state(contact, touch, today)
    assert state in set(RhythmState)
    assert cold_streak(contact, [touch, EARLIEST, LATEST], today) >= 0
    assert suggest_longer(contact, [touch, EARLIEST, LATEST], today) in (None, *range(1, 4000))
