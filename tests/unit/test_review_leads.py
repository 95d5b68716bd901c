"""Which leads the daily review lists (netui.review.group_leads) and how `netui today`
prints them (netui.report): the ones someone referred first, each "via" who; the others
listed when few, else one line with their count, as after a LinkedIn import of 300."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from netui.model import Contact, Network, Status
from netui.report import render_review
from netui.review import LEADS_COLLAPSE_OVER, daily_review, group_leads, uncontacted_leads

TODAY = date(2026, 6, 3)
IMPORTED_ON = datetime(2024, 3, 1, 9, 0)
"""When the LinkedIn connections were made (an import keeps that date as `created`)."""

JANE = Contact("Jane Doe", status=Status.MET, created=datetime(2026, 1, 5), id=1)
BOB = Contact("Bob Smith", status=Status.MET, created=datetime(2026, 1, 5), id=2)


def lead(
    contact_id: int,
    name: str,
    *,
    created: datetime,
    referred_by: int | None = None,
    company: str = "",
) -> Contact:
    return Contact(
        name,
        company=company,
        status=Status.LEAD,
        created=created,
        referred_by=referred_by,
        id=contact_id,
    )


def imported(count: int, first_id: int = 100) -> list[Contact]:
    """`count` LinkedIn connections nobody referred, one a day before the import date."""
    return [
        lead(
            first_id + i,
            f"Connection {i:03}",
            company="Initech",
            created=IMPORTED_ON - timedelta(days=i),
        )
        for i in range(count)
    ]


def network(*contacts: Contact) -> Network:
    return Network(contacts=(JANE, BOB, *contacts), followups=(), notes=())


def leads_section(text: str) -> list[str]:
    """The lines of the review's leads section, heading first (up to the blank line)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Leads not contacted"))
    end = lines.index("", start)
    return lines[start:end]


# --- the rule -----------------------------------------------------------------------------


def test_referred_leads_come_first_the_longest_waiting_first() -> None:
    late = lead(10, "Late Ref", created=datetime(2026, 5, 1), referred_by=JANE.id)
    early = lead(11, "Early Ref", created=datetime(2026, 2, 1), referred_by=BOB.id)
    mine = lead(12, "Added By Me", created=datetime(2026, 6, 1))
    groups = group_leads([mine, late, early])
    assert [c.name for c in groups.referred] == ["Early Ref", "Late Ref"]
    assert [c.name for c in groups.others] == ["Added By Me"]
    assert [c.name for c in groups.listed] == ["Early Ref", "Late Ref", "Added By Me"]
    assert not groups.collapsed and groups.hidden == 0 and len(groups) == 3


def test_the_others_are_newest_first_ties_by_id() -> None:
    a = lead(21, "A", created=datetime(2026, 1, 1))
    b = lead(20, "B", created=datetime(2026, 1, 1))
    new = lead(22, "New", created=datetime(2026, 6, 1))
    assert [c.name for c in group_leads([a, b, new]).others] == ["New", "B", "A"]


def test_up_to_the_threshold_the_others_are_listed() -> None:
    groups = group_leads(imported(LEADS_COLLAPSE_OVER))
    assert not groups.collapsed
    assert len(groups.listed) == LEADS_COLLAPSE_OVER and groups.hidden == 0


def test_past_the_threshold_the_others_are_one_count() -> None:
    referred = lead(10, "Lee Wong", created=datetime(2026, 5, 1), referred_by=JANE.id)
    groups = group_leads([referred, *imported(LEADS_COLLAPSE_OVER + 1)])
    assert groups.collapsed
    assert groups.listed == (referred,)
    assert groups.hidden == LEADS_COLLAPSE_OVER + 1
    assert len(groups) == LEADS_COLLAPSE_OVER + 2


def test_the_review_keeps_every_lead_referred_first() -> None:
    referred = lead(10, "Lee Wong", created=datetime(2026, 5, 1), referred_by=JANE.id)
    net = network(*imported(30), referred)
    review = daily_review(net, TODAY)
    assert review.leads == uncontacted_leads(net)
    assert review.leads[0] == referred and len(review.leads) == 31
    assert review.lead_groups.referred == (referred,)
    assert review.lead_groups.hidden == 30


# --- netui today --------------------------------------------------------------------------


def test_today_after_an_import_of_300_lists_the_referred_and_counts_the_rest() -> None:
    referred = [
        lead(
            10 + i,
            f"Referred {i:02}",
            created=datetime(2026, 5, 1 + i),
            referred_by=JANE.id if i % 2 else BOB.id,
            company="Acme",
        )
        for i in range(13)
    ]
    net = network(*imported(287), *referred)
    section = leads_section(render_review(daily_review(net, TODAY), net))
    assert section[0] == "Leads not contacted yet (300)"
    assert section[1] == "  Referred 00 @ Acme — via Bob Smith"
    assert section[2] == "  Referred 01 @ Acme — via Jane Doe"
    assert sum("— via " in line for line in section) == 13
    assert not any("Connection" in line for line in section)
    assert section[-1] == "  + 287 more leads nobody referred (in the app, r then L lists them)"
    assert len(section) == 1 + 13 + 1


def test_today_lists_a_few_unreferred_leads_after_the_referred() -> None:
    referred = lead(10, "Lee Wong", created=datetime(2026, 5, 1), referred_by=JANE.id)
    net = network(*imported(2), referred)
    section = leads_section(render_review(daily_review(net, TODAY), net))
    assert section == [
        "Leads not contacted yet (3)",
        "  Lee Wong — via Jane Doe",
        "  Connection 000 @ Initech",
        "  Connection 001 @ Initech",
    ]


def test_today_with_many_referred_leads_cuts_the_list_and_says_how_many_more() -> None:
    referred = [
        lead(10 + i, f"Referred {i:02}", created=datetime(2026, 5, 1 + i), referred_by=JANE.id)
        for i in range(20)
    ]
    net = network(*imported(40), *referred)
    section = leads_section(render_review(daily_review(net, TODAY), net))
    assert section[0] == "Leads not contacted yet (60)"
    assert section[-2] == "  … and 5 more"
    assert section[-1] == "  + 40 more leads nobody referred (in the app, r then L lists them)"


def test_today_with_only_imported_leads_is_one_count_line() -> None:
    net = network(*imported(50))
    section = leads_section(render_review(daily_review(net, TODAY), net))
    assert section == [
        "Leads not contacted yet (50)",
        "  + 50 leads nobody referred (in the app, r then L lists them)",
    ]
