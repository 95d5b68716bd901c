"""The reply clock (Dalton's 3B7): its transitions in business days, what the review's
"Waiting for a reply" section says, the responsiveness labels and the reply rates."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from netui.model import Contact, Network, Note, NoteKind, Status
from netui.replies import (
    Label,
    ReplyRate,
    Stage,
    clock_stage,
    describe_rates,
    how_met_group,
    reply_rates,
    responsiveness,
    waiting_for_replies,
)
from netui.workdays import add_business_days

WED = date(2026, 11, 18)
"""The day of the first message in most tests (a Wednesday)."""

ANA = Contact("Ana Lopez", company="Globex", status=Status.MET, id=1)
PRIYA = Contact("Priya Patel", company="Acme", referred_by=1, status=Status.CONTACTED, id=2)
LEE = Contact("Lee Wong", company="Acme", status=Status.MET, id=3)
SAM = Contact("Sam Ruiz", company="ACME ", id=4)


def network(*notes: Note, contacts: tuple[Contact, ...] = (ANA, PRIYA, LEE, SAM)) -> Network:
    numbered = tuple(replace(n, id=i) for i, n in enumerate(notes, start=1))
    return Network(contacts=contacts, notes=numbered)


def sent(contact: Contact, day: date) -> Note:
    return Note("First message", day, contact.id, NoteKind.OUTREACH)


def answered(contact: Contact, day: date, kind: NoteKind = NoteKind.REPLY) -> Note:
    return Note("Their answer", day, contact.id, kind)


def on(n: int, start: date = WED) -> date:
    """`n` business days after `start`."""
    return add_business_days(start, n)


def texts(net: Network, today: date) -> list[str]:
    return [row.text for row in waiting_for_replies(net, today)]


# --- the clock's stages ---------------------------------------------------------------------


def test_nothing_is_listed_before_3_business_days() -> None:
    net = network(sent(PRIYA, WED))
    assert texts(net, WED) == []
    assert texts(net, on(2)) == []
    assert clock_stage(PRIYA, net, on(2)) is Stage.WAITING


def test_at_3_business_days_try_the_best_person_in_at_the_company() -> None:
    net = network(sent(PRIYA, WED))

    rows = waiting_for_replies(net, on(3))

    assert [r.text for r in rows] == [
        "No reply from Priya Patel (3 business days): try Lee Wong at Acme"
    ]
    assert rows[0].stage is Stage.TRY_ANOTHER
    assert (rows[0].days, rows[0].suggested_id, rows[0].since) == (3, LEE.id, WED)
    assert texts(net, on(6)) == [
        "No reply from Priya Patel (6 business days): try Lee Wong at Acme"
    ]


def test_the_weekend_does_not_count() -> None:
    friday = date(2026, 11, 20)
    net = network(sent(PRIYA, friday))
    assert texts(net, date(2026, 11, 23)) == []  # Monday: 1 business day
    assert texts(net, date(2026, 11, 24)) == []  # Tuesday: 2
    assert texts(net, date(2026, 11, 25)) == [  # Wednesday: 3
        "No reply from Priya Patel (3 business days): try Lee Wong at Acme"
    ]


def test_at_7_business_days_follow_up_once() -> None:
    net = network(sent(PRIYA, WED))
    rows = waiting_for_replies(net, on(7))
    assert [(r.stage, r.text) for r in rows] == [
        (Stage.FOLLOW_UP, "Follow up once with Priya Patel")
    ]
    assert texts(net, on(30)) == ["Follow up once with Priya Patel"]


def test_after_the_follow_up_wait_7_more_then_move_on() -> None:
    follow_up = on(7)
    net = network(sent(PRIYA, WED), sent(PRIYA, follow_up))
    assert texts(net, follow_up) == []
    assert texts(net, on(6, follow_up)) == []
    rows = waiting_for_replies(net, on(7, follow_up))
    assert [(r.stage, r.text, r.days, r.since) for r in rows] == [
        (Stage.MOVE_ON, "Priya Patel has not replied: move on", 7, follow_up)
    ]


def test_a_third_outreach_while_waiting_changes_nothing() -> None:
    follow_up = on(7)
    net = network(sent(PRIYA, WED), sent(PRIYA, follow_up), sent(PRIYA, on(3, follow_up)))
    assert texts(net, on(7, follow_up)) == ["Priya Patel has not replied: move on"]


def test_moving_on_closes_the_clock_as_no_reply() -> None:
    follow_up = on(7)
    moved = replace(PRIYA, moved_on=on(7, follow_up))
    net = network(sent(PRIYA, WED), sent(PRIYA, follow_up), contacts=(ANA, moved, LEE, SAM))
    assert texts(net, on(8, follow_up)) == []
    assert responsiveness(net) == {PRIYA.id: Label.NONE}
    assert Label.NONE.text == "no reply"


def test_moving_on_before_a_new_outreach_leaves_the_new_clock_running() -> None:
    moved = replace(PRIYA, moved_on=WED)
    net = network(sent(PRIYA, WED), sent(PRIYA, on(20)), contacts=(ANA, moved, LEE, SAM))
    assert responsiveness(net) == {PRIYA.id: Label.NONE}  # the first: no reply
    assert texts(net, on(27)) == ["Follow up once with Priya Patel"]  # the second runs


def test_a_reply_the_day_of_moving_on_counts_as_a_reply() -> None:
    moved = replace(PRIYA, moved_on=on(5))
    net = network(sent(PRIYA, WED), answered(PRIYA, on(5)), contacts=(ANA, moved, LEE, SAM))
    assert responsiveness(net) == {PRIYA.id: Label.LATE}


def test_a_reply_after_moving_on_makes_it_a_late_reply() -> None:
    moved = replace(PRIYA, moved_on=on(15))
    net = network(sent(PRIYA, WED), answered(PRIYA, on(20)), contacts=(ANA, moved, LEE, SAM))
    assert responsiveness(net) == {PRIYA.id: Label.LATE}


# --- what stops a clock ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "kind", [NoteKind.REPLY, NoteKind.CALL, NoteKind.MEETING, NoteKind.COFFEE, NoteKind.EVENT]
)
def test_anything_from_them_stops_the_clock(kind: NoteKind) -> None:
    net = network(sent(PRIYA, WED), answered(PRIYA, on(2), kind))
    assert texts(net, on(10)) == []
    assert clock_stage(PRIYA, net, on(10)) is None
    assert responsiveness(net) == {PRIYA.id: Label.FAST}


@pytest.mark.parametrize("kind", [NoteKind.EMAIL, NoteKind.NOTE])
def test_an_email_or_a_note_does_not_stop_the_clock(kind: NoteKind) -> None:
    net = network(sent(PRIYA, WED), answered(PRIYA, on(1), kind))
    assert texts(net, on(7)) == ["Follow up once with Priya Patel"]
    assert responsiveness(net) == {}


def test_a_reply_before_any_outreach_starts_nothing() -> None:
    net = network(answered(PRIYA, WED), sent(PRIYA, on(1)))
    assert texts(net, on(4)) == [
        "No reply from Priya Patel (3 business days): try Lee Wong at Acme"
    ]


def test_notes_are_taken_in_date_order_whatever_order_they_were_saved_in() -> None:
    net = network(answered(PRIYA, on(4)), sent(PRIYA, WED))
    assert responsiveness(net) == {PRIYA.id: Label.LATE}


# --- labels ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("after", "label"), [(0, Label.FAST), (3, Label.FAST), (4, Label.LATE), (12, Label.LATE)]
)
def test_the_label_is_fast_within_3_business_days(after: int, label: Label) -> None:
    net = network(sent(PRIYA, WED), answered(PRIYA, on(after)))
    assert responsiveness(net) == {PRIYA.id: label}


def test_the_label_comes_from_the_most_recent_finished_clock() -> None:
    net = network(
        sent(PRIYA, WED),
        answered(PRIYA, on(10)),  # late the first time
        sent(PRIYA, on(20)),
        answered(PRIYA, on(21)),  # fast the second
        sent(PRIYA, on(30)),  # and a third still running
    )
    assert responsiveness(net) == {PRIYA.id: Label.FAST}
    assert [label.text for label in Label] == ["replies fast", "replies late", "no reply"]


# --- whom to try next ------------------------------------------------------------------------


def test_the_suggestion_leaves_out_anyone_being_waited_for() -> None:
    net = network(sent(PRIYA, WED), sent(LEE, on(-1)))
    # Lee is the best path in at Acme, but a message to him is waiting for its answer
    # (and Priya, reached since his, was his second try: nothing for him today).
    assert texts(net, on(3)) == [
        "No reply from Priya Patel (3 business days): try Sam Ruiz at Acme",
    ]


def test_someone_else_reached_at_the_company_since_is_the_step_done() -> None:
    net = network(sent(PRIYA, WED), sent(LEE, on(3)))

    def priya(today: date) -> list[str]:
        return [r.text for r in waiting_for_replies(net, today) if r.contact.id == PRIYA.id]

    assert priya(on(3)) == []
    assert priya(on(6)) == []
    assert priya(on(7)) == ["Follow up once with Priya Patel"]
    # Lee, the second person, gets the same rule in turn (Priya is being waited for).
    assert texts(net, on(6)) == ["No reply from Lee Wong (3 business days): try Sam Ruiz at Acme"]


def test_nobody_else_there_means_add_someone() -> None:
    net = network(sent(PRIYA, WED), contacts=(ANA, PRIYA))
    assert texts(net, on(3)) == ["No reply from Priya Patel (3 business days): add someone at Acme"]
    rows = waiting_for_replies(net, on(3))
    assert rows[0].suggested_id is None


def test_no_company_means_someone_else_in_their_field() -> None:
    loner = Contact("Kim Yu", id=9)
    net = network(sent(loner, WED), contacts=(ANA, loner))
    assert texts(net, on(3)) == [
        "No reply from Kim Yu (3 business days): add someone else in their field"
    ]


def test_someone_who_never_replied_is_not_suggested() -> None:
    silent = replace(LEE, moved_on=on(-5))
    net = network(sent(LEE, on(-20)), sent(PRIYA, WED), contacts=(ANA, PRIYA, silent, SAM))
    assert texts(net, on(3)) == [
        "No reply from Priya Patel (3 business days): try Sam Ruiz at Acme"
    ]


def test_the_section_is_follow_ups_then_second_people_then_moving_on() -> None:
    others = (
        Contact("Bo Chen", company="Initech", id=5),
        Contact("Cy Diaz", company="Hooli", id=6),
        Contact("Di Ek", company="Hooli", id=7),
    )
    bo, cy, di = others
    net = network(
        sent(bo, on(-20)),
        sent(bo, on(-7)),  # bo: moving on today
        sent(cy, WED),  # cy: try another today
        sent(di, on(-4)),  # di: follow up today
        sent(PRIYA, on(-5)),  # priya: follow up, a longer wait
        contacts=(ANA, PRIYA, LEE, SAM, *others),
    )
    assert [(r.stage, r.contact.name) for r in waiting_for_replies(net, on(3))] == [
        (Stage.FOLLOW_UP, "Priya Patel"),
        (Stage.FOLLOW_UP, "Di Ek"),
        (Stage.TRY_ANOTHER, "Cy Diaz"),
        (Stage.MOVE_ON, "Bo Chen"),
    ]
    cy_row = waiting_for_replies(net, on(3))[2]
    assert cy_row.text == "No reply from Cy Diaz (3 business days): add someone at Hooli"


# --- reply rates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("contact", "group"),
    [
        (Contact("A", referred_by=1, tags=("linkedin",)), "referral"),
        (Contact("B", tags=("LinkedIn",)), "linkedin"),
        (Contact("C", how_met="found her on LinkedIn"), "linkedin"),
        (Contact("D", how_met="the design meetup"), "event"),
        (Contact("E", tags=("conference-2026",)), "event"),
        (Contact("F", how_met="UX Event in Lyon"), "event"),
        (Contact("G", how_met="my cousin"), "other"),
    ],
)
def test_how_met_groups(contact: Contact, group: str) -> None:
    assert how_met_group(contact) == group


def test_reply_rates_overall_by_how_met_and_by_referrer() -> None:
    linked = Contact("Li Na", tags=("linkedin",), id=5)
    meetup = Contact("Mo Ali", how_met="design meetup", id=6)
    fresh = Contact("New One", id=7)
    net = network(
        sent(PRIYA, WED),
        answered(PRIYA, on(1)),  # referral: replied
        sent(LEE, WED),  # other: no reply yet, past waiting
        sent(linked, WED),
        answered(linked, on(5)),  # linkedin: replied late
        sent(meetup, WED),
        sent(meetup, on(7)),  # event: followed up, still no reply
        sent(fresh, on(9)),  # too young to tell: left out
        contacts=(ANA, PRIYA, LEE, SAM, linked, meetup, fresh),
    )

    rates = reply_rates(net, on(10))

    assert rates.overall == ReplyRate(replied=2, reached=4)
    assert rates.overall.rate == 0.5
    assert rates.by_how_met == {
        "referral": ReplyRate(1, 1),
        "linkedin": ReplyRate(1, 1),
        "event": ReplyRate(0, 1),
        "other": ReplyRate(0, 1),
    }
    assert rates.by_referrer == {"named": ReplyRate(1, 1), "not named": ReplyRate(1, 3)}
    assert ReplyRate().rate is None


def test_a_clock_of_someone_deleted_is_ignored() -> None:
    net = network(sent(Contact("Gone", id=99), WED), contacts=(ANA,))
    assert waiting_for_replies(net, on(10)) == []
    assert responsiveness(net) == {}
    assert reply_rates(net, on(10)).overall == ReplyRate()


def test_weekends_around_a_month_end() -> None:
    friday = date(2026, 1, 30)
    net = network(sent(PRIYA, friday))
    assert texts(net, friday + timedelta(days=4)) == []  # Tuesday February 3: 2
    assert texts(net, friday + timedelta(days=5)) == [  # Wednesday: 3
        "No reply from Priya Patel (3 business days): try Lee Wong at Acme"
    ]


def test_among_people_met_there_the_most_recently_touched_is_suggested() -> None:
    kai = Contact("Kai Moss", company="Acme", status=Status.MET, id=8)
    net = network(
        Note("Coffee", on(-30), LEE.id, NoteKind.COFFEE),
        Note("Coffee", on(-2), kai.id, NoteKind.COFFEE),
        sent(PRIYA, WED),
        contacts=(ANA, PRIYA, LEE, SAM, kai),
    )
    assert texts(net, on(3)) == [
        "No reply from Priya Patel (3 business days): try Kai Moss at Acme"
    ]


def test_the_rates_as_netui_stats_prints_them() -> None:
    linked = Contact("Li Na", tags=("linkedin",), id=5)
    net = network(
        sent(PRIYA, WED),
        answered(PRIYA, on(1)),
        sent(LEE, WED),
        sent(linked, WED),
        answered(linked, on(5)),
        contacts=(ANA, PRIYA, LEE, SAM, linked),
    )
    assert describe_rates(reply_rates(net, on(10))) == [
        "Reply rate: 2 of 3 people you reached out to replied (67%)",
        "  by how you met: referred 100% (1 of 1), LinkedIn 100% (1 of 1), other 0% (0 of 1)",
        "  by referrer: named 100% (1 of 1), not named 50% (1 of 2)",
    ]
    assert describe_rates(reply_rates(network(), WED)) == []
