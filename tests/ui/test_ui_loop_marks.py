"""The loop's small marks in the app (issue 14): how a person answers ("replies fast",
"replies late", "no reply") on the contact page and the prep sheet and as the `/` term
`reply:`; `v` marks a follow-up as acting on its contact's advice (★), `#advice` in the
quick-add bar says so; ctrl+k's outreach kind says what it will save."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from netkit import (
    BOB,
    CARLOS,
    CLOCK,
    F_PORTFOLIO,
    JANE,
    PRIYA,
    ZOE,
    flat,
    make_app,
    notifications,
    paste,
    read_db,
    screen_text,
    settle,
    type_text,
    wait_for_generation,
    wait_for_screen,
    wait_until,
)
from test_ui_edit import select_contact
from textual.widgets import Static

from netui.model import Note, NoteKind
from netui.store import Store
from netui.ui.dialogs.quick_add import QuickAddScreen
from netui.ui.screens.contact import ContactScreen
from netui.ui.screens.prep import PrepScreen
from netui.ui.widgets.virtual_list import VirtualList


@pytest.fixture
def replies_db(db: Path) -> Path:
    """Bob answered in 2 business days (fast), Zoë in 10 (late); Carlos never did and the
    user moved on."""
    store = Store.open(db, clock=CLOCK)
    for contact, sent, answered in (
        (BOB, date(2026, 11, 16), date(2026, 11, 18)),
        (ZOE, date(2026, 11, 2), date(2026, 11, 16)),
        (CARLOS, date(2026, 11, 2), None),
    ):
        store.add_note(Note("first message", sent, contact, NoteKind.OUTREACH))
        if answered:
            store.add_note(Note("their answer", answered, contact, NoteKind.REPLY))
    store.mark_moved_on(CARLOS, date(2026, 11, 20))
    return db


def visible_keys(app) -> list[object]:
    listing = app.screen.query_one("#contacts-list", VirtualList)
    return [row.key for row in listing.rows if row.key is not None]


def preview(app) -> str:
    return str(app.screen.query_one("#preview", Static).render())


# --- responsiveness -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("contact_id", "label"), [(BOB, "replies fast"), (ZOE, "replies late"), (CARLOS, "no reply")]
)
async def test_the_contact_page_says_how_they_answer(
    replies_db: Path, contact_id: int, label: str
) -> None:
    app = make_app(replies_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.push_screen(ContactScreen(contact_id))
        await wait_for_screen(pilot, ContactScreen)
        await wait_until(pilot, lambda: f"Reply speed  {label}" in screen_text(app))


async def test_no_reply_speed_without_a_finished_clock(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.push_screen(ContactScreen(JANE))
        await wait_for_screen(pilot, ContactScreen)
        await wait_until(pilot, lambda: "Jane Doe" in screen_text(app))
        await settle(pilot)
        assert "Reply speed" not in screen_text(app)


async def test_the_prep_sheet_says_how_they_answer(replies_db: Path) -> None:
    app = make_app(replies_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.open_screen("prep", ZOE)
        await wait_for_screen(pilot, PrepScreen)
        await wait_until(pilot, lambda: "Reply speed:" in screen_text(app))
        line = next(x for x in screen_text(app).splitlines() if "Reply speed:" in x)
        assert "Reply speed: replies late" in flat(line)


@pytest.mark.parametrize(
    ("term", "expected"),
    [("reply:fast", [BOB]), ("reply:late", [ZOE]), ("reply:none", [CARLOS]), ("reply:", None)],
)
async def test_the_filter_takes_reply_terms(
    replies_db: Path, term: str, expected: list[int] | None
) -> None:
    app = make_app(replies_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, term)
        await settle(pilot)
        if expected is None:  # any label at all
            assert sorted(visible_keys(app)) == [BOB, ZOE, CARLOS]
        else:
            assert visible_keys(app) == expected


async def test_a_reply_logged_in_the_app_changes_the_filter(replies_db: Path) -> None:
    """The labels follow the data: Carlos answers after all (late), the filter sees it."""
    app = make_app(replies_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "reply:late")
        await settle(pilot)
        assert visible_keys(app) == [ZOE]
        before = app.store.generation
        await app.change(
            app.store.add_note,
            Note("sorry, just saw this", date(2026, 11, 24), CARLOS, NoteKind.REPLY),
        )
        await wait_for_generation(pilot, before)
        await wait_until(pilot, lambda: sorted(visible_keys(app)) == [ZOE, CARLOS])


# --- advice -------------------------------------------------------------------------------


async def test_v_marks_a_follow_up_as_advice_and_back(app, db: Path) -> None:
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("2")
        followups = app.screen.query_one("#followups-list", VirtualList)
        assert followups.select_key(F_PORTFOLIO)
        await settle(pilot)
        before = app.store.generation
        await pilot.press("v")
        await wait_for_generation(pilot, before)
        assert read_db(db)["followups"][str(F_PORTFOLIO)]["advice"] is True
        await wait_until(pilot, lambda: "★ send the portfolio" in screen_text(app))
        assert "★ Acting on Jane Doe's advice: send the portfolio" in notifications(app)

        before = app.store.generation
        await pilot.press("v")
        await wait_for_generation(pilot, before)
        assert read_db(db)["followups"][str(F_PORTFOLIO)]["advice"] is False
        await wait_until(pilot, lambda: "★ send the portfolio" not in screen_text(app))


async def test_v_is_a_follow_up_key_only(app, db: Path) -> None:
    before = db.read_bytes()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "v Advice" not in screen_text(app)  # Contacts focused
        await pilot.press("v")
        await settle(pilot)
    assert db.read_bytes() == before


async def test_the_bar_previews_advice(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await select_contact(pilot, JANE)
        await pilot.press("f")  # (prefilled "Jane Doe: ")
        await wait_for_screen(pilot, QuickAddScreen)
        await paste(pilot, "read Inspired #advice")
        await settle(pilot)
        assert preview(app) == (
            "→ follow-up for Jane Doe: read Inspired — due Wed 2 Dec (in a week) "
            "(acting on Jane's advice)"
        )


# --- ctrl+k: outreach ---------------------------------------------------------------------


async def test_ctrl_k_reaches_outreach_and_says_so(app, db: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await select_contact(pilot, PRIYA)
        await pilot.press("n")  # (prefilled "Priya Patel: ")
        await wait_for_screen(pilot, QuickAddScreen)
        await paste(pilot, "intro email")
        for _ in range(6):  # note → meeting, call, coffee, event, email, outreach
            await pilot.press("ctrl+k")
        await settle(pilot)
        assert preview(app) == "→ outreach note for Priya Patel on Wed 25 Nov: intro email"
        await pilot.press("ctrl+k")
        await settle(pilot)
        assert preview(app) == "→ reply note for Priya Patel on Wed 25 Nov: intro email"
        for _ in range(7):  # round to outreach again
            await pilot.press("ctrl+k")
        await settle(pilot)
        before = app.store.generation
        await pilot.press("enter")
        await wait_for_generation(pilot, before)
    notes = [n for n in read_db(db)["notes"].values() if n["contact_id"] == PRIYA]
    assert [(n["kind"], n["text"]) for n in notes] == [("outreach", "intro email")]


async def test_the_bar_saves_advice(app, db: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await select_contact(pilot, JANE)
        await pilot.press("f")
        await wait_for_screen(pilot, QuickAddScreen)
        await paste(pilot, "read Inspired #advice")
        before = app.store.generation
        await pilot.press("enter")
        await wait_for_generation(pilot, before)
    saved = [f for f in read_db(db)["followups"].values() if f["text"] == "read Inspired"]
    assert [f["advice"] for f in saved] == [True]
