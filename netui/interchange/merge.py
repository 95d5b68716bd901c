"""Planning an address-book import (vCard, CSV): find each person, fill in, never overwrite.

Who is who is `netui.identity`'s rule, the one the duplicate warnings and the Duplicates
screen use. A row of the file is a saved contact when the evidence says they are one
person (`Evidence.same_person`): the same LinkedIn profile or email address, or the same
name and the same phone (compared in E.164 form) or company, or a similar name and the
same phone; or when the row has the saved contact's name and brings nothing the contact
does not already have (so that re-importing a card holding only a name adds nobody).
Different LinkedIn profiles are always two people. A row that is only *likely* someone
(a shared home phone, a name alone) is added as a new person and listed as a candidate
in the preview, for the Duplicates screen to settle: never folded into someone else.
A row that is the same person as an earlier row of the file is joined to it (its extra
addresses and numbers kept) and listed as skipped. A referrer is linked by name only
when exactly one person (saved or added) has it.

What a matched contact gets, the rule: an import never overwrites what is there. Empty
fields are filled (company, title, main email and phone, profile URL, how met, rhythm,
referrer); addresses, numbers and web addresses it does not have yet are added to its
other ones; tags are added to its tags. The name and status are never changed. So
importing the same file twice changes nothing the second time, and a round trip
netui -> file -> netui leaves the network as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Container
from dataclasses import dataclass, replace

from netui.identity import (
    Evidence,
    Keys,
    NumberKey,
    block_keys,
    compare,
    keys_of,
    link_key,
)
from netui.interchange.plan import Candidate, ImportPlan, Incoming
from netui.model import Contact, merged_labels
from netui.text import fold, name_key, unique


def _others(
    main: str, old: tuple[str, ...], new: tuple[str, ...], key: Callable[[str], str]
) -> tuple[str, ...]:
    """`old`, then the items of `new` that neither `main` nor `old` already has."""
    have = {key(v) for v in (main, *old) if v}
    return (*old, *unique((v for v in new if key(v) not in have), key))


def _merged(contact: Contact, new: Contact, region: str | None = None) -> Contact:
    """`contact` with the gaps filled from `new` (see the module docstring)."""
    changes: dict[str, object] = {}
    for name in ("company", "title", "email", "phone", "linkedin", "how_met"):
        value = getattr(new, name)
        if value and not getattr(contact, name):
            changes[name] = value
    if new.cadence_days is not None and contact.cadence_days is None:
        changes["cadence_days"] = new.cadence_days
    filled = replace(contact, **changes) if changes else contact  # type: ignore[arg-type]
    others = {
        "other_emails": _others(
            filled.email, contact.other_emails, (new.email, *new.other_emails), str.casefold
        ),
        "other_phones": _others(
            filled.phone,
            contact.other_phones,
            (new.phone, *new.other_phones),
            NumberKey(region),
        ),
        "other_urls": _others(
            filled.linkedin, contact.other_urls, (new.linkedin, *new.other_urls), link_key
        ),
        "tags": tuple(unique((*contact.tags, *new.tags))),
        "phone_labels": merged_labels(contact.phone_labels, new.phone_labels),
    }
    changes.update({k: v for k, v in others.items() if v != getattr(contact, k)})
    return replace(contact, **changes) if changes else contact  # type: ignore[arg-type]


@dataclass(slots=True)
class _Row:
    """A row of the file being planned: its person as joined so far, and its match."""

    row: Incoming
    contact: Contact
    keys: Keys
    match: int | None = None


class _Finder:
    """Contacts bucketed by `identity.block_keys`, so a row is compared with few."""

    def __init__(self) -> None:
        self.blocks: dict[str, list[int]] = {}

    def add(self, position: int, keys: Keys) -> None:
        for block in set(block_keys(keys)):
            self.blocks.setdefault(block, []).append(position)

    def near(self, keys: Keys) -> list[int]:
        found: dict[int, None] = {}
        for block in block_keys(keys):
            found.update(dict.fromkeys(self.blocks.get(block, ())))
        return list(found)


def _adds_nothing(
    known: Contact, keys: Keys, known_keys: Keys, row: Contact, region: str | None
) -> bool:
    """Whether `row` has `known`'s name and nothing `known` lacks or holds otherwise: the
    same card read again (a re-import), whatever else agrees."""
    if not keys.words or keys.words != known_keys.words:
        return False
    for name in ("company", "title", "how_met"):
        value = getattr(row, name)
        if value and fold(value) != fold(getattr(known, name)):
            return False
    as_is = _merged(known, Contact(known.name), region)  # (a repeated tag is no news)
    return _merged(known, row, region) == as_is


def _best(
    keys: Keys,
    row: Contact,
    pool: list[int],
    people: list[Contact],
    pool_keys: list[Keys],
    region: str | None,
    taken: Container[int | None] = (),
) -> tuple[int | None, list[tuple[int, Evidence]]]:
    """(the position in `people` of the one `row` is, the likely others) among `pool`;
    of equally good ones, one not `taken` by an earlier row (by id) comes first."""
    same: list[tuple[int, bool, int]] = []
    likely = []
    for position in pool:
        evidence = compare(keys, pool_keys[position])
        if evidence.apart:
            continue
        if evidence.same_person or _adds_nothing(
            people[position], keys, pool_keys[position], row, region
        ):
            same.append((-evidence.score, people[position].id in taken, position))
        elif evidence.likely:
            likely.append((position, evidence))
    return (min(same)[2] if same else None), likely


def plan_contacts(
    incoming: list[Incoming], existing: list[Contact], source: str, region: str | None = None
) -> ImportPlan:
    """What importing `incoming` into a network holding `existing` would do (pure);
    phone numbers without a country code are read in `region`."""
    saved = [c for c in existing if c.id is not None]
    saved_keys = [keys_of(c, region) for c in saved]
    finder = _Finder()
    for position, keys in enumerate(saved_keys):
        finder.add(position, keys)
    by_name: dict[str, list[Contact]] = {}
    for contact in existing:
        by_name.setdefault(name_key(contact.name), []).append(contact)
    plan = ImportPlan(source=source)
    rows: list[_Row] = []
    in_file = _Finder()
    current: dict[int, Contact] = {}  # saved contact id -> as merged so far
    # The rows so far, as `_best` compares them (kept as rows are added and merged, not
    # rebuilt for each row: a 30,000-card file would take a minute).
    row_contacts: list[Contact] = []
    row_keys: list[Keys] = []
    for row in incoming:
        if row.skip:
            plan.skipped.append((row.line, row.skip))
            continue
        keys = keys_of(row.contact, region)
        earlier, alike = _best(
            keys,
            row.contact,
            in_file.near(keys),
            row_contacts,
            row_keys,
            region,
        )
        if earlier is not None:
            first = rows[earlier]
            first.contact = row_contacts[earlier] = _merged(first.contact, row.contact, region)
            if first.match is not None:
                current[first.match] = _merged(current[first.match], row.contact, region)
            plan.skipped.append((row.line, f"same person as line {first.row.line}"))
            continue
        found, maybe = _best(
            keys, row.contact, finder.near(keys), saved, saved_keys, region, current
        )
        entry = _Row(row, row.contact, keys)
        if found is not None:
            match = saved[found]
            assert match.id is not None
            entry.match = match.id
            current[match.id] = _merged(current.get(match.id, match), row.contact, region)
        else:
            for other, evidence in maybe:
                who = f"{saved[other].name} [id {saved[other].id}]"
                plan.candidates.append(
                    Candidate(row.line, row.contact.name, who, evidence.describe())
                )
            for other, evidence in alike:
                plan.candidates.append(
                    Candidate(
                        row.line,
                        row.contact.name,
                        f"line {rows[other].row.line}",
                        evidence.describe(),
                    )
                )
        in_file.add(len(rows), keys)
        rows.append(entry)
        row_contacts.append(entry.contact)
        row_keys.append(entry.keys)
    # Referrers are resolved once every row is known: a saved contact's id, or (for a
    # person added by this import) their index among the added.
    added_names: dict[str, list[int]] = {}
    unmatched = (entry for entry in rows if entry.match is None)
    for position, entry in enumerate(unmatched):
        added_names.setdefault(name_key(entry.contact.name), []).append(position)
    for entry in rows:
        referrer_id, referrer_new = _referrer(entry.row.referrer, by_name, added_names)
        match_id = entry.match
        if match_id is None:
            position = len(plan.added)
            plan.added.append(replace(entry.contact, id=None, referred_by=referrer_id))
            if referrer_new is not None and referrer_new != position:
                plan.referrers[position] = referrer_new
            continue
        merged = current[match_id]
        if merged.referred_by is None and match_id not in plan.links:
            if referrer_id is not None and referrer_id != match_id:
                current[match_id] = replace(merged, referred_by=referrer_id)
            elif referrer_new is not None:
                plan.links[match_id] = referrer_new
    for contact in existing:
        if contact.id in current:
            after = current[contact.id]
            if after == contact and contact.id not in plan.links:
                plan.unchanged += 1
            else:
                plan.updated.append((contact, after))
    return plan


def _referrer(
    name: str, by_name: dict[str, list[Contact]], added: dict[str, list[int]]
) -> tuple[int | None, int | None]:
    """(saved contact id, index among the added) of the referrer named `name`: nobody
    unless exactly one person, saved or added, has that name."""
    key = name_key(name)
    saved = by_name.get(key, []) if key else []
    new = added.get(key, []) if key else []
    if len(saved) + len(new) != 1:
        return None, None
    return (saved[0].id, None) if saved else (None, new[0])
