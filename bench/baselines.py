"""What netui's saves are compared with: the reference durable write, and two whole
processes timed beside `netui add` (shared by store_bench.py and cli_bench.py).

    python bench/baselines.py save [--lean] FILE   bare orjson load + one atomic write
    python bench/baselines.py journal FILE LINE    a journal of appended changes (estimate)

`save` is the least any program that keeps the data in one JSON file must do to add one
item: read the file, parse it with orjson, add a follow-up document, encode it again in
the file's own layout (indented JSON, or one document per line) and write it durably.
With `--lean` it does only that, as `netui add` does: Python's garbage collector is off
(parsing 30,000 documents with it on takes about 3 times as long) and the process ends
with `os._exit` once the file is written (freeing the parsed file would take ~80 ms);
without, it is the same script with Python's defaults.

`journal` estimates `netui add contact` if changes were appended to a journal beside the
data file instead of rewriting it: start Python, import netui's command line, read the
quick-add line, encode the contact as a document and append it with one fsync. No data
file is read (a line that names someone would need the names, as an index could give).

Only the standard library and orjson are imported at the top, so that `save` costs what a
bare script costs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import orjson


def durable_write(path: Path, content: bytes) -> None:
    """The reference atomic save: temp file, write, fsync, os.replace, fsync the folder."""
    temp = path.with_name(f".{path.name}.bench{os.getpid()}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        view = memoryview(content)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temp, path)
    folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def orjson_save(path: Path, data: Any) -> None:
    """The baseline a netui save is compared with: encode like netui, then save durably."""
    durable_write(path, orjson.dumps(data, option=orjson.OPT_INDENT_2))


def filesystem_of(folder: Path) -> str:
    """The type of the file system holding `folder` (fsync cost depends on it)."""
    best, kind = "", "?"
    try:
        with open("/proc/mounts") as mounts:
            for line in mounts:
                _, mount, fstype, *_ = line.split()
                if str(folder).startswith(mount) and len(mount) > len(best):
                    best, kind = mount, fstype
    except OSError:
        pass
    return kind


FOLLOWUP = {
    "contact_id": 1,
    "text": "send the article",
    "due": "2026-11-06",
    "done": None,
    "created": "2026-11-02T09:00:00",
}


def bare_save(path: Path) -> None:
    """Load the file with orjson, add one follow-up, write it back durably, same layout."""
    content = path.read_bytes()
    try:
        data = orjson.loads(content)
    except orjson.JSONDecodeError:  # one document per line
        lines = [orjson.loads(line) for line in content.splitlines() if line.strip()]
        lines.append({"table": "followups", "id": len(lines) + 1, **FOLLOWUP})
        durable_write(path, b"\n".join(orjson.dumps(line) for line in lines) + b"\n")
        return
    table = data.setdefault("followups", {})
    table[str(len(table) + 1_000_000)] = FOLLOWUP
    option = orjson.OPT_APPEND_NEWLINE
    if content[:200].count(b"\n  "):  # the file is indented: so is its copy
        option |= orjson.OPT_INDENT_2
    durable_write(path, orjson.dumps(data, option=option))


def journal_append(path: Path, line: str) -> None:
    """Append one change to a journal beside `path`, as `netui add contact LINE` could."""
    import netui.cli  # noqa: F401  (the command line's imports are part of the cost)

    try:
        from netui.quickadd import parse_contact
        from netui.store.convert import contact_to_doc

        doc: dict[str, Any] = contact_to_doc(parse_contact(line, []).to_contact())
    except (ImportError, AttributeError, TypeError):  # netui's inside moved: the line alone
        doc = {"line": line}
    record = orjson.dumps({"op": "insert", "table": "contacts", "doc": doc}) + b"\n"
    journal = path.with_name(path.name + ".journal")
    fd = os.open(journal, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        os.write(fd, record)
        os.fsync(fd)
    finally:
        os.close(fd)


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "save":
        lean = argv[1] == "--lean"
        if lean:
            import gc

            gc.disable()
        bare_save(Path(argv[-1]))
        if lean:
            os._exit(0)
    elif len(argv) >= 3 and argv[0] == "journal":
        journal_append(Path(argv[1]), argv[2])
    else:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
