"""The daily review (`r`): its sections, the all-clear, and `d`/`s`/`enter`/`n` on rows."""

from __future__ import annotations

import json
from pathlib import Path

from netkit import (
    BOB,
    CARLOS,
    DANA,
    F_PORTFOLIO,
    JANE,
    PRIYA,
    ZOE,
    make_app,
    notifications,
    paste,
    read_db,
    screen_text,
    settle,
    wait_for_generation,
    wait_for_screen,
)
from textual.widgets import Input

from netui.ui.dialogs.quick_add import QuickAddScreen
from netui.ui.dialogs.snooze import SnoozeScreen
from netui.ui.screens.contact import ContactScreen
from netui.ui.screens.main import MainScreen
from netui.ui.screens.review import ReviewScreen


async def open_review(pilot) -> ReviewScreen:
    await settle(pilot)
    await pilot.press("r")
    return await wait_for_screen(pilot, ReviewScreen)


async def go_to(pilot, key: tuple[str, int]) -> None:
    review_list = pilot.app.screen.query_one("#review-list")
    assert review_list.select_key(key), f"{key} is not on the review"
    await settle(pilot)


def review_keys(app) -> list[object]:
    return [row.key for row in app.screen.query_one("#review-list").rows if row.key is not None]


async def test_r_shows_every_section_of_the_day(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        text = screen_text(app)
        assert "Daily review — Wednesday 25 November 2026" in text
        lines = [
            "Overdue (1)",
            "Fri 20 Nov   Jane Doe               send the portfolio",
            "Due today (1)",
            "Wed 25 Nov   Bob Smith              ask about the team",
            "Thank-you notes owed (1)",
            "Tue 24 Nov   Dana Lee               met yesterday: send a thank-you (d when sent)",
            "Going cold (1)",
            "Thu 1 Oct    Carlos Ruiz            last touch 55 days ago; rhythm 14 days",
            "Leads not contacted yet (2)",
            "Zoë Martin             @ Initech  via Jane Doe",
            "Priya Patel            @ Acme Corp  via Bob Smith",
        ]
        positions = [text.find(line) for line in lines]
        assert -1 not in positions, [line for line in lines if line not in text]
        assert positions == sorted(positions)  # in this order
        assert "All clear" not in text
        # This week's counts.
        assert "Meetings: 2 this week" in text
        assert "Follow-ups done: 1 this week" in text


async def test_an_empty_network_is_all_clear(empty_db: Path) -> None:
    app = make_app(empty_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        text = screen_text(app)
        assert "✓ All clear: nothing overdue, due today, owed or going cold." in text
        assert "Nothing to do today." in text
        # Keys on an empty list do nothing, and don't crash.
        await pilot.press("d", "s", "enter", "n")
        await settle(pilot)
        if isinstance(app.screen, QuickAddScreen):  # n with no row: a blank note bar
            assert app.screen.query_one(Input).value == ""
            await pilot.press("escape")
        await wait_for_screen(pilot, ReviewScreen)
        await pilot.press("escape")
        await wait_for_screen(pilot, MainScreen)
    assert not empty_db.exists()


async def test_d_on_an_overdue_row_marks_it_done(app, db: Path) -> None:
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_review(pilot)
        await go_to(pilot, ("followup", F_PORTFOLIO))
        before = app.store.generation
        await pilot.press("d")
        await wait_for_generation(pilot, before)
        assert read_db(db)["followups"][str(F_PORTFOLIO)]["done"] == "2026-11-25T09:00:00"
        text = screen_text(app)
        assert "Overdue" not in text and "Done ✓" in text
        assert ("followup", F_PORTFOLIO) not in review_keys(app)


async def test_d_on_a_thank_you_logs_it(app, db: Path) -> None:
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_review(pilot)
        await go_to(pilot, ("thanks", DANA))
        before = app.store.generation
        await pilot.press("d")
        await wait_for_generation(pilot, before)
        assert "Thank-you logged" in notifications(app)
        assert "Thank-you notes owed" not in screen_text(app)
    notes = [n for n in read_db(db)["notes"].values() if n["contact_id"] == DANA]
    thanks = [n for n in notes if n["text"] == "Thank-you sent"]
    assert [(n["kind"], n["date"]) for n in thanks] == [("email", "2026-11-25")]


async def test_d_on_a_lead_marks_them_contacted(app, db: Path) -> None:
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_review(pilot)
        await go_to(pilot, ("lead", PRIYA))
        before = app.store.generation
        await pilot.press("d")
        await wait_for_generation(pilot, before)
        assert "Priya Patel marked contacted" in notifications(app)
        assert "Leads not contacted yet (1)" in screen_text(app)
    assert read_db(db)["contacts"][str(PRIYA)]["status"] == "contacted"


async def test_d_on_a_cold_contact_explains_what_to_do(app, db: Path) -> None:
    before_bytes = db.read_bytes()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_review(pilot)
        await go_to(pilot, ("cold", CARLOS))
        await pilot.press("d")
        await settle(pilot)
        assert "Log the interaction with n, or plan one with s" in notifications(app)
    assert db.read_bytes() == before_bytes


async def test_s_on_an_overdue_row_snoozes_it(app, db: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        await go_to(pilot, ("followup", F_PORTFOLIO))
        await pilot.press("s")
        await wait_for_screen(pilot, SnoozeScreen)
        before = app.store.generation
        await pilot.press("down", "down", "enter")  # +1 week
        await wait_for_screen(pilot, ReviewScreen)
        await wait_for_generation(pilot, before)
        assert "Overdue" not in screen_text(app)
    assert read_db(db)["followups"][str(F_PORTFOLIO)]["due"] == "2026-12-02"


async def test_s_on_a_cold_contact_plans_a_follow_up(app, db: Path) -> None:
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_review(pilot)
        await go_to(pilot, ("cold", CARLOS))
        await pilot.press("s")
        await wait_for_screen(pilot, SnoozeScreen)
        assert "Snooze: Get back in touch" in screen_text(app)
        before = app.store.generation
        await pilot.press("down", "down", "enter")  # +1 week
        await wait_for_screen(pilot, ReviewScreen)
        await wait_for_generation(pilot, before)
        assert "Planned for Wed 2 Dec: Get back in touch" in notifications(app)
        assert "Going cold" not in screen_text(app)
    planned = [f for f in read_db(db)["followups"].values() if f["contact_id"] == CARLOS]
    assert [(f["text"], f["due"]) for f in planned] == [("Get back in touch", "2026-12-02")]


async def test_enter_opens_the_row_s_contact(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        for key, contact in (
            (("followup", F_PORTFOLIO), JANE),
            (("thanks", DANA), DANA),
            (("cold", CARLOS), CARLOS),
            (("lead", ZOE), ZOE),
        ):
            await go_to(pilot, key)
            await pilot.press("enter")
            page = await wait_for_screen(pilot, ContactScreen)
            assert page.contact_id == contact
            await pilot.press("escape")
            await wait_for_screen(pilot, ReviewScreen)


async def test_n_logs_a_note_for_the_row_s_contact(app, db: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        await go_to(pilot, ("followup", 2))  # due today, Bob's
        await pilot.press("n")
        await wait_for_screen(pilot, QuickAddScreen)
        assert app.screen.query_one(Input).value == "Bob Smith: "
        await paste(pilot, "asked about the team")
        before = app.store.generation
        await pilot.press("enter")
        await wait_for_screen(pilot, ReviewScreen)
        await wait_for_generation(pilot, before)
    notes = [n for n in read_db(db)["notes"].values() if n["text"] == "asked about the team"]
    assert [(n["contact_id"], n["date"]) for n in notes] == [(BOB, "2026-11-25")]


async def test_r_and_escape_go_back_and_undo_works_in_the_review(app, db: Path) -> None:
    original = db.read_bytes()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_review(pilot)
        await go_to(pilot, ("lead", ZOE))
        before = app.store.generation
        await pilot.press("d")
        await wait_for_generation(pilot, before)
        assert read_db(db)["contacts"][str(ZOE)]["status"] == "contacted"
        before = app.store.generation
        await pilot.press("ctrl+z")
        await wait_for_generation(pilot, before)
        assert read_db(db)["contacts"][str(ZOE)]["status"] == "lead"
        assert "Leads not contacted yet (2)" in screen_text(app)
        await pilot.press("r")
        await wait_for_screen(pilot, MainScreen)
        await pilot.press("r")
        await wait_for_screen(pilot, ReviewScreen)
        await pilot.press("escape")
        await wait_for_screen(pilot, MainScreen)
    data, was = read_db(db), json.loads(original)
    for table in ("contacts", "followups", "notes"):
        assert data[table] == was[table]
