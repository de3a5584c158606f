"""A small journal whose every count is known, spread over January to March 2026."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest

from app.journal.opening import Journal
from app.writing.cycle_states import LoopLevel
from app.writing.cycles import CycleStore
from app.writing.domains import Domain
from app.writing.entries import EntryStore


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)

    def at(self, year: int, month: int, day: int) -> None:
        self.now = datetime(year, month, day, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@dataclass(frozen=True)
class Known:
    """The ids of what the journal holds."""

    huddle_entry: str
    pair_entry: str
    reviewed: str
    planned: str
    captured: str
    inquiry: str
    other_inquiry: str


@pytest.fixture
def known(journal: Journal) -> Known:
    clock = Clock()
    entries = EntryStore(journal.engine, clock=clock)
    cycles = CycleStore(journal.engine, journal.templates, clock=clock)

    clock.at(2025, 12, 20)  # before the span
    entries.create("Before", "December", [Domain.TEAM], ["huddle"])
    clock.at(2026, 1, 5)
    huddle = entries.create("Huddle", "Asked first.", [Domain.INDIVIDUAL], ["huddle"])
    clock.at(2026, 1, 19)
    pair = entries.create("Pair", "Both.", [Domain.TEAM, Domain.INDIVIDUAL], ["Huddle"])
    gone = entries.create("Gone", "Trashed.", [Domain.ORGANISATION], ["huddle"])
    entries.trash(gone.id)

    inquiry = cycles.create_inquiry("How do I hear concerns earlier?", domains=[Domain.TEAM])
    other = cycles.create_inquiry("How do I influence the board?", domains=[Domain.ORGANISATION])
    clock.at(2026, 2, 2)
    reviewed = cycles.start_cycle(
        inquiry.id,
        "action-inquiry",
        title="Ask the night team",
        domains=[Domain.TEAM],
        experiment_date=date(2026, 2, 3),
    )
    template = journal.templates.get("action-inquiry")
    assert template is not None
    clock.at(2026, 2, 6)  # three days after the experiment
    cycles.begin_reflection(reviewed.id)
    for stage in template.stages:
        cycles.save_stage(reviewed.id, stage.id, f"My {stage.id}.")
    cycles.update_cycle(
        reviewed.id, loop=LoopLevel.DOUBLE, dimensions=["engaging-the-team"], tags=["huddle"]
    )
    cycles.finish(reviewed.id)
    clock.at(2026, 2, 10)
    planned = cycles.start_cycle(
        other.id,
        "action-inquiry",
        title="Speak at the board",
        domains=[Domain.ORGANISATION],
        experiment_date=date(2026, 2, 20),
    )
    clock.at(2026, 3, 4)
    captured = cycles.start_cycle(
        inquiry.id, "quick-capture", title="Noticed my jaw", domains=[Domain.INDIVIDUAL]
    )
    return Known(huddle.id, pair.id, reviewed.id, planned.id, captured.id, inquiry.id, other.id)
