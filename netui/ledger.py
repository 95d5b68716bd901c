"""Closing the loop: what you owe the people who helped.

Career advisers' rule: tell the person who referred you that you reached out, and again
when you met; tell people what you did with their advice; when you land a job, tell
everyone who helped along the way. Pure functions of the network and `today`; no
Textual here.

Each item has a stable key, so that what the user did with it (done, dismissed, snoozed:
`Store.set_loop_state`) holds across sessions:
- `intro:<contact id>:reached`: you first reached out (an outreach note) to someone a
  referrer gave you, within the last 30 days: "Tell Ana Lopez you reached out to Priya
  Patel";
- `intro:<contact id>:met`: you first met them (a meeting, coffee or event), within the
  last 30 days: "Tell Ana Lopez you met Priya Patel" (it replaces the one above);
- `advice:<follow-up id>`: a follow-up marked as acting on its contact's advice was done
  within the last 30 days: "Tell José Ortiz what came of their advice: read the book";
- `landed:<outcome id>:<contact id>`: for each outcome recorded (`netui landed`), the
  people in the referral chains that led to the company: everyone up the chain (via
  "referred by") of each contact at the company, and those contacts themselves if you
  met them: "Tell Ana Lopez you landed Product Designer at Acme".

The 30-day window keeps an older network from flooding the list the day this arrives:
what happened before is taken as told. An outcome's items are listed whatever its date
(recording one is asking for them).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from netui.companies import company_key
from netui.errors import NetuiError
from netui.model import (
    Contact,
    LoopState,
    LoopStatus,
    Network,
    Note,
    NoteKind,
    Outcome,
    Status,
)
from netui.text import clean, fold

WINDOW_DAYS = 30
"""How recent a first outreach, a first meeting or an advice acted on must be."""


@dataclass(frozen=True, slots=True)
class LoopItem:
    """Something to tell someone who helped."""

    key: str
    """Stable: `intro:<contact>:reached|met`, `advice:<follow-up>`, `landed:<outcome>:<contact>`."""
    person: Contact
    """Whom to tell."""
    text: str
    """ "Tell Ana Lopez you met Priya Patel"."""
    arose: date
    """When it became owed (the outreach, the meeting, the follow-up done, the outcome)."""
    about: Contact | None = None
    """For an introduction: the person they introduced you to."""
    followup_id: int | None = None
    """For an advice item: the follow-up that acted on it."""
    outcome: Outcome | None = None
    """For a landed item: the outcome."""

    @property
    def kind(self) -> str:
        """ "intro", "advice" or "landed"."""
        return self.key.split(":", 1)[0]

    @property
    def told(self) -> str:
        """What the note logged when it is done says: "Told them I met Priya Patel"."""
        prefix = f"Tell {self.person.name} "
        rest = self.text.removeprefix(prefix)
        if rest.startswith("you "):
            return f"Told them I {rest.removeprefix('you ')}"
        return f"Told them {rest}"


def done_note(item: LoopItem, today: date) -> Note:
    """The note that marks an item done (`Store.close_loop_item`): on the person told,
    dated today, a plain note ("Told them I met Priya Patel")."""
    return Note(item.told, today, item.person.id, NoteKind.NOTE)


def loop_states(states: Iterable[LoopState]) -> dict[str, LoopState]:
    """The state of each key (the newest document, should the file hold two)."""
    found: dict[str, LoopState] = {}
    for state in sorted(states, key=lambda s: s.id or 0):
        found[state.key] = state
    return found


def is_open(key: str, states: dict[str, LoopState], today: date) -> bool:
    """Listed unless done or dismissed, or snoozed until a day after today."""
    state = states.get(key)
    if state is None:
        return True
    if state.state is LoopStatus.SNOOZED:
        return state.until is None or state.until <= today
    return False


def close_the_loop(network: Network, today: date) -> list[LoopItem]:
    """What is owed to the people who helped, most recent first (see the module)."""
    states = loop_states(network.loop)
    items = [
        *_introductions(network, today),
        *_advice(network, today),
        *_landed(network),
    ]
    open_items = [item for item in items if is_open(item.key, states, today)]
    open_items.sort(key=lambda i: (-i.arose.toordinal(), fold(i.person.name), i.key))
    return open_items


def _recent(day: date, today: date) -> bool:
    return today - timedelta(days=WINDOW_DAYS) <= day <= today


def _referrer(contact: Contact, network: Network) -> Contact | None:
    if contact.referred_by is None or contact.referred_by == contact.id:
        return None
    return network.by_id.get(contact.referred_by)


def _firsts(notes: Iterable[Note]) -> tuple[dict[int, Note], dict[int, Note]]:
    """Per contact: the first outreach note, and the first meeting-kind note."""
    reached: dict[int, Note] = {}
    met: dict[int, Note] = {}
    for note in notes:
        if note.contact_id is None:
            continue
        table = reached if note.kind is NoteKind.OUTREACH else met if note.kind.is_meeting else None
        if table is None:
            continue
        first = table.get(note.contact_id)
        if first is None or (note.date, note.id or 0) < (first.date, first.id or 0):
            table[note.contact_id] = note
    return reached, met


def _introductions(network: Network, today: date) -> list[LoopItem]:
    reached, met = _firsts(network.notes)
    items = []
    for contact_id in reached.keys() | met.keys():
        contact = network.by_id.get(contact_id)
        referrer = _referrer(contact, network) if contact is not None else None
        if contact is None or referrer is None:
            continue
        first_met = met.get(contact_id)
        if first_met is not None:
            if _recent(first_met.date, today):
                items.append(
                    LoopItem(
                        f"intro:{contact_id}:met",
                        referrer,
                        f"Tell {referrer.name} you met {contact.name}",
                        first_met.date,
                        about=contact,
                    )
                )
            continue  # (met: the outreach is old news, told or not)
        first = reached[contact_id]
        if _recent(first.date, today):
            items.append(
                LoopItem(
                    f"intro:{contact_id}:reached",
                    referrer,
                    f"Tell {referrer.name} you reached out to {contact.name}",
                    first.date,
                    about=contact,
                )
            )
    return items


def _advice(network: Network, today: date) -> list[LoopItem]:
    items = []
    for followup in network.followups:
        if not followup.advice or followup.done is None or followup.contact_id is None:
            continue
        person = network.by_id.get(followup.contact_id)
        done = followup.done.date()
        if person is None or followup.id is None or not _recent(done, today):
            continue
        items.append(
            LoopItem(
                f"advice:{followup.id}",
                person,
                f"Tell {person.name} what came of their advice: {followup.text}",
                done,
                followup_id=followup.id,
            )
        )
    return items


def read_role_at(text: str) -> tuple[str, str]:
    """ "Product Designer @ Acme" as ("Product Designer", "Acme") (at the last @): what
    `netui landed` and the app's "Landed a role" read. Raises NetuiError if either is
    missing."""
    role, at, company = clean(text, multiline=False).rpartition("@")
    role, company = " ".join(role.split()), " ".join(company.split())
    if not at or not role or not company:
        raise NetuiError(
            f"'{text}': write the role and the company with an @ between, "
            'like "Product Designer @ Acme"'
        )
    return role, company


def chain_to(network: Network, company: str) -> list[Contact]:
    """The people in the referral chains that led to `company`: everyone up the chain
    (via "referred by") of each contact at the company, and those contacts themselves if
    met; each once: those met at the company first, then up each chain from the company
    (the contacts there in the order they were added)."""
    key = company_key(company)
    if not key:
        return []
    found: dict[int, Contact] = {}
    there = sorted(
        (c for c in network.contacts if c.id is not None and company_key(c.company) == key),
        key=lambda c: c.id or 0,
    )
    for contact in there:
        if contact.status is Status.MET:
            found.setdefault(contact.id or 0, contact)
    for contact in there:
        seen = {contact.id}
        up = _referrer(contact, network)
        while up is not None and up.id not in seen:  # (a loop in the file ends the walk)
            seen.add(up.id)
            found.setdefault(up.id or 0, up)
            up = _referrer(up, network)
    return list(found.values())


def _landed(network: Network) -> list[LoopItem]:
    items = []
    for outcome in network.outcomes:
        if outcome.id is None:
            continue
        for person in chain_to(network, outcome.company):
            items.append(
                LoopItem(
                    f"landed:{outcome.id}:{person.id}",
                    person,
                    f"Tell {person.name} you landed {outcome.role} at {outcome.company}",
                    outcome.date,
                    outcome=outcome,
                )
            )
    return items
