"""Coach review at scale: a 10,000-entry share package made, imported and searched.

The baseline for the import is importing the same entries from a JSON export into a new
journal, measured in the same run: both write the same text into an encrypted journal, so
the ratio shows what opening, checking and applying a package costs on top.
"""

from __future__ import annotations

import itertools
import json
import tempfile
import time
from pathlib import Path

from app.journal.opening import create_journal
from app.search.query import parse_query
from app.sharing.exchange import ExchangeService
from app.sharing.records import Role
from app.sharing.workspace import SharedFilter, WorkspaceService
from app.storage.keys import SystemKeyring
from app.transfer import TransferService
from benchmarks.corpus import build_document
from benchmarks.figures import Figure, at_most, p50, ratio_at_most, timings


def share_package_figures(entries: int = 10_000) -> list[Figure]:
    """Make a share package of `entries` entries, import it as a coach, search what arrived."""
    document, _ = build_document(entries * 5 // 4, seed=17)  # a fifth are cycles, left out
    document["cycles"], document["inquiries"] = [], []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        source = root / "export.json"
        source.write_text(json.dumps(document), encoding="utf-8")
        keys = SystemKeyring()
        participant, _ = create_journal(root / "participant", keys)
        coach, _ = create_journal(root / "coach", keys)
        try:
            start = time.perf_counter()
            TransferService(participant).import_json(source)
            baseline = time.perf_counter() - start
            participant.sharing.identity("Alex")
            participant.sharing.add(coach.sharing.identity("Sam").card, Role.COACH)

            start = time.perf_counter()
            ids = participant.entries.all_ids()
            records = ExchangeService(participant).records_to_share(ids, [])
            package = ExchangeService(participant).make_share(
                participant.sharing.contacts(Role.COACH)[0], records
            )
            made = time.perf_counter() - start

            start = time.perf_counter()
            ticks = [start]
            result = ExchangeService(coach).import_package(
                package.data, lambda done, total: ticks.append(time.perf_counter())
            )
            imported = time.perf_counter() - start
            longest_wait = max(b - a for a, b in itertools.pairwise(ticks))
            assert result.changed and len(ids) == entries, result.message

            word = _mid_frequency_word(document)
            where = SharedFilter(text=word)
            found = len(WorkspaceService(coach).shared_items(where=where))
            search = timings(lambda: WorkspaceService(coach).shared_items(where=where), 30)
        finally:
            participant.close()
            coach.close()
    megabytes = len(package.data) / 1024 / 1024
    return [
        at_most(f"make a share package of {entries} entries ({megabytes:.1f} MB)", made, "s", 5),
        ratio_at_most(
            f"import a {entries}-entry share package (coach), vs JSON import of the same",
            imported,
            baseline,
            "s",
            3.0,
        ),
        at_most("longest wait between import progress updates", longest_wait * 1000, "ms", 500),
        at_most(
            f"search {entries} shared items ({word!r}, {found} found), p50", p50(search), "ms", 50
        ),
    ]


def _mid_frequency_word(document: dict[str, object]) -> str:
    """A word that appears in some but not most bodies, for a realistic search."""
    entries = document["entries"]
    assert isinstance(entries, list)
    counts: dict[str, int] = {}
    for entry in entries[:2000]:
        for word in set(str(entry["body"]).lower().split()):
            if word.isalpha() and len(word) > 4:
                counts[word] = counts.get(word, 0) + 1
    ranked = sorted(counts, key=lambda w: abs(counts[w] - 40))
    word = ranked[0]
    assert parse_query(word).fts()
    return word
