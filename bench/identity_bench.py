"""Who is who at 30,000 contacts: `netui duplicates`, and a merge (issue 11's targets:
under 2 s, and under 100 ms plus one save).

The data: the app benchmarks' LinkedIn-sized network (`dataset.build_data_file`: 30,000
contacts, 2,000 notes, 3,000 follow-ups; namesakes told apart by a middle initial, as
people do), with 300 planted duplicates: copies of existing people with the same email
and another spelling of the name, as a phone's address book would add them.

Printed: the whole `netui duplicates` process (median of 3, after a warm-up), the pairs
it found and how many of the planted ones; `find_duplicates` alone in this process; and
a merge through `Store.merge_contacts`, split into the merge's own work (the change
without its save) and the save, median over 10 merges.

    python bench/identity_bench.py [--contacts N]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from dataset import NOW, SEED, build_data_file

PLANTED = 300


def plant_duplicates(path: Path) -> int:
    """Add PLANTED copies of people with an email (the address kept, the name spelled
    another way); return how many were added."""
    from netui.clock import frozen_clock
    from netui.store import Store

    store = Store.open(path, clock=frozen_clock(NOW))
    rng = random.Random(SEED + 1)
    with_email = [c for c in store.contacts() if c.email]
    copies = []
    for contact in rng.sample(with_email, PLANTED):
        first, *rest = contact.name.split()
        copies.append(
            replace(
                contact,
                id=None,
                name=" ".join([first[0] + ".", *rest]),
                linkedin="",
                email=contact.email.upper(),
                tags=("phone",),
            )
        )
    store.add_contacts(copies, "planted duplicates")
    return len(copies)


def time_command(path: Path, runs: int = 3) -> tuple[float, str]:
    script = Path(sys.executable).with_name("netui")
    command = [str(script), "duplicates", "--db", str(path)]
    env = {**os.environ, "NETUI_REGION": "US"}
    subprocess.run(command, env=env, capture_output=True, check=True)  # warm-up
    times, out = [], ""
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
        times.append(time.perf_counter() - start)
        out = done.stdout
    return statistics.median(times), out


def time_merges(path: Path, pairs: list[tuple[int, int]]) -> tuple[float, float]:
    """Median seconds of the merge's own work and of its save."""
    from netui.store import Store
    from netui.store.storage import AtomicJSONStorage

    store = Store.open(path)
    store.add_contact(store.contact(pairs[0][0]))  # the day's backup, out of the way
    store.undo()
    saves: list[float] = []
    flush = AtomicJSONStorage.flush

    def timed_flush(storage: AtomicJSONStorage) -> None:
        start = time.perf_counter()
        flush(storage)
        saves.append(time.perf_counter() - start)

    AtomicJSONStorage.flush = timed_flush  # type: ignore[method-assign]
    totals = []
    for keep, other in pairs:
        start = time.perf_counter()
        store.merge_contacts(keep, other, region="US")
        totals.append(time.perf_counter() - start)
    AtomicJSONStorage.flush = flush  # type: ignore[method-assign]
    work = [total - save for total, save in zip(totals, saves, strict=True)]
    return statistics.median(work), statistics.median(saves)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--contacts", type=int, default=30_000)
    args = parser.parse_args()
    from netui.identity import find_duplicates
    from netui.store import Store

    with tempfile.TemporaryDirectory() as folder:
        os.environ["XDG_DATA_HOME"] = os.environ["XDG_CACHE_HOME"] = folder
        path = Path(folder) / "netui.json"
        build_data_file(path, contacts=args.contacts)
        planted = plant_duplicates(path)
        size = path.stat().st_size / 1e6
        print(f"data: {args.contacts:,} contacts + {planted} planted duplicates ({size:.1f} MB)")

        seconds, out = time_command(path)
        lines = [line for line in out.splitlines() if "  ~  " in line]
        found = sum(1 for line in lines if "same email" in line)
        print(f"netui duplicates (whole process, median of 3): {seconds:.2f} s  (target < 2 s)")
        print(f"  pairs listed: {len(lines)}; with the same email: {found} of {planted} planted")

        store = Store.open(path)
        contacts = store.contacts()
        start = time.perf_counter()
        pairs = find_duplicates(contacts, store.not_duplicates(), "US")
        print(f"find_duplicates alone: {time.perf_counter() - start:.2f} s")

        emailed = [p.ids for p in pairs if "same email" in p.evidence.reasons][:10]
        work, save = time_merges(path, emailed)
        print(
            f"merge (median of {len(emailed)}): {work * 1000:.0f} ms of its own + "
            f"{save * 1000:.0f} ms for the one save  (target < 100 ms + one save)"
        )


if __name__ == "__main__":
    main()
