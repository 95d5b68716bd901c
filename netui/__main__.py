"""Allow `python -m netui`."""

import sys

from netui.cli import main

sys.exit(main())
