"""Small documents and journals for the summary tests."""

from __future__ import annotations

from dataclasses import dataclass

from app.domains import Domain
from app.journal import Journal

NHS_NUMBER = "943 476 5919"
NAME = "Mrs Patel"
RISKY_BODY = (
    f"The family of {NAME} asked why the discharge slipped; I checked NHS no {NHS_NUMBER} "
    "against the list before I answered."
)


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
