"""What a supervision or coaching summary holds, built from the journal for a period.

The sections follow DOMAIN.md: header, what I want, last actions, experiments by line of
inquiry, domain balance and themes, flagged dilemmas and entries, feedback, organisational
support, and coach comments.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from app.cycles_model import CycleRecord, CycleStatus, LoopLevel
from app.domains import Domain
from app.entries import EntryRecord
from app.journal import Journal
from app.sessions import ActionRecord, SessionKind
from app.templates import StageRole

FEEDBACK_TAGS = frozenset({"feedback", "360", "impact"})
SUPPORT_TAGS = frozenset({"support", "line manager", "sponsor", "hr", "barrier", "barriers"})
THEMES_SHOWN = 8


@dataclass(frozen=True)
class SummaryOptions:
    """What the participant chose for this summary."""

    since: date
    until: date
    role: str = "Participant"
    programme: str = ""
    session_kind: SessionKind = SessionKind.SUPERVISION
    session_date: date | None = None
    wants: str = ""
    cycle_ids: tuple[str, ...] | None = None
    entry_ids: tuple[str, ...] | None = None


@dataclass(frozen=True)
class ActionLine:
    """An action agreed last time, and how it went."""

    what: str
    with_whom: str
    by_when: str
    status: str
    progress: str
    evidence: tuple[str, ...]
    overdue: bool


@dataclass(frozen=True)
class Experiment:
    """One cycle as the summary tells it: intention -> action -> outcome -> loop."""

    title: str
    status: str
    loop: str
    intention: str
    action: str
    outcome: str
    learning: str
    domains: tuple[str, ...]


@dataclass(frozen=True)
class InquiryGroup:
    """The experiments of one line of inquiry."""

    question: str
    experiments: tuple[Experiment, ...]


@dataclass(frozen=True)
class Excerpt:
    """A flagged or tagged entry (or cycle), shortened for the summary."""

    title: str
    date: str
    text: str
    domains: tuple[str, ...]


@dataclass(frozen=True)
class Balance:
    """Counts per domain in the period, and the most used tags."""

    counts: tuple[tuple[str, int], ...]
    themes: tuple[tuple[str, int], ...]
    note: str


@dataclass(frozen=True)
class SupervisionSummary:
    """Everything the exported summary shows, as plain text ready to render."""

    title: str
    role: str
    programme: str
    session: str
    period: str
    wants: str
    actions: tuple[ActionLine, ...]
    inquiries: tuple[InquiryGroup, ...]
    balance: Balance
    flagged: tuple[Excerpt, ...]
    feedback: tuple[Excerpt, ...]
    support: tuple[Excerpt, ...]
    comments: tuple[Excerpt, ...] = field(default_factory=tuple)

    SECTION_TITLES = (
        "What I want from this session",
        "Actions agreed last time",
        "Experiments in this period",
        "Balance across the three domains",
        "Dilemmas and entries to bring",
        "Impact on others: feedback and my response",
        "Organisational support",
        "Coach comments",
    )


def _day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def _excerpt_of_entry(entry: EntryRecord, limit: int = 600) -> Excerpt:
    return Excerpt(
        title=entry.display_title,
        date=_day(entry.created.astimezone().date()),
        text=_shorten(entry.body, limit),
        domains=tuple(d.label for d in entry.domains),
    )


def _shorten(text: str, limit: int) -> str:
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(".,;:") + " …"


def default_period(journal: Journal, today: date) -> tuple[date, date]:
    """Since the last session (or 30 days) until today."""
    last = journal.sessions.last_before(today + timedelta(days=1))
    start = last.held_on if last else today - timedelta(days=30)
    return start, today


def default_selection(
    journal: Journal, since: date, until: date
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The cycles and entries that go in unless the participant chooses otherwise.

    Flagged cycles and entries, and cycles reviewed in the period.
    """
    start, end = _bounds(since, until)
    return _selection(journal, journal.cycles.records_changed(start, end))


def _selection(
    journal: Journal, period_cycles: list[CycleRecord]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Flagged cycles (oldest first), then those reviewed in the period; flagged entries."""
    flagged = journal.cycles.flagged_ids()
    reviewed = [
        c.id for c in period_cycles if c.status is CycleStatus.REVIEWED and c.id not in set(flagged)
    ]
    return tuple(flagged + reviewed), tuple(journal.entries.flagged_ids())


def _bounds(since: date, until: date) -> tuple[datetime, datetime]:
    start = datetime.combine(since, time.min).astimezone(UTC)
    end = datetime.combine(until + timedelta(days=1), time.min).astimezone(UTC)
    return start, end


def build_summary(journal: Journal, options: SummaryOptions, today: date) -> SupervisionSummary:
    """The summary for a period, from the journal (read only)."""
    start, end = _bounds(options.since, options.until)
    in_period = journal.entries.records_written(start, end)
    period_cycles = journal.cycles.records_changed(start, end)
    default_cycles, default_entries = _selection(journal, period_cycles)
    cycle_ids = options.cycle_ids if options.cycle_ids is not None else default_cycles
    entry_ids = options.entry_ids if options.entry_ids is not None else default_entries
    cycles = [journal.cycles.get(cid) for cid in cycle_ids]
    entries = [journal.entries.get(eid) for eid in entry_ids]
    session_day = options.session_date or today
    return SupervisionSummary(
        title=f"{options.session_kind.label} summary",
        role=options.role,
        programme=options.programme,
        session=f"{options.session_kind.label}, {_day(session_day)}",
        period=f"{_day(options.since)} to {_day(options.until)}",
        wants=options.wants.strip(),
        actions=_last_actions(journal, options, today),
        inquiries=_experiments(journal, cycles),
        balance=_balance(in_period, period_cycles),
        flagged=tuple(_excerpt_of_entry(e) for e in entries)
        + tuple(_cycle_excerpt(journal, c) for c in cycles if c.bring_to_supervision),
        feedback=_tagged(in_period, period_cycles, journal, FEEDBACK_TAGS),
        support=_tagged(in_period, period_cycles, journal, SUPPORT_TAGS),
    )


def _last_actions(journal: Journal, options: SummaryOptions, today: date) -> tuple[ActionLine, ...]:
    last = journal.sessions.last_before(options.until + timedelta(days=1))
    if last is None:
        return ()
    lines = []
    for action in last.actions:
        lines.append(_action_line(journal, action, today))
    return tuple(lines)


def _action_line(journal: Journal, action: ActionRecord, today: date) -> ActionLine:
    evidence = [journal.entries.get(e).display_title for e in action.evidence_entries]
    evidence += [journal.cycles.get(c).display_title for c in action.evidence_cycles]
    return ActionLine(
        what=action.what,
        with_whom=action.with_whom,
        by_when=_day(action.by_when) if action.by_when else "",
        status=action.status.label,
        progress=action.progress,
        evidence=tuple(evidence),
        overdue=action.overdue(today),
    )


def _text_for(journal: Journal, cycle: CycleRecord, role: StageRole, limit: int = 400) -> str:
    template = journal.templates.get(cycle.template_id)
    stage = template.stage_with_role(role) if template else None
    return _shorten(cycle.text(stage.id), limit) if stage else ""


def _experiments(journal: Journal, cycles: list[CycleRecord]) -> tuple[InquiryGroup, ...]:
    groups: dict[str, list[CycleRecord]] = {}
    for cycle in sorted(cycles, key=lambda c: c.created):
        groups.setdefault(cycle.inquiry_id, []).append(cycle)
    out = []
    for inquiry_id, members in groups.items():
        question = journal.cycles.inquiry(inquiry_id).question
        out.append(
            InquiryGroup(
                question=question,
                experiments=tuple(
                    Experiment(
                        title=c.display_title,
                        status=c.status.label,
                        loop=c.loop.label if c.loop is not LoopLevel.NONE else "None yet",
                        intention=_text_for(journal, c, StageRole.INTENTION),
                        action=_text_for(journal, c, StageRole.ACTION),
                        outcome=_text_for(journal, c, StageRole.OUTCOME),
                        learning=_text_for(journal, c, StageRole.LEARNING),
                        domains=tuple(d.label for d in c.domains),
                    )
                    for c in members
                ),
            )
        )
    return tuple(out)


def _balance(entries: list[EntryRecord], cycles: list[CycleRecord]) -> Balance:
    counts: Counter[Domain] = Counter()
    themes: Counter[str] = Counter()
    items: list[EntryRecord | CycleRecord] = [*entries, *cycles]
    for item in items:
        counts.update(item.domains)
        themes.update(t.casefold() for t in item.tags)
    ordered = tuple((d.label, counts.get(d, 0)) for d in Domain)
    total = sum(counts.values())
    if total == 0:
        note = "Nothing was written in this period."
    elif counts.get(Domain.INDIVIDUAL, 0) == total:
        note = (
            "All of this period's reflection stayed in the Individual domain: worth asking "
            "what is happening in the team and the wider organisation."
        )
    else:
        note = ""
    return Balance(ordered, tuple(themes.most_common(THEMES_SHOWN)), note)


def _cycle_excerpt(journal: Journal, cycle: CycleRecord) -> Excerpt:
    parts = [f"{s.title}: {s.text.strip()}" for s in cycle.stages if s.text.strip()]
    return Excerpt(
        title=cycle.display_title,
        date=_day(cycle.created.astimezone().date()),
        text=_shorten("\n\n".join(parts), 600),
        domains=tuple(d.label for d in cycle.domains),
    )


def _tagged(
    entries: list[EntryRecord],
    cycles: list[CycleRecord],
    journal: Journal,
    tags: frozenset[str],
) -> tuple[Excerpt, ...]:
    found = [_excerpt_of_entry(e, 400) for e in entries if tags & {t.casefold() for t in e.tags}]
    found += [_cycle_excerpt(journal, c) for c in cycles if tags & {t.casefold() for t in c.tags}]
    return tuple(found)
