"""Insights over what one participant shared with their coach: `SharedInsights(journal, who)`.

The coach sees the same figures the participant sees in their own Insights, counted from the
shared items alone: nothing else of the participant's is in the coach's journal. Shared items
are few (hundreds, not tens of thousands), so they are read once and counted here by the same
rules the journal's SQL follows: the month an item was begun, its domains and tags, and a
cycle's status, loop, dates and leadership dimensions as its facts were sent. A cycle shared
by a version that sent no facts counts in domains and themes only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime

import sqlcipher3

from app.errors import StorageError
from app.insights.figures import (
    Figure,
    Insights,
    ItemRef,
    Pick,
    Progress,
    Scope,
    Tallies,
    days_between,
    days_detail,
    insights_from,
)
from app.journal.opening import Journal
from app.sharing.content import CycleFacts, facts_from_json
from app.storage.connection import explain
from app.writing.cycle_states import CycleStatus

_TRIED = (CycleStatus.IN_PROGRESS, CycleStatus.REVIEWED)


@dataclass(frozen=True)
class _Shared:
    kind: str
    id: str
    title: str
    domains: tuple[str, ...]
    tags: tuple[str, ...]
    written: datetime
    facts: CycleFacts | None

    @property
    def month(self) -> str:
        return f"{self.written:%Y-%m}"

    def dated_days(self) -> int | None:
        """Days from experiment to reflection, when both are known for a tried cycle."""
        facts = self.facts
        if facts is None or facts.status not in _TRIED or facts.experiment_date is None:
            return None
        if facts.reflection_began is None:
            return None
        began = facts.reflection_began.astimezone(UTC).date()
        return days_between(facts.experiment_date, began)


class SharedInsights:
    """Insights over the items one participant shared (the coach's journal)."""

    def __init__(self, journal: Journal, participant: str) -> None:
        self._journal = journal
        self._participant = participant

    def _rows(self) -> list[_Shared]:
        try:
            with self._journal.reading() as conn:
                rows = conn.execute(
                    "SELECT kind, item_id, title, domains, tags, written_at, facts "
                    "FROM shared_items WHERE participant = ? "
                    "ORDER BY written_at DESC, item_id DESC",
                    (self._participant,),
                ).fetchall()
        except sqlcipher3.Error as exc:
            raise StorageError(f"Insights could not be worked out: {explain(exc)}.") from exc
        return [
            _Shared(
                str(kind),
                str(item_id),
                " ".join(str(title).split())[:120] or "Untitled",
                tuple(d for d in str(domains).split(",") if d),
                tuple(t for t in str(tags).split("\n") if t),
                datetime.fromisoformat(str(written)).replace(tzinfo=UTC),
                facts_from_json(str(facts)) if kind == "cycle" else None,
            )
            for kind, item_id, title, domains, tags, written, facts in rows
        ]

    def _in_scope(self, scope: Scope) -> Iterator[_Shared]:
        first, last = scope.span.first, scope.span.last
        for item in self._rows():
            if first <= item.written.date() <= last:
                yield item

    def first_written(self, today: date) -> date:
        """The day the oldest shared item was begun (`today` when none is shared)."""
        days = [item.written.date() for item in self._rows()]
        return min(days) if days else today

    def insights(self, scope: Scope) -> Insights:
        """Every figure for `scope`, over the shared items."""
        return insights_from(scope, self.tallies(scope))

    def tallies(self, scope: Scope) -> Tallies:
        """The counts behind the figures."""
        domains: Counter[tuple[str, str]] = Counter()
        loops: Counter[tuple[str, str]] = Counter()
        progress: Counter[Progress] = Counter()
        themes: Counter[tuple[str, str]] = Counter()
        names: dict[str, str] = {}
        dimensions: Counter[str] = Counter()
        days: list[int] = []
        unknown = 0
        for item in self._in_scope(scope):
            for domain in item.domains:
                domains[item.month, domain] += 1
            for tag in item.tags:  # one theme whatever its case, as the journal keeps tags
                name = names.setdefault(tag.casefold(), tag)
                themes[item.month, name] += 1
            facts = item.facts
            if facts is None:
                continue
            loops[item.month, facts.loop.value] += 1
            progress[Progress.PLANNED] += 1
            if facts.status in _TRIED:
                progress[Progress.TRIED] += 1
            if facts.status is CycleStatus.REVIEWED:
                progress[Progress.REVIEWED] += 1
            for dimension in facts.dimensions:
                dimensions[dimension] += 1
            timed = item.dated_days()
            if timed is not None:
                days.append(timed)
            elif facts.status in _TRIED and facts.experiment_date is not None:
                unknown += 1
        return Tallies(
            domains=dict(domains),
            loops=dict(loops),
            progress=dict(progress),
            days=tuple(days),
            days_unknown=unknown,
            themes=dict(themes),
            dimensions=dict(dimensions),
        )

    def items(self, scope: Scope, pick: Pick) -> list[ItemRef]:
        """The shared items a number counts, newest first."""
        found = []
        for item in self._in_scope(scope):
            if pick.month and item.month != pick.month:
                continue
            if _counts(item, pick):
                detail = ""
                if pick.figure is Figure.DAYS:
                    days = item.dated_days()
                    detail = days_detail(days) if days is not None else ""
                found.append(ItemRef(item.kind, item.id, item.title, item.written.date(), detail))
        return found


def _counts(item: _Shared, pick: Pick) -> bool:
    """Whether `item` is among those `pick` counts (its month already checked)."""
    if pick.figure is Figure.DOMAIN:
        return pick.value in item.domains
    if pick.figure is Figure.THEME:
        return any(t.casefold() == pick.value.casefold() for t in item.tags)
    facts = item.facts
    if facts is None:
        return False
    if pick.figure is Figure.LOOP:
        return facts.loop.value == pick.value
    if pick.figure is Figure.DIMENSION:
        return pick.value in facts.dimensions
    if pick.figure is Figure.PROGRESS:
        if pick.value == Progress.TRIED.value:
            return facts.status in _TRIED
        if pick.value == Progress.REVIEWED.value:
            return facts.status is CycleStatus.REVIEWED
        return True
    return pick.figure is Figure.DAYS and item.dated_days() is not None
