"""The export file as a whole: build it, check it, and import it in one transaction."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app import __version__
from app.errors import ImportRejectedError, StorageError
from app.journal import Journal
from app.storage.engine import explain, writing
from app.storage.files import write_atomically
from app.transfer import fields as f
from app.transfer.cycles import (
    CycleIn,
    InquiryIn,
    export_cycles,
    export_inquiries,
    link_cycle,
    merge_cycle,
    merge_inquiry,
    parse_cycle,
    parse_inquiry,
)
from app.transfer.entries import EntryIn, export_entries, merge_entry, parse_entry
from app.transfer.merge import ImportResult, Merge
from app.transfer.sessions import SessionIn, export_sessions, merge_session, parse_session

FORMAT_NAME = "inquiry-journal"
FORMAT_VERSION = 3
MAX_IMPORT_BYTES = 512 * 1024 * 1024

Progress = Callable[[int, int], None]

__all__ = ["ImportResult"]


def export_document(journal: Journal) -> dict[str, Any]:
    """The whole journal (trash and earlier versions included) as a JSON-ready dict."""
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "app_version": __version__,
        "journal_id": journal.meta.journal_id,
        "exported": f.iso(datetime.now(UTC)),
        "entries": export_entries(journal),
        "inquiries": export_inquiries(journal),
        "cycles": export_cycles(journal),
        "sessions": export_sessions(journal),
    }


def export_json(journal: Journal, out: Path) -> dict[str, int]:
    """Write the export to `out` atomically; return how many records of each kind it holds."""
    document = export_document(journal)
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    write_atomically(out, text.encode("utf-8"))
    return {key: len(document[key]) for key in ("entries", "inquiries", "cycles", "sessions")}


@dataclass(frozen=True)
class ImportFile:
    """Everything in an export file, checked."""

    entries: list[EntryIn]
    inquiries: list[InquiryIn]
    cycles: list[CycleIn]
    sessions: list[SessionIn]

    @property
    def size(self) -> int:
        """How many records the file holds."""
        return len(self.entries) + len(self.inquiries) + len(self.cycles) + len(self.sessions)


def read_import_file(path: Path) -> ImportFile:
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


def parse_document(document: object, name: str = "the file") -> ImportFile:
    """Check an export document's shape and values."""
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
    for key in ("entries", "inquiries", "cycles", "sessions"):
        if not isinstance(document.get(key, []), list):
            raise ImportRejectedError(f"{name} has no list of {key}.")
    entries = [parse_entry(v, f"entry {n} of {name}") for n, v in _numbered(document, "entries")]
    inquiries = [
        parse_inquiry(v, f"line of inquiry {n} of {name}")
        for n, v in _numbered(document, "inquiries")
    ]
    cycles = [parse_cycle(v, f"cycle {n} of {name}") for n, v in _numbered(document, "cycles")]
    sessions = [
        parse_session(v, f"session {n} of {name}") for n, v in _numbered(document, "sessions")
    ]
    for kind, ids in (
        ("entry", [e.id for e in entries]),
        ("line of inquiry", [i.id for i in inquiries]),
        ("cycle", [c.id for c in cycles]),
        ("session", [s.id for s in sessions]),
    ):
        seen: set[str] = set()
        for n, record_id in enumerate(ids, start=1):
            if record_id in seen:
                raise ImportRejectedError(
                    f"{kind.capitalize()} {n} of {name} repeats the id {record_id}."
                )
            seen.add(record_id)
    return ImportFile(entries, inquiries, cycles, sessions)


def _numbered(document: dict[str, Any], key: str) -> list[tuple[int, object]]:
    return list(enumerate(document.get(key, []), start=1))


def import_json(journal: Journal, path: Path, progress: Progress | None = None) -> ImportResult:
    """Import an export file into the journal in one transaction (all or nothing).

    Records already present are left alone unless the file's copy is newer; importing the
    same file twice changes nothing.
    """
    incoming = read_import_file(path)
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, incoming.size)

    try:
        with Session(writing(journal.engine)) as session, session.begin():
            merge = Merge(session)
            for entry in incoming.entries:
                merge_entry(merge, entry)
                step()
            for inquiry in incoming.inquiries:
                merge_inquiry(merge, inquiry)
                step()
            session.flush()
            for cycle in incoming.cycles:
                merge_cycle(merge, cycle)
                step()
            session.flush()
            for cycle in incoming.cycles:
                link_cycle(merge, cycle)
            session.flush()
            for record in incoming.sessions:
                merge_session(merge, record)
                step()
    except SQLAlchemyError as exc:
        raise StorageError(
            f"The import was not saved ({explain(exc)}); the journal is unchanged."
        ) from exc
    return merge.result
