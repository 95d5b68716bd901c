"""Bytes found clean once are not checked again; any other bytes always are.

`netui.store.checked` records the size and CRC-32 of a clean data file in the cache
folder; these tests count the value checks (`integrity.check_values`) a read makes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from netui.errors import DamagedFileError
from netui.model import Contact
from netui.store import Store, integrity
from netui.store.checked import record_path

Counter = list[int]


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> Counter:
    """How many times every value of a file was checked."""
    calls = [0]
    real = integrity.check_values

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(integrity, "check_values", counted)
    return calls


def clean_file(tmp_path: Path) -> Path:
    path = tmp_path / "netui.json"
    store = Store.open(path)
    store.add_contact(Contact(name="Jane Doe", company="Acme"))
    store.add_contact(Contact(name="Bob Smith"))
    return path


def test_bytes_found_clean_are_read_without_checking_again(tmp_path: Path, checks) -> None:
    path = clean_file(tmp_path)  # written by netui from clean data: recorded
    assert record_path(path).exists()
    checks[0] = 0
    store = Store.open(path)
    assert checks[0] == 0
    assert [c.name for c in store.contacts()] == ["Jane Doe", "Bob Smith"]
    store.add_contact(Contact(name="Ann Lee"))  # netui's own save is recorded too
    assert Store.open(path).sizes()["contacts"] == 3
    assert checks[0] == 0


def test_the_same_size_with_a_wrong_value_is_checked_and_refused(tmp_path: Path, checks) -> None:
    path = clean_file(tmp_path)
    content = path.read_bytes()
    damaged = content.replace(b'"referred_by": null', b'"referred_by": "xx"', 1)  # same size
    assert len(damaged) == len(content) and damaged != content
    path.write_bytes(damaged)  # in place: same inode, maybe the same timestamps
    checks[0] = 0
    with pytest.raises(DamagedFileError, match="referred_by"):
        Store.open(path)
    assert checks[0] == 1


def test_netui_check_always_checks(tmp_path: Path, checks) -> None:
    path = clean_file(tmp_path)
    checks[0] = 0
    store = Store.open(path, tolerant=True, trust_checked=False)
    assert checks[0] == 1 and store.problems() == []


def test_a_damaged_record_means_the_check_runs(tmp_path: Path, checks) -> None:
    path = clean_file(tmp_path)
    record_path(path).write_bytes(b"\xff\x00 nonsense")
    checks[0] = 0
    Store.open(path)
    assert checks[0] == 1


def test_a_file_with_wrong_values_is_never_recorded_clean(tmp_path: Path, checks) -> None:
    path = clean_file(tmp_path)
    record_path(path).unlink()
    path.write_bytes(path.read_bytes().replace(b'"referred_by": null', b'"referred_by": "x"', 1))
    store = Store.open(path, tolerant=True)
    assert store.problems() and store.read_only
    assert not record_path(path).exists()
    checks[0] = 0
    Store.open(path, tolerant=True)
    assert checks[0] == 1


def test_a_dangling_reference_is_never_recorded_clean(tmp_path: Path) -> None:
    path = clean_file(tmp_path)
    record_path(path).unlink()
    path.write_bytes(path.read_bytes().replace(b'"referred_by": null', b'"referred_by": 99', 1))
    store = Store.open(path)
    assert store.dangling
    assert not record_path(path).exists()
    assert Store.open(path).dangling  # and found again next time


def test_a_dangling_reference_another_writer_left_is_still_found_after_a_save(
    tmp_path: Path,
) -> None:
    path = clean_file(tmp_path)
    store = Store.open(path)
    content = path.read_bytes()  # another program adds a follow-up of nobody (id 999)
    data = json.loads(content)
    data["followups"]["7"] = {"text": "call", "due": "2026-12-09", "contact_id": 999}
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    store.add_contact(Contact(name="Ann Lee"))  # saved on top of the file as it is
    assert store.dangling
    assert Store.open(path).dangling  # and not recorded as clean
