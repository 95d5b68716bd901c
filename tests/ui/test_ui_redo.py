"""`ctrl+y` redoes what `ctrl+z` undid, on the main screen and elsewhere; `u` shows the
history of the session's changes (what undo and redo would do), where both keys work too.

Every test checks the data file on disk and the words on screen.
"""

from __future__ import annotations

from pathlib import Path

from netkit import (
    F_INTRO,
    ZOE,
    flat,
    notifications,
    read_db,
    screen_text,
    settle,
    type_text,
    wait_for_generation,
    wait_for_screen,
    wait_until,
)
from textual.command import CommandPalette

from netui.ui.dialogs.confirm import ConfirmScreen
from netui.ui.dialogs.history import HistoryScreen
from netui.ui.screens.main import MainScreen
from netui.ui.screens.review import ReviewScreen


def shown(history: HistoryScreen) -> str:
    """The two lists of the history dialog, as its user reads them (one line each)."""
    return " | ".join(
        flat(str(history.query_one(f"#{which}-list").render())) for which in ("undo", "redo")
    )


def listed(app, pane: str) -> list[object]:
    """The keys of the rows a pane of the main screen shows."""
    return [row.key for row in app.screen.query_one(f"#{pane}-list").rows]


def followup_ids(db: Path) -> set[str]:
    return set(read_db(db)["followups"])


async def delete_followup(pilot, followup_id: int) -> None:
    """Delete a follow-up with x, as a user does (y confirms)."""
    await pilot.press("2")
    assert pilot.app.screen.query_one("#followups-list").select_key(followup_id)
    await settle(pilot)
    before = pilot.app.store.generation
    await pilot.press("x")
    await wait_for_screen(pilot, ConfirmScreen)
    await pilot.press("y")
    await wait_for_generation(pilot, before)


async def press_and_wait(pilot, key: str) -> None:
    before = pilot.app.store.generation
    await pilot.press(key)
    await wait_for_generation(pilot, before)


async def test_ctrl_y_redoes_what_ctrl_z_undid_on_the_main_screen(app, db: Path) -> None:
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await delete_followup(pilot, F_INTRO)
        assert str(F_INTRO) not in followup_ids(db)

        await press_and_wait(pilot, "ctrl+z")
        assert str(F_INTRO) in followup_ids(db)
        assert F_INTRO in listed(app, "followups")

        await press_and_wait(pilot, "ctrl+y")
        assert str(F_INTRO) not in followup_ids(db)
        assert "Redid: deleted follow-up 'reply to the intro email'" in notifications(app)
        await wait_until(pilot, lambda: F_INTRO not in listed(app, "followups"))
        await wait_until(pilot, lambda: "Redid: deleted" in screen_text(app))


async def test_ctrl_y_with_nothing_undone_says_so_and_changes_nothing(app, db: Path) -> None:
    before = db.read_bytes()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+y")
        await wait_until(pilot, lambda: "Nothing to redo" in screen_text(app))
    assert db.read_bytes() == before


async def test_a_new_change_after_an_undo_leaves_nothing_to_redo(app, db: Path) -> None:
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await delete_followup(pilot, F_INTRO)
        await press_and_wait(pilot, "ctrl+z")
        await delete_followup(pilot, F_INTRO)  # a new change: the undone one is not redone
        await pilot.press("ctrl+y")
        await wait_until(pilot, lambda: "Nothing to redo" in notifications(app))
        assert str(F_INTRO) not in followup_ids(db)


async def test_ctrl_y_works_on_the_review_screen_too(app, db: Path) -> None:
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await delete_followup(pilot, F_INTRO)
        await press_and_wait(pilot, "ctrl+z")
        await pilot.press("r")
        await wait_for_screen(pilot, ReviewScreen)
        await settle(pilot)
        await press_and_wait(pilot, "ctrl+y")
        assert str(F_INTRO) not in followup_ids(db)
        assert isinstance(app.screen, ReviewScreen)


async def test_u_lists_what_undo_and_redo_would_do_newest_first(app, db: Path) -> None:
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("u")
        history = await wait_for_screen(pilot, HistoryScreen)
        await settle(pilot)
        assert (
            shown(history)
            == "ctrl+z would undo Nothing to undo | ctrl+y would redo Nothing to redo"
        )
        assert "Recent changes" in screen_text(app) and "Nothing to undo" in screen_text(app)
        await pilot.press("escape")
        await wait_for_screen(pilot, MainScreen)

        await delete_followup(pilot, F_INTRO)
        await pilot.press("1")
        assert app.screen.query_one("#contacts-list").select_key(ZOE)
        await settle(pilot)
        before = app.store.generation
        await pilot.press("x")
        await wait_for_screen(pilot, ConfirmScreen)
        await pilot.press("y")
        await wait_for_generation(pilot, before)

        await pilot.press("u")
        history = await wait_for_screen(pilot, HistoryScreen)
        await settle(pilot)
        assert history.undo[0].startswith("deleted Zoë Martin")
        assert history.undo[1] == "deleted follow-up 'reply to the intro email'"
        assert shown(history).startswith("ctrl+z would undo ▸ 1. deleted Zoë Martin"), shown(
            history
        )
        assert "2. deleted follow-up 'reply to the intro email' |" in shown(history)
        assert "deleted Zoë Martin" in screen_text(app)

        # ctrl+z here undoes the newest, and the lists follow.
        await press_and_wait(pilot, "ctrl+z")
        await wait_until(pilot, lambda: bool(history.redo))
        assert "3" in read_db(db)["contacts"]  # Zoë is back in the file
        assert shown(history).startswith("ctrl+z would undo ▸ 1. deleted follow-up")
        assert "ctrl+y would redo ▸ 1. deleted Zoë Martin" in shown(history)

        # and ctrl+y redoes it.
        await press_and_wait(pilot, "ctrl+y")
        await wait_until(pilot, lambda: not history.redo)
        assert str(ZOE) not in read_db(db)["contacts"]
        assert shown(history).endswith("ctrl+y would redo Nothing to redo")
        await pilot.press("escape")
        await wait_for_screen(pilot, MainScreen)


async def test_history_redo_and_jump_are_in_the_command_palette(app) -> None:
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await wait_for_screen(pilot, CommandPalette)
        await type_text(pilot, "history")
        await wait_until(pilot, lambda: "Recent changes" in screen_text(app))
        await pilot.press("enter")
        await wait_for_screen(pilot, HistoryScreen)


async def test_redo_over_another_program_s_change_asks_and_cancel_saves_nothing(
    app, db: Path
) -> None:
    from test_ui_conflicts import SET_TITLE, jane, open_jane_form, other_app
    from test_ui_edit import replace_field

    from netui.ui.dialogs.conflict import ConflictScreen

    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_jane_form(pilot)
        await replace_field(pilot, "title", "Head of Design")
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, MainScreen)
        await wait_until(pilot, lambda: jane(db)["title"] == "Head of Design")
        await press_and_wait(pilot, "ctrl+z")
        assert jane(db)["title"] == "Design Lead"

        await other_app(db, SET_TITLE.format(title="CDO"))  # the same field, meanwhile
        before = db.read_bytes()
        await pilot.press("ctrl+y")
        await wait_for_screen(pilot, ConflictScreen)
        text = flat(screen_text(app))
        assert "CDO" in text and "Head of Design" in text
        assert "since you undid this change — redo it anyway?" in text
        assert "Redo anyway (m)" in text and "redo puts back:" in text
        await pilot.press("escape")
        await wait_for_screen(pilot, MainScreen)
        await wait_until(pilot, lambda: "Cancelled: nothing was redone" in notifications(app))
        assert db.read_bytes() == before

        await pilot.press("ctrl+y")  # still redoable: asked again, and mine kept
        await wait_for_screen(pilot, ConflictScreen)
        await pilot.press("m")
        await wait_until(pilot, lambda: jane(db)["title"] == "Head of Design")
        await wait_until(pilot, lambda: any(n.startswith("Redid:") for n in notifications(app)))
