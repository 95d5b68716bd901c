"""Planning an address-book import (vCard, CSV): find each person, fill in, never overwrite.

A row of the file matches a saved contact by, in order: the LinkedIn profile URL
(normalised), any email address (either side's main or other addresses, ignoring case),
any phone number (its digits, at least 7, the last 10 compared so that `+1 555 010 0199`
and `(555) 010-0199` are one number), the name and company (folded: case, accents and
spacing ignored), and last the name alone when one side has no company and exactly one
saved contact and one row of the file have that name. Two people with the same name and
company whose LinkedIn profiles differ are two people. A row that matches an earlier
row of the same file by the same keys is the same person listed twice, and is skipped.
A referrer is linked by name only when exactly one person (saved or added) has it.

What a matched contact gets, the rule: an import never overwrites what is there. Empty
fields are filled (company, title, main email and phone, profile URL, how met, rhythm,
referrer); addresses, numbers and web addresses it does not have yet are added to its
other ones; tags are added to its tags. The name and status are never changed. So
importing the same file twice changes nothing the second time, and a round trip
netui -> file -> netui leaves the network as it was.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from netui.interchange.keys import normalise_url, number_key, phone_key
from netui.interchange.plan import ImportPlan, Incoming
from netui.model import Contact
from netui.text import name_key, unique

Key = tuple[str, str]
"""(kind, value): ("url", profile), ("email", address), ("phone", digits), ("name", ...)."""


def _keys(contact: Contact) -> list[Key]:
    """Every key a contact is matched by: its profile, addresses, numbers, name + company."""
    keys: list[Key] = []
    if url := normalise_url(contact.linkedin):
        keys.append(("url", url))
    keys += [("email", e.strip().casefold()) for e in (contact.email, *contact.other_emails)]
    keys += [("phone", phone_key(p)) for p in (contact.phone, *contact.other_phones)]
    keys.append(("name", name_key(contact.name, contact.company)))
    return [(kind, value) for kind, value in keys if value.strip("\0")]


def _other_profile(a: Contact, b: Contact) -> bool:
    """Whether `a` and `b` have different LinkedIn profiles (so they are two people, even
    with the same name at the same company)."""
    one, two = normalise_url(a.linkedin), normalise_url(b.linkedin)
    return bool(one and two and one != two)


def _find(keys: list[Key], table: dict[Key, Contact], row: Contact) -> Key | None:
    """The first of `keys` that `table` has; a match by name and company only counts if
    the profiles don't say they are two people."""
    for key in keys:
        found = table.get(key)
        if found is not None and not (key[0] == "name" and _other_profile(found, row)):
            return key
    return None


def _others(
    main: str, old: tuple[str, ...], new: tuple[str, ...], key: Callable[[str], str]
) -> tuple[str, ...]:
    """`old`, then the items of `new` that neither `main` nor `old` already has."""
    have = {key(v) for v in (main, *old) if v}
    return (*old, *unique((v for v in new if key(v) not in have), key))


def _merged(contact: Contact, new: Contact) -> Contact:
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
            filled.phone, contact.other_phones, (new.phone, *new.other_phones), number_key
        ),
        "other_urls": _others(
            filled.linkedin, contact.other_urls, (new.linkedin, *new.other_urls), normalise_url
        ),
        "tags": tuple(unique((*contact.tags, *new.tags))),
    }
    changes.update({k: v for k, v in others.items() if v != getattr(contact, k)})
    return replace(contact, **changes) if changes else contact  # type: ignore[arg-type]


def plan_contacts(incoming: list[Incoming], existing: list[Contact], source: str) -> ImportPlan:
    """What importing `incoming` into a network holding `existing` would do (pure)."""
    index: dict[Key, Contact] = {}  # key -> the saved contact
    by_name: dict[str, list[Contact]] = {}
    for contact in existing:
        for key in _keys(contact):
            index.setdefault(key, contact)
        by_name.setdefault(name_key(contact.name), []).append(contact)
    in_file = Counter(name_key(row.contact.name) for row in incoming if not row.skip)
    plan = ImportPlan(source=source)
    seen: dict[Key, Contact] = {}  # key -> the row of the file that had it first
    first_line: dict[Key, int] = {}
    current: dict[int, Contact] = {}  # saved contact id -> as merged so far
    rows: list[tuple[Incoming, int | None]] = []  # each row with the saved id it matched
    for row in incoming:
        if row.skip:
            plan.skipped.append((row.line, row.skip))
            continue
        keys = _keys(row.contact)
        earlier = _find(keys, seen, row.contact)
        if earlier is not None:
            plan.skipped.append((row.line, f"same person as line {first_line[earlier]}"))
            continue
        for key in keys:
            if key not in seen:
                seen[key], first_line[key] = row.contact, row.line
        found = _find(keys, index, row.contact)
        match = index[found] if found else _same_name(row.contact, by_name, in_file, current)
        if match is None or match.id is None:
            rows.append((row, None))
            continue
        current[match.id] = _merged(current.get(match.id, match), row.contact)
        rows.append((row, match.id))
    # Referrers are resolved once every row is known: a saved contact's id, or (for a
    # person added by this import) their index among the added.
    added_names: dict[str, list[int]] = {}
    unmatched = (row for row, match in rows if match is None)
    for position, row in enumerate(unmatched):
        added_names.setdefault(name_key(row.contact.name), []).append(position)
    for row, match_id in rows:
        referrer_id, referrer_new = _referrer(row.referrer, by_name, added_names)
        if match_id is None:
            position = len(plan.added)
            plan.added.append(replace(row.contact, id=None, referred_by=referrer_id))
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


def _same_name(
    row: Contact,
    by_name: dict[str, list[Contact]],
    in_file: Counter[str],
    current: dict[int, Contact],
) -> Contact | None:
    """The saved contact a row with no stronger match is, by name alone: only when
    exactly one saved contact and one row of the file have that name, one of the two
    has no company (as merged so far), and their profiles don't differ."""
    name = name_key(row.name)
    same_name = by_name.get(name, [])
    if len(same_name) != 1 or in_file.get(name, 0) != 1:
        return None
    saved = same_name[0]
    saved = current.get(saved.id, saved) if saved.id is not None else saved
    if saved.company and row.company and name_key(saved.company) != name_key(row.company):
        return None
    if _other_profile(saved, row):
        return None
    return same_name[0]


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
