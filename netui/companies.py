"""Who do I know at Acme? Contacts grouped by company, targets, and the best paths in.

Pure functions of the network and the companies the user marked (`Store.companies()`);
no Textual here.

- Company names are matched case- and accent-insensitively, with runs of whitespace made
  one ("Acme", "ACME " and "Acmé" are one company), and shown in their most common
  spelling among the contacts (a tie goes to the spelling the user marked as a target,
  else to the spelling of the contact added first). Nothing else is merged: "Acme" and
  "Acme Corp" stay two companies.
- A company's people are listed met first, then contacted, then leads, by name.
- A path in is a person to reach out to: someone at the company (best: one you met, then
  one you contacted, then a lead), then someone who referred a person who works there
  and could introduce you ("ask Jane to introduce you to Priya at Acme"), best when you
  met them. People you already met at the company need no introduction.
- Every target company is listed, with or without anyone known there ("no path yet").
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from netui.model import Company, Contact, Network, Status
from netui.review import last_touches
from netui.text import fold


def clean_name(name: str) -> str:
    """A company name with runs of whitespace made one space and no space at the ends."""
    return " ".join(name.split())


def company_key(name: str) -> str:
    """What two spellings of one company have in common ("ACME ", "Acmé" → "acme")."""
    return fold(clean_name(name))


class PathKind(StrEnum):
    """How a path reaches the company."""

    DIRECT = "direct"
    """Someone who works there."""
    INTRODUCTION = "introduction"
    """Someone who referred a person who works there, and could introduce you."""


@dataclass(frozen=True, slots=True)
class PathIn:
    """One way into a company: whom to ask, and whom at the company that reaches."""

    kind: PathKind
    ask: Contact
    """The person to reach out to first."""
    reaches: Contact
    """The person at the company (the same as `ask` for a direct path)."""
    referrer: Contact | None = None
    """For a direct path to a lead or a contacted person: who gave you the name (worth
    mentioning when you write)."""

    @property
    def summary(self) -> str:
        """What to do: "Talk to Jane Doe", "Ask Jane Doe to introduce you to Priya Patel"."""
        if self.kind is PathKind.INTRODUCTION:
            return f"Ask {self.ask.name} to introduce you to {self.reaches.name}"
        verb = {
            Status.MET: "Talk to",
            Status.CONTACTED: "Follow up with",
            Status.LEAD: "Reach out to",
        }[self.ask.status]
        return f"{verb} {self.ask.name}"

    @property
    def reason(self) -> str:
        """Why this path: "you met them", "a lead; Bob Smith gave you the name",
        "you met Jane Doe, who referred Priya Patel (lead)"."""
        if self.kind is PathKind.INTRODUCTION:
            knows = {
                Status.MET: f"you met {self.ask.name}",
                Status.CONTACTED: f"you contacted {self.ask.name}",
                Status.LEAD: f"{self.ask.name} is a lead",
            }[self.ask.status]
            return f"{knows}, who referred {self.reaches.name} ({self.reaches.status})"
        reason = {
            Status.MET: "you met them",
            Status.CONTACTED: "contacted, not met yet",
            Status.LEAD: "a lead",
        }[self.ask.status]
        if self.referrer is not None:
            reason += f"; {self.referrer.name} gave you the name"
        return reason


@dataclass(frozen=True, slots=True)
class CompanyGroup:
    """One company: the people you know there, whether it is a target, the paths in."""

    key: str
    """The matching form of the name (`company_key`)."""
    name: str
    """The name shown: the most common spelling."""
    contacts: tuple[Contact, ...] = ()
    """The people who work there: met, then contacted, then leads; by name within each."""
    target: bool = False
    paths: tuple[PathIn, ...] = ()
    """The paths in, best first; () when nobody known leads there ("no path yet")."""
    spellings: tuple[str, ...] = field(default=(), compare=False)
    """Every spelling seen (contacts' and the marked one), most common first."""

    @property
    def people(self) -> int:
        return len(self.contacts)

    @property
    def counts(self) -> Mapping[Status, int]:
        """How many people there are at each status (every status present, maybe 0)."""
        counted = Counter(c.status for c in self.contacts)
        return {status: counted[status] for status in Status}

    @property
    def met(self) -> int:
        return sum(1 for c in self.contacts if c.status is Status.MET)

    @property
    def contacted(self) -> int:
        return sum(1 for c in self.contacts if c.status is Status.CONTACTED)

    @property
    def leads(self) -> int:
        return sum(1 for c in self.contacts if c.status is Status.LEAD)

    @property
    def best_path(self) -> PathIn | None:
        return self.paths[0] if self.paths else None


_RANK = {status: status.rank for status in Status}
"""Each status's place in the loop (`Status.rank`, looked up once: it is sorted on a lot)."""


def group_companies(network: Network, companies: Iterable[Company] = ()) -> list[CompanyGroup]:
    """Every company someone in the network works at, and every target company.

    `companies` are the marked companies (`Store.companies()`): a company marked as a
    target is listed even with nobody known there; one unmarked again is listed only if
    someone works there. Where the file holds two records of one company, the first
    counts (as `Store.set_target` updates the first).

    Order: the targets alphabetically, then the other companies with the most people
    first (then alphabetically).
    """
    index = _Index(network)
    marked: dict[str, Company] = {}
    for company in companies:
        key = company_key(company.name)
        if key:
            marked.setdefault(key, company)

    groups: list[CompanyGroup] = []
    for key in index.people.keys() | {k for k, c in marked.items() if c.target}:
        people = index.people.get(key, [])
        staff = sorted(people, key=index.people_order)
        record = marked.get(key)
        spellings = _spellings(people, record)
        groups.append(
            CompanyGroup(
                key=key,
                name=spellings[0],
                contacts=tuple(staff),
                target=record is not None and record.target,
                paths=tuple(index.paths(key, staff)),
                spellings=spellings,
            )
        )
    groups.sort(key=_group_order)
    return groups


class _Index:
    """What ranking needs, worked out once per network: each contact's company key and
    folded name, who referred whom to each company, and the last touches."""

    def __init__(self, network: Network) -> None:
        self.by_id = network.by_id
        self.touches = last_touches(network)
        self.company: dict[int, str] = {}
        """Company key per contact (by object identity: ids may be missing in tests)."""
        self.name: dict[int, str] = {}
        self.people: dict[str, list[Contact]] = defaultdict(list)
        self.referred: dict[str, list[Contact]] = defaultdict(list)
        """Per company key: the people there whom someone referred."""
        for contact in network.contacts:
            key = self.company[id(contact)] = company_key(contact.company)
            if key:
                self.people[key].append(contact)
                if self.referrer_of(contact) is not None:
                    self.referred[key].append(contact)

    def company_of(self, contact: Contact) -> str:
        key = self.company.get(id(contact))
        return key if key is not None else company_key(contact.company)

    def name_order(self, contact: Contact) -> tuple[str, int]:
        folded = self.name.get(id(contact))
        if folded is None:
            folded = self.name[id(contact)] = fold(contact.name)
        return (folded, contact.id or 0)

    def people_order(self, contact: Contact) -> tuple[int, str, int]:
        """Met first, then contacted, then leads; by name within each."""
        return (-_RANK[contact.status], *self.name_order(contact))

    def recency(self, contact: Contact) -> int:
        """Smaller for a more recent touch (a note or a done follow-up)."""
        return -self.touches.get(contact.id or 0, date.min).toordinal()

    def referrer_of(self, contact: Contact) -> Contact | None:
        """Who gave you this name (None: nobody, themselves, or a deleted contact)."""
        if contact.referred_by is None or contact.referred_by == contact.id:
            return None
        return self.by_id.get(contact.referred_by)

    def paths(self, key: str, staff: list[Contact]) -> list[PathIn]:
        """Direct paths (met, contacted, leads; the most recently touched first within
        each), then introductions (by a referrer you met first, then contacted, then a
        lead; to a contacted person before a lead)."""
        direct = sorted(
            staff, key=lambda c: (-_RANK[c.status], self.recency(c), *self.name_order(c))
        )
        paths = [
            PathIn(
                PathKind.DIRECT, c, c, self.referrer_of(c) if c.status is not Status.MET else None
            )
            for c in direct
        ]
        introductions = []
        for person in self.referred.get(key, ()):
            referrer = self.referrer_of(person)
            if (
                referrer is None
                or person.status is Status.MET  # met already: no introduction needed
                or self.company_of(referrer) == key  # works there: a direct path already
            ):
                continue
            introductions.append(PathIn(PathKind.INTRODUCTION, referrer, person))
        introductions.sort(
            key=lambda p: (
                -_RANK[p.ask.status],
                self.recency(p.ask),
                *self.name_order(p.ask),
                -_RANK[p.reaches.status],
                *self.name_order(p.reaches),
            )
        )
        return paths + introductions


def _group_order(group: CompanyGroup) -> tuple[int, int, str, str]:
    if group.target:
        return (0, 0, fold(group.name), group.name)
    return (1, -group.people, fold(group.name), group.name)


def _spellings(contacts: Iterable[Contact], record: Company | None) -> tuple[str, ...]:
    """The spellings, most common first; a tie goes to the marked one, then the first seen
    (contacts in the order they were added)."""
    ordered = sorted(contacts, key=lambda c: c.id or 0)
    counts = Counter(clean_name(c.company) for c in ordered)
    marked = clean_name(record.name) if record is not None else ""
    if marked and not counts:
        return (marked,)
    first_seen = {name: i for i, name in enumerate(counts)}
    spellings = sorted(counts, key=lambda s: (-counts[s], s != marked, first_seen[s]))
    if marked and marked not in counts:
        spellings.append(marked)
    return tuple(spellings)


def best_paths(network: Network, targets: Iterable[str | Company]) -> dict[str, list[PathIn]]:
    """For each target company (a name, or a `Company`): the paths in, best first.

    Keyed by the target's name as given (whitespace normalised), in the order given; a
    target that nobody known leads to maps to [] ("no path yet"). Names match
    case- and accent-insensitively.
    """
    names = [clean_name(t.name if isinstance(t, Company) else t) for t in targets]
    records = [Company(name, target=True) for name in names if name]
    by_key = {g.key: g for g in group_companies(network, records)}
    result: dict[str, list[PathIn]] = {}
    for name in names:
        if name:
            group = by_key.get(company_key(name))
            result[name] = list(group.paths) if group else []
    return result
