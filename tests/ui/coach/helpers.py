"""A coach's journal with real shares from participants, made and imported with the core."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.journal.opening import Journal, create_journal
from app.sharing.exchange import ExchangeService
from app.storage.keys import KeyStore
from app.ui.widgets.file_pickers import FileRequest
from app.writing.domains import Domain
from tests.support.sharing import card_fingerprint, pair_with_coach, send_share

ALEX_HUDDLE = "Asking first at the huddle"
ALEX_ROTA = "The rota gap"
BEA_HANDOVER = "Rushed at handover"
BEA_CYCLE = "Speaking up at the bed meeting"
CHIDI_BOARD = "Writing for the board"


@dataclass
class CoachDesk:
    """A coach's journal and the participants' own journals, by card name."""

    coach: Journal
    people: dict[str, Journal] = field(default_factory=dict)
    ids: dict[str, str] = field(default_factory=dict)
    """Shared entry and cycle ids by title."""
    cycles: set[str] = field(default_factory=set)
    """The ids in `ids` that are cycles."""

    def join(self, folder: Path, key_store: KeyStore, name: str) -> Journal:
        """A participant's journal that has added the coach's card."""
        journal, _code = create_journal(folder / name, key_store)
        self.people[name] = pair_with_coach(journal, self.coach, name)
        return journal

    def entry(self, name: str, title: str, body: str, domains: list[Domain]) -> str:
        """A participant writes an entry."""
        entry = self.people[name].entries.create(title, body, domains)
        self.ids[title] = entry.id
        return entry.id

    def share(self, name: str, *titles: str) -> str:
        """The participant shares these (entries or cycles) and the coach imports the package."""
        journal = self.people[name]
        ids = [self.ids[t] for t in titles]
        entries = [i for i in ids if i not in self.cycles]
        cycles = [i for i in ids if i in self.cycles]
        return (
            ExchangeService(self.coach).import_package(send_share(journal, entries, cycles)).message
        )

    def fingerprint(self, name: str) -> str:
        """A participant's card fingerprint."""
        return card_fingerprint(self.people[name])

    def close(self) -> None:
        """Close every participant's journal (the coach's is closed by its fixture)."""
        for journal in self.people.values():
            journal.close()


def build_desk(coach: Journal, folder: Path, key_store: KeyStore) -> CoachDesk:
    """Three verified participants: Alex (two entries), Bea (an entry and a cycle), Chidi (one
    entry)."""
    coach.sharing.identity("Sam (coach)")
    desk = CoachDesk(coach)
    for name in ("Alex", "Bea", "Chidi"):
        desk.join(folder, key_store, name)
    desk.entry(
        "Alex",
        ALEX_HUDDLE,
        "I asked the team for their **concerns** first, then waited.",
        [Domain.TEAM],
    )
    desk.entry("Alex", ALEX_ROTA, "The rota gap is a system problem.", [Domain.ORGANISATION])
    desk.share("Alex", ALEX_HUDDLE, ALEX_ROTA)
    desk.entry("Bea", BEA_HANDOVER, "I noticed my own impatience.", [Domain.INDIVIDUAL])
    bea = desk.people["Bea"]
    inquiry = bea.cycles.create_inquiry("How do I speak up earlier?")
    cycle = bea.cycles.start_cycle(
        inquiry.id, "action-inquiry", title=BEA_CYCLE, domains=[Domain.INDIVIDUAL, Domain.TEAM]
    )
    bea.cycles.save_stage(cycle.id, "frame", "The bed meeting, with the site manager.")
    bea.cycles.save_stage(cycle.id, "intention", "I want to name the risk before the plan.")
    desk.ids[BEA_CYCLE] = cycle.id
    desk.cycles.add(cycle.id)
    desk.share("Bea", BEA_HANDOVER, BEA_CYCLE)
    desk.entry(
        "Chidi",
        CHIDI_BOARD,
        "The board paper asked for evidence from our team.",
        [Domain.ORGANISATION, Domain.TEAM],
    )
    desk.share("Chidi", CHIDI_BOARD)
    for name in desk.people:  # the coach compared fingerprints with each of them
        coach.sharing.verify(name, desk.fingerprint(name))
    return desk


class PackageChooser:
    """Stands in for the Save dialog: answers with a path (or None), keeps what it offered."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.suggested: list[str] = []

    def __call__(self, _parent: object, request: FileRequest) -> Path | None:
        self.suggested.append(request.suggested)
        return self.path
