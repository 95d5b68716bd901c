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
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from netui.clock import Clock, system_clock
from netui.errors import (
    DamagedFileError,
    LockBusyError,
    NotFoundError,
    ReadOnlyError,
    StoreError,
    command_for,
)
from netui.model import (
    Company,
    Contact,
    FollowUp,
    Network,
    Note,
    Status,
    next_touch,
)
from netui.names import loose
from netui.store import backups, checked, convert, integrity, schema
from netui.store.conflicts import (
    BOOKKEEPING,
    Choices,
    UndoImpossible,
    compensate,
    dependents,
    merge_fields,
    unlink,
)
from netui.store.fileio import remove_stale_temps, why_read_only
from netui.store.lock import file_lock
from netui.store.loop import LoopMixin
from netui.store.migrations import migrate
from netui.store.naming import DocumentNamer, a_note
from netui.store.outreach import OutreachMixin
from netui.store.people import PeopleMixin
from netui.store.referrers import ReferralLoopError
from netui.store.storage import AtomicJSONStorage
from netui.store.transaction import Change, DocChange, Transaction
from netui.text import plural

__all__ = ["Change", "Choices", "Store", "deletion_summary", "file_version"]

T = TypeVar("T")
R = TypeVar("R", Contact, FollowUp, Note, Company)
TOUCHED_KEPT = 200
"""How many generations `touched_since` can tell about."""
HISTORY = 100
"""How many of this session's changes can be undone."""


class Store(LoopMixin, OutreachMixin, PeopleMixin):
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
        """This session's changes, oldest first, for undo (a redo counts as a change)."""
        self.redone: list[Change] = []
        """The undos of this session that can be redone, oldest first: each is the undo's
        own change (what it wrote), which a redo compensates as undo compensates a change.
        A new change that writes something (not an undo or a redo) empties it."""
        self.read_only: str | None = None
        """Why nothing can be saved (a read-only mount, file, folder or lock file, or
        wrong values in the file); None when changes are saved as usual."""
        self.dangling: list[integrity.Problem] = []
        """References to contacts that do not exist, found when the file was opened."""
        self._storage = AtomicJSONStorage(path, lambda: self.clock().date())
        self._mutex = threading.RLock()
        self._typed: dict[str, dict[int, Any]] = {}
        self._touched: list[tuple[int, frozenset[int] | None]] = []
        """Per generation, the contacts a change of this process touched (None: unknown,
        after a re-read), so that the read model can be updated rather than rebuilt."""
        self._backed_up_on: date | None = None
        self._tolerant = False
        self._loaded = False
        self._deferred = False
        self.trust_checked = True
        """Whether a version of the file found clean before is read without checking its
        values again (`netui.store.checked`); `netui check` always checks."""
        self._storage.known_clean = self._known_clean
        self._trials: list[Transaction] | None = None
        """Inside `trial`: its changes so far, taken back when it ends."""

    # --- opening --------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        clock: Clock = system_clock,
        create_folder: bool = False,
        tolerant: bool = False,
        defer_load: bool = False,
        trust_checked: bool = True,
    ) -> Store:
        """Open (or prepare to create) the data file at `path`.

        Raises StoreError, changing nothing, if the file can't be read or trusted. A
        missing folder is created (0700) only with `create_folder`, as for the default
        location; a folder named by the user must exist. Where the file can be read but
        not written, the store opens read-only (`read_only` says why). With `tolerant`, a
        file whose only fault is wrong values opens read-only too, its faults in
        `problems()`, so that the app can show the data and `netui check` can list them.

        With `defer_load`, only the path is checked: the file is read by `load()`, which
        must come before any other call (the app paints its first frame from the
        start-up view meanwhile, `netui.startview`).
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
                f"'{command_for(real, 'restore')}' puts one back"
            )
        store = cls(real, clock=clock)
        store._tolerant = tolerant
        store.trust_checked = trust_checked
        store._deferred = defer_load and real.exists()
        if not defer_load:
            store.load()
        return store

    @property
    def loaded(self) -> bool:
        """Whether the file has been read (see `open`'s `defer_load`)."""
        return self._loaded

    def load(self) -> None:
        """Read the file, once (`open` does it, unless told to defer it)."""
        if self._loaded:
            return
        if self._deferred and not self.path.exists():  # it was there at `open`
            newest = backups.newest_backup(self.path)
            hint = f"; '{command_for(self.path, 'restore')}' puts one back" if newest else ""
            raise StoreError(f"{self.path} has disappeared since netui started{hint}")
        self._load_at_open(self._tolerant)
        self._loaded = True

    def version(self) -> tuple[int, ...] | None:
        """What identifies the version of the file held in memory (size, times, inode,
        device), as `file_version` gives it for the file on disk; None when there is no
        file yet or its times are too coarse to tell versions apart."""
        state = self._storage.state
        if state is None or state.digest:
            return None
        return (state.size, state.mtime_ns, state.ctime_ns, state.inode, state.device)

    def _load_at_open(self, tolerant: bool) -> None:
        self.read_only = why_read_only(self.path)
        if self.read_only and not self.path.exists():
            raise ReadOnlyError(f"can't create {self.path}: {self.read_only}")
        try:
            if self.read_only:
                self._load_read_only(tolerant)
            else:
                with file_lock(self.path):
                    remove_stale_temps(self.path)
                    backups.remove_stale_temps(self.path)
                    content = self._storage.load(tolerant=tolerant)
                    if self._storage.problems:
                        self.read_only = self._faulty()
                    elif content is not None and self._is_old():
                        self._migrate(content)
        except DamagedFileError as error:
            newest = backups.newest_backup(self.path) if error.restore_helps else None
            restore = command_for(self.path, "restore")
            hint = f"; newest backup: {newest} ('{restore}' puts it back)" if newest else ""
            raise DamagedFileError(
                f"{error}; nothing was changed{hint}", restore_helps=error.restore_helps
            ) from None
        except (LockBusyError, ReadOnlyError):
            raise
        except StoreError as error:
            raise StoreError(f"{error}; nothing was changed") from None
        self._after_read()
        if self.dangling:
            self.notices.append(
                f"{_count(self.dangling, 'reference')} to contacts that don't exist "
                f"(first: {self.dangling[0]}); '{command_for(self.path, 'check')}' lists them, "
                f"'{command_for(self.path, 'check', '--repair')}' clears them"
            )
        if not self.read_only:
            self._tighten_permissions()

    def _load_read_only(self, tolerant: bool) -> None:
        """Read without the lock (it can't be taken) and without writing anything: an
        older format is upgraded in memory only."""
        self._storage.load(tolerant=tolerant)
        if self._storage.problems:
            self.read_only = f"{self.read_only}, and {self._faulty()}"
        elif self._is_old():
            migrate(self._storage.data)
            self.notices.append(
                f"{self.path} is in an older data format: shown upgraded, not saved (read-only)"
            )

    def _known_clean(self, content_sum: checked.Sum) -> bool:
        return self.trust_checked and checked.is_checked(self.path, content_sum)

    def _after_read(self) -> None:
        """The references checked too (unless the version read is known clean); a clean
        version recorded as such."""
        if not self._storage.checked_now:
            self.dangling = []
            return
        self.dangling = integrity.check_references(self._storage.data)
        self._mark_clean()

    def _mark_clean(self) -> None:
        if not self._storage.problems and not self.dangling:
            checked.mark_checked(self.path, self._storage.content_sum)

    def _faulty(self) -> str:
        """Why a file with wrong values is read-only, and what fixes it."""
        repair = command_for(self.path, "check", "--repair")
        return f"{_faulty(self._storage.problems)}; '{repair}' fixes them"

    def _is_old(self) -> bool:
        return schema.schema_version(self._storage.data) < schema.SCHEMA_VERSION

    def problems(self) -> list[integrity.Problem]:
        """Every fault of the file as loaded: wrong values, then dangling references."""
        return [*self._storage.problems, *self.dangling]

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
            faulty = bool(self._storage.problems)
            before = self._storage.data
            try:
                self._storage.load()
            except StoreError as error:
                raise StoreError(f"{error}; netui keeps what it had and saves nothing") from None
            if faulty:  # opened read-only for wrong values, now repaired (netui check)
                self.read_only = why_read_only(self.path)
            self._after_read()
            self._reread(before)
            return True

    def _invalidate(self) -> None:
        self._typed.clear()
        self._step(None)

    def _reread(self, before: dict[str, Any]) -> None:
        """After the file was read again (another writer changed it): keep the typed
        objects of the documents that did not change, since typing 30,000 contacts again
        costs a third of a second, and record which contacts the change touched, so that
        the read model is updated for them rather than made anew."""
        after = self._storage.data
        touched: set[int] = set()
        for table in ("contacts", "followups", "notes"):
            old, new = before.get(table, {}), after.get(table, {})
            typed = self._typed.get(table)
            make = convert.FROM_DOC[table]
            objects: dict[int, Any] = {}
            for key, doc in new.items():
                if old.get(key) == doc:
                    if typed is not None:
                        objects[int(key)] = typed[int(key)]
                    continue
                if typed is not None:
                    objects[int(key)] = make(int(key), doc)
                touched |= _touches(table, int(key), old.get(key), doc)
            for key in old.keys() - new.keys():
                touched |= _touches(table, int(key), old[key], None)
            if typed is not None:
                self._typed[table] = objects
        for table in ("companies", "outcomes", "loop"):  # (few: typed again when asked)
            self._typed.pop(table, None)
        self._step(frozenset(touched))

    def _step(self, touched: frozenset[int] | None) -> None:
        """A new generation of the data (what it touched, if known)."""
        self.generation += 1
        self._touched.append((self.generation, touched))
        del self._touched[:-TOUCHED_KEPT]

    def touched_since(self, generation: int) -> set[int] | None:
        """The contacts changed since `generation`: their documents, or follow-ups and
        notes of theirs (None: unknown, the file was re-read, or too long ago)."""
        with self._mutex:
            steps = [touched for g, touched in self._touched if g > generation]
            if len(steps) != self.generation - generation or None in steps:
                return None
            return set().union(*steps)  # type: ignore[arg-type]

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

    def sizes(self) -> dict[str, int]:
        """How many documents each table holds (without building any object)."""
        with self._mutex:
            return {name: len(docs) for name, docs in self._storage.data.items()}

    def contacts_mentioning(self, word: str) -> list[Contact]:
        """The contacts whose name holds `word` (case- and accent-insensitively): all a
        name lookup for a reference starting with `word` needs, built without building
        every contact (30,000 objects cost `netui add` 200 ms)."""
        wanted = loose(word)  # (apostrophes out: "Dangelo" is in "D'Angelo")
        with self._mutex:
            if "contacts" in self._typed or not wanted:
                return [c for c in self.contacts() if wanted in loose(c.name)]
            make = convert.contact_from_doc
            return [
                make(int(key), doc)
                for key, doc in self._storage.data.get("contacts", {}).items()
                if wanted in loose(str(doc.get("name", "")))
            ]

    def contacts_like(self, words: list[str], emails: list[str]) -> list[Contact]:
        """The contacts whose name holds one of `words`, or that have one of `emails`:
        what the duplicate check before adding a contact compares with (a quick-add line
        has no phone or profile), without building every contact."""
        wanted = [w for w in (loose(w) for w in words) if w]
        addresses = {e.strip().casefold() for e in emails if e.strip()}

        def like(doc: dict[str, Any]) -> bool:
            name = loose(str(doc.get("name", "")))
            if any(w in name for w in wanted):
                return True
            if not addresses:
                return False
            others = doc.get("other_emails")
            mine = [doc.get("email"), *(others if isinstance(others, list) else [])]
            return any(isinstance(e, str) and e.strip().casefold() in addresses for e in mine)

        with self._mutex:
            if "contacts" in self._typed:
                return [c for c in self.contacts() if like(convert.contact_to_doc(c))]
            make = convert.contact_from_doc
            return [
                make(int(key), doc)
                for key, doc in self._storage.data.get("contacts", {}).items()
                if like(doc)
            ]

    def contact(self, contact_id: int) -> Contact:
        """One contact; NotFoundError if it is gone."""
        try:
            contact: Contact = self._objects("contacts")[contact_id]
            return contact
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
            followup: FollowUp = self._objects("followups")[followup_id]
            return followup
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
            note: Note = self._objects("notes")[note_id]
            return note
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
                outcomes=tuple(self._objects("outcomes").values()),
                loop=tuple(self._objects("loop").values()),
                by_id=dict(contacts),
            )

    # --- changing -------------------------------------------------------------------------

    @contextlib.contextmanager
    def _change(
        self, description: str | Callable[[], str], *, replay: bool = False
    ) -> Iterator[Transaction]:
        """Run a change as one locked read-modify-write of the file, and record it.

        Before anything is written, the documents the change touched are checked by the
        rules the file is checked by on load (no wrong value, no reference to a contact
        that does not exist): a change that would break them is refused.

        A change that writes something goes on the undo list and empties the redo list;
        with `replay` (an undo or a redo) the caller files it itself (`tx.docs`).
        """
        with self._mutex:  # (a trial holds it: another thread's change waits for its end)
            if self._trials is not None:
                yield from self._try(self._trials)
                return
        if self.read_only:
            raise ReadOnlyError(f"read-only: {self.read_only}; nothing was saved")
        with self._mutex, file_lock(self.path):
            if self._storage.changed_on_disk():
                before = self._storage.data
                try:
                    self._storage.load()  # apply the change on top of what is on disk
                except StoreError as error:
                    raise StoreError(f"{error}; nothing was saved") from None
                self._reread(before)
                self._after_read()
            tx = Transaction(self._storage, self.clock())
            try:
                yield tx
                if tx.docs:
                    tx.check()
                    self._backup_if_due()
                    self._storage.flush()
            except BaseException:
                self._restore_after_failure(tx)
                raise
            if not tx.docs:
                return
            self._mark_clean()
            self._apply_to_cache(tx.docs)
            if replay:
                return
            text = description() if callable(description) else description
            self._record(self.history, Change(text, tuple(tx.docs)))
            self.redone.clear()

    @contextlib.contextmanager
    def trial(self) -> Iterator[None]:
        """A dry run: the changes made inside are worked out and checked as a save
        checks them (a wrong value, a reference to no one, a referral loop: StoreError),
        on the data as this store last read it, then taken back when the block ends.
        Nothing is written, locked, backed up or recorded for undo, and a read-only file
        can be tried too."""
        with self._mutex:
            if self._trials is not None:
                raise RuntimeError("a trial is already running")
            self._trials = []
            try:
                yield
            finally:
                for tx in reversed(self._trials):
                    tx.rollback()
                self._trials = None
                self._typed.clear()  # (objects typed meanwhile may show what was tried)

    def _try(self, trials: list[Transaction]) -> Iterator[Transaction]:
        """`_change` inside a `trial`: checked, kept in memory until the trial ends."""
        tx = Transaction(self._storage, self.clock())
        try:
            yield tx
            if tx.docs:
                tx.check()
        except BaseException:
            tx.rollback()
            raise
        trials.append(tx)

    @staticmethod
    def _record(changes: list[Change], change: Change) -> None:
        changes.append(change)
        del changes[:-HISTORY]

    def _restore_after_failure(self, tx: Transaction) -> None:
        """Put memory back to what is on disk: a refused change or a failed save left the
        file untouched, and the next change must not save this one too, after the user
        was told it failed. The typed objects were only ever built from the file. A save
        that landed before failing (its folder's fsync) is read back instead."""
        tx.rollback()
        if self._storage.changed_on_disk():
            with contextlib.suppress(StoreError):
                self._storage.load()
                self._after_read()
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
        self._step(frozenset(_contacts_in(docs)))

    def _result(self, table: str, doc_id: int, kind: type[R]) -> R:
        """The saved document `doc_id` of `table`, typed."""
        result = convert.FROM_DOC[table](doc_id, self._storage.data[table][str(doc_id)])
        assert isinstance(result, kind)
        return result

    # contacts

    def add_contact(self, contact: Contact) -> Contact:
        """Save a new contact (its id and timestamps are set here)."""
        with self._change(f"added {contact.name}") as tx:
            self._check_referrer(tx, contact.referred_by, None)
            stamped = replace(contact, created=tx.now, updated=tx.now)
            doc_id = tx.insert("contacts", convert.contact_to_doc(stamped))
        return self._result("contacts", doc_id, Contact)

    def add_contacts(self, contacts: list[Contact], description: str = "") -> list[Contact]:
        """Save many contacts in one change and one write (imports)."""
        with self._change(description or f"added {plural(len(contacts), 'contact')}") as tx:
            docs = [
                convert.contact_to_doc(replace(c, created=c.created or tx.now, updated=tx.now))
                for c in contacts
            ]
            ids = tx.insert_many("contacts", docs)
        return [self._result("contacts", i, Contact) for i in ids]

    def update_contact(
        self, contact: Contact, base: Contact, choices: Choices | None = None
    ) -> Contact:
        """Save the fields of a contact the user changed since `base`.

        `base` is the contact as the user saw it when they started (the form opened, the
        row was drawn); the store can't guess it, having maybe re-read the file since.
        Only the fields that differ from it are written, onto the contact as it is in the
        file now, so that what another writer changed meanwhile is kept; a field both
        changed is a ConflictError (nothing saved) until `choices` answers it.
        """
        if contact.id is None:
            raise NotFoundError("this contact was never saved")
        with self._change(f"edited {contact.name}") as tx:
            fields = self._edited_fields(tx, "contacts", base, contact, choices)
            if "referred_by" in fields:
                self._check_referrer(tx, contact.referred_by, contact.id)
            self._update_contact_fields(tx, contact.id, fields)
        return self._result("contacts", contact.id, Contact)

    def _update_contact_fields(
        self, tx: Transaction, contact_id: int, fields: dict[str, Any]
    ) -> bool:
        """Write the fields of a contact that differ from the file, and stamp `updated`
        if any did; whether something changed. Every contact change goes through here.

        The rule: `updated` moves exactly when a contact field changes, by any path (the
        form, a note or meeting that moves the status, a meeting that links a referrer or
        uses up the prepared questions, `set_prepared`). The fields that count are all of
        a contact's but its bookkeeping (`created`, `updated`): name, company, title,
        emails, phones and their labels, links, tags, how we met, referrer, status,
        rhythm and prepared questions. A field set to what it already is counts as no
        change: nothing is written and no undo step is added. (An import keeps the
        `updated` it brings, see `apply_import`: it is not an edit.)
        """
        doc = tx.get("contacts", contact_id) or {}
        changed = {
            key: value
            for key, value in fields.items()
            if key not in BOOKKEEPING and doc.get(key) != value
        }
        if not changed:
            return False
        changed["updated"] = tx.now.isoformat(timespec="seconds")
        tx.update("contacts", contact_id, changed)
        return True

    def _edited_fields(
        self,
        tx: Transaction,
        table: str,
        base: Any,
        edited: Any,
        choices: Choices | None,
    ) -> dict[str, Any]:
        """The fields to write for an edit from `base` to `edited` (see `update_contact`)."""
        doc_id = edited.id
        now = tx.get(table, doc_id)
        if now is None:
            raise NotFoundError(
                f"{self._namer().document(table, convert.TO_DOC[table](base))} was deleted "
                "by another program since you started; nothing was saved"
            )
        to_doc, from_doc = convert.TO_DOC[table], convert.FROM_DOC[table]
        choices = (choices or Choices()).fresh()
        fields = merge_fields(
            to_doc(base),
            to_doc(edited),
            to_doc(from_doc(doc_id, now)),  # as netui would write it, to compare like with like
            choices,
            self._namer(),
            table,
            doc_id,
        )
        choices.raise_if_open("not saved")
        return fields

    def _namer(self) -> DocumentNamer:
        return DocumentNamer(self._storage.data)

    def _check_referrer(
        self, tx: Transaction, referrer: int | None, contact_id: int | None
    ) -> None:
        if referrer is None:
            return
        if referrer == contact_id:
            raise StoreError("a contact can't be referred by themselves")
        if tx.get("contacts", referrer) is None:
            raise NotFoundError(f"the referrer (contact {referrer}) no longer exists")

    def delete_contact(self, contact_id: int) -> str:
        """Delete a contact with their follow-ups and notes; return what was deleted.

        What goes with them is what the file holds when the change is made (a follow-up
        `netui add` gave them a moment ago too). People they referred stay, with
        `referred_by` cleared; a meeting that named them no longer lists them.
        """
        name = self.contact(contact_id).name
        gone: dict[str, int] = {"notes": 0, "followups": 0}

        def summary() -> str:
            return deletion_summary(name, gone["notes"], gone["followups"])

        with self._change(lambda: f"deleted {summary()}") as tx:
            if tx.get("contacts", contact_id) is None:
                raise NotFoundError(f"{name} was already deleted")
            for table, key, doc in dependents(tx, "contacts", contact_id, set()):
                if table in gone and doc.get("contact_id") == contact_id:
                    gone[table] += 1
                unlink(tx, table, int(key), doc, contact_id)
            tx.remove("contacts", [contact_id])
        return summary()

    # follow-ups

    def add_followup(self, followup: FollowUp) -> FollowUp:
        """Save a new follow-up."""
        with self._change(f"added follow-up '{followup.text}'") as tx:
            self._check_contact(tx, followup.contact_id)
            doc_id = tx.insert(
                "followups", convert.followup_to_doc(replace(followup, created=tx.now))
            )
        return self._result("followups", doc_id, FollowUp)

    def update_followup(
        self, followup: FollowUp, base: FollowUp, choices: Choices | None = None
    ) -> FollowUp:
        """Save the fields of a follow-up the user changed since `base` (text, due date,
        contact), as `update_contact` does."""
        assert followup.id is not None
        with self._change(f"edited follow-up '{followup.text}'") as tx:
            fields = self._edited_fields(tx, "followups", base, followup, choices)
            if "contact_id" in fields:
                self._check_contact(tx, followup.contact_id)
            if fields:
                tx.update("followups", followup.id, fields)
        return self._result("followups", followup.id, FollowUp)

    def complete_followup(self, followup_id: int, rhythm_days: int | None = None) -> FollowUp:
        """Mark a follow-up done now.

        For a contact with a keep-in-touch rhythm and nothing else planned, the next touch
        is scheduled in the same change (undo takes both back). The rhythm is the contact's
        own, or `rhythm_days` when the caller worked it out from the defaults per tag or
        status (a rule of `netui.rhythm`, which the store does not know).
        """
        followup = self.followup(followup_id)
        with self._change(f"marked '{followup.text}' done") as tx:
            tx.update("followups", followup_id, {"done": tx.now.isoformat(timespec="seconds")})
            self._schedule_next_touch(tx, followup.contact_id, followup_id, rhythm_days)
        return self._result("followups", followup_id, FollowUp)

    def _schedule_next_touch(
        self,
        tx: Transaction,
        contact_id: int | None,
        done_id: int,
        rhythm_days: int | None,
    ) -> None:
        contact = tx.get("contacts", contact_id) if contact_id is not None else None
        cadence = contact.get("cadence_days") if contact else None
        if contact is not None and rhythm_days is not None and not cadence:
            cadence = rhythm_days
        if not isinstance(cadence, int) or isinstance(cadence, bool) or cadence <= 0:
            return
        planned = any(
            doc.get("contact_id") == contact_id and doc.get("done") is None
            for key, doc in tx.raw("followups").items()
            if key != str(done_id)
        )
        touch = next_touch(contact_id, cadence, tx.now.date(), planned)
        if touch is not None:
            tx.insert("followups", convert.followup_to_doc(replace(touch, created=tx.now)))

    def reopen_followup(self, followup_id: int) -> FollowUp:
        """Mark a done follow-up as not done."""
        followup = self.followup(followup_id)
        with self._change(f"reopened '{followup.text}'") as tx:
            tx.update("followups", followup_id, {"done": None})
        return self._result("followups", followup_id, FollowUp)

    def snooze_followup(self, followup_id: int, until: date) -> FollowUp:
        """Move a follow-up's due date."""
        followup = self.followup(followup_id)
        with self._change(f"snoozed '{followup.text}' to {until.isoformat()}") as tx:
            tx.update("followups", followup_id, {"due": until.isoformat()})
        return self._result("followups", followup_id, FollowUp)

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
        with self._change(f"added {a_note(note.kind)}") as tx:
            self._check_contact(tx, note.contact_id)
            doc_id = tx.insert("notes", convert.note_to_doc(replace(note, created=tx.now)))
            self._advance_status(tx, note)
        return self._result("notes", doc_id, Note)

    def _advance_status(self, tx: Transaction, note: Note) -> None:
        doc = tx.get("contacts", note.contact_id) if note.contact_id is not None else None
        if doc is None:
            return
        current = doc.get("status")
        status = Status(str(current)) if current in Status._value2member_map_ else Status.LEAD
        target = note.kind.moves(status)
        if target is not None and note.contact_id is not None:
            self._update_contact_fields(tx, note.contact_id, {"status": str(target)})

    def update_note(self, note: Note, base: Note, choices: Choices | None = None) -> Note:
        """Save the fields of a note the user changed since `base`, as `update_contact`
        does; a new kind or contact moves that contact along the loop."""
        assert note.id is not None
        with self._change("edited a note") as tx:
            fields = self._edited_fields(tx, "notes", base, note, choices)
            if "contact_id" in fields:
                self._check_contact(tx, note.contact_id)
            if fields:
                saved = tx.update("notes", note.id, fields)
                if fields.keys() & {
                    "kind",
                    "contact_id",
                }:  # the note as it now is, whoever
                    self._advance_status(tx, convert.note_from_doc(note.id, saved))  # moved it
        return self._result("notes", note.id, Note)

    def delete_note(self, note_id: int) -> str:
        note = self.note(note_id)
        with self._change(f"deleted a note of {note.date.isoformat()}") as tx:
            tx.remove("notes", [note_id])
        return f"the note of {note.date.isoformat()}"

    def _check_contact(self, tx: Transaction, contact_id: int | None) -> None:
        if contact_id is not None and tx.get("contacts", contact_id) is None:
            raise NotFoundError(f"contact {contact_id} no longer exists")

    # undo and redo

    def undo(self, choices: Choices | None = None) -> str | None:
        """Undo this session's last change; return what was undone (None: nothing to undo).

        Undo is a change like any other, made on top of the file as it is now: it puts
        back the fields the change set where they still hold what it wrote, and removes
        what it created. Where another writer changed one of those fields since, or added
        a follow-up, a note or a referral to something it would remove, it stops with a
        ConflictError naming them (nothing saved, the change stays undoable) until
        `choices` answers. It never leaves a reference to something that does not exist.

        What the undo wrote goes on the redo list (`redo`), under the change's own
        description; an undo that had nothing to write leaves nothing to redo.
        """
        with self._mutex:
            if not self.history:
                return None
            change = self.history[-1]
            undone = self._compensate(change, choices, "undo")
            self.history.pop()
            if undone is None:
                return f"{change.description} (nothing changed: the file keeps its version)"
            self._record(self.redone, undone)
            return change.description

    def redo(self, choices: Choices | None = None) -> str | None:
        """Redo the last change this session undid; return what was redone (None:
        nothing to redo).

        Redo undoes the undo, by the same rule: a change made on top of the file as it is
        now, writing only the fields the undo set where they still hold what it wrote
        (what another writer changed since is a ConflictError until `choices` answers,
        the undo staying redoable), and taking away what the undo brought back only if
        nothing was added to it since. Where something it needs is gone, it raises
        StoreError and the undo leaves the redo list. The redo goes on the undo list, so
        that undo and redo can follow each other without end.
        """
        with self._mutex:
            if not self.redone:
                return None
            undone = self.redone[-1]
            redone = self._compensate(undone, choices, "redo")
            self.redone.pop()
            if redone is None:
                return f"{undone.description} (nothing changed: the file keeps its version)"
            self._record(self.history, redone)
            return undone.description

    def _compensate(self, change: Change, choices: Choices | None, verb: str) -> Change | None:
        """Write what undoes `change` as one change (see `undo`); what was written, under
        the change's description (None: nothing needed writing). A change that can never
        be compensated (what it changed is gone) leaves its list (`verb`'s) here."""
        choices = (choices or Choices()).fresh()
        listed = self.history if verb == "undo" else self.redone
        try:
            with self._change(change.description, replay=True) as tx:
                compensate(tx, change, choices, self._namer())
                choices.raise_if_open(f"can't {verb} '{change.description}' yet")
                docs = tuple(tx.docs)
        except (UndoImpossible, NotFoundError, ReferralLoopError) as error:
            # What it changed is gone, or would close a referral loop: it never can be.
            listed.pop()
            raise StoreError(
                f"can't {verb} '{change.description}': {error}; it leaves the {verb} list"
            ) from None
        return Change(change.description, docs) if docs else None

    def undo_list(self) -> list[str]:
        """What undo would undo, newest first (`undo` takes the first)."""
        with self._mutex:
            return [change.description for change in reversed(self.history)]

    def redo_list(self) -> list[str]:
        """What redo would redo, newest first (`redo` takes the first)."""
        with self._mutex:
            return [change.description for change in reversed(self.redone)]

    # filling a new file

    def fill_empty(self, build: Callable[[dict[str, int]], tuple[Network, list[Company]]]) -> None:
        """Write a whole network into this empty file in one atomic save (the demo).

        `build` gets the last id given per table and returns the network (ids already
        set, after those) and the target companies. Raises ValueError if the file holds
        contacts, follow-ups or notes already: the demo never goes into a real network.
        """
        with self._mutex, file_lock(self.path):
            self._storage.load()
            data = self._storage.data
            if schema.schema_version(data) != schema.SCHEMA_VERSION:
                raise StoreError(f"{self.path} is not in the current data format")
            if any(data.get(table) for table in schema.DATA_TABLES):
                raise ValueError(f"the demo network only goes into an empty file, not {self.path}")
            last_ids = data["meta"][schema.META_ID].setdefault("last_ids", {})
            network, targets = build(dict(last_ids))
            for table, objects in (
                ("contacts", network.contacts),
                ("followups", network.followups),
                ("notes", network.notes),
                ("outcomes", network.outcomes),
                ("loop", network.loop),
            ):
                data[table] = {str(obj.id): convert.TO_DOC[table](obj) for obj in objects}
                if objects:
                    last_ids[table] = objects[-1].id
            data["companies"] = {
                str(i): convert.company_to_doc(c) for i, c in enumerate(targets, start=1)
            }
            if targets:
                last_ids["companies"] = len(targets)
            self._storage.flush()
            self._mark_clean()
            self._invalidate()

    # checking and repairing the file

    def repair(self, *, dry_run: bool = False) -> list[str]:
        """Fix every problem of the file (wrong values set to what the check proposes,
        dangling references cleared), after keeping a copy in the backups; return what
        was done, one line each (with `dry_run`, what would be, changing nothing). Works
        on a file opened with `tolerant`.
        """
        if dry_run:
            return [integrity.describe_repair(p) for p in self.problems()]
        reason = why_read_only(self.path)
        if reason:
            raise ReadOnlyError(f"read-only: {reason}; nothing was repaired")
        with self._mutex, file_lock(self.path):
            content = self._storage.load(tolerant=True)  # wrong values repaired in memory
            if content is None:
                return []
            data = self._storage.data
            dangling = integrity.check_references(data)
            integrity.repair(data, dangling)
            done = self._storage.problems + dangling
            if not done:
                return []
            now = self.clock()
            label = f"pre-repair-{now:%Y-%m-%dT%H-%M-%S}"
            kept = backups.make_backup(self.path, content, now, label=label)
            self._storage.flush()
            self._storage.problems, self.dangling, self.read_only = [], [], None
            self._mark_clean()
            self._invalidate()
        return [integrity.describe_repair(p) for p in done] + [f"the file before is kept as {kept}"]


def _faulty(problems: list[integrity.Problem]) -> str:
    return f"the file has {_count(problems)}"


def _count(problems: list[integrity.Problem], noun: str = "wrong value") -> str:
    """ "1 wrong value (first: contacts/12: …)", "3 references"."""
    first = f" (first: {problems[0]})" if noun == "wrong value" else ""
    return f"{plural(len(problems), noun)}{first}"


def _touches(
    table: str, doc_id: int, before: dict[str, Any] | None, after: dict[str, Any] | None
) -> set[int]:
    """The contacts a change of one document touched (see `_contacts_in`)."""
    if table == "contacts":
        return {doc_id}
    return {
        version["contact_id"]
        for version in (before, after)
        if version is not None and type(version.get("contact_id")) is int
    }


def _contacts_in(docs: list[DocChange]) -> set[int]:
    """The contacts a change touched: their own documents, and the contacts of the
    follow-ups and notes it wrote (before and after, for one moved to someone else)."""
    found = set()
    for doc in docs:
        if doc.table == "contacts":
            found.add(doc.doc_id)
        elif doc.table in ("followups", "notes"):
            for version in (doc.before, doc.after):
                if version is not None and type(version.get("contact_id")) is int:
                    found.add(version["contact_id"])
    return found


def file_version(path: Path) -> tuple[int, ...] | None:
    """What identifies the version of the file at `path` now (`Store.version`'s form);
    None if there is no such file or its times are too coarse to tell versions apart."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    if st.st_mtime_ns % 1_000_000_000 == 0 and st.st_ctime_ns % 1_000_000_000 == 0:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


def deletion_summary(name: str, notes: int, followups: int) -> str:
    """ "Jane Doe, with 3 notes and 2 follow-ups", as the delete confirmation says it."""
    parts = []
    if notes:
        parts.append(f"{notes} note{'s' if notes != 1 else ''}")
    if followups:
        parts.append(f"{followups} follow-up{'s' if followups != 1 else ''}")
    return f"{name}, with {' and '.join(parts)}" if parts else name
