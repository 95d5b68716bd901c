"""vCard (`.vcf`) import and export, with vobject doing the parsing and the writing.

Read: versions 3.0 and 4.0 as Apple Contacts, Google Contacts, Nextcloud and
Thunderbird write them, and 2.1 as Android phones still export it (quoted-printable
values with soft line breaks, which vobject can't join by itself, are joined and decoded
first). Folded lines, `item1.` groups with Apple's `X-ABLabel`, `TYPE=` parameters in
any of their spellings (`TYPE=work,pref`, `type=WORK;type=pref`, 2.1's bare `CELL`, 4.0's
`PREF=1`), Google's escaped `https\\://`, and 4.0's `tel:` URIs are understood. Photos,
logos, sounds and keys are dropped before parsing (a phone's export is mostly photos).

What becomes what: FN (else N) -> name; the first ORG component -> company; TITLE
(else ROLE) -> title; the preferred EMAIL and TEL (else the first) -> email and phone,
the rest -> other emails and phones; a URL labelled or typed LinkedIn, or on
linkedin.com (else Apple's X-SOCIALPROFILE for LinkedIn) -> the profile, other URLs ->
other links; NOTE -> how met; CATEGORIES -> tags (spaces become `-`, Google's
`myContacts` system group is dropped). Addresses, birthdays, nicknames, the ORG unit and
the TYPE labels are not kept. A card with no name, or Apple's company card, is skipped.

Write: vCard 3.0, not 4.0. Android's own importer (com.android.vcard) reads 2.1 and 3.0
but not 4.0, Google Contacts and iOS import 3.0 fully, and vobject writes 3.0; 4.0 would
gain nothing netui stores. Each contact is one card: FN and N, ORG, TITLE, EMAIL and TEL
(the main one typed `PREF`), the profile as `item1.URL` labelled `LinkedIn` (as Apple
and Google write it), other links as URL, NOTE, CATEGORIES and a stable UID. Reading
that file back gives every one of those fields back unchanged.
"""

from __future__ import annotations

import quopri
import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

import vobject
from vobject.base import Component, ContentLine, ParseError

from netui.errors import NetuiError
from netui.interchange.keys import number_key
from netui.interchange.plan import Incoming
from netui.interchange.textfile import ReadNotes, read_text
from netui.model import Contact, Network
from netui.text import clean, shown, unique

_BINARY = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})
"""Properties dropped before parsing: pictures and keys netui has no place for."""
_SYSTEM_GROUPS = frozenset({"mycontacts"})
"""Google's group every contact is in; not a tag anyone chose."""
_PROPERTY = re.compile(r"^(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)[;:]")
_LINKEDIN_LABEL = "linkedin"
_SCHEME_ESCAPED = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)\\:(?=//)")


class VCardError(NetuiError, ValueError):
    """A vCard file that can't be read; the message gives the line number."""

    def __init__(self, message: str) -> None:
        # The message quotes the file (its name, the line that is not a vCard's, vobject's
        # complaint): displayable, like every text read from a file.
        super().__init__(shown(message, multiline=False))


# --- reading ------------------------------------------------------------------------------


def read_vcards(path: Path | str, notes: ReadNotes | None = None) -> list[Incoming]:
    """Every card of a `.vcf` file as a person to import, in file order.

    Raises VCardError naming the line for a file that is not vCards (so that nothing
    is imported).
    """
    return parse_vcards(read_text(path, VCardError), Path(path).name)


def parse_vcards(text: str, source: str = "contacts.vcf") -> list[Incoming]:
    """`read_vcards` on text already in memory (`source` names it in errors)."""
    people = []
    for start, lines in _cards(text.removeprefix("\ufeff"), source):
        card_text = "\r\n".join(_prepared(lines)) + "\r\n"
        try:
            card = vobject.readOne(card_text, ignoreUnreadable=False)
        except (ParseError, UnicodeError, ValueError, AttributeError) as error:
            line = start + _offending_line(lines, error)
            reason = str(error).removeprefix(f"At line {getattr(error, 'lineNumber', '')}: ")
            raise VCardError(
                f"{source}, line {line}: can't read this card ({reason[:80]}); nothing imported"
            ) from None
        people.append(_incoming(start, card))
    return people


def _cards(text: str, source: str) -> Iterable[tuple[int, list[str]]]:
    """Each BEGIN:VCARD ... END:VCARD block with the line it starts on."""
    card: list[str] | None = None
    start = 0
    number = 0
    for number, line in enumerate(text.splitlines(), start=1):
        keyword = line.strip().upper()
        if card is None:
            if keyword == "BEGIN:VCARD":
                card, start = [line.strip()], number
            elif keyword:
                raise VCardError(
                    f"{source}, line {number}: expected BEGIN:VCARD, found "
                    f"'{line.strip()[:30]}'; is it a vCard file? Nothing imported"
                )
            continue
        if keyword == "BEGIN:VCARD":
            raise VCardError(
                f"{source}, line {number}: a card starts before the one from line {start} "
                "ends (no END:VCARD); nothing imported"
            )
        card.append(line)
        if keyword == "END:VCARD":
            yield start, card
            card = None
    if card is not None:
        raise VCardError(
            f"{source}, line {start}: the card starting here has no END:VCARD "
            f"(the file ends at line {number}); nothing imported"
        )
    if start == 0:
        raise VCardError(f"{source}: no BEGIN:VCARD; is it a vCard file? Nothing imported")


def _prepared(lines: list[str]) -> list[str]:
    """The card's lines ready for vobject: photos and keys (with their folded lines)
    dropped, blank lines dropped, and 2.1's quoted-printable values decoded."""
    out: list[str] = []
    dropping = False
    for line in lines:
        if not line.strip():
            continue
        if line[0] in " \t":
            if not dropping:
                out.append(line)
            continue
        match = _PROPERTY.match(line)
        dropping = bool(match and match[1].upper() in _BINARY)
        if not dropping:
            out.append(line)
    return _decode_quoted_printable(out)


def _decode_quoted_printable(lines: list[str]) -> list[str]:
    """vCard 2.1 writes non-ASCII text as quoted-printable, breaking long values with a
    trailing `=`: join those, decode them in their CHARSET, and write the value as
    plain 3.0 text (vobject reads only single-line quoted-printable, and not in N)."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        head, colon, value = line.partition(":")
        if not colon or "QUOTED-PRINTABLE" not in head.upper():
            out.append(line)
            continue
        while value.endswith("=") and index < len(lines):
            value = value[:-1] + lines[index].lstrip(" \t")
            index += 1
        params = head.split(";")
        charset = next(
            (p.split("=", 1)[1] for p in params[1:] if p.upper().startswith("CHARSET=")),
            "utf-8",
        )
        try:
            decoded = quopri.decodestring(value.encode("ascii", "replace")).decode(charset)
        except (LookupError, UnicodeDecodeError):
            decoded = quopri.decodestring(value.encode("ascii", "replace")).decode("latin-1")
        kept = [p for p in params if not p.upper().startswith(("ENCODING=", "CHARSET="))]
        kept = [p for p in kept if p.upper() != "QUOTED-PRINTABLE"]
        escaped = decoded.replace("\\", "\\\\").replace("\r\n", "\n").replace("\n", "\\n")
        if kept[0].split(".")[-1].upper() not in ("N", "ADR", "ORG"):
            escaped = escaped.replace(",", "\\,").replace(";", "\\;")
        out.append(";".join(kept) + ":" + escaped)
    return out


def _offending_line(lines: list[str], error: Exception) -> int:
    """Where in the card (0 = its BEGIN line) vobject's complaint is, as far as known."""
    text = str(error).partition("Failed to parse line: ")[2].strip()
    if text:
        for offset, line in enumerate(lines):
            if line.strip() == text:
                return offset
    return 0


def _types(prop: ContentLine) -> set[str]:
    """Every TYPE a property has, however it is spelled, upper case; PREF included."""
    types: set[str] = set()
    for value in prop.params.get("TYPE", []):
        types.update(t.strip().strip('"').upper() for t in value.split(","))
    types.update(p.upper() for p in getattr(prop, "singletonparams", []))
    if prop.params.get("PREF"):
        types.add("PREF")
    return types


def _values(card: Component, name: str) -> list[ContentLine]:
    return list(card.contents.get(name, []))


def _text(value: object) -> str:
    if isinstance(value, list):
        value = ",".join(str(v) for v in value)
    return clean(str(value or ""), multiline=False)


def _preferred_first(props: list[ContentLine]) -> list[ContentLine]:
    return sorted(props, key=lambda p: "PREF" not in _types(p))


def _labels(card: Component) -> dict[str, str]:
    """Apple's `itemN.X-ABLabel` labels by group, folded."""
    return {
        prop.group.lower(): _text(prop.value).strip("_$!<>").casefold()
        for prop in _values(card, "x-ablabel")
        if prop.group
    }


def _name(card: Component) -> str:
    for prop in _values(card, "fn"):
        if name := _text(prop.value):
            return name
    for prop in _values(card, "n"):
        n = prop.value
        if isinstance(n, vobject.vcard.Name):
            parts = [n.prefix, n.given, n.additional, n.family, n.suffix]
            words = [_text(p) for p in parts]
            if name := " ".join(w for w in words if w):
                return name
    return ""


def _phone(value: object) -> str:
    text = _text(value)
    return text[4:] if text.lower().startswith("tel:") else text


def _url(value: object) -> str:
    """The URL, with Google's escaped scheme colon (`https\\://`) mended."""
    return _SCHEME_ESCAPED.sub(r"\1:", _text(value))


def _incoming(line: int, card: Component) -> Incoming:
    show_as = [_text(p.value).upper() for p in _values(card, "x-abshowas")]
    name = _name(card)
    if "COMPANY" in show_as:
        return Incoming(line, Contact(name=name or "?"), skip="a company card, not a person")
    if not name:
        return Incoming(line, Contact(name="?"), skip="no name")
    labels = _labels(card)
    org: object = next((p.value for p in _values(card, "org")), [])
    company = _text(org[0] if isinstance(org, list) and org else org)
    title = next((t for p in _values(card, "title") if (t := _text(p.value))), "")
    title = title or next((t for p in _values(card, "role") if (t := _text(p.value))), "")
    emails = unique(
        (_text(p.value) for p in _preferred_first(_values(card, "email"))), str.casefold
    )
    phones = unique((_phone(p.value) for p in _preferred_first(_values(card, "tel"))), number_key)
    linkedin = ""
    urls = []
    for prop in _preferred_first(_values(card, "url")):
        url = _url(prop.value)
        label = labels.get((prop.group or "").lower(), "")
        is_profile = label == _LINKEDIN_LABEL or "LINKEDIN" in _types(prop)
        if not linkedin and (is_profile or "linkedin.com" in urlsplit(url).netloc.lower()):
            linkedin = url
        elif url:
            urls.append(url)
    if not linkedin:
        for prop in _values(card, "x-socialprofile"):
            url = _url(prop.value)
            if "LINKEDIN" in _types(prop) and url.lower().startswith(("http://", "https://")):
                linkedin = url
                break
    notes = [clean(str(p.value or "")) for p in _values(card, "note")]
    tags: list[str] = []
    for prop in _values(card, "categories"):
        values = prop.value if isinstance(prop.value, list) else [prop.value]
        tags += ["-".join(_text(v).lstrip("#").split()) for v in values]
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
        how_met="\n\n".join(n for n in notes if n),
        tags=tuple(tags),
    )
    return Incoming(line, contact)


# --- writing ------------------------------------------------------------------------------


def contact_card(contact: Contact) -> Component:
    """One contact as a vCard 3.0 component (see the module docstring)."""
    card = vobject.vCard()
    card.add("fn").value = contact.name
    given, _, family = contact.name.rpartition(" ")
    card.add("n").value = vobject.vcard.Name(family=family, given=given)
    if contact.company:
        card.add("org").value = [contact.company]
    if contact.title:
        card.add("title").value = contact.title
    for index, email in enumerate((contact.email, *contact.other_emails)):
        if email:
            prop = card.add("email")
            prop.value = email
            prop.params["TYPE"] = ["INTERNET", "PREF"] if index == 0 else ["INTERNET"]
    for index, phone in enumerate((contact.phone, *contact.other_phones)):
        if phone:
            prop = card.add("tel")
            prop.value = phone
            prop.params["TYPE"] = ["VOICE", "PREF"] if index == 0 else ["VOICE"]
    if contact.linkedin:
        prop = card.add("url")
        prop.value = contact.linkedin
        prop.group = "item1"
        label = card.add("x-ablabel")
        label.value = "LinkedIn"
        label.group = "item1"
    for url in contact.other_urls:
        card.add("url").value = url
    if contact.how_met:
        card.add("note").value = contact.how_met
    if contact.tags:
        card.add("categories").value = list(contact.tags)
    created = contact.created.strftime("%Y%m%dT%H%M%S") if contact.created else "x"
    card.add("uid").value = f"netui-contact-{contact.id}-{created}@netui"
    return card


def export_vcards(network: Network) -> str:
    """Every contact of `network` as vCard 3.0 text (CRLF line ends, lines folded at 75
    octets by vobject)."""
    return "".join(contact_card(contact).serialize() for contact in network.contacts)
