"""What the window and the command line call to move a journal's contents in and out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy.orm import sessionmaker

from app.journal.opening import Journal
from app.storage.files import write_atomically
from app.storage.transaction import transaction
from app.transfer.document import (
    IMPORT_FAILED,
    ImportResult,
    Progress,
    counts,
    export_document,
    import_document,
    read_import_file,
)
from app.transfer.incoming import ImportOutcome, IncomingKind, incoming_kind, read_package


class TransferService:
    """The journal as a JSON export, and files brought into it (an export or a package).

    Made over an open journal, `TransferService(journal)`, like the stores the journal hands
    out: each method is one transaction, and storage failures come out as StorageError.
    """

    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def document(self) -> dict[str, Any]:
        """Everything the journal holds, as a JSON-ready dict (docs/export-format.md).

        Read in one transaction, so the export is the journal at one moment even while the
        window saves: no cycle without its line of inquiry, no entry without its history.
        """
        sessions = sessionmaker(self._journal.engine, expire_on_commit=False)
        with transaction(sessions, write=False) as session:
            return export_document(session, self._journal.meta.journal_id)

    def export_json(self, out: Path) -> dict[str, int]:
        """Write the export to `out` atomically; return how many records of each kind it holds."""
        document = self.document()
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        write_atomically(out, text.encode("utf-8"))
        return counts(document)

    def import_json(self, path: Path, progress: Progress | None = None) -> ImportResult:
        """Import an export file in one transaction (all or nothing); importing the same file
        twice changes nothing. `progress(done, total)` is called as records are applied."""
        incoming = read_import_file(path)
        with transaction(sessionmaker(self._journal.engine), failure=IMPORT_FAILED) as session:
            return import_document(session, incoming, progress)

    def import_file(self, path: Path, progress: Progress | None = None) -> ImportOutcome:
        """Import a JSON export or a package, all or nothing.

        If `progress` raises (ImportCancelled from a Cancel button), the import rolls back and
        the exception goes on to the caller.
        """
        if incoming_kind(path) is IncomingKind.PACKAGE:
            from app.sharing.exchange import ExchangeService

            result = ExchangeService(self._journal).import_package(read_package(path), progress)
            return ImportOutcome(
                result.kind,
                result.message,
                result.changed,
                result.sender,
                result.items,
                result.notes,
                result.verified,
                result.fingerprint,
            )
        imported = self.import_json(path, progress)
        return ImportOutcome(
            "json",
            imported.describe(),
            imported.changed_anything,
            items=imported.added + imported.updated,
        )
