"""`netui log NAME …`: a meeting and what came of it from the shell, as one change saving
what the app's meeting log saves (leads referred by the person, follow-ups for the
promises, the thank-you due the next day), read by the same rules (`netui.meeting`).

`netui.cli.main` runs in this process with the clock stopped on Thursday 3 December 2026,
so that every due date is known; one test runs the installed script as a user would.
"""

from __future__ import annotations

import os
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from clikit import NETUI, Result, failed, in_process, ok

from netui.clock import frozen_clock
from netui.model import Contact
from netui.store import Store

NOW = datetime(2026, 12, 3, 10, 30, 0)
"""A Thursday: "friday" is the 4th, a week on is the 10th."""
CLOCK = frozen_clock(NOW)


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Priya Patel (Acme), Priya Shah (Globex), Ana Lopez (Initech); the clock stopped."""
    monkeypatch.setattr("netui.clock.system_clock", CLOCK)
    monkeypatch.setenv("NETUI_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("NETUI_DB", raising=False)
    path = tmp_path / "netui.json"
    store = Store.open(path, clock=CLOCK)
    for name, company in (("Priya Patel", "Acme"), ("Priya Shah", "Globex"), ("Ana Lopez", "")):
        store.add_contact(Contact(name=name, company=company))
    return path


@pytest.fixture
def netui(db: Path, capsys: pytest.CaptureFixture[str]) -> Any:
    """`netui ARGS --db DB` run in this process: its exit code, stdout and stderr."""

    def run(*args: str) -> Result:
        return in_process(capsys, *args, "--db", str(db))

    return run


def data(db: Path) -> dict[str, dict[str, dict[str, Any]]]:
    import json

    parsed: dict[str, dict[str, dict[str, Any]]] = json.loads(db.read_bytes())
    return parsed


def contact_named(db: Path, name: str) -> tuple[int, dict[str, Any]]:
    found = [(int(k), c) for k, c in data(db)["contacts"].items() if c["name"] == name]
    assert len(found) == 1, found
    return found[0]


def followups(db: Path) -> list[tuple[str, str, int]]:
    return sorted((f["text"], f["due"], f["contact_id"]) for f in data(db)["followups"].values())


def test_a_meeting_saves_the_leads_promises_and_thank_you_the_form_saves(
    db: Path, netui: Any
) -> None:
    done = ok(
        netui(
            "log",
            "Priya Patel",
            "--notes",
            "coffee at Blue Bottle, great advice",
            "--name",
            "Lee Wong (CTO) @ Acme",
            "--name",
            "Mo Adi @ Globex",
            "--promise",
            "send the deck friday",
            "--company",
            "Globex",
            "--company",
            "Initech, data roles",
            "--feedback",
            "lead with the impact",
        )
    )

    assert done.out.splitlines() == [
        "'Priya Patel' is Priya Patel (Acme) [id 1]",
        "+ Lee Wong (CTO, Acme): new lead, referred by Priya Patel",
        "+ Mo Adi (Globex): new lead, referred by Priya Patel",
        "• send the deck, due Fri 4 Dec",
        "Saved a meeting on Thu 3 Dec, 2 new leads, 3 companies or roles to look at, "
        "1 promise due Fri 4 Dec, thank-you due Fri 4 Dec, Priya Patel becomes met  [id 1]",
    ]
    lee_id, lee = contact_named(db, "Lee Wong")
    mo_id, mo = contact_named(db, "Mo Adi")
    for lead, company in ((lee, "Acme"), (mo, "Globex")):
        assert (lead["referred_by"], lead["status"], lead["company"]) == (1, "lead", company)
        assert lead["how_met"] == "via Priya Patel"
    assert lee["title"] == "CTO"
    assert followups(db) == [
        ("Send a thank-you note", "2026-12-04", 1),
        ("send the deck", "2026-12-04", 1),
    ]
    (note,) = data(db)["notes"].values()
    assert note["contact_id"] == 1
    assert (note["kind"], note["date"]) == ("meeting", "2026-12-03")
    assert note["text"] == "coffee at Blue Bottle, great advice"
    assert note["new_contacts"] == [lee_id, mo_id]
    assert note["promises"] == ["send the deck"]
    assert note["companies"] == ["Globex", "Initech", "data roles"]
    assert note["feedback"] == "lead with the impact"
    assert data(db)["contacts"]["1"]["status"] == "met"


def test_a_name_already_in_the_network_is_linked_not_added_again(db: Path, netui: Any) -> None:
    done = ok(netui("log", "Priya Shah", "--name", "ana lopez", "--promise", "email Ana"))

    assert "= Ana Lopez: already a contact, linked" in done.out
    assert [c["name"] for c in data(db)["contacts"].values()] == [
        "Priya Patel",
        "Priya Shah",
        "Ana Lopez",
    ]
    assert contact_named(db, "Ana Lopez")[1]["referred_by"] == 2
    assert ("email Ana", "2026-12-10", 2) in followups(db)  # no date: in a week
    (note,) = data(db)["notes"].values()
    assert note["new_contacts"] == [3]


def test_a_call_yesterday_with_the_thank_you_sent(db: Path, netui: Any) -> None:
    done = ok(netui("log", "Ana", "--date", "yesterday", "--kind", "call", "--thanked"))

    assert done.out.splitlines()[-1] == (
        "Saved a call on Wed 2 Dec, thank-you already sent, Ana Lopez becomes contacted  [id 1]"
    )
    (note,) = data(db)["notes"].values()
    assert (note["kind"], note["date"], note["text"]) == ("call", "2026-12-02", "")
    assert followups(db) == []  # no thank-you to send
    assert data(db)["contacts"]["3"]["status"] == "contacted"


def test_without_thanked_the_thank_you_is_due_the_day_after_the_meeting(
    db: Path, netui: Any
) -> None:
    ok(netui("log", "Ana", "--date", "2026-11-30", "--kind", "coffee"))
    assert followups(db) == [("Send a thank-you note", "2026-12-01", 3)]


def test_it_is_one_change_that_one_undo_takes_back(
    db: Path, netui: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Store] = []
    real_open = Store.open

    def spy(path: Any, **options: Any) -> Store:
        opened.append(real_open(path, **options))
        return opened[-1]

    monkeypatch.setattr(Store, "open", spy)
    before = {k: v for k, v in data(db).items() if k != "meta"}
    ok(netui("log", "Ana", "--name", "Lee Wong", "--name", "Mo Adi", "--promise", "call Lee"))

    (store,) = opened
    assert store.undo_list() == ["logged a meeting with Ana Lopez"]
    store.undo()
    assert {k: v for k, v in data(db).items() if k != "meta"} == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "feb 30"], "netui: date: there is no Feb 30\n"),
        (
            ["--date", "tomorrow"],
            "netui: date: Fri 4 Dec is still to come; log the meeting once it has happened\n",
        ),
        (
            ["--name", "@ Acme"],
            "netui: --name '@ Acme': a contact needs a name first, like 'Jane Doe @ Acme'\n",
        ),
        (
            ["--name", "Lee Wong", "--name", "Mo Adi via Priya Shah"],
            "netui: --name 'Mo Adi via Priya Shah': no 'via' here, everyone on this list is "
            "referred by Ana Lopez\n",
        ),
        (
            ["--name", "Lee Wong <lee@acme.test>"],
            "netui: --name 'Lee Wong <lee@acme.test>': only Name (title) @ Company here; add "
            "the email and #tags on the contact's page later\n",
        ),
        (
            ["--name", "Ana Lopez"],
            "netui: --name 'Ana Lopez': Ana Lopez is the person you met, not a new name\n",
        ),
        (
            ["--promise", "call by feb 30"],
            "netui: --promise 'call by feb 30': there is no Feb 30\n",
        ),
    ],
    ids=[
        "bad-date",
        "future-date",
        "name-without-name",
        "name-with-via",
        "name-with-email",
        "name-is-the-person",
        "promise-bad-date",
    ],
)
def test_a_problem_exits_1_with_one_line_and_writes_nothing(
    db: Path, netui: Any, args: list[str], message: str
) -> None:
    before = db.read_bytes()
    done = failed(netui("log", "Ana Lopez", *args), message)
    assert done.err == message
    assert db.read_bytes() == before


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Zed", "netui: no contact 'Zed'\n"),
        ("Anna", "netui: no contact 'Anna'; did you mean Ana Lopez?\n"),
        (
            "Priya",
            "netui: 'Priya' matches Priya Patel (Acme) [id 1] and Priya Shah (Globex) [id 2]: "
            "write more of the name\n",
        ),
        ("Re", "netui: no contact 'Re' ('Re' is a label, not a contact's name)\n"),
    ],
    ids=["unknown", "near-miss", "ambiguous", "a-label"],
)
def test_the_person_is_found_as_netui_add_followup_finds_them(
    db: Path, netui: Any, name: str, message: str
) -> None:
    before = db.read_bytes()
    done = failed(netui("log", name, "--notes", "coffee", "--name", "Lee Wong"), message)
    assert done.err == message
    assert db.read_bytes() == before
    if name != "Re":  # (there, "Re:" is a line about no one: the follow-up is kept)
        followup = failed(netui("add", "followup", f"{name}: call"), message)
        assert followup.err == done.err


def test_the_person_can_be_named_by_id(db: Path, netui: Any) -> None:
    done = ok(netui("log", "#2", "--thanked"))
    assert done.out.splitlines()[0] == "'#2' is Priya Shah (Globex) [id 2], by id"
    assert data(db)["contacts"]["2"]["status"] == "met"


def test_dry_run_says_what_it_would_save_and_writes_nothing(db: Path, netui: Any) -> None:
    before = db.read_bytes()
    done = ok(netui("log", "Ana", "--name", "Lee Wong @ Acme", "--promise", "send it", "--dry-run"))
    assert done.out.splitlines() == [
        "'Ana' is Ana Lopez [id 3], by first name",
        "+ Lee Wong (Acme): new lead, referred by Ana Lopez",
        "• send it, due Thu 10 Dec",
        "Would save a meeting on Thu 3 Dec, 1 new lead, 1 promise due Thu 10 Dec, "
        "thank-you due Fri 4 Dec, Ana Lopez becomes met",
    ]
    assert db.read_bytes() == before


def test_wrong_usage_exits_2(db: Path, netui: Any) -> None:
    done = netui("log", "Ana", "--kind", "note")
    assert done.code == 2
    assert "invalid choice: 'note'" in done.err


def test_the_installed_command_logs_a_meeting_and_explains_itself(tmp_path: Path, db: Path) -> None:
    """The console script a user runs, on the real clock (so dates relative to today)."""
    env = {k: v for k, v in os.environ.items() if k != "NETUI_DB"}
    env["NETUI_HOME"] = str(tmp_path / "home")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [NETUI, *args], capture_output=True, text=True, env=env, timeout=60, check=False
        )

    helped = run("log", "--help")
    assert helped.returncode == 0
    text = " ".join(helped.stdout.split())
    for words in ("--name", "--promise", "--thanked", "--dry-run", "one change", "--date WHEN"):
        assert words in text, text

    done = run("log", "Ana", "--name", "Lee Wong @ Acme", "--db", str(db))
    assert done.returncode == 0, done.stderr
    today = date.today()  # (as the command saw it, unless it ran across midnight)
    assert done.stdout.splitlines()[-1].startswith("Saved a meeting on ")
    assert contact_named(db, "Lee Wong")[1]["referred_by"] == 3
    (thanks,) = data(db)["followups"].values()
    assert thanks["due"] in {str(today + timedelta(days=1)), str(today + timedelta(days=2))}
