"""tools/screenshots.py: every README screenshot is taken from the demo into a folder
of the test's, shows the screen it should, with its words, and no error; a shot whose
keys go astray (the notes typed into the meeting log's Date field, as the README's
picture once showed) fails loudly and saves nothing."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

TOOL = Path(__file__).resolve().parents[2] / "tools" / "screenshots.py"


def load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("netui_screenshots", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


shots = load_tool()


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    from textual.widgets import Input, TextArea

    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)


@pytest.fixture(scope="module")
def taken(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Every shot, taken once into a folder of this module's: name -> the SVG's text."""
    out = tmp_path_factory.mktemp("screenshots")
    assert shots.main(["--out", str(out)]) == 0
    return {path.stem: shots.svg_text(path.read_text("utf-8")) for path in out.glob("*.svg")}


def test_every_shot_is_taken_into_the_folder_given(taken: dict[str, str]) -> None:
    assert sorted(taken) == sorted(shot.name for shot in shots.SHOTS)
    # Every picture the README shows comes from a shot.
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")
    shown = set(re.findall(r"assets/screenshots/(\w+)\.svg", readme))
    assert shown == set(taken)


@pytest.mark.parametrize("shot", shots.SHOTS, ids=lambda shot: shot.name)
def test_each_svg_shows_its_words_and_no_problem(taken: dict[str, str], shot) -> None:
    text = taken[shot.name]
    for words in shot.expect:
        assert words in text, (shot.name, words)
    assert "⚠" not in text, text
    # The demo's file at its fixed path, never the user's own.
    if shot.screen == "MainScreen":
        assert "/tmp/netui-demo/netui.json" in text


def test_the_meeting_log_has_the_notes_in_the_notes_field(taken: dict[str, str]) -> None:
    lines = taken["meeting_log"].splitlines()
    notes = lines.index(next(line for line in lines if "Notes" in line))
    typed = next(i for i, line in enumerate(lines) if shots.MEETING_NOTES in line)
    assert typed > notes  # below the Notes label, not in the Date field above it
    date_line = next(line for line in lines if "today" in line)
    assert shots.MEETING_NOTES not in date_line
    assert "date:" not in taken["meeting_log"].lower()
    assert "→ Wed 25 Nov" in taken["meeting_log"]  # the Date field still reads today


def test_the_review_and_referral_shots(taken: dict[str, str]) -> None:
    review = taken["review"]
    assert "Leads not contacted yet" in review and "via " in review
    assert "week of Mon 5 Oct" in review and "this week" in review
    referrals = taken["referrals"]
    companies = next(line for line in referrals.splitlines() if "Companies reached (" in line)
    assert not companies.rstrip().endswith(",")


async def test_notes_typed_into_the_date_field_fail_loudly(tmp_path: Path) -> None:
    astray = shots.Shot(
        "meeting_log",
        ("m", "screen:MeetingLogScreen", "focus:#date", f"type:{shots.MEETING_NOTES}"),
        "MeetingLogScreen",
        (shots.MEETING_NOTES,),
    )
    with pytest.raises(shots.ShotError, match=r"meeting_log: a problem is showing: .*date"):
        await shots.shoot(astray, tmp_path)
    assert not list(tmp_path.iterdir())


async def test_keys_that_expect_another_field_fail_loudly(tmp_path: Path) -> None:
    astray = shots.Shot(
        "meeting_log",
        ("m", "screen:MeetingLogScreen", "focused:#date"),
        "MeetingLogScreen",
    )
    with pytest.raises(shots.ShotError, match="the keys go to #notes, not #date"):
        await shots.shoot(astray, tmp_path)
    assert not list(tmp_path.iterdir())


async def test_another_screen_on_top_fails_loudly(tmp_path: Path) -> None:
    astray = shots.Shot("review", ("x",), "ReviewScreen")
    with pytest.raises(shots.ShotError, match="is on top, not ReviewScreen"):
        await shots.shoot(astray, tmp_path)
    assert not list(tmp_path.iterdir())


def test_an_unknown_shot_name_is_refused(tmp_path: Path, capsys) -> None:
    assert shots.main(["--out", str(tmp_path), "nosuch"]) == 1
    assert "no such shot: nosuch" in capsys.readouterr().err
