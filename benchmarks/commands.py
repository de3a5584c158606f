"""One-off commands as whole processes: `search` and `note` on the 50,000-item corpus.

What a person waits for at the terminal is the whole process: the interpreter starting, the
app's modules loading, the journal opening, the work, the journal closing. The baselines,
measured in the same run, are a bare interpreter (`python -c pass`) and the app's cheapest
command (`--version`), which loads the command line and nothing else. Both commands run on a
copy of the corpus (a note writes; closing a journal checkpoints its write-ahead log).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.figures import Figure, at_most, p50, p95, ratio_at_most

RUNS = 15
ROOT = Path(__file__).resolve().parent.parent
"""Children start here, so `python -m app` is this tree's app."""


def _timed_runs(
    commands: dict[str, list[str]], runs: int = RUNS
) -> dict[str, tuple[list[float], list[float]]]:
    """For each `python ARGUMENTS`: milliseconds spawn to exit, and of CPU time, each run.

    The commands take turns, so a machine that gets busier part-way slows them all alike
    and the ratios between them still hold; CPU time is what the command itself costs,
    whatever else the machine is doing. One unmeasured round first warms the disc cache.
    """
    out: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in commands}
    for index in range(runs + 1):
        for name, arguments in commands.items():
            start = time.perf_counter()
            with tempfile.TemporaryFile() as errors:
                child = subprocess.Popen(
                    [sys.executable, *arguments],
                    cwd=ROOT,
                    stdout=subprocess.DEVNULL,
                    stderr=errors,
                )
                # wait4 gives this child's own CPU time (RUSAGE_CHILDREN sums them all).
                _pid, status, usage = os.wait4(child.pid, 0)
                elapsed = (time.perf_counter() - start) * 1000
                child.returncode = os.waitstatus_to_exitcode(status)
                if child.returncode != 0:
                    errors.seek(0)
                    raise RuntimeError(
                        f"python {' '.join(arguments)} exited {child.returncode}:\n"
                        + errors.read()[-2000:].decode("utf-8", "replace")
                    )
            if index:
                out[name][0].append(elapsed)
                out[name][1].append((usage.ru_utime + usage.ru_stime) * 1000)
    return out


def command_figures(corpus: Path, terms: dict[str, Any]) -> list[Figure]:
    """`search WORD` and `note TEXT` spawn to exit, beside a bare interpreter and `--version`."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "journal"
        shutil.copytree(corpus, folder, ignore=shutil.ignore_patterns("backups", "*.ijbackup"))
        runs = _timed_runs(
            {
                "bare": ["-c", "pass"],
                "version": ["-m", "app", "--version"],
                "search": ["-m", "app", "--data-dir", str(folder), "search", terms["mid"]],
                "note": ["-m", "app", "--data-dir", str(folder), "note", "Tried the check-in."],
            }
        )
    bare, version = p50(runs["bare"][0]), p50(runs["version"][0])
    figures: list[Figure] = [
        at_most("bare interpreter start (python -c pass), p50", bare, "ms", 100),
        ratio_at_most("command --version vs bare interpreter, p50", version, bare, "ms", 5),
    ]
    for name, key in (("search WORD", "search"), ("note TEXT", "note")):
        taken, cpu = runs[key]
        figures += [
            at_most(f"command {name} (whole process), p50", p50(taken), "ms", 250),
            at_most(f"command {name} (whole process), p95", p95(taken), "ms", 400),
            at_most(f"command {name}, CPU time, p50", p50(cpu), "ms", 250),
            ratio_at_most(f"command {name} vs --version, p50", p50(taken), version, "ms", 4),
        ]
    return figures
