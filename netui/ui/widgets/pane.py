"""A titled pane: a virtual list with a filter line that appears on `/`.

A pane shows a sequence of keys (contact ids, follow-up ids…) from the read model; the
row of a key is built only when it is drawn, and the folded "haystack" the filter
searches only once the user filters (then kept per key), so that a change to the data
costs a tuple of keys, and each filter keystroke a substring scan.
"""

from __future__ import annotations

import builtins  # (`list` in the class is the pane's list widget)
from collections.abc import Callable, Hashable, Sequence

from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input

from netui.text import FIELD_TERMS, fold, query_terms
from netui.ui.widgets.virtual_list import Column, LazyRows, Row, VirtualList


def _holds(hay: str, term: str) -> bool:
    """Whether a haystack matches a term: a field term (`#ux`) anywhere, a phrase only in
    the text before the NUL that starts a pane's field tokens."""
    if term.startswith(FIELD_TERMS):
        return term in hay
    cut = hay.find("\0")
    return term in (hay if cut < 0 else hay[:cut])


def _narrows(last: str, needle: str) -> bool:
    """Whether `needle` can only match what `last` matched: it types on from it, and no
    word of it changed from a phrase word to a field term (`st` → `status:`)."""
    if not needle.startswith(last):
        return False
    pairs = zip(last.split(), needle.split(), strict=False)
    return all(a.startswith(FIELD_TERMS) == b.startswith(FIELD_TERMS) for a, b in pairs)


class FilterInput(Input):
    """The filter line: escape clears it and goes back to the list."""

    BINDINGS = [("escape", "clear", "Clear filter")]  # noqa: RUF012

    def action_clear(self) -> None:
        pane = self.query_ancestor(Pane)
        pane.clear_filter()


class Pane(Vertical):
    """A list pane with a title, a count and a type-to-filter line."""

    BINDINGS = [Binding("escape", "clear_filter", "Clear filter", show=False)]  # noqa: RUF012

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`esc` is the pane's only while a filter is on: otherwise it is the screen's
        (its "Back" shown in the footer, as before)."""
        if action == "clear_filter":
            return bool(self.filter_text)
        return True

    def action_clear_filter(self) -> None:
        """`esc` on a filtered list clears the filter."""
        if not self.filter_text:
            raise SkipAction()
        self.clear_filter()

    def __init__(self, title: str, columns: Sequence[Column], *, empty_text: str, id: str) -> None:
        super().__init__(id=id, classes="pane")
        self.title = title
        self._columns = columns
        self._empty_text = empty_text
        self._keys: Sequence[Hashable] = ()
        self._make: Callable[[Hashable], Row] = lambda key: Row(key, ())
        self._hay: Callable[[Hashable], str] = lambda key: ""
        self._haystacks: builtins.list[str] | None = None
        """The folded text of every key, in order: made on the first filter letter after
        a load, then each keystroke is one substring scan of a list."""
        self._narrowed: tuple[str, builtins.list[int]] = ("", [])
        """The last needle and the positions it matched: a longer needle searches those."""
        self.subtitle = ""
        self._filtered = False

    def compose(self) -> ComposeResult:
        yield VirtualList(self._columns, empty_text=self._empty_text, id=f"{self.id}-list")
        yield FilterInput(placeholder="filter… (esc clears)", classes="filter")

    @property
    def list(self) -> VirtualList:
        return self.query_one(VirtualList)

    @property
    def filter_text(self) -> str:
        return self.query_one(FilterInput).value

    def load(
        self,
        keys: Sequence[Hashable],
        make: Callable[[Hashable], Row],
        hay: Callable[[Hashable], str],
        *,
        keep: Hashable | None = None,
    ) -> None:
        """Show the rows of `keys`: `make` builds a key's row when it is drawn, `hay` its
        folded text when the user filters."""
        self._keys, self._make, self._hay = keys, make, hay
        self._haystacks, self._narrowed = None, ("", [])
        if self.filter_text.strip():  # the columns fit every row, not the filtered ones
            self.list.measure(LazyRows(keys, make))
            self.refilter(keep=keep)
        else:
            self.refilter(keep=keep, measure=True)

    def group(self, keys: Sequence[Hashable]) -> tuple[Sequence[Hashable | None], dict[int, str]]:
        """Hook for panes that group their rows under headings: the keys with None where
        a heading goes, and the headings' text by position."""
        return keys, {}

    def refilter(self, *, keep: Hashable | None = None, measure: bool = False) -> None:
        """Show the rows that match the filter (`measure`: and fit the columns to them)."""
        needle = fold(self.filter_text.strip())
        keys = [self._keys[i] for i in self._matching(needle)] if needle else self._keys
        grouped, headings = self.group(keys)
        source = LazyRows(grouped, self._make, headings)
        self.list.set_source(source, keep=keep, measure=measure)
        count = f"{len(keys)}/{len(self._keys)}" if needle else f"{len(self._keys)}"
        self.border_title = Content(f"{self.title} · {count}")
        self.border_subtitle = Content(f"/{self.filter_text}" if needle else self.subtitle)
        if bool(needle) != self._filtered:  # `esc` changes hands: the footer says so
            self._filtered = bool(needle)
            self.refresh_bindings()

    def _prepare_haystacks(self) -> builtins.list[str]:
        if self._haystacks is None:
            self._haystacks = [self._hay(key) for key in self._keys]
        return self._haystacks

    def _matching(self, needle: str) -> builtins.list[int]:
        """The positions of the keys whose folded text holds every term of `needle`
        (`netui.text.query_terms`: `#tag`, `@company` and `status:lead` are terms of
        their own, matched against the tokens a pane's haystack carries)."""
        hays = self._prepare_haystacks()
        terms = query_terms(needle)
        last, found = self._narrowed
        if last and _narrows(last, needle):  # typing on: only what matched can still match
            found = [i for i in found if all(_holds(hays[i], t) for t in terms)]
        else:
            found = [i for i, hay in enumerate(hays) if all(_holds(hay, t) for t in terms)]
        self._narrowed = (needle, found)
        return found

    def redraw_rows(self) -> None:
        """Draw the rows again from the same keys (what a row shows changed, not which)."""
        source = self.list.source
        if isinstance(source, LazyRows):
            source.forget()
        self.list.refresh()

    def start_filter(self) -> None:
        field = self.query_one(FilterInput)
        field.add_class("-active")
        field.focus()
        # Fold the rows' text once the filter line is on screen, before the first letter.
        self.call_after_refresh(self._prepare_haystacks)

    def clear_filter(self, *, focus: bool = True) -> None:
        """Clear the filter line and show every row (`focus`: and focus the list)."""
        field = self.query_one(FilterInput)
        with field.prevent(Input.Changed):  # one refilter, not two
            field.value = ""
        field.remove_class("-active")
        if focus:
            self.list.focus()
        self.refilter()

    @on(Input.Changed, "FilterInput")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.refilter()

    @on(Input.Submitted, "FilterInput")
    def _filter_done(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value:
            self.query_one(FilterInput).remove_class("-active")
        self.list.focus()
