"""What travels inside packages: shared entries and cycles, comments and replies.

Everything read from a package is checked field by field; text carrying script or remote
content is refused, since a genuine package never holds it.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from app.domains import Domain
from app.sharing.package import PackageError

MAX_ITEMS = 20_000
MAX_TEXT = 2_000_000
_SCRIPT = re.compile(
    r"<\s*(script|iframe|object|embed|style|link|meta|form)\b|javascript\s*:|vbscript\s*:"
    r"|data\s*:\s*text/html|<[^>]+\son\w+\s*=",
    re.I,
)


@dataclass(frozen=True)
class SharedStage:
    """One stage of a shared cycle."""

    stage: str
    title: str
    text: str


@dataclass(frozen=True)
class SharedRecord:
    """An entry or a cycle as a participant shares it."""

    kind: str
    id: str
    title: str
    body: str
    domains: tuple[str, ...]
    tags: tuple[str, ...]
    written: str
    version: str
    stages: tuple[SharedStage, ...] = ()

    def content(self) -> str:
        """The text a coach reads: the body, or each stage under its title."""
        if self.kind == "entry":
            return self.body
        return "\n\n".join(f"## {s.title}\n\n{s.text}" for s in self.stages if s.text.strip())


@dataclass(frozen=True)
class CommentNote:
    """A coach's comment, or a participant's reply to one."""

    id: str
    item: str
    stage: str
    body: str
    written: str
    reply_to: str | None = None


def stages_json(stages: tuple[SharedStage, ...]) -> str:
    """A shared cycle's stages as the coach's journal keeps them."""
    return json.dumps(
        [{"stage": s.stage, "title": s.title, "text": s.text} for s in stages], ensure_ascii=False
    )


def stages_from_json(text: str) -> tuple[SharedStage, ...]:
    """The stages kept by stages_json ("" for an entry gives none)."""
    if not text:
        return ()
    return tuple(SharedStage(s["stage"], s["title"], s["text"]) for s in json.loads(text))


def record_json(record: SharedRecord) -> dict[str, Any]:
    """A shared record as JSON."""
    data: dict[str, Any] = {
        "kind": record.kind,
        "id": record.id,
        "title": record.title,
        "body": record.body,
        "domains": list(record.domains),
        "tags": list(record.tags),
        "written": record.written,
        "version": record.version,
    }
    if record.kind == "cycle":
        data["stages"] = [
            {"stage": s.stage, "title": s.title, "text": s.text} for s in record.stages
        ]
    return data


def note_json(note: CommentNote) -> dict[str, Any]:
    """A comment or reply as JSON."""
    return {
        "id": note.id,
        "item": note.item,
        "stage": note.stage,
        "body": note.body,
        "written": note.written,
        "reply_to": note.reply_to,
    }


def _refuse(message: str) -> PackageError:
    return PackageError(f"This package's contents are not valid: {message}")


def _text(raw: dict[str, Any], key: str, *, limit: int = MAX_TEXT) -> str:
    value = raw.get(key, "")
    if not isinstance(value, str) or len(value) > limit:
        raise _refuse(f"'{key}' is not text of a sane length.")
    if _SCRIPT.search(value):
        raise PackageError(
            "This package holds text with embedded script or web content, which a genuine "
            "package never does. It was not imported."
        )
    return value


def _uuid(raw: dict[str, Any], key: str, *, optional: bool = False) -> str | None:
    value = raw.get(key)
    if value is None and optional:
        return None
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise _refuse(f"'{key}' is not an id.") from None


def _moment(raw: dict[str, Any], key: str) -> str:
    value = raw.get(key)
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError:
        raise _refuse(f"'{key}' is not a date and time.") from None
    if parsed.tzinfo is None:
        raise _refuse(f"'{key}' has no time zone.")
    return parsed.astimezone(UTC).isoformat()


def _strings(raw: dict[str, Any], key: str, allowed: set[str] | None = None) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or len(value) > 100:
        raise _refuse(f"'{key}' is not a list.")
    out = []
    for item in value:
        if not isinstance(item, str) or len(item) > 200 or (allowed and item not in allowed):
            raise _refuse(f"'{key}' holds something unexpected.")
        out.append(_text({"v": item}, "v"))
    return tuple(out)


def _list(payload: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = payload.get(key, [])
    if not isinstance(value, list) or len(value) > MAX_ITEMS:
        raise _refuse(f"'{key}' is not a list of a sane length.")
    if not all(isinstance(v, dict) for v in value):
        raise _refuse(f"'{key}' holds something that is not an object.")
    return value


def parse_records(payload: dict[str, Any]) -> list[SharedRecord]:
    """Shared entries and cycles from a share package's payload."""
    domains = {d.value for d in Domain}
    records = []
    for raw in _list(payload, "items"):
        kind = raw.get("kind")
        if kind not in ("entry", "cycle"):
            raise _refuse("an item is neither an entry nor a cycle.")
        stages: tuple[SharedStage, ...] = ()
        if kind == "cycle":
            stage_list = raw.get("stages")
            if not isinstance(stage_list, list) or len(stage_list) > 50:
                raise _refuse("a cycle's stages are not a list.")
            stages = tuple(
                SharedStage(
                    _text(s, "stage", limit=100), _text(s, "title", limit=500), _text(s, "text")
                )
                for s in stage_list
                if isinstance(s, dict)
            )
        item_id = _uuid(raw, "id")
        assert item_id is not None
        records.append(
            SharedRecord(
                kind=str(kind),
                id=item_id,
                title=_text(raw, "title", limit=2000),
                body=_text(raw, "body"),
                domains=_strings(raw, "domains", domains),
                tags=_strings(raw, "tags"),
                written=_moment(raw, "written"),
                version=_moment(raw, "version"),
                stages=stages,
            )
        )
    return records


def parse_notes(payload: dict[str, Any], key: str) -> list[CommentNote]:
    """Comments (in feedback) or replies (in a share) from a payload."""
    notes = []
    for raw in _list(payload, key):
        note_id, item = _uuid(raw, "id"), _uuid(raw, "item")
        assert note_id is not None and item is not None
        notes.append(
            CommentNote(
                id=note_id,
                item=item,
                stage=_text(raw, "stage", limit=100),
                body=_text(raw, "body", limit=200_000),
                written=_moment(raw, "written"),
                reply_to=_uuid(raw, "reply_to", optional=True),
            )
        )
    return notes
