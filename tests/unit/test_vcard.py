"""vCard import and export: files as Apple, Google, Android and Thunderbird write them,
the exported file re-parsed by vobject, and netui -> vCard -> netui round trips."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netui.interchange.merge import plan_contacts
from netui.interchange.textfile import ReadNotes
from netui.interchange.vcard import VCardError, export_vcards, parse_vcards, read_vcards
from netui.model import Contact, Network
from netui.text import clean

DATA = Path(__file__).parent.parent / "data" / "vcard"
FIELDS = (
    "name",
    "company",
    "title",
    "email",
    "phone",
    "linkedin",
    "other_emails",
    "other_phones",
    "other_urls",
    "how_met",
    "tags",
)
"""What a vCard holds of a contact."""


def people(name: str) -> list:
    return read_vcards(DATA / name)


def test_apple_contacts_export() -> None:
    chidi, company, jose = people("apple.vcf")
    assert chidi.line == 1 and not chidi.skip
    assert chidi.contact == Contact(
        name="Chidi Okafor",
        company="Northwind Health",
        title="Staff Engineer",
        email="chidi@northwind.example",  # the pref one
        other_emails=("chidi.o@mail.example",),
        phone="+1 (415) 555-0142",
        other_phones=("+1 415 555 0199",),  # an item1. grouped TEL with a label
        phone_labels=(("+1 (415) 555-0142", "cell"),),  # (the label is no kind netui keeps)
        linkedin="https://www.linkedin.com/in/chidiokafor/",
        other_urls=("https://chidi.example",),
        how_met="Met at the PyBay meetup, introduced by Sara. Likes talking about on-call "
        "rotations, incident reviews and the move to Kubernetes.\nAsk about the platform team.",
        tags=("Job-search", "Engineering"),
    )
    assert (company.line, company.skip) == (41, "a company card, not a person")
    assert jose.contact.name == "José Núñez"
    assert jose.contact.company == "Café Olé S.L."
    assert jose.contact.title == "Head of Product, EMEA"
    # No URL: the X-SOCIALPROFILE for LinkedIn gives the profile.
    assert jose.contact.linkedin == "https://www.linkedin.com/in/josenunez"


def test_google_contacts_export() -> None:
    priya, sam, nameless = people("google.vcf")
    assert priya.contact == Contact(
        name="Priya Raman",
        company="Contoso Ltd.",
        title="Head of Data",
        email="priya@contoso.example",
        other_emails=("priya.raman@gmail.example",),
        phone="+44 7700 900123",
        other_phones=("020 7946 0018",),
        phone_labels=(("+44 7700 900123", "cell"),),
        linkedin="https://www.linkedin.com/in/priya-raman-42",  # Google's https\://
        other_urls=("https://priya.example/talks",),
        how_met="Referred by Chidi. Ask about the analytics team; she said to mention the meetup.",
        tags=("Networking", "starred"),  # myContacts is Google's, not the user's
    )
    assert sam.contact.tags == ()
    assert (nameless.line, nameless.skip) == (27, "no name")


def test_android_v21_export_with_quoted_printable_and_a_photo() -> None:
    juergen, yuki = people("android.vcf")
    assert juergen.contact == Contact(
        name="Jürgen Müller",
        company="Fabrikam GmbH",
        title="Engineering Manager",
        email="juergen@fabrikam.example",
        phone="+49 151 23456789",
        other_phones=("+49 30 1234567",),
        phone_labels=(("+49 151 23456789", "cell"), ("+49 30 1234567", "work")),
        linkedin="https://www.linkedin.com/in/juergen-mueller",
        how_met="Coffee at the Berlin meetup on the platform team; he knows the hiring manager "
        "at Fabrikam.\nSend him the deck. ☕",
    )
    assert (yuki.line, yuki.contact.name, yuki.contact.phone) == (
        20,
        "Yuki Tanaka",
        "090-1234-5678",
    )


def test_vcard_4_from_thunderbird() -> None:
    (li,) = people("thunderbird4.vcf")
    assert li.contact == Contact(
        name="Li Wei",
        company="Tailspin Toys",
        title="Technical Recruiter",
        email="li.wei@tailspin.example",
        other_emails=("liwei@mail.example",),
        phone="+1-202-555-0107",  # tel: URI
        phone_labels=(("+1-202-555-0107", "cell"),),
        linkedin="https://www.linkedin.com/in/liwei",
        how_met="Posted the platform role on LinkedIn, said to reach out directly.",
        tags=("recruiter", "toys"),
    )


def test_a_line_that_is_not_a_property_is_skipped_with_its_line_and_the_rest_imported() -> None:
    notes = ReadNotes()
    ann, bo = read_vcards(DATA / "broken_line.vcf", notes)
    assert (ann.contact.name, bo.contact.name) == ("Ann Lee", "Bo Chen")
    assert notes.problems == [
        (8, "'this line has no colon' is not a vCard property (no ':'): skipped")
    ]


def test_a_card_the_file_ends_inside_is_read_to_the_end_and_noted() -> None:
    notes = ReadNotes()
    ann, bo = read_vcards(DATA / "unterminated.vcf", notes)
    assert (ann.contact.name, bo.contact.name, bo.line) == ("Ann Lee", "Bo Chen", 5)
    assert notes.problems == [(5, "this card has no END:VCARD: read to the end of the file")]


def test_not_a_vcard_file(tmp_path: Path) -> None:
    csv_file = tmp_path / "contacts.csv"
    csv_file.write_text("name,email\nAda,ada@x.example\n")
    with pytest.raises(VCardError, match=r"line 1: expected BEGIN:VCARD, found 'name,email'"):
        read_vcards(csv_file)
    with pytest.raises(VCardError, match="no BEGIN:VCARD"):
        parse_vcards("\n\n", "empty.vcf")


def test_importing_the_same_file_twice_adds_nobody_the_second_time() -> None:
    incoming = people("apple.vcf") + people("google.vcf") + people("android.vcf")
    first = plan_contacts(incoming, [], "vCard")
    assert [c.name for c in first.added] == [
        "Chidi Okafor",
        "José Núñez",
        "Priya Raman",
        "Sam O'Neill",
        "Jürgen Müller",
        "Yuki Tanaka",
    ]
    saved = [c.__class__(**{**_fields(c), "id": i + 1}) for i, c in enumerate(first.added)]
    second = plan_contacts(incoming, saved, "vCard")
    assert (second.added, second.updated, second.unchanged) == ([], [], 6)


def _fields(contact: Contact) -> dict:
    return {name: getattr(contact, name) for name in contact.__slots__}  # type: ignore[attr-defined]


# --- export -------------------------------------------------------------------------------

ADA = Contact(
    id=7,
    name="Ada Lovelace",
    company="Analytical; Engines, Ltd",
    title="Engineer",
    email="ada@example.com",
    other_emails=("ada@home.example",),
    phone="+1 555 0100",
    other_phones=("+44 20 7946 0000",),
    linkedin="https://www.linkedin.com/in/ada",
    other_urls=("https://ada.example/notes,1",),
    how_met="Conference;\nthen coffee, with Charles",
    tags=("math", "vip"),
    created=datetime(2026, 1, 2, 3, 4, 5),
)


def test_export_reparsed_by_vobject_has_every_field() -> None:
    text = export_vcards(Network(contacts=(ADA, Contact(id=8, name="Cher"))))
    cards = list(vobject.readComponents(text))
    assert len(cards) == 2
    card = cards[0]
    assert card.version.value == "3.0"
    assert card.fn.value == "Ada Lovelace"
    assert (card.n.value.given, card.n.value.family) == ("Ada", "Lovelace")
    assert card.org.value == ["Analytical; Engines, Ltd"]
    assert card.title.value == "Engineer"
    emails = [(e.value, e.params["TYPE"]) for e in card.contents["email"]]
    assert emails == [
        ("ada@example.com", ["INTERNET", "PREF"]),
        ("ada@home.example", ["INTERNET"]),
    ]
    phones = [(t.value, t.params["TYPE"]) for t in card.contents["tel"]]
    # Typed CELL as well as VOICE: abook (and others) drop a number typed only VOICE.
    assert phones == [
        ("+1 555 0100", ["CELL", "VOICE", "PREF"]),
        ("+44 20 7946 0000", ["CELL", "VOICE"]),
    ]
    urls = [(u.value, u.group) for u in card.contents["url"]]
    assert urls == [
        ("https://www.linkedin.com/in/ada", "item1"),
        ("https://ada.example/notes,1", None),
    ]
    label = card.contents["x-ablabel"][0]
    assert (label.group, label.value) == ("item1", "LinkedIn")
    assert card.note.value == "Conference;\nthen coffee, with Charles"
    assert card.categories.value == ["math", "vip"]
    assert card.uid.value == "netui-contact-7-20260102T030405@netui"
    cher = cards[1]
    # A single name is a given name (as Apple and Google write a mononym).
    assert cher.fn.value == "Cher" and cher.n.value.given == "Cher"
    assert "email" not in cher.contents and "org" not in cher.contents
    raw = text.encode("utf-8")
    assert raw.count(b"\r\n") == raw.count(b"\n")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))


def test_export_then_import_keeps_every_field() -> None:
    (back,) = parse_vcards(export_vcards(Network(contacts=(ADA,))))
    assert {f: getattr(back.contact, f) for f in FIELDS} == {f: getattr(ADA, f) for f in FIELDS}


_TRICKY = st.sampled_from(["=", ",", ";", ":", "\\", "\n", '"', " ", "é", "😀", "漢字", "\\n"])
_TEXT = st.lists(st.one_of(st.text(max_size=8), _TRICKY), max_size=8).map("".join)
_LINE = _TEXT.map(lambda t: " ".join(clean(t, multiline=False).split()))
_ITEM = _LINE.filter(bool)
_TAG = _ITEM.map(lambda t: "".join(t.split()).lstrip("#")).filter(
    lambda t: bool(t) and t.casefold() != "mycontacts"
)


@st.composite
def _contact(draw: st.DrawFn) -> Contact:
    def items() -> tuple[str, ...]:
        return tuple(dict.fromkeys(draw(st.lists(_ITEM, max_size=3))))

    emails = items()
    phones = items()
    return Contact(
        id=1,
        name=draw(_ITEM),
        company=draw(_LINE),
        title=draw(_LINE),
        email=emails[0] if emails else "",
        other_emails=emails[1:],
        phone=phones[0] if phones else "",
        other_phones=phones[1:],
        linkedin=draw(st.just("") | _ITEM),
        other_urls=items(),
        how_met=clean(draw(_TEXT)).strip(),
        tags=tuple(dict.fromkeys(draw(st.lists(_TAG, max_size=3)))),
    )


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(contact=_contact())
def test_round_trip_of_arbitrary_text(contact: Contact) -> None:
    """Unicode, commas, semicolons, backslashes, newlines and leading `=` survive."""
    (back,) = parse_vcards(export_vcards(Network(contacts=(contact,))))
    expected = {f: getattr(contact, f) for f in FIELDS}
    got = {f: getattr(back.contact, f) for f in FIELDS}
    # A web address equal to the profile is the profile (it is not kept twice).
    expected["other_urls"] = tuple(u for u in contact.other_urls if u != contact.linkedin)
    # Case-insensitive repeats of an address are one address.
    expected["other_emails"] = _unique_ci(contact.email, contact.other_emails)
    expected["other_phones"] = _unique_ci(contact.phone, contact.other_phones)
    expected["tags"] = _unique_ci(None, contact.tags)
    assert got == expected


def _unique_ci(first: str | None, rest: tuple[str, ...]) -> tuple[str, ...]:
    seen = {first.casefold()} if first else set()
    out = []
    for value in rest:
        if value.casefold() not in seen:
            seen.add(value.casefold())
            out.append(value)
    return tuple(out)
