"""Cleaning text on its way in (and out to a terminal), and folding it for matching."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netui.text import clean, fold, shown

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
UNSAFE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("plain", "plain"),
        ("\x1b]52;c;aGVsbG8=\x07x", "]52;c;aGVsbG8=x"),  # OSC 52 (clipboard) escape
        ("\x1b[31mred\x1b[0m", "[31mred[0m"),
        ("\x9b31mC1", "31mC1"),  # the one-byte CSI
        ("nul\x00byte", "nulbyte"),
        ("del\x7f", "del"),
        ("bell\x07", "bell"),
        ("a\ud800b", "ab"),  # a lone surrogate would make every later save fail
        ("\udcff", ""),
        ("safe\u202eevil", "safeevil"),  # bidi override
        ("\u2066isolate\u2069", "isolate"),
        ("two\nlines", "two\nlines"),
        ("tab\there", "tab\there"),
        ("windows\r\nline", "windows\nline"),
        ("old mac\rline", "old mac\nline"),
        ("e\u0301", "\u00e9"),  # NFC
        ("e\x00\u0301", "\u00e9"),  # NFC also after a removal
        ("[/] [b]x [link='https://evil']x[/link]", "[/] [b]x [link='https://evil']x[/link]"),
        ("👩\u200d💻 Zoë 名前 שלום 🇫🇷", "👩\u200d💻 Zoë 名前 שלום 🇫🇷"),  # ZWJ, RTL, flags kept
    ],
)
def test_clean(raw: str, expected: str) -> None:
    assert clean(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Jane \n Doe\t ", "Jane Doe"),
        ("a\r\nb", "a b"),
        ("Eve\x1b[31mRed", "Eve [31mRed"),
        ("a\ud800b", "a b"),
        ("x\u2028y", "x y"),  # a Unicode line separator is a line break too
        ("e\x00\u0301", "e \u0301"),
        ("\x00\x1b\ud800", ""),
    ],
)
def test_clean_single_line(raw: str, expected: str) -> None:
    assert clean(raw, multiline=False) == expected


@given(st.text(), st.booleans())
def test_clean_is_safe_idempotent_and_nfc(raw: str, multiline: bool) -> None:
    once = clean(raw, multiline=multiline)
    assert not UNSAFE.search(once)
    once.encode("utf-8")
    assert unicodedata.is_normalized("NFC", once)
    assert clean(once, multiline=multiline) == once
    if not multiline:
        assert once == once.strip()
        assert "\n" not in once and "\t" not in once and "  " not in once


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Zoë", "zoe"),
        ("ZOË ÅBERG", "zoe aberg"),
        ("Zoe\u0308", "zoe"),  # decomposed accent
        ("José", "JOSE"),
        ("Straße", "strasse"),
        ("ﬁnance", "finance"),  # ligature
        ("𝐉𝐚𝐧𝐞", "jane"),  # mathematical bold capitals fold to small letters
        ("ℌelen", "helen"),
    ],
)
def test_fold_ignores_case_and_accents(a: str, b: str) -> None:
    assert fold(a) == fold(b)


def test_fold_keeps_different_letters_apart() -> None:
    assert fold("Jan") != fold("Jon")
    assert fold("名前") == "名前"


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


# --- shown: text from the data made displayable ---------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("plain", "plain"),
        ("X\x1b]52;c;RVZJTA==\x1b\\", "X␛]52;c;RVZJTA==␛\\"),  # OSC 52: the clipboard
        ("\x1b]8;;https://evil/\x1b\\link", "␛]8;;https://evil/␛\\link"),  # OSC 8 link
        ("\x1b[2J\x1bc", "␛[2J␛c"),  # clear the screen, reset the terminal
        ("nul\x00 bell\x07 bs\x08", "nul␀ bell␇ bs␈"),  # C0: the control pictures
        ("\x01\x1f", "␁␟"),
        ("del\x7f", "del␡"),
        ("\x9b31m \x9d0;t\x9c \x80\x85", "\ufffd31m \ufffd0;t\ufffd \ufffd\ufffd"),  # C1
        ("safe\u202eevil", "safe\ufffdevil"),  # RLO
        ("\u202a\u202b\u202c\u202d", "\ufffd" * 4),  # embeddings, PDF, LRO
        ("\u2066isolate\u2069 \u2067\u2068", "\ufffdisolate\ufffd \ufffd\ufffd"),
        ("a\ud800b\udfff", "a\ufffdb\ufffd"),  # lone surrogates
        ("two\nlines\ttab", "two\nlines\ttab"),  # kept in multi-line text
        ("windows\r\nline\rold mac", "windows\nline\nold mac"),
        (
            "e\u0301 [b]x[/] 👩\u200d💻 名前 שלום \u00a0 \u200f",
            "e\u0301 [b]x[/] 👩\u200d💻 名前 שלום \u00a0 \u200f",
        ),
        ("\u2028\u2029\ufeff\u00ad", "\u2028\u2029\ufeff\u00ad"),  # not controls: kept
    ],
)
def test_shown(raw: str, expected: str) -> None:
    assert shown(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Ann\x1b[31m Lee", "Ann␛[31m Lee"),
        ("two\nlines\ttab\r\n", "two lines tab  "),  # whitespace: spaces, not collapsed
        ("\x00\x7f\x9b\u202e\ud800", "␀␡\ufffd\ufffd\ufffd"),
    ],
)
def test_shown_single_line(raw: str, expected: str) -> None:
    assert shown(raw, multiline=False) == expected


def test_shown_returns_safe_text_itself() -> None:
    """The fast path: nothing to change, nothing copied."""
    for text in ("Jane Doe", "Zoë Åberg 名前", "line one\nline two\ttab", ""):
        assert shown(text) is text
    name = "Priya Patel"
    assert shown(name, multiline=False) is name


HOSTILE_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(),
        st.sampled_from("\x00\x07\x1b\x7f\x85\x9b\u202e\u2066\r\n\t ]["),
        st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),  # lone surrogates
    )
)
"""Any text, with the characters `shown` is about (and lone surrogates) often in it."""


@given(HOSTILE_TEXT, st.booleans())
def test_shown_is_safe_and_keeps_everything_else(raw: str, multiline: bool) -> None:
    out = shown(raw, multiline=multiline)
    assert not (UNSAFE if multiline else UNSAFE_LINE).search(out)
    if multiline:
        assert "\r" not in out
    out.encode("utf-8")  # no lone surrogate left
    assert shown(out, multiline=multiline) == out
    # Nothing but the unsafe characters changes: one for one, in place.
    flat = raw.replace("\r\n", "\n") if multiline else raw
    assert len(out) == len(flat)
    for before, after in zip(flat, out, strict=True):
        unsafe = (UNSAFE if multiline else UNSAFE_LINE).match(before) or before == "\r"
        assert after == before or unsafe


@given(HOSTILE_TEXT, st.booleans())
def test_shown_matches_a_plain_definition(raw: str, multiline: bool) -> None:
    """The fast paths (isprintable, the UTF-8 byte check) agree with a character-by-character
    definition."""

    def picture(ch: str) -> str:
        code = ord(ch)
        if multiline and ch in "\n\t":
            return ch
        if not multiline and ch in "\n\t\r":
            return " "
        if code < 0x20:
            return chr(0x2400 + code)
        if code == 0x7F:
            return "\u2421"
        if (
            0x80 <= code <= 0x9F
            or 0x202A <= code <= 0x202E
            or 0x2066 <= code <= 0x2069
            or 0xD800 <= code <= 0xDFFF
        ):
            return "\ufffd"
        return ch

    text = raw.replace("\r\n", "\n").replace("\r", "\n") if multiline else raw
    assert shown(raw, multiline=multiline) == "".join(map(picture, text))
