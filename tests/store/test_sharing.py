"""Several writers on one file: other netui processes, other Stores, a person with an
editor, a sync tool; and a data file reached through a symlink."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from storekit import digest, make_store, names, names_on_disk, on_disk, run_worker, temps

from netui.errors import StoreError
from netui.model import Contact
from netui.store import Store
from netui.store.backups import backup_dir

PER_WRITER = 200


@pytest.mark.slow
def test_two_processes_adding_at_once_lose_nothing(db: Path) -> None:
    make_store(db, "Ann Lee")
    writers = [run_worker("add", str(db), prefix, str(PER_WRITER)) for prefix in ("left", "right")]
    try:
        for writer in writers:
            assert writer.stdout is not None
            assert writer.stdout.readline().strip() == "ready"
        for writer in writers:  # both are past their start-up: let them race
            assert writer.stdin is not None
            writer.stdin.write("go\n")
            writer.stdin.flush()
        spans = []
        for writer in writers:
            assert writer.wait(timeout=120) == 0
            assert writer.stdout is not None
            spans.append([float(t) for t in writer.stdout.read().split()])
    finally:
        for writer in writers:
            if writer.poll() is None:
                writer.kill()

    contacts = on_disk(db)["contacts"]
    assert len(contacts) == 1 + 2 * PER_WRITER
    every = sorted(doc["name"] for doc in contacts.values())
    expected = ["Ann Lee"] + [f"{p} {i:04d}" for p in ("left", "right") for i in range(PER_WRITER)]
    assert every == sorted(expected)
    ids = [int(i) for i in contacts]
    assert sorted(ids) == list(range(1, 2 + 2 * PER_WRITER))  # unique, none skipped
    # They really ran at the same time (which of them got the lock when is the kernel's
    # business: with a no-op lock, this test loses about half of the contacts).
    (left_start, left_end), (right_start, right_end) = spans
    assert left_start < right_end and right_start < left_end
    assert names(Store.open(db)) == [contacts[str(i)]["name"] for i in sorted(ids)]


def test_a_change_by_another_store_is_kept_under_ours(db: Path) -> None:
    ours = make_store(db, "Ann Lee")
    theirs = Store.open(db)
    theirs.add_contact(Contact(name="Bo Chen"))
    ann = theirs.contacts()[0]
    theirs.update_contact(Contact(**{**_fields(ann), "company": "Globex"}), ann)  # Ann moved on

    ours.add_contact(Contact(name="Cy Diaz"))

    assert names_on_disk(db) == ["Ann Lee", "Bo Chen", "Cy Diaz"]
    assert on_disk(db)["contacts"]["1"]["company"] == "Globex"
    assert names(ours) == ["Ann Lee", "Bo Chen", "Cy Diaz"]
    assert ours.contact(1).company == "Globex"


def _fields(contact: Contact) -> dict[str, object]:
    return {name: getattr(contact, name) for name in contact.__slots__}


def _edit_by_hand(db: Path, old: bytes, new: bytes, *, keep_mtime: bool) -> None:
    """Rewrite the file in place (same inode), as an editor or a script would."""
    st = db.stat()
    content = db.read_bytes()
    assert old in content
    with open(db, "r+b") as handle:
        handle.write(content.replace(old, new))
        handle.truncate()
    if keep_mtime:  # some sync tools put the old mtime back
        os.utime(db, ns=(st.st_atime_ns, st.st_mtime_ns))


@pytest.mark.parametrize("keep_mtime", [False, True], ids=["new-mtime", "mtime-restored"])
def test_a_hand_edit_is_seen_and_our_change_goes_on_top(db: Path, keep_mtime: bool) -> None:
    store = make_store(db, "Ann Lee", "Carol Poe")
    st = db.stat()
    _edit_by_hand(db, b'"Carol Poe"', b'"Karol Poe"', keep_mtime=keep_mtime)
    if keep_mtime:  # the edit is invisible to size and mtime: only ctime (or the hash) tells
        assert (db.stat().st_size, db.stat().st_mtime_ns, db.stat().st_ino) == (
            st.st_size,
            st.st_mtime_ns,
            st.st_ino,
        )

    store.add_contact(Contact(name="Dee Ek"))

    assert names_on_disk(db) == ["Ann Lee", "Karol Poe", "Dee Ek"]
    assert names(store) == ["Ann Lee", "Karol Poe", "Dee Ek"]


@pytest.mark.parametrize("keep_mtime", [False, True], ids=["new-mtime", "mtime-restored"])
def test_reload_if_changed_picks_up_outside_changes(db: Path, keep_mtime: bool) -> None:
    store = make_store(db, "Ann Lee", "Carol Poe")
    generation = store.generation
    assert store.reload_if_changed() is False
    assert store.generation == generation

    _edit_by_hand(db, b'"Carol Poe"', b'"Karol Poe"', keep_mtime=keep_mtime)
    assert store.reload_if_changed() is True
    assert names(store) == ["Ann Lee", "Karol Poe"]
    assert store.generation > generation
    assert store.contacts_mentioning("karol") == [store.contact(2)]
    assert store.reload_if_changed() is False

    other = Store.open(db)
    other.add_contact(Contact(name="Bo Chen"))
    assert store.reload_if_changed() is True
    assert names(store) == ["Ann Lee", "Karol Poe", "Bo Chen"]


def test_a_file_replaced_by_garbage_is_neither_loaded_nor_overwritten(db: Path) -> None:
    store = make_store(db, "Ann Lee", "Bo Chen")
    garbage = b'{"contacts": {"1": {"name": "Ann'  # a sync tool's half-downloaded copy
    db.write_bytes(garbage)

    with pytest.raises(StoreError) as refused:
        store.reload_if_changed()
    assert str(refused.value).startswith(f"{store.path} is not valid JSON (line 1, column ")
    assert str(refused.value).endswith("; netui keeps what it had and saves nothing")
    assert names(store) == ["Ann Lee", "Bo Chen"]  # still shown

    with pytest.raises(StoreError) as refused:
        store.add_contact(Contact(name="Cy Diaz"))
    assert str(refused.value).startswith(f"{store.path} is not valid JSON")
    assert str(refused.value).endswith("; nothing was saved")
    assert db.read_bytes() == garbage
    assert temps(db.parent) == []
    assert names(store) == ["Ann Lee", "Bo Chen"]

    db.write_bytes(json.dumps({"meta": {"1": {"schema_version": 1}}, "contacts": {}}).encode())
    store.add_contact(Contact(name="Cy Diaz"))  # a good file again: changes go on top
    assert names_on_disk(db) == ["Cy Diaz"]


def test_a_file_deleted_while_open_is_not_recreated_nearly_empty(db: Path) -> None:
    """Someone deletes (or moves) the file while the app is open: the next change must not
    write a new file holding only itself, dropping every contact shown on screen."""
    store = make_store(db, "Ann Lee", "Bo Chen", "Cy Diaz")
    db.unlink()

    with pytest.raises(StoreError) as refused:
        store.add_contact(Contact(name="Dee Ek"))
    assert str(refused.value) == (
        f"{store.path} has disappeared (deleted or moved by another program); nothing was saved"
    )
    assert not db.exists()
    with pytest.raises(StoreError, match="has disappeared"):
        store.reload_if_changed()
    assert names(store) == ["Ann Lee", "Bo Chen", "Cy Diaz"]
    with pytest.raises(StoreError, match=r"is missing but has backups .*'netui restore --db "):
        Store.open(db)


# --- a symlink ---------------------------------------------------------------------------


@pytest.mark.parametrize("relative", [False, True], ids=["absolute", "relative"])
def test_saves_through_a_symlink_go_to_its_target_and_the_link_stays(
    tmp_path: Path, relative: bool
) -> None:
    (tmp_path / "sync").mkdir()
    (tmp_path / "home").mkdir()
    target = tmp_path / "sync" / "network.json"
    link = tmp_path / "home" / "netui.json"
    make_store(target, "Ann Lee")
    link.symlink_to(Path("../sync/network.json") if relative else target)
    link_text = os.readlink(link)

    store = make_store(link, "Bo Chen", "Cy Diaz")

    assert store.path == target.resolve()
    assert link.is_symlink()
    assert os.readlink(link) == link_text
    assert names_on_disk(target) == ["Ann Lee", "Bo Chen", "Cy Diaz"]
    assert backup_dir(target).is_dir()  # beside the real file
    assert sorted(p.name for p in (tmp_path / "home").iterdir()) == ["netui.json"]
    assert temps(tmp_path) == []
    assert digest(link) == digest(target)


def test_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    link = tmp_path / "netui.json"
    link.symlink_to(target)

    make_store(link, "Ann Lee")

    assert link.is_symlink()
    assert names_on_disk(target) == ["Ann Lee"]
