"""One-off commands as whole processes: `search` and `note` on the 50,000-item corpus.

What a person waits for at the terminal is the whole process: the interpreter starting, the
app's modules loading, the journal opening, the work, the journal closing. The baselines,
measured in the same run, are a bare interpreter (`python -c pass`) and the app's cheapest
command (`--version`), which loads the command line and nothing else. Both commands run on a
copy of the corpus (a note writes; closing a journal checkpoints its write-ahead log).
"""

from __future__ import annotations

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


def _timed_runs(commands: dict[str, list[str]], runs: int = RUNS) -> dict[str, list[float]]:
    """Milliseconds for each run of each `python ARGUMENTS`, spawn to exit, after one warm-up.

    The commands take turns, so a machine that gets busier part-way slows them all alike
    and the ratios between them still hold.
    """
    out: dict[str, list[float]] = {name: [] for name in commands}
    for index in range(runs + 1):
        for name, arguments in commands.items():
            start = time.perf_counter()
            result = subprocess.run(
                [sys.executable, *arguments], cwd=ROOT, capture_output=True, text=True, check=False
            )
            elapsed = (time.perf_counter() - start) * 1000
            if result.returncode != 0:
                raise RuntimeError(
                    f"python {' '.join(arguments)} exited {result.returncode}:\n"
                    + result.stderr[-2000:]
                )
            if index:  # the first round warms the disc cache
                out[name].append(elapsed)
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
    bare, version = p50(runs["bare"]), p50(runs["version"])
    search, note = runs["search"], runs["note"]
    figures: list[Figure] = [
        at_most("bare interpreter start (python -c pass), p50", bare, "ms", 100),
        ratio_at_most("command --version vs bare interpreter, p50", version, bare, "ms", 5),
    ]
    for name, taken in (("search WORD", search), ("note TEXT", note)):
        figures += [
            at_most(f"command {name} (whole process), p50", p50(taken), "ms", 250),
            at_most(f"command {name} (whole process), p95", p95(taken), "ms", 400),
            ratio_at_most(f"command {name} vs --version, p50", p50(taken), version, "ms", 4),
        ]
    return figures
