"""The meeting log's rules (netui.meeting): what the form's text means, read without the UI."""

from __future__ import annotations

import re
from datetime import date

import pytest

from netui.errors import QuickAddError
from netui.meeting import (
    Reading,
    check_meeting_date,
    read_companies,
    read_names,
    read_promises,
    summary_text,
)
from netui.model import Contact, FollowUp, MeetingLog, NewName, NoteKind, Status
from netui.quickadd import ContactIndex

TODAY = date(2026, 11, 25)  # a Wednesday
ANN = Contact("Ann Lee", company="Acme", id=1)
BO = Contact("Bo Chen", company="Initech", title="CTO", id=2)
INDEX = ContactIndex([ANN, BO])


def test_new_names_become_leads_and_known_ones_are_linked() -> None:
    names = read_names("Lee Wong (Research Ops) @ Acme\n\nbo chen\nLee Wong", INDEX, ANN)
    assert [(n.new.name, n.new.title, n.new.company, n.existing) for n in names] == [
        ("Lee Wong", "Research Ops", "Acme", None),
        ("Bo Chen", "CTO", "Initech", BO),  # linked, not a second Bo
    ]
    assert names[1].new.contact_id == 2


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("Lee Wong via Bo Chen", "new names, line 1: no 'via' here"),
        ("ok\nLee Wong <lee@acme.com>", "new names, line 2: only Name (title) @ Company"),
        ("Lee Wong #ux", "only Name (title) @ Company"),
        ("Ann Lee", "Ann Lee is the person you met, not a new name"),
        ("Lee Wong @", "new names, line 1:"),
    ],
)
def test_a_name_line_that_cant_be_read_is_named(text: str, says: str) -> None:
    with pytest.raises(QuickAddError, match=re.escape(says)):
        read_names(text, INDEX, ANN)


def test_promises_are_due_when_they_say_or_in_a_week() -> None:
    promises = read_promises("send the deck friday\n\nintro to Bo\n", TODAY)
    assert promises == (
        FollowUp("send the deck", date(2026, 11, 27)),
        FollowUp("intro to Bo", date(2026, 12, 2)),
    )


def test_a_promise_with_a_wrong_date_is_named_by_its_line() -> None:
    with pytest.raises(QuickAddError, match="things I promised, line 2"):
        read_promises("send the deck\ncall on the 45th of Smarch", TODAY)


def test_a_meeting_logged_at_the_end_of_the_range_needs_dated_promises() -> None:
    last_week = date(2200, 12, 28)
    with pytest.raises(QuickAddError, match="things I promised, line 1: no date given"):
        read_promises("send the deck", last_week)
    (promise,) = read_promises("send the deck dec 31", last_week)
    assert promise.due == date(2200, 12, 31)


def test_companies_are_split_at_commas_without_repeats() -> None:
    assert read_companies(" Acme,  UX research roles ,,Acme, Globex ") == (
        "Acme",
        "UX research roles",
        "Globex",
    )


def test_a_meeting_still_to_come_is_refused() -> None:
    assert check_meeting_date(TODAY, TODAY) == TODAY
    with pytest.raises(QuickAddError, match="is still to come"):
        check_meeting_date(date(2026, 11, 26), TODAY)


def test_the_summary_says_everything_a_save_will_do() -> None:
    log = MeetingLog(
        contact_id=1,
        date=date(2026, 11, 24),
        kind=NoteKind.COFFEE,
        new_names=(NewName("Lee Wong"), NewName("Bo Chen", contact_id=2)),
        companies=("Acme",),
        followups=(FollowUp("send the deck", date(2026, 11, 27)),),
    )
    reading = Reading(log, tuple(read_names("Lee Wong\nBo Chen", INDEX, ANN)))
    assert summary_text(reading, ANN, TODAY) == (
        "Saves a coffee on Tue 24 Nov, 1 new lead, 1 existing contact linked, "
        "1 company or role to look at, 1 promise due Fri 27 Nov, thank-you due Wed 25 Nov, "
        "Ann Lee becomes met"
    )


def test_the_summary_never_moves_a_status_back() -> None:
    met = Contact("Ann Lee", status=Status.MET, id=1)
    log = MeetingLog(contact_id=1, date=TODAY, kind=NoteKind.EMAIL, thank_you_sent=True)
    text = summary_text(Reading(log, ()), met, TODAY)
    assert text == "Saves an email on Wed 25 Nov, thank-you already sent"
