"""Full-text search over everything written: entries, cycle titles and stage texts, tags.

Queries run against the FTS5 index that triggers keep in step with the data (migration 0003),
ranked by bm25 or newest first, with filters that combine with the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import Engine, delete, select, text
from sqlalchemy.orm import sessionmaker

from app.cycles_model import CycleStatus, LoopLevel
from app.domains import Domain
from app.entries import display_title
from app.search_query import ParsedQuery, parse_query
from app.storage.models import RecentSearch
from app.storage.transaction import transaction

HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"
RECENT_KEPT = 20
_SNIPPET_TOKENS = 14
# bm25 weights for the title, body and tags columns.
_WEIGHTS = "8.0, 1.0, 4.0"


class Order(StrEnum):
    """How results are sorted."""

    RELEVANCE = "relevance"
    NEWEST = "newest"


class Kind(StrEnum):
    """What a result is."""

    ENTRY = "entry"
    CYCLE = "cycle"
    STAGE = "stage"


@dataclass(frozen=True)
class SearchFilters:
    """Filters that narrow a search; every one that is set must hold."""

    domains: tuple[Domain, ...] = ()
    tag: str | None = None
    template: str | None = None
    stage: str | None = None
    loop: LoopLevel | None = None
    status: CycleStatus | None = None
    since: date | None = None
    until: date | None = None
    inquiry: str | None = None
    kinds: tuple[Kind, ...] = ()

    @property
    def cycles_only(self) -> bool:
        """True when a filter only makes sense for cycles, so entries drop out."""
        return any(
            v is not None for v in (self.template, self.stage, self.loop, self.status, self.inquiry)
        )


@dataclass(frozen=True)
class SearchHit:
    """One result: what it is, where it lives, and the matching words in context."""

    kind: Kind
    item_id: str
    stage_id: str
    title: str
    date: datetime
    snippet: str
    rank: float

    def snippet_parts(self) -> list[tuple[str, bool]]:
        """The snippet as (text, is_match) pieces, for drawing the matches highlighted."""
        parts: list[tuple[str, bool]] = []
        rest = self.snippet
        while rest:
            start = rest.find(HIGHLIGHT_START)
            if start < 0:
                parts.append((rest, False))
                break
            if start:
                parts.append((rest[:start], False))
            end = rest.find(HIGHLIGHT_END, start)
            end = len(rest) if end < 0 else end
            parts.append((rest[start + 1 : end], True))
            rest = rest[end + 1 :]
        return [p for p in parts if p[0]]

    @property
    def plain_snippet(self) -> str:
        """The snippet without highlight markers."""
        return self.snippet.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")


@dataclass(frozen=True)
class SearchResults:
    """A page of results and, when there are none, why in plain words."""

    query: ParsedQuery
    hits: list[SearchHit] = field(default_factory=list)
    has_more: bool = False
    message: str = ""


class SearchService:
    """Runs searches and remembers recent ones (inside the encrypted journal)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    def search(
        self,
        query: str,
        filters: SearchFilters | None = None,
        *,
        order: Order = Order.RELEVANCE,
        offset: int = 0,
        limit: int = 50,
    ) -> SearchResults:
        """Find what matches `query` and the filters, a page at a time."""
        parsed = parse_query(query)
        if parsed.is_empty:
            message = (
                "Add a word to look for, not only words to leave out."
                if parsed.exclude
                else 'Type a word or a "phrase" to search for.'
            )
            return SearchResults(parsed, message=message)
        sql, params = build_sql(parsed, filters or SearchFilters(), order)
        params.update(limit=limit + 1, offset=offset)
        with transaction(self._sessions) as session:
            rows = session.execute(text(sql), params).all()
        hits = [_hit(row) for row in rows[:limit]]
        message = "" if hits or offset else "No matches. Try fewer words, or a word's start with *."
        return SearchResults(parsed, hits, has_more=len(rows) > limit, message=message)

    def remember(self, query: str, now: datetime | None = None) -> None:
        """Keep a search in the recent list (the newest 20)."""
        query = " ".join(query.split())
        if not query:
            return
        with transaction(self._sessions) as session:
            row = session.get(RecentSearch, query)
            stamp = now or datetime.now(UTC)
            if row is None:
                session.add(RecentSearch(query=query, used_at=stamp))
            else:
                row.used_at = stamp
            session.flush()
            keep = (
                select(RecentSearch.query).order_by(RecentSearch.used_at.desc()).limit(RECENT_KEPT)
            )
            session.execute(delete(RecentSearch).where(RecentSearch.query.not_in(keep)))

    def recent(self) -> list[str]:
        """Recent searches, newest first."""
        with transaction(self._sessions) as session:
            rows = session.scalars(select(RecentSearch.query).order_by(RecentSearch.used_at.desc()))
            return list(rows)

    def forget_recent(self) -> None:
        """Clear the recent searches."""
        with transaction(self._sessions) as session:
            session.execute(delete(RecentSearch))


# -- SQL -----------------------------------------------------------------------------------

_SELECT = f"""
SELECT d.kind, d.item_id, d.stage_id,
       coalesce(e.title, c.title, '') AS item_title,
       coalesce(e.created_at, c.created_at) AS item_date,
       snippet(search_index, -1, '{HIGHLIGHT_START}', '{HIGHLIGHT_END}', '…', {_SNIPPET_TOKENS}),
       bm25(search_index, {_WEIGHTS}) AS rank,
       CASE WHEN d.kind = 'entry' THEN substr(e.body, 1, 200) ELSE s.title END AS detail
FROM search_index
JOIN search_docs d ON d.rowid = search_index.rowid
LEFT JOIN entries e ON d.kind = 'entry' AND e.id = d.item_id
LEFT JOIN cycles c ON d.kind IN ('cycle', 'stage') AND c.id = d.item_id
LEFT JOIN cycle_stages s ON d.kind = 'stage' AND s.cycle_id = d.item_id
                        AND s.stage_id = d.stage_id
WHERE search_index MATCH :match
  AND e.deleted_at IS NULL AND c.deleted_at IS NULL
  AND (e.id IS NOT NULL OR c.id IS NOT NULL)
"""


def build_sql(
    parsed: ParsedQuery, filters: SearchFilters, order: Order
) -> tuple[str, dict[str, Any]]:
    """The search statement and its parameters (exposed so benchmarks can compare with raw FTS5)."""
    clauses: list[str] = []
    params: dict[str, Any] = {"match": parsed.fts()}
    kinds = set(filters.kinds) or set(Kind)
    if filters.cycles_only:
        kinds.discard(Kind.ENTRY)
    if filters.stage is not None:
        kinds &= {Kind.STAGE}
        clauses.append("d.stage_id = :stage")
        params["stage"] = filters.stage
    clauses.append("d.kind IN (" + ", ".join(f"'{k.value}'" for k in sorted(kinds)) + ")")
    if filters.domains:
        names = ", ".join(f"'{d.value}'" for d in filters.domains)
        clauses.append(
            "(EXISTS (SELECT 1 FROM entry_domains x WHERE x.entry_id = e.id "
            f"AND x.domain IN ({names})) OR EXISTS (SELECT 1 FROM cycle_domains y "
            f"WHERE y.cycle_id = c.id AND y.domain IN ({names})))"
        )
    if filters.tag:
        clauses.append(
            "(EXISTS (SELECT 1 FROM entry_tags et JOIN tags t ON t.id = et.tag_id "
            "WHERE et.entry_id = e.id AND t.name = :tag) OR EXISTS (SELECT 1 FROM cycle_tags ct "
            "JOIN tags t ON t.id = ct.tag_id WHERE ct.cycle_id = c.id AND t.name = :tag))"
        )
        params["tag"] = filters.tag
    for column, value in (
        ("c.template_id", filters.template),
        ("c.loop", filters.loop.value if filters.loop else None),
        ("c.status", filters.status.value if filters.status else None),
        ("c.inquiry_id", filters.inquiry),
    ):
        if value is not None:
            key = column.split(".")[1]
            clauses.append(f"{column} = :{key}")
            params[key] = value
    if filters.since is not None:
        clauses.append("coalesce(e.created_at, c.created_at) >= :since")
        params["since"] = _stored(datetime.combine(filters.since, time.min, tzinfo=UTC))
    if filters.until is not None:
        clauses.append("coalesce(e.created_at, c.created_at) < :until")
        until = datetime.combine(filters.until + timedelta(days=1), time.min, tzinfo=UTC)
        params["until"] = _stored(until)
    where = "".join(f"\n  AND {c}" for c in clauses)
    order_by = "rank" if order is Order.RELEVANCE else "item_date DESC"
    return f"{_SELECT}{where}\nORDER BY {order_by}\nLIMIT :limit OFFSET :offset", params


def raw_fts_sql(order: Order = Order.RELEVANCE) -> str:
    """The bare FTS5 query the app's search is measured against."""
    order_by = f"bm25(search_index, {_WEIGHTS})" if order is Order.RELEVANCE else "rowid DESC"
    return (
        "SELECT rowid, snippet(search_index, -1, '[', ']', '…', 14) FROM search_index "
        f"WHERE search_index MATCH :match ORDER BY {order_by} LIMIT :limit"
    )


def _stored(value: datetime) -> str:
    """A datetime as the UTCDateTime column stores it (naive UTC text)."""
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")


def _hit(row: Sequence[Any]) -> SearchHit:
    kind = Kind(row[0])
    title = str(row[3] or "")
    if kind is Kind.ENTRY and not title.strip():
        title = display_title("", str(row[7] or ""))
    elif kind is not Kind.ENTRY:
        title = title.strip() or "Untitled cycle"
        if kind is Kind.STAGE and row[7]:
            title = f"{title} · {row[7]}"
    stored = row[4]
    moment = (
        stored.replace(tzinfo=UTC)
        if isinstance(stored, datetime)
        else datetime.fromisoformat(str(stored)).replace(tzinfo=UTC)
    )
    return SearchHit(
        kind=kind,
        item_id=str(row[1]),
        stage_id=str(row[2] or ""),
        title=title,
        date=moment,
        snippet=str(row[5] or ""),
        rank=float(row[6]),
    )
