"""The Duplicates screen (command palette, `D` on the review): the pairs that may be one
person with the reason and score; `m`/`M` merge after showing what the merge does (one
change: ctrl+z brings both back), `n` keeps a pair apart for good, `enter` opens the
first contact; and the review's line, shown only when there are pairs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from netkit import (
    CLOCK,
    JANE,
    make_app,
    notifications,
    read_db,
    screen_text,
    settle,
    type_text,
    wait_for_generation,
    wait_for_screen,
    wait_until,
)

from netui.model import Contact, FollowUp
from netui.store import Store
from netui.ui.dialogs.confirm import ConfirmScreen
from netui.ui.screens.contact import ContactScreen
from netui.ui.screens.duplicates import DuplicatesScreen
from netui.ui.screens.main import MainScreen
from netui.ui.screens.review import ReviewScreen

TWIN = 7
"""The id of the second Jane Doe (`with_twin`)."""
REASON = "same email, same name, same company"


@pytest.fixture
def with_twin(db: Path) -> Path:
    """The fixed network and Jane Doe again, as a vCard import would bring her: the same
    email written otherwise, her company without 'Corp', a phone, one follow-up."""
    store = Store.open(db, clock=CLOCK)
    twin = store.add_contact(
        Contact("Jane Doe", company="Acme", email="Jane@Acme.com", phone="+1 408 555 0101")
    )
    assert twin.id == TWIN
    store.add_followup(FollowUp("ask for the portfolio link", date(2026, 12, 1), TWIN))
    return db


def followups_of(path: Path, contact_id: int) -> list[str]:
    return sorted(
        doc["text"]
        for doc in read_db(path)["followups"].values()
        if doc["contact_id"] == contact_id
    )


async def open_duplicates(pilot) -> DuplicatesScreen:
    """Open the screen from the command palette, as a user would; wait for its pairs."""
    await settle(pilot)
    await pilot.press("ctrl+p")
    await type_text(pilot, "Duplicates")
    await pilot.pause(0.1)
    await pilot.press("enter")
    screen = await wait_for_screen(pilot, DuplicatesScreen)
    await wait_until(pilot, lambda: screen.found)
    await settle(pilot)
    return screen


async def workers_done(pilot) -> None:
    """Wait until no worker runs (a search, a count); a cancelled one is no failure."""
    await wait_until(pilot, lambda: not any(w.is_running for w in pilot.app.workers))
    await settle(pilot)


def pair_keys(screen: DuplicatesScreen) -> list[object]:
    return [row.key for row in screen.pair_list.rows]


async def test_the_palette_opens_the_pairs_with_their_reason_and_score(with_twin: Path) -> None:
    app = make_app(with_twin)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_duplicates(pilot)
        assert pair_keys(screen) == [(JANE, TWIN)]
        text = screen_text(app)
        assert "Duplicates — 1 pair that may be one person" in text
        assert "Jane Doe [id 1] (Acme Corp)" in text
        assert "Jane Doe [id 7] (Acme)" in text
        assert REASON in text
        assert " 100 " in text and f"Why: {REASON} (score 100)" in text
        # What each key keeps, to choose between them.
        assert "m keeps Jane Doe [id 1] · Design Lead · Acme Corp · jane@acme.com" in text
        assert "M keeps Jane Doe [id 7] · Acme · Jane@Acme.com · +1 408 555 0101" in text
        assert "2 follow-ups, 2 notes" in text and "1 follow-up, 0 notes" in text
        assert " Open  esc Back " in text  # (enter shows as Textual draws it)
        for key in ("m Merge", "M Merge, keep 2nd", "n Not a duplicate", "^z Undo"):
            assert key in text


async def test_m_shows_the_merge_then_makes_it_and_ctrl_z_undoes_it(with_twin: Path) -> None:
    app = make_app(with_twin)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_duplicates(pilot)
        before = with_twin.read_bytes()
        await pilot.press("m")
        confirm = await wait_for_screen(pilot, ConfirmScreen)
        question = str(confirm.query_one("#question").render())
        assert question.startswith("Merge Jane Doe [id 7] into Jane Doe [id 1]?")
        assert "• phone: (none) → +1 408 555 0101" in question
        assert "• moves 1 follow-up, 0 notes, 0 people they referred to Jane Doe" in question
        assert question.endswith("ctrl+z undoes it.")
        assert with_twin.read_bytes() == before  # the dry run saved nothing

        generation = app.store.generation
        await pilot.press("y")
        screen = await wait_for_screen(pilot, DuplicatesScreen)
        await wait_for_generation(pilot, generation)
        await wait_until(pilot, lambda: pair_keys(screen) == [])
        contacts = read_db(with_twin)["contacts"]
        assert sorted(map(int, contacts)) == [1, 2, 3, 4, 5, 6]
        assert contacts["1"]["phone"] == "+1 408 555 0101"  # filled from the other
        assert followups_of(with_twin, JANE) == [
            "ask for the portfolio link",
            "check in after the interview",
            "send the portfolio",
        ]
        assert any(
            "Merged Jane Doe [id 7] into Jane Doe [id 1] (ctrl+z to undo)" in n
            for n in notifications(app)
        )
        assert "No likely duplicates" in screen_text(app)

        generation = app.store.generation
        await pilot.press("ctrl+z")
        await wait_for_generation(pilot, generation)
        await wait_until(pilot, lambda: pair_keys(screen) == [(JANE, TWIN)])
        contacts = read_db(with_twin)["contacts"]
        assert sorted(map(int, contacts)) == [1, 2, 3, 4, 5, 6, 7]
        assert contacts["1"]["phone"] == ""
        assert followups_of(with_twin, TWIN) == ["ask for the portfolio link"]


async def test_shift_m_keeps_the_second_contact(with_twin: Path) -> None:
    app = make_app(with_twin)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_duplicates(pilot)
        await pilot.press("M")
        confirm = await wait_for_screen(pilot, ConfirmScreen)
        question = str(confirm.query_one("#question").render())
        assert question.startswith("Merge Jane Doe [id 1] into Jane Doe [id 7]?")
        generation = app.store.generation
        await pilot.press("y")
        await wait_for_generation(pilot, generation)
        await wait_until(pilot, lambda: pair_keys(screen) == [])
    contacts = read_db(with_twin)["contacts"]
    assert "1" not in contacts and contacts["7"]["company"] == "Acme"
    assert len(followups_of(with_twin, TWIN)) == 3


async def test_cancelling_the_merge_saves_nothing(with_twin: Path) -> None:
    app = make_app(with_twin)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_duplicates(pilot)
        before = with_twin.read_bytes()
        await pilot.press("m")
        await wait_for_screen(pilot, ConfirmScreen)
        await pilot.press("escape")
        await wait_for_screen(pilot, DuplicatesScreen)
        await settle(pilot)
        assert pair_keys(screen) == [(JANE, TWIN)]
    assert with_twin.read_bytes() == before


async def test_n_keeps_the_pair_apart_and_it_stays_hidden(with_twin: Path) -> None:
    app = make_app(with_twin)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_duplicates(pilot)
        generation = app.store.generation
        await pilot.press("n")
        await wait_for_generation(pilot, generation)
        await wait_until(pilot, lambda: pair_keys(screen) == [])
        assert read_db(with_twin)["meta"]["1"]["not_duplicates"] == [[JANE, TWIN]]
        assert any(
            "Kept apart: Jane Doe [id 1] (Acme Corp) and Jane Doe [id 7] (Acme)" in n
            for n in notifications(app)
        )
        assert len(read_db(with_twin)["contacts"]) == 7  # nothing merged

        await pilot.press("escape")
        await wait_for_screen(pilot, MainScreen)
        screen = await open_duplicates(pilot)
        assert pair_keys(screen) == []
        assert "No likely duplicates" in screen_text(app)

    # And after a restart.
    app = make_app(with_twin)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_duplicates(pilot)
        assert pair_keys(screen) == []


async def test_enter_opens_the_first_contact_and_escape_goes_back(with_twin: Path) -> None:
    app = make_app(with_twin)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_duplicates(pilot)
        await pilot.press("enter")
        page = await wait_for_screen(pilot, ContactScreen)
        assert page.contact_id == JANE
        await pilot.press("escape")
        await wait_for_screen(pilot, DuplicatesScreen)
        await pilot.press("escape")
        await wait_for_screen(pilot, MainScreen)


async def test_the_review_says_when_there_are_duplicates_and_d_opens_them(
    with_twin: Path,
) -> None:
    app = make_app(with_twin)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        review = await wait_for_screen(pilot, ReviewScreen)
        await wait_until(pilot, lambda: review.duplicates == 1)
        await settle(pilot)
        text = screen_text(app)
        assert "⚠ 1 possible duplicate: D to review" in text
        assert "D Duplicates" in text  # the footer
        await pilot.press("D")
        screen = await wait_for_screen(pilot, DuplicatesScreen)
        await wait_until(pilot, lambda: screen.found)
        assert pair_keys(screen) == [(JANE, TWIN)]


async def test_the_review_has_no_duplicates_line_without_duplicates(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        review = await wait_for_screen(pilot, ReviewScreen)
        await workers_done(pilot)
        await settle(pilot)
        text = screen_text(app)
        assert review.duplicates == 0
        assert "possible duplicate" not in text and "Duplicates" not in text
        await pilot.press("D")  # does nothing here
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)


async def test_the_pairs_are_searched_once_until_a_contact_changes(
    with_twin: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`n` and a new follow-up change no contact: the next view keeps the pairs found
    (a second's search at 30,000 contacts); a merge changes contacts: searched again."""
    from netui.readmodel import View

    searches: list[int] = []
    find = View._find_duplicates

    def counted(view: View):  # type: ignore[no-untyped-def]
        searches.append(view.generation)
        return find(view)

    monkeypatch.setattr(View, "_find_duplicates", counted)
    app = make_app(with_twin)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_duplicates(pilot)
        assert len(searches) == 1
        store = app.store
        generation = store.generation
        await app.change(store.add_followup, FollowUp("call her", date(2026, 12, 2), JANE))
        await wait_for_generation(pilot, generation)
        await workers_done(pilot)
        assert pair_keys(screen) == [(JANE, TWIN)]
        assert len(searches) == 1

        generation = store.generation
        await app.change(store.add_contact, Contact("Zed Quill"))
        await wait_for_generation(pilot, generation)
        await wait_until(pilot, lambda: len(searches) == 2)
        await workers_done(pilot)
        assert pair_keys(screen) == [(JANE, TWIN)]
