"""The referral tree screen: who led to whom, yields, the longest chain, companies reached,
`enter` opening a contact, literal names, redraws, loops and long chains.

The fixed network (netkit) has two trees: Jane Doe referred Zoë Martin, Bob Smith
referred Priya Patel. The lead binds a key and a palette command to the screen; these
tests push `ReferralsScreen` themselves.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from netkit import (
    BOB,
    CLOCK,
    DANA,
    JANE,
    PRIYA,
    ZOE,
    make_app,
    screen_text,
    settle,
    wait_for_generation,
    wait_for_screen,
)

from netui.model import Contact, Note, NoteKind
from netui.store import Store
from netui.ui.screens.contact import ContactScreen
from netui.ui.screens.main import MainScreen
from netui.ui.screens.referrals import SECTION_DEPTH, ReferralsScreen, ReferralTree

SIZE = (120, 40)


async def open_referrals(pilot) -> ReferralsScreen:
    await settle(pilot)
    pilot.app.push_screen(ReferralsScreen())
    screen = await wait_for_screen(pilot, ReferralsScreen)
    await settle(pilot)
    return screen


def cursor_contact(app) -> int | None:
    node = app.screen.query_one(ReferralTree).cursor_node
    return node.data if node else None


async def test_the_tree_shows_who_led_to_whom_with_yields(app) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_referrals(pilot)
        text = screen_text(app)
        lines = [
            "Referrals — who led to whom",
            "4 people in 2 referral trees",
            "Longest chain: Bob Smith → Priya Patel (2)",
            "Companies reached (2): Acme Corp, Initech",
            "▼ Bob Smith · Globex — gave 1 name, 0 meetings",
            "└── Priya Patel · Acme Corp — gave 0 names, 0 meetings",
            "▼ Jane Doe · Acme Corp — gave 1 name, 0 meetings",
            "└── Zoë Martin · Initech — gave 0 names, 0 meetings",
            "Chain: Bob Smith (1)",
            "Companies reached through Bob Smith: Acme Corp",
        ]
        positions = [text.find(line) for line in lines]
        assert -1 not in positions, [line for line in lines if line not in text]
        assert positions == sorted(positions)
        # People in no referral (Carlos, Dana) are not in the tree.
        assert "Carlos" not in text and "Dana" not in text
        assert "Open contact" in text and "Back" in text  # the footer


async def test_enter_opens_the_contact_and_escape_comes_back(app) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_referrals(pilot)
        assert cursor_contact(app) == BOB
        await pilot.press("enter")
        page = await wait_for_screen(pilot, ContactScreen)
        assert page.contact_id == BOB
        await pilot.press("escape")
        await wait_for_screen(pilot, ReferralsScreen)
        await pilot.press("down", "j", "k", "down")  # arrows and vim keys
        await settle(pilot)
        assert cursor_contact(app) == JANE
        assert "Chain: Jane Doe (1)" in screen_text(app)
        await pilot.press("down")
        await settle(pilot)
        assert "Chain: Jane Doe → Zoë Martin (2)" in screen_text(app)
        await pilot.press("enter")
        page = await wait_for_screen(pilot, ContactScreen)
        assert page.contact_id == ZOE
        await pilot.press("escape")
        await wait_for_screen(pilot, ReferralsScreen)
        await pilot.press("escape")
        await wait_for_screen(pilot, MainScreen)


async def test_space_folds_a_branch(app) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_referrals(pilot)
        await pilot.press("space")
        await settle(pilot)
        text = screen_text(app)
        assert "▶ Bob Smith · Globex" in text
        assert "Priya Patel · Acme Corp —" not in text
        assert app.screen.is_current  # space folds, it does not open the contact


async def test_meetings_with_the_names_given_count(app) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_referrals(pilot)
        store = app.store
        before = store.generation
        await app.change(store.add_note, Note("Coffee", date(2026, 11, 20), ZOE, NoteKind.MEETING))
        await wait_for_generation(pilot, before)
        await settle(pilot)
        assert "Jane Doe · Acme Corp — gave 1 name, 1 meeting" in screen_text(app)
        assert screen.forest.nodes[JANE].meetings == 1


async def test_it_redraws_on_a_change_and_keeps_the_cursor(app) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_referrals(pilot)
        await pilot.press("down", "down", "down")  # Zoë
        await settle(pilot)
        assert cursor_contact(app) == ZOE
        store = app.store
        before = store.generation
        await app.change(store.add_contact, Contact("Ada Byron", company="Hooli", referred_by=ZOE))
        await wait_for_generation(pilot, before)
        await settle(pilot)
        text = screen_text(app)
        assert "▼ Zoë Martin · Initech — gave 1 name, 0 meetings" in text
        assert "Ada Byron · Hooli" in text
        assert "Longest chain: Jane Doe → Zoë Martin → Ada Byron (3)" in text
        assert "Companies reached (3): Acme Corp, Hooli, Initech" in text
        assert cursor_contact(app) == ZOE


async def test_an_empty_network_says_how_to_fill_the_tree(empty_db: Path) -> None:
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_referrals(pilot)
        text = screen_text(app)
        assert "No referrals yet" in text
        assert "Longest chain" not in text
        await pilot.press("enter")  # nothing to open: no crash, no page
        await settle(pilot)
        assert isinstance(app.screen, ReferralsScreen)


async def test_names_that_look_like_markup_show_literally(db: Path) -> None:
    store = Store.open(db, clock=CLOCK)
    slash = store.add_contact(Contact("[/]", company="[i]Co[/i]", referred_by=DANA))
    bold = store.add_contact(Contact("[b]x", referred_by=slash.id))
    store.add_contact(Contact("[link='https://x']y", referred_by=bold.id))
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await open_referrals(pilot)
        text = screen_text(app)
        assert "[/] · [i]Co[/i] — gave 1 name, 0 meetings" in text
        assert "[b]x — gave 1 name, 0 meetings" in text
        assert "[link='https://x']y — gave 0 names" in text
        assert "Longest chain: Dana Lee → [/] → [b]x → [link='https://x']y (4)" in text
        await pilot.press("down", "down", "down", "down")  # Bob, Priya, Dana, [/], [b]x
        await settle(pilot)
        assert cursor_contact(app) == bold.id
        await pilot.press("enter")
        page = await wait_for_screen(pilot, ContactScreen)
        assert page.contact_id == bold.id


async def test_a_loop_in_the_data_shows_everyone_once(db: Path) -> None:
    # Jane referred Zoë, and another program wrote that Zoë referred Jane: a data error
    # (netui itself refuses to make a loop, see tests/store/test_referral_loops.py).
    data = json.loads(db.read_text())
    data["contacts"][str(JANE)]["referred_by"] = ZOE
    db.write_text(json.dumps(data))
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await open_referrals(pilot)
        text = screen_text(app)
        assert text.count("Jane Doe · Acme Corp —") == 1
        assert text.count("Zoë Martin · Initech —") == 1
        assert "▼ Jane Doe · Acme Corp — gave 1 name, 0 meetings" in text
        assert "also “referred by” Zoë Martin: a loop in the data" in text
        assert "4 people in 2 referral trees" in text


async def test_a_200_deep_chain_opens_quickly_in_sections(db: Path) -> None:
    store = Store.open(db, clock=CLOCK)
    first = len(store.contacts()) + 1  # the ids the new contacts will get
    chain = [
        Contact(f"Link {i:03d}", company=f"Co{i % 5}", referred_by=first + i - 1 if i else PRIYA)
        for i in range(200)
    ]
    added = store.add_contacts(chain)
    assert [c.id for c in added] == list(range(first, first + 200))
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_referrals(pilot)
        text = screen_text(app)
        ends = "Bob Smith → Priya Patel → Link 000 → … → Link 197 → Link 198 → Link 199 (202)"
        assert f"Longest chain: {ends}" in text
        assert "204 people in 2 referral trees" in text
        tree = screen.query_one(ReferralTree)
        shown = [n for n in _all_nodes(tree) if n.data == added[-1].id]
        assert len(shown) == 1
        # Cut into sections so that Textual's tree never nests deeper than SECTION_DEPTH.
        assert max(_depth(n) for n in _all_nodes(tree)) <= SECTION_DEPTH + 1
        continued = [str(n.label) for n in _all_nodes(tree) if "continues below" in str(n.label)]
        # A new section every SECTION_DEPTH levels, down to depth 201 (the last link).
        assert len(continued) == (201 - 1) // SECTION_DEPTH
        # The end of the chain can be reached and opened.
        tree.move_cursor(shown[0])
        await settle(pilot)
        assert f"Chain: {ends}" in screen_text(app)
        await pilot.press("enter")
        page = await wait_for_screen(pilot, ContactScreen)
        assert page.contact_id == added[-1].id


def _all_nodes(tree: ReferralTree) -> list:
    nodes, stack = [], list(tree.root.children)
    while stack:
        node = stack.pop()
        nodes.append(node)
        stack.extend(node.children)
    return nodes


def _depth(node) -> int:
    depth = 0
    while node.parent is not None:
        depth, node = depth + 1, node.parent
    return depth
