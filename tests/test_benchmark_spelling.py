"""The spelling benchmark's entry is plausible prose with known misspellings, and a small run
reports every figure against its baseline (the full run is `make bench`)."""

from __future__ import annotations

import pytest

from app.spelling.checker import SpellChecker
from app.spelling.english import EnglishDictionary
from app.spelling.words import words_in
from benchmarks import spelling
from benchmarks.run import main
from benchmarks.spelling import MISSPELT, reflective_text


def test_the_entry_is_long_varied_and_the_same_each_run() -> None:
    text = reflective_text()
    assert text == reflective_text()
    assert 4_900 <= len(text.split()) <= 5_000
    paragraphs = text.split("\n\n")
    assert len(paragraphs) >= 30
    assert len({w.text for w in words_in(text)}) >= 800
    assert reflective_text(seed=1) != text


def test_only_the_planted_misspellings_are_unknown(english: EnglishDictionary) -> None:
    assert not [word for word in MISSPELT if english.lookup(word)]
    unknown = [w.text for w in SpellChecker(english).check(reflective_text())]
    assert len(unknown) >= 5
    assert set(unknown) <= set(MISSPELT)
    assert not SpellChecker(english).check(reflective_text(misspell=0.0))


def test_a_small_run_reports_each_figure_with_its_baseline(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(spelling, "WORDS", 600)
    monkeypatch.setattr(spelling, "LOADS", 1)
    monkeypatch.setattr(spelling, "CHECKS", 1)
    monkeypatch.setattr(spelling, "PARAGRAPH_RUNS", 1)
    monkeypatch.setattr(spelling, "MISSPELT", ("recieve", "seperate"))
    figures = spelling.spelling_figures()
    names = [f.name for f in figures]
    assert len(names) == 9 and len(set(names)) == 9
    compared = [f for f in figures if f.baseline is not None]
    assert len(compared) == 3
    assert all(f.ratio is not None and (f.baseline or 0) > 0 for f in compared)
    assert all(f.value > 0 for f in figures)


def test_the_spelling_step_needs_no_corpus(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(spelling, "spelling_figures", lambda: [])
    corpus = tmp_path / "corpus"
    out = tmp_path / "bench.json"
    assert main(["--only", "spelling", "--corpus", str(corpus), "--out", str(out)]) == 0
    assert not corpus.exists()
    assert "Building" not in capsys.readouterr().out
    assert out.is_file()
