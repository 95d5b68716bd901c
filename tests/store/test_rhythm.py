"""Done follow-ups of a contact with a keep-in-touch rhythm schedule the next touch."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

from netui.clock import frozen_clock
from netui.model import KEEP_IN_TOUCH, Contact, FollowUp
from netui.store import Store

NOW = datetime(2026, 1, 31, 9, 0)


def open_store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "netui.json", clock=frozen_clock(NOW))


def followups_on_disk(store: Store) -> list[dict]:
    return list(json.loads(store.path.read_text())["followups"].values())


def test_done_schedules_the_next_touch_across_a_month_end(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    jane = store.add_contact(Contact("Jane Doe", cadence_days=30))
    task = store.add_followup(FollowUp("send the article", date(2026, 1, 30), jane.id))
    store.complete_followup(task.id)
    docs = followups_on_disk(store)
    nxt = [d for d in docs if d["text"] == KEEP_IN_TOUCH]
    assert len(nxt) == 1
    assert nxt[0]["due"] == (NOW.date() + timedelta(days=30)).isoformat() == "2026-03-02"
    assert nxt[0]["contact_id"] == jane.id and nxt[0]["done"] is None


def test_nothing_is_scheduled_without_a_rhythm_or_with_something_planned(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    bob = store.add_contact(Contact("Bob"))
    ann = store.add_contact(Contact("Ann", cadence_days=14))
    first = store.add_followup(FollowUp("call", date(2026, 2, 1), bob.id))
    store.complete_followup(first.id)
    a1 = store.add_followup(FollowUp("one", date(2026, 2, 1), ann.id))
    store.add_followup(FollowUp("two", date(2026, 2, 9), ann.id))
    store.complete_followup(a1.id)
    assert [d["text"] for d in followups_on_disk(store)] == ["call", "one", "two"]


def test_undo_takes_back_the_done_and_the_scheduled_touch(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    jane = store.add_contact(Contact("Jane", cadence_days=14))
    task = store.add_followup(FollowUp("coffee", date(2026, 1, 31), jane.id))
    before = store.path.read_bytes()
    store.complete_followup(task.id)
    assert len(followups_on_disk(store)) == 2
    assert store.undo() == "marked 'coffee' done"
    after = json.loads(store.path.read_text())
    assert after["followups"] == json.loads(before)["followups"]


def test_a_rhythm_from_the_defaults_schedules_the_next_touch(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    ann = store.add_contact(Contact("Ann", tags=("ux",)))  # no rhythm of her own
    task = store.add_followup(FollowUp("coffee", date(2026, 1, 31), ann.id))
    store.complete_followup(task.id, rhythm_days=14)  # her #ux tag's default, say
    nxt = [d for d in followups_on_disk(store) if d["text"] == KEEP_IN_TOUCH]
    assert [d["due"] for d in nxt] == ["2026-02-14"]
