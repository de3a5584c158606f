"""A small run of the benchmark corpus builder (the full 50,000 runs in `make bench`)."""

from __future__ import annotations

import json
from pathlib import Path

from app.journal.opening import open_journal
from app.storage.keys import SystemKeyring
from benchmarks.corpus import build_document, main


def test_corpus_is_deterministic_and_varied() -> None:
    first, terms = build_document(300, seed=7)
    again, _ = build_document(300, seed=7)
    assert first == again
    assert len(first["entries"]) == 240 and len(first["cycles"]) == 60
    domains = {d for e in first["entries"] for d in e["domains"]}
    assert domains == {"individual", "team", "organisation"}
    lengths = sorted(len(e["body"]) for e in first["entries"])
    assert lengths[-1] > 5 * lengths[len(lengths) // 2] > 0  # a long tail of long entries
    freq = terms["frequencies"]
    assert freq["common"] > freq["mid"] > freq["rare"] > 0


def test_builder_makes_a_searchable_journal(tmp_path: Path, key_store: SystemKeyring) -> None:
    folder = tmp_path / "corpus"
    assert main(["--entries", "150", "--data-dir", str(folder)]) == 0
    terms = json.loads((folder / "corpus.json").read_text(encoding="utf-8"))
    journal = open_journal(folder, key_store)
    try:
        assert journal.entries.count() == 120
        assert len(journal.cycles.all_records()) == 30
        assert journal.search.search(terms["rare"]).hits
    finally:
        journal.close()
    assert main(["--entries", "10", "--data-dir", str(folder)]) == 1  # refuses a used folder


def test_browse_benchmark_measures_every_case_on_a_small_corpus(
    tmp_path: Path, key_store: SystemKeyring
) -> None:
    from benchmarks.core import BROWSE_CASES, browse_figures

    folder = tmp_path / "corpus"
    assert main(["--entries", "150", "--data-dir", str(folder)]) == 0
    figures = browse_figures(folder)
    assert len(figures) == 3 * len(BROWSE_CASES)
    compared = [f for f in figures if f.baseline is not None]
    assert compared and all(f.ratio is not None and (f.baseline or 0) > 0 for f in compared)
    journal = open_journal(folder, key_store)
    try:  # the cases are real: each common filter lists something from the corpus
        listed = [journal.search.search("", f).hits for _, f in BROWSE_CASES[:3]]
        assert all(listed)
    finally:
        journal.close()
