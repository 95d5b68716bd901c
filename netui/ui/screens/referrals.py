"""The referral tree: who led to whom, what each person's names yielded, and how far it went.

One tree per root contact (someone nobody referred, who gave you at least one name), with
each person's yield: the names they gave and the meetings that followed with those people.
Above it, the longest chain and the companies reached; below it, the highlighted person's
chain and the companies their tree reached. `enter` opens a contact. The rules, including
how loops in the data are broken, are `netui.referrals`'; this screen only lays them out.

Labels are rich `Text` built piece by piece, never parsed as markup: a contact named `[b]x`
shows exactly that. Textual's `Tree` walks its nodes recursively, so a very long chain is
cut into sections of `SECTION_DEPTH` levels, each continued as a tree of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static, Tree
from textual.widgets.tree import TreeNode

from netui.model import Contact
from netui.referrals import ReferralForest, ReferralNode, referral_forest
from netui.text import plural
from netui.ui.messages import StoreChanged
from netui.ui.widgets.footer import KeysFooter

SECTION_DEPTH = 12
"""Levels shown in one tree before the chain continues as a section of its own."""

CHAIN_SHOWN = 6
"""A longer chain is shown by its first and last people, with "…" between."""

SHORT = 16
"""Below this height the highlighted person's lines under the tree are left out."""

COMPANIES_SHOWN = 25
"""Companies listed in the summary (the rest are counted)."""

EMPTY_TEXT = (
    "No referrals yet. When someone gives you a name, add it with “via”, "
    "e.g. a: Priya Patel @ Acme via Jane Doe, and who led to whom shows here."
)


def chain_text(chain: Sequence[Contact], width: int | None = None) -> Text:
    """`A → B → C (3)`, with the middle of a long chain left out: past `CHAIN_SHOWN`
    people, or as many as it takes to fit in `width` cells (down to the two ends)."""
    names = [c.name for c in chain]
    text = Text()
    for shown in range(CHAIN_SHOWN, 1, -2):
        cut = names
        if len(names) > shown:
            half = shown // 2
            cut = [*names[:half], "…", *names[-half:]]
        text = Text(" → ".join(cut))
        text.append(f" ({len(chain)})", style="dim")
        if width is None or text.cell_len <= width:
            break
    return text


def companies_text(companies: Sequence[str], width: int | None = None) -> str:
    """The companies, comma-separated, the ones past `COMPANIES_SHOWN` (or past what fits
    in `width` cells) counted: `Acme, Globex, and 9 more`. Never ends with a comma."""
    shown = min(len(companies), COMPANIES_SHOWN)
    while True:
        text = ", ".join(companies[:shown])
        more = len(companies) - shown
        if more > 0:
            text = f"{text}, and {more} more"
        # Not even one name fits: the first, cut by the line's ellipsis.
        if width is None or cell_len(text) <= width or shown <= 1:
            return text
        shown -= 1


def node_label(node: ReferralNode, forest: ReferralForest, *, continued: bool = False) -> Text:
    """`Name · Company — gave N names, M meetings`, literally (names are never markup)."""
    contact = node.contact
    label = Text()
    if continued:
        label.append("… ", style="dim")
    label.append(contact.name, style="bold" if node.depth == 0 else "")
    if contact.company:
        label.append(f" · {contact.company}")
    yield_style = "" if node.names_given else "dim"
    label.append(
        f" — gave {plural(node.names_given, 'name')}, {plural(node.meetings, 'meeting')}",
        style=yield_style,
    )
    if node.descendants > node.names_given:
        label.append(f", {node.descendants} in all", style="dim")
    if continued:
        label.append(" (continued)", style="dim italic")
    if node.cut_referrer is not None:
        who = forest.nodes.get(node.cut_referrer)
        name = who.contact.name if who else "someone"
        label.append(f"  ↺ also “referred by” {name}: a loop in the data", style="italic")
    return label


def summary_text(forest: ReferralForest, width: int) -> Text:
    """How many people and trees, the longest chain and the companies reached, each on
    one line of `width` cells (a long chain or list shortened, and said to be)."""
    summary = Text()
    if not forest.roots:
        return summary
    summary.append(f"{len(forest)} people in {plural(len(forest.roots), 'referral tree')}\n")
    label = "Longest chain: "
    summary.append(label, style="bold")
    summary.append_text(chain_text(forest.longest_chain, width - len(label)))
    reached = forest.companies_reached
    label = f"Companies reached ({len(reached)}): "
    summary.append("\n" + label, style="bold")
    summary.append(companies_text(reached, width - len(label)) or "none yet")
    return summary


def detail_text(forest: ReferralForest, node: ReferralNode | None, width: int) -> Text:
    """The highlighted person's chain and what their tree reached, each on one line."""
    detail = Text()
    if node is None:
        return detail
    root = forest.nodes[node.root_id].contact
    label = "Chain: "
    detail.append(label, style="bold")
    detail.append_text(chain_text(forest.chain_to(node.id), width - len(label)))
    label = f"Companies reached through {root.name}: "
    detail.append("\n" + label, style="bold")
    companies = forest.companies.get(node.root_id, ())
    detail.append(companies_text(companies, width - cell_len(label)) or "none yet")
    return detail


class ReferralTree(Tree[int]):
    """The referral tree; each node's data is a contact id."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Open contact", id="referrals-open"),
        Binding("space", "toggle_node", "Fold", id="referrals-fold"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]


class FittedLines(Static):
    """Lines made for the width they have (`make(width)`), made again on a resize: a
    list cut to fit says how many it left out, where wrapping would cut it anywhere."""

    def __init__(self, *, id: str) -> None:
        super().__init__("", id=id, markup=False)
        self.make: Callable[[int], Text] | None = None

    def draw(self, make: Callable[[int], Text]) -> None:
        self.make = make
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        if self.make is not None:
            # Before the first layout the widget has no width yet: the screen's, less padding.
            width = self.content_region.width or max(self.app.size.width - 2, 1)
            self.update(self.make(width))


class ReferralsScreen(Screen[None]):
    """Who led to whom, with each person's yield, the longest chain and companies reached."""

    CSS_PATH = "referrals.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="referrals-back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.forest = ReferralForest(roots=())
        """What the tree shows, from the store's last snapshot."""

    def compose(self) -> ComposeResult:
        yield Static("Referrals — who led to whom", id="heading", markup=False)
        yield FittedLines(id="summary")
        yield Static(EMPTY_TEXT, id="empty", markup=False)
        tree = ReferralTree("Referrals", id="referral-tree")
        tree.show_root = False
        tree.auto_expand = False  # enter opens the contact; space folds
        yield tree
        yield FittedLines(id="detail")
        yield KeysFooter()

    async def on_mount(self) -> None:
        self.query_one(ReferralTree).focus()
        await self.refresh_data()

    def on_resize(self) -> None:
        # A short terminal keeps its lines for the tree (the chain shows as the cursor moves).
        self.set_class(self.size.height < SHORT, "-short")

    async def on_store_changed(self, _: StoreChanged) -> None:
        await self.refresh_data()

    async def refresh_data(self) -> None:
        view = await self.app.snapshot()  # type: ignore[attr-defined]
        network = view.network
        forest = self.forest = referral_forest(network)
        tree = self.query_one(ReferralTree)
        cursor = tree.cursor_node.data if tree.cursor_node else None
        folded = _folded(tree)
        tree.clear()
        for root in forest.roots:
            _add_tree(tree, forest, root, folded)

        empty = not forest.roots
        self.set_class(empty, "-empty")  # the explanation instead of the summary and detail
        self.query_one("#summary", FittedLines).draw(partial(summary_text, forest))
        # Back to the same person (setting the line first lays the new nodes out).
        tree.move_cursor(None)
        tree.move_cursor(_shown_node(tree, cursor) or _shown_node(tree, None))
        self._describe(tree.cursor_node)

    @on(Tree.NodeHighlighted)
    def _highlighted(self, event: Tree.NodeHighlighted[int]) -> None:
        self._describe(event.node)

    def _describe(self, tree_node: TreeNode[int] | None) -> None:
        """The highlighted person's chain and what their tree reached, under the tree."""
        contact_id = tree_node.data if tree_node is not None else None
        node = self.forest.nodes.get(contact_id) if contact_id is not None else None
        self.query_one("#detail", FittedLines).draw(partial(detail_text, self.forest, node))

    @on(Tree.NodeSelected)
    def _selected(self, event: Tree.NodeSelected[int]) -> None:
        event.stop()
        self.open_contact(event.node.data)

    def open_contact(self, contact_id: int | None) -> None:
        """Open `contact_id`'s page (the tree redraws when the page changes anything)."""
        if contact_id is not None and contact_id in self.forest.nodes:
            self.app.open_screen("contact", contact_id)  # type: ignore[attr-defined]


def _add_tree(
    tree: ReferralTree, forest: ReferralForest, root: int, folded: set[int | None]
) -> None:
    """Add `root`'s tree under the tree's root, iteratively; a branch deeper than
    `SECTION_DEPTH` goes on in a section of its own, right after this tree's."""
    sections = [(root, False)]
    while sections:
        head, continued = sections.pop(0)
        head_node = forest.nodes[head]
        stack = [(tree.root, head_node, 0, continued)]
        more: list[tuple[int, bool]] = []
        while stack:
            parent, node, level, is_head_continued = stack.pop()
            label = node_label(node, forest, continued=is_head_continued)
            if node.children and level >= SECTION_DEPTH:
                label.append("  ⤵ continues below", style="italic")
                parent.add_leaf(label, data=node.id)
                more.append((node.id, True))
                continue
            if not node.children:
                parent.add_leaf(label, data=node.id)
                continue
            added = parent.add(label, data=node.id, expand=node.id not in folded)
            children = [forest.nodes[child] for child in node.children]
            stack.extend((added, child, level + 1, False) for child in reversed(children))
        sections[:0] = more


def _folded(tree: ReferralTree) -> set[int | None]:
    """The contacts whose branch the user folded, to keep them folded on a redraw."""
    folded: set[int | None] = set()
    stack = list(tree.root.children)
    while stack:
        node = stack.pop()
        if node.children and not node.is_expanded:
            folded.add(node.data)
        stack.extend(node.children)
    return folded


def _shown_node(tree: ReferralTree, contact_id: int | None) -> TreeNode[int] | None:
    """The first node on show for `contact_id` (None: the first node of all)."""
    stack = list(reversed(tree.root.children))
    while stack:
        node = stack.pop()
        if contact_id is None or node.data == contact_id:
            return node
        if node.is_expanded:
            stack.extend(reversed(node.children))
    return None
