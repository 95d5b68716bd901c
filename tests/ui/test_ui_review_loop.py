"""The daily review's "Waiting for a reply" and "Close the loop" sections: their rows in
the user's words, their keys in the footer, and what each key writes to the file (and
what ctrl+z takes back).

The fixed network (netkit) plus four outreach notes, the clock on Wednesday 25 November
2026: Zoë Martin written to on Monday 16 Nov (7 business days: follow up), Priya Patel on
Friday 20 Nov (3: try Jane Doe, also at Acme Corp), Bob Smith on 2 Nov and followed up on
Friday 13 Nov (8 since: move on). Zoë and Priya were referred (by Jane and Bob): two
introductions to close the loop on.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from netkit import (
    BOB,
    CLOCK,
    DANA,
    JANE,
    PRIYA,
    ZOE,
    build_network,
    make_app,
    notifications,
    read_db,
    screen_text,
    settle,
    wait_for_generation,
    wait_for_screen,
)

from netui.model import Note, NoteKind
from netui.store import Store
from netui.ui.dialogs.snooze import SnoozeScreen
from netui.ui.screens.contact import ContactScreen
from netui.ui.screens.review import ReviewScreen

KEY_ZOE_INTRO = f"intro:{ZOE}:reached"
KEY_PRIYA_INTRO = f"intro:{PRIYA}:reached"


def add_outreach(path: Path) -> Path:
    """The four outreach notes of this module's story (see the module); return `path`."""
    store = Store.open(path, clock=CLOCK)
    for text, day, contact_id in (
        ("Asked for 20 minutes about her work", date(2026, 11, 20), PRIYA),
        ("Wrote about recruiting at Initech", date(2026, 11, 16), ZOE),
        ("First message about the platform team", date(2026, 11, 2), BOB),
        ("The one follow-up", date(2026, 11, 13), BOB),
    ):
        store.add_note(Note(text, day, contact_id, NoteKind.OUTREACH))
    return path


@pytest.fixture
def loop_db(tmp_path: Path) -> Path:
    return add_outreach(build_network(tmp_path / "netui.json"))


async def open_review(pilot) -> ReviewScreen:
    await settle(pilot)
    await pilot.press("r")
    screen = await wait_for_screen(pilot, ReviewScreen)
    await settle(pilot)
    return screen


async def go_to(pilot, key: tuple[str, int]) -> None:
    assert pilot.app.screen.query_one("#review-list").select_key(key), f"{key} not listed"
    await settle(pilot)


def loop_docs(path: Path) -> dict[str, dict]:
    return {doc["key"]: doc for doc in read_db(path).get("loop", {}).values()}


async def test_the_sections_come_after_the_thank_yous_and_before_going_cold(loop_db) -> None:
    app = make_app(loop_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        text = screen_text(app)
        lines = [
            "Thank-you notes owed (1)",
            "Waiting for a reply (3)",
            "Mon 16 Nov   Zoë Martin             Follow up once with Zoë Martin",
            "Fri 20 Nov   Priya Patel            "
            "No reply from Priya Patel (3 business days): try Jane Doe at Acme Corp",
            "Fri 13 Nov   Bob Smith              Bob Smith has not replied: move on",
            "Close the loop (2)",
            "Fri 20 Nov   Bob Smith              Tell Bob Smith you reached out to Priya Patel",
            "Mon 16 Nov   Jane Doe               Tell Jane Doe you reached out to Zoë Martin",
            "Going cold (1)",
        ]
        positions = [text.find(line) for line in lines]
        assert -1 not in positions, [line for line in lines if line not in text]
        assert positions == sorted(positions)
        assert "All clear" not in text


async def test_only_the_waiting_and_loop_sections_are_new(db: Path) -> None:
    """Without outreach notes the review is as it was: neither section, no m or x."""
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        text = screen_text(app)
        assert "Waiting for a reply" not in text and "Close the loop" not in text
        footer = screen_text(app).splitlines()[-1]
        assert "Move on" not in footer and "Dismiss" not in footer


async def test_each_row_shows_its_own_keys_in_the_footer(loop_db) -> None:
    app = make_app(loop_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        await go_to(pilot, ("waiting", ZOE))
        footer = screen_text(app).splitlines()[-1]
        assert "w Write" in footer and "m Move on" in footer, footer
        assert "d Done" not in footer and "s Snooze" not in footer and "Dismiss" not in footer
        await go_to(pilot, ("loop", 0))
        footer = screen_text(app).splitlines()[-1]
        for key in ("d Done", "s Snooze", "w Write", "x Dismiss"):
            assert key in footer, (key, footer)
        assert "Move on" not in footer
        await go_to(pilot, ("followup", 1))
        footer = screen_text(app).splitlines()[-1]
        assert "d Done" in footer and "s Snooze" in footer and "w Write" in footer
        assert "Move on" not in footer and "Dismiss" not in footer


async def test_m_moves_on_and_ctrl_z_waits_again(loop_db) -> None:
    app = make_app(loop_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        await go_to(pilot, ("waiting", BOB))
        before = app.store.generation
        await pilot.press("m")
        await wait_for_generation(pilot, before)
        assert read_db(loop_db)["contacts"][str(BOB)]["moved_on"] == "2026-11-25"
        assert "Moved on from Bob Smith: no reply (ctrl+z to undo)" in notifications(app)
        text = screen_text(app)
        assert "Bob Smith has not replied" not in text
        assert "Waiting for a reply (2)" in text

        before = app.store.generation
        await pilot.press("ctrl+z")
        await wait_for_generation(pilot, before)
        assert read_db(loop_db)["contacts"][str(BOB)]["moved_on"] is None
        assert "Bob Smith has not replied: move on" in screen_text(app)


async def test_m_on_another_row_moves_nobody_on(loop_db) -> None:
    app = make_app(loop_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        await go_to(pilot, ("loop", 0))
        before = read_db(loop_db)
        await pilot.press("m")
        await settle(pilot)
        assert read_db(loop_db) == before


async def test_d_tells_them_in_one_change_and_ctrl_z_takes_it_all_back(loop_db) -> None:
    app = make_app(loop_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        await go_to(pilot, ("loop", 0))  # Tell Bob Smith you reached out to Priya Patel
        notes_before = len(read_db(loop_db)["notes"])
        before = app.store.generation
        await pilot.press("d")
        await wait_for_generation(pilot, before)
        data = read_db(loop_db)
        assert loop_docs(loop_db)[KEY_PRIYA_INTRO]["state"] == "done"
        told = [n for n in data["notes"].values() if n["contact_id"] == BOB and n["kind"] == "note"]
        assert [(n["text"], n["date"]) for n in told] == [
            ("Told them I reached out to Priya Patel", "2026-11-25")
        ]
        assert "Done: Tell Bob Smith you reached out to Priya Patel" in notifications(app)
        text = screen_text(app)
        assert "Tell Bob Smith" not in text and "Close the loop (1)" in text

        before = app.store.generation
        await pilot.press("ctrl+z")  # one undo: the note and the state together
        await wait_for_generation(pilot, before)
        assert len(read_db(loop_db)["notes"]) == notes_before
        assert KEY_PRIYA_INTRO not in loop_docs(loop_db)
        assert "Tell Bob Smith you reached out to Priya Patel" in screen_text(app)


async def test_x_dismisses_the_item_and_ctrl_z_brings_it_back(loop_db) -> None:
    app = make_app(loop_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        await go_to(pilot, ("loop", 1))  # Tell Jane Doe you reached out to Zoë Martin
        before = app.store.generation
        await pilot.press("x")
        await wait_for_generation(pilot, before)
        doc = loop_docs(loop_db)[KEY_ZOE_INTRO]
        assert (doc["state"], doc["until"]) == ("dismissed", None)
        assert "Dismissed: Tell Jane Doe you reached out to Zoë Martin" in notifications(app)
        assert "Tell Jane Doe" not in screen_text(app)
        # Nothing else was written: no note on Jane.
        notes = read_db(loop_db)["notes"].values()
        assert not [n for n in notes if n["contact_id"] == JANE and n["text"].startswith("Told")]

        before = app.store.generation
        await pilot.press("ctrl+z")
        await wait_for_generation(pilot, before)
        assert KEY_ZOE_INTRO not in loop_docs(loop_db)
        assert "Tell Jane Doe you reached out to Zoë Martin" in screen_text(app)


async def test_s_snoozes_the_item_until_the_day_picked(loop_db) -> None:
    app = make_app(loop_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        await go_to(pilot, ("loop", 1))
        await pilot.press("s")
        await wait_for_screen(pilot, SnoozeScreen)
        before = app.store.generation
        await pilot.press("3")  # +1 week
        await wait_for_generation(pilot, before)
        doc = loop_docs(loop_db)[KEY_ZOE_INTRO]
        assert (doc["state"], doc["until"]) == ("snoozed", "2026-12-02")
        assert "Snoozed until Wed 2 Dec: Tell Jane Doe you reached out to Zoë Martin" in (
            notifications(app)
        )
        assert "Tell Jane Doe" not in screen_text(app)

        before = app.store.generation
        await pilot.press("ctrl+z")
        await wait_for_generation(pilot, before)
        assert KEY_ZOE_INTRO not in loop_docs(loop_db)
        assert "Tell Jane Doe you reached out to Zoë Martin" in screen_text(app)


async def test_escape_from_the_snooze_dialog_writes_nothing(loop_db) -> None:
    app = make_app(loop_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        await go_to(pilot, ("loop", 0))
        before = read_db(loop_db)
        await pilot.press("s")
        await wait_for_screen(pilot, SnoozeScreen)
        await pilot.press("escape")
        await wait_for_screen(pilot, ReviewScreen)
        await settle(pilot)
        assert read_db(loop_db) == before


async def test_s_and_d_do_nothing_on_a_waiting_row(loop_db) -> None:
    """Nothing to mark done or to put off while a reply is awaited (w and m are the keys)."""
    app = make_app(loop_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        await go_to(pilot, ("waiting", ZOE))
        before = read_db(loop_db)
        await pilot.press("s", "d")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert read_db(loop_db) == before


@pytest.mark.parametrize(("key", "person"), [(("waiting", PRIYA), PRIYA), (("loop", 0), BOB)])
async def test_enter_opens_the_person(loop_db, key, person) -> None:
    app = make_app(loop_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        await go_to(pilot, key)
        await pilot.press("enter")
        screen = await wait_for_screen(pilot, ContactScreen)
        assert screen.contact_id == person


async def test_a_name_that_looks_like_markup_is_shown_as_written(loop_db) -> None:
    store = Store.open(loop_db, clock=CLOCK)
    contact = store.contact(ZOE)
    store.update_contact(replace(contact, name="Zoë [b]Martin[/b]"), contact)
    app = make_app(loop_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        assert "Follow up once with Zoë [b]Martin[/b]" in screen_text(app)


# --- w: the draft for the row ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "person", "kind", "heading"),
    [
        # 7 business days: the one follow-up to Zoë.
        (("waiting", ZOE), ZOE, "follow-up", "Zoë Martin"),
        # 3 business days: a first message to the next person in at Acme Corp.
        (("waiting", PRIYA), JANE, "outreach", "Jane Doe"),
        # Moving on: the follow-up draft is still one key away.
        (("waiting", BOB), BOB, "follow-up", "Bob Smith"),
        # The update for the referrer.
        (("loop", 0), BOB, "update", "Bob Smith"),
    ],
)
async def test_w_opens_the_draft_the_row_calls_for(loop_db, row, person, kind, heading) -> None:
    from netui.ui.screens.draft import DraftScreen

    app = make_app(loop_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        await go_to(pilot, row)
        await pilot.press("w")
        screen = await wait_for_screen(pilot, DraftScreen)
        await settle(pilot)
        assert (screen.contact_id, str(screen.kind)) == (person, kind)
        first_line = screen_text(app).splitlines()[0]
        assert heading in first_line, first_line
        await pilot.press("escape")
        await wait_for_screen(pilot, ReviewScreen)


@pytest.mark.parametrize(
    ("row", "person", "kind"),
    [
        (("thanks", DANA), DANA, "thanks"),  # met yesterday: the thank-you is due
        # Jane's overdue follow-up: Jane is owed news of Zoë (drafts.draft_for decides).
        (("followup", 1), JANE, "update"),
    ],
)
async def test_w_on_another_row_opens_what_is_due_for_that_person(
    loop_db, row, person, kind
) -> None:
    from netui.ui.screens.draft import DraftScreen

    app = make_app(loop_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        await go_to(pilot, row)
        await pilot.press("w")
        screen = await wait_for_screen(pilot, DraftScreen)
        await settle(pilot)
        assert (screen.contact_id, str(screen.query_one("#kind").value)) == (person, kind)
