"""netui's vCard reader against 156 real address books from other projects' test suites
(`../shared/corpus/vcard/`, not part of this repository: skipped when absent), each card
compared with an independent reading of it (`vcard_reference`, not netui's code and not
vobject): every field netui keeps equal to what the card says, no traceback ever, and
only the files that are not vCards at all refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import vcard_reference as reference

from netui.interchange.textfile import ReadNotes
from netui.interchange.vcard import VCardError, read_vcards
from netui.model import Contact

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "vcard"
FILES = sorted(CORPUS.glob("*.vcf")) if CORPUS.is_dir() else []
REFUSED = {
    # A card's lines with no BEGIN:VCARD at all (evolution-data-server's parser test).
    "eds__tests_libebook_vcard_7.vcf": "line 1: expected BEGIN:VCARD, found 'VERSION:3.0'",
}
"""The only files netui may refuse, each with the words its message must hold."""

pytestmark = pytest.mark.skipif(not FILES, reason=f"no corpus at {CORPUS}")


def as_compared(contact: Contact) -> dict[str, object]:
    """A contact in the reference's terms (sets, whitespace collapsed, case-folded keys)."""
    norm = reference.norm
    return {
        "name": norm(contact.name),
        "company": norm(contact.company),
        "title": norm(contact.title),
        "emails": {e.casefold() for e in (contact.email, *contact.other_emails) if e},
        "phones": {re.sub(r"\D", "", p) or p for p in (contact.phone, *contact.other_phones) if p},
        "urls": {u for u in (contact.linkedin, *contact.other_urls) if u},
        "note": norm(contact.how_met),
        "tags": {t.casefold() for t in contact.tags},
    }


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_card_reads_as_it_says(path: Path) -> None:
    notes = ReadNotes()
    try:
        people = read_vcards(path, notes)
    except VCardError as refused:
        assert path.name in REFUSED, f"refused: {refused}"
        assert REFUSED[path.name] in str(refused)
        return
    assert path.name not in REFUSED
    cards = reference.read(path)
    assert len(people) == len(cards)
    for person, card in zip(people, cards, strict=True):
        if person.skip:
            assert card["company_card"] or not card["name"], (person.line, person.skip)
            continue
        wanted = {key: card[key] for key in as_compared(person.contact)}
        assert as_compared(person.contact) == wanted, f"card at line {person.line}"


def test_the_corpus_is_all_there() -> None:
    assert len(FILES) == 156
