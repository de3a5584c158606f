"""journal.json: the unencrypted label beside journal.db (id, format version, key mode).

It holds nothing personal: only what is needed to find the key and open the file.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from app.errors import NewerJournalError, NotAJournalError
from app.json_fields import FieldReader, Refusal, Wording, parse_json
from app.storage.files import write_atomically

META_NAME = "journal.json"
DB_NAME = "journal.db"
BACKUP_SUFFIX = ".ijbackup"
"""The ending of a backup file's name (the file itself: app/storage/backup_file.py)."""
FORMAT_VERSION = 1


class KeyMode(StrEnum):
    """How the journal key is kept."""

    KEYRING = "keyring"
    PASSPHRASE = "passphrase"


@dataclass(frozen=True)
class JournalMeta:
    """What journal.json records about a journal."""

    journal_id: str
    key_mode: KeyMode
    format_version: int = FORMAT_VERSION
    created: str = ""

    @staticmethod
    def new(key_mode: KeyMode) -> JournalMeta:
        """Metadata for a journal being created now."""
        return JournalMeta(
            journal_id=str(uuid.uuid4()),
            key_mode=key_mode,
            created=datetime.now(UTC).isoformat(timespec="seconds"),
        )

    def with_key_mode(self, key_mode: KeyMode) -> JournalMeta:
        """The same journal, keyed another way."""
        return JournalMeta(self.journal_id, key_mode, self.format_version, self.created)


def meta_path(folder: Path) -> Path:
    """Path of journal.json inside a journal folder."""
    return folder / META_NAME


def db_path(folder: Path) -> Path:
    """Path of journal.db inside a journal folder."""
    return folder / DB_NAME


def journal_exists(folder: Path) -> bool:
    """True when the folder holds a journal (its journal.json)."""
    return meta_path(folder).is_file()


def read_meta(folder: Path) -> JournalMeta:
    """Read journal.json; refuse a missing, malformed or newer one with a clear message."""
    path = meta_path(folder)
    try:
        raw = parse_json(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise NotAJournalError(f"There is no journal in {folder}.") from None
    except (OSError, ValueError) as exc:
        raise NotAJournalError(f"{path} could not be read ({exc}).") from exc
    meta = meta_from_json(raw, lambda problem: NotAJournalError(f"{path} is damaged: {problem}"))
    if meta.format_version > FORMAT_VERSION:
        raise NewerJournalError(
            "This journal was written by a newer version of Inquiry Journal. "
            "Please update the app to open it; the journal has not been changed."
        )
    return meta


MISSING_OR_WRONG = replace(
    Wording.alike("'{key}' is missing or wrong."), not_object="it holds no journal details."
)
"""How a damaged journal.json (or a record that holds its details) is described."""


def meta_from_json(raw: object, error: Refusal) -> JournalMeta:
    """The journal's details from what `write_meta` wrote (also kept in an unfinished
    operation's record); `error` says which field is missing or wrong."""
    read = FieldReader(error, MISSING_OR_WRONG)
    item = read.obj(raw)
    version = read.integer(item, "format_version")
    journal_id = read.ident(item, "journal_id")
    key_mode = read.choice(item, "key_mode", KeyMode)
    return JournalMeta(journal_id, key_mode, version, read.text(item, "created", optional=True))


def write_meta(folder: Path, meta: JournalMeta) -> None:
    """Write journal.json atomically."""
    payload = {
        "app": "inquiry-journal",
        "journal_id": meta.journal_id,
        "format_version": meta.format_version,
        "key_mode": meta.key_mode.value,
        "created": meta.created,
    }
    write_atomically(meta_path(folder), (json.dumps(payload, indent=2) + "\n").encode("utf-8"))
