"""Long text written in the user's own editor ($VISUAL, then $EDITOR), as git and jrnl do.

The text goes into a file in a private temporary folder, the app steps aside while the
editor runs in the terminal (`App.suspend`), and the file's text comes back into the
field. The editor is run from an argument list, never through a shell. A failed editor
(not found, or a non-zero exit, as git treats it) changes nothing and says why.
"""

from __future__ import annotations

import asyncio
import os
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

from textual.app import App, SuspendNotSupported

FALLBACKS = ("sensible-editor", "editor", "nano", "vi")
"""Tried in order, as git falls back to vi, when neither $VISUAL nor $EDITOR is set."""


def editor_command(environ: Mapping[str, str]) -> list[str] | None:
    """The editor to run, as an argument list (None: none set and none found)."""
    for name in ("VISUAL", "EDITOR"):
        value = environ.get(name, "").strip()
        if value:
            try:
                return shlex.split(value)
            except ValueError:
                return [value]  # an unbalanced quote: take the value as one program name
    for program in FALLBACKS:
        if found := shutil.which(program):
            return [found]
    return None


async def edit_in_editor(app: App[object], text: str, *, name: str = "note") -> str | None:
    """`text` as the user left it in their editor (None: unchanged, with the reason told)."""
    command = editor_command(os.environ)
    if command is None:
        app.notify(
            "No editor found: set $EDITOR (for example: export EDITOR=nano)",
            severity="warning",
            markup=False,
        )
        return None
    with tempfile.TemporaryDirectory(prefix="netui-edit-") as folder:  # (mode 0700)
        path = Path(folder) / f"{name}.md"
        path.write_text(text, encoding="utf-8")
        try:
            code = await _run(app, [*command, str(path)])
        except OSError as error:
            app.notify(
                f"Could not run the editor {command[0]!r}: {error.strerror or error}; "
                "check $EDITOR",
                severity="error",
                markup=False,
            )
            return None
        if code is None:
            return None  # (already told why)
        if code != 0:
            app.notify(
                f"The editor exited with code {code}: the text is as it was",
                severity="warning",
                markup=False,
            )
            return None
        edited = path.read_text(encoding="utf-8", errors="replace")
    return edited.rstrip("\n")


async def _run(app: App[object], argv: list[str]) -> int | None:
    """Run the editor in the terminal, the app suspended; headless (tests), run it aside."""
    if app.is_headless:
        return await asyncio.to_thread(subprocess.call, argv, stdin=subprocess.DEVNULL)
    try:
        with app.suspend():
            return subprocess.call(argv)
    except SuspendNotSupported:
        app.notify(
            "This terminal can't hand the screen to an editor", severity="warning", markup=False
        )
        return None
