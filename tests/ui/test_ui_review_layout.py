"""The daily review at every size, its labelled bars, its keys, its leads after a big
import, and the referral tree's header at 80 and 40 columns.

At 40x12 the list of the day comes first and fills the screen; the summary lines and the
goals scroll below it. `e` edits the goals; `g`, as in every list, goes to the first row.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from netkit import (
    CLOCK,
    F_PORTFOLIO,
    PRIYA,
    TODAY,
    ZOE,
    make_app,
    screen_text,
    settle,
    wait_for_screen,
    wait_until,
)

from netui.demo import load_demo
from netui.model import Contact
from netui.store import Store
from netui.ui.dialogs.goals import GoalsScreen
from netui.ui.screens.referrals import ReferralsScreen
from netui.ui.screens.review import ReviewScreen

IMPORTED = 300
"""LinkedIn connections nobody referred, added to the fixed network in one import."""


async def open_review(pilot) -> ReviewScreen:
    await settle(pilot)
    await pilot.press("r")
    screen = await wait_for_screen(pilot, ReviewScreen)
    await settle(pilot)
    return screen


def review_keys(app) -> list[object]:
    return [row.key for row in app.screen.query_one("#review-list").rows if row.key is not None]


def cursor_key(app) -> object:
    return app.screen.query_one("#review-list").cursor_key


def lines_of(app) -> list[str]:
    return [line.strip() for line in screen_text(app).splitlines()]


@pytest.fixture
def import_db(db: Path) -> Path:
    """The fixed network (Zoë and Priya are leads someone referred) after an import of
    300 LinkedIn connections nobody referred."""
    store = Store.open(db, clock=CLOCK)
    store.add_contacts(
        [
            Contact(
                f"Connection {i:03}",
                company="Initech",
                tags=("linkedin",),
                how_met="LinkedIn",
                created=datetime(2024, 3, 1 + i % 28, 9, 0),
            )
            for i in range(IMPORTED)
        ],
        "imported from LinkedIn",
    )
    return db


# --- sizes --------------------------------------------------------------------------------


async def test_at_40x12_the_list_of_the_day_comes_first(app) -> None:
    async with app.run_test(size=(40, 12)) as pilot:
        screen = await open_review(pilot)
        text = screen_text(app)
        for shown in ("Review — Wed 25 Nov 2026", "Overdue (1)", "Jane Doe", "send the p"):
            assert shown in text, shown
        assert "Due today (1)" in text and "Bob Smith" in text
        # The list takes the height there is; the goals are below, out of view.
        review_list = screen.query_one("#review-list")
        assert review_list.region.height >= 10
        assert "New contacts" not in text
        # tab reaches the scrolling body: the goals scroll into view.
        await pilot.press("tab")
        await settle(pilot)
        assert app.focused is screen.query_one("#review-body")
        await pilot.press("end")
        await wait_until(pilot, lambda: "New contacts" in screen_text(app))
        assert "Meetings: 2 this week — 2/2 ✓" in screen_text(app)
        assert "Follow-ups done" in screen_text(app)
        # And back to the list, on screen again.
        await pilot.press("shift+tab")
        await wait_until(pilot, lambda: "Overdue (1)" in screen_text(app))
        assert app.focused is review_list


async def test_at_80x24_the_rows_the_rhythm_and_the_goals_all_show(app) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        text = screen_text(app)
        rows = [
            "Overdue (1)",
            "Fri 20 Nov   Jane Doe               send the portfolio",
            "Due today (1)",
            "Thank-you notes owed (1)",
            "Going cold (1)",
            "Leads not contacted yet (2)",
            "Zoë Martin             @ Initech  via Jane Doe",
            "Priya Patel            @ Acme Corp  via Bob Smith",
            "Keep in touch: ● 1 going cold  ·  ○ 0 due for a touch",
            "New contacts: 5/5 ✓",
            "Meetings: 2/2 ✓",
            "Follow-ups done: 1/5",
        ]
        positions = [text.find(row) for row in rows]
        assert -1 not in positions, [row for row in rows if row not in text]
        assert positions == sorted(positions)
        # Nothing to scroll: the body is no stop for tab.
        assert not screen.query_one("#review-body").allow_focus()


async def test_at_120x40_the_heading_has_the_whole_date(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        assert "Daily review — Wednesday 25 November 2026" in screen_text(app)
        assert "Meetings: 2 this week — 2/2 ✓" in screen_text(app)


# --- the bars -----------------------------------------------------------------------------


async def test_the_bars_say_what_they_count_and_which_weeks(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        lines = lines_of(app)
        # What is counted: per week, the last 8; each count named.
        assert any("Per week, the last 8 · this week vs goal" in line for line in lines)
        assert any("e: edit the goals" in line for line in lines)
        # Under the bars: the Monday of the first week at the left, this week at the right,
        # three times (new contacts, meetings, follow-ups done).
        [axis] = [line for line in lines if "week of Mon 5 Oct" in line]
        assert axis.count("week of Mon 5 Oct") == 3 and axis.count("this week") == 3
        [counts] = [line for line in lines if "New contacts:" in line]
        assert "Meetings:" in counts and "Follow-ups done:" in counts


async def test_at_80_columns_the_bars_keep_short_labels_alike(app) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_review(pilot)
        [axis] = [line for line in lines_of(app) if "this week" in line and "Oct" in line]
        assert axis.count("5 Oct") == 3 and axis.count("this week") == 3


async def test_at_40_columns_the_bars_stand_one_above_the_other(app) -> None:
    async with app.run_test(size=(40, 30)) as pilot:
        await open_review(pilot)
        lines = lines_of(app)
        counts = [i for i, line in enumerate(lines) if line.startswith("│ New contacts")]
        meetings = [i for i, line in enumerate(lines) if line.startswith("│ Meetings")]
        assert counts and meetings and meetings[0] > counts[0]
        assert sum("this week" in line and "Oct" in line for line in lines) == 3


# --- keys ---------------------------------------------------------------------------------


async def test_e_edits_the_goals_and_g_goes_to_the_first_row(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        assert "e Goals" in screen_text(app)  # the footer
        await pilot.press("G")
        await settle(pilot)
        assert cursor_key(app) == ("lead", PRIYA)
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)  # no goals form
        assert cursor_key(app) == ("followup", F_PORTFOLIO)
        await pilot.press("e")
        await wait_for_screen(pilot, GoalsScreen)
        await pilot.press("escape")
        await wait_for_screen(pilot, ReviewScreen)


# --- leads after an import ----------------------------------------------------------------


async def test_after_an_import_the_referred_leads_show_and_the_rest_is_one_line(
    import_db: Path,
) -> None:
    app = make_app(import_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        text = screen_text(app)
        assert f"Leads not contacted yet ({IMPORTED + 2})" in text
        assert "Zoë Martin             @ Initech  via Jane Doe" in text
        assert "Priya Patel            @ Acme Corp  via Bob Smith" in text
        assert "+ 300 more leads       nobody referred: L lists them" in text
        assert "Connection" not in text
        leads = [key for key in review_keys(app) if key[0] == "lead"]
        assert leads == [("lead", ZOE), ("lead", PRIYA)]
        assert "L Leads" in text  # the footer

        await pilot.press("L")
        await wait_until(pilot, lambda: len(review_keys(app)) > IMPORTED)
        assert cursor_key(app) == ("more-leads", 0)
        leads = [key for key in review_keys(app) if key[0] == "lead"]
        assert len(leads) == IMPORTED + 2 and leads[:2] == [("lead", ZOE), ("lead", PRIYA)]
        assert "− 300 leads            nobody referred, listed below: L folds them" in (
            screen_text(app)
        )
        await pilot.press("down")
        await settle(pilot)
        assert "Connection" in screen_text(app)

        # enter on the count line folds them again, as L does.
        await pilot.press("up", "enter")
        await wait_until(pilot, lambda: len(review_keys(app)) < IMPORTED)
        assert "+ 300 more leads" in screen_text(app)
        # d and s on the count line change nothing and say what to do.
        before = import_db.read_bytes()
        await pilot.press("d", "s")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
    assert import_db.read_bytes() == before


async def test_without_an_import_there_is_no_count_line_and_no_L(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        text = screen_text(app)
        assert "nobody referred" not in text and "L Leads" not in text


# --- the referral tree's header -----------------------------------------------------------


async def open_demo_referrals(tmp_path: Path, size: tuple[int, int]):
    store = Store.open(tmp_path / "demo.json", clock=CLOCK)
    load_demo(store, TODAY)
    return make_app(store.path), size


def header_lines(app) -> list[str]:
    """The summary above the tree: people and trees, longest chain, companies reached."""
    lines = [line.rstrip() for line in screen_text(app).splitlines()]
    start = next(i for i, line in enumerate(lines) if "referral tree" in line)
    return [line.strip() for line in lines[start : start + 3]]


@pytest.mark.parametrize("width", [80, 120])
async def test_the_referral_header_reads_well_at_80_and_120_columns(
    tmp_path: Path, width: int
) -> None:
    app, size = await open_demo_referrals(tmp_path, (width, 24))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        app.push_screen(ReferralsScreen())
        await wait_for_screen(pilot, ReferralsScreen)
        await settle(pilot)
        people, chain, companies = header_lines(app)
        assert people.endswith("referral trees")
        assert chain.startswith("Longest chain: ") and chain.endswith(")")
        assert companies.startswith("Companies reached (")
        # One line each, cut between names, saying how many it left out: never a comma
        # (or an ellipsis) at the end.
        assert not companies.endswith((",", "…")), companies
        total = int(companies.split("(")[1].split(")")[0])
        names = companies.split(": ", 1)[1]
        if " more" in names:
            shown, more = names.rsplit(", and ", 1)
            assert len(shown.split(", ")) + int(more.split()[0]) == total
        else:
            assert len(names.split(", ")) == total
        # The highlighted person's lines under the tree end cleanly too.
        detail = [line.strip() for line in screen_text(app).splitlines() if "through" in line]
        assert detail and not detail[0].endswith(",")


async def test_the_referral_header_at_40x12_keeps_one_line_each(tmp_path: Path) -> None:
    app, size = await open_demo_referrals(tmp_path, (40, 12))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        app.push_screen(ReferralsScreen())
        await wait_for_screen(pilot, ReferralsScreen)
        await settle(pilot)
        _people, chain, companies = header_lines(app)
        assert chain.startswith("Longest chain: ") and "→ … →" in chain
        assert companies.startswith("Companies reached (")
        assert not companies.endswith(",")
        # The tree keeps its rows: the detail lines give way in a short terminal.
        assert "Chain:" not in screen_text(app)
        assert "▼" in screen_text(app)
