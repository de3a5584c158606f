"""A file a person imports: a JSON export, or a share or feedback package.

The two are told apart by their first bytes (a package is a ZIP, so it starts with "PK"), and
each is held to its own size limit before it is read. The command line and the window both
import through `TransferService.import_file`, so they follow the same rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from app.errors import JournalError


class IncomingKind(StrEnum):
    """What kind of file it is, going by its first bytes."""

    PACKAGE = "package"
    JSON = "json"


class ImportCancelled(Exception):
    """Raised by a progress callback to stop an import; the journal is left as it was."""


@dataclass(frozen=True)
class ImportOutcome:
    """What an import did: `kind` is "share", "feedback" or "json"; `message` says it.

    For a share, `verified` is False while the coach has not compared the sender's
    `fingerprint`.
    """

    kind: str
    message: str
    changed: bool
    sender: str = ""
    items: int = 0
    notes: int = 0
    verified: bool = True
    fingerprint: str = ""


def incoming_kind(path: Path) -> IncomingKind:
    """A package (starts with "PK") or, otherwise, a JSON export; refuse an unreadable file."""
    try:
        with path.open("rb") as handle:
            head = handle.read(2)
    except OSError as exc:
        raise JournalError(f"{path} could not be read: {exc.strerror}.") from None
    if not head:
        raise JournalError(f"{path.name} is empty: there is nothing in it to import.")
    return IncomingKind.PACKAGE if head == b"PK" else IncomingKind.JSON


def read_package(path: Path) -> bytes:
    """The bytes of a package file, refusing one larger than Inquiry Journal accepts."""
    from app.sharing.package import MAX_PACKAGE_BYTES

    try:
        if path.stat().st_size > MAX_PACKAGE_BYTES:
            raise JournalError(f"{path.name} is larger than Inquiry Journal accepts.")
        return path.read_bytes()
    except OSError as exc:
        raise JournalError(f"{path} could not be read: {exc.strerror}.") from None
