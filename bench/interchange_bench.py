"""Import a LinkedIn-sized Connections.csv (30,000 rows) into an empty data file, then the
monthly re-import of a newer export (same people, 5% changed jobs, 1% new), and print the
figures: each must be one save and take under 5 s on a 2-core machine.

Then the same 30,000 people through vCard (export, import into an empty file, import
again) and an iCalendar export of 5,000 open follow-ups, for the README's figures.

Run: .venv/bin/python bench/interchange_bench.py
"""

from __future__ import annotations

import random
import tempfile
import time
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from unittest import mock

from netui.interchange.formats import plan_file
from netui.interchange.ical import export_ics
from netui.interchange.plan import apply_plan
from netui.interchange.vcard import export_vcards
from netui.model import FollowUp
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


def timed_import(db: Path, path: Path, fmt: str = "linkedin") -> tuple[float, int, str]:
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
        plan = plan_file(fmt, path, store.contacts())
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
        vcards(root, db)
        calendar(root, db)


def vcards(root: Path, db: Path) -> None:
    store = Store.open(db)
    network = store.network()
    start = time.perf_counter()
    text = export_vcards(network)
    seconds = time.perf_counter() - start
    vcf = root / "contacts.vcf"
    vcf.write_text(text, encoding="utf-8")
    count = len(network.contacts)
    print(f"vCard, {count:,} contacts ({vcf.stat().st_size / 1e6:.1f} MB)")
    print(f"  export               {seconds:6.2f} s")
    other = root / "other.json"
    for label in ("into an empty file", "the same file again"):
        seconds, writes, summary = timed_import(other, vcf, "vcard")
        print(f"  {label:<20} {seconds:6.2f} s  {writes} save(s)  {summary}")


def calendar(root: Path, db: Path) -> None:
    """In memory: 5,000 saves of a 17 MB file would time the store, not the export."""
    network = Store.open(db).network()
    now = datetime.now().replace(microsecond=0)
    followups = tuple(
        FollowUp(
            id=i + 1,
            text=f"send the article {i}",
            due=now.date() + timedelta(days=i % 60),
            contact_id=contact.id,
            created=now,
        )
        for i, contact in enumerate(network.contacts[:5000])
    )
    network = replace(network, followups=followups)
    start = time.perf_counter()
    data = export_ics(network, now)
    seconds = time.perf_counter() - start
    print(f"iCalendar, {len(followups):,} open follow-ups ({len(data) / 1e6:.1f} MB)")
    print(f"  export               {seconds:6.2f} s")


if __name__ == "__main__":
    main()
