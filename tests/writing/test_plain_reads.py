"""Reads in plain SQL give back exactly what the ORM's rows hold: the same moments (aware,
UTC, to the microsecond), days, statuses, flags and order. The window's first view reads this
way (app/writing/cycle_reads.py, entry_record.py, app/supervision/session_reads.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.journal.opening import Journal
from app.storage.snapshot import reading
from app.storage.tables import AgreedAction, Cycle, Entry, Inquiry, SupervisionSession
from app.supervision.session_reads import session_records
from app.supervision.session_records import ActionDraft, ActionStatus, SessionKind
from app.writing.cycle_reads import active_inquiry_ids, cycle_summaries, read_cycle, read_inquiry
from app.writing.cycle_records import CycleStatus, LoopLevel
from app.writing.cycles import CycleStore
from app.writing.domains import Domain
from app.writing.entries import EntryStore
from app.writing.entry_record import entry_summaries, read_entry

START = datetime(2026, 3, 1, 9, 15, 30, 123456, tzinfo=UTC)


class Clock:
    """Each reading a little later than the last (microseconds included)."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=7, microseconds=3)
        return self.now


def test_a_whole_cycle_reads_as_its_orm_row(journal: Journal) -> None:
    cycles = CycleStore(journal.engine, journal.templates, clock=Clock())
    first = cycles.start_inquiry(
        "Why do handovers overrun?", [Domain.TEAM, Domain.INDIVIDUAL], "action-inquiry"
    )
    cycles.save_stage(first.id, "frame", "The huddle.")
    cycles.update_cycle(
        first.id,
        dimensions=["leading-with-care", "engaging-the-team"],
        tags=["handover", "Nights"],
        loop=LoopLevel.DOUBLE,
        experiment_date=date(2026, 3, 9),
    )
    cycles.set_flags(first.id, bring_to_supervision=True)
    for stage in ("intention", "strategy", "action", "outcomes", "learning"):
        cycles.save_stage(first.id, stage, f"For {stage}.")
    cycles.begin_reflection(first.id)
    cycles.finish(first.id)
    following = cycles.start_next(first.id)
    cycles.trash(following.id)

    with reading(journal) as conn:
        record = read_cycle(conn, first.id)
        trashed = read_cycle(conn, following.id)
        inquiry = read_inquiry(conn, first.inquiry_id)
    with Session(journal.engine) as session:
        row = session.get(Cycle, first.id)
        assert row is not None
        assert (record.created, record.updated) == (row.created_at, row.updated_at)
        assert record.reflection_began == row.reflection_began_at is not None
        assert record.experiment_date == row.experiment_date == date(2026, 3, 9)
        assert record.stages[1].updated == row.stages[1].updated_at
        assert [s.stage_id for s in record.stages] == [s.stage_id for s in row.stages]
        assert record.dimensions == tuple(d.dimension for d in row.dimensions)
        gone = session.get(Cycle, following.id)
        assert gone is not None and trashed.deleted == gone.deleted_at is not None
        inquiry_row = session.get(Inquiry, first.inquiry_id)
        assert inquiry_row is not None and inquiry.updated == inquiry_row.updated_at
    assert record.created.tzinfo is UTC and record.created.microsecond != 0
    assert (record.status, record.loop) == (CycleStatus.REVIEWED, LoopLevel.DOUBLE)
    assert record.domains == (Domain.INDIVIDUAL, Domain.TEAM)
    assert record.tags == ("handover", "Nights")
    assert (record.bring_to_supervision, record.share_with_coach) == (True, False)
    assert (record.next_id, trashed.previous_id) == (following.id, first.id)
    assert record == cycles.get(first.id)
    assert inquiry.question == "Why do handovers overrun?"


def test_cycle_lists_name_untitled_cycles_and_put_the_latest_trashed_first(
    journal: Journal,
) -> None:
    cycles = CycleStore(journal.engine, journal.templates, clock=Clock())
    blank = cycles.start_inquiry("Blank?", [Domain.TEAM], "action-inquiry")
    written = cycles.start_cycle(blank.inquiry_id, "action-inquiry")
    cycles.save_stage(written.id, "intention", "\n\n## Ask the night team first\nthen wait")
    cycles.save_stage(written.id, "frame", "")  # an empty earlier stage is passed over
    titled = cycles.start_cycle(blank.inquiry_id, "action-inquiry", title="  Titled  ")
    with reading(journal) as conn:
        live = cycle_summaries(conn)
    assert [c.title for c in live] == ["Titled", "Ask the night team first", "Untitled cycle"]
    for cycle in (written, blank, titled):
        cycles.trash(cycle.id)
    with reading(journal) as conn:
        binned = cycle_summaries(conn, trashed=True)
        none = cycle_summaries(conn, statuses=[])
    assert [c.id for c in binned] == [titled.id, blank.id, written.id]
    assert binned[0].deleted is not None and binned[0].deleted > binned[1].updated
    assert none == []


def test_entries_read_as_their_orm_rows(journal: Journal) -> None:
    entries = EntryStore(journal.engine, clock=Clock())
    older = entries.create("", "\n# From the body\nmore", [Domain.ORGANISATION], ["Audit"])
    newer = entries.create("Titled", "Body", [Domain.TEAM, Domain.INDIVIDUAL])
    entries.set_flags(newer.id, share_with_coach=True)
    entries.trash(older.id)
    with reading(journal) as conn:
        binned = entry_summaries(conn, trashed=True)
        live = entry_summaries(conn, "TITL")
        whole = read_entry(conn, older.id)
        flagged = read_entry(conn, newer.id)
    with Session(journal.engine) as session:
        row = session.get(Entry, older.id)
        assert row is not None
        assert (whole.created, whole.updated, whole.deleted) == (
            row.created_at,
            row.updated_at,
            row.deleted_at,
        )
    assert [(e.title, e.deleted is not None) for e in binned] == [("From the body", True)]
    assert [(e.title, e.domains) for e in live] == [("Titled", (Domain.INDIVIDUAL, Domain.TEAM))]
    assert whole.tags == ("Audit",) and whole == entries.get(older.id)
    assert (flagged.share_with_coach, flagged.bring_to_supervision) == (True, False)


def test_sessions_and_their_actions_read_as_their_orm_rows(journal: Journal) -> None:
    first = journal.sessions.record(
        SessionKind.SUPERVISION,
        date(2026, 2, 2),
        with_whom="Sam",
        next_date=date(2026, 3, 2),
        actions=[ActionDraft("Later one", by_when=date(2026, 4, 1)), ActionDraft("Undated")],
    )
    journal.sessions.record(SessionKind.COACHING, date(2026, 2, 20))
    journal.sessions.update_action(first.actions[1].id, status=ActionStatus.DONE)
    with reading(journal) as conn:
        found = session_records(conn)
    with Session(journal.engine) as session:
        rows = session.scalars(
            select(SupervisionSession).order_by(SupervisionSession.held_on.desc())
        ).all()
        assert [(s.id, s.held_on, s.next_date) for s in found] == [
            (r.id, r.held_on, r.next_date) for r in rows
        ]
        action = session.get(AgreedAction, first.actions[0].id)
        assert action is not None and found[1].actions[0].by_when == action.by_when
    assert [a.status for a in found[1].actions] == [ActionStatus.OPEN, ActionStatus.DONE]
    assert found[1].kind is SessionKind.SUPERVISION and found[1].with_whom == "Sam"


def test_the_newest_cycles_of_a_status_are_read_in_order_from_an_index(journal: Journal) -> None:
    """Home's lists (in progress, waiting for reflection) and Looking back ask for the newest
    live cycles of one status. Read through (status, deleted_at, updated_at), SQLite takes the
    newest first and stops at the limit, instead of reading and sorting every cycle of the
    status (14 ms of a cold start on the benchmark's 10,000 cycles, and 10 ms more for Looking
    back's question below)."""
    cycles = CycleStore(journal.engine, journal.templates, clock=Clock())
    inquiry = cycles.start_inquiry("Why do handovers overrun?", [Domain.TEAM], "action-inquiry")
    cycles.start_cycle(inquiry.inquiry_id, "action-inquiry", title="Start on time")
    statements: list[str] = []
    now = datetime(2026, 12, 5, 9, tzinfo=UTC)
    with reading(journal) as conn:
        conn.set_trace_callback(statements.append)
        cycle_summaries(conn, statuses=[CycleStatus.PLANNED], due_by=date(2027, 1, 1))
        cycle_summaries(conn, statuses=[CycleStatus.IN_PROGRESS])
        cycle_summaries(conn, statuses=[CycleStatus.REVIEWED], changed=(now, now + timedelta(1)))
        active = active_inquiry_ids(conn, [inquiry.inquiry_id])
        conn.set_trace_callback(None)
        plans = [
            " ".join(row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}"))
            for sql in statements
            if sql.startswith("SELECT c.id") or sql.startswith("SELECT DISTINCT inquiry_id")
        ]
    assert len(plans) == 4
    for plan in plans[:3]:
        assert "SEARCH c USING INDEX ix_cycles_status_recent (status=? AND deleted_at=?" in plan
    # Looking back asks which of a few lines of inquiry are still worked on: by inquiry.
    assert plans[3] == "SEARCH cycles USING INDEX ix_cycles_inquiry_id (inquiry_id=?)"
    assert active == {inquiry.inquiry_id}
