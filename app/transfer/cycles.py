"""Lines of inquiry and cycles in the export file: written out, checked, merged back in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.storage.tables import (
    Cycle,
    CycleDimension,
    CycleDomain,
    CycleStage,
    CycleStageVersion,
    Inquiry,
    InquiryDomain,
)
from app.transfer import fields as f
from app.transfer.merge import Merge
from app.writing.cycle_records import (
    LEADERSHIP_DIMENSIONS,
    CycleRecord,
    CycleStatus,
    InquiryRecord,
    InquiryStatus,
    LoopLevel,
)
from app.writing.cycles import cycle_record, inquiry_record
from app.writing.domains import Domain
from app.writing.tags import same_tags

# -- export --------------------------------------------------------------------------------


def export_inquiries(session: Session) -> list[dict[str, Any]]:
    """Every line of inquiry, oldest first."""
    return [
        {
            "id": i.id,
            "question": i.question,
            "description": i.description,
            "status": i.status.value,
            "domains": [d.value for d in i.domains],
            "created": f.iso(i.created),
            "updated": f.iso(i.updated),
        }
        for i in _inquiries(session)
    ]


def export_cycles(session: Session) -> list[dict[str, Any]]:
    """Every cycle (trash included), each with its stages and their earlier texts."""
    versions: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for v in session.scalars(select(CycleStageVersion).order_by(CycleStageVersion.id)):
        versions.setdefault((v.cycle_id, v.stage_id), []).append(
            {"text": v.text, "written": f.iso(v.written_at), "replaced": f.iso(v.replaced_at)}
        )
    return [
        {
            "id": c.id,
            "inquiry": c.inquiry_id,
            "template": c.template_id,
            "title": c.title,
            "status": c.status.value,
            "domains": [d.value for d in c.domains],
            "dimensions": list(c.dimensions),
            "tags": list(c.tags),
            "loop": c.loop.value,
            "experiment_date": c.experiment_date.isoformat() if c.experiment_date else None,
            "reflection_began": f.iso(c.reflection_began),
            "previous": c.previous_id,
            "next": c.next_id,
            "current_stage": c.current_stage,
            "created": f.iso(c.created),
            "updated": f.iso(c.updated),
            "deleted": f.iso(c.deleted),
            "bring_to_supervision": c.bring_to_supervision,
            "share_with_coach": c.share_with_coach,
            "stages": [
                {
                    "stage": s.stage_id,
                    "title": s.title,
                    "text": s.text,
                    "updated": f.iso(s.updated),
                    "versions": versions.get((c.id, s.stage_id), []),
                }
                for s in c.stages
            ],
        }
        for c in _records(session)
    ]


def _inquiries(session: Session) -> list[InquiryRecord]:
    rows = session.scalars(select(Inquiry))
    return sorted((inquiry_record(i) for i in rows), key=lambda i: (i.created, i.id))


def _records(session: Session) -> list[CycleRecord]:
    rows = session.scalars(select(Cycle).order_by(Cycle.created_at, Cycle.id)).all()
    return [cycle_record(session, c) for c in rows]


# -- parsing -------------------------------------------------------------------------------


@dataclass(frozen=True)
class StageVersionIn:
    """An earlier stage text from the file."""

    text: str
    written: datetime
    replaced: datetime


@dataclass(frozen=True)
class StageIn:
    """One stage of a cycle from the file."""

    stage: str
    title: str
    text: str
    updated: datetime
    versions: tuple[StageVersionIn, ...]


@dataclass(frozen=True)
class CycleIn:
    """A cycle from the file, checked."""

    id: str
    inquiry: str
    template: str
    title: str
    status: CycleStatus
    domains: tuple[Domain, ...]
    dimensions: tuple[str, ...]
    tags: tuple[str, ...]
    loop: LoopLevel
    experiment_date: date | None
    previous: str | None
    current_stage: str
    created: datetime
    updated: datetime
    deleted: datetime | None
    stages: tuple[StageIn, ...]
    bring_to_supervision: bool = False
    share_with_coach: bool = False
    reflection_began: datetime | None = None


def parse_inquiry(value: object, where: str) -> InquiryRecord:
    """Check one line of inquiry."""
    item = f.read.obj(value, where)
    inquiry_id = f.read.ident(item, "id", where)
    question = f.read.text(item, "question", where, blank=False)
    return InquiryRecord(
        id=inquiry_id,
        question=question,
        description=f.read.text(item, "description", where, optional=True),
        status=f.read.choice(item, "status", InquiryStatus, where),
        domains=f.domains(item, where),
        created=f.read.moment(item, "created", where),
        updated=f.read.moment(item, "updated", where),
    )


def parse_cycle(value: object, where: str) -> CycleIn:
    """Check one cycle."""
    item = f.read.obj(value, where)
    cycle_id = f.read.ident(item, "id", where)
    inquiry_id = f.read.ident(item, "inquiry", where)
    domains = f.domains(item, where)
    if not domains:
        raise f.refuse(where, "a cycle needs at least one domain.")
    dimensions = f.read.strings(item, "dimensions", where)
    unknown = [d for d in dimensions if d not in LEADERSHIP_DIMENSIONS]
    if unknown:
        raise f.refuse(where, f"{f.shown(unknown[0])} is not a Healthcare Leadership dimension.")
    stages = []
    for n, stage in enumerate(f.read.objects(item, "stages", where)):
        at = f"stage {n + 1} of {where}"
        stages.append(
            StageIn(
                stage=f.read.text(stage, "stage", at),
                title=f.read.text(stage, "title", at),
                text=f.read.text(stage, "text", at),
                updated=f.read.moment(stage if "updated" in stage else item, "updated", at),
                versions=tuple(
                    StageVersionIn(
                        text=f.read.text(v, "text", f"a version in {at}"),
                        written=f.read.moment(v, "written", f"a version in {at}"),
                        replaced=f.read.moment(v, "replaced", f"a version in {at}"),
                    )
                    for v in f.read.objects(stage, "versions", at)
                ),
            )
        )
    names = [s.stage for s in stages]
    if len(set(names)) != len(names):
        raise f.refuse(where, "two stages share an id.")
    previous = f.read.maybe_ident(item, "previous", where)
    if previous == cycle_id:
        raise f.refuse(where, "a cycle cannot follow itself.")
    return CycleIn(
        id=cycle_id,
        inquiry=inquiry_id,
        template=f.read.text(item, "template", where),
        title=f.read.text(item, "title", where, optional=True),
        status=f.read.choice(item, "status", CycleStatus, where),
        domains=domains,
        dimensions=tuple(dict.fromkeys(dimensions)),
        tags=f.tags(item, where),
        loop=f.read.choice(item, "loop", LoopLevel, where),
        experiment_date=f.read.maybe_day(item, "experiment_date", where),
        previous=previous,
        current_stage=f.read.text(item, "current_stage", where, optional=True),
        created=f.read.moment(item, "created", where),
        updated=f.read.moment(item, "updated", where),
        deleted=f.read.maybe_moment(item, "deleted", where),
        stages=tuple(stages),
        bring_to_supervision=f.read.flag(item, "bring_to_supervision", where),
        share_with_coach=f.read.flag(item, "share_with_coach", where),
        # Older files have no such field: the moment stays unknown.
        reflection_began=f.read.maybe_moment(item, "reflection_began", where),
    )


# -- merging -------------------------------------------------------------------------------


def merge_inquiry(merge: Merge, item: InquiryRecord) -> None:
    """Add, update (if the file's copy is newer) or leave a line of inquiry."""
    row = merge.session.get(Inquiry, item.id)
    if row is None:
        row = Inquiry(id=item.id, created_at=item.created)
        merge.session.add(row)
        merge.result.added += 1
    elif (
        row.question == item.question
        and row.description == item.description
        and row.status == item.status.value
        and row.updated_at == item.updated
        and [d.domain for d in row.domains] == [d.value for d in item.domains]
    ):
        merge.result.unchanged += 1
        return
    elif item.updated <= row.updated_at:
        merge.result.kept_newer += 1
        return
    else:
        merge.result.updated += 1
    row.question = item.question
    row.description = item.description
    row.status = item.status.value
    row.updated_at = item.updated
    row.domains = [InquiryDomain(domain=d.value) for d in item.domains]


def merge_cycle(merge: Merge, item: CycleIn) -> None:
    """Add, update (if the file's copy is newer) or leave a cycle; links are set later."""
    session = merge.session
    if session.get(Inquiry, item.inquiry) is None:
        raise f.refuse(
            f"cycle {item.id}", "its line of inquiry is neither in the file nor in this journal."
        )
    row = session.get(Cycle, item.id)
    if row is None:
        row = Cycle(id=item.id, created_at=item.created)
        session.add(row)
        merge.result.added += 1
    elif _same(row, item):
        flags = (item.bring_to_supervision, item.share_with_coach)
        if (row.bring_to_supervision, row.share_with_coach) == flags:
            merge.result.unchanged += 1
        else:  # a flag changed, which does not move `updated`
            row.bring_to_supervision, row.share_with_coach = flags
            merge.result.updated += 1
        return
    elif item.updated <= row.updated_at:
        merge.result.kept_newer += 1
        return
    else:
        merge.result.updated += 1
    row.inquiry_id = item.inquiry
    row.template_id = item.template
    row.title = item.title
    row.status = item.status.value
    row.loop = item.loop.value
    row.experiment_date = item.experiment_date
    row.reflection_began_at = item.reflection_began
    row.current_stage = item.current_stage
    row.updated_at = item.updated
    row.deleted_at = item.deleted
    row.bring_to_supervision = item.bring_to_supervision
    row.share_with_coach = item.share_with_coach
    row.domains = [CycleDomain(domain=d.value) for d in item.domains]
    row.dimensions = [CycleDimension(dimension=d) for d in item.dimensions]
    row.tags = merge.tags(item.tags)
    _merge_stages(session, row, item)


def link_cycle(merge: Merge, item: CycleIn) -> None:
    """Set a cycle's link to the one before it, once every cycle in the file exists."""
    if item.previous is None:
        return
    row = merge.session.get(Cycle, item.id)
    assert row is not None
    if row.updated_at != item.updated:
        return  # the journal's own, newer copy keeps its link
    if merge.session.get(Cycle, item.previous) is None:
        raise f.refuse(
            f"cycle {item.id}", "the cycle it follows is neither in the file nor in this journal."
        )
    if row.previous_id != item.previous:
        query = select(Cycle.id).where(Cycle.previous_id == item.previous, Cycle.id != row.id)
        if merge.session.scalar(query) is not None:
            raise f.refuse(
                f"cycle {item.id}", "the cycle it follows already leads to another cycle."
            )
    row.previous_id = item.previous


def _merge_stages(session: Session, row: Cycle, item: CycleIn) -> None:
    session.flush()  # the cycle row exists before any stage version points at it
    existing = {s.stage_id: s for s in row.stages}
    query = select(CycleStageVersion).where(CycleStageVersion.cycle_id == row.id)
    known_versions = {(v.stage_id, v.written_at, v.replaced_at) for v in session.scalars(query)}
    stages = []
    for position, incoming in enumerate(item.stages):
        stage = existing.get(incoming.stage)
        if stage is None:
            stage = CycleStage(stage_id=incoming.stage)
        elif stage.text != incoming.text and stage.text:
            session.add(
                CycleStageVersion(
                    cycle_id=row.id,
                    stage_id=stage.stage_id,
                    text=stage.text,
                    written_at=stage.updated_at,
                    replaced_at=incoming.updated,
                )
            )
            known_versions.add((stage.stage_id, stage.updated_at, incoming.updated))
        stage.position = position
        stage.title = incoming.title
        stage.text = incoming.text
        stage.updated_at = incoming.updated
        stages.append(stage)
        for version in incoming.versions:
            key = (incoming.stage, version.written, version.replaced)
            if key not in known_versions:
                known_versions.add(key)
                session.add(
                    CycleStageVersion(
                        cycle_id=row.id,
                        stage_id=incoming.stage,
                        text=version.text,
                        written_at=version.written,
                        replaced_at=version.replaced,
                    )
                )
    row.stages = stages


def _same(row: Cycle, item: CycleIn) -> bool:
    return (
        row.updated_at == item.updated
        and row.status == item.status.value
        and row.loop == item.loop.value
        and row.title == item.title
        and row.deleted_at == item.deleted
        and [d.domain for d in row.domains] == [d.value for d in item.domains]
        and [d.dimension for d in row.dimensions] == list(item.dimensions)
        and same_tags((t.name for t in row.tags), item.tags)
        and [(s.stage_id, s.text) for s in row.stages] == [(s.stage, s.text) for s in item.stages]
    )
