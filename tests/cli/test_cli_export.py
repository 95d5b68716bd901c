"""`netui export csv`: the installed command, checked through the file it writes."""

from __future__ import annotations

import csv
import os
import subprocess
from pathlib import Path

from clikit import NETUI


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NETUI_HOME": str(tmp_path / "home")}
    return subprocess.run(
        [NETUI, *args, "--db", str(tmp_path / "netui.json")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_export_neutralises_formulas_and_writes_a_private_file(tmp_path: Path) -> None:
    assert run(tmp_path, "add", "contact", "Bob Smith @ Globex").returncode == 0
    assert run(tmp_path, "add", "contact", "=HYPERLINK(x) @ +1 555 via Bob").returncode == 0
    out = tmp_path / "contacts.csv"
    result = run(tmp_path, "export", "csv", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "wrote 2 contacts" in result.stderr
    assert out.stat().st_mode & 0o777 == 0o600
    with out.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["name"] for r in rows] == ["Bob Smith", "'=HYPERLINK"]
    assert rows[1]["company"] == "'+1 555" and rows[1]["referred_by"] == "Bob Smith"


def test_raw_export_to_stdout_and_a_bad_choice(tmp_path: Path) -> None:
    run(tmp_path, "add", "contact", "Ann @ -5 Corp")
    result = run(tmp_path, "export", "csv", "--raw")
    assert result.returncode == 0 and "Ann,-5 Corp," in result.stdout
    assert run(tmp_path, "export", "csv", "--what", "people").returncode == 2
