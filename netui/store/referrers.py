"""Referral loops: nobody is referred, however far up the chain, by someone they referred.

Each contact names at most one referrer (`referred_by`), so following referrers from anyone
must end at someone nobody referred. A referrer that would bring the chain back round (A
referred by B, who was referred by A; or a contact referred by themselves) is refused by
every path that sets `referred_by`: the store checks each change before saving it
(`Transaction.check`), and the forms check as the user types (`netui.referrals`, with the
same walk and the same words, from here).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from netui.errors import StoreError


class ReferralLoopError(StoreError):
    """A change that would make someone referred, up the chain, by someone they referred."""


def loop_chain(
    contact_id: int | None, referrer_id: int | None, referrer_of: Mapping[int, int | None]
) -> list[int]:
    """The chain a new referrer would close into a loop: from `referrer_id` up through
    whoever referred them, back to `contact_id` (`[referrer, …, contact]`; `[contact]`
    for a contact made their own referrer); [] when there is no loop.

    `referrer_of` maps every existing contact to their referrer (None: nobody). A chain
    that already loops without `contact_id` (a data error) is followed once round only,
    so this always ends.
    """
    if contact_id is None or referrer_id is None:
        return []
    chain: list[int] = []
    seen: set[int] = set()
    here: int | None = referrer_id
    while here is not None and here not in seen and here in referrer_of:
        seen.add(here)
        chain.append(here)
        if here == contact_id:
            return chain
        here = referrer_of[here]
    return []


def loop_words(names: list[str]) -> str:
    """What a loop (`loop_chain`'s chain, as names) says, e.g. "Ana Lopez was referred by
    Priya Patel: Priya can't also be referred by Ana" (each link of a longer chain named:
    "…, who was referred by …")."""
    if len(names) == 1:
        return f"{names[0]} can't be referred by themselves"
    links = f"{names[0]} was referred by {names[1]}" + "".join(
        f", who was referred by {name}" for name in names[2:]
    )
    who, by = _short_names(names[-1], names[0])
    return f"{links}: {who} can't also be referred by {by}"


def _short_names(one: str, other: str) -> tuple[str, str]:
    """Two people's first names, or their full names where the first names are alike."""
    firsts = [name.split()[0] if name.split() else name for name in (one, other)]
    if firsts[0].casefold() == firsts[1].casefold():
        return one, other
    return firsts[0], firsts[1]


class Referrers(Mapping[int, int | None]):
    """Contact id → referrer id over the contacts table as the file holds it (a referrer
    that is not a whole number counts as none), with what a change would make of it:
    `override` sets some contacts' referrers, `merged` `(other, keep)` counts the people
    `other` referred as referred by `keep` and `other` as gone."""

    def __init__(
        self,
        contacts: dict[str, dict[str, Any]],
        override: Mapping[int, int | None] | None = None,
        merged: tuple[int, int] | None = None,
    ) -> None:
        self._contacts = contacts
        self._override = dict(override or {})
        self._merged = merged

    def __getitem__(self, key: int) -> int | None:
        if key not in self:
            raise KeyError(key)
        if key in self._override:
            return self._override[key]
        referrer = self._contacts[str(key)].get("referred_by")
        if type(referrer) is not int:
            return None
        if self._merged is not None and referrer == self._merged[0]:
            return self._merged[1]
        return referrer

    def __contains__(self, key: object) -> bool:
        if type(key) is not int or (self._merged is not None and key == self._merged[0]):
            return False
        return str(key) in self._contacts

    def __iter__(self) -> Iterator[int]:
        return (int(key) for key in self._contacts if int(key) in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def names(self, chain: list[int]) -> list[str]:
        """The names of a chain's contacts."""
        return [str(self._contacts[str(i)].get("name", "")) or f"contact {i}" for i in chain]


def refuse_loops(contacts: dict[str, dict[str, Any]], changed: list[int]) -> None:
    """Raise ReferralLoopError if a contact of `changed` (whose referrer a change set) is
    now referred, up the chain, by themselves."""
    referrers = Referrers(contacts)
    for contact_id in changed:
        chain = loop_chain(contact_id, referrers.get(contact_id), referrers)
        if chain:
            raise ReferralLoopError(f"{loop_words(referrers.names(chain))}; nothing was saved")
