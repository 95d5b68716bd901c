"""The prep sheet for a meeting, and the questions picked for it.

On the left, the sheet that `netui prep NAME` prints (who they are, who referred me, what
we talked about, open follow-ups); on the right, the question bank, grouped, with the
questions for this meeting checked (the ones picked before, else the suggestions: starred
and not yet asked of this person). `space` toggles a question, `*` stars it, `a` adds one,
`e` edits one (the bank is saved as the user's copy at once), and `enter` or `ctrl+s`
keeps the picks on the contact, where the meeting log finds them.

Every text (names, notes, questions) is shown literally, never parsed as markup.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.strip import Strip
from textual.widgets import Input, Label, OptionList, Select, SelectionList, Static
from textual.widgets.option_list import OptionDoesNotExist
from textual.widgets.selection_list import Selection

from netui.errors import NetuiError, NotFoundError
from netui.model import Network
from netui.prep import PrepSheet, prep_sheet, render_prep
from netui.questions import Question, QuestionBank, load_bank, question_key, save_bank
from netui.text import shown
from netui.ui.messages import StoreChanged
from netui.ui.widgets.footer import KeysFooter

NARROW = 100
"""Below this width the sheet stands above the questions instead of beside them."""

HEADING = "\x00group:"
"""The value of a group's heading row (no question's text can start with a NUL)."""

EARLIER = "Picked earlier (no longer in the bank)"
"""The heading of picked questions that were since edited or removed from the bank."""


def sheet_text(sheet: PrepSheet, today: date) -> Text:
    """The printed prep sheet without its questions (the picker shows those), with its
    title and section headings in bold; the text itself is literal."""
    plain = render_prep(sheet, today).rstrip("\n")
    # The questions are always the sheet's last section, after its last blank line.
    body = plain.rsplit("\n\n", 1)[0] if "\n\n" in plain else plain
    text = Text()
    for number, line in enumerate(body.split("\n")):
        if number:
            text.append("\n")
        heading = number == 0 or (line and not line.startswith(" ") and number > 2)
        text.append(line, style="bold" if heading else "")
    return text


class QuestionList(SelectionList[str]):
    """The bank's questions under their groups' headings; `space` toggles one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Enter saves the picks (a SelectionList would toggle; space does that here).
        Binding("enter", "screen.save", "Save", show=False),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def render_line(self, y: int) -> Strip:
        """`[x]` or `[ ]` before a question (in words, not only in colour); a heading
        has no box."""
        line = OptionList.render_line(self, y)
        index = self.scroll_offset.y + y
        try:
            option = self.get_option_at_index(index)
        except OptionDoesNotExist:
            return line
        if option.value.startswith(HEADING):
            return line
        checked = option.value in self._selected
        component = "selection-list--button-selected" if checked else "selection-list--button"
        color = self.get_component_rich_style(component).color
        base = next(iter(line)).style or self.rich_style
        mark = base + Style(color=color, bold=checked, meta={"option": index})
        return Strip([Segment("[x] " if checked else "[ ] ", mark), *line])

    @property
    def highlighted_text(self) -> str | None:
        """The text of the highlighted question (None on nothing, or a heading)."""
        if self.highlighted is None:
            return None
        value = self.get_option_at_index(self.highlighted).value
        return None if value.startswith(HEADING) else value


class PrepScreen(Screen[list[str] | None]):
    """Prepare a meeting with one contact; returns the picked questions once saved."""

    CSS_PATH = "prep.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save picks", key_display="^s", id="prep-save"),
        Binding("enter", "save", "Save picks", show=False),
        Binding("asterisk", "star", "Star", key_display="*", id="prep-star"),
        Binding("a", "add", "Add question", id="prep-add"),
        Binding("e", "edit", "Edit question", id="prep-edit"),
        Binding("escape", "close", "Close", id="prep-close"),
    ]

    def __init__(self, contact_id: int) -> None:
        super().__init__()
        self.contact_id = contact_id
        """The person to meet."""
        self.bank: QuestionBank | None = None
        """The question bank (None until loaded, or if it can't be read)."""
        self.network = Network()
        self.sheet: PrepSheet | None = None
        self.earlier: tuple[str, ...] = ()
        """Picked questions that are not in the bank (edited or removed since)."""
        self._saving = False

    def compose(self) -> ComposeResult:
        with Horizontal(id="prep-body"):
            with VerticalScroll(id="sheet-box", classes="pane"):
                yield Static("", id="sheet", markup=False)
            with Vertical(id="questions-box", classes="pane"):
                yield QuestionList(id="questions")
                yield Static("", id="question-full", markup=False)
                yield Static("", id="bank-problem", markup=False)
                yield Static(
                    "space pick · * star · a add · e edit · enter save",
                    id="questions-hint",
                    markup=False,
                )
        yield KeysFooter()

    async def on_mount(self) -> None:
        self.query_one("#sheet-box").border_title = Content("Prep sheet")
        self.query_one("#questions").focus()
        problem = self.query_one("#bank-problem", Static)
        try:
            self.bank = await self.app.call_store(load_bank)  # type: ignore[attr-defined]
        except NetuiError as error:
            # Without the bank, nothing may be saved over it: only the picks can change.
            problem.update(f"⚠ {shown(str(error))}")
        problem.display = self.bank is None
        if await self._read_network():
            assert self.sheet is not None
            self._fill({question_key(q.text) for q in self.sheet.questions})
        self.refresh_bindings()

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW, "-narrow")

    # --- data -------------------------------------------------------------------------------

    async def _read_network(self) -> bool:
        """Take a snapshot and rebuild the sheet; False if the contact is gone."""
        view = await self.app.snapshot()  # type: ignore[attr-defined]
        self.network, defaults, today = view.network, view.settings.defaults, view.today
        try:
            self.sheet = prep_sheet(
                self.network, self.contact_id, self.bank or QuestionBank(), today, defaults
            )
        except NotFoundError:
            self.app.notify("That contact no longer exists.", severity="warning")
            self.dismiss(None)
            return False
        self.query_one("#sheet", Static).update(sheet_text(self.sheet, today))
        self.query_one("#questions-box").border_title = Content(
            f"Questions for {self.sheet.contact.name}"
        )
        return True

    async def on_store_changed(self, _: StoreChanged) -> None:
        if self.sheet is not None and not self._saving:
            await self._read_network()

    @property
    def question_list(self) -> QuestionList:
        return self.query_one("#questions", QuestionList)

    def _fill(self, checked: set[str], highlight: str | None = None) -> None:
        """(Re)build the question list from the bank, with `checked` (question keys)
        checked and the cursor on `highlight` (a question's text) if given."""
        assert self.sheet is not None
        bank = self.bank or QuestionBank()
        asked = {question_key(text) for text in self.sheet.asked}
        in_bank = {question_key(q.text) for q in bank}
        # A question picked before but since edited or removed stays offered.
        picked = [q.text for q in self.sheet.questions if question_key(q.text) not in in_bank]
        self.earlier = tuple(dict.fromkeys(t for t in picked if question_key(t) in checked))
        rows: list[Selection[str]] = []
        groups = [(g, bank.in_group(g)) for g in bank.groups]
        if self.earlier:  # first: they are picked, and would be lost at the bottom
            groups.insert(0, (EARLIER, tuple(Question("", t) for t in self.earlier)))
        for group, questions in groups:
            if not questions:
                continue
            rows.append(
                Selection(Content.styled(group, "bold"), HEADING + group, False, disabled=True)
            )
            for question in questions:
                key = question_key(question.text)
                rows.append(
                    Selection(prompt(question, key in asked), question.text, key in checked)
                )
        questions_list = self.question_list
        questions_list.clear_options()
        questions_list.add_options(rows)
        target = question_key(highlight) if highlight else None
        for index, row in enumerate(rows):
            if not row.disabled and (target is None or question_key(row.value) == target):
                questions_list.highlighted = index
                break
        self._count()

    def _count(self) -> None:
        picked = len(self.question_list.selected)
        label = "1 question picked" if picked == 1 else f"{picked} questions picked"
        self.query_one("#questions-box").border_subtitle = Content(label)

    @on(SelectionList.SelectedChanged)
    def _selected_changed(self) -> None:
        self._count()

    @on(SelectionList.SelectionHighlighted)
    def _highlighted(self) -> None:
        """The highlighted question in full (the list cuts long ones short)."""
        text = self.question_list.highlighted_text or ""
        if self.sheet is not None and question_key(text) in {
            question_key(asked) for asked in self.sheet.asked
        }:
            text += f"\n(answered by {self.sheet.contact.name} at an earlier meeting)"
        self.query_one("#question-full", Static).update(text)
        self.refresh_bindings()

    def picked(self) -> list[str]:
        """The checked questions, in the order they are listed (bank order)."""
        chosen = set(self.question_list.selected)
        questions_list = self.question_list
        return [
            value
            for index in range(questions_list.option_count)
            if (value := questions_list.get_option_at_index(index).value) in chosen
        ]

    # --- actions ----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("star", "add", "edit"):
            if self.bank is None:
                return False  # the bank can't be read: never save over it
            if action in ("star", "edit"):
                text = self.question_list.highlighted_text
                return (text is not None and text in self.bank) or None
        return True

    async def action_save(self) -> None:
        """Keep the picks on the contact (one undoable change), then close."""
        if self._saving or self.sheet is None:
            return
        picks = self.picked()
        self._saving = True
        try:
            store = self.app.store  # type: ignore[attr-defined]
            saved = await self.app.change(store.set_prepared, self.contact_id, picks)  # type: ignore[attr-defined]
        finally:
            self._saving = False
        if saved is None:
            return  # the app said why; the picks are still checked
        count = "1 question" if len(picks) == 1 else f"{len(picks)} questions"
        self.app.notify(f"Prepared {count} for {saved.name}", markup=False)
        self.dismiss(picks)

    def action_close(self) -> None:
        self.dismiss(None)

    async def action_star(self) -> None:
        """Star the highlighted question, or unstar it; the bank is saved at once."""
        text = self.question_list.highlighted_text
        if self.bank is None or text is None or (question := self.bank.get(text)) is None:
            return
        bank = self.bank.star(text, not question.starred)
        if await self._save_bank(bank, text):
            verb = "Unstarred" if question.starred else "Starred"
            self.notify(f"{verb}: {question.text}", markup=False)

    async def _save_bank(
        self, bank: QuestionBank, highlight: str, *, check: str | None = None
    ) -> bool:
        """Save `bank` as the user's copy (off the event loop) and show it, with the
        cursor on `highlight` and the question `check` picked too."""
        try:
            await self.app.call_store(save_bank, bank)  # type: ignore[attr-defined]
        except (NetuiError, OSError) as error:
            self.app.notify(
                shown(str(error)),
                title="Question bank not saved",
                severity="error",
                markup=False,
            )
            return False
        checked = {question_key(text) for text in self.question_list.selected}
        if check is not None:
            checked.add(question_key(check))
        self.bank = bank
        self._fill(checked, highlight)
        self.refresh_bindings()
        return True

    @work(exclusive=True, group="dialog")
    async def action_add(self) -> None:
        """Ask for a question and its group (the highlighted one's, to start with)."""
        if self.bank is None:
            return
        text = self.question_list.highlighted_text
        current = self.bank.get(text) if text else None
        group = current.group if current else (self.bank.groups[0] if self.bank.groups else "")
        await self._ask(QuestionDialog(self.bank, group, ""))

    @work(exclusive=True, group="dialog")
    async def action_edit(self) -> None:
        """Edit the highlighted question's text (and group); it stays picked if it was."""
        text = self.question_list.highlighted_text
        if self.bank is None or text is None or (question := self.bank.get(text)) is None:
            return
        await self._ask(QuestionDialog(self.bank, question.group, question.text, question.text))

    async def _ask(self, dialog: QuestionDialog) -> None:
        """Show the dialog until its bank is saved or it is cancelled (if the save fails,
        it comes back with what was typed)."""
        while True:
            result = await self.app.push_screen_wait(dialog)
            if result is None:
                return
            bank, text = result
            old = dialog.old_text
            # A new question is picked for this meeting; an edited one stays as it was.
            picked = {question_key(t) for t in self.question_list.selected}
            check = old is None or question_key(old) in picked
            if await self._save_bank(bank, text, check=text if check else None):
                self.notify(f"{'Added' if old is None else 'Edited'}: {text}", markup=False)
                return
            question = bank.get(text)
            group = question.group if question else dialog.group
            dialog = QuestionDialog(self.bank or bank, group, text, old)


def prompt(question: Question, asked: bool) -> Content:
    """A question's row: a star if starred, its text (literal), and whether it was asked."""
    parts: list[str | tuple[str, str]] = [("★ ", "bold") if question.starred else "  "]
    if asked:  # before the text, which a narrow list cuts short
        parts.append(("(asked) ", "italic"))
    parts.append(question.text)
    return Content.assemble(*parts)


class QuestionDialog(ModalScreen["tuple[QuestionBank, str] | None"]):
    """Add a question to a group, or edit one; returns the changed bank and the text."""

    CSS_PATH = "prep.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save", key_display="^s"),
    ]

    def __init__(
        self, bank: QuestionBank, group: str, text: str, old_text: str | None = None
    ) -> None:
        super().__init__()
        self.bank = bank
        self.group = group
        self.text = text
        self.old_text = old_text
        """The question being edited (None: adding one)."""

    def compose(self) -> ComposeResult:
        title = "Edit the question" if self.old_text is not None else "Add a question"
        groups = list(self.bank.groups) or ["Questions"]
        group = self.group if self.group in groups else groups[0]
        with Vertical(classes="dialog"):
            yield Static(Content(title), id="dialog-title")
            yield Label("Group")
            yield Select(
                [(Content(g), g) for g in groups], value=group, allow_blank=False, id="group"
            )
            yield Label("Question")
            yield Input(self.text, id="text", placeholder="What do you wish you had known?")
            yield Static("", id="dialog-problem", markup=False)
            yield Static("enter save · esc cancel", classes="hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#text", Input).focus()

    def build(self) -> QuestionBank:
        """The bank with the change made; raises NetuiError saying what is wrong."""
        group = str(self.query_one("#group", Select).value)
        text = self.query_one("#text", Input).value
        if self.old_text is None:
            return self.bank.add(group, text)
        return self.bank.edit(self.old_text, text, group=group)

    @on(Input.Submitted)
    def action_save(self) -> None:
        problem = self.query_one("#dialog-problem", Static)
        try:
            bank = self.build()
        except NetuiError as error:
            problem.update(f"⚠ {shown(str(error))}")
            self.app.bell()
            return
        text = " ".join(self.query_one("#text", Input).value.split())
        self.dismiss((bank, (bank.get(text) or Question("", text)).text))

    @on(Input.Changed)
    def _changed(self) -> None:
        self.query_one("#dialog-problem", Static).update("")

    def action_cancel(self) -> None:
        self.dismiss(None)
