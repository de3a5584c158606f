"""What the participant can put in a summary, grouped: flagged, reviewed in the period, others."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TypeVar

from app.journal.opening import Journal
from app.ui.widgets.captions import day_text
from app.ui.widgets.journal_items import ItemKind
from app.writing.cycle_records import CycleStatus, CycleSummary
from app.writing.entry_record import EntrySummary

FLAGGED = "Flagged to bring to supervision"
REVIEWED = "Cycles reviewed in this period"
OTHERS = "Other cycles and entries in this period"
_PAGE = 200


@dataclass(frozen=True)
class Choice:
    """One cycle or entry that can go in the summary."""

    kind: ItemKind
    id: str
    title: str
    detail: str

    @property
    def key(self) -> str:
        """A single string naming the item ("cycle:<id>")."""
        return f"{self.kind.value}:{self.id}"


@dataclass(frozen=True)
class ChoiceGroup:
    """A heading and the choices under it."""

    title: str
    choices: tuple[Choice, ...]


T = TypeVar("T")


def period_bounds(since: date, until: date) -> tuple[datetime, datetime]:
    """The period as UTC moments: local midnight at the start of `since` to after `until`."""
    start = datetime.combine(since, time.min).astimezone(UTC)
    end = datetime.combine(until + timedelta(days=1), time.min).astimezone(UTC)
    return start, end


def _local_day(moment: datetime) -> date:
    return moment.astimezone().date()


def _cycle_choice(cycle: CycleSummary) -> Choice:
    detail = f"Cycle, {cycle.status.label.lower()}, {day_text(_local_day(cycle.updated))}"
    return Choice(ItemKind.CYCLE, cycle.id, cycle.title, detail)


def _entry_choice(entry: EntrySummary) -> Choice:
    return Choice(
        ItemKind.ENTRY, entry.id, entry.title, f"Entry, {day_text(_local_day(entry.created))}"
    )


def _newest_since(
    read_page: Callable[[int, int], list[T]], moment: Callable[[T], datetime], start: datetime
) -> Iterator[T]:
    """Items newest first, a page at a time, until one is older than `start`."""
    offset = 0
    while True:
        page = read_page(offset, _PAGE)
        for item in page:
            if moment(item) < start:
                return
            yield item
        if len(page) < _PAGE:
            return
        offset += _PAGE


def _cycles_since(journal: Journal, start: datetime) -> Iterator[CycleSummary]:
    return _newest_since(
        lambda offset, limit: journal.cycles.summaries(offset=offset, limit=limit),
        lambda cycle: cycle.updated,
        start,
    )


def _entries_since(journal: Journal, start: datetime) -> Iterator[EntrySummary]:
    return _newest_since(
        lambda offset, limit: journal.entries.summaries(offset=offset, limit=limit),
        lambda entry: entry.created,
        start,
    )


def choice_groups(journal: Journal, since: date, until: date) -> list[ChoiceGroup]:
    """The groups that have something in them, in the order the dialog lists them."""
    start, end = period_bounds(since, until)
    flagged: list[Choice] = []
    flagged_cycles = set(journal.cycles.flagged_ids())
    flagged_entries = set(journal.entries.flagged_ids())
    for cycle_id in journal.cycles.flagged_ids():
        record = journal.cycles.get(cycle_id)
        detail = f"Cycle, {record.status.label.lower()}, {day_text(_local_day(record.updated))}"
        flagged.append(Choice(ItemKind.CYCLE, cycle_id, record.display_title, detail))
    for entry_id in journal.entries.flagged_ids():
        entry = journal.entries.get(entry_id)
        detail = f"Entry, {day_text(_local_day(entry.created))}"
        flagged.append(Choice(ItemKind.ENTRY, entry_id, entry.display_title, detail))
    reviewed: list[Choice] = []
    others: list[Choice] = []
    for cycle in _cycles_since(journal, start):
        if cycle.updated >= end or cycle.id in flagged_cycles:
            continue
        group = reviewed if cycle.status is CycleStatus.REVIEWED else others
        group.append(_cycle_choice(cycle))
    others += [
        _entry_choice(e)
        for e in _entries_since(journal, start)
        if e.created < end and e.id not in flagged_entries
    ]
    groups = [ChoiceGroup(FLAGGED, tuple(flagged)), ChoiceGroup(REVIEWED, tuple(reviewed))]
    groups.append(ChoiceGroup(OTHERS, tuple(others)))
    return [g for g in groups if g.choices]
