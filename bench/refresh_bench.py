"""The app's memory over many outside changes (a subprocess of app_bench.py).

    python bench/refresh_bench.py FILE [--changes N]     the app, headless; prints JSON
    python bench/refresh_bench.py --writer FILE          the other process (started by it)

The app runs headless (`App.run_test`, 120x40) on FILE in this process, alone, so that
its resident memory is the app's. Another process, the writer, changes the file N times
through netui's Store: it renames one contact back and forth ("Aaron Memory A" and
"Aaron Memory B", first in the list by name), so the data keep their size. After each
change the app's own refresh path runs: its poll method (the one its timer calls every
second, called here at once; if it has none by the expected name, the StoreChanged
message is posted instead, and the output says so), and the change counts as shown when
the screen, rendered by Textual's compositor, has the new name. Resident memory (VmRSS,
after `gc.collect()`) is read after the first paint and along the way.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from dataset import NOW, netui_app

SIZE = (120, 40)
NAME = "Aaron Memory"
POLL_METHOD = "_look_for_outside_changes"
"""The app's own poll (what its 1-second timer calls)."""
TIMEOUT = 30.0


def rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def writer(path: Path) -> int:
    """Rename the contact on each line read ("A" or "B"); answer "ok" once saved."""
    from netui.clock import frozen_clock
    from netui.model import Contact
    from netui.store import Store

    store = Store.open(path, clock=frozen_clock(NOW))
    contact = store.add_contact(Contact(name=f"{NAME} A", company="Globex"))
    print("ready", flush=True)
    for line in sys.stdin:
        seen = store.contact(contact.id or 0)
        store.update_contact(replace(seen, name=f"{NAME} {line.strip()}"), base=seen)
        print("ok", flush=True)
    return 0


def screen_text(app: Any) -> str:
    """What the app's screen shows now (its compositor's lines, as text)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def shown(pilot: Any, text: str, gone: str | None = None) -> None:
    deadline = time.perf_counter() + TIMEOUT
    while True:
        await pilot.pause()
        screen = screen_text(pilot.app)
        if text in screen and (gone is None or gone not in screen):
            return
        if time.perf_counter() > deadline:
            raise SystemExit(f"{text!r} not on screen after {TIMEOUT:g} s:\n{screen}")


async def run_app(path: Path, changes: int, other: subprocess.Popen[str]) -> dict[str, Any]:
    from netui.clock import frozen_clock
    from netui.store import Store

    assert other.stdin is not None and other.stdout is not None
    app = netui_app(Store.open(path, clock=frozen_clock(NOW)))
    checkpoints = sorted({10, 100, 250, 500, 750, changes} & set(range(1, changes + 1)))
    memory: dict[int, int] = {}
    async with app.run_test(size=SIZE) as pilot:
        await shown(pilot, f"{NAME} A")
        for _ in range(5):
            await pilot.pause()
        gc.collect()
        memory[0] = rss_kib()
        poll = getattr(app, POLL_METHOD, None)
        path_used = f"the app's poll method ({POLL_METHOD})"
        if poll is None:
            from netui.ui.messages import StoreChanged

            path_used = "StoreChanged posted (the app has no method " + POLL_METHOD + ")"
        start = time.perf_counter()
        for i in range(1, changes + 1):
            letter, old = ("B", "A") if i % 2 else ("A", "B")
            other.stdin.write(letter + "\n")
            other.stdin.flush()
            if other.stdout.readline().strip() != "ok":
                raise SystemExit("the writer process failed")
            if poll is not None:
                await poll()
            else:
                app.post_message(StoreChanged())
            await shown(pilot, f"{NAME} {letter}", gone=f"{NAME} {old}")
            if i in checkpoints:
                gc.collect()
                memory[i] = rss_kib()
        seconds = time.perf_counter() - start
    return {"memory_kib": memory, "seconds": seconds, "path": path_used}


def main() -> int:
    args = sys.argv[1:]
    if args[:1] == ["--writer"]:
        return writer(Path(args[1]))
    path = Path(args[0])
    changes = int(args[args.index("--changes") + 1]) if "--changes" in args else 1_000
    other = subprocess.Popen(
        [sys.executable, __file__, "--writer", str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout is not None
        if other.stdout.readline().strip() != "ready":
            raise SystemExit("the writer process did not start")
        result = asyncio.run(run_app(path, changes, other))
    finally:
        with contextlib.suppress(OSError):
            if other.stdin is not None:
                other.stdin.close()
        other.wait(timeout=30)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
