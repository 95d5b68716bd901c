"""Who is who between contacts (netui.identity, issue 11 parts 2-4): the evidence two
contacts are one person, the pairs the Duplicates screen lists, the warning before a
contact is added, and what a merge keeps."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netui.identity import (
    LIKELY,
    Evidence,
    compare,
    default_region,
    find_duplicates,
    keys_of,
    likely_matches,
    merge_contacts,
    normalise_url,
    phone_key,
    warning,
)
from netui.model import Contact, Status


def evidence(a: Contact, b: Contact, region: str | None = "US") -> Evidence:
    return compare(keys_of(a, region), keys_of(b, region))


# --- phone numbers ------------------------------------------------------------------------


def test_the_same_digits_in_two_countries_are_two_numbers() -> None:
    assert phone_key("+1 408 765-5050") == "+14087655050"
    assert phone_key("+49 408 765-5050") == "+494087655050"
    one = Contact("Ann Lee", phone="+1 408 765-5050")
    two = Contact("Bob Roe", phone="+49 408 765-5050")
    assert evidence(one, two, None) == Evidence()
    assert evidence(one, two, "US") == Evidence()


def test_a_national_number_is_read_in_the_region() -> None:
    home = Contact("Ann Lee", phone="(408) 765-5050")
    e164 = Contact("Bob Roe", phone="+1 408 765 5050")
    assert phone_key("(408) 765-5050", "US") == phone_key("+1 408 765 5050", "US")
    assert evidence(home, e164, "US").reasons == ("same phone",)
    # read in Germany, the same digits are a German number: not the American one
    assert evidence(home, e164, "DE").reasons == ()
    assert evidence(home, Contact("Cy", phone="+49 408 765 5050"), "DE").reasons == ("same phone",)


def test_with_no_region_a_national_number_agrees_with_the_same_digits_in_e164() -> None:
    home = Contact("Ann Lee", phone="(408) 765-5050")
    assert evidence(home, Contact("Bob Roe", phone="+1 408 765 5050"), None).reasons == (
        "same phone",
    )
    assert evidence(home, Contact("Bob Roe", phone="408.765.5050"), None).reasons == ("same phone",)
    assert evidence(home, Contact("Bob Roe", phone="+1 408 765 5051"), None).reasons == ()


def test_00_is_the_international_prefix_and_short_numbers_are_no_phone() -> None:
    assert phone_key("0049 408 7655050") == phone_key("+49 408 765 5050") == "+494087655050"
    assert phone_key("12345", "US") == ""
    assert phone_key("", "US") == ""
    a, b = Contact("Ann Lee", phone="x123"), Contact("Bob Roe", phone="x123")
    assert evidence(a, b).reasons == ()


def test_with_no_region_a_local_number_does_not_agree_with_a_longer_one() -> None:
    local = Contact("Ann Lee", phone="765-5050")
    other = Contact("Bob Roe", phone="+1 650 765 5050")
    assert evidence(local, other, None).reasons == ()


@pytest.mark.parametrize(
    ("env", "region"),
    [
        ({"NETUI_REGION": "de"}, "DE"),
        ({"NETUI_REGION": "GB", "LC_ALL": "en_US.UTF-8"}, "GB"),
        ({"LC_ALL": "en_GB.UTF-8"}, "GB"),
        ({"LANG": "fr_FR.UTF-8"}, "FR"),
        ({"LC_ALL": "C"}, None),
    ],
)
def test_the_default_region_comes_from_netui_region_then_the_locale(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], region: str | None
) -> None:
    for name in ("NETUI_REGION", "LC_ALL", "LC_TELEPHONE", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert default_region() == region


# --- evidence -----------------------------------------------------------------------------


def test_the_same_email_is_strong_whatever_the_case() -> None:
    a = Contact("Jane Doe", email="Jane@Acme.com")
    b = Contact("JD", other_emails=("jd@gmail.com", "jane@acme.com"))
    found = evidence(a, b)
    assert found.reasons == ("same email",)
    assert (found.score, found.strong, found.same_person, found.likely) == (60, True, True, True)


def test_the_same_profile_is_strong_however_the_url_is_written() -> None:
    a = Contact("Jane Doe", linkedin="https://www.linkedin.com/in/janedoe/?trk=public")
    b = Contact("JD", linkedin="http://linkedin.com/in/JaneDoe#about")
    assert normalise_url(a.linkedin) == normalise_url(b.linkedin)
    found = evidence(a, b)
    assert found.reasons == ("same LinkedIn profile",)
    assert found.strong and found.same_person


def test_a_profile_kept_among_the_other_web_addresses_counts() -> None:
    merged = Contact("Jane Doe", other_urls=("https://www.linkedin.com/in/janedoe",))
    found = evidence(merged, Contact("Jane Smith", linkedin="linkedin.com/in/janedoe"))
    assert "same LinkedIn profile" in found.reasons and found.strong


def test_different_profiles_are_two_people_whatever_else_agrees() -> None:
    a = Contact("Jane Doe", company="Acme", phone="+1 408 765 5050", linkedin="linkedin.com/in/a")
    b = Contact("Jane Doe", company="Acme", phone="+1 408 765 5050", linkedin="linkedin.com/in/b")
    found = evidence(a, b)
    assert found.apart == "different LinkedIn profiles"
    assert (found.likely, found.same_person, found.strong) == (False, False, False)
    # one profile and none on the other side says nothing
    assert evidence(a, replace(b, linkedin="")).same_person


def test_different_profiles_with_a_shared_email_are_one_person() -> None:
    # (the module's docstring: "different profiles on both sides and no shared email")
    a = Contact("Jane Doe", email="jane@acme.com", linkedin="linkedin.com/in/jane-doe-old")
    b = Contact("Jane Doe", email="JANE@acme.com", linkedin="linkedin.com/in/jane-doe-new")
    assert evidence(a, b).apart == ""
    assert evidence(a, b).same_person


def test_a_country_subdomain_of_linkedin_is_the_same_profile() -> None:
    a = Contact("Jane Doe", linkedin="https://uk.linkedin.com/in/janedoe")
    b = Contact("Jane Doe", linkedin="https://www.linkedin.com/in/janedoe/")
    assert evidence(a, b).apart == ""
    assert "same LinkedIn profile" in evidence(a, b).reasons


@pytest.mark.parametrize(
    ("one", "two"),
    [
        ("Jane Doe", "jane  doe"),
        ("Renée Fontaine", "Renee Fontaine"),
        ("José Álvarez", "JOSE ALVAREZ"),
        ("Jane M. Doe", "Jane Doe"),
        ("Mary Ann Lee", "Mary Lee"),
    ],
)
def test_the_same_name_is_weak(one: str, two: str) -> None:
    found = evidence(Contact(one), Contact(two))
    assert (found.reasons, found.score) == (("same name",), 40)
    assert found.likely and not found.same_person and not found.strong


def test_the_same_name_and_company_is_one_person_but_not_another_company() -> None:
    acme = evidence(Contact("Jane Doe", company="Acme"), Contact("jane doe", company="Acme Inc."))
    assert (acme.reasons, acme.score, acme.same_person) == (
        ("same name", "same company"),
        60,
        True,
    )
    elsewhere = evidence(Contact("Jane Doe", company="Acme"), Contact("Jane Doe", company="Globex"))
    assert (elsewhere.reasons, elsewhere.score) == (("same name",), 20)
    assert not elsewhere.likely and not elsewhere.same_person


def test_the_same_name_and_phone_is_one_person() -> None:
    found = evidence(
        Contact("Jane Doe", phone="+1 408 765 5050"), Contact("Jane Doe", phone="408-765-5050")
    )
    assert (found.reasons, found.score, found.same_person) == (
        ("same phone", "same name"),
        80,
        True,
    )


@pytest.mark.parametrize(
    ("one", "two"),
    [
        ("Bob Lee", "Robert Lee"),  # a short form
        ("Chris Lee", "Christopher Lee"),  # a start of the name
        ("Micheal Lee", "Michael Lee"),  # two letters swapped
        ("Katherine Lee", "Catherine Lee"),  # one letter changed
        ("Jane Smith", "Jane Smyth"),  # the last name one letter off
        ("J. Lee", "Jane Lee"),  # an initial
    ],
)
def test_a_similar_name_counts_only_at_the_same_company(one: str, two: str) -> None:
    same = evidence(Contact(one, company="Acme"), Contact(two, company="ACME Corp"))
    assert (same.reasons, same.score) == (("similar name", "same company"), 40)
    assert same.likely and not same.same_person
    alone = evidence(Contact(one), Contact(two))
    assert (alone.reasons, alone.score, alone.likely) == (("similar name",), 20, False)
    moved = evidence(Contact(one, company="Acme"), Contact(two, company="Globex"))
    assert (moved.score, moved.likely) == (0, False)


def test_a_similar_name_and_the_same_phone_is_one_person() -> None:
    found = evidence(
        Contact("Bob Lee", phone="+1 408 765 5050"), Contact("Robert Lee", phone="(408) 765-5050")
    )
    assert found.reasons == ("same phone", "similar name")
    assert found.same_person


def test_a_short_first_name_one_letter_off_is_similar() -> None:
    found = evidence(Contact("Jon Doe", company="Acme"), Contact("John Doe", company="Acme"))
    assert "similar name" in found.reasons and found.likely


@pytest.mark.parametrize(
    ("one", "two"),
    [
        (Contact("Priya Patel", company="Acme"), Contact("Raj Patel", company="Acme")),
        (Contact("Priya Patel", company="Acme"), Contact("Priya Raman", company="Acme")),
        (Contact("Jane Doe"), Contact("Jane")),
        (Contact("Ann Lee", company="Acme"), Contact("Bob Roe", company="Acme")),
    ],
)
def test_people_who_only_share_a_word_or_a_company_are_not_duplicates(
    one: Contact, two: Contact
) -> None:
    assert evidence(one, two) == Evidence()


def test_a_shared_home_phone_is_a_candidate_never_one_person() -> None:
    ann = Contact("Ann Lee", phone="+1 408 765 5050")
    bob = Contact("Bob Lee", phone="(408) 765-5050")
    found = evidence(ann, bob)
    assert (found.reasons, found.score) == (("same phone",), 40)
    assert found.likely and not found.same_person
    assert found.describe() == "same phone"


# --- compare is symmetric (and bounded) --------------------------------------------------

NAMES = [
    "Jane Doe",
    "jane doe",
    "Jane M. Doe",
    "Janet Doe",
    "Bob Lee",
    "Robert Lee",
    "Chris Lee",
    "Christopher Lee",
    "Michael Smith",
    "Micheal Smith",
    "Jane Smyth",
    "Renée Fontaine",
    "Priya",
]
COMPANIES = ["", "", "Acme", "Acme Inc.", "Globex"]
EMAILS = ["jane@acme.com", "JANE@acme.com", "bob@lee.org", "x@y.co"]
PHONES = [
    "+1 408 765 5050",
    "(408) 765-5050",
    "+49 408 765 5050",
    "+1 650 555 0100",
    "650.555.0100",
]
PROFILES = ["", "linkedin.com/in/jane", "https://www.linkedin.com/in/jane/", "linkedin.com/in/bob"]

contacts = st.builds(
    Contact,
    name=st.sampled_from(NAMES),
    company=st.sampled_from(COMPANIES),
    email=st.sampled_from(["", *EMAILS]),
    phone=st.sampled_from(["", *PHONES]),
    linkedin=st.sampled_from(PROFILES),
    other_emails=st.lists(st.sampled_from(EMAILS), max_size=2).map(tuple),
    other_phones=st.lists(st.sampled_from(PHONES), max_size=2).map(tuple),
)


@settings(max_examples=300, deadline=None)
@given(contacts, contacts, st.sampled_from(["US", "DE", None]))
def test_compare_is_symmetric_and_bounded(a: Contact, b: Contact, region: str | None) -> None:
    there, back = evidence(a, b, region), evidence(b, a, region)
    assert set(there.reasons) == set(back.reasons)
    assert (there.score, there.apart, there.same_person) == (
        back.score,
        back.apart,
        back.same_person,
    )
    assert 0 <= there.score <= 100
    assert there.likely == (there.score >= LIKELY and not there.apart)
    if there.same_person:
        assert there.likely


# --- finding pairs ------------------------------------------------------------------------


def network() -> list[Contact]:
    return [
        Contact("Jane Doe", company="Acme Corp", email="jane@acme.com", id=1),
        Contact("JD", email="JANE@ACME.COM", id=2),  # same email
        Contact("Raj Patel", linkedin="https://www.linkedin.com/in/rajpatel/", id=3),
        Contact("Rajesh P.", linkedin="linkedin.com/in/rajpatel", id=4),  # same profile
        Contact("Ann Lee", phone="+1 408 765 5050", id=5),
        Contact("Tom Lee", phone="(408) 765-5050", id=6),  # same (home) phone
        Contact("Renée Fontaine", id=7),
        Contact("renee fontaine", id=8),  # same name
        Contact("Bob Smith", company="Globex", id=9),
        Contact("Robert Smith", company="Globex Inc", id=10),  # similar name, same company
        Contact("Priya Patel", company="Acme Corp", id=11),  # a colleague: no pair
        Contact("Bob Smith", company="Initech", id=12),  # another Bob Smith: 20, no pair
    ]


def test_find_duplicates_finds_a_pair_by_each_reason_best_first() -> None:
    pairs = find_duplicates(network(), region="US")
    assert [(p.ids, p.evidence.reasons, p.evidence.score) for p in pairs] == [
        ((1, 2), ("same email",), 60),
        ((3, 4), ("same LinkedIn profile",), 60),
        ((5, 6), ("same phone",), 40),
        ((7, 8), ("same name",), 40),
        ((9, 10), ("similar name", "same company"), 40),
    ]
    assert [p.first.name for p in pairs] == [
        "Jane Doe",
        "Raj Patel",
        "Ann Lee",
        "Renée Fontaine",
        "Bob Smith",
    ]


def test_find_duplicates_skips_the_pairs_said_to_be_two_people() -> None:
    pairs = find_duplicates(network(), dismissed=[(6, 5), (7, 8)], region="US")
    assert [p.ids for p in pairs] == [(1, 2), (3, 4), (9, 10)]


def test_find_duplicates_never_pairs_two_linkedin_profiles() -> None:
    twins = [
        Contact(
            "Jane Doe", company="Acme", phone="+1 408 765 5050", linkedin="linkedin.com/in/a", id=1
        ),
        Contact(
            "Jane Doe", company="Acme", phone="+1 408 765 5050", linkedin="linkedin.com/in/b", id=2
        ),
        Contact("Jane Doe", company="Acme", id=3),
    ]
    assert [p.ids for p in find_duplicates(twins, region="US")] == [(1, 3), (2, 3)]


def test_find_duplicates_ignores_unsaved_contacts_and_empty_networks() -> None:
    assert find_duplicates([]) == []
    assert find_duplicates([Contact("Jane Doe"), Contact("Jane Doe")]) == []


def test_find_duplicates_finds_a_profile_kept_among_the_other_addresses() -> None:
    renamed = [
        Contact("Jane Doe", other_urls=("https://www.linkedin.com/in/janedoe/",), id=1),
        Contact("Jane Smith", linkedin="linkedin.com/in/janedoe", id=2),
    ]
    assert [p.ids for p in find_duplicates(renamed)] == [(1, 2)]


@settings(max_examples=150, deadline=None)
@given(st.lists(contacts, min_size=2, max_size=9), st.sampled_from(["US", None]))
def test_find_duplicates_lists_exactly_the_likely_pairs(
    people: list[Contact], region: str | None
) -> None:
    people = [replace(c, id=i) for i, c in enumerate(people, start=1)]
    expected = {(a.id, b.id) for a, b in combinations(people, 2) if evidence(a, b, region).likely}
    pairs = find_duplicates(people, region=region)
    assert {p.ids for p in pairs} == expected
    scores = [p.evidence.score for p in pairs]
    assert scores == sorted(scores, reverse=True)


# --- the warning before adding a contact --------------------------------------------------


def test_likely_matches_finds_the_saved_contact_a_new_one_may_be() -> None:
    saved = network()
    found = likely_matches(Contact("jane doe"), saved, "US")
    assert [(c.id, e.reasons) for c, e in found] == [(1, ("same name",))]
    assert warning(*found[0]) == "Jane Doe (Acme Corp) is already here [id 1]: same name"
    by_email = likely_matches(Contact("Janie D", email="jane@ACME.com"), saved, "US")
    assert [(c.id, e.reasons) for c, e in by_email] == [(1, ("same email",)), (2, ("same email",))]


def test_likely_matches_is_empty_for_a_namesake_at_another_company() -> None:
    assert likely_matches(Contact("Jane Doe", company="Globex"), network(), "US") == []
    assert likely_matches(Contact("Sam Okafor"), network(), "US") == []


def test_likely_matches_does_not_find_the_contact_itself() -> None:
    jane = network()[0]
    assert likely_matches(jane, [jane], "US") == []


def test_likely_matches_puts_the_best_first_and_stops_at_the_limit() -> None:
    saved = [
        Contact("Jane Doe", company="Acme", id=1),
        Contact("Jane Doe", id=2),
        Contact("Jane Doe", company="Acme", email="jane@acme.com", id=3),
        Contact("Jane Doe", id=4),
    ]
    found = likely_matches(Contact("Jane Doe", company="Acme", email="jane@acme.com"), saved)
    assert [c.id for c, _ in found] == [3, 1, 2]
    assert [e.score for _, e in found] == [100, 60, 40]


# --- merging ------------------------------------------------------------------------------

JAN_1 = datetime(2025, 1, 1, 9, 0)
JUN_1 = datetime(2025, 6, 1, 9, 0)


def test_a_merge_fills_the_empty_fields_of_the_kept_contact() -> None:
    keep = Contact("Jane Doe", email="jane@acme.com", tags=("ux",), created=JUN_1, id=1)
    other = Contact(
        "jane doe",
        company="Acme Corp",
        title="Design Lead",
        phone="+1 408 765 5050",
        linkedin="linkedin.com/in/janedoe",
        how_met="conference",
        cadence_days=30,
        tags=("design", "ux"),
        prepared=("What's next for the team?",),
        status=Status.MET,
        created=JAN_1,
        id=2,
    )
    merged = merge_contacts(keep, other, "US")
    assert merged.kept_aside == ()
    assert merged.contact == replace(
        keep,
        company="Acme Corp",
        title="Design Lead",
        phone="+1 408 765 5050",
        linkedin="linkedin.com/in/janedoe",
        how_met="conference",
        cadence_days=30,
        tags=("ux", "design"),
        prepared=("What's next for the team?",),
        status=Status.MET,
        created=JAN_1,
    )


def test_a_merge_keeps_both_values_where_they_differ() -> None:
    keep = Contact(
        "Jane Doe",
        email="jane@acme.com",
        phone="(408) 765-5050",
        linkedin="linkedin.com/in/janedoe",
        other_urls=("https://janedoe.design",),
        id=1,
    )
    other = Contact(
        "Jane Doe",
        email="jane.doe@gmail.com",
        other_emails=("JANE@ACME.COM",),
        phone="+1 408 765 5050",  # the same number, written otherwise
        other_phones=("+44 20 7946 0958",),
        linkedin="https://www.linkedin.com/in/janedoe/",  # the same profile
        other_urls=("https://github.com/janedoe",),
        id=2,
    )
    merged = merge_contacts(keep, other, "US").contact
    assert (merged.email, merged.phone, merged.linkedin) == (
        "jane@acme.com",
        "(408) 765-5050",
        "linkedin.com/in/janedoe",
    )
    assert merged.other_emails == ("jane.doe@gmail.com",)
    assert merged.other_phones == ("+44 20 7946 0958",)
    assert merged.other_urls == ("https://janedoe.design", "https://github.com/janedoe")


def test_a_merge_keeps_the_earlier_date_and_the_further_status() -> None:
    keep = Contact("Jane Doe", status=Status.MET, created=JAN_1, id=1)
    other = Contact("Jane Doe", status=Status.CONTACTED, created=JUN_1, id=2)
    merged = merge_contacts(keep, other).contact
    assert (merged.status, merged.created) == (Status.MET, JAN_1)
    back = merge_contacts(other, keep).contact
    assert (back.status, back.created) == (Status.MET, JAN_1)


def test_what_differs_and_has_no_field_is_kept_aside() -> None:
    keep = Contact("Jane Doe", company="Acme Corp", title="Design Lead", how_met="meetup", id=1)
    other = Contact("J. Doe", company="Globex", title="VP Design", how_met="MEETUP", id=2)
    merged = merge_contacts(keep, other)
    assert merged.contact == keep
    assert merged.kept_aside == ("name: J. Doe", "company: Globex", "title: VP Design")


def test_a_name_or_company_written_otherwise_is_not_kept_aside() -> None:
    keep = Contact("Renée Fontaine", company="Lumen", id=1)
    other = Contact("renee  fontaine", company="LUMEN", id=2)
    assert merge_contacts(keep, other).kept_aside == ()


@pytest.mark.parametrize(
    ("keep_ref", "other_ref", "expected"),
    [
        (None, 5, 5),  # the other's referrer fills an empty one
        (5, 6, 5),  # the kept contact's referrer stays
        (2, 5, 5),  # referred by the other: that is itself now; the other's referrer wins
        (2, 1, None),  # referred by each other: by nobody
        (None, 1, None),  # never referred by oneself
        (2, None, None),
    ],
)
def test_referred_by_after_a_merge(
    keep_ref: int | None, other_ref: int | None, expected: int | None
) -> None:
    keep = Contact("Jane Doe", referred_by=keep_ref, id=1)
    other = Contact("Jane Doe", referred_by=other_ref, id=2)
    assert merge_contacts(keep, other).contact.referred_by == expected


def test_a_merge_with_no_region_keeps_numbers_of_two_countries() -> None:
    keep = Contact("Jane Doe", phone="(408) 765-5050", id=1)
    other = Contact("Jane Doe", phone="+1 408 765 5050", other_phones=("+49 408 765 5050",), id=2)
    merged = merge_contacts(keep, other, None).contact
    assert "+49 408 765 5050" in (merged.phone, *merged.other_phones)


@pytest.mark.parametrize(
    ("mine", "theirs"),
    [
        ("https://bit.ly/3AbCdE", "https://bit.ly/3abcde"),
        ("https://calendly.com/book?user=jane", "https://calendly.com/book?user=jdoe"),
    ],
)
def test_a_merge_keeps_two_links_that_differ(mine: str, theirs: str) -> None:
    keep = Contact("Jane Doe", other_urls=(mine,), id=1)
    other = Contact("Jane Doe", other_urls=(theirs,), id=2)
    assert merge_contacts(keep, other).contact.other_urls == (mine, theirs)


US_PHONES = [
    "+1 408 765 5050",
    "(408) 765-5050",
    "408.765.5050",
    "+49 30 1234567",
    "+1 650 555 0100",
]
URLS = [
    "linkedin.com/in/jane",
    "https://www.linkedin.com/in/jane/",
    "https://janedoe.design",
    "https://github.com/janedoe",
]
sides = st.builds(
    Contact,
    name=st.sampled_from(NAMES),
    email=st.sampled_from(["", *EMAILS]),
    other_emails=st.lists(st.sampled_from(EMAILS), max_size=3).map(tuple),
    phone=st.sampled_from(["", *US_PHONES]),
    other_phones=st.lists(st.sampled_from(US_PHONES), max_size=3).map(tuple),
    linkedin=st.sampled_from(["", *URLS]),
    other_urls=st.lists(st.sampled_from(URLS), max_size=3).map(tuple),
    tags=st.lists(st.sampled_from(["ux", "design", "recruiter"]), max_size=3, unique=True).map(
        tuple
    ),
    status=st.sampled_from(list(Status)),
)


@settings(max_examples=300, deadline=None)
@given(sides, sides)
def test_a_merge_never_loses_an_email_phone_link_or_tag(keep: Contact, other: Contact) -> None:
    keep, other = replace(keep, id=1), replace(other, id=2)
    merged = merge_contacts(keep, other, "US").contact

    def emails(c: Contact) -> set[str]:
        return {e.casefold() for e in (c.email, *c.other_emails) if e}

    def phones(c: Contact) -> set[str]:
        return {phone_key(p, "US") for p in (c.phone, *c.other_phones) if p}

    def links(c: Contact) -> set[str]:
        return {normalise_url(u) for u in (c.linkedin, *c.other_urls) if u}

    for keys in (emails, phones, links):
        assert keys(merged) == keys(keep) | keys(other)
    # and nothing is listed twice, nor next to itself as the main value
    assert len(emails(merged)) == len([e for e in (merged.email, *merged.other_emails) if e])
    assert len(phones(merged)) == len([p for p in (merged.phone, *merged.other_phones) if p])
    assert len(links(merged)) == len([u for u in (merged.linkedin, *merged.other_urls) if u])
    assert set(merged.tags) == set(keep.tags) | set(other.tags)
    assert merged.name == keep.name and merged.id == keep.id
    assert merged.status.rank == max(keep.status.rank, other.status.rank)
    assert merged.email == (keep.email or other.email)


@pytest.mark.parametrize(
    ("one", "two", "likely"),
    [
        ("Lumen", "Lumen Bank", True),  # written shorter: the same company may be meant
        ("Lumen Bank", "lumen bank inc.", True),
        ("Lumen", "Globex", False),  # a different company: likely two people
        ("Lumen Bank", "Bank of Lumen", False),
    ],
)
def test_a_company_written_shorter_is_not_a_different_company(
    one: str, two: str, likely: bool
) -> None:
    found = evidence(Contact("Dan Kim", one, id=1), Contact("dan kim", two, id=2))
    assert found.likely is likely
