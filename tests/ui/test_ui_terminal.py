"""What comes from the terminal: several pasted lines into the one-line quick-add bar (a
note joins them, a contact or follow-up keeps the first and says what was left out),
control characters taken out of every paste, any field's paste joined rather than cut,
keys arriving in a burst before the screen they open is ready, the decoder that turns
the terminal's bytes into text, and the exit status after a crash.

The real terminal (bytes in a pseudo-terminal, signals) is in tests/e2e/test_e2e_terminal.py.
"""

from __future__ import annotations

import random
from pathlib import Path

from netkit import read_db, settle, wait_for_generation, wait_for_screen, wait_until
from textual import events
from textual.widgets import Input, Static

from netui.ui.app import exit_code
from netui.ui.dialogs.forms import ContactForm
from netui.ui.dialogs.quick_add import QuickAddScreen, describe_left_out
from netui.ui.terminal import (
    PASTE_END,
    PASTE_START,
    TerminalDecoder,
    resume_only_after_suspend,
)


def line(app) -> Input:
    return app.screen.query_one("#line", Input)


def left_out(app) -> Static:
    return app.screen.query_one("#left-out", Static)


async def paste(pilot, text: str) -> None:
    pilot.app.post_message(events.Paste(text))
    await settle(pilot)


async def open_bar(pilot, key: str) -> QuickAddScreen:
    await settle(pilot)
    await pilot.press(key)
    return await wait_for_screen(pilot, QuickAddScreen)


async def test_a_contact_keeps_the_first_pasted_line_and_says_what_was_left_out(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_bar(pilot, "a")
        await paste(pilot, "\n  Ann Lee @ Foo  \r\nBo Chen @ Bar\n\nCy Ng\n")
        assert line(app).value == "Ann Lee @ Foo"
        assert left_out(app).display
        assert str(left_out(app).render()) == (
            "⚠ 2 more pasted lines were left out: Bo Chen @ Bar · Cy Ng"
        )
        await paste(pilot, " (Designer)")  # one line: nothing left out any more
        assert line(app).value == "Ann Lee @ Foo (Designer)"
        assert not left_out(app).display


async def test_a_follow_up_keeps_the_first_pasted_line(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_bar(pilot, "f")
        before = line(app).value  # the selected contact's name, prefilled
        await paste(pilot, "send the deck friday\nand the portfolio")
        assert line(app).value == before + "send the deck friday"
        assert "1 more pasted line was left out: and the portfolio" in str(left_out(app).render())


async def test_a_note_joins_the_pasted_lines(app, db: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_bar(pilot, "n")
        before = line(app).value
        await paste(pilot, "coffee at Blue Bottle,\r\n\tgave me\n\ntwo names\n")
        assert line(app).value == before + "coffee at Blue Bottle, gave me two names"
        assert not left_out(app).display
        generation = app.store.generation
        await pilot.press("enter")
        await wait_for_generation(pilot, generation)
        texts = [n["text"] for n in read_db(db)["notes"].values()]
        assert "coffee at Blue Bottle, gave me two names" in texts


async def test_control_characters_are_taken_out_of_a_paste(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_bar(pilot, "a")
        await paste(pilot, "Ann\x1b[2J \x07Lee\x9b\x7f \u202egnp.exe\u202c\u2066x\u2069")
        assert line(app).value == "Ann[2J Lee gnp.exex"


async def test_a_paste_into_any_one_line_field_keeps_every_line(app) -> None:
    """A form's field is a plain Input: Textual keeps the first line of a paste; the app
    joins them, so nothing pasted disappears without a word."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await wait_for_screen(pilot, ContactForm)
        name = app.screen.query_one("#name", Input)
        await wait_until_focused(pilot, name)
        name.value = ""
        await paste(pilot, "Jane\nQ.\x1b\nDoe\n")
        assert name.value == "Jane Q. Doe"


async def wait_until_focused(pilot, widget) -> None:
    await wait_until(pilot, lambda: widget.has_focus)


def burst(app, keys: str) -> None:
    """Keys arriving together, as from one write to the terminal: all of them are in
    the app's queue before the first is handled."""
    for character in keys:
        app.post_message(events.Key("space" if character == " " else character, character))


async def test_keys_in_a_burst_go_to_the_bar_the_first_one_opens(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        burst(app, "aquinn")
        await wait_for_screen(pilot, QuickAddScreen)
        await wait_until(pilot, lambda: line(app).value == "quinn")
        assert app.is_running


async def test_an_answer_in_the_same_burst_goes_to_the_confirmation(app, db: Path) -> None:
    """`x` opens the confirmation from a worker; the `y` right behind it answers it."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        generation = app.store.generation
        burst(app, "xy")
        await wait_for_generation(pilot, generation)
        assert len(read_db(db)["contacts"]) == 5


async def test_keys_wait_while_a_dialog_saves_what_it_returned(app, db: Path) -> None:
    """`a`, a name, enter, then `a` again at once: the second bar opens after the first
    save (not cancelling it), and gets what follows."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        burst(app, "aAnn Lee")
        app.post_message(events.Key("enter", "\r"))
        burst(app, "aBo Chen")
        app.post_message(events.Key("enter", "\r"))
        await wait_until(pilot, lambda: len(read_db(db)["contacts"]) == 8)
        names = {c["name"] for c in read_db(db)["contacts"].values()}
        assert {"Ann Lee", "Bo Chen"} <= names


def test_describe_left_out_shortens_a_long_list() -> None:
    assert describe_left_out([]) == ""
    text = describe_left_out(["x" * 100])
    assert text.startswith("⚠ 1 more pasted line was left out: xxx")
    assert text.endswith("…") and len(text) < 100


async def test_a_crash_is_a_non_zero_exit_status(app) -> None:
    """Textual's input thread ends the app with `panic`, which sets no return code."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.panic("boom")
    assert app.return_code in (None, 0)  # what Textual itself reports
    assert exit_code(app) == 1


async def test_quitting_is_a_zero_exit_status(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("q")
    assert exit_code(app) == 0


# --- the terminal's bytes --------------------------------------------------------------------


def decode(*reads: bytes) -> str:
    decoder = TerminalDecoder()
    return "".join(decoder.decode(data) for data in reads) + decoder.decode(b"", final=True)


def test_bytes_that_are_not_utf8_become_replacement_characters() -> None:
    assert decode(b"caf\xe9 \xff\xfe ok") == "caf\ufffd \ufffd\ufffd ok"


def test_a_character_split_across_two_reads_still_decodes() -> None:
    data = "é€😀".encode()
    for cut in range(1, len(data)):
        assert decode(data[:cut], data[cut:]) == "é€😀"


def test_an_escape_outside_a_paste_goes_on_at_once() -> None:
    """The escape key and escape sequences (arrows, mouse) are the parser's: nothing
    is held back, or the escape key would wait for the next key."""
    decoder = TerminalDecoder()
    assert decoder.decode(b"\x1b") == "\x1b"
    assert decoder.decode(b"[A\x1b[<0;3;4M") == "[A\x1b[<0;3;4M"


def test_only_the_end_marker_keeps_its_escape_inside_a_paste() -> None:
    data = b"x" + PASTE_START.encode() + b"a\x1b[2Jb\x1b\x1b]52;c;RVZJTA==\x07" + PASTE_END.encode()
    assert decode(data + b"\x1b[A") == ("x" + PASTE_START + "ab" + PASTE_END + "\x1b[A")


def test_markers_split_anywhere_across_reads_give_the_same_text() -> None:
    data = (
        b"k\x1b[B"
        + PASTE_START.encode()
        + "Ann \x1b[2J caf\xe9 \x1b[20".encode("latin-1")
        + b"1 \x1b[201"
        + PASTE_END.encode()
        + b"\x1b"
        + PASTE_START.encode()
        + PASTE_END.encode()
        + b"q"
    )
    whole = decode(data)
    assert whole == (
        "k\x1b[B" + PASTE_START + "Ann  caf\ufffd 201 201" + PASTE_END + "\x1b"
        f"{PASTE_START}{PASTE_END}q"
    )
    rng = random.Random(9)
    for _ in range(500):
        cuts = sorted(rng.sample(range(1, len(data)), rng.randint(1, 10)))
        reads = [data[i:j] for i, j in zip([0, *cuts], [*cuts, len(data)], strict=True)]
        assert decode(*reads) == whole, reads


def test_sigcont_resumes_the_terminal_only_after_a_suspend() -> None:
    """Closing the terminal sends SIGHUP then SIGCONT: Textual's driver would resume
    application mode on the dead terminal and hang the exit."""
    import os
    import signal

    class Driver:
        _must_signal_resume = False
        resumed = 0

        def _sigcont_application(self, *_: object) -> None:
            self.resumed += 1

    driver = Driver()
    before = signal.getsignal(signal.SIGCONT)
    try:
        resume_only_after_suspend(driver)
        os.kill(os.getpid(), signal.SIGCONT)  # as after a hang-up: nothing to resume
        assert driver.resumed == 0
        driver._must_signal_resume = True  # as after ctrl+z
        os.kill(os.getpid(), signal.SIGCONT)
        assert driver.resumed == 1
    finally:
        signal.signal(signal.SIGCONT, before)


def test_escape_sequences_in_a_paste_go_whole() -> None:
    """Not just their ESC: `[31m` would be left in the field as text."""
    pasted = (
        "a \x1b[31mred\x1b[0m b \x1b]52;c;RVZJTA==\x07c \x1b]8;;https://x\x1b\\link\x1b]8;;\x1b\\"
    )
    assert decode(PASTE_START.encode() + pasted.encode() + PASTE_END.encode()) == (
        f"{PASTE_START}a red b c link{PASTE_END}"
    )
