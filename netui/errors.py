"""The errors netui shows to its user.

Every one of them carries a message written for a person, not a traceback: the CLI prints
it on one line and exits 1, the app shows it in place.
"""

from collections.abc import Sequence
from typing import Any


def command_for(path: object, *words: str) -> str:
    """A netui command the user can paste as it is: with `--db` naming the very file (a
    hint without it would act on the default data file, not the one in question)."""
    import shlex

    return " ".join(("netui", *words, "--db", shlex.quote(str(path))))


class NetuiError(Exception):
    """Base class of the errors netui reports to the user."""

    def __str__(self) -> str:
        # A message may quote a file's name or a value read from it: shown, never obeyed
        # by the terminal that prints it (the CLI's line, the app's notification).
        from netui.text import shown

        return shown(super().__str__(), multiline=False)


class QuickAddError(NetuiError, ValueError):
    """A quick-add line (or a date phrase) that can't be read; the message says why."""


class StoreError(NetuiError):
    """The data file can't be read, written or trusted; nothing was changed."""


class NotFoundError(StoreError, LookupError):
    """An id that is not (or no longer) in the data file."""


class UnknownContactError(QuickAddError):
    """A contact reference that matches nobody; the app offers to create the contact."""

    def __init__(self, ref: str, near: Sequence[str] = (), *, reason: str = "") -> None:
        message = f"no contact '{ref}'"
        if reason:
            message += f" ({reason}, not a contact's name)"
        elif near:
            names = list(near)
            listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
            message += f"; did you mean {listed}?"
        super().__init__(message)
        self.ref = ref
        self.near = tuple(near)
        """The names it may have meant (never taken for it)."""


class DamagedFileError(StoreError):
    """The data file can't be trusted (not JSON, a wrong type, a newer format…): nothing
    was written to it."""

    def __init__(self, message: str, *, restore_helps: bool = True) -> None:
        super().__init__(message)
        self.restore_helps = restore_helps
        """Whether putting a backup back is the advice: yes for a file that doesn't
        parse; no for wrong values (`netui check --repair` keeps the rest) or a file
        from a newer netui (a backup would lose what that netui saved)."""


class LockBusyError(StoreError):
    """Another netui held the file's lock too long; nothing was changed (try again)."""


class ReadOnlyError(StoreError):
    """The data file (or its folder, or its lock file) can't be written: netui shows the
    data but changes nothing."""


class ConflictError(StoreError):
    """Another writer changed, since this user started, what this change would change.

    Nothing was saved. `conflicts` says which fields, with the three values (what the user
    started from, what is in the file now, what the user wants); the app asks which to
    keep and saves again with the answer (`Resolution`).
    """

    def __init__(self, message: str, conflicts: tuple[Any, ...]) -> None:
        # Any: the store's `Conflict`s, which this module (below the store) can't import.
        super().__init__(message)
        self.conflicts = conflicts
