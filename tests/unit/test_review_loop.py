"""The daily review's two sections from the reply clock and the ledger: `DailyReview`
holds them (`netui.report.with_loop` fills them in), `all_clear` needs them empty, and
`render_review` prints them after the thank-yous, before going cold, each with the
`netui draft` line to run."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from netui.clock import frozen_clock
from netui.ledger import close_the_loop
from netui.model import Contact, Network, Note, NoteKind, Status
from netui.names import ContactIndex
from netui.replies import Stage, waiting_for_replies
from netui.report import draft_command, render_review, with_loop
from netui.review import DailyReview, daily_review, weekly_counts
from netui.store import Store

NOW = datetime(2026, 11, 25, 9, 0, 0)
"""A Wednesday."""
TODAY = NOW.date()


@pytest.fixture
def network(tmp_path: Path) -> Network:
    """Ana López (met) referred Priya Patel at Acme, written to on Friday 20 Nov (3
    business days); Lee Wong (met) is at Acme too; Sam O'Neil, written to on Monday 16
    Nov (7: follow up); Bob Stone, written to on 2 Nov and followed up on 13 Nov (move
    on); Carol King wrote back."""
    store = Store.open(tmp_path / "netui.json", clock=frozen_clock(NOW))
    ana = store.add_contact(Contact("Ana López", company="Globex", status=Status.MET))
    priya = store.add_contact(Contact("Priya Patel", company="Acme", referred_by=ana.id))
    store.add_contact(Contact("Lee Wong", company="Acme", status=Status.MET))
    sam = store.add_contact(Contact("Sam O'Neil", company="Initech"))
    bob = store.add_contact(Contact("Bob Stone", company="Hooli"))
    carol = store.add_contact(Contact("Carol King", company="Umbrella"))
    for text, day, who in (
        ("Hello", date(2026, 11, 20), priya),
        ("Hello", date(2026, 11, 16), sam),
        ("Hello", date(2026, 11, 2), bob),
        ("Following up", date(2026, 11, 13), bob),
        ("Hello", date(2026, 11, 16), carol),
    ):
        store.add_note(Note(text, day, who.id, NoteKind.OUTREACH))
    store.add_note(Note("Happy to talk", date(2026, 11, 17), carol.id, NoteKind.REPLY))
    return store.network()


def test_daily_review_alone_leaves_the_sections_to_with_loop(network: Network) -> None:
    review = daily_review(network, TODAY)
    assert (review.waiting, review.loop) == (None, None)
    filled = with_loop(review, network)
    assert [(w.stage, w.contact.name) for w in filled.waiting or ()] == [
        (Stage.FOLLOW_UP, "Sam O'Neil"),
        (Stage.TRY_ANOTHER, "Priya Patel"),
        (Stage.MOVE_ON, "Bob Stone"),
    ]
    assert [w.text for w in filled.waiting or ()] == [
        w.text for w in waiting_for_replies(network, TODAY)
    ]
    assert [i.text for i in filled.loop or ()] == ["Tell Ana López you reached out to Priya Patel"]
    assert [i.key for i in filled.loop or ()] == [i.key for i in close_the_loop(network, TODAY)]
    # Everything else is the review's as it was.
    assert (filled.overdue, filled.thank_yous, filled.leads) == (
        review.overdue,
        review.thank_yous,
        review.leads,
    )


def test_with_loop_keeps_sections_already_there(network: Network) -> None:
    review = with_loop(daily_review(network, TODAY), network)
    assert with_loop(review, network) is review


def empty_review(**sections: object) -> DailyReview:
    return DailyReview(
        today=TODAY,
        overdue=[],
        due_today=[],
        this_week=[],
        thank_yous=[],
        going_cold=[],
        leads=[],
        weeks=weekly_counts(Network(), TODAY),
        **sections,  # type: ignore[arg-type]
    )


def test_all_clear_needs_both_sections_empty(network: Network) -> None:
    waiting = waiting_for_replies(network, TODAY)
    owed = close_the_loop(network, TODAY)
    assert empty_review().all_clear  # not looked at: nothing known to do
    assert empty_review(waiting=[], loop=[]).all_clear
    assert not empty_review(waiting=waiting[:1], loop=[]).all_clear
    assert not empty_review(waiting=[], loop=owed).all_clear


def test_render_review_prints_both_sections_in_the_apps_order(network: Network) -> None:
    text = render_review(daily_review(network, TODAY), network)
    expected = [
        "Waiting for a reply (3)",
        "  Follow up once with Sam O'Neil — netui draft follow-up 'Sam O'\"'\"'Neil'",
        "  No reply from Priya Patel (3 business days): try Lee Wong at Acme",
        "  Bob Stone has not replied: move on",
        "",
        "Close the loop (1)",
        "  Tell Ana López you reached out to Priya Patel — netui draft update 'Ana López'",
        "",
    ]
    lines = text.splitlines()
    start = lines.index(expected[0])
    assert lines[start : start + len(expected)] == expected
    assert "All clear" not in text


def test_the_draft_line_names_someone_by_id_when_the_name_is_not_theirs_alone() -> None:
    one = Contact("Ana López", id=1)
    other = Contact("Ana López", company="Initech", id=2)
    assert draft_command("update", one, ContactIndex([one])) == "netui draft update 'Ana López'"
    assert draft_command("update", one, ContactIndex([one, other])) == "netui draft update '#1'"
    bare = Contact("Lee", id=3)
    assert draft_command("follow-up", bare, ContactIndex([bare])) == "netui draft follow-up Lee"
