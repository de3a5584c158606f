"""Figures that need the window, each measured in child processes (benchmarks/ui_child.py).

The children inherit this process's environment (keyring backend, data folders), with
QT_QPA_PLATFORM set to offscreen unless one is set already, and a throwaway settings folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.figures import Figure, at_most, p50, p95, ratio_at_most

CHILD = Path(__file__).with_name("ui_child.py")
ROOT = CHILD.parent.parent
COLD_START_RUNS = 5
FIRST_PAINT_RUNS = 15
CHILD_TIMEOUT_S = 600


@dataclass(frozen=True)
class ChildRun:
    """What a child said, when, and the most memory it held."""

    lines: dict[str, str]
    spawned: float
    seen: dict[str, float]
    max_rss_kb: int


def run_child(*arguments: str) -> ChildRun:
    """Run ui_child.py and read its `KEY value` lines as they come."""
    with tempfile.TemporaryDirectory() as scratch:
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        # The child runs as a script, so Python would look for `app` beside it, then in the
        # installed copy (an editable install points at the main checkout): name this tree's.
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p
        )
        env["XDG_CONFIG_HOME"] = scratch  # window settings go nowhere lasting
        lines: dict[str, str] = {}
        seen: dict[str, float] = {}
        # Qt's platform notes go to a file, shown only if the child fails.
        with (Path(scratch) / "stderr.txt").open("w+", encoding="utf-8") as errors:
            spawned = time.perf_counter()
            process = subprocess.Popen(
                [sys.executable, str(CHILD), *arguments],
                stdout=subprocess.PIPE,
                stderr=errors,
                text=True,
                env=env,
            )
            assert process.stdout is not None
            for line in process.stdout:
                key, _, value = line.strip().partition(" ")
                seen.setdefault(key, time.perf_counter())
                lines[key] = value
            # wait4 gives this child's own peak memory (RUSAGE_CHILDREN mixes in the others).
            _pid, status, usage = os.wait4(process.pid, 0)
            process.returncode = os.waitstatus_to_exitcode(status)
            if process.returncode:
                errors.seek(0)
                raise RuntimeError(
                    f"ui_child.py {' '.join(arguments)} exited {process.returncode}:\n"
                    + errors.read()[-2000:]
                )
    return ChildRun(lines, spawned, seen, usage.ru_maxrss)


def _to_window(*arguments: str) -> tuple[float, float]:
    """Milliseconds from spawning a child to its first window, and to its last, on screen."""
    run = run_child(*arguments)
    first = (float(run.lines["EXPOSED"]) - run.spawned) * 1000
    return first, (float(run.lines["READY"]) - run.spawned) * 1000


def cold_start_figures(journal_folder: Path) -> list[Figure]:
    """Spawn to window shown, for the app on the journal and for a bare QMainWindow.

    The app shows a plain window at once and the journal window when the journal is open;
    both moments are reported.
    """
    folder = str(journal_folder)
    _to_window("bare"), _to_window("app", folder)  # warm the file cache for both
    shown: list[float] = []
    ready: list[float] = []
    bare_runs: list[float] = []
    for _ in range(COLD_START_RUNS):
        bare_runs.append(_to_window("bare")[0])
        first, last = _to_window("app", folder)
        shown.append(first)
        ready.append(last)
    return [
        ratio_at_most(
            "cold start to window shown (keyring key), p50", p50(shown), p50(bare_runs), "ms", 3
        ),
        ratio_at_most(
            "cold start to the journal on screen (keyring key), p50",
            p50(ready),
            p50(bare_runs),
            "ms",
            4,
        ),
    ]


def list_first_paint_figures(journal_folder: Path) -> list[Figure]:
    """Entry list model and view created on the journal, to the first paint finished."""
    run = run_child("first-paint", str(journal_folder), str(FIRST_PAINT_RUNS))
    times: list[float] = json.loads(run.lines["PAINT_MS"])
    return [
        at_most("entry list first paint, first in the process", times[0], "ms", 50),
        at_most("entry list first paint, p50", p50(times), "ms", 50),
    ]


def peak_memory_figures(journal_folder: Path) -> list[Figure]:
    """Peak memory of the window with every entry row loaded and a few searches run."""
    run = run_child("memory", str(journal_folder))
    rows = int(run.lines["ROWS"])
    with_view: list[float] = json.loads(run.lines["FETCH_MS"])
    model_only: list[float] = json.loads(run.lines["MODEL_FETCH_MS"])
    peak_kb = int(run.lines.get("PEAK_KB", run.max_rss_kb))
    return [
        at_most(f"peak memory: window, {rows:,} list rows, searches", peak_kb / 1024, "MB", 300),
        # One frame at 60 Hz. The model's own share, then with Qt's list view laying out
        # every loaded row again for each page it inserts (that part grows with the rows).
        at_most("entry list model: next page, p95", p95(model_only), "ms", 16),
        at_most(f"entry list: next page in the view, p50 to {rows:,}", p50(with_view), "ms", 16),
    ]


if __name__ == "__main__":
    from benchmarks.figures import report

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "build/bench-corpus")
    found = cold_start_figures(target) + list_first_paint_figures(target)
    found += peak_memory_figures(target)
    print(report(found, Path("build/bench-ui.json")))


TYPING_KEYS = 250


def typing_figures() -> list[Figure]:
    """Keystroke to repaint in a 5,000-word entry with spelling checked (target: p95 <= 16 ms,
    one frame at 60 Hz), against the same field with only the privacy underline, as before."""
    without = json.loads(run_child("typing", "without", str(TYPING_KEYS)).lines["KEY_MS"])
    run = run_child("typing", "with", str(TYPING_KEYS))
    with_spelling: list[float] = json.loads(run.lines["KEY_MS"])
    words = int(run.lines["WORDS"])
    if int(run.lines["UNKNOWN_TYPED"]) == 0:
        raise RuntimeError("the spelling check found nothing in what was typed: not measured")
    figures = []
    for name, pick in (("p50", p50), ("p95", p95)):
        value, baseline = pick(with_spelling), pick(without)
        figures.append(
            at_most(
                f"keystroke to repaint, {words:,}-word entry, spelling checked, {name}",
                value,
                "ms",
                16,
                baseline=round(baseline, 2),
                ratio=round(value / baseline, 2) if baseline else float("inf"),
            )
        )
    return figures
