"""Import matching keeps different people apart (issue 11, part 4): a shared home phone,
a country code, a name alone are candidates, not matches; one save, one undo, a
re-import adds nobody; and the same holds on real address books from other projects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from netui.identity import compare, keys_of
from netui.interchange.formats import plan_file
from netui.interchange.plan import apply_plan, plan_details
from netui.interchange.vcard import read_vcards
from netui.store import Store

DATA = Path(__file__).parents[1] / "data" / "vcard"
CORPUS = Path(__file__).parents[2].parent / "shared" / "corpus" / "vcard"


@pytest.fixture(autouse=True)
def _region(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NETUI_REGION", "US")


def names(path: Path) -> list[str]:
    return sorted(doc["name"] for doc in json.loads(path.read_text())["contacts"].values())


def test_a_household_sharing_a_phone_is_two_people_and_listed(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "netui.json")
    plan = plan_file("vcard", DATA / "household.vcf", store.contacts())

    assert [c.name for c in plan.added] == [
        "Maria Santos",
        "Lucas Santos",
        "Klaus Weber",
        "Test Person",
        "test person",
        "Tést Persön",
    ]
    # The second Maria card has her email (in other case): the same person, joined.
    assert plan.skipped == [(39, "same person as line 1")]
    assert plan.added[0].title == "Engineer"
    shown = plan_details(plan)
    assert "? line 8 Lucas Santos may be line 1 (same phone): added, see Duplicates" in shown
    # +1 408 765-5050 and +49 408 765-5050 are two numbers: Klaus is nobody's candidate.
    assert not any("Klaus" in line for line in shown if line.startswith("?"))
    assert "? line 27 test person may be line 21 (same name): added, see Duplicates" in shown

    apply_plan(store, plan)
    assert len(names(store.path)) == 6
    again = plan_file("vcard", DATA / "household.vcf", store.contacts())
    assert (again.added, again.updated, again.unchanged) == ([], [], 6)
    assert store.undo() == "imported from vCard (added 6, updated 0)"
    assert names(store.path) == []


def test_the_preview_of_a_dry_run_equals_the_import(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "netui.json")
    dry = plan_details(plan_file("vcard", DATA / "household.vcf", store.contacts()))
    real = plan_file("vcard", DATA / "household.vcf", store.contacts())
    assert plan_details(real) == dry
    apply_plan(store, real)
    assert len(names(store.path)) == len([line for line in dry if line.startswith("+ ")])


def _corpus(name: str) -> Path:
    if not CORPUS.is_dir():
        pytest.skip("the shared corpus of real vCards is not here (a fresh clone)")
    return CORPUS


def test_a_real_twenty_card_test_address_book_is_not_folded_by_name_alone(
    tmp_path: Path,
) -> None:
    # Evolution's migration test book: 20 cards whose names differ by case and accents.
    corpus = _corpus("eds")
    book = tmp_path / "migrate.vcf"
    cards = sorted(corpus.glob("eds__tests_book-migration_vcards_migrate-*.vcf"))
    assert len(cards) == 20
    book.write_text("".join(card.read_text() for card in cards))

    rows = {row.line: row.contact for row in read_vcards(book)}
    plan = plan_file("vcard", book, [])

    # Before: 3 people (names matched ignoring case and accents alone). Now every card
    # joined to an earlier one shares an email, or a name and a phone, with it.
    assert len(plan.added) >= 12
    for line, reason in plan.skipped:
        first = int(reason.removeprefix("same person as line "))
        evidence = compare(keys_of(rows[line], "US"), keys_of(rows[first], "US"))
        assert evidence.same_person, (line, first, evidence)


def test_real_cards_with_one_number_in_two_countries_are_two_people() -> None:
    corpus = _corpus("eds")
    cards = sorted(corpus.glob("eds__tests_libebook_data_vcards_custom-*.vcf"))
    people = [row.contact for card in cards for row in read_vcards(card)]
    by_name = {c.name: c for c in people}
    tina, alister = by_name["Tina Turner"], by_name["Alister Crawley"]
    assert (tina.phone, alister.phone) == ("+1 408 765-5050", "+49 408 765-5050")
    assert not compare(keys_of(tina, "US"), keys_of(alister, "US")).likely
    eddie = by_name["Eddie Murphey"]  # "408 765-5050": in the US, Tina's number
    assert compare(keys_of(eddie, "US"), keys_of(tina, "US")).reasons == ("same phone",)
