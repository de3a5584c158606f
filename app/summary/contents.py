"""What a supervision or coaching summary holds, built from the journal for a period.

The sections follow docs/domain.md: header, what I want, last actions, experiments by line of
inquiry, domain balance and themes, flagged dilemmas and entries, feedback, organisational
support, and coach comments; and, when the participant asks for it, Insights for the period.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from app.insights.figures import Cell, Insights, Row, Scope, Span, Table
from app.insights.service import InsightsService
from app.journal.opening import Journal
from app.summary.periods import FALLBACK_DAYS, NextSession, bounds
from app.supervision.session_records import ActionRecord, SessionKind, SessionRecord
from app.writing.cycle_records import CycleRecord, CycleStatus, LoopLevel
from app.writing.domains import Domain
from app.writing.entry_record import EntryRecord
from app.writing.links import plain_text
from app.writing.templates import StageRole

FEEDBACK_TAGS = frozenset({"feedback", "360", "impact"})
SUPPORT_TAGS = frozenset({"support", "line manager", "sponsor", "hr", "barrier", "barriers"})
THEMES_SHOWN = 8
# What a flagged item outside the period says, so no section quietly covers more than the rest.
BEFORE_PERIOD = "flagged; from before this period"
AFTER_PERIOD = "flagged; from after this period"


@dataclass(frozen=True)
class SummaryOptions:
    """What the participant chose for this summary."""

    since: date
    until: date
    role: str = "Participant"
    name: str = ""
    """Whose summary it is, as they want to be named; empty to stay anonymous."""
    programme: str = ""
    session_kind: SessionKind = SessionKind.SUPERVISION
    session_date: date | None = None
    wants: str = ""
    cycle_ids: tuple[str, ...] | None = None
    entry_ids: tuple[str, ...] | None = None
    insights: bool = False
    """Add Insights for the period (every entry and cycle begun in it) as a last section."""


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
    agreed: str = ""
    """The day of the session it was agreed at."""


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
    note: str = ""
    """BEFORE_PERIOD or AFTER_PERIOD for a flagged cycle outside the period."""


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
    note: str = ""
    """BEFORE_PERIOD or AFTER_PERIOD for a flagged item outside the period."""


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
    name: str = ""
    """Whose summary it is; empty when they chose not to be named."""
    last_session: str = ""
    """The session before the one this is for ("Coaching, 5 November 2026"); empty if none."""
    open_earlier: tuple[ActionLine, ...] = field(default_factory=tuple)
    """Actions from sessions before the last one that are still open, soonest first."""
    insights: Insights | None = None
    """The period's Insights as words and numbers (no items behind them); None unless asked."""

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
    INSIGHTS_TITLE = "Insights for this period"
    """The title of the last section, there only when the participant asks for it."""

    @property
    def author(self) -> str:
        """Who the files name as their author: the name, or the role when left out."""
        return self.name or self.role


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
    text = plain_text(text).strip()  # a link to another item is its title on paper
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(".,;:") + " …"


class SummaryService:
    """Summaries for supervision and coaching, read from an open journal (never written).

    Made over the journal, `SummaryService(journal)`, like the stores it reads through: which
    session a summary is for, the period it covers by default, what goes in unless the
    participant chooses otherwise, and the summary itself.
    """

    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def next_session(self, today: date) -> NextSession:
        """The soonest session recorded for today or later; else the next date agreed at the last
        one (today if that has passed); else a supervision today."""
        sessions = self._journal.sessions.all()
        upcoming = [s for s in sessions if s.held_on >= today]
        if upcoming:
            following = min(upcoming, key=lambda s: s.held_on)
            return NextSession(
                following.kind, following.held_on, following.wants, following.with_whom
            )
        last = sessions[0] if sessions else None
        if last is None:
            return NextSession(SessionKind.SUPERVISION, today)
        day = last.next_date if last.next_date and last.next_date >= today else today
        return NextSession(last.kind, day, last.wants)

    def default_period(self, today: date) -> tuple[date, date]:
        """From the session before the one being prepared for, until today.

        Never empty while the journal holds writing: when nothing was written or changed since
        that session, the period starts at the session before it, and so on; with no session, it
        is the last 30 days, or else since the last thing written.
        """
        earlier = [s.held_on for s in self.sessions_before(today)]
        starts = earlier or [today - timedelta(days=FALLBACK_DAYS)]
        for start in starts:
            if self.has_writing(start, today):
                return start, today
        latest = self._latest_writing()
        if latest is None or latest > today:
            return starts[0], today
        return latest, today

    def default_selection(
        self, since: date, until: date
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The cycles and entries that go in unless the participant chooses otherwise.

        Flagged cycles and entries, and cycles reviewed in the period.
        """
        start, end = bounds(since, until)
        return self._selection(self._journal.cycles.records_changed(start, end))

    def build(self, options: SummaryOptions, today: date) -> SupervisionSummary:
        """The summary for a period, from the journal (read only)."""
        start, end = bounds(options.since, options.until)
        in_period = self._journal.entries.records_written(start, end)
        period_cycles = self._journal.cycles.records_changed(start, end)
        default_cycles, default_entries = self._selection(period_cycles)
        cycle_ids = options.cycle_ids if options.cycle_ids is not None else default_cycles
        entry_ids = options.entry_ids if options.entry_ids is not None else default_entries
        cycles = [self._journal.cycles.get(cid) for cid in cycle_ids]
        entries = [self._journal.entries.get(eid) for eid in entry_ids]
        session_day = options.session_date or today
        last_session, actions, open_earlier = self._actions(session_day, today)

        def reach(moment: datetime) -> str:
            return BEFORE_PERIOD if moment < start else AFTER_PERIOD if moment >= end else ""

        return SupervisionSummary(
            title=f"{options.session_kind.label} summary",
            role=options.role,
            name=" ".join(options.name.split()),
            programme=options.programme,
            session=self._session_line(options.session_kind, session_day),
            period=f"{_day(options.since)} to {_day(options.until)}",
            wants=options.wants.strip(),
            last_session=last_session,
            actions=actions,
            open_earlier=open_earlier,
            inquiries=self._experiments(cycles, reach),
            balance=_balance(in_period, period_cycles),
            flagged=tuple(
                dataclasses.replace(_excerpt_of_entry(e), note=reach(e.created)) for e in entries
            )
            + tuple(
                dataclasses.replace(_cycle_excerpt(c), note=reach(c.updated))
                for c in cycles
                if c.bring_to_supervision
            ),
            feedback=_tagged(in_period, period_cycles, FEEDBACK_TAGS),
            support=_tagged(in_period, period_cycles, SUPPORT_TAGS),
            insights=self._insights(options) if options.insights else None,
        )

    def _insights(self, options: SummaryOptions) -> Insights:
        """Insights over the whole journal for the summary's period, as counts alone."""
        scope = Scope(Span(options.since, options.until))
        return _counts_only(InsightsService(self._journal).insights(scope))

    def sessions_before(self, day: date) -> list[SessionRecord]:
        """Sessions held before `day`, most recent first."""
        return [s for s in self._journal.sessions.all() if s.held_on < day]

    def has_writing(self, since: date, until: date) -> bool:
        """True when an entry was written, or a cycle changed, in the period."""
        start, end = bounds(since, until)
        return bool(self._journal.entries.records_written(start, end)) or bool(
            self._journal.cycles.records_changed(start, end)
        )

    def _latest_writing(self) -> date | None:
        """The day of the newest entry or the most recently changed cycle, if any."""
        moments = [e.created for e in self._journal.entries.summaries(limit=1)]
        moments += [c.updated for c in self._journal.cycles.summaries(limit=1)]
        return max(moments).astimezone().date() if moments else None

    def _selection(
        self, period_cycles: list[CycleRecord]
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Flagged cycles (oldest first), then those reviewed in the period; flagged entries."""
        flagged = self._journal.cycles.flagged_ids()
        reviewed = [
            c.id
            for c in period_cycles
            if c.status is CycleStatus.REVIEWED and c.id not in set(flagged)
        ]
        return tuple(flagged + reviewed), tuple(self._journal.entries.flagged_ids())

    def _actions(
        self, session_day: date, today: date
    ) -> tuple[str, tuple[ActionLine, ...], tuple[ActionLine, ...]]:
        """The last session before `session_day` and what became of its actions, then every
        action still open from the sessions before that, soonest first."""
        earlier = self.sessions_before(session_day)
        if not earlier:
            return "", (), ()
        last = earlier[0]
        still_open = [a for s in earlier[1:] for a in s.actions if a.status.is_open]
        still_open.sort(key=lambda a: (a.by_when is None, a.by_when or date.max))
        agreed = {s.id: s.held_on for s in earlier[1:]}  # the last session's has its own heading
        return (
            f"{last.kind.label}, {_day(last.held_on)}",
            tuple(self._action_line(a, today, {}) for a in last.actions),
            tuple(self._action_line(a, today, agreed) for a in still_open),
        )

    def _session_line(self, kind: SessionKind, day: date) -> str:
        """ "Supervision, 3 December 2026", naming whom it is with when it is recorded."""
        recorded = [s for s in self._journal.sessions.all() if s.held_on == day and s.kind is kind]
        with_whom = recorded[0].with_whom if recorded else ""
        return f"{kind.label}, {_day(day)}" + (f", with {with_whom}" if with_whom else "")

    def _action_line(
        self, action: ActionRecord, today: date, agreed: dict[str, date]
    ) -> ActionLine:
        evidence = [self._journal.entries.get(e).display_title for e in action.evidence_entries]
        evidence += [self._journal.cycles.get(c).display_title for c in action.evidence_cycles]
        day = agreed.get(action.session_id)
        return ActionLine(
            what=action.what,
            with_whom=action.with_whom,
            by_when=_day(action.by_when) if action.by_when else "",
            status=action.status.label,
            progress=action.progress,
            evidence=tuple(evidence),
            overdue=action.overdue(today),
            agreed=_day(day) if day else "",
        )

    def _text_for(self, cycle: CycleRecord, role: StageRole, limit: int = 400) -> str:
        template = self._journal.templates.get(cycle.template_id)
        stage = template.stage_with_role(role) if template else None
        return _shorten(cycle.text(stage.id), limit) if stage else ""

    def _experiments(
        self, cycles: list[CycleRecord], reach: Callable[[datetime], str]
    ) -> tuple[InquiryGroup, ...]:
        groups: dict[str, list[CycleRecord]] = {}
        for cycle in sorted(cycles, key=lambda c: c.created):
            groups.setdefault(cycle.inquiry_id, []).append(cycle)
        out = []
        for inquiry_id, members in groups.items():
            question = self._journal.cycles.inquiry(inquiry_id).question
            out.append(
                InquiryGroup(
                    question=question,
                    experiments=tuple(
                        Experiment(
                            title=c.display_title,
                            status=c.status.label,
                            loop=c.loop.label if c.loop is not LoopLevel.NONE else "None yet",
                            intention=self._text_for(c, StageRole.INTENTION),
                            action=self._text_for(c, StageRole.ACTION),
                            outcome=self._text_for(c, StageRole.OUTCOME),
                            learning=self._text_for(c, StageRole.LEARNING),
                            domains=tuple(d.label for d in c.domains),
                            note=reach(c.updated),
                        )
                        for c in members
                    ),
                )
            )
        return tuple(out)


def _balance(entries: list[EntryRecord], cycles: list[CycleRecord]) -> Balance:
    counts: Counter[Domain] = Counter()
    themes: Counter[str] = Counter()
    # One theme whatever its case, shown as it was written: "Dr Smith" lower-cased would slip
    # past the privacy check, which knows a name by its capitals.
    spelling: dict[str, str] = {}
    items: list[EntryRecord | CycleRecord] = [*entries, *cycles]
    for item in items:
        counts.update(item.domains)
        for tag in item.tags:
            themes[spelling.setdefault(tag.casefold(), tag)] += 1
    ordered = tuple((d.label, counts.get(d, 0)) for d in Domain)
    total = sum(counts.values())
    if not items:
        note = "Nothing was written in this period."
    elif total == 0:
        note = "Nothing written in this period has a domain ticked."
    elif counts.get(Domain.INDIVIDUAL, 0) == total:
        note = (
            "All of this period's reflection stayed in the Individual domain: worth asking "
            "what is happening in the team and the wider organisation."
        )
    else:
        note = ""
    return Balance(ordered, tuple(themes.most_common(THEMES_SHOWN)), note)


def _counts_only(insights: Insights) -> Insights:
    """The figures without the items behind each number.

    A summary lists no items by number, and the privacy check then finds each of the
    participant's words (a tag heading a column) once, where the reader sees it.
    """

    def bare(table: Table) -> Table:
        rows = tuple(Row(r.label, tuple(Cell(c.count, None) for c in r.cells)) for r in table.rows)
        return dataclasses.replace(table, rows=rows)

    return dataclasses.replace(
        insights,
        domains=bare(insights.domains),
        loops=bare(insights.loops),
        progress=bare(insights.progress),
        themes=bare(insights.themes),
        dimensions=bare(insights.dimensions),
    )


def _cycle_excerpt(cycle: CycleRecord) -> Excerpt:
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
    tags: frozenset[str],
) -> tuple[Excerpt, ...]:
    found = [_excerpt_of_entry(e, 400) for e in entries if tags & {t.casefold() for t in e.tags}]
    found += [_cycle_excerpt(c) for c in cycles if tags & {t.casefold() for t in c.tags}]
    return tuple(found)
