"""Rotating backups in a folder beside the data file.

`netui.json` gets `netui.json.backups/netui.2026-11-25T09-30-00.json`, taken before the
first save of each day (so at most once per session and per day), the newest `KEEP` kept.
Copies taken before a migration or a restore are labelled and never rotated away.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
from datetime import date, datetime
from pathlib import Path

from netui.errors import StoreError
from netui.store.fileio import TEMP_SUFFIX, describe_os_error, write_atomic

KEEP = 10
"""How many dated backups to keep."""

_DATED = re.compile(r"\.(\d{4}-\d{2}-\d{2})T(\d{2}-\d{2}-\d{2})(?:-\d+)?\.json$")


def backup_dir(path: Path) -> Path:
    """The backups folder of a data file."""
    return path.with_name(path.name + ".backups")


def list_backups(path: Path) -> list[Path]:
    """Every backup of `path`, newest first (by the time in its name, then by mtime)."""
    folder = backup_dir(path)
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.suffix == ".json" and p.is_file()]
    return sorted(found, key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)


def newest_backup(path: Path) -> Path | None:
    """The most recent backup, to point the user at when the data file is unreadable."""
    backups = list_backups(path)
    return backups[0] if backups else None


def has_backup_of_day(path: Path, day: date) -> bool:
    """Whether a dated backup was already taken on `day`."""
    stamp = day.isoformat()
    return any((m := _DATED.search(p.name)) and m[1] == stamp for p in list_backups(path))


def make_backup(path: Path, content: bytes, now: datetime, label: str = "") -> Path:
    """Write `content` as a new backup of `path`; rotate the dated ones to `KEEP`."""
    folder = backup_dir(path)
    stem = path.stem
    name = f"{stem}.{label}" if label else f"{stem}.{now:%Y-%m-%dT%H-%M-%S}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        target = folder / f"{name}.json"
        counter = 1
        while target.exists():
            counter += 1
            target = folder / f"{name}-{counter}.json"
        write_atomic(target, content)
        _rotate(path)
    except OSError as error:  # write_atomic words its own; this is mkdir or rotation
        in_the_way = isinstance(error, (FileExistsError, NotADirectoryError))
        reason = f"{folder} is not a folder" if in_the_way else describe_os_error(error)
        raise StoreError(f"couldn't back up {path}: {reason}") from None
    return target


def remove_stale_temps(path: Path) -> None:
    """Delete temporary files left by a backup a crash cut short; only under the lock."""
    folder = backup_dir(path)
    if folder.is_dir():
        for leftover in folder.glob(f".{glob.escape(path.stem)}.*{TEMP_SUFFIX}"):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _rotate(path: Path) -> None:
    dated = [p for p in list_backups(path) if _DATED.search(p.name)]
    for old in dated[KEEP:]:
        os.unlink(old)


def describe_backup(backup: Path) -> str:
    """ "netui.2026-11-25T09-30-00.json  12 contacts, 3 follow-ups, 8 notes" for listings."""
    from netui.store.schema import decode

    try:
        data = decode(backup.read_bytes(), backup)
    except (OSError, StoreError):
        return f"{backup.name}  (unreadable)"
    counts = ", ".join(
        f"{len(data.get(table, {}))} {label}" + ("" if len(data.get(table, {})) == 1 else "s")
        for table, label in (("contacts", "contact"), ("followups", "follow-up"), ("notes", "note"))
    )
    return f"{backup.name}  {counts}"


def restore_backup(path: Path, backup: Path, now: datetime) -> Path | None:
    """Put `backup` back as the data file; keep the current file as a backup first.

    The backup must read as a netui file; the current file is kept even if it is
    damaged (that is often why one restores). Returns where the current file was kept.
    """
    from netui.store.lock import file_lock
    from netui.store.schema import decode

    try:
        content = backup.read_bytes()
    except OSError as error:
        raise StoreError(f"can't read the backup {backup}: {error.strerror}") from None
    decode(content, backup)
    with file_lock(path):
        kept = None
        if path.exists():
            kept = make_backup(
                path, path.read_bytes(), now, label=f"before-restore-{now:%Y-%m-%dT%H-%M-%S}"
            )
        write_atomic(path, content)
    return kept
