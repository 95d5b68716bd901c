"""The question bank: informational-interview questions, grouped, some starred.

netui ships a default bank (`assets/questions.toml`, whose header documents the format).
Once the user changes anything, the whole bank is saved as `questions.toml` in netui's
config folder, and that copy is the one read from then on. A question is known by its
text (compared case- and accent-insensitively, spaces collapsed), so a bank never holds
two questions with the same text and every change names the question by its text.

No Textual here; `QuestionBank` is immutable, and each change returns a new bank.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from netui.errors import NetuiError
from netui.model import Network
from netui.text import clean, fold, shown

BANK_FILE = "questions.toml"
"""The name of the user's copy in the config folder, and of the shipped default."""

HEADER = """\
# netui's question bank, saved by netui (you may edit it by hand).
#
#   [[group]]                 one table per group, in order; `name` is its heading
#   [[group.question]]        one table per question, in order; `text` is the question,
#                             and `starred = true` (optional) suggests it first
#
# Remove this file to go back to the questions netui ships with.

"""
"""The comment at the top of a saved bank."""


class QuestionError(NetuiError, ValueError):
    """A change to the bank that can't be made, or a bank file that can't be read."""

    def __init__(self, message: str) -> None:
        # Messages name the bank's file and quote its text: displayable, like every text
        # read from a file (the bank's own texts are `clean`ed as they are read).
        super().__init__(shown(message, multiline=False))


@dataclass(frozen=True, slots=True)
class Question:
    """One question of the bank. Within a bank its text identifies it."""

    group: str
    """The heading it is filed under ("" for a picked question no longer in the bank)."""
    text: str
    starred: bool = False
    """Starred questions are suggested first for a meeting."""


def question_key(text: str) -> str:
    """What identifies a question's text: case, accents and spacing don't count."""
    return fold(" ".join(text.split()))


def _one_line(text: str) -> str:
    return clean(text, multiline=False)


@dataclass(frozen=True, slots=True)
class QuestionBank:
    """Groups in order, and their questions in order (grouped: the questions of the first
    group come first). Immutable: `add`, `edit`, `star` and `remove` return a new bank."""

    groups: tuple[str, ...] = ()
    questions: tuple[Question, ...] = ()

    def __post_init__(self) -> None:
        # Keep every bank consistent however it was built: each group once (the first
        # spelling wins), every question's group listed, questions in group order, and
        # no two questions with the same text (the first one wins).
        groups: dict[str, str] = {}
        for name in (*self.groups, *(q.group for q in self.questions)):
            groups.setdefault(question_key(name), name)
        seen: set[str] = set()
        by_group: dict[str, list[Question]] = {key: [] for key in groups}
        for question in self.questions:
            key = question_key(question.text)
            if key and key not in seen:
                seen.add(key)
                group_key = question_key(question.group)
                by_group[group_key].append(replace(question, group=groups[group_key]))
        object.__setattr__(self, "groups", tuple(groups.values()))
        object.__setattr__(self, "questions", tuple(q for qs in by_group.values() for q in qs))

    # reading

    def __len__(self) -> int:
        return len(self.questions)

    def __iter__(self) -> Iterator[Question]:
        return iter(self.questions)

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and self.get(text) is not None

    def get(self, text: str) -> Question | None:
        """The question with this text, or None."""
        key = question_key(text)
        return next((q for q in self.questions if question_key(q.text) == key), None)

    def in_group(self, group: str) -> tuple[Question, ...]:
        """The questions of one group, in order."""
        key = question_key(group)
        return tuple(q for q in self.questions if question_key(q.group) == key)

    def starred(self) -> tuple[Question, ...]:
        """The starred questions, in bank order."""
        return tuple(q for q in self.questions if q.starred)

    def _find(self, text: str) -> int:
        key = question_key(text)
        for index, question in enumerate(self.questions):
            if question_key(question.text) == key:
                return index
        raise QuestionError(f"no question '{_one_line(text)}' in the bank")

    def _check_new_text(self, text: str, *, ignore: int | None = None) -> str:
        text = _one_line(text)
        if not text:
            raise QuestionError("a question needs some text")
        key = question_key(text)
        for index, question in enumerate(self.questions):
            if index != ignore and question_key(question.text) == key:
                raise QuestionError(
                    f"'{text}' is already in the bank (under {question.group or 'no group'})"
                )
        return text

    # changing

    def add(self, group: str, text: str, *, starred: bool = False) -> QuestionBank:
        """A bank with the question added at the end of `group` (a new group goes last).

        Raises QuestionError for an empty text or group, or a text already in the bank.
        """
        group = _one_line(group)
        if not group:
            raise QuestionError("a question needs a group")
        text = self._check_new_text(text)
        existing = {question_key(g): g for g in self.groups}
        group = existing.get(question_key(group), group)
        return QuestionBank(self.groups, (*self.questions, Question(group, text, starred)))

    def edit(self, old_text: str, new_text: str, *, group: str | None = None) -> QuestionBank:
        """A bank with one question's text changed (and its group, if given); it keeps its
        place (or goes last in its new group) and its star."""
        index = self._find(old_text)
        text = self._check_new_text(new_text, ignore=index)
        question = self.questions[index]
        if group is not None and question_key(group) != question_key(question.group):
            return self.remove(old_text).add(group, text, starred=question.starred)
        questions = list(self.questions)
        questions[index] = replace(question, text=text)
        return QuestionBank(self.groups, tuple(questions))

    def star(self, text: str, starred: bool = True) -> QuestionBank:
        """A bank with the question starred (or unstarred)."""
        index = self._find(text)
        questions = list(self.questions)
        questions[index] = replace(questions[index], starred=starred)
        return QuestionBank(self.groups, tuple(questions))

    def remove(self, text: str) -> QuestionBank:
        """A bank without the question (its group stays, even if now empty)."""
        index = self._find(text)
        return QuestionBank(self.groups, self.questions[:index] + self.questions[index + 1 :])


# --- files ------------------------------------------------------------------------------


def default_bank_path() -> Path:
    """The shipped bank: inside the package (a wheel), else in the source checkout."""
    here = Path(__file__).resolve().parent
    candidates = (here / "assets" / BANK_FILE, here.parent / "assets" / BANK_FILE)
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise NetuiError(f"the default question bank is missing (looked for {candidates[-1]})")


def user_bank_path(config: Path | None = None) -> Path:
    """The user's copy: `questions.toml` in `config` (default: netui's config folder).

    `config` may also name the file itself (a path ending in `.toml`).
    """
    if config is None:
        from netui.paths import config_dir

        config = config_dir()
    config = Path(config).expanduser()
    return config if config.suffix == ".toml" else config / BANK_FILE


def load_bank(config: Path | None = None) -> QuestionBank:
    """The user's bank if they have one (in `config`, default netui's config folder), else
    the shipped default. Raises NetuiError naming the file (and the line, for a TOML
    mistake) if the bank can't be read."""
    user = user_bank_path(config)
    if user.exists():
        if not user.is_file():
            raise QuestionError(f"the question bank {user} is not a file")
        return read_bank(user)
    return read_bank(default_bank_path())


def read_bank(path: Path) -> QuestionBank:
    """The bank in the file `path`; NetuiError if it can't be read."""
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as error:
        raise QuestionError(
            f"can't read the question bank {path}: {error.strerror or error}"
        ) from None
    except UnicodeDecodeError:
        raise QuestionError(f"the question bank {path} is not UTF-8 text") from None
    return parse_bank(text, path)


def parse_bank(text: str, source: str | Path = "the question bank") -> QuestionBank:
    """The bank written in `text` (TOML, in the format of `assets/questions.toml`).

    Raises QuestionError naming `source`: with tomllib's line and column for a TOML
    mistake, or the group and question number for a table that is not a bank's.
    """
    hint = "fix it, or remove it to use the default questions"
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise QuestionError(f"{source} is not valid TOML: {error} ({hint})") from None
    raw_groups = data.get("group", [])
    if data and "group" not in data:
        raise QuestionError(f"{source} has no [[group]] tables ({hint})")
    if not isinstance(raw_groups, list):
        raise QuestionError(f"{source}: 'group' must be [[group]] tables ({hint})")
    groups: list[str] = []
    questions: list[Question] = []
    for g, raw in enumerate(raw_groups, 1):
        where = f"{source}: group {g}"
        if not isinstance(raw, dict):
            raise QuestionError(f"{where} is not a table ({hint})")
        name = raw.get("name")
        if not isinstance(name, str) or not _one_line(name):
            raise QuestionError(f"{where} has no name ({hint})")
        name = _one_line(name)
        groups.append(name)
        raw_questions = raw.get("question", [])
        if not isinstance(raw_questions, list):
            raise QuestionError(f"{where} ({name}): 'question' must be tables ({hint})")
        for q, item in enumerate(raw_questions, 1):
            questions.append(_question(item, name, f"{where} ({name}), question {q}", hint))
    return QuestionBank(tuple(groups), tuple(questions))


def _question(item: Any, group: str, where: str, hint: str) -> Question:
    if not isinstance(item, dict):
        raise QuestionError(f"{where} is not a table ({hint})")
    text = item.get("text")
    if not isinstance(text, str) or not _one_line(text):
        raise QuestionError(f"{where} has no text ({hint})")
    starred = item.get("starred", False)
    if not isinstance(starred, bool):
        raise QuestionError(f"{where}: starred must be true or false ({hint})")
    return Question(group, _one_line(text), starred)


def dump_bank(bank: QuestionBank) -> str:
    """The bank as TOML, laid out as the shipped file is (one `[[group.question]]` table
    per question), with a comment on the format at the top."""
    import tomli_w

    # tomli_w writes the values (quoting and escaping); the layout is written here, since
    # tomli_w would fold short question tables into one inline array per group.
    chunks = [HEADER]
    for group in bank.groups:
        chunks.append("[[group]]\n" + tomli_w.dumps({"name": group}) + "\n")
        for question in bank.in_group(group):
            fields: dict[str, Any] = {"text": question.text}
            if question.starred:
                fields["starred"] = True
            chunks.append("[[group.question]]\n" + tomli_w.dumps(fields) + "\n")
    return "".join(chunks).rstrip("\n") + "\n"


def save_bank(bank: QuestionBank, config: Path | None = None) -> Path:
    """Save `bank` as the user's copy (atomically, mode 0600; the folder is created 0700
    if missing); return its path. Raises NetuiError if it can't be saved."""
    from netui.store import write_atomic

    path = user_bank_path(config)
    if path.is_symlink():  # save to the link's target, and keep the link
        path = Path(os.path.realpath(path))
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise QuestionError(
            f"can't create the folder {path.parent}: {error.strerror or error}"
        ) from None
    write_atomic(path, dump_bank(bank).encode("utf-8"))
    return path


# --- what was asked ---------------------------------------------------------------------


def asked_of(network: Network, contact_id: int) -> set[str]:
    """The texts of the questions already asked of this person: those answered in the
    notes of their meetings (a question recorded with a blank answer was not asked)."""
    return {
        answer.question
        for note in network.notes
        if note.contact_id == contact_id
        for answer in note.answers
        if answer.question.strip() and answer.answer.strip()
    }
