"""Who a name written by the user means (netui.names, issue 11 part 1): a table of real
lines typed into the quick-add bar or `netui add`, against a realistic network.

Each row says whom the line must name (or None) and a fragment of what the user then
sees: the preview line (`describe`) when the line can be saved, or the error message
(prefixed "error: ") when it can't.
"""

from __future__ import annotations

from datetime import date

import pytest

from netui.errors import QuickAddError, UnknownContactError
from netui.model import Contact
from netui.names import ContactIndex
from netui.quickadd import describe, parse_contact, parse_followup, parse_note

TODAY = date(2026, 5, 22)  # a Friday

RENEE = Contact("Renée Fontaine", company="Lumen", id=1)
EVE = Contact("[bold red]Eve[/]", id=2)
MAY = Contact("May Lee", company="Initech", id=3)
ANANYA = Contact("Ananya Iyer", company="Stripe", id=4)
PRIYA_P = Contact("Priya Patel", company="Acme Corp", id=5)
PRIYA_R = Contact("Priya Raman", company="Globex", id=6)
JANE = Contact("Jane Doe", company="Acme Corp", id=7)
JANET = Contact("Janet Lee", company="Initech", id=8)
LUDWIG = Contact("Ludwig van Dijk", company="Philips", id=9)
SEAN = Contact("Seán O'Brien", company="Intercom", id=10)
MARY_JANE = Contact("Mary-Jane Watson", company="Daily Bugle", id=11)
JOSE = Contact("José Álvarez", company="Cabify", id=12)
JULIAN = Contact("𝐉𝐮𝐥𝐢𝐚𝐧 𝐒𝐭𝐨𝐧𝐞", company="Figma", id=13)  # the bold letters of LinkedIn
PRADEEP = Contact("Pradeep Kumar", company="Infosys", id=14)
BOB = Contact("Bob Smith", company="Globex", id=15)
ANA = Contact("Ana Lopez", company="Mercado Libre", id=16)

NETWORK = [
    RENEE,
    EVE,
    MAY,
    ANANYA,
    PRIYA_P,
    PRIYA_R,
    JANE,
    JANET,
    LUDWIG,
    SEAN,
    MARY_JANE,
    JOSE,
    JULIAN,
    PRADEEP,
    BOB,
]
"""Fifteen people, no Ana."""

WITH_ANA = [*NETWORK, ANA]
"""The same network with Ana Lopez in it, next to Ananya Iyer."""


def seen(line: str, contacts: list[Contact]) -> tuple[Contact | None, str]:
    """(whom the line names, what the user is shown) for a quick-add line: a contact
    line when it has 'via' and no ':', else a follow-up."""
    try:
        if " via " in line and ":" not in line:
            draft = parse_contact(line, contacts)
            who = next((c for c in contacts if c.id == draft.referred_by), None)
            return who, describe(draft, TODAY)
        followup = parse_followup(line, contacts, TODAY)
        return followup.contact, describe(followup, TODAY)
    except QuickAddError as error:
        return None, f"error: {error}"


ROWS = [
    # --- the issue's examples: labels and addresses are about no one, not errors -----
    ("Re: send intro email", None, "for no one ('Re' is a label): Re: send intro email"),
    ("RE: offer letter from Globex", None, "for no one ('RE' is a label): RE: offer letter"),
    ("Fwd: posting Priya sent", None, "for no one ('Fwd' is a label): Fwd: posting Priya sent"),
    ("Todo: update the resume", None, "for no one ('Todo' is a label): Todo: update the"),
    ("FYI: the Acme role closes soon", None, "for no one ('FYI' is a label): FYI: the Acme"),
    ("Idea: a portfolio site", None, "for no one ('Idea' is a label): Idea: a portfolio site"),
    ("Note to self: ask about remote", None, "('Note to self' is a label): Note to self: ask"),
    (
        "https://example.com/jobs/42: check posting",
        None,
        "for no one (a web address): https://example.com/jobs/42: check posting",
    ),
    ("www.acme.com/careers: apply", None, "for no one (a web address): www.acme.com/careers"),
    # --- prefixes that once meant someone by accident: never Eve, never May Lee -------
    ("Red: pick the resume template", None, "error: no contact 'Red'"),
    ("[bold: check the markup", None, "('[bold' is not written like a name): [bold: check"),
    ("M: call the recruiter", None, "error: no contact 'M'"),
    # --- whole first or last names, in any case, with or without accents -------------
    ("Jane: send the portfolio", "Jane Doe", "follow-up for Jane Doe: send the portfolio"),
    ("jane: send the portfolio", "Jane Doe", "for Jane Doe: send the portfolio"),
    ("Doe: ask about the design team", "Jane Doe", "for Jane Doe: ask about the design"),
    ("Janet: coffee invite", "Janet Lee", "for Janet Lee: coffee invite"),
    ("May: send the article", "May Lee", "for May Lee: send the article"),
    ("Patel: send the case study", "Priya Patel", "for Priya Patel: send the case study"),
    ("Smith: intro to Globex", "Bob Smith", "for Bob Smith: intro to Globex"),
    ("Renee: thank her", "Renée Fontaine", "for Renée Fontaine: thank her"),
    ("Ludwig: ask about Philips", "Ludwig van Dijk", "for Ludwig van Dijk: ask about"),
    ("van Dijk: ask about Philips", "Ludwig van Dijk", "for Ludwig van Dijk: ask about"),
    ("Dijk: ask about Philips", "Ludwig van Dijk", "for Ludwig van Dijk: ask about"),
    ("Sean: reply on Slack", "Seán O'Brien", "for Seán O'Brien: reply on Slack"),
    ("O'Brien: reply on Slack", "Seán O'Brien", "for Seán O'Brien: reply on Slack"),
    ("Mary-Jane: send the clip", "Mary-Jane Watson", "for Mary-Jane Watson: send the clip"),
    ("Mary Jane: send the clip", "Mary-Jane Watson", "for Mary-Jane Watson: send the clip"),
    ("Watson: send the clip", "Mary-Jane Watson", "for Mary-Jane Watson: send the clip"),
    ("Álvarez: ask about Cabify", "José Álvarez", "for José Álvarez: ask about Cabify"),
    ("jose: ask about Cabify", "José Álvarez", "for José Álvarez: ask about Cabify"),
    ("Julian: send the Figma file", "𝐉𝐮𝐥𝐢𝐚𝐧 𝐒𝐭𝐨𝐧𝐞", "for 𝐉𝐮𝐥𝐢𝐚𝐧 𝐒𝐭𝐨𝐧𝐞: send the Figma file"),
    ("Eve: send the invite", "[bold red]Eve[/]", "for [bold red]Eve[/]: send the invite"),
    # --- full names in another case or without accents --------------------------------
    ("priya patel: send the case study", "Priya Patel", "for Priya Patel: send the case"),
    ("RENÉE FONTAINE: thank her", "Renée Fontaine", "for Renée Fontaine: thank her"),
    ("renee fontaine: thank her", "Renée Fontaine", "for Renée Fontaine: thank her"),
    ("jose alvarez: ask about Cabify", "José Álvarez", "for José Álvarez: ask about Cabify"),
    ("sean o'brien: reply on Slack", "Seán O'Brien", "for Seán O'Brien: reply on Slack"),
    ("julian stone: send the file", "𝐉𝐮𝐥𝐢𝐚𝐧 𝐒𝐭𝐨𝐧𝐞", "for 𝐉𝐮𝐥𝐢𝐚𝐧 𝐒𝐭𝐨𝐧𝐞: send the file"),
    ("  Jane   Doe  : send the deck", "Jane Doe", "for Jane Doe: send the deck"),
    # --- the first words with the last one shortened ---------------------------------
    ("Jane D: send the deck", "Jane Doe", "for Jane Doe: send the deck"),
    ("Priya R: send the case study", "Priya Raman", "for Priya Raman: send the case study"),
    ("Renée F: thank her", "Renée Fontaine", "for Renée Fontaine: thank her"),
    # --- a start of four letters is meant; three letters is only suggested -------------
    ("Prad: call about Infosys", "Pradeep Kumar", "for Pradeep Kumar: call about Infosys"),
    ("Font: thank her", "Renée Fontaine", "for Renée Fontaine: thank her"),
    ("Anan: ask for the intro", "Ananya Iyer", "for Ananya Iyer: ask for the intro"),
    (
        "Pra: call about Infosys",
        None,
        "error: no contact 'Pra'; did you mean Pradeep Kumar, Priya Patel or Priya Raman?",
    ),
    ("Jan: coffee invite", None, "error: no contact 'Jan'; did you mean Jane Doe or Janet Lee?"),
    ("Fon: thank her", None, "error: no contact 'Fon'; did you mean Renée Fontaine?"),
    # --- 'Ana' is not Ananya: suggested, never taken ----------------------------------
    ("Ana: ask for the intro", None, "error: no contact 'Ana'; did you mean Ananya Iyer?"),
    # --- two people of that name: an error naming both, with their ids ----------------
    (
        "Priya: send the case study",
        None,
        "error: 'Priya' matches Priya Patel (Acme Corp) [id 5] and Priya Raman (Globex) "
        "[id 6]: write more of the name",
    ),
    (
        "Lee: thank-you note",
        None,
        "error: 'Lee' matches May Lee (Initech) [id 3] and Janet Lee (Initech) [id 8]",
    ),
    # --- typos are suggested, never taken ---------------------------------------------
    ("Jnae: send the portfolio", None, "error: no contact 'Jnae'; did you mean Jane Doe?"),
    ("Pradep: call", None, "error: no contact 'Pradep'; did you mean Pradeep Kumar?"),
    # --- times are not references -------------------------------------------------------
    ("Meet Jane at 10:30 tomorrow", None, "follow-up: Meet Jane at 10:30 — due Sat 23 May"),
    ("Jane: call at 10:30 tomorrow", "Jane Doe", "for Jane Doe: call at 10:30 — due Sat 23 May"),
    ("10:30: standup with the team", None, "for no one ('10:30' has no letters): 10:30: stand"),
    # --- a phrase before a colon is not a name ----------------------------------------
    (
        "Call Jane about the offer: she said yes",
        None,
        "for no one ('Call Jane about the offer' is a phrase): Call Jane about the offer: she",
    ),
    # --- via NAME, the same rule -------------------------------------------------------
    ("Sam Lee @ Stripe via Ananya", "Ananya Iyer", "contact Sam Lee, at Stripe  (referred by"),
    ("Sam Lee via Ana", None, "error: no contact 'Ana'; did you mean Ananya Iyer?"),
    ("Sam Lee via Renee", "Renée Fontaine", "(referred by Renée Fontaine)"),
    ("Sam Lee via Priya", None, "error: 'Priya' matches Priya Patel (Acme Corp) [id 5] and"),
    ("Sam Lee via Re", None, "error: 'Re' after 'via' is not a name ('Re' is a label)"),
    ("Sam Lee via M", None, "error: no contact 'M'"),
]


@pytest.mark.parametrize(("line", "who", "shown"), ROWS, ids=[row[0] for row in ROWS])
def test_a_reference_names_one_person_only_when_it_is_clear(
    line: str, who: str | None, shown: str
) -> None:
    contact, text = seen(line, NETWORK)
    assert (contact.name if contact else None) == who, text
    assert shown in text


WITH_ANA_ROWS = [
    ("Ana: ask for the intro", "Ana Lopez", "for Ana Lopez: ask for the intro"),
    ("ana lopez: ask for the intro", "Ana Lopez", "for Ana Lopez: ask for the intro"),
    ("Lopez: ask for the intro", "Ana Lopez", "for Ana Lopez: ask for the intro"),
    ("Anan: ask for the intro", "Ananya Iyer", "for Ananya Iyer: ask for the intro"),
    ("Sam Lee via Ana", "Ana Lopez", "contact Sam Lee  (referred by Ana Lopez)"),
    ("Re: send intro email", None, "for no one ('Re' is a label): Re: send intro email"),
]


@pytest.mark.parametrize(
    ("line", "who", "shown"), WITH_ANA_ROWS, ids=[row[0] for row in WITH_ANA_ROWS]
)
def test_a_whole_first_name_wins_over_a_longer_name_it_starts(
    line: str, who: str | None, shown: str
) -> None:
    contact, text = seen(line, WITH_ANA)
    assert (contact.name if contact else None) == who, text
    assert shown in text


def test_the_table_is_as_long_as_the_issue_asks() -> None:
    assert len(ROWS) + len(WITH_ANA_ROWS) >= 40


@pytest.mark.parametrize(
    "line",
    [
        "OBrien: reply on Slack",
        "SEAN OBRIEN: reply on Slack",
        "Sean O’Brien: reply on Slack",  # a typographic apostrophe
        "Obri: reply on Slack",
    ],
)
def test_an_apostrophe_never_decides_a_match(line: str) -> None:
    # (words_of: "so that punctuation never decides a match")
    contact, text = seen(line, NETWORK)
    assert contact == SEAN, text
    assert "for Seán O'Brien: reply on Slack" in text


# --- the line a user sees kept whole ------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Re: send intro email",
        "FYI: recruiter called back",
        "https://example.com/jobs/42: check posting",
        "Note to self: ask about remote",
    ],
)
def test_a_line_about_no_one_keeps_every_word(line: str) -> None:
    followup = parse_followup(line, NETWORK, TODAY)
    note = parse_note(line, NETWORK, TODAY)
    assert (followup.contact, followup.text) == (None, line)
    assert (note.contact, note.text) == (None, line)
    assert followup.reference is not None and followup.reference.label
    assert note.reference is not None and note.reference.label


def test_a_note_finds_its_person_and_its_date_by_the_same_rule() -> None:
    note = parse_note("Renee: yesterday, coffee at Blue Bottle", NETWORK, TODAY)
    assert (note.contact, note.text, note.date) == (
        RENEE,
        "coffee at Blue Bottle",
        date(2026, 5, 21),
    )
    assert note.reference is not None and note.reference.how == "first name"
    assert describe(note, TODAY).startswith("note for Renée Fontaine on ")


def test_a_note_with_an_ambiguous_name_is_refused_naming_both() -> None:
    with pytest.raises(QuickAddError, match=r"Priya Patel .*\[id 5\] and Priya Raman .*\[id 6\]"):
        parse_note("Priya: coffee, two names", NETWORK, TODAY)


def test_a_line_without_a_colon_has_no_reference() -> None:
    followup = parse_followup("update the resume friday", NETWORK, TODAY)
    assert (followup.contact, followup.reference) == (None, None)
    assert describe(followup, TODAY) == "follow-up: update the resume — due Fri 29 May"


# --- ContactIndex.find and resolve: what `netui prep NAME` and the forms use --------------


@pytest.mark.parametrize(
    ("ref", "who", "how"),
    [
        ("Jane Doe", JANE, "full name"),
        ("  jane   doe ", JANE, "full name"),
        ("Jane", JANE, "first name"),
        ("Doe", JANE, "last name"),
        ("Jane D", JANE, "name"),
        ("Prad", PRADEEP, "start of name"),
        ("𝐉𝐮𝐥𝐢𝐚𝐧", JULIAN, "first name"),
        ("RENEE FONTAINE", RENEE, "full name"),
    ],
)
def test_find_says_how_it_matched(ref: str, who: Contact, how: str) -> None:
    index = ContactIndex(NETWORK)
    found = index.find(ref)
    assert (found.contact, found.how, found.label) == (who, how, "")
    assert index.resolve(ref) == who


@pytest.mark.parametrize(
    ("ref", "label"),
    [
        ("Re", "'Re' is a label"),
        ("Todo", "'Todo' is a label"),
        ("https://example.com/jobs/42", "a web address"),
        ("10:30", "'10:30' has no letters"),
    ],
)
def test_find_reports_a_label_and_resolve_refuses_it(ref: str, label: str) -> None:
    index = ContactIndex(NETWORK)
    found = index.find(ref)
    assert (found.contact, found.label) == (None, label)
    with pytest.raises(UnknownContactError) as error:
        index.resolve(ref)
    assert str(error.value) == f"no contact '{ref}' ({label}, not a contact's name)"


def test_a_near_miss_is_offered_but_not_taken() -> None:
    index = ContactIndex(NETWORK)
    with pytest.raises(UnknownContactError) as error:
        index.resolve("Ana")
    assert error.value.near == ("Ananya Iyer",)
    assert str(error.value) == "no contact 'Ana'; did you mean Ananya Iyer?"
    assert ContactIndex(WITH_ANA).resolve("Ana") == ANA


def test_an_ambiguous_name_is_an_error_naming_each_with_their_id() -> None:
    with pytest.raises(QuickAddError) as error:
        ContactIndex(NETWORK).resolve("Priya")
    assert str(error.value) == (
        "'Priya' matches Priya Patel (Acme Corp) [id 5] and Priya Raman (Globex) [id 6]: "
        "write more of the name"
    )


def test_a_contact_whose_whole_name_is_a_label_can_still_be_named() -> None:
    todo = Contact("Todo", id=40)
    studio = Contact("Re: Design Ltd", id=41)
    network = [*NETWORK, todo, studio]
    assert parse_followup("Todo: send invoice", network, TODAY).contact == todo
    followup = parse_followup("Re: Design Ltd: send invoice", network, TODAY)
    assert (followup.contact, followup.text) == (studio, "send invoice")
    # and a plain "Re:" is still about no one
    assert parse_followup("Re: send intro email", network, TODAY).contact is None


def test_an_empty_reference_is_an_error() -> None:
    with pytest.raises(QuickAddError, match="no contact name before the ':'"):
        ContactIndex(NETWORK).find("   ")
