"""Figures that need no window: unlock, search against raw FTS5, save, import."""

from __future__ import annotations

import json
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import text

from app.journal.opening import create_journal, open_journal
from app.search.full_text import Order, SearchFilters, build_sql, raw_fts_sql
from app.search.periods import Period
from app.search.query import parse_query
from app.storage.keys import SystemKeyring
from app.transfer import TransferService
from app.writing.cycle_records import CycleStatus, LoopLevel
from app.writing.domains import Domain
from app.writing.links import ItemLink, LinkKind
from benchmarks.corpus import build_document
from benchmarks.figures import Figure, at_most, p50, p95, ratio_at_most, timings

SEARCH_RUNS = 40


def unlock_figures(folder: Path) -> list[Figure]:
    """Opening the journal with its keyring key, schema check included."""
    store = SystemKeyring()

    def unlock() -> None:
        open_journal(folder, store).close()

    runs = timings(unlock, 20)
    return [at_most("unlock (keyring key), p50", p50(runs), "ms", 50)]


def search_figures(folder: Path, terms: dict[str, Any]) -> list[Figure]:
    """App search beside the same raw FTS5 query, for several kinds of term."""
    journal = open_journal(folder, SystemKeyring())
    figures: list[Figure] = []
    cases: list[tuple[str, str, SearchFilters]] = [
        ("common term", terms["common"], SearchFilters()),
        ("mid-frequency term", terms["mid"], SearchFilters()),
        ("rare term", terms["rare"], SearchFilters()),
        ("phrase", f'"{terms["phrase"]}"', SearchFilters()),
        (
            "term + 2 filters",
            terms["filtered"],
            SearchFilters(domains=(Domain.TEAM,), status=CycleStatus.REVIEWED),
        ),
    ]
    try:
        with journal.engine.connect() as conn:
            cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
            for label, query, filters in cases:
                match = parse_query(query).fts()

                def app_search(q: str = query, f: SearchFilters = filters) -> None:
                    journal.search.search(q, f, limit=50)

                def raw_search(m: str = match) -> None:
                    cursor.execute(raw_fts_sql(), {"match": m, "limit": 50}).fetchall()

                app_runs = timings(app_search, SEARCH_RUNS)
                raw_runs = timings(raw_search, SEARCH_RUNS)
                figures += [
                    at_most(f"search {label}, p50", p50(app_runs), "ms", 30),
                    at_most(f"search {label}, p95", p95(app_runs), "ms", 100),
                    ratio_at_most(
                        f"search {label} vs raw FTS5, p50", p50(app_runs), p50(raw_runs), "ms", 1.5
                    ),
                ]
    finally:
        journal.close()
    return figures


BROWSE_CASES: list[tuple[str, SearchFilters]] = [
    ("domain", SearchFilters(domains=(Domain.TEAM,))),
    ("loop (cycles)", SearchFilters(loop=LoopLevel.DOUBLE)),
    ("tag + domain", SearchFilters(domains=(Domain.ORGANISATION,), tag="rota")),
    (
        "status + loop + domain",
        SearchFilters(
            domains=(Domain.INDIVIDUAL,), status=CycleStatus.REVIEWED, loop=LoopLevel.TRIPLE
        ),
    ),
    ("domain, this quarter", SearchFilters(domains=(Domain.TEAM,), period=Period.THIS_QUARTER)),
    ("nothing matches", SearchFilters(has_comment=True)),
]
"""Filter-only browsing: common and rare filters, a relative period, and a filter that lets
nothing through (the whole index is walked)."""


def browse_figures(folder: Path) -> list[Figure]:
    """Browsing by filters alone (no words), a first page newest first, beside the entry list's
    own first page read straight from SQLite (the baseline: what showing the list costs)."""
    journal = open_journal(folder, SystemKeyring())
    figures: list[Figure] = []
    try:
        with journal.engine.connect() as conn:
            cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
            newest = conn.execute(text("SELECT max(created_at) FROM entries")).scalar_one()
            # "This quarter" as seen on the day of the newest item, so the period holds items.
            today = datetime.fromisoformat(str(newest)).date()

            def list_page() -> None:
                cursor.execute(ENTRY_LIST_PAGE, {"limit": 51}).fetchall()

            baseline = p50(timings(list_page, SEARCH_RUNS))
            for label, filters in BROWSE_CASES:

                def browse(f: SearchFilters = filters) -> None:
                    journal.search.search("", f, order=Order.NEWEST, limit=50, today=today)

                runs = timings(browse, SEARCH_RUNS)
                figures += [
                    at_most(f"browse by {label}, p50", p50(runs), "ms", 30),
                    at_most(f"browse by {label}, p95", p95(runs), "ms", 100),
                    ratio_at_most(
                        f"browse by {label} vs the entry list's first page, p50",
                        p50(runs),
                        baseline,
                        "ms",
                        BROWSE_RATIO,
                    ),
                ]
    finally:
        journal.close()
    return figures


ENTRY_LIST_PAGE = (
    "SELECT id, title, created_at FROM entries WHERE deleted_at IS NULL "
    "ORDER BY created_at DESC, id DESC LIMIT :limit"
)
"""The baseline for browsing: the newest entries, as the entry list's first page reads them."""
BROWSE_RATIO = 100
"""Browsing checks each item against its filters and reads entries and cycles both; a filter
that lets nothing through walks the whole index (50,000 index rows against the list's 51).
Within 100x of the bare list page keeps even that well inside the 30 ms target."""


def search_plan(folder: Path, query: str, filters: SearchFilters) -> list[str]:
    """SQLite's query plan for a search (for the closing note when a target is missed)."""
    journal = open_journal(folder, SystemKeyring())
    try:
        sql, params = build_sql(parse_query(query), filters, Order.RELEVANCE)
        params.update(limit=50, offset=0)
        with journal.engine.connect() as conn:
            rows = conn.execute(text("EXPLAIN QUERY PLAN " + sql), params).all()
        return [str(r[-1]) for r in rows]
    finally:
        journal.close()


def save_figures(folder: Path) -> list[Figure]:
    """Saving an edited entry in the full journal, as autosave does."""
    journal = open_journal(folder, SystemKeyring())
    try:
        entry = journal.entries.create("Bench", "A first line.", [Domain.TEAM], ["bench"])
        counter = iter(range(10_000))

        def save() -> None:
            n = next(counter)
            journal.entries.save(
                entry.id,
                title="Bench",
                body=f"A first line.\n\nEdit number {n}: " + "more words " * 40,
                domains=[Domain.TEAM],
                tags=["bench"],
            )

        runs = timings(save, 100)
        journal.entries.trash(entry.id)
        journal.entries.empty_trash()
    finally:
        journal.close()
    return [at_most("save an edited entry, p95", p95(runs), "ms", 20)]


def import_figures(entries: int = 10_000) -> list[Figure]:
    """Importing a JSON export of `entries` entries into a new journal."""
    document, _ = build_document(entries * 5 // 4, seed=11)  # a fifth of the items are cycles
    document["cycles"], document["inquiries"] = [], []
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "import.json"
        source.write_text(json.dumps(document), encoding="utf-8")
        journal, _ = create_journal(Path(tmp) / "journal", SystemKeyring())
        try:
            start = time.perf_counter()
            result = TransferService(journal).import_json(source)
            seconds = time.perf_counter() - start
        finally:
            journal.close()
    assert result.added == len(document["entries"])
    return [at_most(f"import {len(document['entries'])} entries from JSON", seconds, "s", 60)]


def link_figures(folder: Path, terms: dict[str, Any]) -> list[Figure]:
    """Links between items: "Linked from" for a cycle and an entry, and the `[[` choices for a
    word typed (a common one, and one in no title: every title read)."""
    journal = open_journal(folder, SystemKeyring())
    try:
        cycle = journal.cycles.summaries(limit=1)[0].id
        entry = journal.entries.summaries(limit=1)[0].id
        figures: list[Figure] = []
        for label, link in (
            ("a cycle", ItemLink(LinkKind.CYCLE, cycle)),
            ("an entry", ItemLink(LinkKind.ENTRY, entry)),
        ):

            def linked_from(link: ItemLink = link) -> None:
                journal.links.linked_from(link)

            runs = timings(linked_from, SEARCH_RUNS)
            figures.append(at_most(f"linked from {label}, p50", p50(runs), "ms", 20))
        for label, typed, limit in (
            ("a common word", str(terms["common"]), 30),
            ("a word in no title", "zqxj", 250),
        ):

            def choices(typed: str = typed) -> None:
                journal.links.titled(typed)

            runs = timings(choices, 10)
            figures.append(at_most(f"[[ choices for {label}, p50", p50(runs), "ms", limit))
        return figures
    finally:
        journal.close()
