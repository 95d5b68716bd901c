"""A small netui process for the store tests to run, race and kill.

    python worker.py loop DB            add "seq 000000", "seq 000001"… until killed,
                                        printing each one's number once it is committed
    python worker.py add DB PREFIX N    wait for a line on stdin, add N contacts, print
                                        when (time.monotonic) it started and ended
    python worker.py hold DB            take the file's lock and sleep until killed

Each mode prints "ready" (or "locked") once it is past its start-up, so that the test
knows when the interesting part begins.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from netui.model import Contact
from netui.store import Store
from netui.store.lock import file_lock


def loop(db: Path) -> None:
    store = Store.open(db)
    seq = len(store.contacts())  # carry on where the killed run stopped
    print("ready", flush=True)
    while True:
        store.add_contact(Contact(name=f"seq {seq:06d}", company="Acme", tags=("kill",)))
        print(seq, flush=True)  # committed: the test may kill from now on, and checks it
        seq += 1


def add(db: Path, prefix: str, count: int) -> None:
    store = Store.open(db)
    print("ready", flush=True)
    sys.stdin.readline()  # the go signal, so that the writers really overlap
    started = time.monotonic()
    for i in range(count):
        store.add_contact(Contact(name=f"{prefix} {i:04d}"))
        store.contacts()  # what the app does next: show the new list
    print(f"{started} {time.monotonic()}", flush=True)


def hold(db: Path) -> None:
    with file_lock(db):
        print("locked", flush=True)
        time.sleep(3600)


if __name__ == "__main__":
    mode, db, *rest = sys.argv[1:]
    if mode == "loop":
        loop(Path(db))
    elif mode == "add":
        add(Path(db), rest[0], int(rest[1]))
    elif mode == "hold":
        hold(Path(db))
    else:
        sys.exit(f"unknown mode {mode}")
