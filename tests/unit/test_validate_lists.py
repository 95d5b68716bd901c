"""Lists typed on one line in the contact form: other emails, phones and links."""

from __future__ import annotations

import pytest

from netui.errors import QuickAddError
from netui.validate import check_email, check_emails, check_list


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ()),
        ("   ", ()),
        (" , ; ,, ;; ", ()),
        ("one", ("one",)),
        ("a, b", ("a", "b")),
        # A separator is a comma or semicolon followed by a space (or the end): one
        # inside an item stays, as in a dialling pause or a web address.
        ("a;b", ("a;b",)),
        ("+1 555 0100,,42, +44 20", ("+1 555 0100,,42", "+44 20")),
        (
            "https://maps.example/?q=1,2, https://x.example",
            ("https://maps.example/?q=1,2", "https://x.example"),
        ),
        ("a ; b , c", ("a", "b", "c")),
        # Spaces are not separators: a phone number has them.
        ("+1 555 0100; +44 20 7946 0000", ("+1 555 0100", "+44 20 7946 0000")),
        ("+1  555\t0100", ("+1 555 0100",)),  # runs of spaces and tabs become one space
        # Empties and repeats are dropped, and the first of each kept in place.
        ("b, a, , b; a, c", ("b", "a", "c")),
        ("x , x; x,;", ("x",)),
        # Each item is cleaned as any one-line field is: no control characters or newlines.
        ("a\x1b[31m, b\nc", ("a [31m", "b", "c")),  # a newline separates
        ("e\u0301", ("\u00e9",)),  # NFC
    ],
)
def test_check_list(text: str, expected: tuple[str, ...]) -> None:
    assert check_list(text) == expected


def test_check_list_repeats_after_cleaning_are_repeats() -> None:
    assert check_list("a  b; a b; a\tb") == ("a b",)


def test_check_emails_reads_a_list_of_addresses() -> None:
    assert check_emails("a@x.example; b@y.example") == ("a@x.example", "b@y.example")
    assert check_emails("a@x.example,b@y.example ,") == ("a@x.example", "b@y.example")
    assert check_emails("") == ()


def test_check_emails_drops_repeats_that_differ_only_in_case() -> None:
    assert check_emails("Ann@X.example, b@y.example, ann@x.example") == (
        "Ann@X.example",
        "b@y.example",
    )


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        ("b@", "b@"),
        ("a@x.example; b@", "b@"),
        ("a@x.example, not an address, c@z.example", "not an address"),
        ("a@x.example, <b@y.example>", "<b@y.example>"),
        ("first@, second@", "first@"),  # the first bad one is named
    ],
)
def test_check_emails_names_the_item_that_is_no_address(text: str, bad: str) -> None:
    with pytest.raises(QuickAddError) as raised:
        check_emails(text)
    assert str(raised.value) == f"'{bad}' is not an email address"


@pytest.mark.parametrize(
    "email", ["a@x.example", "a.b+c@sub.x.example", "x@y", "a@@b.c", "@x.example", "a@x."]
)
def test_each_item_is_checked_as_the_main_email_is(email: str) -> None:
    """One rule for an address, whichever field it is typed in."""
    try:
        main = check_email(email)
    except QuickAddError as error:
        with pytest.raises(QuickAddError) as raised:
            check_emails(f"ok@x.example; {email}")
        assert str(raised.value) == str(error)
    else:
        assert check_emails(f"ok@x.example; {email}") == ("ok@x.example", main)
