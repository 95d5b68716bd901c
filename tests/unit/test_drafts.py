"""The drafts (netui.drafts): what each message says for realistic people (a referred
lead, a contact met with answers and a promise, someone with no company, names with
accents and notes with markup and braces), the advisers' rules the outreach is checked
against, and the templates: the shipped ones, the user's copies, and the messages for a
template that can't be used."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from netui.drafts import (
    FIELDS,
    NO_NAME,
    NO_STEP,
    Draft,
    DraftError,
    check_outreach,
    connection,
    count_words,
    default_template_path,
    draft,
    draft_for,
    load_template,
    mailto_url,
    my_name,
    parse_template,
    sent,
    time_since,
)
from netui.model import (
    Answer,
    Contact,
    DraftKind,
    FollowUp,
    Network,
    Note,
    NoteKind,
    Outcome,
    Status,
)

TODAY = date(2026, 12, 3)  # a Thursday
ME = "Sam Rivera"


def at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour))


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


ANA = Contact(
    "Ana López", company="Globex", title="Design Manager", status=Status.MET, id=1,
    how_met="Former colleague at Lumen",
)  # fmt: skip
PRIYA = Contact(
    "Priya Patel", company="Acme", title="Research Lead", referred_by=1, id=2,
    how_met="via Ana López",
)  # fmt: skip
JOSE = Contact(
    "José Ortiz", company="Acme", title="Design Lead", status=Status.MET, id=3,
    how_met="Sat at his table at the ResearchOps meetup",
)  # fmt: skip
KIM = Contact("Kim", status=Status.CONTACTED, id=4)  # no company, no title, one name
ZOE = Contact(
    "Zoë [b]Åberg[/b] {x}", company="Kestrel {Maps}", status=Status.MET, id=5,
    how_met="Commented on my post on LinkedIn",
)  # fmt: skip

MEETING = Note(
    "Coffee near Acme. Their research team is growing; talk to Lee.",
    ago(1),
    3,
    NoteKind.COFFEE,
    created=at(ago(1), 17),
    id=1,
    answers=(
        Answer("What do you look for in a portfolio?", ""),
        Answer(
            "How did you get into research?",
            "A contract role at Tidewater, then full time. Contracts are the way in.",
        ),
    ),
    promises=("send the deck", "Read the ops handbook"),
)
THANKS_TASK = FollowUp("Send a thank-you note", TODAY, 3, created=at(ago(1), 17), id=1)
DECK = FollowUp("send the deck", date(2026, 12, 4), 3, created=at(ago(1), 17), id=2)
HANDBOOK = FollowUp("Read the ops handbook", date(2026, 12, 10), 3, created=at(ago(1), 17), id=3)
ZOE_TALK = Note(
    "She said {my_name} and [b]bold[/b] are fine; ask about {topic}.",
    ago(21),
    5,
    NoteKind.MEETING,
    id=2,
)

NETWORK = Network(
    contacts=(ANA, PRIYA, JOSE, KIM, ZOE),
    followups=(THANKS_TASK, DECK, HANDBOOK),
    notes=(MEETING, ZOE_TALK),
)


def write(kind: str, who: Contact, network: Network = NETWORK, **kwargs: object) -> Draft:
    return draft(kind, who, network, TODAY, signature=ME, **kwargs)  # type: ignore[arg-type]


def paragraphs(made: Draft) -> list[str]:
    return made.body.split("\n\n")


# --- the shipped templates, on realistic people -----------------------------------------


def test_outreach_to_a_referred_lead_leads_with_who_suggested_it() -> None:
    made = write("outreach", PRIYA)
    assert made.kind is DraftKind.OUTREACH
    assert made.subject == "A question about your work as Research Lead at Acme"
    assert paragraphs(made)[0] == "Hi Priya,"
    assert paragraphs(made)[1].startswith("Ana López suggested I get in touch. ")
    assert paragraphs(made)[-1] == f"Best,\n{ME}"
    assert paragraphs(made)[-2].endswith("?")  # it ends with a question (a 20-minute call)
    assert "20-minute call" in made.body
    assert made.words == count_words(made.body) < 100
    assert made.warnings == ()
    assert made.text == f"Subject: {made.subject}\n\n{made.body}\n"


def test_outreach_to_someone_referred_by_a_colleague_says_so() -> None:
    lee = Contact("Lee Wong", company="ACME ", referred_by=3, id=9)
    network = Network(contacts=(*NETWORK.contacts, lee))
    # the same company however spelled; named as the person's own record spells it
    assert (
        connection(network, lee) == "José Ortiz, your colleague at ACME, suggested I get in touch."
    )


def test_a_thank_you_names_a_specific_topic_and_the_promised_next_step() -> None:
    made = write("thanks", JOSE)
    assert made.subject == "Thank you, José"
    body = made.body
    assert "talk with me yesterday" in body  # within 24 hours of the coffee
    # the first answer given (the empty one was not asked), its first sentence
    assert "One thing I keep coming back to: a contract role at Tidewater, then full time." in body
    # the first promise still open, with its date
    assert "\n\nAs promised, I'll send the deck by Fri 4 Dec.\n\n" in body
    assert made.warnings == ()  # only outreach is checked


def test_the_next_step_is_the_first_promise_still_open() -> None:
    done_deck = FollowUp(DECK.text, DECK.due, 3, done=at(TODAY), id=2)
    network = Network(NETWORK.contacts, (THANKS_TASK, done_deck, HANDBOOK), NETWORK.notes)
    assert (
        "As promised, I'll read the ops handbook by Thu 10 Dec."
        in write("thanks", JOSE, network).body
    )
    nothing_open = Network(NETWORK.contacts, (), NETWORK.notes)
    assert f"\n\n{NO_STEP}.\n\n" in write("thanks", JOSE, nothing_open).body


def test_without_answers_the_topic_is_the_first_sentence_of_the_notes() -> None:
    plain = Note("Research ops is growing fast. Lee runs it.", ago(1), 3, NoteKind.MEETING, id=1)
    network = Network(NETWORK.contacts, (), (plain,))
    assert ": research ops is growing fast.\n" in write("thanks", JOSE, network).body


@pytest.mark.parametrize(
    ("notes", "topic"),
    [
        ("Coffee with José near Northwind.\nHow teams embed researchers.", "how teams embed"),
        ("Call with José.", "call with José"),  # nothing more said: that, then
        ("Lunch at Acme: great view. Their ops team is new.", "their ops team is new"),
        ("Talked about " + "many " * 30 + "things.", "talked about " + "many " * 17 + "many…"),
    ],
)
def test_the_topic_passes_over_a_line_that_only_says_what_the_meeting_was(
    notes: str, topic: str
) -> None:
    network = Network(NETWORK.contacts, (), (Note(notes, ago(1), 3, NoteKind.MEETING, id=1),))
    assert f"One thing I keep coming back to: {topic}" in write("thanks", JOSE, network).body


def test_a_contact_with_no_company_or_title_reads_naturally() -> None:
    made = write("outreach", KIM)
    assert made.subject == "A question about your work"
    assert paragraphs(made)[0] == "Hi Kim,"
    assert paragraphs(made)[1].startswith("I came across your work. I'd love")
    follow = write("follow-up", KIM)
    assert "hear about your work. Would" in follow.body
    for text in (made.text, follow.text, write("thanks", KIM).text, write("update", KIM).text):
        assert "  " not in text and " at ." not in text and " ," not in text
        assert not re.search(r" \n|\{|\}", text), text


def test_accents_markup_and_braces_in_the_data_are_kept_as_written() -> None:
    made = write("thanks", ZOE)
    assert made.subject == "Thank you, Zoë"
    assert "talk with me three weeks ago" in made.body
    # braces and markup from the notes are text: never read as fields nor as markup
    assert "coming back to: she said {my_name} and [b]bold[/b] are fine; ask about {topic}." in (
        made.body
    )
    outreach = write("outreach", ZOE)
    assert outreach.subject == "A question about your work at Kestrel {Maps}"
    assert paragraphs(outreach)[1].startswith(
        "I came across your profile on LinkedIn while reading about Kestrel {Maps}."
    )
    assert write("update", ZOE).body.startswith("Hi Zoë,")


def test_control_characters_in_the_data_never_reach_the_draft() -> None:
    evil = Contact("Eve\x1b[31m Evil\u202e", company="Bad\x07Co\x9b", id=7)
    text = write("outreach", evil, Network(contacts=(evil,))).text
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", text)
    assert "Hi Eve,\n" in text and "work at Bad Co. " in text


def test_someone_met_at_an_event_is_reminded_where() -> None:
    assert connection(NETWORK, JOSE) == "We met at the ResearchOps meetup."
    dinner = Contact("Lee", how_met="PyCon 2026 conference", id=8)
    assert connection(Network(contacts=(dinner,)), dinner) == "We met at the PyCon 2026 conference."
    plain = Contact("Lee", company="Acme", how_met="Friend from design school", id=8)
    assert connection(Network(contacts=(plain,)), plain) == "I came across your work at Acme."


def test_the_follow_up_says_when_the_first_message_went() -> None:
    sent = Note("Intro email", ago(10), 2, NoteKind.OUTREACH, id=3)
    made = write("follow-up", PRIYA, Network(NETWORK.contacts, (), (sent,)))
    assert made.subject == "Following up: a question about your work as Research Lead at Acme"
    assert "I wrote to you a week ago and wanted to follow up once" in made.body
    assert "Ana López suggested I get in touch." in made.body
    assert paragraphs(made)[-2].endswith("?")


def test_without_an_outreach_note_the_follow_up_refers_to_the_last_email() -> None:
    emailed = Note("Sent my intro", ago(14), 2, NoteKind.EMAIL, id=3)
    made = write("follow-up", PRIYA, Network(NETWORK.contacts, (), (emailed,)))
    assert "I wrote to you two weeks ago and wanted" in made.body
    assert "I wrote to you recently and wanted" in write("follow-up", PRIYA, Network()).body


def test_a_topic_keeps_the_capital_of_a_company_and_a_cut_topic_has_one_stop() -> None:
    notes = "Acme is hiring researchers for " + "very " * 20 + "long projects."
    network = Network(NETWORK.contacts, (), (Note(notes, ago(1), 3, NoteKind.MEETING, id=1),))
    body = write("thanks", JOSE, network).body
    assert ": Acme is hiring researchers for very" in body
    assert "very very…\n" in body


def test_an_update_tells_the_referrer_whom_i_met_and_what_i_landed() -> None:
    met_priya = Note("Coffee", ago(5), 2, NoteKind.COFFEE, id=4)
    network = Network(NETWORK.contacts, (), (met_priya,))
    made = write("update", ANA, network)
    assert made.subject == "An update, and thank you"
    assert paragraphs(made)[1] == "I met Priya Patel, thanks to your introduction."
    assert paragraphs(made)[2].endswith("How are things with you?")
    landed = Outcome("Product Designer", "Acme", TODAY, id=1)
    network = Network(NETWORK.contacts, (), (met_priya,), outcomes=(landed,))
    assert paragraphs(write("update", ANA, network))[1] == (
        "I'm happy to tell you that I've accepted a role as Product Designer at Acme. "
        "It started with your introduction to Priya Patel. "
        "I met Priya Patel, thanks to your introduction."
    )


def test_an_update_tells_what_came_of_their_advice() -> None:
    advice = FollowUp("Rewrite the portfolio intro", ago(9), 1, done=at(ago(2)), id=5, advice=True)
    network = Network(NETWORK.contacts, (advice,), ())
    assert paragraphs(write("update", ANA, network))[1] == (
        "I acted on your advice: rewrite the portfolio intro."
    )


# --- the advisers' rules for a first message ----------------------------------------------


def test_outreach_over_100_words_is_warned_about() -> None:
    long = "Hi Lee,\n\n" + "I would love to learn more about your work. " * 12 + "\n\nCan we talk?"
    warnings = check_outreach(long)
    assert len(warnings) == 1 and warnings[0].startswith(f"{count_words(long)} words: ")
    assert "under 100" in warnings[0]


@pytest.mark.parametrize(
    "ask",
    [
        "Are you hiring?",
        "Is there an opening on your team?",
        "Could I send you my résumé?",
        "May I send my CV?",
        "Would you refer me for the role?",
        "Do you know of any jobs there?",
        "Is the position still open?",
    ],
)
def test_a_job_in_the_first_request_is_warned_about(ask: str) -> None:
    warnings = check_outreach(f"Hi Lee,\n\nAna suggested I write. {ask}\n\nBest,\nSam")
    assert len(warnings) == 1 and "in the first request" in warnings[0], warnings
    assert "not for a job" in warnings[0]


def test_words_that_only_look_like_a_job_are_not_warned_about() -> None:
    body = (
        "Hi Lee,\n\nYour talk was eye-opening. How did you move into your role at Acme? "
        "Later I might ask about openings.\n\nWould a 20-minute call suit you?\n\nBest,\nSam"
    )
    assert check_outreach(body) == ()  # (the openings come after the first request)


def test_outreach_that_does_not_end_with_a_question_is_warned_about() -> None:
    (warning,) = check_outreach("Hi Lee,\n\nCan we talk? Let me know.\n\nBest,\nSam")
    assert warning.startswith("it does not end with a question")
    assert check_outreach("Hi Lee,\n\nWould you have 20 minutes?\n\nThanks so much,\nSam") == ()


def test_every_shipped_outreach_draft_keeps_the_rules() -> None:
    for person in NETWORK.contacts:
        made = write("outreach", person)
        assert made.warnings == (), (person.name, made.warnings)
        assert made.words <= 100


# --- what is due ------------------------------------------------------------------------


def test_the_draft_due_is_a_thank_you_then_outreach_to_a_lead_then_a_follow_up() -> None:
    assert draft_for(JOSE, NETWORK, TODAY) is DraftKind.THANKS  # the thank-you follow-up
    assert draft_for(PRIYA, NETWORK, TODAY) is DraftKind.OUTREACH  # a lead never reached
    assert draft_for(KIM, NETWORK, TODAY) is DraftKind.FOLLOW_UP
    met_today = Note("Coffee", TODAY, 4, NoteKind.COFFEE, created=at(TODAY, 10), id=9)
    owed = Network(NETWORK.contacts, (), (met_today,))
    assert draft_for(KIM, owed, TODAY) is DraftKind.THANKS  # a thank-you owed, none planned
    reached = Network(NETWORK.contacts, (), (Note("Intro", ago(2), 2, NoteKind.OUTREACH),))
    assert draft_for(PRIYA, reached, TODAY) is DraftKind.FOLLOW_UP


def test_a_reply_clock_at_its_follow_up_comes_before_an_update() -> None:
    """Ana owes nothing but is owed word of Priya (met last week): an update; once Ana
    herself has not answered for 7 business days, the follow-up comes first; a thank-you
    owed comes before both."""
    met_priya = Note("Coffee", ago(6), 2, NoteKind.COFFEE, id=4)
    network = Network(NETWORK.contacts, (), (met_priya,))
    assert draft_for(ANA, network, TODAY) is DraftKind.UPDATE
    written = Note("Asked Ana about Globex", ago(10), 1, NoteKind.OUTREACH, id=5)  # 8 b. days
    network = Network(NETWORK.contacts, (), (met_priya, written))
    assert draft_for(ANA, network, TODAY) is DraftKind.FOLLOW_UP
    assert "I wrote to you a week ago" in write("follow-up", ANA, network).body
    coffee = Note("Coffee", TODAY, 1, NoteKind.COFFEE, created=at(TODAY, 10), id=6)
    network = Network(NETWORK.contacts, (), (met_priya, written, coffee))
    assert draft_for(ANA, network, TODAY) is DraftKind.THANKS


def test_an_update_says_what_the_ledger_says_is_owed() -> None:
    """Introductions reached and met, and advice acted on, within the ledger's 30 days."""
    lee = Contact("Lee Wong", company="Initech", referred_by=1, id=8)
    notes = (
        Note("Coffee", ago(3), 2, NoteKind.COFFEE, id=4),
        Note("Intro email", ago(2), 8, NoteKind.OUTREACH, id=5),
    )
    advice = FollowUp("Read the ops handbook", ago(9), 1, done=at(ago(1)), id=5, advice=True)
    network = Network((*NETWORK.contacts, lee), (advice,), notes)
    assert paragraphs(write("update", ANA, network))[1] == (
        "I met Priya Patel, thanks to your introduction. I've reached out to Lee Wong, "
        "thanks to your introduction. I acted on your advice: read the ops handbook."
    )


def test_what_logging_a_draft_as_sent_records() -> None:
    outreach = write("outreach", PRIYA)
    logged = sent(outreach, PRIYA, NETWORK, TODAY)
    assert logged.note == Note(outreach.subject, TODAY, 2, NoteKind.OUTREACH)
    assert (logged.done, logged.told) == (None, ())
    assert sent(write("thanks", JOSE), JOSE, NETWORK, TODAY).done == THANKS_TASK
    unplanned = sent(write("thanks", KIM), KIM, NETWORK, TODAY)
    assert unplanned.note == Note("Thank-you sent", TODAY, 4, NoteKind.EMAIL)
    met_priya = Note("Coffee", ago(6), 2, NoteKind.COFFEE, id=4)
    network = Network(NETWORK.contacts, (), (met_priya,))
    (item,) = sent(write("update", ANA, network), ANA, network, TODAY).told
    assert (item.key, item.text) == ("intro:2:met", "Tell Ana López you met Priya Patel")


# --- words ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "words"),
    [
        (0, "today"),
        (1, "yesterday"),
        (3, "three days ago"),
        (7, "a week ago"),
        (13, "a week ago"),
        (21, "three weeks ago"),
        (45, "a month ago"),
        (70, "two months ago"),
        (400, "over a year ago"),
        (1100, "three years ago"),
    ],
)
def test_time_since_is_said_in_words(days: int, words: str) -> None:
    assert time_since(ago(days), TODAY) == words


def test_time_since_unknown_or_ahead_is_recently() -> None:
    assert time_since(None, TODAY) == time_since(TODAY + timedelta(days=2), TODAY) == "recently"


def test_words_are_counted_as_people_count_them() -> None:
    assert count_words("Don't miss the 20-minute call, José!") == 6


# --- my name ----------------------------------------------------------------------------


def test_the_signature_is_netui_name_then_the_config_file_then_a_placeholder(
    tmp_path: Path,
) -> None:
    assert my_name({}, tmp_path) == NO_NAME == "[your name]"
    (tmp_path / "config.toml").write_text('name = "Sam Rivera"\n', "utf-8")
    assert my_name({}, tmp_path) == "Sam Rivera"
    assert my_name({"NETUI_NAME": " Alex  Kim "}, tmp_path) == "Alex Kim"
    made = draft("thanks", JOSE, NETWORK, TODAY, config=tmp_path)
    assert made.body.endswith("Thanks again,\nSam Rivera")


def test_a_broken_config_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('name = "Sam\n', "utf-8")
    with pytest.raises(DraftError, match=re.escape(str(tmp_path / "config.toml"))):
        my_name({}, tmp_path)


# --- templates --------------------------------------------------------------------------


def test_every_shipped_template_parses_and_uses_only_known_fields() -> None:
    for kind in DraftKind:
        path = default_template_path(kind)
        assert path.name == f"{kind.value}.txt"
        template = load_template(kind, Path("/nonexistent-config"))
        assert template.source == str(path)
        assert set(re.findall(r"\{(\w+)\}", template.body)) <= set(FIELDS)


def test_the_users_copy_of_a_template_takes_precedence(tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "outreach.txt").write_text(
        "Subject: Hello from {my_name}\n\nDear {name} ({{not a field}}),\n\n{connection}\n"
        "Coffee?\n",
        "utf-8",
    )
    made = draft("outreach", PRIYA, NETWORK, TODAY, config=tmp_path, signature=ME)
    assert made.subject == "Hello from Sam Rivera"
    assert made.body == (
        "Dear Priya Patel ({not a field}),\n\nAna López suggested I get in touch.\nCoffee?"
    )
    # the other kinds still come from the shipped templates
    assert write("thanks", JOSE, config=tmp_path).subject == "Thank you, José"


def test_an_unknown_field_is_named_with_its_file_and_line(tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    path = folder / "thanks.txt"
    path.write_text("Subject: Thanks\n\nHi {first_name},\n\nAbout {topci}.\n", "utf-8")
    with pytest.raises(DraftError) as raised:
        write("thanks", JOSE, config=tmp_path)
    message = str(raised.value)
    assert message.startswith(f"{path}, line 5: unknown field {{topci}} (the fields are: ")
    assert "first_name" in message and "next_step" in message


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("Hello\n\nbody", 1, "starts with a 'Subject: …' line"),
        ("Subject: a } here\n\nbody", 1, "a lone '}'"),
        ("Subject: ok\n\nHi {first_name,\n", 3, "a lone '{'"),
        ("Subject: ok\n\n{Name}", 3, "unknown field {Name}"),
    ],
)
def test_a_template_that_cant_be_used_says_where(text: str, line: int, words: str) -> None:
    with pytest.raises(DraftError) as raised:
        parse_template(DraftKind.THANKS, text, "my.txt")
    assert str(raised.value).startswith(f"my.txt, line {line}: ")
    assert words in str(raised.value)


def test_a_template_with_windows_line_ends_and_a_bom_reads_the_same() -> None:
    template = parse_template(DraftKind.UPDATE, "\ufeffSubject: Hi\r\n\r\nHello {first_name}\r\n")
    assert (template.subject, template.body) == ("Hi", "Hello {first_name}")


def test_a_template_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "update.txt").write_bytes(b"Subject: caf\xe9\n")
    with pytest.raises(DraftError, match="is not UTF-8 text"):
        write("update", ANA, config=tmp_path)


# --- mail -------------------------------------------------------------------------------


def test_the_mailto_link_encodes_everything_and_ends_lines_in_crlf() -> None:
    made = Draft(DraftKind.THANKS, "Thank you & more?", "Hi José,\n\n100% yes", 4)
    assert mailto_url(made, "jose@acme.example") == (
        "mailto:jose@acme.example?subject=Thank%20you%20%26%20more%3F"
        "&body=Hi%20Jos%C3%A9%2C%0D%0A%0D%0A100%25%20yes"
    )
