"""Full-text search over everything written: entries, cycle titles and stage texts, tags.

Queries run against the FTS5 index that triggers keep in step with the data (migration 0003),
ranked by bm25 or newest first, with filters that combine with the text.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import sqlcipher3

from app.errors import StorageError
from app.search.browse import build_browse_sql, day_start
from app.search.periods import Period
from app.search.query import ParsedQuery, parse_query
from app.storage.connection import explain
from app.writing.cycle_states import CycleStatus, LoopLevel
from app.writing.domains import Domain
from app.writing.links import without_addresses
from app.writing.titles import display_title

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

Reader = Callable[[], AbstractContextManager[sqlcipher3.Connection]]
"""Lends a driver connection to read with (Journal.reading)."""

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
    shared: bool | None = None
    has_comment: bool | None = None
    period: Period | None = None

    @property
    def is_empty(self) -> bool:
        """True when no filter is set (nothing to browse by)."""
        return self == SearchFilters()

    def date_bounds(self, today: date) -> tuple[date | None, date | None]:
        """The first and last day allowed (None: open), the period and the dates together."""
        since, until = self.since, self.until
        if self.period is not None:
            first, last = self.period.bounds(today)
            since = first if since is None else max(since, first)
            until = last if until is None else min(until, last)
        return since, until

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
        rest = without_addresses(self.snippet)
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
        plain = self.snippet.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")
        return without_addresses(plain)


@dataclass(frozen=True)
class SearchResults:
    """A page of results and, when there are none, why in plain words."""

    query: ParsedQuery
    hits: list[SearchHit] = field(default_factory=list)
    has_more: bool = False
    message: str = ""


NO_FILTER_MATCHES = "No entries or cycles match these filters. Clear a filter to see more."


def nothing_to_look_for(query: str) -> str:
    """Why a search with no word to look for (and no filter) lists nothing, and what to do."""
    shown = " ".join(query.split())
    if not shown:
        return 'Type a word or a "phrase" to search for, or choose a filter.'
    if len(shown) > 60:
        shown = shown[:59] + "…"
    return f"No matches for {shown}: a search needs at least one word to look for."


def no_matches(query: str, filters: SearchFilters) -> str:
    """What to say when a search found nothing: the search, and what to try next."""
    shown = " ".join(query.split())
    if len(shown) > 60:
        shown = shown[:59] + "…"
    if filters.is_empty:
        return f"No matches for {shown}. Try fewer words, or a word's start with *."
    return f"No matches for {shown} with these filters. Try fewer words or clear a filter."


class SearchService:
    """Runs searches and remembers recent ones (inside the encrypted journal).

    A search goes straight to the driver; the ORM is loaded only for the recent searches,
    so a one-off `search` command does without it (and without SQLAlchemy).
    """

    def __init__(self, reading: Reader, engine: Callable[[], Engine]) -> None:
        self._reading = reading
        self._engine = engine

    @functools.cached_property
    def _sessions(self) -> sessionmaker[Session]:
        from sqlalchemy.orm import sessionmaker

        return sessionmaker(self._engine(), expire_on_commit=False)

    def search(
        self,
        query: str,
        filters: SearchFilters | None = None,
        *,
        order: Order = Order.RELEVANCE,
        offset: int = 0,
        limit: int = 50,
        today: date | None = None,
    ) -> SearchResults:
        """Find what matches `query` and the filters, a page at a time.

        With no word to look for, the filters alone list every entry and cycle they let
        through, newest first (words to leave out still leave items out).
        """
        parsed = parse_query(query)
        filters = filters or SearchFilters()
        today = today or date.today()
        if parsed.is_empty:
            if filters.is_empty:
                return SearchResults(parsed, message=nothing_to_look_for(query))
            return self._browse(parsed, filters, offset, limit, today)
        sql, params = build_sql(parsed, filters, order, today)
        params.update(limit=limit + 1, offset=offset)
        try:
            # Straight to the driver: a read needs no transaction, and a search is on the hot
            # path of typing.
            with self._reading() as conn:
                cursor = conn.cursor()
                found = cursor.execute(sql, params).fetchall()
                page = found[:limit]
                if page and order is Order.NEWEST:
                    page = _with_snippets_and_details(cursor, page, params["match"])
        except sqlcipher3.Error as exc:
            raise StorageError(f"The search could not be run: {explain(exc)}.") from exc
        hits = [_hit(row) for row in page]
        message = "" if hits or offset else no_matches(query, filters)
        return SearchResults(parsed, hits, has_more=len(found) > limit, message=message)

    def _browse(
        self, parsed: ParsedQuery, filters: SearchFilters, offset: int, limit: int, today: date
    ) -> SearchResults:
        """Every entry and cycle the filters let through, newest first, a page at a time."""
        built = build_browse_sql(parsed, filters, today)
        found: list[Any] = []
        if built is not None:
            sql, params = built
            params.update(limit=limit + 1, offset=offset)
            try:
                with self._reading() as conn:
                    found = conn.execute(sql, params).fetchall()
            except sqlcipher3.Error as exc:
                raise StorageError(f"The entries could not be listed: {explain(exc)}.") from exc
        hits = [_hit(row) for row in found[:limit]]
        message = "" if hits or offset else NO_FILTER_MATCHES
        return SearchResults(parsed, hits, has_more=len(found) > limit, message=message)

    def remember(self, query: str, now: datetime | None = None) -> None:
        """Keep a search in the recent list (the newest 20)."""
        from sqlalchemy import delete, select

        from app.storage.tables import RecentSearch
        from app.storage.transaction import transaction

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
        from sqlalchemy import select

        from app.storage.tables import RecentSearch
        from app.storage.transaction import transaction

        with transaction(self._sessions, write=False) as session:
            rows = session.scalars(select(RecentSearch.query).order_by(RecentSearch.used_at.desc()))
            return list(rows)

    def forget_recent(self) -> None:
        """Clear the recent searches."""
        from sqlalchemy import delete

        from app.storage.tables import RecentSearch
        from app.storage.transaction import transaction

        with transaction(self._sessions) as session:
            session.execute(delete(RecentSearch))


# -- SQL -----------------------------------------------------------------------------------
#
# A search runs in two steps. The first finds one page of matches. Best-first, FTS5 sorts by
# rank itself and hands rows over in order, so joins for filters and snippets run only for the
# rows on the page. Newest-first sorts every match by date without snippets, then makes
# snippets for the page alone. The second step reads titles and dates for the page by rowid.

_SNIPPET = (
    f"snippet(search_index, -1, '{HIGHLIGHT_START}', '{HIGHLIGHT_END}', '…', {_SNIPPET_TOKENS})"
)
_JOINS = """
JOIN search_docs d ON d.rowid = search_index.rowid
LEFT JOIN entries e ON d.kind = 'entry' AND e.id = d.item_id
LEFT JOIN cycles c ON d.kind IN ('cycle', 'stage') AND c.id = d.item_id"""
_STAGE_JOIN = """
LEFT JOIN cycle_stages s ON d.kind = 'stage' AND s.cycle_id = d.item_id
                        AND s.stage_id = d.stage_id"""
_DETAIL_COLUMNS = """d.kind, d.item_id, d.stage_id, coalesce(e.title, c.title, ''),
       coalesce(e.created_at, c.created_at),
       CASE WHEN d.kind != 'entry' THEN s.title
            WHEN e.title = '' THEN substr(e.body, 1, 200) END"""
_SNIPPETS_FOR_PAGE = (
    f"SELECT rowid, {_SNIPPET} FROM search_index "
    "WHERE search_index MATCH :match AND rowid IN ({ids})"
)
_DETAILS_FOR_PAGE = (
    f"SELECT d.rowid, {_DETAIL_COLUMNS} FROM search_docs d"
    "\nLEFT JOIN entries e ON d.kind = 'entry' AND e.id = d.item_id"
    "\nLEFT JOIN cycles c ON d.kind IN ('cycle', 'stage') AND c.id = d.item_id"
    f"{_STAGE_JOIN}\nWHERE d.rowid IN ({{ids}})"
)


def build_sql(
    parsed: ParsedQuery, filters: SearchFilters, order: Order, today: date | None = None
) -> tuple[str, dict[str, Any]]:
    """The statement finding one page of matches (rowid, rank, snippet), and its parameters.

    Newest-first pages carry no snippet; `SearchService` adds them for the page.
    """
    clauses: list[str] = []
    params: dict[str, Any] = {"match": parsed.fts()}
    kinds = set(filters.kinds) or set(Kind)
    if filters.cycles_only:
        kinds.discard(Kind.ENTRY)
    if filters.stage is not None:
        kinds &= {Kind.STAGE}
        clauses.append("d.stage_id = :stage")
        params["stage"] = filters.stage
    if kinds != set(Kind):
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
    if filters.shared is not None:
        exists = "EXISTS (SELECT 1 FROM sent_versions sv WHERE sv.item_id = d.item_id)"
        clauses.append(exists if filters.shared else f"NOT {exists}")
    if filters.has_comment is not None:
        exists = "EXISTS (SELECT 1 FROM comments cm WHERE cm.item_id = d.item_id)"
        clauses.append(exists if filters.has_comment else f"NOT {exists}")
    since, until = filters.date_bounds(today or date.today())
    if since is not None:
        clauses.append("coalesce(e.created_at, c.created_at) >= :since")
        params["since"] = day_start(since)
    if until is not None:
        clauses.append("coalesce(e.created_at, c.created_at) < :until")
        params["until"] = day_start(until + timedelta(days=1))
    where = "".join(f"\n  AND {c}" for c in clauses)
    if order is Order.RELEVANCE:
        # FTS5 hands rows over best first, so the joins and snippets run for this page only.
        select = f"SELECT search_index.rowid, rank, {_SNIPPET}, {_DETAIL_COLUMNS}"
        joins, order_by = _JOINS + _STAGE_JOIN, "rank"
    else:
        select = "SELECT search_index.rowid, rank"
        joins = _JOINS
        order_by = "coalesce(e.created_at, c.created_at) DESC, search_index.rowid DESC"
    sql = (
        f"{select}\nFROM search_index{joins}\nWHERE search_index MATCH :match{where}"
        f"\nORDER BY {order_by}\nLIMIT :limit OFFSET :offset"
    )
    return sql, params


def _with_snippets_and_details(cursor: Any, page: list[Any], match: str) -> list[Any]:
    """Snippets and details for a newest-first page, in the page's order."""
    ids = ", ".join(str(int(row[0])) for row in page)  # integers SQLite itself returned
    snippets = dict(cursor.execute(_SNIPPETS_FOR_PAGE.format(ids=ids), {"match": match}))
    details = {r[0]: r[1:] for r in cursor.execute(_DETAILS_FOR_PAGE.format(ids=ids))}
    return [
        (row[0], row[1], snippets.get(row[0], ""), *details[row[0]])
        for row in page
        if row[0] in details
    ]


def raw_fts_sql() -> str:
    """The bare FTS5 query the app's search is measured against: best 50, with snippets."""
    return (
        "SELECT rowid, snippet(search_index, -1, '[', ']', '…', 14) FROM search_index "
        "WHERE search_index MATCH :match ORDER BY rank LIMIT :limit"
    )


def _stored(value: datetime) -> str:
    """A datetime as the UTCDateTime column stores it (naive UTC text)."""
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")


def _hit(found: Sequence[Any]) -> SearchHit:
    """A result from a row of (rowid, rank, snippet, kind, item, stage, title, date, detail)."""
    rank, snippet, row = float(found[1]), str(found[2] or ""), found[3:]
    kind = Kind(row[0])
    title = str(row[3] or "")
    if kind is Kind.ENTRY and not title.strip():
        title = display_title("", str(row[5] or ""))
    elif kind is not Kind.ENTRY:
        title = title.strip() or "Untitled cycle"
        if kind is Kind.STAGE and row[5]:
            title = f"{title} · {row[5]}"
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
        snippet=snippet,
        rank=rank,
    )
