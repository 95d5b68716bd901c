"""How a person is recognised across files: the profile URL and phone keys of
`netui.identity` (the one rule), and the key a card's own numbers are told apart by."""

from __future__ import annotations

from netui.identity import normalise_url, phone_key

__all__ = ["normalise_url", "number_key", "phone_key"]


def number_key(phone: str) -> str:
    """The key two numbers of one card are compared by: its E.164 form when the number
    says its country, else its digits; the text itself for a number too short to have
    one. (A card's numbers are one person's: a number is only dropped as a repeat when
    it is certainly the same.)"""
    return phone_key(phone) or phone
