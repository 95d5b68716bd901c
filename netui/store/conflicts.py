"""Changes that meet another writer: field-level edits and undo as a compensating change.

netui shares its file with a second app, `netui add` in a shell and sync tools. So a save
is never "write back the document as this process remembers it": it is the set of fields
the user changed, applied to the document as it is in the file now. If another writer
changed one of those same fields since the user started (opened the form, made the change
now being undone), the change stops with a `ConflictError` naming each field and its
values (what the user started from, what is in the file, what the user wants); nothing is
saved until the user chooses, and the choice applies only to the values they were shown.

Undo follows the same rule: it puts back only the fields the change set, where they still
hold what the change wrote; it removes what the change created only if nothing has been
added to it since (a follow-up, a note, a referral), unless the user says to remove those
too; and it never leaves a reference to something that no longer exists.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

from netui.errors import ConflictError, StoreError
from netui.store import integrity
from netui.store.naming import MISSING
from netui.store.transaction import Change, DocChange, Transaction

BOOKKEEPING = frozenset({"created", "updated"})
"""Fields netui sets itself: never a conflict, never a reason to ask."""
_LINKS = BOOKKEEPING | {"referred_by", "new_contacts"}
"""What a deletion changes in the documents that pointed at what it deleted."""


class Resolution(StrEnum):
    """What the user chose when shown a conflict."""

    MINE = "mine"
    """Save my value over theirs (for an undo: undo it anyway)."""
    THEIRS = "theirs"
    """Keep what the other writer saved; mine is dropped for those fields."""


@dataclass(frozen=True, slots=True)
class Conflict:
    """One field (or document) another writer changed since the user started."""

    table: str
    doc_id: int
    field: str
    """The field; "" when the conflict is about the whole document."""
    what: str
    """For people: "Ann Lee's title", "Ann Lee, added by this change"."""
    theirs: Any
    """What is in the file now."""
    mine: Any
    """What this change would write (for an undo: the value it would put back)."""
    detail: str = ""
    """For a whole document: what happened to it since ("has 1 follow-up: …")."""
    theirs_text: str = ""
    """`theirs` as the user reads it (names for ids, "(empty)" for nothing)."""
    mine_text: str = ""

    @property
    def key(self) -> tuple[str, int, str, str]:
        """Same key, same conflict: the user's answer applies to what they were shown."""
        return (self.table, self.doc_id, self.field, repr(self.theirs))


class Namer(Protocol):
    """How the store names documents, fields and values for the user."""

    def document(self, table: str, doc: dict[str, Any]) -> str: ...

    def field(self, table: str, doc: dict[str, Any], name: str) -> str: ...

    def value(self, table: str, name: str, value: Any) -> str: ...


class UndoImpossible(StoreError):
    """The change can't be undone any more (what it changed is gone); it leaves the list."""


def _conflict(
    namer: Namer,
    table: str,
    doc_id: int,
    doc: dict[str, Any],
    name: str,
    theirs: Any,
    mine: Any,
    detail: str = "",
) -> Conflict:
    what = namer.field(table, doc, name) if name else namer.document(table, doc)
    return Conflict(
        table,
        doc_id,
        name,
        what,
        theirs,
        mine,
        detail,
        namer.value(table, name, theirs) if name else detail,
        namer.value(table, name, mine) if name else "",
    )


class Choices:
    """The user's answers to conflicts, each for the values they were shown.

    Answers pile up across dialogs (a field that conflicts while the dialog about another
    is open is asked about next, without forgetting the first answer), and each holds
    only while the other writer's value is the one the user saw.
    """

    def __init__(self, resolution: Resolution | None = None, seen: Iterable[Conflict] = ()) -> None:
        self.answers: dict[tuple[str, int, str, str], Resolution] = (
            {c.key: resolution for c in seen} if resolution is not None else {}
        )
        self.open: list[Conflict] = []
        """Conflicts met that the user has not answered (they make the change stop)."""

    def answered(self, resolution: Resolution, conflicts: Iterable[Conflict]) -> Choices:
        """These answers, and `resolution` for `conflicts` too (the dialog just shown)."""
        choices = Choices()
        choices.answers = {**self.answers, **{c.key: resolution for c in conflicts}}
        return choices

    def fresh(self) -> Choices:
        """The same answers, with no conflict met yet (for one attempt at a change)."""
        return self.answered(Resolution.MINE, ())

    def keep_mine(self, conflict: Conflict) -> bool:
        """Whether to write mine; a conflict not yet answered is recorded as open."""
        answer = self.answers.get(conflict.key)
        if answer is None:
            self.open.append(conflict)
        return answer is Resolution.MINE

    def raise_if_open(self, action: str) -> None:
        if self.open:
            fields = ", ".join(c.what for c in self.open[:3])
            more = f" and {len(self.open) - 3} more" if len(self.open) > 3 else ""
            raise ConflictError(
                f"{action}: changed by another program meanwhile ({fields}{more}); "
                "nothing was saved",
                tuple(self.open),
            )


def merge_fields(
    base: dict[str, Any],
    mine: dict[str, Any],
    theirs: dict[str, Any],
    choices: Choices,
    namer: Namer,
    table: str,
    doc_id: int,
) -> dict[str, Any]:
    """The fields to write: those the user changed (mine differs from base), except where
    another writer changed the same field to something else (a conflict, answered by
    `choices`). All three are documents as netui's converters write them."""
    fields = {}
    for name, value in mine.items():
        if name in BOOKKEEPING or value == base.get(name, MISSING):
            continue
        now = theirs.get(name, MISSING)
        agreed = now in (base.get(name, MISSING), value)  # untouched by them, or the same
        if agreed or choices.keep_mine(_conflict(namer, table, doc_id, theirs, name, now, value)):
            fields[name] = value
    return fields


def compensate(
    tx: Transaction,
    change: Change,
    choices: Choices,
    namer: Namer,
) -> None:
    """Write into `tx` what undoes `change`, on top of the file as it is now.

    Documents are undone last-touched first. What the change created and has not been
    undone yet is not counted as something added since (it is about to go too); what the
    user chose to keep is, so that nothing is left pointing at what goes.
    """
    net = _net(change.docs)
    pending = {(d.table, d.doc_id) for d in net if d.before is None}
    for doc in reversed(net):
        pending.discard((doc.table, doc.doc_id))
        now = tx.get(doc.table, doc.doc_id)
        if doc.after is None:
            _bring_back(tx, doc, now, choices, namer)
        elif doc.before is None:
            _take_away(tx, doc, now, choices, namer, pending)
        else:
            _put_fields_back(tx, doc, now, choices, namer)


def _net(docs: Iterable[DocChange]) -> list[DocChange]:
    """One DocChange per document (its first before, its last after), in first-touch order:
    a change may touch a document twice (created, then linked)."""
    merged: dict[tuple[str, int], DocChange] = {}
    for doc in docs:
        key = (doc.table, doc.doc_id)
        first = merged.get(key)
        merged[key] = (
            doc if first is None else DocChange(doc.table, doc.doc_id, first.before, doc.after)
        )
    return [d for d in merged.values() if d.before != d.after]


def _bring_back(tx: Transaction, doc: DocChange, now: Any, choices: Choices, namer: Namer) -> None:
    """The change deleted it: put it back (unless someone made it again, differently)."""
    assert doc.before is not None
    if now is None:
        tx.put(doc.table, doc.doc_id, doc.before)
    elif now != doc.before:
        conflict = _conflict(
            namer, doc.table, doc.doc_id, now, "", now, doc.before, "was made again since"
        )
        if choices.keep_mine(conflict):
            tx.put(doc.table, doc.doc_id, doc.before)


def _take_away(
    tx: Transaction,
    doc: DocChange,
    now: Any,
    choices: Choices,
    namer: Namer,
    created: set[tuple[str, int]],
) -> None:
    """The change created it: remove it, with what was added to it since if the user says."""
    if now is None:
        return
    assert doc.after is not None
    edited = sorted(
        namer.field(doc.table, now, name)
        for name in set(now) | set(doc.after)
        if name not in BOOKKEEPING and now.get(name, MISSING) != doc.after.get(name, MISSING)
    )
    added = dependents(tx, doc.table, doc.doc_id, created)
    if edited or added:
        parts = [f"{', '.join(edited)} changed since"] if edited else []
        parts += [f"{namer.document(t, d)} added since" for t, _, d in added]
        detail = "; ".join(parts)
        conflict = _conflict(namer, doc.table, doc.doc_id, now, "", now, None, detail)
        if not choices.keep_mine(conflict):
            return
        for table, key, dependent in added:
            unlink(tx, table, int(key), dependent, doc.doc_id)
    tx.remove(doc.table, [doc.doc_id])


def dependents(
    tx: Transaction, table: str, doc_id: int, created: set[tuple[str, int]]
) -> list[tuple[str, str, dict[str, Any]]]:
    """Documents that point at contact `doc_id`, other than those in `created` (what an
    undo is about to remove anyway)."""
    if table != "contacts":
        return []
    found = []
    for name in ("contacts", "followups", "notes"):
        for key, doc in tx.raw(name).items():
            if (name, int(key)) in created:
                continue
            if any(target == doc_id for _, target in integrity.references_in(name, doc)):
                found.append((name, key, doc))
    return found


def unlink(tx: Transaction, table: str, doc_id: int, doc: dict[str, Any], contact: int) -> None:
    """Make a document stop pointing at a contact about to go: a follow-up or note of
    theirs goes with them; a referral is cleared; a meeting's list of names loses them."""
    if table in ("followups", "notes") and doc.get("contact_id") == contact:
        tx.remove(table, [doc_id])
        return
    fields: dict[str, Any] = {}
    if doc.get("referred_by") == contact:
        fields["referred_by"] = None
    if isinstance(doc.get("new_contacts"), list) and contact in doc["new_contacts"]:
        fields["new_contacts"] = [i for i in doc["new_contacts"] if i != contact]
    if fields:
        tx.update(table, doc_id, fields)


def _put_fields_back(
    tx: Transaction, doc: DocChange, now: Any, choices: Choices, namer: Namer
) -> None:
    """The change edited it: put back each field it set that still holds what it set."""
    assert doc.before is not None and doc.after is not None
    if now is None:
        changed = {
            n for n in set(doc.before) | set(doc.after) if doc.before.get(n) != doc.after.get(n)
        }
        if changed <= _LINKS:  # only a link to what the change deleted was cleared: moot
            return
        what = namer.document(doc.table, doc.before)
        raise UndoImpossible(
            f"{what} was deleted by another program since, so the change can't be put back"
        )
    restored = dict(now)
    for name in set(doc.before) | set(doc.after):
        old, new = doc.before.get(name, MISSING), doc.after.get(name, MISSING)
        current = now.get(name, MISSING)
        if old == new or current == old:
            continue
        if current != new:
            if name in BOOKKEEPING:
                continue
            conflict = _conflict(namer, doc.table, doc.doc_id, now, name, current, old)
            if not choices.keep_mine(conflict):
                continue
        if old is MISSING:
            restored.pop(name, None)
        else:
            restored[name] = old
    if restored != now:
        tx.put(doc.table, doc.doc_id, restored)
