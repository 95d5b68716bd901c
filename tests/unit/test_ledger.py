"""Closing the loop: what is owed to the people who helped, with stable keys, a 30-day
window, and the states the user set (done, dismissed, snoozed)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from netui.ledger import chain_to, close_the_loop, done_note
from netui.model import (
    Contact,
    FollowUp,
    LoopState,
    LoopStatus,
    Network,
    Note,
    NoteKind,
    Outcome,
    Status,
)

TODAY = date(2026, 11, 23)

ANA = Contact("Ana Lopez", company="Globex", status=Status.MET, id=1)
PRIYA = Contact("Priya Patel", company="Acme", referred_by=1, id=2)
JOSE = Contact("José Ortiz", company="Initech", status=Status.MET, id=3)
LEE = Contact("Lee Wong", company="Acme", referred_by=2, status=Status.MET, id=4)
BO = Contact("Bo Chen", company="Hooli", id=5)
CONTACTS = (ANA, PRIYA, JOSE, LEE, BO)


def network(
    *notes: Note,
    followups: tuple[FollowUp, ...] = (),
    outcomes: tuple[Outcome, ...] = (),
    loop: tuple[LoopState, ...] = (),
    contacts: tuple[Contact, ...] = CONTACTS,
) -> Network:
    numbered = tuple(replace(n, id=i) for i, n in enumerate(notes, start=1))
    return Network(contacts, followups, numbered, outcomes, loop)


def note(contact: Contact, days_ago: int, kind: NoteKind) -> Note:
    return Note("", TODAY - timedelta(days=days_ago), contact.id, kind)


def texts(net: Network, today: date = TODAY) -> list[str]:
    return [item.text for item in close_the_loop(net, today)]


def test_reaching_out_to_someone_referred_is_owed_to_the_referrer() -> None:
    net = network(note(PRIYA, 2, NoteKind.OUTREACH), note(PRIYA, 1, NoteKind.OUTREACH))
    items = close_the_loop(net, TODAY)
    assert [(i.key, i.person.name, i.text, i.arose) for i in items] == [
        ("intro:2:reached", "Ana Lopez", "Tell Ana Lopez you reached out to Priya Patel",
         TODAY - timedelta(days=2)),
    ]  # fmt: skip
    assert items[0].about == PRIYA and items[0].kind == "intro"


def test_meeting_them_replaces_the_reached_out_item() -> None:
    net = network(note(PRIYA, 10, NoteKind.OUTREACH), note(PRIYA, 3, NoteKind.COFFEE))
    assert [(i.key, i.text) for i in close_the_loop(net, TODAY)] == [
        ("intro:2:met", "Tell Ana Lopez you met Priya Patel"),
    ]


@pytest.mark.parametrize("kind", [NoteKind.MEETING, NoteKind.COFFEE, NoteKind.EVENT])
def test_every_meeting_kind_counts_as_meeting(kind: NoteKind) -> None:
    assert texts(network(note(PRIYA, 1, kind))) == ["Tell Ana Lopez you met Priya Patel"]


@pytest.mark.parametrize("kind", [NoteKind.CALL, NoteKind.EMAIL, NoteKind.REPLY, NoteKind.NOTE])
def test_other_kinds_owe_nothing(kind: NoteKind) -> None:
    assert texts(network(note(PRIYA, 1, kind))) == []


def test_nobody_referred_owes_nothing() -> None:
    assert texts(network(note(BO, 1, NoteKind.OUTREACH), note(JOSE, 1, NoteKind.MEETING))) == []


def test_the_window_is_30_days_from_the_first_time() -> None:
    assert texts(network(note(PRIYA, 30, NoteKind.OUTREACH))) == [
        "Tell Ana Lopez you reached out to Priya Patel"
    ]
    assert texts(network(note(PRIYA, 31, NoteKind.OUTREACH))) == []
    # The first meeting was long ago: a later one owes nothing (and hides the outreach).
    old = network(note(PRIYA, 60, NoteKind.MEETING), note(PRIYA, 2, NoteKind.MEETING))
    assert texts(old) == []
    assert texts(network(note(PRIYA, -1, NoteKind.OUTREACH))) == []  # (a note dated ahead)


def test_a_referrer_deleted_or_a_self_referral_owes_nothing() -> None:
    orphan = replace(PRIYA, referred_by=99)
    selfish = replace(BO, referred_by=BO.id)
    net = network(
        note(PRIYA, 1, NoteKind.OUTREACH),
        note(BO, 1, NoteKind.OUTREACH),
        contacts=(orphan, selfish),
    )
    assert texts(net) == []


def test_advice_acted_on_is_owed_to_its_giver() -> None:
    done = datetime.combine(TODAY - timedelta(days=4), datetime.min.time())
    followups = (
        FollowUp("read Inspired", TODAY, JOSE.id, done=done, id=7, advice=True),
        FollowUp("open one", TODAY, JOSE.id, id=8, advice=True),  # not done yet
        FollowUp("plain task", TODAY, JOSE.id, done=done, id=9),  # no advice
        FollowUp(
            "long ago",
            TODAY,
            JOSE.id,
            done=done - timedelta(days=40),
            id=10,
            advice=True,
        ),
    )
    items = close_the_loop(network(followups=followups), TODAY)
    assert [(i.key, i.text, i.arose, i.followup_id) for i in items] == [
        ("advice:7", "Tell José Ortiz what came of their advice: read Inspired",
         TODAY - timedelta(days=4), 7),
    ]  # fmt: skip


def test_landing_a_role_is_owed_to_everyone_in_the_chains_that_led_there() -> None:
    landed = Outcome("Product Designer", "ACME", TODAY - timedelta(days=1), id=1)
    net = network(outcomes=(landed,))
    items = close_the_loop(net, TODAY)
    # Lee (met, at Acme), then up his chain: Priya (who referred him), Ana (who referred
    # her); Priya is at Acme too but not met: she is told as a link of Lee's chain.
    assert [(i.key, i.text) for i in items] == [
        ("landed:1:1", "Tell Ana Lopez you landed Product Designer at ACME"),
        ("landed:1:4", "Tell Lee Wong you landed Product Designer at ACME"),
        ("landed:1:2", "Tell Priya Patel you landed Product Designer at ACME"),
    ]
    assert [c.name for c in chain_to(net, "acme")] == ["Lee Wong", "Ana Lopez", "Priya Patel"]
    assert chain_to(net, "Nowhere") == [] and chain_to(net, " ") == []
    assert all(i.outcome == landed for i in items)


def test_a_referral_loop_in_the_file_ends_the_chain() -> None:
    looped = (replace(ANA, referred_by=LEE.id), PRIYA, LEE)
    net = network(contacts=looped)
    assert {c.name for c in chain_to(net, "Acme")} == {"Ana Lopez", "Priya Patel", "Lee Wong"}


def test_states_hide_items_done_dismissed_or_snoozed_until_later() -> None:
    notes = (note(PRIYA, 3, NoteKind.OUTREACH),)
    key = "intro:2:reached"

    def with_state(state: LoopStatus, until: date | None = None) -> list[str]:
        return texts(network(*notes, loop=(LoopState(key, state, until, id=1),)))

    assert with_state(LoopStatus.DONE) == []
    assert with_state(LoopStatus.DISMISSED) == []
    assert with_state(LoopStatus.SNOOZED, TODAY + timedelta(days=1)) == []
    assert with_state(LoopStatus.SNOOZED, TODAY) == [
        "Tell Ana Lopez you reached out to Priya Patel"
    ]
    # A state for the reached-out item does not hide the met one, which comes later.
    met = network(
        note(PRIYA, 3, NoteKind.OUTREACH),
        note(PRIYA, 1, NoteKind.MEETING),
        loop=(LoopState(key, LoopStatus.DONE, id=1),),
    )
    assert texts(met) == ["Tell Ana Lopez you met Priya Patel"]


def test_the_newest_state_of_a_key_holds() -> None:
    states = (
        LoopState("intro:2:reached", LoopStatus.DONE, id=1),
        LoopState("intro:2:reached", LoopStatus.SNOOZED, TODAY, id=2),
    )
    assert texts(network(note(PRIYA, 3, NoteKind.OUTREACH), loop=states)) == [
        "Tell Ana Lopez you reached out to Priya Patel"
    ]


def test_items_are_listed_most_recent_first() -> None:
    done = datetime.combine(TODAY - timedelta(days=2), datetime.min.time())
    net = network(
        note(PRIYA, 5, NoteKind.OUTREACH),
        followups=(FollowUp("read Inspired", TODAY, JOSE.id, done=done, id=7, advice=True),),
        outcomes=(Outcome("Designer", "Hooli", TODAY, id=3),),
        contacts=(*CONTACTS[:4], replace(BO, status=Status.MET)),
    )
    assert texts(net) == [
        "Tell Bo Chen you landed Designer at Hooli",
        "Tell José Ortiz what came of their advice: read Inspired",
        "Tell Ana Lopez you reached out to Priya Patel",
    ]


def test_done_notes_say_what_was_told() -> None:
    done = datetime.combine(TODAY - timedelta(days=2), datetime.min.time())
    net = network(
        note(PRIYA, 5, NoteKind.OUTREACH),
        followups=(FollowUp("read Inspired", TODAY, JOSE.id, done=done, id=7, advice=True),),
        outcomes=(Outcome("Designer", "Hooli", TODAY, id=3),),
        contacts=(*CONTACTS[:4], replace(BO, status=Status.MET)),
    )
    notes = [done_note(item, TODAY) for item in close_the_loop(net, TODAY)]
    assert [(n.contact_id, n.kind, n.date, n.text) for n in notes] == [
        (BO.id, NoteKind.NOTE, TODAY, "Told them I landed Designer at Hooli"),
        (JOSE.id, NoteKind.NOTE, TODAY, "Told them what came of their advice: read Inspired"),
        (ANA.id, NoteKind.NOTE, TODAY, "Told them I reached out to Priya Patel"),
    ]
