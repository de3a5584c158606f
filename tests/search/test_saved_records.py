"""The saved searches as the window reads them at start, in plain SQL
(app/search/saved_records.py), are what the ORM read: the same records, in the same order,
with the same moments and filters, on the plain connection and on the engine's."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import StorageError
from app.journal.opening import Journal, open_journal
from app.json_fields import parse_json
from app.search.full_text import Kind, SearchFilters
from app.search.periods import Period
from app.search.saved import SavedSearchStore
from app.search.saved_records import SavedSearch, filters_from_json, saved_searches
from app.storage.keys import SystemKeyring
from app.storage.tables import SavedSearch as SavedSearchRow
from app.writing.cycle_records import CycleStatus, LoopLevel
from app.writing.domains import Domain

START = datetime(2026, 2, 27, 16, 45, 12, 345678, tzinfo=UTC)


def _orm_saved_searches(journal: Journal) -> list[SavedSearch]:
    """What SavedSearchStore.all read through the ORM before."""
    with Session(journal.engine) as session:
        rows = session.scalars(select(SavedSearchRow)).all()
        found = [
            SavedSearch(
                r.id,
                r.name,
                r.query,
                filters_from_json(parse_json(r.filters)),
                r.created_at,
                r.updated_at,
            )
            for r in rows
        ]
    return sorted(found, key=lambda s: (s.name.casefold(), s.id))


def _fill(journal: Journal) -> None:
    moments = iter(START + timedelta(hours=i, microseconds=-i) for i in range(20))
    store = SavedSearchStore(journal.engine, clock=lambda: next(moments))
    store.save("Team, this quarter", "", SearchFilters((Domain.TEAM,), period=Period.THIS_QUARTER))
    store.save("banana", "rota handover", SearchFilters(kinds=(Kind.ENTRY,), tag="rota"))
    store.save(
        "Double loop",
        "",
        SearchFilters(
            loop=LoopLevel.DOUBLE,
            status=CycleStatus.REVIEWED,
            since=date(2026, 1, 1),
            until=date(2026, 3, 31),
            shared=False,
            has_comment=True,
        ),
    )
    renamed = store.save("Apple", "huddle", SearchFilters())
    store.rename(renamed.id, "apple pie")
    with journal.writing() as conn:  # what an older version or another tool may have left
        conn.execute(
            "INSERT INTO saved_searches (id, name, query, filters, created_at, updated_at) "
            "VALUES ('0-team', 'team', 'huddle', '{}', '2026-01-05 08:00:00', "
            "'2026-01-05 08:00:00.000001')"
        )


def test_the_saved_searches_read_in_sql_are_the_ones_the_orm_read(
    journal: Journal, key_store: SystemKeyring
) -> None:
    _fill(journal)
    with journal.reading() as conn:
        on_engine = saved_searches(conn)
    journal.close()
    reopened = open_journal(journal.folder, key_store)
    try:
        with reopened.reading() as conn:
            on_plain = saved_searches(conn)  # before anything makes the engine
        orm = _orm_saved_searches(reopened)
        assert on_plain == orm
        assert on_engine == orm
        assert repr(on_plain) == repr(orm)  # aware UTC moments, the same filter types
        assert reopened.saved_searches.all() == orm  # the store reads through the same function
    finally:
        reopened.close()
    assert [s.name for s in on_plain] == [
        "apple pie",
        "banana",
        "Double loop",
        "team",
        "Team, this quarter",
    ]
    assert on_plain[0].updated == START + timedelta(hours=4, microseconds=-4)
    assert on_plain[3].created == datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
    assert on_plain[4].filters == SearchFilters((Domain.TEAM,), period=Period.THIS_QUARTER)


def test_a_saved_search_that_cannot_be_read_is_named(journal: Journal) -> None:
    with journal.writing() as conn:
        conn.execute(
            "INSERT INTO saved_searches (id, name, query, filters, created_at, updated_at) "
            "VALUES ('x', 'Broken', '', '{\"loop\": \"quadruple\"}', "
            "'2026-01-05 08:00:00.000000', '2026-01-05 08:00:00.000000')"
        )
    with journal.reading() as conn, pytest.raises(StorageError) as plain:
        saved_searches(conn)
    with pytest.raises(StorageError) as store:
        journal.saved_searches.all()
    assert str(plain.value) == str(store.value)
    assert str(plain.value).startswith("The saved search Broken could not be read: 'loop'")
