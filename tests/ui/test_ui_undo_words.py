"""The toasts after a quick-add note say its kind, and undo says what it undid in plain
words ("Undid: added a meeting note", not "added a meeting note note")."""

from __future__ import annotations

from netkit import notifications, paste, settle, wait_for_generation, wait_for_screen

from netui.ui.dialogs.quick_add import QuickAddScreen


async def test_a_meeting_note_from_the_bar_is_called_a_meeting_note(app) -> None:
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("j")  # Carlos Ruiz
        await pilot.press("n")
        await wait_for_screen(pilot, QuickAddScreen)
        await paste(pilot, "yesterday, coffee about the role")
        await pilot.press("ctrl+k")
        before = app.store.generation
        await pilot.press("enter")
        await wait_for_generation(pilot, before)
        assert "Meeting note saved (Tue 24 Nov)" in notifications(app)
        before = app.store.generation
        await pilot.press("ctrl+z")
        await wait_for_generation(pilot, before)
        assert "Undid: added a meeting note" in notifications(app)


async def test_a_plain_note_is_a_note(app) -> None:
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await wait_for_screen(pilot, QuickAddScreen)
        await paste(pilot, "read their blog")
        before = app.store.generation
        await pilot.press("enter")
        await wait_for_generation(pilot, before)
        assert any(n.startswith("Note saved (") for n in notifications(app))
        before = app.store.generation
        await pilot.press("ctrl+z")
        await wait_for_generation(pilot, before)
        assert "Undid: added a note" in notifications(app)
