"""Where netui keeps its files, resolved lazily (nothing is computed at import time).

The data file is `--db PATH`, else `$NETUI_DB`, else `netui.json` in the user data folder
that platformdirs gives for netui. `$NETUI_HOME` moves the data, config and cache folders at once
(tests and portable setups use it).
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "netui"


def data_dir() -> Path:
    """The folder of the default data file."""
    if home := os.environ.get("NETUI_HOME"):
        return Path(home).expanduser() / "data"
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """The folder of the user's config (question bank, settings)."""
    if home := os.environ.get("NETUI_HOME"):
        return Path(home).expanduser() / "config"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """The folder of what netui can make again from the data file (the start-up view)."""
    if home := os.environ.get("NETUI_HOME"):
        return Path(home).expanduser() / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def data_file(cli_value: str | os.PathLike[str] | None = None) -> tuple[Path, bool]:
    """The data file to use, and whether the user chose it (`--db` or `$NETUI_DB`).

    The path is expanded and made absolute but not resolved: the store resolves symlinks
    itself, once, so that saves go to the link's target and the link stays a link.
    """
    chosen = cli_value or os.environ.get("NETUI_DB")
    if chosen:
        return Path(os.path.abspath(Path(chosen).expanduser())), True
    return data_dir() / "netui.json", False
