"""The SQLCipher connection itself: keying, durability pragmas, re-keying, errors in words.

Plain DB-API (sqlcipher3), with no SQLAlchemy: a one-off command and the first screen of
the window open the journal through here alone, and the ORM's engine (app/storage/engine.py)
keys each of its pooled connections with `connect` too.

Every connection is keyed before anything else touches the file, then set to WAL with
synchronous=FULL (a commit that has returned is on disk) and foreign keys on.
"""

from __future__ import annotations

from pathlib import Path, PurePath, PureWindowsPath

import sqlcipher3

from app.errors import StorageError, WrongKeyError
from app.storage.files import create_private_file, describe_os_error
from app.storage.keys import JournalKey, Passphrase, RawKey

# SQLCipher 4 defaults, needed to turn a passphrase into the raw key it derives.
_SQLCIPHER_KDF_ITER = 256_000
_SALT_BYTES = 16
# How long a write waits for another program's write to finish. SQLite's waiter polls with
# growing sleeps, so a program saving in a tight loop can keep the lock through many polls on a
# busy machine; 5 s refused a few of 2,000 saves under load, 15 s none.
BUSY_TIMEOUT_MS = 15_000

_WRONG_KEY = (
    "The journal could not be opened: the passphrase or key is wrong, "
    "or journal.db is not an Inquiry Journal file."
)


def _key_pragma(key: JournalKey) -> str:
    if isinstance(key, RawKey):
        return f"PRAGMA key = \"x'{key.value.hex()}'\""
    escaped = key.value.replace("'", "''")
    return f"PRAGMA key = '{escaped}'"


def connect(path: Path, key: JournalKey, *, create: bool = False) -> sqlcipher3.Connection:
    """Open and key one DB-API connection; raise WrongKeyError if the key does not fit.

    Only with `create` may a missing file be made (owner-only; its -wal and -shm follow
    it): otherwise a journal.db that vanished would silently come back as a new, empty one.
    """
    if create:
        try:
            create_private_file(path)
        except OSError as exc:
            raise StorageError(f"Could not open {path}: {describe_os_error(exc)}") from exc
    target, uri = (str(path), False) if create else (_existing_file_uri(path), True)
    try:
        conn = sqlcipher3.connect(
            target, uri=uri, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1e3
        )
    except sqlcipher3.Error as exc:
        raise StorageError(f"Could not open {path}: {exc}") from exc
    _unlock(conn, path, key)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    except sqlcipher3.Error as exc:
        conn.close()
        raise StorageError(f"Could not prepare {path}: {exc}") from exc
    return conn


def connect_read_only(path: Path, key: JournalKey) -> sqlcipher3.Connection:
    """Open and key a connection that can only read `path` (a copy to check, left unchanged).

    Unlike `connect` it keeps the file's journal mode, so it suits a file in rollback mode
    (such as a backup's copy), not a live journal with a write-ahead log.
    """
    try:
        conn = sqlcipher3.connect(
            file_uri(path.absolute()) + "?mode=ro", uri=True, check_same_thread=False
        )
    except sqlcipher3.Error as exc:
        raise StorageError(f"Could not open {path}: {exc}") from exc
    _unlock(conn, path, key)
    return conn


def _unlock(conn: sqlcipher3.Connection, path: Path, key: JournalKey) -> None:
    """Key `conn` and read the schema; WrongKeyError (the connection closed) if it fails."""
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(_key_pragma(key))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        if "not a database" in str(exc) or "encrypted" in str(exc):
            raise WrongKeyError(_WRONG_KEY) from exc
        raise StorageError(f"Could not read {path}: {exc}") from exc


def _existing_file_uri(path: Path) -> str:
    """A `file:` URI that opens `path` read-write but never creates it."""
    return file_uri(path.absolute()) + "?mode=rw"


def file_uri(path: PurePath) -> str:
    """SQLite's URI for an absolute path.

    Path.as_uri percent-encodes spaces, `%`, `?` and `#`, and writes a Windows drive as
    file:///C:/...; a Windows share (\\\\server\\share) would come out with `server` as the
    URI's authority, which SQLite refuses, so it is written file:////server/share/... instead.
    """
    uri = path.as_uri()
    if isinstance(path, PureWindowsPath) and path.drive.startswith("\\\\"):
        uri = "file:////" + uri.removeprefix("file://")
    return uri


def derive_raw_key(path: Path, passphrase: Passphrase) -> RawKey:
    """The raw key SQLCipher derives from a passphrase for this file (for the recovery code).

    SQLCipher 4 stretches the passphrase with PBKDF2-HMAC-SHA512 over the file's first 16
    bytes (its salt); the result opens the file as a raw key.
    """
    try:
        with path.open("rb") as handle:
            salt = handle.read(_SALT_BYTES)
    except OSError as exc:
        raise StorageError(f"Could not read {path}: {exc.strerror}") from exc
    if len(salt) != _SALT_BYTES:
        raise StorageError(f"{path} is too short to be a journal.")
    # cryptography's OpenSSL rather than hashlib's: then the bundle needs no third copy of
    # OpenSSL (libcrypto) for hashlib alone. Imported here, as only recovery codes need it.
    from cryptography.hazmat.primitives.hashes import SHA512
    from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

    kdf = PBKDF2HMAC(algorithm=SHA512(), length=32, salt=salt, iterations=_SQLCIPHER_KDF_ITER)
    return RawKey(kdf.derive(passphrase.value.encode("utf-8")))


def rekey(path: Path, old: JournalKey, new: JournalKey) -> None:
    """Re-encrypt the file under a new key or passphrase."""
    conn = connect(path, old)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute(_key_pragma(new).replace("PRAGMA key", "PRAGMA rekey", 1))
    except sqlcipher3.Error as exc:
        raise StorageError(f"Could not change the journal key: {exc}") from exc
    finally:
        conn.close()


def explain(exc: BaseException) -> str:
    """A database error in plain words, naming what the person can do about it."""
    reason = str(getattr(exc, "orig", None) or exc)
    lowered = reason.lower()
    if "malformed" in lowered or "not a database" in lowered or "corrupt" in lowered:
        return (
            "the journal file is damaged. Make a copy of the journal folder, then run "
            "'inquiry-journal check' and restore from a backup"
        )
    if "disk is full" in lowered or "database or disk is full" in lowered:
        return "the disk is full. Free some space and try again"
    if "readonly" in lowered or "read-only" in lowered:
        return "the journal folder is read-only"
    if "locked" in lowered or "busy" in lowered:
        return "another program is using the journal. Close it and try again"
    if "disk i/o" in lowered:
        return "the disk could not be read or written (was a drive removed?)"
    return reason
