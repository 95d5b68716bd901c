"""Whole `netui add` processes beside their baselines, and one save on its own.

- `netui add followup "Aaron Abernathy: …"` (a line that names someone; the one Aaron of
  the file) against `baselines.py save`, a whole process that loads the same file with
  orjson, adds a follow-up and writes it back atomically (temp, fsync, rename, fsync of
  the folder). Each side works on its own copy of the file; runs alternate.
- `netui add contact` on a 10,000-contact file against taskwarrior's `task add` with
  10,000 pending tasks (imported from the same file: one "keep in touch" task per
  contact), each in a throwaway TASKRC/TASKDATA; runs alternate. A journal of appended
  changes is estimated beside them (`baselines.py journal`).
- one save: `Store.add_contact` in this process on a copy of the file (after a first
  save, which also takes the day's backup), and the reference write of the same data.

Every process runs with netui's folders in a temporary home. Medians, after one untimed
warm-up of each side.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from baselines import orjson_save
from dataset import NOW

HERE = Path(__file__).resolve().parent
BASELINES = str(HERE / "baselines.py")
AARON = "Aaron Abernathy"


def netui_command() -> list[str]:
    """The installed console script beside this Python, else `python -m netui`."""
    script = Path(sys.executable).with_name("netui")
    return [str(script)] if script.exists() else [sys.executable, "-m", "netui"]


def run(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    """Run a whole process; its wall time and standard output (SystemExit if it fails)."""
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command[:4])}… failed ({done.returncode}): {done.stderr}")
    return seconds, done.stdout


@dataclass
class Pair:
    """Two whole processes timed side by side."""

    netui: list[float] = field(default_factory=list)
    other: list[float] = field(default_factory=list)
    extra: dict[str, list[float]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return statistics.median(self.netui) / statistics.median(self.other)


BARE_DEFAULT = "bare script with Python's defaults (collector on, exit)"
IN_PROCESS = "in this process: orjson load + atomic write"
PYTHON = "python -c pass"


def measure_add_followup(path: Path, env: dict[str, str], runs: int) -> Pair:
    """`netui add followup "Aaron …: …"` vs a bare orjson load + atomic write process
    (lean as `netui add` is: the collector off, no teardown; and with Python's defaults,
    and the same work in this process without a start-up, for the reader)."""
    import gc

    import orjson

    netui = netui_command()
    mine = path.with_name("followup-netui.json")
    theirs = path.with_name("followup-bare.json")
    default = path.with_name("followup-bare-gc.json")
    shutil.copyfile(path, mine)
    _, out = run([*netui, "add", "contact", f"{AARON} (Engineer) @ Acme", "--db", str(mine)], env)
    shutil.copyfile(mine, theirs)
    shutil.copyfile(mine, default)
    pair = Pair(extra={BARE_DEFAULT: [], IN_PROCESS: [], PYTHON: []})
    inside = path.with_name("followup-in-process.json")
    shutil.copyfile(mine, inside)
    for i in range(runs + 1):
        line = f"{AARON}: send the article we talked about next friday ({i})"
        seconds, out = run([*netui, "add", "followup", line, "--db", str(mine)], env)
        if AARON not in out:
            pair.notes.append(f"netui did not name {AARON} in its answer: {out.strip()!r}")
        bare, _ = run([sys.executable, BASELINES, "save", "--lean", str(theirs)], env)
        bare_gc, _ = run([sys.executable, BASELINES, "save", str(default)], env)
        python, _ = run([sys.executable, "-c", "pass"], env)
        gc.collect()
        start = time.perf_counter()
        data = orjson.loads(inside.read_bytes())
        orjson_save(inside, data)
        in_process = time.perf_counter() - start
        del data
        if i:
            pair.netui.append(seconds)
            pair.other.append(bare)
            pair.extra[BARE_DEFAULT].append(bare_gc)
            pair.extra[IN_PROCESS].append(in_process)
            pair.extra[PYTHON].append(python)
    pair.notes.append(f"netui's answer: {out.strip()}")
    return pair


def measure_save_alone(path: Path, runs: int) -> dict[str, list[float]]:
    """One `Store.add_contact` (in this process) and the reference write of the same data
    (orjson encoding as netui's, then the atomic write; the data parsed beforehand)."""
    import orjson

    from netui.clock import frozen_clock
    from netui.model import Contact
    from netui.store import Store

    copy, reference = path.with_name("save-netui.json"), path.with_name("save-bare.json")
    shutil.copyfile(path, copy)
    store = Store.open(copy, clock=frozen_clock(NOW))
    store.add_contact(Contact(name="Aaron First Save", company="Acme"))  # + the day's backup
    try:
        data = orjson.loads(copy.read_bytes())
    except orjson.JSONDecodeError:  # not one JSON document: no reference write
        data = None
    saves, bare = [], []
    for i in range(runs):
        contact = Contact(name=f"Aaron Save {i}", company="Acme", title="Engineer")
        start = time.perf_counter()
        store.add_contact(contact)
        saves.append(time.perf_counter() - start)
        if data is not None:
            start = time.perf_counter()
            orjson_save(reference, data)
            bare.append(time.perf_counter() - start)
    return {"netui": saves, "reference": bare}


# --- taskwarrior ------------------------------------------------------------------------


def task_version() -> str | None:
    task = shutil.which("task")
    if task is None:
        return None
    done = subprocess.run([task, "--version"], capture_output=True, text=True, check=False)
    return done.stdout.strip() or "?"


def tasks_from(path: Path) -> list[dict[str, object]]:
    """One pending "keep in touch" task per contact of the netui file (same people)."""
    import uuid

    from netui.clock import frozen_clock
    from netui.store import Store

    store = Store.open(path, clock=frozen_clock(NOW))
    tasks = []
    for contact in store.contacts():
        created = contact.created or NOW
        due = created.date().toordinal() + (contact.cadence_days or 90)
        due_day = max(due, NOW.date().toordinal() - 30)
        task: dict[str, object] = {
            "uuid": str(uuid.UUID(int=contact.id or 0, version=4)),
            "status": "pending",
            "description": f"Keep in touch with {contact.name}"
            + (f" ({contact.company})" if contact.company else ""),
            "entry": created.strftime("%Y%m%dT%H%M%SZ"),
            "due": date.fromordinal(due_day).strftime("%Y%m%dT090000Z"),
            "project": "network",
        }
        if contact.tags:
            task["tags"] = list(contact.tags)
        tasks.append(task)
    return tasks


def measure_taskwarrior(path: Path, env: dict[str, str], runs: int) -> Pair:
    """`netui add contact` at 10,000 contacts vs `task add` at 10,000 pending tasks."""
    folder = path.parent / "taskwarrior"
    data = folder / "data"
    data.mkdir(parents=True)
    version = task_version() or "?"
    rc = folder / "taskrc"
    rc.write_text(
        f"data.location={data}\nconfirmation=off\nnews.version={version.split()[0]}\n",
        encoding="utf-8",
    )
    task_env = {**env, "TASKRC": str(rc), "TASKDATA": str(data), "HOME": str(folder)}
    tasks = tasks_from(path)
    (folder / "tasks.json").write_text(json.dumps(tasks), encoding="utf-8")
    start = time.perf_counter()
    run(["task", "import", str(folder / "tasks.json")], task_env)
    imported = time.perf_counter() - start
    _, count = run(["task", "+PENDING", "count"], task_env)
    pair = Pair(extra={"journal append (estimate)": []})
    pair.notes.append(
        f"taskwarrior {version}: {count.strip()} pending tasks ({len(tasks):,} imported in "
        f"{imported:.1f} s)"
    )
    copy = path.with_name("contacts-10k.json")
    shutil.copyfile(path, copy)
    netui = netui_command()
    for i in range(runs + 1):
        seconds, _ = run(
            [*netui, "add", "contact", f"Pat Smith{i} (Engineer) @ Acme #bench", "--db", str(copy)],
            env,
        )
        task, _ = run(
            ["task", "add", f"Coffee with Pat Smith{i}", "project:network", "+bench"], task_env
        )
        journal, _ = run(
            [sys.executable, BASELINES, "journal", str(copy), f"Pat Jones{i} (Engineer) @ Acme"],
            env,
        )
        if i:
            pair.netui.append(seconds)
            pair.other.append(task)
            pair.extra["journal append (estimate)"].append(journal)
    _, count = run(["task", "+PENDING", "count"], task_env)
    pair.notes.append(f"after the runs: {count.strip()} pending tasks")
    return pair
