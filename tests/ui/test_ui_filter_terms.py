"""The `/` filter's field terms (`#tag`, `@company`, `status:lead`) and `esc` on a
filtered list (issue 13, section 5)."""

from __future__ import annotations

from netkit import CARLOS, DANA, JANE, PRIYA, screen_text, settle, type_text

from netui.text import query_terms
from netui.ui.widgets.virtual_list import VirtualList


def visible_keys(app, name: str) -> list[object]:
    """The keys of the selectable rows of a pane, top to bottom."""
    listing = app.screen.query_one(f"#{name}-list", VirtualList)
    return [row.key for row in listing.rows if row.key is not None]


def test_field_terms_stand_alone_and_the_other_words_are_one_phrase() -> None:
    assert query_terms("ana lee #ux status:met") == ["#ux", "status:met", "ana lee"]
    assert query_terms("@acme") == ["@acme"]
    assert query_terms("  ") == []


async def test_tag_company_and_status_terms_filter_the_contacts(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "#ux")
        await settle(pilot)
        assert visible_keys(app, "contacts") == [JANE]
        await pilot.press(*["backspace"] * 3)
        await type_text(pilot, "@acme")
        await settle(pilot)
        assert sorted(visible_keys(app, "contacts")) == [JANE, PRIYA]
        await type_text(pilot, " status:lead")  # Jane is no longer a lead
        await settle(pilot)
        assert visible_keys(app, "contacts") == [PRIYA]
        await pilot.press(*["backspace"] * 30)
        await type_text(pilot, "@acme design")  # a phrase with a field term
        await settle(pilot)
        assert visible_keys(app, "contacts") == [JANE]
        await pilot.press(*["backspace"] * 30)
        await type_text(pilot, "status:met")
        await settle(pilot)
        assert sorted(visible_keys(app, "contacts")) == [JANE, CARLOS, DANA]
        # A word that only a token holds is not a match for plain text ("status").
        await pilot.press(*["backspace"] * 30)
        await type_text(pilot, "status")
        await settle(pilot)
        assert visible_keys(app, "contacts") == []


async def test_escape_on_a_filtered_list_clears_the_filter(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "#ux")
        await pilot.press("enter")  # back to the list, the filter kept
        await settle(pilot)
        assert visible_keys(app, "contacts") == [JANE]
        await pilot.press("escape")
        await settle(pilot)
        assert len(visible_keys(app, "contacts")) == 6
        assert "1 Contacts · 6" in screen_text(app)
