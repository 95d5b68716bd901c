"""Feed netui's exports to real programs that read them, and say what each one keeps.

    python tools/check_clients.py              # a table; exit 1 if a client lost a field
    python tools/check_clients.py --keep DIR   # and leave the files in DIR to look at

A small network with hostile-but-valid text (accents, `O'Brien, Seán` written family
first, `VP, Sales`, a semicolon in a company, a two-line note holding `C:\\New`, two
emails and two phones, a labelled LinkedIn URL, an emoji) is saved through netui's
store into a private data file, exported with the installed `netui export ics` and
`netui export vcard`, and read back by:

- calcurse: `calcurse -D DIR -i file.ics`, then `calcurse -G` (dates, summaries, note
  files) in that private folder;
- khal: `khal import --batch` into a vdir calendar of a private config, then `khal list`
  and the event files khal wrote;
- khard: the cards put one a file into a vdir address book of a private config (khard
  has no import command), then `khard list` and `khard show`;
- abook: `abook --convert --informat vcard --outformat abook` (its own key=value form);
- icalendar (`Calendar.from_ical`, no component with parse errors) and vobject
  (`readComponents`, then `validate`) for both files.

A client whose program is not installed is skipped. Each field is compared with what
netui holds, over every contact or event: `kept` (equal), `partly` (some of a list),
`changed` (there but different), `lost`. LIMITS says what each client is known not to
keep, and why; any other field not kept is a failure (exit 1, and the pytest test
tests/e2e/test_real_clients.py fails).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

DUE = date(2031, 3, 4)  # far ahead and fixed: each follow-up on its own day
ALARM = "DISPLAY 9:00:00"  # the reminder netui writes: at 09:00 on the due day


@dataclass(frozen=True)
class Person:
    """A contact as netui holds it, with how its name splits into given and family."""

    name: str
    given: str
    family: str
    company: str = ""
    title: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    linkedin: str = ""
    urls: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    note: str = ""


PEOPLE = (
    Person(
        name="O'Brien, Seán",
        given="Seán",
        family="O'Brien",
        company="Café Müller, GmbH",
        title="VP, Sales",
        emails=("sean.obrien@example.ie", "sean@home.example"),
        phones=("+353 1 555 0100", "+353 87 555 0199"),
        linkedin="https://www.linkedin.com/in/sean-obrien",
        urls=("https://example.ie/~sean",),
        tags=("friends", "dublin"),
        note="Met at the Dublin meetup; Zoë introduced us.\nCoffee, then a walk: C:\\New plans",
    ),
    Person(
        name="Zoë Ångström",
        given="Zoë",
        family="Ångström",
        company="Ångström & Co; AB",
        title="Head of R&D",
        emails=("zoe@example.se",),
        phones=("+46 8 555 0101",),
        tags=("research",),
    ),
)
# (text, index of the person in PEOPLE or None, days after DUE)
FOLLOWUPS = (
    ("Send the deck, v2; ask about C:\\New roles", 0, 0),
    ("Coffee: bring the book 📚", 1, 1),
    ("Renew the passport", None, 2),
)

# The fields compared, for a contact and for an event.
CARD_FIELDS = ("name", "given family", "emails", "phones", "org", "title", "note", "urls", "tags")
EVENT_FIELDS = ("date", "summary", "description", "alarm")

KEPT, PARTLY, CHANGED, LOST = "kept", "partly", "changed", "lost"
_RANK = {KEPT: 3, PARTLY: 2, CHANGED: 1, LOST: 0}


def _backslash_n_read_as_newline(text: Value) -> Value:
    return text.replace("\\N", "\n") if isinstance(text, str) else text


def _escapes_kept(text: Value) -> Value:
    return re.sub(r"([,;\\])", r"\\\1", text) if isinstance(text, str) else text


# What a client is known not to keep: (client, field) -> (the worst outcome accepted,
# why, and for a CHANGED field the change exactly: what the client reads instead).
# Any other change, or a worse outcome, is a failure.
LIMITS: dict[tuple[str, str], tuple[str, str, Callable[[Value], Value] | None]] = {
    ("calcurse", "alarm"): (
        LOST,
        "calcurse reminds of appointments only, not all-day events",
        None,
    ),
    # Debian 12's khal 0.10.5 reads through icalendar 4.0.3, which takes the escaped
    # backslash of "C:\\New" for the newline escape "\N" (later icalendar reads it right).
    ("khal", "summary"): (
        CHANGED,
        'a literal "\\N" (C:\\New) read as a line break',
        _backslash_n_read_as_newline,
    ),
    ("khal", "description"): (
        CHANGED,
        'a literal "\\N" (C:\\New) read as a line break',
        _backslash_n_read_as_newline,
    ),
    # abook 0.6.1's vCard reader: one number per type (mobile, work, home), no unescaping
    # of \, \; \n, no unfolding of folded lines, and no field for the rest.
    ("abook", "name"): (CHANGED, "escapes kept: O'Brien\\, Seán", _escapes_kept),
    ("abook", "given family"): (LOST, "FN only, no N", None),
    ("abook", "org"): (LOST, "no field", None),
    ("abook", "title"): (LOST, "no field", None),
    ("abook", "note"): (CHANGED, "escapes kept (\\, \\; \\n), cut at the first fold", None),
    ("abook", "urls"): (PARTLY, "one URL: not the grouped LinkedIn one", None),
    ("abook", "tags"): (LOST, "no field", None),
}


@dataclass
class Finding:
    field: str
    outcome: str
    detail: str = ""  # what was read, when it is not what netui holds
    limit: str = ""  # why, when LIMITS accepts it
    exact: bool = True  # for a change LIMITS describes exactly: it is that change


@dataclass
class Result:
    client: str
    kind: str  # "ics" or "vcf"
    version: str = ""
    skipped: str = ""  # why, when the program is not installed
    findings: list[Finding] = field(default_factory=list)

    def failures_of(self, found: Finding) -> bool:
        """Whether `found` is worse than LIMITS accepts (or another change than it says)."""
        worst, _, _ = LIMITS.get((self.client, found.field), (KEPT, "", None))
        return _RANK[found.outcome] < _RANK[worst] or not found.exact

    def failures(self) -> list[str]:
        """The fields not kept that LIMITS does not accept."""
        return [
            f"{self.client} ({self.kind}): {found.field} {found.outcome}: {found.detail}"
            for found in self.findings
            if self.failures_of(found)
        ]


Value = str | tuple[str, ...] | None
Record = dict[str, Value]  # one contact or event as a client read it; None: no such field


# --- the network, saved and exported by netui ------------------------------------------


def find_netui() -> str | None:
    beside = Path(sys.executable).with_name("netui")
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    return shutil.which("netui")


def export(folder: Path) -> tuple[Path, Path]:
    """Save PEOPLE and FOLLOWUPS in a data file in `folder`, then export them with the
    `netui` command: the calendar and the address book."""
    from netui.model import Contact, FollowUp
    from netui.store import Store

    db = folder / "netui.json"
    store = Store.open(db)
    ids = []
    for person in PEOPLE:
        contact = store.add_contact(
            Contact(
                name=person.name,
                company=person.company,
                title=person.title,
                email=person.emails[0] if person.emails else "",
                other_emails=person.emails[1:],
                phone=person.phones[0] if person.phones else "",
                other_phones=person.phones[1:],
                # The first number is a work line (kept as a phone kind since 0.7): abook
                # keeps one number a kind, so both survive.
                phone_labels=((person.phones[0], "work"),) if len(person.phones) > 1 else (),
                linkedin=person.linkedin,
                other_urls=person.urls,
                tags=person.tags,
                how_met=person.note,
            )
        )
        ids.append(contact.id)
    for text, who, days in FOLLOWUPS:
        contact_id = ids[who] if who is not None else None
        store.add_followup(
            FollowUp(text=text, due=DUE + timedelta(days=days), contact_id=contact_id)
        )
    netui = find_netui()
    if netui is None:
        raise SystemExit("the netui command is not installed (pip install -e .)")
    env = {**os.environ, "NETUI_HOME": str(folder / "home")}
    files = folder / "followups.ics", folder / "contacts.vcf"
    for kind, path in zip(("ics", "vcard"), files, strict=True):
        subprocess.run(
            [netui, "export", kind, "--db", str(db), "-o", str(path)],
            check=True,
            capture_output=True,
            env=env,
            timeout=60,
        )
    return files


def expected_events() -> dict[str, Record]:
    """Each exported follow-up as netui writes it, by ISO date."""
    events: dict[str, Record] = {}
    for text, who, days in FOLLOWUPS:
        person = PEOPLE[who] if who is not None else None
        lines = [text]
        if person:
            lines.append(f"{person.title} at {person.company}")
            lines += [f"Email: {person.emails[0]}", f"Phone: {person.phones[0]}"]
            lines += [f"LinkedIn: {person.linkedin}"] if person.linkedin else []
        due = (DUE + timedelta(days=days)).isoformat()
        events[due] = {
            "date": due,
            "summary": f"{person.name}: {text}" if person else text,
            "description": "\n".join(lines),
            "alarm": ALARM,
        }
    return events


def expected_cards() -> dict[str, Record]:
    """Each contact as netui holds it, by main email."""
    return {
        p.emails[0]: {
            "name": p.name,
            "given family": f"{p.given} {p.family}",
            "emails": p.emails,
            "phones": p.phones,
            "org": p.company,
            "title": p.title,
            "note": p.note,
            "urls": (*((p.linkedin,) if p.linkedin else ()), *p.urls),
            "tags": p.tags,
        }
        for p in PEOPLE
    }


# --- comparing ------------------------------------------------------------------------


def _outcome(want: Value, got: Value) -> str:
    if isinstance(want, tuple):
        have = set(got) if isinstance(got, tuple) else ({got} if got else set())
        if have == set(want):
            return KEPT
        if not have:
            return LOST
        return PARTLY if have < set(want) else CHANGED
    if (got or "") == want:
        return KEPT
    return LOST if not got else CHANGED


def compare(
    client: str, fields: Sequence[str], want: dict[str, Record], got: dict[str, Record]
) -> list[Finding]:
    """One finding a field: its worst outcome over every record (matched by key), and
    whether each change is exactly the one LIMITS expects of `client`, if it names one."""
    findings = []
    for name in fields:
        _, why, change = LIMITS.get((client, name), (KEPT, "", None))
        found = Finding(name, KEPT)
        for key, record in want.items():
            value = got.get(key, {}).get(name)
            outcome = _outcome(record[name], value)
            detail = f"{record[name]!r} read as {value!r}"
            if outcome == CHANGED and change and change(record[name]) != value:
                found.exact = False
                found.detail = f"not only the known change: {detail}"
            if _RANK[outcome] < _RANK[found.outcome]:
                found.outcome = outcome
                found.detail = found.detail if not found.exact else detail
        if found.outcome != KEPT:
            found.limit = why
        findings.append(found)
    return findings


# --- the clients ----------------------------------------------------------------------


def _run(args: Sequence[str | Path], env: dict[str, str]) -> str:
    done = subprocess.run(
        [str(a) for a in args], capture_output=True, env=env, timeout=60, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"{' '.join(map(str, args))} exited {done.returncode}: "
            + done.stderr.decode("utf-8", "replace").strip()
        )
    return done.stdout.decode("utf-8")


def _version(args: Sequence[str], env: dict[str, str]) -> str:
    done = subprocess.run(args, capture_output=True, env=env, timeout=30, check=False)
    text = (done.stdout or done.stderr).decode("utf-8", "replace").strip()
    return text.splitlines()[0] if text else "?"


def calcurse(ics: Path, work: Path, env: dict[str, str]) -> dict[str, Record]:
    folder = work / "calcurse"
    folder.mkdir()
    _run(["calcurse", "-D", folder, "-i", ics], env)
    events: dict[str, Record] = {}
    # -G prints calcurse's own lines: "03/04/2031 [1] >NOTEHASH summary" for an event.
    pattern = re.compile(r"(\d\d)/(\d\d)/(\d{4}) \[\d+\] (?:>([0-9a-f]+) )?(.*)")
    for line in _run(["calcurse", "-D", folder, "-G"], env).splitlines():
        if found := pattern.fullmatch(line):
            month, day, year, note, summary = found.groups()
            text = (folder / "notes" / note).read_text("utf-8") if note else ""
            due = f"{year}-{month}-{day}"
            events[due] = {
                "date": due,
                "summary": summary,
                "description": text.removesuffix("\n"),
                "alarm": None,
            }
    return events


def khal(ics: Path, work: Path, env: dict[str, str]) -> dict[str, Record]:
    from icalendar import Calendar

    folder = work / "khal"
    (folder / "calendar").mkdir(parents=True)
    config = folder / "config"
    config.write_text(
        f"[calendars]\n[[netui]]\npath = {folder / 'calendar'}\ntype = calendar\n"
        "[locale]\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
        "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
        "local_timezone = UTC\ndefault_timezone = UTC\n"
        f"[sqlite]\npath = {folder / 'khal.db'}\n",
        encoding="utf-8",
    )
    _run(["khal", "-c", config, "import", "--batch", "-a", "netui", ics], env)
    listed = _run(
        [
            "khal", "-c", config, "list", "--day-format", "",
            "--format", "{start-date}\x1f{title}\x1f{description}\x1f{alarm-symbol}\x1e",
            DUE.isoformat(), "10d",
        ],
        env,
    )  # fmt: skip
    # The alarm as khal keeps it: the VALARM of the event file it wrote into the vdir.
    alarms = {}
    for path in (folder / "calendar").glob("*.ics"):
        for event in Calendar.from_ical(path.read_bytes()).walk("VEVENT"):
            for alarm in event.walk("VALARM"):
                trigger = alarm.decoded("TRIGGER")
                alarms[event.decoded("DTSTART").isoformat()] = f"{alarm['ACTION']} {trigger}"
    events: dict[str, Record] = {}
    for chunk in listed.split("\x1e"):
        parts = chunk.strip("\n").split("\x1f")
        if len(parts) == 4:
            due, title, description, symbol = parts
            events[due] = {
                "date": due,
                "summary": title,
                "description": description,
                "alarm": alarms.get(due) if symbol.strip() else None,
            }
    return events


def _khard_show(text: str) -> Record:
    """`khard show`'s plain layout: `Key: value` lines, sections (`Phone`, `E-Mail`) of
    indented `types: value` lines, and lists or note lines indented under `Key:`."""
    values: dict[str, list[str]] = {}
    section, key = "", ""
    for line in text.splitlines():
        indent = len(line) - len(line.lstrip(" "))
        body = line.strip()
        if not body:
            continue
        if indent == 0:
            section = body if ":" not in body else ""
            key, _, value = body.partition(": ")
            key = key.rstrip(":")
        elif indent == 4:
            key, _, value = body.partition(": ")
            key = key.rstrip(":")
            if section in ("Phone", "E-Mail"):
                key = section
        else:  # an item of a list, or a line of a note
            value = body.removeprefix("- ") if key != "Note" else body
        if value:
            values.setdefault(key, []).append(value)
    urls = tuple(re.sub(r"^\w+: (?=https?://)", "", u) for u in values.get("Webpage", []))

    def one(key: str) -> str:
        return "\n".join(values.get(key, []))

    return {
        "name": one("Name"),
        "given family": one("Full name"),
        "emails": tuple(values.get("E-Mail", [])),
        "phones": tuple(values.get("Phone", [])),
        "org": one("Organisation"),
        "title": one("Title"),
        "note": one("Note"),
        "urls": urls,
        "tags": tuple(values.get("Categories", [])),
    }


def _cards(vcf: Path) -> list[str]:
    """The cards of the file, each whole (for a vdir: one card a file)."""
    text = vcf.read_text("utf-8")
    return [f"BEGIN:VCARD{c}" for c in text.split("BEGIN:VCARD")[1:]]


def khard(vcf: Path, work: Path, env: dict[str, str]) -> dict[str, Record]:
    folder = work / "khard"
    book = folder / "book"
    book.mkdir(parents=True)
    config = folder / "khard.conf"
    config.write_text(
        f"[addressbooks]\n[[netui]]\npath = {book}\n"
        "[general]\neditor = /bin/false\nmerge_editor = /bin/false\n"
        "[vcard]\npreferred_version = 3.0\n",
        encoding="utf-8",
    )
    for index, card in enumerate(_cards(vcf)):
        (book / f"card{index}.vcf").write_text(card, encoding="utf-8", newline="")
    cards: dict[str, Record] = {}
    for line in _run(["khard", "-c", config, "list", "--parsable"], env).splitlines():
        uid = line.split("\t")[0]
        record = _khard_show(_run(["khard", "-c", config, "show", f"uid:{uid}"], env))
        # "INTERNET, pref: a@b" and "CELL, VOICE: +1 …": the value after the types.
        emails = tuple(e.rpartition(": ")[2] for e in record["emails"] or ())
        record["emails"] = emails
        record["phones"] = tuple(p.rpartition(": ")[2] for p in record["phones"] or ())
        for email in emails:
            cards[email] = record
    return cards


def abook(vcf: Path, work: Path, env: dict[str, str]) -> dict[str, Record]:
    out = _run(
        ["abook", "--convert", "--informat", "vcard", "--infile", vcf, "--outformat", "abook"],
        env,
    )
    cards: dict[str, Record] = {}
    for block in re.split(r"^\[\d+\]$", out, flags=re.MULTILINE)[1:]:
        values = dict(line.split("=", 1) for line in block.strip().splitlines() if "=" in line)
        emails = tuple(e for e in values.get("email", "").split(",") if e)
        record: Record = {
            "name": values.get("name", ""),
            "given family": None,
            "emails": emails,
            "phones": tuple(values[k] for k in ("mobile", "workphone", "phone") if values.get(k)),
            "org": None,
            "title": None,
            "note": values.get("notes", ""),
            "urls": tuple(u for u in values.get("url", "").split(",") if u),
            "tags": None,
        }
        for email in emails:
            cards[email] = record
    return cards


def icalendar_reader(ics: Path, work: Path, env: dict[str, str]) -> dict[str, Record]:
    from icalendar import Calendar

    calendar = Calendar.from_ical(ics.read_bytes())
    errors = [(c.name, e) for c in calendar.walk() for e in c.errors]
    if errors:
        raise RuntimeError(f"icalendar: parse errors {errors}")
    events: dict[str, Record] = {}
    for event in calendar.walk("VEVENT"):
        due = event.decoded("DTSTART").isoformat()
        alarms = event.walk("VALARM")
        events[due] = {
            "date": due,
            "summary": str(event["SUMMARY"]),
            "description": str(event["DESCRIPTION"]),
            "alarm": " ".join(f"{a['ACTION']} {a.decoded('TRIGGER')}" for a in alarms),
        }
    return events


def vobject_ics(ics: Path, work: Path, env: dict[str, str]) -> dict[str, Record]:
    import vobject

    (calendar,) = vobject.readComponents(ics.read_text("utf-8"))
    calendar.validate(raiseException=True, complainUnrecognized=True)
    events: dict[str, Record] = {}
    for event in calendar.contents.get("vevent", []):
        due = event.dtstart.value.isoformat()
        alarms = event.contents.get("valarm", [])
        events[due] = {
            "date": due,
            "summary": event.summary.value,
            "description": event.description.value,
            "alarm": " ".join(f"{a.action.value} {a.trigger.value}" for a in alarms),
        }
    return events


def vobject_vcf(vcf: Path, work: Path, env: dict[str, str]) -> dict[str, Record]:
    import vobject

    cards: dict[str, Record] = {}
    for card in vobject.readComponents(vcf.read_text("utf-8")):
        card.validate(raiseException=True)

        def values(name: str, card: Any = card) -> list[Any]:
            return [line.value for line in getattr(card, "contents", {}).get(name, [])]

        org = values("org")
        note = values("note")
        emails = tuple(str(e) for e in values("email"))
        record: Record = {
            "name": str(card.fn.value),
            "given family": f"{card.n.value.given} {card.n.value.family}",
            "emails": emails,
            "phones": tuple(str(t) for t in values("tel")),
            "org": ";".join(org[0]) if org and isinstance(org[0], list) else "",
            "title": str(values("title")[0]) if values("title") else "",
            "note": str(note[0]) if note else "",
            "urls": tuple(str(u) for u in values("url")),
            "tags": tuple(str(c) for cats in values("categories") for c in cats),
        }
        for email in emails:
            cards[email] = record
    return cards


@dataclass(frozen=True)
class Client:
    name: str
    kind: str  # "ics" or "vcf"
    read: Callable[[Path, Path, dict[str, str]], dict[str, Record]]
    program: str = ""  # the command it needs, "" for a Python library
    version: tuple[str, ...] = ()


CLIENTS = (
    Client("calcurse", "ics", calcurse, "calcurse", ("calcurse", "--version")),
    Client("khal", "ics", khal, "khal", ("khal", "--version")),
    Client("icalendar", "ics", icalendar_reader),
    Client("vobject", "ics", vobject_ics),
    Client("khard", "vcf", khard, "khard", ("khard", "--version")),
    Client("abook", "vcf", abook, "abook", ("abook", "-h")),
    Client("vobject", "vcf", vobject_vcf),
)


def client_env(work: Path) -> dict[str, str]:
    """A private home for the clients (none reads or writes the user's own files) and
    a UTF-8 locale (ncurses programs mangle accents under C)."""
    home = work / "home"
    home.mkdir(exist_ok=True)
    return {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "LC_ALL": "C.UTF-8",
        "TZ": "UTC",
    }


def check(client: Client, ics: Path, vcf: Path, work: Path) -> Result:
    result = Result(client.name, client.kind)
    if client.program and shutil.which(client.program) is None:
        result.skipped = f"{client.program} is not installed"
        return result
    folder = work / f"{client.name}-{client.kind}"
    folder.mkdir()
    env = client_env(folder)
    if client.version:
        result.version = _version(client.version, env)
    else:
        module = __import__(client.name)
        result.version = (
            f"{client.name} {getattr(module, '__version__', '') or getattr(module, 'VERSION', '')}"
        )
    fields: Sequence[str]
    if client.kind == "ics":
        want, fields, path = expected_events(), EVENT_FIELDS, ics
    else:
        want, fields, path = expected_cards(), CARD_FIELDS, vcf
    try:
        got = client.read(path, folder, env)
    except Exception as error:  # a client refusing the file is a finding, not a crash
        result.findings = [Finding("file", LOST, f"{type(error).__name__}: {error}")]
        return result
    result.findings = compare(client.name, fields, want, got)
    return result


def check_all(work: Path) -> list[Result]:
    ics, vcf = export(work)
    return [check(client, ics, vcf, work) for client in CLIENTS]


def report(results: list[Result]) -> str:
    lines = []
    for result in results:
        head = f"{result.client} ({result.kind})"
        if result.skipped:
            lines.append(f"{head}: skipped, {result.skipped}")
            continue
        kept = [f.field for f in result.findings if f.outcome == KEPT]
        lines.append(f"{head}, {result.version}")
        lines.append(f"  keeps: {', '.join(kept) or 'nothing'}")
        for found in result.findings:
            if found.outcome != KEPT:
                known = found.limit and found.exact and not result.failures_of(found)
                why = f" [known: {found.limit}]" if known else " [NOT EXPECTED]"
                lines.append(f"  {found.field}: {found.outcome}{why}: {found.detail}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="write the files into this folder and keep them")
    args = parser.parse_args(argv)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        results = check_all(args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="netui-clients-") as folder:
            results = check_all(Path(folder))
    print(report(results))
    failures = [f for r in results for f in r.failures()]
    if failures:
        print("\nFAILED:\n  " + "\n  ".join(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
