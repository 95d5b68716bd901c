"""The quick-add bar: one line at the bottom, with a live preview of what will be saved.

It parses nothing itself: every keystroke goes through `netui.quickadd`, and the screen
shows the resolved contact and date, or the specific problem, keeping the text. A paste
of several lines is not cut silently: a note gets them all, joined; a contact or a
follow-up gets the first, and the bar says what was left out.

A new contact who may already be here (`netui.identity.likely_matches`: the same email,
or the same name at a company that does not differ) is named under the preview, and
enter then asks (`DuplicateScreen`: open that one, or add anyway) instead of saving. The
look-up runs on a thread of the bar's own, only when the name, company or email changed
(15-80 ms at 30,000 contacts: more than a keystroke may take); enter waits for it.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Static

from netui import quickadd
from netui.errors import QuickAddError, UnknownContactError
from netui.identity import Evidence, default_region, likely_matches
from netui.model import Contact, NoteKind
from netui.names import ContactIndex
from netui.quickadd import ContactDraft, FollowUpDraft, NoteDraft
from netui.text import clean
from netui.ui.dialogs.duplicate import DuplicateScreen, follow_answer, warnings

Draft = ContactDraft | FollowUpDraft | NoteDraft
Match = tuple[Contact, Evidence]
MatchKey = tuple[str, str, str]
"""What of a contact line the duplicate look-up depends on: name, company, email."""

PLACEHOLDERS = {
    "contact": "Jane Doe (Design Lead) @ Acme #ux <jane@acme.com> via Bob Smith",
    "followup": "Jane: send the portfolio next friday",
    "note": "Jane: coffee at Blue Bottle, gave me two names",
}
TITLES = {"contact": "New contact", "followup": "New follow-up", "note": "New note"}
SHOWN_LEFT_OUT = 60
"""How much of the pasted lines left out the bar quotes."""


class LineInput(Input):
    """The bar's one line. Textual's `Input` keeps the first line of a paste and drops
    the rest without a word; this one joins them (`join_lines`, for a note) or keeps the
    first and posts `LinesLeftOut` with the others."""

    takes_pasted_lines = True
    """The app leaves the line breaks of a paste for this widget to handle."""

    class LinesLeftOut(Message):
        """Lines of a paste that were not put in the line (none: nothing was left out)."""

        def __init__(self, lines: list[str]) -> None:
            super().__init__()
            self.lines = lines

    def __init__(self, *args: object, join_lines: bool = False, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.join_lines = join_lines

    def on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # not Input's own handler, which keeps the first line
        event.stop()
        lines = [line for line in clean(event.text).splitlines() if line.strip()]
        if not lines:
            return
        left_out: list[str] = []
        if len(lines) == 1:
            text = lines[0].replace("\t", " ")  # as pasted, spaces and all
        elif self.join_lines:
            text = " ".join(clean(line, multiline=False) for line in lines)
        else:
            text, *left_out = (clean(line, multiline=False) for line in lines)
        selection = self.selection
        if selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *selection)
        self.post_message(self.LinesLeftOut(left_out))


def describe_left_out(lines: list[str]) -> str:
    """'2 more pasted lines were left out: Bob Lee · Cy Ng' (shortened), or ''."""
    if not lines:
        return ""
    quoted = " · ".join(lines)
    if len(quoted) > SHOWN_LEFT_OUT:
        quoted = quoted[: SHOWN_LEFT_OUT - 1].rstrip() + "…"
    if len(lines) == 1:
        return f"⚠ 1 more pasted line was left out: {quoted}"
    return f"⚠ {len(lines)} more pasted lines were left out: {quoted}"


class ContactNameSuggester(Suggester):
    """Completes a contact's name: before the ':' of a follow-up or note, after 'via '."""

    def __init__(self, index: ContactIndex, kind: str) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.index = index
        self.kind = kind

    async def get_suggestion(self, value: str) -> str | None:
        if self.kind == "contact":
            head, via, ref = value.rpartition(" via ")
            if not via or not ref.strip():
                return None
        else:
            if ":" in value or not value.strip():
                return None
            head, ref = "", value
        hits = self.index.complete(ref, limit=1)
        if not hits:
            return None
        name = hits[0].name
        completed = f"{head} via {name}" if self.kind == "contact" else f"{name}: "
        return completed if len(completed) > len(value) else None


class QuickAddScreen(ModalScreen["QuickAddResult | None"]):
    """Type one line; enter saves, escape cancels."""

    CSS_PATH = "quick_add.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        # Priority: the Input would otherwise take ctrl+k (delete to the end of the line).
        Binding("ctrl+k", "cycle_kind", "Note kind", show=False, priority=True),
        Binding("tab", "complete(1)", "Complete a name", show=False, priority=True),
        Binding("shift+tab", "complete(-1)", "Previous name", show=False, priority=True),
    ]

    def __init__(self, kind: str, prefill: str = "") -> None:
        super().__init__()
        self.kind = kind
        self.prefill = prefill
        self.note_kind = NoteKind.NOTE
        self._index: ContactIndex | None = None
        self._contacts: tuple[Contact, ...] = ()
        """The saved contacts a new one is compared with (the view's, at opening)."""
        self._region: str | None = None
        self._looking: tuple[MatchKey, asyncio.Future[list[Match]]] | None = None
        """The duplicate look-up for the line as it is now (running, or done)."""
        self._shown: list[Match] = []
        """The matches named under the preview."""
        self._lookups: ThreadPoolExecutor | None = None
        """One thread for the look-ups: a newer line's waits only for the one running."""
        self._cycle: NameCycle | None = None
        """The names tab goes through, while the line is the one tab last made."""

    def compose(self) -> ComposeResult:
        with Vertical(id="bar"):
            yield Static(Content(TITLES[self.kind]), id="title")
            yield LineInput(
                value=self.prefill,
                placeholder=PLACEHOLDERS[self.kind],
                id="line",
                join_lines=self.kind == "note",
            )
            yield Static("", id="names", markup=False)
            yield Static("", id="preview", markup=False)
            yield Static("", id="duplicate", markup=False)
            yield Static("", id="left-out", markup=False)
            yield Static(self._hint(), id="hint", markup=False)

    def _hint(self, *, asks: bool = False) -> str:
        enter = "enter asks: open it or add anyway" if asks else "enter save"
        base = f"{enter} · esc cancel · tab/→ complete a name"
        if self.kind == "note":
            return f"{base} · ctrl+k kind: {self.note_kind}"
        return base

    async def on_mount(self) -> None:
        view = self.app.view or await self.app.snapshot()  # type: ignore[attr-defined]
        self._index = view.index()
        if self.kind == "contact":
            self._contacts = view.network.contacts
            self._region = default_region()
            self._lookups = ThreadPoolExecutor(1, thread_name_prefix="netui-matches")
        field = self.query_one(Input)
        field.suggester = ContactNameSuggester(self._index, self.kind)
        field.cursor_position = len(field.value)
        self._preview(field.value)

    def _parse(self, text: str, contacts: list[Contact] | None = None) -> Draft:
        assert self._index is not None
        index = self._index if contacts is None else ContactIndex(contacts)
        today = self.app.today  # type: ignore[attr-defined]
        if self.kind == "contact":
            return quickadd.parse_contact(text, index)
        if self.kind == "followup":
            return quickadd.parse_followup(text, index, today)
        return quickadd.parse_note(text, index, today)

    def on_unmount(self) -> None:
        if self._lookups is not None:
            self._lookups.shutdown(wait=False, cancel_futures=True)

    def _preview(self, text: str) -> Draft | None:
        preview = self.query_one("#preview", Static)
        if not text.strip():
            preview.update("")
            preview.set_class(False, "-error")
            self._show_matches([])
            return None
        try:
            draft = self._parse(text)
        except QuickAddError as error:
            message = str(error)
            if isinstance(error, UnknownContactError):
                rest = self._rest_problem(text, error)
                message += f" — and {rest}" if rest else " — enter creates it"
            preview.update(f"⚠ {message}")
            preview.set_class(True, "-error")
            self._show_matches([])
            return None
        today = self.app.today  # type: ignore[attr-defined]
        preview.update("→ " + quickadd.describe(draft, today, self._kind_of(draft)))
        preview.set_class(False, "-error")
        if isinstance(draft, ContactDraft):
            matches = self._matches(draft)
            if matches.done() and not matches.cancelled():
                self._show_matches(matches.result())  # (the same name: no flicker)
            else:
                self._show_matches([])
                self.run_worker(self._warn_of_matches(matches), group="matches", exclusive=True)
        return draft

    def _rest_problem(self, text: str, error: UnknownContactError) -> QuickAddError | None:
        """What else is wrong with a line naming someone new ("Zed: tomorrow, coffee", a
        note still to come): read with that person as if they were here."""
        if self.kind == "contact":
            return None
        try:
            self._parse(text, [Contact(name=error.ref, id=0)])
        except UnknownContactError:
            return None
        except QuickAddError as problem:
            return problem
        return None

    def _kind_of(self, draft: Draft) -> NoteKind:
        """The kind a note is saved as (ctrl+k's choice); a plain note for the others."""
        return self.note_kind if isinstance(draft, NoteDraft) else NoteKind.NOTE

    # --- the contact who may already be here ------------------------------------------------

    def _matches(self, draft: ContactDraft) -> asyncio.Future[list[Match]]:
        """The saved contacts `draft` may be: looked up on the bar's thread when the name,
        company or email changed since the last look-up (which is dropped if it has not
        started), else the last look-up again."""
        key = (draft.name, draft.company, draft.email)
        if self._looking is not None and self._looking[0] == key:
            return self._looking[1]
        if self._looking is not None:
            self._looking[1].cancel()
        loop = asyncio.get_running_loop()
        look = partial(likely_matches, draft.to_contact(), self._contacts, self._region)
        future = loop.run_in_executor(self._lookups, look)
        self._looking = (key, future)
        return future

    async def _warn_of_matches(self, matches: asyncio.Future[list[Match]]) -> None:
        """Name the matches under the preview once found (unless the line changed)."""
        try:
            found = await asyncio.shield(matches)
        except asyncio.CancelledError:
            return  # a newer line's look-up shows its own
        if self._looking is not None and self._looking[1] is matches:
            self._show_matches(found)

    def _show_matches(self, matches: list[Match]) -> None:
        if matches == self._shown:
            return
        self._shown = matches
        warning = self.query_one("#duplicate", Static)
        warning.update("\n".join(warnings(matches)))
        warning.set_class(bool(matches), "-shown")
        self.query_one("#hint", Static).update(self._hint(asks=bool(matches)))

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        if self._cycle is not None and event.value != self._cycle.line:
            self._cycle = None  # typed on: tab starts from what is typed now
        self._show_names()
        self._preview(event.value)

    @on(LineInput.LinesLeftOut)
    def _left_out(self, event: LineInput.LinesLeftOut) -> None:
        note = self.query_one("#left-out", Static)
        note.update(describe_left_out(event.lines))
        note.set_class(bool(event.lines), "-shown")

    @on(Input.Submitted)
    async def _submitted(self, event: Input.Submitted) -> None:
        text = event.value
        if not text.strip():
            return
        try:
            draft = self._parse(text)
        except UnknownContactError as error:
            if self._rest_problem(text, error):
                self.app.bell()  # (the preview says it): creating the contact can't help
                return
            self.dismiss(QuickAddResult(None, text, self.kind, self.note_kind, error.ref))
            return
        except QuickAddError:
            self.app.bell()
            return  # the preview already says what is wrong; the text stays
        result = QuickAddResult(draft, text, self.kind, self.note_kind)
        if isinstance(draft, ContactDraft):
            # (Keys typed meanwhile wait: this screen handles nothing else until then.)
            matches = await asyncio.shield(self._matches(draft))
            if matches:
                self._show_matches(matches)
                existing = matches[0][0]
                ask = DuplicateScreen(draft.name, matches)
                self.app.push_screen(
                    ask, partial(follow_answer, self, existing=existing, result=result)
                )
                return
        self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _completing(self, value: str) -> tuple[str, str, str] | None:
        """(what comes before the name, the name typed so far, what follows a chosen
        name) when the cursor is on a name to complete: before the ':' of a follow-up or
        note, after 'via ' in a contact line; None otherwise."""
        if self.kind == "contact":
            head, via, ref = value.rpartition(" via ")
            return (f"{head} via ", ref, "") if via and ref.strip() else None
        if ":" in value or not value.strip():
            return None
        return "", value, ": "

    def _candidates(self, value: str) -> tuple[str, list[Contact], str] | None:
        completing = self._completing(value)
        if completing is None or self._index is None:
            return None
        before, ref, after = completing
        return before, self._index.complete(ref, limit=MOST_NAMES + 1), after

    def action_complete(self, step: int = 1) -> None:
        """tab: complete the name being typed; again: the next name that fits (shift+tab
        the one before), the names listed under the line. Past the names, or without a
        name to complete, the cursor goes to the end (and takes the suggestion)."""
        field = self.query_one(Input)
        cycle = self._cycle
        if cycle is not None and field.value == cycle.line:
            cycle.index = (cycle.index + step) % len(cycle.names)
        else:
            found = self._candidates(field.value)
            if not found or not found[1]:
                field.cursor_position = len(field.value)
                field.action_cursor_right()
                return
            before, contacts, after = found
            names = [contact.name for contact in contacts[:MOST_NAMES]]
            cycle = NameCycle(before, names, after, 0 if step > 0 else len(names) - 1)
            cycle.more = len(contacts) > MOST_NAMES
        cycle.line = cycle.before + cycle.names[cycle.index] + cycle.after
        self._cycle = cycle
        field.value = cycle.line
        field.cursor_position = len(cycle.line)
        self._show_names()

    def _show_names(self) -> None:
        """The names tab goes through: while cycling, which one is on the line; while
        typing a name that several contacts fit, those names."""
        line = self.query_one("#names", Static)
        cycle = self._cycle
        if cycle is not None:
            one = len(cycle.names) == 1 and not cycle.more
            shown = Content("") if one else names_line(cycle.names, cycle.index, more=cycle.more)
        else:
            found = self._candidates(self.query_one(Input).value)
            names = [c.name for c in found[1]] if found else []
            shown = (
                names_line(names[:MOST_NAMES], None, more=len(names) > MOST_NAMES)
                if len(names) > 1
                else Content("")
            )
        line.update(shown)
        line.set_class(bool(shown.plain), "-shown")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """ctrl+k chooses a note's kind only in the note bar; elsewhere the line keeps it
        (delete to the end of the line)."""
        return self.kind == "note" if action == "cycle_kind" else True

    def action_cycle_kind(self) -> None:
        kinds = list(NoteKind)
        self.note_kind = kinds[(kinds.index(self.note_kind) + 1) % len(kinds)]
        self.query_one("#hint", Static).update(self._hint())
        self._preview(self.query_one(Input).value)  # "→ meeting note for …"


MOST_NAMES = 8
"""How many names tab goes through (more: type more of the name)."""


class NameCycle:
    """The names tab goes through for one name being typed."""

    def __init__(self, before: str, names: list[str], after: str, index: int) -> None:
        self.before = before
        self.names = names
        self.after = after
        self.index = index
        self.more = False
        """More contacts fit than are listed."""
        self.line = ""
        """The line as tab last made it (typing anything else ends the cycle)."""


def names_line(names: list[str], current: int | None, *, more: bool = False) -> Content:
    """'Priya Patel · Priya Raman (2 of 2)', the current name marked; without a current
    one, 'tab: Priya Patel · Priya Raman'. Names are shown as written (no markup)."""
    parts: list[Content] = []
    for number, name in enumerate(names):
        text = Content(name)
        parts.append(text.stylize("bold reverse") if number == current else text)
    shown = Content(" · ").join(parts)
    if more:
        shown += Content(" · … (type more of the name)")
    if current is None:
        return Content("tab: ") + shown
    return shown + Content(f" ({current + 1} of {len(names)})")


class QuickAddResult:
    """What the bar produced: a draft to save, or a name to create first."""

    def __init__(
        self,
        draft: Draft | None,
        text: str,
        kind: str,
        note_kind: NoteKind,
        unknown_contact: str | None = None,
    ) -> None:
        self.draft = draft
        self.text = text
        self.kind = kind
        self.note_kind = note_kind
        self.unknown_contact = unknown_contact
