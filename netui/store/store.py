"""The typed API over the data file: what the app, the CLI and the importers call.

Every change is a short transaction: take the lock beside the file, re-read the file if
another process changed it since we last saw it, apply the change on top of what is on
disk, save atomically (after the day's backup), release the lock. So `netui add` in a
shell and the open app never lose each other's changes, and nothing a user did is ever
held only in memory.

Each change is recorded (documents before and after) so that it can be undone, even
after another process has saved in between.
"""

from __future__ import annotations

import contextlib
import os
import stat
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from netui.clock import Clock, system_clock
from netui.errors import NotFoundError, StoreError
from netui.model import (
    Company,
    Contact,
    FollowUp,
    Goals,
    MeetingLog,
    Network,
    NewName,
    Note,
    Status,
)
from netui.store import backups, convert, schema
from netui.store.fileio import remove_stale_temps
from netui.store.lock import file_lock
from netui.store.migrations import migrate
from netui.store.storage import AtomicJSONStorage
from netui.text import fold

T = TypeVar("T")
THANK_YOU = "Send a thank-you note"
"""The follow-up a logged meeting creates, due the next day."""
KEEP_IN_TOUCH = "Keep in touch"
"""The follow-up a contact's rhythm schedules after each done one."""
HISTORY = 100
"""How many of this session's changes can be undone."""
CADENCE_KINDS = ("tags", "status")
"""The default rhythms are kept per tag and per status (meta `cadence_defaults`)."""


@dataclass(frozen=True, slots=True)
class DocChange:
    """One document before and after a change (None: it did not exist)."""

    table: str
    doc_id: int
    before: dict[str, Any] | None
    after: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class Change:
    """One user-level change (possibly many documents), as it can be undone."""

    description: str
    docs: tuple[DocChange, ...]


class _Transaction:
    """The documents touched by one change, written into TinyDB's layout in memory.

    TinyDB's own `Table` operations rebuild the whole table twice per call (int keys,
    then string keys back): 17 ms of a 40 ms save at 30,000 contacts. The store already
    assigns ids and keeps before/after copies, so documents are written in place, in the
    same `{table: {"id": document}}` layout that TinyDB reads and writes.
    """

    def __init__(self, storage: AtomicJSONStorage, now: datetime) -> None:
        self.storage = storage
        self.now = now
        self.docs: list[DocChange] = []

    def raw(self, name: str) -> dict[str, dict[str, Any]]:
        return self.storage.data.setdefault(name, {})

    def get(self, name: str, doc_id: int) -> dict[str, Any] | None:
        return self.raw(name).get(str(doc_id))

    def _next_id(self, name: str) -> int:
        """A fresh id, never one a deleted document had (undo may bring it back)."""
        meta = self.storage.data["meta"][schema.META_ID]
        last_ids = meta.setdefault("last_ids", {})
        table = self.raw(name)
        candidate = last_ids.get(name, 0) + 1
        if str(candidate) in table or candidate <= 0:
            candidate = max((int(k) for k in table), default=0) + 1
        last_ids[name] = candidate
        return candidate

    def insert(self, name: str, doc: dict[str, Any]) -> int:
        return self.insert_many(name, [doc])[0]

    def insert_many(self, name: str, docs: list[dict[str, Any]]) -> list[int]:
        table = self.raw(name)
        ids = []
        for doc in docs:
            doc_id = self._next_id(name)
            table[str(doc_id)] = dict(doc)
            self.docs.append(DocChange(name, doc_id, None, table[str(doc_id)]))
            ids.append(doc_id)
        return ids

    def update(self, name: str, doc_id: int, fields: dict[str, Any]) -> dict[str, Any]:
        table = self.raw(name)
        before = table.get(str(doc_id))
        if before is None:
            raise NotFoundError(f"{name[:-1]} {doc_id} no longer exists")
        # A new dict, so `before` stays as it was (for undo); unknown fields are kept.
        after = table[str(doc_id)] = {**before, **fields}
        self.docs.append(DocChange(name, doc_id, before, after))
        return after

    def remove(self, name: str, doc_ids: Iterable[int]) -> None:
        table = self.raw(name)
        for doc_id in doc_ids:
            before = table.pop(str(doc_id), None)
            if before is not None:
                self.docs.append(DocChange(name, doc_id, before, None))

    def put(self, name: str, doc_id: int, doc: dict[str, Any] | None) -> None:
        """Make a document exactly `doc` (None: absent), as undo needs."""
        table = self.raw(name)
        before = table.get(str(doc_id))
        if doc is None:
            table.pop(str(doc_id), None)
        else:
            table[str(doc_id)] = dict(doc)
        if before is not None or doc is not None:
            self.docs.append(DocChange(name, doc_id, before, table.get(str(doc_id))))


class Store:
    """netui's data, typed, durable and shared safely between processes."""

    def __init__(self, path: Path, *, clock: Clock = system_clock) -> None:
        """Prefer `Store.open()`, which checks the path and reads the file."""
        self.path = path
        """The data file, symlinks resolved."""
        self.clock = clock
        self.notices: list[str] = []
        """Things the user should be told once (permissions tightened, file migrated)."""
        self.generation = 0
        """Goes up whenever the data changes, here or on disk: the UI redraws on it."""
        self.history: list[Change] = []
        """This session's changes, oldest first, for undo."""
        self._storage = AtomicJSONStorage(path)
        self._mutex = threading.RLock()
        self._typed: dict[str, dict[int, Any]] = {}
        self._search: dict[int, tuple[str, Contact]] | None = None
        self._backed_up_on: date | None = None

    # --- opening --------------------------------------------------------------------------

    @classmethod
    def open(
        cls, path: Path | str, *, clock: Clock = system_clock, create_folder: bool = False
    ) -> Store:
        """Open (or prepare to create) the data file at `path`.

        Raises StoreError, changing nothing, if the file can't be read or trusted. A
        missing folder is created (0700) only with `create_folder`, as for the default
        location; a folder named by the user must exist.
        """
        real = Path(os.path.realpath(Path(path).expanduser()))
        if real.is_dir():
            raise StoreError(f"{real} is a folder, not a data file")
        if not real.parent.is_dir():
            if not create_folder:
                raise StoreError(f"can't create {real}: the folder {real.parent} does not exist")
            try:
                real.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            except OSError as error:
                raise StoreError(
                    f"can't create the folder {real.parent}: {error.strerror}"
                ) from None
        if real.exists() and not stat.S_ISREG(real.stat().st_mode):
            raise StoreError(f"{real} is not a regular file")
        if not real.exists() and (newest := backups.newest_backup(real)):
            raise StoreError(
                f"{real} is missing but has backups (newest {newest}); "
                "'netui restore' puts one back"
            )
        store = cls(real, clock=clock)
        store._load_at_open()
        return store

    def _load_at_open(self) -> None:
        try:
            with file_lock(self.path):
                remove_stale_temps(self.path)
                backups.remove_stale_temps(self.path)
                content = self._storage.load()
                if content is not None and schema.schema_version(self._storage.data) < (
                    schema.SCHEMA_VERSION
                ):
                    self._migrate(content)
        except StoreError as error:
            newest = backups.newest_backup(self.path)
            hint = f"; newest backup: {newest} ('netui restore' puts it back)" if newest else ""
            raise StoreError(f"{error}; nothing was changed{hint}") from None
        self._tighten_permissions()

    def _migrate(self, original: bytes) -> None:
        """Bring an older file to the current format: keep the original, then one save."""
        version = migrate(self._storage.data)
        kept = backups.make_backup(self.path, original, self.clock(), label=f"pre-v{version + 1}")
        self._storage.flush()
        self.notices.append(
            f"upgraded {self.path} to data format {schema.SCHEMA_VERSION}; original kept as {kept}"
        )

    def _tighten_permissions(self) -> None:
        with contextlib.suppress(OSError):
            mode = stat.S_IMODE(self.path.stat().st_mode)
            if mode & 0o077:
                os.chmod(self.path, 0o600)
                self.notices.append(f"made {self.path} private (mode 0600, was {mode:o})")

    # --- reading --------------------------------------------------------------------------

    def reload_if_changed(self) -> bool:
        """Re-read the file if another process changed it; True if it did.

        Raises StoreError (keeping the data in memory) if the new file can't be read.
        """
        with self._mutex:
            if not self._storage.changed_on_disk():
                return False
            try:
                self._storage.load()
            except StoreError as error:
                raise StoreError(f"{error}; netui keeps what it had and saves nothing") from None
            self._invalidate()
            return True

    def _invalidate(self) -> None:
        self._typed.clear()
        self._search = None
        self.generation += 1

    def _objects(self, table: str) -> dict[int, Any]:
        with self._mutex:
            if table not in self._typed:
                make = convert.FROM_DOC[table]
                raw = self._storage.data.get(table, {})
                self._typed[table] = {int(k): make(int(k), doc) for k, doc in raw.items()}
            return self._typed[table]

    def contacts(self) -> list[Contact]:
        """Every contact, in the order they were added."""
        return list(self._objects("contacts").values())

    def contact(self, contact_id: int) -> Contact:
        """One contact; NotFoundError if it is gone."""
        try:
            return self._objects("contacts")[contact_id]
        except KeyError:
            raise NotFoundError(f"contact {contact_id} no longer exists") from None

    def followups(
        self, *, include_done: bool = False, contact_id: int | None = None
    ) -> list[FollowUp]:
        """Follow-ups by due date (open ones only, unless `include_done`)."""
        found = [
            f
            for f in self._objects("followups").values()
            if (include_done or f.done is None)
            and (contact_id is None or f.contact_id == contact_id)
        ]
        return sorted(found, key=lambda f: (f.due, f.id or 0))

    def followup(self, followup_id: int) -> FollowUp:
        try:
            return self._objects("followups")[followup_id]
        except KeyError:
            raise NotFoundError(f"follow-up {followup_id} no longer exists") from None

    def notes(self, contact_id: int | None = None) -> list[Note]:
        """Notes, newest first (of one contact, or all)."""
        found = [
            n
            for n in self._objects("notes").values()
            if contact_id is None or n.contact_id == contact_id
        ]
        return sorted(found, key=lambda n: (n.date, n.id or 0), reverse=True)

    def note(self, note_id: int) -> Note:
        try:
            return self._objects("notes")[note_id]
        except KeyError:
            raise NotFoundError(f"note {note_id} no longer exists") from None

    def network(self) -> Network:
        """A consistent snapshot of everything, for the review and other services."""
        with self._mutex:
            contacts = self._objects("contacts")
            return Network(
                contacts=tuple(contacts.values()),
                followups=tuple(self._objects("followups").values()),
                notes=tuple(self._objects("notes").values()),
                by_id=dict(contacts),
            )

    def search_contacts(self, query: str) -> list[Contact]:
        """Contacts whose name, company, title, email or tags contain `query`.

        Case- and accent-insensitive ("zoe" finds Zoë). The folded text of every contact is
        computed once per change, so a search over 30,000 contacts takes a few ms.
        """
        needle = fold(query.strip())
        with self._mutex:
            if self._search is None:
                self._search = {
                    key: (_haystack(c), c) for key, c in self._objects("contacts").items()
                }
            index = list(self._search.values())
        if not needle:
            return [c for _, c in index]
        return [c for hay, c in index if needle in hay]

    # --- changing -------------------------------------------------------------------------

    @contextlib.contextmanager
    def _change(self, description: str | Callable[[], str]) -> Iterator[_Transaction]:
        """Run a change as one locked read-modify-write of the file, and record it."""
        with self._mutex, file_lock(self.path):
            if self._storage.changed_on_disk():
                try:
                    self._storage.load()  # apply the change on top of what is on disk
                except StoreError as error:
                    raise StoreError(f"{error}; nothing was saved") from None
                self._invalidate()
            tx = _Transaction(self._storage, self.clock())
            try:
                yield tx
                if tx.docs:
                    self._backup_if_due()
                    self._storage.flush()
            except BaseException:
                self._restore_after_failure(tx)
                raise
            if not tx.docs:
                return
            self._apply_to_cache(tx.docs)
            text = description() if callable(description) else description
            self.history.append(Change(text, tuple(tx.docs)))
            del self.history[:-HISTORY]

    def _restore_after_failure(self, tx: _Transaction) -> None:
        """Put memory back to what is on disk (the failed save left the file untouched)."""
        try:
            self._storage.load()
        except StoreError:
            # The file can't be read back: take the change out of memory by hand, or the
            # next change would save this one too, after the user was told it failed.
            for doc in reversed(tx.docs):
                table = self._storage.data.setdefault(doc.table, {})
                if doc.before is None:
                    table.pop(str(doc.doc_id), None)
                else:
                    table[str(doc.doc_id)] = dict(doc.before)
        self._invalidate()

    def _backup_if_due(self) -> None:
        """Before the first save of the day (and so of each session), copy the file."""
        now = self.clock()
        if self._backed_up_on == now.date() or not self._storage.exists():
            return
        if not backups.has_backup_of_day(self.path, now.date()):
            try:
                content = self.path.read_bytes()
            except OSError as error:
                raise StoreError(
                    f"can't read {self.path} to back it up: {error.strerror}"
                ) from None
            backups.make_backup(self.path, content, now)
        self._backed_up_on = now.date()

    def _apply_to_cache(self, docs: list[DocChange]) -> None:
        for change in docs:
            if change.table not in self._typed:
                continue
            objects = self._typed[change.table]
            if change.after is None:
                objects.pop(change.doc_id, None)
            else:
                objects[change.doc_id] = convert.FROM_DOC[change.table](change.doc_id, change.after)
        if self._search is not None:  # keep the search index, changing only what changed
            for change in docs:
                if change.table == "contacts":
                    if change.after is None:
                        self._search.pop(change.doc_id, None)
                    else:
                        contact = self._typed["contacts"][change.doc_id]
                        self._search[change.doc_id] = (_haystack(contact), contact)
        self.generation += 1

    def _result(self, table: str, doc_id: int) -> Any:
        return convert.FROM_DOC[table](doc_id, self._storage.data[table][str(doc_id)])

    # contacts

    def add_contact(self, contact: Contact) -> Contact:
        """Save a new contact (its id and timestamps are set here)."""
        with self._change(f"added {contact.name}") as tx:
            self._check_referrer(tx, contact.referred_by, None)
            stamped = replace(contact, created=tx.now, updated=tx.now)
            doc_id = tx.insert("contacts", convert.contact_to_doc(stamped))
        return self._result("contacts", doc_id)

    def add_contacts(self, contacts: list[Contact], description: str = "") -> list[Contact]:
        """Save many contacts in one change and one write (imports)."""
        with self._change(description or f"added {len(contacts)} contacts") as tx:
            docs = [
                convert.contact_to_doc(replace(c, created=c.created or tx.now, updated=tx.now))
                for c in contacts
            ]
            ids = tx.insert_many("contacts", docs)
        return [self._result("contacts", i) for i in ids]

    def update_contact(self, contact: Contact) -> Contact:
        """Save the edited fields of an existing contact."""
        if contact.id is None:
            raise NotFoundError("this contact was never saved")
        with self._change(f"edited {contact.name}") as tx:
            self._check_referrer(tx, contact.referred_by, contact.id)
            fields = convert.contact_to_doc(replace(contact, updated=tx.now))
            del fields["created"]
            tx.update("contacts", contact.id, fields)
        return self._result("contacts", contact.id)

    def _check_referrer(
        self, tx: _Transaction, referrer: int | None, contact_id: int | None
    ) -> None:
        if referrer is None:
            return
        if referrer == contact_id:
            raise StoreError("a contact can't be referred by themselves")
        if tx.get("contacts", referrer) is None:
            raise NotFoundError(f"the referrer (contact {referrer}) no longer exists")

    def delete_contact(self, contact_id: int) -> str:
        """Delete a contact with their follow-ups and notes; return what was deleted.

        People they referred stay, with `referred_by` cleared.
        """
        contact = self.contact(contact_id)
        followups = [f.id for f in self.followups(include_done=True, contact_id=contact_id)]
        notes = [n.id for n in self.notes(contact_id)]
        text = deletion_summary(contact.name, len(notes), len(followups))
        with self._change(f"deleted {text}") as tx:
            if tx.get("contacts", contact_id) is None:
                raise NotFoundError(f"{contact.name} was already deleted")
            tx.remove("followups", [i for i in followups if i is not None])
            tx.remove("notes", [i for i in notes if i is not None])
            for key, doc in list(tx.raw("contacts").items()):
                if doc.get("referred_by") == contact_id:
                    tx.update("contacts", int(key), {"referred_by": None})
            tx.remove("contacts", [contact_id])
        return text

    # follow-ups

    def add_followup(self, followup: FollowUp) -> FollowUp:
        """Save a new follow-up."""
        with self._change(f"added follow-up '{followup.text}'") as tx:
            self._check_contact(tx, followup.contact_id)
            doc_id = tx.insert(
                "followups", convert.followup_to_doc(replace(followup, created=tx.now))
            )
        return self._result("followups", doc_id)

    def update_followup(self, followup: FollowUp) -> FollowUp:
        """Save an edited follow-up (text, due date, contact)."""
        assert followup.id is not None
        with self._change(f"edited follow-up '{followup.text}'") as tx:
            self._check_contact(tx, followup.contact_id)
            fields = convert.followup_to_doc(followup)
            del fields["created"]
            tx.update("followups", followup.id, fields)
        return self._result("followups", followup.id)

    def complete_followup(self, followup_id: int) -> FollowUp:
        """Mark a follow-up done now.

        For a contact with a keep-in-touch rhythm and nothing else planned, the next touch
        is scheduled in the same change (undo takes both back).
        """
        followup = self.followup(followup_id)
        with self._change(f"marked '{followup.text}' done") as tx:
            tx.update("followups", followup_id, {"done": tx.now.isoformat(timespec="seconds")})
            self._schedule_next_touch(tx, followup.contact_id, followup_id)
        return self._result("followups", followup_id)

    def _schedule_next_touch(self, tx: _Transaction, contact_id: int | None, done_id: int) -> None:
        contact = tx.get("contacts", contact_id) if contact_id is not None else None
        cadence = contact.get("cadence_days") if contact else None
        if not isinstance(cadence, int) or isinstance(cadence, bool) or cadence <= 0:
            return
        planned = any(
            doc.get("contact_id") == contact_id and doc.get("done") is None
            for key, doc in tx.raw("followups").items()
            if key != str(done_id)
        )
        if not planned:
            due = tx.now.date() + timedelta(days=cadence)
            tx.insert(
                "followups",
                convert.followup_to_doc(FollowUp(KEEP_IN_TOUCH, due, contact_id, created=tx.now)),
            )

    def reopen_followup(self, followup_id: int) -> FollowUp:
        """Mark a done follow-up as not done."""
        followup = self.followup(followup_id)
        with self._change(f"reopened '{followup.text}'") as tx:
            tx.update("followups", followup_id, {"done": None})
        return self._result("followups", followup_id)

    def snooze_followup(self, followup_id: int, until: date) -> FollowUp:
        """Move a follow-up's due date."""
        followup = self.followup(followup_id)
        with self._change(f"snoozed '{followup.text}' to {until.isoformat()}") as tx:
            tx.update("followups", followup_id, {"due": until.isoformat()})
        return self._result("followups", followup_id)

    def delete_followup(self, followup_id: int) -> str:
        followup = self.followup(followup_id)
        with self._change(f"deleted follow-up '{followup.text}'") as tx:
            tx.remove("followups", [followup_id])
        return f"follow-up '{followup.text}'"

    # notes

    def add_note(self, note: Note) -> Note:
        """Save a note; a meeting, call or email also moves the contact along the loop.

        A lead you emailed or called becomes `contacted`; anyone you met becomes `met`.
        """
        with self._change(f"added a {note.kind} note") as tx:
            self._check_contact(tx, note.contact_id)
            doc_id = tx.insert("notes", convert.note_to_doc(replace(note, created=tx.now)))
            self._advance_status(tx, note)
        return self._result("notes", doc_id)

    def _advance_status(self, tx: _Transaction, note: Note) -> None:
        if note.contact_id is None or not note.kind.is_interaction:
            return
        target = Status.MET if note.kind.is_meeting else Status.CONTACTED
        doc = tx.get("contacts", note.contact_id)
        current = doc.get("status") if doc else None
        rank = Status(current).rank if current in Status._value2member_map_ else 0
        if doc is not None and target.rank > rank:
            tx.update("contacts", note.contact_id, {"status": str(target)})

    def update_note(self, note: Note) -> Note:
        assert note.id is not None
        with self._change("edited a note") as tx:
            self._check_contact(tx, note.contact_id)
            fields = convert.note_to_doc(note)
            del fields["created"]
            tx.update("notes", note.id, fields)
            self._advance_status(tx, note)
        return self._result("notes", note.id)

    def delete_note(self, note_id: int) -> str:
        note = self.note(note_id)
        with self._change(f"deleted a note of {note.date.isoformat()}") as tx:
            tx.remove("notes", [note_id])
        return f"the note of {note.date.isoformat()}"

    def _check_contact(self, tx: _Transaction, contact_id: int | None) -> None:
        if contact_id is not None and tx.get("contacts", contact_id) is None:
            raise NotFoundError(f"contact {contact_id} no longer exists")

    # the informational-interview loop

    def log_meeting(self, log: MeetingLog) -> Note:
        """Save a meeting and everything it produced, as one undoable change.

        The note keeps the answers, companies, feedback and promises; each new name
        becomes a lead referred by this person (an existing contact of that name is
        linked, not duplicated); promises become follow-ups; a thank-you follow-up is due
        the next day unless it was already sent; the person moves to `met`.
        """
        contact = self.contact(log.contact_id)
        with self._change(f"logged a {log.kind} with {contact.name}") as tx:
            self._check_contact(tx, log.contact_id)
            new_ids = [
                self._place_name(tx, new, log.contact_id, contact.name) for new in log.new_names
            ]
            note = Note(
                text=log.text,
                date=log.date,
                contact_id=log.contact_id,
                kind=log.kind,
                created=tx.now,
                answers=log.answers,
                companies=log.companies,
                feedback=log.feedback,
                promises=tuple(f.text for f in log.followups),
                new_contacts=tuple(dict.fromkeys(new_ids)),
            )
            note_id = tx.insert("notes", convert.note_to_doc(note))
            self._advance_status(tx, note)
            if tx.get("contacts", log.contact_id).get("prepared"):  # type: ignore[union-attr]
                tx.update("contacts", log.contact_id, {"prepared": []})
            for followup in log.followups:
                promise = replace(followup, contact_id=log.contact_id, created=tx.now)
                tx.insert("followups", convert.followup_to_doc(promise))
            if not log.thank_you_sent:
                due = log.date + timedelta(days=1)
                thanks = FollowUp(THANK_YOU, due, log.contact_id, created=tx.now)
                tx.insert("followups", convert.followup_to_doc(thanks))
        return self._result("notes", note_id)

    def _place_name(self, tx: _Transaction, new: NewName, referrer: int, referrer_name: str) -> int:
        """The id of a name given at a meeting: an existing contact (linked to the
        referrer if nobody had referred them), or a new lead."""
        contact_id = new.contact_id
        if contact_id is None:
            contact_id = _find_by_name(tx.raw("contacts"), new.name)
        if contact_id is not None:
            doc = tx.get("contacts", contact_id)
            if doc is None:
                raise NotFoundError(f"contact {contact_id} no longer exists")
            if doc.get("referred_by") is None and contact_id != referrer:
                tx.update("contacts", contact_id, {"referred_by": referrer})
            return contact_id
        lead = Contact(
            name=new.name,
            company=new.company,
            title=new.title,
            referred_by=referrer,
            how_met=f"via {referrer_name}",
            created=tx.now,
            updated=tx.now,
        )
        return tx.insert("contacts", convert.contact_to_doc(lead))

    def set_prepared(self, contact_id: int, questions: list[str]) -> Contact:
        """Keep the questions picked for the next meeting with this person."""
        contact = self.contact(contact_id)
        with self._change(f"prepared {len(questions)} questions for {contact.name}") as tx:
            tx.update("contacts", contact_id, {"prepared": list(dict.fromkeys(questions))})
        return self._result("contacts", contact_id)

    def goals(self) -> Goals:
        """The weekly goals (the defaults until the user sets some)."""
        raw = self._storage.data["meta"][schema.META_ID].get("goals")
        raw = raw if isinstance(raw, dict) else {}
        values = {
            key: value if isinstance(value := raw.get(key), int) and value >= 0 else default
            for key, default in schema.DEFAULT_GOALS.items()
        }
        return Goals(**values)

    def set_goals(self, goals: Goals) -> Goals:
        """Save new weekly goals."""
        fields = {
            "contacts": goals.contacts,
            "meetings": goals.meetings,
            "followups": goals.followups,
        }
        with self._change("changed the weekly goals") as tx:
            tx.update("meta", int(schema.META_ID), {"goals": fields})
        return self.goals()

    def cadence_defaults(self) -> dict[str, dict[str, int]]:
        """The default keep-in-touch rhythms, in days: `{"tags": {tag: days}, "status":
        {status: days}}` (tags folded: no `#`, lower case, no accents). A contact without
        a rhythm of their own takes the shortest of their tags', else their status's."""
        raw = self._storage.data["meta"][schema.META_ID].get("cadence_defaults")
        raw = raw if isinstance(raw, dict) else {}
        result: dict[str, dict[str, int]] = {}
        for kind in CADENCE_KINDS:
            table = raw.get(kind)
            table = table if isinstance(table, dict) else {}
            result[kind] = {
                key: days
                for key, days in table.items()
                if isinstance(key, str) and _cadence_days(days) is not None
            }
        return result

    def set_cadence_default(
        self, kind: str, key: str, days: int | None
    ) -> dict[str, dict[str, int]]:
        """Set (or with None, clear) the default rhythm of a tag (`kind` "tags") or of a
        status (`kind` "status"); return all the defaults."""
        if kind not in CADENCE_KINDS:
            raise StoreError(f"a default rhythm is set per tag or per status, not per '{kind}'")
        if kind == "tags":
            key = fold(" ".join(key.strip().lstrip("#").split()))
            if not key:
                raise StoreError("a default rhythm needs a tag")
        elif key not in Status._value2member_map_:
            statuses = ", ".join(str(s) for s in Status)
            raise StoreError(f"'{key}' is not a status (one of {statuses})")
        if days is not None and _cadence_days(days) is None:
            raise StoreError(f"a rhythm is a number of days from 1 to 3650, not {days!r}")
        label = f"#{key}" if kind == "tags" else key
        what = f"every {days} days" if days is not None else "none"
        with self._change(f"set the default rhythm of {label} to {what}") as tx:
            defaults = self.cadence_defaults()
            if days is None:
                defaults[kind].pop(key, None)
            else:
                defaults[kind][key] = days
            tx.update("meta", int(schema.META_ID), {"cadence_defaults": defaults})
        return self.cadence_defaults()

    def companies(self) -> list[Company]:
        """The companies the user marked (targets), in the order first marked."""
        return list(self._objects("companies").values())

    def set_target(self, name: str, target: bool) -> Company:
        """Mark (or unmark) a company as a target; names match case-insensitively."""
        name = " ".join(name.split())
        if not name:
            raise StoreError("a company needs a name")
        verb = "marked" if target else "unmarked"
        with self._change(f"{verb} {name} as a target") as tx:
            found = _find_by_name(tx.raw("companies"), name)
            if found is None:
                found = tx.insert("companies", convert.company_to_doc(Company(name, target)))
            else:
                tx.update("companies", found, {"target": target})
        return self._result("companies", found)

    # undo

    def undo(self) -> str | None:
        """Undo this session's last change; return what was undone (None: nothing to undo).

        Documents go back to what they were before it, on top of the file as it is now,
        so changes made meanwhile by another process to other documents are kept.
        """
        with self._mutex:
            if not self.history:
                return None
            change = self.history.pop()
            depth = len(self.history)
            try:
                with self._change("") as tx:
                    for doc in reversed(change.docs):
                        tx.put(doc.table, doc.doc_id, doc.before)
            except BaseException:
                self.history.append(change)
                raise
            if len(self.history) > depth:  # nothing is recorded when nothing had to change
                self.history.pop()  # the undo itself is not undoable
            return change.description


def _cadence_days(value: object) -> int | None:
    """`value` if it is a rhythm in days (a whole number from 1 to 3650), else None."""
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 3650:
        return value
    return None


def _find_by_name(table: dict[str, dict[str, Any]], name: str) -> int | None:
    """The id of the document whose name matches `name` (case/accent-insensitive)."""
    wanted = fold(" ".join(name.split()))
    for key, doc in table.items():
        if fold(" ".join(str(doc.get("name", "")).split())) == wanted:
            return int(key)
    return None


def _haystack(contact: Contact) -> str:
    """What a contact search looks in, folded for case- and accent-insensitivity."""
    return fold(
        " ".join((contact.name, contact.company, contact.title, contact.email, *contact.tags))
    )


def deletion_summary(name: str, notes: int, followups: int) -> str:
    """ "Jane Doe, with 3 notes and 2 follow-ups", as the delete confirmation says it."""
    parts = []
    if notes:
        parts.append(f"{notes} note{'s' if notes != 1 else ''}")
    if followups:
        parts.append(f"{followups} follow-up{'s' if followups != 1 else ''}")
    return f"{name}, with {' and '.join(parts)}" if parts else name
