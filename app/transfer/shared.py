"""Shared items (a coach's side), comments and replies (both sides) in the export file."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.sharing.content import (
    ContentError,
    SharedStage,
    facts_from_json,
    read_facts,
    stages_from_json,
    stages_json,
)
from app.storage.tables import Comment, SharedItem
from app.transfer import fields as f
from app.transfer.merge import Merge

ITEM_KINDS = ("entry", "cycle")

# -- export --------------------------------------------------------------------------------


def export_shared_items(session: Session) -> list[dict[str, Any]]:
    """Every entry or cycle participants shared with this journal, with the texts it keeps."""
    query = select(SharedItem).order_by(SharedItem.participant, SharedItem.item_id)
    return [
        {
            "participant": s.participant,
            "id": s.item_id,
            "kind": s.kind,
            "title": s.title,
            "content": s.content,
            "previous_content": s.previous_content,
            "commented_content": s.commented_content,
            "stages": [
                {"stage": t.stage, "title": t.title, "text": t.text}
                for t in stages_from_json(s.stages)
            ],
            "domains": s.domains.split(",") if s.domains else [],
            "tags": s.tags.split("\n") if s.tags else [],
            "written": f.iso(s.written_at),
            "version": f.iso(s.version),
            "received": f.iso(s.received_at),
            "discussed": s.discussed,
            "facts": facts.as_json() if (facts := facts_from_json(s.facts)) else None,
        }
        for s in session.scalars(query)
    ]


def export_comments(session: Session) -> list[dict[str, Any]]:
    """Every comment and reply, written here or received, oldest first."""
    query = select(Comment).order_by(Comment.created_at, Comment.id)
    return [
        {
            "id": c.id,
            "contact": c.contact,
            "item": c.item_id,
            "stage": c.stage_id,
            "reply_to": c.reply_to,
            "mine": c.mine,
            "body": c.body,
            "created": f.iso(c.created_at),
            "read": c.read,
            "sent": f.iso(c.sent_at),
        }
        for c in session.scalars(query)
    ]


# -- parsing -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SharedItemIn:
    """A shared item from the file, checked."""

    participant: str
    id: str
    kind: str
    title: str
    content: str
    previous_content: str
    commented_content: str
    stages: str  # as the journal keeps them (JSON), "" for an entry
    domains: str
    tags: str
    written: datetime
    version: datetime
    received: datetime
    discussed: bool
    facts: str = ""  # a cycle's facts as the journal keeps them (JSON), "" for none


@dataclass(frozen=True)
class CommentIn:
    """A comment or reply from the file, checked."""

    id: str
    contact: str
    item: str
    stage: str
    reply_to: str | None
    mine: bool
    body: str
    created: datetime
    read: bool
    sent: datetime | None


def parse_shared_item(value: object, where: str) -> SharedItemIn:
    """Check one shared item."""
    item = f.read.obj(value, where)
    item_id = f.read.ident(item, "id", where)
    kind = f.read.text(item, "kind", where)
    if kind not in ITEM_KINDS:
        raise f.refuse(where, "'kind' must be one of: entry, cycle.")
    stages = []
    for n, stage in enumerate(f.read.objects(item, "stages", where), start=1):
        at = f"stage {n} of {where}"
        stages.append(
            SharedStage(
                f.read.text(stage, "stage", at),
                f.read.text(stage, "title", at),
                f.read.text(stage, "text", at),
            )
        )
    if kind == "entry" and stages:
        raise f.refuse(where, "a shared entry has no stages.")
    tags = f.read.strings(item, "tags", where)
    if any("\n" in t for t in tags):
        raise f.refuse(where, "a tag cannot hold a line break.")
    try:
        facts = read_facts(item.get("facts")) if kind == "cycle" else None
    except ContentError as exc:
        raise f.refuse(where, f"its facts are not valid: {exc.reason}") from None
    return SharedItemIn(
        facts=json.dumps(facts.as_json()) if facts is not None else "",
        participant=f.fingerprint(item, "participant", where),
        id=item_id,
        kind=kind,
        title=f.read.text(item, "title", where, optional=True),
        content=f.read.text(item, "content", where),
        previous_content=f.read.text(item, "previous_content", where, optional=True),
        commented_content=f.read.text(item, "commented_content", where, optional=True),
        stages=stages_json(tuple(stages)) if kind == "cycle" else "",
        domains=",".join(d.value for d in f.domains(item, where)),
        tags="\n".join(tags),
        written=f.read.moment(item, "written", where),
        version=f.read.moment(item, "version", where),
        received=f.read.moment(item, "received", where),
        discussed=f.read.flag(item, "discussed", where),
    )


def parse_comment(value: object, where: str) -> CommentIn:
    """Check one comment or reply."""
    item = f.read.obj(value, where)
    comment_id = f.read.ident(item, "id", where)
    item_id = f.read.ident(item, "item", where)
    mine = item.get("mine")
    if not isinstance(mine, bool):
        raise f.refuse(where, "'mine' must be true or false.")
    return CommentIn(
        id=comment_id,
        contact=f.fingerprint(item, "contact", where),
        item=item_id,
        stage=f.read.text(item, "stage", where, optional=True),
        reply_to=f.read.maybe_ident(item, "reply_to", where),
        mine=mine,
        body=f.read.text(item, "body", where),
        created=f.read.moment(item, "created", where),
        read=f.read.flag(item, "read", where),
        sent=f.read.maybe_moment(item, "sent", where),
    )


# -- merging -------------------------------------------------------------------------------


def merge_shared_item(merge: Merge, item: SharedItemIn) -> None:
    """Add a shared item, replace it with a newer version, or leave the newer one here.

    At the same version only the coach's own marks can travel, and only towards "done": a
    discussed item stays discussed, and a text commented on is not forgotten.
    """
    row = merge.session.get(SharedItem, (item.participant, item.id))
    if row is not None and item.version < row.version:
        merge.result.kept_newer += 1
        return
    if row is not None and item.version == row.version:
        discussed = row.discussed or item.discussed
        commented = row.commented_content or item.commented_content
        if (discussed, commented) == (row.discussed, row.commented_content):
            merge.result.unchanged += 1
        else:
            row.discussed, row.commented_content = discussed, commented
            merge.result.updated += 1
        return
    if row is None:
        row = SharedItem(participant=item.participant, item_id=item.id)
        merge.session.add(row)
        merge.result.added += 1
    else:
        merge.result.updated += 1
    row.kind, row.title, row.content = item.kind, item.title, item.content
    row.previous_content, row.commented_content = item.previous_content, item.commented_content
    row.stages, row.domains, row.tags = item.stages, item.domains, item.tags
    row.written_at, row.version, row.received_at = item.written, item.version, item.received
    row.discussed = item.discussed
    row.facts = item.facts


def merge_comment(merge: Merge, item: CommentIn) -> None:
    """Add a comment; for one already here, only its read and sent marks can be added.

    A comment is never edited once written, so the journal's own copy of its text stands.
    """
    row = merge.session.get(Comment, item.id)
    if row is None:
        merge.session.add(
            Comment(
                id=item.id,
                contact=item.contact,
                item_id=item.item,
                stage_id=item.stage,
                reply_to=item.reply_to,
                mine=item.mine,
                body=item.body,
                created_at=item.created,
                read=item.read,
                sent_at=item.sent,
            )
        )
        merge.result.added += 1
        return
    read = row.read or item.read
    sent = row.sent_at or item.sent
    if (read, sent) == (row.read, row.sent_at):
        merge.result.unchanged += 1
        return
    row.read, row.sent_at = read, sent
    merge.result.updated += 1
