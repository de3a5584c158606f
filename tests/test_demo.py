"""The demo journal is built from its shipped data file, all of it, and only from a valid one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.demo import DemoDataError, DemoJournal, load_demo
from app.journal.opening import Journal
from app.resources import shipped_demo_file

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
TODAY = NOW.date()


def test_every_item_in_the_shipped_data_is_in_the_demo_journal(journal: Journal) -> None:
    demo = load_demo(templates=journal.templates)  # valid: every key known, every stage there
    DemoJournal(journal).fill(NOW)

    entries = {e.title: e for e in journal.entries.all_records()}
    assert set(entries) == {e.title for e in demo.entries}
    for entry in demo.entries:
        made = entries[entry.title]
        assert (made.body, set(made.domains), set(made.tags)) == (
            entry.body,
            set(entry.domains),
            set(entry.tags),
        )
        assert made.created.date() == TODAY - timedelta(days=entry.days_ago)
        assert (made.bring_to_supervision, made.share_with_coach) == (
            entry.bring_to_supervision,
            entry.share_with_coach,
        )

    inquiries = {i.question: i for i in journal.cycles.inquiries()}
    assert set(inquiries) == {i.question for i in demo.inquiries}
    for inquiry in demo.inquiries:
        made_inquiry = inquiries[inquiry.question]
        assert (made_inquiry.description, set(made_inquiry.domains), made_inquiry.status) == (
            inquiry.description,
            set(inquiry.domains),
            inquiry.status,
        )
        cycles = journal.cycles.cycles_in(made_inquiry.id)
        assert [c.title for c in cycles] == [c.title for c in inquiry.cycles]
        for spec, cycle in zip(inquiry.cycles, cycles, strict=True):
            assert (cycle.template_id, cycle.status, cycle.loop, set(cycle.domains)) == (
                spec.template,
                spec.status,
                spec.loop,
                set(spec.domains),
            )
            assert (set(cycle.tags), cycle.dimensions) == (set(spec.tags), spec.dimensions)
            assert {s.stage_id: s.text for s in cycle.stages if s.text} == spec.stages
            assert cycle.created.date() == TODAY - timedelta(days=spec.days_ago)
            days = spec.experiment_in_days
            assert cycle.experiment_date == (None if days is None else TODAY + timedelta(days))
            assert (cycle.previous_id is not None) == spec.follows_previous
            assert cycle.bring_to_supervision == spec.bring_to_supervision
            assert cycle.share_with_coach == spec.share_with_coach

    titles = {c.id: c.title for c in journal.cycles.all_records()}
    sessions = journal.sessions.all()
    assert len(sessions) == len(demo.sessions)
    for held, session in zip(demo.sessions, sessions, strict=True):
        assert (session.kind, session.with_whom, session.wants, session.notes) == (
            held.kind,
            held.with_whom,
            held.wants,
            held.notes,
        )
        assert session.held_on == TODAY - timedelta(days=held.days_ago)
        assert [
            (a.what, a.with_whom, a.how_i_will_know, a.status, a.progress) for a in session.actions
        ] == [(a.what, a.with_whom, a.how_i_will_know, a.status, a.progress) for a in held.actions]
        assert [[titles[c] for c in a.evidence_cycles] for a in session.actions] == [
            list(a.evidence_cycles) for a in held.actions
        ]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (("days_ago = 2", "days_agoo = 2"), "entries 1 needs 'days_ago'"),
        (("tags = [", "flagged = true\ntags = ["), "entries 1: unknown key 'flagged'"),
        (('status = "reviewed"', 'status = "finished"'), "'finished' is not a CycleStatus"),
        (("days_ago = 2", 'days_ago = "2"'), "'days_ago' should be a int"),
        (('template = "gibbs"', 'template = "gibs"'), "names a template or stage"),
        (("frame = ", "frames = "), "names a template or stage"),
        (('evidence_cycles = ["Try', 'evidence_cycles = ["Tried'), "evidence names one of them"),
    ],
)
def test_a_broken_data_file_is_refused_saying_where(
    journal: Journal, tmp_path: Path, change: tuple[str, str], problem: str
) -> None:
    text = shipped_demo_file().read_text(encoding="utf-8")
    assert change[0] in text
    broken = tmp_path / "demo.toml"
    broken.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    with pytest.raises(DemoDataError, match=problem):
        load_demo(broken, journal.templates)


def test_a_cycle_whose_stages_lead_to_another_status_is_refused(
    journal: Journal, tmp_path: Path
) -> None:
    text = shipped_demo_file().read_text(encoding="utf-8")
    broken = tmp_path / "demo.toml"
    broken.write_text(text.replace('status = "planned"', 'status = "reviewed"', 1), "utf-8")
    with pytest.raises(DemoDataError, match="'Hand the question to the band 6 nurses'"):
        DemoJournal(journal).fill(NOW, load_demo(broken, journal.templates))
