"""The store's part of who is who: merging two contacts into one, and remembering the
pairs the user said are two people. A mixin of `Store`, like `netui.store.loop`.

A merge is worked out from the file as it is when it is saved (another writer may have
added a follow-up for the duplicate a moment ago: it moves too), and is one change: one
write, one undo step. `--dry-run` runs the same function on the same data and writes
nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from netui.errors import NotFoundError, StoreError
from netui.identity import merge_contacts
from netui.model import Note, NoteKind
from netui.store import convert, schema
from netui.store.referrers import ReferralLoopError, Referrers, loop_chain, loop_words
from netui.store.transaction import Transaction
from netui.text import plural

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

NOT_DUPLICATES = "not_duplicates"
"""The meta field holding the pairs marked "not a duplicate": a list of [id, id]."""
_SHOWN_FIELDS = (
    ("company", "company"),
    ("title", "title"),
    ("email", "email"),
    ("phone", "phone"),
    ("linkedin", "LinkedIn"),
    ("how_met", "how met"),
    ("other_emails", "other emails"),
    ("other_phones", "other phones"),
    ("other_urls", "other links"),
    ("tags", "tags"),
    ("prepared", "prepared questions"),
    ("status", "status"),
    ("cadence_days", "rhythm (days)"),
    ("referred_by", "referred by"),
    ("created", "added"),
)


@dataclass(slots=True)
class MergeReport:
    """What a merge does (or did), as lines a person reads."""

    keep: str
    gone: str
    lines: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        return f"merged {self.gone} into {self.keep}"


class PeopleMixin:
    """Methods of `Store` for merging duplicates (they use its change machinery)."""

    if TYPE_CHECKING:
        _storage: Any
        _mutex: Any
        _change: Callable[..., AbstractContextManager[Transaction]]
        reload_if_changed: Callable[[], bool]

    def merge_contacts(
        self, keep_id: int, other_id: int, *, dry_run: bool = False, region: str | None = None
    ) -> MergeReport:
        """Merge contact `other_id` into `keep_id` (see `netui.identity.merge_contacts`):
        its follow-ups, notes and prepared questions, the people it referred and the
        meetings that named it move to the survivor; what could not be kept in a field
        goes into a note on the survivor; then it is deleted. One undoable change."""
        if keep_id == other_id:
            raise StoreError("a contact can't be merged with themselves")
        if dry_run:
            self.reload_if_changed()
            with self._mutex:
                data = self._storage.data
                return _merge(_ReadOnly(data), keep_id, other_id, region, datetime.now())
        report: list[MergeReport] = []

        def title() -> str:
            return report[0].title if report else "merged two contacts"

        with self._change(title) as tx:
            report.append(_merge(tx, keep_id, other_id, region, tx.now))
        return report[0]

    def not_duplicates(self) -> set[tuple[int, int]]:
        """The pairs of contact ids the user said are two people."""
        raw = self._storage.data["meta"][schema.META_ID].get(NOT_DUPLICATES)
        pairs: set[tuple[int, int]] = set()
        for pair in raw if isinstance(raw, list) else []:
            if isinstance(pair, list) and len(pair) == 2 and all(type(i) is int for i in pair):
                a, b = sorted(pair)
                pairs.add((a, b))
        return pairs

    def mark_not_duplicate(self, one: int, two: int) -> None:
        """Remember that contacts `one` and `two` are two people (not suggested again)."""
        if one == two:
            raise StoreError("a pair of different people needs two different contacts")
        pair = sorted((one, two))
        with self._change("marked two contacts as different people") as tx:
            for contact_id in pair:
                if tx.get("contacts", contact_id) is None:
                    raise NotFoundError(f"no contact has id {contact_id}")
            pairs = sorted(self.not_duplicates() | {(pair[0], pair[1])})
            tx.update("meta", int(schema.META_ID), {NOT_DUPLICATES: [list(p) for p in pairs]})


class _ReadOnly:
    """The part of a Transaction a dry run needs, over data it must not change."""

    def __init__(self, data: dict[str, dict[str, dict[str, Any]]]) -> None:
        self.data = data

    def get(self, name: str, doc_id: int) -> dict[str, Any] | None:
        return self.data.get(name, {}).get(str(doc_id))

    def raw(self, name: str) -> dict[str, dict[str, Any]]:
        return self.data.get(name, {})

    def update(self, name: str, doc_id: int, fields: dict[str, Any]) -> None:
        pass

    def insert(self, name: str, doc: dict[str, Any]) -> int:
        return 0

    def remove(self, name: str, doc_ids: list[int]) -> None:
        pass


def _merge(
    tx: Transaction | _ReadOnly,
    keep_id: int,
    other_id: int,
    region: str | None,
    now: datetime,
) -> MergeReport:
    """Merge in `tx` (or only describe it, over a `_ReadOnly`)."""
    docs = {}
    for contact_id in (keep_id, other_id):
        doc = tx.get("contacts", contact_id)
        if doc is None:
            raise NotFoundError(f"no contact has id {contact_id}")
        docs[contact_id] = doc
    keep = convert.contact_from_doc(keep_id, docs[keep_id])
    other = convert.contact_from_doc(other_id, docs[other_id])
    merged = merge_contacts(keep, other, region)
    report = MergeReport(f"{keep.name} [id {keep_id}]", f"{other.name} [id {other_id}]")
    before, after = convert.contact_to_doc(keep), convert.contact_to_doc(merged.contact)
    fields = {name: value for name, value in after.items() if before.get(name) != value}
    _refuse_loop(tx, keep_id, other_id, merged.contact.referred_by, report)
    for name, label in _SHOWN_FIELDS:
        if name in fields:
            report.lines.append(f"{label}: {_show(before.get(name))} → {_show(fields[name])}")
    if fields:
        fields["updated"] = now.isoformat(timespec="seconds")
        tx.update("contacts", keep_id, fields)
    moved = {"followups": 0, "notes": 0}
    for table in moved:
        for key, doc in list(tx.raw(table).items()):
            if doc.get("contact_id") == other_id:
                tx.update(table, int(key), {"contact_id": keep_id})
                moved[table] += 1
    referred = named = 0
    for key, doc in list(tx.raw("contacts").items()):
        if doc.get("referred_by") == other_id and int(key) not in (keep_id, other_id):
            tx.update("contacts", int(key), {"referred_by": keep_id})
            referred += 1
    for key, doc in list(tx.raw("notes").items()):
        names = doc.get("new_contacts")
        if not isinstance(names, list) or not {keep_id, other_id} & set(names):
            continue
        fixed = list(dict.fromkeys(keep_id if i == other_id else i for i in names))
        if doc.get("contact_id") in (keep_id, other_id):
            fixed = [i for i in fixed if i != keep_id]  # (not a name given to oneself)
        if fixed != names:
            tx.update("notes", int(key), {"new_contacts": fixed})
            named += other_id in names
    counts = [
        plural(moved["followups"], "follow-up"),
        plural(moved["notes"], "note"),
        plural(referred, "person") + " they referred",
    ]
    report.lines.append("moves " + ", ".join(counts) + f" to {keep.name}")
    if named:
        report.lines.append(
            f"{plural(named, 'meeting')} that named {other.name} now name {keep.name}"
        )
    aside = list(merged.kept_aside)
    if other.referred_by not in (None, keep_id, merged.contact.referred_by):
        referrer = tx.get("contacts", other.referred_by) if other.referred_by else None
        who = str(referrer.get("name", "")) if referrer else "a deleted contact"
        aside.append(f"referred by: {who} [id {other.referred_by}]")
    if aside:
        text = f"Merged {other.name} [id {other_id}] into this contact. Also known as: " + (
            "; ".join(aside)
        )
        note = Note(text=text, date=now.date(), contact_id=keep_id, kind=NoteKind.NOTE)
        doc = convert.note_to_doc(replace(note, created=now))
        tx.insert("notes", doc)
        report.lines.append("kept in a note: " + "; ".join(aside))
    _carry_pairs_over(tx, other_id, keep_id)
    _carry_loop_states_over(tx, other_id, keep_id)
    tx.remove("contacts", [other_id])
    report.lines.append(f"deletes {other.name} [id {other_id}]")
    return report


def _refuse_loop(
    tx: Transaction | _ReadOnly,
    keep_id: int,
    other_id: int,
    referrer: int | None,
    report: MergeReport,
) -> None:
    """Refuse (ReferralLoopError) a merge after which the survivor, with the referrer
    it gets and the people `other_id` referred, would be referred up the chain by
    themselves; the dry run says so too. (Any new loop goes through the survivor: every
    referral the merge makes is theirs or to them.)"""
    referrers = Referrers(tx.raw("contacts"), {keep_id: referrer}, merged=(other_id, keep_id))
    chain = loop_chain(keep_id, referrer, referrers)
    if chain:
        raise ReferralLoopError(
            f"can't merge {report.gone} into {report.keep}: "
            f"{loop_words(referrers.names(chain))}; nothing was saved"
        )


def _carry_pairs_over(tx: Transaction | _ReadOnly, gone: int, keep: int) -> None:
    """The "not a duplicate" pairs of a contact merged away become the survivor's (they
    are one person now: who was not them is not the survivor); a pair of the two goes."""
    meta = tx.get("meta", int(schema.META_ID)) or {}
    raw = meta.get(NOT_DUPLICATES)
    if not isinstance(raw, list):
        return
    pairs: list[list[int]] = []
    for pair in raw:
        if isinstance(pair, list) and gone in pair:
            pair = sorted(keep if i == gone else i for i in pair)
            if pair[0] == pair[1]:
                continue
        if pair not in pairs:
            pairs.append(pair)
    if pairs != raw:
        tx.update("meta", int(schema.META_ID), {NOT_DUPLICATES: pairs})


def _carry_loop_states_over(tx: Transaction | _ReadOnly, gone: int, keep: int) -> None:
    """What the user did with a close-the-loop item about the contact merged away (told
    their referrer, dismissed it) holds for the survivor: `intro:<gone>:met` becomes
    `intro:<keep>:met`, `landed:<outcome>:<gone>` `landed:<outcome>:<keep>`, unless the
    survivor has a state of that item already (theirs holds)."""
    table = tx.raw("loop")
    keys = {doc.get("key") for doc in table.values()}
    for doc_id, doc in list(table.items()):
        key = doc.get("key")
        parts = key.split(":") if isinstance(key, str) else []
        if len(parts) != 3 or str(gone) != parts[1 if parts[0] == "intro" else 2]:
            continue
        if parts[0] not in ("intro", "landed"):
            continue
        parts[1 if parts[0] == "intro" else 2] = str(keep)
        renamed = ":".join(parts)
        if renamed not in keys:
            tx.update("loop", int(doc_id), {"key": renamed})
            keys.add(renamed)


def _show(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "(none)"
    return "(none)" if value in (None, "") else str(value)
