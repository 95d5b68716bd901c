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
    read_incoming,
    unneutralise,
)
from netui.interchange.formats import plan_file
from netui.interchange.plan import describe_plan, plan_details
from netui.interchange.textfile import FIELD_LIMIT, ReadNotes
from netui.model import Contact, FollowUp, Network, Note, NoteKind, Status
from netui.text import clean

WHEN = datetime(2024, 5, 6, 9, 30, 0)
DATA = Path(__file__).parent.parent / "data" / "csv"


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
        (b"name\r\nAda\r\n\x00\x01\x02\xff\xfe\x80\x81\x8d\r\n", 3, "not UTF-8"),
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


# --- files other programs save (issue 12: encodings, separators, the field limit) ------


def test_a_contacts_file_excel_saved_in_windows_1252_imports_and_says_so() -> None:
    plan = plan_file("csv", DATA / "excel_cp1252.csv", [])
    jose, zoe, jurgen = plan.added
    assert (jose.name, jose.company) == ("José Núñez", "Café Müller")
    assert jose.how_met == "Met at the “Ñandú” meetup – Madrid"
    assert (zoe.name, jurgen.name, jurgen.company) == (
        "Zoë Åberg",
        "Jürgen Müller",
        "Bäckerei Groß",
    )
    assert describe_plan(plan) == (
        "added 3, updated 0, unchanged 0, skipped 0; read as cp1252 (detected)"
    )


@pytest.mark.parametrize(
    "text",
    [
        "name\r\nMüller\r\n",
        "name\r\nJosé\r\n",
        "name,company\r\nZoë Smith,Acme\r\n",
        "name,company\r\nPeña,Niño\r\n",
        "name\r\nRenée Lefèvre\r\n",
        "name\r\nSøren Kierkegaard\r\n",
        "name\r\nÞórður Ólafsson\r\nÆrø Ås\r\n",
        "name,company\r\nFrançois Œuvre,Société Générale\r\nRené,€ Bank\r\n",
        pytest.param(
            "name;company\r\n"
            + "Jürgen Groß;Bäckerei Öztürk\r\nAnaïs Noël;Crème brûlée SARL\r\n" * 40,
            id="German, 80 rows",
        ),
    ],
)
def test_short_windows_1252_files_are_read_as_windows_1252(tmp_path: Path, text: str) -> None:
    """charset-normalizer alone reads these as cp1250 ("Lefčvre"), cp1006 ("Mﮰller"),
    cp775 or big5 ("Pe鎙"): too little text for it to tell, even at 2.9 KB."""
    path = tmp_path / "short.csv"
    path.write_bytes(text.encode("cp1252"))
    notes = ReadNotes()
    rows = read_incoming(path, notes)
    names = [row.contact.name for row in rows]
    expected = [line.split(",")[0].split(";")[0] for line in text.split("\r\n")[1:] if line]
    assert names == expected
    assert notes.encoding == "read as cp1252 (detected)"


@pytest.mark.parametrize(
    ("text", "codec", "encoding"),
    [
        (
            "name,company,email\r\n"
            + "Иван Петров,Газпром,ivan@example.ru\r\nОльга Смирнова,Яндекс,olga@example.ru\r\n"
            * 20,
            "cp1251",
            "read as cp1251 (detected)",
        ),
        (
            "name,company\r\n" + "Łukasz Wąsik,Gdańsk sp. z o.o.\r\nZofia Dąbrowska,Żabka\r\n" * 20,
            "cp1250",
            "read as cp1250 (detected)",
        ),
        ("name\tcompany\r\nJosé Núñez\tAcme\r\n", "utf-16", "read as utf-16 (detected)"),
    ],
    ids=["Russian in cp1251", "Polish in cp1250", "Excel's Unicode text: UTF-16"],
)
def test_other_encodings_are_not_taken_for_windows_1252(
    tmp_path: Path, text: str, codec: str, encoding: str
) -> None:
    path = tmp_path / "other.csv"
    path.write_bytes(text.encode(codec))
    notes = ReadNotes()
    rows = read_incoming(path, notes)
    assert rows[0].contact.name == text.split("\r\n")[1].split(",")[0].split("\t")[0]
    assert notes.encoding == encoding


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "excel_semicolon_cp1252.csv",
            [
                Contact(
                    name="José Núñez",
                    company="Café Müller, Madrid",
                    title="Gerente",
                    email="jose@example.com",
                    tags=("madrid",),
                ),
                Contact(
                    name="Zoë Åberg", company="Acme", title="Designer", email="zoe@example.com"
                ),
            ],
        ),
        (
            "semicolon_bom.csv",
            [
                Contact(
                    name="Zoë Åberg", company="Acme; Nordic", title="Designer", phone="+46 8 123 45"
                ),
                Contact(name="Seán O'Brien", company="Globex", title="CTO"),
            ],
        ),
        (
            "tab_separated.csv",
            [Contact(name="Ana Lopez", company="Initech, Inc.", email="ana@example.com")],
        ),
        ("excel_sep_line.csv", [Contact(name="Zoë Åberg", company="Acme")]),
    ],
)
def test_the_separator_is_found_from_the_header_row(name: str, expected: list[Contact]) -> None:
    assert read_contacts_csv(DATA / name) == expected


def test_lines_are_counted_as_in_the_file_with_semicolons(tmp_path: Path) -> None:
    path = tmp_path / "semi.csv"
    path.write_bytes(b"sep=;\r\nname;status\r\nAda;met\r\nBob;boss\r\n")
    with pytest.raises(CsvError, match=r"^semi\.csv, line 4: 'boss' is not a status"):
        read_contacts_csv(path)
    path.write_bytes(b"name;company\r\nAda;Acme;extra\r\n")
    with pytest.raises(CsvError, match="line 2: 3 cells but the header has 2"):
        read_contacts_csv(path)


def test_a_cell_over_the_field_limit_is_cut_and_said(tmp_path: Path) -> None:
    """Bigger than the csv module's own limit (131,072), which refused the whole file."""
    long = "x" * 200_000
    path = tmp_path / "long.csv"
    path.write_text(f"name,how_met,company\r\nAda,{long},Acme\r\nBob,{long},Globex\r\n")
    limit = csv.field_size_limit()
    plan = plan_file("csv", path, [])
    assert csv.field_size_limit() == limit
    assert [len(c.how_met) for c in plan.added] == [FIELD_LIMIT, FIELD_LIMIT]
    assert [c.company for c in plan.added] == ["Acme", "Globex"]
    said = "the how_met cell cut from 200,000 to 131,072 characters (the most a field keeps)"
    assert plan.notes.problems == [(2, said), (3, said)]
    assert describe_plan(plan).endswith("skipped 0; 2 things in the file to check")
    assert plan_details(plan)[-2:] == [f"! line 2: {said}", f"! line 3: {said}"]
