"""Small documents and journals for the summary tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QWidget

from app.domains import Domain
from app.journal import Journal
from app.summary.export import SummaryFormat
from tests.support.data import RISKY_BODY


@dataclass(frozen=True)
class Sample:
    """A one-field document for the privacy check."""

    wants: str


def add_risky_entry(journal: Journal) -> str:
    """A flagged entry holding a name and an NHS number; returns its id."""
    entry = journal.entries.create(
        "A family asked about the delay", RISKY_BODY, [Domain.INDIVIDUAL], ["supervision"]
    )
    journal.entries.set_flags(entry.id, bring_to_supervision=True)
    return entry.id


class FileChooser:
    """Stands in for the Save dialog: answers with a path (or None) and records the asks."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.asked: list[tuple[str, SummaryFormat]] = []

    def __call__(self, _parent: QWidget, suggested: str, fmt: SummaryFormat) -> Path | None:
        self.asked.append((suggested, fmt))
        return self.path
