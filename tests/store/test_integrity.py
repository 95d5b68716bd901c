"""The file is input: every value is checked on load and before each write, a bad one is
named by table, id and field with the file untouched, and a number is never written
back other than it was read."""

# ruff: noqa: E501 (the table of bad values reads best one case a line)

from __future__ import annotations

import contextlib
import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from storekit import day, on_disk

from netui.errors import DamagedFileError, StoreError
from netui.model import Contact, FollowUp, Note
from netui.review import daily_review
from netui.store import Store
from netui.store.backups import list_backups


@pytest.fixture
def good(db: Path) -> Path:
    """A file with one of everything, written by netui itself."""
    store = Store.open(db, clock=day(0))
    ann = store.add_contact(Contact(name="Ann Lee", company="Acme", tags=("ux",)))
    store.add_contact(Contact(name="Bo Chen", referred_by=ann.id))
    store.add_followup(FollowUp("send the deck", date(2026, 12, 1), ann.id))
    store.add_note(Note("coffee", date(2026, 11, 20), ann.id))
    return db


def set_field(path: Path, table: str, doc_id: str, field: str, raw_json: str) -> bytes:
    """Put `raw_json` (JSON text, written as is) into one field; return the file's bytes."""
    data = json.loads(path.read_bytes())
    data[table][doc_id][field] = "\0MARK\0"
    text = json.dumps(data, indent=2).replace('"\\u0000MARK\\u0000"', raw_json)
    path.write_text(text)
    return path.read_bytes()


BAD_VALUES = [
    # table, field, JSON as written in the file, what the message says after "table/id: "
    ("contacts", "status", "[]", "'status' must be one of lead, contacted, met, not []"),
    ("contacts", "status", '"friend"', "'status' must be one of lead, contacted, met, not \"friend\""),
    ("contacts", "name", "{}", "'name' must be text, not {}"),
    ("contacts", "name", "null", "'name' must be text, not null"),
    ("contacts", "phone", "1000000000000000000000000000000", "'phone' must be text, not 1000000000000000000000000000000"),
    ("contacts", "tags", '"ux"', "'tags' must be a list of text, not \"ux\""),
    ("contacts", "tags", '["ux", 3]', "'tags' must be a list of text, not one holding 3"),
    ("contacts", "referred_by", '"1"', "'referred_by' must be a contact id or null, not \"1\""),
    ("contacts", "referred_by", "1.5", "'referred_by' must be a contact id or null, not 1.5"),
    ("contacts", "referred_by", "0", "'referred_by' must be the id of a contact (a whole number from 1), not 0"),
    ("contacts", "referred_by", "true", "'referred_by' must be a contact id or null, not true"),
    ("contacts", "cadence_days", "0", "'cadence_days' must be a number of days from 1 to 3650, not 0"),
    ("contacts", "cadence_days", "14.5", "'cadence_days' must be a number of days or null, not 14.5"),
    ("contacts", "created", '"yesterday"', "'created' must be a date and time like 2026-12-31T09:00:00, not \"yesterday\""),
    ("contacts", "created", '"9999-12-31T00:00:00"', "'created' 9999-12-31T00:00:00 is outside the dates netui keeps (1900-01-01 to 2200-12-31)"),
    ("followups", "due", '"9999-12-31"', "'due' 9999-12-31 is outside the dates netui keeps (1900-01-01 to 2200-12-31)"),
    ("followups", "due", '"1899-12-31"', "'due' 1899-12-31 is outside the dates netui keeps (1900-01-01 to 2200-12-31)"),
    ("followups", "due", '"2026-02-30"', "'due' must be a date like 2026-12-31, not \"2026-02-30\""),
    ("followups", "due", "20261201", "'due' must be a date like 2026-12-31, not 20261201"),
    ("followups", "contact_id", "[1]", "'contact_id' must be a contact id or null, not [1]"),
    ("followups", "done", "false", "'done' must be a date and time or null, not false"),
    ("notes", "kind", "{}", "'kind' must be one of meeting, call, coffee, event, email, outreach, reply, note, not {}"),
    ("notes", "text", "42", "'text' must be text, not 42"),
    ("notes", "answers", '[{"question": 1}]', "'answers' must be a list of {\"question\": text, \"answer\": text}, not one holding {\"question\":1}"),
    ("notes", "new_contacts", '["Lee"]', "'new_contacts' must be a list of contact ids, not one holding \"Lee\""),
    ("meta", "last_ids", '{"contacts": 1.5}', "'last_ids' must map each table to a whole number, not {\"contacts\":1.5}"),
    ("meta", "goals", '{"contacts": -1}', "'goals' must give whole numbers from 0 to 999 for contacts, meetings and followups, not {\"contacts\":-1}"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("table", "field", "raw", "message"),
    BAD_VALUES,
    ids=[f"{t}.{f}={r}" for t, f, r, _ in BAD_VALUES],
)
def test_a_wrong_value_is_named_and_the_file_left_untouched(
    good: Path, table: str, field: str, raw: str, message: str
) -> None:
    doc_id = "1"
    before = set_field(good, table, doc_id, field, raw)
    backups = list_backups(good)

    with pytest.raises(DamagedFileError) as refused:
        Store.open(good, clock=day(1))

    assert f"{table}/{doc_id}: {message}" in str(refused.value)
    assert "netui check --repair" in str(refused.value)
    assert good.read_bytes() == before
    assert list_backups(good) == backups


def test_a_missing_due_date_is_a_wrong_value(good: Path) -> None:
    data = json.loads(good.read_bytes())
    del data["followups"]["1"]["due"]
    good.write_text(json.dumps(data))
    with pytest.raises(DamagedFileError, match="followups/1: 'due' is missing"):
        Store.open(good)


def test_last_ids_as_a_fraction_never_reach_an_id(good: Path) -> None:
    """Found by a user: last_ids.contacts = 1.5 made the next add save id 2.5, after which
    netui refused its own file. Now the file is refused, repaired on request, and the next
    id is a whole number above every id in use."""
    set_field(good, "meta", "1", "last_ids", '{"contacts": 1.5, "followups": 1}')
    with pytest.raises(DamagedFileError):
        Store.open(good)
    store = Store.open(good, tolerant=True)
    store.repair()
    added = Store.open(good).add_contact(Contact(name="Cy Diaz"))
    assert added.id == 3
    assert list(on_disk(good)["contacts"]) == ["1", "2", "3"]


def test_a_big_integer_is_never_written_back_as_a_float(good: Path) -> None:
    set_field(good, "contacts", "1", "phone", "1000000000000000000000000000000")
    with pytest.raises(DamagedFileError):
        Store.open(good)

    store = Store.open(good, tolerant=True)
    assert store.read_only is not None  # shown, not saved
    assert "'phone' set to \"1000000000000000000000000000000\"" in store.repair()[0]

    raw = good.read_text()
    assert '"phone": "1000000000000000000000000000000"' in raw  # its exact digits, as text
    assert "e+" not in raw


def test_a_big_integer_in_a_field_netui_does_not_know_is_refused_not_rounded(good: Path) -> None:
    before = set_field(good, "contacts", "1", "crm_id", "123456789012345678901234567890")
    with pytest.raises(DamagedFileError, match="'crm_id' holds the number 1234567890"):
        Store.open(good)
    assert good.read_bytes() == before


def test_numbers_netui_can_keep_exactly_are_kept_exactly(good: Path) -> None:
    """A fraction or a 64-bit integer in a field of another tool's survives a save."""
    set_field(good, "contacts", "1", "score", '{"x": 1.25, "big": 18446744073709551615}')
    store = Store.open(good)
    ann = store.contact(1)
    store.update_contact(replace(ann, title="VP"), ann)
    assert on_disk(good)["contacts"]["1"]["score"] == {"x": 1.25, "big": 18446744073709551615}


def test_dangling_references_are_reported_and_repaired_on_request(good: Path) -> None:
    data = json.loads(good.read_bytes())
    data["followups"]["1"]["contact_id"] = 99
    data["contacts"]["2"]["referred_by"] = 77
    data["notes"]["1"]["new_contacts"] = [2, 42]
    good.write_text(json.dumps(data))
    before = good.read_bytes()

    store = Store.open(good)  # not refused: shown harmlessly, and said once

    assert store.read_only is None
    assert [str(p) for p in store.problems()] == [
        "contacts/2: 'referred_by' points at contacts/77, which does not exist",
        "followups/1: 'contact_id' points at contacts/99, which does not exist",
        "notes/1: 'new_contacts' names contacts/42, which do not exist",
    ]
    assert any("3 references to contacts that don't exist" in n for n in store.notices)
    assert good.read_bytes() == before

    store.repair()
    repaired = on_disk(good)
    assert repaired["followups"]["1"]["contact_id"] is None
    assert repaired["contacts"]["2"]["referred_by"] is None
    assert repaired["notes"]["1"]["new_contacts"] == [2]
    assert Store.open(good).problems() == []


def test_a_change_that_would_write_a_date_out_of_range_is_refused(good: Path) -> None:
    store = Store.open(good, clock=day(1))
    before = good.read_bytes()
    with pytest.raises(StoreError, match="9999-12-31 is outside the dates netui keeps"):
        store.add_followup(FollowUp("call", date(9999, 12, 31), 1))
    assert good.read_bytes() == before


def test_an_outside_change_to_a_wrong_value_keeps_what_the_app_had(good: Path) -> None:
    store = Store.open(good)
    set_field(good, "contacts", "1", "status", "[]")
    with pytest.raises(StoreError, match="contacts/1: 'status' must be one of"):
        store.reload_if_changed()
    assert [c.name for c in store.contacts()] == ["Ann Lee", "Bo Chen"]
    with pytest.raises(StoreError):
        store.add_contact(Contact(name="Cy Diaz"))  # never saved over what it can't read


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=6,
)
FIELDS = [
    ("contacts", f)
    for f in ("name", "status", "tags", "referred_by", "cadence_days", "created", "other_urls", "x")
] + [("followups", f) for f in ("due", "done", "contact_id", "text")] + [
    ("notes", f) for f in ("kind", "date", "answers", "new_contacts", "companies")
]  # fmt: skip


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(where=st.sampled_from(FIELDS), value=JSON_VALUES)
def test_no_json_value_in_any_field_gives_a_traceback(
    good: Path, where: tuple[str, str], value: Any
) -> None:
    """Whatever the value: the file opens or is refused with a StoreError, and opened as
    the app opens it (tolerant, read-only), everything the screens compute works."""
    table, field = where
    data = json.loads(good.read_bytes())
    data[table]["1"][field] = value
    good.write_text(json.dumps(data))
    with contextlib.suppress(StoreError):
        Store.open(good)
    store = Store.open(good, tolerant=True)
    network = store.network()
    daily_review(network, date(2026, 12, 2), store.cadence_defaults(), store.goals())
    store.contacts_mentioning("a")


def test_a_lone_surrogate_is_named_and_repaired_not_a_refused_file(good: Path) -> None:
    """orjson refuses `"\\ud800"` (valid JSON, not valid UTF-8 text); the standard library
    reads it, so the one field is named, shown as U+FFFD, and repaired on request."""
    raw = good.read_text().replace('"name": "Bo Chen"', '"name": "Bo \\ud800Chen"')
    good.write_text(raw)
    before = good.read_bytes()
    with pytest.raises(DamagedFileError, match=r"contacts/2: 'name' holds a broken character"):
        Store.open(good)
    assert good.read_bytes() == before
    shown = Store.open(good, tolerant=True)
    assert shown.contact(2).name == "Bo \ufffdChen"
    shown.repair()
    assert on_disk(good)["contacts"]["2"]["name"] == "Bo \ufffdChen"
    assert Store.open(good).problems() == []


def test_the_app_saves_again_once_the_file_is_repaired_elsewhere(good: Path) -> None:
    set_field(good, "contacts", "1", "status", "[]")
    app_store = Store.open(good, tolerant=True)  # as the app opens it: read-only
    assert app_store.read_only is not None
    Store.open(good, tolerant=True).repair()  # `netui check --repair` in a shell

    assert app_store.reload_if_changed() is True  # the app's poll
    assert app_store.read_only is None
    app_store.add_contact(Contact(name="Cy Diaz"))
    assert "Cy Diaz" in [c["name"] for c in on_disk(good)["contacts"].values()]


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        ("[" * 600 + "123456789012345678901234567890" + "]" * 600, "nests values too deeply"),
        ("[" * 600 + '"\\ud800"' + "]" * 600, "nests values too deeply"),
        ("1e400", "is not valid JSON"),
    ],
    ids=["deep-big-integer", "deep-surrogate", "infinity"],
)
def test_what_json_allows_but_netui_cant_keep_is_refused_in_one_line(
    good: Path, raw: str, says: str
) -> None:
    """Values in a field of another tool's that netui could only write back changed (an
    infinity becomes null) or not at all are refused, never a traceback."""
    before = set_field(good, "contacts", "1", "x", raw)
    with pytest.raises(DamagedFileError, match=says):
        Store.open(good)
    with pytest.raises(DamagedFileError, match=says):
        Store.open(good, tolerant=True)  # netui check says the same
    assert good.read_bytes() == before


def test_a_field_name_that_is_not_text_is_refused(good: Path) -> None:
    raw = good.read_text().replace('"company"', '"comp\\udc00any"', 1)
    good.write_text(raw)
    with pytest.raises(DamagedFileError, match="a field name of contacts/1 is not text"):
        Store.open(good, tolerant=True)


def test_one_id_spelled_two_ways_is_refused(good: Path) -> None:
    """ "01" beside "1" would hide one document behind the other."""
    data = json.loads(good.read_bytes())
    data["contacts"]["01"] = dict(data["contacts"]["1"], name="Hidden")
    good.write_text(json.dumps(data))
    with pytest.raises(DamagedFileError, match="document contacts/01 is not valid"):
        Store.open(good)
