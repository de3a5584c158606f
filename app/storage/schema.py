"""Schema versions: bring journal.db to the current schema, or refuse a newer one.

Alembic runs from code (no alembic.ini), and is imported only when a migration is due, so
opening an up-to-date journal costs one small query.
"""

from __future__ import annotations

import functools
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from app.errors import NewerJournalError, StorageError
from app.storage.engine import writing
from app.storage.files import describe_os_error
from app.storage.ready import SCHEMA_HEAD as SCHEMA_HEAD  # re-exported: the schema's home
from app.storage.steps import step

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")

SafetyCopy = Callable[[str], Path]
"""Makes a copy of the journal before it is migrated from the given revision; returns where."""


def alembic_config() -> Config:
    """An Alembic config pointing at the packaged migration scripts."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def known_revisions() -> list[str]:
    """Every revision the app can migrate from, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def current_revision(engine: Engine) -> str | None:
    """The revision stamped in journal.db, or None for a file with no schema yet."""
    with engine.connect() as conn:
        try:
            row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        except OperationalError:
            return None
    return None if row is None else str(row[0])


def upgrade(engine: Engine, target: str = "head") -> None:
    """Run the migrations up to `target` in one transaction."""
    from alembic import command

    config = alembic_config()
    with writing(engine).begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, target)
        step("migration: schema updated, not yet committed")


def ensure_current(
    engine: Engine, db_file: Path, safety_copy: SafetyCopy | None = None
) -> Path | None:
    """Migrate journal.db to SCHEMA_HEAD, copying it first; refuse a newer file.

    `safety_copy` makes the copy (the journal opens with one that writes a backup); without
    it the file is copied aside next to itself. Returns the path of the copy made before
    migrating (None when nothing was migrated).
    """
    revision = current_revision(engine)
    if revision == SCHEMA_HEAD:
        return None
    if revision is not None and revision not in known_revisions():
        raise NewerJournalError(
            "This journal was written by a newer version of Inquiry Journal "
            f"(schema {revision}). Please update the app to open it; "
            "the journal has not been changed."
        )
    copy = None
    if revision is not None:
        step("migration: making the copy from before the update")
        copy = (safety_copy or functools.partial(_copy_aside, engine, db_file))(revision)
    step("migration: updating the schema")
    upgrade(engine)
    return copy


def _copy_aside(engine: Engine, db_file: Path, revision: str) -> Path:
    """Copy the (still encrypted) file next to itself before it is migrated."""
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = db_file.with_name(f"{db_file.name}.before-migration-{revision}-{stamp}")
    try:
        shutil.copy2(db_file, target)
    except OSError as exc:
        raise StorageError(
            f"The journal needs updating, but a safety copy could not be made first: "
            f"{describe_os_error(exc)}. Nothing was changed."
        ) from exc
    return target
