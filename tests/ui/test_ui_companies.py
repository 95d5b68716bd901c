"""The companies screen: contacts grouped by company, targets marked with `t` and added
with `a` (saved in the `companies` table), the paths in, `enter` opening a person,
filtering, redraws and literal names.

In the fixed network (netkit), Acme Corp has Jane Doe (met) and Priya Patel (a lead Bob
Smith of Globex gave); Initech has Zoë Martin (a lead from Jane); Globex, Hooli and
Umbrella one person each. The lead binds a key and a palette command to the screen;
these tests push `CompaniesScreen` themselves.
"""

from __future__ import annotations

from pathlib import Path

from netkit import (
    BOB,
    CLOCK,
    JANE,
    PRIYA,
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

from netui.model import Contact, Status
from netui.store import Store
from netui.ui.screens.companies import AddTargetScreen, CompaniesScreen
from netui.ui.screens.contact import ContactScreen
from netui.ui.screens.main import MainScreen

SIZE = (120, 36)


async def open_companies(pilot) -> CompaniesScreen:
    await settle(pilot)
    pilot.app.push_screen(CompaniesScreen())
    screen = await wait_for_screen(pilot, CompaniesScreen)
    await settle(pilot)
    return screen


def company_rows(screen: CompaniesScreen) -> list[tuple[str, ...]]:
    """The rows of the companies list as shown (headings as one cell)."""
    return [row.cells for row in screen.company_list.rows]


def targets_on_disk(db: Path) -> dict[str, bool]:
    return {doc["name"]: doc["target"] for doc in read_db(db)["companies"].values()}


def in_order(text: str, lines: list[str]) -> None:
    positions = [text.find(line) for line in lines]
    assert -1 not in positions, [line for line in lines if line not in text]
    assert positions == sorted(positions), lines


async def test_companies_are_listed_with_their_people_and_paths_in(app) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_companies(pilot)
        assert [cells[1] for cells in company_rows(screen)] == [
            "Acme Corp",  # the most people first, then by name
            "Globex",
            "Hooli",
            "Initech",
            "Umbrella",
        ]
        assert company_rows(screen)[0] == ("", "Acme Corp", "     2", "   1")
        text = screen_text(app)
        assert "Companies — 5 companies, 0 targets" in text
        assert "★ Company" in text and "People  Met" in text
        # The highlighted company (Acme Corp) on the right: counts, paths in, people.
        in_order(
            text,
            [
                "Not a target (t marks it) · 2 people: 1 met, 0 contacted, 1 lead",
                "Best path in: Talk to Jane Doe — you met them",
                "Paths in (3)",
                "1.  Talk to Jane Doe",
                "2.  Reach out to Priya Patel",
                "3.  Ask Bob Smith to introduce you to Priya Patel",
                "People (2)",
                "Jane Doe · Design Lead",
                "Priya Patel · Data Scientist",
            ],
        )
        assert "Reach out to Priya Patel                       lead, via Bob Smith" in text
        assert "Priya Patel · Data Scientist                   lead, via Bob Smith" in text
        # Initech: a lead, and Jane (met) could introduce you.
        await pilot.press("down", "j", "j")
        await settle(pilot)
        text = screen_text(app)
        assert "Initech" in text and "Best path in: Reach out to Zoë Martin" in text
        assert "2.  Ask Jane Doe to introduce you to Zoë Martin    met, referrer" in text
        footer = text.splitlines()[-1]
        for key in ("People", "Back", "Target ★", "Add target", "Filter"):
            assert key in footer


async def test_t_marks_and_unmarks_the_highlighted_company_on_disk(app, db: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_companies(pilot)
        await pilot.press("down", "down", "down")  # Initech
        await settle(pilot)
        assert screen.current is not None and screen.current.name == "Initech"
        before = app.store.generation
        await pilot.press("t")
        await wait_for_generation(pilot, before)
        assert targets_on_disk(db) == {"Initech": True}
        # Targets come first, under their own heading, and the cursor stays on Initech.
        assert company_rows(screen)[:3] == [
            ("★ Targets (1)",),
            ("★", "Initech", "     1", "   0"),
            ("Other companies (4)",),
        ]
        assert screen.current.name == "Initech" and screen.current.target
        text = screen_text(app)
        assert "★ Target company · 1 person: 0 met, 0 contacted, 1 lead" in text
        assert "Companies — 5 companies, 1 target" in text
        assert "★ Initech is a target" in notifications(app)

        before = app.store.generation
        await pilot.press("t")
        await wait_for_generation(pilot, before)
        assert targets_on_disk(db) == {"Initech": False}
        assert ("★ Targets (1)",) not in company_rows(screen)
        assert screen.current.name == "Initech" and not screen.current.target
        assert "Initech is no longer a target" in notifications(app)

        # ctrl+z undoes it.
        before = app.store.generation
        await pilot.press("ctrl+z")
        await wait_for_generation(pilot, before)
        assert targets_on_disk(db) == {"Initech": True}


async def test_a_adds_a_target_by_name_with_no_path_yet(app, db: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_companies(pilot)
        await pilot.press("a")
        dialog = await wait_for_screen(pilot, AddTargetScreen)
        await pilot.press("enter")  # nothing typed: a message, the dialog stays
        await settle(pilot)
        assert app.screen is dialog
        assert "Type the company's name" in screen_text(app)
        await type_text(pilot, "  Stark   Industries ")
        before = app.store.generation
        await pilot.press("enter")
        await wait_for_screen(pilot, CompaniesScreen)
        await wait_for_generation(pilot, before)
        assert targets_on_disk(db) == {"Stark Industries": True}
        assert screen.current is not None and screen.current.name == "Stark Industries"
        assert company_rows(screen)[:2] == [
            ("★ Targets (1)",),
            ("★", "Stark Industries", "     0", "   0"),
        ]
        text = screen_text(app)
        assert "Companies — 6 companies, 1 target (1 with no path yet)" in text
        assert "★ Target company · nobody known yet" in text
        assert "No path yet: nobody you know works here." in text
        assert "Best path in: none yet." in text

        # Another spelling of a company people work at marks that company, once.
        await pilot.press("a")
        await wait_for_screen(pilot, AddTargetScreen)
        await type_text(pilot, "ACMÉ corp")
        before = app.store.generation
        await pilot.press("enter")
        await wait_for_screen(pilot, CompaniesScreen)
        await wait_for_generation(pilot, before)
        assert targets_on_disk(db) == {"Stark Industries": True, "ACMÉ corp": True}
        assert screen.current is not None and screen.current.name == "Acme Corp"
        assert [cells[1] for cells in company_rows(screen)[1:3]] == [
            "Acme Corp",
            "Stark Industries",
        ]
        # Adding a target again changes nothing; escape cancels the dialog.
        await pilot.press("a")
        await wait_for_screen(pilot, AddTargetScreen)
        await type_text(pilot, "stark industries")
        generation = app.store.generation
        await pilot.press("enter")
        await wait_for_screen(pilot, CompaniesScreen)
        await settle(pilot)
        assert app.store.generation == generation
        assert "Stark Industries is already a target" in notifications(app)
        assert screen.current.name == "Stark Industries"
        await pilot.press("a")
        await wait_for_screen(pilot, AddTargetScreen)
        await type_text(pilot, "Nope Inc")
        await pilot.press("escape")
        await wait_for_screen(pilot, CompaniesScreen)
        await settle(pilot)
        assert "Nope Inc" not in targets_on_disk(db)


async def test_enter_goes_to_the_people_and_opens_a_contact(app) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_companies(pilot)
        await pilot.press("enter")  # Acme Corp: to its paths and people
        await settle(pilot)
        assert screen.people_list.has_focus
        assert screen.people_list.cursor_key == ("path", JANE, JANE)
        assert "Open contact" in screen_text(app).splitlines()[-1]
        await pilot.press("enter")
        page = await wait_for_screen(pilot, ContactScreen)
        assert page.contact_id == JANE
        await pilot.press("escape")
        await wait_for_screen(pilot, CompaniesScreen)
        # The introduction path opens the person to ask (Bob); a person row, that person.
        await pilot.press("down", "down")
        await settle(pilot)
        assert screen.people_list.cursor_key == ("path", BOB, PRIYA)
        await pilot.press("enter")
        page = await wait_for_screen(pilot, ContactScreen)
        assert page.contact_id == BOB
        await pilot.press("escape")
        await wait_for_screen(pilot, CompaniesScreen)
        await pilot.press("end")
        await settle(pilot)
        assert screen.people_list.cursor_key == ("person", PRIYA)
        await pilot.press("enter")
        page = await wait_for_screen(pilot, ContactScreen)
        assert page.contact_id == PRIYA
        await pilot.press("escape")
        await wait_for_screen(pilot, CompaniesScreen)
        await pilot.press("escape")
        await wait_for_screen(pilot, MainScreen)


async def test_slash_filters_the_companies_and_escape_clears(app) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_companies(pilot)
        generation = app.store.generation
        await pilot.press("slash")
        await type_text(pilot, "initéch")  # accent-insensitive; its t is text, not a key
        await settle(pilot)
        assert app.store.generation == generation
        assert [cells[1] for cells in company_rows(screen)] == ["Initech"]
        assert "Companies · 1/5" in screen_text(app)
        assert screen.current is not None and screen.current.name == "Initech"
        await pilot.press("escape")
        await settle(pilot)
        assert len(company_rows(screen)) == 5
        assert isinstance(app.screen, CompaniesScreen)
        assert screen.company_list.has_focus


async def test_it_redraws_on_a_change_and_groups_spellings(app) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_companies(pilot)
        await pilot.press("down")  # Globex
        await settle(pilot)
        store = app.store
        for name, company in (("Ann Ames", " ACME  corp"), ("Cy Cole", "Acmé Corp")):
            before = store.generation
            await app.change(store.add_contact, Contact(name, company=company, status=Status.MET))
            await wait_for_generation(pilot, before)
        assert company_rows(screen)[0] == ("", "Acme Corp", "     4", "   3")
        assert len(company_rows(screen)) == 5
        assert screen.current is not None and screen.current.name == "Globex"


async def test_an_empty_network_says_how_to_start(empty_db: Path) -> None:
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_companies(pilot)
        assert "No companies yet" in screen_text(app)
        await pilot.press("t", "enter")  # nothing highlighted: no crash, nothing saved
        await settle(pilot)
        assert isinstance(app.screen, CompaniesScreen)
        assert screen.current is None
        assert not empty_db.exists() or read_db(empty_db).get("companies", {}) == {}


async def test_names_that_look_like_markup_show_literally(db: Path) -> None:
    store = Store.open(db, clock=CLOCK)
    store.add_contact(Contact("[b]x", company="[i]Co[/i]", title="[/]", status=Status.MET))
    store.set_target("[link='https://x']y", True)
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_companies(pilot)
        text = screen_text(app)
        assert "[link='https://x']y" in text
        await wait_until(pilot, lambda: screen.groups)
        assert screen.company_list.select_key("[i]co[/i]")
        await settle(pilot)
        text = screen_text(app)
        assert "[i]Co[/i]" in text
        assert "Talk to [b]x" in text
        assert "[b]x · [/]" in text
