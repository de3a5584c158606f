"""The journal as JSON: a complete, documented export and an all-or-nothing, idempotent import.

The format is described in docs/export-format.md.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app import __version__
from app.domains import Domain
from app.errors import ImportRejectedError, StorageError
from app.journal import Journal
from app.storage.engine import explain
from app.storage.files import write_atomically
from app.storage.models import Entry, EntryDomain, EntryVersion, Tag
from app.tags import normalise_tags

FORMAT_NAME = "inquiry-journal"
FORMAT_VERSION = 1
MAX_IMPORT_BYTES = 512 * 1024 * 1024

Progress = Callable[[int, int], None]


@dataclass
class ImportResult:
    """What an import did."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_newer: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def changed_anything(self) -> bool:
        """True when the journal is different after the import."""
        return bool(self.added or self.updated)

    def describe(self) -> str:
        """One plain sentence about the outcome."""
        if not self.changed_anything:
            return "Nothing to import: every entry in the file is already in this journal."
        parts = [f"{self.added} added", f"{self.updated} updated"]
        if self.unchanged:
            parts.append(f"{self.unchanged} already here")
        if self.kept_newer:
            parts.append(f"{self.kept_newer} kept as they are (this journal's copy is newer)")
        return "Imported: " + ", ".join(parts) + "."


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.astimezone(UTC).isoformat()


def export_document(journal: Journal, progress: Progress | None = None) -> dict[str, Any]:
    """The whole journal (trash and earlier versions included) as a JSON-ready dict."""
    total = journal.entries.count() + journal.entries.count(trashed=True)
    entries: list[dict[str, Any]] = []
    versions = _all_versions(journal)
    for record in journal.entries.all_records():
        entries.append(
            {
                "id": record.id,
                "title": record.title,
                "body": record.body,
                "domains": [d.value for d in record.domains],
                "tags": list(record.tags),
                "created": _iso(record.created),
                "updated": _iso(record.updated),
                "deleted": _iso(record.deleted),
                "versions": versions.get(record.id, []),
            }
        )
        if progress:
            progress(len(entries), total)
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "app_version": __version__,
        "journal_id": journal.meta.journal_id,
        "exported": _iso(datetime.now(UTC)),
        "entries": entries,
    }


def export_json(journal: Journal, out: Path, progress: Progress | None = None) -> int:
    """Write the export to `out` atomically; return the number of entries written."""
    document = export_document(journal, progress)
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    write_atomically(out, text.encode("utf-8"))
    return len(document["entries"])


def _all_versions(journal: Journal) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    with Session(journal.engine) as session:
        rows = session.scalars(select(EntryVersion).order_by(EntryVersion.id))
        for version in rows:
            found.setdefault(version.entry_id, []).append(
                {
                    "title": version.title,
                    "body": version.body,
                    "written": _iso(version.written_at),
                    "replaced": _iso(version.replaced_at),
                }
            )
    return found


# -- import --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Version:
    title: str
    body: str
    written: datetime
    replaced: datetime


@dataclass(frozen=True)
class _Incoming:
    id: str
    title: str
    body: str
    domains: tuple[Domain, ...]
    tags: tuple[str, ...]
    created: datetime
    updated: datetime
    deleted: datetime | None
    versions: tuple[_Version, ...]


def read_import_file(path: Path) -> list[_Incoming]:
    """Read and check a whole export file; raise ImportRejectedError naming the first problem."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportRejectedError(f"{path} could not be read: {exc.strerror}.") from exc
    if size > MAX_IMPORT_BYTES:
        raise ImportRejectedError(f"{path.name} is larger than an Inquiry Journal export can be.")
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRejectedError(f"{path.name} is not a text file (it is not UTF-8).") from None
    except OSError as exc:
        raise ImportRejectedError(f"{path} could not be read: {exc.strerror}.") from exc
    try:
        document = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ImportRejectedError(
            f"{path.name} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."
        ) from None
    return parse_document(document, path.name)


def parse_document(document: object, name: str = "the file") -> list[_Incoming]:
    """Check an export document's shape and values; return the entries it holds."""
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ImportRejectedError(f"{name} is not an Inquiry Journal export.")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ImportRejectedError(f"{name} has no format version.")
    if version > FORMAT_VERSION:
        raise ImportRejectedError(
            f"{name} was exported by a newer version of Inquiry Journal (format {version}); "
            "update the app to import it."
        )
    entries = document.get("entries")
    if not isinstance(entries, list):
        raise ImportRejectedError(f"{name} has no list of entries.")
    parsed: list[_Incoming] = []
    seen: set[str] = set()
    for index, item in enumerate(entries, start=1):
        entry = _parse_entry(item, f"entry {index} of {name}")
        if entry.id in seen:
            raise ImportRejectedError(f"Entry {index} of {name} repeats the id {entry.id}.")
        seen.add(entry.id)
        parsed.append(entry)
    return parsed


def _parse_entry(item: object, where: str) -> _Incoming:
    if not isinstance(item, dict):
        raise ImportRejectedError(f"{where.capitalize()} is not an object.")
    try:
        entry_id = str(uuid.UUID(_text(item, "id", where)))
    except ValueError:
        raise ImportRejectedError(f"{where.capitalize()} has an id that is not a UUID.") from None
    domains_raw = _list(item, "domains", where)
    try:
        domains = tuple(Domain(str(code)) for code in domains_raw)
    except ValueError:
        allowed = ", ".join(d.value for d in Domain)
        raise ImportRejectedError(
            f"{where.capitalize()} has an unknown domain (allowed: {allowed})."
        ) from None
    tags_raw = _list(item, "tags", where)
    if not all(isinstance(t, str) for t in tags_raw):
        raise ImportRejectedError(f"{where.capitalize()} has a tag that is not text.")
    versions = tuple(
        _Version(
            title=_text(v, "title", f"a version in {where}"),
            body=_text(v, "body", f"a version in {where}"),
            written=_time(v, "written", f"a version in {where}"),
            replaced=_time(v, "replaced", f"a version in {where}"),
        )
        for v in _dicts(item.get("versions", []), f"the versions of {where}")
    )
    deleted = item.get("deleted")
    return _Incoming(
        id=entry_id,
        title=_text(item, "title", where),
        body=_text(item, "body", where),
        domains=tuple(d for d in Domain if d in domains),
        tags=normalise_tags(tags_raw),
        created=_time(item, "created", where),
        updated=_time(item, "updated", where),
        deleted=None if deleted is None else _time(item, "deleted", where),
        versions=versions,
    )


def _text(item: dict[str, Any], key: str, where: str) -> str:
    value = item.get(key)
    if not isinstance(value, str):
        raise ImportRejectedError(f"{where.capitalize()}: '{key}' is missing or not text.")
    return value


def _list(item: dict[str, Any], key: str, where: str) -> list[Any]:
    value = item.get(key, [])
    if not isinstance(value, list):
        raise ImportRejectedError(f"{where.capitalize()}: '{key}' should be a list.")
    return value


def _dicts(value: object, where: str) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ImportRejectedError(f"{where.capitalize()} should be a list of objects.")
    return value


def _time(item: dict[str, Any], key: str, where: str) -> datetime:
    value = item.get(key)
    try:
        parsed = datetime.fromisoformat(str(value)) if isinstance(value, str) else None
    except ValueError:
        parsed = None
    if parsed is None or parsed.tzinfo is None:
        raise ImportRejectedError(
            f"{where.capitalize()}: '{key}' should be a date and time with a time zone, "
            "such as 2026-03-01T09:30:00+00:00."
        )
    return parsed.astimezone(UTC)


def import_json(journal: Journal, path: Path, progress: Progress | None = None) -> ImportResult:
    """Import an export file into the journal in one transaction (all or nothing).

    Entries already present are left alone unless the file's copy is newer; importing the
    same file twice changes nothing.
    """
    incoming = read_import_file(path)
    result = ImportResult()
    try:
        with Session(journal.engine) as session, session.begin():
            tags = {t.name.casefold(): t for t in session.scalars(select(Tag))}
            for done, item in enumerate(incoming, start=1):
                _merge(session, item, tags, result)
                if progress:
                    progress(done, len(incoming))
    except SQLAlchemyError as exc:
        raise StorageError(
            f"The import was not saved ({explain(exc)}); the journal is unchanged."
        ) from exc
    return result


def _merge(session: Session, item: _Incoming, tags: dict[str, Tag], result: ImportResult) -> None:
    entry = session.get(Entry, item.id)
    if entry is None:
        entry = Entry(id=item.id, created_at=item.created)
        session.add(entry)
        _apply(session, entry, item, tags)
        result.added += 1
        return
    if _same(entry, item):
        result.unchanged += 1
        return
    if item.updated <= entry.updated_at:
        result.kept_newer += 1
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
    _apply(session, entry, item, tags)
    result.updated += 1


def _apply(session: Session, entry: Entry, item: _Incoming, tags: dict[str, Tag]) -> None:
    entry.title = item.title
    entry.body = item.body
    entry.updated_at = item.updated
    entry.deleted_at = item.deleted
    entry.domains = [EntryDomain(domain=d.value) for d in item.domains]
    rows = []
    for name in item.tags:
        tag = tags.get(name.casefold())
        if tag is None:
            tag = tags[name.casefold()] = Tag(name=name)
            session.add(tag)
        rows.append(tag)
    entry.tags = rows
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


def _same(entry: Entry, item: _Incoming) -> bool:
    return (
        entry.title == item.title
        and entry.body == item.body
        and entry.updated_at == item.updated
        and entry.deleted_at == item.deleted
        and [d.domain for d in entry.domains] == [d.value for d in item.domains]
        and sorted(t.name.casefold() for t in entry.tags) == sorted(t.casefold() for t in item.tags)
    )
