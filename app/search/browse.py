"""Browsing by filters alone: every entry and cycle that matches, newest first.

With no word to look for there is nothing for the full-text index to rank, so the statement
reads the entries and cycles tables themselves. Each half walks its (deleted_at, created_at)
index newest first and SQLite merges the two, so a page costs about as many rows as it shows
when the filters are common, and one pass over the index when they are rare.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from app.search.query import ParsedQuery

if TYPE_CHECKING:
    from app.search.full_text import SearchFilters

_SNIPPET_CHARS = 300
# The stage a cycle's line shows: the first one written in.
_FIRST_STAGE_TEXT = (
    f"(SELECT substr(s.text, 1, {_SNIPPET_CHARS}) FROM cycle_stages s "
    "WHERE s.cycle_id = c.id AND s.text != '' ORDER BY s.position LIMIT 1)"
)
_EXCLUDED = (
    "NOT IN (SELECT d.item_id FROM search_index JOIN search_docs d "
    "ON d.rowid = search_index.rowid WHERE search_index MATCH :exclude)"
)


def day_start(day: date) -> str:
    """Midnight UTC at the start of `day`, as the UTCDateTime column stores it."""
    return datetime.combine(day, time.min, tzinfo=UTC).replace(tzinfo=None).isoformat(sep=" ")


def build_browse_sql(
    parsed: ParsedQuery, filters: SearchFilters, today: date
) -> tuple[str, dict[str, Any]] | None:
    """The statement listing a page of what the filters let through, newest first, in the
    shape the search's rows have (rowid, rank, snippet, kind, item, stage, title, date,
    detail); None when the filters rule out both entries and cycles."""
    params: dict[str, Any] = {}
    kinds = {k.value for k in filters.kinds} or {"entry", "cycle", "stage"}
    arms: list[str] = []
    if "entry" in kinds and not filters.cycles_only and filters.stage is None:
        where = _shared_clauses("e", "entry", filters, today, params)
        if parsed.exclude:
            where.append(f"e.id {_EXCLUDED}")
        arms.append(
            f"SELECT 0, 0.0, substr(e.body, 1, {_SNIPPET_CHARS}), 'entry', e.id, '', e.title, "
            "e.created_at, CASE WHEN e.title = '' THEN substr(e.body, 1, 200) END "
            "FROM entries e WHERE e.deleted_at IS NULL" + "".join(f" AND {c}" for c in where)
        )
    if kinds & {"cycle", "stage"}:
        where = _shared_clauses("c", "cycle", filters, today, params)
        where += _cycle_clauses(filters, params)
        if parsed.exclude:
            where.append(f"c.id {_EXCLUDED}")
        if filters.stage is not None:
            params["stage"] = filters.stage
            select = (
                f"SELECT 0, 0.0, substr(s.text, 1, {_SNIPPET_CHARS}), 'stage', c.id, "
                "s.stage_id, c.title, c.created_at, s.title FROM cycles c JOIN cycle_stages s "
                "ON s.cycle_id = c.id AND s.stage_id = :stage AND s.text != ''"
            )
        else:
            select = (
                f"SELECT 0, 0.0, {_FIRST_STAGE_TEXT}, 'cycle', c.id, '', c.title, "
                "c.created_at, NULL FROM cycles c"
            )
        arms.append(f"{select} WHERE c.deleted_at IS NULL" + "".join(f" AND {c}" for c in where))
    if not arms:
        return None
    if parsed.exclude:
        params["exclude"] = " OR ".join(t.fts() for t in parsed.exclude)
    # Columns 8 and 5: the date, then the id, so that equal dates keep one order across pages.
    sql = "\nUNION ALL\n".join(arms) + "\nORDER BY 8 DESC, 5 DESC\nLIMIT :limit OFFSET :offset"
    return sql, params


def _shared_clauses(
    alias: str, kind: str, filters: SearchFilters, today: date, params: dict[str, Any]
) -> list[str]:
    """The filters entries and cycles both have, for the table under `alias`."""
    clauses: list[str] = []
    link = f"{kind}_id"
    if filters.domains:
        names = ", ".join(f"'{d.value}'" for d in filters.domains)  # the enum's own values
        clauses.append(
            f"EXISTS (SELECT 1 FROM {kind}_domains x WHERE x.{link} = {alias}.id "
            f"AND x.domain IN ({names}))"
        )
    if filters.tag:
        # The tag's id is looked up once, not once a row.
        clauses.append(
            f"EXISTS (SELECT 1 FROM {kind}_tags xt WHERE xt.{link} = {alias}.id "
            "AND xt.tag_id IN (SELECT t.id FROM tags t WHERE t.name = :tag))"
        )
        params["tag"] = filters.tag
    if filters.shared is not None:
        exists = f"EXISTS (SELECT 1 FROM sent_versions sv WHERE sv.item_id = {alias}.id)"
        clauses.append(exists if filters.shared else f"NOT {exists}")
    if filters.has_comment is not None:
        exists = f"EXISTS (SELECT 1 FROM comments cm WHERE cm.item_id = {alias}.id)"
        clauses.append(exists if filters.has_comment else f"NOT {exists}")
    since, until = filters.date_bounds(today)
    if since is not None:
        clauses.append(f"{alias}.created_at >= :since")
        params["since"] = day_start(since)
    if until is not None:
        clauses.append(f"{alias}.created_at < :until")
        params["until"] = day_start(until + timedelta(days=1))
    return clauses


def _cycle_clauses(filters: SearchFilters, params: dict[str, Any]) -> list[str]:
    """The filters only cycles have."""
    clauses: list[str] = []
    for column, value in (
        ("template_id", filters.template),
        ("loop", filters.loop.value if filters.loop else None),
        ("status", filters.status.value if filters.status else None),
        ("inquiry_id", filters.inquiry),
    ):
        if value is not None:
            clauses.append(f"c.{column} = :{column}")
            params[column] = value
    return clauses
