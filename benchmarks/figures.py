"""Measured figures: timing helpers and the table / JSON they are reported in."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class Figure:
    """One measured figure, its target, and where compared, the baseline it was set against."""

    name: str
    value: float
    unit: str
    target: str
    met: bool
    baseline: float | None = None
    ratio: float | None = None

    def as_json(self) -> dict[str, object]:
        """The figure as bench.json records it (baseline and ratio only where compared)."""
        data = asdict(self)
        return {k: v for k, v in data.items() if v is not None or k not in ("baseline", "ratio")}


def timings(action: Callable[[], object], runs: int, warmup: int = 2) -> list[float]:
    """Milliseconds for each of `runs` calls, after a few unmeasured warm-up calls."""
    for _ in range(warmup):
        action()
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        out.append((time.perf_counter() - start) * 1000)
    return out


def p50(values: list[float]) -> float:
    """The median."""
    return statistics.median(values)


def p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * len(ordered) + 0.5) - 1)]


def at_most(name: str, value: float, unit: str, limit: float, **compare: float) -> Figure:
    """A figure whose target is a ceiling."""
    return Figure(name, round(value, 2), unit, f"<= {limit:g} {unit}", value <= limit, **compare)


def ratio_at_most(name: str, value: float, baseline: float, unit: str, limit: float) -> Figure:
    """A figure whose target is a ceiling on its ratio to a baseline measured in the same run."""
    ratio = value / baseline if baseline else float("inf")
    return Figure(
        name,
        round(value, 2),
        unit,
        f"<= {limit:g}x baseline",
        ratio <= limit,
        baseline=round(baseline, 2),
        ratio=round(ratio, 2),
    )


def report(figures: list[Figure], out: Path) -> str:
    """Write bench.json and return the same figures as a table."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps([f.as_json() for f in figures], indent=2) + "\n", encoding="utf-8")
    rows = [("figure", "value", "baseline", "ratio", "target", "met")]
    for f in figures:
        rows.append(
            (
                f.name,
                f"{f.value:g} {f.unit}",
                "" if f.baseline is None else f"{f.baseline:g} {f.unit}",
                "" if f.ratio is None else f"{f.ratio:g}x",
                f.target,
                "yes" if f.met else "NO",
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
