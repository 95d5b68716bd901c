"""`netui import linkedin`: the installed command, checked through the data file."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from clikit import NETUI

DATA = Path(__file__).parent.parent / "data" / "linkedin"


def run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NETUI_HOME": str(db.parent / "home")}
    return subprocess.run(
        [NETUI, *args, "--db", str(db)], capture_output=True, text=True, env=env, check=False
    )


def names(db: Path) -> list[str]:
    return sorted(c["name"] for c in json.loads(db.read_text())["contacts"].values())


def test_dry_run_changes_nothing_then_import_and_reimport(tmp_path: Path) -> None:
    db = tmp_path / "netui.json"
    preview = run(db, "import", "linkedin", str(DATA / "connections.csv"), "--dry-run")
    assert preview.returncode == 0, preview.stderr
    assert "would be: added 5" in preview.stdout
    assert not db.exists()

    first = run(db, "import", "linkedin", str(DATA / "connections.csv"))
    assert first.returncode == 0 and "added 5" in first.stdout
    contacts = json.loads(db.read_text())["contacts"].values()
    assert all(c["status"] == "lead" and "linkedin" in c["tags"] for c in contacts)
    assert len(names(db)) == 5

    again = run(db, "import", "linkedin", str(DATA / "connections_reexport.csv"))
    assert again.returncode == 0 and "added 1, updated 2" in again.stdout
    assert len(names(db)) == 6  # nobody duplicated


def test_a_malformed_file_imports_nothing(tmp_path: Path) -> None:
    db = tmp_path / "netui.json"
    run(db, "add", "contact", "Jane Doe")
    before = db.read_bytes()
    result = run(db, "import", "linkedin", str(DATA / "malformed_fields.csv"))
    assert result.returncode == 1
    assert "line 6" in result.stderr and "nothing imported" in result.stderr
    assert db.read_bytes() == before
