"""Who is who from the shell (issue 11 parts 1-3), run as a user runs it: `netui add` says
whom a line names before it saves (and `--dry-run` saves nothing), `netui add contact`
refuses a likely duplicate unless `--allow-duplicate`, `netui duplicates [--not A B]`
and `netui merge KEEP OTHER [--dry-run]`."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from clikit import NETUI, failed, ok


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()


Run = Callable[..., Result]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder / "network.json"


@pytest.fixture
def run(tmp_path: Path, db: Path) -> Run:
    """Run `netui ARGS --db DB` in a subprocess with US phone numbers; never a traceback,
    and a failure is one line starting with 'netui: '."""
    home = tmp_path / "home"
    home.mkdir()

    def run(*args: str) -> Result:
        env = {k: v for k, v in os.environ.items() if k != "NETUI_DB"}
        env.update({"NETUI_HOME": str(home), "NETUI_REGION": "US", "PYTHONIOENCODING": "utf-8"})
        proc = subprocess.run(
            [NETUI, *args, "--db", str(db)],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=60,
        )
        assert "Traceback" not in proc.stderr, proc.stderr
        if proc.returncode == 1:
            assert proc.stderr.startswith("netui: ") and proc.stderr.count("\n") == 1, proc.stderr
        return Result(proc.returncode, proc.stdout, proc.stderr)

    return run


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_bytes())


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def names(path: Path) -> dict[int, str]:
    return {int(k): c["name"] for k, c in load(path)["contacts"].items()}


@pytest.fixture
def network(run: Run, db: Path) -> Path:
    """Jane Doe (Acme Corp, id 1), Bob Smith (id 2), Ananya Iyer (id 3)."""
    ok(run("add", "contact", "Jane Doe (Design Lead) @ Acme Corp <jane@acme.com>"))
    ok(run("add", "contact", "Bob Smith @ Globex"))
    ok(run("add", "contact", "Ananya Iyer @ Stripe"))
    return db


# --- netui add: whom a line names, said before it is saved --------------------------------


def test_add_says_whom_it_resolved_then_what_it_saved(run: Run, network: Path) -> None:
    result = ok(run("add", "followup", "Jane: send the portfolio"))
    assert result.lines[0] == "'Jane' is Jane Doe (Acme Corp) [id 1], by first name"
    assert result.lines[1].startswith("saved follow-up for Jane Doe: send the portfolio — due ")
    assert result.lines[1].endswith("(in a week)  [id 1]")
    assert len(result.lines) == 2
    saved = load(network)["followups"]["1"]
    assert (saved["contact_id"], saved["text"]) == (1, "send the portfolio")


def test_add_dry_run_says_the_same_and_leaves_the_file_alone(run: Run, network: Path) -> None:
    before = digest(network)
    preview = ok(run("add", "followup", "Jane: send the portfolio", "--dry-run"))
    assert digest(network) == before
    assert "followups" not in load(network) or load(network)["followups"] == {}

    done = ok(run("add", "followup", "Jane: send the portfolio"))
    assert preview.lines[0] == done.lines[0]
    assert preview.lines[1] == done.lines[1].replace("saved ", "would save ", 1).removesuffix(
        "  [id 1]"
    )


def test_add_note_dry_run_names_the_person_and_saves_nothing(run: Run, network: Path) -> None:
    before = digest(network)
    result = ok(
        run("add", "note", "Bob: yesterday, coffee at Blue Bottle", "--kind", "coffee", "--dry-run")
    )
    assert result.lines[0] == "'Bob' is Bob Smith (Globex) [id 2], by first name"
    assert result.lines[1].startswith("would save coffee note for Bob Smith on ")
    assert result.lines[1].endswith(": coffee at Blue Bottle")
    assert digest(network) == before


def test_a_label_is_kept_in_the_text_of_a_follow_up_for_no_one(run: Run, network: Path) -> None:
    result = ok(run("add", "followup", "Re: send intro email"))
    assert result.lines[0] == "'Re:' names no one ('Re' is a label): kept in the text"
    assert result.lines[1].startswith(
        "saved follow-up for no one ('Re' is a label): Re: send intro email — due "
    )
    saved = load(network)["followups"]["1"]
    assert (saved["contact_id"], saved["text"]) == (None, "Re: send intro email")


def test_a_web_address_is_a_follow_up_for_no_one(run: Run, network: Path) -> None:
    ok(run("add", "followup", "https://example.com/jobs/42: check posting"))
    saved = load(network)["followups"]["1"]
    assert (saved["contact_id"], saved["text"]) == (
        None,
        "https://example.com/jobs/42: check posting",
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("followup", "Ana: ask for the intro"),
            "netui: no contact 'Ana'; did you mean Ananya Iyer?",
        ),
        (("contact", "Sam Lee via Ana"), "netui: no contact 'Ana'; did you mean Ananya Iyer?"),
        (("followup", "Jnae: send the deck"), "netui: no contact 'Jnae'; did you mean Jane Doe?"),
    ],
)
def test_a_near_miss_is_suggested_and_nothing_is_saved(
    run: Run, network: Path, args: tuple[str, str], message: str
) -> None:
    before = digest(network)
    failed(run("add", *args), message)
    failed(run("add", *args, "--dry-run"), message)
    assert digest(network) == before


def test_via_a_whole_name_saves_the_referrer(run: Run, network: Path) -> None:
    result = ok(run("add", "contact", "Sam Lee @ Plaid via Ananya"))
    assert result.lines[0] == "'Ananya' is Ananya Iyer (Stripe) [id 3], by first name"
    assert result.lines[1] == "saved contact Sam Lee, at Plaid  (referred by Ananya Iyer)  [id 4]"
    assert load(network)["contacts"]["4"]["referred_by"] == 3


def test_the_cli_refuses_a_name_two_people_share_as_the_app_does(run: Run, db: Path) -> None:
    ok(run("add", "contact", "Maria D'Angelo @ Acme"))
    ok(run("add", "contact", "Dangelo Russell @ Globex"))
    failed(
        run("add", "followup", "Dangelo: send the deck", "--dry-run"),
        "'Dangelo' matches Dangelo Russell (Globex) [id 2] and Maria D'Angelo (Acme) [id 1]",
    )


# --- netui add contact: a likely duplicate ------------------------------------------------


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("jane doe", "same name"),
        ("Jane Doe @ Acme Corp", "same name, same company"),
        ("Janie D <JANE@acme.com>", "same email"),
    ],
)
def test_add_contact_refuses_a_likely_duplicate_naming_the_match(
    run: Run, network: Path, line: str, reason: str
) -> None:
    before = digest(network)
    failed(
        run("add", "contact", line),
        f"netui: Jane Doe (Acme Corp) is already here [id 1]: {reason}; nothing saved "
        "(--allow-duplicate adds a second one; 'netui merge' joins two)",
    )
    failed(run("add", "contact", line, "--dry-run"), "Jane Doe (Acme Corp) is already here [id 1]")
    assert digest(network) == before


def test_allow_duplicate_saves_it_and_says_who_was_there(run: Run, network: Path) -> None:
    result = ok(run("add", "contact", "jane doe", "--allow-duplicate"))
    assert result.lines == [
        "note: Jane Doe (Acme Corp) is already here [id 1]: same name; adding anyway "
        "(--allow-duplicate)",
        "saved contact jane doe  [id 4]",
    ]
    assert names(network)[4] == "jane doe"


def test_a_namesake_at_another_company_is_added_without_a_word(run: Run, network: Path) -> None:
    result = ok(run("add", "contact", "Jane Doe @ Globex"))
    assert result.lines == ["saved contact Jane Doe, at Globex  [id 4]"]


# --- netui duplicates ---------------------------------------------------------------------


@pytest.fixture
def doubled(run: Run, network: Path) -> Path:
    """The network and Jane M. Doe (id 4, added anyway) with a follow-up."""
    ok(run("add", "contact", "Jane M. Doe", "--allow-duplicate"))
    ok(run("add", "followup", "Jane M. Doe: call back"))
    return network


def test_duplicates_lists_the_pair_with_reason_and_score(run: Run, doubled: Path) -> None:
    result = ok(run("duplicates"))
    assert result.lines == [
        " 40  Jane Doe (Acme Corp) [id 1]  ~  Jane M. Doe [id 4]: same name",
        "1 likely pair; merge one with 'netui merge 1 4' (keeps 1), or say they differ with "
        "'netui duplicates --not 1 4'",
    ]


def test_duplicates_says_when_there_are_none(run: Run, network: Path) -> None:
    assert ok(run("duplicates")).lines == ["no likely duplicates among 3 contacts"]


def test_duplicates_not_hides_the_pair_for_good(run: Run, doubled: Path) -> None:
    result = ok(run("duplicates", "--not", "4", "1"))
    assert result.lines == ["noted: contacts 4 and 1 are different people (not listed again)"]
    assert load(doubled)["meta"]["1"]["not_duplicates"] == [[1, 4]]
    assert ok(run("duplicates")).lines == ["no likely duplicates among 4 contacts"]


def test_duplicates_not_with_an_unknown_id_is_an_error(run: Run, doubled: Path) -> None:
    before = digest(doubled)
    failed(run("duplicates", "--not", "1", "99"), "netui: no contact has id 99")
    assert digest(doubled) == before


def test_duplicates_not_with_the_same_id_twice_is_an_error(run: Run, doubled: Path) -> None:
    before = digest(doubled)
    failed(
        run("duplicates", "--not", "1", "1"),
        "netui: a pair of different people needs two different contacts",
    )
    assert digest(doubled) == before


# --- netui merge --------------------------------------------------------------------------


def test_merge_dry_run_changes_nothing_and_merge_does_it(run: Run, doubled: Path) -> None:
    before = digest(doubled)
    preview = ok(run("merge", "1", "4", "--dry-run"))
    assert digest(doubled) == before
    assert preview.lines == [
        "  moves 1 follow-up, 0 notes, 0 people they referred to Jane Doe",
        "  kept in a note: name: Jane M. Doe",
        "  deletes Jane M. Doe [id 4]",
        "would be: merged Jane M. Doe [id 4] into Jane Doe [id 1]",
    ]

    done = ok(run("merge", "1", "4"))
    assert done.lines == [*preview.lines[:-1], "merged Jane M. Doe [id 4] into Jane Doe [id 1]"]
    data = load(doubled)
    assert sorted(names(doubled)) == [1, 2, 3]
    assert data["contacts"]["1"]["name"] == "Jane Doe"
    assert [f["contact_id"] for f in data["followups"].values()] == [1]
    assert ok(run("duplicates")).lines == ["no likely duplicates among 3 contacts"]


def test_merge_fills_the_survivor_and_keeps_the_rest_in_a_note(run: Run, network: Path) -> None:
    ok(run("add", "contact", "J. Doe (VP Design) @ Initech <jdoe@gmail.com> #design"))
    result = ok(run("merge", "1", "4"))
    assert [line for line in result.lines if not line.startswith("note: ")] == [
        "  other emails: (none) → jdoe@gmail.com",
        "  tags: (none) → design",
        "  moves 0 follow-ups, 0 notes, 0 people they referred to Jane Doe",
        "  kept in a note: name: J. Doe; company: Initech; title: VP Design",
        "  deletes J. Doe [id 4]",
        "merged J. Doe [id 4] into Jane Doe [id 1]",
    ]
    jane = load(network)["contacts"]["1"]
    assert (jane["email"], jane["other_emails"], jane["tags"]) == (
        "jane@acme.com",
        ["jdoe@gmail.com"],
        ["design"],
    )
    (note,) = load(network)["notes"].values()
    assert note["contact_id"] == 1
    assert note["text"] == (
        "Merged J. Doe [id 4] into this contact. Also known as: name: J. Doe; "
        "company: Initech; title: VP Design"
    )


def test_merging_two_unlike_contacts_says_so(run: Run, network: Path) -> None:
    result = ok(run("merge", "1", "2", "--dry-run"))
    assert result.lines[0] == ("note: these two don't look like one person; merging all the same")
    assert result.lines[-1] == "would be: merged Bob Smith [id 2] into Jane Doe [id 1]"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("1", "99"), "netui: no contact has id 99"),
        (("99", "1"), "netui: no contact has id 99"),
        (("1", "1"), "netui: a contact can't be merged with themselves"),
        (("1", "99", "--dry-run"), "netui: no contact has id 99"),
    ],
)
def test_merge_with_a_bad_id_is_an_error_and_writes_nothing(
    run: Run, network: Path, args: tuple[str, ...], message: str
) -> None:
    before = digest(network)
    failed(run("merge", *args), message)
    assert digest(network) == before
