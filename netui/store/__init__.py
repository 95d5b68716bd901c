"""The data file: the only code that touches TinyDB or the disk.

`Store` is the typed API the rest of netui uses; `AtomicJSONStorage` is the TinyDB storage
underneath it that makes every save atomic, detects changes made by other processes, and
refuses to overwrite a file it could not read. `Choices` and `Resolution` answer a
`ConflictError` (another writer changed what a save or an undo would change).
"""

from netui.store.conflicts import Choices, Conflict, Resolution
from netui.store.store import Change, Store

__all__ = ["Change", "Choices", "Conflict", "Resolution", "Store"]
