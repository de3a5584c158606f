"""Which screen the flow shows, for each state a cycle can be in."""

from __future__ import annotations

from datetime import date

from app.journal.opening import Journal
from app.ui.cycles import flow_steps as steps
from app.ui.cycles.flow_steps import PLANNED, REVIEW, TRIED_YET, Place, Screen
from app.writing.cycle_records import PLANNED_MARK


def planned_cycle(journal: Journal) -> str:
    inquiry = journal.cycles.create_inquiry("Escalation on nights")
    return journal.cycles.start_cycle(inquiry.id, "action-inquiry").id


def where(journal: Journal, cycle_id: str) -> Place:
    cycle = journal.cycles.get(cycle_id)
    return steps.resume_place(cycle, journal.templates.get(cycle.template_id))


def test_a_planned_cycle_offers_only_the_stages_before_the_experiment(journal):
    cycle_id = planned_cycle(journal)
    cycle = journal.cycles.get(cycle_id)
    template = journal.templates.get("action-inquiry")
    ids = [s.id for s in steps.offered_stages(cycle, template)]
    assert ids == ["frame", "intention", "strategy"]
    after_plan = steps.next_place(cycle, template, Place(Screen.STAGE, "strategy"))
    assert after_plan == PLANNED
    assert steps.previous_place(cycle, template, PLANNED) == Place(Screen.STAGE, "strategy")


def test_resuming_follows_where_the_person_was(journal):
    cycle_id = planned_cycle(journal)
    assert where(journal, cycle_id) == Place(Screen.STAGE, "frame")
    journal.cycles.save_stage(cycle_id, "frame", "Nights")
    journal.cycles.save_stage(cycle_id, "intention", "Earlier calls")
    assert where(journal, cycle_id) == Place(Screen.STAGE, "intention")
    journal.cycles.save_stage(cycle_id, "strategy", "Ask at 22:00")
    # Still writing the plan's last stage: back to it, not on to the experiment.
    assert where(journal, cycle_id) == Place(Screen.STAGE, "strategy")
    journal.cycles.set_current_stage(cycle_id, PLANNED_MARK)  # the "planned" screen was seen
    assert where(journal, cycle_id) == TRIED_YET
    journal.cycles.begin_reflection(cycle_id)
    assert where(journal, cycle_id) == Place(Screen.STAGE, "action")


def test_a_written_plan_whose_date_has_come_asks_whether_it_was_tried(journal):
    cycle_id = planned_cycle(journal)
    for stage in ("frame", "intention", "strategy"):
        journal.cycles.save_stage(cycle_id, stage, "Written")
    journal.cycles.update_cycle(cycle_id, experiment_date=date(2025, 3, 14))
    cycle = journal.cycles.get(cycle_id)
    template = journal.templates.get(cycle.template_id)
    assert steps.resume_place(cycle, template, date(2025, 3, 13)) == Place(Screen.STAGE, "strategy")
    assert steps.resume_place(cycle, template, date(2025, 3, 14)) == TRIED_YET


def test_a_stage_the_template_lost_is_still_offered(journal):
    cycle_id = planned_cycle(journal)
    journal.cycles.begin_reflection(cycle_id)
    cycle = journal.cycles.get(cycle_id)
    stages = steps.cycle_stages(cycle, None)  # the template file was removed
    assert [s.title for s in stages] == [s.title for s in cycle.stages]
    assert all(not s.prompt for s in stages)
    assert steps.next_place(cycle, None, Place(Screen.STAGE, "next")) == REVIEW
