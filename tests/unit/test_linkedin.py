"""LinkedIn's Connections.csv: reading real-looking exports, planning, re-importing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from netui.errors import NetuiError
from netui.interchange.formats import plan_file
from netui.interchange.keys import normalise_url
from netui.interchange.linkedin import (
    parse_connections,
    parse_date,
    plan_import,
    read_connections,
)
from netui.interchange.plan import apply_plan, describe_plan, plan_details
from netui.interchange.textfile import FIELD_LIMIT, ReadNotes
from netui.model import Contact, Status
from netui.review import weekly_counts
from netui.store.store import Store

DATA = Path(__file__).parent.parent / "data" / "linkedin"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "netui.json")


def test_reads_the_current_layout_with_bom_crlf_notes_and_quoted_commas() -> None:
    rows = read_connections(DATA / "connections.csv")
    assert [r.line for r in rows] == [5, 6, 7, 8, 9, 10, 11]
    jane = rows[0]
    assert (jane.first, jane.company, jane.email) == ("Jane", "Acme, Inc.", "jane@example.com")
    assert jane.url == "https://www.linkedin.com/in/janedoe"
    assert jane.connected == date(2021, 4, 2)
    assert rows[1].position == "Director, Sales"
    assert rows[2].skip == "hidden member (no name)"
    assert rows[3].name == "José Núñez" and rows[3].connected == date(2019, 2, 1)
    assert rows[5].name == 'Ann O\'Neil "Annie"' and rows[5].connected == date(2023, 12, 25)
    assert rows[6].connected is None and rows[6].company == ""


def test_reads_the_old_layout_without_url() -> None:
    rows = read_connections(DATA / "connections_old_layout.csv")
    assert [r.name for r in rows] == ["Carol King", "Dan Brown", "", "Carol King"]
    assert rows[0].company == "Wayne Enterprises, Ltd" and rows[0].url == ""
    assert rows[1].connected == date(2016, 6, 8)
    assert rows[2].skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("02 Apr 2021", date(2021, 4, 2)),
        ("02-Apr-21", date(2021, 4, 2)),
        ("02/04/2021", date(2021, 4, 2)),
        ("2021-04-02", date(2021, 4, 2)),
        ("2 April 2021", date(2021, 4, 2)),
        # Every form LinkedIn has written, with or without a time (issue 12).
        ("1/8/18, 6:14 PM", date(2018, 1, 8)),
        ("12/24/17, 9:02 AM", date(2017, 12, 24)),
        ("1/8/18 6:14 pm", date(2018, 1, 8)),
        ("13/8/18, 6:14 pm", date(2018, 8, 13)),
        ("01/08/2018", date(2018, 8, 1)),
        ("01/08/2018 18:14", date(2018, 8, 1)),
        ("Apr 2, 2021", date(2021, 4, 2)),
        ("April 2, 2021, 6:14 PM", date(2021, 4, 2)),
        ("Sept 3, 2019", date(2019, 9, 3)),
        ("02 Apr 2021 10:00", date(2021, 4, 2)),
        ("02-Apr-2021", date(2021, 4, 2)),
        ("2021-04-02T18:14:00Z", date(2021, 4, 2)),
        ("2021-04-02 18:14:05.123+02:00", date(2021, 4, 2)),
        ("2021/04/02", date(2021, 4, 2)),
        ("02.04.2021", date(2021, 4, 2)),
        ("02.04.21 18:14", date(2021, 4, 2)),
        ("31/31/18", None),
        ("1/8/18, 13:14 PM", None),
        ("1/8/18, 25:00", None),
        ("02 Foo 2021", None),
        ("", None),
        ("soon", None),
        ("31/02/2021", None),
    ],
)
def test_parses_dates(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


def test_slash_dates_are_month_first_only_when_the_file_says_so() -> None:
    head = "First Name,Last Name,Company,Position,Connected On\n"
    rows = parse_connections(head + "A,B,,,04/02/2021\nC,D,,,12/25/2021\n")
    assert [r.connected for r in rows] == [date(2021, 4, 2), date(2021, 12, 25)]


def test_a_row_with_the_wrong_number_of_fields_names_its_line() -> None:
    with pytest.raises(NetuiError, match=r"malformed_fields.csv, line 6: 8 fields"):
        read_connections(DATA / "malformed_fields.csv")


def test_line_numbers_count_newlines_inside_quotes() -> None:
    head = "First Name,Last Name,Company,Position,Connected On\n"
    text = head + 'A,B,"two\nlines",x,02 Apr 2021\nC,D,E,F\n'
    with pytest.raises(NetuiError, match=r"line 4: 4 fields"):
        parse_connections(text)


def test_a_file_without_the_header_is_refused() -> None:
    with pytest.raises(NetuiError, match="no header row"):
        read_connections(DATA / "no_header.csv")


def test_a_file_in_no_encoding_that_can_be_told_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    head = b"First Name,Last Name,Company,Position,Connected On\n"
    path.write_bytes(head + b"Jos\xe9,N,,,\n\x00\x01\x02\xff\xfe\x80\x81\x8d\n")
    with pytest.raises(NetuiError, match="line 2: not UTF-8"):
        read_connections(path)
    path.write_bytes(head + b"Jos\xe9,N,,,\n")
    notes = ReadNotes()
    assert [row.name for row in read_connections(path, notes)] == ["José N"]
    assert notes.encoding == "read as cp1252 (detected)"


def test_a_malformed_file_imports_nothing(store: Store) -> None:
    with pytest.raises(NetuiError):
        apply_plan(store, plan_import(read_connections(DATA / "malformed_fields.csv"), []))
    assert store.contacts() == [] and store.history == []


@pytest.mark.parametrize(
    "url",
    [
        "https://www.linkedin.com/in/janedoe",
        "HTTP://linkedin.com/in/JaneDoe/?trk=abc",
        "linkedin.com/in/janedoe/#about",
        " https://WWW.LinkedIn.com/in/janedoe/ ",
    ],
)
def test_normalises_profile_urls(url: str) -> None:
    assert normalise_url(url) == "https://linkedin.com/in/janedoe"


def test_plans_a_first_import() -> None:
    plan = plan_import(read_connections(DATA / "connections.csv"), [])
    assert [c.name for c in plan.added] == [
        "Jane Doe",
        "Bob Smith",
        "José Núñez",
        'Ann O\'Neil "Annie"',
        "Li Wei",
    ]
    jane = plan.added[0]
    assert jane.status is Status.LEAD and jane.tags == ("linkedin",)
    assert jane.how_met == "LinkedIn" and jane.linkedin.endswith("/in/janedoe")
    assert jane.created == datetime(2021, 4, 2, 9, 0)
    assert plan.skipped == [(7, "hidden member (no name)"), (9, "same profile as line 5")]
    assert describe_plan(plan) == (
        "added 5, updated 0, unchanged 0, skipped 2: "
        "line 7 hidden member (no name), line 9 same profile as line 5"
    )


def test_duplicates_without_url_count_once() -> None:
    plan = plan_import(read_connections(DATA / "connections_old_layout.csv"), [])
    assert [c.name for c in plan.added] == ["Carol King", "Dan Brown"]
    assert [line for line, _ in plan.skipped] == [4, 5]


def test_import_is_one_change_and_undoable(store: Store) -> None:
    apply_plan(store, plan_import(read_connections(DATA / "connections.csv"), []))
    contacts = store.contacts()
    assert len(contacts) == 5 and len(store.history) == 1
    assert all(c.updated == c.created for c in contacts if c.created)
    assert store.history[0].description.startswith("imported from LinkedIn (added 5")
    store.undo()
    assert store.contacts() == []


def test_reimporting_the_same_file_changes_nothing(store: Store) -> None:
    rows = read_connections(DATA / "connections.csv")
    apply_plan(store, plan_import(rows, []))
    plan = plan_import(rows, store.contacts())
    assert (len(plan.added), len(plan.updated), plan.unchanged) == (0, 0, 5)
    apply_plan(store, plan)
    assert len(store.history) == 1


def test_a_reexport_updates_untouched_contacts_and_adds_new_people(store: Store) -> None:
    apply_plan(store, plan_import(read_connections(DATA / "connections.csv"), []))
    plan = plan_import(read_connections(DATA / "connections_reexport.csv"), store.contacts())
    assert [c.name for c in plan.added] == ["Chen Mei"]
    changes = {before.name: (after.company, after.title) for before, after in plan.updated}
    assert changes == {
        "Bob Smith": ("Hooli", "VP, Sales"),
        'Ann O\'Neil "Annie"': ("Umbrella Corp", "Senior Recruiter"),
    }
    assert plan.unchanged == 3
    assert "* Bob Smith: Director, Sales at Globex → VP, Sales at Hooli (applied" in "\n".join(
        plan_details(plan)
    )
    apply_plan(store, plan)
    bob = next(c for c in store.contacts() if c.name == "Bob Smith")
    assert bob.company == "Hooli" and bob.updated == bob.created  # still follows LinkedIn
    assert len(store.contacts()) == 6


def test_a_reexport_never_overwrites_what_the_user_edited(store: Store) -> None:
    apply_plan(store, plan_import(read_connections(DATA / "connections.csv"), []))
    bob = next(c for c in store.contacts() if c.name == "Bob Smith")
    store.update_contact(replace(bob, title="Head of Sales EMEA"), bob)
    plan = plan_import(read_connections(DATA / "connections_reexport.csv"), store.contacts())
    assert "Bob Smith" not in {before.name for before, _ in plan.updated}
    assert [change.contact.name for change in plan.offered] == ["Bob Smith"]  # offered only
    apply_plan(store, plan)
    bob = store.contact(bob.id)  # type: ignore[arg-type]
    assert (bob.company, bob.title) == ("Globex", "Head of Sales EMEA")


def test_hand_added_contacts_are_matched_by_name_and_company_and_only_filled(
    store: Store,
) -> None:
    mine = store.add_contact(Contact(name="jane  DOE", company="acme, inc.", title="EM"))
    other = store.add_contact(Contact(name="Li Wei", company=""))
    plan = plan_import(read_connections(DATA / "connections.csv"), store.contacts())
    updated = {before.id: after for before, after in plan.updated}
    assert updated[mine.id].title == "EM"  # typed by the user: kept
    assert updated[mine.id].email == "jane@example.com"  # empty: filled
    assert updated[mine.id].linkedin.endswith("/in/janedoe")
    assert updated[other.id].linkedin.endswith("/in/liwei")
    assert len(plan.added) == 3


def test_an_update_is_dropped_if_the_contact_changed_meanwhile(store: Store) -> None:
    apply_plan(store, plan_import(read_connections(DATA / "connections.csv"), []))
    plan = plan_import(read_connections(DATA / "connections_reexport.csv"), store.contacts())
    bob = next(c for c in store.contacts() if c.name == "Bob Smith")
    store.update_contact(replace(bob, company="Mine"), bob)
    apply_plan(store, plan)
    assert store.contact(bob.id).company == "Mine"  # type: ignore[arg-type]


def test_a_contact_with_another_profile_is_not_matched_by_name() -> None:
    existing = Contact(
        id=1, name="Jane Doe", company="Acme, Inc.", linkedin="https://linkedin.com/in/other"
    )
    plan = plan_import(read_connections(DATA / "connections.csv"), [existing])
    assert "Jane Doe" in [c.name for c in plan.added]


# --- exports re-saved by Excel, and the 2018 layout (issue 12) ---------------------------


def test_an_export_excel_saved_in_windows_1252_imports_and_says_so() -> None:
    plan = plan_file("linkedin", DATA / "connections_excel_cp1252.csv", [])
    assert [(c.name, c.company) for c in plan.added] == [
        ("José Núñez", "Café Müller, S.L."),
        ("Zoë Åberg", "Acme"),
        ("Jürgen Müller", "Bäckerei Groß"),
    ]
    assert plan.added[0].created == datetime(2021, 4, 2, 9, 0)
    assert describe_plan(plan) == (
        "added 3, updated 0, unchanged 0, skipped 0; read as cp1252 (detected)"
    )


def test_an_export_resaved_with_semicolons_is_read() -> None:
    notes = ReadNotes()
    rows = read_connections(DATA / "connections_semicolon.csv", notes)
    assert [(r.line, r.name, r.company, r.connected) for r in rows] == [
        (5, "José Núñez", "Café Müller, S.L.", date(2021, 4, 2)),
        (6, "Zoë Åberg", "Acme", date(2020, 3, 15)),
    ]
    assert rows[1].url == "https://www.linkedin.com/in/zoeaberg"
    assert notes.encoding == "read as cp1252 (detected)" and notes.problems == []


def test_the_2018_layout_is_read_month_first_and_an_unreadable_date_is_said() -> None:
    plan = plan_file("linkedin", DATA / "connections_2018.csv", [])
    assert [(c.name, c.created) for c in plan.added] == [
        ("Carol King", datetime(2018, 1, 8, 9, 0)),
        ("Dan Brown", datetime(2017, 12, 24, 9, 0)),
        ("Erin Hale", None),
        ("Frank Ito", None),
        ("Gina Ruiz", datetime(2018, 2, 3, 9, 0)),
    ]
    assert all(c.updated == c.created for c in plan.added)
    assert plan.skipped == []
    assert plan.notes.problems == [
        (
            4,
            "Connected On '31/31/18, 6:14 PM' is not a date: "
            "the contact is imported without a connection date",
        ),
        (5, "Connected On is empty: the contact is imported without a connection date"),
    ]
    assert describe_plan(plan) == (
        "added 5, updated 0, unchanged 0, skipped 0; 2 things in the file to check"
    )
    assert plan_details(plan)[-2:] == [
        "! line 4: Connected On '31/31/18, 6:14 PM' is not a date: "
        "the contact is imported without a connection date",
        "! line 5: Connected On is empty: the contact is imported without a connection date",
    ]


def test_slash_dates_with_a_12_hour_clock_are_month_first_unless_the_file_says() -> None:
    head = "First Name,Last Name,Company,Position,Connected On\n"
    us = parse_connections(head + 'A,B,,,"1/8/18, 6:14 PM"\nC,D,,,"2/9/18, 7:00 AM"\n')
    assert [r.connected for r in us] == [date(2018, 1, 8), date(2018, 2, 9)]
    au = parse_connections(head + 'A,B,,,"1/8/18, 6:14 pm"\nC,D,,,"13/9/18, 7:00 am"\n')
    assert [r.connected for r in au] == [date(2018, 8, 1), date(2018, 9, 13)]


def test_a_cell_over_the_field_limit_is_cut_and_said(tmp_path: Path) -> None:
    """Bigger than the csv module's own limit (131,072), which refused the whole file."""
    path = tmp_path / "Connections.csv"
    long = "y" * 150_000
    path.write_text(
        f"First Name,Last Name,Company,Position,Connected On\nAnn,Lee,Acme,{long},02 Apr 2021\n"
    )
    plan = plan_file("linkedin", path, [])
    (ann,) = plan.added
    assert len(ann.title) == FIELD_LIMIT and ann.created == datetime(2021, 4, 2, 9, 0)
    assert plan.notes.problems == [
        (2, "the Position cell cut from 150,000 to 131,072 characters (the most a field keeps)")
    ]


def test_a_connection_without_a_readable_date_is_never_counted_as_added_this_week(
    store: Store,
) -> None:
    apply_plan(store, plan_file("linkedin", DATA / "connections_2018.csv", []))
    created = {c.name: c.created for c in store.contacts()}
    assert (created["Erin Hale"], created["Frank Ito"]) == (None, None)
    assert created["Carol King"] == datetime(2018, 1, 8, 9, 0)
    today = store.clock().date()
    assert weekly_counts(store.network(), today)[-1].contacts_added == 0
