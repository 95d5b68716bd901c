"""The command line: `netui`, `netui today`, `netui add …`, `netui prep NAME`,
`netui draft KIND NAME`, `netui locate`, `netui restore`.

Only the app imports Textual; every other command loads just what it needs, so that
`netui add` costs little more than reading and writing the file. Exit codes: 0 success,
1 bad input or a data-file problem (one line on stderr), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Sequence
from datetime import time
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from netui import __version__
from netui.errors import NetuiError, StoreError, UnknownContactError, command_for
from netui.model import MEETING_KINDS, DraftKind, NoteKind

if TYPE_CHECKING:
    from datetime import date

    from netui.model import Contact
    from netui.names import Reference
    from netui.quickadd import ContactDraft, FollowUpDraft, NoteDraft
    from netui.store import Store


def _parser() -> argparse.ArgumentParser:
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="the data file (default: $NETUI_DB, else netui.json in the user data folder)",
    )
    parser = argparse.ArgumentParser(
        prog="netui",
        description="Run your job-search networking from the terminal.",
        parents=[db],
    )
    parser.add_argument("--version", action="version", version=f"netui {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="open the app on a fresh copy of a sample network"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("today", parents=[db], help="print the daily review as plain text")
    importer = commands.add_parser(
        "import",
        parents=[db],
        help="import contacts: LinkedIn's Connections.csv, a vCard file, or a contacts CSV",
        description="Examples: netui import linkedin Connections.csv --dry-run; netui import "
        "vcard contacts.vcf; netui import csv contacts.csv. A preview is always printed; "
        "importing the same file again adds no duplicates, and nothing typed in netui is "
        "overwritten. The import is one change (ctrl+z in the app undoes it).",
    )
    importer.add_argument("format", choices=["linkedin", "vcard", "csv"])
    importer.add_argument("file", help="the file to import")
    importer.add_argument(
        "--dry-run", action="store_true", help="show what would be added, updated and skipped"
    )
    importer.add_argument(
        "--accept-changes",
        action="store_true",
        help="also apply the job changes (company, title) offered for contacts edited in netui",
    )
    export = commands.add_parser(
        "export",
        parents=[db],
        help="write contacts (CSV or vCard), follow-ups or notes (CSV), or a calendar (ics)",
        description="Examples: netui export csv --what contacts -o contacts.csv; netui export "
        "vcard -o contacts.vcf; netui export ics -o followups.ics. CSV cells that a "
        "spreadsheet would run as a formula (=, +, -, @, tab) get a leading ' (--raw keeps "
        "them as they are); --excel starts the file with a UTF-8 byte order mark, so that Excel "
        "shows accented names right. The calendar has one all-day event per open follow-up, "
        "with a reminder at 09:00 (--remind).",
    )
    export.add_argument("format", choices=["csv", "vcard", "ics"])
    export.add_argument(
        "--what",
        choices=["contacts", "followups", "notes"],
        default="contacts",
        help="what a CSV holds (default: contacts)",
    )
    export.add_argument(
        "-o", "--output", metavar="FILE", help="the file to write (default: stdout)"
    )
    export.add_argument("--raw", action="store_true", help="CSV: no formula protection")
    export.add_argument(
        "--excel",
        action="store_true",
        help="CSV: start with a UTF-8 byte order mark (BOM), so that Excel reads it as "
        "UTF-8 (the lines end in CRLF either way)",
    )
    export.add_argument(
        "--remind", metavar="HH:MM", default="09:00", help="ics: reminder time on the due day"
    )
    commands.add_parser(
        "stats",
        parents=[db],
        help="this week against the weekly goals, the last 8 weeks, and the reply rate",
    )
    rhythm = commands.add_parser(
        "rhythm",
        parents=[db],
        help="list the default keep-in-touch rhythms, or set one for a tag or a status",
        description="Examples: netui rhythm tag recruiter 2w; netui rhythm status met 3m; "
        "netui rhythm tag ux none",
    )
    rhythm.add_argument("kind", nargs="?", choices=["tag", "status"])
    rhythm.add_argument("key", nargs="?", help="the tag (without #) or the status")
    rhythm.add_argument("days", nargs="?", help="2w, 1m, 3m, 6m, a number of days, or none")
    add = commands.add_parser(
        "add",
        parents=[db],
        help="add a contact, follow-up or note from one line",
        description='Examples: netui add contact "Jane Doe (Design Lead) @ Acme #ux"; '
        'netui add followup "Jane: send the article next friday"; '
        'netui add note --kind meeting "Jane: coffee, gave me two names"',
    )
    add.add_argument("what", choices=["contact", "followup", "note"])
    add.add_argument("text", help="the quick-add line (quote it)")
    add.add_argument(
        "--kind",
        choices=[str(kind) for kind in NoteKind],
        default="note",
        help="for a note: what kind of interaction it records (default: note)",
    )
    add.add_argument(
        "--dry-run", action="store_true", help="say whom the line names and what it would save"
    )
    add.add_argument(
        "--allow-duplicate",
        action="store_true",
        help="for a contact: add it even if someone already here looks like the same person",
    )
    log = commands.add_parser(
        "log",
        parents=[db],
        help="log a meeting and what came of it (new names, promises, the thank-you)",
        description="Saves, as one change (ctrl+z in the app undoes it), what the app's "
        "meeting log saves: the note, each --name as a lead referred by the person you met "
        "(or a link to the contact already of that name), each --promise as a follow-up "
        "(due in a week unless it ends with a date), a thank-you follow-up due the day "
        "after the meeting (unless --thanked), and the person moved to 'met' (a call or "
        "an email: 'contacted'). Example: netui log Priya --notes \"coffee, great advice\" "
        '--name "Lee Wong (CTO) @ Acme" --name "Sam Ortiz" --promise "send the deck friday"',
    )
    log.add_argument(
        "name",
        nargs="+",
        metavar="NAME",
        help="the person you met: a full name, a unique first or last name, or #ID",
    )
    log.add_argument(
        "--date",
        default="today",
        metavar="WHEN",
        help="when it happened: today (default), yesterday, monday, 2026-11-30, dec 3… "
        "(not a date still to come)",
    )
    log.add_argument(
        "--kind",
        choices=[str(kind) for kind in MEETING_KINDS],
        default="meeting",
        help="what kind of interaction it was (default: meeting)",
    )
    log.add_argument("--notes", default="", metavar="TEXT", help="what you talked about")
    log.add_argument(
        "--name",
        dest="names",
        action="append",
        default=[],
        metavar='"NAME (TITLE) @ COMPANY"',
        help="a name they gave you, one per --name: a new lead they referred",
    )
    log.add_argument(
        "--promise",
        dest="promises",
        action="append",
        default=[],
        metavar="TEXT",
        help="something you promised to do, one per --promise, optionally ending with a "
        "date (default: in a week): a follow-up",
    )
    log.add_argument(
        "--company",
        dest="companies",
        action="append",
        default=[],
        metavar="NAME",
        help="a company or role to look at (repeat it, or separate with commas)",
    )
    log.add_argument("--feedback", default="", metavar="TEXT", help="feedback on your resume")
    log.add_argument(
        "--thanked",
        action="store_true",
        help="the thank-you is already sent (no thank-you follow-up)",
    )
    log.add_argument("--dry-run", action="store_true", help="say what it would save; save nothing")
    duplicates = commands.add_parser(
        "duplicates",
        parents=[db],
        help="list contacts that may be the same person, with the reason and a score",
        description="Pairs with the same email, LinkedIn profile or phone, or the same or a "
        "similar name at the same company, best first. Merge one with 'netui merge KEEP "
        "OTHER'; say a pair is two people with 'netui duplicates --not ID ID' (not listed "
        "again).",
    )
    duplicates.add_argument(
        "--not",
        dest="dismiss",
        nargs=2,
        type=int,
        metavar="ID",
        help="remember that these two contacts are different people",
    )
    merge = commands.add_parser(
        "merge",
        parents=[db],
        help="merge a duplicate contact into another (one undoable change)",
        description="Keeps KEEP, fills its empty fields from OTHER, keeps both values where "
        "they differ (other emails, phones, links), moves OTHER's follow-ups, notes, "
        "prepared questions and referrals to KEEP, then deletes OTHER. Example: netui merge "
        "10 12 --dry-run",
    )
    merge.add_argument("keep", type=int, help="the id of the contact to keep")
    merge.add_argument("other", type=int, help="the id of the contact merged into it")
    merge.add_argument("--dry-run", action="store_true", help="say what it would do; save nothing")
    prep = commands.add_parser(
        "prep",
        parents=[db],
        help="print the prep sheet for a meeting with someone",
        description="Who they are, what you talked about, open follow-ups and the questions "
        "to ask (the ones picked in the app, else suggestions from the question bank). "
        'Examples: netui prep Jane; netui prep "Jane Doe" --markdown > jane.md',
    )
    prep.add_argument("name", nargs="+", help="the contact (full name, or a unique first word)")
    prep.add_argument("--markdown", action="store_true", help="print Markdown, not plain text")
    draft = commands.add_parser(
        "draft",
        parents=[db],
        help="print a message to send: a thank-you, a first message, the follow-up, an update",
        description="Prints the draft (a Subject line, a blank line, the body) from a "
        "template, filled with what netui knows: who referred them, the company, the "
        "topic and the promise of your last conversation, how long ago you were in touch. "
        "Your copy of a template, drafts/KIND.txt in the config folder (netui locate), is "
        "used instead of the one netui ships. For outreach, the word count and any "
        "warning (over 100 words, a job mentioned in the first request, no closing "
        'question) go to stderr. Examples: netui draft thanks "Priya Patel"; '
        "netui draft outreach Lee --copy",
    )
    draft.add_argument("kind", choices=[str(kind) for kind in DraftKind], help="which message")
    draft.add_argument(
        "name",
        nargs="+",
        metavar="NAME",
        help="to whom: a full name, a unique first or last name, or #ID",
    )
    draft.add_argument(
        "--copy",
        action="store_true",
        help="also copy the draft to the clipboard (OSC 52: works over ssh; in tmux, "
        "set -g set-clipboard on)",
    )
    landed = commands.add_parser(
        "landed",
        parents=[db],
        help="record the role you landed, and list who to tell along the referral chains",
        description="Records what the search led to (one change) and lists everyone in "
        "the referral chains that led to the company: each person who gave you a name "
        "on the way to someone there, and the people there you met, each with the "
        "'netui draft update NAME' line that writes them the news. They are also listed "
        "under 'Close the loop' (netui today, the review screen) until you mark them "
        'done or dismiss them. Example: netui landed "Product Designer @ Acme Freight"',
    )
    landed.add_argument(
        "what", metavar='"ROLE @ COMPANY"', help="the role and the company, with an @ between"
    )
    landed.add_argument(
        "--date",
        default="today",
        metavar="WHEN",
        help="when: today (default), yesterday, monday, 2026-11-30… (not a date still to come)",
    )
    landed.add_argument(
        "--dry-run", action="store_true", help="say what it would save and list; save nothing"
    )
    check = commands.add_parser(
        "check",
        parents=[db],
        help="check every value and reference in the data file; repair on request",
        description="Lists every value netui can't use (a wrong type, a date outside "
        "1900-01-01 to 2200-12-31, a number too big to keep exactly) and every reference "
        "to a contact that does not exist, each as table/id: field. Exit 1 if there are "
        "any. --repair sets each wrong value to what the list says and clears dangling "
        "references, after keeping a copy of the file in its backups folder.",
    )
    check.add_argument("--repair", action="store_true", help="fix what the check finds")
    check.add_argument(
        "--dry-run",
        action="store_true",
        help="with --repair: say what would change, change nothing",
    )
    commands.add_parser("locate", parents=[db], help="show where the data, backups and config live")
    restore = commands.add_parser(
        "restore",
        parents=[db],
        help="list the backups, or put one back (the current file is kept as a backup)",
    )
    restore.add_argument("backup", nargs="?", help="a backup's number (from the list) or path")
    return parser


def run() -> None:
    """The console script: `main()`, then a quick exit for the one-shot commands.

    Their saves are already fsynced, so after flushing the output there is nothing left
    to do but free memory, which costs ~80 ms for a LinkedIn-sized file.
    """
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    """Run netui; return the exit code."""
    args = _parser().parse_args(argv)
    try:
        if args.command is None:
            return _run_app(args)
        _tolerant_output()
        gc.disable()  # a one-shot command: collecting the parsed file's cycles is wasted time
        handler = {
            "today": _today,
            "stats": _stats,
            "export": _export,
            "import": _import,
            "rhythm": _rhythm,
            "add": _add,
            "prep": _prep,
            "locate": _locate,
            "restore": _restore,
            "check": _check,
            "duplicates": _duplicates,
            "merge": _merge,
            "log": _log,
            "draft": _draft,
            "landed": _landed,
        }
        return handler[args.command](args)
    except NetuiError as error:
        print(f"netui: {error}", file=sys.stderr)
        return 1
    except OSError as error:  # a file problem no layer below put into words
        from netui.text import shown

        where = f": {error.filename}" if error.filename else ""
        print(shown(f"netui: {error.strerror or error}{where}", multiline=False), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _tolerant_output() -> None:
    """Print what the terminal or file can't encode as '?' instead of failing.

    A name like "名前" in `netui today > review.txt` under a legacy code page (or with
    PYTHONIOENCODING=ascii) would otherwise end the command with a traceback.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def _db_path(args: argparse.Namespace) -> tuple[Path, bool]:
    from netui.paths import data_file

    return data_file(getattr(args, "db", None))


READ_ONLY_COMMANDS = frozenset({"today", "stats", "export", "prep", "duplicates", "check", "draft"})
"""The commands that only read: on a data file the user named (--db, $NETUI_DB) that is
not there, they say so and exit 1, rather than report on an empty network ("All clear"
for a typo). `add` and `import` start a new file there; `rhythm` lists or sets."""


def _refuse_missing(args: argparse.Namespace) -> None:
    """Exit 1 (NetuiError) when a command that only reads names a file that does not
    exist; a missing file with backups is left to the store, whose message says how to
    put one back."""
    from netui.store import list_backups

    path, chosen = _db_path(args)
    if not chosen or os.path.exists(path):
        return
    real = Path(os.path.realpath(path))
    if real.parent.is_dir() and list_backups(real):
        return
    source = "--db" if getattr(args, "db", None) else "$NETUI_DB"
    raise NetuiError(
        f"{path} does not exist (named by {source}): nothing to read; check the path "
        "('netui add' or 'netui import' starts a new file)"
    )


def _open_store(
    args: argparse.Namespace, *, tolerant: bool = False, defer_load: bool = False
) -> Store:
    from netui.store import Store

    if args.command in READ_ONLY_COMMANDS or (args.command == "rhythm" and args.kind is None):
        _refuse_missing(args)
    from netui import clock

    path, chosen = _db_path(args)
    store = Store.open(  # the clock looked up now: a test that stops it stops the store's too
        path,
        clock=clock.system_clock,
        create_folder=not chosen,
        tolerant=tolerant,
        defer_load=defer_load,
    )
    if defer_load:
        return store
    _print_notices(store)
    return store


def _print_notices(store: Store) -> None:
    from netui.text import shown

    for notice in store.notices:
        print(shown(f"netui: {notice}", multiline=False), file=sys.stderr)


def _run_app(args: argparse.Namespace) -> int:
    # No collection until the first full view is on screen (the app then freezes it
    # and turns the collector on): reading 30,000 contacts would be walked four times.
    gc.disable()
    if args.demo:
        return _run_demo(args)
    return _open_app(args)


def _run_demo(args: argparse.Namespace) -> int:
    """The app on a fresh copy of the demo network, touching nothing outside one
    temporary folder: netui's config, data and cache folders are moved into it
    ($NETUI_HOME, set before the copy is made: a question starred in the demo's prep
    screen is not added to the user's own bank), the copy is its `data/netui.json`, and
    the folder is removed when the app exits. Before the app starts, stderr says where
    the file is and how another shell reaches it."""
    import shlex
    import shutil
    import tempfile

    from netui.demo import make_demo_file

    folder = Path(tempfile.mkdtemp(prefix="netui-demo-"))
    home = os.environ.get("NETUI_HOME")
    try:
        os.environ["NETUI_HOME"] = str(folder)
        made = make_demo_file()
        shutil.move(made.parent, folder / "data")  # (its own temporary folder)
        path = folder / "data" / made.name
        print(
            f"netui: demo network in {path} (removed when the app exits); "
            f"to use it from another shell:\nexport NETUI_DB={shlex.quote(str(path))}",
            file=sys.stderr,
        )
        args.db = str(path)
        return _open_app(args)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        if home is None:
            os.environ.pop("NETUI_HOME", None)
        else:
            os.environ["NETUI_HOME"] = home


def _open_app(args: argparse.Namespace) -> int:
    # A file with wrong values opens read-only in the app (shown as a repair would make
    # it, with a banner), rather than not at all: the user can see their network.
    store = _open_store(args, tolerant=True, defer_load=True)
    from netui.clock import system_clock
    from netui.startview import read_start_view

    # The first screen as the app last left it, if the file has not changed since: the
    # app paints it at once and reads the file after that (the notices are shown there).
    start = read_start_view(store.path, system_clock().date())
    if start is None:
        store.load()
        _print_notices(store)
    from netui.ui.app import run

    return run(store, start)


def _today(args: argparse.Namespace) -> int:
    from netui.clock import system_clock
    from netui.report import render_review
    from netui.review import daily_review

    store = _open_store(args)
    today = system_clock().date()
    network = store.network()
    review = daily_review(network, today, store.cadence_defaults(), store.goals())
    print(render_review(review, network), end="")
    return 0


def _import(args: argparse.Namespace) -> int:
    """Unless --dry-run, one undoable change; then what it did (with --dry-run, what it
    would do). Job changes offered for edited contacts are applied only with
    --accept-changes."""
    from netui.interchange.formats import plan_file
    from netui.interchange.plan import (
        accept_job_changes,
        apply_plan,
        describe_plan,
        flag_targets,
        plan_details,
    )
    from netui.text import plural

    store = _open_store(args)
    plan = plan_file(args.format, Path(args.file).expanduser(), store.contacts())
    plan = flag_targets(plan, store.companies())
    if args.accept_changes:
        plan = accept_job_changes(plan)
    # First: an import the store refuses (a referral loop) prints no preview of what was
    # not saved, only why; a dry run is refused alike, having saved nothing either way.
    if args.dry_run:
        with store.trial():
            apply_plan(store, plan)
    else:
        apply_plan(store, plan)
    for line in plan_details(plan):
        print(line)
    print(("would be: " if args.dry_run else "") + describe_plan(plan))
    if plan.offered:
        print(
            f"{plural(len(plan.offered), 'job change')} offered, not applied: "
            "--accept-changes applies them"
        )
    return 0


def _export(args: argparse.Namespace) -> int:
    """To stdout, or to a new private file written atomically."""
    from netui.store import write_atomic

    store = _open_store(args)
    network = store.network()
    what = args.what
    if args.format == "csv":
        import io

        from netui.interchange.csvfile import export_csv

        buffer = io.StringIO(newline="")
        count = export_csv(network, what, buffer, raw=args.raw)
        data = buffer.getvalue().encode("utf-8-sig" if args.excel else "utf-8")
    elif args.format == "vcard":
        from netui.interchange.vcard import export_vcards

        data = export_vcards(network).encode("utf-8")
        count, what = len(network.contacts), "contacts"
    else:
        from netui.clock import system_clock
        from netui.interchange.ical import export_ics

        data = export_ics(network, system_clock(), reminder=_time_of_day(args.remind))
        count, what = sum(1 for f in network.followups if f.is_open), "open follow-up"
    if args.output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        return 0
    from netui.text import plural

    target = Path(args.output).expanduser().absolute()
    write_atomic(target, data)
    noun = {"contacts": "contact", "followups": "follow-up", "notes": "note"}.get(what, what)
    print(f"wrote {plural(count, noun)} to {target}", file=sys.stderr)
    return 0


def _time_of_day(text: str) -> time:
    from datetime import datetime

    try:
        return datetime.strptime(text.strip(), "%H:%M").time()
    except ValueError:
        raise NetuiError(f"--remind '{text}' is not a time of day like 09:00") from None


def _stats(args: argparse.Namespace) -> int:
    from netui.clock import system_clock
    from netui.replies import describe_rates, reply_rates
    from netui.report import render_stats

    store = _open_store(args)
    network, today = store.network(), system_clock().date()
    print(render_stats(network, today, store.goals()), end="")
    rates = describe_rates(reply_rates(network, today))
    if rates:
        print("\n" + "\n".join(rates))
    return 0


def _rhythm(args: argparse.Namespace) -> int:
    """List the default rhythms, or set one for a tag or a status ("none" removes it)."""
    from netui.rhythm import cadence_label
    from netui.validate import check_cadence

    store = _open_store(args)
    if args.kind is not None:
        if args.key is None or args.days is None:
            print(
                "netui: give a tag or a status and a rhythm, e.g. 'netui rhythm tag ux 1m'",
                file=sys.stderr,
            )
            return 2
        kind = "tags" if args.kind == "tag" else "status"
        store.set_cadence_default(kind, args.key, check_cadence(args.days))
    defaults = store.cadence_defaults()
    if not any(defaults.values()):
        print(
            "no default rhythms; set one with 'netui rhythm tag TAG 1m' or "
            "'netui rhythm status met 3m'"
        )
    for kind, label, mark in (("tags", "tag", "#"), ("status", "status", "")):
        for key, days in sorted(defaults.get(kind, {}).items()):
            print(f"{label:<7}{mark + key:<20}every {cadence_label(days)}")
    return 0


def _add(args: argparse.Namespace) -> int:
    """Read the line, say whom it names, then save it (or, with --dry-run, don't)."""
    from netui import quickadd
    from netui.clock import system_clock
    from netui.dates import relative_label
    from netui.model import Note
    from netui.text import shown

    store = _open_store(args)
    today = system_clock().date()
    # Only the contacts whose name holds a word of the reference can be the one meant:
    # building 30,000 contacts for nothing would be most of the command's time.
    words = args.text.split()
    if args.what == "contact":
        # the referrer ends the line: the last "via" (one may stand in a title)
        after = words[len(words) - words[::-1].index("via") :] if "via" in words else None
    else:
        after = args.text.split(":", 1)[0].split() if ":" in args.text else None
    contacts = [] if after is None else store.contacts_mentioning(after[0] if after else "")
    verb = "would save" if args.dry_run else "saved"
    try:
        draft = _parse_line(args, contacts, today)
    except UnknownContactError as error:
        if error.near or not after:
            raise
        # The near misses are among all the contacts, not just those holding the word.
        draft = _parse_line(args, store.contacts(), today)
    ref = draft.referrer if isinstance(draft, quickadd.ContactDraft) else draft.reference
    if ref is not None:
        print(shown(_resolved(ref), multiline=False))
    if isinstance(draft, quickadd.ContactDraft):
        new = draft.to_contact()
        _refuse_duplicate(store, new, args.allow_duplicate)
        line = shown(quickadd.describe(draft, today))
        if args.dry_run:
            print(f"{verb} {line}")
            return 0
        contact = store.add_contact(new)
        print(f"{verb} {line}  [id {contact.id}]")
    elif isinstance(draft, quickadd.FollowUpDraft):
        # An undated one already says "(in a week)"; a dated one gets "(in 2 days)".
        when = f" ({relative_label(draft.due, today)})" if draft.dated else ""
        line = f"{verb} {shown(quickadd.describe(draft, today))}{when}"
        if args.dry_run:
            print(line)
            return 0
        saved = store.add_followup(draft.to_followup())
        print(f"{line}  [id {saved.id}]")
    else:
        text = shown(quickadd.describe(draft, today, NoteKind(args.kind)))
        if args.dry_run:
            print(f"{verb} {text}")
            return 0
        note = store.add_note(
            Note(
                text=draft.text,
                date=draft.date,
                contact_id=_id(draft.contact),
                kind=NoteKind(args.kind),
            )
        )
        print(f"{verb} {text}  [id {note.id}]")
    return 0


def _log(args: argparse.Namespace) -> int:
    """Log a meeting with its outcomes, read by the meeting log's own rules
    (`netui.meeting`), as one change; with --dry-run, only say what it would save."""
    from netui.clock import system_clock
    from netui.meeting import (
        name_lines,
        promise_lines,
        read_meeting,
        read_names,
        read_promises,
        summary_text,
    )
    from netui.names import ContactIndex
    from netui.text import shown

    written = " ".join(" ".join(args.name).split())
    if not written:
        raise NetuiError("log needs the name of the person you met")
    store = _open_store(args)
    today = system_clock().date()
    index = ContactIndex(store.contacts())
    found = index.find(written)  # as `netui add followup` reads the name before its ':'
    if found.contact is None:
        raise UnknownContactError(found.written, reason=found.label)
    person = found.contact
    assert person.id is not None  # the index only holds saved contacts
    day = _meeting_date(args.date, today)
    lines = [" ".join(line.split()) for line in args.names]
    for line in lines:  # each --name on its own first, so that a problem names it
        _per_option("--name", line, lambda text: read_names(text, index, person))
    names = read_names("\n".join(lines), index, person)
    promises = tuple(
        promise
        for line in args.promises
        for promise in _per_option(
            "--promise", " ".join(line.split()), lambda text: read_promises(text, today)
        )
    )
    reading = read_meeting(
        person,
        day,
        NoteKind(args.kind),
        notes=args.notes,
        names=names,
        promises=promises,
        companies=", ".join(args.companies),
        feedback=args.feedback,
        thank_you_sent=args.thanked,
    )
    log = reading.log
    summary = summary_text(reading, person, today)
    if args.dry_run:
        with store.trial():  # refused as the save would be, writing nothing
            store.log_meeting(log)
    print(shown(_resolved(found), multiline=False))
    for line in [*name_lines(names, person), *promise_lines(promises, today)]:
        print(shown(line, multiline=False))
    if args.dry_run:
        print(shown(summary.replace("Saves", "Would save", 1), multiline=False))
        return 0
    note = store.log_meeting(log)
    print(shown(summary.replace("Saves", "Saved", 1), multiline=False) + f"  [id {note.id}]")
    return 0


def _meeting_date(text: str, today: date) -> date:
    """--date read as the meeting log's date field reads it: a date netui keeps, not
    still to come."""
    from netui import validate
    from netui.errors import QuickAddError
    from netui.meeting import check_meeting_date

    try:
        day = validate.check_date(text, today, past=True)
    except QuickAddError as error:
        raise QuickAddError(f"date: {error}") from None
    return check_meeting_date(day, today)


T = TypeVar("T")


def _per_option(option: str, value: str, read: Callable[[str], T]) -> T:
    """`read(value)`, its problem told as the option's (not as "line 1" of a form's box)."""
    import re

    from netui.errors import QuickAddError

    try:
        return read(value)
    except QuickAddError as error:
        reason = re.sub(r"^[^:]*, line \d+: ", "", str(error))
        raise QuickAddError(f"{option} '{value}': {reason}") from None


def _parse_line(
    args: argparse.Namespace, contacts: list[Contact], today: date
) -> ContactDraft | FollowUpDraft | NoteDraft:
    from netui import quickadd

    if args.what == "contact":
        return quickadd.parse_contact(args.text, contacts)
    if args.what == "followup":
        return quickadd.parse_followup(args.text, contacts, today)
    return quickadd.parse_note(args.text, contacts, today)


def _resolved(ref: Reference) -> str:
    """'Jane' is Jane Doe (Acme) [id 3], by first name; or why a prefix names no one."""
    if ref.contact is None:
        return f"'{ref.written}:' names no one ({ref.label}): kept in the text"
    who = ref.contact.name + (f" ({ref.contact.company})" if ref.contact.company else "")
    if ref.how == "full name":
        return f"'{ref.written}' is {who} [id {ref.contact.id}]"
    return f"'{ref.written}' is {who} [id {ref.contact.id}], by {ref.how}"


def _refuse_duplicate(store: Store, new: Contact, allowed: bool) -> None:
    """Exit 1 naming the match when someone already here looks like `new` (unless
    --allow-duplicate); with it, say who was found and go on."""
    from netui.identity import default_region, likely_matches, warning
    from netui.text import shown

    words = [w for w in new.name.split() if len(w) > 1] or new.name.split()
    candidates = store.contacts_like(words, [new.email] if new.email else [])
    found = likely_matches(new, candidates, default_region())
    if not found:
        return
    lines = [shown(warning(contact, evidence), multiline=False) for contact, evidence in found]
    if allowed:
        for line in lines:
            print(f"note: {line}; adding anyway (--allow-duplicate)")
        return
    raise NetuiError(
        "; ".join(lines) + "; nothing saved (--allow-duplicate adds a second one; "
        "'netui merge' joins two)"
    )


def _duplicates(args: argparse.Namespace) -> int:
    """List the likely pairs; with --not ID ID, remember that a pair is two people."""
    from netui.identity import default_region, find_duplicates
    from netui.text import plural, shown

    store = _open_store(args)
    if args.dismiss:
        one, two = args.dismiss
        store.mark_not_duplicate(one, two)
        print(f"noted: contacts {one} and {two} are different people (not listed again)")
        return 0
    contacts = store.contacts()
    pairs = find_duplicates(contacts, store.not_duplicates(), default_region())
    if not pairs:
        print(f"no likely duplicates among {plural(len(contacts), 'contact')}")
        return 0
    for pair in pairs:
        first, second = (
            f"{c.name}" + (f" ({c.company})" if c.company else "") + f" [id {c.id}]"
            for c in (pair.first, pair.second)
        )
        line = f"{pair.evidence.score:>3}  {first}  ~  {second}: {pair.evidence.describe()}"
        print(shown(line, multiline=False))
    a, b = pairs[0].ids
    print(
        f"{plural(len(pairs), 'likely pair')}; merge one with 'netui merge {a} {b}' "
        f"(keeps {a}), or say they differ with 'netui duplicates --not {a} {b}'"
    )
    return 0


def _say_if_unlike(store: Store, keep: int, other: int) -> None:
    """A note when the two share nothing that says they are one person (a typed id)."""
    from netui.identity import compare, default_region, keys_of

    region = default_region()
    try:
        one, two = store.contact(keep), store.contact(other)
    except StoreError:
        return  # (the merge names the missing id)
    evidence = compare(keys_of(one, region), keys_of(two, region))
    if not evidence.likely:
        why = f" (only: {evidence.describe()})" if evidence.reasons else ""
        print(f"note: these two don't look like one person{why}; merging all the same")


def _merge(args: argparse.Namespace) -> int:
    """Merge OTHER into KEEP: one change (ctrl+z in the app undoes it)."""
    from netui.identity import default_region
    from netui.text import shown

    store = _open_store(args)
    _say_if_unlike(store, args.keep, args.other)
    report = store.merge_contacts(
        args.keep, args.other, dry_run=args.dry_run, region=default_region()
    )
    for line in report.lines:
        print(shown(f"  {line}", multiline=False))
    print(shown(("would be: " if args.dry_run else "") + report.title, multiline=False))
    return 0


def _prep(args: argparse.Namespace) -> int:
    from netui.clock import system_clock
    from netui.names import ContactIndex
    from netui.prep import prep_sheet, render_prep
    from netui.questions import load_bank

    name = " ".join(" ".join(args.name).split())
    if not name:
        raise NetuiError("prep needs the name of a contact")
    store = _open_store(args)
    contact = ContactIndex(store.contacts()).resolve(name)
    bank = load_bank()
    assert contact.id is not None  # the index only holds saved contacts
    today = system_clock().date()
    sheet = prep_sheet(store.network(), contact.id, bank, today, store.cadence_defaults())
    print(render_prep(sheet, today, markdown=args.markdown), end="")
    return 0


def _draft(args: argparse.Namespace) -> int:
    """Print a draft to stdout; for outreach, its word count and warnings to stderr;
    with --copy, also send it to the terminal's clipboard."""
    from netui.clock import system_clock
    from netui.drafts import draft
    from netui.names import ContactIndex

    written = " ".join(" ".join(args.name).split())
    if not written:
        raise NetuiError("draft needs the name of a contact")
    store = _open_store(args)
    found = ContactIndex(store.contacts()).find(written)  # as `netui add followup` reads it
    if found.contact is None:
        raise UnknownContactError(found.written, reason=found.label)
    made = draft(DraftKind(args.kind), found.contact, store.network(), system_clock().date())
    sys.stdout.write(made.text)
    sys.stdout.flush()
    if made.kind is DraftKind.OUTREACH:
        print(f"netui: {made.words} words", file=sys.stderr)
        for warning in made.warnings:
            print(f"netui: warning: {warning}", file=sys.stderr)
    if args.copy:
        _copy(made.text)
    return 0


def _landed(args: argparse.Namespace) -> int:
    """Record the outcome (or, with --dry-run, try it), then list who to tell."""
    from netui.clock import system_clock
    from netui.dates import format_date
    from netui.errors import QuickAddError
    from netui.ledger import chain_to, read_role_at
    from netui.text import shown

    role, company = read_role_at(args.what)
    store = _open_store(args)
    today = system_clock().date()
    try:
        day = _past_date(args.date, today, "record what you landed once it has happened")
    except QuickAddError as error:
        raise QuickAddError(f"--date: {error}") from None
    what = f"{role} at {company}, on {format_date(day, today)}"
    if args.dry_run:
        with store.trial():  # refused as the save would be, writing nothing
            store.record_outcome(role, company, day)
            people = chain_to(store.network(), company)
        print(shown(f"would save: {what}", multiline=False))
    else:
        outcome = store.record_outcome(role, company, day)
        people = chain_to(store.network(), company)
        print(shown(f"saved: {what}", multiline=False) + f"  [id {outcome.id}]")
    _print_to_tell(people, company, store, db=getattr(args, "db", None))
    return 0


def _print_to_tell(
    people: Sequence[Contact], company: str, store: Store, *, db: str | None
) -> None:
    """Each person to tell, with the `netui draft update` line that writes to them (by
    name, or by #id when the name is not theirs alone; with --db when it was given)."""
    import shlex

    from netui.names import ContactIndex
    from netui.text import shown

    if not people:
        print(shown(f"No referral chain in netui leads to {company}: nobody to tell."))
        return
    count = "the 1 person who" if len(people) == 1 else f"the {len(people)} people who"
    print(f"Tell {count} led you there (each line writes them the news):")
    index = ContactIndex(store.contacts())
    for person in people:
        try:
            written = person.name if index.resolve(person.name).id == person.id else ""
        except NetuiError:
            written = ""
        words = ["netui", "draft", "update", written or f"#{person.id}"]
        if db is not None:
            words += ["--db", db]
        line = f"  {person.name}: {' '.join(shlex.quote(word) for word in words)}"
        print(shown(line, multiline=False))


def _past_date(text: str, today: date, advice: str) -> date:
    """A date in the quick-add date language that is not still to come."""
    from netui import validate
    from netui.dates import format_date
    from netui.errors import QuickAddError

    day = validate.check_date(text, today, past=True)
    if day > today:
        raise QuickAddError(f"{format_date(day, today)} is still to come; {advice}")
    return day


def osc52(text: str) -> str:
    """The escape sequence that asks the terminal to put `text` on the clipboard (OSC 52,
    as Textual's `App.copy_to_clipboard` writes it)."""
    import base64

    return f"\x1b]52;c;{base64.b64encode(text.encode('utf-8')).decode('ascii')}\a"


def _copy(text: str) -> None:
    """Send `text` to the clipboard through the terminal on stdout, or say why not."""
    if not sys.stdout.isatty():
        print(
            "netui: --copy: stdout is not a terminal, so nothing was copied "
            "(pipe the draft to a clipboard tool instead: pbcopy, wl-copy, xclip)",
            file=sys.stderr,
        )
        return
    sys.stdout.write(osc52(text))
    sys.stdout.flush()
    print(
        "netui: copied to the clipboard (OSC 52: the terminal must allow it; "
        "in tmux, set -g set-clipboard on)",
        file=sys.stderr,
    )


def _id(contact: object) -> int | None:
    return getattr(contact, "id", None)


def _check(args: argparse.Namespace) -> int:
    """List the file's problems (exit 1 if any); with --repair, fix them (exit 0)."""
    from netui.store import Store
    from netui.text import plural, shown

    _refuse_missing(args)
    path, chosen = _db_path(args)
    store = Store.open(path, create_folder=not chosen, tolerant=True, trust_checked=False)
    if not store.path.exists():
        print(f"{store.path} does not exist yet: nothing to check")
        return 0
    sizes = store.sizes()
    counts = [
        plural(sizes.get(t, 0), w)
        for t, w in (("contacts", "contact"), ("followups", "follow-up"), ("notes", "note"))
    ]
    print(f"{store.path}: {', '.join(counts)}")
    problems = store.problems()
    if not problems:
        print("no problems found")
        return 0
    found = plural(len(problems), "problem")
    if not args.repair:
        for problem in problems:
            print(shown(str(problem), multiline=False))
        repair = command_for(store.path, "check", "--repair")
        print(f"{found}; '{repair}' fixes them (after keeping a copy in the backups)")
        return 1
    for line in store.repair(dry_run=args.dry_run):
        print(shown(line, multiline=False))
    print(f"{'would repair' if args.dry_run else 'repaired'} {found}")
    return 0


def _locate(args: argparse.Namespace) -> int:
    from netui.paths import cache_dir, config_dir
    from netui.store import backup_dir, lock_path

    path, _ = _db_path(args)
    real = Path(os.path.realpath(path))
    print(f"data file:  {real}" + (f"  (via the link {path})" if real != path else ""))
    print(f"backups:    {backup_dir(real)}")
    print(f"lock file:  {lock_path(real)}")
    print(f"config:     {config_dir()}")
    print(f"cache:      {cache_dir()}  (the start-up view; safe to delete)")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from netui.clock import system_clock
    from netui.store import describe_backup, list_backups, restore_backup

    path, _ = _db_path(args)
    real = Path(os.path.realpath(path))
    if real.is_dir():
        raise StoreError(f"{real} is a folder, not a data file")
    found = list_backups(real)
    if args.backup is None:
        if not found:
            print(f"no backups of {real} yet")
            return 0
        print(f"backups of {real}, newest first:")
        for number, backup in enumerate(found, 1):
            print(f"  {number:>2}  {describe_backup(backup)}")
        print(f"put one back with: {command_for(real, 'restore')} NUMBER")
        return 0
    if args.backup.isdigit() and 1 <= int(args.backup) <= len(found):
        chosen = found[int(args.backup) - 1]
    else:
        chosen = Path(args.backup).expanduser()
    kept = restore_backup(real, chosen, system_clock())
    print(f"restored {real} from {chosen}")
    if kept:
        print(f"the file it replaced is kept as {kept}")
    return 0
