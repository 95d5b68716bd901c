"""How a person is recognised across files: by profile URL and by phone number.

(Names are matched by `netui.text.name_key`, addresses by their case-folded text.)
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_DIGITS = re.compile(r"\d")


def normalise_url(url: str) -> str:
    """The key a profile URL is matched by ("" for no URL): lower case, https, no `www.`,
    no query string, fragment or trailing slash."""
    url = url.strip().lower()
    if not url:
        return ""
    if "://" not in url:
        url = "https://" + url
    parts = urlsplit(url)
    host = parts.netloc.removeprefix("www.")
    path = parts.path.rstrip("/")
    return f"https://{host}{path}"


def phone_key(phone: str) -> str:
    """The key a phone number is matched by: its last 10 digits ("" if under 7), so that
    `+1 (415) 555-0142` and `415.555.0142` are one number."""
    digits = "".join(_DIGITS.findall(phone))
    return digits[-10:] if len(digits) >= 7 else ""


def number_key(phone: str) -> str:
    """`phone_key`, or the text itself for a number too short to have one."""
    return phone_key(phone) or phone
