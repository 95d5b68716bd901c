"""Reading an import file as text, with the one message every format gives when it can't.

A file's name is shown as `netui.text.shown` makes it: a name can hold any byte but `/`.
"""

from __future__ import annotations

from pathlib import Path

from netui.errors import NetuiError
from netui.text import shown


def read_text(path: Path | str, error: type[NetuiError] = NetuiError) -> str:
    """The file's text (UTF-8, a BOM dropped). Raise `error` naming the file, and the line
    of the first byte that is not UTF-8, so that nothing is imported from it."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as problem:
        reason = problem.strerror or str(problem)
        raise error(
            shown(f"can't read {path}: {reason}; nothing imported", multiline=False)
        ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        line = data[: problem.start].count(b"\n") + 1
        message = f"{path.name}, line {line}: not UTF-8 text; nothing imported"
        raise error(shown(message, multiline=False)) from None
