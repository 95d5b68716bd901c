"""The daily review and the weekly progress as plain text, for `netui today` and
`netui stats` (and anything else that prints them)."""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from netui.dates import format_date, relative_label
from netui.errors import NetuiError
from netui.ledger import close_the_loop
from netui.model import Contact, FollowUp, Goals, Network
from netui.names import ContactIndex
from netui.replies import Stage, waiting_for_replies
from netui.review import ColdContact, DailyReview, progress, weekly_counts
from netui.rhythm import cadence_label
from netui.text import clean, plural

MOST = 15
"""Rows shown per section; the rest are counted."""
SPARKS = "▁▂▃▄▅▆▇█"
"""The eight heights of a text sparkline, lowest first."""


def _line(text: str) -> str:
    return clean(text, multiline=False)


def _section(title: str, rows: Sequence[str], total: int) -> list[str]:
    if not total:
        return []
    lines = [f"{title} ({total})"]
    lines += [f"  {row}" for row in rows[:MOST]]
    if total > MOST:
        lines.append(f"  … and {total - MOST} more")
    return [*lines, ""]


def _followups(items: list[FollowUp], network: Network, review: DailyReview) -> list[str]:
    rows = []
    for f in items[:MOST]:
        who = network.name_of(f.contact_id) or "—"
        when = f"{format_date(f.due, review.today)} ({relative_label(f.due, review.today)})"
        rows.append(f"{when:<24} {_line(who):<22} {_line(f.text)}")
    return rows


def with_loop(review: DailyReview, network: Network) -> DailyReview:
    """`review` with its two sections from the services above `netui.review`: "Waiting for
    a reply" (`netui.replies.waiting_for_replies`) and "Close the loop"
    (`netui.ledger.close_the_loop`), for the review's day. A review that has them already
    is returned as it is."""
    if review.waiting is not None and review.loop is not None:
        return review
    return replace(
        review,
        waiting=waiting_for_replies(network, review.today)
        if review.waiting is None
        else review.waiting,
        loop=close_the_loop(network, review.today) if review.loop is None else review.loop,
    )


def draft_command(kind: str, person: Contact, index: ContactIndex) -> str:
    """`netui draft KIND NAME`, shell-quoted, by name or by #id when the name is not theirs
    alone in `index` (as `netui landed` writes it)."""
    try:
        written = person.name if index.resolve(person.name).id == person.id else ""
    except NetuiError:
        written = ""
    words = ["netui", "draft", kind, written or f"#{person.id}"]
    return " ".join(shlex.quote(word) for word in words)


def render_review(review: DailyReview, network: Network) -> str:
    """The review as sections of readable lines, ending with this week's counts (the
    sections of the reply clock and the ledger filled in if `review` lacks them)."""
    review = with_loop(review, network)
    today = review.today
    out = [f"netui daily review — {today:%A} {today.day} {today:%B %Y}", ""]
    out += _section("Overdue", _followups(review.overdue, network, review), len(review.overdue))
    out += _section(
        "Due today",
        _followups(review.due_today, network, review),
        len(review.due_today),
    )
    out += _section(
        "Thank-you notes owed",
        [
            f"{_line(t.contact.name)} — met {format_date(t.meeting.date, today)}"
            for t in review.thank_yous[:MOST]
        ],
        len(review.thank_yous),
    )
    waiting = review.waiting or ()
    owed = review.loop or ()
    index = ContactIndex(network.contacts) if waiting or owed else ContactIndex(())
    out += _section(
        "Waiting for a reply",
        [
            _line(row.text)
            + (
                f" — {_line(draft_command('follow-up', row.contact, index))}"
                if row.stage == Stage.FOLLOW_UP
                else ""
            )
            for row in waiting[:MOST]
        ],
        len(waiting),
    )
    out += _section(
        "Close the loop",
        [
            f"{_line(item.text)} — {_line(draft_command('update', item.person, index))}"
            for item in owed[:MOST]
        ],
        len(owed),
    )
    out += _section("Going cold", _rhythm_rows(review.going_cold, today), len(review.going_cold))
    out += _section("Due for a touch", _rhythm_rows(review.due_touch, today), len(review.due_touch))
    out += _section(
        "A longer rhythm may suit",
        [
            f"{_line(s.contact.name)} — went cold {s.streak} times in a row: every "
            f"{cadence_label(s.current)} → every {cadence_label(s.suggested)}"
            for s in review.suggestions[:MOST]
        ],
        len(review.suggestions),
    )
    out += _section(
        "Coming up this week",
        _followups(review.this_week, network, review),
        len(review.this_week),
    )
    out += _leads(review, network)
    if review.all_clear:
        out += ["All clear: nothing overdue, due today, owed or going cold.", ""]
    week = review.this_weeks_counts
    out.append(
        f"This week so far: {plural(week.contacts_added, 'contact')} added, "
        f"{plural(week.meetings, 'meeting')} held, "
        f"{plural(week.followups_done, 'follow-up')} done."
    )
    return "\n".join(out) + "\n"


def _leads(review: DailyReview, network: Network) -> list[str]:
    """The leads someone referred (each "via" who), then the others: listed when few,
    else one line with their count (`LeadGroups`)."""
    groups = review.lead_groups
    if not groups:
        return []
    listed = groups.listed
    lines = [f"Leads not contacted yet ({len(groups)})"]
    for lead in listed[:MOST]:
        row = _line(lead.name) + (f" @ {_line(lead.company)}" if lead.company else "")
        if lead.referred_by is not None and (referrer := network.name_of(lead.referred_by)):
            row += f" — via {_line(referrer)}"
        lines.append(f"  {row}")
    if len(listed) > MOST:
        lines.append(f"  … and {len(listed) - MOST} more")
    if groups.hidden:
        lines.append(
            f"  + {groups.hidden}{' more' if listed else ''} leads nobody referred "
            "(in the app, r then L lists them)"
        )
    return [*lines, ""]


def _rhythm_rows(items: list[ColdContact], today: date) -> list[str]:
    return [
        f"{_line(c.contact.name)} — last touch {format_date(c.last_touch, today)} "
        f"({plural(c.days_since, 'day')}; rhythm {plural(c.cadence, 'day')})"
        for c in items[:MOST]
    ]


def sparkline(values: Sequence[int]) -> str:
    """One character per value, ▁ (nothing) to █ (the largest); a non-zero value is never
    drawn as low as nothing."""
    top = max(values, default=0)
    if top <= 0:
        return SPARKS[0] * len(values)
    last = len(SPARKS) - 1
    return "".join(SPARKS[0] if v <= 0 else SPARKS[max(1, round(v * last / top))] for v in values)


def render_stats(network: Network, today: date, goals: Goals) -> str:
    """This week against the weekly goals, then the last 8 weeks as a small table with a
    sparkline per count (`netui stats`)."""
    weeks = weekly_counts(network, today)
    rows = progress(weeks, goals)
    start = weeks[-1].start
    out = [
        f"netui stats — {today:%A} {today.day} {today:%B %Y}",
        "",
        f"This week (since {start:%a} {start.day} {start:%b})",
    ]
    width = max(len(p.label) for p in rows)
    for p in rows:
        mark = "  ✓" if p.met else f"  {p.goal - p.done} to go"
        out.append(f"  {p.label:<{width}}  {p.done:>3} / {p.goal:<3}{mark}".rstrip())
    out += ["", "Last 8 weeks"]
    widths = [max(len(p.label), len(p.trend)) for p in rows]
    out.append(
        "  "
        + f"{'Week of':<14}"
        + "  ".join(f"{p.label:>{w}}" for p, w in zip(rows, widths, strict=True))
    )
    for i, week in enumerate(weeks):
        label = f"{week.start:%a} {week.start.day} {week.start:%b}"
        if i == len(weeks) - 1:
            label += " *"
        cells = "  ".join(f"{p.trend[i]:>{w}}" for p, w in zip(rows, widths, strict=True))
        out.append(f"  {label:<14}{cells}")
    totals = "  ".join(f"{sum(p.trend):>{w}}" for p, w in zip(rows, widths, strict=True))
    out.append(f"  {'Total':<14}{totals}")
    sparks = "  ".join(f"{sparkline(p.trend):>{w}}" for p, w in zip(rows, widths, strict=True))
    out.append(f"  {'Trend':<14}{sparks}")
    out += ["", "* this week so far"]
    return "\n".join(out) + "\n"
