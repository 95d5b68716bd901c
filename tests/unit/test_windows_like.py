"""What Windows lacks (SIGHUP/SIGQUIT/SIGCONT, os.O_DIRECTORY, os.fchmod) stops neither
the app's import nor a save: checked in a Python with them taken away (Windows itself is
not tested here; the README says so). A Python without fcntl is tests/store/test_lock.py's
(there filelock falls back to its soft lock, which Windows' native lock replaces)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path


def test_netui_imports_and_saves_without_what_windows_lacks(tmp_path: Path) -> None:
    program = textwrap.dedent(
        f"""
        import os, signal, sys
        for name in ("SIGHUP", "SIGQUIT", "SIGCONT"):
            delattr(signal, name)
        for name in ("O_DIRECTORY", "fchmod"):
            delattr(os, name)
        import netui.ui.app
        from netui.model import Contact
        from netui.store import Store
        store = Store.open({str(tmp_path / "netui.json")!r})
        store.add_contact(Contact(name="Ann Lee"))
        assert [c.name for c in Store.open(store.path).contacts()] == ["Ann Lee"]
        assert netui.ui.app.EXIT_SIGNALS == (signal.SIGTERM, signal.SIGINT)
        print("ok")
        """
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "ok\n"
