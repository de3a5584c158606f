"""Free entries in the export file: written out, checked, and merged back in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.storage.tables import Entry, EntryDomain, EntryVersion
from app.transfer import fields as f
from app.transfer.merge import Merge
from app.writing.domains import Domain
from app.writing.entries import EntryRecord, entry_record
from app.writing.tags import same_tags


def export_entries(session: Session) -> list[dict[str, Any]]:
    """Every entry, trash and earlier versions included."""
    versions: dict[str, list[dict[str, Any]]] = {}
    for version in session.scalars(select(EntryVersion).order_by(EntryVersion.id)):
        versions.setdefault(version.entry_id, []).append(
            {
                "title": version.title,
                "body": version.body,
                "written": f.iso(version.written_at),
                "replaced": f.iso(version.replaced_at),
            }
        )
    return [
        {
            "id": record.id,
            "title": record.title,
            "body": record.body,
            "domains": [d.value for d in record.domains],
            "tags": list(record.tags),
            "created": f.iso(record.created),
            "updated": f.iso(record.updated),
            "deleted": f.iso(record.deleted),
            "bring_to_supervision": record.bring_to_supervision,
            "share_with_coach": record.share_with_coach,
            "versions": versions.get(record.id, []),
        }
        for record in _records(session)
    ]


def _records(session: Session) -> list[EntryRecord]:
    rows = session.scalars(select(Entry).order_by(Entry.created_at, Entry.id)).all()
    return [entry_record(row) for row in rows]


@dataclass(frozen=True)
class EntryVersionIn:
    """An earlier text from the file."""

    title: str
    body: str
    written: datetime
    replaced: datetime


@dataclass(frozen=True)
class EntryIn:
    """An entry from the file, checked."""

    id: str
    title: str
    body: str
    domains: tuple[Domain, ...]
    tags: tuple[str, ...]
    created: datetime
    updated: datetime
    deleted: datetime | None
    versions: tuple[EntryVersionIn, ...]
    bring_to_supervision: bool = False
    share_with_coach: bool = False


def parse_entry(value: object, where: str) -> EntryIn:
    """Check one entry object."""
    item = f.read.obj(value, where)
    entry_id = f.read.ident(item, "id", where)
    return EntryIn(
        id=entry_id,
        title=f.read.text(item, "title", where),
        body=f.read.text(item, "body", where),
        domains=f.domains(item, where),
        tags=f.tags(item, where),
        created=f.read.moment(item, "created", where),
        updated=f.read.moment(item, "updated", where),
        deleted=f.read.maybe_moment(item, "deleted", where),
        versions=tuple(
            EntryVersionIn(
                title=f.read.text(v, "title", f"a version in {where}"),
                body=f.read.text(v, "body", f"a version in {where}"),
                written=f.read.moment(v, "written", f"a version in {where}"),
                replaced=f.read.moment(v, "replaced", f"a version in {where}"),
            )
            for v in f.read.objects(item, "versions", where)
        ),
        bring_to_supervision=f.read.flag(item, "bring_to_supervision", where),
        share_with_coach=f.read.flag(item, "share_with_coach", where),
    )


def merge_entry(merge: Merge, item: EntryIn) -> None:
    """Add the entry, update it if the file's copy is newer, or leave it alone."""
    session = merge.session
    entry = session.get(Entry, item.id)
    if entry is None:
        entry = Entry(id=item.id, created_at=item.created)
        session.add(entry)
        _apply(merge, entry, item)
        merge.result.added += 1
        return
    if _same(entry, item):
        if _same_flags(entry, item):
            merge.result.unchanged += 1
        else:  # a flag changed, which does not move `updated`
            entry.bring_to_supervision = item.bring_to_supervision
            entry.share_with_coach = item.share_with_coach
            merge.result.updated += 1
        return
    if item.updated <= entry.updated_at:
        merge.result.kept_newer += 1
        return
    if entry.title != item.title or entry.body != item.body:
        session.add(
            EntryVersion(
                entry_id=entry.id,
                title=entry.title,
                body=entry.body,
                written_at=entry.updated_at,
                replaced_at=item.updated,
            )
        )
    _apply(merge, entry, item)
    merge.result.updated += 1


def _apply(merge: Merge, entry: Entry, item: EntryIn) -> None:
    entry.title = item.title
    entry.body = item.body
    entry.updated_at = item.updated
    entry.deleted_at = item.deleted
    entry.bring_to_supervision = item.bring_to_supervision
    entry.share_with_coach = item.share_with_coach
    entry.domains = [EntryDomain(domain=d.value) for d in item.domains]
    entry.tags = merge.tags(item.tags)
    known = {(v.written_at, v.replaced_at) for v in entry.versions}
    for version in item.versions:
        if (version.written, version.replaced) not in known:
            entry.versions.append(
                EntryVersion(
                    title=version.title,
                    body=version.body,
                    written_at=version.written,
                    replaced_at=version.replaced,
                )
            )


def _same(entry: Entry, item: EntryIn) -> bool:
    return (
        entry.title == item.title
        and entry.body == item.body
        and entry.updated_at == item.updated
        and entry.deleted_at == item.deleted
        and [d.domain for d in entry.domains] == [d.value for d in item.domains]
        and same_tags((t.name for t in entry.tags), item.tags)
    )


def _same_flags(entry: Entry, item: EntryIn) -> bool:
    return (entry.bring_to_supervision, entry.share_with_coach) == (
        item.bring_to_supervision,
        item.share_with_coach,
    )
