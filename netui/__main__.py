"""Allow `python -m netui`."""

from netui.cli import run

run()
