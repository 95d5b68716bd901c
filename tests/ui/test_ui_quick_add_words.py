"""The quick-add bar says what it will save (issue 13, "Words and small truths"): after
ctrl+k the preview names the kind of note; ctrl+k reaches every kind the model has; a
note dated in the future is refused, as the meeting log refuses it."""

from __future__ import annotations

from pathlib import Path

from netkit import paste, read_db, screen_text, settle, wait_for_screen
from textual.widgets import Input, Static

from netui.model import NoteKind
from netui.ui.dialogs.quick_add import QuickAddScreen


def preview(app) -> str:
    return str(app.screen.query_one("#preview", Static).render())


async def test_ctrl_k_turns_the_preview_into_a_meeting_note(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j")  # Carlos Ruiz
        await pilot.press("n")
        await wait_for_screen(pilot, QuickAddScreen)
        await paste(pilot, "yesterday, coffee about the role")
        await settle(pilot)
        assert preview(app) == "→ note for Carlos Ruiz on Tue 24 Nov: coffee about the role"
        await pilot.press("ctrl+k")
        await settle(pilot)
        expected = "→ meeting note for Carlos Ruiz on Tue 24 Nov: coffee about the role"
        assert preview(app) == expected
        assert expected in screen_text(app)


async def test_ctrl_k_reaches_every_kind_of_note_and_comes_back(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await wait_for_screen(pilot, QuickAddScreen)
        await paste(pilot, "talked")
        seen = []
        for _ in NoteKind:
            await pilot.press("ctrl+k")
            await settle(pilot)
            hint = str(app.screen.query_one("#hint", Static).render())
            seen.append(hint.rpartition("kind: ")[2])
            assert f"{seen[-1]} note for" in preview(app) or seen[-1] == "note"
        assert sorted(seen) == sorted(str(kind) for kind in NoteKind)
        assert seen[-1] == "note"  # round to where it started


async def test_a_note_dated_in_the_future_is_refused_and_the_text_kept(app, db: Path) -> None:
    before = db.read_bytes()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await wait_for_screen(pilot, QuickAddScreen)
        await paste(pilot, "tomorrow, coffee at Sightglass")
        await settle(pilot)
        assert preview(app).startswith("⚠ Thu 26 Nov is still to come")
        assert "still to come: a note records what has happened" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, QuickAddScreen)  # not saved, the text kept
        assert app.screen.query_one("#line", Input).value.endswith("tomorrow, coffee at Sightglass")
    assert db.read_bytes() == before
    assert not [n for n in read_db(db)["notes"].values() if "Sightglass" in n["text"]]


async def test_a_future_note_for_someone_new_is_refused_before_creating_them(app, db: Path) -> None:
    before = db.read_bytes()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await wait_for_screen(pilot, QuickAddScreen)
        await pilot.press("ctrl+u")  # (the bar is prefilled with the selected contact)
        await paste(pilot, "Zedd Quux: tomorrow, coffee")
        await settle(pilot)
        assert preview(app) == (
            "⚠ no contact 'Zedd Quux' — and Thu 26 Nov is still to come: a note records "
            "what has happened (for something planned, add a follow-up)"
        )
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, QuickAddScreen)  # no "create Zedd Quux?" question
    assert db.read_bytes() == before


async def test_ctrl_k_outside_the_note_bar_deletes_to_the_end_of_the_line(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        bar = await wait_for_screen(pilot, QuickAddScreen)
        await pilot.press("ctrl+u")
        await paste(pilot, "Bob: send the deck")
        await pilot.press("home", "right", "right", "right", "ctrl+k")
        await settle(pilot)
        assert app.screen.query_one("#line", Input).value == "Bob"
        assert str(bar.note_kind) == "note"
        assert "kind:" not in screen_text(app)
