"""Cleaning text on its way in (and out to a terminal), and folding it for matching."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netui.text import clean, fold

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


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
