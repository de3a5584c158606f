"""The home screen's numbers: what is waiting, what is under way, the balance of domains."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.demo import DemoJournal
from app.home.overview import HomeService
from app.journal.opening import Journal
from app.writing.domains import Domain
from app.writing.entries import EntryStore

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)


def test_balance_counts_the_last_30_days_per_domain(journal: Journal) -> None:
    old = EntryStore(journal.engine, clock=lambda: NOW - timedelta(days=45))
    old.create("Old", "", [Domain.ORGANISATION])
    recent = EntryStore(journal.engine, clock=lambda: NOW - timedelta(days=2))
    recent.create("Me", "", [Domain.INDIVIDUAL])
    recent.create("Me and the team", "", [Domain.INDIVIDUAL, Domain.TEAM])
    balance = HomeService(journal).domain_balance(NOW)
    assert balance.counts == {Domain.INDIVIDUAL: 2, Domain.TEAM: 1, Domain.ORGANISATION: 0}
    assert balance.total == 3
    assert not balance.only_individual
    assert round(balance.share(Domain.INDIVIDUAL), 2) == 0.67


def test_only_individual_reflection_is_noticed(journal: Journal) -> None:
    EntryStore(journal.engine, clock=lambda: NOW).create("Me", "", [Domain.INDIVIDUAL])
    assert HomeService(journal).domain_balance(NOW).only_individual


def test_home_overview_of_the_demo(journal: Journal) -> None:
    DemoJournal(journal).fill(now=NOW)
    overview = HomeService(journal).overview(NOW.date(), NOW)
    assert [c.title for c in overview.waiting] == ["Hand the question to the band 6 nurses"]
    assert {c.title for c in overview.in_progress} == {
        "Noticed my jaw tighten",
        "Flow targets or a safe discharge",
    }
    assert len(overview.recent_entries) == 5
    assert all(n > 0 for n in overview.balance.counts.values())
