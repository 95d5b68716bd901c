"""The quick-add grammar (DESIGN.md section 4): contacts, follow-ups and notes from one line."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from netui.errors import QuickAddError
from netui.model import Contact
from netui.quickadd import (
    ContactDraft,
    ContactIndex,
    FollowUpDraft,
    NoteDraft,
    describe,
    parse_contact,
    parse_followup,
    parse_note,
    render_contact,
)

TODAY = date(2026, 5, 22)  # a Friday
IN_A_WEEK = date(2026, 5, 29)

JANE = Contact("Jane Doe", company="Acme", id=1)
BOB = Contact("Bob Smith", company="Globex", id=2)
ZOE = Contact("Zoë Åberg", id=3)
JANET = Contact("Janet Lee", company="Initech", id=4)
PRIYA = Contact("Priya Raman", id=5)

NETWORK = [JANE, BOB, ZOE, PRIYA]
"""Contacts with one Jane."""

CROWDED = [*NETWORK, JANET]
"""Jane Doe and Janet Lee: "Jan" and "Jane" are ambiguous."""

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""What must never reach a saved field (tab and newline are allowed in notes only)."""


# --- the DESIGN.md examples ---------------------------------------------------------------


def test_design_contact_example() -> None:
    draft = parse_contact(
        "Jane Doe (Design Lead) @ Acme Corp #ux #fintech <jane@acme.com> via Bob Smith",
        NETWORK,
    )
    assert draft == ContactDraft(
        name="Jane Doe",
        title="Design Lead",
        company="Acme Corp",
        tags=("ux", "fintech"),
        email="jane@acme.com",
        via="Bob Smith",
    )
    assert draft.referred_by == BOB.id
    contact = draft.to_contact()
    assert contact.referred_by == BOB.id
    assert contact.how_met == "via Bob Smith"
    assert (contact.name, contact.title, contact.company) == (
        "Jane Doe",
        "Design Lead",
        "Acme Corp",
    )
    assert contact.tags == ("ux", "fintech")
    assert contact.email == "jane@acme.com"


def test_design_follow_up_example() -> None:
    draft = parse_followup("Jane: send the portfolio next friday", NETWORK, TODAY)
    assert draft == FollowUpDraft("send the portfolio", date(2026, 5, 29), JANE)
    assert describe(draft, TODAY) == "follow-up for Jane Doe: send the portfolio — due Fri 29 May"


def test_design_note_example_is_dated_today() -> None:
    draft = parse_note("Jane: coffee at Blue Bottle, gave me two names", NETWORK, TODAY)
    assert draft == NoteDraft("coffee at Blue Bottle, gave me two names", TODAY, JANE)
    assert describe(draft, TODAY) == (
        "note for Jane Doe on Fri 22 May: coffee at Blue Bottle, gave me two names"
    )


def test_design_note_with_a_date_before_a_comma() -> None:
    draft = parse_note("Jane: yesterday, call about the role", NETWORK, TODAY)
    assert draft == NoteDraft("call about the role", date(2026, 5, 21), JANE)


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Jane: monday, coffee", date(2026, 5, 18)),  # the Monday just gone
        ("Jane: friday, coffee", date(2026, 5, 15)),
        ("Jane: dec 3, coffee", date(2025, 12, 3)),  # last December, not next
        ("Jane: 3 days ago, coffee", date(2026, 5, 19)),
        ("Jane: on tuesday, coffee", date(2026, 5, 19)),
    ],
)
def test_note_dates_look_back(line: str, day: date) -> None:
    draft = parse_note(line, NETWORK, TODAY)
    assert (draft.text, draft.date) == ("coffee", day)


def test_note_without_a_date_before_the_comma_keeps_the_comma() -> None:
    draft = parse_note("Jane: fun chat, see notes", NETWORK, TODAY)
    assert (draft.text, draft.date) == ("fun chat, see notes", TODAY)


def test_note_keeps_several_lines() -> None:
    draft = parse_note("Jane: yesterday, coffee\n- ask about Priya\n- resume tips", NETWORK, TODAY)
    assert draft.text == "coffee\n- ask about Priya\n- resume tips"
    assert draft.date == date(2026, 5, 21)


def test_note_without_a_contact() -> None:
    assert parse_note("read the Acme annual report", NETWORK, TODAY) == NoteDraft(
        "read the Acme annual report", TODAY, None
    )


@pytest.mark.parametrize("line", ["Jane:", "Jane:   ", "Jane: yesterday,", ""])
def test_empty_note_is_an_error(line: str) -> None:
    with pytest.raises(QuickAddError, match="empty"):
        parse_note(line, NETWORK, TODAY)


# --- follow-ups ---------------------------------------------------------------------------


def test_follow_up_without_a_date_is_due_in_a_week() -> None:
    draft = parse_followup("Bob: ask about the team", NETWORK, TODAY)
    assert draft == FollowUpDraft("ask about the team", IN_A_WEEK, BOB, dated=False)
    assert describe(draft, TODAY).endswith("due Fri 29 May (in a week)")


@pytest.mark.parametrize(
    ("line", "text", "due"),
    [
        ("Bob: call tomorrow", "call", date(2026, 5, 23)),
        ("Bob: send the deck in 2 weeks", "send the deck", date(2026, 6, 5)),
        ("Bob: intro to Priya by dec 3", "intro to Priya", date(2026, 12, 3)),
        ("Bob: check in due 2026-12-01", "check in", date(2026, 12, 1)),
        ("Bob: lunch on mon", "lunch", date(2026, 5, 25)),
        ("Bob: plan next week", "plan", date(2026, 5, 25)),
        ("Bob: meet at 10:30 tomorrow", "meet at 10:30", date(2026, 5, 23)),
        ("ask around about Acme on friday", "ask around about Acme", date(2026, 5, 29)),
    ],
)
def test_follow_up_dates(line: str, text: str, due: date) -> None:
    draft = parse_followup(line, NETWORK, TODAY)
    assert (draft.text, draft.due, draft.dated) == (text, due, True)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("Jane: call on the 45th of Smarch", "can't read the date 'on the 45th of Smarch'"),
        ("Jane: send it by feb 30", "there is no Feb 30"),
        ("Jane: by feb 30", "there is no Feb 30"),
        ("Jane: send the deck feb 30", "there is no Feb 30"),
        ("Jane: send the deck dec 32", "there is no Dec 32"),
        ("Jane: due 2026-13-01", "there is no date 2026-13-01"),
        ("Jane: send it 2026-13-01", "there is no date 2026-13-01"),
        ("Jane: call in 99999999999999999999 days", "too far away"),
        ("Jane: call in 5 min", "can't read the date 'in 5 min'"),
        ("Jane: ping on blursday 3", "can't read the date"),
    ],
)
def test_a_tail_meant_as_a_date_that_is_not_one_is_an_error(line: str, message: str) -> None:
    with pytest.raises(QuickAddError) as caught:
        parse_followup(line, NETWORK, TODAY)
    assert message in str(caught.value)


@pytest.mark.parametrize(
    "body",
    ["reply by email", "email 3 recruiters", "coffee with June", "call Jan", "Thursday 9"],
)
def test_text_with_no_date_stays_text_due_in_a_week(body: str) -> None:
    draft = parse_followup(f"Jane: {body}", NETWORK, TODAY)
    assert draft == FollowUpDraft(body, IN_A_WEEK, JANE, dated=False)


@pytest.mark.parametrize(
    "line", ["Bob: next friday", "Bob: tomorrow", "Bob: by tomorrow", "Bob: in 3 days", "dec 3"]
)
def test_a_date_alone_is_not_a_follow_up(line: str) -> None:
    with pytest.raises(QuickAddError, match="is only a date: what is the follow-up"):
        parse_followup(line, NETWORK, TODAY)


@pytest.mark.parametrize("line", ["Bob:", "Bob:   ", ""])
def test_follow_up_needs_a_task(line: str) -> None:
    with pytest.raises(QuickAddError, match="what is the follow-up"):
        parse_followup(line, NETWORK, TODAY)


def test_colon_of_a_time_is_not_a_contact_reference() -> None:
    draft = parse_followup("meet at 10:30", NETWORK, TODAY)
    assert (draft.contact, draft.text) == (None, "meet at 10:30")


# --- contact references -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ref", "contact"),
    [
        ("Jane Doe", JANE),
        ("jane doe", JANE),
        ("JANE   DOE", JANE),
        ("Jane", JANE),  # the only Jane
        ("Doe", JANE),  # a whole last name
        ("Smit", BOB),  # four letters of a last name
        ("Jane D", JANE),  # first name and an initial
        ("Zoë Åberg", ZOE),
        ("zoe aberg", ZOE),  # accents do not matter
        ("ZOE", ZOE),
        ("åberg", ZOE),
        ("Aberg", ZOE),
    ],
)
def test_contact_reference_resolves(ref: str, contact: Contact) -> None:
    assert ContactIndex(NETWORK).resolve(ref) == contact
    assert parse_followup(f"{ref}: ping", NETWORK, TODAY).contact == contact
    assert parse_note(f"{ref}: ping", NETWORK, TODAY).contact == contact


def test_names_in_decorative_unicode_letters_are_found_by_plain_letters() -> None:
    fancy = Contact("𝐉𝐚𝐧𝐞 𝐃𝐨𝐞", id=7)  # as some LinkedIn profiles write their name
    assert ContactIndex([fancy, BOB]).resolve("jane") == fancy
    assert ContactIndex([fancy, BOB]).resolve("Jane Doe") == fancy


def test_full_name_wins_over_a_longer_name_it_is_the_prefix_of() -> None:
    jo, joan = Contact("Jo Park", id=10), Contact("Jo Parker", id=11)
    assert ContactIndex([jo, joan]).resolve("jo park") == jo
    assert ContactIndex([jo, joan]).resolve("jo parker") == joan


def test_a_whole_first_name_is_not_the_start_of_a_longer_one() -> None:
    assert parse_followup("Jane: ping", CROWDED, TODAY).contact == JANE  # not Janet


@pytest.mark.parametrize(
    ("ref", "near"), [("Jan", "Jane Doe or Janet Lee"), ("ja", "Jane Doe or Janet Lee")]
)
def test_a_short_start_is_suggested_never_taken(ref: str, near: str) -> None:
    with pytest.raises(QuickAddError) as caught:
        parse_followup(f"{ref}: ping", CROWDED, TODAY)
    assert str(caught.value) == f"no contact '{ref}'; did you mean {near}?"


def test_ambiguous_reference_lists_the_candidates() -> None:
    two_janes = [*CROWDED, Contact("Jane Roe", company="Hooli", id=9)]
    with pytest.raises(QuickAddError) as caught:
        parse_followup("Jane: ping", two_janes, TODAY)
    message = str(caught.value)
    assert message.startswith("'Jane' matches ")
    assert "Jane Doe (Acme) [id 1]" in message
    assert "Jane Roe (Hooli) [id 9]" in message
    assert "Janet" not in message


def test_ambiguous_reference_with_many_candidates_is_counted() -> None:
    many = [Contact(f"Sam {n}", id=n) for n in range(1, 8)]
    with pytest.raises(
        QuickAddError, match=r"'sam' matches Sam 1 \[id 1\], Sam 2 \[id 2\], .* and 3 more"
    ):
        ContactIndex(many).resolve("sam")


def test_same_full_name_twice_is_ambiguous() -> None:
    twins = [Contact("Alex Kim", company="A", id=1), Contact("Alex Kim", company="B", id=2)]
    with pytest.raises(QuickAddError, match=r"Alex Kim \(A\) \[id 1\] and Alex Kim \(B\)"):
        ContactIndex(twins).resolve("alex kim")


@pytest.mark.parametrize("parse", [parse_followup, parse_note])
def test_unknown_reference_says_no_contact(parse) -> None:
    with pytest.raises(QuickAddError, match=r"^no contact 'Nobody'$"):
        parse("Nobody: ping", NETWORK, TODAY)


def test_unknown_reference_message_is_one_line() -> None:
    with pytest.raises(QuickAddError) as caught:
        parse_note("No\nBody: hello", NETWORK, TODAY)
    assert str(caught.value) == "no contact 'No Body'"


def test_empty_reference_is_an_error() -> None:
    with pytest.raises(QuickAddError, match="no contact name"):
        parse_followup(": ping", NETWORK, TODAY)


def test_contacts_without_an_id_are_never_matched() -> None:
    with pytest.raises(QuickAddError, match="no contact 'Unsaved'"):
        ContactIndex([Contact("Unsaved Person")]).resolve("Unsaved")


def test_completion() -> None:
    index = ContactIndex(CROWDED)
    assert index.complete("ja") == [JANE, JANET]
    assert index.complete("  ") == []
    assert index.complete("a", limit=1) == [ZOE]


# --- via ----------------------------------------------------------------------------------


@pytest.mark.parametrize("ref", ["Bob Smith", "bob", "SMITH"])
def test_via_resolves_to_the_referrer(ref: str) -> None:
    draft = parse_contact(f"Sam Lee via {ref}", NETWORK)
    assert (draft.via, draft.referred_by) == ("Bob Smith", BOB.id)
    assert describe(draft, TODAY) == "contact Sam Lee  (referred by Bob Smith)"


def test_via_unknown_is_an_error() -> None:
    with pytest.raises(QuickAddError, match="no contact 'Nobody'"):
        parse_contact("Sam Lee via Nobody", NETWORK)


def test_via_ambiguous_is_an_error() -> None:
    twins = [*CROWDED, Contact("Janet Ng", id=9)]
    with pytest.raises(QuickAddError, match="'Janet' matches Janet Lee"):
        parse_contact("Sam Lee via Janet", twins)


def test_via_a_near_miss_is_suggested_not_taken() -> None:
    with pytest.raises(QuickAddError, match="did you mean Jane Doe or Janet Lee"):
        parse_contact("Sam Lee via Jan", CROWDED)


def test_via_accepts_a_contact_index() -> None:
    assert parse_contact("Sam via Priya", ContactIndex(NETWORK)).referred_by == PRIYA.id


def test_via_inside_a_word_is_part_of_the_name() -> None:
    assert parse_contact("Octavia Viaduct", NETWORK).name == "Octavia Viaduct"


# --- contacts -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Sam Lee", ContactDraft("Sam Lee")),
        ("  Sam   Lee  ", ContactDraft("Sam Lee")),
        ("Sam Lee @ Initech", ContactDraft("Sam Lee", company="Initech")),
        ("Sam Lee (CTO)", ContactDraft("Sam Lee", title="CTO")),
        ("Sam Lee sam@x.io", ContactDraft("Sam Lee", email="sam@x.io")),
        ("Sam Lee #a #b #a", ContactDraft("Sam Lee", tags=("a", "b"))),
        (
            "Sam <sam@x.io> @ X (Dev)",
            ContactDraft("Sam", title="Dev", company="X", email="sam@x.io"),
        ),
    ],
)
def test_contact_fields(line: str, expected: ContactDraft) -> None:
    assert parse_contact(line, NETWORK) == expected


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("", "a contact needs a name first"),
        ("@ Acme", "a contact needs a name first"),
        ("Sam <a@b.c> <d@e.f>", "more than one <email>"),
        ("Sam a@b.co d@e.co", "more than one email address"),
        ("Sam <not-an-email>", "'not-an-email' is not an email address"),
        ("Sam <a@b.c", "an email address goes between < and >"),
        ("Sam (CTO) (CEO)", "more than one (title)"),
        ("Sam (CTO", "a title goes between ( and )"),
        ("Sam @ A @ B", "more than one @ company"),
        ("Sam @", "no company after '@'"),
        ("Sam via", "no name after 'via'"),
        ("Sam via Bob via Jane", "more than one 'via'"),
        ("Sam (CTO) Lee", "don't know where 'Lee' goes"),
    ],
)
def test_contact_errors(line: str, message: str) -> None:
    with pytest.raises(QuickAddError) as caught:
        parse_contact(line, NETWORK)
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # The title may hold what would elsewhere be an email address or a tag.
        ("Al (VP, ex-a@b.co) @ Acme", ContactDraft("Al", title="VP, ex-a@b.co", company="Acme")),
        ("Al (UX #1) <al@x.io>", ContactDraft("Al", title="UX #1", email="al@x.io")),
        ("Al (a <b> c)", ContactDraft("Al", title="a <b> c")),
        # A company may start with "via" or "#" when glued to the '@'.
        ("Jo @via rail", ContactDraft("Jo", company="via rail")),
        ("Jo @#1 Corp", ContactDraft("Jo", company="#1 Corp")),
    ],
)
def test_contact_parts_that_look_like_other_parts(line: str, expected: ContactDraft) -> None:
    draft = parse_contact(line, NETWORK)
    assert draft == expected
    assert parse_contact(render_contact(draft), NETWORK) == draft


def test_no_field_ever_holds_the_parsers_placeholder() -> None:
    with pytest.raises(QuickAddError, match=r"'a @b\.c' is not an email address"):
        parse_contact("Al <a(b)@b.c>", NETWORK)
    draft = parse_contact("Al #ab<x@y.z>", NETWORK)
    assert "\x00" not in "".join(draft.tags)


def test_describe_contact() -> None:
    draft = parse_contact("Jane Doe (Design Lead) @ Acme #ux <jane@acme.com> via Bob", NETWORK)
    assert describe(draft, TODAY) == (
        "contact Jane Doe, Design Lead, at Acme  #ux  <jane@acme.com>  (referred by Bob Smith)"
    )


# --- hostile text -------------------------------------------------------------------------

HOSTILE = [
    "[/]",
    "[b]x",
    "[link='https://evil']x[/link]",
    "\x1b]52;c;aGVsbG8=\x07x",
    "\x1b[31mred\x1b[0m",
    "\ud800",
    "a\ud800b",
    "Zoe\u202eevil",
    "tab\there",
    "line\r\nbreak",
    "nul\x00byte",
    "\x7f\x9b",
]


def _assert_clean(value: str, *, multiline: bool = False) -> None:
    assert not UNSAFE.search(value), repr(value)
    if not multiline:
        assert "\n" not in value and "\t" not in value, repr(value)
    value.encode("utf-8")  # would raise on a lone surrogate


@pytest.mark.parametrize("bad", HOSTILE)
def test_hostile_contact_line(bad: str) -> None:
    try:
        draft = parse_contact(f"{bad} (t{bad}) @ Co{bad} #tag{bad}", NETWORK)
    except QuickAddError:
        return
    for value in (draft.name, draft.title, draft.company, draft.email, draft.via, *draft.tags):
        _assert_clean(value)
    _assert_clean(describe(draft, TODAY))


@pytest.mark.parametrize("bad", HOSTILE)
def test_hostile_follow_up_and_note(bad: str) -> None:
    for parse, multiline in ((parse_followup, False), (parse_note, True)):
        try:
            draft = parse(f"Jane: {bad} and {bad} tomorrow", NETWORK, TODAY)
        except QuickAddError:
            continue
        _assert_clean(draft.text, multiline=multiline)
        assert draft.contact == JANE
        _assert_clean(describe(draft, TODAY), multiline=multiline)


def test_markup_is_kept_literally() -> None:
    assert parse_contact("[b]x[/b] @ [red]Co", NETWORK) == ContactDraft(
        "[b]x[/b]", company="[red]Co"
    )
    assert parse_followup("Jane: fix [/] tomorrow", NETWORK, TODAY).text == "fix [/]"


def test_escape_sequences_are_removed_from_a_name() -> None:
    draft = parse_contact("Eve\x1b]52;c;aGk=\x07 Evil", NETWORK)
    assert "\x1b" not in draft.name and "\x07" not in draft.name
    assert draft.name.startswith("Eve")


@pytest.mark.parametrize("line", ["\ud800", "\ud800\udfff", "\x1b\x07"])
def test_nothing_but_unsafe_characters_is_no_name(line: str) -> None:
    with pytest.raises(QuickAddError, match="needs a name"):
        parse_contact(line, NETWORK)


def test_bidi_override_never_reaches_a_reference_or_its_message() -> None:
    try:
        draft = parse_followup("Ja\u202ene: ping", NETWORK, TODAY)
    except QuickAddError as error:
        assert "\u202e" not in str(error)
    else:
        assert draft.contact == JANE
        assert "\u202e" not in draft.text


# --- properties ---------------------------------------------------------------------------

QUICK_ADD_ALPHABET = st.sampled_from(
    [
        *"abcJjaneBobZoëÅ ()@#<>:,.-/[]\\\n\t\x00\x1b\x07\u202e\ud800",
        *["via ", " on ", " by ", " due ", " in ", "next ", "friday", "dec", "feb 30", "3"],
        *["45th", "2026-13-01", "tomorrow", "yesterday, ", "jane@acme.com", "9" * 20],
    ]
)
quick_add_text = st.one_of(
    st.text(max_size=80),
    st.lists(QUICK_ADD_ALPHABET, max_size=14).map("".join),
)
todays = st.dates(min_value=date(1995, 1, 1), max_value=date(2150, 12, 31))


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(quick_add_text, todays)
@example("Jane: call on the 45th of Smarch", TODAY)
@example("\ud800: \ud800", TODAY)
@example("Jan: by dec 99", TODAY)
def test_any_text_raises_nothing_but_quick_add_error(text: str, today: date) -> None:
    for parse in (
        lambda: parse_contact(text, CROWDED),
        lambda: parse_followup(text, CROWDED, today),
        lambda: parse_note(text, CROWDED, today),
    ):
        try:
            draft = parse()
        except QuickAddError as error:
            assert str(error)
            assert "\n" not in str(error)
            continue
        if isinstance(draft, ContactDraft):
            for value in (draft.name, draft.title, draft.company, draft.email, *draft.tags):
                _assert_clean(value)
            assert draft.name
        elif isinstance(draft, FollowUpDraft):
            _assert_clean(draft.text)
            assert draft.text
            assert draft.due > today or not draft.dated or draft.due <= today
            if not draft.dated:
                assert draft.due == today + timedelta(days=7)
        else:
            _assert_clean(draft.text, multiline=True)
            assert draft.text
        describe(draft, today)


contact_lines = st.one_of(
    quick_add_text,
    st.builds(
        lambda name, title, company, tags, email, via: " ".join(
            part
            for part in (
                name,
                f"({title})" if title is not None else "",
                f"@ {company}" if company else "",
                *(f"#{t}" for t in tags),
                f"<{email}>" if email else "",
                f"via {via}" if via else "",
            )
            if part
        ),
        st.text(min_size=1, max_size=20),
        st.none() | st.text(max_size=15),
        st.text(max_size=15),
        st.lists(st.text(min_size=1, max_size=8), max_size=3),
        st.none() | st.emails(),
        st.none() | st.sampled_from(["Bob", "jane doe", "zoe", "Priya Raman", "Raman"]),
    ),
)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(contact_lines)
@example("Jane Doe (Design Lead) @ Acme Corp #ux #fintech <jane@acme.com> via Bob Smith")
@example("Al (a x@y.z b)")
@example("Al (x) via zoe")
@example("0@via")
def test_a_parsed_contact_renders_to_a_line_that_parses_the_same(line: str) -> None:
    try:
        draft = parse_contact(line, NETWORK)
    except QuickAddError:
        return
    rendered = render_contact(draft)
    again = parse_contact(rendered, NETWORK)
    assert again == draft
    assert again.referred_by == draft.referred_by
    assert render_contact(again) == rendered
