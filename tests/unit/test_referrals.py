"""The referral forest (netui.referrals): roots, loops broken, yields, chains, companies.

Loops and self-referrals are data errors the file can hold (an edit, an import, a sync
conflict); the forest must place everyone at most once and never hang or recurse.
"""

from __future__ import annotations

import sys
import time
from datetime import date

import pytest

from netui.model import Contact, Network, Note, NoteKind
from netui.referrals import ReferralForest, is_meeting, referral_forest

DAY = date(2026, 6, 3)


def person(contact_id: int, name: str, via: int | None = None, company: str = "") -> Contact:
    return Contact(name, company=company, referred_by=via, id=contact_id)


def met(contact_id: int, kind: NoteKind = NoteKind.MEETING, note_id: int = 0) -> Note:
    return Note("met", DAY, contact_id, kind, id=note_id or None)


def forest_of(*contacts: Contact, notes: tuple[Note, ...] = ()) -> ReferralForest:
    return referral_forest(Network(contacts=contacts, notes=notes))


def names(forest: ReferralForest) -> list[tuple[int, str]]:
    """(depth, name) of every node in the order a tree view shows them."""
    return [(node.depth, node.contact.name) for node in forest.walk()]


def chain(forest: ReferralForest) -> list[str]:
    return [c.name for c in forest.longest_chain]


def test_an_empty_network_has_no_trees() -> None:
    forest = forest_of()
    assert forest.roots == ()
    assert len(forest) == 0
    assert forest.longest_chain == ()
    assert forest.companies_reached == ()


def test_people_who_referred_nobody_and_were_not_referred_are_left_out() -> None:
    forest = forest_of(person(1, "Ann"), person(2, "Bob"))
    assert forest.roots == ()
    assert list(forest.walk()) == []


def test_a_simple_forest_in_name_order() -> None:
    forest = forest_of(
        person(1, "Zed"),
        person(2, "Ann"),
        person(3, "Cy", via=1),
        person(4, "Bea", via=1),
        person(5, "Dee", via=4),
        person(6, "Eve", via=2),
        person(7, "Loner"),
    )
    assert forest.roots == (2, 1)  # by name: Ann, Zed
    assert names(forest) == [(0, "Ann"), (1, "Eve"), (0, "Zed"), (1, "Bea"), (2, "Dee"), (1, "Cy")]
    zed = forest.nodes[1]
    assert (zed.names_given, zed.descendants, zed.children) == (2, 3, (4, 3))
    assert forest.nodes[5].root_id == 1
    assert forest.nodes[5].parent_id == 4
    assert chain(forest) == ["Zed", "Bea", "Dee"]
    assert [c.name for c in forest.chain_to(5)] == ["Zed", "Bea", "Dee"]
    assert forest.chain_to(99) == []


def test_a_loop_of_two_gets_its_lowest_id_as_root() -> None:
    # A referred B and B referred A: a data error.
    forest = forest_of(person(2, "B", via=1), person(1, "A", via=2))
    assert forest.roots == (1,)
    assert names(forest) == [(0, "A"), (1, "B")]
    a, b = forest.nodes[1], forest.nodes[2]
    assert (a.parent_id, a.cut_referrer, a.names_given) == (None, 2, 1)
    assert (b.parent_id, b.cut_referrer, b.names_given) == (1, None, 0)
    assert chain(forest) == ["A", "B"]


def test_a_loop_of_three_with_people_hanging_off_it() -> None:
    forest = forest_of(
        person(5, "E", via=7),
        person(7, "G", via=9),
        person(9, "I", via=5),
        person(3, "C", via=9),  # referred by a loop member, not in the loop
        person(4, "D", via=3),
    )
    assert forest.roots == (5,)
    assert names(forest) == [(0, "E"), (1, "I"), (2, "C"), (3, "D"), (2, "G")]
    assert forest.nodes[5].cut_referrer == 7
    assert forest.nodes[5].descendants == 4
    assert len(forest) == 5  # each once
    assert chain(forest) == ["E", "I", "C", "D"]


def test_a_loop_reached_from_nowhere_beside_a_normal_tree() -> None:
    forest = forest_of(
        person(1, "Root"),
        person(2, "Kid", via=1),
        person(3, "X", via=4),
        person(4, "Y", via=3),
    )
    assert forest.roots == (1, 3)
    assert names(forest) == [(0, "Root"), (1, "Kid"), (0, "X"), (1, "Y")]


def test_the_forest_does_not_depend_on_the_order_of_the_contacts() -> None:
    people = [person(i, f"P{i}", via=(i % 7) + 1) for i in range(1, 8)]  # one loop of 7
    people += [person(10 + i, f"Q{i}", via=i) for i in range(1, 8)]
    first = forest_of(*people)
    second = forest_of(*reversed(people))
    assert names(first) == names(second)
    assert first.roots == second.roots == (1,)


def test_a_self_referral_counts_as_no_referrer() -> None:
    forest = forest_of(person(1, "Narcissus", via=1), person(2, "Echo", via=1))
    assert forest.roots == (1,)
    assert names(forest) == [(0, "Narcissus"), (1, "Echo")]
    assert forest.nodes[1].cut_referrer is None
    # Alone, a self-referral is no tree at all.
    assert forest_of(person(1, "Narcissus", via=1)).roots == ()


def test_a_referral_to_a_deleted_contact_counts_as_no_referrer() -> None:
    forest = forest_of(person(2, "Orphan", via=99), person(3, "Kid", via=2))
    assert forest.roots == (2,)
    assert forest.nodes[2].parent_id is None
    assert names(forest) == [(0, "Orphan"), (1, "Kid")]
    # Someone whose referrer is gone and who referred no one is in no tree.
    assert forest_of(person(2, "Orphan", via=99)).roots == ()


def test_yield_counts_names_given_and_meetings_with_them() -> None:
    contacts = (
        person(1, "Jane"),
        person(2, "Zoe", via=1),
        person(3, "Priya", via=1),
        person(4, "Sam", via=3),
    )
    notes = (
        met(2, NoteKind.MEETING, 1),
        met(2, NoteKind.COFFEE, 2),
        met(3, NoteKind.EVENT, 3),
        met(3, NoteKind.CALL, 4),  # a call is not a meeting
        met(3, NoteKind.EMAIL, 5),
        met(3, NoteKind.NOTE, 6),
        met(1, NoteKind.MEETING, 7),  # with Jane herself: not a meeting her names led to
        met(4, NoteKind.MEETING, 8),
        Note("orphan note", DAY, None, NoteKind.MEETING, id=9),
    )
    forest = forest_of(*contacts, notes=notes)
    jane, priya, zoe = forest.nodes[1], forest.nodes[3], forest.nodes[2]
    assert (jane.names_given, jane.meetings, jane.descendants) == (2, 3, 3)
    assert (priya.names_given, priya.meetings, priya.descendants) == (1, 1, 1)
    assert (zoe.names_given, zoe.meetings, zoe.descendants) == (0, 0, 0)


@pytest.mark.parametrize(
    ("kind", "counts"),
    [
        (NoteKind.MEETING, True),
        (NoteKind.COFFEE, True),
        (NoteKind.EVENT, True),
        (NoteKind.CALL, False),
        (NoteKind.EMAIL, False),
        (NoteKind.NOTE, False),
    ],
)
def test_which_notes_are_meetings(kind: NoteKind, counts: bool) -> None:
    assert is_meeting(met(1, kind)) is counts


def test_companies_reached_through_each_root() -> None:
    forest = forest_of(
        person(1, "Jane", company="Acme"),  # the root's own company is not "reached"
        person(2, "Zoe", via=1, company="Initech"),
        person(3, "Priya", via=1, company=" acme "),
        person(4, "Sam", via=3, company="Initech"),
        person(5, "Kit", via=3, company=""),
        person(6, "Bob", company="Globex"),
        person(7, "Lee", via=6, company="Hooli"),
    )
    assert forest.companies == {1: ("acme", "Initech"), 6: ("Hooli",)}
    assert forest.companies_reached == ("acme", "Hooli", "Initech")


def chain_of(length: int) -> tuple[Contact, ...]:
    """Person 1 referred person 2, who referred person 3, … down to `length`."""
    return tuple(
        person(i, f"P{i:05d}", via=i - 1 if i > 1 else None, company=f"Co{i % 10}")
        for i in range(1, length + 1)
    )


@pytest.mark.parametrize("length", [200, 5000])
def test_a_long_chain_is_quick_and_never_recurses(length: int) -> None:
    contacts = chain_of(length)
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(100)  # any recursion over the chain would fail at once
    try:
        started = time.perf_counter()
        forest = forest_of(*contacts)
        nodes = list(forest.walk())
        path = forest.chain_to(length)
        elapsed = time.perf_counter() - started
    finally:
        sys.setrecursionlimit(limit)
    assert elapsed < 1.0
    assert forest.roots == (1,)
    assert len(nodes) == length
    assert [n.depth for n in nodes] == list(range(length))
    assert len(forest.longest_chain) == length
    assert forest.longest_chain[-1].id == length
    assert len(path) == length
    assert forest.nodes[1].descendants == length - 1
    assert forest.companies[1] == tuple(f"Co{i}" for i in range(10))


@pytest.mark.parametrize("length", [200, 5000])
def test_a_long_loop_is_quick_and_placed_once(length: int) -> None:
    # The chain's first person "referred by" its last: one loop of `length`.
    contacts = (person(1, "P00001", via=length), *chain_of(length)[1:])
    started = time.perf_counter()
    forest = forest_of(*contacts)
    assert time.perf_counter() - started < 1.0
    assert forest.roots == (1,)
    assert forest.nodes[1].cut_referrer == length
    assert len(forest.longest_chain) == length


def test_many_trees_and_loops_each_place_everyone_once() -> None:
    contacts = []
    for block in range(200):  # 200 loops of 3, each with a tail of 2 hanging off
        base = block * 10
        contacts += [
            person(base + 1, f"a{block}", via=base + 3),
            person(base + 2, f"b{block}", via=base + 1),
            person(base + 3, f"c{block}", via=base + 2),
            person(base + 4, f"d{block}", via=base + 2),
            person(base + 5, f"e{block}", via=base + 4),
        ]
    forest = forest_of(*contacts)
    placed = [node.id for node in forest.walk()]
    assert len(placed) == len(set(placed)) == len(contacts)
    assert len(forest.roots) == 200
    assert all(forest.nodes[root].contact.name.startswith("a") for root in forest.roots)
