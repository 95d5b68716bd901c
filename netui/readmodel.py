"""What the screens show, as one immutable snapshot per change: the read model.

The store's thread builds a `View` after every change (`Views.view`: a new view, or
`View.after` when a change touched a few contacts only), and hands it to the UI thread
whole. Screens and widgets read only the view: never the store, whose dicts its thread may
be changing, and never on the UI thread. Whatever a screen derives from the data (the order of the
contacts, each contact's last touch and rhythm state, the follow-ups of a contact, the
daily review) is computed here once per change, or once on first use and then kept, so
that a redraw or a keystroke only looks things up.

Nothing here knows Textual; row text for the screen is built by the widgets, lazily, for
the rows on screen.
"""

from __future__ import annotations

import bisect
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from netui.model import Company, Contact, FollowUp, Goals, Network, Note
from netui.report import with_loop
from netui.review import DailyReview, daily_review, last_touches, rhythm_states
from netui.rhythm import CadenceDefaults, RhythmState
from netui.text import fold

if TYPE_CHECKING:
    from netui.identity import Pair
    from netui.names import ContactIndex


_FINDING = threading.Lock()
"""Held while the duplicates of a view are looked for (a second of work at 30,000
contacts, asked for by the review and the Duplicates screen on threads of their own)."""


class ContactOrder(StrEnum):
    """The orders the Contacts pane offers (`o` cycles through them)."""

    NAME = "name"
    COMPANY = "company"
    LAST_TOUCH = "last touch"


@dataclass(frozen=True, slots=True)
class Settings:
    """What the views are computed with besides the documents: the defaults and goals the
    user set, and what the status line says about the file."""

    defaults: CadenceDefaults
    goals: Goals
    path: str = ""
    read_only: str | None = None


class View:
    """One consistent snapshot of the network and of what the screens derive from it.

    Treat it as immutable: a change makes a new view. The derived tables are filled on
    first use (each at most once per view) so that a view costs only what is looked at.
    """

    __slots__ = (
        "_cache",
        "_carried",
        "_keys",
        "companies",
        "generation",
        "network",
        "settings",
        "states",
        "today",
        "touches",
    )

    def __init__(
        self,
        network: Network,
        today: date,
        settings: Settings,
        *,
        generation: int = 0,
        touches: dict[int, date] | None = None,
        states: dict[int, RhythmState] | None = None,
        keys: Callable[[Contact], tuple[str, str]] | None = None,
        companies: tuple[Company, ...] = (),
    ) -> None:
        self.network = network
        self.companies = companies
        """The companies the user marked (targets)."""
        self.today = today
        self.settings = settings
        self.generation = generation
        """The store's generation this view was built from."""
        self.touches = last_touches(network) if touches is None else touches
        """Per contact, the date of the last note or done follow-up."""
        self.states = (
            rhythm_states(network, today, settings.defaults, self.touches)
            if (states is None)
            else states
        )
        """The contacts due for a touch or going cold (the others are left out)."""
        self._cache: dict[Any, Any] = {}
        self._keys = keys or _fold_keys
        self._carried: tuple[dict[ContactOrder, list[Any]], frozenset[int]] | None = None
        """The sorted orders of the view this one follows, and the contacts changed
        since: an order is then mended (the changed ones taken out and put back in their
        place) rather than sorted again (50 ms at 30,000 contacts)."""

    def _cached(self, key: Any, make: Callable[[], Any]) -> Any:
        try:
            return self._cache[key]
        except KeyError:
            value = self._cache[key] = make()
            return value

    # --- contacts ---------------------------------------------------------------------------

    def contact(self, contact_id: int | None) -> Contact | None:
        """The contact with that id (None: no contact, or one that does not exist)."""
        return self.network.by_id.get(contact_id) if contact_id is not None else None

    def contact_count(self) -> int:
        """How many contacts there are."""
        return len(self.network.contacts)

    def name_of(self, contact_id: int | None) -> str:
        return self.network.name_of(contact_id)

    def contacts_in(self, order: ContactOrder) -> tuple[int, ...]:
        """The contact ids in `order` (by folded name within equal keys)."""
        return self._cached(("order", order), lambda: _ordered(self, order))  # type: ignore[no-any-return]

    def index(self) -> ContactIndex:
        """Every contact, folded for name look-ups (quick-add, the forms, the meeting log)."""
        from netui.names import ContactIndex  # (the quick-add grammar: not at start-up)

        return self._cached("index", lambda: ContactIndex(self.network.contacts))  # type: ignore[no-any-return]

    def referred_by(self, contact_id: int) -> tuple[Contact, ...]:
        """The people `contact_id` referred me to."""
        index = self._cached("referred", lambda: _group(self.network.contacts, "referred_by"))
        return index.get(contact_id, ())  # type: ignore[no-any-return]

    # --- follow-ups and notes ---------------------------------------------------------------

    def followups_by_due(self) -> tuple[FollowUp, ...]:
        """Every follow-up (done ones too), by due date then id."""
        return self._cached(  # type: ignore[no-any-return]
            "followups", lambda: tuple(sorted(self.network.followups, key=_by_due))
        )

    def followups_of(self, contact_id: int, *, include_done: bool = False) -> tuple[FollowUp, ...]:
        index = self._cached("followups-of", lambda: _group(self.followups_by_due(), "contact_id"))
        found = index.get(contact_id, ())
        return found if include_done else tuple(f for f in found if f.done is None)

    def followup(self, followup_id: int | None) -> FollowUp | None:
        index = self._cached("followup", lambda: {f.id: f for f in self.network.followups})
        return index.get(followup_id)  # type: ignore[no-any-return]

    def note(self, note_id: int | None) -> Note | None:
        index = self._cached("note", lambda: {n.id: n for n in self.network.notes})
        return index.get(note_id)  # type: ignore[no-any-return]

    def open_followups(self) -> int:
        return self._cached(  # type: ignore[no-any-return]
            "open", lambda: sum(1 for f in self.network.followups if f.done is None)
        )

    def overdue(self) -> int:
        return self._cached(  # type: ignore[no-any-return]
            "overdue",
            lambda: sum(1 for f in self.network.followups if f.done is None and f.due < self.today),
        )

    def notes_newest_first(self) -> tuple[Note, ...]:
        return self._cached(  # type: ignore[no-any-return]
            "notes", lambda: tuple(sorted(self.network.notes, key=_by_date, reverse=True))
        )

    def notes_of(self, contact_id: int) -> tuple[Note, ...]:
        """A contact's notes, newest first."""
        index = self._cached("notes-of", lambda: _group(self.notes_newest_first(), "contact_id"))
        return index.get(contact_id, ())  # type: ignore[no-any-return]

    # --- the review -------------------------------------------------------------------------

    def review(self) -> DailyReview:
        """The daily review with who is waited for and what is owed (0.4 s at 30,000
        contacts: computed once per view)."""
        return self._cached(  # type: ignore[no-any-return]
            "review",
            lambda: with_loop(
                daily_review(self.network, self.today, self.settings.defaults, self.settings.goals),
                self.network,
            ),
        )

    # --- duplicates -------------------------------------------------------------------------

    def duplicates(self, dismissed: AbstractSet[tuple[int, int]] = frozenset()) -> tuple[Pair, ...]:
        """The pairs of contacts that may be one person (`netui.identity.find_duplicates`),
        best first, but the pairs in `dismissed` (the store's `not_duplicates`).

        Found once per view and carried to the next one while no contact changed (0.5 s
        at 30,000 contacts: call it off the UI thread), then only filtered: a pair marked
        "not a duplicate" leaves without a search.
        """
        with _FINDING:  # (two screens asking at once: one search, the other waits for it)
            pairs: tuple[Pair, ...] = self._cached("duplicates", self._find_duplicates)
        if not dismissed:
            return pairs
        return tuple(pair for pair in pairs if pair.ids not in dismissed)

    def _find_duplicates(self) -> tuple[Pair, ...]:
        from netui.identity import default_region, find_duplicates  # (not at start-up)

        return tuple(find_duplicates(self.network.contacts, (), default_region()))

    # --- the next view ----------------------------------------------------------------------

    def after(
        self,
        network: Network,
        touched: Iterable[int],
        *,
        generation: int,
        companies: tuple[Company, ...] = (),
    ) -> View:
        """The view of `network`, a change away from this one that touched only the
        contacts `touched` (their documents, or follow-ups and notes of theirs): their last
        touch and rhythm state are worked out again; everyone else's are kept."""
        touched = set(touched)
        touches = dict(self.touches)
        states = dict(self.states)
        fresh = last_touches(_only(network, touched))
        for contact_id in touched:
            touches.pop(contact_id, None)
            states.pop(contact_id, None)
        touches.update(fresh)
        states.update(
            rhythm_states(network, self.today, self.settings.defaults, touches, only=touched)
        )
        view = View(
            network,
            self.today,
            self.settings,
            generation=generation,
            touches=touches,
            states=states,
            keys=self._keys,
            companies=companies,
        )
        sorted_here = {
            order: keyed
            for order in ContactOrder
            if (keyed := self._cache.get(("keyed", order))) is not None
        }
        if sorted_here:
            view._carried = (sorted_here, frozenset(touched))
        if "duplicates" in self._cache and all(
            network.by_id.get(i) == self.network.by_id.get(i) for i in touched
        ):  # (only follow-ups, notes or dismissed pairs changed: the same people)
            view._cache["duplicates"] = self._cache["duplicates"]
        return view


class Views:
    """Makes the view of the store's data, on the store's thread, as cheaply as a change
    allows: the same view while nothing changed, `View.after` for a change of this
    process that touched a few contacts, a whole new view after a re-read of the file.

    It also keeps each contact's folded sort keys while the store returns the same object
    (it does for every contact a change did not touch), so that sorting 30,000 contacts
    again after a change folds only the changed ones.
    """

    FEW = 50
    """Up to how many touched contacts a view is updated rather than made anew."""

    def __init__(self) -> None:
        self.last: View | None = None
        self._folded: dict[int, tuple[Contact, str, str]] = {}

    def view(
        self,
        network: Network,
        today: date,
        settings: Settings,
        generation: int,
        touched: set[int] | None,
        companies: tuple[Company, ...] = (),
    ) -> View:
        """The view of `network` at `generation`; `touched` says which contacts changed
        since the last view (None: unknown, as after a re-read)."""
        last = self.last
        if (
            last is not None
            and last.generation == generation
            and last.today == today
            and (last.settings == settings)
        ):
            return last
        if (
            last is not None
            and touched is not None
            and len(touched) <= self.FEW
            and last.today == today
            and last.settings == settings
        ):
            view = last.after(network, touched, generation=generation, companies=companies)
        else:
            view = View(
                network,
                today,
                settings,
                generation=generation,
                keys=self._keys,
                companies=companies,
            )
            if len(self._folded) > 2 * len(network.contacts) + 100:  # deleted ones go
                self._folded = {}
        self.last = view
        return view

    def _keys(self, contact: Contact) -> tuple[str, str]:
        cached = self._folded.get(contact.id or 0)
        if cached is not None and cached[0] is contact:
            return cached[1], cached[2]
        name, company = fold(contact.name), fold(contact.company)
        self._folded[contact.id or 0] = (contact, name, company)
        return name, company


def _by_due(followup: FollowUp) -> tuple[date, int]:
    return (followup.due, followup.id or 0)


def _by_date(note: Note) -> tuple[date, int]:
    return (note.date, note.id or 0)


def _group(items: Iterable[Any], attribute: str) -> dict[int, tuple[Any, ...]]:
    """`items` by the contact id in `attribute`, each group in the order given."""
    groups: dict[int, list[Any]] = defaultdict(list)
    for item in items:
        key = getattr(item, attribute)
        if key is not None:
            groups[key].append(item)
    return {key: tuple(group) for key, group in groups.items()}


def _only(network: Network, contacts: set[int]) -> Network:
    """The part of `network` about `contacts` (for working out their last touch)."""
    return replace(
        network,
        followups=tuple(f for f in network.followups if f.contact_id in contacts),
        notes=tuple(n for n in network.notes if n.contact_id in contacts),
    )


def _fold_keys(contact: Contact) -> tuple[str, str]:
    return fold(contact.name), fold(contact.company)


def _ordered(view: View, order: ContactOrder) -> tuple[int, ...]:
    keyed = _mended(view, order)
    if keyed is None:
        keyed = [_key(view, order, c) for c in view.network.contacts]
        keyed.sort()
    view._cache[("keyed", order)] = keyed
    return tuple(key[2] for key in keyed)


def _key(view: View, order: ContactOrder, contact: Contact) -> tuple[Any, str, int]:
    """Where a contact goes in `order` (ties broken by folded name, then id)."""
    name, company = view._keys(contact)
    if order is ContactOrder.COMPANY:
        return (company or "\uffff", name, contact.id or 0)
    if order is ContactOrder.LAST_TOUCH:
        touch = view.touches.get(contact.id or 0)
        return (-touch.toordinal() if touch else 0, name, contact.id or 0)
    return (name, "", contact.id or 0)


def _mended(view: View, order: ContactOrder) -> list[Any] | None:
    """`order` of the view this one follows, with the changed contacts moved to their
    new places (None: nothing to mend from)."""
    if view._carried is None:
        return None
    orders, touched = view._carried
    before = orders.get(order)
    if before is None:
        return None
    keyed = [key for key in before if key[2] not in touched]
    for contact_id in touched:
        contact = view.network.by_id.get(contact_id)
        if contact is not None:
            bisect.insort(keyed, _key(view, order, contact))
    return keyed
