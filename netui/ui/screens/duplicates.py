"""Duplicates: pairs of contacts that may be one person, best first, each with the reason
and the score; `m` merges the pair into its first contact, `M` into its second, `n` says
they are two people (remembered: the pair is not suggested again), `enter` opens the first.

Who may be whom is `netui.identity`'s, found by the read model (`View.duplicates`: once
per view, 0.5 s at 30,000 contacts, so on a thread of its own, never the UI's nor the
store's); what a merge does is the store's (`Store.merge_contacts`), shown first as a dry
run, then made as one change that ctrl+z undoes. This screen lays the pairs out and turns
keys into store calls.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Hashable, Iterable
from functools import partial
from typing import ClassVar, Literal

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static

from netui.errors import NetuiError
from netui.identity import Pair
from netui.model import Contact
from netui.readmodel import View
from netui.store import MergeReport
from netui.text import plural, shown
from netui.ui.actions import undo_last
from netui.ui.dialogs.confirm import ConfirmScreen
from netui.ui.messages import StoreChanged
from netui.ui.widgets.footer import KeysFooter
from netui.ui.widgets.virtual_list import Column, LazyRows, Row, VirtualList

Side = Literal["first", "second"]
"""Which contact of a pair a merge keeps."""

LOOKING = "Looking for duplicates…"
NONE_FOUND = "No likely duplicates (the same email, profile or phone, or name at one company)"


def who(contact: Contact) -> str:
    """'Jane Doe [id 10] (Acme Corp)': a contact as a pair's row names them (the id before
    the company: a narrow column cuts the end, and two Jane Does differ by their id)."""
    company = f" ({contact.company})" if contact.company else ""
    return f"{contact.name} [id {contact.id}]{company}"


def pair_row(pair: Pair) -> Row:
    """A pair's row: score, both contacts, and why they may be one person."""
    evidence = pair.evidence
    return Row(
        pair.ids, (f"{evidence.score:>4}", who(pair.first), who(pair.second), evidence.describe())
    )


class DuplicatesScreen(Screen[None]):
    """The likely duplicates, to merge or keep apart one pair at a time."""

    CSS_PATH = "duplicates.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="duplicates-back"),
        # A priority binding, or the list's own enter (not in the footer) would shadow it.
        Binding(
            "enter",
            "open",
            "Open",
            tooltip="Open the pair's first contact",
            id="duplicates-open",
            priority=True,
        ),
        Binding(
            "m",
            "merge('first')",
            "Merge",
            tooltip="Merge the pair into its first contact (what moves is shown first)",
            id="duplicates-merge",
        ),
        Binding(
            "M,shift+m",
            "merge('second')",
            "Merge, keep 2nd",
            tooltip="Merge the pair into its second contact",
            key_display="M",
            id="duplicates-merge-second",
        ),
        Binding(
            "n",
            "not_duplicate",
            "Not a duplicate",
            tooltip="Two people: never suggest the pair again",
            id="duplicates-not",
        ),
        Binding("ctrl+z", "undo", "Undo", key_display="^z", id="duplicates-undo"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.pairs: dict[tuple[int, int], Pair] = {}
        """The pairs listed, by their ids (first, second)."""
        self.view: View | None = None
        """The read model the pairs were found in."""
        self.found = False
        """Whether the pairs have been looked for once (until then the list says so)."""

    def compose(self) -> ComposeResult:
        yield Static("Duplicates", id="heading", markup=False)
        yield VirtualList(
            [
                Column("Score", 5),
                # (Narrower than the four need, "Why" goes: the line under the list says it.)
                Column("Contact", weight=2, min_width=24),
                Column("Same person as", weight=2, min_width=24),
                Column("Why", weight=2, min_width=26, drop=1),
            ],
            empty_text=LOOKING,
            id="pairs",
        )
        yield Static("", id="detail", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.pair_list.focus()
        # After the first frame ("Looking for duplicates…"): the search slows the UI down.
        self.call_after_refresh(self.refresh_data)

    def on_store_changed(self, _: StoreChanged) -> None:
        self.refresh_data()

    @property
    def pair_list(self) -> VirtualList:
        return self.query_one("#pairs", VirtualList)

    @property
    def selected(self) -> Pair | None:
        """The highlighted pair (None when there is none)."""
        key = self.pair_list.cursor_key
        return self.pairs.get(key) if isinstance(key, tuple) else None

    # --- data -------------------------------------------------------------------------------

    @work(exclusive=True, group="duplicates")
    async def refresh_data(self) -> None:
        """Find the pairs in the latest read model, on a thread (the UI stays live; a newer
        refresh replaces this one), leaving out the pairs marked not duplicates."""
        app = self.app
        view = await app.snapshot()  # type: ignore[attr-defined]
        dismissed = await app.call_store(app.store.not_duplicates)  # type: ignore[attr-defined]
        pairs = await asyncio.to_thread(view.duplicates, frozenset(dismissed))
        self.view = view
        self.found = True
        self.show(pairs)

    def show(self, pairs: Iterable[Pair]) -> None:
        """List `pairs` (the cursor stays on its pair if that is still listed)."""
        self.pairs = {pair.ids: pair for pair in pairs}
        keys: list[Hashable | None] = list(self.pairs)
        self.pair_list.empty_text = NONE_FOUND if self.found else LOOKING
        self.pair_list.set_source(LazyRows(keys, self._row))
        count = len(self.pairs)
        self.query_one("#heading", Static).update(
            f"Duplicates — {plural(count, 'pair')} that may be one person"
            if count
            else "Duplicates"
        )
        self._describe()
        self.refresh_bindings()

    def _row(self, key: Hashable) -> Row:
        return pair_row(self.pairs[key])  # type: ignore[index]

    def _drop(self, gone: Callable[[Pair], bool]) -> None:
        """Take pairs off the list at once (the refresh that follows a change confirms it)."""
        self.show(pair for pair in self.pairs.values() if not gone(pair))

    @on(VirtualList.Highlighted, "#pairs")
    def _describe(self) -> None:
        """Both contacts of the highlighted pair, field by field, to choose which to keep."""
        pair = self.selected
        detail = Text()
        if pair is not None:
            detail.append("Why: ", style="bold")
            detail.append(f"{pair.evidence.describe()} (score {pair.evidence.score})")
            for key, contact in (("m", pair.first), ("M", pair.second)):
                detail.append(f"\n{key} keeps ", style="bold")
                detail.append(self._summary(contact))
        self.query_one("#detail", Static).update(detail)

    def _summary(self, contact: Contact) -> str:
        """'Jane Doe [id 1] · Design Lead · Acme Corp · jane@acme.com · 2 follow-ups, 1 note'"""
        bits = [f"{contact.name} [id {contact.id}]", contact.title, contact.company]
        bits += [contact.email, contact.phone, contact.linkedin]
        if self.view is not None and contact.id is not None:
            followups = len(self.view.followups_of(contact.id, include_done=True))
            notes = len(self.view.notes_of(contact.id))
            bits.append(f"{plural(followups, 'follow-up')}, {plural(notes, 'note')}")
        return shown(" · ".join(bit for bit in bits if bit), multiline=False)

    # --- actions ----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("open", "merge", "not_duplicate"):
            return None if self.selected is None else True  # (dimmed without a pair)
        return True

    def palette_commands(self) -> Iterable[SystemCommand]:
        """This screen's own actions for the command palette."""
        yield SystemCommand(
            "Merge the pair into the first", "Keep the left contact (m)", self.action_merge
        )
        yield SystemCommand(
            "Merge the pair into the second",
            "Keep the right contact (M)",
            partial(self.action_merge, "second"),
        )
        yield SystemCommand(
            "Not a duplicate",
            "Two people: never suggest the pair again (n)",
            self.action_not_duplicate,
        )

    @on(VirtualList.Selected, "#pairs")  # (a double click)
    def action_open(self) -> None:
        """Open the pair's first contact."""
        pair = self.selected
        if pair is not None:
            self.app.open_screen("contact", pair.first.id)  # type: ignore[attr-defined]

    @work(exclusive=True, group="dialog")
    async def action_merge(self, side: Side = "first") -> None:
        """Merge the highlighted pair into one of its contacts, after showing what the
        merge will do (the store's dry run) and asking."""
        pair = self.selected
        if pair is None:
            return
        keep, other = (pair.first, pair.second) if side == "first" else (pair.second, pair.first)
        assert keep.id is not None and other.id is not None
        app = self.app
        store = app.store  # type: ignore[attr-defined]
        try:
            plan: MergeReport = await app.call_store(  # type: ignore[attr-defined]
                partial(store.merge_contacts, keep.id, other.id, dry_run=True)
            )
        except NetuiError as error:
            self.notify(str(error), title="Not merged", severity="error", markup=False)
            return
        steps = "\n".join(f"• {line}" for line in plan.lines)
        question = f"Merge {plan.gone} into {plan.keep}?\n{steps}\nctrl+z undoes it."
        if not await app.push_screen_wait(ConfirmScreen(shown(question), "Merge")):
            return
        change = app.change  # type: ignore[attr-defined]
        merged: MergeReport | None = await change(store.merge_contacts, keep.id, other.id)
        if merged is not None:
            gone = other.id
            self._drop(lambda p: gone in p.ids)
            title = merged.title[:1].upper() + merged.title[1:]
            self.notify(f"{title} (ctrl+z to undo)", markup=False)

    @work(exclusive=True, group="dialog")
    async def action_not_duplicate(self) -> None:
        """Remember that the highlighted pair are two people: the pair leaves the list,
        here and on the next search."""
        pair = self.selected
        if pair is None:
            return
        store = self.app.store  # type: ignore[attr-defined]
        done = await self.app.change(_done, store.mark_not_duplicate, *pair.ids)  # type: ignore[attr-defined]
        if done:
            ids = pair.ids
            self._drop(lambda p: p.ids == ids)
            self.notify(
                f"Kept apart: {who(pair.first)} and {who(pair.second)} (ctrl+z to undo)",
                markup=False,
            )

    @work(exclusive=True, group="dialog")
    async def action_undo(self) -> None:
        """Undo the last change (a worker: it may ask what to keep, `undo_last`)."""
        await undo_last(self.app)


def _done(change: Callable[..., object], *args: object, **kwargs: object) -> bool:
    """Make a store change that returns nothing, and say True: `app.change` returns None
    for a change that failed."""
    change(*args, **kwargs)
    return True
