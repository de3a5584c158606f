"""The vocabulary of cycles and lines of inquiry: statuses, loops, dimensions and records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from app.errors import JournalError

# The statuses and loops live apart so that a search (which filters by them) need not load
# the records below; they are re-exported here, where the rest of the app looks for them.
from app.writing.cycle_states import CycleStatus as CycleStatus
from app.writing.cycle_states import InquiryStatus as InquiryStatus
from app.writing.cycle_states import LoopLevel as LoopLevel
from app.writing.domains import Domain

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
    # When reflection on the experiment began (None while planned, or unknown for an older
    # cycle): Insights' days from experiment to reflection.
    reflection_began: datetime | None = None

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
