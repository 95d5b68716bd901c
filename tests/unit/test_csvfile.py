"""CSV export and contacts import (issue 5 item 3; RELIABILITY.md 5.5)."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netui.errors import NetuiError
from netui.interchange.csvfile import (
    CONTACT_HEADER,
    CsvError,
    export_csv,
    neutralise,
    read_contact_rows,
    read_contacts_csv,
    unneutralise,
)
from netui.model import Contact, FollowUp, Network, Note, NoteKind, Status
from netui.text import clean

WHEN = datetime(2024, 5, 6, 9, 30, 0)


def _network() -> Network:
    ada = Contact(
        id=1,
        name="Ada Lovelace",
        company="Analytical, Ltd",
        title="Engineer",
        email="ada@example.com",
        phone="+1 555 0100",
        linkedin="https://linkedin.com/in/ada",
        tags=("math", "vip"),
        how_met="Conference;\nthen coffee",
        status=Status.MET,
        cadence_days=30,
        created=WHEN,
        updated=WHEN,
        other_emails=("ada@home.example", "=cmd@x.example"),
        other_phones=("+44 20 7946 0000",),
        other_urls=("https://ada.example",),
    )
    bob = Contact(id=2, name='=HYPERLINK("http://x")', referred_by=1, created=WHEN)
    followups = (
        FollowUp(id=1, text="Send CV", due=date(2024, 5, 10), contact_id=1, created=WHEN),
        FollowUp(
            id=2, text="-call back", due=date(2024, 5, 1), contact_id=2, done=WHEN, created=WHEN
        ),
    )
    notes = (
        Note(
            id=1,
            text="Line one\nline two\x1b[31m",
            date=date(2024, 5, 6),
            contact_id=1,
            kind=NoteKind.COFFEE,
            created=WHEN,
        ),
    )
    return Network(contacts=(ada, bob), followups=followups, notes=notes)


def _export(network: Network, what: str, *, raw: bool = False) -> list[list[str]]:
    out = io.StringIO(newline="")
    export_csv(network, what, out, raw=raw)  # type: ignore[arg-type]
    return list(csv.reader(io.StringIO(out.getvalue(), newline="")))


def _write(tmp_path: Path, network: Network, *, raw: bool = False) -> Path:
    path = tmp_path / "contacts.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        export_csv(network, "contacts", handle, raw=raw)
    return path


# --- export ---------------------------------------------------------------------------


def test_contacts_export_has_header_and_fields() -> None:
    rows = _export(_network(), "contacts")
    assert rows[0] == list(CONTACT_HEADER)
    ada, bob = rows[1], rows[2]
    assert ada == [
        "Ada Lovelace",
        "Analytical, Ltd",
        "Engineer",
        "ada@example.com",
        "'+1 555 0100",
        "https://linkedin.com/in/ada",
        "math vip",
        "Conference;\nthen coffee",
        "",
        "met",
        "30",
        "2024-05-06T09:30:00",
        "2024-05-06T09:30:00",
        "ada@home.example; =cmd@x.example",
        "'+44 20 7946 0000",
        "https://ada.example",
    ]
    assert bob[0] == '\'=HYPERLINK("http://x")'
    assert bob[8] == "Ada Lovelace"  # the referrer by name
    assert bob[12] == ""


def test_followups_export_includes_done_ones() -> None:
    rows = _export(_network(), "followups")
    assert rows == [
        ["contact", "text", "due", "done", "created"],
        ["Ada Lovelace", "Send CV", "2024-05-10", "", "2024-05-06T09:30:00"],
        [
            '\'=HYPERLINK("http://x")',
            "'-call back",
            "2024-05-01",
            "2024-05-06T09:30:00",
            "2024-05-06T09:30:00",
        ],
    ]


def test_notes_export_keeps_newlines_and_drops_escapes() -> None:
    rows = _export(_network(), "notes")
    assert rows == [
        ["contact", "date", "kind", "text", "created"],
        ["Ada Lovelace", "2024-05-06", "coffee", "Line one\nline two[31m", "2024-05-06T09:30:00"],
    ]


def test_raw_export_keeps_cells_unchanged() -> None:
    rows = _export(_network(), "contacts", raw=True)
    assert rows[1][4] == "+1 555 0100"
    assert rows[2][0] == '=HYPERLINK("http://x")'


def test_export_is_crlf_utf8_without_bom() -> None:
    out = io.StringIO(newline="")
    network = Network(contacts=(Contact(id=1, name="Zoë 😀"),))
    assert export_csv(network, "contacts", out) == 1
    text = out.getvalue()
    assert text.startswith("name,company")
    assert text.endswith("\r\n")
    assert "Zoë 😀" in text


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(NetuiError):
        export_csv(_network(), "companies", io.StringIO())  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://evil","x")', '\'=HYPERLINK("http://evil","x")'),
        ("+1 555", "'+1 555"),
        ("-5", "'-5"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("\0x", "'\0x"),
        ("'=x", "''=x"),  # already quoted: quoted again, so that reading is exact
        ("'x", "'x"),
        ("a=b", "a=b"),
        ("", ""),
        ("'", "'"),
    ],
)
def test_formula_cells_are_neutralised(value: str, written: str) -> None:
    assert neutralise(value) == written
    assert unneutralise(written) == value


@pytest.mark.parametrize("value", ["=HYPERLINK(1)", "+1 555", "-5", "@SUM(A1)"])
def test_formula_names_round_trip_through_a_file(tmp_path: Path, value: str) -> None:
    tag = value.replace(" ", "")
    network = Network(contacts=(Contact(id=1, name=value, phone=value, tags=(tag,)),))
    path = _write(tmp_path, network)
    assert path.read_text(encoding="utf-8").splitlines()[1].startswith("'")
    (contact,) = read_contacts_csv(path)
    assert (contact.name, contact.phone, contact.tags) == (value, value, (tag,))


# --- import ---------------------------------------------------------------------------


def test_import_reads_back_every_field_and_the_referrer(tmp_path: Path) -> None:
    network = _network()
    rows = read_contact_rows(_write(tmp_path, network))
    assert [(line, referrer) for line, _c, referrer in rows] == [(2, ""), (4, "Ada Lovelace")]
    expected = [dataclasses.replace(c, id=None, referred_by=None) for c in network.contacts]
    assert [c for _l, c, _r in rows] == expected


def test_import_accepts_bom_any_column_order_and_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes("\ufeffEmail,NAME,extra\r\n\r\na@b.co,Zoë,x\r\n".encode())
    (contact,) = read_contacts_csv(path)
    assert contact == Contact(name="Zoë", email="a@b.co")


@pytest.mark.parametrize(
    ("content", "line", "words"),
    [
        (b"", 1, "empty"),
        (b"company\r\nAcme\r\n", 1, "'name'"),
        (b"name,status\r\nAda,met\r\nBob,boss\r\n", 3, "status"),
        (b"name,cadence_days\r\nAda,often\r\n", 2, "number"),
        (b"name,cadence_days\r\nAda,99999\r\n", 2, "3650"),
        (b"name,created\r\nAda,yesterday\r\n", 2, "date"),
        (b"name,company\r\nAda,Acme,extra\r\n", 2, "cells"),
        (b"name,company\r\nAda,Acme\r\n,Nobody Inc\r\n", 3, "needs a name"),
        (b'name,company\r\n"Ada\r\nLovelace",Acme\r\nBob,"un"closed\r\n', 4, "malformed"),
        (b"name\r\nAda\r\nB\xffb\r\n", 3, "UTF-8"),
    ],
)
def test_malformed_file_names_the_line(
    tmp_path: Path, content: bytes, line: int, words: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(
        CsvError, match=f"^bad.csv, line {line}: .*{words}.*; nothing imported$"
    ) as info:
        read_contacts_csv(path)
    assert isinstance(info.value, NetuiError)


def test_missing_file_is_a_netui_error(tmp_path: Path) -> None:
    with pytest.raises(NetuiError, match="can't read"):
        read_contacts_csv(tmp_path / "none.csv")


# --- round trip -----------------------------------------------------------------------

_TRICKY = st.sampled_from(["=", "+", "-", "@", "'", ",", ";", "\n", "\r\n", '"', " ", "\t"])
_TEXT = st.lists(st.one_of(st.text(max_size=6), _TRICKY), max_size=6).map("".join)
_LINE = _TEXT.map(lambda t: clean(t, multiline=False))
_ITEM = _LINE.map(lambda t: " ".join(re.sub(r"[;,]+(?=\s|$)", "", t).split())).filter(bool)
"""An email, phone or web address: it may hold a `;` or `,`, but not one followed by a
space or at its end (which separates the items of a list, `netui.text.split_items`)."""
_ITEMS = st.lists(_ITEM).map(lambda items: tuple(dict.fromkeys(items)))
_TAG = _LINE.map(lambda t: t.replace(" ", "")).filter(bool)
_STAMP = st.none() | st.datetimes(
    min_value=datetime(1970, 1, 1), max_value=datetime(2100, 1, 1)
).map(lambda d: d.replace(microsecond=0))


@st.composite
def _contacts(draw: st.DrawFn) -> list[Contact]:
    count = draw(st.integers(1, 4))
    contacts = []
    for index in range(count):
        contacts.append(
            Contact(
                id=index + 1,
                name=draw(_LINE.filter(bool)),
                company=draw(_LINE),
                title=draw(_LINE),
                email=draw(_LINE),
                phone=draw(_LINE),
                linkedin=draw(_LINE),
                tags=tuple(dict.fromkeys(draw(st.lists(_TAG, max_size=3)))),
                how_met=clean(draw(_TEXT)),
                referred_by=draw(st.none() | st.integers(1, count)),
                status=draw(st.sampled_from(Status)),
                cadence_days=draw(st.none() | st.integers(1, 3650)),
                created=draw(_STAMP),
                updated=draw(_STAMP),
                other_emails=draw(_ITEMS),
                other_phones=draw(_ITEMS),
                other_urls=draw(_ITEMS),
            )
        )
    return contacts


@settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(contacts=_contacts())
def test_export_then_import_gives_the_same_contacts(
    tmp_path_factory: pytest.TempPathFactory, contacts: list[Contact]
) -> None:
    network = Network(contacts=tuple(contacts))
    path = _write(tmp_path_factory.mktemp("rt"), network)
    rows = read_contact_rows(path)
    assert [c for _l, c, _r in rows] == [
        dataclasses.replace(c, id=None, referred_by=None) for c in contacts
    ]
    assert [r for _l, _c, r in rows] == [network.name_of(c.referred_by) for c in contacts]
