"""Where the guided flow is and where it goes next: which screens a cycle offers, in order.

No widgets here, so the rules can be read (and tested) on their own. A cycle's own stages are
the source of truth; the template adds prompts, hints and before/after. A stage the template no
longer has is still offered, with its stored title and no prompt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from app.writing.cycle_records import CycleRecord, CycleStatus
from app.writing.templates import Stage, StageTiming, Template


class Screen(StrEnum):
    """The kinds of screen the flow shows."""

    STAGE = "stage"
    PLANNED = "planned"
    TRIED_YET = "tried_yet"
    REVIEW = "review"


@dataclass(frozen=True)
class Place:
    """One screen of the flow: a stage (with its id) or one of the special screens."""

    screen: Screen
    stage_id: str = ""


PLANNED = Place(Screen.PLANNED)
TRIED_YET = Place(Screen.TRIED_YET)
REVIEW = Place(Screen.REVIEW)


def cycle_stages(cycle: CycleRecord, template: Template | None) -> list[Stage]:
    """Every stage of the cycle in order, described by its template where it can be."""
    stages = []
    for stored in cycle.stages:
        known = template.stage(stored.stage_id) if template else None
        stages.append(known or Stage(stored.stage_id, stored.title, "", required=False))
    return stages


def offered_stages(cycle: CycleRecord, template: Template | None) -> list[Stage]:
    """The stages the flow offers now: only the before-stages while the cycle is planned."""
    stages = cycle_stages(cycle, template)
    if cycle.status is CycleStatus.PLANNED:
        return [s for s in stages if s.when is StageTiming.BEFORE]
    return stages


def planning_written(cycle: CycleRecord, template: Template | None) -> bool:
    """True when every before-stage that matters has text, the last one included."""
    before = [s for s in cycle_stages(cycle, template) if s.when is StageTiming.BEFORE]
    if not before:
        return True
    return bool(cycle.text(before[-1].id).strip()) and all(
        cycle.text(s.id).strip() for s in before if s.required
    )


def resume_place(
    cycle: CycleRecord,
    template: Template | None,
    today: date | None = None,
    *,
    carried_plan: bool = False,
) -> Place:
    """Where reopening a cycle should land.

    A reviewed cycle opens on its review. A planned cycle asks "Have you tried it yet?" once
    the plan was finished (the flow marks it, `reached_plan`), or once its experiment date has
    come with the plan written, or carried over from the cycle before (`carried_plan`);
    otherwise the flow resumes on the stage the person was on, the plan's last stage included
    (they may still be writing it).
    """
    if cycle.status is CycleStatus.REVIEWED:
        return REVIEW
    stages = offered_stages(cycle, template)
    if not stages:
        return TRIED_YET if cycle.status is CycleStatus.PLANNED else REVIEW
    current = next((s for s in stages if s.id == cycle.current_stage), None)
    if cycle.status is CycleStatus.PLANNED:
        day = cycle.experiment_date
        due = today is not None and day is not None and day <= today
        unknown_place = current is None
        planned = carried_plan or planning_written(cycle, template)
        if cycle.reached_plan or ((due or unknown_place) and planned):
            return TRIED_YET
    return Place(Screen.STAGE, (current or stages[0]).id)


def next_place(cycle: CycleRecord, template: Template | None, place: Place) -> Place | None:
    """The screen after `place`, or None when Next does not apply there."""
    stages = offered_stages(cycle, template)
    if place.screen is Screen.STAGE:
        ids = [s.id for s in stages]
        position = ids.index(place.stage_id) if place.stage_id in ids else len(ids) - 1
        if position + 1 < len(ids):
            return Place(Screen.STAGE, ids[position + 1])
        return PLANNED if cycle.status is CycleStatus.PLANNED else REVIEW
    return None


def previous_place(cycle: CycleRecord, template: Template | None, place: Place) -> Place | None:
    """The screen before `place`, or None at the very first stage."""
    stages = offered_stages(cycle, template)
    if not stages:
        return None
    ids = [s.id for s in stages]
    if place.screen is Screen.STAGE:
        position = ids.index(place.stage_id) if place.stage_id in ids else 0
        return Place(Screen.STAGE, ids[position - 1]) if position > 0 else None
    return Place(Screen.STAGE, ids[-1])


def stage_number(cycle: CycleRecord, template: Template | None, stage_id: str) -> tuple[int, int]:
    """(position counted from 1, number of stages in the whole cycle)."""
    ids = [s.id for s in cycle_stages(cycle, template)]
    return (ids.index(stage_id) + 1 if stage_id in ids else 0), len(ids)


def first_place(cycle: CycleRecord, template: Template | None) -> Place:
    """The first screen of the cycle as it stands."""
    stages = offered_stages(cycle, template)
    if stages:
        return Place(Screen.STAGE, stages[0].id)
    return TRIED_YET if cycle.status is CycleStatus.PLANNED else REVIEW


def first_after_place(cycle: CycleRecord, template: Template | None) -> Place:
    """Where reflection starts once the experiment has happened."""
    after = [s for s in cycle_stages(cycle, template) if s.when is StageTiming.AFTER]
    return Place(Screen.STAGE, after[0].id) if after else REVIEW
