"""What travels inside packages: shared entries and cycles, comments and replies.

Everything read from a package is checked field by field. Text is taken as it is (words like
"<form>" or "javascript:" are ordinary writing): it is made safe where it is shown, since
Markdown is rendered through the sanitiser. The sender runs these same checks before a package
is written, so a package the receiver would refuse is never made.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from app.json_fields import FieldReader, Wording
from app.sharing.package import PackageError
from app.writing.cycle_records import LEADERSHIP_DIMENSIONS
from app.writing.cycle_states import CycleStatus, LoopLevel
from app.writing.domains import Domain

MAX_ITEMS = 20_000
MAX_TEXT = 2_000_000
MAX_NOTE = 200_000
EMPTY_SHARE = (
    "This share holds no entries, cycles or replies, which a genuine share never does. "
    "Nothing was imported."
)


class ContentError(PackageError):
    """Content a reader refuses: `reason` says what, `where` which item or note (when known,
    as a sender would name it: "'Huddle'", "a reply")."""

    def __init__(self, reason: str, where: str = "") -> None:
        super().__init__(f"This package's contents are not valid: {reason}")
        self.reason = reason
        self.where = where


@dataclass(frozen=True)
class SharedStage:
    """One stage of a shared cycle."""

    stage: str
    title: str
    text: str


@dataclass(frozen=True)
class CycleFacts:
    """What a coach's Insights count of a shared cycle: where it stands, the loop it reached,
    its experiment's day, when reflection began and the leadership dimensions ticked. No
    words of the participant's: only choices and dates."""

    status: CycleStatus
    loop: LoopLevel
    experiment_date: date | None
    reflection_began: datetime | None
    dimensions: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        """The facts as a package (and the coach's journal) keeps them."""
        return {
            "status": self.status.value,
            "loop": self.loop.value,
            "experiment_date": self.experiment_date.isoformat() if self.experiment_date else None,
            "reflection_began": (
                self.reflection_began.isoformat() if self.reflection_began else None
            ),
            "dimensions": list(self.dimensions),
        }


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
    facts: CycleFacts | None = None
    """A cycle's facts (None for an entry, or a cycle from a version that sent none)."""

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
        if record.facts is not None:
            data["facts"] = record.facts.as_json()
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


_READ = FieldReader(
    ContentError,
    Wording(
        element_where="",
        not_element_object="'{key}' holds something that is not an object.",
        not_text="'{key}' is not text.",
        too_long="its {key} is longer than {limit:,} characters.",
        not_uuid="'{key}' is not an id.",
        not_list="'{key}' is not a list.",
        too_many="it has more than {limit:,} {key}.",
        not_strings="'{key}' holds something unexpected.",
        not_allowed="'{key}' holds something unexpected.",
        string_too_long="one of its {key} is longer than {limit:,} characters.",
        not_moment="'{key}' is not a date and time.",
        no_zone="'{key}' has no time zone.",
    ),
)
"""Reads the fields of shared items and notes; a refusal is a ContentError."""
_PAYLOAD = _READ.worded(
    too_many="it holds more than {limit:,} {key}, more than a package may carry."
)
MAX_LIST = 100
MAX_LIST_VALUE = 200
_DOMAIN_CODES = tuple(d.value for d in Domain)


def _text(raw: dict[str, Any], key: str, *, limit: int = MAX_TEXT) -> str:
    return _READ.text(raw, key, optional=True, limit=limit)


def _moment(raw: dict[str, Any], key: str) -> str:
    # Any year Python can hold: a package only carries the sender's own dates.
    return _READ.moment(raw, key, years=None).isoformat()


def _strings(
    raw: dict[str, Any], key: str, allowed: tuple[str, ...] | None = None
) -> tuple[str, ...]:
    found = _READ.strings(raw, key, limit=MAX_LIST, longest=MAX_LIST_VALUE, allowed=allowed)
    return tuple(found)


def parse_records(payload: dict[str, Any]) -> list[SharedRecord]:
    """Shared entries and cycles from a share package's payload."""
    records = []
    for raw in _PAYLOAD.objects(payload, "items", limit=MAX_ITEMS):
        try:
            records.append(_record(raw))
        except ContentError as exc:
            title = raw.get("title")
            if not isinstance(title, str):
                raise
            shown = title if len(title) <= 60 else title[:59] + "…"
            raise ContentError(exc.reason, repr(shown)) from None
    return records


def _record(raw: dict[str, Any]) -> SharedRecord:
    kind = raw.get("kind")
    if kind not in ("entry", "cycle"):
        raise ContentError("an item is neither an entry nor a cycle.")
    stages: tuple[SharedStage, ...] = ()
    if kind == "cycle":
        stage_list = raw.get("stages")
        if not isinstance(stage_list, list) or not all(isinstance(s, dict) for s in stage_list):
            raise ContentError("a cycle's stages are not a list.")
        if len(stage_list) > 50:
            raise ContentError("it has more than 50 stages.")
        stages = tuple(
            SharedStage(
                _text(s, "stage", limit=100), _text(s, "title", limit=500), _text(s, "text")
            )
            for s in stage_list
        )
    return SharedRecord(
        kind=str(kind),
        facts=read_facts(raw.get("facts")) if kind == "cycle" else None,
        id=_READ.ident(raw, "id"),
        title=_text(raw, "title", limit=2000),
        body=_text(raw, "body"),
        domains=_strings(raw, "domains", _DOMAIN_CODES),
        tags=_strings(raw, "tags"),
        written=_moment(raw, "written"),
        version=_moment(raw, "version"),
        stages=stages,
    )


def read_facts(value: object) -> CycleFacts | None:
    """A shared cycle's facts, checked (None when the sender's version sent none)."""
    if value is None:
        return None
    raw = _READ.obj(value, "its facts")
    return CycleFacts(
        status=_READ.choice(raw, "status", CycleStatus),
        loop=_READ.choice(raw, "loop", LoopLevel),
        experiment_date=_READ.maybe_day(raw, "experiment_date", years=None),
        reflection_began=_READ.maybe_moment(raw, "reflection_began", years=None),
        dimensions=tuple(
            dict.fromkeys(
                _READ.strings(raw, "dimensions", limit=MAX_LIST, allowed=LEADERSHIP_DIMENSIONS)
            )
        ),
    )


def facts_from_json(text: str) -> CycleFacts | None:
    """The facts as the coach's journal keeps them ("" for none)."""
    if not text:
        return None
    try:
        return read_facts(json.loads(text))
    except (ValueError, ContentError):
        return None  # written by this app from a checked package: a damaged row counts as none


def parse_notes(payload: dict[str, Any], key: str) -> list[CommentNote]:
    """Comments (in feedback) or replies (in a share) from a payload."""
    notes = []
    for raw in _PAYLOAD.objects(payload, key, limit=MAX_ITEMS):
        try:
            notes.append(_note(raw))
        except ContentError as exc:
            raise ContentError(exc.reason, "a reply" if key == "replies" else "a comment") from None
    return notes


def _note(raw: dict[str, Any]) -> CommentNote:
    note_id, item = _READ.ident(raw, "id"), _READ.ident(raw, "item")
    return CommentNote(
        id=note_id,
        item=item,
        stage=_text(raw, "stage", limit=100),
        body=_text(raw, "body", limit=MAX_NOTE),
        written=_moment(raw, "written"),
        reply_to=_READ.maybe_ident(raw, "reply_to"),
    )


def check_share(payload: dict[str, Any]) -> tuple[list[SharedRecord], list[CommentNote]]:
    """A share's items and replies, every field checked; a share with neither is refused."""
    records, replies = parse_records(payload), parse_notes(payload, "replies")
    if not records and not replies:
        raise PackageError(EMPTY_SHARE)
    return records, replies


def check_feedback(payload: dict[str, Any]) -> list[CommentNote]:
    """A feedback package's comments, every field checked."""
    return parse_notes(payload, "comments")
