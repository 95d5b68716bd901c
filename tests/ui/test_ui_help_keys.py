"""Help (`?`): each key once, only the keys that work on the screen it was opened from,
grouped, with what the key does there (issue 13 §5).

The keys a screen really has are read here the way a user meets them: the focus put on
each pane in turn with real key presses, and the screen's active bindings read then.
"""

from __future__ import annotations

from collections import Counter

from netkit import flat, screen_text, settle, wait_for_screen

from netui.ui.screens.help import FOCUS_MOVES, TEXTUAL_PLUMBING, HelpScreen, key_label
from netui.ui.screens.main import MainScreen
from netui.ui.screens.review import ReviewScreen

SYNTHESISED = {"tab", "shift+tab", "escape"}
"""Keys the help writes as one line of its own (tab / shift+tab, esc clears a filter)."""


def listed_keys(help_screen: HelpScreen) -> list[str]:
    return [key for group in help_screen.groups for line in group.lines for key in line.keys]


def working_keys(screen) -> set[str]:
    """The keys the screen answers to with its focus where it is now."""
    return {
        key
        for key, active in screen.active_bindings.items()
        if active.binding.action.rpartition(".")[2] not in TEXTUAL_PLUMBING | FOCUS_MOVES
        and not active.binding.system
    }


async def open_help(pilot):
    await pilot.press("question_mark")
    return await wait_for_screen(pilot, HelpScreen)


async def close_help(pilot, kind: type) -> None:
    await pilot.press("escape")
    await wait_for_screen(pilot, kind)


async def test_main_screen_help_lists_each_key_once_and_only_keys_that_work(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main = app.screen
        working: set[str] = set()
        for pane in ("1", "2", "3"):
            await pilot.press(pane)
            await settle(pilot)
            working |= working_keys(main)
        await pilot.press("1")
        await settle(pilot)
        help_screen = await open_help(pilot)
        keys = listed_keys(help_screen)
        assert [key for key, n in Counter(keys).items() if n > 1] == []
        assert set(keys) - SYNTHESISED == working
        text = screen_text(app)
        assert "(not here)" not in text
        words = flat(text)
        assert "Keys — Main screen" in words
        # d, s and h work in the Follow-ups pane: listed there, once, not dimmed away.
        groups = {group.title: group.lines for group in help_screen.groups}
        assert [(line.keys, line.description) for line in groups["In Follow-ups"]] == [
            (["d"], "Done"),
            (["s"], "Snooze"),
            (["v"], "Advice"),
            (["h"], "Show done"),
        ]
        assert [line.keys for line in groups["In Contacts"]] == [["o"]]
        for words_on_screen in ("In Follow-ups", "d Done", "s Snooze", "h Show done"):
            assert words_on_screen in words
        assert "home / g First" in words  # `g` goes to the first row, and only that
        assert "tab / shift+tab Next / previous pane" in words
        await close_help(pilot, MainScreen)


async def test_help_from_the_follow_ups_pane_names_its_keys_first(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        help_screen = await open_help(pilot)
        titles = [group.title for group in help_screen.groups]
        assert titles.index("In Follow-ups") < titles.index("In Contacts")
        await close_help(pilot, MainScreen)


async def test_review_help_lists_its_own_keys_and_says_what_g_means_there(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        review = await wait_for_screen(pilot, ReviewScreen)
        await settle(pilot)
        working = working_keys(review)
        help_screen = await open_help(pilot)
        keys = listed_keys(help_screen)
        assert [key for key, n in Counter(keys).items() if n > 1] == []
        assert set(keys) - SYNTHESISED == working - SYNTHESISED
        words = flat(screen_text(app))
        assert "Keys — Review screen" in words
        assert "(not here)" not in words
        # Whatever `g` is bound to on the review, the help says that one meaning.
        g = review.active_bindings["g"].binding
        meaning = g.tooltip or g.description
        assert f"{key_label('g')} {meaning}" in words
        # Main-screen keys that do nothing here are not listed.
        assert "Quick-add a contact" not in words and "Referral tree" not in words
        await close_help(pilot, ReviewScreen)


async def test_contact_page_help_lists_only_its_keys(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        contact = app.screen
        assert type(contact).__name__ == "ContactScreen"
        working: set[str] = set()
        for _ in contact.focus_chain:  # each list in turn, with tab
            working |= working_keys(contact)
            await pilot.press("tab")
            await settle(pilot)
        help_screen = await open_help(pilot)
        keys = listed_keys(help_screen)
        assert [key for key, n in Counter(keys).items() if n > 1] == []
        assert set(keys) - SYNTHESISED == working - SYNTHESISED
        words = flat(screen_text(app))
        assert "Keys — Contact screen" in words and "esc Back" in words
        assert "(not here)" not in words and "Daily review" not in words


async def test_narrow_help_stacks_its_groups_in_one_column(app) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        help_screen = await open_help(pilot)
        await settle(pilot)
        assert help_screen.has_class("-narrow")
        assert "Keys — Main screen" in screen_text(app)
