"""Import a LinkedIn-sized Connections.csv (30,000 rows) into an empty data file, then the
monthly re-import of a newer export (same people, 5% changed jobs, 1% new), and print the
figures: each must be one save and take under 5 s on a 2-core machine.

Then the exports of those 30,300 people (each given an email, a phone and a two-line
note) with 50,000 open follow-ups and 5,000 notes: iCalendar, vCard and the three CSVs,
each under 3 s; and the vCard file imported into an empty data file (plan_file + apply,
under 5 s) and again (nothing changes), for the README's figures (issue 12).

Run: .venv/bin/python bench/interchange_bench.py
"""

from __future__ import annotations

import io
import random
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from unittest import mock

from netui.interchange.csvfile import What, export_csv
from netui.interchange.formats import plan_file
from netui.interchange.ical import export_ics
from netui.interchange.plan import apply_plan
from netui.interchange.vcard import export_vcards, read_vcards
from netui.model import FollowUp, Network, Note
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


def timed_import(
    db: Path, path: Path, fmt: str = "linkedin", phases: dict[str, float] | None = None
) -> tuple[float, int, str]:
    """Seconds for open + read + plan + save, and how many atomic writes it made; with
    `phases`, the seconds of plan_file (read and plan) and of apply_plan in it."""
    writes = 0
    real = fileio.write_atomic

    def counting(path: Path, content: bytes):
        nonlocal writes
        writes += 1
        return real(path, content)

    start = time.perf_counter()
    with mock.patch("netui.store.storage.write_atomic", counting):
        store = Store.open(db)
        planning = time.perf_counter()
        plan = plan_file(fmt, path, store.contacts())
        applying = time.perf_counter()
        apply_plan(store, plan)
    end = time.perf_counter()
    if phases is not None:
        phases.update(plan_file=applying - planning, apply_plan=end - applying)
    summary = f"added {len(plan.added)}, updated {len(plan.updated)}, unchanged {plan.unchanged}"
    return end - start, writes, summary


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
        exports(root, db)


FOLLOWUPS = 50_000
NOTES = 5_000
TEXTS = ["send the article, as promised", "ask about the team; who hires?", "thank-you note",
         "Café: bring the book", "call back re: \\New roles"]  # fmt: skip


def big_network(db: Path) -> Network:
    """The imported contacts, each with an email, a phone and a two-line note, plus
    50,000 open follow-ups and 5,000 notes: in memory, since these figures are the
    exports' own (opening a file of that size is bench/store_bench.py's)."""
    network = Store.open(db).network()
    now = datetime.now().replace(microsecond=0)
    contacts = tuple(
        replace(
            c,
            email=f"person{c.id}@example.com",
            phone=f"+1 555 {c.id:07d}",
            how_met=f"Met at the {c.company} meetup, {c.created:%B %Y}.\nAsked about {c.title}.",
        )
        for c in network.contacts
    )
    ids = [c.id for c in contacts]
    followups = tuple(
        FollowUp(
            id=i + 1,
            text=f"{TEXTS[i % len(TEXTS)]} {i}",
            due=now.date() + timedelta(days=i % 90),
            contact_id=ids[i % len(ids)],
            created=now,
        )
        for i in range(FOLLOWUPS)
    )
    notes = tuple(
        Note(id=i + 1, text=f"coffee, {TEXTS[i % len(TEXTS)]}", date=now.date(),
             contact_id=ids[i % len(ids)], created=now)
        for i in range(NOTES)
    )  # fmt: skip
    return Network(contacts=contacts, followups=followups, notes=notes)


def address_book(count: int) -> Network:
    """`count` people as bench/dataset.py makes them (its name lists, homonyms told apart
    by a middle initial), each with an email, a phone and a note."""
    from dataset import generate_contacts

    contacts = generate_contacts(random.Random(20261203), count)
    return Network(
        contacts=tuple(
            replace(
                c,
                id=i + 1,
                email=f"person{i}@example.com",
                phone=f"+1 555 {i:07d}",
                how_met=f"Met at the {c.company} meetup.\nAsked about {c.title}, hiring, teams.",
            )
            for i, c in enumerate(contacts)
        )
    )


def timed(make: Callable[[], bytes]) -> tuple[float, int]:
    start = time.perf_counter()
    data = make()
    return time.perf_counter() - start, len(data)


def csv_bytes(network: Network, what: What) -> bytes:
    out = io.StringIO()
    export_csv(network, what, out)
    return out.getvalue().encode("utf-8")


def exports(root: Path, db: Path) -> None:
    network = big_network(db)
    now = datetime.now().replace(microsecond=0)
    print(
        f"Exports: {len(network.contacts):,} contacts, {len(network.followups):,} open "
        f"follow-ups, {len(network.notes):,} notes (in memory)"
    )
    runs: list[tuple[str, Callable[[], bytes]]] = [
        ("export ics", lambda: export_ics(network, now)),
        ("export vcard", lambda: export_vcards(network).encode("utf-8")),
        ("export csv contacts", lambda: csv_bytes(network, "contacts")),
        ("export csv followups", lambda: csv_bytes(network, "followups")),
        ("export csv notes", lambda: csv_bytes(network, "notes")),
    ]
    for label, make in runs:
        seconds, size = timed(make)
        verdict = "PASS" if seconds < 3 else "MISS"
        print(f"  {label:<22} {seconds:6.2f} s  {size / 1e6:5.1f} MB  (target < 3 s) {verdict}")
    # The import reads an address book of people with real variety in their names (the
    # LinkedIn rows above have 108 names in all, so every name would be 280 people).
    book = address_book(30_000)
    vcf = root / "contacts.vcf"
    vcf.write_text(export_vcards(book), encoding="utf-8")
    count = len(book.contacts)
    print(f"vCard import, {count:,} cards ({vcf.stat().st_size / 1e6:.1f} MB): plan_file + apply")
    start = time.perf_counter()
    read_vcards(vcf)
    print(f"  {'read_vcards alone':<20} {time.perf_counter() - start:6.2f} s")
    other = root / "other.json"
    first = 0.0
    for label in ("into an empty file", "the same file again"):
        if first > 10:  # keep the bench under two minutes while the import is slow
            print(f"  {label:<20} not run: the first took {first:.0f} s")
            break
        phases: dict[str, float] = {}
        seconds, writes, summary = timed_import(other, vcf, "vcard", phases)
        first = first or seconds
        verdict = "PASS" if seconds < 5 else "MISS"
        print(f"  {label:<20} {seconds:6.2f} s  {writes} save(s)  {summary}  "
              f"(target < 5 s) {verdict}")  # fmt: skip
        print(f"  {'':<20} of which plan_file {phases['plan_file']:.2f} s, "
              f"apply_plan {phases['apply_plan']:.2f} s")  # fmt: skip


if __name__ == "__main__":
    main()
