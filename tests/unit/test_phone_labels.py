"""A number's kind (cell, work, home, fax, pager) read from an address book, kept in the
data file, written back as the TYPE every client reads, and kept through merges."""

from __future__ import annotations

import json
from pathlib import Path

from netui.interchange.merge import plan_contacts
from netui.interchange.plan import apply_plan
from netui.interchange.vcard import export_vcards, parse_vcards
from netui.model import Contact, Network
from netui.store.store import Store

CARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lee Wong\r\n"
    "TEL;TYPE=WORK,VOICE:+1 415 555 0100\r\n"
    "TEL;TYPE=HOME:+1 415 555 0101\r\n"
    "item1.TEL:+1 415 555 0102\r\nitem1.X-ABLabel:_$!<Mobile>!$_\r\n"
    "TEL;TYPE=WORK,FAX:+1 415 555 0103\r\n"
    "TEL:+1 415 555 0104\r\n"
    "END:VCARD\r\n"
)


def test_the_kind_of_each_number_is_read_from_its_type_or_apples_label() -> None:
    (lee,) = parse_vcards(CARD)
    assert lee.contact.phone_labels == (
        ("+1 415 555 0100", "work"),
        ("+1 415 555 0101", "home"),
        ("+1 415 555 0102", "cell"),
        ("+1 415 555 0103", "fax"),
    )


def test_the_export_types_each_number_by_its_kind_and_an_unknown_one_as_a_cell() -> None:
    (lee,) = parse_vcards(CARD)
    text = export_vcards(Network(contacts=(lee.contact,)))
    tels = [line for line in text.split("\r\n") if line.startswith("TEL")]
    assert tels == [
        "TEL;TYPE=WORK,VOICE,PREF:+1 415 555 0100",
        "TEL;TYPE=HOME,VOICE:+1 415 555 0101",
        "TEL;TYPE=CELL,VOICE:+1 415 555 0102",
        "TEL;TYPE=FAX:+1 415 555 0103",
        "TEL;TYPE=CELL,VOICE:+1 415 555 0104",
    ]


def test_labels_are_saved_in_the_file_and_read_back(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "netui.json")
    apply_plan(store, plan_contacts(parse_vcards(CARD), [], "vCard"))
    (doc,) = json.loads((tmp_path / "netui.json").read_text())["contacts"].values()
    assert doc["phone_labels"] == {
        "+1 415 555 0100": "work",
        "+1 415 555 0101": "home",
        "+1 415 555 0102": "cell",
        "+1 415 555 0103": "fax",
    }
    (lee,) = Store.open(tmp_path / "netui.json").contacts()
    assert dict(lee.phone_labels)["+1 415 555 0101"] == "home"


def test_a_file_without_labels_reads_as_before(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "netui.json")
    store.add_contact(Contact(name="Ana Lopez", phone="+1 555 0100"))
    data = json.loads((tmp_path / "netui.json").read_text())
    for doc in data["contacts"].values():
        doc.pop("phone_labels", None)  # as netui 0.6 wrote it
    (tmp_path / "netui.json").write_text(json.dumps(data))
    (ana,) = Store.open(tmp_path / "netui.json").contacts()
    assert ana.phone_labels == ()
    assert "TEL;TYPE=CELL,VOICE,PREF:+1 555 0100" in export_vcards(Network(contacts=(ana,)))


def test_a_second_card_adds_the_labels_the_first_lacked() -> None:
    first = parse_vcards("BEGIN:VCARD\r\nFN:Lee Wong\r\nTEL:+1 415 555 0100\r\nEND:VCARD\r\n")
    second = parse_vcards(CARD)
    plan = plan_contacts(first + second, [], "vCard")
    (lee,) = plan.added
    assert dict(lee.phone_labels)["+1 415 555 0100"] == "work"
