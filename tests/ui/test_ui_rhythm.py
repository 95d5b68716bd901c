"""The keep-in-touch rhythm and the weekly progress in the app: due (○, warning colour) and
cold (●, error colour) in the Contacts pane, the review's counts, sections, suggestions
(`a` accepts one) and goals (`g` edits them), and the rhythm presets of the contact form."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from netkit import (
    CARLOS,
    CLOCK,
    JANE,
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
from textual.widgets import Input, Static

from netui.model import Contact, Note, NoteKind
from netui.store import Store
from netui.ui.dialogs.forms import ContactForm
from netui.ui.dialogs.goals import GoalsScreen
from netui.ui.screens.main import MainScreen
from netui.ui.screens.review import ReviewScreen
from netui.ui.widgets.contacts_pane import COLD_MARK, DUE_MARK

# Added by `rhythm_db` to the fixed network (today is Wednesday 25 November 2026).
DEE, TIA, SAM = 7, 8, 9


def add_rhythm_contacts(path: Path) -> None:
    """Dee is due (15 days into a 2-week rhythm), Tia is cold by her tag's default
    (1 month for #pm, added 2 months ago), and Sam went cold four times in a row."""
    store = Store.open(path, clock=CLOCK)
    dee, tia, sam = store.add_contacts(
        [
            Contact("Dee Due", cadence_days=14, created=datetime(2026, 11, 10, 9)),
            Contact("Tia Tagged", tags=("PM",), created=datetime(2026, 9, 20, 9)),
            Contact("Sam Streak", cadence_days=14, created=datetime(2026, 8, 1, 9)),
        ]
    )
    assert (dee.id, tia.id, sam.id) == (DEE, TIA, SAM)
    store.set_cadence_default("tags", "pm", 30)
    # 24, 26 and 25 days apart, then 41 days since: cold each time (at 21 days).
    for day in (date(2026, 8, 25), date(2026, 9, 20), date(2026, 10, 15)):
        store.add_note(Note("caught up", day, SAM, NoteKind.EMAIL))


@pytest.fixture
def rhythm_db(db: Path) -> Path:
    add_rhythm_contacts(db)
    return db


async def open_review(pilot) -> ReviewScreen:
    await settle(pilot)
    await pilot.press("r")
    screen = await wait_for_screen(pilot, ReviewScreen)
    await settle(pilot)
    return screen


async def focus_field(pilot, field_id: str) -> Input:
    screen = pilot.app.screen
    field = screen.query_one(f"#{field_id}", Input)
    for _ in range(30):
        if screen.focused is field:
            return field
        await pilot.press("tab")
    raise AssertionError(f"tab never reached #{field_id}")


async def replace_field(pilot, field_id: str, text: str) -> None:
    field = await focus_field(pilot, field_id)
    await pilot.press("end", "ctrl+u")
    await paste(pilot, text)
    await settle(pilot)
    assert field.value == text


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def row_colour(contacts_list, key: int):
    """The colour the Contacts list draws `key`'s row in."""
    index = [row.key for row in contacts_list.rows].index(key)
    strip = contacts_list.render_line(index + 1 - round(contacts_list.scroll_offset.y))
    return strip._segments[0].style.color


# --- the Contacts pane --------------------------------------------------------------------


async def test_due_and_cold_have_their_own_marker_and_colour(rhythm_db: Path) -> None:
    app = make_app(rhythm_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        contacts = app.screen.query_one("#contacts-list")
        rows = {row.key: row for row in contacts.rows}
        assert (rows[DEE].cells[0], rows[DEE].tone) == (DUE_MARK, "warning")
        assert (rows[CARLOS].cells[0], rows[CARLOS].tone) == (COLD_MARK, "error")
        assert (rows[TIA].cells[0], rows[TIA].tone) == (COLD_MARK, "error")  # the #pm default
        assert (rows[SAM].cells[0], rows[SAM].tone) == (COLD_MARK, "error")
        # Jane has a rhythm but follow-ups open (planned); Zoë has no rhythm.
        assert (rows[JANE].cells[0], rows[JANE].tone) == ("", "")
        assert (rows[ZOE].cells[0], rows[ZOE].tone) == ("", "")
        text = screen_text(app)
        assert "○ Dee Due" in text and "● Carlos Ruiz" in text and "● Tia Tagged" in text
        # Two colours, and neither is the plain one.
        due, cold, plain = (row_colour(contacts, key) for key in (DEE, CARLOS, ZOE))
        assert len({due, cold, plain}) == 3


async def test_a_note_takes_the_marker_away(rhythm_db: Path) -> None:
    app = make_app(rhythm_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        before = app.store.generation
        await app.change(app.store.add_note, Note("coffee", date(2026, 11, 25), DEE, NoteKind.CALL))
        await wait_for_generation(pilot, before)
        rows = {row.key: row for row in app.screen.query_one("#contacts-list").rows}
        assert (rows[DEE].cells[0], rows[DEE].tone) == ("", "")


# --- the review ---------------------------------------------------------------------------


async def test_the_review_counts_and_lists_due_and_cold(rhythm_db: Path) -> None:
    app = make_app(rhythm_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        assert text_of(app, "#rhythm") == (
            "Keep in touch: ● 3 going cold  ·  ○ 1 due for a touch  ·  1 longer rhythm suggested"
        )
        text = screen_text(app)
        lines = [
            "Going cold (3)",
            "Thu 1 Oct    Carlos Ruiz            last touch 55 days ago; rhythm 14 days",
            "Sun 20 Sep   Tia Tagged             last touch 66 days ago; rhythm 30 days",
            "Thu 15 Oct   Sam Streak             last touch 41 days ago; rhythm 14 days",
            "Due for a touch (1)",
            "Tue 10 Nov   Dee Due                last touch 15 days ago; rhythm 14 days",
            "A longer rhythm may suit (1)",
            "Sam Streak             cold 4 times in a row: every 2 weeks → every 1 month",
            "Leads not contacted yet",
        ]
        positions = [text.find(line) for line in lines]
        assert -1 not in positions, [line for line in lines if line not in text]
        assert positions == sorted(positions)
        keys = [row.key for row in app.screen.query_one("#review-list").rows if row.key]
        assert ("due", DEE) in keys and ("cold", TIA) in keys and ("suggest", SAM) in keys


async def test_the_review_shows_this_week_against_the_goals(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        assert text_of(app, "#count-contacts_added") == "New contacts: 5 this week — 5/5 ✓"
        assert text_of(app, "#count-meetings") == "Meetings: 2 this week — 2/2 ✓"
        assert text_of(app, "#count-followups_done") == "Follow-ups done: 1 this week — 1/5"
        text = screen_text(app)
        assert "Per week, the last 8 · this week vs goal" in text and "e: edit the goals" in text
        assert app.screen.query_one("#spark-meetings").data == [0, 0, 0, 0, 0, 0, 0, 2]
        # Only the one going cold (Carlos) in the fixed network; nothing to accept.
        assert text_of(app, "#rhythm") == "Keep in touch: ● 1 going cold  ·  ○ 0 due for a touch"
        assert "Longer rhythm" not in screen_text(app)


async def test_e_edits_the_goals_saved_on_disk(app, db: Path) -> None:
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_review(pilot)
        await pilot.press("e")
        form = await wait_for_screen(pilot, GoalsScreen)
        assert [form.query_one(f"#{f}", Input).value for f in ("contacts", "meetings")] == [
            "5",
            "2",
        ]
        await replace_field(pilot, "meetings", "lots")
        assert "the goal for meetings must be a number" in text_of(app, "#problem")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, GoalsScreen)  # refused: the form stays
        await replace_field(pilot, "meetings", "3")
        await replace_field(pilot, "followups", "1")
        before = app.store.generation
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, ReviewScreen)
        await wait_for_generation(pilot, before)
        assert read_db(db)["meta"]["1"]["goals"] == {"contacts": 5, "meetings": 3, "followups": 1}
        assert text_of(app, "#count-meetings") == "Meetings: 2 this week — 2/3"
        assert text_of(app, "#count-followups_done") == "Follow-ups done: 1 this week — 1/1 ✓"
        assert any("Weekly goals: 5 new contacts, 3 meetings" in n for n in notifications(app))
        # Undo puts the old goals back.
        before = app.store.generation
        await pilot.press("ctrl+z")
        await wait_for_generation(pilot, before)
        assert read_db(db)["meta"]["1"]["goals"] == {"contacts": 5, "meetings": 2, "followups": 5}


async def test_the_goals_are_in_the_command_palette(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_review(pilot)
        [command] = [c for c in screen.palette_commands() if "weekly goals" in c.title]
        command.callback()
        await wait_for_screen(pilot, GoalsScreen)
        await pilot.press("escape")
        await wait_for_screen(pilot, ReviewScreen)


async def test_escape_leaves_the_goals_unchanged(app, db: Path) -> None:
    before = db.read_bytes()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        await pilot.press("e")
        await wait_for_screen(pilot, GoalsScreen)
        await replace_field(pilot, "contacts", "9")
        await pilot.press("escape")
        await wait_for_screen(pilot, ReviewScreen)
        await settle(pilot)
    assert db.read_bytes() == before


async def test_a_accepts_the_longer_rhythm_saved_on_disk(rhythm_db: Path) -> None:
    app = make_app(rhythm_db)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_review(pilot)
        assert "a Longer rhythm" in screen_text(app)  # in the footer while there is one
        review_list = screen.query_one("#review-list")
        assert review_list.select_key(("cold", CARLOS))
        await pilot.press("a")  # not on a suggestion: says where to go, changes nothing
        await settle(pilot)
        assert any("A longer rhythm may suit" in n for n in notifications(app))
        assert review_list.select_key(("suggest", SAM))
        before = app.store.generation
        await pilot.press("a")
        await wait_for_generation(pilot, before)
        assert read_db(rhythm_db)["contacts"][str(SAM)]["cadence_days"] == 30
        assert "Sam Streak: keep in touch every 1 month" in notifications(app)
        # With a month's rhythm, 41 days since the last touch is due, not cold; and the
        # suggestion is gone (the gaps of 24 to 26 days were not cold for a month).
        keys = [row.key for row in review_list.rows if row.key]
        assert ("due", SAM) in keys
        assert ("suggest", SAM) not in keys and ("cold", SAM) not in keys
        assert "a Longer rhythm" not in screen_text(app)
        await pilot.press("escape")
        main = await wait_for_screen(pilot, MainScreen)
        await settle(pilot)
        rows = {row.key: row for row in main.query_one("#contacts-list").rows}
        assert (rows[SAM].cells[0], rows[SAM].tone) == (DUE_MARK, "warning")


# --- the contact form ---------------------------------------------------------------------


async def edit_contact(pilot, contact_id: int) -> ContactForm:
    await settle(pilot)
    contacts = pilot.app.screen.query_one("#contacts-list")
    assert contacts.select_key(contact_id)
    await settle(pilot)
    await pilot.press("e")
    return await wait_for_screen(pilot, ContactForm)


@pytest.mark.parametrize(
    ("typed", "days", "preview"),
    [
        ("2w", 14, "→ every 2 weeks"),
        ("1m", 30, "→ every 1 month"),
        ("3 months", 90, "→ every 3 months"),
        ("6m", 180, "→ every 6 months"),
        ("45", 45, "→ every 45 days"),
    ],
)
async def test_the_rhythm_field_takes_the_presets(
    app, db: Path, typed: str, days: int, preview: str
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await edit_contact(pilot, ZOE)
        assert text_of(app, "#cadence-preview") == "→ no rhythm"
        await replace_field(pilot, "cadence", typed)
        assert text_of(app, "#cadence-preview") == preview
        before = app.store.generation
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, MainScreen)
        await wait_for_generation(pilot, before)
    assert read_db(db)["contacts"][str(ZOE)]["cadence_days"] == days


async def test_an_empty_rhythm_says_which_default_applies(rhythm_db: Path) -> None:
    app = make_app(rhythm_db)
    async with app.run_test(size=(120, 40)) as pilot:
        form = await edit_contact(pilot, TIA)
        assert form.query_one("#cadence", Input).value == ""
        assert (
            text_of(app, "#cadence-preview") == "→ none of their own: every 1 month (the default)"
        )
        await replace_field(pilot, "tags", "design")
        assert text_of(app, "#cadence-preview") == "→ no rhythm"
        await replace_field(pilot, "cadence", "often")
        assert "or 2w, 1m, 3m, 6m" in text_of(app, "#problem")
        await pilot.press("escape")
        await wait_for_screen(pilot, MainScreen)


async def test_the_contact_page_and_the_prep_sheet_say_the_default_rhythm(
    rhythm_db: Path,
) -> None:
    """Tia has no rhythm of her own; the review calls her cold by #pm's 1 month: the
    contact page and the prep sheet say the same rhythm, and where it comes from."""
    from netkit import screen_text

    from netui.ui.screens.contact import ContactScreen
    from netui.ui.screens.prep import PrepScreen

    app = make_app(rhythm_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#contacts-list").select_key(TIA)
        await settle(pilot)
        await pilot.press("enter")
        await wait_for_screen(pilot, ContactScreen)
        await settle(pilot)
        assert "Rhythm  every 1 month (the default for #PM)" in screen_text(app)
        await pilot.press("escape")
        await wait_for_screen(pilot, MainScreen)
        await pilot.press("p")
        await wait_for_screen(pilot, PrepScreen)
        await settle(pilot)
        assert "every month (the default for #PM)" in " ".join(screen_text(app).split())
