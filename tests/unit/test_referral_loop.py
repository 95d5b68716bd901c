"""The referral-loop rule the forms show (`netui.referrals.refuse_loop`), no Textual."""

from __future__ import annotations

import pytest

from netui.errors import QuickAddError
from netui.model import Contact
from netui.referrals import referral_loop, refuse_loop

ANA = Contact("Ana Lopez", id=1, referred_by=2)
PRIYA = Contact("Priya Patel", id=2)
BOB = Contact("Bob Smith", id=3, referred_by=1)
BY_ID = {1: ANA, 2: PRIYA, 3: BOB}


def test_a_two_person_loop_is_refused_naming_both() -> None:
    with pytest.raises(QuickAddError) as refused:
        refuse_loop(2, 1, BY_ID)  # Priya referred by Ana, who was referred by Priya
    assert str(refused.value) == (
        "Ana Lopez was referred by Priya Patel: Priya can't also be referred by Ana"
    )


def test_a_longer_loop_names_each_link() -> None:
    with pytest.raises(QuickAddError) as refused:
        refuse_loop(2, 3, BY_ID)
    assert str(refused.value) == (
        "Bob Smith was referred by Ana Lopez, who was referred by Priya Patel: "
        "Priya can't also be referred by Bob"
    )


def test_no_loop_no_refusal() -> None:
    assert referral_loop(3, 2, BY_ID) == []  # Bob referred by Priya: a chain, no loop
    assert referral_loop(1, None, BY_ID) == []
    refuse_loop(None, 1, BY_ID)  # a new contact can't close a loop


def test_a_loop_already_in_the_data_ends() -> None:
    broken = {1: Contact("A", id=1, referred_by=2), 2: Contact("B", id=2, referred_by=1)}
    assert referral_loop(3, 1, broken) == []


def test_people_of_the_same_first_name_are_named_in_full() -> None:
    one = Contact("Priya Patel", id=1, referred_by=2)
    two = Contact("Priya Shah", id=2)
    with pytest.raises(QuickAddError, match="Priya Shah can't also be referred by Priya Patel"):
        refuse_loop(2, 1, {1: one, 2: two})
