"""Messages that cross the app (widget-local ones live in their widget)."""

from textual.message import Message


class StoreChanged(Message, bubble=False):
    """The data changed (here, or in the file by another process): redraw from the store."""
