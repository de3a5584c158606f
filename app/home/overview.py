"""The home screen's content: what is waiting, what is under way, and the balance of domains."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from app.journal.opening import Journal
from app.writing.cycle_records import CycleSummary
from app.writing.domains import Domain
from app.writing.entries import EntrySummary

BALANCE_DAYS = 30
RECENT_ENTRIES = 5


@dataclass(frozen=True)
class DomainBalance:
    """How many entries and cycles touched each domain in a period."""

    counts: dict[Domain, int]
    days: int

    @property
    def total(self) -> int:
        """All domain tags counted (an item in two domains counts twice)."""
        return sum(self.counts.values())

    def share(self, domain: Domain) -> float:
        """The domain's fraction of all counts (0 when there are none)."""
        return self.counts.get(domain, 0) / self.total if self.total else 0.0

    @property
    def only_individual(self) -> bool:
        """True when every reflection in the period stayed in the individual domain."""
        return self.total > 0 and self.counts.get(Domain.INDIVIDUAL, 0) == self.total


@dataclass(frozen=True)
class HomeOverview:
    """Everything the home screen shows."""

    waiting: list[CycleSummary]
    in_progress: list[CycleSummary]
    recent_entries: list[EntrySummary]
    balance: DomainBalance


class HomeService:
    """What the Home view shows, read from an open journal: `HomeService(journal)`."""

    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def overview(self, today: date, now: datetime) -> HomeOverview:
        """What the home screen needs, read in a few small queries."""
        journal = self._journal
        return HomeOverview(
            waiting=journal.cycles.waiting_for_reflection(today),
            in_progress=journal.cycles.in_progress(),
            recent_entries=journal.entries.summaries(limit=RECENT_ENTRIES),
            balance=self.domain_balance(now),
        )

    def domain_balance(self, now: datetime, days: int = BALANCE_DAYS) -> DomainBalance:
        """Entries and cycles worked on in the last `days` days, counted per domain."""
        since = now - timedelta(days=days)
        counts = dict.fromkeys(Domain, 0)
        journal = self._journal
        for source in (journal.entries.domain_counts(since), journal.cycles.domain_counts(since)):
            for domain, n in source.items():
                counts[domain] += n
        return DomainBalance(counts, days)
