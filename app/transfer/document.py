"""The export file as a whole: build it from the tables, check a file, merge it into them.

These work inside a transaction they are given; `app/transfer/service.py` opens it."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from app import __version__
from app.errors import ImportRejectedError
from app.transfer import fields as f
from app.transfer.contacts import (
    ContactIn,
    ReceivedIn,
    SentIn,
    export_card,
    export_contacts,
    export_received,
    export_sent,
    merge_contact,
    merge_received,
    merge_sent,
    parse_contact,
    parse_received,
    parse_sent,
)
from app.transfer.cycles import (
    CycleIn,
    export_cycles,
    export_inquiries,
    link_cycle,
    merge_cycle,
    merge_inquiry,
    parse_cycle,
    parse_inquiry,
)
from app.transfer.dictionary import (
    PersonalWordIn,
    export_dictionary,
    merge_personal_word,
    parse_personal_word,
)
from app.transfer.entries import EntryIn, export_entries, merge_entry, parse_entry
from app.transfer.merge import ImportResult, Merge
from app.transfer.saved_searches import (
    SavedSearchIn,
    export_saved_searches,
    merge_saved_search,
    parse_saved_search,
)
from app.transfer.sessions import SessionIn, export_sessions, merge_session, parse_session
from app.transfer.shared import (
    CommentIn,
    SharedItemIn,
    export_comments,
    export_shared_items,
    merge_comment,
    merge_shared_item,
    parse_comment,
    parse_shared_item,
)
from app.writing.cycle_records import InquiryRecord

FORMAT_NAME = "inquiry-journal"
FORMAT_VERSION = 6
MAX_IMPORT_BYTES = 512 * 1024 * 1024
IMPORT_FAILED = "The import was not saved ({reason}); the journal is unchanged."
# The lists of records in a file, in the order they are imported.
SECTIONS = (
    "entries",
    "inquiries",
    "cycles",
    "sessions",
    "contacts",
    "shared_items",
    "comments",
    "sent",
    "received_packages",
    "saved_searches",
    "dictionary",
)

Progress = Callable[[int, int], None]

__all__ = ["ImportResult"]


def export_document(session: Session, journal_id: str) -> dict[str, Any]:
    """Everything the journal holds (trash, earlier versions and sharing included), as a
    JSON-ready dict, read in `session`. This journal's private keys are never part of it."""
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "app_version": __version__,
        "journal_id": journal_id,
        "exported": f.iso(datetime.now(UTC)),
        "card": export_card(session),
        "entries": export_entries(session),
        "inquiries": export_inquiries(session),
        "cycles": export_cycles(session),
        "sessions": export_sessions(session),
        "contacts": export_contacts(session),
        "shared_items": export_shared_items(session),
        "comments": export_comments(session),
        "sent": export_sent(session),
        "received_packages": export_received(session),
        "saved_searches": export_saved_searches(session),
        "dictionary": export_dictionary(session),
    }


def counts(document: dict[str, Any]) -> dict[str, int]:
    """How many records of each kind an export holds."""
    return {key: len(document[key]) for key in SECTIONS}


@dataclass(frozen=True)
class ImportFile:
    """Everything in an export file, checked."""

    entries: list[EntryIn]
    inquiries: list[InquiryRecord]
    cycles: list[CycleIn]
    sessions: list[SessionIn]
    contacts: list[ContactIn] = field(default_factory=list)
    shared_items: list[SharedItemIn] = field(default_factory=list)
    comments: list[CommentIn] = field(default_factory=list)
    sent: list[SentIn] = field(default_factory=list)
    received: list[ReceivedIn] = field(default_factory=list)
    saved_searches: list[SavedSearchIn] = field(default_factory=list)
    dictionary: list[PersonalWordIn] = field(default_factory=list)

    @property
    def size(self) -> int:
        """How many records the file holds."""
        return sum(
            len(records)
            for records in (
                self.entries,
                self.inquiries,
                self.cycles,
                self.sessions,
                self.contacts,
                self.shared_items,
                self.comments,
                self.sent,
                self.received,
                self.saved_searches,
                self.dictionary,
            )
        )


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
    except RecursionError:
        raise ImportRejectedError(
            f"{path.name} is nested too deeply to be an Inquiry Journal export."
        ) from None
    except ValueError:  # Python refuses to read an integer of thousands of digits
        raise ImportRejectedError(
            f"{path.name} holds a number too long to be part of an Inquiry Journal export."
        ) from None
    return parse_document(document, path.name)


def parse_document(document: object, name: str = "the file") -> ImportFile:
    """Check an export document's shape and values."""
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ImportRejectedError(f"{name} is not an Inquiry Journal export.")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ImportRejectedError(f"{name} has no format version.")
    if version > FORMAT_VERSION:
        number = f" (format {version})" if version < 10**6 else ""
        raise ImportRejectedError(
            f"{name} was exported by a newer version of Inquiry Journal{number}; "
            "update the app to import it."
        )
    for key in SECTIONS:
        if not isinstance(document.get(key, []), list):
            raise ImportRejectedError(f"{name} has no list of {key.replace('_', ' ')}.")
    _refuse_broken_text(document, name)
    entries = [parse_entry(v, f"entry {n} of {name}") for n, v in _numbered(document, "entries")]
    inquiries = [
        parse_inquiry(v, f"line of inquiry {n} of {name}")
        for n, v in _numbered(document, "inquiries")
    ]
    cycles = [parse_cycle(v, f"cycle {n} of {name}") for n, v in _numbered(document, "cycles")]
    sessions = [
        parse_session(v, f"session {n} of {name}") for n, v in _numbered(document, "sessions")
    ]
    contacts = [
        parse_contact(v, f"contact {n} of {name}") for n, v in _numbered(document, "contacts")
    ]
    shared = [
        parse_shared_item(v, f"shared item {n} of {name}")
        for n, v in _numbered(document, "shared_items")
    ]
    comments = [
        parse_comment(v, f"comment {n} of {name}") for n, v in _numbered(document, "comments")
    ]
    sent = [parse_sent(v, f"sent record {n} of {name}") for n, v in _numbered(document, "sent")]
    received = [
        parse_received(v, f"received package {n} of {name}")
        for n, v in _numbered(document, "received_packages")
    ]
    saved = [
        parse_saved_search(v, f"saved search {n} of {name}")
        for n, v in _numbered(document, "saved_searches")
    ]
    words = [
        parse_personal_word(v, f"dictionary word {n} of {name}")
        for n, v in _numbered(document, "dictionary")
    ]
    keys: list[tuple[str, list[str]]] = [
        ("entry", [e.id for e in entries]),
        ("line of inquiry", [i.id for i in inquiries]),
        ("cycle", [c.id for c in cycles]),
        ("session", [s.id for s in sessions]),
        ("contact", [c.fingerprint for c in contacts]),
        ("shared item", [f"{s.participant} {s.id}" for s in shared]),
        ("comment", [c.id for c in comments]),
        ("sent record", [f"{s.coach} {s.item}" for s in sent]),
        ("received package", [p.id for p in received]),
        ("saved search", [s.id for s in saved]),
    ]
    for kind, ids in keys:
        _refuse_repeats(kind, ids, name)
    actions = [a.id for s in sessions for a in s.actions]
    _refuse_repeats("action", actions, name, across=True)
    _refuse_repeats("dictionary word", [w.word for w in words], name, what="word")
    return ImportFile(
        entries,
        inquiries,
        cycles,
        sessions,
        contacts,
        shared,
        comments,
        sent,
        received,
        saved,
        words,
    )


def _refuse_repeats(
    kind: str, ids: list[str], name: str, *, across: bool = False, what: str = "id"
) -> None:
    seen: set[str] = set()
    for n, record_id in enumerate(ids, start=1):
        if record_id in seen:
            where = f"An {kind} in {name}" if across else f"{kind.capitalize()} {n} of {name}"
            raise ImportRejectedError(f"{where} repeats the {what} {record_id}.")
        seen.add(record_id)


def _refuse_broken_text(document: object, name: str) -> None:
    """Refuse text that cannot be stored: a lone surrogate (such as \\ud800) is not Unicode."""
    pending = [document]
    while pending:  # a loop, not recursion: the depth is whatever the file's author chose
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value.keys())
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise ImportRejectedError(
                    f"{name} holds text that is not valid Unicode (a lone surrogate, such as "
                    "\\ud800); nothing was imported."
                ) from None


R = TypeVar("R")
"""One kind of record read from the file."""


def _numbered(document: dict[str, Any], key: str) -> list[tuple[int, object]]:
    return list(enumerate(document.get(key, []), start=1))


def import_document(
    session: Session, incoming: ImportFile, progress: Progress | None = None
) -> ImportResult:
    """Merge a checked file into the journal in `session` (the caller commits or rolls back).

    Records already present are left alone unless the file's copy is newer; importing the
    same file twice changes nothing.
    """
    merge = Merge(session)
    done = 0

    def each(records: Sequence[R], merge_one: Callable[[Merge, R], object]) -> None:
        nonlocal done
        for record in records:
            merge_one(merge, record)
            done += 1
            if progress:
                progress(done, incoming.size)

    each(incoming.entries, merge_entry)
    each(incoming.inquiries, merge_inquiry)
    session.flush()
    each(incoming.cycles, merge_cycle)
    session.flush()
    for cycle in incoming.cycles:
        link_cycle(merge, cycle)
    session.flush()
    each(incoming.sessions, merge_session)
    each(incoming.contacts, merge_contact)
    each(incoming.shared_items, merge_shared_item)
    each(incoming.comments, merge_comment)
    each(incoming.sent, merge_sent)
    each(incoming.received, merge_received)
    each(incoming.saved_searches, merge_saved_search)
    each(incoming.dictionary, merge_personal_word)
    return merge.result
