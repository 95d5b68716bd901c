"""Regenerate the README's screenshots (assets/screenshots/*.svg) from the demo network.

Run: .venv/bin/python tools/screenshots.py  (headless; a frozen date so they are stable)
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from netui.clock import frozen_clock
from netui.demo import load_demo
from netui.model import Contact
from netui.store import Store
from netui.ui.app import NetuiApp

TODAY = date(2026, 11, 25)
OUT = Path(__file__).resolve().parent.parent / "assets" / "screenshots"
DUPLICATES = (
    Contact("M. Webb", "Lakeshore Univ.", phone="(312) 555-0147", tags=("phone",)),
    Contact("Priya Raman", email="PRIYA.RAMAN@acmefreight.example", tags=("gmail",)),
    Contact("Dan Kim", "Lumen Bank", title="Product Analyst", tags=("conference",)),
)
"""People the demo has, arriving again from a phone, Gmail and a conference list."""


async def shoot(
    keys: list[str],
    name: str,
    size: tuple[int, int] = (120, 36),
    contacts: tuple[Contact, ...] = (),
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        clock = frozen_clock(datetime(2026, 11, 25, 9, 0))
        store = Store.open(Path(folder) / "netui.json", clock=clock)
        load_demo(store, TODAY)
        if contacts:  # (people the demo does not have, added as another source would)
            store.add_contacts(list(contacts), "added for the screenshot")
        store = Store.open(store.path, clock=clock)
        app = NetuiApp(store, clock=clock, poll=False)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            for key in keys:
                if key.startswith("elsewhere:"):  # another program changes the title
                    editing = app.screen.contact.id  # type: ignore[attr-defined]
                    other = Store.open(store.path, clock=clock)
                    contact = other.contact(editing)
                    other.update_contact(replace(contact, title=key[10:]), base=contact)
                elif key.startswith("focus:"):  # a field, as a click on it would
                    app.screen.query_one(key[6:]).focus()
                elif key == "wait":  # for a search on a thread (the duplicates)
                    await pilot.pause(1.5)
                elif key.startswith("type:"):
                    for char in key[5:]:
                        await pilot.press("space" if char == " " else char)
                else:
                    await pilot.press(key)
                await pilot.pause()
            await pilot.pause(0.3)
            app.save_screenshot(str(OUT / f"{name}.svg"))


async def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    await shoot([], "main")
    await shoot(["f", "type:send the case study next friday"], "quick_add")
    await shoot(["r"], "review")
    await shoot(["enter"], "contact")
    await shoot(["p"], "prep")
    await shoot(
        ["m", "focus:#notes", "type:Coffee near her office; research ops is hiring"],
        "meeting_log",
    )
    await shoot(["t"], "referrals")
    await shoot(
        ["ctrl+p", "type:Duplicates", "enter", "wait"],
        "duplicates",
        contacts=DUPLICATES,
    )
    await shoot(["c"], "companies")
    await shoot(
        [
            "e",
            "elsewhere:Head of Research",
            "tab",
            "end",
            "ctrl+u",
            "type:Research Director",
            "ctrl+s",
        ],
        "conflict",
    )


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
