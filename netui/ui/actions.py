"""Workflow steps several screens share (each screen binds the key, this does the step).

Called from a `@work(group="dialog")` action, so that a step that meets another
program's change can show the conflict dialog and wait for the answer.
"""

from __future__ import annotations

from typing import Any


async def undo_last(app: Any) -> None:
    """Undo this session's last change, saying what was undone (or why not)."""
    if not app.store.history:
        app.notify("Nothing to undo")
        return
    undone = await app.change(app.store.undo, action="undo")
    if undone is not None:
        app.notify(f"Undid: {undone}", markup=False)
