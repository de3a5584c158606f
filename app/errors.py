"""Known errors: problems a person can act on, each with a message in plain English.

Anything that is not a `JournalError` is a bug and is reported as one.
"""

from __future__ import annotations


class JournalError(Exception):
    """A problem the user can act on; `str(error)` is the message to show them."""


class NotAJournalError(JournalError):
    """The folder holds no journal (or its journal.json is unreadable)."""


class WrongKeyError(JournalError):
    """The key or passphrase does not open this journal."""


class KeyUnavailableError(JournalError):
    """The system keyring cannot be used, or no longer holds this journal's key."""


class NewerJournalError(JournalError):
    """The journal was written by a newer version of the app."""


class JournalInUseError(JournalError):
    """Another copy of the app has this journal open."""


class RecoveryCodeError(JournalError):
    """A recovery code was mistyped or is not a recovery code."""


class ImportRejectedError(JournalError):
    """An import file was refused; the journal is unchanged."""


class StorageError(JournalError):
    """The disk refused a read or write (full, read-only, removed, damaged)."""


class EntryNotFoundError(JournalError):
    """No entry with that id (or it was deleted for good)."""


class BackupError(JournalError):
    """A backup file is not one, is damaged, or failed its check after it was written."""


class WrongDatabaseError(JournalError):
    """journal.db is missing, empty, or another journal's: it is refused, never replaced.

    The message names the newest backups and how to restore one.
    """


class OtherJournalBackupError(JournalError):
    """The backup is of another journal than the one in the folder; it replaces it only if
    the person says so."""
