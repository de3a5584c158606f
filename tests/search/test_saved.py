"""Saved searches: kept in the journal under a name, renamed, deleted, and always current."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from app.errors import EntryNotFoundError, JournalError
from app.journal.opening import Journal
from app.search.full_text import SearchFilters
from app.search.periods import Period
from app.search.saved_records import filters_from_json, filters_to_json
from app.writing.cycle_records import LoopLevel
from app.writing.domains import Domain

TEAM_QUARTER = SearchFilters(domains=(Domain.TEAM,), period=Period.THIS_QUARTER)


def test_a_saved_search_is_kept_in_the_journal_with_its_period_relative(journal: Journal) -> None:
    saved = journal.saved_searches.save(" Team,  this quarter ", "", TEAM_QUARTER)
    journal.saved_searches.save("double loop cycles", "", SearchFilters(loop=LoopLevel.DOUBLE))
    assert [s.name for s in journal.saved_searches.all()] == [
        "double loop cycles",
        "Team, this quarter",
    ]
    with journal.engine.connect() as conn:
        stored = conn.execute(
            text("SELECT filters FROM saved_searches WHERE id = :id"), {"id": saved.id}
        )
        assert stored.scalar_one() == '{"domains": ["team"], "period": "this-quarter"}'
    [again] = [s for s in journal.saved_searches.all() if s.id == saved.id]
    assert again.filters == TEAM_QUARTER


def test_rename_and_delete(journal: Journal) -> None:
    first = journal.saved_searches.save("Team", "huddle", SearchFilters())
    second = journal.saved_searches.save("Board", "", SearchFilters(domains=(Domain.ORGANISATION,)))
    assert journal.saved_searches.rename(first.id, "Huddles").name == "Huddles"
    with pytest.raises(JournalError, match="A saved search called board already exists"):
        journal.saved_searches.rename(first.id, "board")
    journal.saved_searches.delete(second.id)
    assert [(s.name, s.query) for s in journal.saved_searches.all()] == [("Huddles", "huddle")]
    with pytest.raises(EntryNotFoundError, match="That saved search no longer exists"):
        journal.saved_searches.delete(second.id)


@pytest.mark.parametrize(
    ("name", "query", "filters", "message"),
    [
        ("  ", "huddle", SearchFilters(), "needs a name"),
        ("x" * 81, "huddle", SearchFilters(), "at most 80 characters"),
        ("Nothing", "  ", SearchFilters(), "Type a word or choose a filter"),
    ],
)
def test_refusals_change_nothing(
    journal: Journal, name: str, query: str, filters: SearchFilters, message: str
) -> None:
    with pytest.raises(JournalError, match=message):
        journal.saved_searches.save(name, query, filters)
    assert journal.saved_searches.all() == []


def test_filters_survive_json_and_refuse_bad_values() -> None:
    every = SearchFilters(
        domains=(Domain.TEAM, Domain.ORGANISATION),
        tag="rota",
        template="gibbs",
        stage="learning",
        loop=LoopLevel.DOUBLE,
        since=date(2026, 1, 1),
        until=date(2026, 3, 31),
        period=Period.LAST_30_DAYS,
        inquiry="5a2d4c11-0b7e-4f3a-8c9d-2e1f0a3b4c5d",
        shared=True,
        has_comment=False,
    )
    assert filters_from_json(filters_to_json(every)) == every
    assert filters_from_json({"future-filter": 1}) == SearchFilters()
    for bad, message in (
        ({"domains": ["sky"]}, "list of: individual"),
        ({"domains": "team"}, "list of"),
        ({"period": "next-week"}, "must be one of"),
        ({"since": "2026-02-30"}, "a date such as"),
        ({"shared": "yes"}, "true or false"),
        ({"tag": "x" * 201}, "1 to 200 characters"),
        ([], "should be an object"),
    ):
        with pytest.raises(ValueError, match=message):
            filters_from_json(bad)
