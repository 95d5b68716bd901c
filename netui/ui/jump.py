"""Jump to anyone or anything: a command palette over the network, not the commands.

`ctrl+o` (as posting's jump) opens Textual's command palette with `JumpProvider` alone:
type a few letters of a name, a company, a task or a note, and enter puts the main
screen's cursor on it (`MainScreen.reveal`): a contact in Contacts, a follow-up in
Follow-ups, a note in Notes. The palette of commands (`ctrl+p`) offers "Jump to…" too.

What is searched comes from the app's read model (`app.view`), never from the file. The
matching runs on a thread of its own (30,000 contacts take a tenth of a second), and only
the best hits are listed. Text from the data file is shown literally (a `Content` made
from it, never markup), and the line under each hit says only what kind of item it is.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import FuzzySearch

from netui.dates import format_date
from netui.model import NoteKind
from netui.readmodel import View
from netui.text import fold

MOST_HITS = 40
"""How many hits the palette lists (the best ones)."""
FIRST_WORDS = 60
"""How much of a note's first line is shown and searched."""
PLACEHOLDER = "Jump to a contact, follow-up or note…"


@dataclass(frozen=True)
class Target:
    """One thing to jump to: what the palette shows and searches, and where it is."""

    kind: str
    """"contact", "followup" or "note" (what `MainScreen.reveal` takes)."""
    item_id: int
    text: str
    """The line shown and searched (from the data: shown literally)."""
    help: str
    """The line under it: our own words only (the palette reads it as markup)."""
    contact_id: int | None


def targets(view: View) -> list[Target]:
    """Everything the jump finds in `view`: contacts (name, company), follow-ups ("who:
    task (due)", the open ones first) and notes ("who, date: first words")."""
    today = view.today
    found: list[Target] = []
    for contact in sorted(view.network.contacts, key=lambda c: c.name.casefold()):
        if contact.id is None:
            continue
        text = f"{contact.name}, {contact.company}" if contact.company else contact.name
        found.append(Target("contact", contact.id, text, "Contact", contact.id))
    followups = view.followups_by_due()
    for followup in sorted(followups, key=lambda f: f.done is not None):
        if followup.id is None:
            continue
        who = view.name_of(followup.contact_id) if followup.contact_id is not None else ""
        due = format_date(followup.due, today)
        text = f"{who}: {followup.text} ({due})" if who else f"{followup.text} ({due})"
        kind = "Follow-up" if followup.done is None else "Follow-up (done)"
        found.append(Target("followup", followup.id, text, kind, followup.contact_id))
    for note in view.notes_newest_first():
        if note.id is None:
            continue
        who = view.name_of(note.contact_id) if note.contact_id is not None else "No contact"
        first = note.text.strip().splitlines()[0] if note.text.strip() else ""
        if len(first) > FIRST_WORDS:
            first = first[: FIRST_WORDS - 1].rstrip() + "…"
        kind = "Note" if note.kind is NoteKind.NOTE else f"Note ({note.kind})"
        text = f"{who}, {format_date(note.date, today)}: {first}"
        found.append(Target("note", note.id, text, kind, note.contact_id))
    return found


Scored = tuple[float, Sequence[int], Target]
"""A match: its score, the offsets of the matched letters, the target."""


KIND_RANK = {"contact": 0, "followup": 1, "note": 2}
"""Among equal matches, people first, then follow-ups, then notes."""


def searched(text: str) -> str:
    """What is matched for `text`: folded (case and accents: "zoe" finds "Zoë"), when
    folding keeps every letter in place (so that the matched letters can be marked)."""
    folded = fold(text)
    return folded if len(folded) == len(text) else text.casefold()


def best_matches(query: str, found: list[Target], most: int = MOST_HITS) -> list[Scored]:
    """The `most` best fuzzy matches of `query` (score, offsets of the matched letters,
    target), best first. Pure Python: run it on a thread."""
    search = FuzzySearch(cache_size=16)
    wanted = fold(query)
    scored: list[Scored] = []
    for target in found:
        score, offsets = search.match(wanted, searched(target.text))
        if score:
            scored.append((score, offsets, target))
    scored.sort(key=lambda hit: (-hit[0], KIND_RANK[hit[2].kind]))
    return scored[:most]


_cache: tuple[View, list[Target]] | None = None
"""The targets of the last view searched (a view never changes: the next palette opened
on the same data reuses them)."""


async def targets_of(view: View) -> list[Target]:
    """The targets of `view`, made on a thread the first time."""
    global _cache
    if _cache is not None and _cache[0] is view:
        return _cache[1]
    found = await asyncio.to_thread(targets, view)
    _cache = (view, found)
    return found


class JumpProvider(Provider):
    """Contacts, follow-ups and notes, fuzzily matched; choosing one reveals it."""

    _targets: list[Target] = []  # noqa: RUF012  (set at startup)

    async def startup(self) -> None:
        app: Any = self.app
        view = app.view if app.view is not None else await app.snapshot()
        self._targets = await targets_of(view)

    async def discover(self) -> Hits:
        """With nothing typed: the contacts, by name (the first ones)."""
        for target in self._targets[:MOST_HITS]:
            yield DiscoveryHit(
                Content(target.text), self._go(target), text=target.text, help=target.help
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        hits = await asyncio.to_thread(best_matches, query, self._targets)
        for score, offsets, target in hits:
            shown = Content(target.text)
            for offset in offsets:
                if not target.text[offset].isspace():
                    shown = shown.stylize(matcher.match_style, offset, offset + 1)
            # (A hair less per rank: the palette orders by score alone.)
            rank = score - KIND_RANK[target.kind] / 1000
            yield Hit(rank, shown, self._go(target), text=target.text, help=target.help)

    def _go(self, target: Target) -> Callable[[], None]:
        return partial(reveal, self.app, target)


def reveal(app: Any, target: Target) -> None:
    """Show `target` on the main screen (its pane focused, its row selected); where the
    main screen cannot (not on top, or an older one without `reveal`), open the page of
    its contact instead."""
    screen = app.screen
    show = getattr(screen, "reveal", None)
    if type(screen).__name__ == "MainScreen" and callable(show):
        show(target.kind, target.item_id)
    elif target.contact_id is not None:
        app.open_screen("contact", target.contact_id)


def jump_palette() -> CommandPalette:
    """The palette that searches the network (not the commands)."""
    return CommandPalette(providers=[JumpProvider], placeholder=PLACEHOLDER, id="jump-palette")
