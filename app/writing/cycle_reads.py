"""The reads of cycles and lines of inquiry that the window needs first, in plain SQL.

The Home view's lists and balance, Looking back and an evidence link's title are read here on
the driver's connection, so the window is shown without loading the ORM. `CycleStore` reads
through the same functions (one implementation of each query); values come back as the ORM
gives them (app/storage/stored_values.py).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date, datetime
from typing import Any

import sqlcipher3

from app.errors import EntryNotFoundError
from app.storage.stored_values import (
    day_or_none,
    moment_of,
    moment_or_none,
    placeholders,
    stored_day,
    stored_moment,
)
from app.writing.cycle_records import (
    CycleRecord,
    CycleStatus,
    CycleSummary,
    InquiryRecord,
    InquiryStatus,
    LoopLevel,
    StageText,
)
from app.writing.domains import Domain, in_order

_FIRST_TEXT = (
    "(SELECT substr(s.text, 1, 200) FROM cycle_stages s WHERE s.cycle_id = c.id "
    "AND s.text != '' ORDER BY s.position LIMIT 1)"
)
_SUMMARY = (
    "SELECT c.id, c.inquiry_id, c.title, c.template_id, c.status, c.loop, c.experiment_date, "
    f"c.created_at, c.updated_at, CASE WHEN c.title = '' THEN {_FIRST_TEXT} ELSE '' END, "
    "c.deleted_at FROM cycles c"
)


def cycle_summaries(
    conn: sqlcipher3.Connection,
    *,
    statuses: Iterable[CycleStatus] | None = None,
    due_by: date | None = None,
    changed: tuple[datetime, datetime] | None = None,
    offset: int = 0,
    limit: int = 200,
    trashed: bool = False,
) -> list[CycleSummary]:
    """Cycles newest first without their texts; optionally by status, experiment date, or
    last change (`changed`: from, up to but not including). With `trashed`, the cycles in
    the trash instead, the most recently trashed first.

    Only an untitled cycle reads any stage text: the start of its first written stage.
    """
    where = ["c.deleted_at IS NOT NULL" if trashed else "c.deleted_at IS NULL"]
    params: list[Any] = []
    if statuses is not None:
        codes = [s.value for s in statuses]
        where.append(f"c.status IN ({placeholders(codes)})")
        params += codes
    if due_by is not None:
        # The unary + keeps SQLite from reading by (status, experiment_date), which meant
        # sorting every plan that has come due; by (status, deleted_at, updated_at) it reads the
        # newest first and stops at `limit`.
        where.append("+c.experiment_date IS NOT NULL AND +c.experiment_date <= ?")
        params.append(stored_day(due_by))
    if changed is not None:
        where.append("c.updated_at >= ? AND c.updated_at < ?")
        params += [stored_moment(changed[0]), stored_moment(changed[1])]
    newest = "c.deleted_at DESC" if trashed else "c.updated_at DESC"
    rows = conn.execute(
        f"{_SUMMARY} WHERE {' AND '.join(where)} ORDER BY {newest}, c.id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    domains = _domains_of(conn, "cycle", [row[0] for row in rows])
    return [
        CycleSummary(
            id=row[0],
            inquiry_id=row[1],
            title=row[2].strip() or first_line(row[9] or "") or "Untitled cycle",
            template_id=row[3],
            status=CycleStatus(row[4]),
            loop=LoopLevel(row[5]),
            experiment_date=day_or_none(row[6]),
            domains=domains.get(row[0], ()),
            created=moment_of(row[7]),
            updated=moment_of(row[8]),
            deleted=moment_or_none(row[10]),
        )
        for row in rows
    ]


def cycle_domain_counts(conn: sqlcipher3.Connection, since: datetime) -> dict[Domain, int]:
    """How many live cycles worked on since `since` touch each domain."""
    rows = conn.execute(
        "SELECT domain, count(*) FROM cycle_domains WHERE cycle_id IN "
        "(SELECT id FROM cycles WHERE updated_at >= ? AND deleted_at IS NULL) GROUP BY domain",
        (stored_moment(since),),
    )
    return {Domain(code): int(n) for code, n in rows}


def active_inquiry_ids(conn: sqlcipher3.Connection, among: Collection[str]) -> set[str]:
    """Which of the lines of inquiry `among` have a live cycle planned or in progress."""
    wanted = sorted(set(among))
    rows = conn.execute(
        # By inquiry first (the unary + keep SQLite off the status indexes): a few lines of
        # inquiry have a few cycles each, where a status can have thousands.
        "SELECT DISTINCT inquiry_id FROM cycles WHERE inquiry_id IN "
        f"({placeholders(wanted)}) AND +deleted_at IS NULL AND +status IN (?, ?)",
        (*wanted, CycleStatus.PLANNED.value, CycleStatus.IN_PROGRESS.value),
    )
    return {inquiry_id for (inquiry_id,) in rows}


def read_cycle(conn: sqlcipher3.Connection, cycle_id: str) -> CycleRecord:
    """One whole cycle (trashed ones too); EntryNotFoundError when there is none."""
    row = conn.execute(
        "SELECT id, inquiry_id, template_id, title, status, loop, experiment_date, previous_id, "
        "current_stage, created_at, updated_at, deleted_at, bring_to_supervision, "
        "share_with_coach, reflection_began_at FROM cycles WHERE id = ?",
        (cycle_id,),
    ).fetchone()
    if row is None:
        raise EntryNotFoundError("That cycle no longer exists.")
    following = conn.execute("SELECT id FROM cycles WHERE previous_id = ?", (cycle_id,))
    next_row = following.fetchone()
    dimensions = conn.execute(
        "SELECT dimension FROM cycle_dimensions WHERE cycle_id = ? ORDER BY dimension",
        (cycle_id,),
    )
    tags = conn.execute(
        "SELECT t.name FROM cycle_tags x JOIN tags t ON t.id = x.tag_id WHERE x.cycle_id = ?",
        (cycle_id,),
    )
    stages = conn.execute(
        "SELECT stage_id, title, text, updated_at FROM cycle_stages WHERE cycle_id = ? "
        "ORDER BY position",
        (cycle_id,),
    )
    return CycleRecord(
        id=row[0],
        inquiry_id=row[1],
        template_id=row[2],
        title=row[3],
        status=CycleStatus(row[4]),
        loop=LoopLevel(row[5]),
        experiment_date=day_or_none(row[6]),
        previous_id=row[7],
        next_id=None if next_row is None else next_row[0],
        current_stage=row[8],
        domains=_domains_of(conn, "cycle", [cycle_id]).get(cycle_id, ()),
        dimensions=tuple(d for (d,) in dimensions),
        tags=tuple(sorted((name for (name,) in tags), key=str.casefold)),
        stages=tuple(StageText(s, t, x, moment_of(u)) for s, t, x, u in stages),
        created=moment_of(row[9]),
        updated=moment_of(row[10]),
        deleted=moment_or_none(row[11]),
        bring_to_supervision=bool(row[12]),
        share_with_coach=bool(row[13]),
        reflection_began=moment_or_none(row[14]),
    )


def read_inquiry(conn: sqlcipher3.Connection, inquiry_id: str) -> InquiryRecord:
    """One line of inquiry; EntryNotFoundError when there is none."""
    row = conn.execute(
        "SELECT id, question, description, status, created_at, updated_at FROM inquiries "
        "WHERE id = ?",
        (inquiry_id,),
    ).fetchone()
    if row is None:
        raise EntryNotFoundError("That line of inquiry no longer exists.")
    return InquiryRecord(
        id=row[0],
        question=row[1],
        description=row[2],
        status=InquiryStatus(row[3]),
        domains=_domains_of(conn, "inquiry", [inquiry_id]).get(inquiry_id, ()),
        created=moment_of(row[4]),
        updated=moment_of(row[5]),
    )


def first_line(text: str) -> str:
    """The first line written, without a heading's marks, as a title (at most 80 characters)."""
    for line in text.splitlines():
        if line.strip():
            return line.strip().lstrip("#").strip()[:80]
    return ""


def _domains_of(
    conn: sqlcipher3.Connection, owner: str, ids: list[str]
) -> dict[str, tuple[Domain, ...]]:
    """The domains of each of these cycles or lines of inquiry (`owner` says which)."""
    if not ids:
        return {}
    found: dict[str, list[Domain]] = {}
    rows = conn.execute(
        f"SELECT {owner}_id, domain FROM {owner}_domains WHERE {owner}_id IN ({placeholders(ids)})",
        ids,
    )
    for owner_id, code in rows:
        found.setdefault(owner_id, []).append(Domain(code))
    return {k: tuple(in_order(v)) for k, v in found.items()}
