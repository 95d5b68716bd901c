"""The daily review's rules (netui.review) and its text (netui.report), with a frozen today."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from netui.model import Contact, FollowUp, Network, Note, NoteKind, Status
from netui.report import render_review
from netui.review import (
    Bucket,
    bucket,
    daily_review,
    due_for_touch,
    going_cold,
    thank_yous_owed,
    uncontacted_leads,
    week_start,
    weekly_counts,
)
from netui.rhythm import RhythmState

TODAY = date(2026, 6, 3)  # a Wednesday
LONG_AGO = date(2026, 1, 5)


def at(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute))


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def person(
    contact_id: int,
    name: str,
    *,
    status: Status = Status.MET,
    cadence: int | None = None,
    created: datetime | None = None,
    referred_by: int | None = None,
    company: str = "",
) -> Contact:
    return Contact(
        name=name,
        id=contact_id,
        status=status,
        cadence_days=cadence,
        created=created if created is not None else at(LONG_AGO),
        referred_by=referred_by,
        company=company,
    )


def task(
    followup_id: int,
    contact_id: int | None,
    due: date,
    *,
    done: datetime | None = None,
    text: str = "follow up",
) -> FollowUp:
    return FollowUp(text=text, due=due, contact_id=contact_id, done=done, id=followup_id)


def note(
    note_id: int,
    contact_id: int | None,
    day: date,
    kind: NoteKind = NoteKind.NOTE,
    *,
    created: datetime | None = None,
    text: str = "notes",
) -> Note:
    return Note(
        text=text,
        date=day,
        contact_id=contact_id,
        kind=kind,
        created=created if created is not None else at(day, 18),
        id=note_id,
    )


def network(contacts=(), followups=(), notes=()) -> Network:
    return Network(contacts=tuple(contacts), followups=tuple(followups), notes=tuple(notes))


JANE = person(1, "Jane Doe")
BOB = person(2, "Bob Smith")


# --- buckets ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        (date(2025, 12, 31), Bucket.OVERDUE),
        (days_ago(1), Bucket.OVERDUE),
        (TODAY, Bucket.TODAY),
        (TODAY + timedelta(days=1), Bucket.THIS_WEEK),
        (TODAY + timedelta(days=6), Bucket.THIS_WEEK),
        (TODAY + timedelta(days=7), Bucket.LATER),
        (date(2027, 1, 1), Bucket.LATER),
    ],
)
def test_bucket(due: date, expected: Bucket) -> None:
    assert bucket(task(1, None, due), TODAY) is expected


def test_review_sorts_open_follow_ups_into_buckets_by_due_date() -> None:
    followups = [
        task(1, 1, TODAY + timedelta(days=2)),
        task(2, 1, days_ago(3)),
        task(3, 2, TODAY),
        task(4, None, days_ago(10)),
        task(5, 2, TODAY + timedelta(days=30)),
        task(6, 1, days_ago(1), done=at(days_ago(1))),  # done: in no bucket
        task(7, 2, TODAY, done=at(TODAY)),
        task(8, 2, TODAY + timedelta(days=1)),
    ]
    review = daily_review(network([JANE, BOB], followups), TODAY)
    assert [f.id for f in review.overdue] == [4, 2]
    assert [f.id for f in review.due_today] == [3]
    assert [f.id for f in review.this_week] == [8, 1]
    assert review.today == TODAY
    assert not review.all_clear


def test_all_clear_ignores_the_coming_week_and_leads() -> None:
    lead = person(3, "Lee Lead", status=Status.LEAD)
    review = daily_review(network([JANE, lead], [task(1, 1, TODAY + timedelta(days=2))]), TODAY)
    assert review.all_clear
    assert review.leads == [lead]


# --- thank-you notes owed -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("age", "owed"), [(0, True), (1, True), (2, True), (3, False), (-1, False)]
)
def test_thank_you_is_owed_for_two_days_after_a_meeting(age: int, owed: bool) -> None:
    meeting = note(1, JANE.id, days_ago(age), NoteKind.MEETING)
    found = thank_yous_owed(network([JANE], notes=[meeting]), TODAY)
    assert [(t.contact, t.meeting) for t in found] == ([(JANE, meeting)] if owed else [])


@pytest.mark.parametrize("kind", [NoteKind.EMAIL, NoteKind.CALL])
def test_no_thank_you_owed_after_an_email_or_call(kind: NoteKind) -> None:
    notes = [note(1, 1, days_ago(1), NoteKind.MEETING), note(2, 1, TODAY, kind)]
    assert thank_yous_owed(network([JANE], notes=notes), TODAY) == []


def test_a_later_meeting_owes_its_own_thank_you() -> None:
    notes = [note(1, 1, days_ago(2), NoteKind.MEETING), note(2, 1, TODAY, NoteKind.MEETING)]
    [owed] = thank_yous_owed(network([JANE], notes=notes), TODAY)
    assert owed.meeting.id == 2


def test_a_plain_note_after_the_meeting_is_no_thank_you() -> None:
    notes = [note(1, 1, days_ago(1), NoteKind.MEETING), note(2, 1, TODAY, NoteKind.NOTE)]
    assert [t.contact for t in thank_yous_owed(network([JANE], notes=notes), TODAY)] == [JANE]


def test_an_email_before_the_meeting_is_no_thank_you() -> None:
    notes = [note(1, 1, days_ago(5), NoteKind.EMAIL), note(2, 1, days_ago(1), NoteKind.MEETING)]
    assert [t.contact for t in thank_yous_owed(network([JANE], notes=notes), TODAY)] == [JANE]


def test_same_day_email_counts_only_if_written_after_the_meeting() -> None:
    day = days_ago(1)
    meeting = note(1, 1, day, NoteKind.MEETING, created=at(day, 12))
    email_after = note(2, 1, day, NoteKind.EMAIL, created=at(day, 17))
    email_before = note(3, 1, day, NoteKind.EMAIL, created=at(day, 8))
    assert thank_yous_owed(network([JANE], notes=[meeting, email_after]), TODAY) == []
    assert len(thank_yous_owed(network([JANE], notes=[meeting, email_before]), TODAY)) == 1


def test_an_open_follow_up_for_the_person_is_the_thank_you_planned() -> None:
    notes = [note(1, 1, days_ago(1), NoteKind.MEETING)]
    planned = [task(1, 1, TODAY + timedelta(days=1), text="send thanks")]
    assert thank_yous_owed(network([JANE], planned, notes), TODAY) == []
    # ... but one for somebody else is not.
    other = [task(1, 2, TODAY + timedelta(days=1))]
    assert len(thank_yous_owed(network([JANE, BOB], other, notes), TODAY)) == 1


def test_a_follow_up_done_after_the_meeting_is_the_thank_you_sent() -> None:
    notes = [note(1, 1, days_ago(1), NoteKind.MEETING)]
    sent = [task(1, 1, TODAY, done=at(TODAY, 10), text="send thanks")]
    assert thank_yous_owed(network([JANE], sent, notes), TODAY) == []


def test_a_follow_up_done_before_the_meeting_is_not_its_thank_you() -> None:
    day = days_ago(1)
    notes = [note(1, 1, day, NoteKind.MEETING, created=at(day, 15))]
    earlier = [task(1, 1, days_ago(3), done=at(days_ago(3)), text="prepare questions")]
    same_day_before = [task(2, 1, day, done=at(day, 8), text="prepare questions")]
    assert len(thank_yous_owed(network([JANE], earlier, notes), TODAY)) == 1
    assert len(thank_yous_owed(network([JANE], same_day_before, notes), TODAY)) == 1


def test_thank_yous_ignore_notes_without_a_contact_or_of_deleted_contacts() -> None:
    notes = [note(1, None, TODAY, NoteKind.MEETING), note(2, 99, TODAY, NoteKind.MEETING)]
    assert thank_yous_owed(network([JANE], notes=notes), TODAY) == []


def test_thank_yous_oldest_meeting_first_then_by_name() -> None:
    zed = person(3, "Zed Zane")
    notes = [
        note(1, 3, days_ago(2), NoteKind.MEETING),
        note(2, 2, TODAY, NoteKind.MEETING),
        note(3, 1, TODAY, NoteKind.MEETING),
    ]
    found = thank_yous_owed(network([JANE, BOB, zed], notes=notes), TODAY)
    assert [t.contact.name for t in found] == ["Zed Zane", "Bob Smith", "Jane Doe"]


# --- going cold ---------------------------------------------------------------------------


def test_never_touched_contact_counts_from_creation() -> None:
    # Cold at 1.5 times the rhythm (45 days for 30); due at the rhythm until then.
    contact = person(1, "Jane Doe", cadence=30, created=at(days_ago(45)))
    [cold] = going_cold(network([contact]), TODAY)
    assert (cold.contact, cold.last_touch, cold.days_since) == (contact, days_ago(45), 45)
    assert (cold.cadence, cold.state) == (30, RhythmState.COLD)
    due = person(1, "Jane Doe", cadence=30, created=at(days_ago(44)))
    assert going_cold(network([due]), TODAY) == []
    assert [c.days_since for c in due_for_touch(network([due]), TODAY)] == [44]
    fresh = person(1, "Jane Doe", cadence=30, created=at(days_ago(29)))
    assert going_cold(network([fresh]), TODAY) == due_for_touch(network([fresh]), TODAY) == []


@pytest.mark.parametrize(
    ("age", "state"),
    [(13, None), (14, "due"), (15, "due"), (20, "due"), (21, "cold"), (200, "cold")],
)
def test_due_at_the_rhythm_and_cold_at_one_and_a_half_times_since_the_last_note(
    age: int, state: str | None
) -> None:
    contact = person(1, "Jane Doe", cadence=14)
    notes = [note(1, 1, days_ago(age), NoteKind.EMAIL), note(2, 1, days_ago(age + 40))]
    net = network([contact], notes=notes)
    cold = going_cold(net, TODAY)
    due = due_for_touch(net, TODAY)
    expected = [(days_ago(age), age)]
    assert [(c.last_touch, c.days_since) for c in cold] == (expected if state == "cold" else [])
    assert [(c.last_touch, c.days_since) for c in due] == (expected if state == "due" else [])


def test_no_rhythm_never_goes_cold() -> None:
    assert going_cold(network([person(1, "Jane", cadence=None)]), TODAY) == []
    assert going_cold(network([person(1, "Jane", cadence=0)]), TODAY) == []


def test_a_done_follow_up_is_a_touch() -> None:
    contact = person(1, "Jane Doe", cadence=14)
    notes = [note(1, 1, days_ago(60), NoteKind.MEETING)]
    done = [task(1, 1, days_ago(5), done=at(days_ago(3)))]
    assert going_cold(network([contact], done, notes), TODAY) == []
    [cold] = going_cold(network([contact], notes=notes), TODAY)
    assert cold.last_touch == days_ago(60)


def test_an_open_follow_up_means_not_cold() -> None:
    contact = person(1, "Jane Doe", cadence=14)
    planned = [task(1, 1, days_ago(10))]  # even an overdue one: it is in the review already
    assert going_cold(network([contact], planned), TODAY) == []


def test_logging_an_interaction_resets_the_rhythm() -> None:
    contact = person(1, "Jane Doe", cadence=14)
    notes = [note(1, 1, days_ago(21), NoteKind.CALL)]
    assert len(going_cold(network([contact], notes=notes), TODAY)) == 1
    notes.append(note(2, 1, TODAY, NoteKind.EMAIL))
    assert going_cold(network([contact], notes=notes), TODAY) == []
    assert due_for_touch(network([contact], notes=notes), TODAY) == []


def test_a_contact_without_creation_date_or_touch_is_left_out() -> None:
    contact = Contact("Jane Doe", id=1, cadence_days=7)
    assert going_cold(network([contact]), TODAY) == []


def test_coldest_relative_to_rhythm_first() -> None:
    a = person(1, "A", cadence=7, created=at(days_ago(11)))  # 4 days past (cold at 11)
    b = person(2, "B", cadence=30, created=at(days_ago(50)))  # 20 days past
    c = person(3, "C", cadence=14, created=at(days_ago(24)))  # 10 days past
    assert [x.contact.name for x in going_cold(network([a, b, c]), TODAY)] == ["B", "C", "A"]


# --- leads --------------------------------------------------------------------------------


def test_leads_referred_first_then_the_others_newest_first() -> None:
    old = person(3, "Old Lead", status=Status.LEAD, created=at(date(2026, 1, 1)))
    new = person(4, "New Lead", status=Status.LEAD, created=at(date(2026, 5, 1)))
    referred = person(
        5, "Referred", status=Status.LEAD, created=at(date(2026, 6, 1)), referred_by=1
    )
    contacted = person(6, "Emailed", status=Status.CONTACTED)
    found = uncontacted_leads(network([JANE, new, referred, contacted, old]))
    # The others newest first: a name added by hand before old LinkedIn connections.
    assert [c.name for c in found] == ["Referred", "New Lead", "Old Lead"]


# --- weekly counts ------------------------------------------------------------------------


def test_week_start_is_monday() -> None:
    assert week_start(date(2026, 6, 3)) == date(2026, 6, 1)
    assert week_start(date(2026, 5, 31)) == date(2026, 5, 25)  # a Sunday
    assert week_start(date(2026, 6, 1)) == date(2026, 6, 1)


def test_weekly_counts_over_eight_weeks_across_month_ends() -> None:
    contacts = [
        person(1, "Sun May 31", created=at(date(2026, 5, 31), 23, 59)),
        person(2, "Mon Jun 1", created=at(date(2026, 6, 1), 0, 1)),
        person(3, "Today", created=at(TODAY)),
        person(4, "First week", created=at(date(2026, 4, 13))),
        person(5, "Too old", created=at(date(2026, 4, 12), 23, 59)),
    ]
    notes = [
        note(1, 1, date(2026, 4, 30), NoteKind.MEETING),  # Thu, week of Apr 27
        note(2, 1, date(2026, 5, 1), NoteKind.MEETING),  # Fri, same week
        note(3, 1, date(2026, 5, 31), NoteKind.MEETING),
        note(4, 1, date(2026, 5, 31), NoteKind.CALL),  # not a meeting
        note(5, 1, date(2026, 4, 12), NoteKind.MEETING),  # before the 8 weeks
        note(6, 1, TODAY + timedelta(days=2), NoteKind.MEETING),  # planned, not held
    ]
    followups = [
        task(1, 1, TODAY, done=at(date(2026, 5, 31), 23, 59)),
        task(2, 1, TODAY, done=at(date(2026, 6, 1), 0, 0)),
        task(3, 1, TODAY),  # open
    ]
    weeks = weekly_counts(network(contacts, followups, notes), TODAY)
    starts = [date(2026, 4, 13) + timedelta(weeks=i) for i in range(8)]
    assert [w.start for w in weeks] == starts
    assert starts[-1] == date(2026, 6, 1)
    table = {w.start: (w.contacts_added, w.meetings, w.followups_done) for w in weeks}
    assert table == {
        date(2026, 4, 13): (1, 0, 0),
        date(2026, 4, 20): (0, 0, 0),
        date(2026, 4, 27): (0, 2, 0),
        date(2026, 5, 4): (0, 0, 0),
        date(2026, 5, 11): (0, 0, 0),
        date(2026, 5, 18): (0, 0, 0),
        date(2026, 5, 25): (1, 1, 1),
        date(2026, 6, 1): (2, 0, 1),
    }
    review = daily_review(network(contacts, followups, notes), TODAY)
    assert review.this_weeks_counts == weeks[-1]


def test_weekly_counts_on_a_sunday_end_with_the_week_it_closes() -> None:
    sunday = date(2026, 5, 31)
    weeks = weekly_counts(network([person(1, "A", created=at(sunday))]), sunday)
    assert len(weeks) == 8
    assert weeks[0].start == date(2026, 4, 6)
    assert (weeks[-1].start, weeks[-1].contacts_added) == (date(2026, 5, 25), 1)


# --- the review as text -------------------------------------------------------------------


def _small_network() -> Network:
    jane = person(1, "Jane Doe", company="Acme")
    bob = person(2, "Bob Smith")
    cara = person(3, "Cara Cold", cadence=14, created=at(date(2026, 3, 1)))
    lee = person(
        4, "Lee Lead", status=Status.LEAD, referred_by=1, company="Globex", created=at(TODAY)
    )
    followups = [
        task(1, 1, date(2026, 6, 1), text="send the portfolio"),
        task(2, 1, TODAY, text="call about the role"),
        task(3, None, date(2026, 6, 5), text="update resume"),
    ]
    notes = [
        note(1, 2, date(2026, 6, 2), NoteKind.MEETING),
        note(2, 3, date(2026, 5, 1), NoteKind.EMAIL),
    ]
    return network([jane, bob, cara, lee], followups, notes)


def test_render_review_of_a_small_network() -> None:
    net = _small_network()
    text = render_review(daily_review(net, TODAY), net)
    lines = text.splitlines()
    assert lines[0] == "netui daily review — Wednesday 3 June 2026"
    assert "Overdue (1)" in lines
    overdue = lines[lines.index("Overdue (1)") + 1]
    assert "Mon 1 Jun (2 days ago)" in overdue
    assert "Jane Doe" in overdue and "send the portfolio" in overdue
    assert "Due today (1)" in lines
    today = lines[lines.index("Due today (1)") + 1]
    assert "Wed 3 Jun (today)" in today and "call about the role" in today
    assert "Thank-you notes owed (1)" in lines
    assert "  Bob Smith — met Tue 2 Jun" in lines
    assert "Going cold (1)" in lines
    assert "  Cara Cold — last touch Fri 1 May (33 days; rhythm 14 days)" in lines
    assert "Coming up this week (1)" in lines
    week = lines[lines.index("Coming up this week (1)") + 1]
    assert "Fri 5 Jun (in 2 days)" in week and "—" in week and "update resume" in week
    assert "Leads not contacted yet (1)" in lines
    assert "  Lee Lead @ Globex — via Jane Doe" in lines
    assert "All clear" not in text
    assert lines[-1] == "This week so far: 1 contact added, 1 meeting held, 0 follow-ups done."
    # The sections come in the order of urgency.
    order = ["Overdue", "Due today", "Thank-you", "Going cold", "Coming up", "Leads", "This week"]
    positions = [next(i for i, line in enumerate(lines) if line.startswith(o)) for o in order]
    assert positions == sorted(positions)


def test_render_review_all_clear() -> None:
    text = render_review(daily_review(network(), TODAY), network())
    assert "All clear: nothing overdue, due today, owed or going cold." in text
    assert "Overdue" not in text and "Going cold" not in text
    assert text.endswith(
        "This week so far: 0 contacts added, 0 meetings held, 0 follow-ups done.\n"
    )


def test_render_review_counts_what_it_does_not_show() -> None:
    followups = [task(i, 1, days_ago(1), text=f"task {i}") for i in range(1, 21)]
    net = network([JANE], followups)
    text = render_review(daily_review(net, TODAY), net)
    assert "Overdue (20)" in text
    assert "task 15" in text and "task 16" not in text
    assert "  … and 5 more" in text


def test_render_review_never_prints_control_characters() -> None:
    evil = person(1, "Eve\x1b]52;c;aGk=\x07 \x1b[2J[b]Evil", status=Status.LEAD)
    followups = [task(1, 1, TODAY, text="wipe\x1b[2J\nscreen\u202e")]
    net = network([evil], followups)
    text = render_review(daily_review(net, TODAY), net)
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert "[b]Evil" in text  # markup-like text is printed as it is
    assert "wipe [2J screen" in text  # one line per row
