"""What real address books write and netui's first vCard reader got wrong (issue 12), one
small synthetic fixture each under tests/data/vcard/quirks/: read exactly, and whatever
can't be read skipped on its own and listed with its line."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from netui.interchange.formats import plan_file
from netui.interchange.plan import describe_plan, plan_details
from netui.interchange.textfile import FIELD_LIMIT, ReadNotes
from netui.interchange.vcard import export_vcards, name_parts, read_vcards
from netui.model import Contact, Network

QUIRKS = Path(__file__).parent.parent / "data" / "vcard" / "quirks"


def read(name: str) -> tuple[list, ReadNotes]:
    notes = ReadNotes()
    people = read_vcards(QUIRKS / name, notes)
    return [p.contact for p in people], notes


def test_a_profile_property_is_no_reason_to_fail() -> None:
    (hana,), notes = read("profile.vcf")
    assert (hana.name, hana.company) == ("Hana Ito", "Umbrella Labs")
    assert notes.problems == []


def test_commas_in_a_name_a_title_and_a_note_are_text() -> None:
    (john, ana), _ = read("commas.vcf")
    assert john.name == "Mr. John Richter, James Doe Sr."
    assert john.title == "VP, Sales"
    assert john.how_met.startswith("Met at the Lisbon meetup, table 4. Talked about hiring")
    assert john.how_met.endswith("the reading group, and Q3.") and len(john.how_met) == 235
    # vCard 2.1 has no comma escaping at all: its commas are text too.
    assert (ana.name, ana.title) == ("Ana Silva, PhD", "Director, Partnerships")
    assert ana.how_met == "Coffee in May, then lunch, then a call."


def test_quoted_printable_soft_breaks_stray_bytes_and_charsets() -> None:
    (jurgen, jose), notes = read("quoted_printable.vcf")
    assert jurgen.name == "Jürgen Müller"
    # A soft line break before a blank line ends the value: the next property is its own.
    assert jurgen.company == "Café Müller"
    assert jurgen.tags == ("Friends",)
    # The space after a soft break is text; one byte that is not UTF-8 (0x80) is read as
    # Windows-1252 (€) without turning the rest of the value into mojibake.
    assert jurgen.how_met == "Please come to the café on Friday; it costs 5 € — cash only."
    assert notes.problems == [(8, "NOTE: bytes that are not utf-8: read as cp1252")]
    # CHARSET= on a 2.1 value, and 2.1's bare QUOTED-PRINTABLE parameter.
    assert (jose.name, jose.title) == ("José Núñez", "Jefe de diseño")


def test_odd_lines_are_skipped_one_by_one_and_listed() -> None:
    (ewa, piotr), notes = read("odd_lines.vcf")
    assert (ewa.name, ewa.email) == ("Ewa Kowalski", "ewa@example.org")
    assert (piotr.name, piotr.phone) == ("Piotr Nowak", "+48 600 100 200")
    # The comment, the KDE property and the continued ADR are read past silently (netui
    # keeps no address); only the line that is nothing at all is listed.
    assert notes.problems == [
        (15, "'this line is not a property' is not a vCard property (no ':'): skipped")
    ]


def test_base64_text_is_decoded() -> None:
    (zoe,), _ = read("base64_note.vcf")
    assert zoe.how_met == "Hello world, from Zoë"


def test_a_shift_jis_phone_export_is_read_in_the_charset_it_declares() -> None:
    (taro,), notes = read("shift_jis.vcf")
    assert (taro.name, taro.company, taro.phone) == (
        "山田 太郎",
        "株式会社サンプル",
        "090-1234-5678",
    )
    assert notes.encoding == "read as shift_jis (declared)"


def test_one_latin_1_byte_changes_only_its_line_and_is_listed() -> None:
    (zoe,), notes = read("latin1_byte.vcf")
    # The UTF-8 lines are not re-read by a guess; the one line that is not UTF-8 is.
    assert (zoe.name, zoe.company) == ("Zoë Ångström", "Grüne Straße GmbH")
    assert zoe.how_met == "Café after the talk"
    assert notes.problems == [(5, "not UTF-8: read as Windows-1252 (cp1252)")]
    assert notes.encoding == "read as UTF-8, 1 line as cp1252"


def test_apple_escapes_of_characters_that_need_none() -> None:
    (sam,), _ = read("apple_escapes.vcf")
    assert sam.how_met == 'Call at 10:30; ask about the "platform" team'
    assert sam.tags == ("Sam's-friends", "Work")
    assert sam.other_urls == ("https://sam.example/about",)


def test_a_huge_note_is_cut_to_the_one_field_limit_and_the_cut_is_said(tmp_path: Path) -> None:
    huge = tmp_path / "huge.vcf"
    note = "x" * (20 * 2**20)
    huge.write_text(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Big Note\r\nNOTE:{note}\r\nEND:VCARD\r\n")
    plan = plan_file("vcard", huge, [])
    (big,) = plan.added
    assert len(big.how_met) == FIELD_LIMIT
    assert plan.notes.problems == [
        (4, f"NOTE cut from {len(note):,} to {FIELD_LIMIT:,} characters (the most a field keeps)")
    ]
    assert describe_plan(plan).endswith("skipped 0; 1 thing in the file to check")
    assert plan_details(plan)[-1] == (
        f"! line 4: NOTE cut from {len(note):,} to {FIELD_LIMIT:,} characters "
        "(the most a field keeps)"
    )


@pytest.mark.parametrize("encoding", ["b", "BASE64"])
def test_base64_in_its_charset(tmp_path: Path, encoding: str) -> None:
    card = tmp_path / "b.vcf"
    text = base64.b64encode("Grüße".encode("latin-1")).decode()
    card.write_text(
        f"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:K\r\nNOTE;CHARSET=ISO-8859-1;ENCODING={encoding}:"
        f"{text}\r\nEND:VCARD\r\n"
    )
    (person,) = read_vcards(card)
    assert person.contact.how_met == "Grüße"


def test_the_preview_says_which_encoding_was_used() -> None:
    plan = plan_file("vcard", QUIRKS / "shift_jis.vcf", [])
    assert describe_plan(plan) == (
        "added 1, updated 0, unchanged 0, skipped 0; read as shift_jis (declared)"
    )


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("O'Brien, Seán", ("O'Brien", "Seán", "", "", "")),
        ("Seán O'Brien", ("O'Brien", "Seán", "", "", "")),
        ("Dr. Ana María de la Cruz Jr.", ("de la Cruz", "Ana", "María", "Dr.", "Jr.")),
        ("John Smith, Jr.", ("Smith", "John", "", "", "Jr.")),
        ("Ludwig van Beethoven", ("van Beethoven", "Ludwig", "", "", "")),
        ("Cher", ("", "Cher", "", "", "")),
        ("Mary Anne Van Dyke", ("Dyke", "Mary", "Anne Van", "", "")),
    ],
)
def test_the_exported_n_splits_a_name_as_people_write_it(name: str, parts: tuple) -> None:
    assert name_parts(name) == parts
    card = export_vcards(Network(contacts=(Contact(id=1, name=name),)))
    n_line = next(line for line in card.split("\r\n") if line.startswith("N:"))
    assert n_line == "N:" + ";".join(p.replace(",", "\\,") for p in parts)
