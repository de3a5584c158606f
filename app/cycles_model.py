"""The vocabulary of cycles and lines of inquiry: statuses, loops, dimensions and records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from app.domains import Domain
from app.errors import JournalError


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


# The nine dimensions of the NHS Healthcare Leadership Model (an optional second tag set).
LEADERSHIP_DIMENSIONS: dict[str, str] = {
    "inspiring-shared-purpose": "Inspiring shared purpose",
    "leading-with-care": "Leading with care",
    "evaluating-information": "Evaluating information",
    "connecting-our-service": "Connecting our service",
    "sharing-the-vision": "Sharing the vision",
    "engaging-the-team": "Engaging the team",
    "holding-to-account": "Holding to account",
    "developing-capability": "Developing capability",
    "influencing-for-results": "Influencing for results",
}


PLANNED_MARK = "@planned"
"""`current_stage` value meaning: the plan is written and the experiment is waiting."""


class DomainRequiredError(JournalError):
    """A cycle or line of inquiry was left with no domain of experience."""

    def __init__(self) -> None:
        super().__init__(
            "Choose at least one domain of experience. The domains show you and your coach "
            "the balance of your reflection across yourself, your team and the wider "
            "organisation."
        )


class CycleStateError(JournalError):
    """A step that does not fit the cycle's status (finishing with stages left, say)."""


@dataclass(frozen=True)
class InquiryRecord:
    """A line of inquiry."""

    id: str
    question: str
    description: str
    status: InquiryStatus
    domains: tuple[Domain, ...]
    created: datetime
    updated: datetime


@dataclass(frozen=True)
class StageText:
    """What the participant wrote for one stage."""

    stage_id: str
    title: str
    text: str
    updated: datetime


@dataclass(frozen=True)
class StageVersionRecord:
    """An earlier text of one stage."""

    id: int
    text: str
    written: datetime
    replaced: datetime


@dataclass(frozen=True)
class CycleRecord:
    """One whole cycle."""

    id: str
    inquiry_id: str
    template_id: str
    title: str
    status: CycleStatus
    loop: LoopLevel
    experiment_date: date | None
    previous_id: str | None
    next_id: str | None
    current_stage: str
    domains: tuple[Domain, ...]
    dimensions: tuple[str, ...]
    tags: tuple[str, ...]
    stages: tuple[StageText, ...]
    created: datetime
    updated: datetime
    deleted: datetime | None = None
    bring_to_supervision: bool = False
    share_with_coach: bool = False

    @property
    def reached_plan(self) -> bool:
        """True once the participant finished planning and left the experiment to happen."""
        return self.current_stage == PLANNED_MARK

    def text(self, stage_id: str) -> str:
        """The text of a stage ("" if empty or not in this cycle)."""
        return next((s.text for s in self.stages if s.stage_id == stage_id), "")

    @property
    def display_title(self) -> str:
        """The title, or the first line written, or a placeholder."""
        if self.title.strip():
            return self.title.strip()
        for stage in self.stages:
            for line in stage.text.splitlines():
                if line.strip():
                    return line.strip().lstrip("#").strip()[:80]
        return "Untitled cycle"


@dataclass(frozen=True)
class CycleSummary:
    """What a list row shows about a cycle (no stage texts)."""

    id: str
    inquiry_id: str
    title: str
    template_id: str
    status: CycleStatus
    loop: LoopLevel
    experiment_date: date | None
    domains: tuple[Domain, ...]
    created: datetime
    updated: datetime
    deleted: datetime | None = None


@dataclass(frozen=True)
class TimelineStep:
    """One cycle as a line of inquiry's timeline shows it."""

    cycle_id: str
    title: str
    status: CycleStatus
    loop: LoopLevel
    intention: str | None
    """None when the cycle's template has no stage for it (so too below)."""
    outcome: str | None
    learning: str | None
    experiment_date: date | None
