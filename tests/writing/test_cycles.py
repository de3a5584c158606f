"""Cycles in the core: life cycle, linking, loop level and domain rules."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy.exc import OperationalError

from app.errors import JournalError, StorageError
from app.journal.opening import Journal
from app.supervision.session_records import ActionDraft, SessionKind
from app.writing.cycle_records import CycleStateError, CycleStatus, DomainRequiredError, LoopLevel
from app.writing.cycles import CARRIED_MARKER, CycleStore, without_carried_marker
from app.writing.domains import Domain
from app.writing.templates import StageRole


@pytest.fixture
def inquiry_id(journal: Journal) -> str:
    return journal.cycles.create_inquiry(
        "How do I get my team to raise concerns earlier?", domains=[Domain.TEAM]
    ).id


def _fill(journal: Journal, cycle_id: str, stage_ids: list[str]) -> None:
    for stage_id in stage_ids:
        journal.cycles.save_stage(cycle_id, stage_id, f"My {stage_id} text.")


BEFORE = ["frame", "intention", "strategy"]
AFTER = ["action", "outcomes", "learning", "next"]


def test_a_cycle_starts_planned_with_every_stage_and_the_template_domains(
    journal: Journal, inquiry_id: str
) -> None:
    cycle = journal.cycles.start_cycle(
        inquiry_id, "action-inquiry", experiment_date=date(2026, 3, 3)
    )
    assert cycle.status is CycleStatus.PLANNED
    assert cycle.loop is LoopLevel.NONE
    assert [s.stage_id for s in cycle.stages] == BEFORE + AFTER
    assert cycle.domains == (Domain.INDIVIDUAL,)
    assert cycle.current_stage == "frame"


def test_all_after_templates_start_in_progress(journal: Journal, inquiry_id: str) -> None:
    assert journal.cycles.start_cycle(inquiry_id, "gibbs").status is CycleStatus.IN_PROGRESS


def test_full_lifecycle_to_reviewed_and_the_next_experiment(
    journal: Journal, inquiry_id: str
) -> None:
    store = journal.cycles
    cycle = store.start_cycle(inquiry_id, "action-inquiry", domains=[Domain.TEAM])
    _fill(journal, cycle.id, BEFORE)
    assert store.get(cycle.id).current_stage == "strategy"
    assert store.get(cycle.id).reflection_began is None
    cycle = store.begin_reflection(cycle.id)
    assert cycle.status is CycleStatus.IN_PROGRESS
    assert cycle.current_stage == "action"
    began = cycle.reflection_began
    assert began is not None and began.tzinfo is not None
    _fill(journal, cycle.id, ["action", "outcomes"])
    with pytest.raises(CycleStateError, match="Learning"):
        store.finish(cycle.id)
    store.save_stage(cycle.id, "learning", "Silence was not agreement.")
    store.save_stage(cycle.id, "next", "Ask the night team at the 20:00 handover.\nFor two weeks.")
    store.update_cycle(cycle.id, loop=LoopLevel.DOUBLE, tags=["huddle"])
    reviewed = store.finish(cycle.id)
    assert reviewed.status is CycleStatus.REVIEWED and reviewed.loop is LoopLevel.DOUBLE
    assert reviewed.reflection_began == began  # finishing keeps when reflection began

    nxt = store.start_next(cycle.id, experiment_date=date(2026, 3, 20))
    assert nxt.previous_id == cycle.id and nxt.inquiry_id == inquiry_id
    assert nxt.status is CycleStatus.PLANNED
    assert nxt.domains == (Domain.TEAM,) and nxt.tags == ("huddle",)
    assert nxt.title == "Ask the night team at the 20:00 handover."
    assert nxt.experiment_date == date(2026, 3, 20)
    # The plan is context, not text the participant has to delete; planning goes on at Strategy.
    assert all(not s.text for s in nxt.stages)
    assert nxt.current_stage == "strategy"
    assert store.carried_plan(nxt) == "Ask the night team at the 20:00 handover.\nFor two weeks."
    assert [c.id for c in store.waiting_for_reflection(date(2026, 3, 20))] == [nxt.id]
    assert store.get(cycle.id).next_id == nxt.id
    with pytest.raises(CycleStateError, match="already led"):
        store.start_next(cycle.id)


def test_next_experiment_needs_a_reviewed_cycle(journal: Journal, inquiry_id: str) -> None:
    cycle = journal.cycles.start_cycle(inquiry_id, "action-inquiry")
    with pytest.raises(CycleStateError, match="Finish reviewing"):
        journal.cycles.start_next(cycle.id)


def test_a_cycle_keeps_at_least_one_domain_and_says_why(journal: Journal, inquiry_id: str) -> None:
    cycle = journal.cycles.start_cycle(inquiry_id, "action-inquiry")
    with pytest.raises(DomainRequiredError, match="balance of your reflection"):
        journal.cycles.update_cycle(cycle.id, domains=[])
    with pytest.raises(DomainRequiredError):
        journal.cycles.start_cycle(inquiry_id, "action-inquiry", domains=[])
    assert journal.cycles.get(cycle.id).domains == (Domain.INDIVIDUAL,)


def test_stage_text_keeps_a_version_per_editing_run(journal: Journal, inquiry_id: str) -> None:
    now = [datetime(2026, 3, 2, 9, 0, tzinfo=UTC)]
    store = CycleStore(journal.engine, journal.templates, clock=lambda: now[0])
    cycle = store.start_cycle(inquiry_id, "quick-capture")

    def type_at(minutes: int, text: str) -> None:
        now[0] = datetime(2026, 3, 2, 9, 0, tzinfo=UTC) + timedelta(minutes=minutes)
        store.save_stage(cycle.id, "surprise", text)

    type_at(1, "first")  # an empty stage keeps no version
    type_at(2, "first words")  # a run starts: "first" is kept
    type_at(3, "first words typed")  # same run: nothing more kept
    type_at(20, "after a break")  # a quiet spell ended the run
    type_at(21, "after a break, more")
    assert [v.text for v in store.stage_versions(cycle.id, "surprise")] == [
        "first words typed",
        "first",
    ]
    store.save_stage(cycle.id, "surprise", "first", keep_version=True)  # restoring keeps all
    assert store.stage_versions(cycle.id, "surprise")[0].text == "after a break, more"


def test_leadership_dimensions_are_checked(journal: Journal, inquiry_id: str) -> None:
    cycle = journal.cycles.start_cycle(inquiry_id, "kolb")
    updated = journal.cycles.update_cycle(
        cycle.id, dimensions=["engaging-the-team", "leading-with-care"]
    )
    assert updated.dimensions == ("engaging-the-team", "leading-with-care")
    with pytest.raises(JournalError, match="not a Healthcare Leadership dimension"):
        journal.cycles.update_cycle(cycle.id, dimensions=["charisma"])


def test_waiting_for_reflection_lists_planned_cycles_whose_date_passed(
    journal: Journal, inquiry_id: str
) -> None:
    store = journal.cycles
    due = store.start_cycle(inquiry_id, "action-inquiry", experiment_date=date(2026, 3, 1))
    store.start_cycle(inquiry_id, "action-inquiry", experiment_date=date(2026, 3, 9))
    store.start_cycle(inquiry_id, "action-inquiry")
    assert [c.id for c in store.waiting_for_reflection(date(2026, 3, 2))] == [due.id]
    store.begin_reflection(due.id)
    assert store.waiting_for_reflection(date(2026, 3, 2)) == []
    assert [c.id for c in store.in_progress()] == [due.id]


def test_timeline_shows_intention_outcome_learning_and_loop(
    journal: Journal, inquiry_id: str
) -> None:
    store = journal.cycles
    first = store.start_cycle(inquiry_id, "action-inquiry", title="Ask first")
    store.save_stage(first.id, "intention", "Hear concerns early.")
    store.save_stage(first.id, "outcomes", "Two people spoke up.")
    store.save_stage(first.id, "learning", "Silence was not agreement.")
    store.update_cycle(first.id, loop=LoopLevel.SINGLE)
    steps = store.timeline(inquiry_id)
    assert [(s.title, s.intention, s.outcome, s.learning, s.loop) for s in steps] == [
        (
            "Ask first",
            "Hear concerns early.",
            "Two people spoke up.",
            "Silence was not agreement.",
            LoopLevel.SINGLE,
        )
    ]


@pytest.mark.parametrize(
    "template_id",
    [
        "action-inquiry",
        "gibbs",
        "kolb",
        "what-so-what-now-what",
        "nmc-reflective-account",
        "dilemma",
    ],
)
def test_every_template_with_a_learning_stage_puts_the_learning_on_the_timeline(
    journal: Journal, inquiry_id: str, template_id: str
) -> None:
    store = journal.cycles
    cycle = store.start_cycle(inquiry_id, template_id)
    for stage in cycle.stages:
        store.save_stage(cycle.id, stage.stage_id, f"Written in {stage.stage_id}.")
    template = journal.templates.get(template_id)
    learning_stage = template.stage_with_role(StageRole.LEARNING) if template else None
    assert learning_stage is not None
    (step,) = store.timeline(inquiry_id)
    assert step.learning == f"Written in {learning_stage.id}."


def test_a_template_without_a_learning_stage_says_so_rather_than_empty(
    journal: Journal, inquiry_id: str
) -> None:
    journal.cycles.start_cycle(inquiry_id, "quick-capture")
    (step,) = journal.cycles.timeline(inquiry_id)
    assert step.learning is None and step.intention is None
    assert step.outcome == ""


def test_a_cycle_carried_over_before_the_plan_was_context_keeps_its_text(
    journal: Journal, inquiry_id: str
) -> None:
    store = journal.cycles
    first = store.start_cycle(inquiry_id, "action-inquiry")
    _fill(journal, first.id, BEFORE + AFTER)
    store.finish(first.id)
    second = store.start_next(first.id)
    old_style = f"My next text.\n\n{CARRIED_MARKER}"
    second = store.save_stage(second.id, "strategy", old_style)
    assert store.carried_plan(second) == ""  # already in the cycle's own words: not repeated
    assert without_carried_marker(old_style) == "My next text."
    assert without_carried_marker("Plain text.\n") == "Plain text.\n"


def test_an_entry_becomes_the_first_stage_of_a_cycle(journal: Journal, inquiry_id: str) -> None:
    entry = journal.entries.create(
        "Bed meeting", "I kept quiet again.", [Domain.ORGANISATION], ["flow"]
    )
    cycle = journal.cycles.cycle_from_entry(entry.id, inquiry_id, "what-so-what-now-what")
    assert cycle.text("what") == "I kept quiet again."
    assert cycle.title == "Bed meeting"
    assert cycle.domains == (Domain.ORGANISATION,) and cycle.tags == ("flow",)
    assert journal.entries.get(entry.id).deleted is not None  # moved, not copied
    assert journal.entries.count() == 0


def test_turning_an_entry_into_a_cycle_is_all_or_nothing(journal: Journal, inquiry_id: str) -> None:
    entry = journal.entries.create("Bed meeting", "I kept quiet again.")
    calls: list[datetime] = []

    def failing_clock() -> datetime:
        if calls:  # the cycle is in the session; trashing the entry fails
            raise JournalError("The disk is full.")
        calls.append(datetime(2026, 3, 1, tzinfo=UTC))
        return calls[0]

    store = CycleStore(journal.engine, journal.templates, clock=failing_clock)
    with pytest.raises(JournalError, match="disk is full"):
        store.cycle_from_entry(entry.id, inquiry_id, "what-so-what-now-what")
    assert journal.cycles.summaries() == []  # no half-made cycle
    assert journal.entries.get(entry.id).deleted is None


def test_a_trashed_entry_is_not_turned_into_a_second_cycle(
    journal: Journal, inquiry_id: str
) -> None:
    entry = journal.entries.create("Bed meeting", "I kept quiet again.")
    journal.cycles.cycle_from_entry(entry.id, inquiry_id, "kolb")
    with pytest.raises(CycleStateError, match="in the trash"):
        journal.cycles.cycle_from_entry(entry.id, inquiry_id, "kolb")
    assert len(journal.cycles.cycles_in(inquiry_id)) == 1


def test_undo_and_redo_of_an_entry_turned_into_a_cycle(journal: Journal, inquiry_id: str) -> None:
    entry = journal.entries.create("Bed meeting", "I kept quiet again.")
    cycle = journal.cycles.cycle_from_entry(
        entry.id, inquiry_id, "kolb", title="Speaking up", experiment_date=date(2026, 3, 3)
    )
    assert (cycle.title, cycle.experiment_date) == ("Speaking up", date(2026, 3, 3))
    journal.cycles.save_stage(cycle.id, "experience", "Written after the turn.")

    journal.cycles.undo_cycle_from_entry(entry.id, cycle.id)
    assert journal.entries.get(entry.id).deleted is None
    assert journal.cycles.get(cycle.id).deleted is not None
    assert journal.cycles.cycles_in(inquiry_id) == []
    assert journal.cycles.get(cycle.id).text("experience") == "Written after the turn."

    journal.cycles.redo_cycle_from_entry(entry.id, cycle.id)
    assert journal.entries.get(entry.id).deleted is not None
    assert [c.id for c in journal.cycles.cycles_in(inquiry_id)] == [cycle.id]


def test_unknown_template_is_named(journal: Journal, inquiry_id: str) -> None:
    with pytest.raises(JournalError, match="no template called 'nope'"):
        journal.cycles.start_cycle(inquiry_id, "nope")


def test_lines_of_inquiry_need_a_question(journal: Journal) -> None:
    with pytest.raises(JournalError, match="needs a question"):
        journal.cycles.create_inquiry("   ")


def test_reaching_the_plan_is_remembered(journal: Journal, inquiry_id: str) -> None:
    from app.writing.cycle_records import PLANNED_MARK

    cycle = journal.cycles.start_cycle(inquiry_id, "action-inquiry")
    assert not cycle.reached_plan
    journal.cycles.set_current_stage(cycle.id, PLANNED_MARK)
    assert journal.cycles.get(cycle.id).reached_plan
    journal.cycles.set_current_stage(cycle.id, "no-such-stage")
    assert journal.cycles.get(cycle.id).current_stage == PLANNED_MARK


def test_cycle_tags_are_offered_and_survive_emptying_the_trash(
    journal: Journal, inquiry_id: str
) -> None:
    cycle = journal.cycles.start_cycle(inquiry_id, "kolb")
    journal.cycles.update_cycle(cycle.id, tags=["rota"])
    gone = journal.entries.create("x", "y", tags=["rota", "temporary"])
    journal.entries.trash(gone.id)
    journal.entries.empty_trash()
    assert journal.entries.all_tags() == ["rota"]
    assert journal.cycles.get(cycle.id).tags == ("rota",)


def test_cycles_are_counted_per_line_of_inquiry(journal: Journal, inquiry_id: str) -> None:
    other = journal.cycles.create_inquiry("Another question?").id
    for _ in range(3):
        journal.cycles.start_cycle(inquiry_id, "kolb")
    gone = journal.cycles.start_cycle(other, "kolb")
    journal.cycles.trash(gone.id)
    assert journal.cycles.counts_by_inquiry() == {inquiry_id: 3}


def _rows(journal: Journal, sql: str, cycle_id: str) -> int:
    with journal.engine.connect() as connection:
        return int(connection.exec_driver_sql(sql, (cycle_id,)).scalar() or 0)


def test_trashed_cycles_are_listed_apart_newest_trashed_first(
    journal: Journal, inquiry_id: str
) -> None:
    clock = iter(datetime(2026, 3, day, tzinfo=UTC) for day in range(1, 20))
    store = CycleStore(journal.engine, journal.templates, clock=lambda: next(clock))
    first = store.start_cycle(inquiry_id, "kolb", title="First")
    second = store.start_cycle(inquiry_id, "kolb", title="Second")
    live = store.start_cycle(inquiry_id, "kolb", title="Live")
    store.trash(second.id)
    store.trash(first.id)
    trashed = store.trashed_summaries()
    assert [(c.title, c.deleted is not None) for c in trashed] == [
        ("First", True),
        ("Second", True),
    ]
    assert store.trashed_count() == 2
    assert [c.id for c in store.summaries()] == [live.id]
    assert store.summaries()[0].deleted is None


def test_delete_forever_takes_everything_of_the_cycle_with_it(
    journal: Journal, inquiry_id: str
) -> None:
    cycles = journal.cycles
    kept = cycles.start_cycle(inquiry_id, "kolb", title="Kept")
    cycles.update_cycle(kept.id, tags=["rota"])
    gone = cycles.start_cycle(inquiry_id, "action-inquiry", title="Started by mistake")
    cycles.update_cycle(gone.id, tags=["rota", "mistake"], dimensions=[])
    cycles.save_stage(gone.id, "frame", "zebrafish rota")
    cycles.save_stage(gone.id, "frame", "zebrafish rota, changed", keep_version=True)
    action = journal.sessions.record(
        SessionKind.COACHING, date(2026, 3, 2), actions=[ActionDraft("Speak up")]
    ).actions[0]
    journal.sessions.link_evidence(action.id, cycle_id=gone.id)
    follower = cycles.start_cycle(inquiry_id, "kolb", previous_id=gone.id)

    with pytest.raises(CycleStateError, match="trash before"):
        cycles.delete_forever(gone.id)  # a live cycle is not deleted by mistake
    cycles.trash(gone.id)
    cycles.delete_forever(gone.id)

    with pytest.raises(JournalError):
        cycles.get(gone.id)
    assert cycles.stage_versions(gone.id, "frame") == []
    count = "SELECT count(*) FROM {} WHERE {} = ?"
    assert _rows(journal, count.format("cycle_stages", "cycle_id"), gone.id) == 0
    assert _rows(journal, count.format("cycle_tags", "cycle_id"), gone.id) == 0
    assert _rows(journal, count.format("search_docs", "item_id"), gone.id) == 0
    assert _rows(journal, count.format("action_evidence", "cycle_id"), gone.id) == 0
    assert journal.sessions.get(action.session_id).actions[0].evidence_cycles == ()
    assert cycles.get(follower.id).previous_id is None
    assert journal.search.search("zebrafish").hits == []
    assert journal.entries.all_tags() == ["rota"]  # "mistake" went with the cycle
    assert cycles.get(kept.id).tags == ("rota",)


def test_emptying_the_trash_deletes_every_trashed_cycle(journal: Journal, inquiry_id: str) -> None:
    cycles = journal.cycles
    live = cycles.start_cycle(inquiry_id, "kolb", title="Live")
    for title in ("One", "Two"):
        cycles.trash(cycles.start_cycle(inquiry_id, "kolb", title=title).id)
    assert cycles.empty_trash() == 2
    assert cycles.trashed_count() == 0
    assert [c.id for c in cycles.all_records()] == [live.id]
    assert cycles.empty_trash() == 0


def _disk_fails(*_args: object, **_kwargs: object) -> None:
    raise OperationalError("INSERT", {}, Exception("disk I/O error"))


DISK_MESSAGE = (
    "The journal could not be saved or read: the disk could not be read or written "
    "(was a drive removed?)."
)


def test_a_next_experiment_that_fails_half_way_leaves_no_half_made_cycle(
    journal: Journal, inquiry_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = journal.cycles
    cycle = store.start_cycle(inquiry_id, "gibbs")
    for stage in store.templates.get("gibbs").stages:  # type: ignore[union-attr]
        store.save_stage(cycle.id, stage.id, f"My {stage.id} text.")
    store.update_cycle(cycle.id, tags=["huddle"])
    store.finish(cycle.id)
    # The cycle row is written before its tags: the tags' step is the one that fails.
    monkeypatch.setattr("app.writing.cycles.tag_rows", _disk_fails)
    with pytest.raises(StorageError) as failed:
        store.start_next(cycle.id)
    assert str(failed.value) == DISK_MESSAGE
    assert [c.id for c in store.cycles_in(inquiry_id)] == [cycle.id]
    assert store.get(cycle.id).next_id is None


def test_a_line_of_inquiry_and_its_first_cycle_start_together_or_not_at_all(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = journal.cycles
    monkeypatch.setattr(CycleStore, "_new_cycle", _disk_fails)
    with pytest.raises(StorageError) as failed:
        store.start_inquiry("Why do handovers run late?", [Domain.TEAM], "gibbs")
    assert str(failed.value) == DISK_MESSAGE
    assert store.inquiries() == []  # no line of inquiry left without its cycle
    monkeypatch.undo()

    cycle = store.start_inquiry(
        "Why do handovers run late?", [Domain.TEAM], "gibbs", title="Monday's handover"
    )
    [inquiry] = store.inquiries()
    assert (cycle.inquiry_id, cycle.title, cycle.domains) == (
        inquiry.id,
        "Monday's handover",
        (Domain.TEAM,),
    )
    assert inquiry.question == "Why do handovers run late?"


def test_an_entry_turned_into_a_new_line_of_inquiry_stays_put_when_it_fails(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry = journal.entries.create(title="Handover", body="It ran late again.")
    monkeypatch.setattr("app.writing.cycles.tag_rows", _disk_fails)
    with pytest.raises(StorageError):
        journal.cycles.start_inquiry(
            "Why do handovers run late?", [Domain.TEAM], "gibbs", entry_id=entry.id
        )
    assert journal.cycles.inquiries() == []
    assert journal.entries.get(entry.id).deleted is None
    monkeypatch.undo()

    cycle = journal.cycles.start_inquiry(
        "Why do handovers run late?", [Domain.TEAM], "gibbs", title="", entry_id=entry.id
    )
    assert cycle.stages[0].text == "It ran late again."
    assert journal.entries.get(entry.id).deleted is not None
