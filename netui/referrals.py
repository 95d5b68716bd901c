"""Who led to whom: the referral forest, pure functions of the network.

Every contact names at most one referrer (`Contact.referred_by`), so the referrals form a
forest, except where the data says otherwise: a contact referred by itself, by a contact
that was deleted, or a loop (A referred B and B referred A, by a data error). Those are
broken deterministically, so that every contact appears at most once:

- a referrer that is the contact itself, or no longer exists, counts as none;
- the roots are the contacts with no referrer who referred at least one person;
- a loop with no root gets its lowest-id member as root (its referrer link is cut);
- a contact already placed is never placed again.

Everything is iterative (no recursion), so a chain of thousands of referrals costs a
few milliseconds and never hits Python's recursion limit. No Textual here.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace

from netui.errors import QuickAddError
from netui.model import Contact, Network, Note
from netui.store import loop_chain, loop_words


def is_meeting(note: Note) -> bool:
    """Whether `note` records a meeting, a coffee or an event."""
    return note.kind.is_meeting


@dataclass(frozen=True, slots=True)
class ReferralNode:
    """One person's place in the forest, and what their referrals yielded."""

    contact: Contact
    root_id: int
    """The id of the root of this person's tree."""
    parent_id: int | None
    """Who referred them, as placed in the tree; None for a root."""
    depth: int
    """0 for a root, 1 for the people a root referred, and so on."""
    children: tuple[int, ...]
    """The ids of the people they referred, by name."""
    meetings: int
    """Meetings, coffees and events held with the people they referred."""
    descendants: int
    """Everyone below them in the tree (the people they referred, theirs, and so on)."""
    cut_referrer: int | None = None
    """For a root chosen to break a loop: the referrer the data names, which was cut."""

    @property
    def id(self) -> int:
        return self.contact.id  # type: ignore[return-value]

    @property
    def names_given(self) -> int:
        """How many names they gave (people they referred directly)."""
        return len(self.children)


@dataclass(frozen=True, slots=True)
class ReferralForest:
    """The referral trees of a network, with their longest chain and companies reached."""

    roots: tuple[int, ...]
    """The ids of the roots, by name."""
    nodes: dict[int, ReferralNode] = field(default_factory=dict)
    """Every contact in a tree, by id."""
    longest_chain: tuple[Contact, ...] = ()
    """The longest chain of referrals, from its root down; () when nobody referred anyone."""
    companies: dict[int, tuple[str, ...]] = field(default_factory=dict)
    """Per root id: the distinct companies of the people below it, alphabetically."""

    def __len__(self) -> int:
        return len(self.nodes)

    def walk(self) -> Iterator[ReferralNode]:
        """Every node, depth first, each tree in turn (the order a tree view shows them)."""
        stack = [self.nodes[root] for root in reversed(self.roots)]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(self.nodes[child] for child in reversed(node.children))

    def chain_to(self, contact_id: int) -> list[Contact]:
        """The chain from the root of `contact_id`'s tree down to that contact."""
        chain: list[Contact] = []
        node = self.nodes.get(contact_id)
        while node is not None:
            chain.append(node.contact)
            node = self.nodes.get(node.parent_id) if node.parent_id is not None else None
        chain.reverse()
        return chain

    @property
    def companies_reached(self) -> tuple[str, ...]:
        """Every company reached through any tree, alphabetically."""
        return _distinct(company for names in self.companies.values() for company in names)


def _name_order(contact: Contact) -> tuple[str, int]:
    return (contact.name.casefold(), contact.id or 0)


def _distinct(companies: Iterator[str] | list[str]) -> tuple[str, ...]:
    """Non-empty companies without repeats (ignoring case and spaces), alphabetically."""
    seen: dict[str, str] = {}
    for company in companies:
        cleaned = " ".join(company.split())
        if cleaned:
            seen.setdefault(cleaned.casefold(), cleaned)
    return tuple(seen[key] for key in sorted(seen))


def referral_forest(network: Network) -> ReferralForest:
    """The referral forest of `network` (see the module docstring for the rules)."""
    contacts = {c.id: c for c in network.contacts if c.id is not None}
    referrer: dict[int, int] = {}
    referred: dict[int, list[int]] = defaultdict(list)
    for contact_id, contact in contacts.items():
        parent = contact.referred_by
        if parent is not None and parent != contact_id and parent in contacts:
            referrer[contact_id] = parent
            referred[parent].append(contact_id)
    for referred_ids in referred.values():
        referred_ids.sort(key=lambda i: _name_order(contacts[i]))

    # Natural roots first, then one root per loop that no natural root reaches.
    placed: dict[int, tuple[int, int | None, int]] = {}  # id -> (root, parent, depth)
    order: list[int] = []  # breadth first, tree after tree
    cut: dict[int, int] = {}

    def place(root: int) -> None:
        placed[root] = (root, None, 0)
        order.append(root)
        index = len(order) - 1
        while index < len(order):  # `order` grows as we go: it is the queue
            parent = order[index]
            index += 1
            depth = placed[parent][2] + 1
            for child in referred.get(parent, ()):
                if child not in placed:
                    placed[child] = (root, parent, depth)
                    order.append(child)

    natural = [i for i in contacts if i not in referrer and referred.get(i)]
    for root in natural:
        place(root)
    for start in sorted(referrer):
        if start in placed:
            continue
        # Not below a natural root, so following the referrers must come back round.
        seen_at: dict[int, int] = {}
        path: list[int] = []
        here = start
        while here not in seen_at:
            seen_at[here] = len(path)
            path.append(here)
            here = referrer[here]
        root = min(path[seen_at[here] :])
        cut[root] = referrer[root]
        place(root)

    meetings_with: Counter[int] = Counter(
        n.contact_id for n in network.notes if n.contact_id is not None and is_meeting(n)
    )
    descendants: Counter[int] = Counter()
    for contact_id in reversed(order):
        parent = placed[contact_id][1]
        if parent is not None:
            descendants[parent] += descendants[contact_id] + 1

    nodes: dict[int, ReferralNode] = {}
    for contact_id in order:
        root, parent, depth = placed[contact_id]
        children = tuple(c for c in referred.get(contact_id, ()) if placed[c][1] == contact_id)
        nodes[contact_id] = ReferralNode(
            contact=contacts[contact_id],
            root_id=root,
            parent_id=parent,
            depth=depth,
            children=children,
            meetings=sum(meetings_with[c] for c in children),
            descendants=descendants[contact_id],
            cut_referrer=cut.get(contact_id),
        )

    roots = tuple(
        sorted((i for i in order if placed[i][1] is None), key=lambda i: _name_order(contacts[i]))
    )
    below: dict[int, list[str]] = defaultdict(list)
    for contact_id in order:
        root = placed[contact_id][0]
        if contact_id != root:
            below[root].append(contacts[contact_id].company)
    forest = ReferralForest(
        roots=roots,
        nodes=nodes,
        companies={root: _distinct(below[root]) for root in roots},
    )
    # The first of the deepest, in the order the trees are shown: deterministic.
    deepest = max(forest.walk(), key=lambda n: n.depth, default=None)
    if deepest is None:
        return forest
    return replace(forest, longest_chain=tuple(forest.chain_to(deepest.id)))


def referral_loop(
    contact_id: int | None, referrer_id: int | None, by_id: Mapping[int, Contact]
) -> list[Contact]:
    """The chain a new referrer would close into a loop: from `referrer_id` up through
    whoever referred them, back to `contact_id` (`[referrer, …, contact]`); [] when
    making `referrer_id` refer `contact_id` makes no loop (a contact made their own
    referrer is refused by the forms with words of its own).

    The store's walk (`netui.store.loop_chain`), which refuses the same loops on every
    path that sets a referrer: a chain that already loops without `contact_id` (a data
    error) is followed only once round, so this always ends.
    """
    if referrer_id == contact_id:
        return []
    chain = loop_chain(contact_id, referrer_id, _ReferrerOf(by_id))
    return [by_id[i] for i in chain]


class _ReferrerOf(Mapping[int, "int | None"]):
    """Contact id → the id of who referred them, over contacts by id."""

    def __init__(self, by_id: Mapping[int, Contact]) -> None:
        self._by_id = by_id

    def __getitem__(self, key: int) -> int | None:
        return self._by_id[key].referred_by

    def __contains__(self, key: object) -> bool:
        return key in self._by_id

    def __iter__(self) -> Iterator[int]:
        return iter(self._by_id)

    def __len__(self) -> int:
        return len(self._by_id)


def refuse_loop(
    contact_id: int | None, referrer_id: int | None, by_id: Mapping[int, Contact]
) -> None:
    """Refuse making `referrer_id` the referrer of `contact_id` if that closes a loop
    (the referrer, or someone up their chain, was referred by the contact): the
    QuickAddError names each link (`loop_message`). The forms show it as the user types;
    the store refuses the same loop on save, in the same words (`netui.store`), and the
    tree would only cut a loop already in the file (see the module docstring)."""
    chain = referral_loop(contact_id, referrer_id, by_id)
    if chain:
        raise QuickAddError(loop_message(chain))


def loop_message(chain: list[Contact]) -> str:
    """What a referral loop (`referral_loop`'s chain) says, e.g. "Ana Lopez was referred
    by Priya Patel: Priya can't also be referred by Ana" (each link of a longer chain
    named: "…, who was referred by …"); the store's words (`netui.store.loop_words`)."""
    return loop_words([contact.name for contact in chain])
