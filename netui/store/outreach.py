"""The store's part of the outreach loop: moving on from someone who does not reply,
follow-ups that act on advice, what the search led to (`netui landed`), and the states of
the close-the-loop items. A mixin of `Store`, like `netui.store.loop`.

The rules that decide what is owed (`netui.replies`, `netui.ledger`) are services above
the store; it only keeps what the user did, each as one undoable change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from netui.errors import StoreError
from netui.model import (
    Contact,
    FollowUp,
    LoopState,
    LoopStatus,
    Note,
    Outcome,
    date_in_range,
    date_range_text,
)
from netui.store import convert
from netui.store.transaction import Transaction
from netui.text import shown

if TYPE_CHECKING:
    from contextlib import AbstractContextManager


class OutreachMixin:
    """Methods of `Store` for the outreach loop (they use its change machinery)."""

    if TYPE_CHECKING:
        _storage: Any
        _change: Callable[..., AbstractContextManager[Transaction]]
        _result: Callable[[str, int, type[Any]], Any]
        _objects: Callable[[str], dict[int, Any]]
        contact: Callable[[int], Contact]
        followup: Callable[[int], FollowUp]
        _check_contact: Callable[[Transaction, int | None], None]
        _advance_status: Callable[[Transaction, Note], None]
        _update_contact_fields: Callable[[Transaction, int, dict[str, Any]], bool]

    # --- reading --------------------------------------------------------------------------

    def outcomes(self) -> list[Outcome]:
        """What the search led to, in the order recorded."""
        return list(self._objects("outcomes").values())

    def loop_states(self) -> list[LoopState]:
        """The states of the close-the-loop items, in the order first set."""
        return list(self._objects("loop").values())

    # --- changing -------------------------------------------------------------------------

    def mark_moved_on(self, contact_id: int, day: date | None) -> Contact:
        """Stop waiting for this contact's reply as of `day` (a reply clock started on or
        before it closes as "no reply"); None waits again. A contact field: it bumps
        `updated`, and the same day again changes nothing."""
        contact = self.contact(contact_id)
        if day is not None:
            _check_day(day)
        words = (
            f"moved on from {contact.name}"
            if day is not None
            else f"waiting for {contact.name}'s reply again"
        )
        with self._change(words) as tx:
            value = day.isoformat() if day is not None else None
            self._update_contact_fields(tx, contact_id, {"moved_on": value})
        saved: Contact = self._result("contacts", contact_id, Contact)
        return saved

    def set_advice(self, followup_id: int, advice: bool) -> FollowUp:
        """Mark (or unmark) a follow-up as acting on its contact's advice."""
        followup = self.followup(followup_id)
        verb = "marked" if advice else "unmarked"
        with self._change(f"{verb} '{followup.text}' as acting on advice") as tx:
            if tx.get("followups", followup_id) is None:
                raise StoreError(f"follow-up '{followup.text}' no longer exists")
            if tx.get("followups", followup_id).get("advice") is not advice:  # type: ignore[union-attr]
                tx.update("followups", followup_id, {"advice": advice})
        saved: FollowUp = self._result("followups", followup_id, FollowUp)
        return saved

    def record_outcome(self, role: str, company: str, day: date) -> Outcome:
        """Keep what the search led to: `role` at `company`, on `day`."""
        role, company = " ".join(role.split()), " ".join(company.split())
        if not role or not company:
            raise StoreError('an outcome needs a role and a company ("Product Designer @ Acme")')
        _check_day(day)
        with self._change(f"landed {role} at {company}") as tx:
            outcome = Outcome(role, company, day, created=tx.now)
            doc_id = tx.insert("outcomes", convert.outcome_to_doc(outcome))
        saved: Outcome = self._result("outcomes", doc_id, Outcome)
        return saved

    def set_loop_state(
        self, key: str, state: LoopStatus | str, until: date | None = None
    ) -> LoopState:
        """Set the state of the close-the-loop item `key` (done, dismissed, or snoozed
        until a day); it replaces the state it had."""
        status = _status(state, until)
        with self._change(lambda: _described(status, until, self._item_words(key))) as tx:
            doc_id = self._put_state(tx, key, status, until)
        saved: LoopState = self._result("loop", doc_id, LoopState)
        return saved

    def close_loop_item(self, key: str, note: Note | None) -> LoopState:
        """Mark the close-the-loop item `key` done, and save `note` (what was told, on the
        person told) with it: one change, one undo step."""
        with self._change(lambda: f"marked {self._item_words(key)} done") as tx:
            if note is not None:
                self._check_contact(tx, note.contact_id)
                tx.insert("notes", convert.note_to_doc(replace(note, created=tx.now)))
                self._advance_status(tx, note)
            doc_id = self._put_state(tx, key, LoopStatus.DONE, None)
        saved: LoopState = self._result("loop", doc_id, LoopState)
        return saved

    def close_loop_items(self, items: Sequence[tuple[str, Note | None]]) -> list[LoopState]:
        """Mark several close-the-loop items done, each with its note (an update that
        tells one person several things): one change, one undo step."""
        if len(items) == 1:
            return [self.close_loop_item(*items[0])]
        doc_ids = []
        with self._change(f"marked {len(items)} close-the-loop items done") as tx:
            for key, note in items:
                if note is not None:
                    self._check_contact(tx, note.contact_id)
                    tx.insert("notes", convert.note_to_doc(replace(note, created=tx.now)))
                    self._advance_status(tx, note)
                doc_ids.append(self._put_state(tx, key, LoopStatus.DONE, None))
        return [self._result("loop", doc_id, LoopState) for doc_id in doc_ids]

    def _put_state(self, tx: Transaction, key: str, status: LoopStatus, until: date | None) -> int:
        key = key.strip()
        if not key:
            raise StoreError("a close-the-loop item needs a key")
        state = LoopState(key, status, until, at=tx.now)
        doc = convert.loop_state_to_doc(state)
        found = _find_key(tx.raw("loop"), key)
        if found is None:
            return tx.insert("loop", doc)
        tx.update("loop", found, doc)
        return found

    def _item_words(self, key: str) -> str:
        """The close-the-loop item `key` as a change's description names it: "the word
        owed on Priya Patel", "the word owed on 'read the book'"."""
        parts = key.split(":")
        data = self._storage.data
        if parts[0] == "advice" and len(parts) == 2:
            doc = data.get("followups", {}).get(parts[1])
            if doc is not None:
                return f"the word owed on '{shown(str(doc.get('text', '')), multiline=False)}'"
        elif parts[0] in ("intro", "landed") and len(parts) == 3:
            contact_id = parts[1] if parts[0] == "intro" else parts[2]
            doc = data.get("contacts", {}).get(contact_id)
            if doc is not None:
                return f"the word owed on {shown(str(doc.get('name', '')), multiline=False)}"
        return "a close-the-loop item"


def _status(state: LoopStatus | str, until: date | None) -> LoopStatus:
    if state not in LoopStatus._value2member_map_:
        states = ", ".join(s.value for s in LoopStatus)
        raise StoreError(f"a close-the-loop item is {states}, not '{state}'")
    status = LoopStatus(state)
    if status is LoopStatus.SNOOZED:
        if until is None:
            raise StoreError("a snooze needs the day the item comes back")
        _check_day(until)
    elif until is not None:
        raise StoreError(f"only a snoozed item has a day to come back, not a {status} one")
    return status


def _described(status: LoopStatus, until: date | None, item: str) -> str:
    """ "snoozed the word owed on Priya Patel until 2026-12-07", as undo names it."""
    if status is LoopStatus.SNOOZED and until is not None:
        return f"snoozed {item} until {until.isoformat()}"
    return f"marked {item} done" if status is LoopStatus.DONE else f"dismissed {item}"


def _check_day(day: date) -> None:
    if not date_in_range(day):
        raise StoreError(
            f"{day.isoformat()} is outside the dates netui keeps ({date_range_text()})"
        )


def _find_key(table: dict[str, dict[str, Any]], key: str) -> int | None:
    """The document holding the state of `key` (the newest, should the file hold two)."""
    found = [int(doc_id) for doc_id, doc in table.items() if doc.get("key") == key]
    return max(found) if found else None
