"""The draft screen: the message that is due for a person, ready to edit and send.

`w` opens it on a contact, a follow-up or a review row; the draft comes from
`netui.drafts` (what is due: `drafts.draft_for`, unless the opener asks for a kind). The
subject is an `Input`, the body a `TextArea`; a line under them counts the words and,
for a first message, says what it does against the advisers' rules
(`drafts.check_outreach`), as it is edited. Keys:

- `ctrl+t` the next kind (thanks, outreach, follow-up, update), or the Kind list;
- `ctrl+g` the body in $EDITOR;
- `ctrl+l` copy (the Subject line and the body) to the clipboard with OSC 52
  (`App.copy_to_clipboard`), which works over ssh; tmux passes it on with
  `set -g set-clipboard on`;
- `ctrl+o` open it in the mail program (a `mailto:` link, `netui.ui.opener`);
- `ctrl+s` log it as sent: what `drafts.sent` says it records (an outreach note that
  starts or continues the reply clock, the thank-you follow-up done, the close-the-loop
  items an update tells), then the screen closes;
- `escape` close (asking first when the draft was edited).

The screen holds no rule of its own: the drafts, the checks and what "sent" records are
`netui.drafts`'s. Everything from the data file is shown literally.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Label, Select, Static, TextArea

from netui import drafts
from netui.drafts import Draft
from netui.errors import NetuiError
from netui.ledger import done_note
from netui.model import Contact, DraftKind
from netui.readmodel import View
from netui.text import plural, shown
from netui.ui.widgets.footer import KeysFooter

CLIPBOARD_HINT = "In tmux, `set -g set-clipboard on` lets it through."
"""Said with every copy: tmux drops OSC 52 unless told otherwise."""

KINDS = tuple(DraftKind)
"""The kinds, in the order `ctrl+t` goes through them."""


class DraftScreen(Screen[bool]):
    """A draft message for one person; returns True when it was logged as sent."""

    CSS_PATH = "draft.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (90, "-wide")]  # noqa: RUF012 (as Screen has it)
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "sent", "Log as sent", key_display="^s", id="draft-sent"),
        Binding("ctrl+l", "copy", "Copy", key_display="^l", id="draft-copy"),
        Binding("ctrl+o", "mail", "Mail", key_display="^o", tooltip="Open in the mail program"),
        Binding("ctrl+g", "editor", "Editor", key_display="^g", tooltip="Write in $EDITOR"),
        Binding("ctrl+t", "next_kind", "Kind", key_display="^t", tooltip="The next kind"),
        Binding("escape", "close", "Close", id="draft-close"),
    ]

    def __init__(self, contact_id: int, kind: DraftKind | str | None = None) -> None:
        super().__init__()
        self.contact_id = contact_id
        """The person the message is for."""
        self.kind = DraftKind(kind) if kind else None
        """The kind asked for (None: what is due, `drafts.draft_for`)."""
        self.person = Contact("")
        """The contact as it was when the screen opened."""
        self.made: Draft | None = None
        """The draft as netui made it (before any edit)."""
        self.view: View | None = None
        self._switching = False
        self._saving = False

    # --- layout -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static("", id="heading", markup=False)
        with Vertical(id="form"):
            with Horizontal(id="top"):
                with Vertical(id="kind-box"):
                    yield Label("Kind (^t)")
                    yield Select(
                        [(str(kind), kind) for kind in KINDS],
                        value=self.kind or DraftKind.OUTREACH,
                        allow_blank=False,
                        id="kind",
                    )
                with Vertical(id="subject-box"):
                    yield Label("Subject")
                    yield Input(id="subject")
            yield Label("Message (^g: write it in your $EDITOR)", id="body-label")
            yield TextArea(id="body", soft_wrap=True)
        yield Static("", id="check", markup=False)
        yield KeysFooter()

    async def on_mount(self) -> None:
        view = self.view = await self.app.snapshot()  # type: ignore[attr-defined]
        person = view.contact(self.contact_id)
        if person is None:
            self.app.notify("That contact no longer exists.", severity="warning", markup=False)
            self.dismiss(False)
            return
        self.person = person
        kind = self.kind or drafts.draft_for(person, view.network, self.today)
        self._load(kind)
        self.query_one("#body", TextArea).focus()

    @property
    def today(self) -> date:
        today: date = self.app.today  # type: ignore[attr-defined]
        return today

    def _load(self, kind: DraftKind) -> None:
        """Show the `kind` draft for the person (a template problem: said, nothing shown)."""
        assert self.view is not None
        self.kind = kind
        select = self.query_one("#kind", Select)
        if select.value != kind:
            self._switching = True
            select.value = kind
        heading = self.query_one("#heading", Static)
        heading.update(Content(f"{_TITLES[kind]} {self.person.name}"))
        try:
            made = drafts.draft(kind, self.person, self.view.network, self.today)
        except (NetuiError, OSError) as error:
            self.made = None
            self.query_one("#subject", Input).value = ""
            self.query_one("#body", TextArea).load_text("")
            check = self.query_one("#check", Static)
            check.update(f"⚠ {shown(str(error))}")
            check.add_class("-warning")
            return
        self.made = made
        self.query_one("#subject", Input).value = made.subject
        body = self.query_one("#body", TextArea)
        body.load_text(made.body)
        body.move_cursor((0, 0))
        self._check()

    # --- reading the form -------------------------------------------------------------------

    def edited(self) -> Draft | None:
        """The draft as it is on screen now (None: no draft could be made)."""
        if self.made is None:
            return None
        body = self.query_one("#body", TextArea).text
        subject = " ".join(self.query_one("#subject", Input).value.split())
        return replace(self.made, subject=subject, body=body, words=drafts.count_words(body))

    def _was_edited(self) -> bool:
        now = self.edited()
        return now is not None and self.made is not None and now != self.made

    def _check(self) -> None:
        """The live line: the words, and for a first message what the advisers would say."""
        made = self.edited()
        if made is None:
            return
        words = plural(made.words, "word")
        warnings = drafts.check_outreach(made.body) if made.kind is DraftKind.OUTREACH else ()
        check = self.query_one("#check", Static)
        if warnings:
            check.update(f"{words} · ⚠ " + " · ⚠ ".join(warnings))
        elif made.kind is DraftKind.OUTREACH:
            check.update(f"{words} · short, no job asked for, ends with a question")
        else:
            check.update(words)
        check.set_class(bool(warnings), "-warning")

    @on(Input.Changed, "#subject")
    @on(TextArea.Changed, "#body")
    def _changed(self) -> None:
        self._check()

    @on(Select.Changed, "#kind")
    def _kind_chosen(self, event: Select.Changed) -> None:
        if self._switching:
            self._switching = False
            return
        if isinstance(event.value, DraftKind) and event.value != self.kind:
            self._switch_to(event.value)

    # --- actions ----------------------------------------------------------------------------

    def action_next_kind(self) -> None:
        current = self.kind or DraftKind.OUTREACH
        self._switch_to(KINDS[(KINDS.index(current) + 1) % len(KINDS)])

    def _switch_to(self, kind: DraftKind) -> None:
        """Show another kind of draft; when this one was edited, ask first."""
        from netui.ui.dialogs.confirm import ConfirmScreen

        if self.view is None:
            return
        if not self._was_edited():
            self._load(kind)
            return

        def answered(switch: bool | None) -> None:
            self._load(kind if switch else (self.kind or kind))

        self.app.push_screen(
            ConfirmScreen(f"Switch to the {kind} draft? Your edits to it are lost.", "Switch"),
            answered,
        )

    async def action_editor(self) -> None:
        """Write the message in $EDITOR."""
        from netui.ui.editor import edit_in_editor

        body = self.query_one("#body", TextArea)
        text = await edit_in_editor(self.app, body.text, name="draft")
        if text is not None:
            body.load_text(text)
            body.focus()
            self._check()

    def action_copy(self) -> None:
        """The Subject line and the body to the clipboard (OSC 52)."""
        made = self.edited()
        if made is None:
            self.app.bell()
            return
        self.app.copy_to_clipboard(made.text)
        self.app.notify(
            f"Copied the subject and the message ({plural(made.words, 'word')}). " + CLIPBOARD_HINT,
            title="Copied to the clipboard",
            markup=False,
        )

    def action_mail(self) -> None:
        """Open the draft in the mail program (a mailto: link)."""
        from netui.ui import opener

        made = self.edited()
        if made is None:
            self.app.bell()
            return
        url = drafts.mailto_url(made, self.person.email)
        try:
            opener.open_url(url)
        except NetuiError as error:
            self.app.notify(str(error), title="Not opened", severity="error", markup=False)
            return
        to = self.person.email or "nobody yet: no email address is known"
        self.app.notify(
            f"Opened in the mail program, to {to}. ^s logs it once it is sent.",
            markup=False,
        )

    @work(exclusive=True, group="draft-sent")
    async def action_sent(self) -> None:
        """Log the draft as sent (what `drafts.sent` records), then close."""
        made = self.edited()
        if made is None or self._saving:
            self.app.bell()
            return
        self._saving = True
        try:
            logged = await self._log(made)
        finally:
            self._saving = False
        if logged is not None:
            self.app.notify(logged, title=f"Sent to {self.person.name}", markup=False)
            self.dismiss(True)

    async def _log(self, made: Draft) -> str | None:
        """Record the draft as sent; what was recorded, in words (None: not saved)."""
        from netui.ui.actions import complete_followup

        app = self.app
        store = app.store  # type: ignore[attr-defined]
        view = await app.snapshot()  # type: ignore[attr-defined]
        person = view.contact(self.contact_id)
        if person is None:
            app.notify("That contact no longer exists.", severity="warning", markup=False)
            return None
        what = drafts.sent(made, person, view.network, self.today)
        if what.note is not None:
            note = await app.change(store.add_note, what.note)  # type: ignore[attr-defined]
            if note is None:
                return None
            return f"Logged {note.kind} note '{note.text}'"
        if what.done is not None:
            done = await complete_followup(app, what.done.id or 0)
            return None if done is None else f"Done: {done.text}"
        if not what.told:
            return f"Nothing was owed to {person.name}: nothing logged"
        items = [(item.key, done_note(item, self.today)) for item in what.told]
        states = await app.change(store.close_loop_items, items)  # type: ignore[attr-defined]
        if states is None:
            return None
        return "Closed the loop: " + "; ".join(item.told for item in what.told)

    def action_close(self) -> None:
        """Close; if the draft was edited, ask first (the edits would be lost)."""
        from netui.ui.dialogs.confirm import close_or_ask

        question = "Discard this draft? Your edits are not kept anywhere."
        close_or_ask(self, self._was_edited(), question, lambda: self.dismiss(False))


_TITLES = {
    DraftKind.THANKS: "Thank-you to",
    DraftKind.OUTREACH: "First message to",
    DraftKind.FOLLOW_UP: "Follow-up to",
    DraftKind.UPDATE: "Update for",
}
"""The heading of each kind, before the person's name."""
