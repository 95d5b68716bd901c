"""Every text from the data passes `netui.text.shown` where it becomes displayable (issue 9,
section 3): the documents read into domain objects (`netui.store.convert`), an import's
preview and its errors, the question bank's errors, and the default rhythms' tags."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netui.interchange.formats import plan_file
from netui.interchange.plan import ImportPlan, describe_plan, plan_details
from netui.interchange.textfile import read_text
from netui.interchange.vcard import VCardError, parse_vcards
from netui.model import Contact
from netui.questions import QuestionError, parse_bank, read_bank
from netui.store import Store, convert

DATA = Path(__file__).parent.parent / "data" / "hostile_network.json"

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""What `shown` leaves out of multi-line text."""
UNSAFE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""What it leaves out of one-line text (newlines and tabs too)."""

MULTILINE = {"how_met", "text", "feedback", "answer"}
"""The fields whose text may hold newlines (a note's text, how we met...)."""

OSC52 = "\x1b]52;c;RVZJTA==\x1b\\"

HOSTILE = st.text(
    alphabet=st.one_of(
        st.characters(),
        st.sampled_from("\x00\x07\x1b\x7f\x85\x9b\u202e\u2066\r\n\t"),
        st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),
    ),
    max_size=30,
)


def texts(value: Any, field: str = "") -> list[tuple[str, str]]:
    """Every (field, text) in a domain object, its tuples and nested objects."""
    if isinstance(value, str):
        return [(field, value)]
    if isinstance(value, tuple):
        return [pair for item in value for pair in texts(item, field)]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [
            pair
            for f in dataclasses.fields(value)
            for pair in texts(getattr(value, f.name), f.name)
        ]
    return []


def assert_displayable(value: Any) -> None:
    for field, text in texts(value):
        pattern = UNSAFE if field in MULTILINE else UNSAFE_LINE
        assert not pattern.search(text), (field, text)


# --- the documents of the file --------------------------------------------------------------


LATER_TABLES = {
    "outcomes": {"1": {"role": f"{OSC52}Designer\u202e", "company": "Acme\x1b[2J\n",
                       "date": "2026-11-23", "created": None}},
    "loop": {"1": {"key": "intro:1:met\x07\u2066", "state": "snoozed", "until": "2026-12-01",
                   "at": None}},
}  # fmt: skip
"""Hostile documents of the tables format 4 added (the fixture is of format 3)."""


def test_every_text_of_the_hostile_file_is_displayable() -> None:
    data = {**LATER_TABLES, **json.loads(DATA.read_text())}
    for table, make in convert.FROM_DOC.items():
        objects = [make(int(key), doc) for key, doc in data[table].items()]
        assert objects
        for item in objects:
            assert_displayable(item)
    ann = convert.contact_from_doc(1, data["contacts"]["1"])
    assert ann.name == "X␛]52;c;RVZJTA==␛\\ Ann"
    assert "\n" in ann.how_met  # a multi-line field keeps its lines


@given(
    st.fixed_dictionaries(
        dict.fromkeys(
            ("name", "company", "title", "email", "phone", "linkedin", "how_met"), HOSTILE
        ),
        optional={
            key: st.lists(HOSTILE, max_size=3)
            for key in ("tags", "prepared", "other_emails", "other_phones", "other_urls")
        },
    )
)
def test_any_contact_document_becomes_displayable(doc: dict[str, Any]) -> None:
    contact = convert.contact_from_doc(1, doc)
    assert_displayable(contact)
    # Read back after netui writes it, it is the same contact but for the cleaning.
    again = convert.contact_from_doc(1, convert.contact_to_doc(contact))
    assert_displayable(again)


@given(
    HOSTILE,
    st.lists(st.fixed_dictionaries({"question": HOSTILE, "answer": HOSTILE}), max_size=2),
    st.lists(HOSTILE, max_size=2),
    HOSTILE,
)
def test_any_note_and_follow_up_become_displayable(
    text: str, answers: list[dict[str, str]], items: list[str], feedback: str
) -> None:
    note = {"text": text, "answers": answers, "companies": items, "promises": items}
    assert_displayable(convert.note_from_doc(1, {**note, "feedback": feedback}))
    assert_displayable(convert.followup_from_doc(1, {"text": text, "due": "2026-01-01"}))
    assert_displayable(convert.company_from_doc(1, {"name": text}))


def test_a_contact_of_printable_text_keeps_its_strings() -> None:
    """The fast path: nothing changed, nothing copied."""
    doc = convert.contact_to_doc(Contact(name="Zoë Åberg", company="Acme", tags=("ux",)))
    contact = convert.contact_from_doc(7, doc)
    assert contact.name is doc["name"] and contact.company is doc["company"]


def test_the_default_rhythms_tags_are_displayable(tmp_path: Path) -> None:
    path = tmp_path / "netui.json"
    shutil.copyfile(DATA, path)
    defaults = Store.open(path).cadence_defaults()
    assert defaults["status"] == {"met": 60}
    (tag,) = defaults["tags"]
    assert tag.startswith("ux␡␇␀u␛]52;c;RVZJTA==␛\\")
    assert_displayable(Contact(name="", tags=tuple(defaults["tags"])))


# --- imports: the preview and the errors ----------------------------------------------------


def test_an_import_preview_is_displayable() -> None:
    before = Contact(name="Ann Lee", id=1)
    after = dataclasses.replace(before, title="Lead" + OSC52, tags=("\u202eevil",))
    plan = ImportPlan(
        source="CSV",
        added=[Contact(name="X" + OSC52, company="Acme\x1b[2J")],
        updated=[(before, after)],
        skipped=[(3, "'\x1b]8;;https://evil/\x1b\\x' in due is not a date")],
    )
    lines = [describe_plan(plan), *plan_details(plan)]
    for line in lines:
        assert not UNSAFE_LINE.search(line), line
    assert lines[1] == "+ X␛]52;c;RVZJTA==␛\\ (Acme␛[2J)"
    assert "'␛]8;;https://evil/␛\\x' in due" in lines[0]


def test_a_vcard_error_quotes_the_file_displayably() -> None:
    with pytest.raises(VCardError) as caught:
        parse_vcards(f"{OSC52}\n", "evil\x1b[2J.vcf")
    message = str(caught.value)
    assert not UNSAFE_LINE.search(message), message
    assert message.startswith("evil␛[2J.vcf, line 1: expected BEGIN:VCARD, found '␛]52;c;")


def test_a_file_name_in_an_import_error_is_displayable(tmp_path: Path) -> None:
    bad = tmp_path / "bad\x1b]52;c;RVZJTA==\x07.vcf"
    bad.write_bytes(b"caf\xe9\n")
    with pytest.raises(VCardError) as caught:
        plan_file("vcard", bad, [])
    assert str(caught.value) == (
        "bad␛]52;c;RVZJTA==␇.vcf, line 1: expected BEGIN:VCARD, found 'café'; is it a vCard "
        "file? Nothing imported"
    )
    with pytest.raises(Exception) as missing:
        read_text(tmp_path / "gone\u202e.csv")
    assert not UNSAFE_LINE.search(str(missing.value)) and "gone\ufffd.csv" in str(missing.value)


def test_a_vcard_imported_is_cleaned() -> None:
    card = "BEGIN:VCARD\nVERSION:3.0\nFN:Ann\x1b[2J\x9b31m\u202eLee\nEND:VCARD\n"
    (person,) = parse_vcards(card)
    assert_displayable(person.contact)
    assert person.contact.name == "Ann [2J 31m Lee"  # cleaned as netui stores it


# --- the question bank -----------------------------------------------------------------------


def test_the_question_bank_is_cleaned_and_its_errors_displayable(tmp_path: Path) -> None:
    bank = parse_bank('[[group]]\nname = "G\\u001b[2J"\n[[group.question]]\ntext = "Why\\u202e?"\n')
    assert bank.groups == ("G [2J",) and [q.text for q in bank] == ["Why ?"]
    with pytest.raises(QuestionError) as caught:
        parse_bank("[[group]]\nname = 1\n", source=tmp_path / "q\x1b]52;c;RVZJTA==\x07.toml")
    assert not UNSAFE_LINE.search(str(caught.value)) and "q␛]52;c;RVZJTA==␇.toml" in str(
        caught.value
    )
    with pytest.raises(QuestionError) as unreadable:
        read_bank(tmp_path / "missing\x9b.toml")
    assert not UNSAFE_LINE.search(str(unreadable.value))
