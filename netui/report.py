"""The daily review as plain text, for `netui today` (and anything else that prints it)."""

from __future__ import annotations

from collections.abc import Sequence

from netui.dates import format_date, relative_label
from netui.model import FollowUp, Network
from netui.review import DailyReview
from netui.text import clean

MOST = 15
"""Rows shown per section; the rest are counted."""


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


def render_review(review: DailyReview, network: Network) -> str:
    """The review as sections of readable lines, ending with this week's counts."""
    today = review.today
    out = [f"netui daily review — {today:%A} {today.day} {today:%B %Y}", ""]
    out += _section("Overdue", _followups(review.overdue, network, review), len(review.overdue))
    out += _section(
        "Due today", _followups(review.due_today, network, review), len(review.due_today)
    )
    out += _section(
        "Thank-you notes owed",
        [
            f"{_line(t.contact.name)} — met {format_date(t.meeting.date, today)}"
            for t in review.thank_yous[:MOST]
        ],
        len(review.thank_yous),
    )
    out += _section(
        "Going cold",
        [
            f"{_line(c.contact.name)} — last touch {format_date(c.last_touch, today)} "
            f"({c.days_since} days; rhythm {c.contact.cadence_days} days)"
            for c in review.going_cold[:MOST]
        ],
        len(review.going_cold),
    )
    out += _section(
        "Coming up this week",
        _followups(review.this_week, network, review),
        len(review.this_week),
    )
    leads = []
    for lead in review.leads[:MOST]:
        row = _line(lead.name) + (f" @ {_line(lead.company)}" if lead.company else "")
        if lead.referred_by is not None and (referrer := network.name_of(lead.referred_by)):
            row += f" — referred by {_line(referrer)}"
        leads.append(row)
    out += _section("Leads not contacted yet", leads, len(review.leads))
    if review.all_clear:
        out += ["All clear: nothing overdue, due today, owed or going cold.", ""]
    week = review.this_weeks_counts
    out.append(
        f"This week so far: {_plural(week.contacts_added, 'contact')} added, "
        f"{_plural(week.meetings, 'meeting')} held, "
        f"{_plural(week.followups_done, 'follow-up')} done."
    )
    return "\n".join(out) + "\n"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")
