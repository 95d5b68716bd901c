"""The question bank (netui.questions): the shipped default, the user's copy, changes that
round-trip through the file, and the messages for a file that can't be read."""

from __future__ import annotations

import os
import re
import stat
from datetime import date
from pathlib import Path

import pytest

from netui.errors import NetuiError
from netui.model import Answer, Network, Note, NoteKind
from netui.questions import (
    BANK_FILE,
    Question,
    QuestionBank,
    QuestionError,
    asked_of,
    default_bank_path,
    dump_bank,
    load_bank,
    parse_bank,
    read_bank,
    save_bank,
    user_bank_path,
)

GROUPS = (
    "The field and industry",
    "Their path into the job",
    "Skills that matter",
    "The company and its culture",
    "Advice for me",
    "Who else I should talk to",
)


@pytest.fixture
def config(tmp_path: Path) -> Path:
    """A config folder that does not exist yet."""
    return tmp_path / "config"


# --- the default bank ---------------------------------------------------------------------


def test_default_bank_loads_with_every_group(config: Path) -> None:
    bank = load_bank(config)
    assert bank.groups == GROUPS
    assert 35 <= len(bank) <= 45
    for group in GROUPS:
        assert len(bank.in_group(group)) >= 4, group
    starred = bank.starred()
    assert 3 <= len(starred) <= 10
    assert {q.group for q in starred} == set(GROUPS)  # one or more starred in each group
    assert all(q.text.endswith("?") for q in bank)
    assert not config.exists()  # reading never creates the user's copy


def test_default_bank_is_the_shipped_file_and_documents_its_format() -> None:
    path = default_bank_path()
    assert path.name == BANK_FILE
    text = path.read_text("utf-8")
    assert "[[group]]" in text.split("\n\n")[0]  # the format is described in the header
    assert "[[group.question]]" in text.split("\n\n")[0]
    assert read_bank(path) == parse_bank(text)


def test_default_config_folder_is_netui_home(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("NETUI_HOME", str(tmp_path))
    assert user_bank_path() == tmp_path / "config" / BANK_FILE
    assert load_bank().groups == GROUPS
    saved = save_bank(load_bank().add("Mine", "Why?"))
    assert saved == tmp_path / "config" / BANK_FILE
    assert load_bank().in_group("Mine") == (Question("Mine", "Why?"),)


# --- the user's copy ----------------------------------------------------------------------


def test_users_copy_takes_precedence(config: Path) -> None:
    config.mkdir()
    (config / BANK_FILE).write_text(
        '[[group]]\nname = "Mine"\n\n[[group.question]]\ntext = "What is it like?"\n'
        "starred = true\n",
        "utf-8",
    )
    bank = load_bank(config)
    assert bank.groups == ("Mine",)
    assert bank.questions == (Question("Mine", "What is it like?", True),)


def test_config_may_name_the_file_itself(tmp_path: Path) -> None:
    path = tmp_path / "elsewhere" / "my-bank.toml"
    saved = save_bank(QuestionBank().add("G", "Q?"), path)
    assert saved == path
    assert load_bank(path).questions == (Question("G", "Q?"),)


def test_an_empty_users_copy_is_an_empty_bank(config: Path) -> None:
    config.mkdir()
    (config / BANK_FILE).write_text("# nothing yet\n", "utf-8")
    assert len(load_bank(config)) == 0


def test_changes_round_trip_through_the_file(config: Path) -> None:
    default = load_bank(config)
    first_starred = default.starred()[0].text
    unstarred = default.in_group("Skills that matter")[-1].text
    removed = default.in_group("Advice for me")[1].text
    edited = default.in_group("Their path into the job")[2].text
    bank = (
        default.add("Skills that matter", "Which certificate, if any, is worth it?")
        .add("About their team", 'What does "done" mean for you?')
        .edit(edited, "What did you do before this job?")
        .star(first_starred, False)
        .star(unstarred)
        .remove(removed)
    )
    path = save_bank(bank, config)
    assert path == config / BANK_FILE
    again = load_bank(config)
    assert again == bank
    assert again.groups == (*GROUPS, "About their team")
    assert again.in_group("Skills that matter")[-1] == Question(
        "Skills that matter", "Which certificate, if any, is worth it?"
    )
    assert again.get(first_starred) == Question(GROUPS[0], first_starred, False)
    assert again.get(unstarred).starred  # type: ignore[union-attr]
    assert removed not in again
    assert edited not in again
    # an edited question keeps its place in its group
    assert again.in_group("Their path into the job")[2].text == "What did you do before this job?"
    assert load_bank(config.parent / "nowhere") == default  # the shipped file is untouched


def test_saved_file_is_private_and_its_folder_too(config: Path) -> None:
    old = os.umask(0o022)
    try:
        path = save_bank(load_bank(config).add("G", "Q?"), config)
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(config.stat().st_mode) == 0o700
    # saving again replaces the file atomically, leaving no temporary file behind
    save_bank(load_bank(config).star("Q?"), config)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in config.iterdir()) == [BANK_FILE]


def test_saved_file_reads_like_the_shipped_one(config: Path) -> None:
    bank = QuestionBank().add("G", 'A "quoted" back\\slash, é?', starred=True).add("G", "B?")
    text = save_bank(bank, config).read_text("utf-8")
    assert text.startswith("# netui's question bank")
    assert '[[group]]\nname = "G"\n\n[[group.question]]\n' in text
    assert "starred = true" in text and "starred = false" not in text
    assert parse_bank(text) == bank


def test_empty_group_survives_a_save(config: Path) -> None:
    bank = QuestionBank().add("Keep me", "Only?").remove("Only?")
    assert bank.groups == ("Keep me",) and len(bank) == 0
    save_bank(bank, config)
    assert load_bank(config).groups == ("Keep me",)


# --- changing the bank --------------------------------------------------------------------


def test_changes_return_a_new_bank() -> None:
    bank = QuestionBank().add("G", "Q?")
    assert bank.add("G", "R?") is not bank
    assert bank.questions == (Question("G", "Q?"),)
    with pytest.raises(AttributeError):
        bank.groups = ()  # type: ignore[misc]


def test_add_goes_at_the_end_of_its_group_matching_group_names_loosely() -> None:
    bank = QuestionBank().add("One", "A?").add("Two", "B?").add("  one ", "C?")
    assert bank.groups == ("One", "Two")
    assert [q.text for q in bank] == ["A?", "C?", "B?"]
    assert bank.in_group("ONE") == (Question("One", "A?"), Question("One", "C?"))


def test_text_is_the_identity_of_a_question() -> None:
    bank = QuestionBank().add("G", "What   is it  like?")
    assert bank.questions[0].text == "What is it like?"  # spaces collapsed on the way in
    assert "what is it like?" in bank
    with pytest.raises(QuestionError, match="already in the bank"):
        bank.add("Other", "WHAT is it like?")
    assert bank.star("what is it LIKE?").starred() == (Question("G", "What is it like?", True),)
    assert bank.edit("what is it like?", "What is it Like?").questions[0].text == (
        "What is it Like?"
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda b: b.add("G", "   "), "needs some text"),
        (lambda b: b.add(" ", "New?"), "needs a group"),
        (lambda b: b.edit("Nope?", "New?"), "no question 'Nope?'"),
        (lambda b: b.edit("A?", "B?"), "'B?' is already in the bank"),
        (lambda b: b.star("Nope?"), "no question"),
        (lambda b: b.remove("Nope?"), "no question"),
    ],
)
def test_impossible_changes_say_why(change, message: str) -> None:
    bank = QuestionBank().add("G", "A?").add("G", "B?")
    with pytest.raises(QuestionError, match=re.escape(message)) as caught:
        change(bank)
    assert isinstance(caught.value, NetuiError)


def test_edit_can_move_a_question_to_another_group() -> None:
    bank = QuestionBank().add("G", "A?", starred=True).add("G", "B?").add("H", "C?")
    moved = bank.edit("A?", "A2?", group="H")
    assert [(q.group, q.text, q.starred) for q in moved] == [
        ("G", "B?", False),
        ("H", "C?", False),
        ("H", "A2?", True),
    ]


def test_text_is_cleaned_of_control_characters() -> None:
    bank = QuestionBank().add("G\x1b[31m", "Why\x07 now?\n")
    assert bank.questions == (Question("G [31m", "Why now?"),)  # no escape sequence left


def test_a_bank_built_by_hand_is_made_consistent() -> None:
    bank = QuestionBank(
        groups=("B",),
        questions=(Question("A", "x?"), Question("B", "y?"), Question("a", "X?", True)),
    )
    assert bank.groups == ("B", "A")
    assert bank.questions == (Question("B", "y?"), Question("A", "x?"))


# --- files that can't be read -------------------------------------------------------------


def test_broken_toml_names_the_file_and_the_line(config: Path) -> None:
    config.mkdir()
    path = config / BANK_FILE
    path.write_text('[[group]]\nname = "Mine"\n\n[[group.question]]\ntext = "oops\n', "utf-8")
    with pytest.raises(NetuiError) as caught:
        load_bank(config)
    message = str(caught.value)
    assert str(path) in message
    assert "line 5" in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[[group]]\nname = ""\n', "group 1 has no name"),
        ('[[group]]\nname = "G"\n[[group.question]]\nstarred = true\n', "question 1 has no text"),
        (
            '[[group]]\nname = "G"\n[[group.question]]\ntext = "Q?"\nstarred = "yes"\n',
            "starred must be true or false",
        ),
        ('[[groups]]\nname = "G"\n', "has no [[group]] tables"),
        ('group = "G"\n', "'group' must be [[group]] tables"),
        ('[[group]]\nname = "G"\nquestion = "Q?"\n', "'question' must be tables"),
    ],
)
def test_a_file_that_is_not_a_bank_says_where(config: Path, content: str, message: str) -> None:
    config.mkdir()
    (config / BANK_FILE).write_text(content, "utf-8")
    with pytest.raises(QuestionError, match=re.escape(message)) as caught:
        load_bank(config)
    assert str(config / BANK_FILE) in str(caught.value)


def test_a_file_that_is_not_utf8(config: Path) -> None:
    config.mkdir()
    (config / BANK_FILE).write_bytes(b'[[group]]\nname = "\xff"\n')
    with pytest.raises(QuestionError, match="not UTF-8"):
        load_bank(config)


def test_a_folder_in_place_of_the_file(config: Path) -> None:
    (config / BANK_FILE).mkdir(parents=True)
    with pytest.raises(QuestionError, match="not a file"):
        load_bank(config)


def test_duplicate_questions_in_a_hand_edited_file_are_kept_once() -> None:
    text = (
        '[[group]]\nname = "G"\n[[group.question]]\ntext = "Q?"\n'
        '[[group.question]]\ntext = "q?"\n[[group]]\nname = "G"\n'
        '[[group.question]]\ntext = "R?"\n'
    )
    bank = parse_bank(text)
    assert bank.groups == ("G",)
    assert [q.text for q in bank] == ["Q?", "R?"]
    assert parse_bank(dump_bank(bank)) == bank


# --- what was asked -----------------------------------------------------------------------


def test_asked_of_collects_the_answered_questions_of_that_person() -> None:
    network = Network(
        notes=(
            Note(
                "coffee",
                date(2026, 5, 1),
                contact_id=1,
                kind=NoteKind.COFFEE,
                answers=(Answer("How did you start?", "By chance"), Answer("Skipped?", "  ")),
            ),
            Note(
                "call",
                date(2026, 5, 9),
                contact_id=1,
                kind=NoteKind.CALL,
                answers=(Answer("Who else?", "Priya"),),
            ),
            Note(
                "meeting",
                date(2026, 5, 2),
                contact_id=2,
                kind=NoteKind.MEETING,
                answers=(Answer("Other person?", "yes"),),
            ),
        )
    )
    assert asked_of(network, 1) == {"How did you start?", "Who else?"}
    assert asked_of(network, 2) == {"Other person?"}
    assert asked_of(network, 3) == set()
