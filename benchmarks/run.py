"""`make bench`: build (or reuse) the 50,000-item corpus, measure, print a table, write JSON.

python -m benchmarks.run [--corpus DIR] [--entries N] [--out build/bench.json] [--only STEP]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
from collections.abc import Callable
from pathlib import Path

from app.storage.meta import journal_exists
from benchmarks import backups, commands, core, documents, insights, moves, sharing, spelling
from benchmarks.corpus import main as build_corpus
from benchmarks.figures import Figure, at_most, report

# The steps that build what they measure themselves and never read the corpus.
CORPUS_FREE = frozenset({"import", "share package", "summary", "reflective moves", "spelling"})


def main(argv: list[str] | None = None) -> int:
    """Run every benchmark and report."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run")
    parser.add_argument("--corpus", default="build/bench-corpus")
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--out", default="build/bench.json")
    parser.add_argument(
        "--only", metavar="STEP", help="run one benchmark step (such as browse), not all"
    )
    args = parser.parse_args(argv)
    corpus = Path(args.corpus)
    # Steps that make their own data run without the corpus (`--only spelling` builds none).
    if args.only not in CORPUS_FREE and not journal_exists(corpus):
        print(f"Building a {args.entries}-item corpus in {corpus} (once; it is reused)...")
        if build_corpus(["--entries", str(args.entries), "--data-dir", str(corpus)]) != 0:
            return 1
    terms_file = corpus / "corpus.json"
    terms = json.loads(terms_file.read_text(encoding="utf-8")) if terms_file.is_file() else {}
    figures: list[Figure] = []
    steps: list[tuple[str, Callable[[], list[Figure]]]] = [
        ("unlock", lambda: core.unlock_figures(corpus)),
        ("search", lambda: core.search_figures(corpus, terms)),
        ("browse", lambda: core.browse_figures(corpus)),
        ("insights", lambda: insights.insights_figures(corpus)),
        ("links", lambda: core.link_figures(corpus, terms)),
        ("save", lambda: core.save_figures(corpus)),
        ("import", core.import_figures),
        ("share package", sharing.share_package_figures),
        ("backup", lambda: backups.backup_figures(corpus)),
        ("summary", documents.summary_figures),
        ("commands", lambda: commands.command_figures(corpus, terms)),
        ("reflective moves", moves.moves_figures),
        ("spelling", spelling.spelling_figures),
    ]
    try:
        from benchmarks import ui

        steps += [
            ("cold start", lambda: ui.cold_start_figures(corpus)),
            ("list first paint", lambda: ui.list_first_paint_figures(corpus)),
            ("peak memory", lambda: ui.peak_memory_figures(corpus)),
            ("typing", ui.typing_figures),
        ]
    except ImportError as exc:  # the window benchmarks need the UI package
        print(f"(window benchmarks skipped: {exc})", file=sys.stderr)
    if args.only:
        steps = [(name, step) for name, step in steps if name == args.only]
        if not steps:
            print(f"There is no benchmark step called {args.only}.", file=sys.stderr)
            return 2
    for name, step in steps:
        print(f"... {name}", flush=True)
        figures += step()
    own_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures.append(at_most("peak memory of the benchmark process", own_peak, "MB", 1024))
    print(report(figures, Path(args.out)))
    missed = [f.name for f in figures if not f.met]
    print(f"\n{len(figures) - len(missed)} of {len(figures)} targets met; figures in {args.out}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
