"""Where lines of inquiry and cycles stand, and how deep a cycle's learning reached.

Kept apart from app/writing/cycle_records.py (the records) so that a search, which filters by these,
loads only them.
"""

from __future__ import annotations

from enum import StrEnum


class InquiryStatus(StrEnum):
    """Where a line of inquiry stands."""

    OPEN = "open"
    PAUSED = "paused"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        """The word shown to people."""
        return self.value.capitalize()


class CycleStatus(StrEnum):
    """Where a cycle stands: planned, tried and being reflected on, or reviewed."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    REVIEWED = "reviewed"

    @property
    def label(self) -> str:
        """The words shown to people."""
        return {"planned": "Planned", "in_progress": "In progress", "reviewed": "Reviewed"}[
            self.value
        ]


class LoopLevel(StrEnum):
    """How deep the learning from a cycle reached."""

    NONE = "none"
    SINGLE = "single"
    DOUBLE = "double"
    TRIPLE = "triple"

    @property
    def label(self) -> str:
        """The words shown to people."""
        return _LOOP_LABELS[self][0]

    @property
    def explanation(self) -> str:
        """What reaching this loop means, in one line."""
        return _LOOP_LABELS[self][1]


_LOOP_LABELS = {
    LoopLevel.NONE: ("None yet", "No loop reached yet, or not chosen yet."),
    LoopLevel.SINGLE: ("Single loop", "Next time I will act differently by..."),
    LoopLevel.DOUBLE: ("Double loop", "The assumption or strategy I need to change is..."),
    LoopLevel.TRIPLE: ("Triple loop", "This has changed what I notice or aim for."),
}
