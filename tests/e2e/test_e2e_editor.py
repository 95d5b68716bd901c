"""`ctrl+g` in a real terminal: the app steps aside for $EDITOR, comes back drawn, and the
text written there is in the field (and, once saved, in the file)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from ptykit import NETUI

pytestmark = pytest.mark.slow


def test_the_editor_gets_the_terminal_and_the_text_comes_back(
    run_netui, env: dict[str, str], db: Path, tmp_path: Path
) -> None:
    added = subprocess.run(
        [str(NETUI), "add", "contact", "Jane Doe @ Acme", "--db", str(db)],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert added.returncode == 0, added.stderr
    editor = tmp_path / "editor.py"
    seen = tmp_path / "editor-saw.txt"
    editor.write_text(
        "import sys, time\n"
        "from pathlib import Path\n"
        "path = Path(sys.argv[1])\n"
        f"Path({str(seen)!r}).write_text(path.read_text())\n"
        "print('FAKE EDITOR RUNNING', flush=True)\n"
        "time.sleep(0.5)\n"
        "path.write_text('Long notes from the editor\\nsecond line\\n')\n"
    )
    env["EDITOR"] = f"{sys.executable} {editor}"
    env.pop("VISUAL", None)

    app = run_netui("--db", str(db))
    app.wait_for("Jane Doe")
    app.send("m")
    app.wait_for("Log a meeting with Jane Doe")
    app.send("first words")
    app.wait_for("first words")
    app.send(b"\x07")  # ctrl+g
    app.wait_for("FAKE EDITOR RUNNING")  # the editor has the terminal
    app.wait_for("Log a meeting with Jane Doe")  # and the app is back, drawn again
    app.wait_for("Long notes from the editor")
    assert seen.read_text() == "first words"  # the editor got what was typed
    app.send(b"\x13")  # ctrl+s
    app.wait_until_gone("Log a meeting with Jane Doe")
    notes = json.loads(db.read_text(encoding="utf-8"))["notes"].values()
    assert [n["text"] for n in notes] == ["Long notes from the editor\nsecond line"]
    app.send("q")
    assert app.wait_for_exit() == 0
