"""The app benchmarks' data: one seeded generator of LinkedIn-sized networks, written as
netui data files (shared by app_bench.py and the modules it runs).

`build_data_file(path)` writes 30,000 contacts (as from a LinkedIn export: names,
companies, titles, tags, connection dates spread over years), 2,000 notes and 3,000
follow-ups; its keyword arguments scale it (the same seed, so the same people first).
The contacts go in through `Store.add_contacts` in one change; the notes and follow-ups
are written directly in the documented file format (built with netui's own converters),
and the file is checked to open with `Store.open`.

netui is imported inside the functions, so that importing this module stays cheap.
"""

from __future__ import annotations

import os
import random
import time
import unicodedata
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from vocabulary import COMPANIES, EXEC_TITLES, ROLES, words

NOW = datetime(2026, 11, 2, 9, 0, 0)
"""The generated data's "now", and the apps' frozen clock (same data on every run)."""
TODAY = NOW.date()
CONTACTS, NOTES, FOLLOWUPS = 30_000, 2_000, 3_000
PEOPLE = 1_500
"""How many contacts the notes and follow-ups are about."""
SEED = 20261102

# --- realistic data ------------------------------------------------------------------------


FIRST_NAMES = words("""
James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard
Susan Joseph Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy Matthew Betty
Anthony Margaret Mark Sandra Anna Hannah Joanna Anastasia Priya Rahul Ananya Arjun Wei Jing
Hiroshi Yuki Mohammed Fatima Omar Aisha Carlos María José Lucía Zoë Chloé Renée Søren Björn
Jürgen Łukasz Małgorzata Ngozi Chinedu Kwame Amara Olumide Sven Ingrid Pierre Amélie Giulia
Luca Mateo Valentina Diego Camila Hyun-woo Ji-yeon Minh Thảo Aleksandr Olga Dmitri Ekaterina
Noah Emma Liam Olivia Ethan Ava Mason Sophia Lucas Isabella Elijah Mia Aiden Harper Leah Dana
""")
LAST_NAMES = words("""
Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez
Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris
Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill
Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Patel Shah Gupta
Sharma Chen Wang Li Zhang Liu Tanaka Suzuki Kim Park Choi Okafor Adeyemi Mensah Müller Schmidt
Schneider Fischer Dubois Lefèvre Rossi Bianchi Kowalski Nowak Jensen Nielsen Andersson
Johansson Ivanov Petrov Silva Santos Oliveira Costa O'Brien Murphy Kelly Byrne Nakamura Haddad
Khan Ali Hanna Mann Brennan Ferrante
""")
LEVELS = ["", "", "", "Senior ", "Senior ", "Staff ", "Principal ", "Lead ", "Junior "]
TAGS = words("python fintech design data alumni recruiter climate ml product hiring-manager")
TAGS += words("bootcamp remote berlin nyc sf london")
HOW_MET = [
    "LinkedIn connection",
    "LinkedIn connection",
    "LinkedIn connection",
    "PyCon hallway track",
    "Friend of a friend from college",
    "Alumni mixer",
    "Meetup: Data Engineering NYC",
    "Referred by my old manager",
]
SENTENCES = [
    "Spent most of the hour on how the team decides what to build next quarter.",
    "They moved from consulting into product after running an internal tool for two years.",
    "Strong advice: rewrite the resume summary around outcomes, not responsibilities.",
    "The hiring freeze ends in January; they will forward my name to the data platform lead.",
    "Suggested I talk to their former colleague at a fintech start-up in Berlin.",
    "Interviews are four rounds: recruiter screen, take-home, system design, and values.",
    "They liked the portfolio piece on accessibility and want to see the case study.",
    "Café near the office, very friendly; promised to send two names by Friday.",
    "Résumé feedback: cut the first page to the last five years and lead with impact.",
    "Their manager, Zoë, is hiring for a role that is not posted yet.",
    "The company is reorganising around platform teams; expect new openings in Q2.",
    "They warned that the recruiter pipeline is slow; referrals move much faster.",
]
FOLLOWUP_TEXTS = [
    "Send thank-you note",
    "Share the portfolio link",
    "Ask for an intro to the hiring manager",
    "Check in about the team reorg",
    "Send the article we talked about",
    "Congratulate on the new role",
    "Quarterly catch-up",
    "Follow up on the referral",
    "Book a coffee chat",
]


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "".join(c for c in plain if c.isalnum() or c in " -")


def netui_app(store: Any) -> Any:
    """The app on `store` as `netui` runs it (the collector off until its first full
    view, then frozen once), on the data's frozen clock, without its poll timer; older
    netuis (a commit measured with PYTHONPATH) as they take it."""
    import gc
    import inspect

    from netui.clock import frozen_clock
    from netui.ui.app import NetuiApp

    if "tune_gc" in inspect.signature(NetuiApp).parameters:
        gc.disable()
        return NetuiApp(store, clock=frozen_clock(NOW), poll=False, tune_gc=True)
    try:
        return NetuiApp(store, clock=frozen_clock(NOW), poll=False)
    except TypeError:  # no such arguments any more
        return NetuiApp(store)


def generate_contacts(rng: random.Random, count: int = CONTACTS) -> list[Any]:
    """`count` contacts, as a LinkedIn export would give them (ids 1..n in this order)."""
    from netui.model import Contact, Status

    contacts = []
    seen: dict[str, int] = {}
    for i in range(count):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        name = f"{first} {last}"
        seen[name] = seen.get(name, 0) + 1
        if seen[name] > 1:  # homonyms get a middle initial, as people tell them apart
            name = f"{first} {chr(65 + rng.randrange(26))}. {last}"
        company = rng.choice(COMPANIES) if rng.random() < 0.93 else ""
        if rng.random() < 0.06:
            title = rng.choice(EXEC_TITLES)
        else:
            title = rng.choice(LEVELS) + rng.choice(ROLES) if rng.random() < 0.96 else ""
        slug = "-".join(_ascii(name).replace(".", "").split())
        domain = _ascii(company).replace(" ", "") or "gmail"
        email = f"{slug.replace('-', '.')}@{domain}.com" if rng.random() < 0.35 else ""
        phone = f"+1 {rng.randrange(200, 999)} 555 {rng.randrange(1000, 9999)}"
        tags = tuple(rng.sample(TAGS, rng.choice((0, 0, 1, 1, 1, 2, 3))))
        # Connection dates over eight years, more of them recently.
        days_ago = int(rng.betavariate(1.2, 3.0) * 8 * 365)
        created = NOW - timedelta(days=days_ago, seconds=rng.randrange(86_400))
        status = rng.choices(list(Status), weights=(85, 10, 5))[0]
        cadence = rng.choice((30, 60, 90)) if rng.random() < 0.08 else None
        referrer = rng.randrange(1, i + 1) if i > 10 and rng.random() < 0.02 else None
        contacts.append(
            Contact(
                name=name,
                company=company,
                title=title,
                email=email,
                phone=phone if rng.random() < 0.1 else "",
                linkedin=f"https://www.linkedin.com/in/{slug}-{i:05d}",
                tags=tags,
                how_met=rng.choice(HOW_MET),
                referred_by=referrer,
                status=status,
                cadence_days=cadence,
                created=created.replace(microsecond=0),
            )
        )
    return contacts


def generate_notes_followups(
    rng: random.Random,
    contact_ids: list[int],
    notes_count: int = NOTES,
    followups_count: int = FOLLOWUPS,
    people: int = PEOPLE,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Notes and follow-ups as netui writes them, about `people` of the contacts."""
    from netui.model import FollowUp, Note, NoteKind
    from netui.store import convert

    active = rng.sample(contact_ids, min(people, len(contact_ids)))
    notes = []
    for _ in range(notes_count):
        day = TODAY - timedelta(days=int(rng.expovariate(1 / 120)))
        kinds = (NoteKind.MEETING, NoteKind.CALL, NoteKind.EMAIL, NoteKind.NOTE)
        kind = rng.choices(kinds, weights=(35, 20, 25, 20))[0]
        text = " ".join(rng.sample(SENTENCES, rng.randint(1, 4)))
        note = Note(
            text=text,
            date=day,
            contact_id=rng.choice(active) if rng.random() < 0.97 else None,
            kind=kind,
            created=datetime.combine(day, datetime.min.time()) + timedelta(hours=18),
        )
        notes.append(convert.note_to_doc(note))
    followups = []
    for _ in range(followups_count):
        created = NOW - timedelta(days=rng.randrange(1, 400))
        due = created.date() + timedelta(days=rng.randrange(1, 60))
        done = None
        if due < TODAY - timedelta(days=14) or rng.random() < 0.3:
            done = datetime.combine(due, datetime.min.time()) + timedelta(hours=11)
            done = min(done, NOW)
        followup = FollowUp(
            text=rng.choice(FOLLOWUP_TEXTS),
            due=due,
            contact_id=rng.choice(active) if rng.random() < 0.95 else None,
            done=done,
            created=created,
        )
        followups.append(convert.followup_to_doc(followup))
    return notes, followups


def build_data_file(
    path: Path,
    contacts: int = CONTACTS,
    notes: int = NOTES,
    followups: int = FOLLOWUPS,
    people: int = PEOPLE,
) -> dict[str, float]:
    """Write a data set at `path`; return how long each step took (seconds)."""
    from netui.clock import frozen_clock
    from netui.store import Store, schema

    rng = random.Random(SEED)
    timings = {}
    t = time.perf_counter()
    people_list = generate_contacts(rng, contacts)
    store = Store.open(path, clock=frozen_clock(NOW))
    saved = store.add_contacts(people_list, "LinkedIn import")  # one change, one write
    timings["add_contacts"] = time.perf_counter() - t
    ids = [c.id for c in saved if c.id is not None]
    note_docs, followup_docs = generate_notes_followups(rng, ids, notes, followups, people)
    del store, saved, people_list

    # Notes and follow-ups in the documented format: tables of documents keyed by id,
    # with the id counters in meta, exactly as the store would leave them.
    t = time.perf_counter()
    data = schema.decode(path.read_bytes(), path)
    data["notes"] = {str(i): doc for i, doc in enumerate(note_docs, 1)}
    data["followups"] = {str(i): doc for i, doc in enumerate(followup_docs, 1)}
    last_ids = data["meta"][schema.META_ID].setdefault("last_ids", {})
    last_ids.update(notes=len(note_docs), followups=len(followup_docs))
    path.write_bytes(schema.encode(data))
    os.chmod(path, 0o600)
    timings["write notes/follow-ups"] = time.perf_counter() - t

    check = Store.open(path, clock=frozen_clock(NOW))
    counts = (len(check.contacts()), len(check.notes()), len(check.followups(include_done=True)))
    if counts != (contacts, notes, followups) or check.notices:
        raise SystemExit(f"the generated file does not read back: {counts} {check.notices}")
    return timings
