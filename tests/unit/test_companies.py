"""Companies (netui.companies): grouping spellings, people order, counts, targets, and the
best paths in (direct contacts, then the people who could introduce you)."""

from __future__ import annotations

import time
from datetime import date, datetime

from netui.companies import (
    CompanyGroup,
    PathIn,
    PathKind,
    best_paths,
    company_key,
    group_companies,
)
from netui.model import Company, Contact, FollowUp, Network, Note, NoteKind, Status

DAY = date(2026, 6, 3)
LEAD, CONTACTED, MET = Status.LEAD, Status.CONTACTED, Status.MET


def person(
    contact_id: int,
    name: str,
    company: str = "",
    status: Status = LEAD,
    via: int | None = None,
    title: str = "",
) -> Contact:
    return Contact(
        name, company=company, status=status, referred_by=via, title=title, id=contact_id
    )


def network(*contacts: Contact, notes: tuple[Note, ...] = ()) -> Network:
    return Network(contacts=contacts, notes=notes)


def groups_by_name(*contacts: Contact, marked: tuple[Company, ...] = ()) -> dict[str, CompanyGroup]:
    return {g.name: g for g in group_companies(network(*contacts), marked)}


def route(path: PathIn) -> tuple[str, str, str]:
    return (path.kind.value, path.ask.name, path.reaches.name)


# --- grouping --------------------------------------------------------------------------------


def test_spellings_differing_in_case_accents_and_spaces_are_one_company() -> None:
    groups = group_companies(
        network(
            person(1, "Ann", "Acme"),
            person(2, "Ben", "ACME "),
            person(3, "Cy", "Acmé"),
            person(4, "Di", "  acme"),
            person(5, "Ed", "Acme"),
            person(6, "Flo", "Acme  Corp"),
            person(7, "Gus", "acme corp"),
        )
    )
    assert [(g.name, g.people) for g in groups] == [("Acme", 5), ("Acme Corp", 2)]
    acme = groups[0]
    assert acme.key == company_key("ÁCME") == "acme"
    assert {c.name for c in acme.contacts} == {"Ann", "Ben", "Cy", "Di", "Ed"}
    assert acme.spellings[0] == "Acme"
    assert set(acme.spellings) == {"Acme", "ACME", "Acmé", "acme"}
    assert groups[1].name == "Acme Corp"  # spaces inside the name normalised too


def test_the_most_common_spelling_is_shown_and_a_tie_goes_to_the_first_added() -> None:
    assert list(groups_by_name(person(1, "A", "ACME"), person(2, "B", "Acme"))) == ["ACME"]
    shown = groups_by_name(person(1, "A", "ACME"), person(2, "B", "Acme"), person(3, "C", "Acme"))
    assert list(shown) == ["Acme"]
    # Ids, not the order of the tuple, say who was added first.
    assert list(groups_by_name(person(9, "A", "ACME"), person(2, "B", "Acmé"))) == ["Acmé"]


def test_a_tie_goes_to_the_spelling_the_user_marked() -> None:
    marked = (Company("acme", target=True),)
    shown = groups_by_name(person(1, "A", "ACME"), person(2, "B", "acme"), marked=marked)
    assert list(shown) == ["acme"]
    assert shown["acme"].target


def test_contacts_without_a_company_are_in_no_group() -> None:
    assert group_companies(network(person(1, "A", ""), person(2, "B", "   "))) == []


def test_people_are_met_then_contacted_then_leads_by_name_with_counts() -> None:
    (acme,) = group_companies(
        network(
            person(1, "zed", "Acme", LEAD),
            person(2, "Yan", "Acme", MET),
            person(3, "Xia", "Acme", CONTACTED),
            person(4, "Ana", "Acme", LEAD),
            person(5, "Ébo", "Acme", MET),
        )
    )
    assert [c.name for c in acme.contacts] == ["Ébo", "Yan", "Xia", "Ana", "zed"]
    assert acme.counts == {LEAD: 2, CONTACTED: 1, MET: 2}
    assert (acme.people, acme.met, acme.contacted, acme.leads) == (5, 2, 1, 2)
    assert not acme.target


def test_targets_come_first_then_companies_with_the_most_people() -> None:
    contacts = (
        person(1, "A", "Globex"),
        person(2, "B", "Initech"),
        person(3, "C", "Initech"),
        person(4, "D", "Hooli"),
        person(5, "E", "Umbrella"),
    )
    marked = (
        Company("Umbrella", target=True),
        Company("Zeta Labs", target=True),
        Company("Aardvark", target=False),  # unmarked again, nobody there: not listed
        Company("Globex", target=False),  # unmarked, but people work there
        Company("Banana Co", target=True),
    )
    groups = group_companies(network(*contacts), marked)
    assert [(g.name, g.target) for g in groups] == [
        ("Banana Co", True),
        ("Umbrella", True),
        ("Zeta Labs", True),
        ("Initech", False),
        ("Globex", False),
        ("Hooli", False),
    ]


def test_targets_with_nobody_known_are_listed_with_no_path_yet() -> None:
    groups = group_companies(
        network(person(1, "A", "Acme")), [Company("  Stark   Industries ", True)]
    )
    stark = groups[0]
    assert (stark.name, stark.target, stark.people) == ("Stark Industries", True, 0)
    assert stark.paths == () and stark.best_path is None
    assert stark.counts == {LEAD: 0, CONTACTED: 0, MET: 0}


def test_a_target_matches_its_company_in_any_spelling() -> None:
    groups = group_companies(network(person(1, "A", "Acmé Corp")), [Company("ACME CORP", True)])
    assert [(g.name, g.target, g.people) for g in groups] == [("Acmé Corp", True, 1)]


def test_the_first_of_two_records_of_one_company_counts() -> None:
    marked = [Company("Acme", target=True, id=1), Company("ACME", target=False, id=2)]
    (acme,) = group_companies(network(), marked)
    assert acme.target


# --- paths in --------------------------------------------------------------------------------


def test_direct_paths_go_met_then_contacted_then_leads() -> None:
    net = network(
        person(1, "Lee Lead", "Acme", LEAD),
        person(2, "Meg Met", "Acme", MET, title="CTO"),
        person(3, "Cal Contacted", "Acme", CONTACTED),
    )
    paths = best_paths(net, ["Acme"])["Acme"]
    assert [p.ask.name for p in paths] == ["Meg Met", "Cal Contacted", "Lee Lead"]
    assert all(p.kind is PathKind.DIRECT and p.ask is p.reaches for p in paths)
    assert [p.summary for p in paths] == [
        "Talk to Meg Met",
        "Follow up with Cal Contacted",
        "Reach out to Lee Lead",
    ]
    assert paths[0].reason == "you met them"


def test_among_people_you_met_the_most_recently_touched_comes_first() -> None:
    notes = (
        Note("coffee", date(2026, 5, 1), 1, NoteKind.MEETING),
        Note("call", date(2026, 5, 20), 2, NoteKind.CALL),
    )
    net = network(person(1, "Ann", "Acme", MET), person(2, "Zed", "Acme", MET), notes=notes)
    assert [p.ask.name for p in best_paths(net, ["acme"])["acme"]] == ["Zed", "Ann"]
    # A done follow-up is a touch too.
    later = FollowUp("thanks", DAY, 1, done=datetime(2026, 6, 1, 10))
    net = Network(contacts=net.contacts, notes=notes, followups=(later,))
    assert [p.ask.name for p in best_paths(net, ["acme"])["acme"]] == ["Ann", "Zed"]


def test_a_referrer_elsewhere_is_a_path_after_the_direct_ones() -> None:
    net = network(
        person(1, "Jane Doe", "Globex", MET),
        person(2, "Priya Patel", "Acme", LEAD, via=1),
        person(3, "Bob Smith", "Acme", CONTACTED),
    )
    paths = best_paths(net, ["Acme"])["Acme"]
    assert [route(p) for p in paths] == [
        ("direct", "Bob Smith", "Bob Smith"),
        ("direct", "Priya Patel", "Priya Patel"),
        ("introduction", "Jane Doe", "Priya Patel"),
    ]
    assert paths[1].referrer is not None and paths[1].referrer.name == "Jane Doe"
    assert paths[1].reason == "a lead; Jane Doe gave you the name"
    intro = paths[2]
    assert intro.summary == "Ask Jane Doe to introduce you to Priya Patel"
    assert intro.reason == "you met Jane Doe, who referred Priya Patel (lead)"


def test_referrers_you_met_come_before_the_others() -> None:
    net = network(
        person(1, "Lia Lead", "", LEAD),
        person(2, "Cora Contacted", "Globex", CONTACTED),
        person(3, "Mo Met", "Initech", MET),
        person(10, "Pat", "Acme", LEAD, via=1),
        person(11, "Quinn", "Acme", LEAD, via=2),
        person(12, "Ray", "Acme", LEAD, via=3),
        person(13, "Sam", "Acme", CONTACTED, via=3),
    )
    intros = [p for p in best_paths(net, ["Acme"])["Acme"] if p.kind is PathKind.INTRODUCTION]
    assert [(p.ask.name, p.reaches.name) for p in intros] == [
        ("Mo Met", "Sam"),  # the contacted person before the lead
        ("Mo Met", "Ray"),
        ("Cora Contacted", "Quinn"),
        ("Lia Lead", "Pat"),
    ]


def test_no_introduction_to_someone_met_or_from_someone_who_works_there() -> None:
    net = network(
        person(1, "Jane", "Globex", MET),
        person(2, "Priya", "Acme", MET, via=1),  # met already
        person(3, "Bob", "ACME", MET),
        person(4, "Zoe", "Acme", LEAD, via=3),  # Bob works there: a direct path
        person(5, "Loop", "Acme", LEAD, via=5),  # referred by herself (a data error)
        person(6, "Gone", "Acme", LEAD, via=99),  # by a deleted contact
    )
    paths = best_paths(net, ["Acme"])["Acme"]
    assert all(p.kind is PathKind.DIRECT for p in paths)
    assert [p.ask.name for p in paths] == ["Bob", "Priya", "Gone", "Loop", "Zoe"]
    assert paths[1].referrer is None  # met: no need to mention who gave the name
    assert [p.referrer for p in paths[2:4]] == [None, None]


def test_best_paths_keeps_the_order_and_spelling_of_the_targets() -> None:
    net = network(person(1, "Ann", "Acme", MET))
    result = best_paths(net, ["Stark  Industries", Company("ACMÉ", True), "  "])
    assert list(result) == ["Stark Industries", "ACMÉ"]
    assert result["Stark Industries"] == []  # no path yet
    assert [p.ask.name for p in result["ACMÉ"]] == ["Ann"]


def test_grouping_thirty_thousand_contacts_is_quick() -> None:
    contacts = tuple(
        person(i, f"Person {i}", f"Company {i % 3000}", Status(["lead", "met"][i % 2]), via=i - 1)
        for i in range(1, 30_001)
    )
    net = network(*contacts)
    start = time.perf_counter()
    groups = group_companies(net, [Company(f"company {i}", True) for i in range(50)])
    elapsed = time.perf_counter() - start
    assert len(groups) == 3000 and sum(g.target for g in groups) == 50
    assert elapsed < 1.5, elapsed
