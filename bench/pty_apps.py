"""The programs app_bench.py starts in a pseudo-terminal, each as a whole process.

    python bench/pty_apps.py empty [--hold FILE]
    python bench/pty_apps.py netui --now ISO-DATETIME [NETUI ARGUMENTS...]

`empty` is the baseline: a Textual app with just a Header and a Footer (with `--hold`, it
first reads and parses FILE with orjson and keeps it: an empty app plus the parsed file).

`netui` runs netui's command line as its console script does (`netui.cli.run`), with
netui's clock stopped at ISO-DATETIME (the generated data's "now"), so that what the app
shows (overdue, going cold) is the same on every day the benchmark runs. Nothing else is
changed. If netui's clock can't be stopped, it runs on the real clock and says so on
standard error.
"""

from __future__ import annotations

import sys
from typing import Any


def empty_app() -> type:
    """The baseline's class: a Textual app with just a Header and a Footer (made in a
    function, so that netui's runs do not import Textual before netui does)."""
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header

    class EmptyApp(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Footer()

    return EmptyApp


def run_empty(argv: list[str]) -> int:
    held: Any = None
    if argv[:1] == ["--hold"]:
        from pathlib import Path

        import orjson

        content = Path(argv[1]).read_bytes()
        try:
            held = orjson.loads(content)
        except orjson.JSONDecodeError:  # one document per line
            held = [orjson.loads(line) for line in content.splitlines() if line.strip()]
        del content
    empty_app()().run()
    del held
    return 0


def run_netui(argv: list[str]) -> int:
    from datetime import datetime

    if argv[:1] == ["--now"]:
        moment = datetime.fromisoformat(argv[1])
        argv = argv[2:]
        try:
            import netui.clock

            netui.clock.system_clock = lambda: moment  # before anything imports it
        except (ImportError, AttributeError) as error:
            print(f"pty_apps: netui's clock not stopped ({error})", file=sys.stderr)
    from netui.cli import run

    sys.argv = ["netui", *argv]
    result = run()
    return result if isinstance(result, int) else 0


if __name__ == "__main__":
    which, rest = sys.argv[1], sys.argv[2:]
    sys.exit(run_empty(rest) if which == "empty" else run_netui(rest))
