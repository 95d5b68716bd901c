"""Referral loops from the shell: every command that can set a referrer (a merge, an
import) is refused by the store when that would close a loop, with the chain named on
one line, exit 1, and the file as it was. `netui log` naming someone up the person's own
chain lists them at the meeting without making the loop. (`netui add contact "… via X"`
can't close one: the new person referred nobody yet.)"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from clikit import failed, ok
from clikit import netui_at as run

from netui.model import Contact
from netui.store import Store


class Result:
    def __init__(self, done: subprocess.CompletedProcess[str]) -> None:
        self.code, self.out, self.err = done.returncode, done.stdout, done.stderr


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Priya Patel [1] referred Ana Lopez [2], who referred Bob Smith [3]."""
    path = tmp_path / "netui.json"
    store = Store.open(path)
    priya = store.add_contact(Contact(name="Priya Patel", company="Acme", email="p@acme.test"))
    ana = store.add_contact(Contact(name="Ana Lopez", referred_by=priya.id))
    store.add_contact(Contact(name="Bob Smith", referred_by=ana.id))
    return path


def contacts(db: Path) -> dict[str, Any]:
    return dict(json.loads(db.read_bytes())["contacts"])


CHAIN = (
    "Bob Smith was referred by Ana Lopez, who was referred by Priya Patel: "
    "Priya can't also be referred by Bob; nothing was saved"
)


@pytest.mark.parametrize("dry_run", [False, True], ids=["merge", "merge-dry-run"])
def test_a_merge_that_would_close_a_loop_exits_1_naming_the_chain(db: Path, dry_run: bool) -> None:
    """Priya's duplicate [4] (same email) says Bob referred her: the merged Priya would
    be referred by Bob, whom her own chain reaches."""
    Store.open(db).add_contact(
        Contact(name="Priya Patel", company="Acme", email="p@acme.test", referred_by=3)
    )
    before = db.read_bytes()

    done = Result(run(db, "merge", "1", "4", *(["--dry-run"] if dry_run else [])))

    message = f"netui: can't merge Priya Patel [id 4] into Priya Patel [id 1]: {CHAIN}\n"
    failed(done, message)
    assert done.err == message
    assert db.read_bytes() == before


def test_an_import_whose_people_refer_each_other_exits_1_and_saves_nothing(
    db: Path, tmp_path: Path
) -> None:
    csv = tmp_path / "people.csv"
    csv.write_text("name,referred_by\nEve Fox,Gil Ho\nGil Ho,Eve Fox\n")
    before = db.read_bytes()

    done = Result(run(db, "import", "csv", str(csv)))

    message = (
        "netui: Gil Ho was referred by Eve Fox: Eve can't also be referred by Gil; "
        "nothing was saved\n"
    )
    failed(done, message)  # (no preview of an import that was not saved)
    assert done.err == message
    assert db.read_bytes() == before


def test_an_import_giving_someone_a_referrer_up_their_own_chain_exits_1(
    db: Path, tmp_path: Path
) -> None:
    """The file says Priya (matched by her email; no referrer yet) was referred by Bob."""
    csv = tmp_path / "people.csv"
    csv.write_text("name,company,email,referred_by\nPriya Patel,Acme,p@acme.test,Bob Smith\n")
    before = db.read_bytes()

    done = Result(run(db, "import", "csv", str(csv)))

    failed(done, f"netui: {CHAIN}\n")
    assert done.err == f"netui: {CHAIN}\n"
    assert db.read_bytes() == before


def test_an_import_with_a_referrer_that_makes_no_loop_is_saved(db: Path, tmp_path: Path) -> None:
    csv = tmp_path / "people.csv"
    csv.write_text("name,referred_by\nEve Fox,Bob Smith\n")
    done = Result(run(db, "import", "csv", str(csv)))
    ok(done)
    assert done.out.splitlines()[-1].startswith("added 1,")
    assert [c["referred_by"] for c in contacts(db).values() if c["name"] == "Eve Fox"] == [3]


def test_a_meeting_naming_someone_up_the_chain_lists_them_without_a_loop(db: Path) -> None:
    done = ok(Result(run(db, "log", "Bob", "--name", "Priya Patel", "--thanked")))

    assert "= Priya Patel (Acme): already a contact, linked" in done.out
    assert contacts(db)["1"]["referred_by"] is None  # still nobody's: no loop
    (note,) = json.loads(db.read_bytes())["notes"].values()
    assert (note["contact_id"], note["new_contacts"]) == (3, [1])


def test_an_import_dry_run_is_refused_alike_and_makes_no_file(tmp_path: Path) -> None:
    csv = tmp_path / "people.csv"
    csv.write_text("name,referred_by\nEve Fox,Gil Ho\nGil Ho,Eve Fox\n")
    new = tmp_path / "new" / "netui.json"
    new.parent.mkdir()

    done = Result(run(new, "import", "csv", str(csv), "--dry-run"))

    failed(done, "netui: Gil Ho was referred by Eve Fox: Eve can't also be referred by Gil")
    assert sorted(p.name for p in new.parent.iterdir()) == []  # no file, no lock
