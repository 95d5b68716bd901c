"""Two writers, one file: a save writes only the fields the user changed, onto the file as
it is now; a field both changed is shown and asked about, never overwritten; undo is a
compensating change checked the same way, and never leaves a dangling reference.

The other writer is always a real second process: `netui add` from a shell, or a second
netui (a small Python program using the store, as a second app does).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from storekit import day, on_disk

from netui.errors import ConflictError, NotFoundError, StoreError
from netui.model import Contact, FollowUp, MeetingLog, NewName, Note, NoteKind, Status
from netui.store import Choices, Resolution, Store

sys.path.insert(0, str(Path(__file__).parents[1] / "cli"))
from clikit import NETUI


def shell(db: Path, *args: str) -> str:
    """`netui ARGS --db DB` in a shell, as the user would type it; its output."""
    done = subprocess.run(
        [NETUI, *args, "--db", str(db)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def other_app(db: Path, code: str) -> None:
    """Run `code` in a second netui process, with `store` open on `db`."""
    program = "from netui.store import Store\nstore = Store.open(" + repr(str(db)) + ")\n"
    program += textwrap.dedent(code)
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


SET_TITLE = """
from dataclasses import replace
ann = store.contact(1)
store.update_contact(replace(ann, title={!r}), ann)
"""
"""A second app changing Ann's title (format it with the title)."""
SET_CTO = SET_TITLE.format("CTO")


def contact_on_disk(db: Path, contact_id: int = 1) -> dict:
    return on_disk(db)["contacts"][str(contact_id)]


@pytest.fixture
def store(db: Path) -> Store:
    """The app's store: Ann Lee (a lead at Acme) and Bo Chen."""
    store = Store.open(db, clock=day(0))
    store.add_contact(Contact(name="Ann Lee", company="Acme", email="ann@acme.test"))
    store.add_contact(Contact(name="Bo Chen", company="Initech"))
    return store


# --- saving a form ----------------------------------------------------------------------------


def test_a_form_save_keeps_what_the_shell_changed_meanwhile(db: Path, store: Store) -> None:
    opened = store.contact(1)  # the edit form opens on Ann
    shell(db, "add", "note", "--kind", "meeting", "Ann Lee: coffee")  # she becomes met
    assert contact_on_disk(db)["status"] == "met"

    store.update_contact(replace(opened, title="VP Research"), base=opened)  # form saved

    saved = contact_on_disk(db)
    assert saved["title"] == "VP Research"
    assert saved["status"] == "met"  # not put back to lead by the form


def test_two_apps_editing_other_fields_of_one_contact_keep_both(db: Path, store: Store) -> None:
    opened = store.contact(1)
    other_app(
        db,
        """
        from dataclasses import replace
        ann = store.contact(1)
        store.update_contact(replace(ann, email="ann@lee.test", tags=("mentor",)), base=ann)
        """,
    )
    store.update_contact(replace(opened, company="Acme Research"), base=opened)

    saved = contact_on_disk(db)
    assert (saved["company"], saved["email"], saved["tags"]) == (
        "Acme Research",
        "ann@lee.test",
        ["mentor"],
    )


def test_two_apps_changing_the_same_field_are_asked_not_overwritten(db: Path, store: Store) -> None:
    opened = store.contact(1)
    other_app(
        db,
        """
        from dataclasses import replace
        ann = store.contact(1)
        store.update_contact(replace(ann, title="Head of Design"), base=ann)
        """,
    )
    before = db.read_bytes()
    mine = replace(opened, title="Design Lead", phone="+1 555 0100")

    with pytest.raises(ConflictError) as asked:
        store.update_contact(mine, base=opened)

    assert db.read_bytes() == before  # nothing saved, not even the phone
    (conflict,) = asked.value.conflicts
    assert (conflict.field, conflict.theirs, conflict.mine) == (
        "title",
        "Head of Design",
        "Design Lead",
    )
    assert conflict.what == "Ann Lee's title"
    assert "Ann Lee's title" in str(asked.value)
    assert "nothing was saved" in str(asked.value)

    keep_theirs = Choices(Resolution.THEIRS, asked.value.conflicts)
    store.update_contact(mine, base=opened, choices=keep_theirs)
    saved = contact_on_disk(db)
    assert (saved["title"], saved["phone"]) == ("Head of Design", "+1 555 0100")


def test_keep_mine_writes_mine_over_what_the_user_was_shown(db: Path, store: Store) -> None:
    opened = store.contact(1)
    other_app(
        db,
        SET_CTO,
    )
    mine = replace(opened, title="Design Lead")
    with pytest.raises(ConflictError) as asked:
        store.update_contact(mine, base=opened)

    store.update_contact(mine, base=opened, choices=Choices(Resolution.MINE, asked.value.conflicts))

    assert contact_on_disk(db)["title"] == "Design Lead"


def test_an_answer_covers_only_the_values_the_user_saw(db: Path, store: Store) -> None:
    opened = store.contact(1)
    set_title = SET_TITLE
    other_app(db, set_title.format("CTO"))
    mine = replace(opened, title="Design Lead")
    with pytest.raises(ConflictError) as asked:
        store.update_contact(mine, base=opened)
    other_app(db, set_title.format("CEO"))  # changed again while the dialog was open

    with pytest.raises(ConflictError) as again:
        store.update_contact(
            mine, base=opened, choices=Choices(Resolution.MINE, asked.value.conflicts)
        )

    assert again.value.conflicts[0].theirs == "CEO"
    assert contact_on_disk(db)["title"] == "CEO"


def test_a_form_on_a_contact_deleted_meanwhile_says_so(db: Path, store: Store) -> None:
    opened = store.contact(2)
    other_app(db, "store.delete_contact(2)")
    with pytest.raises(NotFoundError, match="Bo Chen was deleted by another program"):
        store.update_contact(replace(opened, title="CFO"), base=opened)
    assert "2" not in on_disk(db)["contacts"]


def test_an_edited_follow_up_keeps_a_snooze_made_elsewhere(db: Path, store: Store) -> None:
    followup = store.add_followup(FollowUp("send the deck", date(2026, 12, 1), 1))
    assert followup.id is not None
    other_app(db, f"store.snooze_followup({followup.id}, __import__('datetime').date(2026, 12, 9))")

    store.update_followup(replace(followup, text="send the deck and notes"), base=followup)

    saved = on_disk(db)["followups"][str(followup.id)]
    assert (saved["text"], saved["due"]) == ("send the deck and notes", "2026-12-09")


# --- undo -------------------------------------------------------------------------------------


def test_undo_of_an_edit_keeps_the_shells_change(db: Path, store: Store) -> None:
    store.update_contact(replace(store.contact(1), email="ann@new.test"), store.contact(1))
    shell(db, "add", "note", "--kind", "meeting", "Ann Lee: coffee")

    assert store.undo() == "edited Ann Lee"

    saved = contact_on_disk(db)
    assert saved["email"] == "ann@acme.test"  # the edit is undone
    assert saved["status"] == "met"  # the shell's change is not


def test_undo_of_a_field_changed_since_asks_and_keeps_theirs_on_request(
    db: Path, store: Store
) -> None:
    store.update_contact(replace(store.contact(1), title="Design Lead"), store.contact(1))
    other_app(
        db,
        SET_CTO,
    )
    before = db.read_bytes()

    with pytest.raises(ConflictError) as asked:
        store.undo()

    assert db.read_bytes() == before
    assert len(store.history) == 3  # still undoable once answered
    (conflict,) = asked.value.conflicts
    assert (conflict.theirs, conflict.mine) == ("CTO", "")
    assert (conflict.theirs_text, conflict.mine_text) == ("CTO", "(empty)")

    store.undo(Choices(Resolution.THEIRS, asked.value.conflicts))
    assert contact_on_disk(db)["title"] == "CTO"
    assert len(store.history) == 2  # the change is consumed


def test_undo_of_a_field_changed_since_puts_it_back_when_told(db: Path, store: Store) -> None:
    store.update_contact(replace(store.contact(1), title="Design Lead"), store.contact(1))
    other_app(
        db,
        SET_CTO,
    )
    with pytest.raises(ConflictError) as asked:
        store.undo()
    store.undo(Choices(Resolution.MINE, asked.value.conflicts))
    assert contact_on_disk(db)["title"] == ""


def test_undo_of_adding_a_contact_who_gained_a_follow_up_asks_and_names_it(
    db: Path, store: Store
) -> None:
    store.add_contact(Contact(name="Cy Diaz"))
    shell(db, "add", "followup", "Cy Diaz: send the deck friday")
    before = db.read_bytes()

    with pytest.raises(ConflictError) as asked:
        store.undo()

    assert db.read_bytes() == before
    (conflict,) = asked.value.conflicts
    assert conflict.what == "Cy Diaz"
    assert "the follow-up 'send the deck' added since" in conflict.detail


def test_undo_of_adding_a_contact_told_to_go_ahead_leaves_no_dangling_follow_up(
    db: Path, store: Store
) -> None:
    store.add_contact(Contact(name="Cy Diaz"))
    shell(db, "add", "followup", "Cy Diaz: send the deck friday")
    with pytest.raises(ConflictError) as asked:
        store.undo()

    store.undo(Choices(Resolution.MINE, asked.value.conflicts))

    data = on_disk(db)
    assert "3" not in data["contacts"]
    assert all(f["contact_id"] in (1, 2, None) for f in data["followups"].values())
    assert data["followups"] == {}  # Cy's follow-up went with Cy


def test_undo_of_adding_a_contact_keeps_them_when_told(db: Path, store: Store) -> None:
    store.add_contact(Contact(name="Cy Diaz"))
    shell(db, "add", "followup", "Cy Diaz: send the deck friday")
    with pytest.raises(ConflictError) as asked:
        store.undo()
    store.undo(Choices(Resolution.THEIRS, asked.value.conflicts))
    data = on_disk(db)
    assert data["contacts"]["3"]["name"] == "Cy Diaz"
    assert [f["contact_id"] for f in data["followups"].values()] == [3]


def test_undo_of_a_referral_keeps_the_referred_when_asked(db: Path, store: Store) -> None:
    store.add_contact(Contact(name="Cy Diaz"))
    shell(db, "add", "contact", "Dee Ek @ Acme via Cy Diaz")
    with pytest.raises(ConflictError) as asked:
        store.undo()
    assert "Dee Ek added since" in asked.value.conflicts[0].detail
    store.undo(Choices(Resolution.MINE, asked.value.conflicts))
    dee = on_disk(db)["contacts"]["4"]
    assert dee["name"] == "Dee Ek"  # a referred person is kept, without the referrer
    assert dee["referred_by"] is None


def test_undo_of_a_logged_meeting_asks_about_the_lead_who_gained_a_follow_up(
    db: Path, store: Store
) -> None:
    store.log_meeting(
        MeetingLog(contact_id=1, date=date(2026, 11, 23), new_names=(NewName("Lee Wong"),))
    )
    shell(db, "add", "followup", "Lee Wong: intro email tomorrow")
    with pytest.raises(ConflictError) as asked:
        store.undo()
    assert [c.what for c in asked.value.conflicts] == ["Lee Wong"]

    store.undo(Choices(Resolution.THEIRS, asked.value.conflicts))  # keep Lee

    data = on_disk(db)
    assert [c["name"] for c in data["contacts"].values()] == ["Ann Lee", "Bo Chen", "Lee Wong"]
    assert data["notes"] == {}  # the meeting itself is undone
    assert data["contacts"]["1"]["status"] == "lead"
    assert [f["text"] for f in data["followups"].values()] == ["intro email"]


def test_undo_of_a_delete_whose_contact_went_since_refuses_and_moves_on(
    db: Path, store: Store
) -> None:
    followup = store.add_followup(FollowUp("send the deck", date(2026, 12, 1), 2))
    store.delete_followup(followup.id or 0)
    other_app(db, "store.delete_contact(2)")
    before = db.read_bytes()

    with pytest.raises(StoreError, match="contacts/2, which no longer exists"):
        store.undo()

    assert db.read_bytes() == before
    assert on_disk(db)["followups"] == {}  # never a follow-up of nobody


def test_undo_of_an_edit_to_a_contact_deleted_since_is_dropped(db: Path, store: Store) -> None:
    store.add_contact(Contact(name="Cy Diaz"))
    store.update_contact(replace(store.contact(3), title="CTO"), store.contact(3))
    other_app(db, "store.delete_contact(3)")

    with pytest.raises(StoreError, match="Cy Diaz was deleted by another program since"):
        store.undo()

    assert [c.description for c in store.history][-1] == "added Cy Diaz"  # next in line


# --- no write makes a dangling reference -------------------------------------------------------


def test_a_follow_up_for_a_contact_deleted_meanwhile_is_refused(db: Path, store: Store) -> None:
    other_app(db, "store.delete_contact(2)")
    before = db.read_bytes()
    with pytest.raises(NotFoundError):
        store.add_followup(FollowUp("call", date(2026, 12, 1), 2))
    assert db.read_bytes() == before


def test_a_referrer_deleted_meanwhile_is_refused_in_a_form(db: Path, store: Store) -> None:
    ann = store.contact(1)
    other_app(db, "store.delete_contact(2)")
    with pytest.raises(NotFoundError):
        store.update_contact(replace(ann, referred_by=2), base=ann)
    assert contact_on_disk(db)["referred_by"] is None


def test_status_moves_forward_even_when_the_form_had_it_older(db: Path, store: Store) -> None:
    """The form shows 'lead'; the shell logs a meeting; saving the form unchanged in
    status keeps 'met' (the user did not touch the field)."""
    opened = store.contact(1)
    assert opened.status is Status.LEAD
    shell(db, "add", "note", "--kind", "meeting", "Ann Lee: coffee")
    store.update_contact(replace(opened, how_met="PyCon"), base=opened)
    assert contact_on_disk(db)["status"] == "met"


# --- found in review ------------------------------------------------------------------------


def test_a_contact_named_at_a_meeting_can_be_deleted(db: Path, store: Store) -> None:
    """The meeting's list of names loses them; nothing is left pointing at them."""
    store.log_meeting(
        MeetingLog(contact_id=1, date=date(2026, 11, 23), new_names=(NewName("Lee Wong"),))
    )
    lee = next(c for c in store.contacts() if c.name == "Lee Wong")
    assert store.delete_contact(lee.id or 0).startswith("Lee Wong")
    (note,) = on_disk(db)["notes"].values()
    assert note["new_contacts"] == []


def test_a_delete_takes_the_follow_up_the_shell_just_gave(db: Path, store: Store) -> None:
    store.contacts()  # the app drew its rows
    shell(db, "add", "followup", "Bo Chen: send the deck friday")
    assert store.delete_contact(2) == "Bo Chen, with 1 follow-up"
    assert on_disk(db)["followups"] == {}


def test_answers_pile_up_when_another_field_conflicts_meanwhile(db: Path, store: Store) -> None:
    """The dialog about the title is open when the other app changes the company too: the
    next attempt asks about the company only, and the title's answer still holds."""
    opened = store.contact(1)
    mine = replace(opened, title="Design Lead", company="Acme Research")
    other_app(db, SET_CTO)
    with pytest.raises(ConflictError) as first:
        store.update_contact(mine, opened)
    choices = Choices().answered(Resolution.MINE, first.value.conflicts)
    other_app(
        db,
        "from dataclasses import replace\nann = store.contact(1)\n"
        "store.update_contact(replace(ann, company='Initech'), ann)",
    )
    with pytest.raises(ConflictError) as second:
        store.update_contact(mine, opened, choices)
    assert [c.field for c in second.value.conflicts] == ["company"]

    store.update_contact(mine, opened, choices.answered(Resolution.THEIRS, second.value.conflicts))

    saved = contact_on_disk(db)
    assert (saved["title"], saved["company"]) == ("Design Lead", "Initech")


def test_undo_of_a_delete_whose_referral_went_since_brings_the_contact_back(
    db: Path, store: Store
) -> None:
    """Deleting Ann cleared Bo's referral; another app then deleted Bo: undo still brings
    Ann back (Bo's cleared link is moot)."""
    ann = store.contact(1)
    bo = store.contact(2)
    store.update_contact(replace(bo, referred_by=ann.id), bo)
    store.add_followup(FollowUp("send the deck", date(2026, 12, 1), ann.id))
    store.delete_contact(1)
    other_app(db, "store.delete_contact(2)")

    store.undo()

    data = on_disk(db)
    assert data["contacts"]["1"]["name"] == "Ann Lee"
    assert [f["contact_id"] for f in data["followups"].values()] == [1]


def test_keeping_a_meetings_note_edited_since_keeps_the_lead_it_names(
    db: Path, store: Store
) -> None:
    store.log_meeting(
        MeetingLog(contact_id=1, date=date(2026, 11, 23), new_names=(NewName("Lee Wong"),))
    )
    other_app(
        db,
        "from dataclasses import replace\nnote = store.notes()[0]\n"
        "store.update_note(replace(note, text='Lee runs research ops'), note)",
    )
    with pytest.raises(ConflictError) as asked:
        store.undo()
    choices = Choices().answered(Resolution.THEIRS, asked.value.conflicts)
    while True:
        try:
            store.undo(choices)
            break
        except ConflictError as more:  # the lead the kept note names is asked about next
            choices = choices.answered(Resolution.THEIRS, more.value.conflicts)

    data = on_disk(db)
    (note,) = data["notes"].values()
    assert note["text"] == "Lee runs research ops"
    assert [data["contacts"][str(i)]["name"] for i in note["new_contacts"]] == ["Lee Wong"]


def test_a_note_moved_elsewhere_advances_the_contact_it_now_belongs_to(
    db: Path, store: Store
) -> None:
    note = store.add_note(Note("a thought", date(2026, 11, 20), 1))
    other_app(
        db,
        f"from dataclasses import replace\nnote = store.note({note.id})\n"
        "store.update_note(replace(note, contact_id=2), note)",
    )
    store.update_note(replace(note, kind=NoteKind.MEETING), note)  # only the kind, here
    data = on_disk(db)
    assert (data["contacts"]["1"]["status"], data["contacts"]["2"]["status"]) == ("lead", "met")
