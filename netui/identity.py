"""Who is who between contacts: the one rule every part of netui uses to tell whether two
contacts are the same person.

Evidence, from the contacts' own fields:

- **strong**: the same email address (any of either's, case ignored) or the same
  LinkedIn profile (its normalised URL, also among the other web addresses). Different
  profiles on both sides and no shared email say the opposite: two people, whatever
  else agrees.
- **weak**: the same phone number (compared in E.164 form, `+14087655050`, so that
  `+1 408 765-5050` and `+49 408 765-5050` are two numbers; a number written without a
  country code is read in the default region, `NETUI_REGION` or the locale's, and when
  there is none it agrees with any number of the same national digits); the same name
  (case, accents and spacing ignored; a middle name or initial on one side only is
  still the same name); a similar name (a short form, "Chris"/"Christopher", an
  initial, a letter added or left out, "Jon"/"John", or in a name of five letters or
  more one changed or two swapped) with the same last name; and the same company, which
  only counts next to a name that agrees.

Two contacts **are** one person (an import merges them) on strong evidence, or when the
name is the same and so is the phone or the company, or the name is similar and the phone
the same. They **may be** one person (a duplicate warning at entry, a pair on the
Duplicates screen, a candidate in an import's preview) from a score of 40: an email or
profile 60, a phone 40, the same name 40, a similar name 20, the same company 20, a
different company -20 (one written shorter, "Lumen" for "Lumen Bank", is neither). A
shared home phone or a common name alone is never folded on import: it is shown, and
the user decides.
"""

from __future__ import annotations

import locale
import os
import re
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from urllib.parse import urlsplit

from netui.model import Contact, merged_labels
from netui.names import words_of
from netui.text import fold, unique

LIKELY = 40
"""The score from which two contacts are shown as a likely duplicate."""
BLOCK_LIMIT = 60
"""Contacts sharing one key beyond this many (a company's switchboard, 'John Smith' in a
30,000-name network) are not compared pairwise by that key."""

_DIGITS = re.compile(r"\d")
_COMPANY_NOISE = re.compile(
    r"[.,]|\b(inc|incorporated|llc|ltd|limited|corp|corporation|co|company|gmbh|ag|sa|"
    r"plc|bv|nv|pty|srl|sarl|the)\b"
)

_NICKNAME_PAIRS = """bob/robert rob/robert bill/william will/william liz/elizabeth
    beth/elizabeth betty/elizabeth mike/michael jim/james jimmy/james dick/richard
    rick/richard kate/katherine kathy/katherine katie/katherine peggy/margaret
    maggie/margaret meg/margaret tony/anthony ted/edward ed/edward ned/edward
    jack/john johnny/john sasha/alexander sasha/alexandra alex/alexander alex/alexandra
    sandy/alexandra chuck/charles charlie/charles hank/henry harry/henry dave/david
    steve/stephen steve/steven joe/joseph jo/joanna sue/susan suzy/susan tom/thomas
    pat/patricia pat/patrick matt/matthew nick/nicholas nate/nathan dan/daniel
    danny/daniel sam/samuel sam/samantha ben/benjamin jen/jennifer jenny/jennifer
    andy/andrew drew/andrew greg/gregory jeff/jeffrey larry/lawrence lou/louis
    abby/abigail becky/rebecca cathy/catherine chris/christopher chris/christine
    fred/frederick gabe/gabriel josh/joshua ken/kenneth kim/kimberly mandy/amanda
    manny/manuel nat/natalie pepe/jose paco/francisco sol/soledad"""
NICKNAMES = {frozenset(pair.split("/")) for pair in _NICKNAME_PAIRS.split()}


# --- keys ---------------------------------------------------------------------------------


def default_region() -> str | None:
    """The region a phone number without a country code is read in: `NETUI_REGION`
    (two letters, like `US` or `DE`), else the locale's ("en_US.UTF-8" → "US")."""
    chosen = os.environ.get("NETUI_REGION", "").strip().upper()
    if len(chosen) == 2 and chosen.isalpha():
        return chosen
    for name in ("LC_ALL", "LC_TELEPHONE", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return _region_of(value)
    return _region_of(locale.getlocale()[0] or "")


def _region_of(value: str) -> str | None:
    match = re.match(r"^[a-z]{2,3}_([A-Z]{2})\b", value)
    return match[1] if match else None


def normalise_url(url: str) -> str:
    """The key a profile URL is matched by ("" for no URL): lower case, https, no `www.`,
    no query string, fragment or trailing slash."""
    url = url.strip().lower()
    if not url:
        return ""
    if "://" not in url:
        url = "https://" + url
    parts = urlsplit(url)
    host = parts.netloc.removeprefix("www.")
    if host.endswith(".linkedin.com"):
        host = "linkedin.com"  # uk.linkedin.com/in/x is linkedin.com/in/x
    path = parts.path.rstrip("/")
    return f"https://{host}{path}"


def link_key(url: str) -> str:
    """The key two web links of one person are told apart by: a LinkedIn profile by
    `normalise_url`; any other link keeps its path's case and its query (two short links
    or booking pages that differ only there are two links)."""
    text = url.strip()
    if "linkedin.com/" in text.lower():
        return normalise_url(text)
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    host = parts.netloc.lower().removeprefix("www.")
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{parts.path.rstrip('/')}{query}"


@lru_cache(maxsize=65536)
def phone_key(phone: str, region: str | None = None) -> str:
    """The key a phone number is matched by: E.164 (`+14087655050`) when its country is
    known (written with `+` or `00`, or read in `region`); else `?` and its national
    digits. "" for text with fewer than 7 digits."""
    digits = "".join(_DIGITS.findall(phone))
    if len(digits) < 7:
        return ""
    import phonenumbers  # (only imports and duplicate checks need it: not at start-up)

    text = phone.strip()
    if text.startswith("00"):
        text = "+" + text[2:]
    try:
        number = phonenumbers.parse(text, region if not text.startswith("+") else None)
    except phonenumbers.NumberParseException:
        return "?" + digits.lstrip("0")
    return f"+{number.country_code}{number.national_number}"


def phones_agree(one: str, two: str) -> bool:
    """Whether two phone keys can be the same number: equal, or one has no country and
    the same national digits as the other."""
    if one == two:
        return True
    if one.startswith("?") == two.startswith("?"):
        return False
    bare, full = (one[1:], two) if one.startswith("?") else (two[1:], one)
    if len(bare) < 7 or not full.endswith(bare):
        return False
    import phonenumbers

    code = full[1 : len(full) - len(bare)]  # what is left must be a country code
    return code.isdigit() and int(code) in phonenumbers.COUNTRY_CODE_TO_REGION_CODE


class NumberKey:
    """A number's key for telling one person's numbers apart: a number with no country
    takes the key of an earlier one it may be (`phones_agree`), so that `415.555.0142`
    is a repeat of `+1 (415) 555-0142` even with no region known. One per contact."""

    def __init__(self, region: str | None) -> None:
        self.region = region
        self.seen: list[str] = []
        self.claims: dict[str, str] = {}
        """A number without a country -> the one with a country taken for it: a second
        country's number of the same digits is then another number."""

    def __call__(self, number: str) -> str:
        key = phone_key(number, self.region)
        if not key:
            return number
        if key in self.seen:
            return key
        for earlier in self.seen:
            if phones_agree(earlier, key):
                bare, full = (earlier, key) if earlier.startswith("?") else (key, earlier)
                if self.claims.setdefault(bare, full) == full:
                    return earlier
        self.seen.append(key)
        return key


def company_key(company: str) -> str:
    """A company as it is compared: folded, without `Inc.`, `Ltd`, `GmbH` and the like."""
    return " ".join(_COMPANY_NOISE.sub(" ", fold(company)).split())


@dataclass(frozen=True, slots=True)
class Keys:
    """What a contact is recognised by, computed once."""

    emails: frozenset[str]
    profile: str
    """The main profile URL, normalised ("" for none)."""
    profiles: frozenset[str]
    """It and the LinkedIn profiles among the other web addresses (a renamed profile)."""
    phones: frozenset[str]
    words: tuple[str, ...]
    company: str

    @property
    def name(self) -> str:
        return " ".join(self.words)

    @property
    def first_last(self) -> str:
        """First and last word: "jane doe" for Jane M. Doe (a middle name left out)."""
        return f"{self.words[0]} {self.words[-1]}" if len(self.words) > 1 else self.name


def keys_of(contact: Contact, region: str | None = None) -> Keys:
    """The keys of `contact` (phones read in `region`)."""
    emails = frozenset(
        e.strip().casefold() for e in (contact.email, *contact.other_emails) if e.strip()
    )
    phones = frozenset(
        k for k in (phone_key(p, region) for p in (contact.phone, *contact.other_phones)) if k
    )
    profile = normalise_url(contact.linkedin)
    profiles = {normalise_url(u) for u in contact.other_urls if "linkedin.com/in/" in u.lower()}
    return Keys(
        emails,
        profile,
        frozenset({profile, *profiles} - {""}),
        phones,
        tuple(words_of(contact.name) or fold(contact.name).split() or contact.name.split()),
        company_key(contact.company),
    )


# --- evidence -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why two contacts may be one person, and how likely (0-100)."""

    reasons: tuple[str, ...] = ()
    score: int = 0
    apart: str = ""
    """Why they are certainly two people ("" when nothing says so)."""

    @property
    def strong(self) -> bool:
        return not self.apart and bool({"same email", "same LinkedIn profile"} & set(self))

    @property
    def same_person(self) -> bool:
        """Enough to merge without asking (an import): strong, or the same name and the
        same phone or company, or a similar name and the same phone."""
        if self.apart:
            return False
        if self.strong:
            return True
        phone = "same phone" in self.reasons
        if "same name" in self.reasons:
            return phone or "same company" in self.reasons
        return phone and "similar name" in self.reasons

    @property
    def likely(self) -> bool:
        """Worth showing as a possible duplicate."""
        return not self.apart and self.score >= LIKELY

    def __iter__(self) -> Iterator[str]:
        return iter(self.reasons)

    def describe(self) -> str:
        return ", ".join(self.reasons)


def _similar_first(one: str, two: str) -> bool:
    if one == two:
        return True
    if frozenset((one, two)) in NICKNAMES:
        return True
    short, long = sorted((one, two), key=len)
    if (len(short) >= 3 or len(short) == 1) and long.startswith(short):
        return True  # "Chris" for Christopher, "J." for Jane
    if len(one) != len(two):  # a letter added or left out: Jon/John, Ann/Anne
        return min(len(one), len(two)) >= 3 and _one_letter_off(one, two)
    return len(one) >= 5 and _one_letter_off(one, two)  # (Jan/Jen are two people)


def _one_letter_off(one: str, two: str) -> bool:
    """Whether one edit (a letter changed, added, removed, or two swapped) makes `one`
    into `two`."""
    if abs(len(one) - len(two)) > 1:
        return False
    if len(one) == len(two):
        diff = [i for i, (a, b) in enumerate(zip(one, two, strict=True)) if a != b]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and one[diff[0]] == two[diff[1]]
    short, long = sorted((one, two), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _compatible(one: str, two: str) -> bool:
    """Whether two company keys may name one company, written shorter and longer
    ("lumen", "lumen bank"): the words of one start the other's."""
    short, long = sorted((one.split(), two.split()), key=len)
    return long[: len(short)] == short


def compare(a: Keys, b: Keys) -> Evidence:
    """The evidence that the contacts with keys `a` and `b` are one person."""
    shared_email = bool(a.emails & b.emails)
    same_profile = bool(a.profiles & b.profiles)
    if a.profile and b.profile and not same_profile and not shared_email:
        return Evidence(apart="different LinkedIn profiles")
    reasons: list[str] = []
    score = 0
    if shared_email:
        reasons.append("same email")
        score += 60
    if same_profile:
        reasons.append("same LinkedIn profile")
        score += 60
    if any(phones_agree(x, y) for x in a.phones for y in b.phones):
        reasons.append("same phone")
        score += 40
    named = False
    if a.words and b.words:
        if a.name == b.name or (
            a.first_last == b.first_last and min(len(a.words), len(b.words)) > 1
        ):
            reasons.append("same name")
            score += 40
            named = True
        elif (
            len(a.words) > 1
            and len(b.words) > 1
            and a.words[-1] == b.words[-1]
            and _similar_first(a.words[0], b.words[0])
        ) or (
            len(a.words) > 1
            and len(b.words) > 1
            and a.words[0] == b.words[0]
            and min(len(a.words[-1]), len(b.words[-1])) >= 5
            and _one_letter_off(a.words[-1], b.words[-1])
        ):
            reasons.append("similar name")
            score += 20
            named = True
    if named and a.company and b.company:
        if a.company == b.company:
            reasons.append("same company")
            score += 20
        elif not _compatible(a.company, b.company):
            score -= 20
    return Evidence(tuple(reasons), max(0, min(score, 100)))


# --- finding ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Pair:
    """Two contacts that may be one person (`first.id < second.id`)."""

    first: Contact
    second: Contact
    evidence: Evidence

    @property
    def ids(self) -> tuple[int, int]:
        assert self.first.id is not None and self.second.id is not None
        return self.first.id, self.second.id


def block_keys(keys: Keys) -> Iterator[str]:
    """The buckets a contact is put in: two contacts are compared only if they share one."""
    for email in keys.emails:
        yield "e" + email
    for profile in keys.profiles:
        yield "u" + profile
    for phone in keys.phones:
        yield "p" + phone.lstrip("?")[-9:]  # (no country: shares a bucket with its E.164)
    if keys.words:
        yield "n" + keys.first_last
        if len(keys.words) > 1 and keys.company:
            yield f"c{keys.company}\0{keys.words[-1]}"
            yield f"f{keys.company}\0{keys.words[0]}"


def find_duplicates(
    contacts: Iterable[Contact],
    dismissed: Iterable[tuple[int, int]] = (),
    region: str | None = None,
) -> list[Pair]:
    """Every likely pair among `contacts`, best first, but those marked not duplicates.

    Contacts are only compared within a bucket (an email, a profile, a phone, a name, a
    last or first name at a company), so the work grows with the network, not its square.
    """
    people = [c for c in contacts if c.id is not None]
    keys = [keys_of(c, region) for c in people]
    buckets: dict[str, list[int]] = {}
    for position, own in enumerate(keys):
        for block in set(block_keys(own)):
            buckets.setdefault(block, []).append(position)
    skip = {tuple(sorted(pair)) for pair in dismissed}
    seen: set[tuple[int, int]] = set()
    pairs = []
    for members in buckets.values():
        if len(members) < 2 or len(members) > BLOCK_LIMIT:
            continue
        for i, one in enumerate(members):
            for two in members[i + 1 :]:
                a, b = people[one], people[two]
                ids = (a.id, b.id) if a.id < b.id else (b.id, a.id)  # type: ignore[operator]
                if ids in seen or ids in skip:
                    continue
                seen.add(ids)  # type: ignore[arg-type]
                evidence = compare(keys[one], keys[two])
                if evidence.likely:
                    first, second = (a, b) if a.id == ids[0] else (b, a)
                    pairs.append(Pair(first, second, evidence))
    pairs.sort(key=lambda p: (-p.evidence.score, p.ids))
    return pairs


def likely_matches(
    new: Contact, contacts: Iterable[Contact], region: str | None = None, limit: int = 3
) -> list[tuple[Contact, Evidence]]:
    """The saved contacts a contact about to be added may already be, best first: the
    duplicate warning shown before saving. Same email, profile or phone, or the same
    name at a company that does not differ."""
    mine = keys_of(new, region)
    found = []
    for contact in contacts:
        if contact.id is None or contact.id == new.id:
            continue
        if not _may_share(mine, contact, region):
            continue
        evidence = compare(mine, keys_of(contact, region))
        if evidence.likely:
            found.append((contact, evidence))
    found.sort(key=lambda pair: -pair[1].score)
    return found[:limit]


def _may_share(mine: Keys, contact: Contact, region: str | None) -> bool:
    """A cheap first look (no phone parsing) before `compare`."""
    if mine.words:
        folded = fold(contact.name)
        if mine.words[-1] in folded or mine.words[0] in folded:
            return True
    if mine.emails and {contact.email.casefold(), *map(str.casefold, contact.other_emails)} & (
        mine.emails
    ):
        return True
    if mine.profile and normalise_url(contact.linkedin) == mine.profile:
        return True
    return bool(mine.phones and (contact.phone or contact.other_phones))


def warning(contact: Contact, evidence: Evidence) -> str:
    """ "Jane Doe (Acme Corp) is already here [id 10]: same email", for a preview."""
    where = f" ({contact.company})" if contact.company else ""
    return f"{contact.name}{where} is already here [id {contact.id}]: {evidence.describe()}"


# --- merging ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Merged:
    """Two contacts made one: the survivor as it will be saved, and what of the other's
    could not be kept in a field (a second company, title, name), for a note."""

    contact: Contact
    kept_aside: tuple[str, ...] = field(default=())


def _others(main: str, values: Iterable[str], key: Callable[[str], Hashable]) -> tuple[str, ...]:
    """`values` without `main` and without repeats, compared by `key`."""
    have = key(main) if main else None
    return tuple(v for v in unique(values, key) if key(v) != have)


def merge_contacts(keep: Contact, other: Contact, region: str | None = None) -> Merged:
    """`keep` with everything of `other` it lacks: empty fields filled, both values kept
    where they differ (other emails, phones, web addresses), tags and prepared questions
    joined, the earlier `created`, the further status. The name is `keep`'s."""

    changes: dict[str, object] = {}
    aside: list[str] = []
    for name in ("company", "title", "how_met"):
        mine, theirs = getattr(keep, name), getattr(other, name)
        if theirs and not mine:
            changes[name] = theirs
        elif theirs and fold(theirs) != fold(mine):
            aside.append(f"{name.replace('_', ' ')}: {theirs}")
    if fold(" ".join(other.name.split())) != fold(" ".join(keep.name.split())):
        aside.insert(0, f"name: {other.name}")
    email = keep.email or other.email
    phone_main = keep.phone or other.phone
    linkedin = keep.linkedin or other.linkedin
    changes["email"], changes["phone"], changes["linkedin"] = email, phone_main, linkedin
    changes["other_emails"] = _others(
        email, (keep.email, *keep.other_emails, other.email, *other.other_emails), str.casefold
    )
    changes["other_phones"] = _others(
        phone_main,
        (keep.phone, *keep.other_phones, other.phone, *other.other_phones),
        NumberKey(region),
    )
    changes["other_urls"] = _others(
        linkedin,
        (keep.linkedin, *keep.other_urls, other.linkedin, *other.other_urls),
        link_key,
    )
    changes["tags"] = tuple(unique((*keep.tags, *other.tags), fold))
    changes["phone_labels"] = merged_labels(keep.phone_labels, other.phone_labels)
    changes["prepared"] = tuple(unique((*keep.prepared, *other.prepared)))
    if other.status.rank > keep.status.rank:
        changes["status"] = other.status
    if keep.cadence_days is None and other.cadence_days is not None:
        changes["cadence_days"] = other.cadence_days
    if keep.referred_by in (None, other.id) and other.referred_by not in (keep.id, other.id):
        changes["referred_by"] = other.referred_by
    elif keep.referred_by == other.id:
        changes["referred_by"] = None
    if other.created and (keep.created is None or other.created < keep.created):
        changes["created"] = other.created
    merged = replace(keep, **changes)  # type: ignore[arg-type]
    return Merged(merged, tuple(aside))
