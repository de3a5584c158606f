"""Insights over the journal: each figure counts what it says, and lists what it counts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
import sqlcipher3

from app.errors import StorageError
from app.insights.figures import Figure, Pick, Reach, Scope, Span, month_label
from app.insights.service import InsightsService
from app.journal.opening import Journal
from tests.insights.conftest import Known

SPAN = Span(date(2026, 1, 1), date(2026, 3, 31))


def _table(table: object) -> dict[str, list[int]]:
    from app.insights.figures import Table

    assert isinstance(table, Table)
    return {row.label: [c.count for c in row.cells] for row in table.rows}


def test_domains_loops_and_themes_are_counted_by_month(journal: Journal, known: Known) -> None:
    insights = InsightsService(journal).insights(Scope(SPAN))
    assert insights.domains.columns == (
        "Individual",
        "Team or service",
        "Organisation and wider context",
    )
    # Trashed items and those begun outside the span are not counted.
    assert _table(insights.domains) == {
        "Jan 2026": [2, 1, 0],
        "Feb 2026": [0, 1, 1],
        "Mar 2026": [1, 0, 0],
    }
    assert insights.loops.columns == ("Single loop", "Double loop", "Triple loop", "None yet")
    assert _table(insights.loops) == {
        "Jan 2026": [0, 0, 0, 0],
        "Feb 2026": [0, 1, 0, 1],
        "Mar 2026": [0, 0, 0, 1],
    }
    # Tags are one theme whatever their case.
    assert insights.themes.columns == ("huddle",)
    assert _table(insights.themes) == {"Jan 2026": [2], "Feb 2026": [1], "Mar 2026": [0]}


def test_progress_timing_and_leadership_gaps(journal: Journal, known: Known) -> None:
    insights = InsightsService(journal).insights(Scope(SPAN))
    assert _table(insights.progress) == {"Planned": [3], "Tried": [2], "Reviewed": [1]}
    # The quick capture has no experiment date, so only the reviewed cycle is timed.
    assert (insights.timing.median, insights.timing.counted) == (3, 1)
    assert insights.timing.sentence() == "Median 3 days from experiment to reflection (1 cycle)."
    assert _table(insights.dimensions)["Engaging the team"] == [1]
    assert len(insights.gaps) == 8 and "Engaging the team" not in insights.gaps
    assert insights.gaps_sentence().startswith("Not ticked in this period: Inspiring shared")


def test_every_number_lists_exactly_the_items_it_counts(journal: Journal, known: Known) -> None:
    service = InsightsService(journal)
    scope = Scope(SPAN)
    insights = service.insights(scope)
    checked = 0
    for table in insights.tables():
        for row in table.rows:
            for cell in row.cells:
                if cell.pick is None:
                    assert cell.count == 0
                    continue
                assert len(service.items(scope, cell.pick)) == cell.count, (table.caption, row)
                checked += 1
    assert checked == 14  # 5 domain, 3 loop, 3 progress, 2 theme and 1 dimension numbers
    team_in_jan = service.items(scope, Pick(Figure.DOMAIN, "team", "2026-01"))
    assert [(i.kind, i.title, i.written) for i in team_in_jan] == [
        ("entry", "Pair", date(2026, 1, 19))
    ]
    [timed] = service.items(scope, Pick(Figure.DAYS))
    assert (timed.id, timed.detail) == (known.reviewed, "3 days from experiment to reflection")


def test_one_line_of_inquiry_counts_only_its_cycles(journal: Journal, known: Known) -> None:
    service = InsightsService(journal)
    scope = Scope(SPAN, inquiry=known.inquiry)
    insights = service.insights(scope)
    assert _table(insights.domains) == {
        "Jan 2026": [0, 0, 0],
        "Feb 2026": [0, 1, 0],
        "Mar 2026": [1, 0, 0],
    }
    assert _table(insights.progress) == {"Planned": [2], "Tried": [2], "Reviewed": [1]}
    planned = service.items(scope, Pick(Figure.PROGRESS, "planned"))
    assert {i.id for i in planned} == {known.reviewed, known.captured}


def test_an_empty_period_says_so(journal: Journal, known: Known) -> None:
    insights = InsightsService(journal).insights(Scope(Span(date(2024, 1, 1), date(2024, 2, 1))))
    assert insights.is_empty
    assert insights.timing.sentence() == (
        "No tried experiment in this period has both its dates yet."
    )
    assert [r.label for r in insights.domains.rows] == ["Jan 2024", "Feb 2024"]


def test_spans_cover_every_month_across_a_new_year() -> None:
    months = Span(date(2025, 11, 30), date(2026, 2, 1)).months()
    assert months == ("2025-11", "2025-12", "2026-01", "2026-02")
    assert [month_label(m) for m in months[1:3]] == ["Dec 2025", "Jan 2026"]


def test_a_journal_that_cannot_be_read_says_so_in_plain_words(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    import contextlib

    @contextlib.contextmanager
    def broken() -> Iterator[None]:
        raise sqlcipher3.DatabaseError("database disk image is malformed")
        yield

    monkeypatch.setattr(journal, "reading", broken)
    with pytest.raises(StorageError, match=r"^Insights could not be worked out: "):
        InsightsService(journal).insights(Scope(SPAN))


def test_reaches_are_whole_months_up_to_today(journal: Journal, known: Known) -> None:
    today = date(2026, 3, 15)
    first = InsightsService(journal).first_written(today)
    assert first == date(2025, 12, 20)
    assert Reach.LAST_3_MONTHS.span(today, first) == Span(date(2026, 1, 1), today)
    assert Reach.LAST_12_MONTHS.span(today, first) == Span(date(2025, 4, 1), today)
    assert Reach.THIS_YEAR.span(today, first) == Span(date(2026, 1, 1), today)
    assert Reach.EVERYTHING.span(today, first) == Span(date(2025, 12, 1), today)


def test_an_empty_journal_begins_today(journal: Journal) -> None:
    assert InsightsService(journal).first_written(date(2026, 3, 15)) == date(2026, 3, 15)
