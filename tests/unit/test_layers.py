"""The layering of DESIGN.md sections 2 and 7, checked rather than hoped for.

Only `netui/ui/` may import Textual, and the command-line tools load nothing heavy at
import time, so that `netui add` costs little more than reading and writing the file.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import netui

PACKAGE = Path(netui.__file__).resolve().parent

PROBE = """
import json, sys
for name in sys.argv[1:]:
    __import__(name)
print(json.dumps(sorted(sys.modules)))
"""


def _modules_after_import(*names: str) -> set[str]:
    """The modules loaded by a fresh interpreter that imports `names`."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *names],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return set(json.loads(result.stdout))


def _heavy(modules: set[str], package: str) -> set[str]:
    return {m for m in modules if m == package or m.startswith(package + ".")}


@pytest.mark.parametrize(
    "module", ["netui.store", "netui.review", "netui.quickadd", "netui.report", "netui.cli"]
)
def test_non_ui_modules_do_not_import_textual(module: str) -> None:
    loaded = _modules_after_import(module)
    assert module in loaded  # the probe really imported it
    assert _heavy(loaded, "textual") == set()


def test_all_non_ui_modules_together_do_not_import_textual() -> None:
    loaded = _modules_after_import("netui.store", "netui.review", "netui.quickadd", "netui.cli")
    assert _heavy(loaded, "textual") == set()


@pytest.mark.parametrize("module", ["netui.cli", "netui.quickadd", "netui.dates"])
def test_dateutil_is_loaded_only_when_a_date_needs_it(module: str) -> None:
    assert _heavy(_modules_after_import(module), "dateutil") == set()


def test_the_probe_can_see_an_import() -> None:
    # If this failed, the tests above would pass for the wrong reason.
    assert "dateutil.parser" in _modules_after_import("dateutil.parser")


def _imports(source: str) -> set[str]:
    """Every module named by an import statement, anywhere in `source` (lazy ones too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _sources_outside_ui() -> list[Path]:
    ui = PACKAGE / "ui"
    return [p for p in sorted(PACKAGE.rglob("*.py")) if ui not in p.parents]


def test_no_source_outside_ui_imports_textual() -> None:
    sources = _sources_outside_ui()
    assert PACKAGE / "cli.py" in sources and PACKAGE / "store" / "store.py" in sources
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(
            name for name in _imports(path.read_text("utf-8")) if name.split(".")[0] == "textual"
        )
        for path in sources
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_no_source_outside_ui_mentions_a_textual_import() -> None:
    # The same check on the raw text, so that an import ast does not see (inside a
    # string handed to exec) is caught too.
    offenders = []
    for path in _sources_outside_ui():
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            code = line.split("#")[0]
            if "import textual" in code or "from textual" in code:
                offenders.append(f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}")
    assert offenders == []


def test_the_scan_would_notice_a_textual_import() -> None:
    assert "textual.app" in _imports("def f():\n    from textual.app import App\n")
    assert "textual" in _imports("import textual")


def test_store_does_not_import_the_services() -> None:
    services = {"netui.review", "netui.report", "netui.quickadd", "netui.cli", "netui.ui"}
    offenders = {}
    for path in sorted((PACKAGE / "store").rglob("*.py")):
        names = {n for n in _imports(path.read_text("utf-8")) if n.startswith("netui.")}
        bad = {n for n in names if any(n == s or n.startswith(s + ".") for s in services)}
        if bad:
            offenders[path.name] = sorted(bad)
    assert offenders == {}
