"""`netui export csv --excel`: the installed command, checked byte by byte (issue 12)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from clikit import NETUI

BOM = b"\xef\xbb\xbf"


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "NETUI_HOME": str(tmp_path / "home")}
    return subprocess.run(
        [NETUI, *args, "--db", str(tmp_path / "netui.json")],
        capture_output=True,
        env=env,
        check=False,
    )


def _lines_end_in_crlf(data: bytes) -> bool:
    return data.endswith(b"\r\n") and data.count(b"\n") == data.count(b"\r\n")


def test_excel_export_starts_with_a_bom_and_ends_lines_in_crlf(tmp_path: Path) -> None:
    assert run(tmp_path, "add", "contact", "Zoë Müller @ Café Núñez").returncode == 0
    out = tmp_path / "contacts.csv"
    result = run(tmp_path, "export", "csv", "--excel", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert b"wrote 1 contact to" in result.stderr
    data = out.read_bytes()
    assert data.startswith(BOM + b"name,company,title,")
    assert data.count(BOM) == 1
    assert "\r\nZoë Müller,Café Núñez,".encode() in data
    assert _lines_end_in_crlf(data)
    # The file reads back as it was written (the BOM is not part of the first column).
    again = tmp_path / "again"
    again.mkdir()
    imported = run(again, "import", "csv", str(out), "--dry-run")
    assert imported.returncode == 0, imported.stderr
    assert b"+ Zo\xc3\xab M\xc3\xbcller (Caf\xc3\xa9 N\xc3\xba\xc3\xb1ez)" in imported.stdout


def test_excel_export_to_stdout_and_of_notes_and_without_the_flag(tmp_path: Path) -> None:
    assert run(tmp_path, "add", "contact", "Zoë Åberg").returncode == 0
    assert run(tmp_path, "add", "note", "Zoë Åberg: café à Paris").returncode == 0
    stdout = run(tmp_path, "export", "csv", "--excel").stdout
    assert stdout.startswith(BOM + b"name,") and _lines_end_in_crlf(stdout)
    notes = run(tmp_path, "export", "csv", "--what", "notes", "--excel").stdout
    assert notes.startswith(BOM + b"contact,date,kind,text,")
    assert "Zoë Åberg".encode() in notes and _lines_end_in_crlf(notes)
    plain = run(tmp_path, "export", "csv").stdout
    assert plain.startswith(b"name,") and _lines_end_in_crlf(plain)


def test_help_describes_excel(tmp_path: Path) -> None:
    text = b" ".join(run(tmp_path, "export", "--help").stdout.split())
    assert b"--excel" in text
    assert b"CSV: start with a UTF-8 byte order mark (BOM), so that Excel reads it as UTF-8" in text
