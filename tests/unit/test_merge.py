"""Planning an address-book import (netui.interchange.merge, netui.interchange.plan).

The matching keys one at a time, the never-overwrite merge rule, duplicates and skipped
rows, referrers, and `apply_plan` on a real store: one write, one undo step, and a second
import of the same rows that changes nothing.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netui.interchange.keys import phone_key
from netui.interchange.merge import plan_contacts
from netui.interchange.plan import ImportPlan, Incoming, apply_plan, describe_plan, plan_details
from netui.model import Contact, Status
from netui.store import Store
from netui.store.storage import AtomicJSONStorage
from netui.text import clean


def row(line: int, name: str, referrer: str = "", **fields: Any) -> Incoming:
    return Incoming(line, Contact(name=name, **fields), referrer=referrer)


def plan(rows: list[Incoming], existing: list[Contact], source: str = "vCard") -> ImportPlan:
    return plan_contacts(rows, existing, source)


def only_update(result: ImportPlan) -> tuple[Contact, Contact]:
    assert result.added == []
    assert len(result.updated) == 1
    return result.updated[0]


def open_store(tmp_path: Path, *saved: Contact) -> Store:
    store = Store.open(tmp_path / "netui.json")
    for contact in saved:
        store.add_contact(contact)
    return store


def on_disk(store: Store) -> dict[str, dict[str, Any]]:
    return json.loads(store.path.read_text())["contacts"]


# --- phone_key ----------------------------------------------------------------------------


def test_phone_key_is_e164_whatever_the_format() -> None:
    assert phone_key("+1 (415) 555-0142") == "+14155550142"
    assert phone_key("415.555.0142", "US") == "+14155550142"
    assert phone_key("0044 20 7946 0000") == "+442079460000"
    assert phone_key("020 7946 0000", "GB") == "+442079460000"


def test_phone_key_without_a_country_or_region_is_its_national_digits() -> None:
    assert phone_key("415.555.0142") == "?4155550142"
    assert phone_key("415.555.0142", None) != phone_key("+49 415 555 0142")


def test_phone_key_is_empty_under_seven_digits() -> None:
    assert phone_key("555-01") == ""
    assert phone_key("") == ""
    assert phone_key("ext. 12") == ""
    assert phone_key("555-0100") == "?5550100"


# --- the match keys, one at a time --------------------------------------------------------


def test_matches_by_profile_url_ignoring_case_trailing_slash_and_query() -> None:
    saved = Contact(
        "Jane Doe", company="Acme", linkedin="https://www.linkedin.com/in/janedoe", id=1
    )
    incoming = row(
        2, "J. Doe", company="Globex", title="CTO", linkedin="LinkedIn.com/in/JaneDoe/?utm=x"
    )

    before, after = only_update(plan([incoming], [saved]))

    assert before is saved
    assert after.name == "Jane Doe"  # matched although name and company differ
    assert after.company == "Acme"
    assert after.title == "CTO"
    assert after.other_urls == ()  # the same profile: not added as another address


def test_matches_by_email_ignoring_case() -> None:
    saved = Contact("Jane Doe", email="Jane@Example.COM", id=1)
    result = plan([row(2, "Someone Else", email="jane@example.com", title="CTO")], [saved])

    _, after = only_update(result)
    assert after.title == "CTO"


def test_matches_by_any_email_on_either_side() -> None:
    saved = Contact("Jane Doe", email="work@acme.com", other_emails=("home@mail.org",), id=1)
    incoming = row(2, "Other Name", email="new@x.org", other_emails=("HOME@mail.org",))

    _, after = only_update(plan([incoming], [saved]))

    assert after.other_emails == ("home@mail.org", "new@x.org")


def test_matches_by_name_and_phone_in_different_formats() -> None:
    saved = Contact("Jane Doe", phone="+1 (415) 555-0142", id=1)
    result = plan([row(2, "jane doe", phone="415.555.0142", title="CTO")], [saved])

    _, after = only_update(result)
    assert after.phone == "+1 (415) 555-0142"  # same number: kept, not added again
    assert after.other_phones == ()
    assert after.title == "CTO"


def test_a_shared_phone_alone_is_a_candidate_not_a_match() -> None:
    # Two family members with one home phone: the second is added and listed.
    saved = Contact("Jane Doe", phone="+1 (415) 555-0142", id=1)
    result = plan([row(2, "Someone Else", phone="415.555.0142", title="CTO")], [saved])

    assert [c.name for c in result.added] == ["Someone Else"]
    assert result.updated == []
    assert [(c.line, c.other, c.reason) for c in result.candidates] == [
        (2, "Jane Doe [id 1]", "same phone")
    ]
    assert plan_details(result)[-1] == (
        "? line 2 Someone Else may be Jane Doe [id 1] (same phone): added, see Duplicates"
    )


def test_short_numbers_are_not_a_match_key() -> None:
    saved = Contact("Jane Doe", phone="555-01", id=1)
    result = plan([row(2, "Someone Else", phone="555-01")], [saved])

    assert [c.name for c in result.added] == ["Someone Else"]
    assert result.updated == []


def test_matches_by_name_and_company_ignoring_accents_case_and_spacing() -> None:
    saved = Contact("José  García", company="Café Ltd", id=1)
    incoming = row(2, "  jose GARCIA ", company="CAFE   ltd", title="Barista")

    before, after = only_update(plan([incoming], [saved]))

    assert before is saved
    assert after.name == "José  García"
    assert after.title == "Barista"


def test_same_name_and_company_with_different_profiles_are_two_people() -> None:
    saved = Contact("Jane Doe", company="Acme", linkedin="https://linkedin.com/in/jane-1", id=1)
    incoming = row(2, "Jane Doe", company="Acme", linkedin="https://linkedin.com/in/jane-2")

    result = plan([incoming], [saved])

    assert [c.linkedin for c in result.added] == ["https://linkedin.com/in/jane-2"]
    assert (result.updated, result.unchanged) == ([], 0)


def test_name_alone_does_not_match_a_saved_contact_with_another_profile() -> None:
    saved = Contact("Jane Doe", company="Acme", linkedin="https://linkedin.com/in/jane-1", id=1)
    incoming = row(2, "Jane Doe", linkedin="https://linkedin.com/in/jane-2")

    result = plan([incoming], [saved])

    assert [c.name for c in result.added] == ["Jane Doe"]
    assert result.updated == []


def test_name_alone_with_something_new_is_a_candidate_not_a_match() -> None:
    saved = Contact("Sam Lee", company="Acme", id=1)
    result = plan([row(2, "sam lee", email="sam@x.org")], [saved])

    assert [c.email for c in result.added] == ["sam@x.org"]
    assert [c.reason for c in result.candidates] == ["same name"]


def test_name_alone_bringing_nothing_new_is_the_saved_contact() -> None:
    saved = Contact("Sam Lee", company="Acme", email="sam@x.org", id=1)
    result = plan([row(2, "Sam Lee"), row(3, "sam lee", email="SAM@x.org")], [saved])

    assert (result.added, result.updated, result.unchanged) == ([], [], 1)


def test_name_and_a_company_where_the_saved_contact_has_none_is_a_candidate() -> None:
    saved = Contact("Sam Lee", id=1)
    result = plan([row(2, "Sam Lee", company="Globex")], [saved])

    assert [c.company for c in result.added] == ["Globex"]
    assert [c.other for c in result.candidates] == ["Sam Lee [id 1]"]


def test_name_alone_does_not_match_when_two_saved_contacts_have_that_name() -> None:
    saved = [Contact("Sam Lee", company="Acme", id=1), Contact("Sam Lee", company="Initech", id=2)]
    result = plan([row(2, "Sam Lee", email="sam@x.org")], saved)

    assert [c.name for c in result.added] == ["Sam Lee"]
    assert result.updated == []
    assert result.unchanged == 0


def test_name_and_company_still_match_one_of_two_saved_contacts_with_that_name() -> None:
    saved = [Contact("Sam Lee", company="Acme", id=1), Contact("Sam Lee", company="Initech", id=2)]
    before, _ = only_update(plan([row(2, "Sam Lee", company="initech", title="Dev")], saved))

    assert before.id == 2


def test_name_alone_does_not_match_when_both_sides_have_different_companies() -> None:
    saved = Contact("Sam Lee", company="Acme", id=1)
    result = plan([row(2, "Sam Lee", company="Globex")], [saved])

    assert [(c.name, c.company) for c in result.added] == [("Sam Lee", "Globex")]
    assert result.updated == []


def test_an_unmatched_row_is_added_without_an_id() -> None:
    result = plan([row(2, "New Person", company="Acme", id=99)], [Contact("Jane", id=1)])

    assert [(c.name, c.id) for c in result.added] == [("New Person", None)]
    assert result.updated == []
    assert result.unchanged == 0


def test_a_row_that_matches_and_brings_nothing_new_counts_as_unchanged() -> None:
    saved = Contact("Jane Doe", company="Acme", email="jane@acme.com", id=1)
    result = plan([row(2, "Jane Doe", company="Acme", email="JANE@acme.com")], [saved])

    assert (result.added, result.updated, result.unchanged) == ([], [], 1)
    assert not result.changes_anything


# --- the merge: fill in, never overwrite --------------------------------------------------


def test_a_filled_company_is_never_overwritten_and_an_empty_title_is_filled() -> None:
    saved = Contact("Jane Doe", company="Acme", email="jane@x.org", id=1)
    incoming = row(2, "Jane Doe", company="Globex", title="CTO", email="jane@x.org")

    _, after = only_update(plan([incoming], [saved]))

    assert after.company == "Acme"
    assert after.title == "CTO"


def test_empty_fields_are_filled_from_the_row() -> None:
    saved = Contact("Jane Doe", email="jane@x.org", id=1)
    incoming = row(
        2,
        "Jane Doe",
        email="jane@x.org",
        phone="415 555 0142",
        linkedin="https://linkedin.com/in/jane",
        how_met="Conference",
        cadence_days=30,
    )

    _, after = only_update(plan([incoming], [saved]))

    assert after.phone == "415 555 0142"
    assert after.linkedin == "https://linkedin.com/in/jane"
    assert after.how_met == "Conference"
    assert after.cadence_days == 30
    assert after.other_phones == ()
    assert after.other_urls == ()


def test_filled_fields_are_kept() -> None:
    saved = Contact(
        "Jane Doe",
        title="CEO",
        email="jane@x.org",
        how_met="School",
        cadence_days=14,
        linkedin="https://linkedin.com/in/jane",
        id=1,
    )
    incoming = row(
        2,
        "Jane Doe",
        title="Intern",
        email="jane@x.org",
        how_met="Conference",
        cadence_days=90,
        linkedin="https://linkedin.com/in/jane/",
    )

    result = plan([incoming], [saved])

    assert (result.updated, result.unchanged) == ([], 1)


def test_a_different_email_goes_to_other_emails() -> None:
    saved = Contact("Jane Doe", company="Acme", email="jane@acme.com", id=1)
    _, after = only_update(plan([row(2, "Jane Doe", company="Acme", email="jd@home.org")], [saved]))

    assert after.email == "jane@acme.com"
    assert after.other_emails == ("jd@home.org",)


def test_an_email_already_among_the_other_emails_is_not_added_twice_whatever_its_case() -> None:
    saved = Contact(
        "Jane Doe", company="Acme", email="jane@acme.com", other_emails=("JD@Home.org",), id=1
    )
    incoming = row(
        2,
        "Jane Doe",
        company="Acme",
        email="jd@home.org",
        other_emails=("JANE@ACME.COM", "new@x.org", "NEW@x.org"),
    )

    _, after = only_update(plan([incoming], [saved]))

    assert after.email == "jane@acme.com"
    assert after.other_emails == ("JD@Home.org", "new@x.org")


def test_phones_are_deduplicated_by_their_key() -> None:
    saved = Contact("Jane Doe", company="Acme", phone="+1 (415) 555-0142", id=1)
    incoming = row(
        2,
        "Jane Doe",
        company="Acme",
        phone="415.555.0142",
        other_phones=("(415) 555 0142", "650-555-0199", "+1 650 555 0199"),
    )

    _, after = only_update(plan([incoming], [saved]))

    assert after.phone == "+1 (415) 555-0142"
    assert after.other_phones == ("650-555-0199",)


def test_a_new_profile_url_of_a_contact_matched_by_email_goes_to_other_urls_once() -> None:
    saved = Contact(
        "Jane Doe", email="jane@acme.com", linkedin="https://linkedin.com/in/jane", id=1
    )
    incoming = row(
        2,
        "Jane Doe",
        email="jane@acme.com",
        linkedin="https://linkedin.com/in/jane-doe",
        other_urls=("https://LinkedIn.com/in/jane/", "https://jane.dev", "https://jane.dev/"),
    )

    _, after = only_update(plan([incoming], [saved]))

    assert after.linkedin == "https://linkedin.com/in/jane"
    assert after.other_urls == ("https://linkedin.com/in/jane-doe", "https://jane.dev")


def test_tags_are_unioned_keeping_the_saved_order_first() -> None:
    saved = Contact("Jane Doe", company="Acme", tags=("a", "b"), id=1)
    _, after = only_update(
        plan([row(2, "Jane Doe", company="Acme", tags=("b", "c", "a", "d"))], [saved])
    )

    assert after.tags == ("a", "b", "c", "d")


def test_name_and_status_are_never_changed() -> None:
    saved = Contact("José García", company="Acme", status=Status.MET, id=1)
    incoming = row(2, "JOSE GARCIA", company="acme", status=Status.LEAD, title="CTO")

    _, after = only_update(plan([incoming], [saved]))

    assert after.name == "José García"
    assert after.status is Status.MET
    assert after.title == "CTO"


def test_two_rows_matching_one_saved_contact_merge_into_one_update() -> None:
    saved = Contact("Jane Doe", company="Acme", email="jane@acme.com", id=1)
    rows = [
        row(2, "Jane Doe", company="Acme", title="CTO"),
        row(3, "Someone", email="JANE@acme.com", phone="415 555 0142"),
    ]

    before, after = only_update(plan(rows, [saved]))

    assert before is saved
    assert (after.title, after.phone) == ("CTO", "415 555 0142")


# --- duplicates and skipped rows ----------------------------------------------------------


def test_a_duplicate_within_the_file_is_skipped_with_the_line_of_the_first() -> None:
    rows = [
        row(1, "Jane Doe", email="jane@x.org"),
        row(5, "Bob Roe", phone="415 555 0142"),
        row(9, "J. Doe", email="JANE@x.org", title="CTO"),
        row(12, "Robert Roe", phone="+1 (415) 555-0142"),
        row(15, "jane  doe"),
    ]

    result = plan(rows, [])

    assert [c.name for c in result.added] == ["Jane Doe", "Bob Roe"]
    assert result.skipped == [
        (9, "same person as line 1"),
        (12, "same person as line 5"),
        (15, "same person as line 1"),
    ]
    assert describe_plan(result) == (
        "added 2, updated 0, unchanged 0, skipped 3: line 9 same person as line 1, "
        "line 12 same person as line 5, line 15 same person as line 1"
    )


def test_same_name_and_company_with_different_profiles_in_one_file_are_two_people() -> None:
    rows = [
        row(1, "Jane Doe", company="Acme", linkedin="https://linkedin.com/in/jane-1"),
        row(2, "jane doe", company="ACME", linkedin="https://linkedin.com/in/jane-2"),
        row(3, "Jane Doe", company="Acme", linkedin="https://www.linkedin.com/in/jane-2/"),
    ]

    result = plan(rows, [])

    assert [c.linkedin for c in result.added] == [
        "https://linkedin.com/in/jane-1",
        "https://linkedin.com/in/jane-2",
    ]
    assert result.skipped == [(3, "same person as line 2")]


def test_same_name_at_different_companies_in_one_file_are_two_people() -> None:
    result = plan([row(1, "Sam Lee", company="Acme"), row(4, "Sam Lee", company="Globex")], [])

    assert [c.company for c in result.added] == ["Acme", "Globex"]
    assert result.skipped == []


def test_skipped_rows_are_listed_with_their_line_and_reason() -> None:
    rows = [
        Incoming(1, Contact(name="?"), skip="no name"),
        row(7, "Jane Doe"),
        Incoming(12, Contact(name="Acme Inc"), skip="a company card, not a person"),
    ]

    result = plan(rows, [])

    assert [c.name for c in result.added] == ["Jane Doe"]
    assert result.skipped == [(1, "no name"), (12, "a company card, not a person")]
    assert describe_plan(result) == (
        "added 1, updated 0, unchanged 0, skipped 2: "
        "line 1 no name, line 12 a company card, not a person"
    )


def test_a_skipped_row_claims_no_keys() -> None:
    rows = [
        Incoming(1, Contact(name="Jane", email="j@x.org"), skip="no name"),
        row(2, "Jane", email="j@x.org"),
    ]

    result = plan(rows, [])

    assert [c.name for c in result.added] == ["Jane"]
    assert result.skipped == [(1, "no name")]


def test_describe_plan_shows_the_first_skipped_rows_only() -> None:
    rows = [Incoming(n, Contact(name="?"), skip="no name") for n in range(1, 5)]

    assert describe_plan(plan(rows, []), limit=2) == (
        "added 0, updated 0, unchanged 0, skipped 4: line 1 no name, line 2 no name, and 2 more"
    )


def reimport(tmp_path: Path, saved: list[Contact], rows: list[Incoming]) -> ImportPlan:
    """Import `rows` into a store holding `saved`, then plan the same rows again."""
    store = open_store(tmp_path, *saved)
    apply_plan(store, plan(rows, store.contacts()))
    return plan(rows, store.contacts())


def test_two_same_name_rows_at_different_companies_are_not_merged_into_one_contact() -> None:
    saved = Contact("Sam Lee", id=1)
    rows = [
        row(1, "Sam Lee", company="Acme", email="sam@acme.com"),
        row(2, "Sam Lee", company="Globex", email="sam@globex.com"),
    ]

    result = plan(rows, [saved])

    afters = [after for _, after in result.updated] + result.added
    holders = [c for c in afters if "sam@globex.com" in (c.email, *c.other_emails)]
    assert [c.company for c in holders] != ["Acme"]


def test_reimport_is_a_no_op_when_a_saved_name_without_company_meets_two_companies(
    tmp_path: Path,
) -> None:
    rows = [row(1, "Sam Lee", company="Acme"), row(2, "Sam Lee", company="Globex")]

    second = reimport(tmp_path, [Contact("Sam Lee")], rows)

    assert (second.added, second.updated) == ([], [])


def test_reimport_is_a_no_op_when_a_company_less_row_and_a_new_namesake_are_imported(
    tmp_path: Path,
) -> None:
    rows = [row(1, "Sam Lee"), row(2, "Sam Lee", company="Globex")]

    second = reimport(tmp_path, [Contact("Sam Lee", company="Acme")], rows)

    assert (second.added, second.updated) == ([], [])


# --- referrers ----------------------------------------------------------------------------


def test_a_saved_referrer_is_set_on_the_added_contact() -> None:
    saved = [Contact("Ann Boss", company="Acme", id=7)]
    result = plan([row(2, "New Lead", referrer="ann  BOSS")], saved)

    assert [(c.name, c.referred_by) for c in result.added] == [("New Lead", 7)]
    assert result.referrers == {}


def test_a_saved_referrer_fills_an_empty_referrer_of_a_matched_contact() -> None:
    saved = [Contact("Ann Boss", id=7), Contact("Kid Jones", email="kid@x.org", id=8)]
    before, after = only_update(plan([row(2, "Kid Jones", referrer="Ann Boss")], saved))

    assert before.id == 8
    assert after.referred_by == 7


def test_a_matched_contact_keeps_its_referrer() -> None:
    saved = [
        Contact("Ann Boss", id=7),
        Contact("Carl Other", id=9),
        Contact("Kid Jones", referred_by=9, id=8),
    ]
    result = plan([row(2, "Kid Jones", referrer="Ann Boss")], saved)

    assert (result.added, result.updated, result.unchanged) == ([], [], 1)


def test_a_contact_is_never_made_its_own_referrer() -> None:
    saved = [Contact("Kid Jones", id=8)]
    result = plan([row(2, "Kid Jones", referrer="Kid Jones")], saved)

    assert (result.updated, result.unchanged) == ([], 1)


def test_an_ambiguous_saved_referrer_links_nobody() -> None:
    saved = [Contact("Sam Lee", company="Acme", id=1), Contact("Sam Lee", company="Initech", id=2)]
    result = plan(
        [row(2, "New Lead", referrer="Sam Lee"), row(3, "Sam Lee", company="Globex")], saved
    )

    assert [(c.name, c.referred_by) for c in result.added] == [
        ("New Lead", None),
        ("Sam Lee", None),
    ]
    assert result.referrers == {}


def test_a_referrer_name_shared_by_two_added_people_links_nobody() -> None:
    rows = [
        row(2, "Sam Lee", company="Acme"),
        row(3, "Sam Lee", company="Globex"),
        row(4, "New Lead", referrer="Sam Lee"),
    ]
    result = plan(rows, [])

    assert [c.name for c in result.added] == ["Sam Lee", "Sam Lee", "New Lead"]
    assert result.referrers == {}


def test_a_referrer_name_shared_by_a_saved_and_an_added_person_links_nobody() -> None:
    rows = [row(2, "Sam Lee", company="Globex"), row(3, "New Lead", referrer="Sam Lee")]
    result = plan(rows, [Contact("Sam Lee", company="Acme", id=1)])

    assert [(c.name, c.referred_by) for c in result.added] == [
        ("Sam Lee", None),
        ("New Lead", None),
    ]
    assert result.referrers == {}


def test_an_unknown_referrer_links_nobody() -> None:
    result = plan([row(2, "New Lead", referrer="Nobody Known")], [Contact("Ann", id=1)])

    assert result.added[0].referred_by is None
    assert result.referrers == {}


def test_a_referrer_added_by_the_same_import_is_linked_by_index() -> None:
    rows = [
        row(2, "Kid Jones", referrer="Mom Jones"),
        row(3, "Mom Jones", company="Acme"),
        row(4, "Other Kid", referrer="mom jones"),
    ]

    result = plan(rows, [])

    assert [c.name for c in result.added] == ["Kid Jones", "Mom Jones", "Other Kid"]
    assert [c.referred_by for c in result.added] == [None, None, None]
    assert result.referrers == {0: 1, 2: 1}


def test_a_row_naming_itself_as_referrer_is_not_linked_to_itself() -> None:
    result = plan([row(2, "Kid Jones", referrer="Kid Jones")], [])

    assert result.referrers == {}
    assert result.added[0].referred_by is None


def test_a_referrer_added_by_the_import_is_saved_as_the_new_id(tmp_path: Path) -> None:
    store = open_store(tmp_path, Contact("Someone Saved", company="Acme"))
    rows = [row(2, "Kid Jones", referrer="Mom Jones"), row(3, "Mom Jones")]

    apply_plan(store, plan(rows, store.contacts()))

    by_name = {c.name: c for c in store.contacts()}
    mom, kid = by_name["Mom Jones"], by_name["Kid Jones"]
    assert kid.referred_by == mom.id
    disk = on_disk(store)
    assert disk[str(kid.id)]["referred_by"] == mom.id
    assert disk[str(mom.id)]["referred_by"] is None


def test_a_matched_contact_is_linked_to_a_referrer_added_by_the_same_import(
    tmp_path: Path,
) -> None:
    store = open_store(tmp_path, Contact("Kid Jones"))
    rows = [row(2, "Mom Jones"), row(3, "Kid Jones", referrer="Mom Jones")]

    apply_plan(store, plan(rows, store.contacts()))
    second = plan(rows, store.contacts())

    by_name = {c.name: c for c in store.contacts()}
    assert by_name["Kid Jones"].referred_by == by_name["Mom Jones"].id
    assert (second.added, second.updated) == ([], [])


# --- plan_details -------------------------------------------------------------------------


def test_plan_details_lists_the_added_and_the_changed_fields() -> None:
    saved = [Contact("Jane Doe", company="Acme", email="jane@acme.com", id=1), Contact("Ann", id=2)]
    rows = [
        row(2, "New Person", company="Globex"),
        row(3, "No Company"),
        row(4, "Jane Doe", company="Acme", email="x@y", tags=("vip",), referrer="Ann"),
    ]

    lines = plan_details(plan(rows, saved))

    assert lines == [
        "+ New Person (Globex)",
        "+ No Company",
        "~ Jane Doe: other_emails '' → 'x@y', tags '' → 'vip', referrer set",
    ]


def test_plan_details_shows_a_filled_field_from_empty() -> None:
    saved = [Contact("Jane Doe", email="jane@acme.com", id=1)]
    lines = plan_details(plan([row(2, "Jane Doe", email="jane@acme.com", title="CTO")], saved))

    assert lines == ["~ Jane Doe: title '' → 'CTO'"]


# --- apply_plan on a real store -----------------------------------------------------------


def test_importing_the_same_rows_twice_changes_nothing_the_second_time(tmp_path: Path) -> None:
    store = open_store(
        tmp_path,
        Contact("Jane Doe", company="Acme", email="jane@acme.com", tags=("work",)),
        Contact("Sam Lee", phone="+1 (415) 555-0142"),
    )
    rows = [
        row(
            1,
            "Jane Doe",
            company="Globex",
            title="CTO",
            email="JANE@acme.com",
            other_emails=("jd@home.org",),
            tags=("vip",),
        ),
        row(5, "sam lee", company="Initech", phone="415.555.0142", other_phones=("650 555 0199",)),
        row(9, "José García", company="Café", linkedin="linkedin.com/in/jose", how_met="Meetup"),
        row(12, "Ann Boss", email="ann@x.org", other_emails=("ANN@x.org", "boss@x.org")),
        row(14, "Kid Jones", referrer="Ann Boss", tags=("a", "b")),
        row(16, "J. Doe", email="JD@home.org"),
    ]

    first = plan(rows, store.contacts())
    assert (len(first.added), len(first.updated), first.unchanged) == (3, 2, 0)
    assert first.skipped == [(16, "same person as line 1")]
    apply_plan(store, first)
    saved = store.contacts()
    disk = on_disk(store)

    second = plan(rows, saved)

    assert (second.added, second.updated, second.unchanged) == ([], [], 5)
    assert second.skipped == [(16, "same person as line 1")]
    assert describe_plan(second) == (
        "added 0, updated 0, unchanged 5, skipped 1: line 16 same person as line 1"
    )
    apply_plan(store, second)  # changes nothing, not even the file
    assert store.contacts() == saved
    assert on_disk(store) == disk
    assert len(disk) == 5
    by_name = {doc["name"]: doc for doc in disk.values()}
    assert by_name["Jane Doe"]["company"] == "Acme"
    assert by_name["Jane Doe"]["other_emails"] == ["jd@home.org"]
    assert by_name["Jane Doe"]["tags"] == ["work", "vip"]
    assert by_name["Sam Lee"]["company"] == "Initech"
    assert by_name["Sam Lee"]["other_phones"] == ["650 555 0199"]
    ann_id = next(int(i) for i, doc in disk.items() if doc["name"] == "Ann Boss")
    assert by_name["Kid Jones"]["referred_by"] == ann_id


def test_apply_plan_saves_once_and_one_undo_restores_the_contacts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(
        tmp_path,
        Contact("Jane Doe", company="Acme", email="jane@acme.com"),
        Contact("Ann Boss"),
    )
    before = on_disk(store)
    history = len(store.history)
    rows = [
        row(2, "Jane Doe", title="CTO", email="JANE@acme.com", other_emails=("jd@home.org",)),
        row(3, "New Person", referrer="Ann Boss"),
        row(4, "Kid Jones", referrer="New Person"),
    ]
    result = plan(rows, store.contacts())
    assert (len(result.added), len(result.updated)) == (2, 1)
    writes: list[Path] = []
    flush = AtomicJSONStorage.flush

    def counting_flush(storage: AtomicJSONStorage) -> None:
        writes.append(storage.path)
        flush(storage)

    monkeypatch.setattr(AtomicJSONStorage, "flush", counting_flush)

    apply_plan(store, result)

    assert writes == [store.path]
    assert len(store.history) == history + 1
    assert len(on_disk(store)) == 4

    message = store.undo()

    assert message is not None
    assert "vCard" in message
    assert message == "imported from vCard (added 2, updated 1)"
    assert on_disk(store) == before
    assert len(store.history) == history


def test_apply_plan_writes_nothing_for_a_plan_that_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(tmp_path, Contact("Jane Doe", email="jane@acme.com"))
    history = len(store.history)
    result = plan([row(1, "Jane Doe", email="JANE@acme.com")], store.contacts())
    writes: list[Path] = []
    monkeypatch.setattr(AtomicJSONStorage, "flush", lambda storage: writes.append(storage.path))

    apply_plan(store, result)

    assert writes == []
    assert len(store.history) == history


def test_an_update_is_dropped_if_the_contact_changed_since_the_plan(tmp_path: Path) -> None:
    store = open_store(tmp_path, Contact("Jane Doe", email="jane@acme.com"))
    result = plan([row(1, "Jane Doe", email="jane@acme.com", title="CTO")], store.contacts())
    (jane,) = store.contacts()
    store.update_contact(replace(jane, company="Edited"), jane)

    apply_plan(store, result)

    (after,) = store.contacts()
    assert (after.company, after.title) == ("Edited", "")


# --- the property: planning, applying and planning again changes nothing ------------------

_NAME_CHARS = st.one_of(
    st.sampled_from(list(",;\n\t\r  éÉßøŁ\u0301\u202e\x00")),
    st.characters(),
)
_names = (
    st.one_of(
        st.sampled_from(["Sam Lee", "sam  LEE", "José García", "JOSE GARCIA", "Straße", "STRASSE"]),
        st.text(_NAME_CHARS, min_size=1, max_size=16),
    )
    .map(lambda t: clean(t, multiline=False))
    .filter(bool)
)
_companies = st.one_of(
    st.just(""),
    st.sampled_from(["Acme", "ACME", "Café", "cafe", "Globex"]),
    st.text(_NAME_CHARS, max_size=10),
).map(lambda t: clean(t, multiline=False))
_emails = st.one_of(
    st.just(""),
    st.sampled_from(["a@x.com", "A@X.COM", "b@y.org"]),
    st.emails(),
)
_phones = st.one_of(
    st.just(""),
    st.sampled_from(["+1 (415) 555-0142", "415.555.0142", "650 555 0199", "555-01"]),
    st.from_regex(r"\+?[0-9 ().\-]{3,16}", fullmatch=True),
).map(lambda t: clean(t, multiline=False))
_contacts = st.builds(
    Contact,
    name=_names,
    company=_companies,
    email=_emails,
    phone=_phones,
    tags=st.lists(st.sampled_from(["vip", "VIP", "met-2024"]), max_size=3).map(tuple),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_contacts, max_size=8))
def test_planning_applying_and_planning_again_changes_nothing(contacts: list[Contact]) -> None:
    rows = [Incoming(line, contact) for line, contact in enumerate(contacts, start=1)]

    first = plan(rows, [])

    duplicates = [s for s in first.skipped if s[1].startswith("same person as line ")]
    assert duplicates == first.skipped
    assert len(first.added) == len(rows) - len(duplicates)
    assert (first.updated, first.unchanged) == ([], 0)
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "netui.json")
        apply_plan(store, first)
        saved = store.contacts()
        assert len(saved) == len(first.added)

        second = plan(rows, saved)

    assert second.added == []
    assert second.updated == []
    assert second.unchanged == len(first.added)
    assert second.skipped == first.skipped
