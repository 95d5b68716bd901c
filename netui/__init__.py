"""netui: run a job search's networking from the terminal.

Importing the package does nothing but define its version: no files are touched and no
heavy library is loaded, so `netui add` stays fast.
"""

__version__ = "0.4.0"
