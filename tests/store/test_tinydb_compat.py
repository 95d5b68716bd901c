"""The data file is TinyDB's: a file netui wrote opens with stock `TinyDB(path)` (its own
JSONStorage), every table and document as netui wrote them, so the user's scripts can
read it with TinyDB itself (DESIGN.md §5)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from storekit import day, on_disk
from tinydb import TinyDB

from netui.model import Contact, FollowUp, MeetingLog, NewName, Note, NoteKind
from netui.store import Store


def test_stock_tinydb_reads_every_table_netui_wrote(db: Path) -> None:
    store = Store.open(db, clock=day(0))
    ann = store.add_contact(Contact(name="Ann Lee", company="Acme", tags=("ux",)))
    store.add_followup(FollowUp("send the deck", date(2026, 12, 1), ann.id))
    store.add_note(Note("a thought", date(2026, 11, 20), ann.id))
    store.log_meeting(
        MeetingLog(contact_id=ann.id or 0, date=date(2026, 11, 23), kind=NoteKind.COFFEE,
                   new_names=(NewName("Lee Wong"),))
    )  # fmt: skip
    store.set_target("Acme", True)
    store.record_outcome("Product Designer", "Acme", date(2026, 11, 23))
    store.set_loop_state("intro:2:reached", "dismissed")
    written = on_disk(db)

    with TinyDB(db) as tiny:  # stock JSONStorage, reading only
        assert set(tiny.tables()) == {
            "meta", "contacts", "followups", "notes", "companies", "outcomes", "loop"
        }  # fmt: skip
        for name in tiny.tables():
            documents = tiny.table(name).all()
            assert {str(d.doc_id): dict(d) for d in documents} == written[name]
        contacts = tiny.table("contacts")
        assert [d["name"] for d in contacts.all()] == ["Ann Lee", "Lee Wong"]
        assert contacts.get(doc_id=2)["referred_by"] == 1
        assert tiny.table("meta").get(doc_id=1)["schema_version"] == 4
