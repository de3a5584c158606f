"""Browsing by filters alone: every matching entry and cycle, newest first, a page at a time."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from app.demo import DemoJournal
from app.journal.opening import Journal
from app.search.full_text import Kind, SearchFilters
from app.search.periods import Period
from app.writing.cycle_records import CycleStatus, LoopLevel
from app.writing.domains import Domain
from app.writing.entries import EntryStore
from tests.support.data import fixed_clock

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)


@pytest.fixture
def demo(journal: Journal) -> Journal:
    DemoJournal(journal).fill(now=NOW)
    return journal


def _listed(journal: Journal, filters: SearchFilters, query: str = "") -> list[tuple[str, str]]:
    """(kind, title) of every result, paging through them as the window does."""
    listed: list[tuple[str, str]] = []
    offset = 0
    while True:
        page = journal.search.search(query, filters, offset=offset, limit=3, today=NOW.date())
        listed += [(h.kind.value, h.title) for h in page.hits]
        if not page.has_more:
            return listed
        offset += len(page.hits)


def test_a_domain_alone_lists_every_entry_and_cycle_in_it_newest_first(demo: Journal) -> None:
    team = SearchFilters(domains=(Domain.TEAM,))
    listed = _listed(demo, team)
    expected_entries = {
        e.display_title
        for e in demo.entries.all_records()
        if Domain.TEAM in e.domains and e.deleted is None
    }
    expected_cycles = {
        c.title for c in demo.cycles.all_records() if Domain.TEAM in c.domains and not c.deleted
    }
    assert {t for k, t in listed if k == "entry"} == expected_entries
    assert {t for k, t in listed if k == "cycle"} == expected_cycles
    assert len(listed) == len(expected_entries) + len(expected_cycles) > 3  # more than a page
    dates = [h.date for h in demo.search.search("", team, limit=500).hits]
    assert dates == sorted(dates, reverse=True)


def test_cycle_filters_list_cycles_only(demo: Journal) -> None:
    double = SearchFilters(loop=LoopLevel.DOUBLE)
    expected = {c.title for c in demo.cycles.all_records() if c.loop is LoopLevel.DOUBLE}
    listed = _listed(demo, double)
    assert expected and {t for _, t in listed} == expected
    assert {k for k, _ in listed} == {"cycle"}
    reviewed = _listed(demo, SearchFilters(status=CycleStatus.REVIEWED, loop=LoopLevel.DOUBLE))
    assert {t for _, t in reviewed} <= expected


def test_a_stage_filter_lists_that_stage_of_each_cycle(demo: Journal) -> None:
    hits = demo.search.search("", SearchFilters(stage="learning"), limit=500).hits
    assert hits and all(h.kind is Kind.STAGE and h.stage_id == "learning" for h in hits)
    assert all(h.plain_snippet for h in hits)


def test_words_left_out_still_leave_items_out_of_a_filtered_list(journal: Journal) -> None:
    journal.entries.create("Huddle", "We met at the huddle.", [Domain.TEAM])
    journal.entries.create("Board", "Board paper.", [Domain.TEAM])
    journal.entries.create("Alone", "Thinking.", [Domain.INDIVIDUAL])
    team = SearchFilters(domains=(Domain.TEAM,))
    assert sorted(t for _, t in _listed(journal, team)) == ["Board", "Huddle"]
    assert _listed(journal, team, "-huddle") == [("entry", "Board")]


def test_trashed_items_are_not_listed(journal: Journal) -> None:
    kept = journal.entries.create("Kept", "x", [Domain.TEAM])
    gone = journal.entries.create("Gone", "y", [Domain.TEAM])
    journal.entries.trash(gone.id)
    hits = journal.search.search("", SearchFilters(domains=(Domain.TEAM,))).hits
    assert [h.item_id for h in hits] == [kept.id]


def test_dates_and_a_period_bound_the_list(journal: Journal) -> None:
    for when, title in ((date(2026, 3, 31), "March"), (date(2026, 4, 2), "April")):
        moment = datetime.combine(when, datetime.min.time(), tzinfo=UTC) + timedelta(hours=9)
        EntryStore(journal.engine, clock=fixed_clock(moment)).create(title, "text")
    quarter = SearchFilters(period=Period.THIS_QUARTER)
    assert _listed(journal, quarter) == [("entry", "April")]  # today is 15 June
    assert _listed(journal, SearchFilters(until=date(2026, 3, 31))) == [("entry", "March")]
    # The period moves with the calendar: on 1 April 2027 this quarter holds neither.
    later = journal.search.search("", quarter, today=date(2027, 4, 1))
    assert later.hits == []


def test_no_results_say_why(journal: Journal) -> None:
    journal.entries.create("Huddle", "We met at the huddle.", [Domain.TEAM])
    empty = journal.search.search("", SearchFilters(status=CycleStatus.REVIEWED))
    assert empty.message == "No entries or cycles match these filters. Clear a filter to see more."
    only_left_out = journal.search.search("-huddle")
    assert only_left_out.message == (
        "No matches for -huddle: a search needs at least one word to look for."
    )
    assert "choose a filter" in journal.search.search("  ").message
    filtered = journal.search.search("zebra", SearchFilters(domains=(Domain.TEAM,)))
    assert filtered.message == (
        "No matches for zebra with these filters. Try fewer words or clear a filter."
    )
