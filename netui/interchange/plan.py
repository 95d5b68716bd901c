"""What an import will do, shared by every format: the plan, its preview, applying it.

A plan is made by a pure function of the file's rows and the contacts already saved
(`netui.interchange.linkedin.plan_import`, `netui.interchange.merge.plan_contacts`);
nothing is written until `apply_plan`, which saves it as one undoable change and one
write. The app shows `describe_plan` and `plan_details` as the preview, and the command
line prints them for `--dry-run`. The file's text in them (names, values, the reasons a
row is skipped, which may quote a cell) is shown before it is saved, so both pass
`netui.text.shown`: nothing from the file drives the terminal.

A re-import may see people change jobs (`JobChange`, made by the LinkedIn planner): each
one is listed, and is either applied or only offered (`accept_job_changes` applies the
ones the user accepts). An applied change brings with it, in the same change, a note
that keeps the old job in the contact's history and, for a move into a target company
(`flag_targets`), a follow-up due that day to congratulate them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from netui.interchange.textfile import ReadNotes
from netui.model import Company, Contact
from netui.text import name_key, shown

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


@dataclass(frozen=True, slots=True)
class JobChange:
    """A company or title that a re-import sees changed for a known contact.

    Applied at once to a contact that only ever held what the file said; only offered
    for one the user edited (their words are kept unless they accept the change)."""

    contact: Contact
    """The contact as it is now (before the import)."""
    old_company: str
    old_title: str
    new_company: str
    new_title: str
    applied: bool
    """Saved by the import; False: offered, saved only if accepted."""
    target: bool = False
    """The new company is a target company (see `flag_targets`)."""

    @property
    def title_changed(self) -> bool:
        return name_key(self.old_title) != name_key(self.new_title)

    @property
    def company_changed(self) -> bool:
        return name_key(self.old_company) != name_key(self.new_company)

    @property
    def before(self) -> str:
        """The old job as the preview and the note say it: "Designer at Acme"."""
        return _job(self.old_title, self.old_company, with_title=self.title_changed)

    @property
    def after(self) -> str:
        """The new job, said the same way: "Lead at Globex" (or "Globex")."""
        return _job(self.new_title, self.new_company, with_title=self.title_changed)

    def summary(self) -> str:
        """`Priya Patel: Acme → Globex`, as the preview lists it."""
        return f"{self.contact.name}: {self.before} → {self.after}"


def _job(title: str, company: str, *, with_title: bool) -> str:
    """ "Lead at Globex", "Globex" (the title left out when it didn't change), "Lead"."""
    if not with_title or not title:
        return company or title or "(none)"
    return f"{title} at {company}" if company else title


def history_text(change: JobChange, source: str) -> str:
    """The note an applied change adds, so the old job stays in the contact's history."""
    before = _job(change.old_title, change.old_company, with_title=True)
    after = _job(change.new_title, change.new_company, with_title=True)
    return f"Moved from {before} to {after} ({source} import)"


def target_followup_text(change: JobChange) -> str:
    """The follow-up a move into a target company adds (due the day of the import)."""
    return (
        f"{change.contact.name} moved to {change.new_company}, a target company: "
        "congratulate them and ask about the team"
    )


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
    job_changes: list[JobChange] = field(default_factory=list)
    """Every company or title change seen, applied or offered; an applied one is also
    in `updated`."""
    notes: ReadNotes = field(default_factory=ReadNotes)
    """How the file was read: a guessed encoding, what was skipped or cut, by line."""
    undated: set[int] = field(default_factory=set)
    """Indices in `added` of people the file gives no date for although it dates
    others (a LinkedIn connection date that can't be read): saved with no `created`,
    never as added today."""

    @property
    def changes_anything(self) -> bool:
        return bool(self.added or self.updated)

    @property
    def offered(self) -> list[JobChange]:
        """The job changes not applied unless accepted (`accept_job_changes`)."""
        return [change for change in self.job_changes if not change.applied]


def flag_targets(plan: ImportPlan, companies: Iterable[Company]) -> ImportPlan:
    """`plan` with each job change into a target company flagged (names compared as
    netui.companies does: case, accents and spacing ignored), so that the preview says so
    and the import adds a follow-up. The importers don't see the companies; the callers
    of `plan_file` pass them here."""
    targets = {name_key(c.name) for c in companies if c.target}
    flagged = [
        replace(change, target=change.company_changed and name_key(change.new_company) in targets)
        for change in plan.job_changes
    ]
    return replace(plan, job_changes=flagged)


def accept_job_changes(plan: ImportPlan, which: Iterable[int] | None = None) -> ImportPlan:
    """`plan` with offered job changes applied: those at the indices `which` of
    `plan.job_changes`, or every one (None). The contact's other updates are kept."""
    chosen = set(range(len(plan.job_changes)) if which is None else which)
    changes = list(plan.job_changes)
    updated = list(plan.updated)
    position = {before.id: at for at, (before, _) in enumerate(updated)}
    unchanged = plan.unchanged
    for index, change in enumerate(changes):
        if index not in chosen or change.applied:
            continue
        changes[index] = replace(change, applied=True)
        at = position.get(change.contact.id)
        if at is None:
            before, after = change.contact, change.contact
            updated.append((before, after))
            at = position[change.contact.id] = len(updated) - 1
            unchanged -= 1
        else:
            before, after = updated[at]
        updated[at] = (before, replace(after, company=change.new_company, title=change.new_title))
    return replace(plan, updated=updated, unchanged=unchanged, job_changes=changes)


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
    if plan.notes.problems:
        count = len(plan.notes.problems)
        text += f"; {count} {'thing' if count == 1 else 'things'} in the file to check"
    if plan.notes.encoding:
        text += f"; {plan.notes.encoding}"
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
    # An applied job change is listed as one (below), not again field by field.
    moved = {c.contact.id for c in plan.job_changes if c.applied}
    for before, after in plan.updated:
        fields = [
            f"{name} '{_value(getattr(before, name))}' → '{_value(getattr(after, name))}'"
            for name in DETAIL_FIELDS
            if getattr(before, name) != getattr(after, name)
            and not (before.id in moved and name in ("company", "title"))
        ]
        if before.referred_by != after.referred_by or before.id in plan.links:
            fields.append("referrer set")
        if fields:
            changed.append(f"~ {before.name}: " + ", ".join(fields))
    if len(changed) > limit:
        count = len(changed)
        changed[limit:] = [f"  and {count - limit} more to update"]
    jobs = [_job_line(change) for change in plan.job_changes[:limit]]
    if len(plan.job_changes) > limit:
        jobs.append(f"  and {len(plan.job_changes) - limit} more job changes")
    maybe = [
        f"? line {c.line} {c.name} may be {c.other} ({c.reason}): added, see Duplicates"
        for c in plan.candidates[:limit]
    ]
    if len(plan.candidates) > limit:
        maybe.append(f"  and {len(plan.candidates) - limit} more possible duplicates")
    problems = [f"! line {line}: {problem}" for line, problem in plan.notes.problems[:limit]]
    if len(plan.notes.problems) > limit:
        problems.append(f"  and {len(plan.notes.problems) - limit} more to check")
    rows = lines + changed + jobs + maybe + problems
    return [shown(line, multiline=False) for line in rows]


def _job_line(change: JobChange) -> str:
    """`* Priya Patel: Acme → Globex (applied, …)`: what was seen and what is done."""
    if change.applied:
        what = "applied; the old job kept in a note"
        if change.target:
            what += f"; {change.new_company} is a target company: a follow-up due today"
    else:
        what = "offered: kept as typed in netui unless accepted"
        if change.target:
            what += f"; {change.new_company} is a target company: a follow-up if accepted"
    return f"* {change.summary()} ({what})"


def apply_plan(store: Store, plan: ImportPlan) -> None:
    """Save the plan as one undoable change and one write (nothing if it changes
    nothing). An update is dropped if its contact changed since the plan was made."""
    if not plan.changes_anything:
        return
    history: dict[int, str] = {}
    followups: dict[int, str] = {}
    for change in plan.job_changes:
        if change.applied and (contact_id := change.contact.id) is not None:
            history[contact_id] = history_text(change, plan.source)
            if change.target:
                followups[contact_id] = target_followup_text(change)
    store.apply_import(
        plan.added,
        plan.updated,
        f"imported from {plan.source} ({counts(plan)})",
        referrers=plan.referrers,
        links=plan.links,
        undated=plan.undated,
        history=history,
        followups=followups,
    )
