"""Summary export speed: 500 entries to PDF and to Word."""

from __future__ import annotations

import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from app.journal.opening import create_journal
from app.storage.keys import SystemKeyring
from app.summary.contents import SummaryOptions, SummaryService
from app.summary.export import SummaryFormat, write_summary
from app.writing.domains import Domain
from app.writing.entries import EntryStore
from benchmarks.corpus import body, build_vocabulary
from benchmarks.figures import Figure, at_most

ENTRIES = 500


def summary_figures() -> list[Figure]:
    """Build a summary holding 500 flagged entries and write it as PDF and as DOCX."""
    import random

    rng = random.Random(3)
    vocab = build_vocabulary(5_000, rng)
    today = date(2026, 6, 30)
    figures = []
    with tempfile.TemporaryDirectory() as tmp:
        journal, _ = create_journal(Path(tmp) / "journal", SystemKeyring())
        try:
            start = datetime(2026, 4, 1, 9, tzinfo=UTC)
            for n in range(ENTRIES):
                moment = start + timedelta(hours=3 * n)
                store = EntryStore(journal.engine, clock=lambda m=moment: m)  # type: ignore[misc]
                entry = store.create(f"Reflection {n + 1}", body(rng, vocab), [Domain.TEAM])
                journal.entries.set_flags(entry.id, bring_to_supervision=True)
            options = SummaryOptions(since=date(2026, 4, 1), until=today, role="Ward manager")
            summary = SummaryService(journal).build(options, today)
            assert len(summary.flagged) == ENTRIES
            for fmt in (SummaryFormat.PDF, SummaryFormat.DOCX):
                out = Path(tmp) / f"summary.{fmt.value}"
                begin = time.perf_counter()
                write_summary(summary, fmt, out)
                seconds = time.perf_counter() - begin
                figures.append(
                    at_most(f"summary of {ENTRIES} entries to {fmt.value.upper()}", seconds, "s", 2)
                )
        finally:
            journal.close()
    return figures
