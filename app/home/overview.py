"""The home screen's content: what is waiting, what is under way, and the balance of domains.

Read in plain SQL on the journal's own connection (app/writing/cycle_reads.py and
entry_record.py, which the stores read through too): the window's first view is shown without
loading the ORM.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import sqlcipher3

from app.storage.snapshot import Readable, reading
from app.writing.cycle_reads import cycle_domain_counts, cycle_summaries
from app.writing.cycle_records import CycleStatus, CycleSummary
from app.writing.domains import Domain
from app.writing.entry_record import EntrySummary, entry_domain_counts, entry_summaries

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

    def __init__(self, journal: Readable) -> None:
        self._journal = journal

    def overview(self, today: date, now: datetime) -> HomeOverview:
        """What the home screen needs, read in a few small queries in one read transaction.

        The same rows as the stores' waiting_for_reflection, in_progress, summaries and
        domain_counts (which read through the same functions).
        """
        with reading(self._journal) as conn:
            return HomeOverview(
                waiting=cycle_summaries(conn, statuses=[CycleStatus.PLANNED], due_by=today),
                in_progress=cycle_summaries(conn, statuses=[CycleStatus.IN_PROGRESS]),
                recent_entries=entry_summaries(conn, limit=RECENT_ENTRIES),
                balance=_balance(conn, now, BALANCE_DAYS),
            )

    def domain_balance(self, now: datetime, days: int = BALANCE_DAYS) -> DomainBalance:
        """Entries and cycles worked on in the last `days` days, counted per domain."""
        with reading(self._journal) as conn:
            return _balance(conn, now, days)


def _balance(conn: sqlcipher3.Connection, now: datetime, days: int) -> DomainBalance:
    since = now - timedelta(days=days)
    counts = dict.fromkeys(Domain, 0)
    for source in (entry_domain_counts(conn, since), cycle_domain_counts(conn, since)):
        for domain, n in source.items():
            counts[domain] += n
    return DomainBalance(counts, days)
