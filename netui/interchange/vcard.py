"""vCard (`.vcf`) import and export.

Read: versions 2.1, 3.0 and 4.0 as phones, mail programs and address-book servers write
them (Android, iPhone, Gmail, Outlook, Thunderbird, KDE, Evolution, Nextcloud), with
netui's own tolerant reader (`netui.interchange.contentlines`: why not vobject is said
there). The file's encoding: UTF-8, else the charset its cards declare (Shift_JIS phone
exports), else UTF-8 with each stray byte read as Windows-1252, the lines listed in the
preview. What cannot be read is skipped on its own and listed with its line (a line that
is not a property, a card with no name, a card with no END:VCARD is read to the end); a
file with no card at all is refused.

What becomes what: FN (else N) -> name; the first ORG component -> company; TITLE
(else ROLE) -> title; the preferred EMAIL and TEL (else the first) -> email and phone,
the rest -> other emails and phones; a URL labelled or typed LinkedIn, or on
linkedin.com (else Apple's X-SOCIALPROFILE for LinkedIn) -> the profile, other URLs ->
other links; NOTE -> how met; CATEGORIES -> tags (spaces become `-`, Google's
`myContacts` system group is dropped). Values are whole: commas in FN, TITLE and NOTE are
text, not separators. Each field is cut at `textfile.FIELD_LIMIT` characters (noted). A
number's kind (cell, work, home, fax, pager: from its TYPE or Apple's label) is kept.
Addresses, birthdays, nicknames, photos, the ORG unit and other labels are not kept.
A card with no name, or Apple's company card, is skipped.

Write: vCard 3.0, not 4.0. Android's own importer (com.android.vcard) reads 2.1 and 3.0
but not 4.0, and Google Contacts and iOS import 3.0 fully. Each contact is one card:
FN and N (split as `name_parts` says: "O'Brien, Seán" is family O'Brien), ORG, TITLE,
EMAIL (the main one `PREF`), TEL typed by its kind, `CELL` when none is known (abook and
others drop a number typed only `VOICE`; the main one `PREF`), the profile as `item1.URL`
labelled `LinkedIn` (as Apple and Google write it), other links as URL, NOTE, CATEGORIES
and a stable UID. Reading that file back gives every one of those fields back unchanged.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from netui.errors import NetuiError
from netui.interchange.contentlines import (
    Card,
    Property,
    components,
    decode_file,
    escape,
    fold,
    items,
    read_cards,
    unescape,
)
from netui.interchange.keys import number_key
from netui.interchange.plan import Incoming
from netui.interchange.textfile import ReadNotes, cut, read_bytes
from netui.model import Contact, Network, phone_label
from netui.text import clean, shown, unique

_SYSTEM_GROUPS = frozenset({"mycontacts"})
"""Google's group every contact is in; not a tag anyone chose."""
_LINKEDIN_LABEL = "linkedin"
_SCHEME_ESCAPED = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)\\:(?=//)")


class VCardError(NetuiError, ValueError):
    """A vCard file that can't be read; the message gives the line number."""

    def __init__(self, message: str) -> None:
        # The message quotes the file (its name, a line of it): displayable, like every
        # text read from a file.
        super().__init__(shown(message, multiline=False))


# --- reading ------------------------------------------------------------------------------


def read_vcards(path: Path | str, notes: ReadNotes | None = None) -> list[Incoming]:
    """Every card of a `.vcf` file as a person to import, in file order; `notes` gets
    the encoding used and what was skipped or cut, by line.

    Raises VCardError for a file that holds no card (so that nothing is imported).
    """
    notes = ReadNotes() if notes is None else notes
    text = decode_file(read_bytes(path, VCardError), notes)
    return parse_vcards(text, Path(path).name, notes)


def parse_vcards(
    text: str, source: str = "contacts.vcf", notes: ReadNotes | None = None
) -> list[Incoming]:
    """`read_vcards` on text already in memory (`source` names it in errors)."""
    notes = ReadNotes() if notes is None else notes
    cards, outside = read_cards(text.removeprefix("\ufeff"), notes)
    if not cards:
        if outside:
            number, line = outside[0]
            raise VCardError(
                f"{source}, line {number}: expected BEGIN:VCARD, found "
                f"'{line.strip()[:30]}'; is it a vCard file? Nothing imported"
            )
        raise VCardError(f"{source}: no BEGIN:VCARD; is it a vCard file? Nothing imported")
    for number, line in outside[:5]:
        notes.add(number, f"'{line.strip()[:30]}' is outside any card: skipped")
    if len(outside) > 5:
        notes.add(outside[5][0], f"and {len(outside) - 5} more lines outside any card: skipped")
    return [_incoming(card, notes) for card in cards]


def _text(prop: Property, version: str, notes: ReadNotes) -> str:
    """A one-line TEXT value, unescaped, cleaned and cut to the field limit."""
    return cut(clean(unescape(prop.value, version), multiline=False), prop.line, prop.name, notes)


def _preferred_first(props: list[Property]) -> list[Property]:
    return sorted(props, key=lambda p: "PREF" not in p.types)


def _labels(card: Card) -> dict[str, str]:
    """Apple's `itemN.X-ABLabel` labels by group, folded."""
    return {
        prop.group: unescape(prop.value, card.version).strip().strip("_$!<>").casefold()
        for prop in card.all("X-ABLABEL")
        if prop.group
    }


def _name(card: Card, notes: ReadNotes) -> str:
    for prop in card.all("FN"):
        if name := _text(prop, card.version, notes):
            return name
    for prop in card.all("N"):
        parts = components(prop.value, card.version) + [""] * 5
        family, given, additional, prefix, suffix = (
            " ".join(clean(p, multiline=False).replace(",", " ").split()) for p in parts[:5]
        )
        words = (prefix, given, additional, family, suffix)
        if name := " ".join(w for w in words if w):
            return cut(name, prop.line, "N", notes)
    return ""


def _phone(text: str) -> str:
    return text[4:] if text.lower().startswith("tel:") else text


def _url(text: str) -> str:
    """The URL, with an escaped scheme colon (Google's `https\\://`, 2.1) mended."""
    return _SCHEME_ESCAPED.sub(r"\1:", text)


_TEL_TYPES = {"CELL": "cell", "WORK": "work", "HOME": "home", "FAX": "fax", "PAGER": "pager"}
_TEL_LABELS = {"mobile": "cell", "iphone": "cell", "cell": "cell", "work": "work",
               "home": "home", "pager": "pager", "home fax": "fax", "work fax": "fax"}  # fmt: skip
_LABEL_TYPES = {"cell": "CELL,VOICE", "work": "WORK,VOICE", "home": "HOME,VOICE",
                "fax": "FAX", "pager": "PAGER"}  # fmt: skip
"""What TYPE netui writes for each kind of number: abook and others drop a number
typed only VOICE."""


def _phone_label(prop: Property, apple_label: str) -> str:
    """The kind of number a TEL is ("cell", "work", ...) or "" when the card doesn't say
    (Apple's `X-ABLabel` first, then the TYPEs; a work cell is a cell, a work fax a fax)."""
    if label := _TEL_LABELS.get(apple_label):
        return label
    types = prop.types
    for kind in ("FAX", "PAGER", "CELL", "WORK", "HOME"):
        if kind in types:
            return _TEL_TYPES[kind]
    return ""


def _incoming(card: Card, notes: ReadNotes) -> Incoming:
    version = card.version
    show_as = [unescape(p.value, version).strip().upper() for p in card.all("X-ABSHOWAS")]
    name = _name(card, notes)
    if "COMPANY" in show_as:
        return Incoming(card.line, Contact(name=name or "?"), skip="a company card, not a person")
    if not name:
        return Incoming(card.line, Contact(name="?"), skip="no name")

    def text(prop: Property) -> str:
        return _text(prop, version, notes)

    labels = _labels(card)
    company = ""
    for prop in card.all("ORG"):
        first = components(prop.value, version)[0]
        if company := cut(clean(first, multiline=False), prop.line, "ORG", notes):
            break
    title = next((t for p in card.all("TITLE") if (t := text(p))), "")
    title = title or next((t for p in card.all("ROLE") if (t := text(p))), "")
    emails = unique((text(p) for p in _preferred_first(card.all("EMAIL"))), str.casefold)
    tels = [(_phone(text(p)), p) for p in _preferred_first(card.all("TEL"))]
    phones = [number for number, _ in tels]
    if len(phones) > 1:  # (telling numbers apart costs 0.1 ms each: only when there are two)
        phones = unique(phones, number_key)
    phone_labels: dict[str, str] = {}
    for number, prop in tels:
        if number and (label := _phone_label(prop, labels.get(prop.group, ""))):
            phone_labels.setdefault(number, label)
    linkedin = ""
    urls = []
    for prop in _preferred_first(card.all("URL")):
        url = _url(text(prop))
        is_profile = labels.get(prop.group) == _LINKEDIN_LABEL or "LINKEDIN" in prop.types
        if not linkedin and (is_profile or "linkedin.com" in urlsplit(url).netloc.lower()):
            linkedin = url
        elif url:
            urls.append(url)
    if not linkedin:
        for prop in card.all("X-SOCIALPROFILE"):
            url = _url(text(prop))
            if "LINKEDIN" in prop.types and url.lower().startswith(("http://", "https://")):
                linkedin = url
                break
    notes_text = [
        cut(clean(unescape(p.value, version)), p.line, "NOTE", notes) for p in card.all("NOTE")
    ]
    tags: list[str] = []
    for prop in card.all("CATEGORIES"):
        for item in items(prop.value, version):
            tags.append("-".join(clean(item, multiline=False).lstrip("#").split()))
    tags = [t for t in unique(tags, str.casefold) if t.casefold() not in _SYSTEM_GROUPS]
    contact = Contact(
        name=name,
        company=company,
        title=title,
        email=emails[0] if emails else "",
        other_emails=tuple(emails[1:]),
        phone=phones[0] if phones else "",
        other_phones=tuple(phones[1:]),
        linkedin=linkedin,
        other_urls=tuple(unique(u for u in urls if u != linkedin)),
        phone_labels=tuple(phone_labels.items()),
        how_met=cut("\n\n".join(n for n in notes_text if n), card.line, "NOTE", notes),
        tags=tuple(tags),
    )
    return Incoming(card.line, contact)


# --- writing ------------------------------------------------------------------------------

_PREFIXES = frozenset({"dr", "mr", "mrs", "ms", "mx", "miss", "prof", "sir", "dame", "rev"})
_SUFFIXES = frozenset(
    {"jr", "sr", "ii", "iii", "iv", "v", "phd", "md", "mba", "esq", "dds", "cpa", "pe", "rn"}
)
_PARTICLES = frozenset(
    {"van", "von", "de", "da", "del", "della", "der", "den", "di", "du", "dos", "das", "la",
     "le", "ter", "ten", "bin", "ibn", "al", "el", "st", "y"}
)  # fmt: skip


def _bare(word: str) -> str:
    return word.strip(".,").casefold()


def name_parts(name: str) -> tuple[str, str, str, str, str]:
    """A display name as vCard's N: (family, given, additional, prefix, suffix).

    "O'Brien, Seán" is written family first (a comma after the first words that is not
    before a suffix); "Dr. Ana María de la Cruz Jr." has prefix Dr., given Ana,
    additional María, family "de la Cruz" (lower-case particles go with the family name)
    and suffix Jr.; a single word is a given name.
    """
    words = name.split()
    prefix = suffix = ""
    if words and _bare(words[0]) in _PREFIXES and len(words) > 1:
        prefix, words = words[0], words[1:]
    if len(words) > 1 and _bare(words[-1]) in _SUFFIXES:
        suffix, words = words[-1], words[:-1]
        words[-1] = words[-1].rstrip(",")
    text = " ".join(words)
    if "," in text:
        family, _, given_text = text.partition(",")
        given_words = given_text.split()
        given = given_words[0] if given_words else ""
        return family.strip(), given, " ".join(given_words[1:]), prefix, suffix
    if len(words) <= 1:
        return "", text, "", prefix, suffix
    start = len(words) - 1
    while start > 1 and words[start - 1].islower() and _bare(words[start - 1]) in _PARTICLES:
        start -= 1
    return " ".join(words[start:]), words[0], " ".join(words[1:start]), prefix, suffix


def _e(value: str, *, multiline: bool = False) -> str:
    """A field as TEXT: cleaned of control characters, then escaped."""
    return escape(clean(value, multiline=multiline))


def contact_card(contact: Contact) -> str:
    """One contact as a vCard 3.0 card, folded, CRLF line ends (see the module docstring)."""
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{_e(contact.name)}"]
    lines.append("N:" + ";".join(_e(part) for part in name_parts(clean(contact.name))))
    if contact.company:
        lines.append(f"ORG:{_e(contact.company)}")
    if contact.title:
        lines.append(f"TITLE:{_e(contact.title)}")
    for index, email in enumerate(unique((contact.email, *contact.other_emails))):
        pref = ",PREF" if index == 0 and email == contact.email else ""
        lines.append(f"EMAIL;TYPE=INTERNET{pref}:{_e(email)}")
    for index, phone in enumerate(unique((contact.phone, *contact.other_phones))):
        pref = ",PREF" if index == 0 and phone == contact.phone else ""
        types = _LABEL_TYPES[phone_label(contact.phone_labels, phone)]
        lines.append(f"TEL;TYPE={types}{pref}:{_e(phone)}")
    if contact.linkedin:
        lines.append(f"item1.URL:{_e(contact.linkedin)}")
        lines.append("item1.X-ABLabel:LinkedIn")
    lines.extend(f"URL:{_e(url)}" for url in contact.other_urls if url)
    if contact.how_met:
        lines.append(f"NOTE:{_e(contact.how_met, multiline=True)}")
    if tags := [t for t in contact.tags if t]:
        lines.append("CATEGORIES:" + ",".join(_e(t) for t in tags))
    created = contact.created.strftime("%Y%m%dT%H%M%S") if contact.created else "x"
    lines.append(f"UID:netui-contact-{contact.id}-{created}@netui")
    lines.append("END:VCARD")
    return "".join(map(fold, lines))


def export_vcards(network: Network) -> str:
    """Every contact of `network` as vCard 3.0 text (CRLF line ends, lines folded at 75
    octets)."""
    return "".join(contact_card(contact) for contact in network.contacts)
