"""A realistic sample journal for trying the app, built from the shipped data in
resources/demo/demo.toml (invented NHS leadership situations, no names)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

from app.journal.opening import Journal
from app.resources import shipped_demo_file
from app.supervision.session_records import ActionDraft, ActionStatus, SessionKind
from app.supervision.sessions import SessionStore
from app.writing.cycle_records import (
    PLANNED_MARK,
    CycleStateError,
    CycleStatus,
    InquiryStatus,
    LoopLevel,
)
from app.writing.cycles import CycleStore
from app.writing.domains import Domain
from app.writing.entries import EntryStore
from app.writing.templates import StageTiming, TemplateLibrary

E = TypeVar("E", bound=Enum)


class DemoDataError(ValueError):
    """The demo's data file is not as this module reads it (a bug in the shipped file)."""


@dataclass(frozen=True)
class DemoEntry:
    """A free entry written `days_ago`."""

    title: str
    body: str
    days_ago: int
    domains: tuple[Domain, ...]
    tags: tuple[str, ...]
    bring_to_supervision: bool
    share_with_coach: bool


@dataclass(frozen=True)
class DemoCycle:
    """A cycle started `days_ago`, written as far as its `status`."""

    title: str
    template: str
    days_ago: int
    experiment_in_days: int | None
    follows_previous: bool
    status: CycleStatus
    loop: LoopLevel
    domains: tuple[Domain, ...]
    tags: tuple[str, ...]
    dimensions: tuple[str, ...]
    bring_to_supervision: bool
    share_with_coach: bool
    stages: dict[str, str]


@dataclass(frozen=True)
class DemoInquiry:
    """A line of inquiry with its cycles, oldest first."""

    question: str
    description: str
    domains: tuple[Domain, ...]
    status: InquiryStatus
    cycles: tuple[DemoCycle, ...]


@dataclass(frozen=True)
class DemoAction:
    """An action agreed in a session, where it stands, and the cycles (by title) showing it."""

    what: str
    with_whom: str
    by_in_days: int | None
    how_i_will_know: str
    status: ActionStatus
    progress: str
    evidence_cycles: tuple[str, ...]


@dataclass(frozen=True)
class DemoSession:
    """A session held `days_ago`, with the actions agreed in it."""

    kind: SessionKind
    days_ago: int
    with_whom: str
    wants: str
    notes: str
    next_in_days: int | None
    actions: tuple[DemoAction, ...]


@dataclass(frozen=True)
class Demo:
    """Everything the demo journal holds, in the order it is written."""

    entries: tuple[DemoEntry, ...]
    inquiries: tuple[DemoInquiry, ...]
    sessions: tuple[DemoSession, ...]


def load_demo(path: Path | None = None, templates: TemplateLibrary | None = None) -> Demo:
    """Read and check the demo's data (the shipped file unless given another); with
    `templates`, also check that each cycle's template and stages exist."""
    path = path or shipped_demo_file()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise DemoDataError(f"{path.name} could not be read: {exc}.") from exc
    top = _Table(data, path.name)
    demo = Demo(
        tuple(_entry(t) for t in top.tables("entries")),
        tuple(_inquiry(t) for t in top.tables("inquiries")),
        tuple(_session(t) for t in top.tables("sessions")),
    )
    top.checked()
    titles = [c.title for i in demo.inquiries for c in i.cycles]
    shown = {t for s in demo.sessions for a in s.actions for t in a.evidence_cycles}
    if len(set(titles)) < len(titles) or not shown <= set(titles):
        raise DemoDataError("Each cycle needs its own title, and evidence names one of them.")
    for cycle in (c for i in demo.inquiries for c in i.cycles):
        template = templates.get(cycle.template) if templates else None
        stage_ids = {s.id for s in template.stages} if template else set()
        if templates and not (template and set(cycle.stages) <= stage_ids):
            raise DemoDataError(f"'{cycle.title}' names a template or stage that is not there.")
    return demo


class DemoJournal:
    """Fills a journal just made with the demo's data, through the stores:
    `DemoJournal(journal).fill()`. A tool for trying the app, not a feature of it."""

    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def fill(self, now: datetime | None = None, demo: Demo | None = None) -> None:
        """Write the demo's entries, lines of inquiry, cycles and sessions, each on its day
        counted back from `now` (the shipped demo unless given another)."""
        journal = self._journal
        demo = demo or load_demo(templates=journal.templates)
        now = now or datetime.now(UTC)
        today, clock = now.date(), _Clock(now)
        entries = EntryStore(journal.engine, clock=clock)
        cycles = CycleStore(journal.engine, journal.templates, clock=clock)
        for entry in demo.entries:
            clock.now = _morning(today, entry.days_ago)
            made = entries.create(entry.title, entry.body, entry.domains, entry.tags)
            if flags := _flags(entry.bring_to_supervision, entry.share_with_coach):
                entries.set_flags(made.id, **flags)
        cycle_ids: dict[str, str] = {}
        for inquiry in demo.inquiries:
            clock.now = _morning(today, max(c.days_ago for c in inquiry.cycles) + 1)
            inquiry_id = cycles.create_inquiry(
                inquiry.question, inquiry.description, inquiry.domains
            ).id
            previous_id: str | None = None
            for spec in inquiry.cycles:
                clock.now = _morning(today, spec.days_ago)
                previous_id = _add_cycle(cycles, clock, today, inquiry_id, spec, previous_id)
                cycle_ids[spec.title] = previous_id
            if inquiry.status is not InquiryStatus.OPEN:
                cycles.update_inquiry(inquiry_id, status=inquiry.status)
        for inquiry in demo.inquiries:
            for spec in inquiry.cycles:
                if flags := _flags(spec.bring_to_supervision, spec.share_with_coach):
                    cycles.set_flags(cycle_ids[spec.title], **flags)
        for session in demo.sessions:
            _add_session(
                SessionStore(journal.engine, clock=clock), clock, today, session, cycle_ids
            )


class _Clock:
    """A clock the demo moves to each moment it writes."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def _add_cycle(
    cycles: CycleStore,
    clock: _Clock,
    today: date,
    inquiry_id: str,
    spec: DemoCycle,
    previous_id: str | None,
) -> str:
    cycle = cycles.start_cycle(
        inquiry_id,
        spec.template,
        title=spec.title,
        domains=spec.domains,
        experiment_date=_day(today, spec.experiment_in_days),
        previous_id=previous_id if spec.follows_previous else None,
    )
    template = cycles.templates.get(spec.template)
    assert template is not None  # load_demo checked it
    for stage in template.stages:
        if stage.id in spec.stages:
            planned = cycles.get(cycle.id).status is CycleStatus.PLANNED
            if stage.when is StageTiming.AFTER and planned:
                clock.now += timedelta(days=3)  # the experiment happens, then reflection
                cycles.begin_reflection(cycle.id)
            cycles.save_stage(cycle.id, stage.id, spec.stages[stage.id])
    if cycles.get(cycle.id).status is CycleStatus.PLANNED:
        cycles.set_current_stage(cycle.id, PLANNED_MARK)  # the plan is written; it waits
    cycles.update_cycle(cycle.id, tags=spec.tags, dimensions=spec.dimensions, loop=spec.loop)
    if spec.status is CycleStatus.REVIEWED:
        try:
            cycles.finish(cycle.id)
        except CycleStateError as exc:
            raise DemoDataError(f"'{spec.title}': {exc}") from exc
    if cycles.get(cycle.id).status is not spec.status:
        raise DemoDataError(f"'{spec.title}' is written as far as another status.")
    return cycle.id


def _add_session(
    sessions: SessionStore,
    clock: _Clock,
    today: date,
    spec: DemoSession,
    cycle_ids: dict[str, str],
) -> None:
    clock.now = _morning(today, spec.days_ago)
    session = sessions.record(
        spec.kind,
        today - timedelta(days=spec.days_ago),
        with_whom=spec.with_whom,
        wants=spec.wants,
        notes=spec.notes,
        next_date=_day(today, spec.next_in_days),
        actions=[
            ActionDraft(a.what, a.with_whom, _day(today, a.by_in_days), a.how_i_will_know)
            for a in spec.actions
        ],
    )
    for action, made in zip(spec.actions, session.actions, strict=True):
        if action.status is not ActionStatus.OPEN or action.progress:
            sessions.update_action(made.id, status=action.status, progress=action.progress)
        for title in action.evidence_cycles:
            sessions.link_evidence(made.id, cycle_id=cycle_ids[title])


def _flags(bring: bool, share: bool) -> dict[str, bool]:
    return {
        name: True
        for name, on in (("bring_to_supervision", bring), ("share_with_coach", share))
        if on
    }


def _morning(today: date, days_ago: int) -> datetime:
    return datetime.combine(today - timedelta(days=days_ago), time(8, 30), tzinfo=UTC)


def _day(today: date, in_days: int | None) -> date | None:
    return None if in_days is None else today + timedelta(days=in_days)


# -- reading the data file ---------------------------------------------------------------------


def _entry(t: _Table) -> DemoEntry:
    entry = DemoEntry(
        t.text("title"),
        t.text("body"),
        t.number("days_ago"),
        t.domains(),
        t.texts("tags"),
        t.flag("bring_to_supervision"),
        t.flag("share_with_coach"),
    )
    t.checked()
    return entry


def _inquiry(t: _Table) -> DemoInquiry:
    inquiry = DemoInquiry(
        t.text("question"),
        t.text("description", ""),
        t.domains(),
        t.choice("status", InquiryStatus, InquiryStatus.OPEN),
        tuple(_cycle(c) for c in t.tables("cycles")),
    )
    t.checked()
    if not inquiry.cycles:
        raise DemoDataError(f"{t.where} has no cycles.")
    return inquiry


def _cycle(t: _Table) -> DemoCycle:
    cycle = DemoCycle(
        t.text("title"),
        t.text("template"),
        t.number("days_ago"),
        t.maybe_number("experiment_in_days"),
        t.flag("follows_previous"),
        t.choice("status", CycleStatus),
        t.choice("loop", LoopLevel, LoopLevel.NONE),
        t.domains(),
        t.texts("tags"),
        t.texts("dimensions"),
        t.flag("bring_to_supervision"),
        t.flag("share_with_coach"),
        t.strings("stages"),
    )
    t.checked()
    return cycle


def _session(t: _Table) -> DemoSession:
    session = DemoSession(
        t.choice("kind", SessionKind),
        t.number("days_ago"),
        t.text("with_whom", ""),
        t.text("wants", ""),
        t.text("notes", ""),
        t.maybe_number("next_in_days"),
        tuple(_action(a) for a in t.tables("actions")),
    )
    t.checked()
    return session


def _action(t: _Table) -> DemoAction:
    action = DemoAction(
        t.text("what"),
        t.text("with_whom", ""),
        t.maybe_number("by_in_days"),
        t.text("how_i_will_know", ""),
        t.choice("status", ActionStatus, ActionStatus.OPEN),
        t.text("progress", ""),
        t.texts("evidence_cycles"),
    )
    t.checked()
    return action


class _Table:
    """One table of the data file, read key by key; a key that is never read is refused."""

    def __init__(self, raw: object, where: str) -> None:
        if not isinstance(raw, dict):
            raise DemoDataError(f"{where} should be a table.")
        self._raw: dict[str, Any] = raw
        self._read: set[str] = set()
        self.where = where

    def _get(self, key: str, kind: type, default: object = None) -> Any:
        self._read.add(key)
        value = self._raw.get(key, default)
        if value is None:
            raise DemoDataError(f"{self.where} needs '{key}'.")
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            raise DemoDataError(f"{self.where}: '{key}' should be a {kind.__name__}.")
        return value

    def text(self, key: str, default: str | None = None) -> str:
        return str(self._get(key, str, default))

    def number(self, key: str) -> int:
        return int(self._get(key, int))

    def maybe_number(self, key: str) -> int | None:
        self._read.add(key)
        return self.number(key) if key in self._raw else None

    def flag(self, key: str) -> bool:
        return bool(self._get(key, bool, False))

    def texts(self, key: str) -> tuple[str, ...]:
        values = self._get(key, list, [])
        if not all(isinstance(v, str) for v in values):
            raise DemoDataError(f"{self.where}: '{key}' should list text.")
        return tuple(values)

    def strings(self, key: str) -> dict[str, str]:
        table = self._get(key, dict, {})
        if not all(isinstance(v, str) for v in table.values()):
            raise DemoDataError(f"{self.where}: '{key}' should hold text.")
        return dict(table)

    def choice(self, key: str, kind: type[E], default: E | None = None) -> E:
        return self._member(kind, self.text(key, None if default is None else default.value))

    def domains(self) -> tuple[Domain, ...]:
        return tuple(self._member(Domain, d) for d in self.texts("domains"))

    def tables(self, key: str) -> list[_Table]:
        values = self._get(key, list, [])
        return [_Table(v, f"{self.where}, {key} {n}") for n, v in enumerate(values, start=1)]

    def checked(self) -> None:
        """Refuse a key that nothing read (a misspelt key would otherwise be ignored)."""
        unknown = sorted(set(self._raw) - self._read)
        if unknown:
            raise DemoDataError(f"{self.where}: unknown key '{unknown[0]}'.")

    def _member(self, kind: type[E], raw: str) -> E:
        try:
            return kind(raw)
        except ValueError:
            raise DemoDataError(f"{self.where}: '{raw}' is not a {kind.__name__}.") from None
