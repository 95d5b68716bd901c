"""One module per screen or dialog, each with its `.tcss` beside it."""
