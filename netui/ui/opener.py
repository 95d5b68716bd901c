"""Opening a link in the program the desktop has for it (a `mailto:` link in the mail
program, a web page in the browser).

Only `http`, `https` and `mailto` links are opened; anything else (`file:`, a program's
own scheme, a path) is refused with a message. The link is handed to the desktop's
opener as one argument of an argument list (`xdg-open URL` on Linux and the BSDs, `open
URL` on macOS), never through a shell, so nothing in it is ever read as a command.

`launch` is the one place a program is started: tests replace it to see the argument
list without opening anything.
"""

from __future__ import annotations

import subprocess
import sys
from urllib.parse import urlsplit

from netui.errors import NetuiError

SCHEMES = frozenset({"http", "https", "mailto"})
"""The only kinds of link netui opens."""


class OpenError(NetuiError):
    """A link netui won't open, or could not."""


def check_url(url: str) -> str:
    """`url` if it is an http, https or mailto link; else OpenError saying why."""
    if any(ch in url for ch in "\0\r\n"):
        raise OpenError("That link has a line break or a NUL in it: not opened")
    scheme = urlsplit(url.strip()).scheme.lower()
    if scheme not in SCHEMES:
        what = f"a {scheme}: link" if scheme else "not a link"
        raise OpenError(f"Only http, https and mailto links are opened; that is {what}")
    return url.strip()


def command_for(url: str, platform: str | None = None) -> list[str]:
    """The argument list that opens `url` on `platform` (`sys.platform`)."""
    platform = platform or sys.platform
    if platform == "darwin":
        return ["open", url]
    return ["xdg-open", url]


def launch(argv: list[str]) -> None:
    """Start `argv` detached from the terminal (no shell; its output is dropped)."""
    subprocess.Popen(
        argv,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def open_url(url: str) -> list[str]:
    """Open `url` (http, https or mailto only); return the argument list run. OpenError
    when the link is refused or no opener could be started."""
    url = check_url(url)
    argv = command_for(url)
    try:
        launch(argv)
    except OSError as error:
        raise OpenError(
            f"Could not run {argv[0]!r} to open the link: {error.strerror or error}"
        ) from None
    return argv
