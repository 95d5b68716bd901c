"""Who a name written by the user means: the one rule for `Name:` prefixes, `via Name`,
`netui prep NAME`, the forms' referrer field and the meeting log.

A reference names a contact only when it is clearly that one person:

1. the whole name ("Jane Doe", any case, accents optional);
2. a whole first or last name ("Jane", "Doe"), or the first words of the name with the
   last one shortened ("Jane D", "Mary Ann"), or its last words ("van Dijk");
3. the start of a first or last name of at least four letters ("Prad" for Pradeep).

`#12` names the contact with id 12: the way to pick one of two people of the same name.

A tier is only looked at when the one above it finds nobody, so "Ana" means Ana Lopez
even when Ananya Iyer is there too. Two people found in the same tier is an error
naming both; nobody found is an error that suggests the near misses ("Ana" for Ananya,
"Jnae" for Jane) but never takes them.

Some prefixes are not names at all: a label people write before a colon (`Re:`, `FYI:`,
`Todo:`, `Note to self:`, `Subject:`), a phrase starting with one (`ask Jane about it:`),
a web address, text with digits or brackets, or more than four words. Such a line is a
follow-up or a note about no one (`Reference.label` says why), unless a contact's whole
name is exactly that text.
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from netui.errors import QuickAddError, UnknownContactError
from netui.model import Contact
from netui.text import fold

MIN_PREFIX = 4
"""The fewest letters of a first or last name that find it ("Prad", not "Ana")."""
MOST_WORDS = 4
"""A prefix of more words than this is a phrase, not a name."""

_LABEL_WORDS = """re fw fwd fyi todo to-do to do tbd idea ideas note notes nb n.b ps p.s
    self
    memo reminder remember q question questions tip tips update news misc aside thought
    thoughts later next next step next steps action action item important urgent asap
    done follow-up follow up followup ask call email mail meeting prep job jobs posting
    read watch listen link article event deadline goal plan draft research apply
    application interview networking admin personal work home me self myself linkedin
    subject tel phone mobile cell fax mailto web site website url address location where
    when time date agenda summary status source via cc bcc attn ref regarding topic"""
LABELS = frozenset(
    (*_LABEL_WORDS.split(), "to do", "note to self", "next step", "next steps", "action item")
)
"""Words written before a colon that label a line rather than name a person."""

_NOT_NAME = re.compile(r"[0-9@#/\\<>\[\]{}()=+*_|~^$%&!?;:\"]")
_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)", re.IGNORECASE)
_EDGE = ".,;:()[]{}\"'“”‘’"
_WORD = re.compile(r"[^\W_]+")
_BY_ID = re.compile(r"^#(\d{1,9})$")
_APOSTROPHES = re.compile("['\u2019\u02bc`]")


def loose(text: str) -> str:
    """`text` folded, without apostrophes: the form a name is searched in."""
    folded = fold(text)
    if "'" in folded or not folded.isascii() or "`" in folded:
        return _APOSTROPHES.sub("", folded)
    return folded


def words_of(name: str) -> list[str]:
    """The folded words of a name: its runs of letters and digits, an apostrophe
    joining ("O'Brien-Ng" is "obrien", "ng"), so that punctuation never decides a match."""
    return _WORD.findall(loose(name))


def _full(name: str) -> str:
    return " ".join(fold(name).split())


@dataclass(frozen=True, slots=True)
class Reference:
    """What a written reference resolved to."""

    written: str
    contact: Contact | None = None
    how: str = ""
    """How it matched: "full name", "first name", "last name", "name", "start of name"."""
    label: str = ""
    """Why it is not a name at all ("" when it is one): the line is about no one."""


def not_a_name(ref: str) -> str:
    """Why `ref` can't be a person's name ("" if it can): a label, a web address…"""
    text = " ".join(ref.split())
    folded = fold(text).rstrip(".")
    if _URL.match(text):
        return "a web address"
    if folded in LABELS:
        return f"'{text}' is a label"
    if not any(ch.isalpha() for ch in text):
        return f"'{text}' has no letters"
    if _NOT_NAME.search(text):
        return f"'{text}' is not written like a name"
    words = folded.split()
    if len(words) > MOST_WORDS:
        return f"'{text}' is a phrase"
    if len(words) > 1 and words[0] in LABELS:
        return f"'{text}' is a phrase"  # "ask Jane about it", "call with the team"
    return ""


class ContactIndex:
    """Contacts prepared for name look-ups (folded once, used on every keystroke)."""

    def __init__(self, contacts: Iterable[Contact]) -> None:
        self.contacts = [c for c in contacts if c.id is not None]
        self._full: dict[str, list[Contact]] = {}
        self._first: dict[str, list[Contact]] = {}
        self._last: dict[str, list[Contact]] = {}
        self._words: list[tuple[str, int]] = []
        """(first or last word, position in `contacts`), sorted: prefix look-ups."""
        self._split: list[list[str]] = []
        self._ids = {c.id: c for c in self.contacts if c.id is not None}
        for position, contact in enumerate(self.contacts):
            words = words_of(contact.name)
            self._split.append(words)
            self._full.setdefault(_full(contact.name), []).append(contact)
            if not words:
                continue
            self._first.setdefault(words[0], []).append(contact)
            self._words.append((words[0], position))
            if len(words) > 1:
                self._last.setdefault(words[-1], []).append(contact)
                self._words.append((words[-1], position))
        self._words.sort()
        self._colon_names = sorted(
            ((fold(c.name), c) for c in self.contacts if ":" in c.name),
            key=lambda pair: -len(pair[0]),
        )
        """Names that hold a colon, longest first: the ':' rule alone would split them."""

    # --- resolving --------------------------------------------------------------------

    def find(self, ref: str) -> Reference:
        """The contact `ref` names, or a Reference with a `label` when `ref` is not a name.

        Raises UnknownContactError (with the near misses) when it looks like a name but
        names nobody, and QuickAddError when it names more than one person.
        """
        ref = " ".join(ref.split())  # one line, also in the messages below
        if not fold(ref).strip(_EDGE):
            raise QuickAddError("no contact name before the ':'")
        by_id = _BY_ID.match(ref)
        if by_id:  # "#12": the one way to tell apart two people of one name
            numbered = self._ids.get(int(by_id[1]))
            if numbered is None:
                raise UnknownContactError(ref)
            return Reference(ref, numbered, "id")
        exact = self._full.get(_full(ref), [])
        if len(exact) == 1:
            return Reference(ref, exact[0], "full name")
        if len(exact) > 1:
            ids = " or ".join(f"#{c.id}" for c in exact[:4])
            raise QuickAddError(
                f"'{ref}' is the name of {_list_names(exact)}: write {ids} for one of them"
            )
        label = not_a_name(ref)
        if label:
            return Reference(ref, label=label)
        for how, found in self._tiers(words_of(ref)):
            if len(found) == 1:
                return Reference(ref, found[0], how)
            if len(found) > 1:
                raise QuickAddError(f"'{ref}' matches {_list_names(found)}: {_HOW_TO_PICK}")
        raise UnknownContactError(ref, [c.name for c in self.near_misses(ref)])

    def resolve(self, ref: str) -> Contact:
        """The one contact `ref` names; a label or a web address is an error here."""
        found = self.find(ref)
        if found.contact is None:
            raise UnknownContactError(found.written, [], reason=found.label)
        return found.contact

    def _tiers(self, wanted: list[str]) -> Iterable[tuple[str, list[Contact]]]:
        """(how, contacts) for each tier of the rule, in order (see the module)."""
        if not wanted:
            return
        if len(wanted) == 1:
            word = wanted[0]
            first, last = self._first.get(word, []), self._last.get(word, [])
            both = _distinct(first + last)
            yield ("first name" if not last else "last name" if not first else "name"), both
            if len(word) >= MIN_PREFIX:
                yield "start of name", _distinct(self.contacts[i] for i in self._starting(word))
            return
        size = len(wanted)
        found = []
        maybe = _distinct(self._first.get(wanted[0], []) + self._last.get(wanted[-1], []))
        for contact in maybe:
            words = words_of(contact.name)
            if len(words) < size:
                continue
            head = words[:size]
            shortened = head[:-1] == wanted[:-1] and head[-1].startswith(wanted[-1])
            if shortened or words[-size:] == wanted:
                found.append(contact)
        yield "name", found

    def _starting(self, prefix: str) -> list[int]:
        """Positions of the contacts a first or last name of which starts with `prefix`."""
        found = []
        at = bisect_left(self._words, (prefix, -1))
        while at < len(self._words) and self._words[at][0].startswith(prefix):
            found.append(self._words[at][1])
            at += 1
        return found

    def near_misses(self, ref: str, limit: int = 3) -> list[Contact]:
        """Contacts `ref` may have meant but does not clearly name: a short start of a
        first or last name ("Ana" for Ananya), a misspelling ("Jnae"), a middle name."""
        wanted = words_of(ref)
        if not wanted:
            return []
        word = wanted[-1] if len(wanted) > 1 else wanted[0]
        found = [self.contacts[i] for i in self._starting(word)] if len(word) >= 2 else []
        if len(found) < limit and len(word) >= 3:
            pool = {w for w, _ in self._words if w[:1] == word[:1]}
            for close in difflib.get_close_matches(word, pool, n=limit, cutoff=0.75):
                found += self._first.get(close, []) + self._last.get(close, [])
        if len(found) < limit:
            found += [
                c for c, words in zip(self.contacts, self._split, strict=True) if word in words
            ][:limit]
        return _distinct(found)[:limit]

    # --- completing -------------------------------------------------------------------

    def named_prefix(self, line: str) -> tuple[Contact, str] | None:
        """(contact, rest) when `line` starts with the full name of a contact whose name
        holds a colon, followed by ':'; None otherwise."""
        line = line.lstrip()
        for name, contact in self._colon_names:
            size = len(contact.name)
            if line[size : size + 1] == ":" and fold(line[:size]) == name:
                return contact, line[size + 1 :].strip()
        return None

    def complete(self, prefix: str, limit: int = 8) -> list[Contact]:
        """Contacts whose name (or a word of it) starts with `prefix`, for completion: a
        suggestion the user sees and accepts, so any start will do."""
        wanted = fold(prefix.strip())
        if not wanted:
            return []
        hits = []
        for contact, words in zip(self.contacts, self._split, strict=True):
            if _full(contact.name).startswith(wanted) or any(w.startswith(wanted) for w in words):
                hits.append(contact)
                if len(hits) == limit:
                    break
        return hits


_HOW_TO_PICK = "write more of the name"


def _distinct(contacts: Iterable[Contact]) -> list[Contact]:
    seen: set[int | None] = set()
    out = []
    for contact in contacts:
        if contact.id not in seen:
            seen.add(contact.id)
            out.append(contact)
    return out


def _list_names(contacts: list[Contact], most: int = 4) -> str:
    names = [
        c.name + (f" ({c.company})" if c.company else "") + f" [id {c.id}]" for c in contacts[:most]
    ]
    if len(contacts) > most:
        return ", ".join(names) + f" and {len(contacts) - most} more"
    return ", ".join(names[:-1]) + " and " + names[-1]
