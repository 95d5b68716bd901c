"""What an import will do, shared by every format: the plan, its preview, applying it.

A plan is made by a pure function of the file's rows and the contacts already saved
(`netui.interchange.linkedin.plan_import`, `netui.interchange.merge.plan_contacts`);
nothing is written until `apply_plan`, which saves it as one undoable change and one
write. The app shows `describe_plan` and `plan_details` as the preview, and the command
line prints them for `--dry-run`. The file's text in them (names, values, the reasons a
row is skipped, which may quote a cell) is shown before it is saved, so both pass
`netui.text.shown`: nothing from the file drives the terminal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from netui.model import Contact
from netui.text import shown

if TYPE_CHECKING:
    from netui.store import Store

DETAIL_FIELDS = (
    "company",
    "title",
    "email",
    "phone",
    "linkedin",
    "other_emails",
    "other_phones",
    "other_urls",
    "tags",
    "how_met",
    "cadence_days",
)
"""The fields a preview lists the changes of (an import changes no other)."""


@dataclass(frozen=True, slots=True)
class Incoming:
    """One person as an address-book file (vCard, CSV) gives them, before matching."""

    line: int
    """The line of the file where the person starts (1 is the first line)."""
    contact: Contact
    referrer: str = ""
    """The name of whoever referred them, as the file writes it ("" for none)."""
    skip: str = ""
    """Why the row can't be imported ("" if it can)."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A row that may be someone already known, but not surely (a shared phone, a name
    alone): imported as a new person and listed, for the Duplicates screen to settle."""

    line: int
    name: str
    other: str
    """Who they may be: "Jane Doe [id 10]", or "line 4" of the same file."""
    reason: str


@dataclass(slots=True)
class ImportPlan:
    """What an import will do; nothing is written until `apply_plan`."""

    source: str
    """The format, as the undo message names it ("LinkedIn", "vCard", "CSV")."""
    added: list[Contact] = field(default_factory=list)
    updated: list[tuple[Contact, Contact]] = field(default_factory=list)
    """(before, after) pairs of existing contacts."""
    unchanged: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)
    """(line, reason) of the rows not imported."""
    referrers: dict[int, int] = field(default_factory=dict)
    """Index in `added` -> index in `added` of the new contact who referred them."""
    links: dict[int, int] = field(default_factory=dict)
    """Id of a saved contact with no referrer -> index in `added` of the new contact
    who referred them (their pair is in `updated`)."""
    candidates: list[Candidate] = field(default_factory=list)
    """Rows added as new people that may be someone known (see `Candidate`)."""

    @property
    def changes_anything(self) -> bool:
        return bool(self.added or self.updated)


def counts(plan: ImportPlan) -> str:
    """How many were added and updated, as the undo message and notification say it."""
    return f"added {len(plan.added)}, updated {len(plan.updated)}"


def describe_plan(plan: ImportPlan, *, limit: int = 10) -> str:
    """One line: the counts, then the skipped rows and why (the first `limit` of them)."""
    text = f"{counts(plan)}, unchanged {plan.unchanged}, skipped {len(plan.skipped)}"
    if plan.skipped:
        reasons = [f"line {line} {reason}" for line, reason in plan.skipped[:limit]]
        if len(plan.skipped) > limit:
            reasons.append(f"and {len(plan.skipped) - limit} more")
        text += ": " + ", ".join(reasons)
    return shown(text, multiline=False)


def _value(value: object) -> str:
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def plan_details(plan: ImportPlan, *, limit: int = 20) -> list[str]:
    """Lines for a preview: who would be added and what would change (the first `limit`
    of each)."""
    lines = [f"+ {c.name}" + (f" ({c.company})" if c.company else "") for c in plan.added]
    if len(plan.added) > limit:
        lines[limit:] = [f"  and {len(plan.added) - limit} more to add"]
    changed = []
    for before, after in plan.updated:
        fields = [
            f"{name} '{_value(getattr(before, name))}' → '{_value(getattr(after, name))}'"
            for name in DETAIL_FIELDS
            if getattr(before, name) != getattr(after, name)
        ]
        if before.referred_by != after.referred_by or before.id in plan.links:
            fields.append("referrer set")
        changed.append(f"~ {before.name}: " + ", ".join(fields))
    if len(changed) > limit:
        changed[limit:] = [f"  and {len(plan.updated) - limit} more to update"]
    maybe = [
        f"? line {c.line} {c.name} may be {c.other} ({c.reason}): added, see Duplicates"
        for c in plan.candidates[:limit]
    ]
    if len(plan.candidates) > limit:
        maybe.append(f"  and {len(plan.candidates) - limit} more possible duplicates")
    return [shown(line, multiline=False) for line in lines + changed + maybe]


def apply_plan(store: Store, plan: ImportPlan) -> None:
    """Save the plan as one undoable change and one write (nothing if it changes
    nothing). An update is dropped if its contact changed since the plan was made."""
    if not plan.changes_anything:
        return
    store.apply_import(
        plan.added,
        plan.updated,
        f"imported from {plan.source} ({counts(plan)})",
        referrers=plan.referrers,
        links=plan.links,
    )
