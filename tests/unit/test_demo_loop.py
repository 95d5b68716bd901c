"""The demo network shows the outreach loop (issue 14) on every weekday it may be built.

Whatever the weekday, `netui --demo` has someone to try another person for (3 business
days without a reply), someone to follow up once (7), someone to move on from (7 after
the follow-up), updates owed to the people who introduced someone or gave advice, fast and
late repliers, and reply rates to report.
"""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest

from netui import cli
from netui.demo import business_days_before, demo_network, make_demo_file
from netui.ledger import close_the_loop
from netui.model import Network, NoteKind
from netui.replies import Label, Stage, reply_rates, responsiveness, waiting_for_replies
from netui.store import Store
from netui.workdays import business_days_between

MONDAY = date(2026, 3, 9)
WEEK = [MONDAY + timedelta(days=k) for k in range(7)]
"""Monday 9 to Sunday 15 March 2026: each weekday once."""


@pytest.fixture(autouse=True)
def temp_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """make_demo_file's temporary folders go under tmp_path, so the tests leave nothing."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def rows_by_stage(network: Network, today: date) -> dict[Stage, list[str]]:
    found: dict[Stage, list[str]] = {}
    for row in waiting_for_replies(network, today):
        found.setdefault(row.stage, []).append(row.text)
    return found


@pytest.mark.parametrize("today", WEEK, ids=lambda d: d.strftime("%a"))
def test_waiting_for_a_reply_has_every_stage(today: date) -> None:
    network = demo_network(today)
    rows = waiting_for_replies(network, today)
    assert [(r.stage, r.contact.name, r.days) for r in rows] == [
        (Stage.FOLLOW_UP, "Amara Nwosu", 7),
        (Stage.TRY_ANOTHER, "Renée Fontaine", 3),
        (Stage.MOVE_ON, "Inés Duarte", 8),
    ]
    assert [r.text for r in rows] == [
        "Follow up once with Amara Nwosu",
        "No reply from Renée Fontaine (3 business days): try Tariq Jamal at Parcel & Pine",
        "Inés Duarte has not replied: move on",
    ]
    suggested = network.by_id[rows[1].suggested_id or 0]
    assert (suggested.name, suggested.company) == ("Tariq Jamal", "Parcel & Pine")
    for row in rows:  # each clock started on a weekday
        assert row.since is not None and row.since.weekday() < 5


@pytest.mark.parametrize("today", WEEK, ids=lambda d: d.strftime("%a"))
def test_close_the_loop_owes_an_introduction_and_an_advice(today: date) -> None:
    items = close_the_loop(demo_network(today), today)
    texts = [i.text for i in items]
    assert texts[0] == "Tell Priya Raman you met Tomás Álvarez"  # yesterday's visit
    assert "Tell Łukasz Nowak you reached out to Renée Fontaine" in texts
    assert (
        "Tell Zoë Achterberg what came of their advice: Cut the portfolio talk to 20 minutes"
        in texts
    )
    kinds = {i.key.split(":")[0] for i in items}
    assert kinds == {"intro", "advice"}
    assert any(i.key.endswith(":met") for i in items)
    assert any(i.key.endswith(":reached") for i in items)
    assert all(today - timedelta(days=30) <= i.arose < today for i in items)


@pytest.mark.parametrize("today", WEEK, ids=lambda d: d.strftime("%a"))
def test_fast_and_late_repliers_and_reply_rates(today: date) -> None:
    network = demo_network(today)
    labels = {network.name_of(cid): label for cid, label in responsiveness(network).items()}
    assert labels == {
        "Javier Morales": Label.LATE,
        "Björn Eriksson": Label.FAST,
        "Olumide Adeyemi": Label.FAST,
        "Siobhán Kelly": Label.FAST,
        "Mateus Oliveira": Label.FAST,
    }
    rates = reply_rates(network, today)
    assert (rates.overall.replied, rates.overall.reached) == (5, 8)
    assert {g: (r.replied, r.reached) for g, r in rates.by_how_met.items()} == {
        "referral": (2, 3),
        "linkedin": (2, 3),
        "event": (0, 1),
        "other": (1, 1),
    }
    assert {g: (r.replied, r.reached) for g, r in rates.by_referrer.items()} == {
        "named": (2, 3),
        "not named": (3, 5),
    }


@pytest.mark.parametrize("today", WEEK, ids=lambda d: d.strftime("%a"))
def test_business_days_before_lands_on_a_weekday_that_many_business_days_back(
    today: date,
) -> None:
    assert business_days_before(today, 0) == today
    for n in range(1, 25):
        day = business_days_before(today, n)
        assert day.weekday() < 5
        assert business_days_between(day, today) == n
        # the latest such weekday: the weekday after it is one business day closer
        after = day + timedelta(days=1)
        while after.weekday() >= 5:
            after += timedelta(days=1)
        assert after >= today or business_days_between(after, today) == n - 1
    with pytest.raises(ValueError, match="negative"):
        business_days_before(today, -1)


def test_outreach_and_reply_notes_read_like_messages() -> None:
    network = demo_network(MONDAY)
    outreach = [n for n in network.notes if n.kind is NoteKind.OUTREACH]
    replies = [n for n in network.notes if n.kind is NoteKind.REPLY]
    assert len(outreach) >= 8 and len(replies) >= 5
    for note in [*outreach, *replies]:
        assert note.contact_id is not None
        assert 5 <= len(note.text.split()) <= 40, note.text
        assert "\n" not in note.text
    # a reply always answers an outreach sent before it
    for reply in replies:
        assert any(o.contact_id == reply.contact_id and o.date <= reply.date for o in outreach), (
            reply.text
        )


@pytest.mark.parametrize("today", [WEEK[0], WEEK[5]], ids=["Mon", "Sat"])
def test_the_saved_demo_file_shows_the_loop_too(
    today: date, capsys: pytest.CaptureFixture[str]
) -> None:
    """What `netui --demo` writes: the advice flag and every note kept, and `netui stats`
    reports the reply rates."""
    path = make_demo_file(today)
    network = Store.open(path).network()
    assert [r.stage for r in waiting_for_replies(network, today)] == [
        Stage.FOLLOW_UP,
        Stage.TRY_ANOTHER,
        Stage.MOVE_ON,
    ]
    assert [i.text for i in close_the_loop(network, today)] == [
        i.text for i in close_the_loop(demo_network(today), today)
    ]
    assert any(i.key.startswith("advice:") for i in close_the_loop(network, today))
    assert cli.main(["--db", str(path), "stats"]) == 0
    out = capsys.readouterr().out
    assert "Reply rate: 5 of 8 people you reached out to replied (62%)" in out
