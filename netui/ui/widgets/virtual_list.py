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
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from netui.text import shown

MEASURED = 500
"""How many rows (from the top) size the fitted columns."""
CELL_META = tuple(Style.from_meta({"netui-cell": i}) for i in range(2))
"""Added to the cells' styles by turns: invisible, and keeps each cell a segment of its
own (two neighbours never share a style, so nothing merges them)."""
MARK_STYLE = Style(bold=True)
"""A marker cell's: bold, which also keeps it apart where the metadata is dropped (the
dimmed screen behind a dialog)."""


@dataclass(frozen=True, slots=True)
class Column:
    """A column: a fixed width in cells, the width of its content up to a cap
    (`max_width`), or (neither) a share of what is left."""

    title: str
    width: int | None = None
    weight: int = 1
    """The column's share of the remaining width, for flexible columns."""
    min_width: int = 6
    drop: int = 0
    """When the list is too narrow for every column, the highest `drop` goes first;
    0 means always shown."""
    max_width: int | None = None
    """Set: the column is as wide as its widest value (and title), up to this cap, and
    gives way (down to `min_width`) when the list is short of room."""
    mark: bool = False
    """A marker cell (`●`, `▸`): a list with one draws each cell as a segment of its own,
    so that a glyph one font draws wider than a cell cannot push the rest of its row out
    of line."""

    @property
    def fitted(self) -> bool:
        return self.width is None and self.max_width is not None

    @property
    def flexible(self) -> bool:
        return self.width is None and self.max_width is None


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
        self._content = [cell_len(c.title) for c in self.columns]
        """The widest value of each column (among the rows measured), its title included."""
        self._width_cache: dict[int, list[int]] = {}

    # --- data -----------------------------------------------------------------------------

    @property
    def rows(self) -> Sequence[Row]:
        """The rows, built as they are read (prefer `source` for one row by position)."""
        return _Rows(self.source)

    def set_rows(self, rows: Sequence[Row], *, keep: Hashable | None = None) -> None:
        """Replace the rows with built ones; keep the cursor on `keep` (default: the
        current key)."""
        self.set_source(RowList(rows), keep=keep)

    def measure(self, source: RowSource, sample: int = MEASURED) -> None:
        """Size the fitted columns to the widest values of `source`'s first `sample`
        rows (headings aside): enough to be right for a pane's few hundred rows, and
        cheap for 30,000 (whose widest values reach the caps well within the sample)."""
        content = [cell_len(c.title) for c in self.columns]
        if any(c.fitted for c in self.columns):
            for index in range(min(len(source), sample)):
                if source.key(index) is None:
                    continue
                for i, text in enumerate(source.row(index).cells[: len(content)]):
                    content[i] = max(content[i], cell_len(text))
        if content != self._content:
            self._content = content
            self._width_cache.clear()
            self.refresh()

    def set_source(
        self, source: RowSource, *, keep: Hashable | None = None, measure: bool = True
    ) -> None:
        """Replace the rows; keep the cursor on `keep` (default: the current key).

        The cursor is announced (`Highlighted`) only if it now stands on another row, and
        the layout is redone only if the number of rows changed. `measure`: size the
        fitted columns to these rows (a pane filtering keeps the sizes of all its rows).
        """
        current = keep if keep is not None else self.cursor_key
        self.source = source
        if measure:
            self.measure(source)
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

    def show_row(self, index: int) -> None:
        """Scroll (the cursor staying where it is) so that the row at `index` is in view,
        near the top with the row above it (its group's heading) when it was not."""
        height = max(self.scrollable_content_region.height - 1, 1)
        top = round(self.scroll_y)
        if not top <= index < top + height:
            self.scroll_to(y=max(index - 1, 0), animate=False)

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
        self._scroll_to_cursor()  # (the view may have been moved to other rows meanwhile)
        self.refresh_line_index(self.cursor)

    def on_blur(self) -> None:
        self.refresh_line_index(self.cursor)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.source) + 1)
        self._scroll_to_cursor()

    # --- rendering ------------------------------------------------------------------------

    def _widths(self, total: int) -> list[int]:
        """Each column's width; optional columns that don't fit get 0 (hidden).

        Fixed columns get their width, fitted ones their widest value (up to their cap),
        and the flexible ones share what is left. Short of room, the optional columns
        drop (highest `drop` first), then the fitted ones give way down to `min_width`.
        """
        cached = self._width_cache.get(total)
        if cached is None:
            cached = self._width_cache[total] = self._compute_widths(total)
        return cached

    def _compute_widths(self, total: int) -> list[int]:
        columns = self.columns
        visible = list(columns)

        def needed(shown: list[Column]) -> int:
            return sum(c.width or c.min_width for c in shown) + len(shown) - 1

        while needed(visible) > total and any(c.drop for c in visible):
            visible.remove(max(visible, key=lambda c: c.drop))

        def comfortable(shown: list[Column]) -> int:
            # A fitted column is comfortable at its content up to 3/4 of its cap.
            return needed(shown) + sum(
                max(min(self._content[i], c.max_width * 3 // 4) - c.min_width, 0)
                for i, c in enumerate(columns)
                if c in shown and c.max_width is not None and c.width is None
            )

        # Then the other optional columns go before a fitted one is cut below comfort.
        while comfortable(visible) > total:
            optional = [c for c in visible if c.drop and not c.fitted]
            if not optional:
                break
            visible.remove(max(optional, key=lambda c: c.drop))
        wanted = {
            i: max(c.min_width, min(self._content[i], c.max_width or 0))
            for i, c in enumerate(columns)
            if c in visible and c.fitted
        }
        flexible = [i for i, c in enumerate(columns) if c in visible and c.flexible]
        fixed = sum(c.width or 0 for c in visible) + len(visible) - 1
        floor = sum(columns[i].min_width for i in flexible)
        # Fitted columns give way (down to their minimum) until the flexible ones have
        # theirs: the optional ones first (the highest `drop`), the later before the earlier.
        over = fixed + floor + sum(wanted.values()) - total
        for i in sorted(wanted, key=lambda j: (-columns[j].drop, -j)):
            if over <= 0:
                break
            cut = min(over, wanted[i] - columns[i].min_width)
            wanted[i] -= cut
            over -= cut
        spare = max(total - fixed - sum(wanted.values()), 0)
        widths = [0] * len(columns)
        for i, column in enumerate(columns):
            if column.width is not None and column in visible:
                widths[i] = column.width
        for i, width in wanted.items():
            widths[i] = width
        if flexible:
            weights = sum(columns[i].weight for i in flexible)
            for i in flexible:
                widths[i] = spare * columns[i].weight // weights
            # Rounding leftovers go to the last flexible column.
            widths[flexible[-1]] += spare - sum(widths[i] for i in flexible)
        elif wanted:
            # No flexible column: the room left goes to the fitted ones cut at their cap.
            for i in wanted:
                more = min(spare, max(self._content[i] - widths[i], 0))
                widths[i] += more
                spare -= more
        return widths

    def _cell(self, text: str, size: int) -> str:
        text = shown(text, multiline=False)  # one line: newlines and tabs as spaces
        if cell_len(text) > size:
            text = set_cell_size(text, size - 1) + "…"
        return set_cell_size(text, size)

    def _line(self, cells: Sequence[str], width: int) -> str:
        parts = [
            self._cell(text, size)
            for text, size in zip(cells, self._widths(width), strict=False)
            if size > 0
        ]
        return set_cell_size(" ".join(parts), width)

    def _segments(self, cells: Sequence[str], width: int, style: Style) -> list[Segment]:
        """A row's segments: one for the whole line, or, in a list with a marker column,
        one per cell (each with a style of its own, so that nothing merges them back):
        a glyph that a font draws wider than a cell then cannot move the next cell."""
        if not any(c.mark for c in self.columns):
            return [Segment(self._line(cells, width), style)]
        segments: list[Segment] = []
        used = 0
        pairs = zip(self.columns, cells, self._widths(width), strict=False)
        for index, (column, cell, size) in enumerate(pairs):
            if size <= 0:
                continue
            text = self._cell(cell, size) + " "  # (the gap goes with the cell before it)
            cell_style = style + CELL_META[index % len(CELL_META)]
            if column.mark:  # bold: kept apart even where a screen behind a dialog is dimmed
                segments.append(Segment(text[:-1], cell_style + MARK_STYLE))
                segments.append(Segment(" ", cell_style))
            else:
                segments.append(Segment(text, cell_style))
            used += len(text)
        if used < width:
            segments.append(Segment(" " * (width - used), style))
        return list(Segment.adjust_line_length(segments, width))

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y == 0:
            style = self.get_visual_style("virtual-list--header").rich_style
            return Strip(self._segments([c.title for c in self.columns], width, style), width)
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
        if row.key is None:
            text = set_cell_size(" " + shown(row.cells[0], multiline=False), width)
            return Strip([Segment(text, style)], width)
        return Strip(self._segments(row.cells, width, style), width)
