"""The errors netui shows to its user.

Every one of them carries a message written for a person, not a traceback: the CLI prints
it on one line and exits 1, the app shows it in place.
"""


class NetuiError(Exception):
    """Base class of the errors netui reports to the user."""


class QuickAddError(NetuiError, ValueError):
    """A quick-add line (or a date phrase) that can't be read; the message says why."""


class StoreError(NetuiError):
    """The data file can't be read, written or trusted; nothing was changed."""


class NotFoundError(StoreError, LookupError):
    """An id that is not (or no longer) in the data file."""


class UnknownContactError(QuickAddError):
    """A contact reference that matches nobody; the app offers to create the contact."""

    def __init__(self, ref: str) -> None:
        super().__init__(f"no contact matches '{ref}'")
        self.ref = ref
