"""The data file: the only code that touches TinyDB or the disk.

`Store` is the typed API the rest of netui uses; `AtomicJSONStorage` is the TinyDB storage
underneath it that makes every save atomic, detects changes made by other processes, and
refuses to overwrite a file it could not read. `Choices` and `Resolution` answer a
`ConflictError` (another writer changed what a save or an undo would change).

What is exported here is the store's whole public face: the modules inside are private
to it (an import-linter contract in pyproject.toml says so, and CI checks it).
"""

from netui.store.backups import backup_dir, describe_backup, list_backups, restore_backup
from netui.store.conflicts import Choices, Conflict, Resolution
from netui.store.convert import from_doc, to_doc
from netui.store.fileio import write_atomic
from netui.store.lock import lock_path
from netui.store.people import MergeReport
from netui.store.referrers import ReferralLoopError, loop_chain, loop_words
from netui.store.store import Change, Store, deletion_summary, file_version

__all__ = [
    "Change",
    "Choices",
    "Conflict",
    "MergeReport",
    "ReferralLoopError",
    "Resolution",
    "Store",
    "backup_dir",
    "deletion_summary",
    "describe_backup",
    "file_version",
    "from_doc",
    "list_backups",
    "lock_path",
    "loop_chain",
    "loop_words",
    "restore_backup",
    "to_doc",
    "write_atomic",
]
