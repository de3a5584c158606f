"""Which journal a database is: refuse a journal.db that is missing, empty or another's.

SQLCipher treats a missing or empty file as a new database, so without these checks a lost
journal.db would quietly come back empty under the old journal's id (and its backups would
then be rotated away). The database records its journal id in `journal_identity`; it must
match journal.json's at every open.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3

from app.errors import StorageError, WrongDatabaseError
from app.storage import connection as connection_mod
from app.storage.files import describe_os_error
from app.storage.keys import JournalKey
from app.storage.meta import JournalMeta, db_path

if TYPE_CHECKING:
    from sqlalchemy import Engine

# SQLAlchemy is loaded only by the checks that take an engine: `refuse_missing_database`
# runs before every open, including the quick ones that never load it.


def refuse_missing_database(folder: Path, meta: JournalMeta) -> None:
    """Raise WrongDatabaseError when journal.db is not there or holds nothing at all."""
    path = db_path(folder)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise WrongDatabaseError(
            refusal(folder, meta, f"{path} is missing, so the journal was not opened.")
        ) from None
    except OSError as exc:
        raise StorageError(f"{path} could not be read: {describe_os_error(exc)}.") from exc
    if size == 0:
        raise WrongDatabaseError(
            refusal(folder, meta, f"{path} is empty (0 bytes), so the journal was not opened.")
        )


def refuse_unstamped_schema(engine: Engine, folder: Path, meta: JournalMeta) -> None:
    """Raise WrongDatabaseError when an existing journal's file holds no journal schema."""
    from app.storage.schema import current_revision

    if current_revision(engine) is None:
        raise WrongDatabaseError(
            refusal(folder, meta, f"{db_path(folder)} holds no journal, so it was not opened.")
        )


def refuse_another_journals_file(folder: Path, meta: JournalMeta, key: JournalKey) -> None:
    """Before anything is changed for it (recovery saves a key, may re-encrypt): raise
    WrongDatabaseError unless journal.db holds a journal that is not stamped as another."""
    conn = connection_mod.connect(db_path(folder), key)
    try:
        tables = {str(row[0]) for row in conn.execute("SELECT name FROM sqlite_master")}
        stamped: str | None = ""  # "": no journal in the file at all
        if "alembic_version" in tables:
            stamped = None  # None: made before the database recorded its id
            if "journal_identity" in tables:
                row = conn.execute("SELECT journal_id FROM journal_identity").fetchone()
                stamped = None if row is None else str(row[0])
    except sqlcipher3.Error as exc:
        raise StorageError(
            f"{db_path(folder)} could not be read: {connection_mod.explain(exc)}."
        ) from exc
    finally:
        conn.close()
    if stamped == "":
        raise WrongDatabaseError(
            refusal(folder, meta, f"{db_path(folder)} holds no journal, so it was not opened.")
        )
    if stamped is not None and stamped != meta.journal_id:
        raise WrongDatabaseError(_another(folder, meta, stamped))


_STAMPED = "SELECT journal_id FROM journal_identity"
"""Plain SQL: the check runs at every full open, where loading the ORM would cost more than it."""


def check_identity(engine: Engine, folder: Path, meta: JournalMeta) -> None:
    """Stamp journal.json's id into a database that has none yet; refuse one naming another."""
    with engine.connect() as conn:
        stamped = conn.exec_driver_sql(_STAMPED).scalar_one_or_none()
    if stamped is None:
        from sqlalchemy import insert

        from app.storage.engine import writing
        from app.storage.tables import JournalIdentity

        # A new journal, or one made before the database recorded its id. The write starts
        # as SQLite's writer, so another program saving at that moment is waited for.
        with writing(engine).begin() as conn:
            stamped = conn.exec_driver_sql(_STAMPED).scalar_one_or_none()
            if stamped is None:
                conn.execute(
                    insert(JournalIdentity).values(
                        id=1, journal_id=meta.journal_id, stamped_at=datetime.now(UTC)
                    )
                )
                return
    if stamped != meta.journal_id:
        raise WrongDatabaseError(_another(folder, meta, stamped))


def _another(folder: Path, meta: JournalMeta, stamped: str) -> str:
    return refusal(
        folder,
        meta,
        f"{db_path(folder)} belongs to another journal (id {stamped[:8]}), not the one "
        f"its journal.json names (id {meta.journal_id[:8]}), so it was not opened.",
    )


def refusal(folder: Path, meta: JournalMeta, what: str) -> str:
    """What happened, then the newest backups and how to restore one; nothing is changed."""
    from app.journal.backups import latest_backups_advice

    return f"{what} Nothing was changed. {latest_backups_advice(folder, meta.journal_id)}"
