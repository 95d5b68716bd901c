"""`netui import linkedin`: the installed command, checked through the data file."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from clikit import netui_at as run

DATA = Path(__file__).parent.parent / "data" / "linkedin"


def names(db: Path) -> list[str]:
    return sorted(c["name"] for c in json.loads(db.read_text())["contacts"].values())


def test_dry_run_changes_nothing_then_import_and_reimport(tmp_path: Path) -> None:
    db = tmp_path / "netui.json"
    preview = run(db, "import", "linkedin", str(DATA / "connections.csv"), "--dry-run")
    assert preview.returncode == 0, preview.stderr
    assert "would be: added 5" in preview.stdout
    assert not db.exists()

    first = run(db, "import", "linkedin", str(DATA / "connections.csv"))
    assert first.returncode == 0 and "added 5" in first.stdout
    contacts = json.loads(db.read_text())["contacts"].values()
    assert all(c["status"] == "lead" and "linkedin" in c["tags"] for c in contacts)
    assert len(names(db)) == 5

    again = run(db, "import", "linkedin", str(DATA / "connections_reexport.csv"))
    assert again.returncode == 0 and "added 1, updated 2" in again.stdout
    assert len(names(db)) == 6  # nobody duplicated


def test_a_malformed_file_imports_nothing(tmp_path: Path) -> None:
    db = tmp_path / "netui.json"
    run(db, "add", "contact", "Jane Doe")
    before = db.read_bytes()
    result = run(db, "import", "linkedin", str(DATA / "malformed_fields.csv"))
    assert result.returncode == 1
    assert "line 6" in result.stderr and "nothing imported" in result.stderr
    assert db.read_bytes() == before


# --- job changes ------------------------------------------------------------------------------


def edit_and_mark_target(db: Path) -> None:
    """The user edited Sam and Omar in netui (so their jobs are theirs), and marks
    Globex as a target company."""
    from dataclasses import replace

    from netui.store import Store

    store = Store.open(db)
    for contact in store.contacts():
        if contact.name in ("Sam Lee", "Omar Haddad"):
            store.update_contact(replace(contact, how_met="Design meetup"), contact)
    store.set_target("Globex", True)


def contact(db: Path, name: str) -> tuple[str, dict[str, object]]:
    data = json.loads(db.read_text())
    return next((key, doc) for key, doc in data["contacts"].items() if doc["name"] == name)


def test_a_reimport_lists_job_changes_applies_some_and_offers_the_others(tmp_path: Path) -> None:
    db = tmp_path / "netui.json"
    assert run(db, "import", "linkedin", str(DATA / "jobs_before.csv")).returncode == 0
    edit_and_mark_target(db)
    before = db.read_bytes()

    after_csv = str(DATA / "jobs_after.csv")
    dry = run(db, "import", "linkedin", after_csv, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert db.read_bytes() == before
    lines = dry.stdout.splitlines()
    assert (
        "* Priya Patel: Designer at Acme → Lead at Globex (applied; the old job kept in a "
        "note; Globex is a target company: a follow-up due today)"
    ) in lines
    assert (
        "* Sam Lee: Analyst at Initech → Senior Analyst at Initech (offered: kept as typed "
        "in netui unless accepted)"
    ) in lines
    assert (
        "* Omar Haddad: Umbrella → GLOBEX (offered: kept as typed in netui unless accepted; "
        "GLOBEX is a target company: a follow-up if accepted)"
    ) in lines
    assert "2 job changes offered, not applied: --accept-changes applies them" in lines
    assert "would be: added 0, updated 2, unchanged 2, skipped 0" in lines

    real = run(db, "import", "linkedin", after_csv)
    assert real.returncode == 0, real.stderr
    assert real.stdout == dry.stdout.replace("would be: ", "")  # the dry run said it all

    data = json.loads(db.read_text())
    priya_id, priya = contact(db, "Priya Patel")
    assert (priya["company"], priya["title"]) == ("Globex", "Lead")
    assert contact(db, "Sam Lee")[1]["title"] == "Analyst"  # offered, not accepted
    assert contact(db, "Omar Haddad")[1]["company"] == "Umbrella"
    today = date.today().isoformat()
    notes = [n for n in data["notes"].values() if n["contact_id"] == int(priya_id)]
    assert [(n["kind"], n["date"], n["text"]) for n in notes] == [
        ("note", today, "Moved from Designer at Acme to Lead at Globex (LinkedIn import)")
    ]
    (followup,) = data["followups"].values()
    assert followup["contact_id"] == int(priya_id) and followup["due"] == today
    assert followup["done"] is None
    assert followup["text"].startswith("Priya Patel moved to Globex, a target company")

    # The daily review has it, due today.
    review = run(db, "today")
    assert "Priya Patel moved to Globex" in review.stdout

    # Accepting the offered ones: applied, noted, the move into Globex followed up.
    accepted = run(db, "import", "linkedin", after_csv, "--accept-changes")
    assert accepted.returncode == 0, accepted.stderr
    assert "* Sam Lee: Analyst at Initech → Senior Analyst at Initech (applied;" in accepted.stdout
    assert "* Priya Patel" not in accepted.stdout  # applied before: not reported again
    assert "offered, not applied" not in accepted.stdout
    assert "added 0, updated 2, unchanged 2" in accepted.stdout
    assert contact(db, "Sam Lee")[1]["title"] == "Senior Analyst"
    omar_id, omar = contact(db, "Omar Haddad")
    assert omar["company"] == "GLOBEX" and omar["how_met"] == "Design meetup"
    data = json.loads(db.read_text())
    assert len(data["notes"]) == 3 and len(data["followups"]) == 2
    assert any(f["contact_id"] == int(omar_id) for f in data["followups"].values())

    # The same file once more: nothing reported, nothing written.
    settled = db.read_bytes()
    last = run(db, "import", "linkedin", after_csv, "--accept-changes")
    assert last.returncode == 0
    assert not any(line.startswith("* ") for line in last.stdout.splitlines())
    assert "added 0, updated 0, unchanged 4" in last.stdout
    assert db.read_bytes() == settled


def test_accept_changes_with_dry_run_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "netui.json"
    run(db, "import", "linkedin", str(DATA / "jobs_before.csv"))
    edit_and_mark_target(db)
    before = db.read_bytes()
    dry = run(
        db, "import", "linkedin", str(DATA / "jobs_after.csv"), "--dry-run", "--accept-changes"
    )
    assert dry.returncode == 0, dry.stderr
    assert "* Sam Lee: Analyst at Initech → Senior Analyst at Initech (applied;" in dry.stdout
    assert "would be: added 0, updated 4, unchanged 0" in dry.stdout
    assert db.read_bytes() == before
