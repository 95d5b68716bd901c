"""A second, independent reading of a vCard file, for checking netui's reader against the
real address books in `../shared/corpus/`: written from RFC 2425/2426/6350 and the vCard
2.1 spec with regular expressions, sharing no code with `netui.interchange`, and reading
only what a card says of the fields netui keeps.

It is deliberately plain: each card is a dict of field -> value in the form the
comparison uses (sets where order does not matter, whitespace collapsed, NFC).
"""

from __future__ import annotations

import base64
import quopri
import re
import unicodedata
from pathlib import Path

_LINE = re.compile(
    r'^(?:(?P<group>[^.;:"]+)\.)?(?P<name>[^.;:"]+)(?P<params>(?:;(?:"[^"]*"|[^;:"])*)*):(?P<value>.*)$',
    re.DOTALL,
)
_PARAM = re.compile(r';((?:"[^"]*"|[^;"])*)')


def norm(text: str) -> str:
    """Whitespace collapsed, NFC, control characters gone: how the comparison sees text."""
    text = "".join(c if c.isprintable() or c in "\n\t" else " " for c in text)
    return " ".join(unicodedata.normalize("NFC", text).split())


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    declared = {m.lower() for m in re.findall(rb'CHARSET="?([A-Za-z0-9_-]+)', data, re.I)}
    declared -= {b"utf-8", b"utf8", b"us-ascii"}
    if len(declared) == 1:
        try:
            return data.decode(next(iter(declared)).decode())
        except (UnicodeDecodeError, LookupError):
            pass
    out = []
    for raw in data.split(b"\n"):
        try:
            out.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(raw.decode("cp1252", "replace"))
    return "\n".join(out)


def _lines(text: str) -> list[str]:
    raw = re.split(r"\r\r\n|\r\n|\n|\r", text)
    out: list[str] = []
    qp = False
    for line in raw:
        if out and qp and out[-1].endswith("="):
            if line.strip() and line.strip().upper() != "END:VCARD":
                out[-1] = out[-1][:-1] + line
                continue
            out[-1] = out[-1][:-1]
        if out and line[:1] in (" ", "\t"):
            out[-1] += line[1:]
            continue
        if out and out[-1].endswith("\\") and line.strip() and ":" not in line:
            out[-1] = out[-1][:-1] + "\n" + line
            continue
        if not line.strip() or line.startswith("#"):
            continue
        out.append(line)
        qp = "QUOTED-PRINTABLE" in line.split(":", 1)[0].upper()
    return out


def _params(text: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for param in _PARAM.findall(text):
        key, eq, value = param.partition("=")
        if not eq:
            key, value = "TYPE", key
            if value.upper() in ("QUOTED-PRINTABLE", "BASE64", "B", "8BIT"):
                key = "ENCODING"
        for piece in re.findall(r'"[^"]*"|[^,]+', value):
            found.setdefault(key.strip().upper(), []).append(piece.strip('"').upper())
    return found


def _value(value: str, params: dict[str, list[str]], v21: bool) -> str:
    encoding = params.get("ENCODING", [])
    charset = (params.get("CHARSET") or ["utf-8"])[0]
    if "QUOTED-PRINTABLE" in encoding or "BASE64" in encoding or "B" in encoding:
        if "QUOTED-PRINTABLE" in encoding:
            data = quopri.decodestring(value.encode())
        else:
            data = base64.b64decode(re.sub(r"\s", "", value) + "==")
        try:
            text = data.decode(charset)
        except (UnicodeDecodeError, LookupError):
            text = "".join(ch if ch != "\ufffd" else "?" for ch in data.decode("utf-8", "replace"))
        return text if v21 else text.replace("\\", "\\\\").replace("\n", "\\n")
    return value


def _unescape(text: str, v21: bool) -> str:
    if v21:
        return text
    return re.sub(r"\\(.)", lambda m: "\n" if m[1] in "nN" else m[1], text)


def _component(text: str, v21: bool) -> str:
    return text.replace("\\;", ";") if v21 else _unescape(text, v21)


def _split(text: str, sep: str) -> list[str]:
    return re.split(r"(?<!\\)" + re.escape(sep), text) if text else [""]


def read(path: Path) -> list[dict[str, object]]:
    """The cards of the file, each as the fields netui keeps (see the module docstring)."""
    cards: list[tuple[int, dict[str, object]]] = []
    stack: list[list[tuple[str, str, dict[str, list[str]], str]]] = []
    begins: list[int] = []
    for number, line in enumerate(_lines(_decode(path.read_bytes()))):
        upper = line.strip().upper()
        if upper == "BEGIN:VCARD":
            stack.append([])
            begins.append(number)
            continue
        if upper == "END:VCARD":
            if stack:
                cards.append((begins.pop(), _card(stack.pop())))
            continue
        if not stack:
            continue
        match = _LINE.match(line)
        if match and re.fullmatch(r"[A-Za-z0-9_/-]+", match["name"].strip()):
            group = (match["group"] or "").lower()
            stack[-1].append(
                (group, match["name"].strip().upper(), _params(match["params"]), match["value"])
            )
    while stack:
        cards.append((begins.pop(), _card(stack.pop())))
    return [card for _, card in sorted(cards, key=lambda pair: pair[0])]


def _card(props: list[tuple[str, str, dict[str, list[str]], str]]) -> dict[str, object]:
    v21 = any(n == "VERSION" and v.strip().startswith("2") for _, n, _, v in props)

    def values(name: str) -> list[tuple[str, dict[str, list[str]], str]]:
        return [(g, p, _value(v, p, v21)) for g, n, p, v in props if n == name]

    def text(name: str) -> list[str]:
        return [norm(_unescape(v, v21)) for _, _, v in values(name)]

    name = next((t for t in text("FN") if t), "")
    if not name:
        for _, _, v in values("N"):
            parts = [norm(_component(p, v21).replace(",", " ")) for p in _split(v, ";")]
            parts += [""] * 5
            family, given, extra, prefix, suffix = parts[:5]
            if name := " ".join(p for p in (prefix, given, extra, family, suffix) if p):
                break
    org = ""
    for _, _, v in values("ORG"):
        if org := norm(_component(_split(v, ";")[0], v21)):
            break
    title = next((t for t in text("TITLE") if t), "") or next((t for t in text("ROLE") if t), "")
    urls = {re.sub(r"^([a-zA-Z]+)\\:", r"\1:", u) for u in text("URL") if u}
    if not any("linkedin.com" in u.lower() for u in urls):
        for _, params, v in values("X-SOCIALPROFILE"):
            url = norm(_unescape(v, v21))
            if "LINKEDIN" in params.get("TYPE", []) and url.lower().startswith("http"):
                urls.add(url)
                break
    phones = {re.sub(r"\D", "", t) or t for t in text("TEL") if t}
    tags: set[str] = set()
    for _, _, v in values("CATEGORIES"):
        for item in _split(v, ","):
            tag = "-".join(norm(_unescape(item, v21)).lstrip("#").split())
            if tag and tag.casefold() != "mycontacts":
                tags.add(tag.casefold())
    company_card = any(t.upper() == "COMPANY" for t in text("X-ABSHOWAS"))
    return {
        "name": name,
        "company": org,
        "title": title,
        "emails": {e.casefold() for e in text("EMAIL") if e},
        "phones": phones,
        "urls": urls,
        "note": norm(" ".join(text("NOTE"))),
        "tags": tags,
        "company_card": company_card,
    }
