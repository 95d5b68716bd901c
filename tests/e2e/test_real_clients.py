"""Real programs read what `netui export ics` and `netui export vcard` write.

The check is tools/check_clients.py (run it by hand for the table): calcurse and khal
read the calendar, khard and abook the address book, icalendar and vobject both. A
client whose program is not installed is skipped (CI installs them from Debian when it
can). What each client is known not to keep is listed, with why, in its LIMITS; any
other field lost or changed fails here.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

TOOL = Path(__file__).resolve().parents[2] / "tools" / "check_clients.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_clients", TOOL)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["check_clients"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


clients = _load()


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The network saved and exported once, by the installed `netui` command."""
    return clients.export(tmp_path_factory.mktemp("exports"))


def _check(client: object, ics: Path, vcf: Path, work: Path) -> object:
    result = clients.check(client, ics, vcf, work)
    if result.skipped:
        pytest.skip(result.skipped)
    return result


@pytest.mark.parametrize("client", clients.CLIENTS, ids=lambda c: f"{c.name}-{c.kind}")
def test_each_client_keeps_what_netui_exports(
    client: object, exported: tuple[Path, Path], tmp_path: Path
) -> None:
    result = _check(client, *exported, tmp_path)
    assert result.failures() == [], clients.report([result])
    fields = clients.EVENT_FIELDS if result.kind == "ics" else clients.CARD_FIELDS
    assert [f.field for f in result.findings] == list(fields)  # every field compared


def _client(name: str, kind: str) -> object:
    (client,) = [c for c in clients.CLIENTS if (c.name, c.kind) == (name, kind)]
    return client


# --- the check itself finds what a client loses -----------------------------------------


def test_a_title_cut_at_its_comma_is_a_failure(exported: tuple[Path, Path], tmp_path: Path) -> None:
    ics, vcf = exported
    cut = tmp_path / "cut.vcf"
    text = vcf.read_bytes().decode("utf-8")
    cut_text = re.sub(r"(?m)^TITLE:VP\\, Sales\r$", "TITLE:VP\r", text)
    assert cut_text != text
    cut.write_text(cut_text, encoding="utf-8", newline="")
    result = _check(_client("vobject", "vcf"), ics, cut, tmp_path)
    (failure,) = result.failures()
    assert failure.startswith("vobject (vcf): title changed: 'VP, Sales' read as 'VP'")


def test_phones_typed_only_voice_are_lost_by_abook(
    exported: tuple[Path, Path], tmp_path: Path
) -> None:
    # What netui's vCard writer did before TYPE=CELL: abook keeps no phone at all.
    ics, vcf = exported
    voice = tmp_path / "voice.vcf"
    voice.write_text(
        re.sub(r"(?m)^TEL;[^:]*", "TEL;TYPE=VOICE", vcf.read_bytes().decode("utf-8")),
        encoding="utf-8",
        newline="",
    )
    result = _check(_client("abook", "vcf"), ics, voice, tmp_path)
    assert [f.split(":")[1].strip() for f in result.failures()] == ["phones lost"]


def test_a_known_change_hides_no_other_change() -> None:
    # khal (Debian's icalendar 4) reads "C:\New" as "C:" and a new line: accepted, but
    # only that change.
    want = {"2031-03-04": {"summary": "C:\\New, roles"}}
    as_known = {"2031-03-04": {"summary": "C:\new, roles"}}
    otherwise = {"2031-03-04": {"summary": "C:\new"}}
    for got, failing in ((as_known, False), (otherwise, True)):
        result = clients.Result("khal", "ics")
        result.findings = clients.compare("khal", ["summary"], want, got)
        assert bool(result.failures()) is failing
