"""Import a LinkedIn-sized Connections.csv (30,000 rows) into an empty data file, then the
monthly re-import of a newer export (same people, 5% changed jobs, 1% new), and print the
figures: each must be one save and take under 5 s on a 2-core machine.

Run: .venv/bin/python bench/interchange_bench.py
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path
from unittest import mock

from netui.interchange.linkedin import apply_plan, plan_import, read_connections
from netui.store import Store, fileio

ROWS = 30_000
FIRST = ["Ana", "Ben", "Chen", "Dana", "Eli", "Farah", "Gus", "Hana", "Ivan", "Jo", "Kemi", "Lu"]
LAST = ["Smith", "Garcia", "Okafor", "Nguyen", "Kowalski", "Haddad", "Silva", "Ito", "Brown"]
COMPANIES = [f"{w} {s}" for w in ("Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark")
             for s in ("Inc.", "Labs", "Group", "Health", "Bank")]  # fmt: skip
TITLES = ["Engineer", "Designer", "Recruiter", "Product Manager", "Researcher", "Director, Sales"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"


def export(rng: random.Random, people: list[list[str]]) -> str:
    lines = ["Notes:", '"Some emails may be missing."', "", HEADER]
    for first, last, slug, company, title, day in people:
        lines.append(f'{first},{last},https://www.linkedin.com/in/{slug},,"{company}",'
                     f'"{title}",{day}')  # fmt: skip
    return "\ufeff" + "\r\n".join(lines) + "\r\n"


def people(rng: random.Random, count: int, start: int = 0) -> list[list[str]]:
    return [
        [
            rng.choice(FIRST),
            rng.choice(LAST),
            f"person-{start + i}",
            rng.choice(COMPANIES),
            rng.choice(TITLES),
            f"{rng.randint(1, 28):02d} {rng.choice(MONTHS)} {rng.randint(2012, 2026)}",
        ]
        for i in range(count)
    ]


def timed_import(db: Path, csv_path: Path) -> tuple[float, int, str]:
    """Seconds for open + read + plan + save, and how many atomic writes it made."""
    writes = 0
    real = fileio.write_atomic

    def counting(path: Path, content: bytes):
        nonlocal writes
        writes += 1
        return real(path, content)

    start = time.perf_counter()
    with mock.patch("netui.store.storage.write_atomic", counting):
        store = Store.open(db)
        plan = plan_import(read_connections(csv_path), store.contacts())
        apply_plan(store, plan)
    seconds = time.perf_counter() - start
    summary = f"added {len(plan.added)}, updated {len(plan.updated)}, unchanged {plan.unchanged}"
    return seconds, writes, summary


def main() -> None:
    rng = random.Random(5)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        first = people(rng, ROWS)
        (root / "first.csv").write_text(export(rng, first), encoding="utf-8")
        newer = [list(p) for p in first]
        for person in rng.sample(newer, ROWS // 20):  # 5% changed jobs
            person[3], person[4] = rng.choice(COMPANIES), rng.choice(TITLES)
        newer += people(rng, ROWS // 100, start=ROWS)  # 1% new connections
        (root / "newer.csv").write_text(export(rng, newer), encoding="utf-8")
        db = root / "netui.json"
        print(
            f"LinkedIn import, {ROWS:,} rows ({(root / 'first.csv').stat().st_size / 1e6:.1f} MB)"
        )
        for label, name in (
            ("into an empty file", "first.csv"),
            ("monthly re-import", "newer.csv"),
        ):
            seconds, writes, summary = timed_import(db, root / name)
            verdict = "PASS" if seconds < 5 and writes == 1 else "MISS"
            print(f"  {label:<20} {seconds:6.2f} s  {writes} save(s)  {summary}  "
                  f"(target < 5 s, 1 save) {verdict}")  # fmt: skip


if __name__ == "__main__":
    main()
