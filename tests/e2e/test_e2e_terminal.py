"""The real program in a real pseudo-terminal, on what a terminal can do to it: signals
(TERM, HUP, QUIT end it like `q`), pastes of any bytes, keys typed ahead of a screen, and
an unexpected crash (a non-zero status)."""

from __future__ import annotations

import json
import signal
import sys
import termios
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from netui.model import Contact, FollowUp
from netui.store import Store
from netui.store.lock import file_lock

pytestmark = pytest.mark.slow


def on_disk(db: Path) -> dict:
    return json.loads(db.read_text(encoding="utf-8"))


def names_on_disk(db: Path) -> list[str]:
    return sorted(c["name"] for c in on_disk(db).get("contacts", {}).values())


def with_ann(db: Path) -> Path:
    """A file holding Ann Lee and one follow-up of hers (due in a week)."""
    store = Store.open(db)
    ann = store.add_contact(Contact(name="Ann Lee", company="Acme"))
    store.add_followup(FollowUp("send the deck", date.today() + timedelta(days=7), ann.id))
    return db


def assert_terminal_restored(output: bytes, modes: list) -> None:
    """What the app printed leaves the terminal as it found it: out of the alternate
    screen, mouse reporting and bracketed paste off (each after it was last turned on),
    cursor shown; and the tty is no longer raw (canonical input and echo are back)."""
    for on, off in [
        (b"\x1b[?1049h", b"\x1b[?1049l"),  # alternate screen
        (b"\x1b[?1000h", b"\x1b[?1000l"),  # mouse buttons
        (b"\x1b[?1003h", b"\x1b[?1003l"),  # mouse motion
        (b"\x1b[?1006h", b"\x1b[?1006l"),  # SGR mouse
        (b"\x1b[?2004h", b"\x1b[?2004l"),  # bracketed paste
    ]:
        assert on in output, f"{on!r} never sent: not the app's terminal"
        assert output.rfind(off) > output.rfind(on), f"{on!r} left on: {output[-300:]!r}"
    assert output.rfind(b"\x1b[?25h") > output.rfind(b"\x1b[?25l"), "cursor left hidden"
    lflag = modes[3]
    assert lflag & termios.ICANON and lflag & termios.ECHO, "the tty was left raw"


# --- signals -------------------------------------------------------------------------------


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT])
def test_a_signal_ends_the_app_like_q_after_the_pending_save(
    run_netui, db: Path, signum: signal.Signals
) -> None:
    """The save in progress when the signal comes (held up by another process's lock)
    finishes; then the terminal is restored and the status is 128 + the signal number."""
    with_ann(db)
    app = run_netui("--db", str(db))
    app.wait_for("1 Contacts · 1")
    with file_lock(db):  # another netui in the middle of a change: the app's save waits
        app.send("a")
        app.wait_for("New contact")
        app.send("Bo Chen")
        app.wait_for("→ contact Bo Chen")
        app.send("\r")
        app.wait_until_gone("New contact")  # the bar is closed: the save has started
        app.child.kill(signum)
        app.pump(0.3)
        assert not app.ended, "the app ended before its save could finish"
    status = app.wait_for_exit(close=False)

    assert (status, app.child.signalstatus) == (128 + signum, None)
    assert names_on_disk(db) == ["Ann Lee", "Bo Chen"]  # the pending save was not lost
    assert_terminal_restored(bytes(app.output), app.tty_modes())


def test_closing_the_terminal_ends_the_app_after_the_pending_save(run_netui, db: Path) -> None:
    """The terminal window closed (the kernel's SIGHUP, and no terminal left to restore)
    with a save held up by another process's lock: the save still lands, status 129."""
    with_ann(db)
    app = run_netui("--db", str(db))
    app.wait_for("1 Contacts · 1")
    with file_lock(db):
        app.send("a")
        app.wait_for("New contact")
        app.send("Bo Chen")
        app.wait_for("→ contact Bo Chen")
        app.send("\r")
        app.wait_until_gone("New contact")
        app.hang_up()
        time.sleep(0.3)
        assert app.child.ptyproc.isalive(), "the app ended before its save could finish"
    assert app.status_after_hang_up() == 128 + signal.SIGHUP
    assert names_on_disk(db) == ["Ann Lee", "Bo Chen"]


# --- pastes ----------------------------------------------------------------------------------


def test_a_paste_that_is_not_utf8_is_kept_with_a_placeholder(run_netui, db: Path) -> None:
    """Latin-1 `é` in a bracketed paste: the app keeps running, the text typed before it
    stays, and the byte becomes U+FFFD."""
    app = run_netui("--db", str(db))
    app.wait_for("1 Contacts · 0")
    app.send("a")
    app.wait_for("New contact")
    app.send("Zoe Roy @ ")
    app.wait_for("no company after '@'")
    app.paste(b"caf\xe9 d\xe9j\xe0 vu")
    app.wait_for("→ contact Zoe Roy, at caf\ufffd d\ufffdj\ufffd vu")
    app.send("\r")
    app.wait_for("1 Contacts · 1")
    app.send("q")
    assert app.wait_for_exit() == 0
    (zoe,) = on_disk(db)["contacts"].values()
    assert (zoe["name"], zoe["company"]) == ("Zoe Roy", "caf\ufffd d\ufffdj\ufffd vu")


def test_control_characters_in_a_paste_never_reach_a_field(run_netui, db: Path) -> None:
    """ESC, C1 controls, DEL and bidi overrides are taken out of a paste (here into a
    form's field, as for every field of the app); the visible text stays."""
    with_ann(db)
    app = run_netui("--db", str(db))
    app.wait_for("1 Contacts · 1")
    app.send("e")
    app.wait_for("Edit contact")
    nasty = "Ann \x1b[2J\x1b]52;c;RVZJTA==\x07Lee\x9b31m\x7f\u202eeviL\u202c"
    app.send(b"\x15")  # ctrl+u: empty the name field first
    app.paste(nasty.encode())
    app.wait_for("Ann Lee31meviL")
    app.send(b"\x13")  # ctrl+s
    app.wait_until_gone("Edit contact")
    app.send("q")
    assert app.wait_for_exit() == 0
    (ann,) = on_disk(db)["contacts"].values()
    assert ann["name"] == "Ann Lee31meviL"  # escape sequences go whole


def test_an_escape_in_a_paste_never_turns_the_rest_into_keys(run_netui, db: Path) -> None:
    """Textual's parser re-issued what followed an ESC in a paste as key presses: on the
    main screen, a pasted `ESC [ x y` deleted the selected contact (x, then y for yes)."""
    with_ann(db)
    app = run_netui("--db", str(db))
    app.wait_for("1 Contacts · 1")
    app.paste(b"\x1b[xy and \x1b[2J more")
    app.send("a")  # a key after the paste: handled once the paste has been
    app.wait_for("New contact")
    assert "Delete" not in app.text
    app.escape()
    app.wait_until_gone("New contact")
    app.send("q")
    assert app.wait_for_exit() == 0
    assert names_on_disk(db) == ["Ann Lee"]


def test_a_multi_line_paste_into_the_bar_says_what_it_left_out(run_netui, db: Path) -> None:
    app = run_netui("--db", str(db))
    app.wait_for("1 Contacts · 0")
    app.send("a")
    app.wait_for("New contact")
    app.paste(b"Zoe Roy @ Acme\r\nBo Chen @ Globex\r\n\r\nCy Ng\r\n")
    app.wait_for("→ contact Zoe Roy, at Acme")
    app.wait_for("2 more pasted lines were left out: Bo Chen @ Globex · Cy Ng")
    app.send("\r")
    app.wait_for("1 Contacts · 1")
    app.send("q")
    assert app.wait_for_exit() == 0
    assert names_on_disk(db) == ["Zoe Roy"]


def test_a_multi_line_paste_into_a_note_joins_the_lines(run_netui, db: Path) -> None:
    with_ann(db)
    app = run_netui("--db", str(db))
    app.wait_for("1 Contacts · 1")
    app.send("n")
    app.wait_for("New note")
    app.paste(b"coffee at Blue Bottle,\ngave me two names:\n  Priya at Acme\n")
    app.wait_for("coffee at Blue Bottle, gave me two names: Priya at Acme")
    assert "left out" not in app.text
    app.send("\r")
    app.wait_for("3 Notes · 1")
    app.send("q")
    assert app.wait_for_exit() == 0
    (note,) = on_disk(db)["notes"].values()
    assert note["text"] == "coffee at Blue Bottle, gave me two names: Priya at Acme"


# --- keys typed ahead ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "title", "line"),
    [
        ("a", "New contact", "quinn"),
        ("f", "New follow-up", "Ann Lee: quinn"),
        ("n", "New note", "Ann Lee: quinn"),
    ],
)
def test_keys_typed_right_after_a_quick_add_key_go_to_the_bar(
    run_netui, db: Path, key: str, title: str, line: str
) -> None:
    """`a` and `quinn` in one write: the bar opens holding "quinn" (the `q` does not
    quit the app from the main screen)."""
    with_ann(db)
    app = run_netui("--db", str(db))
    app.wait_for("1 Contacts · 1")
    app.send(key + "quinn")
    app.wait_for(title)
    app.wait_for(line)
    assert not app.ended
    app.escape()
    app.wait_until_gone(title)
    app.send("q")
    assert app.wait_for_exit() == 0


@pytest.mark.parametrize(
    ("key", "title"), [("e", "Edit contact"), ("m", "Log a meeting with Ann Lee")]
)
def test_keys_typed_right_after_e_or_m_go_to_the_form(
    run_netui, db: Path, key: str, title: str
) -> None:
    """The edit form (opened by a worker) and the meeting log (pushed at once) both get
    what was typed with the key that opened them."""
    with_ann(db)
    app = run_netui("--db", str(db))
    app.wait_for("1 Contacts · 1")
    app.send(key + "quinn")
    app.wait_for(title)
    app.wait_for("quinn")  # in the first field
    assert not app.ended
    app.escape()
    if key == "m":
        app.wait_for("Discard this meeting log?")
        app.send("y")
    app.wait_until_gone(title)
    app.send("q")
    assert app.wait_for_exit() == 0
    assert names_on_disk(db) == ["Ann Lee"]


def test_an_answer_typed_right_after_x_goes_to_the_confirmation(run_netui, db: Path) -> None:
    """`x` then `y` in one burst deletes: the `y` answers the question it follows."""
    with_ann(db)
    Store.open(db).add_contact(Contact(name="Bo Chen"))
    app = run_netui("--db", str(db))
    app.wait_for("1 Contacts · 2")
    app.send("xy")
    app.wait_for("1 Contacts · 1")
    app.send("q")
    assert app.wait_for_exit() == 0
    assert names_on_disk(db) == ["Bo Chen"]


def test_keys_typed_right_after_slash_go_to_the_filter(run_netui, db: Path) -> None:
    with_ann(db)
    app = run_netui("--db", str(db))
    app.wait_for("1 Contacts · 1")
    app.send("/quinn")
    app.wait_for("/quinn")  # the filter's line
    app.wait_for("1 Contacts · 0/1")
    app.escape()
    app.wait_for("Ann Lee")
    app.send("q")
    assert app.wait_for_exit() == 0


def test_a_snooze_choice_typed_right_after_s_goes_to_the_dialog(run_netui, db: Path) -> None:
    """`2` (the follow-ups pane), `s` and `enter` in one burst: snoozed by the first
    choice, +1 day."""
    with_ann(db)
    due = on_disk(db)["followups"]["1"]["due"]
    app = run_netui("--db", str(db))
    app.wait_for("2 Follow-ups · 1")
    app.send("2s\r")  # focus the pane, snooze, take the first choice: one burst
    app.wait_for("Snoozed to")
    app.send("q")
    assert app.wait_for_exit() == 0
    later = date.fromisoformat(on_disk(db)["followups"]["1"]["due"])
    assert later == date.fromisoformat(due) + timedelta(days=1)


def test_keys_typed_before_the_app_is_ready_wait_for_it(run_netui, db: Path) -> None:
    """Typed while the app is still starting: `a` and the name reach the bar."""
    with_ann(db)
    app = run_netui("--db", str(db))
    app.send("aquinn")  # before anything is on screen
    app.wait_for("New contact")
    app.wait_for("quinn")
    app.escape()
    app.wait_until_gone("New contact")
    app.send("q")
    assert app.wait_for_exit() == 0


# --- crashes ---------------------------------------------------------------------------------

CRASHING = """
import sys
import netui.ui.app
from netui.cli import run

netui.ui.app.decode_input_leniently = lambda: None  # Textual's strict decoding back
sys.argv = ["netui", *sys.argv[1:]]
run()
"""


def test_a_crash_in_textuals_input_thread_exits_non_zero(
    run_netui, db: Path, tmp_path: Path
) -> None:
    """Without the lenient decoding, a byte that is not UTF-8 kills Textual's input
    thread, which panics the app without a return code (Textual #4325): netui must still
    say that it failed."""
    script = tmp_path / "crashing_netui.py"
    script.write_text(CRASHING)
    app = run_netui(str(script), "--db", str(db), program=sys.executable)
    app.wait_for("1 Contacts · 0")
    app.paste(b"caf\xe9")
    status = app.wait_for_exit()
    assert status == 1, app.output[-500:]
    assert b"UnicodeDecodeError" in app.output
