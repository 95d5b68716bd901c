"""`netui --demo` touches nothing outside its temporary folder, removes that folder when the
app exits, and says first (on stderr) how another shell reaches the demo's file.

The app itself is replaced by a stub that does what the demo's prep screen does when a
question is starred (save the question bank in netui's config folder) and records where
things went; `netui.cli.main` runs in this process, with HOME and the XDG folders faked.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from netui import cli
from netui.paths import cache_dir, config_dir, data_dir
from netui.questions import load_bank, save_bank


@pytest.fixture
def fake_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """HOME and the XDG folders in `tmp_path`, temporary files in a folder of their own."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for name, sub in (("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share")):
        monkeypatch.setenv(name, str(home / sub))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.delenv("NETUI_HOME", raising=False)
    monkeypatch.delenv("NETUI_DB", raising=False)
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    return home


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*"))


def test_the_demo_keeps_everything_in_its_folder_and_removes_it(
    fake_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    seen: dict[str, object] = {}

    def app(store, start=None) -> int:
        folder = store.path.parent.parent
        seen["db"] = store.path
        seen["folders"] = [config_dir(), data_dir(), cache_dir()]
        seen["printed"] = capsys.readouterr().err
        bank = load_bank().add("Mine", "What surprised you most this year?", starred=True)
        seen["bank"] = save_bank(bank)  # what starring a question in the prep screen does
        seen["inside"] = sorted(p.relative_to(folder) for p in folder.rglob("*"))
        return 0

    monkeypatch.setattr("netui.ui.app.run", app)
    assert cli.main(["--demo"]) == 0

    db = seen["db"]
    assert isinstance(db, Path) and db.name == "netui.json"
    folder = db.parent.parent
    assert db == folder / "data" / "netui.json"
    assert folder.parent == tmp_path / "tmp" and folder.name.startswith("netui-demo-")
    for where in seen["folders"]:  # type: ignore[attr-defined]
        assert where.is_relative_to(folder), where
    assert seen["bank"] == folder / "config" / "questions.toml"
    assert Path("config/questions.toml") in seen["inside"]  # type: ignore[operator]

    assert not folder.exists()  # removed when the app exited
    assert files_under(fake_home) == []  # nothing in HOME, ~/.config, ~/.local, ~/.cache
    assert files_under(tmp_path / "tmp") == []
    assert "NETUI_HOME" not in os.environ  # (put back as it was)

    printed = seen["printed"]
    assert printed == (
        f"netui: demo network in {db} (removed when the app exits); to use it from another "
        f"shell:\nexport NETUI_DB={db}\n"
    )


def test_the_demo_folder_goes_even_if_the_app_fails(
    fake_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(store, start=None) -> int:
        raise RuntimeError("the app crashed")

    monkeypatch.setattr("netui.ui.app.run", crash)
    with pytest.raises(RuntimeError):
        cli.main(["--demo"])
    assert files_under(tmp_path / "tmp") == []
    assert files_under(fake_home) == []
