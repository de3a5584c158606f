"""A coach's Insights over what a participant shared: the same figures as the participant's own,
from the shared items alone."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from app.insights.figures import Figure, Pick, Reach, Scope, Span
from app.insights.service import InsightsService
from app.journal.opening import Journal, create_journal
from app.sharing.exchange import ExchangeService
from app.sharing.insights import SharedInsights
from app.storage.keys import SystemKeyring
from app.transfer import TransferService
from app.writing.cycles import CycleStore
from tests.support.data import TODAY, fill_demo
from tests.support.sharing import card_fingerprint, pair_with_coach, send_share


def _share_everything(participant: Journal, coach: Journal) -> str:
    pair_with_coach(participant, coach)
    entries = [e.id for e in participant.entries.summaries()]
    cycles = [c.id for c in participant.cycles.all_records() if c.deleted is None]
    ExchangeService(coach).import_package(send_share(participant, entries, cycles))
    return card_fingerprint(participant)


def test_the_coach_sees_the_participants_own_figures_for_everything_shared(
    journal: Journal, coach: Journal
) -> None:
    participant = fill_demo(journal)
    who = _share_everything(participant, coach)
    shared = SharedInsights(coach, who)
    own = InsightsService(participant)
    first = own.first_written(TODAY)
    assert shared.first_written(TODAY) == first
    scope = Scope(Reach.EVERYTHING.span(TODAY, first))
    mine, theirs = own.insights(scope), shared.insights(scope)
    assert theirs == mine
    assert mine.progress.total > 0 and mine.timing.counted > 0  # the demo has tried cycles
    for table in mine.tables():
        for row in table.rows:
            for cell in row.cells:
                if cell.pick is not None:
                    coach_ids = {i.id for i in shared.items(scope, cell.pick)}
                    assert coach_ids == {i.id for i in own.items(scope, cell.pick)}


def test_only_what_was_shared_is_counted(journal: Journal, coach: Journal) -> None:
    participant = fill_demo(journal)
    pair_with_coach(participant, coach)
    [cycle] = [c for c in participant.cycles.all_records() if c.dimensions][:1]
    ExchangeService(coach).import_package(send_share(participant, [], [cycle.id]))
    shared = SharedInsights(coach, card_fingerprint(participant))
    scope = Scope(Span(date(2000, 1, 1), TODAY))
    insights = shared.insights(scope)
    assert insights.progress.rows[0].cells[0].count == 1
    assert insights.domains.total == len(cycle.domains)
    [item] = shared.items(scope, Pick(Figure.DIMENSION, cycle.dimensions[0]))
    assert item.id == cycle.id


def test_a_cycle_shared_without_facts_counts_in_domains_only(
    journal: Journal, coach: Journal
) -> None:
    participant = pair_with_coach(journal, coach)
    inquiry = participant.cycles.create_inquiry("Q?")
    cycle = CycleStore(participant.engine, participant.templates).start_cycle(
        inquiry.id, "quick-capture"
    )
    exchange = ExchangeService(participant)
    [record] = exchange.records_to_share([], [cycle.id])
    import dataclasses

    older = dataclasses.replace(record, facts=None)  # as a version before facts sends it
    contact = participant.sharing.contacts()[0]
    ExchangeService(coach).import_package(exchange.make_share(contact, [older]).data)
    shared = SharedInsights(coach, card_fingerprint(participant))
    insights = shared.insights(Scope(Span(date(2000, 1, 1), date(2100, 1, 1))))
    assert insights.domains.total == 1
    assert insights.progress.total == 0


def test_a_coachs_export_keeps_the_facts_its_insights_count(
    journal: Journal, coach: Journal, tmp_path: Path, key_store: SystemKeyring
) -> None:
    participant = fill_demo(journal)
    who = _share_everything(participant, coach)
    TransferService(coach).export_json(tmp_path / "coach.json")
    document = json.loads((tmp_path / "coach.json").read_text(encoding="utf-8"))
    cycles = [i for i in document["shared_items"] if i["kind"] == "cycle"]
    assert cycles and all(i["facts"]["status"] for i in cycles)
    moved, _ = create_journal(tmp_path / "new-laptop", key_store)
    try:
        TransferService(moved).import_json(tmp_path / "coach.json")
        scope = Scope(Span(date(2000, 1, 1), TODAY))
        assert SharedInsights(moved, who).insights(scope) == SharedInsights(coach, who).insights(
            scope
        )
    finally:
        moved.close()
