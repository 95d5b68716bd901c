"""The store's part of the informational-interview loop: logging a meeting with its
outcomes, the questions prepared for the next one, weekly goals, default rhythms and
target companies. A mixin of `Store`, kept apart so that each file stays readable."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from netui.dates import add_days
from netui.errors import NotFoundError, StoreError
from netui.model import (
    Company,
    Contact,
    FollowUp,
    Goals,
    MeetingLog,
    NewName,
    Note,
    NoteKind,
    Status,
)
from netui.store import convert, schema
from netui.store.referrers import Referrers, loop_chain
from netui.store.transaction import Transaction
from netui.text import fold, plural, shown

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

THANK_YOU = "Send a thank-you note"
"""The follow-up a logged meeting creates, due the next day."""
CADENCE_KINDS = ("tags", "status")
"""The two kinds of default rhythm: per tag and per status."""


class LoopMixin:
    """Methods of `Store` for the networking loop (they use its change machinery)."""

    if TYPE_CHECKING:
        _storage: Any
        _change: Callable[..., AbstractContextManager[Transaction]]
        _result: Callable[[str, int, type[Any]], Any]
        _objects: Callable[[str], dict[int, Any]]
        contact: Callable[[int], Contact]
        _check_contact: Callable[[Transaction, int | None], None]
        _advance_status: Callable[[Transaction, Note], None]
        _update_contact_fields: Callable[[Transaction, int, dict[str, Any]], bool]

    def log_meeting(self, log: MeetingLog) -> Note:
        """Save a meeting and everything it produced, as one undoable change.

        The note keeps the answers, companies, feedback and promises; each new name
        becomes a lead referred by this person (an existing contact of that name is
        linked, not duplicated); promises become follow-ups; a thank-you follow-up is due
        the next day unless it was already sent; the person moves to `met`. Each contact
        whose fields this changes (status, prepared questions used up, a referrer linked)
        gets a new `updated`, as every contact change does (`Store._update_contact_fields`).
        """
        contact = self.contact(log.contact_id)
        with self._change(f"logged {log.kind.with_article} with {contact.name}") as tx:
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
                self._update_contact_fields(tx, log.contact_id, {"prepared": []})
            for followup in log.followups:
                promise = replace(followup, contact_id=log.contact_id, created=tx.now)
                tx.insert("followups", convert.followup_to_doc(promise))
            if not log.thank_you_sent:
                due = add_days(log.date, 1) or log.date  # (a meeting on the last day kept)
                thanks = FollowUp(THANK_YOU, due, log.contact_id, created=tx.now)
                tx.insert("followups", convert.followup_to_doc(thanks))
        saved: Note = self._result("notes", note_id, Note)
        return saved

    def _place_name(self, tx: Transaction, new: NewName, referrer: int, referrer_name: str) -> int:
        """The id of a name given at a meeting: an existing contact (linked to the
        referrer if nobody had referred them and that makes no referral loop), or a new
        lead."""
        contact_id = new.contact_id
        if contact_id is None:
            contact_id = _find_by_name(tx.raw("contacts"), new.name)
        if contact_id is not None:
            doc = tx.get("contacts", contact_id)
            if doc is None:
                raise NotFoundError(f"contact {contact_id} no longer exists")
            if doc.get("referred_by") is None and not loop_chain(
                contact_id, referrer, Referrers(tx.raw("contacts"))
            ):  # (not themselves, nor someone up their own chain: listed, not linked)
                self._update_contact_fields(tx, contact_id, {"referred_by": referrer})
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

    def apply_import(
        self,
        added: list[Contact],
        updated: list[tuple[Contact, Contact]],
        description: str,
        *,
        referrers: dict[int, int] | None = None,
        links: dict[int, int] | None = None,
        history: dict[int, str] | None = None,
        followups: dict[int, str] | None = None,
        undated: Collection[int] = (),
    ) -> int:
        """Save an import as one undoable change and one write; the number of updates
        saved.

        The added contacts at the indices `undated` keep no `created` (a file that
        dates its people but not these: they are not "added today"); the others
        without one are dated now.

        New contacts keep the `created` they come with and get `updated == created` (an
        import is not an edit, see netui.interchange.linkedin); an updated contact keeps
        its `updated`. An update whose contact changed (or went) since `before` was
        read is left out, so that an edit made meanwhile is never overwritten.
        `referrers` maps the index of an added contact to the index of the added contact
        who referred them (people who only get ids in this change), and `links` the id
        of a saved contact to the index of the added contact who referred them (set only
        if the contact still has no referrer). `history` maps the id of an updated
        contact to the text of a note (kind `note`, dated today) and `followups` to that
        of an open follow-up due today: a job change seen on import keeps the old job in
        the contact's history and may call for a word. Each is saved only with its
        contact's update, so that it is undone with it and never outlives it.
        """
        saved = 0
        with self._change(description) as tx:
            docs = []
            for index, contact in enumerate(added):
                created = contact.created if index in undated else contact.created or tx.now
                docs.append(
                    convert.contact_to_doc(replace(contact, created=created, updated=created))
                )
            ids = tx.insert_many("contacts", docs)
            for index, referrer in (referrers or {}).items():
                tx.update("contacts", ids[index], {"referred_by": ids[referrer]})
            for before, after in updated:
                if before.id is None:
                    continue
                doc = tx.get("contacts", before.id)
                if doc is None or convert.contact_from_doc(before.id, doc) != before:
                    continue
                fields = convert.contact_to_doc(replace(after, updated=before.updated))
                del fields["created"]
                tx.update("contacts", before.id, fields)
                saved += 1
                today = tx.now.date()
                if text := (history or {}).get(before.id):
                    note = Note(text, today, before.id, NoteKind.NOTE, created=tx.now)
                    tx.insert("notes", convert.note_to_doc(note))
                if text := (followups or {}).get(before.id):
                    nudge = FollowUp(text, today, before.id, created=tx.now)
                    tx.insert("followups", convert.followup_to_doc(nudge))
            for contact_id, referrer in (links or {}).items():
                doc = tx.get("contacts", contact_id)
                if doc is not None and doc.get("referred_by") is None:
                    tx.update("contacts", contact_id, {"referred_by": ids[referrer]})
        return saved

    def set_prepared(self, contact_id: int, questions: list[str]) -> Contact:
        """Keep the questions picked for the next meeting with this person.

        The prepared questions are a contact field: a new pick bumps `updated`, and the
        same questions again change nothing (no write, no undo step).
        """
        contact = self.contact(contact_id)
        with self._change(
            f"prepared {plural(len(questions), 'question')} for {contact.name}"
        ) as tx:
            picks = list(dict.fromkeys(questions))
            self._update_contact_fields(tx, contact_id, {"prepared": picks})
        saved: Contact = self._result("contacts", contact_id, Contact)
        return saved

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
        a rhythm of their own takes the shortest of their tags', else their status's.

        The keys are read from the file like every other text: made displayable by
        `netui.text.shown` (`netui rhythm` prints them), as the contacts' tags they are
        matched with are."""
        raw = self._storage.data["meta"][schema.META_ID].get("cadence_defaults")
        raw = raw if isinstance(raw, dict) else {}
        result: dict[str, dict[str, int]] = {}
        for kind in CADENCE_KINDS:
            table = raw.get(kind)
            table = table if isinstance(table, dict) else {}
            result[kind] = {
                shown(key, multiline=False): days
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
        what = ("every day" if days == 1 else f"every {days} days") if days is not None else "none"
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
        saved: Company = self._result("companies", found, Company)
        return saved


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
