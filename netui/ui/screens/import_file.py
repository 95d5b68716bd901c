"""Import contacts from a file: pick it, preview what it would do, then import or not.

A file picker built from Textual's own widgets: a path `Input` (`~` expanded; a relative
path is read from the folder the tree shows) and a `DirectoryTree` of folders and
importable files. Picking a file fills the path, guesses the format (`guess_format`) and
previews at once; `enter` in the path previews too. The preview (`describe_plan`, then
`plan_details`) says what would be added, updated and skipped, and the job changes a
re-import saw; a file that can't be read shows its problem (with the line) and nothing is
written. The job changes offered (for contacts edited in netui: the planner decides which)
are listed once more below the preview, unticked: space ticks one, `a` ticks them all, and
Import applies the ticked ones with the rest (`accept_job_changes`). `Import` saves the
plan as one undoable change (`apply_plan`); escape closes without writing anything.

Reading and planning run off the event loop: the file on a thread, the plan on the store's
thread (it reads the contacts). Everything from the file is shown literally, never parsed
as markup, and made displayable by `netui.text.shown`, as are the names of files and
folders (a file name can hold an escape sequence): the preview, the tree, the messages.
A name changed that way is still opened by its real path.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from rich.text import Text, TextType
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, DirectoryTree, Input, Label, Select, SelectionList, Static
from textual.widgets.selection_list import Selection

from netui.errors import NetuiError
from netui.interchange.formats import IMPORT_FORMATS, guess_format, plan_file
from netui.interchange.plan import (
    ImportPlan,
    accept_job_changes,
    apply_plan,
    describe_plan,
    flag_targets,
    plan_details,
)
from netui.model import Company, Contact
from netui.store import Store
from netui.text import plural, shown

SUFFIXES = (".csv", ".vcf", ".vcard")
"""The files the tree lists (folders are always listed, hidden ones never)."""

DETAIL_LIMIT = 500
"""How many added and how many updated contacts the preview lists by name."""

DEFAULT_FORMAT = "linkedin"
"""The format shown before a file is picked (the commonest import by far)."""

SHORT = 32
"""Below this height the preview takes the tree's place (both don't fit)."""

HINT = "enter previews · tab to the files (backspace: up a folder) · esc cancels"


def shown_path(path: Path) -> str:
    """`path` as the user would type it: under the home folder as `~/…`."""
    try:
        relative = path.relative_to(Path.home())
    except ValueError:
        return str(path)
    return "~" if not relative.parts else f"~/{relative}"


def displayed(path: Path) -> str:
    """`shown_path(path)`, displayable whatever bytes the names hold."""
    return shown(shown_path(path), multiline=False)


def _kind(path: Path) -> str:
    """What is at `path`: "dir", "file" or "missing" (blocking: run on a thread)."""
    try:
        if path.is_dir():
            return "dir"
        return "file" if path.exists() else "missing"
    except OSError:
        return "missing"


def _plan(fmt: str, path: Path, contacts: list[Contact], companies: list[Company]) -> ImportPlan:
    """Read and plan the file, moves into target companies flagged (blocking: run on a
    thread)."""
    return flag_targets(plan_file(fmt, path, contacts), companies)


def _apply(store: Store, plan: ImportPlan) -> ImportPlan:
    """Save the plan (one undoable change); return it, so the caller knows it was saved."""
    apply_plan(store, plan)
    return plan


def counts(plan: ImportPlan) -> str:
    """`5 added, 1 updated, 2 skipped` (the parts that are not zero, or `nothing`)."""
    applied = [change for change in plan.job_changes if change.applied]
    parts = [
        f"{len(plan.added)} added" if plan.added else "",
        f"{len(plan.updated)} updated" if plan.updated else "",
        plural(len(applied), "job change") + " noted" if applied else "",
        f"{plan.unchanged} already here" if plan.unchanged else "",
        f"{len(plan.skipped)} skipped" if plan.skipped else "",
    ]
    return ", ".join(part for part in parts if part) or "nothing"


class ImportFileTree(DirectoryTree):
    """Folders and importable files (.csv, .vcf, .vcard); hidden ones left out."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("backspace", "parent", "Parent folder", show=False),
    ]

    def process_label(self, label: TextType) -> Text:
        # Every node's label is a file or folder name: displayable, like all text read.
        if isinstance(label, str):
            label = shown(label, multiline=False)
        return super().process_label(label)

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        # Runs on the tree's loading thread, so the is_dir checks don't block the UI.
        return [
            path
            for path in paths
            if not path.name.startswith(".")
            and (path.suffix.lower() in SUFFIXES or self._safe_is_dir(path))
        ]

    def action_parent(self) -> None:
        """Show the folder above this one."""
        folder = Path(self.path)
        if folder.parent != folder:
            self.path = folder.parent


class OfferedChanges(SelectionList[int]):
    """The job changes offered, one row each (the value: its index in the plan's
    `job_changes`); none ticked until the user ticks them."""


class ImportScreen(ModalScreen["ImportPlan | None"]):
    """Pick a file and a format, preview, import; returns the plan imported, or None."""

    CSS_PATH = "import_file.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("a", "accept_all", "Accept all job changes", show=False),
    ]

    def __init__(self, start: Path | None = None) -> None:
        super().__init__()
        self.start = (start or Path.home()).expanduser().absolute()
        """The folder the tree shows first."""
        self.plan: ImportPlan | None = None
        """The previewed plan, while the path and format are still the ones it was made for."""
        self._planned_for: tuple[str, str] | None = None
        """(path text, format) of `plan`, or of the preview being made."""
        self._format = DEFAULT_FORMAT
        """The format shown (set here before the Select says it changed)."""
        self._format_chosen = False
        """The user picked the format: typing a path no longer guesses it."""
        self._applying = False
        self._real: dict[str, Path] = {}
        """The path behind each path text shown in the field that `shown` changed."""

    # --- layout -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        options = [(label, name) for name, label in IMPORT_FORMATS.items()]
        with Vertical(classes="dialog"):
            yield Static(Content("Import contacts"), id="heading")
            with Horizontal(classes="row"):
                yield Label("File", classes="field-label")
                yield Input(
                    value=self._field_text(self.start, folder=True),
                    placeholder="~/Downloads/Connections.csv",
                    id="path",
                )
            yield ImportFileTree(self.start, id="tree")
            with Horizontal(classes="row"):
                yield Label("Format", classes="field-label")
                yield Select(options, value=DEFAULT_FORMAT, allow_blank=False, id="format")
            with VerticalScroll(id="preview"):
                yield Static("", id="preview-text", markup=False)
            with Vertical(id="offered"):
                yield Static("", id="offered-label", markup=False)
                yield OfferedChanges(id="offers")
            yield Static(HINT, id="message", markup=False)
            with Horizontal(id="buttons"):
                yield Button("Preview (enter)", variant="primary", id="do-preview")
                yield Button("Accept all (a)", id="accept-all")
                yield Button("Import", variant="success", id="do-import")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#preview").display = False
        self.query_one("#offered").display = False
        self.query_one("#accept-all").display = False
        self.query_one("#do-import").display = False
        field = self.query_one("#path", Input)
        field.focus()
        field.cursor_position = len(field.value)

    def on_resize(self) -> None:
        self.set_class(self.size.height < SHORT, "-short")

    # --- reading the inputs -----------------------------------------------------------------

    @property
    def path_text(self) -> str:
        return self.query_one("#path", Input).value.strip()

    @property
    def fmt(self) -> str:
        return str(self.query_one("#format", Select).value)

    def _field_text(self, path: Path, *, folder: bool = False) -> str:
        """The text the path field shows for `path`. If `shown` had to change it (a name
        with a control character), it is remembered, so that `resolve` opens the real path."""
        own = shown_path(path)
        text = shown(own, multiline=False)
        if text != own:
            self._real[text.rstrip("/")] = path
        return text.rstrip("/") + "/" if folder else text

    def resolve(self, text: str) -> Path:
        """The path typed: `~` expanded, a relative one read from the tree's folder."""
        if (real := self._real.get(text.rstrip("/"))) is not None:
            return real
        path = Path(text).expanduser()
        if not path.is_absolute():
            path = Path(self.query_one(ImportFileTree).path) / path
        return path

    def _say(self, text: str, style: str = "") -> None:
        message = self.query_one("#message", Static)
        message.update(text)
        message.set_classes(style)

    def _clear_preview(self) -> None:
        """No plan shown: nothing to import until a preview succeeds."""
        self.plan = None
        self.remove_class("-previewing")
        self.query_one("#preview").display = False
        self.query_one("#offered").display = False
        self.query_one(OfferedChanges).clear_options()
        self.query_one("#accept-all").display = False
        self.query_one("#do-import").display = False
        self.query_one("#do-preview").display = True
        self.query_one("#cancel", Button).label = "Cancel (esc)"
        focused = self.focused
        if focused is None or not focused.display:  # it was on the Import button
            self.query_one("#path", Input).focus()

    def _forget_plan(self) -> None:
        """The inputs changed: the preview no longer says what Import would do."""
        self._clear_preview()
        self._planned_for = None
        self._say(HINT)

    # --- events -----------------------------------------------------------------------------

    @on(Input.Changed, "#path")
    def _path_edited(self, event: Input.Changed) -> None:
        if self._planned_for is not None and event.value.strip() != self._planned_for[0]:
            self.workers.cancel_group(self, "preview")
            self._forget_plan()

    @on(Input.Submitted, "#path")
    def _path_submitted(self) -> None:
        self.preview()

    @on(DirectoryTree.FileSelected)
    def _file_picked(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self._format_chosen = False
        text = self._field_text(event.path)
        self.query_one("#path", Input).value = text
        self._planned_for = (text, "")  # so the Input.Changed that follows keeps this preview
        self.preview()

    @on(Select.Changed, "#format")
    def _format_changed(self, event: Select.Changed) -> None:
        if event.value == self._format:
            return  # the value it had (Select says so on mount), or the one a guess set
        self._format = str(event.value)
        self._format_chosen = True
        if self.path_text:
            self.preview()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "do-preview":
            self.preview()
        elif event.button.id == "accept-all":
            self.action_accept_all()
        elif event.button.id == "do-import":
            self.run_worker(self.import_plan(), group="import", exclusive=True)
        else:
            self.action_cancel()

    def action_cancel(self) -> None:
        if not self._applying:
            self.dismiss(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "accept_all":
            return self.plan is not None and bool(self.plan.offered) and not self._applying
        return True

    def action_accept_all(self) -> None:
        """Tick every job change offered (Import then applies them)."""
        self.query_one(OfferedChanges).select_all()

    @on(SelectionList.SelectedChanged, "#offers")
    def _offers_ticked(self) -> None:
        if self.plan is None:
            return
        ticked = len(self.query_one(OfferedChanges).selected)
        offered = len(self.plan.offered)
        if ticked:
            self._say(f"{ticked} of {plural(offered, 'job change')} accepted: Import applies them.")
        else:
            self._say(self._ready_text(self.plan))

    # --- preview ----------------------------------------------------------------------------

    @work(exclusive=True, group="preview")
    async def preview(self) -> None:
        """Read the file and show what importing it would do (nothing is written)."""
        text = self.path_text
        if not text:
            self._forget_plan()
            self._say("Type the path of a file, or pick one below.", "-error")
            return
        path = self.resolve(text)
        self._planned_for = (text, "")
        if self.plan is not None:
            self._clear_preview()  # Import must not save the old plan meanwhile
        self._say(f"Reading {shown(path.name, multiline=False)}…", "-busy")
        kind = await asyncio.to_thread(_kind, path)
        if kind == "dir":
            self._forget_plan()
            self.query_one(ImportFileTree).path = path
            self._say(f"Pick a file in {displayed(path)}", "")
            return
        if kind == "missing":
            self._forget_plan()
            self._say(f"⚠ There is no file at {displayed(path)}", "-error")
            return
        fmt = self.fmt
        if not self._format_chosen:
            fmt = await asyncio.to_thread(guess_format, path)
        self._planned_for = (text, fmt)
        self._format = fmt
        self.query_one("#format", Select).value = fmt
        try:
            # The contacts come from the store's thread; the file is read and planned on a
            # thread of its own, so a large file holds up neither the UI nor the store.
            contacts = await self.app.call_store(self.app.store.contacts)  # type: ignore[attr-defined]
            companies = await self.app.call_store(self.app.store.companies)  # type: ignore[attr-defined]
            plan = await asyncio.to_thread(_plan, fmt, path, contacts, companies)
        except NetuiError as error:
            if self._planned_for == (self.path_text, self.fmt):
                self._show_problem(error)
            return
        if self._planned_for != (self.path_text, self.fmt):
            return  # the inputs changed meanwhile: another preview is on its way
        self._show_plan(plan, path, fmt)

    def _show_problem(self, error: Exception) -> None:
        """Every reader's message names the line and says that nothing was imported."""
        self._clear_preview()
        self._say(f"⚠ {shown(str(error), multiline=False)}", "-error")

    def _show_plan(self, plan: ImportPlan, path: Path, fmt: str) -> None:
        self.plan = plan
        text = Text()
        text.append(f"{IMPORT_FORMATS[fmt]}: {shown(path.name, multiline=False)}\n", style="bold")
        text.append(describe_plan(plan, limit=DETAIL_LIMIT) + "\n")
        details = plan_details(plan, limit=DETAIL_LIMIT)
        if details:
            text.append("\n" + "\n".join(details))
        self.query_one("#preview-text", Static).update(text)
        box = self.query_one("#preview", VerticalScroll)
        box.display = True
        box.scroll_home(animate=False)
        self.add_class("-previewing")
        self.query_one("#do-preview").display = False
        self._show_offers(plan)
        cancel = self.query_one("#cancel", Button)
        importing = self.query_one("#do-import", Button)
        if plan.changes_anything or plan.offered:
            importing.display = True
            cancel.label = "Cancel (esc)"
            self._say(self._ready_text(plan))
            importing.focus()
        else:
            importing.display = False
            cancel.label = "Close (esc)"
            self._say("Nothing to import: the file adds or changes no contact.", "-done")
            cancel.focus()

    def _show_offers(self, plan: ImportPlan) -> None:
        """List the job changes offered, none ticked (hidden when there are none)."""
        offers = self.query_one(OfferedChanges)
        offers.clear_options()
        offered = [(i, c) for i, c in enumerate(plan.job_changes) if not c.applied]
        offers.add_options(
            [Selection(Content(shown(c.summary(), multiline=False)), i) for i, c in offered]
        )
        if offered:
            offers.highlighted = 0  # so that space ticks the first row at once
        self.query_one("#offered-label", Static).update(
            f"{plural(len(offered), 'job change')} offered, applied only if ticked: "
            "space ticks one, a ticks all"
        )
        self.query_one("#offered").display = bool(offered)
        self.query_one("#accept-all").display = bool(offered)

    @staticmethod
    def _ready_text(plan: ImportPlan) -> str:
        if plan.offered and not plan.changes_anything:
            return "Tick the job changes to accept, then Import; esc closes."
        return "Nothing is saved until Import; ctrl+z on the main screen undoes it."

    # --- import -----------------------------------------------------------------------------

    async def import_plan(self) -> None:
        """Save the previewed plan, with the job changes ticked, as one undoable change,
        then close."""
        if self.plan is None or self._applying:
            return
        plan = accept_job_changes(self.plan, self.query_one(OfferedChanges).selected)
        if not plan.changes_anything:
            self._say("Nothing to import: tick a job change to accept it (space), or esc.")
            return
        self._applying = True
        self.query_one("#buttons").disabled = True
        self._say("Importing…", "-busy")
        try:
            saved = await self.app.change(_apply, self.app.store, plan)  # type: ignore[attr-defined]
        finally:
            self._applying = False
            self.query_one("#buttons").disabled = False
        if saved is None:
            # The app has said why (a notification); the preview may be out of date now.
            self._forget_plan()
            self._say("⚠ Nothing was imported (see the message). Preview again to retry.", "-error")
            return
        self.app.notify(
            f"Imported from {plan.source}: {counts(plan)} (ctrl+z undoes it)", markup=False
        )
        self.dismiss(plan)
