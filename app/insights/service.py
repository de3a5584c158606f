"""Insights over the journal itself: `InsightsService(journal)`.

Every figure is one GROUP BY in SQLite, so only counts come back (about 200 rows at 50,000
items), read straight through the driver. The items behind a number are listed by the same
conditions that counted them (`_where`), so a number and its list always agree.

Months are those of the UTC timestamps the journal keeps, as search's date filters use them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Any

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
from app.storage.connection import explain
from app.writing.cycle_states import CycleStatus
from app.writing.domains import Domain

_MONTH = "substr({a}.created_at, 1, 7)"
_TRIED = f"('{CycleStatus.IN_PROGRESS.value}', '{CycleStatus.REVIEWED.value}')"
_ENTRY_TITLE = "CASE WHEN e.title = '' THEN substr(e.body, 1, 200) ELSE e.title END"
_CYCLE_TITLE = (
    "CASE WHEN c.title = '' THEN (SELECT substr(s.text, 1, 200) FROM cycle_stages s "
    "WHERE s.cycle_id = c.id AND s.text != '' ORDER BY s.position LIMIT 1) ELSE c.title END"
)


def _stamp(day: date) -> str:
    """Midnight UTC at the start of `day`, as the journal stores timestamps."""
    return f"{day.isoformat()} 00:00:00"


class InsightsService:
    """Counts over a scope of the journal, and the items behind each count."""

    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def insights(self, scope: Scope) -> Insights:
        """Every figure for `scope`, in one read."""
        return insights_from(scope, self.tallies(scope))

    def tallies(self, scope: Scope) -> Tallies:
        """The counts behind the figures."""
        params = _params(scope)
        entries = scope.inquiry is None
        c_where = _where("c", "cycle", scope)
        e_where = _where("e", "entry", scope)
        month_c, month_e = _MONTH.format(a="c"), _MONTH.format(a="e")
        try:
            with self._journal.reading() as conn:
                domains = _by_domain(
                    conn,
                    f"SELECT {month_c}, {_DOMAIN_SUMS} FROM cycles c JOIN cycle_domains x "
                    f"ON x.cycle_id = c.id WHERE {c_where} GROUP BY 1",
                    params,
                )
                if entries:
                    for key, n in _by_domain(
                        conn,
                        f"SELECT {month_e}, {_DOMAIN_SUMS} FROM entries e "
                        f"JOIN entry_domains x ON x.entry_id = e.id WHERE {e_where} GROUP BY 1",
                        params,
                    ).items():
                        domains[key] = domains.get(key, 0) + n
                loops = _pairs(
                    conn,
                    f"SELECT {month_c}, c.loop, count(*) FROM cycles c WHERE {c_where} "
                    "GROUP BY 1, 2",
                    params,
                )
                statuses = dict(
                    conn.execute(
                        f"SELECT c.status, count(*) FROM cycles c WHERE {c_where} GROUP BY 1",
                        params,
                    ).fetchall()
                )
                dated = conn.execute(
                    f"SELECT c.experiment_date, c.reflection_began_at FROM cycles c "
                    f"WHERE {c_where} AND c.status IN {_TRIED} AND c.experiment_date IS NOT NULL",
                    params,
                ).fetchall()
                themes = _pairs(conn, _tag_counts("cycle", c_where), params)
                if entries:
                    for key, n in _pairs(conn, _tag_counts("entry", e_where), params).items():
                        themes[key] = themes.get(key, 0) + n
                dimensions = dict(
                    conn.execute(
                        f"SELECT x.dimension, count(*) FROM cycles c JOIN cycle_dimensions x "
                        f"ON x.cycle_id = c.id WHERE {c_where} GROUP BY 1",
                        params,
                    ).fetchall()
                )
        except sqlcipher3.Error as exc:
            raise StorageError(f"Insights could not be worked out: {explain(exc)}.") from exc
        tried = sum(n for s, n in statuses.items() if s != CycleStatus.PLANNED.value)
        return Tallies(
            domains=domains,
            loops=loops,
            progress={
                Progress.PLANNED: sum(statuses.values()),
                Progress.TRIED: tried,
                Progress.REVIEWED: statuses.get(CycleStatus.REVIEWED.value, 0),
            },
            days=tuple(
                days_between(date.fromisoformat(x), _day_of(r)) for x, r in dated if r is not None
            ),
            days_unknown=sum(1 for _, r in dated if r is None),
            themes=themes,
            dimensions=dimensions,
        )

    def first_written(self, today: date) -> date:
        """The day the oldest live entry or cycle was begun (`today` for an empty journal)."""
        try:
            with self._journal.reading() as conn:
                row = conn.execute(
                    "SELECT min(m) FROM ("
                    "SELECT min(created_at) AS m FROM entries WHERE deleted_at IS NULL "
                    "UNION ALL SELECT min(created_at) FROM cycles WHERE deleted_at IS NULL)"
                ).fetchone()
        except sqlcipher3.Error as exc:
            raise StorageError(f"Insights could not be worked out: {explain(exc)}.") from exc
        return _day_of(row[0]) if row and row[0] else today

    def items(self, scope: Scope, pick: Pick) -> list[ItemRef]:
        """The items a number counts, newest first."""
        params = _params(scope)
        arms: list[str] = []
        cycle_only = pick.figure in (Figure.LOOP, Figure.PROGRESS, Figure.DAYS, Figure.DIMENSION)
        if scope.inquiry is None and not cycle_only:
            arms.append(
                f"SELECT 'entry', e.id, {_ENTRY_TITLE}, e.created_at, NULL, NULL FROM entries e "
                f"WHERE {_where('e', 'entry', scope)}{_picked('e', 'entry', pick, params)}"
            )
        arms.append(
            f"SELECT 'cycle', c.id, {_CYCLE_TITLE}, c.created_at, c.experiment_date, "
            f"c.reflection_began_at FROM cycles c "
            f"WHERE {_where('c', 'cycle', scope)}{_picked('c', 'cycle', pick, params)}"
        )
        sql = " UNION ALL ".join(arms) + " ORDER BY 4 DESC, 2 DESC"
        try:
            with self._journal.reading() as conn:
                rows = conn.execute(sql, params).fetchall()
        except sqlcipher3.Error as exc:
            raise StorageError(f"Those items could not be listed: {explain(exc)}.") from exc
        return [_ref(row, pick) for row in rows]


def _params(scope: Scope) -> dict[str, Any]:
    params: dict[str, Any] = {
        "since": _stamp(scope.span.first),
        "until": _stamp(scope.span.last + timedelta(days=1)),
    }
    if scope.inquiry is not None:
        params["inquiry"] = scope.inquiry
    return params


def _where(alias: str, kind: str, scope: Scope) -> str:
    """The scope's conditions: live items begun in the span (and in the line of inquiry)."""
    clauses = [
        f"{alias}.deleted_at IS NULL",
        f"{alias}.created_at >= :since",
        f"{alias}.created_at < :until",
    ]
    if kind == "cycle" and scope.inquiry is not None:
        clauses.append("c.inquiry_id = :inquiry")
    return " AND ".join(clauses)


def _picked(alias: str, kind: str, pick: Pick, params: dict[str, Any]) -> str:
    """The extra conditions that narrow the scope to one number's items."""
    clauses: list[str] = []
    if pick.month:
        clauses.append(f"{_MONTH.format(a=alias)} = :month")
        params["month"] = pick.month
    link = f"{kind}_id"
    if pick.figure is Figure.DOMAIN:
        clauses.append(
            f"EXISTS (SELECT 1 FROM {kind}_domains x WHERE x.{link} = {alias}.id "
            "AND x.domain = :value)"
        )
    elif pick.figure is Figure.THEME:
        clauses.append(
            f"EXISTS (SELECT 1 FROM {kind}_tags x JOIN tags t ON t.id = x.tag_id "
            f"WHERE x.{link} = {alias}.id AND t.name = :value)"
        )
    elif pick.figure is Figure.LOOP:
        clauses.append("c.loop = :value")
    elif pick.figure is Figure.DIMENSION:
        clauses.append(
            "EXISTS (SELECT 1 FROM cycle_dimensions x WHERE x.cycle_id = c.id "
            "AND x.dimension = :value)"
        )
    elif pick.figure is Figure.PROGRESS:
        if pick.value == Progress.TRIED.value:
            clauses.append(f"c.status IN {_TRIED}")
        elif pick.value == Progress.REVIEWED.value:
            clauses.append(f"c.status = '{CycleStatus.REVIEWED.value}'")
    elif pick.figure is Figure.DAYS:
        clauses.append(
            f"c.status IN {_TRIED} AND c.experiment_date IS NOT NULL "
            "AND c.reflection_began_at IS NOT NULL"
        )
    if pick.figure in (Figure.DOMAIN, Figure.THEME, Figure.LOOP, Figure.DIMENSION):
        params["value"] = pick.value
    return "".join(f" AND {c}" for c in clauses)


# One row a month, a count for each domain: grouping by the month alone sorts a twelfth as many
# groups as grouping by month and domain would.
_DOMAINS = tuple(Domain)
_DOMAIN_SUMS = ", ".join(f"sum(x.domain = '{d.value}')" for d in _DOMAINS)


def _by_domain(
    conn: sqlcipher3.Connection, sql: str, params: dict[str, Any]
) -> dict[tuple[str, str], int]:
    counts: dict[tuple[str, str], int] = {}
    for month, *sums in conn.execute(sql, params).fetchall():
        for domain, n in zip(_DOMAINS, sums, strict=True):
            if n:
                counts[str(month), domain.value] = int(n)
    return counts


def _tag_counts(kind: str, where: str) -> str:
    """Counts by month and tag, each tag's name looked up once rather than once a row."""
    alias, table = ("c", "cycles") if kind == "cycle" else ("e", "entries")
    counted = (
        f"SELECT {_MONTH.format(a=alias)} AS m, x.tag_id AS tag, count(*) AS n FROM {table} "
        f"{alias} JOIN {kind}_tags x ON x.{kind}_id = {alias}.id WHERE {where} GROUP BY 1, 2"
    )
    return (
        f"SELECT counted.m, t.name, counted.n FROM ({counted}) counted "
        "JOIN tags t ON t.id = counted.tag"
    )


def _pairs(
    conn: sqlcipher3.Connection, sql: str, params: dict[str, Any]
) -> dict[tuple[str, str], int]:
    rows: Iterable[Sequence[Any]] = conn.execute(sql, params).fetchall()
    return {(str(m), str(v)): int(n) for m, v, n in rows}


def _day_of(stamp: str) -> date:
    """The day of a stored UTC timestamp."""
    return datetime.fromisoformat(stamp).date()


def _ref(row: Sequence[Any], pick: Pick) -> ItemRef:
    kind, item_id, title, created, experiment, began = row
    detail = ""
    if pick.figure is Figure.DAYS and experiment and began:
        days = days_between(date.fromisoformat(experiment), _day_of(began))
        detail = days_detail(days)
    shown = " ".join((title or "").split())[:120] or "Untitled"
    return ItemRef(kind, item_id, shown, _day_of(created), detail)
