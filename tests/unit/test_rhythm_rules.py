"""The keep-in-touch rhythm (netui.rhythm), its place in the review, the stored defaults
and the weekly progress (`netui stats`), with a frozen today across month ends and leap
days."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netui.clock import frozen_clock
from netui.errors import QuickAddError, StoreError
from netui.model import Contact, FollowUp, Goals, Network, Note, NoteKind, Status
from netui.report import render_review, render_stats, sparkline
from netui.review import (
    daily_review,
    due_for_touch,
    going_cold,
    longer_rhythms,
    rhythm_states,
)
from netui.rhythm import (
    PRESETS,
    RhythmState,
    cadence_label,
    cold_after,
    cold_streak,
    effective_cadence,
    next_preset,
    rhythm_state,
    suggest_longer,
)
from netui.store import Store
from netui.validate import check_cadence, check_goal


def at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour))


def person(
    cadence: int | None = 14,
    *,
    created: date = date(2025, 1, 1),
    tags: tuple[str, ...] = (),
    status: Status = Status.MET,
    contact_id: int = 1,
    name: str = "Jane Doe",
) -> Contact:
    return Contact(
        name,
        id=contact_id,
        cadence_days=cadence,
        created=at(created),
        tags=tags,
        status=status,
    )


def network(contacts=(), followups=(), notes=()) -> Network:
    return Network(contacts=tuple(contacts), followups=tuple(followups), notes=tuple(notes))


def email(note_id: int, day: date, contact_id: int = 1) -> Note:
    return Note("wrote", day, contact_id, NoteKind.EMAIL, created=at(day, 18), id=note_id)


# --- due and cold -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cadence", "due_at", "cold_at"),
    [(14, 14, 21), (30, 30, 45), (7, 7, 11), (1, 1, 2), (90, 90, 135), (180, 180, 270)],
)
def test_due_at_the_rhythm_and_cold_at_one_and_a_half_times(
    cadence: int, due_at: int, cold_at: int
) -> None:
    assert cold_after(cadence) == cold_at
    last = date(2026, 3, 2)
    contact = person(cadence)

    def state(days: int) -> RhythmState:
        return rhythm_state(contact, last, last + timedelta(days=days), None)

    assert state(due_at - 1) is RhythmState.OK
    assert state(due_at) is RhythmState.DUE
    assert state(cold_at - 1) is (RhythmState.DUE if cold_at - 1 >= due_at else RhythmState.OK)
    assert state(cold_at) is RhythmState.COLD
    assert state(cold_at + 400) is RhythmState.COLD
    assert state(due_at) == "due" and state(cold_at) == "cold"  # the states are strings too


@pytest.mark.parametrize(
    ("last", "cadence", "today", "expected"),
    [
        # Jan 31 + 28 days is Feb 28 in a common year ...
        (date(2027, 1, 31), 28, date(2027, 2, 27), "ok"),
        (date(2027, 1, 31), 28, date(2027, 2, 28), "due"),
        (date(2027, 1, 31), 28, date(2027, 3, 13), "due"),  # day 41
        (date(2027, 1, 31), 28, date(2027, 3, 14), "cold"),  # day 42
        # ... and Feb 28 + 1 in a leap year is Feb 29, a day like any other.
        (date(2028, 1, 31), 29, date(2028, 2, 28), "ok"),
        (date(2028, 1, 31), 29, date(2028, 2, 29), "due"),
        (date(2028, 1, 31), 30, date(2028, 2, 29), "ok"),
        (date(2028, 1, 31), 30, date(2028, 3, 1), "due"),
        (date(2028, 1, 31), 30, date(2028, 3, 16), "cold"),  # day 45
        (date(2028, 2, 29), 14, date(2028, 3, 14), "due"),
        (date(2028, 2, 29), 14, date(2028, 3, 20), "due"),
        (date(2028, 2, 29), 14, date(2028, 3, 21), "cold"),
        (date(2028, 2, 29), 30, date(2028, 3, 29), "ok"),
        (date(2028, 2, 29), 30, date(2028, 3, 30), "due"),  # not Mar 29: February ends on 29
        # A year of 366 days: touched on Mar 1 2027, a 365-day rhythm is due on Feb 29 2028.
        (date(2027, 3, 1), 365, date(2028, 2, 28), "ok"),
        (date(2027, 3, 1), 365, date(2028, 2, 29), "due"),
        # Across the end of a year.
        (date(2026, 12, 15), 30, date(2027, 1, 14), "due"),
        (date(2026, 12, 15), 30, date(2027, 1, 29), "cold"),
    ],
)
def test_month_ends_and_leap_days(last: date, cadence: int, today: date, expected: str) -> None:
    assert rhythm_state(person(cadence), last, today) == expected


@given(
    cadence=st.integers(1, 3650),
    last=st.dates(date(2000, 1, 1), date(2100, 12, 31)),
    days=st.integers(0, 6000),
)
def test_the_state_only_moves_from_ok_to_due_to_cold(cadence: int, last: date, days: int) -> None:
    contact = person(cadence)
    order = [RhythmState.OK, RhythmState.DUE, RhythmState.COLD]
    today = last + timedelta(days=days)
    now = order.index(rhythm_state(contact, last, today))
    later = order.index(rhythm_state(contact, last, today + timedelta(days=1)))
    assert now <= later
    assert (now >= 1) == (days >= cadence)
    assert (now == 2) == (days * 2 >= cadence * 3)


def test_never_touched_counts_from_creation_and_without_it_is_ok() -> None:
    contact = person(30, created=date(2028, 1, 31))
    assert rhythm_state(contact, None, date(2028, 3, 1)) is RhythmState.DUE
    assert rhythm_state(contact, None, date(2028, 3, 16)) is RhythmState.COLD
    undated = Contact("Jane", id=1, cadence_days=7)
    assert rhythm_state(undated, None, date(2030, 1, 1)) is RhythmState.OK


def test_an_open_follow_up_means_planned_not_due_or_cold() -> None:
    contact = person(14)
    assert rhythm_state(contact, date(2026, 1, 1), date(2026, 6, 1), planned=True) == "ok"
    followups = [FollowUp("coffee", date(2026, 5, 1), 1, id=1)]  # even an overdue one
    assert rhythm_states(network([contact], followups), date(2026, 6, 1)) == {}


def test_no_rhythm_is_never_due_or_cold() -> None:
    for contact in (person(None), person(0)):
        assert rhythm_state(contact, date(2020, 1, 1), date(2026, 6, 1)) is RhythmState.OK
    assert rhythm_state(person(14), date(2026, 6, 10), date(2026, 6, 1)) is RhythmState.OK


@pytest.mark.parametrize("kind", [NoteKind.EMAIL, NoteKind.CALL, NoteKind.MEETING, NoteKind.NOTE])
def test_a_note_resets_the_rhythm(kind: NoteKind) -> None:
    today = date(2028, 3, 1)
    contact = person(14, created=date(2028, 1, 1))
    before = network([contact])
    assert rhythm_states(before, today) == {1: RhythmState.COLD}
    logged = network([contact], notes=[Note("x", date(2028, 2, 29), 1, kind, id=1)])
    assert rhythm_states(logged, today) == {}
    older = network([contact], notes=[Note("x", date(2028, 2, 16), 1, kind, id=1)])
    assert rhythm_states(older, today) == {1: RhythmState.DUE}  # 14 days after Feb 16


def test_a_done_follow_up_resets_the_rhythm() -> None:
    today = date(2027, 2, 28)
    contact = person(28, created=date(2026, 11, 1))
    done = FollowUp("send the article", date(2027, 1, 20), 1, done=at(date(2027, 1, 31)), id=1)
    assert going_cold(network([contact]), today)[0].days_since == 119
    [due] = due_for_touch(network([contact], [done]), today)
    assert (due.last_touch, due.days_since, due.cadence) == (date(2027, 1, 31), 28, 28)
    assert going_cold(network([contact], [done]), today) == []


# --- defaults per tag and status ----------------------------------------------------------

DEFAULTS = {"tags": {"ux": 30, "fintech": 14, "recruiter": 90}, "status": {"lead": 180}}


def test_own_rhythm_first_then_the_shortest_tag_default_then_the_status_default() -> None:
    assert effective_cadence(person(7, tags=("ux", "fintech")), DEFAULTS) == 7
    assert effective_cadence(person(None, tags=("ux", "fintech")), DEFAULTS) == 14
    assert effective_cadence(person(None, tags=("recruiter", "ux")), DEFAULTS) == 30
    assert effective_cadence(person(None, tags=("other",), status=Status.LEAD), DEFAULTS) == 180
    assert effective_cadence(person(None, tags=("other",)), DEFAULTS) is None  # met: no default
    assert effective_cadence(person(None, tags=("ux",)), None) is None
    assert effective_cadence(person(0, tags=("ux",)), DEFAULTS) == 30  # 0 is no rhythm


def test_tag_defaults_match_without_case_accents_or_hash() -> None:
    defaults = {"tags": {"ux": 30, "cafe": 14}, "status": {}}
    assert effective_cadence(person(None, tags=("UX",)), defaults) == 30
    assert effective_cadence(person(None, tags=("#Café",)), defaults) == 14


def test_bad_default_values_are_ignored() -> None:
    defaults = {"tags": {"ux": 0, "design": True, "pm": "30"}, "status": {"met": -5}}
    assert effective_cadence(person(None, tags=("ux", "design", "pm")), defaults) is None


def test_a_default_makes_contacts_due_and_cold() -> None:
    today = date(2028, 2, 29)
    ux = person(None, tags=("ux",), created=date(2028, 1, 30), contact_id=1, name="Ux")
    lead = person(None, status=Status.LEAD, created=date(2027, 6, 1), contact_id=2, name="Lee")
    met = person(None, created=date(2020, 1, 1), contact_id=3, name="Met")
    net = network([ux, lead, met])
    assert rhythm_states(net, today) == {}
    assert rhythm_states(net, today, DEFAULTS) == {1: RhythmState.DUE, 2: RhythmState.COLD}
    [due] = due_for_touch(net, today, DEFAULTS)
    assert (due.contact.name, due.cadence, due.days_since) == ("Ux", 30, 30)
    [cold] = going_cold(net, today, DEFAULTS)
    assert (cold.contact.name, cold.cadence) == ("Lee", 180)


# --- going cold again and again -----------------------------------------------------------


def touches_every(start: date, gaps: list[int]) -> list[date]:
    days = [start]
    for gap in gaps:
        days.append(days[-1] + timedelta(days=gap))
    return days


def test_the_cold_streak_counts_the_gaps_of_one_and_a_half_times_in_a_row() -> None:
    contact = person(14, created=date(2028, 1, 1))
    touches = touches_every(date(2028, 1, 1), [10, 21, 25, 30])  # ok, cold, cold, cold
    last = touches[-1]
    assert cold_streak(contact, touches, last) == 3
    assert cold_streak(contact, touches, last + timedelta(days=20)) == 3  # due: not counted
    assert cold_streak(contact, touches, last + timedelta(days=21)) == 4  # cold now: counted
    # A gap one day short of cold breaks the streak.
    assert (
        cold_streak(contact, touches_every(date(2028, 1, 1), [21, 20, 21]), date(2028, 3, 4)) == 1
    )
    assert cold_streak(contact, [], date(2028, 1, 5)) == 0


def test_the_first_gap_counts_from_creation_and_planned_is_not_cold() -> None:
    contact = person(30, created=date(2027, 11, 1))
    touches = [date(2027, 12, 20), date(2028, 2, 3)]  # 49 and 45 days: cold twice
    today = date(2028, 3, 19)  # 45 days since Feb 3: cold again
    assert cold_streak(contact, touches, today) == 3
    assert cold_streak(contact, touches, today, planned=True) == 2
    assert suggest_longer(contact, touches, today) == 90
    assert suggest_longer(contact, touches, today, planned=True) is None
    # Touches in any order, repeated, or after today change nothing.
    messy = [*reversed(touches), touches[0], date(2028, 4, 1)]
    assert cold_streak(contact, messy, today) == 3


def test_a_touch_before_the_contact_was_added_starts_the_history() -> None:
    # Imported with older notes: the creation date is not a touch between them.
    contact = person(14, created=date(2028, 3, 1))
    touches = touches_every(date(2028, 1, 1), [21, 21, 21])
    assert cold_streak(contact, touches, touches[-1]) == 3


@pytest.mark.parametrize(
    ("cadence", "suggested"), [(14, 30), (30, 90), (90, 180), (45, 90), (7, 14), (180, None)]
)
def test_the_suggestion_is_the_next_preset_up(cadence: int, suggested: int | None) -> None:
    assert next_preset(cadence) == suggested
    contact = person(cadence, created=date(2020, 1, 1))
    gap = cold_after(cadence)
    touches = touches_every(date(2020, 1, 1), [gap, gap, gap])
    assert suggest_longer(contact, touches, touches[-1]) == suggested
    assert suggest_longer(contact, touches[:-1], touches[-2]) is None  # twice is not enough


def test_suggestions_in_the_review_and_gone_once_accepted() -> None:
    today = date(2028, 2, 29)
    contact = person(14, created=date(2027, 11, 1))
    notes = [email(i, d) for i, d in enumerate(touches_every(date(2027, 12, 1), [21, 22, 23]), 1)]
    net = network([contact], notes=notes)
    [suggestion] = daily_review(net, today).suggestions
    assert (suggestion.contact, suggestion.current, suggestion.suggested) == (contact, 14, 30)
    assert suggestion.streak == 5  # from creation 30 days, then 21, 22, 23, and 24 till today
    assert (
        longer_rhythms(network([person(30, created=date(2027, 11, 1))], notes=notes), today) == []
    )


def test_a_suggestion_uses_the_default_rhythm_too() -> None:
    contact = person(None, tags=("fintech",), created=date(2027, 11, 1))
    notes = [email(i, d) for i, d in enumerate(touches_every(date(2027, 12, 1), [21, 21, 21]), 1)]
    assert longer_rhythms(network([contact], notes=notes), date(2028, 1, 20)) == []
    [found] = longer_rhythms(network([contact], notes=notes), date(2028, 1, 20), DEFAULTS)
    assert (found.current, found.suggested) == (14, 30)


def test_presets_and_labels() -> None:
    assert PRESETS == (14, 30, 90, 180)
    assert [cadence_label(p) for p in PRESETS] == ["2 weeks", "1 month", "3 months", "6 months"]
    assert cadence_label(21) == "21 days" and cadence_label(1) == "1 day"


# --- the daily review ---------------------------------------------------------------------

TODAY = date(2028, 2, 29)  # a Tuesday, in a leap year


def _rhythm_network() -> Network:
    cold = person(14, created=date(2028, 1, 1), contact_id=1, name="Cara Cold")
    due = person(30, created=date(2028, 1, 1), contact_id=2, name="Dan Due")
    fine = person(30, created=date(2028, 1, 1), contact_id=3, name="Fay Fine")
    notes = [
        email(1, date(2028, 2, 8), 1),  # 21 days: cold
        email(2, date(2028, 1, 30), 2),  # 30 days: due
        email(3, date(2028, 2, 28), 3),
    ]
    return network([cold, due, fine], notes=notes)


def test_the_review_splits_due_and_cold() -> None:
    review = daily_review(_rhythm_network(), TODAY)
    assert [(c.contact.name, c.days_since, c.state) for c in review.going_cold] == [
        ("Cara Cold", 21, RhythmState.COLD)
    ]
    assert [(c.contact.name, c.days_since, c.state) for c in review.due_touch] == [
        ("Dan Due", 30, RhythmState.DUE)
    ]
    assert not review.all_clear
    only_due = network(_rhythm_network().contacts[1:], notes=_rhythm_network().notes[1:])
    assert not daily_review(only_due, TODAY).all_clear  # due for a touch is work for today


def test_the_review_text_has_both_sections_and_the_suggestions() -> None:
    net = _rhythm_network()
    text = render_review(daily_review(net, TODAY), net)
    lines = text.splitlines()
    assert "Going cold (1)" in lines
    assert "  Cara Cold — last touch Tue 8 Feb (21 days; rhythm 14 days)" in lines
    assert "Due for a touch (1)" in lines
    assert "  Dan Due — last touch Sun 30 Jan (30 days; rhythm 30 days)" in lines
    assert lines.index("Going cold (1)") < lines.index("Due for a touch (1)")
    assert "A longer rhythm may suit" not in text
    streaky = person(14, created=date(2027, 11, 1), contact_id=9, name="Sam Streak")
    notes = [email(i, d, 9) for i, d in enumerate(touches_every(date(2027, 12, 1), [21] * 3), 10)]
    net = network([*net.contacts, streaky], notes=[*net.notes, *notes])
    text = render_review(daily_review(net, TODAY), net)
    assert "A longer rhythm may suit (1)" in text
    # Added Nov 1, touched Dec 1 and every 21 days to Feb 2, 27 days ago: 5 times cold.
    assert "  Sam Streak — went cold 5 times in a row: every 2 weeks → every 1 month" in text


def test_progress_against_the_goals() -> None:
    monday = date(2028, 2, 28)
    contacts = [
        Contact("A", id=1, created=at(monday)),
        Contact("B", id=2, created=at(TODAY)),
        Contact("C", id=3, created=at(date(2028, 2, 20))),  # a Sunday: the week of Feb 14
    ]
    notes = [
        Note("coffee", monday, 1, NoteKind.COFFEE, id=1),
        Note("call", TODAY, 1, NoteKind.CALL, id=2),  # not a meeting
        Note("event", TODAY, 2, NoteKind.EVENT, id=3),
    ]
    followups = [FollowUp("x", monday, 1, done=at(TODAY), id=1)]
    review = daily_review(network(contacts, followups, notes), TODAY, goals=Goals(2, 3, 0))
    assert [(p.label, p.done, p.goal, p.met) for p in review.progress] == [
        ("New contacts", 2, 2, True),
        ("Meetings", 2, 3, False),
        ("Follow-ups done", 1, 0, True),
    ]
    assert review.progress[0].trend == (0, 0, 0, 0, 0, 1, 0, 2)
    assert daily_review(network(), TODAY).goals == Goals(5, 2, 5)


def test_render_stats() -> None:
    monday = date(2028, 2, 28)
    contacts = [
        Contact(f"P{i}", id=i, created=at(monday - timedelta(weeks=i % 4))) for i in range(9)
    ]
    notes = [Note("met", monday - timedelta(days=8), 1, NoteKind.MEETING, id=1)]
    text = render_stats(network(contacts, notes=notes), TODAY, Goals(3, 2, 5))
    lines = text.splitlines()
    assert lines[0] == "netui stats — Tuesday 29 February 2028"
    assert "This week (since Mon 28 Feb)" in lines
    assert "  New contacts       3 / 3    ✓" in lines
    assert "  Meetings           0 / 2    2 to go" in lines
    assert "  Follow-ups done    0 / 5    5 to go" in lines
    header = next(line for line in lines if line.strip().startswith("Week of"))
    assert header.split() == ["Week", "of", "New", "contacts", "Meetings", "Follow-ups", "done"]
    weeks = lines[lines.index(header) + 1 : lines.index(header) + 9]
    assert weeks[0].split()[:3] == ["Mon", "10", "Jan"]
    assert weeks[-1].startswith("  Mon 28 Feb *")
    assert [int(w.split()[-3]) for w in weeks] == [0, 0, 0, 0, 2, 2, 2, 3]
    assert [int(w.split()[-2]) for w in weeks] == [0, 0, 0, 0, 0, 1, 0, 0]  # Sun 20 Feb
    total = next(line for line in lines if line.strip().startswith("Total"))
    assert total.split() == ["Total", "9", "1", "0"]
    trend = next(line for line in lines if line.strip().startswith("Trend"))
    assert trend.split() == ["Trend", "▁▁▁▁▆▆▆█", "▁▁▁▁▁█▁▁", "▁▁▁▁▁▁▁▁"]
    assert text.endswith("* this week so far\n")


def test_sparkline() -> None:
    assert sparkline([0, 1, 2, 3, 4, 5, 6, 7]) == "▁▂▃▄▅▆▇█"
    assert sparkline([0, 0, 0]) == "▁▁▁"
    assert sparkline([1, 100]) == "▂█"  # something is never drawn as nothing
    assert sparkline([]) == ""


# --- the rhythm field and the goals, as typed ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("", None),
        ("none", None),
        ("  ", None),
        ("21", 21),
        ("21d", 21),
        ("21 days", 21),
        ("2w", 14),
        ("2 weeks", 14),
        ("1m", 30),
        ("1 month", 30),
        ("3m", 90),
        ("3 Months", 90),
        ("6m", 180),
        ("1y", 365),
    ],
)
def test_check_cadence_takes_days_and_presets(text: str, days: int | None) -> None:
    assert check_cadence(text) == days


@pytest.mark.parametrize("text", ["often", "0", "0w", "3651", "11y", "1.5m", "-3", "²", "9" * 50])
def test_check_cadence_refuses_the_rest(text: str) -> None:
    with pytest.raises(QuickAddError, match="rhythm must be a number of days"):
        check_cadence(text)


def test_check_goal() -> None:
    assert check_goal(" 0 ", "meetings") == 0
    assert check_goal("12", "meetings") == 12
    for bad in ("", "-1", "1000", "two", "²"):
        with pytest.raises(QuickAddError, match="the goal for meetings"):
            check_goal(bad, "meetings")


# --- stored defaults ----------------------------------------------------------------------


def open_store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "netui.json", clock=frozen_clock(at(TODAY)))


def meta_on_disk(store: Store) -> dict:
    return json.loads(store.path.read_text())["meta"]["1"]


def test_cadence_defaults_are_stored_in_meta(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    assert store.cadence_defaults() == {"tags": {}, "status": {}}
    store.add_contact(Contact("Jane"))
    store.set_cadence_default("tags", "#UX", 30)
    store.set_cadence_default("tags", "Fintech", 14)
    assert store.set_cadence_default("status", "lead", 180) == {
        "tags": {"ux": 30, "fintech": 14},
        "status": {"lead": 180},
    }
    assert meta_on_disk(store)["cadence_defaults"] == {
        "tags": {"ux": 30, "fintech": 14},
        "status": {"lead": 180},
    }
    assert Store.open(store.path).cadence_defaults() == store.cadence_defaults()
    store.set_cadence_default("tags", "ux", None)
    assert meta_on_disk(store)["cadence_defaults"]["tags"] == {"fintech": 14}
    assert store.undo() == "set the default rhythm of #ux to none"
    assert meta_on_disk(store)["cadence_defaults"]["tags"] == {"ux": 30, "fintech": 14}
    assert meta_on_disk(store)["goals"] == {"contacts": 5, "meetings": 2, "followups": 5}


@pytest.mark.parametrize(
    ("kind", "key", "days", "message"),
    [
        ("company", "Acme", 30, "per tag or per status"),
        ("status", "friend", 30, "'friend' is not a status"),
        ("tags", " # ", 30, "needs a tag"),
        ("tags", "ux", 0, "from 1 to 3650"),
        ("tags", "ux", 4000, "from 1 to 3650"),
    ],
)
def test_bad_cadence_defaults_are_refused(
    tmp_path: Path, kind: str, key: str, days: int, message: str
) -> None:
    store = open_store(tmp_path)
    store.add_contact(Contact("Jane"))
    before = store.path.read_bytes()
    with pytest.raises(StoreError, match=message):
        store.set_cadence_default(kind, key, days)
    assert store.path.read_bytes() == before


def test_damaged_cadence_defaults_are_reported_and_read_as_none(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    store.add_contact(Contact("Jane"))
    data = json.loads(store.path.read_text())
    data["meta"]["1"]["cadence_defaults"] = {"tags": {"ux": "often", "pm": 30}, "status": [1]}
    store.path.write_text(json.dumps(data))
    with pytest.raises(StoreError, match="meta/1: 'cadence_defaults' must be"):
        Store.open(store.path)
    shown = Store.open(store.path, tolerant=True)  # read-only, as the app shows it
    assert shown.read_only is not None
    assert shown.cadence_defaults() == {"tags": {"pm": 30}, "status": {}}


def test_the_review_uses_the_stored_defaults(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    (jane,) = store.add_contacts([Contact("Jane", tags=("ux",), created=at(date(2028, 1, 10)))])
    store.set_cadence_default("tags", "ux", 30)
    review = daily_review(store.network(), TODAY, store.cadence_defaults(), store.goals())
    assert [c.contact.id for c in review.going_cold] == [jane.id]  # 50 days, cold at 45
    assert review.goals == Goals()


@pytest.mark.parametrize(
    ("contact", "expected"),
    [
        (Contact("A", cadence_days=10, tags=("ux",)), (10, "")),
        (Contact("B", tags=("ux", "recruiter")), (14, "the default for #recruiter")),
        (Contact("C", tags=("UX",)), (30, "the default for #UX")),
        (Contact("D", status=Status.MET), (90, "the default for met")),
        (Contact("E"), (None, "")),
    ],
)
def test_rhythm_of_says_where_a_rhythm_comes_from(
    contact: Contact, expected: tuple[int | None, str]
) -> None:
    from netui.rhythm import rhythm_of

    defaults = {"tags": {"ux": 30, "recruiter": 14}, "status": {"met": 90}}
    assert rhythm_of(contact, defaults) == expected
    assert effective_cadence(contact, defaults) == expected[0]
