"""`netui import vcard|csv` and `netui export vcard|ics`: the installed command, checked
through the data file and the files it writes."""

from __future__ import annotations

import json
from pathlib import Path

import icalendar
import vobject
from clikit import netui_at as run

DATA = Path(__file__).parent.parent / "data"


def contacts(db: Path) -> list[dict]:
    return list(json.loads(db.read_text())["contacts"].values())


def test_vcard_dry_run_import_and_reimport(tmp_path: Path) -> None:
    db = tmp_path / "netui.json"
    apple = str(DATA / "vcard" / "apple.vcf")
    preview = run(db, "import", "vcard", apple, "--dry-run")
    assert preview.returncode == 0, preview.stderr
    assert "+ Chidi Okafor (Northwind Health)" in preview.stdout
    assert (
        "would be: added 2, updated 0, unchanged 0, skipped 1: "
        "line 41 a company card, not a person" in preview.stdout
    )
    assert not db.exists()

    first = run(db, "import", "vcard", apple)
    assert first.returncode == 0, first.stderr
    chidi = next(c for c in contacts(db) if c["name"] == "Chidi Okafor")
    assert chidi["other_emails"] == ["chidi.o@mail.example"]
    assert chidi["other_phones"] == ["+1 415 555 0199"]
    assert chidi["status"] == "lead" and chidi["tags"] == ["Job-search", "Engineering"]

    again = run(db, "import", "vcard", apple)
    assert "added 0, updated 0, unchanged 2" in again.stdout
    assert len(contacts(db)) == 2


def test_vcard_export_round_trips_into_a_new_file(tmp_path: Path) -> None:
    db = tmp_path / "netui.json"
    run(db, "add", "contact", "Ada Lovelace (Engineer) @ Analytical; Engines #math <ada@x.example>")
    run(db, "import", "vcard", str(DATA / "vcard" / "google.vcf"))
    out = tmp_path / "contacts.vcf"
    result = run(db, "export", "vcard", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert f"wrote 3 contacts to {out}" in result.stderr
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    cards = list(vobject.readComponents(out.read_text()))
    assert sorted(c.fn.value for c in cards) == ["Ada Lovelace", "Priya Raman", "Sam O'Neill"]

    other = tmp_path / "other.json"
    imported = run(other, "import", "vcard", str(out))
    assert imported.returncode == 0, imported.stderr
    keep = ("name", "company", "title", "email", "phone", "linkedin", "tags", "how_met")
    keep += ("other_emails", "other_phones", "other_urls")
    original = sorted(({k: c[k] for k in keep} for c in contacts(db)), key=lambda c: c["name"])
    copied = sorted(({k: c[k] for k in keep} for c in contacts(other)), key=lambda c: c["name"])
    assert copied == original


def test_a_file_with_no_card_imports_nothing(tmp_path: Path) -> None:
    db = tmp_path / "netui.json"
    run(db, "add", "contact", "Jane Doe")
    before = db.read_bytes()
    not_cards = tmp_path / "contacts.vcf"
    not_cards.write_text("name,email\nAda,ada@x.example\n")
    result = run(db, "import", "vcard", str(not_cards))
    assert result.returncode == 1
    assert "contacts.vcf, line 1: expected BEGIN:VCARD, found 'name,email'" in result.stderr
    assert db.read_bytes() == before


def test_a_line_that_is_not_a_property_is_listed_and_the_rest_imported(tmp_path: Path) -> None:
    db = tmp_path / "netui.json"
    result = run(db, "import", "vcard", str(DATA / "vcard" / "broken_line.vcf"))
    assert result.returncode == 0, result.stderr
    assert "line 8: 'this line has no colon' is not a vCard property (no ':'): skipped" in (
        result.stdout
    )
    assert "added 2" in result.stdout
    assert {c["name"] for c in contacts(db)} == {"Ann Lee", "Bo Chen"}


def test_csv_export_then_import_into_a_new_file_keeps_contacts_and_referrals(
    tmp_path: Path,
) -> None:
    db = tmp_path / "netui.json"
    run(db, "add", "contact", "Jane Doe @ Acme #ux <jane@acme.example>")
    run(db, "add", "contact", "Bob Smith @ Globex via Jane Doe")
    out = tmp_path / "contacts.csv"
    assert run(db, "export", "csv", "-o", str(out)).returncode == 0

    other = tmp_path / "other.json"
    preview = run(other, "import", "csv", str(out), "--dry-run")
    assert "would be: added 2, updated 0, unchanged 0, skipped 0" in preview.stdout
    assert not other.exists()
    result = run(other, "import", "csv", str(out))
    assert result.returncode == 0, result.stderr
    by_name = {c["name"]: (key, c) for key, c in json.loads(other.read_text())["contacts"].items()}
    jane_id, jane = by_name["Jane Doe"]
    assert jane["tags"] == ["ux"] and jane["email"] == "jane@acme.example"
    assert by_name["Bob Smith"][1]["referred_by"] == int(jane_id)

    again = run(other, "import", "csv", str(out))
    assert "added 0, updated 0, unchanged 2" in again.stdout


def test_a_malformed_csv_imports_nothing(tmp_path: Path) -> None:
    db = tmp_path / "netui.json"
    run(db, "add", "contact", "Jane Doe")
    before = db.read_bytes()
    bad = tmp_path / "bad.csv"
    bad.write_text("name,status\nAda,lead\nBob,maybe\n", encoding="utf-8")
    result = run(db, "import", "csv", str(bad))
    assert result.returncode == 1
    assert "bad.csv, line 3: 'maybe' is not a status" in result.stderr
    assert "nothing imported" in result.stderr
    assert db.read_bytes() == before


def test_ics_export_of_open_followups(tmp_path: Path) -> None:
    db = tmp_path / "netui.json"
    run(db, "add", "contact", "Jane Doe @ Acme")
    run(db, "add", "followup", "Jane Doe: send the article, with notes; today at 5 2099-03-04")
    run(db, "add", "followup", "Jane Doe: thank her 2099-03-01")
    out = tmp_path / "followups.ics"
    result = run(db, "export", "ics", "-o", str(out), "--remind", "08:30")
    assert result.returncode == 0, result.stderr
    assert "wrote 2 open follow-ups" in result.stderr
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    events = calendar.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == [
        "Jane Doe: thank her",
        "Jane Doe: send the article, with notes; today at 5",
    ]
    assert str(events[0]["DTSTART"].dt) == "2099-03-01"
    alarm = events[0].walk("VALARM")[0]
    assert str(alarm["TRIGGER"].dt) == "8:30:00"

    again = tmp_path / "again.ics"
    run(db, "export", "ics", "-o", str(again))
    uids = [str(e["UID"]) for e in icalendar.Calendar.from_ical(again.read_bytes()).walk("VEVENT")]
    assert uids == [str(e["UID"]) for e in events]

    bad = run(db, "export", "ics", "--remind", "9am")
    assert bad.returncode == 1 and "--remind '9am' is not a time of day like 09:00" in bad.stderr
