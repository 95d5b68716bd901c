"""`netui today`: "Waiting for a reply" and "Close the loop", after the thank-you notes
and before going cold (the app's order), each row with the `netui draft` line to run
where a message is due.

`netui.cli.main` runs in this process with the clock stopped on Wednesday 25 November
2026; the file is built through the Store.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from clikit import Result, in_process, ok

from netui.clock import frozen_clock
from netui.model import Contact, FollowUp, Note, NoteKind, Status
from netui.store import Store

NOW = datetime(2026, 11, 25, 9, 0, 0)
"""A Wednesday."""
CLOCK = frozen_clock(NOW)


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setattr("netui.clock.system_clock", CLOCK)
    monkeypatch.setenv("NETUI_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("NETUI_DB", raising=False)
    return Store.open(tmp_path / "netui.json", clock=CLOCK)


@pytest.fixture
def netui(store: Store, capsys: pytest.CaptureFixture[str]) -> Any:
    def run(*args: str) -> Result:
        return in_process(capsys, *args, "--db", str(store.path))

    return run


def story(store: Store) -> None:
    """Ana López (met) referred Priya Patel at Acme, written to on Friday 20 Nov (3
    business days: try Lee Wong, met, at Acme); Sam O'Neil written to on Monday 16 Nov
    (7: follow up); Bob [b]Stone[/b] written to on 2 Nov and followed up on 13 Nov (move
    on); Dana met on Tuesday (a thank-you owed); Carlos going cold."""
    ana = store.add_contact(Contact("Ana López", company="Globex", status=Status.MET))
    priya = store.add_contact(Contact("Priya Patel", company="Acme", referred_by=ana.id))
    store.add_contact(Contact("Lee Wong", company="Acme", status=Status.MET))
    sam = store.add_contact(Contact("Sam O'Neil", company="Initech"))
    bob = store.add_contact(Contact("Bob [b]Stone[/b]", company="Hooli"))
    dana = store.add_contact(Contact("Dana Lee", company="Hooli"))
    store.add_contacts(
        [
            Contact(
                "Carlos Ruiz",
                cadence_days=14,
                status=Status.MET,
                created=datetime(2026, 10, 1, 10, 0, 0),
            )
        ]
    )
    for text, day, who in (
        ("Hello", date(2026, 11, 20), priya),
        ("Hello", date(2026, 11, 16), sam),
        ("Hello", date(2026, 11, 2), bob),
        ("Following up", date(2026, 11, 13), bob),
    ):
        store.add_note(Note(text, day, who.id, NoteKind.OUTREACH))
    store.add_note(Note("Lunch", date(2026, 11, 24), dana.id, NoteKind.MEETING))


def test_today_lists_who_has_not_replied_and_what_is_owed(store: Store, netui: Any) -> None:
    story(store)
    out = ok(netui("today")).out
    lines = out.splitlines()
    expected = [
        "Thank-you notes owed (1)",
        "  Dana Lee — met Tue 24 Nov",
        "",
        "Waiting for a reply (3)",
        "  Follow up once with Sam O'Neil — netui draft follow-up 'Sam O'\"'\"'Neil'",
        "  No reply from Priya Patel (3 business days): try Lee Wong at Acme",
        "  Bob [b]Stone[/b] has not replied: move on",
        "",
        "Close the loop (1)",
        "  Tell Ana López you reached out to Priya Patel — netui draft update 'Ana López'",
        "",
        "Going cold (1)",
    ]
    start = lines.index(expected[0])
    assert lines[start : start + len(expected)] == expected, out
    assert "All clear" not in out


def test_the_printed_draft_line_runs(store: Store, netui: Any) -> None:
    """The line `netui today` prints is one `netui draft` takes (its words, unquoted)."""
    import shlex

    story(store)
    line = next(row for row in ok(netui("today")).out.splitlines() if "netui draft update" in row)
    words = shlex.split(line.split(" — ", 1)[1])
    assert words == ["netui", "draft", "update", "Ana López"]
    draft = ok(netui(*words[1:]))
    assert draft.out.startswith("Subject: ")
    assert "Priya" in draft.out


def test_done_dismissed_and_moved_on_leave_the_sections(store: Store, netui: Any) -> None:
    story(store)
    contacts = {c.name: c for c in store.contacts()}
    store.close_loop_item(f"intro:{contacts['Priya Patel'].id}:reached", None)
    for name in ("Sam O'Neil", "Priya Patel", "Bob [b]Stone[/b]"):
        store.mark_moved_on(contacts[name].id or 0, NOW.date())
    out = ok(netui("today")).out
    assert "Waiting for a reply" not in out and "Close the loop" not in out


def test_a_snoozed_item_comes_back_on_its_day(store: Store, netui: Any) -> None:
    story(store)
    priya = next(c for c in store.contacts() if c.name == "Priya Patel")
    store.set_loop_state(f"intro:{priya.id}:reached", "snoozed", date(2026, 11, 26))
    assert "Close the loop" not in ok(netui("today")).out
    store.set_loop_state(f"intro:{priya.id}:reached", "snoozed", date(2026, 11, 25))
    assert "Close the loop (1)" in ok(netui("today")).out


def test_only_the_loop_sections_keep_it_from_being_all_clear(store: Store, netui: Any) -> None:
    """A network whose only business is one reply overdue is not all clear; once the
    user moves on, it is."""
    sam = store.add_contact(Contact("Sam O'Neil", company="Initech"))
    assert sam.id is not None
    store.add_note(Note("Hello", date(2026, 11, 16), sam.id, NoteKind.OUTREACH))
    store.add_followup(FollowUp("send the deck", date(2027, 1, 10), sam.id))
    out = ok(netui("today")).out
    assert "Waiting for a reply (1)" in out and "All clear" not in out
    store.mark_moved_on(sam.id, NOW.date())
    assert "All clear: nothing overdue, due today, owed or going cold." in ok(netui("today")).out
