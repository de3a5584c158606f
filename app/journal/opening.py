"""Opening, creating and recovering a journal folder: the core's front door."""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3

from app.errors import JournalError, KeyUnavailableError, StorageError, WrongKeyError
from app.journal import identity
from app.journal.interrupted import (
    PENDING_NAME,
    Operation,
    Pending,
    begin,
    end,
    finish_interrupted,
    rekey_beside,
    switch_rekeyed,
)
from app.storage import connection as connection_mod
from app.storage.files import keep_folder_private, make_private_folder
from app.storage.keys import JournalKey, KeyStore, Passphrase, RawKey
from app.storage.meta import (
    JournalMeta,
    KeyMode,
    db_path,
    journal_exists,
    meta_path,
    read_meta,
    write_meta,
)
from app.storage.ready import ready_as_is
from app.storage.recovery_code import decode_recovery_code, encode_recovery_code
from app.storage.steps import step

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from app.journal.backups import BackupService
    from app.search.full_text import SearchService
    from app.search.saved import SavedSearchStore
    from app.sharing.contacts import SharingStore
    from app.spelling.personal import PersonalDictionary
    from app.supervision.sessions import SessionStore
    from app.writing.cycles import CycleStore
    from app.writing.entries import EntryStore
    from app.writing.item_links import LinkStore
    from app.writing.templates import TemplateLibrary

MIN_PASSPHRASE_LENGTH = 8


class Journal:
    """An open, unlocked journal and the services that work on it.

    Each service is made, and its module loaded, on first use: a one-off command such as
    `search` then loads only what it needs (the ORM and the templates are not small).

    A journal that needed nothing at open (see app/storage/ready.py) starts with one plain
    driver connection and no SQLAlchemy at all; `reading` and `writing` use that connection
    until something asks for `engine`, which is then made and owns every connection after.
    """

    def __init__(
        self,
        folder: Path,
        meta: JournalMeta,
        key: JournalKey,
        *,
        engine: Engine | None = None,
        connection: sqlcipher3.Connection | None = None,
    ) -> None:
        if (engine is None) == (connection is None):
            raise ValueError("a journal opens with an engine or with a connection")
        self.folder = folder
        self.meta = meta
        self.key = key
        self._engine = engine
        self._plain = connection
        self._lock = threading.RLock()
        self._lent = 0  # blocks using the plain connection (it closes when none is)
        self._closed = False
        self._templates: TemplateLibrary | None = None

    def __repr__(self) -> str:
        return f"Journal(folder={self.folder!r}, journal_id={self.meta.journal_id!r})"

    @property
    def engine(self) -> Engine:
        """The ORM's engine over this journal, made on first use (the plain one then closes)."""
        with self._lock:
            if self._engine is None:
                from app.storage.engine import make_engine

                self._engine = make_engine(self.db_file, self.key, checked=True)
                self._retire_plain()
            return self._engine

    def prepare_orm(self) -> None:
        """Load SQLAlchemy and the journal's models and make the engine now, while nothing is
        asked of the journal, so the first thing that needs them does not wait ~0.3 s.

        The window opens on plain connections and calls this once it is on screen; a closed
        journal is left alone.
        """
        if self._closed:
            return
        from sqlalchemy.orm import configure_mappers

        import app.storage.tables  # noqa: F401  (the models, mapped below)

        self.engine  # noqa: B018  (made now, not by the first store asked for)
        configure_mappers()

    def _retire_plain(self) -> None:
        """Close the plain connection once the engine exists and no block is using it."""
        if self._engine is not None and self._lent == 0 and self._plain is not None:
            plain, self._plain = self._plain, None
            _close_quietly(plain)

    @contextlib.contextmanager
    def reading(self) -> Iterator[sqlcipher3.Connection]:
        """A driver connection to read with: the plain one, or one from the engine's pool.

        The plain connection is the journal's only one and is not shared between threads, so
        it is lent under the journal's lock; once the engine exists each reader gets its own.
        """
        with self._lock:
            if self._plain is not None and (self._engine is None or self._lent):
                self._lent += 1
                try:
                    yield self._plain
                finally:
                    self._lent -= 1
                    self._retire_plain()
                return
        with self.engine.connect() as conn:
            driver = conn.connection.driver_connection
            assert isinstance(driver, sqlcipher3.Connection)
            yield driver

    @contextlib.contextmanager
    def writing(self) -> Iterator[sqlcipher3.Connection]:
        """A driver connection inside one write transaction, committed when the block ends.

        The transaction starts as SQLite's writer (BEGIN IMMEDIATE), so another program's
        write is waited for; a failure rolls back and is raised as StorageError.
        """
        with self.reading() as conn:
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield conn
                    conn.execute("COMMIT")
                except BaseException:
                    with contextlib.suppress(sqlcipher3.Error):
                        conn.execute("ROLLBACK")
                    raise
            except sqlcipher3.Error as exc:
                raise StorageError(
                    f"The journal could not be saved: {connection_mod.explain(exc)}."
                ) from exc

    @functools.cached_property
    def backups(self) -> BackupService:
        """Backups on the journal's schedule, now, or to a chosen file."""
        from app.journal.backups import BackupService

        return BackupService(self)

    @functools.cached_property
    def entries(self) -> EntryStore:
        """Entries: writing, reading, versions, the trash."""
        from app.writing.entries import EntryStore

        return EntryStore(self.engine)

    @functools.cached_property
    def cycles(self) -> CycleStore:
        """Lines of inquiry and their cycles, with the templates they are written in."""
        from app.writing.cycles import CycleStore

        return CycleStore(self.engine, self.templates)

    @functools.cached_property
    def links(self) -> LinkStore:
        """Links between entries and cycles: what to link to, and what links to an item."""
        from app.writing.item_links import LinkStore

        return LinkStore(self.engine)

    @functools.cached_property
    def search(self) -> SearchService:
        """Full-text search and the recent searches."""
        from app.search.full_text import SearchService

        return SearchService(self.reading, lambda: self.engine)

    @functools.cached_property
    def sessions(self) -> SessionStore:
        """Supervision sessions and the actions agreed in them."""
        from app.supervision.sessions import SessionStore

        return SessionStore(self.engine)

    @functools.cached_property
    def dictionary(self) -> PersonalDictionary:
        """The personal dictionary the spelling check accepts (kept in journal.db)."""
        from app.spelling.personal import PersonalDictionary

        return PersonalDictionary(self)

    @functools.cached_property
    def saved_searches(self) -> SavedSearchStore:
        """Searches kept by name."""
        from app.search.saved import SavedSearchStore

        return SavedSearchStore(self.engine)

    @functools.cached_property
    def sharing(self) -> SharingStore:
        """Keys and contacts for sharing with a coach (loaded on first use: crypto is heavy)."""
        from app.sharing import contacts

        return contacts.SharingStore(self.engine)

    @property
    def templates(self) -> TemplateLibrary:
        """The reflection templates this journal can use (read on first use, without the
        cycles' store: the Home view names a cycle's template before any store is made)."""
        if "cycles" in self.__dict__:
            return self.cycles.templates
        if self._templates is None:
            self._templates = self.load_templates()
        return self._templates

    def load_templates(self) -> TemplateLibrary:
        """Read the shipped templates and the participant's own (broken files are listed)."""
        from app.resources import shipped_templates_dir
        from app.writing.templates import load_library, user_templates_dir

        return load_library(shipped_templates_dir(), user_templates_dir(self.folder))

    def reload_templates(self) -> TemplateLibrary:
        """Pick up templates added or edited since the journal was opened."""
        self._templates = self.load_templates()
        if "cycles" in self.__dict__:
            self.cycles.templates = self._templates
        return self._templates

    @property
    def db_file(self) -> Path:
        """The encrypted database file."""
        return db_path(self.folder)

    def recovery_code(self) -> str:
        """The code that reopens this journal without the keyring or passphrase."""
        if isinstance(self.key, RawKey):
            return encode_recovery_code(self.key.value)
        return encode_recovery_code(connection_mod.derive_raw_key(self.db_file, self.key).value)

    def check_passphrase(self, passphrase: str) -> None:
        """Raise WrongKeyError unless `passphrase` opens this journal's file (as at start-up).

        The file is asked, not the key in memory, so the check costs the same key derivation
        as opening the journal: guessing stays as slow as it is at the passphrase prompt.
        """
        if self.meta.key_mode is not KeyMode.PASSPHRASE:
            raise JournalError("This journal is protected by the system keyring, not a passphrase.")
        connection_mod.connect(self.db_file, Passphrase(passphrase)).close()

    def integrity_problems(self) -> list[str]:
        """SQLite's and SQLCipher's integrity checks; an empty list means all is well."""
        problems: list[str] = []
        try:
            with self.reading() as conn:
                rows = conn.execute("PRAGMA integrity_check").fetchall()
                problems += [str(r[0]) for r in rows if str(r[0]).lower() != "ok"]
                rows = conn.execute("PRAGMA cipher_integrity_check").fetchall()
                problems += [str(r[0]) for r in rows]
        except sqlcipher3.Error as exc:
            problems.append(str(exc))
        return problems

    def close(self) -> None:
        """Checkpoint the write-ahead log and release every connection (safe to call twice)."""
        if self._closed:
            return
        self._closed = True
        with contextlib.suppress(sqlcipher3.Error), self.reading() as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        with self._lock:
            if self._engine is not None:
                self._engine.dispose()
            if self._plain is not None:
                _close_quietly(self._plain)
                self._plain = None


def _close_quietly(conn: sqlcipher3.Connection) -> None:
    with contextlib.suppress(sqlcipher3.Error):
        conn.close()


def validate_passphrase(passphrase: str) -> None:
    """Refuse a passphrase that is too short to protect reflections."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise JournalError(
            f"Please choose a passphrase of at least {MIN_PASSPHRASE_LENGTH} characters; "
            "a short sentence you will remember works well."
        )


def create_journal(
    folder: Path, key_store: KeyStore, passphrase: str | None = None
) -> tuple[Journal, str]:
    """Create a new journal in `folder`; return it with its recovery code.

    With no passphrase the key goes in the keyring (KeyUnavailableError if there is none).
    """
    finish_interrupted(folder)  # a journal half-made by a crash is removed first
    if journal_exists(folder):
        raise JournalError(f"{folder} already holds a journal.")
    if db_path(folder).exists():
        raise JournalError(
            f"{db_path(folder)} exists but {meta_path(folder).name} does not. "
            "Restore journal.json or choose another folder; nothing was changed."
        )
    key: JournalKey
    if passphrase is None:
        if not key_store.is_available():
            raise KeyUnavailableError(
                "No system keyring is available here, so the journal needs a passphrase."
            )
        meta = JournalMeta.new(KeyMode.KEYRING)
        key = RawKey.generate()
    else:
        validate_passphrase(passphrase)
        meta = JournalMeta.new(KeyMode.PASSPHRASE)
        key = Passphrase(passphrase)
    try:
        make_private_folder(folder)
    except OSError as exc:
        raise StorageError(f"Could not create the folder {folder}: {exc.strerror}.") from exc
    # Until the intent is forgotten, the next start removes a half-made journal: its
    # recovery code has not been shown yet.
    pending = Pending(Operation.CREATE, meta)
    begin(folder, pending)
    try:
        if isinstance(key, RawKey):
            step("create: saving the key in the keyring")
            key_store.save(meta.journal_id, key)
        step("create: writing journal.json")
        write_meta(folder, meta)
        step("create: making journal.db")
        journal = _open_with_key(folder, meta, key, new=True)
    except BaseException:
        for leftover in (db_path(folder), meta_path(folder), folder / PENDING_NAME):
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise
    code = journal.recovery_code()
    end(folder, pending)
    return journal, code


def key_for(folder: Path, key_store: KeyStore, passphrase: str | None = None) -> JournalKey:
    """The key that should open this journal (from the keyring, or the given passphrase)."""
    meta = read_meta(folder)
    if meta.key_mode is KeyMode.PASSPHRASE:
        if passphrase is None:
            raise WrongKeyError("This journal is protected by a passphrase; please enter it.")
        return Passphrase(passphrase)
    key = key_store.load(meta.journal_id)
    if key is None:
        raise KeyUnavailableError(
            f"The key for this journal is not in {key_store.description()} on this computer "
            "(a new laptop, or the keyring was reset). Open it with your recovery code."
        )
    return key


def open_journal(folder: Path, key_store: KeyStore, passphrase: str | None = None) -> Journal:
    """Unlock and open the journal in `folder`, migrating its schema if needed.

    An operation a crash cut short is finished or undone first. A journal.db that is missing,
    empty or another journal's is then refused (WrongDatabaseError), before any passphrase or
    key is needed for a missing or empty one.
    """
    finish_interrupted(folder)
    meta = read_meta(folder)
    identity.refuse_missing_database(folder, meta)
    return _open_with_key(folder, meta, key_for(folder, key_store, passphrase))


def recover_journal(
    folder: Path,
    code: str,
    key_store: KeyStore,
    new_passphrase: str | None = None,
    *,
    announce: Callable[[str], None] | None = None,
) -> tuple[Journal, str | None]:
    """Reopen a journal with its recovery code and keep its key again.

    With no new passphrase the key goes back into the keyring and the code stays valid.
    With one, a re-encrypted copy is made beside the journal, its new recovery code is given
    to `announce` (to be shown), and only then does the copy replace the journal; the new
    code is also returned. Until that switch the old code still opens the journal.
    """
    from app.storage.lock import operation_lock

    finish_interrupted(folder)
    meta = read_meta(folder)
    identity.refuse_missing_database(folder, meta)
    raw = RawKey(decode_recovery_code(code))
    try:
        connection_mod.connect(db_path(folder), raw).close()
    except WrongKeyError:
        raise WrongKeyError(
            "That recovery code is for a different journal: it does not open this one."
        ) from None
    identity.refuse_another_journals_file(folder, meta, raw)  # before the key is kept
    if new_passphrase is None:
        # The key does not change, so each step leaves a journal the code opens.
        step("recover: saving the key in the keyring")
        key_store.save(meta.journal_id, raw)
        meta = meta.with_key_mode(KeyMode.KEYRING)
        step("recover: writing journal.json")
        write_meta(folder, meta)
        return _open_with_key(folder, meta, raw), None
    validate_passphrase(new_passphrase)
    new_key = Passphrase(new_passphrase)
    meta = meta.with_key_mode(KeyMode.PASSPHRASE)
    with operation_lock(folder):
        new_code = rekey_beside(folder, raw, new_key)
        if announce is not None:
            announce(new_code)
        switch_rekeyed(folder, meta)
    return _open_with_key(folder, meta, new_key), new_code


def _open_with_key(
    folder: Path, meta: JournalMeta, key: JournalKey, *, new: bool = False
) -> Journal:
    """Open journal.db with `key`; only a `new` journal's file may be created here.

    A file that is at this app's schema and stamped with this journal's id opens on one
    plain connection, without loading SQLAlchemy; anything else takes the full open, which
    migrates, stamps or refuses it.
    """
    if not new:
        identity.refuse_missing_database(folder, meta)
    keep_folder_private(folder)  # a journal made or copied with looser modes is tightened
    conn = connection_mod.connect(db_path(folder), key, create=new)  # WrongKeyError here
    if not new and ready_as_is(conn, meta.journal_id):
        conn.isolation_level = None  # transactions are begun and ended explicitly
        return Journal(folder, meta, key, connection=conn)
    conn.close()
    return _open_fully(folder, meta, key, new=new)


def _open_fully(folder: Path, meta: JournalMeta, key: JournalKey, *, new: bool) -> Journal:
    """Open through the ORM's engine: migrate an old schema, stamp or check the journal id."""
    from sqlalchemy.exc import SQLAlchemyError

    from app.storage.engine import make_engine
    from app.storage.schema import ensure_current

    engine = make_engine(db_path(folder), key, checked=True)

    def back_up_first(revision: str) -> Path:
        from app.journal.backups import backup_before_update

        return backup_before_update(folder, meta, engine, key, revision)

    try:
        if not new:
            identity.refuse_unstamped_schema(engine, folder, meta)
        ensure_current(engine, db_path(folder), back_up_first)
        identity.check_identity(engine, folder, meta)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StorageError(f"The journal could not be prepared: {exc}") from exc
    except BaseException:
        engine.dispose()
        raise
    return Journal(folder, meta, key, engine=engine)
