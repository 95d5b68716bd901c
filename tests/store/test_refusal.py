"""Refusing to start on a file netui can't trust, and changing nothing while refusing.

A file that does not parse, is empty, has the wrong shape, belongs to another program or
to a newer netui: Store.open raises StoreError naming the file (and the newest backup,
when there is one), the file stays byte for byte what it was, and no file appears
beside it (a lock file at most).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from storekit import backups_of, day, listing, make_store, names, names_on_disk

from netui.errors import StoreError
from netui.model import Contact
from netui.store import Store
from netui.store.schema import BOM, SCHEMA_VERSION

GOOD = json.dumps(
    {
        "meta": {"1": {"schema_version": SCHEMA_VERSION}},
        "contacts": {"1": {"name": "Ann Lee", "company": "Acme", "tags": ["ux"]}},
        "followups": {},
        "notes": {},
        "companies": {},
    },
    indent=2,
).encode()

# name, the file's bytes, what the message must say
BAD_FILES = [
    ("truncated", GOOD[: len(GOOD) * 2 // 3], "is not valid JSON (line "),
    ("garbage-appended", GOOD + b"\n}{ oops", "is not valid JSON (line "),
    ("empty", b"", "is empty"),
    ("whitespace", b"\n  \t\n", "is empty"),
    ("bom-only", BOM, "is empty"),
    ("latin-1", GOOD.replace(b"Ann Lee", b"Ren\xe9e"), "is not UTF-8 text (byte 0xe9"),
    ("list", b"[]", "is not a netui data file (it holds a list)"),
    ("null", b"null", "is not a netui data file (it holds null)"),
    ("string", b'"contacts"', "is not a netui data file (it holds a string)"),
    ("table-not-object", b'{"contacts": 5}', "is damaged: table 'contacts' is not an object"),
    (
        "doc-not-object",
        b'{"meta": {"1": {"schema_version": 1}}, "contacts": {"1": 5}}',
        "is damaged: document contacts/1 is not valid",
    ),
    (
        "id-not-a-number",
        b'{"meta": {"1": {"schema_version": 1}}, "contacts": {"x": {}}}',
        "is damaged: document contacts/x is not valid",
    ),
    (
        "id-unicode-digit",  # "²".isdigit() is true, but int("²") fails
        '{"meta": {"1": {"schema_version": 1}}, "contacts": {"²": {}}}'.encode(),
        "is damaged: document contacts/² is not valid",
    ),
    (
        "foreign-tinydb",
        b'{"_default": {"1": {"url": "https://example.com", "title": "x"}}}',
        "is not a netui data file (it has a table named '_default')",
    ),
    (
        "no-schema-version",
        b'{"meta": {"1": {}}, "contacts": {}}',
        "its schema_version is missing or invalid",
    ),
    (
        "bool-schema-version",
        b'{"meta": {"1": {"schema_version": true}}, "contacts": {}}',
        "its schema_version is missing or invalid",
    ),
    (
        "future-schema",
        GOOD.replace(f'"schema_version": {SCHEMA_VERSION}'.encode(), b'"schema_version": 999'),
        f"was written by a newer netui (data format 999; this one knows {SCHEMA_VERSION}): "
        "please upgrade",
    ),
    ("deep-nesting", b"[" * 100_000 + b"]" * 100_000, "is not valid JSON"),
    ("huge-int", GOOD.replace(b'"Acme"', b"9" * 5000), "is not valid JSON"),
    ("nan", GOOD.replace(b'"Acme"', b"NaN"), "is not valid JSON"),
    ("infinity", GOOD.replace(b'"Acme"', b"Infinity"), "is not valid JSON"),
    ("lone-surrogate", GOOD.replace(b"Ann Lee", b"\\ud800"), "holds a broken character"),
]


@pytest.mark.parametrize("with_backup", [False, True], ids=["no-backup", "with-backup"])
@pytest.mark.parametrize(
    ("content", "says"), [c[1:] for c in BAD_FILES], ids=[c[0] for c in BAD_FILES]
)
def test_an_untrustworthy_file_is_refused_and_left_alone(
    db: Path, content: bytes, says: str, with_backup: bool
) -> None:
    newest = None
    if with_backup:
        make_store(db, "Ann Lee", "Bo Chen")  # the second save backs up the first
        (newest,) = backups_of(db)
    db.write_bytes(content)
    before = listing(db.parent)

    with pytest.raises(StoreError) as refused:
        Store.open(db)

    message = str(refused.value)
    assert message.startswith(f"{db} ")
    assert says in message
    assert message.count("nothing was changed") == 1
    # A backup is the advice for a file that doesn't parse; for a newer netui's file it
    # would lose what that netui saved, and wrong values are for `netui check --repair`.
    restore_helps = "newer netui" not in says and "broken character" not in says
    if newest and restore_helps:
        assert f"newest backup: {newest} ('netui restore --db {db}' puts it back)" in message
    else:
        assert "backup" not in message
    assert "Traceback" not in message
    assert db.read_bytes() == content
    assert listing(db.parent) - before <= {"netui.json.lock"}


def test_the_cli_refuses_a_damaged_file_with_one_line_and_exit_code_1(db: Path) -> None:
    make_store(db, "Ann Lee", "Bo Chen")
    (newest,) = backups_of(db)
    damaged = GOOD[:-20]
    db.write_bytes(damaged)

    for command in (["today"], ["add", "contact", "Cy Diaz"]):
        run = subprocess.run(
            [sys.executable, "-m", "netui", *command, "--db", str(db)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert run.returncode == 1, command
        assert run.stdout == ""
        lines = run.stderr.splitlines()
        assert len(lines) == 1, run.stderr
        assert lines[0].startswith(f"netui: {db} is not valid JSON (line ")
        assert f"newest backup: {newest}" in lines[0]
        assert db.read_bytes() == damaged


def test_a_file_with_a_bom_loads_and_the_next_save_drops_the_bom(db: Path) -> None:
    """Notepad adds a BOM: the file is fine, and netui writes plain UTF-8 back."""
    original = BOM + GOOD
    db.write_bytes(original)

    store = Store.open(db, clock=day(0))
    assert names(store) == ["Ann Lee"]
    assert db.read_bytes() == original  # opening changes nothing

    store.add_contact(Contact(name="Zoë Ñúñez"))
    saved = db.read_bytes()
    assert not saved.startswith(BOM)
    assert names_on_disk(db) == ["Ann Lee", "Zoë Ñúñez"]
    (backup,) = backups_of(db)
    assert backup.read_bytes() == original  # the backup is the file as it was


def test_duplicate_keys_load_with_the_last_one_winning(db: Path) -> None:
    db.write_bytes(GOOD.replace(b'"name": "Ann Lee"', b'"name": "Old", "name": "Ann Lee"'))
    assert names(Store.open(db)) == ["Ann Lee"]


def test_a_directory_or_a_device_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder, not a data file"):
        Store.open(tmp_path)
    with pytest.raises(StoreError, match=r"^/dev/null is not a regular file"):
        Store.open("/dev/null")


def test_a_missing_folder_is_not_created_unless_asked(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "netui.json"
    with pytest.raises(StoreError, match=r"the folder .*nowhere does not exist"):
        Store.open(path)
    assert not path.parent.exists()
    Store.open(path, create_folder=True).add_contact(Contact(name="Ann Lee"))
    assert path.parent.stat().st_mode & 0o777 == 0o700
    assert names_on_disk(path) == ["Ann Lee"]
