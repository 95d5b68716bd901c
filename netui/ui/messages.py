"""Messages that cross the app (widget-local ones live in their widget)."""

from textual.message import Message


class StoreChanged(Message, bubble=False):
    """The data changed (here, or in the file by another process): redraw from the store."""

    def __init__(self, saved_here: bool = False) -> None:
        super().__init__()
        self.saved_here = saved_here
        """True when this app just saved a change (the status line shows the time)."""
