"""Lines of inquiry and their cycles: start, write stage by stage, review, and carry on."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, date, datetime

import sqlcipher3
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from app.errors import JournalError
from app.storage.snapshot import snapshot
from app.storage.tables import (
    Cycle,
    CycleDimension,
    CycleDomain,
    CycleStage,
    CycleStageVersion,
    Entry,
    Inquiry,
    InquiryDomain,
)
from app.storage.transaction import driver_of, require, transaction
from app.writing.cycle_reads import (
    cycle_domain_counts,
    cycle_summaries,
    read_cycle,
    read_inquiry,
)
from app.writing.cycle_reads import first_line as _first_line
from app.writing.cycle_records import (
    LEADERSHIP_DIMENSIONS,
    PLANNED_MARK,
    CycleRecord,
    CycleStateError,
    CycleStatus,
    CycleSummary,
    DomainRequiredError,
    InquiryRecord,
    InquiryStatus,
    LoopLevel,
    StageVersionRecord,
    TimelineStep,
)
from app.writing.domains import Domain, in_order
from app.writing.tags import normalise_tags, tag_rows
from app.writing.templates import Stage, StageRole, StageTiming, Template, TemplateLibrary
from app.writing.trash import Binned
from app.writing.versions import keeps_version

_SNIPPET = 240
CARRIED_MARKER = "*(Carried over from the previous cycle's plan.)*"
"""What older versions wrote after a plan carried into a new cycle's own text."""
_UNSET = object()


class CycleStore(Binned[Cycle, CycleRecord]):
    """Reads and writes lines of inquiry and cycles. Every method is one short transaction."""

    _model = Cycle
    _what = "cycle"
    _refusal = CycleStateError

    def __init__(
        self,
        engine: Engine,
        templates: TemplateLibrary,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.templates = templates
        self._clock = clock or (lambda: datetime.now(UTC))

    def _session(self) -> contextlib.AbstractContextManager[Session]:
        return transaction(self._sessions)

    def _reading(self) -> contextlib.AbstractContextManager[Session]:
        return transaction(self._sessions, write=False)

    @contextlib.contextmanager
    def _plain(self) -> Iterator[sqlcipher3.Connection]:
        """The driver connection of a read transaction, for the reads written in plain SQL
        (app/writing/cycle_reads.py), which the window also runs without the ORM."""
        with self._reading() as session, snapshot(driver_of(session)) as conn:
            yield conn

    # -- lines of inquiry ----------------------------------------------------------------

    def create_inquiry(
        self, question: str, description: str = "", domains: Sequence[Domain] = ()
    ) -> InquiryRecord:
        """Start a new line of inquiry."""
        with self._session() as session:
            return inquiry_record(self._new_inquiry(session, question, description, domains))

    def start_inquiry(
        self,
        question: str,
        domains: Sequence[Domain],
        template_id: str,
        *,
        title: str = "",
        experiment_date: date | None = None,
        entry_id: str | None = None,
    ) -> CycleRecord:
        """Start a new line of inquiry with its first cycle (made from the free entry
        `entry_id` when given, as `cycle_from_entry` makes it).

        One transaction: either both exist, or neither (no line of inquiry left without
        the cycle it was started for).
        """
        template = self._template(template_id)
        with self._session() as session:
            inquiry = self._new_inquiry(session, question, "", domains)
            if entry_id is None:
                cycle = self._new_cycle(
                    session,
                    inquiry.id,
                    template,
                    title=title,
                    domains=domains,
                    experiment_date=experiment_date,
                )
            else:
                cycle = self._cycle_from_entry(
                    session, entry_id, inquiry.id, template, title, experiment_date
                )
            return cycle_record(session, cycle)

    def update_inquiry(
        self,
        inquiry_id: str,
        *,
        question: str | None = None,
        description: str | None = None,
        status: InquiryStatus | None = None,
        domains: Sequence[Domain] | None = None,
    ) -> InquiryRecord:
        """Change a line of inquiry's question, description, status or domains."""
        with self._session() as session:
            inquiry = _get_inquiry(session, inquiry_id)
            if question is not None:
                if not question.strip():
                    raise JournalError("A line of inquiry needs a question.")
                inquiry.question = question.strip()
            if description is not None:
                inquiry.description = description
            if status is not None:
                inquiry.status = status.value
            if domains is not None:
                inquiry.domains = [InquiryDomain(domain=d.value) for d in in_order(domains)]
            inquiry.updated_at = self._clock()
            session.flush()
            return inquiry_record(inquiry)

    def inquiry(self, inquiry_id: str) -> InquiryRecord:
        """One line of inquiry."""
        with self._plain() as conn:
            return read_inquiry(conn, inquiry_id)

    def inquiries(self, *, include_closed: bool = True) -> list[InquiryRecord]:
        """Lines of inquiry, most recently active first."""
        query = select(Inquiry).order_by(Inquiry.updated_at.desc())
        if not include_closed:
            query = query.where(Inquiry.status != InquiryStatus.CLOSED.value)
        with self._reading() as session:
            return [inquiry_record(i) for i in session.scalars(query)]

    # -- cycles: life cycle --------------------------------------------------------------

    def start_cycle(
        self,
        inquiry_id: str,
        template_id: str,
        *,
        title: str = "",
        domains: Sequence[Domain] | None = None,
        experiment_date: date | None = None,
        previous_id: str | None = None,
    ) -> CycleRecord:
        """Begin a cycle in a line of inquiry with every stage of the template, empty."""
        template = self._template(template_id)
        with self._session() as session:
            cycle = self._new_cycle(
                session,
                inquiry_id,
                template,
                title=title,
                domains=domains,
                experiment_date=experiment_date,
                previous_id=previous_id,
            )
            return cycle_record(session, cycle)

    def save_stage(
        self, cycle_id: str, stage_id: str, text: str, *, keep_version: bool = False
    ) -> CycleRecord:
        """Store a stage's text and remember the place. A change keeps the old text as a
        version at the start of each editing run (see app/writing/versions.py), or always with
        `keep_version`."""
        with self._session() as session:
            cycle = _get_cycle(session, cycle_id)
            stage = next((s for s in cycle.stages if s.stage_id == stage_id), None)
            if stage is None:
                raise CycleStateError(f"This cycle has no stage '{stage_id}'.")
            cycle.current_stage = stage_id
            if stage.text != text:
                now = self._clock()
                run_started = session.scalar(
                    select(func.max(CycleStageVersion.replaced_at)).where(
                        CycleStageVersion.cycle_id == cycle_id,
                        CycleStageVersion.stage_id == stage_id,
                    )
                )
                if stage.text and (
                    keep_version or keeps_version(now, stage.updated_at, run_started)
                ):
                    session.add(
                        CycleStageVersion(
                            cycle_id=cycle_id,
                            stage_id=stage_id,
                            text=stage.text,
                            written_at=stage.updated_at,
                            replaced_at=now,
                        )
                    )
                stage.text = text
                stage.updated_at = now
                cycle.updated_at = now
            session.flush()
            return cycle_record(session, cycle)

    def set_current_stage(self, cycle_id: str, stage_id: str) -> None:
        """Remember which stage the participant is on, so reopening resumes there.

        PLANNED_MARK records that the plan is finished and the experiment is awaited.
        """
        with self._session() as session:
            cycle = _get_cycle(session, cycle_id)
            if stage_id == PLANNED_MARK or any(s.stage_id == stage_id for s in cycle.stages):
                cycle.current_stage = stage_id

    def update_cycle(
        self,
        cycle_id: str,
        *,
        title: str | None = None,
        domains: Sequence[Domain] | None = None,
        dimensions: Sequence[str] | None = None,
        tags: Sequence[str] | None = None,
        loop: LoopLevel | None = None,
        experiment_date: date | object | None = _UNSET,
    ) -> CycleRecord:
        """Change a cycle's title, tags, domains (at least one), dimensions, loop or date."""
        with self._session() as session:
            cycle = _get_cycle(session, cycle_id)
            if title is not None:
                cycle.title = title
            if domains is not None:
                chosen = in_order(domains)
                if not chosen:
                    raise DomainRequiredError()
                cycle.domains = [CycleDomain(domain=d.value) for d in chosen]
            if dimensions is not None:
                unknown = [d for d in dimensions if d not in LEADERSHIP_DIMENSIONS]
                if unknown:
                    raise JournalError(f"'{unknown[0]}' is not a Healthcare Leadership dimension.")
                cycle.dimensions = [CycleDimension(dimension=d) for d in dict.fromkeys(dimensions)]
            if tags is not None:
                cycle.tags = tag_rows(session, normalise_tags(tags))
            if loop is not None:
                cycle.loop = loop.value
            if experiment_date is not _UNSET:
                assert experiment_date is None or isinstance(experiment_date, date)
                cycle.experiment_date = experiment_date
            cycle.updated_at = self._clock()
            session.flush()
            return cycle_record(session, cycle)

    def begin_reflection(self, cycle_id: str) -> CycleRecord:
        """The experiment has happened: open the after-the-experiment stages."""
        with self._session() as session:
            cycle = _get_cycle(session, cycle_id)
            if cycle.status == CycleStatus.PLANNED.value:
                cycle.status = CycleStatus.IN_PROGRESS.value
                cycle.reflection_began_at = self._clock()
                template = self.templates.get(cycle.template_id)
                after = template and next(
                    (s for s in template.stages if s.when is StageTiming.AFTER), None
                )
                if after:
                    cycle.current_stage = after.id
                cycle.updated_at = self._clock()
            session.flush()
            return cycle_record(session, cycle)

    def missing_required(self, cycle: CycleRecord) -> list[str]:
        """Titles of required stages still empty."""
        template = self.templates.get(cycle.template_id)
        if template is None:
            return []
        return [s.title for s in template.stages if s.required and not cycle.text(s.id).strip()]

    def finish(self, cycle_id: str) -> CycleRecord:
        """Mark a cycle reviewed; refuse while required stages are empty, naming them."""
        cycle = self.get(cycle_id)
        missing = self.missing_required(cycle)
        if missing:
            raise CycleStateError(
                "Before this cycle can be marked reviewed, please write something for: "
                + ", ".join(missing)
                + "."
            )
        with self._session() as session:
            row = _get_cycle(session, cycle_id)
            row.status = CycleStatus.REVIEWED.value
            row.updated_at = self._clock()
            if row.reflection_began_at is None:  # reviewed straight from planned
                row.reflection_began_at = row.updated_at
            session.flush()
            return cycle_record(session, row)

    def reopen(self, cycle_id: str) -> CycleRecord:
        """Take a reviewed cycle back to in progress."""
        with self._session() as session:
            row = _get_cycle(session, cycle_id)
            if row.status == CycleStatus.REVIEWED.value:
                row.status = CycleStatus.IN_PROGRESS.value
                row.updated_at = self._clock()
            session.flush()
            return cycle_record(session, row)

    def start_next(self, cycle_id: str, *, experiment_date: date | None = None) -> CycleRecord:
        """Start the next experiment in the same line of inquiry, to be tried by
        `experiment_date`. The plan carried over stays the previous cycle's words (see
        `carried_plan`); the new cycle resumes at the stage where planning goes on.

        One transaction, checks included: another program cannot start the same next
        experiment between the check and the write, and a failure leaves no half-made cycle.
        """
        with self._session() as session:
            previous = cycle_record(session, _get_cycle(session, cycle_id))
            if previous.status is not CycleStatus.REVIEWED:
                raise CycleStateError("Finish reviewing this cycle before starting the next one.")
            if previous.next_id is not None:
                raise CycleStateError("This cycle has already led to a next experiment.")
            template = self.templates.get(previous.template_id) or self.templates.default
            plan = _stage_text_with_role(self.templates, previous, StageRole.NEXT)
            cycle = self._new_cycle(
                session,
                previous.inquiry_id,
                template,
                title=_first_line(plan),
                domains=previous.domains,
                experiment_date=experiment_date,
                previous_id=previous.id,
            )
            cycle.tags = tag_rows(session, normalise_tags(previous.tags))
            cycle.dimensions = [CycleDimension(dimension=d) for d in previous.dimensions]
            cycle.current_stage = planning_stage(template).id
            session.flush()
            return cycle_record(session, cycle)

    def carried_plan(self, cycle: CycleRecord) -> str:
        """What the cycle before this one planned to try next ("" when there is none).

        A cycle started before the plan was shown apart holds it in its own text, after
        CARRIED_MARKER: then it is not repeated here.
        """
        if cycle.previous_id is None or any(
            s.text.rstrip().endswith(CARRIED_MARKER) for s in cycle.stages
        ):
            return ""
        previous = self.get(cycle.previous_id)
        return _stage_text_with_role(self.templates, previous, StageRole.NEXT).strip()

    def text_with_role(self, cycle: CycleRecord, role: StageRole) -> str | None:
        """The text of the cycle's stage playing `role`; None when its template has none."""
        template = self.templates.get(cycle.template_id)
        stage = template.stage_with_role(role) if template else None
        return cycle.text(stage.id) if stage else None

    def cycle_from_entry(
        self,
        entry_id: str,
        inquiry_id: str,
        template_id: str,
        *,
        title: str | None = None,
        experiment_date: date | None = None,
    ) -> CycleRecord:
        """Turn a free entry into the first stage of a new cycle; the entry goes to the trash.

        One transaction: either the cycle exists and the entry is in the trash, or neither
        changed. The cycle takes the entry's title unless given one.
        """
        template = self._template(template_id)
        with self._session() as session:
            cycle = self._cycle_from_entry(
                session, entry_id, inquiry_id, template, title, experiment_date
            )
            return cycle_record(session, cycle)

    def undo_cycle_from_entry(self, entry_id: str, cycle_id: str) -> None:
        """Take back cycle_from_entry: the cycle goes to the trash and the entry comes back.

        Nothing written in the cycle since is lost: it waits in the trash (redo restores it).
        """
        with self._session() as session:
            cycle = _get_cycle(session, cycle_id)
            entry = require(session, Entry, entry_id, "entry")
            cycle.deleted_at = cycle.deleted_at or self._clock()
            entry.deleted_at = None

    def redo_cycle_from_entry(self, entry_id: str, cycle_id: str) -> None:
        """Do cycle_from_entry again after an undo: the same cycle comes back from the trash
        and the entry goes there (no second cycle)."""
        with self._session() as session:
            cycle = _get_cycle(session, cycle_id)
            entry = require(session, Entry, entry_id, "entry")
            cycle.deleted_at = None
            entry.deleted_at = entry.deleted_at or self._clock()

    # set_flags, flagged_ids, trash, restore, delete_forever, empty_trash and trashed_count
    # come from Binned (app/writing/trash.py), one contract with entries.

    def _record_of(self, session: Session, row: Cycle) -> CycleRecord:
        return cycle_record(session, row)

    def trashed_summaries(self, *, offset: int = 0, limit: int = 200) -> list[CycleSummary]:
        """Cycles in the trash, the most recently trashed first."""
        return self.summaries(trashed=True, offset=offset, limit=limit)

    # -- cycles: reading -----------------------------------------------------------------

    def get(self, cycle_id: str) -> CycleRecord:
        """One whole cycle."""
        with self._plain() as conn:
            return read_cycle(conn, cycle_id)

    def cycles_in(self, inquiry_id: str) -> list[CycleRecord]:
        """A line of inquiry's cycles, oldest first."""
        with self._reading() as session:
            rows = session.scalars(
                select(Cycle)
                .where(Cycle.inquiry_id == inquiry_id, Cycle.deleted_at.is_(None))
                .order_by(Cycle.created_at, Cycle.id)
            ).all()
            return [cycle_record(session, c) for c in rows]

    def timeline(self, inquiry_id: str) -> list[TimelineStep]:
        """Intention, what happened, what was learned and the loop reached, cycle by cycle."""

        def snippet(cycle: CycleRecord, role: StageRole) -> str | None:
            text = self.text_with_role(cycle, role)
            return None if text is None else _snippet(without_carried_marker(text))

        return [
            TimelineStep(
                cycle_id=cycle.id,
                title=cycle.display_title,
                status=cycle.status,
                loop=cycle.loop,
                intention=snippet(cycle, StageRole.INTENTION),
                outcome=snippet(cycle, StageRole.OUTCOME),
                learning=snippet(cycle, StageRole.LEARNING),
                experiment_date=cycle.experiment_date,
            )
            for cycle in self.cycles_in(inquiry_id)
        ]

    def summaries(
        self,
        *,
        statuses: Iterable[CycleStatus] | None = None,
        due_by: date | None = None,
        changed: tuple[datetime, datetime] | None = None,
        offset: int = 0,
        limit: int = 200,
        trashed: bool = False,
    ) -> list[CycleSummary]:
        """The cycles `cycle_reads.cycle_summaries` lists (its options, its order), read on a
        connection from the engine's pool."""
        with self._plain() as conn:
            return cycle_summaries(
                conn,
                statuses=statuses,
                due_by=due_by,
                changed=changed,
                offset=offset,
                limit=limit,
                trashed=trashed,
            )

    def counts_by_inquiry(self) -> dict[str, int]:
        """How many live cycles each line of inquiry has."""
        query = (
            select(Cycle.inquiry_id, func.count())
            .where(Cycle.deleted_at.is_(None))
            .group_by(Cycle.inquiry_id)
        )
        with self._reading() as session:
            return {inquiry_id: int(n) for inquiry_id, n in session.execute(query)}

    def waiting_for_reflection(self, today: date) -> list[CycleSummary]:
        """Planned cycles whose experiment date has come: time to reflect on them."""
        return self.summaries(statuses=[CycleStatus.PLANNED], due_by=today)

    def in_progress(self) -> list[CycleSummary]:
        """Cycles being reflected on."""
        return self.summaries(statuses=[CycleStatus.IN_PROGRESS])

    def stage_versions(self, cycle_id: str, stage_id: str) -> list[StageVersionRecord]:
        """Earlier texts of one stage, newest first."""
        with self._reading() as session:
            rows = session.scalars(
                select(CycleStageVersion)
                .where(
                    CycleStageVersion.cycle_id == cycle_id,
                    CycleStageVersion.stage_id == stage_id,
                )
                .order_by(CycleStageVersion.id.desc())
            )
            return [StageVersionRecord(v.id, v.text, v.written_at, v.replaced_at) for v in rows]

    def domain_counts(self, since: datetime) -> dict[Domain, int]:
        """How many live cycles worked on since `since` touch each domain."""
        with self._plain() as conn:
            return cycle_domain_counts(conn, since)

    def records_changed(self, start: datetime, end: datetime) -> list[CycleRecord]:
        """Live cycles last changed from `start` up to (not including) `end`, oldest first."""
        query = (
            select(Cycle)
            .where(Cycle.deleted_at.is_(None), Cycle.updated_at >= start, Cycle.updated_at < end)
            .order_by(Cycle.created_at, Cycle.id)
        )
        with self._reading() as session:
            return [cycle_record(session, c) for c in session.scalars(query)]

    def all_records(self) -> list[CycleRecord]:
        """Every cycle, trashed ones too, oldest first (for export)."""
        with self._reading() as session:
            rows = session.scalars(select(Cycle).order_by(Cycle.created_at, Cycle.id)).all()
            return [cycle_record(session, c) for c in rows]

    # -- helpers -------------------------------------------------------------------------

    def _new_inquiry(
        self, session: Session, question: str, description: str, domains: Sequence[Domain]
    ) -> Inquiry:
        """Add a line of inquiry to the session; refuse one with no question."""
        if not question.strip():
            raise JournalError("A line of inquiry needs a question, even a rough one.")
        now = self._clock()
        inquiry = Inquiry(
            id=str(uuid.uuid4()),
            question=question.strip(),
            description=description,
            status=InquiryStatus.OPEN.value,
            created_at=now,
            updated_at=now,
        )
        inquiry.domains = [InquiryDomain(domain=d.value) for d in in_order(domains)]
        session.add(inquiry)
        session.flush()
        return inquiry

    def _cycle_from_entry(
        self,
        session: Session,
        entry_id: str,
        inquiry_id: str,
        template: Template,
        title: str | None,
        experiment_date: date | None,
    ) -> Cycle:
        """Add the cycle a free entry becomes to the session and put the entry in the trash."""
        entry = require(session, Entry, entry_id, "entry")
        if entry.deleted_at is not None:
            raise CycleStateError(
                "That entry is in the trash. Bring it back (Entry > Trash…) before "
                "turning it into a cycle."
            )
        cycle = self._new_cycle(
            session,
            inquiry_id,
            template,
            title=entry.title if title is None else title,
            domains=[Domain(d.domain) for d in entry.domains] or None,
            experiment_date=experiment_date,
        )
        cycle.stages[0].text = entry.body
        cycle.tags = tag_rows(session, normalise_tags(t.name for t in entry.tags))
        entry.deleted_at = self._clock()
        session.flush()
        return cycle

    def _new_cycle(
        self,
        session: Session,
        inquiry_id: str,
        template: Template,
        *,
        title: str,
        domains: Sequence[Domain] | None,
        experiment_date: date | None,
        previous_id: str | None = None,
    ) -> Cycle:
        """Add a cycle with every stage of the template, empty, to the session."""
        chosen = in_order(template.default_domains if domains is None else domains)
        if not chosen:
            raise DomainRequiredError()
        now = self._clock()
        _get_inquiry(session, inquiry_id).updated_at = now
        # A template with nothing to plan is written after the event: reflection begins now.
        planned = template.has_before_stages
        cycle = Cycle(
            id=str(uuid.uuid4()),
            inquiry_id=inquiry_id,
            template_id=template.id,
            title=title,
            status=(CycleStatus.PLANNED if planned else CycleStatus.IN_PROGRESS).value,
            loop=LoopLevel.NONE.value,
            experiment_date=experiment_date,
            reflection_began_at=None if planned else now,
            previous_id=previous_id,
            current_stage=template.stages[0].id,
            created_at=now,
            updated_at=now,
        )
        cycle.domains = [CycleDomain(domain=d.value) for d in chosen]
        cycle.stages = [
            CycleStage(stage_id=s.id, position=i, title=s.title, text="", updated_at=now)
            for i, s in enumerate(template.stages)
        ]
        session.add(cycle)
        session.flush()
        return cycle

    def _template(self, template_id: str) -> Template:
        template = self.templates.get(template_id)
        if template is None:
            raise JournalError(f"There is no template called '{template_id}'.")
        return template


def cycle_record(session: Session, cycle: Cycle) -> CycleRecord:
    """The record of a cycle row as it stands in the row's session (changes flushed), read as
    `CycleStore.get` reads it."""
    with snapshot(driver_of(session)) as conn:
        return read_cycle(conn, cycle.id)


def planning_stage(template: Template) -> Stage:
    """Where planning a next experiment goes on: the plan (strategy), else the intention."""
    return (
        template.stage_with_role(StageRole.STRATEGY)
        or template.stage_with_role(StageRole.INTENTION)
        or template.stages[0]
    )


def without_carried_marker(text: str) -> str:
    """A stage's text without the note older versions put after a plan carried over."""
    stripped = text.rstrip()
    if stripped.endswith(CARRIED_MARKER):
        return stripped[: -len(CARRIED_MARKER)].rstrip()
    return text


def _stage_text_with_role(templates: TemplateLibrary, cycle: CycleRecord, role: StageRole) -> str:
    template = templates.get(cycle.template_id)
    stage = template.stage_with_role(role) if template else None
    return cycle.text(stage.id) if stage else ""


def _snippet(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _SNIPPET else flat[: _SNIPPET - 1].rstrip() + "…"


def _get_inquiry(session: Session, inquiry_id: str) -> Inquiry:
    return require(session, Inquiry, inquiry_id, "line of inquiry")


def _get_cycle(session: Session, cycle_id: str) -> Cycle:
    return require(session, Cycle, cycle_id, "cycle")


def inquiry_record(inquiry: Inquiry) -> InquiryRecord:
    """The record of a line of inquiry's row."""
    return InquiryRecord(
        id=inquiry.id,
        question=inquiry.question,
        description=inquiry.description,
        status=InquiryStatus(inquiry.status),
        domains=tuple(in_order(Domain(d.domain) for d in inquiry.domains)),
        created=inquiry.created_at,
        updated=inquiry.updated_at,
    )
