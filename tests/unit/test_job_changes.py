"""Job changes seen on a LinkedIn re-import: every one listed, applied to contacts that
only ever held what LinkedIn said, offered for the others; the old job kept in a note,
a move into a target company followed up the same day; one change, one undo."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from netui.clock import frozen_clock
from netui.interchange.linkedin import parse_connections, plan_import, read_connections
from netui.interchange.plan import (
    ImportPlan,
    accept_job_changes,
    apply_plan,
    describe_plan,
    flag_targets,
    plan_details,
)
from netui.model import Company, Contact, NoteKind
from netui.review import daily_review
from netui.store.store import Store

DATA = Path(__file__).parent.parent / "data" / "linkedin"
NOW = datetime(2026, 11, 25, 10, 30)
TODAY = NOW.date()
IMPORTED = datetime(2021, 4, 2, 9, 0)
HEAD = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "netui.json", clock=frozen_clock(NOW))


def priya(company: str, title: str, *, edited: bool = False, tag: bool = True) -> Contact:
    """Priya as an earlier import left her (or as the user edited or typed her)."""
    return Contact(
        id=1,
        name="Priya Patel",
        company=company,
        title=title,
        linkedin="https://linkedin.com/in/priya",
        tags=("linkedin",) if tag else (),
        created=IMPORTED,
        updated=datetime(2024, 1, 5, 12, 0) if edited else IMPORTED,
    )


def reimport(contact: Contact, company: str, title: str) -> ImportPlan:
    row = f"Priya,Patel,https://linkedin.com/in/priya,,{company},{title},02 Apr 2021\n"
    return plan_import(parse_connections(HEAD + row), [contact])


# (before: company, title, edited, tagged), (LinkedIn now: company, title) ->
# the line listed ("" for no job change), and whether it is applied.
CASES = [
    # Untouched (imported, never edited): followed, and said.
    (("Acme", "Designer", False, True), ("Globex", "Designer"), "Acme → Globex", True),
    (
        ("Acme", "Designer", False, True),
        ("Globex", "Lead"),
        "Designer at Acme → Lead at Globex",
        True,
    ),
    (
        ("Acme", "Designer", False, True),
        ("Acme", "Lead"),
        "Designer at Acme → Lead at Acme",
        True,
    ),
    # Edited in netui, or typed by hand: offered, not applied.
    (("Acme", "Designer", True, True), ("Globex", "Designer"), "Acme → Globex", False),
    (
        ("Acme", "Head of Design", True, True),
        ("Globex", "Lead"),
        "Head of Design at Acme → Lead at Globex",
        False,
    ),
    (("Acme", "Designer", False, False), ("Globex", "Designer"), "Acme → Globex", False),
    # Not a job change: the same job spelled otherwise, nothing new, an empty field filled.
    (("Acme", "Designer", False, True), ("ACME", "designer"), "", True),
    (("Acmé  Corp", "Designer", True, True), ("Acme Corp", "Designer"), "", False),
    (("Acme", "Designer", True, True), ("", ""), "", False),
    (("Acme", "Designer", True, True), ("Acme", "Designer"), "", False),
    (("", "", True, False), ("Globex", "Lead"), "", False),
    (("Acme", "", True, True), ("Acme", "Lead"), "", False),
    # A change and a fill at once: the change is listed, the fill made anyway.
    (("", "Designer", True, True), ("Globex", "Lead"), "Designer → Lead at Globex", False),
]


@pytest.mark.parametrize(("before", "now", "line", "applied"), CASES)
def test_which_changes_are_listed_and_which_applied(
    before: tuple[str, str, bool, bool], now: tuple[str, str], line: str, applied: bool
) -> None:
    company, title, edited, tag = before
    contact = priya(company, title, edited=edited, tag=tag)
    plan = reimport(contact, *now)
    if not line:
        assert plan.job_changes == []
        assert not any(detail.startswith("* ") for detail in plan_details(plan))
        return
    (change,) = plan.job_changes
    assert change.summary() == f"Priya Patel: {line}"
    assert change.applied is applied
    details = plan_details(plan)
    state = "applied;" if applied else "offered:"
    assert f"* Priya Patel: {line} ({state}" in "\n".join(details)
    saved = {before.id: after for before, after in plan.updated}.get(1, contact)
    if applied:
        assert (saved.company, saved.title) == now
    else:
        assert (saved.company, saved.title) == (company or now[0], title or now[1])  # filled


def test_an_applied_change_keeps_the_old_job_in_a_note_in_one_undoable_change(
    store: Store,
) -> None:
    apply_plan(store, plan_import(read_connections(DATA / "jobs_before.csv"), []))
    before = {c.name: c for c in store.contacts()}
    plan = plan_import(read_connections(DATA / "jobs_after.csv"), store.contacts())
    assert [c.summary() for c in plan.job_changes] == [
        "Priya Patel: Designer at Acme → Lead at Globex",
        "Sam Lee: Analyst at Initech → Senior Analyst at Initech",
        "Omar Haddad: Umbrella → GLOBEX",
    ]
    assert all(c.applied for c in plan.job_changes)  # nobody edited: LinkedIn is followed
    # Ana's company spelled in capitals is an update, not a job change.
    assert "~ Ana Costa: company 'Hooli' → 'HOOLI'" in plan_details(plan)

    apply_plan(store, plan)
    assert len(store.history) == 2
    now = {c.name: c for c in store.contacts()}
    assert (now["Priya Patel"].company, now["Priya Patel"].title) == ("Globex", "Lead")
    assert now["Priya Patel"].updated == now["Priya Patel"].created  # still follows LinkedIn
    notes = {n.contact_id: n for n in store.notes()}
    note = notes[now["Priya Patel"].id]
    assert note.text == "Moved from Designer at Acme to Lead at Globex (LinkedIn import)"
    assert (note.kind, note.date) == (NoteKind.NOTE, TODAY)
    assert notes[now["Omar Haddad"].id].text == (
        "Moved from Engineer at Umbrella to Engineer at GLOBEX (LinkedIn import)"
    )
    assert len(notes) == 3 and store.followups() == []  # no target company marked

    store.undo()  # one step takes it all back: jobs and notes
    assert {c.name: c for c in store.contacts()} == before
    assert store.notes() == []


def test_an_offered_change_is_applied_only_when_accepted(store: Store) -> None:
    apply_plan(store, plan_import(read_connections(DATA / "jobs_before.csv"), []))
    for contact in store.contacts():
        if contact.name in ("Sam Lee", "Omar Haddad"):
            store.update_contact(replace(contact, how_met="Meetup"), contact)
    rows = read_connections(DATA / "jobs_after.csv")
    plan = plan_import(rows, store.contacts())
    assert [(c.contact.name, c.applied) for c in plan.job_changes] == [
        ("Priya Patel", True),
        ("Sam Lee", False),
        ("Omar Haddad", False),
    ]
    details = "\n".join(plan_details(plan))
    assert "* Sam Lee: Analyst at Initech → Senior Analyst at Initech (offered:" in details

    # Accepting Omar's only (the index in job_changes, as the app's list gives it).
    accepted = accept_job_changes(plan, [2])
    assert [c.applied for c in accepted.job_changes] == [True, False, True]
    assert describe_plan(accepted).startswith("added 0, updated 3, unchanged 1")
    assert describe_plan(plan).startswith("added 0, updated 2, unchanged 2")
    apply_plan(store, accepted)
    now = {c.name: c for c in store.contacts()}
    assert now["Omar Haddad"].company == "GLOBEX" and now["Omar Haddad"].how_met == "Meetup"
    assert now["Sam Lee"].title == "Analyst"  # not accepted: kept
    assert {n.contact_id for n in store.notes()} == {now["Priya Patel"].id, now["Omar Haddad"].id}

    # Again: what was applied is not reported again; Sam's declined change is offered again.
    again = plan_import(rows, store.contacts())
    assert [c.summary() for c in again.job_changes] == [
        "Sam Lee: Analyst at Initech → Senior Analyst at Initech"
    ]
    assert again.updated == [] and not again.changes_anything


def test_a_move_into_a_target_company_is_followed_up_today(store: Store) -> None:
    apply_plan(store, plan_import(read_connections(DATA / "jobs_before.csv"), []))
    store.set_target("globex ", True)  # matched as netui.companies matches: case, spaces
    store.set_target("Initech", False)  # marked once, no longer a target
    plan = plan_import(read_connections(DATA / "jobs_after.csv"), store.contacts())
    plan = flag_targets(plan, store.companies())
    assert [c.target for c in plan.job_changes] == [True, False, True]
    details = "\n".join(plan_details(plan))
    assert (
        "* Priya Patel: Designer at Acme → Lead at Globex (applied; the old job kept in a "
        "note; Globex is a target company: a follow-up due today)"
    ) in details

    apply_plan(store, plan)
    followups = {f.text: f for f in store.followups()}
    assert set(followups) == {
        "Priya Patel moved to Globex, a target company: congratulate them and ask about the team",
        "Omar Haddad moved to GLOBEX, a target company: congratulate them and ask about the team",
    }
    assert all(f.due == TODAY and f.is_open for f in followups.values())
    review = daily_review(store.network(), TODAY)
    assert {f.text for f in review.due_today} == set(followups)
    store.undo()
    assert store.followups() == [] and store.notes() == []


def test_an_offered_move_into_a_target_is_followed_up_only_if_accepted(store: Store) -> None:
    apply_plan(store, plan_import(read_connections(DATA / "jobs_before.csv"), []))
    omar = next(c for c in store.contacts() if c.name == "Omar Haddad")
    store.update_contact(replace(omar, title="Staff Engineer"), omar)
    plan = flag_targets(
        plan_import(read_connections(DATA / "jobs_after.csv"), store.contacts()),
        [Company("Globex", target=True)],
    )
    assert (
        "* Omar Haddad: Staff Engineer at Umbrella → Engineer at GLOBEX (offered: kept as "
        "typed in netui unless accepted; GLOBEX is a target company: a follow-up if accepted)"
    ) in plan_details(plan)
    apply_plan(store, plan)
    assert [f.text.split()[0] for f in store.followups()] == ["Priya"]
    assert store.contact(omar.id).company == "Umbrella"  # type: ignore[arg-type]


def test_a_change_dropped_because_the_contact_changed_meanwhile_leaves_no_note(
    store: Store,
) -> None:
    apply_plan(store, plan_import(read_connections(DATA / "jobs_before.csv"), []))
    plan = plan_import(read_connections(DATA / "jobs_after.csv"), store.contacts())
    plan = flag_targets(plan, [Company("Globex", target=True)])
    priya_now = next(c for c in store.contacts() if c.name == "Priya Patel")
    store.update_contact(replace(priya_now, company="Mine"), priya_now)  # an edit meanwhile
    apply_plan(store, plan)
    assert store.contact(priya_now.id).company == "Mine"  # type: ignore[arg-type]
    assert priya_now.id not in {n.contact_id for n in store.notes()}
    assert priya_now.id not in {f.contact_id for f in store.followups()}


def test_reimporting_after_applying_reports_nothing_and_changes_nothing(store: Store) -> None:
    apply_plan(store, plan_import(read_connections(DATA / "jobs_before.csv"), []))
    rows = read_connections(DATA / "jobs_after.csv")
    apply_plan(store, flag_targets(plan_import(rows, store.contacts()), store.companies()))
    history = len(store.history)
    plan = plan_import(rows, store.contacts())
    assert plan.job_changes == [] and not plan.changes_anything
    assert plan_details(plan) == []
    apply_plan(store, plan)
    assert len(store.history) == history


def test_text_from_the_file_is_shown_not_run() -> None:
    contact = priya("Acme", "Designer")
    plan = reimport(contact, "Glo\x1b[31mbex", "Lead\u202e")
    (line,) = [d for d in plan_details(plan) if d.startswith("* ")]
    assert "\x1b" not in line and "\u202e" not in line
