"""Which content of a data file was last found clean, so that it is not checked again.

Checking every value of a LinkedIn-sized file (`integrity.check_values`, and the
references) costs about as much as parsing it: 75 ms at 30,000 contacts, paid by every
`netui add` and every re-read after another writer's change. When the file is found
clean (no wrong value, no dangling reference), or written by netui from clean data, the
size and CRC-32 of its bytes are recorded in the cache folder; reading bytes with the
same size and checksum (3 ms at 19 MB) skips the check. The check depends on nothing
but the bytes, so the same bytes need it once. `netui check` always checks.

It is a cache: a missing or damaged record only means the check runs.
"""

from __future__ import annotations

import hashlib
import os
import zlib
from pathlib import Path

from netui import __version__
from netui.paths import cache_file, write_cache_file

Sum = tuple[int, int]
"""The size and CRC-32 of a file's bytes."""


def sum_of(content: bytes) -> Sum:
    return (len(content), zlib.crc32(content))


def record_path(data_path: Path) -> Path:
    return cache_file(data_path, "checked")


def is_checked(data_path: Path, content_sum: Sum) -> bool:
    """Whether these bytes of the file were found clean before."""
    try:
        recorded = record_path(data_path).read_text(encoding="ascii")
    except (OSError, ValueError):
        return False
    return recorded == _line(data_path, content_sum)


def mark_checked(data_path: Path, content_sum: Sum | None) -> None:
    """Record these bytes of the file as clean."""
    if content_sum is None:
        return
    write_cache_file(record_path(data_path), _line(data_path, content_sum).encode("ascii"))


def _line(data_path: Path, content_sum: Sum) -> str:
    """The record: the file, its bytes, and the netui that checked them (a later one
    may check more)."""
    digest = hashlib.blake2b(os.fsencode(data_path), digest_size=16).hexdigest()
    return f"{digest} {content_sum[0]} {content_sum[1]} netui {__version__}\n"
