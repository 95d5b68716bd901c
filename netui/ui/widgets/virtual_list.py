"""A list that renders only the lines on screen, for tens of thousands of rows.

A `DataTable` measures every cell when it is filled (about a second for 10,000 rows, and
again on every clear), which makes filter-as-you-type unusable at LinkedIn scale. This
widget uses Textual's Line API: rows are plain tuples of strings, and `render_line` builds
only the visible ones, so filling or filtering 30,000 rows costs a list copy.

Text is drawn as literal segments, never parsed as markup: a contact named `[b]x` or `[/]`
shows exactly that. Segments go to the terminal as they are, so every cell also passes
`netui.text.shown` (the data is already shown by the store; this keeps any other text
from driving the terminal too, at the cost of a C-speed check of the visible cells).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar, Protocol

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from netui.text import shown


@dataclass(frozen=True, slots=True)
class Column:
    """A column: a fixed width in cells, or (width None) a share of what is left."""

    title: str
    width: int | None = None
    weight: int = 1
    """The column's share of the remaining width, for columns without a fixed width."""
    min_width: int = 6
    drop: int = 0
    """When the list is too narrow for every column, the highest `drop` goes first;
    0 means always shown."""


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the list; a row without a key is a group heading (not selectable)."""

    key: Hashable | None
    cells: tuple[str, ...]
    tone: str = ""
    """"error", "warning", "success" or "muted": how the row is coloured."""


class RowSource(Protocol):
    """Where a list's rows come from: by position, built when drawn (or looked for)."""

    def __len__(self) -> int: ...

    def key(self, index: int) -> Hashable | None:
        """The key of the row at `index` (None: a heading), without building the row."""
        ...

    def row(self, index: int) -> Row: ...

    def index_of(self, key: Hashable) -> int | None: ...


class RowList:
    """Rows already built (small lists: a contact's follow-ups, the review)."""

    def __init__(self, rows: Sequence[Row]) -> None:
        self.rows = rows
        self._positions: dict[Hashable, int] | None = None

    def __len__(self) -> int:
        return len(self.rows)

    def key(self, index: int) -> Hashable | None:
        return self.rows[index].key

    def row(self, index: int) -> Row:
        return self.rows[index]

    def index_of(self, key: Hashable) -> int | None:
        if self._positions is None:
            self._positions = {r.key: i for i, r in enumerate(self.rows) if r.key is not None}
        return self._positions.get(key)


class LazyRows:
    """Rows of `keys` (None: a heading, drawn from `headings`), each built by `make` the
    first time it is drawn: 30,000 contacts cost a tuple of ids, not 30,000 rows."""

    def __init__(
        self,
        keys: Sequence[Hashable | None],
        make: Callable[[Hashable], Row],
        headings: dict[int, str] | None = None,
    ) -> None:
        self.keys = keys
        self.make = make
        self.headings = headings or {}
        """Position → text of the heading rows."""
        self._built: dict[int, Row] = {}

    def __len__(self) -> int:
        return len(self.keys)

    def key(self, index: int) -> Hashable | None:
        return self.keys[index]

    def row(self, index: int) -> Row:
        built = self._built.get(index)
        if built is None:
            key = self.keys[index]
            built = Row(None, (self.headings.get(index, ""),)) if key is None else self.make(key)
            self._built[index] = built
        return built

    def forget(self) -> None:
        """Build the rows again when next drawn (what they show has changed)."""
        self._built.clear()

    def index_of(self, key: Hashable) -> int | None:
        try:
            return self.keys.index(key)  # a C-speed scan: a few hundred µs at 30,000
        except ValueError:
            return None


class _Rows(Sequence[Row]):
    """A list's rows as a sequence (each built on access), for code that walks them."""

    def __init__(self, source: RowSource) -> None:
        self.source = source

    def __len__(self) -> int:
        return len(self.source)

    def __getitem__(self, index: int) -> Row:  # type: ignore[override]
        if not -len(self.source) <= index < len(self.source):
            raise IndexError(index)
        return self.source.row(index % len(self.source))

    def __iter__(self) -> Iterator[Row]:
        return (self.source.row(i) for i in range(len(self.source)))


class VirtualList(ScrollView, can_focus=True):
    """A keyboard-driven list of rows with a cursor, rendering only visible lines."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor(1)", "Down", show=False),
        Binding("up,k", "cursor(-1)", "Up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home,g", "jump(0)", "First", show=False),
        Binding("end,G", "jump(-1)", "Last", show=False),
        Binding("enter", "select", "Open", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "virtual-list--header",
        "virtual-list--cursor",
        "virtual-list--cursor-blurred",
        "virtual-list--group",
        "virtual-list--error",
        "virtual-list--warning",
        "virtual-list--success",
        "virtual-list--muted",
        "virtual-list--empty",
    }

    DEFAULT_CSS = """
    VirtualList {
        height: 1fr;
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
        & > .virtual-list--header { text-style: bold; color: $text-muted; }
        & > .virtual-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: bold;
        }
        & > .virtual-list--cursor-blurred { background: $block-cursor-blurred-background; }
        & > .virtual-list--group { text-style: bold; color: $accent; }
        & > .virtual-list--error { color: $text-error; }
        & > .virtual-list--warning { color: $text-warning; }
        & > .virtual-list--success { color: $text-success; }
        & > .virtual-list--muted { color: $text-muted; }
        & > .virtual-list--empty { color: $text-muted; text-style: italic; }
    }
    """

    class Highlighted(Message):
        """The cursor moved to a row (key None: the list is empty)."""

        def __init__(self, virtual_list: VirtualList, key: Hashable | None) -> None:
            super().__init__()
            self.virtual_list = virtual_list
            self.key = key

        @property
        def control(self) -> VirtualList:
            return self.virtual_list

    class Selected(Highlighted):
        """Enter (or a double click) on a row."""

    def __init__(
        self,
        columns: Sequence[Column],
        *,
        empty_text: str = "Nothing here yet.",
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.columns = list(columns)
        self.source: RowSource = RowList(())
        self.cursor = 0
        self.empty_text = empty_text

    # --- data -----------------------------------------------------------------------------

    @property
    def rows(self) -> Sequence[Row]:
        """The rows, built as they are read (prefer `source` for one row by position)."""
        return _Rows(self.source)

    def set_rows(self, rows: Sequence[Row], *, keep: Hashable | None = None) -> None:
        """Replace the rows with built ones; keep the cursor on `keep` (default: the
        current key)."""
        self.set_source(RowList(rows), keep=keep)

    def set_source(self, source: RowSource, *, keep: Hashable | None = None) -> None:
        """Replace the rows; keep the cursor on `keep` (default: the current key).

        The cursor is announced (`Highlighted`) only if it now stands on another row, and
        the layout is redone only if the number of rows changed.
        """
        current = keep if keep is not None else self.cursor_key
        self.source = source
        size = Size(self.size.width, len(source) + 1)
        if self.virtual_size != size:
            self.virtual_size = size
        index = source.index_of(current) if current is not None else None
        if index is None:
            index = min(self.cursor, max(len(source) - 1, 0))
        self._move_to(self._selectable(index, 1), announce=True, force=current is None)
        self.refresh()

    @property
    def cursor_key(self) -> Hashable | None:
        """The key of the row under the cursor (None if there is none)."""
        if 0 <= self.cursor < len(self.source):
            return self.source.key(self.cursor)
        return None

    def select_key(self, key: Hashable) -> bool:
        """Move the cursor to the row with `key`, if it is in the list."""
        index = self.source.index_of(key)
        if index is None:
            return False
        self._move_to(index, announce=True)
        return True

    # --- movement -------------------------------------------------------------------------

    def _selectable(self, index: int, step: int) -> int:
        """The nearest row at or after `index` (in direction `step`) that has a key."""
        source = self.source
        if not len(source):
            return 0
        index = max(0, min(index, len(source) - 1))
        probe = index
        while 0 <= probe < len(source):
            if source.key(probe) is not None:
                return probe
            probe += step
        probe = index
        while 0 <= probe < len(source):
            if source.key(probe) is not None:
                return probe
            probe -= step
        return index

    def _move_to(self, index: int, *, announce: bool, force: bool = False) -> None:
        old_key = self.cursor_key
        old = self.cursor
        self.cursor = index
        self.refresh_line_index(old)
        self.refresh_line_index(index)
        self._scroll_to_cursor()
        if announce and (force or self.cursor_key != old_key):
            # Sent as the list's own message even when set_rows runs inside a parent's
            # handler: otherwise Textual stops it at that parent (its loop guard).
            self.post_message(self.Highlighted(self, self.cursor_key).set_sender(self))

    def refresh_line_index(self, index: int) -> None:
        """Repaint the row at `index` (+1 for the header line)."""
        self.refresh_line(index + 1 - round(self.scroll_offset.y))

    def _scroll_to_cursor(self) -> None:
        height = max(self.scrollable_content_region.height - 1, 1)
        top = round(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

    def action_cursor(self, step: int) -> None:
        target = self.cursor + step
        if not 0 <= target < len(self.source):
            return
        target = self._selectable(target, step)
        if self.source.key(target) is not None:
            self._move_to(target, announce=True)

    def action_page(self, direction: int) -> None:
        height = max(self.scrollable_content_region.height - 2, 1)
        target = max(0, min(self.cursor + direction * height, len(self.source) - 1))
        self._move_to(self._selectable(target, direction), announce=True)

    def action_jump(self, where: int) -> None:
        if len(self.source):
            target = 0 if where == 0 else len(self.source) - 1
            self._move_to(self._selectable(target, 1 if where == 0 else -1), announce=True)

    def action_select(self) -> None:
        if self.cursor_key is not None:
            self.post_message(self.Selected(self, self.cursor_key).set_sender(self))

    async def _on_click(self, event: events.Click) -> None:
        index = event.y - 1 + round(self.scroll_offset.y)
        if 0 <= index < len(self.source) and self.source.key(index) is not None:
            self._move_to(index, announce=True)
            if event.chain >= 2:
                self.action_select()

    def on_focus(self) -> None:
        self.refresh_line_index(self.cursor)

    def on_blur(self) -> None:
        self.refresh_line_index(self.cursor)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.source) + 1)
        self._scroll_to_cursor()

    # --- rendering ------------------------------------------------------------------------

    def _widths(self, total: int) -> list[int]:
        """Each column's width; optional columns that don't fit get 0 (hidden)."""
        visible = list(self.columns)

        def needed(columns: list[Column]) -> int:
            return sum(c.width or c.min_width for c in columns) + len(columns) - 1

        while needed(visible) > total and any(c.drop for c in visible):
            visible.remove(max(visible, key=lambda c: c.drop))
        fixed = sum(c.width or 0 for c in visible) + len(visible) - 1
        weights = sum(c.weight for c in visible if c.width is None)
        spare = max(total - fixed, 0)
        widths = []
        for column in self.columns:
            if column not in visible:
                widths.append(0)
            elif column.width is not None:
                widths.append(column.width)
            else:
                widths.append(spare * column.weight // weights)
        flexible = [i for i, c in enumerate(self.columns) if c in visible and c.width is None]
        if flexible:  # rounding leftovers go to the last flexible column
            widths[flexible[-1]] += spare - sum(widths[i] for i in flexible)
        return widths

    def _line(self, cells: Sequence[str], width: int) -> str:
        parts = []
        for text, size in zip(cells, self._widths(width), strict=False):
            if size <= 0:
                continue
            text = shown(text, multiline=False)  # one line: newlines and tabs as spaces
            if cell_len(text) > size:
                text = set_cell_size(text, size - 1) + "…"
            parts.append(set_cell_size(text, size))
        return set_cell_size(" ".join(parts), width)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y == 0:
            header = self._line([c.title for c in self.columns], width)
            style = self.get_visual_style("virtual-list--header").rich_style
            return Strip([Segment(header, style)], width)
        index = y - 1 + round(self.scroll_offset.y)
        base = self.get_visual_style()
        if not len(self.source) and y == 1:
            style = self.get_visual_style("virtual-list--empty").rich_style
            return Strip([Segment(set_cell_size(" " + self.empty_text, width), style)], width)
        if not 0 <= index < len(self.source):
            return Strip.blank(width, base.rich_style)
        row = self.source.row(index)
        classes = []
        if row.key is None:
            classes.append("virtual-list--group")
        elif row.tone:
            classes.append(f"virtual-list--{row.tone}")
        if index == self.cursor and row.key is not None:
            classes.append(
                "virtual-list--cursor" if self.has_focus else "virtual-list--cursor-blurred"
            )
        style = self.get_visual_style(*classes).rich_style if classes else base.rich_style
        text = (
            set_cell_size(" " + shown(row.cells[0], multiline=False), width)
            if row.key is None
            else self._line(row.cells, width)
        )
        return Strip([Segment(text, style)], width)
