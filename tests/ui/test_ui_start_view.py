"""Starting from the start-up view: the first screen before the file is read, the same
screen once it is, and a clear end when the file can't be read after all."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from netkit import CLOCK, JANE, TODAY, make_app, screen_text, settle, wait_until

from netui.errors import DamagedFileError, StoreError
from netui.startview import StartView, read_start_view
from netui.store import Store
from netui.ui.app import NetuiApp
from netui.ui.widgets.virtual_list import VirtualList


def deferred(db: Path) -> tuple[NetuiApp, threading.Event]:
    """The app as `netui` starts it when a start-up view is there: the store not read;
    its reading held until the returned event is set."""
    store = Store.open(db, clock=CLOCK, defer_load=True)
    start = read_start_view(store.path, TODAY)
    assert isinstance(start, StartView), "the first app left no start-up view"
    go = threading.Event()
    load = store.load

    def held_load() -> None:
        assert go.wait(10)
        load()

    store.load = held_load  # type: ignore[method-assign]
    return NetuiApp(store, clock=CLOCK, poll=False, start=start), go


async def first_run(db: Path) -> str:
    """Run the app once as usual (it keeps a start-up view); the screen it showed."""
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        return screen_text(app)


async def test_the_first_screen_is_shown_before_the_file_is_read(db: Path) -> None:
    shown_before = await first_run(db)
    app, go = deferred(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not app.store.loaded
        assert screen_text(app) == shown_before  # rows, counts, marks, status line
        go.set()
        await wait_until(pilot, lambda: app.view is not None)
        await settle(pilot)
        assert app.store.loaded
        assert screen_text(app) == shown_before


async def test_keys_typed_before_the_file_is_read_act_on_the_real_data(db: Path) -> None:
    await first_run(db)
    app, go = deferred(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "down")  # the cursor moves on the first screen
        contacts = app.screen.query_one("#contacts-list", VirtualList)
        chosen = contacts.cursor_key
        assert chosen == JANE  # Bob, Carlos, Dana, then Jane (by name)
        await pilot.press("e")  # edit: waits for the file
        go.set()
        await wait_until(pilot, lambda: "Edit contact" in screen_text(app))
        assert "Jane Doe" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert contacts.cursor_key == JANE  # the full view kept the cursor where it was


async def test_a_file_that_cannot_be_read_after_the_first_frame_ends_the_app(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    await first_run(db)
    app, _ = deferred(db)

    def damaged() -> None:
        raise DamagedFileError(f"{db} is not valid JSON (line 1)")

    monkeypatch.setattr(app.store, "load", damaged)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: app.return_code is not None)
    assert app.return_code == 1
    assert isinstance(app.load_error, DamagedFileError)
    assert "not valid JSON" in str(app.load_error)


def test_a_file_gone_before_it_is_read_is_never_taken_for_an_empty_one(db: Path) -> None:
    store = Store.open(db, clock=CLOCK, defer_load=True)
    db.rename(db.with_name("moved.json"))
    with pytest.raises(StoreError, match="has disappeared since netui started"):
        store.load()
    assert not db.exists()  # nothing was written in its place
