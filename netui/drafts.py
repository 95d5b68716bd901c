"""Drafts of the messages the networking loop needs: a thank-you, a first message
(outreach), the one follow-up, and an update for someone who helped. Pure functions of
the network and `today`, over plain-text templates.

Templates ship in `assets/drafts/<kind>.txt`; the user's copy of a template,
`drafts/<kind>.txt` in netui's config folder (`netui locate`), is used instead when it is
there, as with the question bank. A template is plain UTF-8 text: its first line is
`Subject: …`, the rest is the body. Named fields in braces are filled from what netui
knows (`FIELDS`); `{{` and `}}` write a brace. An unknown field, or a brace that opens
none, is an error naming the file and the line. The text filled in from the data is
never read as a template: braces in a name or a note stay as they are.

The drafts follow what career advisers teach:

- outreach is short (under about 100 words), leads with the connection (who suggested
  you write, where you met), does not ask for a job, and ends with a question;
  `Draft.warnings` says when a draft does not (over 100 words, a job, a position, a
  résumé… mentioned before the first question, no closing question);
- a thank-you goes out within 24 hours, names something specific from the conversation
  (`{topic}`) and states one next step (`{next_step}`);
- an update closes the loop with someone who helped: what you did with their
  introduction or their advice, or where it led.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import quote

from netui.companies import company_key
from netui.dates import format_date
from netui.errors import NetuiError
from netui.ledger import LoopItem, close_the_loop
from netui.model import Contact, DraftKind, FollowUp, Network, Note, NoteKind, Status
from netui.replies import Stage, clock_stage, how_met_group, running_clock
from netui.review import thank_yous_owed
from netui.text import clean, fold, shown

FIELDS: Mapping[str, str] = {
    "first_name": "their first name",
    "name": "their full name",
    "company": "their company",
    "title": "their title",
    "their_work": 'what they do: "your work as Research Lead at Acme" (or what is known)',
    "referrer": "the full name of who gave you their name",
    "referrer_first": "the first name of who gave you their name",
    "connection": 'a sentence: "Ana Lopez suggested I get in touch." / "We met at the '
    'design meetup." / "I came across your work at Acme."',
    "topic": "a specific topic of your last conversation: its first answer, else the first "
    "sentence of its notes",
    "next_step": "the first open promise from that conversation, with its date, else "
    '"I\'ll keep you posted on how it goes"',
    "since": 'how long ago you were last in touch ("three weeks ago")',
    "outcome": "what came of their help (for an update), one or more sentences",
    "my_name": "your name: $NETUI_NAME, else `name` in config.toml, else [your name]",
}
"""Every field a template may use, and what it is filled with."""

TEMPLATE_DIR = "drafts"
"""The folder of the templates: in the shipped assets and in the user's config folder."""
CONFIG_FILE = "config.toml"
"""The user's settings in the config folder; `name = "…"` signs the drafts."""
NAME_VARIABLE = "NETUI_NAME"
"""The environment variable that signs the drafts (before the config file)."""
NO_NAME = "[your name]"
"""The signature when netui does not know the user's name."""
MOST_WORDS = 100
"""Outreach longer than this is warned about."""
NO_STEP = "I'll keep you posted on how it goes"
"""`{next_step}` when no promise is open."""
THANKS_WORD = "thank"
"""An open follow-up whose task holds this word is a thank-you still to send."""


class DraftError(NetuiError, ValueError):
    """A template that can't be read or uses a field netui does not know."""


@dataclass(frozen=True, slots=True)
class Draft:
    """A message ready to edit and send."""

    kind: DraftKind
    subject: str
    body: str
    words: int
    """The words of the body."""
    warnings: tuple[str, ...] = ()
    """What an outreach draft does against the advisers' rules (none for other kinds)."""

    @property
    def text(self) -> str:
        """As `netui draft` prints it: the Subject line, a blank line, the body."""
        return f"Subject: {self.subject}\n\n{self.body}\n"


@dataclass(frozen=True, slots=True)
class Template:
    """A template read and checked: every field in it is one of `FIELDS`."""

    kind: DraftKind
    subject: str
    body: str
    source: str
    """The file it came from (as messages name it)."""


# --- templates --------------------------------------------------------------------------


def default_template_path(kind: DraftKind) -> Path:
    """The shipped template: inside the package (a wheel), else in the source checkout."""
    here = Path(__file__).resolve().parent
    name = f"{DraftKind(kind).value}.txt"
    candidates = (
        here / "assets" / TEMPLATE_DIR / name,
        here.parent / "assets" / TEMPLATE_DIR / name,
    )
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise DraftError(f"the default {kind} template is missing (looked for {candidates[-1]})")


def user_template_path(kind: DraftKind, config: Path | None = None) -> Path:
    """The user's copy: `drafts/<kind>.txt` in `config` (default: netui's config folder)."""
    if config is None:
        from netui.paths import config_dir

        config = config_dir()
    return Path(config).expanduser() / TEMPLATE_DIR / f"{DraftKind(kind).value}.txt"


def load_template(kind: DraftKind, config: Path | None = None) -> Template:
    """The user's template of `kind` if they have one, else the shipped one; DraftError
    naming the file (and the line) if it can't be used."""
    kind = DraftKind(kind)
    user = user_template_path(kind, config)
    if user.exists():
        if not user.is_file():
            raise DraftError(f"the {kind} template {user} is not a file")
        return read_template(kind, user)
    return read_template(kind, default_template_path(kind))


def read_template(kind: DraftKind, path: Path) -> Template:
    """The template in the file `path`; DraftError if it can't be read."""
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as error:
        raise DraftError(f"can't read the template {path}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise DraftError(f"the template {path} is not UTF-8 text") from None
    return parse_template(kind, text, str(path))


_SUBJECT = re.compile(r"^subject:[ \t]*", re.IGNORECASE)
_BRACES = re.compile(r"\{\{|\}\}|\{([^{}\n]*)\}|[{}]")
"""In a template: a written brace, a field, or a brace that opens or closes nothing."""


def parse_template(kind: DraftKind, text: str, source: str = "the template") -> Template:
    """The template written in `text`: `Subject: …` on its first line, then the body.

    Raises DraftError naming `source` and the line: for a first line that is not a
    Subject line, an unknown field, or a lone brace.
    """
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    first = lines[0]
    if not _SUBJECT.match(first):
        raise DraftError(
            f"{source}, line 1: a draft template starts with a 'Subject: …' line "
            f"(found '{clean(first, multiline=False)[:40]}')"
        )
    for number, line in enumerate(lines, 1):
        for found in _BRACES.finditer(line):
            written = found[0]
            if written in ("{{", "}}"):
                continue
            if found[1] is None:
                raise DraftError(
                    f"{source}, line {number}: a lone '{written}' (write {written * 2} for "
                    "a brace, or a field like {first_name})"
                )
            if found[1] not in FIELDS:
                raise DraftError(
                    f"{source}, line {number}: unknown field {{{clean(found[1], multiline=False)}}}"
                    f" (the fields are: {', '.join(FIELDS)})"
                )
    body = "\n".join(lines[1:]).strip("\n")
    return Template(DraftKind(kind), _SUBJECT.sub("", first).strip(), body, source)


def fill(text: str, values: Mapping[str, str]) -> str:
    """`text` (checked by `parse_template`) with each field replaced by its value, once:
    a value is never read as a template itself."""

    def replace(found: re.Match[str]) -> str:
        if found[0] == "{{":
            return "{"
        if found[0] == "}}":
            return "}"
        return values.get(found[1] or "", "")

    out = []
    for line in text.split("\n"):
        filled = _BRACES.sub(replace, line)
        if filled != line:  # a field left empty leaves no double space nor trailing one
            filled = re.sub(r"(?<=\S) {2,}", " ", filled).rstrip()
            filled = re.sub(r" +([,.;:!?])", r"\1", filled)
            filled = filled.replace("….", "…")  # a field cut short, before the stop
        out.append(filled)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip("\n")


# --- who I am ----------------------------------------------------------------------------


def config_file(config: Path | None = None) -> Path:
    """The user's settings file: `config.toml` in `config` (default: `paths.config_file`)."""
    if config is None:
        from netui.paths import config_file as default

        return default()
    return Path(config).expanduser() / CONFIG_FILE


def my_name(environ: Mapping[str, str] | None = None, config: Path | None = None) -> str:
    """The name that signs the drafts: $NETUI_NAME, else `name = "…"` in the config
    folder's config.toml, else "[your name]". DraftError for a config file that can't be
    read."""
    environ = os.environ if environ is None else environ
    name = clean(environ.get(NAME_VARIABLE, ""), multiline=False)
    if name:
        return name
    path = config_file(config)
    if not path.is_file():
        return NO_NAME
    try:
        data = tomllib.loads(path.read_bytes().decode("utf-8"))
    except OSError as error:
        raise DraftError(f"can't read {path}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise DraftError(f"{path} is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise DraftError(f"{path} is not valid TOML: {error}") from None
    value = data.get("name", "")
    if not isinstance(value, str):
        raise DraftError(f'{path}: name must be text, like name = "Sam Rivera"')
    return clean(value, multiline=False) or NO_NAME


# --- what netui knows -------------------------------------------------------------------


def _line(text: str) -> str:
    return clean(text, multiline=False)


def first_name(name: str) -> str:
    """The first word of a name ("there" for a contact with no name)."""
    words = _line(name).split()
    return words[0] if words else "there"


_NUMBERS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def _count(n: int, unit: str) -> str:
    number = _NUMBERS[n] if n < len(_NUMBERS) else str(n)
    if n == 1:
        return f"{'an' if unit[0] in 'aeiou' else 'a'} {unit}"
    return f"{number} {unit}s"


def time_since(day: date | None, today: date) -> str:
    """How long ago `day` was, as a message says it: "today", "yesterday", "three days
    ago", "a week ago", "three weeks ago", "two months ago", "over a year ago";
    "recently" when unknown (or still to come)."""
    if day is None or day > today:
        return "recently"
    days = (today - day).days
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 7:
        return f"{_count(days, 'day')} ago"
    if days < 30:
        return f"{_count(days // 7, 'week')} ago"
    if days < 365:
        return f"{_count(max(1, days // 30), 'month')} ago"
    return "over a year ago" if days < 730 else f"{_count(days // 365, 'year')} ago"


def _note_order(note: Note) -> tuple[date, str, int]:
    return (note.date, note.created.isoformat() if note.created else "", note.id or 0)


def _notes_of(network: Network, contact: Contact, today: date) -> list[Note]:
    """Their notes up to today, oldest first."""
    return sorted(
        (n for n in network.notes if n.contact_id == contact.id and n.date <= today),
        key=_note_order,
    )


CONVERSATIONS = frozenset({NoteKind.MEETING, NoteKind.COFFEE, NoteKind.EVENT, NoteKind.CALL})
"""The kinds of note that record a conversation (what a thank-you thanks for)."""


def last_conversation(network: Network, contact: Contact, today: date) -> Note | None:
    """The latest meeting, coffee, event or call with them, up to today."""
    talks = [n for n in _notes_of(network, contact, today) if n.kind in CONVERSATIONS]
    return talks[-1] if talks else None


def referrer_of(network: Network, contact: Contact) -> Contact | None:
    """Who gave me their name (None if nobody, or they referred themselves)."""
    if contact.referred_by is None or contact.referred_by == contact.id:
        return None
    return network.by_id.get(contact.referred_by)


def their_work(contact: Contact) -> str:
    """ "your work as Research Lead at Acme", "your work at Acme", "your work"."""
    title, company = _line(contact.title), _line(contact.company)
    words = "your work"
    if title:
        words += f" as {title}"
    if company:
        words += f" at {company}"
    return words


_EVENT_WORDS = re.compile(
    r"\b(events?|meetups?|conferences?|summits?|workshops?|hackathons?|talks?|fairs?|"
    r"nights?|panels?|webinars?|bootcamps?|festivals?|expos?)\b",
    re.IGNORECASE,
)
_AT = re.compile(r"\bat\s+", re.IGNORECASE)
_ARTICLE = re.compile(r"^(the|a|an|my|our|your|this|last)\b", re.IGNORECASE)


def _event_phrase(how_met: str) -> str:
    """The event in how we met, as "the design meetup" ("" if none reads as one)."""
    text = _line(how_met)
    tails = [text[found.end() :] for found in _AT.finditer(text)]
    for tail in reversed(tails):  # the last "at …" that names an event: "at the meetup"
        tail = re.split(r"[,;:.()]", tail, maxsplit=1)[0].strip()
        if _EVENT_WORDS.search(tail) and len(tail.split()) <= 6:
            text = tail
            break
    else:
        text = re.sub(r"^(met )?(at )?", "", text, flags=re.IGNORECASE).strip()
        if not _EVENT_WORDS.search(text) or len(text.split()) > 6:
            return ""
    if not _ARTICLE.match(text) and not text[:1].isdigit():
        text = f"the {text}"
    return text


def connection(network: Network, contact: Contact) -> str:
    """The sentence a first message leads with: who suggested I write, else where we met,
    else where I came across their work."""
    company = _line(contact.company)
    referrer = referrer_of(network, contact)
    if referrer is not None:
        who = _line(referrer.name)
        if company and company_key(referrer.company) == company_key(company):
            return f"{who}, your colleague at {company}, suggested I get in touch."
        return f"{who} suggested I get in touch."
    if how_met_group(contact) == "linkedin":
        where = f" while reading about {company}" if company else ""
        return f"I came across your profile on LinkedIn{where}."
    if event := _event_phrase(contact.how_met):
        return f"We met at {event}."
    return f"I came across your work at {company}." if company else "I came across your work."


_SENTENCE_END = re.compile(r"(?<=[.!?])\s|\n")
_MOST_TOPIC_WORDS = 20
_HEADER_WORDS = 8
_MEETING_WORDS = re.compile(
    r"^(coffee|lunch|dinner|breakfast|drinks|call|video|zoom|phone|chat|meeting|met|"
    r"visit|visited|office hours|mentoring|session|catch-up|caught up|first)\b",
    re.IGNORECASE,
)


def _sentences(text: str) -> list[str]:
    """The sentences (or lines) of `text`, without their closing stops, each at most 20
    words (a longer one is cut, with "…")."""
    found = []
    for sentence in _SENTENCE_END.split(clean(text).strip()):
        words = sentence.split()
        if len(words) > _MOST_TOPIC_WORDS:
            found.append(" ".join(words[:_MOST_TOPIC_WORDS]).rstrip(".!;:, ") + "…")
        elif words:
            found.append(" ".join(words).rstrip(".!;:, "))
    return [sentence for sentence in found if sentence]


def _is_header(sentence: str, contact: Contact) -> bool:
    """A short sentence that only says what the conversation was ("Coffee with José near
    Northwind", "Call with Siobhán"): no topic to thank them for."""
    if len(sentence.split()) > _HEADER_WORDS:
        return False
    name = {fold(word) for word in _line(contact.name).split()}
    return bool(_MEETING_WORDS.match(sentence)) or bool(name & set(fold(sentence).split()))


def _lower_first(text: str, network: Network) -> str:
    """`text` to follow other words: its first letter lowered, unless its first word is
    "I", an acronym, or a word of a contact's name or company (a name keeps its capital)."""
    if not text or not text[0].isupper():
        return text
    first = text.split()[0].strip(".,;:!?'’\"")
    if first in ("I", "I'll", "I’ll", "I'd", "I’d", "I'm", "I’m") or (
        first[1:2].isupper()  # an acronym: "UX research"
    ):
        return text
    names = {
        fold(word.strip(".,;:!?'’\""))
        for c in network.contacts
        for word in (*c.name.split(), *c.company.split())
    }
    if fold(first) in names:
        return text
    return text[0].lower() + text[1:]


def topic(network: Network, note: Note | None, contact: Contact) -> str:
    """A specific topic of the conversation `note` records: its first answer, else the
    first sentence of its notes that says more than what the meeting was ("Coffee with
    José" is passed over), at most 20 words; "your work" when there is none."""
    if note is not None:
        for answer in note.answers:
            if answer.answer.strip():
                return _lower_first(_sentences(answer.answer)[0], network)
        sentences = _sentences(note.text)
        told = [s for s in sentences if not _is_header(s, contact)]
        if told or sentences:
            return _lower_first((told or sentences)[0], network)
    return their_work(contact)


def open_promise(network: Network, note: Note | None) -> FollowUp | None:
    """The first promise of `note` still open, as its follow-up (with its date)."""
    if note is None or not note.promises:
        return None
    open_ones = [f for f in network.followups if f.contact_id == note.contact_id and f.done is None]
    for promise in note.promises:
        for followup in sorted(open_ones, key=lambda f: (f.due, f.id or 0)):
            if fold(" ".join(followup.text.split())) == fold(" ".join(promise.split())):
                return followup
    return None


def next_step(network: Network, note: Note | None, today: date) -> str:
    """ "I'll send the deck by Fri 4 Dec": the first open promise of the conversation,
    else "I'll keep you posted on how it goes"."""
    promise = open_promise(network, note)
    if promise is None:
        return NO_STEP
    task = _lower_first(_line(promise.text).rstrip(".!;:, "), network)
    if not task:
        return NO_STEP
    if re.match(r"^I\b|^I['’]", task):
        return f"{task} by {format_date(promise.due, today)}"
    return f"As promised, I'll {task} by {format_date(promise.due, today)}"


def last_touch(network: Network, contact: Contact, today: date) -> date | None:
    """The last interaction with them (a note of contact, not a plain note) up to today."""
    touches = [n.date for n in _notes_of(network, contact, today) if n.kind.is_interaction]
    return max(touches, default=None)


def last_outreach(network: Network, contact: Contact, today: date) -> date | None:
    """The day of the first message of the last run of messages with no answer since:
    what a follow-up refers to ("I wrote to you a week ago"); without an outreach note,
    the last email (its direction is not recorded, but a follow-up follows a message);
    None if neither."""
    start: date | None = None
    email: date | None = None
    for note in _notes_of(network, contact, today):
        if note.kind.is_outgoing:
            start = start or note.date
        elif note.kind.is_incoming:
            start = None
        elif note.kind is NoteKind.EMAIL:
            email = note.date
    return start or email


# --- what came of it --------------------------------------------------------------------


def _chain_child(network: Network, helper: Contact, contact: Contact) -> Contact | None:
    """The person `helper` referred on the way to `contact` (None if `helper` is not up
    `contact`'s referral chain)."""
    seen: set[int] = set()
    current = contact
    while current.referred_by is not None and current.id not in seen:
        seen.add(current.id or 0)
        if current.referred_by == helper.id:
            return current
        parent = network.by_id.get(current.referred_by)
        if parent is None:
            return None
        current = parent
    return None


def owed_to(network: Network, contact: Contact, today: date) -> list[LoopItem]:
    """What the close-the-loop ledger says I owe `contact` word of, most recent first."""
    return [item for item in close_the_loop(network, today) if item.person.id == contact.id]


def _landed_news(network: Network, contact: Contact, role: str, company: str) -> str:
    news = f"I'm happy to tell you that I've accepted a role as {_line(role)} at {_line(company)}."
    key = company_key(company)
    if company_key(contact.company) == key:
        return f"{news} Our conversation was a big part of it."
    at = [c for c in network.contacts if company_key(c.company) == key]
    via = [child for c in at if (child := _chain_child(network, contact, c)) is not None]
    return f"{news} It started with your introduction to {_line(via[0].name)}." if via else news


def outcome(network: Network, contact: Contact, today: date) -> str:
    """What came of their help, in sentences. What the close-the-loop ledger says is owed
    to them (a role landed along their referral chain, the people they introduced me to
    whom I met or wrote to, what I did on their advice); else what netui knows of the
    same; else a line to say how things are going."""
    items = owed_to(network, contact, today)
    if items:
        return _told(network, contact, items)
    sentences: list[str] = []
    for landed in sorted(network.outcomes, key=lambda o: o.date, reverse=True):
        key = company_key(landed.company)
        at = [c for c in network.contacts if company_key(c.company) == key]
        if contact in at or any(_chain_child(network, contact, c) for c in at):
            sentences.append(_landed_news(network, contact, landed.role, landed.company))
            break
    referred = [c for c in network.contacts if c.referred_by == contact.id and c.id != contact.id]
    met, reached = [], []
    for person in sorted(referred, key=lambda c: c.name.casefold()):
        kinds = {n.kind for n in _notes_of(network, person, today)}
        if any(kind.is_meeting for kind in kinds):  # (as the ledger's "you met")
            met.append(_line(person.name))
        elif any(kind.is_interaction for kind in kinds) or person.status is not Status.LEAD:
            reached.append(_line(person.name))
    sentences += _intro_news(met, reached)
    advice = sorted(
        (f for f in network.followups if f.contact_id == contact.id and f.advice and f.done),
        key=lambda f: f.done or today,
        reverse=True,
    )
    if advice:
        sentences.append(_advice_news(network, advice[0].text))
    if not sentences:
        return "I wanted to let you know how things are going since we spoke."
    return " ".join(sentences)


def _told(network: Network, contact: Contact, items: list[LoopItem]) -> str:
    """The ledger's items for one person as sentences: the news first, then whom I met
    or wrote to, then what I did with their advice."""
    sentences = []
    for item in items:
        if item.kind == "landed" and item.outcome is not None:
            sentences.append(
                _landed_news(network, contact, item.outcome.role, item.outcome.company)
            )
            break
    met = [_line(i.about.name) for i in items if i.about and i.key.endswith(":met")]
    reached = [_line(i.about.name) for i in items if i.about and i.key.endswith(":reached")]
    sentences += _intro_news(met, reached)
    followups = {f.id: f for f in network.followups}
    for item in items:
        if item.kind == "advice" and (followup := followups.get(item.followup_id)):
            sentences.append(_advice_news(network, followup.text))
            break
    return " ".join(sentences) or "I wanted to let you know how things are going since we spoke."


def _intro_news(met: list[str], reached: list[str]) -> list[str]:
    sentences = []
    if met:
        sentences.append(f"I met {_and(met)}, thanks to your introduction.")
    if reached:
        sentences.append(f"I've reached out to {_and(reached)}, thanks to your introduction.")
    return sentences


def _advice_news(network: Network, text: str) -> str:
    return f"I acted on your advice: {_lower_first(_line(text).rstrip('.!;:, '), network)}."


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


# --- drafts -----------------------------------------------------------------------------


def fields(
    kind: DraftKind, contact: Contact, network: Network, today: date, *, signature: str = NO_NAME
) -> dict[str, str]:
    """The value of every field for a draft of `kind` to `contact` (one line each)."""
    kind = DraftKind(kind)
    referrer = referrer_of(network, contact)
    talk = last_conversation(network, contact, today)
    if kind is DraftKind.THANKS:
        since = time_since(talk.date if talk else None, today)
    elif kind is DraftKind.FOLLOW_UP:  # since the message the reply clock runs from
        clock = running_clock(contact, network)
        start = clock.start if clock is not None else last_outreach(network, contact, today)
        since = time_since(start, today)
    else:
        since = time_since(last_touch(network, contact, today), today)
    values = {
        "first_name": first_name(contact.name),
        "name": _line(contact.name),
        "company": _line(contact.company),
        "title": _line(contact.title),
        "their_work": their_work(contact),
        "referrer": _line(referrer.name) if referrer else "",
        "referrer_first": first_name(referrer.name) if referrer else "",
        "connection": connection(network, contact),
        "topic": topic(network, talk, contact),
        "next_step": next_step(network, talk, today),
        "since": since,
        "outcome": outcome(network, contact, today) if kind is DraftKind.UPDATE else "",
        "my_name": _line(signature) or NO_NAME,
    }
    return {key: shown(value, multiline=False) for key, value in values.items()}


def draft(
    kind: DraftKind | str,
    contact: Contact,
    network: Network,
    today: date,
    *,
    template: Template | None = None,
    signature: str | None = None,
    config: Path | None = None,
) -> Draft:
    """The draft of `kind` to `contact`, from `template` (default: the user's template
    in `config`, else the shipped one), signed `signature` (default: `my_name()`).

    Raises DraftError for a template that can't be used.
    """
    kind = DraftKind(kind)
    if template is None:
        template = load_template(kind, config)
    if signature is None:
        signature = my_name(config=config)
    values = fields(kind, contact, network, today, signature=signature)
    subject = shown(fill(template.subject, values), multiline=False)
    body = shown(fill(template.body, values))
    words = count_words(body)
    warnings = check_outreach(body) if kind is DraftKind.OUTREACH else ()
    return Draft(kind, subject, body, words, warnings)


_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def count_words(text: str) -> int:
    """The words in `text`: runs of letters and digits ("don't" and "20-minute" are one)."""
    return len(_WORD.findall(text))


_JOB_WORDS = re.compile(
    r"(?<![\w-])(jobs?|positions?|openings?|vacanc(?:y|ies)|hiring|resumes?|cvs?|"
    r"refer me|referral for|open roles?|any roles?|a role)(?![\w-])"
)
_SIGN_OFF_WORDS = 5
"""A paragraph after the closing question whose lines are this short is the sign-off."""


def first_request(body: str) -> str:
    """The message up to and including its first question (all of it if it asks none)."""
    mark = body.find("?")
    return body if mark < 0 else body[: mark + 1]


def check_outreach(body: str) -> tuple[str, ...]:
    """What a first message does against the advisers' rules: over 100 words, a job (a
    position, an opening, hiring, a résumé or CV, a referral for a role) mentioned before
    or in its first question, no question at its end."""
    warnings = []
    words = count_words(body)
    if words > MOST_WORDS:
        warnings.append(
            f"{words} words: keep a first message under {MOST_WORDS} (short ones get answered)"
        )
    found = _JOB_WORDS.search(fold(first_request(body)))
    if found:
        warnings.append(
            f"it mentions '{found[1]}' in the first request: ask to learn about their work, "
            "not for a job"
        )
    if not ends_with_question(body):
        warnings.append(
            "it does not end with a question: ask one (a 20-minute call about their work?)"
        )
    return tuple(warnings)


def ends_with_question(body: str) -> bool:
    """Whether the last thing the message says, before its sign-off, is a question."""
    mark = body.rfind("?")
    if mark < 0:
        return False
    rest = body[mark + 1 :]
    lines = [line for line in rest.split("\n") if line.strip()]
    if lines and not rest.startswith("\n") and rest.split("\n", 1)[0].strip():
        return False  # more words after the question on its own line
    return all(count_words(line) <= _SIGN_OFF_WORDS for line in lines)


def thank_you_task(network: Network, contact: Contact) -> FollowUp | None:
    """Their open follow-up to send a thank-you, if there is one (the earliest due)."""
    found = sorted(
        (
            f
            for f in network.followups
            if f.contact_id == contact.id and f.done is None and THANKS_WORD in fold(f.text)
        ),
        key=lambda f: (f.due, f.id or 0),
    )
    return found[0] if found else None


def draft_for(contact: Contact, network: Network, today: date) -> DraftKind:
    """What message is due for `contact` (the app's `w`): a thank-you owed → thanks; their
    reply clock at its follow-up → follow-up; something to tell them (close the loop) →
    update; a lead never reached → outreach; else a follow-up."""
    if thank_you_task(network, contact) is not None or any(
        owed.contact.id == contact.id for owed in thank_yous_owed(network, today)
    ):
        return DraftKind.THANKS
    if clock_stage(contact, network, today) is Stage.FOLLOW_UP:
        return DraftKind.FOLLOW_UP
    if owed_to(network, contact, today):
        return DraftKind.UPDATE
    if contact.status is Status.LEAD and not any(
        n.contact_id == contact.id and n.kind.is_interaction for n in network.notes
    ):
        return DraftKind.OUTREACH
    return DraftKind.FOLLOW_UP


THANK_YOU_SENT = "Thank-you sent"
"""The note a thank-you logged as sent leaves when no follow-up planned it (as the
review's `d` on a thank-you row)."""


@dataclass(frozen=True, slots=True)
class Sent:
    """What logging a draft as sent changes (the app's key on the draft screen)."""

    note: Note | None = None
    """A note to add: an outreach note for a first message or the follow-up (it starts
    or continues the reply clock); an email for a thank-you nothing planned."""
    done: FollowUp | None = None
    """The thank-you follow-up to mark done."""
    told: tuple[LoopItem, ...] = ()
    """For an update: the close-the-loop items it tells (each closed with
    `ledger.done_note`)."""


def sent(made: Draft, contact: Contact, network: Network, today: date) -> Sent:
    """What logging `made`, sent to `contact` today, records."""
    if made.kind in (DraftKind.OUTREACH, DraftKind.FOLLOW_UP):
        return Sent(
            note=Note(made.subject or made.kind.value, today, contact.id, NoteKind.OUTREACH)
        )
    if made.kind is DraftKind.THANKS:
        task = thank_you_task(network, contact)
        if task is not None:
            return Sent(done=task)
        return Sent(note=Note(THANK_YOU_SENT, today, contact.id, NoteKind.EMAIL))
    return Sent(told=tuple(owed_to(network, contact, today)))


def mailto_url(draft: Draft, address: str = "") -> str:
    """A `mailto:` link that opens the draft in a mail program (RFC 6068: every
    character that is not plain is percent-encoded, lines end in CRLF)."""
    body = draft.body.replace("\r\n", "\n").replace("\n", "\r\n")
    to = quote(_line(address), safe="@")
    return f"mailto:{to}?subject={quote(draft.subject, safe='')}&body={quote(body, safe='')}"
