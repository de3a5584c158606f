"""The reflective moves of a 5,000-word entry: how long finding them takes (target: p95 <= 50 ms).

The panel finds them again each time typing pauses, on the window's thread, so this is how long
the window waits then.
"""

from __future__ import annotations

import random

from app.writing.moves import find_moves
from benchmarks.corpus import build_vocabulary, paragraph
from benchmarks.figures import Figure, at_most, p50, p95, timings

WORDS = 5_000
RUNS = 30


def long_entry(words: int = WORDS, seed: int = 20261204) -> str:
    """Reflective paragraphs in Markdown (headings, lists), `words` words long."""
    rng = random.Random(seed)
    vocab = build_vocabulary(2_000, rng)
    parts: list[str] = []
    count = 0
    while count < words:
        kind = rng.random()
        if kind < 0.1:
            text = f"## {paragraph(rng, vocab, 1).rstrip('.')}"
        elif kind < 0.3:
            text = "\n".join(f"- {paragraph(rng, vocab, 1)}" for _ in range(3))
        else:
            text = paragraph(rng, vocab, 6)
        parts.append(text)
        count += len(text.split())
    return " ".join("\n\n".join(parts).split(" ")[:words])


def moves_figures() -> list[Figure]:
    """Finding the six moves in a 5,000-word entry."""
    text = long_entry()
    times = timings(lambda: find_moves(text), RUNS)
    return [
        at_most(f"reflective moves of a {WORDS:,}-word entry, p50", p50(times), "ms", 50),
        at_most(f"reflective moves of a {WORDS:,}-word entry, p95", p95(times), "ms", 50),
    ]
