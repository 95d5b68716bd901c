"""A TinyDB storage that keeps the parsed file in memory and saves it atomically.

How netui uses TinyDB: the data file is a TinyDB file (its layout, `{table: {"id":
document}}`, which stock `TinyDB(path)` opens and reads, tests/store/test_tinydb_compat.py),
and this class is a TinyDB `Storage` (`read`/`write`), so `TinyDB(storage=...)` could sit
on it. netui's store does not query through TinyDB's `Table`, though: it keeps the
documents in memory and writes them in place (`transaction.py`), because TinyDB's table
operations copy a whole table twice per call, and every change must be one atomic save.

TinyDB's own `JSONStorage` re-reads and re-parses the whole file for every query and
rewrites it in place for every change: slow at LinkedIn scale, and a crash mid-write
leaves half a file. This storage (in the spirit of TinyDB's `extend.rst` recipe and of the
"SafeJSONStorage" its maintainer proposed in tinydb#467):

- parses the file once and serves every `read()` from memory;
- takes `write()` calls in memory, and saves them all at once when the store ends a
  change (`flush()`): one atomic write per change, however many documents moved;
- remembers which version of the file it holds (`FileState`), so the store can tell when
  another process or a sync tool has changed it, and re-read it before applying a change.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

from tinydb.storages import Storage

from netui.errors import DamagedFileError, StoreError
from netui.store import integrity, schema
from netui.store.checked import Sum, sum_of
from netui.store.fileio import FileState, read_file, write_atomic
from netui.store.integrity import Problem
from netui.store.schema import Data


class AtomicJSONStorage(Storage):
    """Memory-resident TinyDB storage over one JSON file, saved atomically on `flush()`."""

    def __init__(self, path: Path, today: Callable[[], date] = date.today) -> None:
        self.path = path
        """The resolved data file (a symlink's target)."""
        self.today = today
        """Today, for the repairs a check proposes (a bad due date becomes today)."""
        self.problems: list[Problem] = []
        """Wrong values of the file (only after `load(tolerant=True)`; `data` holds them
        repaired, as `netui check --repair` would save them)."""
        self.data: Data = schema.empty()
        """The whole file, parsed; TinyDB reads and changes it in place."""
        self.state: FileState | None = None
        """The version of the file on disk that `data` came from (None: no file yet)."""
        self.known_clean: Callable[[Sum], bool] = lambda content_sum: False
        """Whether bytes of this size and checksum were found clean before (their values
        are then not checked again: `netui.store.checked`)."""
        self.content_sum: Sum | None = None
        """The size and checksum of the bytes `data` came from or was saved as."""
        self.checked_now = False
        """Whether the last `load` checked every value (False: a version known clean)."""

    # TinyDB's Storage interface ----------------------------------------------------------

    def read(self) -> Data:
        return self.data

    def write(self, data: Data) -> None:
        # Kept in memory: the store saves once per logical change, under its lock.
        self.data = data

    def close(self) -> None:
        """Nothing to release: the file is open only while it is read or written."""

    # The file ----------------------------------------------------------------------------

    def load(self, *, tolerant: bool = False) -> bytes | None:
        """(Re)read the file into memory; return its raw bytes (None if there is no file).

        Raises StoreError, leaving `data` as it was, if the file can't be trusted (every
        value is checked: `netui.store.integrity`), or if it has disappeared since we read
        or wrote it (it is not then a new, empty file). With `tolerant`, a file whose only
        fault is wrong values is loaded anyway and its faults kept in `problems`, for a
        read-only view and for `netui check`.
        """
        try:
            content, st = read_file(self.path)
        except FileNotFoundError:
            if self.state is not None:  # we had read or written it: someone removed it
                raise StoreError(
                    f"{self.path} has disappeared (deleted or moved by another program)"
                ) from None
            self.data, self.state = schema.empty(), None
            return None
        except OSError as error:
            raise StoreError(f"can't read {self.path}: {error.strerror}") from None
        state, content_sum = FileState.of(st, content), sum_of(content)
        if self.known_clean(content_sum):
            self.data, self.problems = schema.decode_known_clean(content, self.path), []
            self.state, self.content_sum, self.checked_now = state, content_sum, False
            return content
        try:
            data, problems = schema.decode_checked(content, self.path, self.today())
            if problems:
                if not tolerant:
                    raise DamagedFileError(
                        schema.describe_problems(self.path, problems), restore_helps=False
                    )
                # Shown as a repair would make it (the file itself is never written so):
                # nothing above the store ever meets a value of the wrong type.
                integrity.repair(data, problems)
        except RecursionError:
            raise DamagedFileError(f"{self.path} nests values too deeply for netui") from None
        self.data, self.problems = data, problems
        self.state, self.content_sum, self.checked_now = state, content_sum, True
        return content

    def changed_on_disk(self) -> bool:
        """Whether the file is no longer the version we hold (written by someone else)."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return self.state is not None
        return self.state is None or not self.state.same_as(self.path, st)

    def flush(self) -> None:
        """Save `data` atomically; on failure the file on disk is untouched."""
        content = schema.encode(self.data)
        st = write_atomic(self.path, content)
        self.state, self.content_sum = FileState.of(st, content), sum_of(content)

    def exists(self) -> bool:
        return self.state is not None
