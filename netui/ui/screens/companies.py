"""Companies: who do I know at Acme, which companies I am aiming at, and the best way in.

On the left, every company someone in the network works at, with the target companies
(★) first, even those where nobody is known yet; `/` filters them. On the right, the
highlighted company: its counts, the paths in (best first) and its people. `t` marks or
unmarks the highlighted company as a target, `a` adds a target by name, `enter` on a
company goes to its people and on a person opens their page. The rules (grouping
spellings, ranking paths) are `netui.companies`'; this screen only lays them out.

Text is drawn literally, never parsed as markup: a company named `[b]x` shows exactly that.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from functools import partial
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static

from netui.companies import CompanyGroup, PathIn, PathKind, company_key, group_companies
from netui.model import Network, Status
from netui.text import fold, plural
from netui.ui.actions import undo_last
from netui.ui.messages import StoreChanged
from netui.ui.widgets.footer import KeysFooter
from netui.ui.widgets.pane import FilterInput, Pane
from netui.ui.widgets.virtual_list import Column, Row, VirtualList

TARGET_MARK = "★"
PATHS_SHOWN = 5
"""Paths in listed for one company (the rest are counted; every person is listed below)."""
NARROW = 90
"""Below this width the two sides stack instead of standing side by side."""

EMPTY_COMPANIES = (
    "No companies yet: add people with “@ Company” on the main screen, "
    "or press a to add a target company."
)
NO_PATH = "No path yet: nobody you know works here."
FIND_A_PATH = (
    "none yet. Add the people you find there (a on the main screen: “Name @ {name}”), "
    "and ask the people you meet whom they know there."
)
STATUS_TONES = {Status.MET: "success", Status.CONTACTED: "", Status.LEAD: "muted"}


def counts_text(group: CompanyGroup) -> str:
    """`3 people: 1 met, 1 contacted, 1 lead`."""
    if not group.people:
        return "nobody known yet"
    return (
        f"{plural(group.people, 'person')}: {group.met} met, {group.contacted} contacted, "
        f"{plural(group.leads, 'lead')}"
    )


def path_why(path: PathIn) -> str:
    """The short "why" beside a path: `met`, `lead, via Bob Smith`, `contacted, referrer`
    (the person to ask referred the one at the company); the card says it in full."""
    if path.kind is PathKind.INTRODUCTION:
        return f"{path.ask.status}, referrer"
    if path.referrer is not None:
        return f"{path.ask.status}, via {path.referrer.name}"
    return str(path.ask.status)


class CompanyList(VirtualList):
    """The companies; enter goes to the highlighted company's people."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", "People")]


class PeopleList(VirtualList):
    """A company's paths in and people; enter opens the highlighted person's page."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", "Open contact")]


class CompaniesPane(Pane):
    """The companies, targets first under their own heading; filtered by name."""

    def __init__(self) -> None:
        super().__init__(
            "Companies",
            [
                Column(TARGET_MARK, 1),
                Column("Company", min_width=10),
                Column("People", 6),
                Column(" Met", 4, drop=1),
            ],
            empty_text=EMPTY_COMPANIES,
            id="companies",
        )
        self.targets: set[str] = set()
        """The keys of the target companies."""
        self._groups: dict[Hashable, CompanyGroup] = {}

    def compose(self) -> ComposeResult:
        yield CompanyList(self._columns, empty_text=self._empty_text, id="companies-list")
        yield FilterInput(placeholder="filter… (esc clears)", classes="filter")

    def show(self, groups: list[CompanyGroup], *, keep: Hashable | None = None) -> None:
        self.targets = {g.key for g in groups if g.target}
        self._groups = {g.key: g for g in groups}
        self.subtitle = f"{plural(len(self.targets), 'target')}"
        self.load([g.key for g in groups], self._row, self._haystack, keep=keep)

    def _row(self, key: Hashable) -> Row:
        group = self._groups[key]
        return Row(
            group.key,
            (
                TARGET_MARK if group.target else "",
                group.name,
                str(group.people).rjust(6),
                str(group.met).rjust(4),
            ),
            "warning" if group.target and not group.paths else "",
        )

    def _haystack(self, key: Hashable) -> str:
        group = self._groups[key]
        return fold(" ".join((group.name, *group.spellings)))

    def group(self, keys: Sequence[Hashable]) -> tuple[Sequence[Hashable | None], dict[int, str]]:
        targets = [k for k in keys if k in self.targets]
        if not targets:
            return keys, {}
        others = [k for k in keys if k not in self.targets]
        arranged: list[Hashable | None] = [None, *targets]
        headings = {0: f"{TARGET_MARK} Targets ({len(targets)})"}
        if others:
            headings[len(arranged)] = f"Other companies ({len(others)})"
            arranged += [None, *others]
        return arranged, headings


class CompaniesScreen(Screen[None]):
    """Contacts grouped by company, the target companies, and the best paths in."""

    CSS_PATH = "companies.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="companies-back"),
        Binding("t", "toggle_target", "Target ★", id="companies-target"),
        Binding("a", "add_target", "Add target", id="companies-add"),
        Binding("slash", "filter", "Filter", key_display="/", id="companies-filter"),
        Binding("ctrl+z", "undo", "Undo", key_display="^z", id="companies-undo"),
    ]
    PALETTE: ClassVar[list[tuple[str, str, str]]] = [
        (
            "Mark or unmark target",
            "Toggle the highlighted company as a target (t)",
            "toggle_target",
        ),
        ("Add target company", "Mark a company as a target by its name (a)", "add_target"),
        ("Filter companies", "Filter the companies by name (/)", "filter"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.groups: dict[str, CompanyGroup] = {}
        """What the screen shows, by company key, from the store's last snapshot."""
        self.network = Network()
        self._shown: str | None = None
        """The key of the company on the right."""

    def compose(self) -> ComposeResult:
        yield Static("", id="heading", markup=False)
        with Horizontal(id="sides"):
            yield CompaniesPane()
            with Vertical(id="company-detail", classes="pane"):
                yield Static("", id="company-card")
                yield PeopleList(
                    [
                        Column("", 3),
                        Column("Who", weight=2, min_width=12),
                        Column("Why", weight=1, min_width=10, drop=1),
                    ],
                    empty_text=NO_PATH,
                    id="company-people",
                )
        yield KeysFooter()

    async def on_mount(self) -> None:
        self.company_list.focus()
        await self.refresh_data()

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW, "-narrow")

    async def on_store_changed(self, _: StoreChanged) -> None:
        await self.refresh_data()

    # --- data -------------------------------------------------------------------------------

    @property
    def pane(self) -> CompaniesPane:
        return self.query_one(CompaniesPane)

    @property
    def company_list(self) -> VirtualList:
        return self.pane.list

    @property
    def people_list(self) -> VirtualList:
        return self.query_one("#company-people", VirtualList)

    @property
    def current(self) -> CompanyGroup | None:
        """The highlighted company (None when the list is empty)."""
        key = self.company_list.cursor_key
        return self.groups.get(key) if isinstance(key, str) else None

    async def refresh_data(self, *, keep: str | None = None) -> None:
        view = await self.app.snapshot()  # type: ignore[attr-defined]
        network = self.network = view.network
        groups = group_companies(network, list(view.companies))
        self.groups = {g.key: g for g in groups}
        self.pane.show(groups, keep=keep)
        targets = sum(1 for g in groups if g.target)
        without_path = sum(1 for g in groups if g.target and not g.paths)
        heading = (
            f"Companies — {plural(len(groups), 'company')}, {plural(targets, 'target')}"
            if groups
            else "Companies"
        )
        if without_path:
            heading += f" ({without_path} with no path yet)"
        self.query_one("#heading", Static).update(heading)
        self._describe(self.current)

    @on(VirtualList.Highlighted, "#companies-list")
    def _company_highlighted(self, event: VirtualList.Highlighted) -> None:
        event.stop()
        key = event.key
        self._describe(self.groups.get(key) if isinstance(key, str) else None)

    def _describe(self, group: CompanyGroup | None) -> None:
        """The company on the right: its counts, the paths in and its people."""
        detail = self.query_one("#company-detail")
        card = Text()
        rows: list[Row] = []
        if group is None:
            detail.border_title = Content("")
        else:
            detail.border_title = Content(group.name)
            if group.target:
                card.append(f"{TARGET_MARK} Target company", style="bold")
            else:
                card.append("Not a target (t marks it)", style="dim")
            card.append(f" · {counts_text(group)}")
            best = group.best_path
            card.append("\nBest path in: ", style="bold")
            card.append(
                f"{best.summary} — {best.reason}" if best else FIND_A_PATH.format(name=group.name)
            )
            rows = self._rows(group)
        self.query_one("#company-card", Static).update(card)
        people = self.people_list
        if group is None or group.key != self._shown:
            people.cursor = 0  # a new company: start at its best path
        self._shown = group.key if group else None
        people.set_rows(rows)

    def _rows(self, group: CompanyGroup) -> list[Row]:
        rows: list[Row] = []
        if group.paths:
            rows.append(Row(None, (f"Paths in ({len(group.paths)})",)))
            for rank, path in enumerate(group.paths[:PATHS_SHOWN], 1):
                tone = "success" if path.ask.status is Status.MET else ""
                if path.kind is PathKind.DIRECT and path.ask.status is Status.LEAD:
                    tone = "muted"
                rows.append(
                    Row(
                        ("path", path.ask.id, path.reaches.id),
                        (f"{rank}.", path.summary, path_why(path)),
                        tone,
                    )
                )
            if len(group.paths) > PATHS_SHOWN:
                rows.append(Row(None, (f"… and {len(group.paths) - PATHS_SHOWN} more paths",)))
        if group.contacts:
            rows.append(Row(None, (f"People ({group.people})",)))
            for contact in group.contacts:
                who = f"{contact.name} · {contact.title}" if contact.title else contact.name
                why = str(contact.status)
                referrer = self.network.name_of(contact.referred_by)
                if referrer:
                    why += f", via {referrer}"
                rows.append(
                    Row(("person", contact.id), ("", who, why), STATUS_TONES[contact.status])
                )
        return rows

    # --- actions ----------------------------------------------------------------------------

    @on(VirtualList.Selected, "#companies-list")
    def _company_selected(self, event: VirtualList.Selected) -> None:
        event.stop()
        if self.people_list.rows:
            self.people_list.focus()

    @on(VirtualList.Selected, "#company-people")
    def _person_selected(self, event: VirtualList.Selected) -> None:
        event.stop()
        key = event.key
        if isinstance(key, tuple) and isinstance(key[1], int):
            self.app.open_screen("contact", key[1])  # type: ignore[attr-defined]

    def action_filter(self) -> None:
        self.pane.start_filter()

    async def action_toggle_target(self) -> None:
        group = self.current
        if group is None:
            self.notify("No company highlighted", severity="warning")
            return
        store = self.app.store  # type: ignore[attr-defined]
        change = self.app.change  # type: ignore[attr-defined]
        saved = await change(store.set_target, group.name, not group.target)
        if saved is not None:
            message = (
                f"{TARGET_MARK} {group.name} is a target"
                if saved.target
                else f"{group.name} is no longer a target"
            )
            self.notify(message, markup=False)

    @work(exclusive=True, group="dialog")
    async def action_add_target(self) -> None:
        name = await self.app.push_screen_wait(
            AddTargetScreen(g.name for g in self.groups.values() if not g.target)
        )
        if not name:
            return
        key = company_key(name)
        group = self.groups.get(key)
        if group is not None and group.target:
            self.notify(f"{group.name} is already a target", markup=False)
        else:
            store = self.app.store  # type: ignore[attr-defined]
            saved = await self.app.change(store.set_target, name, True)  # type: ignore[attr-defined]
            if saved is None:
                return
            await self.refresh_data(keep=key)
            group = self.groups.get(key)
            self.notify(f"{TARGET_MARK} {group.name if group else name} is a target", markup=False)
        if not self.company_list.select_key(key):  # hidden by the filter
            self.pane.clear_filter()
            self.company_list.select_key(key)
        self.company_list.focus()

    @work(exclusive=True, group="dialog")
    async def action_undo(self) -> None:
        """Undo the last change (a worker: it may ask what to keep, `undo_last`)."""
        await undo_last(self.app)

    def palette_commands(self) -> Iterable[SystemCommand]:
        """This screen's actions for the command palette."""
        for title, help_text, action in self.PALETTE:
            yield SystemCommand(title, help_text, partial(self.run_action, action))


class TargetNameInput(Input):
    """The company name (its own type, so that the dialog's rules can find it)."""


class AddTargetScreen(ModalScreen[str | None]):
    """Ask for a company's name; enter adds it as a target, escape cancels."""

    CSS_PATH = "companies.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, known: Iterable[str] = ()) -> None:
        super().__init__()
        self.known = list(known)
        """Company names to complete from (→ or end accepts the suggestion)."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content("Add a target company"), id="title")
            yield TargetNameInput(
                placeholder="Company name, e.g. Acme Corp",
                suggester=SuggestFromList(self.known, case_sensitive=False),
                id="company-name",
            )
            yield Static(
                Content("enter adds it · → completes a known company · esc cancels"),
                id="hint",
                classes="hint",
            )

    def on_mount(self) -> None:
        self.query_one(TargetNameInput).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = " ".join(event.value.split())
        if not name:
            hint = self.query_one("#hint", Static)
            hint.update(Content("Type the company's name (esc cancels)"))
            hint.add_class("error-text")
            return
        self.dismiss(name)

    def action_cancel(self) -> None:
        self.dismiss(None)
