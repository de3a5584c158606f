"""Insight into one's own inquiry: counts over a period, laid out as tables.

A source (the journal itself, or what a participant shared with their coach) counts its items
into `Tallies`; `insights_from` lays those counts out as the tables the Insights view, the
summary's optional section and the command line all show. Every number carries the `Pick`
that lists the items behind it, so each figure leads to them in one click.

These are counts, never scores: how many entries touched a domain, how many cycles reached a
loop, how many days passed between an experiment and reflecting on it. Nothing here judges
what anyone wrote.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Protocol

from app.writing.cycle_records import LEADERSHIP_DIMENSIONS
from app.writing.cycle_states import LoopLevel
from app.writing.domains import Domain

THEMES_SHOWN = 6
"""The most used tags over the period get a column each in the themes table."""


class Figure(StrEnum):
    """Which count a number belongs to."""

    DOMAIN = "domain"
    LOOP = "loop"
    PROGRESS = "progress"
    DAYS = "days"
    THEME = "theme"
    DIMENSION = "dimension"


class Progress(StrEnum):
    """How far the cycles begun in a period went: each one tried was planned first."""

    PLANNED = "planned"
    TRIED = "tried"
    REVIEWED = "reviewed"

    @property
    def label(self) -> str:
        """The words shown to people."""
        return {"planned": "Planned", "tried": "Tried", "reviewed": "Reviewed"}[self.value]


@dataclass(frozen=True)
class Span:
    """The days counted, both ends included."""

    first: date
    last: date

    def months(self) -> tuple[str, ...]:
        """Every month the span touches, as YYYY-MM, oldest first."""
        months = []
        year, month = self.first.year, self.first.month
        while (year, month) <= (self.last.year, self.last.month):
            months.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return tuple(months)


class Reach(StrEnum):
    """How far back Insights looks, in whole months up to today."""

    LAST_3_MONTHS = "3"
    LAST_6_MONTHS = "6"
    LAST_12_MONTHS = "12"
    THIS_YEAR = "year"
    EVERYTHING = "all"

    @property
    def label(self) -> str:
        """The words shown to people."""
        return _REACH_LABELS[self]

    def span(self, today: date, first_written: date) -> Span:
        """The days counted, seen on `today`, for a journal begun on `first_written`."""
        if self is Reach.THIS_YEAR:
            return Span(today.replace(month=1, day=1), today)
        if self is Reach.EVERYTHING:
            return Span(min(first_written, today).replace(day=1), today)
        back = int(self.value) - 1
        year, month = divmod(today.year * 12 + today.month - 1 - back, 12)
        return Span(date(year, month + 1, 1), today)


_REACH_LABELS = {
    Reach.LAST_3_MONTHS: "Last 3 months",
    Reach.LAST_6_MONTHS: "Last 6 months",
    Reach.LAST_12_MONTHS: "Last 12 months",
    Reach.THIS_YEAR: "This year",
    Reach.EVERYTHING: "Everything",
}


@dataclass(frozen=True)
class Scope:
    """What Insights looks at: a span of days, and one line of inquiry or all of them.

    Entries belong to no line of inquiry, so a scope with one counts only that line's cycles.
    """

    span: Span
    inquiry: str | None = None


@dataclass(frozen=True)
class Pick:
    """The items behind one number: a figure, and the month and value it counts."""

    figure: Figure
    value: str = ""
    month: str = ""


@dataclass(frozen=True)
class ItemRef:
    """An item behind a number, enough to list it and open it."""

    kind: str  # "entry" or "cycle"
    id: str
    title: str
    written: date
    detail: str = ""


@dataclass(frozen=True)
class Tallies:
    """What a source counted over a scope. Months are YYYY-MM of when each item was begun."""

    domains: Mapping[tuple[str, str], int] = field(default_factory=dict)  # (month, domain)
    loops: Mapping[tuple[str, str], int] = field(default_factory=dict)  # (month, loop)
    progress: Mapping[Progress, int] = field(default_factory=dict)
    days: tuple[int, ...] = ()  # per tried cycle whose experiment and reflection are dated
    days_unknown: int = 0  # tried cycles with an experiment date but no reflection date
    themes: Mapping[tuple[str, str], int] = field(default_factory=dict)  # (month, tag)
    dimensions: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Cell:
    """One number in a table, and how to list what it counts (None for a nought)."""

    count: int
    pick: Pick | None


@dataclass(frozen=True)
class Row:
    """A labelled row of numbers."""

    label: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Table:
    """A table as people read it: a caption, column headings, labelled rows."""

    caption: str
    row_heading: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]

    @property
    def total(self) -> int:
        """Every number in the table added up."""
        return sum(c.count for r in self.rows for c in r.cells)


@dataclass(frozen=True)
class Timing:
    """Days from an experiment to reflecting on it."""

    median: float | None
    counted: int
    unknown: int

    def sentence(self) -> str:
        """The figure in words."""
        if self.median is None:
            text = "No tried experiment in this period has both its dates yet."
        else:
            days = f"{self.median:g} day" + ("" if self.median == 1 else "s")
            cycles = f"{self.counted} cycle" + ("" if self.counted == 1 else "s")
            text = f"Median {days} from experiment to reflection ({cycles})."
        if self.unknown:
            older = "cycle" if self.unknown == 1 else "cycles"
            text += f" {self.unknown} older {older} with no record of when reflection began."
        return text


@dataclass(frozen=True)
class Insights:
    """Everything the Insights view shows for one scope."""

    scope: Scope
    domains: Table
    loops: Table
    progress: Table
    timing: Timing
    themes: Table
    dimensions: Table
    gaps: tuple[str, ...]

    @property
    def is_empty(self) -> bool:
        """True when nothing was written in the scope."""
        return self.domains.total == 0 and self.progress.total == 0

    def tables(self) -> tuple[Table, ...]:
        """The tables in the order they are shown."""
        return (self.domains, self.loops, self.progress, self.themes, self.dimensions)

    def gaps_sentence(self) -> str:
        """The Healthcare Leadership Model dimensions no cycle ticked, in words."""
        if not self.gaps:
            return "Every Healthcare Leadership Model dimension was ticked at least once."
        return "Not ticked in this period: " + ", ".join(self.gaps) + "."


class InsightsSource(Protocol):
    """Where figures come from: the journal itself, or what one participant shared."""

    def first_written(self, today: date) -> date:
        """The day the oldest item counted was begun (`today` when there is none)."""
        ...

    def insights(self, scope: Scope) -> Insights:
        """Every figure for `scope`."""
        ...

    def items(self, scope: Scope, pick: Pick) -> list[ItemRef]:
        """The items a number counts, newest first."""
        ...


_LOOPS = (LoopLevel.SINGLE, LoopLevel.DOUBLE, LoopLevel.TRIPLE, LoopLevel.NONE)


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_label(month: str) -> str:
    """'2026-03' as 'Mar 2026'."""
    year, number = month.split("-")
    return f"{_MONTHS[int(number) - 1]} {year}"


def _cell(count: int, pick: Pick) -> Cell:
    return Cell(count, pick if count else None)


def _by_month(
    caption: str,
    months: tuple[str, ...],
    counts: Mapping[tuple[str, str], int],
    figure: Figure,
    values: tuple[tuple[str, str], ...],
) -> Table:
    """Months down the side, one column per (value, heading)."""
    rows = tuple(
        Row(
            month_label(m),
            tuple(_cell(counts.get((m, v), 0), Pick(figure, value=v, month=m)) for v, _ in values),
        )
        for m in months
    )
    return Table(caption, "Month", tuple(h for _, h in values), rows)


def insights_from(scope: Scope, tallies: Tallies) -> Insights:
    """Lay a source's counts out as the tables people read."""
    months = scope.span.months()
    domains = _by_month(
        "Domains by month: entries and cycles begun that touch each domain",
        months,
        tallies.domains,
        Figure.DOMAIN,
        tuple((d.value, d.label) for d in Domain),
    )
    loops = _by_month(
        "Loop reached by month: cycles begun",
        months,
        tallies.loops,
        Figure.LOOP,
        tuple((loop.value, loop.label) for loop in _LOOPS),
    )
    progress = Table(
        "Cycles begun in the period: planned, then tried, then reviewed",
        "Stage",
        ("Cycles",),
        tuple(
            Row(p.label, (_cell(tallies.progress.get(p, 0), Pick(Figure.PROGRESS, p.value)),))
            for p in Progress
        ),
    )
    tag_totals: dict[str, int] = {}
    for (_, tag), n in tallies.themes.items():
        tag_totals[tag] = tag_totals.get(tag, 0) + n
    top = sorted(tag_totals, key=lambda t: (-tag_totals[t], t.casefold()))[:THEMES_SHOWN]
    themes = _by_month(
        "Themes (tags) by month" + (f": the {len(top)} most used" if len(top) > 1 else ""),
        months,
        tallies.themes,
        Figure.THEME,
        tuple((t, t) for t in top),
    )
    dimensions = Table(
        "Healthcare Leadership Model dimensions ticked on cycles begun",
        "Dimension",
        ("Cycles",),
        tuple(
            Row(label, (_cell(tallies.dimensions.get(code, 0), Pick(Figure.DIMENSION, code)),))
            for code, label in LEADERSHIP_DIMENSIONS.items()
        ),
    )
    gaps = tuple(
        label for code, label in LEADERSHIP_DIMENSIONS.items() if not tallies.dimensions.get(code)
    )
    timing = Timing(
        median=statistics.median(tallies.days) if tallies.days else None,
        counted=len(tallies.days),
        unknown=tallies.days_unknown,
    )
    return Insights(scope, domains, loops, progress, timing, themes, dimensions, gaps)


def days_detail(days: int) -> str:
    """What an item behind the median says of itself: "3 days from experiment to reflection"."""
    return f"{days} day" + ("" if days == 1 else "s") + " from experiment to reflection"


def days_between(experiment: date, reflection: date) -> int:
    """Whole days from the experiment to reflecting on it (0 when reflection came first,
    as when an experiment happened earlier than planned)."""
    return max(0, (reflection - experiment).days)
