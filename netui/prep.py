"""The prep sheet for a meeting: who the person is, what we talked about, what is open,
and the questions to ask. Pure functions of the network, the question bank and `today`.

`prep_sheet()` gathers it; `render_prep()` prints it as plain text or Markdown to take
along (`netui prep NAME`). The questions are the ones picked for this meeting
(`Contact.prepared`) if any, else suggestions: the starred questions not yet asked of this
person, then others not asked yet, one from each group in turn. No Textual here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from netui.dates import format_date, relative_label
from netui.errors import NotFoundError
from netui.model import Answer, Contact, FollowUp, Network, Note, NoteKind
from netui.questions import Question, QuestionBank, asked_of, question_key
from netui.replies import Label, clocks_of, label_of
from netui.rhythm import CadenceDefaults, rhythm_of
from netui.text import clean, plural

LAST_TALKS = 3
"""How many past interactions (meetings, calls, emails…) the sheet shows."""
LAST_NOTES = 3
"""How many plain notes about the person the sheet shows."""
SUGGESTED = 8
"""How many questions are suggested when none were picked (more if more are starred)."""


@dataclass(frozen=True, slots=True)
class PrepSheet:
    """Everything to know before meeting someone."""

    contact: Contact
    referred_by: Contact | None
    """Who gave me this person's name."""
    referred: tuple[Contact, ...]
    """The people this person referred me to, by name."""
    talks: tuple[Note, ...]
    """The latest interactions with them (meetings, calls, emails…), newest first."""
    earlier_talks: int
    """How many older interactions are not shown."""
    notes: tuple[Note, ...]
    """The latest plain notes about them, newest first."""
    followups: tuple[FollowUp, ...]
    """Open follow-ups with them, by due date."""
    questions: tuple[Question, ...]
    """The questions for this meeting: picked, or suggested."""
    picked: bool
    """True: `questions` are the ones picked for this meeting; False: suggestions."""
    asked: frozenset[str]
    """The questions already asked of them (answered at an earlier meeting)."""
    last_touch: date | None
    """The last interaction or done follow-up (the keep-in-touch rhythm counts from it)."""
    names: dict[int, str] = field(default_factory=dict, compare=False, repr=False)
    """Names of the people the shown talks led to, by contact id."""
    cadence: int | None = None
    """Their keep-in-touch rhythm in days: their own, or a default (`rhythm.rhythm_of`)."""
    cadence_origin: str = ""
    """Where a default rhythm comes from ("the default for #recruiter"); "" for their own."""
    responsiveness: Label | None = None
    """How they answer messages, from their last finished reply clock (`netui.replies`):
    "replies fast", "replies late", "no reply"; None when none finished."""

    @property
    def next_touch(self) -> date | None:
        """When the rhythm says to be in touch again (None without a rhythm)."""
        if not self.cadence:
            return None
        start = self.last_touch or (self.contact.created.date() if self.contact.created else None)
        return start + timedelta(days=self.cadence) if start else None


def _note_order(note: Note) -> tuple[date, str, int]:
    return (note.date, note.created.isoformat() if note.created else "", note.id or 0)


def suggest_questions(
    bank: QuestionBank, asked: set[str] | frozenset[str], limit: int = SUGGESTED
) -> tuple[Question, ...]:
    """Questions to ask someone who was already asked `asked`: every starred one not asked
    yet, then unstarred ones not asked yet, one from each group in turn, up to `limit`."""
    asked_keys = {question_key(text) for text in asked}
    fresh = [q for q in bank.questions if question_key(q.text) not in asked_keys]
    chosen = [q for q in fresh if q.starred]
    queues = [[q for q in fresh if not q.starred and q.group == g] for g in bank.groups]
    while len(chosen) < limit and any(queues):
        for queue in queues:
            if queue and len(chosen) < limit:
                chosen.append(queue.pop(0))
    return tuple(chosen)


def prep_sheet(
    network: Network,
    contact_id: int,
    bank: QuestionBank,
    today: date,
    defaults: CadenceDefaults | None = None,
) -> PrepSheet:
    """The prep sheet for meeting contact `contact_id` (NotFoundError if there is none).

    `today` bounds what counts as the past: a note dated later is not a past talk.
    `defaults` are the default rhythms, so that the sheet's rhythm is the review's.
    """
    contact = network.by_id.get(contact_id)
    if contact is None:
        raise NotFoundError(f"contact {contact_id} no longer exists")
    referrer = None
    if contact.referred_by is not None and contact.referred_by != contact_id:
        referrer = network.by_id.get(contact.referred_by)
    referred = sorted(
        (c for c in network.contacts if c.referred_by == contact_id and c.id != contact_id),
        key=lambda c: (c.name.casefold(), c.id or 0),
    )
    theirs = sorted(
        (n for n in network.notes if n.contact_id == contact_id),
        key=_note_order,
        reverse=True,
    )
    talks = [n for n in theirs if n.kind.is_interaction and n.date <= today]
    notes = [n for n in theirs if n.kind is NoteKind.NOTE]
    followups = sorted(
        (f for f in network.followups if f.contact_id == contact_id and f.done is None),
        key=lambda f: (f.due, f.id or 0),
    )
    asked = asked_of(network, contact_id)
    questions = tuple(
        bank.get(text) or Question("", text) for text in contact.prepared if text.strip()
    )
    picked = bool(questions)
    if not picked:
        questions = suggest_questions(bank, asked)
    # The rhythm's rule (`review.last_touches`: any note or done follow-up), bounded by
    # today: a note dated ahead is a plan, not a touch.
    touches = [n.date for n in theirs if n.date <= today] + [
        f.done.date()
        for f in network.followups
        if f.contact_id == contact_id and f.done is not None and f.done.date() <= today
    ]
    shown = talks[:LAST_TALKS]
    names = {
        i: network.name_of(i) for note in shown for i in note.new_contacts if network.name_of(i)
    }
    cadence, origin = rhythm_of(contact, defaults)
    answered = (
        label_of(clocks_of(contact, theirs)) if any(n.kind.is_outgoing for n in theirs) else None
    )
    return PrepSheet(
        contact=contact,
        referred_by=referrer,
        referred=tuple(referred),
        talks=tuple(shown),
        earlier_talks=max(0, len(talks) - LAST_TALKS),
        notes=tuple(notes[:LAST_NOTES]),
        followups=tuple(followups),
        questions=questions,
        picked=picked,
        asked=frozenset(asked),
        last_touch=max(touches, default=None),
        names=names,
        cadence=cadence,
        cadence_origin=origin,
        responsiveness=answered,
    )


# --- rendering --------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<|~]|&(?=#?\w+;))")
"""Characters that format wherever they are (`&` only where it starts an entity)."""
_MD_LINE_START = re.compile(r"^([#+\-=>])|^(\d+)([.)])")
"""What starts a heading, a list, a quote or an underline at the start of a line."""
_MD_CLOSING_HASHES = re.compile(r"(?<=\s)(#+)$")
"""What a heading would drop at its end ("# C ##" is a heading "C")."""


def _line(text: str) -> str:
    """One line of plain text, safe for a terminal."""
    return clean(text, multiline=False)


def md_escape(text: str) -> str:
    """`text` as one line of Markdown that shows exactly as written (nothing in it
    formats, links, or starts a heading or a list)."""
    text = _MD_SPECIAL.sub(r"\\\1", _line(text))
    text = _MD_LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text)
    return _MD_CLOSING_HASHES.sub(lambda m: "\\#" * len(m[1]), text)


def _lines(text: str) -> list[str]:
    """The lines of a multi-line text, cleaned, without blank lines at either end."""
    lines = [" ".join(line.split()) for line in clean(text).split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _every(days: int) -> str:
    if days == 1:
        return "every day"
    if days % 7 == 0:
        return "every week" if days == 7 else f"every {days // 7} weeks"
    if days in (30, 31):
        return "every month"
    if days % 30 == 0:
        return f"every {days // 30} months"
    return f"every {days} days"


def _when(day: date, today: date) -> str:
    return f"{format_date(day, today)} ({relative_label(day, today)})"


def _who(contact: Contact) -> str:
    """ "Jane Doe (Design Lead @ Acme)" in plain text."""
    role = " @ ".join(part for part in (_line(contact.title), _line(contact.company)) if part)
    return _line(contact.name) + (f" ({role})" if role else "")


def _role(contact: Contact) -> str:
    title, company = _line(contact.title), _line(contact.company)
    if title and company:
        return f"{title} at {company}"
    return title or company


def _facts(sheet: PrepSheet, today: date) -> list[tuple[str, str]]:
    """(label, plain value) pairs for "Who they are"; values are single, clean lines."""
    c = sheet.contact
    facts = [("Status", c.status.value)]
    if c.tags:
        facts.append(("Tags", " ".join(f"#{_line(t)}" for t in c.tags)))
    if c.how_met.strip():
        facts.append(("How we met", _line(c.how_met)))
    if sheet.referred_by is not None:
        facts.append(("Referred by", _who(sheet.referred_by)))
    if sheet.referred:
        facts.append(("Referred me to", ", ".join(_who(r) for r in sheet.referred)))
    ways = (c.email, *c.other_emails, c.phone, *c.other_phones, c.linkedin, *c.other_urls)
    reach = [_line(v) for v in ways if v.strip()]
    if reach:
        facts.append(("Reach them", " · ".join(reach)))
    rhythm = _every(sheet.cadence) if sheet.cadence else "none set"
    if sheet.cadence and sheet.cadence_origin:
        rhythm += f" ({sheet.cadence_origin})"
    if sheet.last_touch:
        rhythm += f"; last in touch {_when(sheet.last_touch, today)}"
    if (due := sheet.next_touch) is not None:
        rhythm += f"; {'was due' if due < today else 'next'} {_when(due, today)}"
    facts.append(("Rhythm", rhythm))
    if sheet.responsiveness is not None:
        facts.append(("Reply speed", sheet.responsiveness.text))
    return facts


def _outcomes(note: Note, sheet: PrepSheet) -> list[tuple[str, str]]:
    """(label, value) pairs of what a logged meeting produced, besides its answers."""
    found = []
    if note.companies:
        found.append(("Companies or roles to look at", ", ".join(_line(c) for c in note.companies)))
    if note.feedback.strip():
        found.append(("Resume feedback", note.feedback))
    if note.promises:
        found.append(("I promised", "; ".join(_line(p) for p in note.promises)))
    names = [sheet.names[i] for i in note.new_contacts if i in sheet.names]
    if names:
        found.append(("Names they gave", ", ".join(_line(n) for n in names)))
    return found


def _answered(note: Note) -> list[Answer]:
    """The answers worth showing: a question recorded with no answer was not asked."""
    return [a for a in note.answers if a.question.strip() and a.answer.strip()]


def _questions_title(sheet: PrepSheet) -> str:
    if sheet.picked:
        return "Questions picked for this meeting"
    if sheet.asked:
        asked = plural(len(sheet.asked), "question")
        return f"Suggested questions (starred first; {asked} asked before left out)"
    return "Suggested questions (starred first)"


def render_prep(sheet: PrepSheet, today: date, markdown: bool = False) -> str:
    """The prep sheet as plain text, or as Markdown (`markdown=True`), ending in a newline.

    All text is cleaned of control characters and escapes; in Markdown, characters that
    would format (`*`, `_`, `[`, a leading `#` or `-`…) are escaped. The questions are
    always the last section, after the sheet's last blank line.
    """
    return _markdown(sheet, today) if markdown else _plain(sheet, today)


def _plain(sheet: PrepSheet, today: date) -> str:
    c = sheet.contact
    name = _line(c.name) or "(no name)"
    out = [f"Prep sheet — {name}"]
    if role := _role(c):
        out.append(role)
    out += [f"{today:%A} {today.day} {today:%B %Y}", ""]

    out.append("Who they are")
    width = max(len(label) for label, _ in _facts(sheet, today)) + 1
    out += [f"  {label + ':':<{width}} {value}" for label, value in _facts(sheet, today)]
    out.append("")

    out.append("Last time we talked" if len(sheet.talks) <= 1 else "What we talked about")
    if not sheet.talks:
        out.append("  Nothing logged yet: this is a first conversation.")
    for note in sheet.talks:
        out.append(f"  {_when(note.date, today)}, {note.kind.value}")
        out += [f"    {line}" for line in _lines(note.text)]
        for answer in _answered(note):
            out.append(f"    Q: {_line(answer.question)}")
            out.append(f"    A: {_line(answer.answer)}")
        for label, value in _outcomes(note, sheet):
            lines = _lines(value) or [""]
            out.append(f"    {label}: {lines[0]}")
            out += [f"      {line}" for line in lines[1:]]
    if sheet.earlier_talks:
        out.append(f"  … and {plural(sheet.earlier_talks, 'earlier interaction')}")
    out.append("")

    if sheet.notes:
        out.append("Notes")
        for note in sheet.notes:
            lines = _lines(note.text) or [""]
            out.append(f"  {format_date(note.date, today)}: {lines[0]}")
            out += [f"    {line}" for line in lines[1:]]
        out.append("")

    out.append("Open follow-ups")
    if not sheet.followups:
        out.append("  None.")
    for followup in sheet.followups:
        out.append(f"  {_when(followup.due, today)}: {_line(followup.text)}")
    out.append("")

    out.append(_questions_title(sheet))
    if not sheet.questions:
        out.append("  None: add some to the question bank (or pick them in the app).")
    width = len(str(len(sheet.questions)))
    for number, question in enumerate(sheet.questions, 1):
        out.append(f"  {number:>{width}}. {_line(question.text)}")
    return "\n".join(out) + "\n"


def _md_text(text: str, indent: str = "") -> list[str]:
    """A multi-line text as Markdown lines: its line breaks kept (hard breaks), its blank
    lines separating paragraphs, nothing in it formatting."""
    out: list[str] = []
    for line in _lines(text):
        if not line:
            if out and out[-1] != "":
                out[-1] = out[-1].removesuffix("\\")
                out.append("")
            continue
        out.append(f"{indent}{md_escape(line)}\\")
    if out:
        out[-1] = out[-1].removesuffix("\\")
    return out


def _markdown(sheet: PrepSheet, today: date) -> str:
    c = sheet.contact
    out = [f"# Prep sheet: {md_escape(c.name) or '(no name)'}", ""]
    if role := _role(c):
        out += [f"*{md_escape(role)}*", ""]
    out += [f"Printed {today:%A} {today.day} {today:%B %Y}", ""]

    out += ["## Who they are", ""]
    out += [f"- **{label}:** {md_escape(value)}" for label, value in _facts(sheet, today)]
    out.append("")

    title = "Last time we talked" if len(sheet.talks) <= 1 else "What we talked about"
    out += [f"## {title}", ""]
    if not sheet.talks:
        out += ["Nothing logged yet: this is a first conversation.", ""]
    for note in sheet.talks:
        out += [f"### {md_escape(_when(note.date, today))}, {note.kind.value}", ""]
        if text := _md_text(note.text):
            out += [*text, ""]
        items = []
        for answer in _answered(note):
            items.append(f"- **Q:** {md_escape(answer.question)}\\")
            items.append(f"  **A:** {md_escape(answer.answer)}")
        for label, value in _outcomes(note, sheet):
            lines = _md_text(value, indent="  ") or [""]
            items.append(f"- **{label}:** {lines[0].lstrip()}")
            items += [line or "" for line in lines[1:]]
        if items:
            out += [*items, ""]
    if sheet.earlier_talks:
        out += [f"… and {plural(sheet.earlier_talks, 'earlier interaction')}", ""]

    if sheet.notes:
        out += ["## Notes", ""]
        for note in sheet.notes:
            lines = _md_text(note.text, indent="  ") or [""]
            out.append(f"- **{md_escape(format_date(note.date, today))}:** {lines[0].lstrip()}")
            out += lines[1:]
        out.append("")

    out += ["## Open follow-ups", ""]
    if not sheet.followups:
        out.append("None.")
    for followup in sheet.followups:
        out.append(f"- [ ] {md_escape(_when(followup.due, today))}: {md_escape(followup.text)}")
    out.append("")

    out += [f"## {md_escape(_questions_title(sheet))}", ""]
    if not sheet.questions:
        out.append("None: add some to the question bank (or pick them in the app).")
    for number, question in enumerate(sheet.questions, 1):
        out.append(f"{number}. {md_escape(question.text)}")
    return "\n".join(out) + "\n"
