"""Journals written at every past schema revision open, migrate and keep their entries."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection

from app.errors import NewerJournalError, StorageError
from app.journal.opening import open_journal
from app.search.periods import Period
from app.storage import schema
from app.storage.backup_file import verify_backup
from app.storage.engine import make_engine
from app.storage.keys import SystemKeyring
from app.storage.meta import db_path, read_meta
from app.storage.tables import Base
from app.writing.domains import Domain
from tests.support.old_journals import CYCLE_ID, SAMPLE_ID, SAMPLE_ROWS, journal_at


def _schema_diffs(conn: Connection) -> list[object]:
    """Differences between the ORM and the database, leaving out FTS5's own tables."""

    def include(obj: object, name: str | None, type_: str, *_: object) -> bool:
        return not (type_ == "table" and name is not None and name.startswith("search_index"))

    context = MigrationContext.configure(conn, opts={"include_object": include})
    return list(compare_metadata(context, Base.metadata))


def _digest(folder: Path) -> str:
    return hashlib.sha256(
        b"".join(p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file())
    ).hexdigest()


def test_head_constant_matches_the_migration_scripts() -> None:
    assert schema.known_revisions()[-1] == schema.SCHEMA_HEAD


def test_every_revision_has_sample_rows() -> None:
    assert set(schema.known_revisions()) == set(SAMPLE_ROWS)


@pytest.mark.parametrize("revision", schema.known_revisions())
def test_journal_from_revision_migrates_and_keeps_entries(
    revision: str, journal_dir: Path, key_store: SystemKeyring
) -> None:
    journal_at(journal_dir, revision, key_store)
    journal = open_journal(journal_dir, key_store)
    try:
        assert schema.current_revision(journal.engine) == schema.SCHEMA_HEAD
        entry = journal.entries.get(SAMPLE_ID)
        assert entry.body == "Asked before telling."
        assert entry.tags == ("huddle",)
        if revision >= "0002":
            cycle = journal.cycles.get(CYCLE_ID)
            assert cycle.text("intention") == "Hear concerns at the start of a shift."
        assert [h.item_id for h in journal.search.search("telling").hits] == [SAMPLE_ID]
        if revision >= "0006":  # shared items made before 0008 are searchable after it
            from app.sharing.workspace import SharedFilter, WorkspaceService

            found = WorkspaceService(journal).shared_items(where=SharedFilter(text="shared"))
            assert [i.title for i in found] == ["Shared"]
        if revision >= "0010":  # a saved search keeps its relative period
            [saved] = journal.saved_searches.all()
            assert (saved.name, saved.filters.domains) == ("Team, this quarter", (Domain.TEAM,))
            assert saved.filters.period is Period.THIS_QUARTER
        with journal.engine.connect() as conn:
            assert _schema_diffs(conn) == []
    finally:
        journal.close()
    # Before migrating, a backup of the journal as it was went to the backup folder.
    copies = list((journal_dir / "backups").glob(f"*-before-update-{revision}.ijbackup"))
    assert len(copies) == (0 if revision == schema.SCHEMA_HEAD else 1)
    if copies:
        key = key_store.load(read_meta(journal_dir).journal_id)
        assert key is not None
        assert verify_backup(copies[0], key).revision == revision


def test_older_cycles_get_an_estimate_of_when_reflection_began(
    journal_dir: Path, key_store: SystemKeyring
) -> None:
    journal_at(journal_dir, "0010", key_store)
    # The sample cycle's plan was written before its experiment (9 January); give it an
    # outcome first written on the 11th and edited on the 12th.
    key = key_store.load(read_meta(journal_dir).journal_id)
    assert key is not None
    engine = make_engine(db_path(journal_dir), key)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"UPDATE cycles SET status = 'in_progress' WHERE id = '{CYCLE_ID}'")
        conn.exec_driver_sql(
            "INSERT INTO cycle_stages (cycle_id, stage_id, position, title, text, updated_at) "
            f"VALUES ('{CYCLE_ID}', 'outcomes', 4, 'What happened', 'They spoke up.', "
            "'2026-01-12 08:00:00.000000')"
        )
        conn.exec_driver_sql(
            "INSERT INTO cycle_stage_versions (cycle_id, stage_id, text, written_at, replaced_at) "
            f"VALUES ('{CYCLE_ID}', 'outcomes', 'Two spoke.', '2026-01-11 17:30:00.000000', "
            "'2026-01-12 08:00:00.000000')"
        )
    engine.dispose()
    journal = open_journal(journal_dir, key_store)
    try:
        began = journal.cycles.get(CYCLE_ID).reflection_began
        assert began is not None and began.isoformat() == "2026-01-11T17:30:00+00:00"
    finally:
        journal.close()


def test_a_planned_cycle_from_before_0011_has_no_reflection_date(
    journal_dir: Path, key_store: SystemKeyring
) -> None:
    journal_at(journal_dir, "0010", key_store)
    journal = open_journal(journal_dir, key_store)
    try:
        assert journal.cycles.get(CYCLE_ID).reflection_began is None
    finally:
        journal.close()


def test_without_a_backup_first_the_journal_is_not_migrated(
    journal_dir: Path, key_store: SystemKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.journal import backups

    journal_at(journal_dir, "0006", key_store)
    before = _digest(journal_dir)

    def cannot_back_up(*_args: object, **_kwargs: object) -> None:
        raise StorageError("the disk is full. Free some space and try again")

    monkeypatch.setattr(backups, "write_backup", cannot_back_up)
    with pytest.raises(StorageError, match="a backup could not be made first: the disk is full"):
        open_journal(journal_dir, key_store)
    assert _digest(journal_dir) == before


def test_journal_from_a_newer_app_is_refused_untouched(
    journal_dir: Path, key_store: SystemKeyring
) -> None:
    journal_at(journal_dir, schema.SCHEMA_HEAD, key_store)
    journal = open_journal(journal_dir, key_store)
    with journal.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")
    journal.close()
    before = _digest(journal_dir)
    with pytest.raises(NewerJournalError, match="newer version"):
        open_journal(journal_dir, key_store)
    assert _digest(journal_dir) == before


def test_newer_journal_json_is_refused_untouched(
    journal_dir: Path, key_store: SystemKeyring
) -> None:
    journal_at(journal_dir, schema.SCHEMA_HEAD, key_store)
    meta_file = journal_dir / "journal.json"
    meta = json.loads(meta_file.read_text())
    meta["format_version"] = 99
    meta_file.write_text(json.dumps(meta))
    before = _digest(journal_dir)
    with pytest.raises(NewerJournalError, match="Please update the app"):
        open_journal(journal_dir, key_store)
    assert _digest(journal_dir) == before


def test_models_match_the_migrated_schema(journal_dir: Path, key_store: SystemKeyring) -> None:
    from app.journal.opening import create_journal

    journal, _ = create_journal(journal_dir, key_store)
    with journal.engine.connect() as conn:
        assert _schema_diffs(conn) == []
    journal.close()
