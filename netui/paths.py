"""Where netui keeps its files, resolved lazily (nothing is computed at import time).

The data file is `--db PATH`, else `$NETUI_DB`, else `netui.json` in the user data folder
that platformdirs gives for netui. `$NETUI_HOME` moves the data, config and cache folders at once
(tests and portable setups use it).
"""

from __future__ import annotations

import contextlib
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
    """The folder of the user's config (question bank, draft templates, settings)."""
    if home := os.environ.get("NETUI_HOME"):
        return Path(home).expanduser() / "config"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def config_file() -> Path:
    """The user's settings, `config.toml` in the config folder (`name = "…"` signs the
    drafts of `netui draft`); netui never writes it."""
    return config_dir() / "config.toml"


def cache_dir() -> Path:
    """The folder of what netui can make again from the data file (the start-up view)."""
    if home := os.environ.get("NETUI_HOME"):
        return Path(home).expanduser() / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def cache_file(data_path: Path, kind: str, suffix: str = "") -> Path:
    """The cache file of `kind` kept for the data file at `data_path` (resolved): named by
    a hash of its path, so that two data files never share one."""
    import hashlib

    digest = hashlib.blake2b(os.fsencode(data_path), digest_size=8).hexdigest()
    return cache_dir() / f"{kind}-{digest}{suffix}"


def write_cache_file(path: Path, content: bytes) -> bool:
    """Write a cache file whole or not at all (private, no fsync: what netui can make
    again needs no durability, and a torn one is only ignored); False if it could not."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.replace(temp, path)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink()
        return False
    return True


def data_file(cli_value: str | os.PathLike[str] | None = None) -> tuple[Path, bool]:
    """The data file to use, and whether the user chose it (`--db` or `$NETUI_DB`).

    The path is expanded and made absolute but not resolved: the store resolves symlinks
    itself, once, so that saves go to the link's target and the link stays a link.
    """
    chosen = cli_value or os.environ.get("NETUI_DB")
    if chosen:
        return Path(os.path.abspath(Path(chosen).expanduser())), True
    return data_dir() / "netui.json", False
