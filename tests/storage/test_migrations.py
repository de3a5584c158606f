"""Journals written at every past schema revision open, migrate and keep their entries."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection

from app.domains import Domain
from app.errors import NewerJournalError, StorageError
from app.journal import open_journal
from app.periods import Period
from app.storage import schema
from app.storage.backup_file import verify_backup
from app.storage.engine import make_engine
from app.storage.keys import RawKey, SystemKeyring
from app.storage.meta import JournalMeta, KeyMode, db_path, read_meta, write_meta
from app.storage.models import Base

SAMPLE_ID = "0e6f3c7a-5b1d-4c55-9a51-1f4d3c2b1a00"
INQUIRY_ID = "5a2d4c11-0b7e-4f3a-8c9d-2e1f0a3b4c5d"
CYCLE_ID = "7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f"

_ENTRY_0001 = [
    "INSERT INTO entries (id, title, body, created_at, updated_at) VALUES "
    f"('{SAMPLE_ID}', 'From 0001', 'Asked before telling.', "
    "'2026-01-05 09:00:00.000000', '2026-01-05 09:30:00.000000')",
    f"INSERT INTO entry_domains (entry_id, domain) VALUES ('{SAMPLE_ID}', 'team')",
    "INSERT INTO tags (id, name) VALUES (1, 'huddle')",
    f"INSERT INTO entry_tags (entry_id, tag_id) VALUES ('{SAMPLE_ID}', 1)",
]
_CYCLE_0002 = [
    "INSERT INTO inquiries (id, question, description, status, created_at, updated_at) VALUES "
    f"('{INQUIRY_ID}', 'How do I hear concerns earlier?', '', 'open', "
    "'2026-01-05 09:00:00.000000', '2026-01-05 09:00:00.000000')",
    "INSERT INTO cycles (id, inquiry_id, template_id, title, status, loop, experiment_date, "
    "current_stage, created_at, updated_at) VALUES "
    f"('{CYCLE_ID}', '{INQUIRY_ID}', 'action-inquiry', 'Ask first', 'planned', 'none', "
    "'2026-01-09', 'intention', '2026-01-05 09:00:00.000000', '2026-01-05 09:00:00.000000')",
    f"INSERT INTO cycle_domains (cycle_id, domain) VALUES ('{CYCLE_ID}', 'team')",
    "INSERT INTO cycle_stages (cycle_id, stage_id, position, title, text, updated_at) VALUES "
    f"('{CYCLE_ID}', 'intention', 1, 'Intention', 'Hear concerns at the start of a shift.', "
    "'2026-01-05 09:00:00.000000')",
]

_SEARCH_0003 = [
    "INSERT INTO recent_searches (query, used_at) VALUES ('handover', '2026-01-06 10:00:00.000000')"
]

SESSION_ID = "3b9c2d1e-6f7a-4b8c-9d0e-1f2a3b4c5d6e"
_SESSIONS_0004 = [
    "INSERT INTO sessions (id, kind, held_on, with_whom, wants, notes, created_at, updated_at) "
    f"VALUES ('{SESSION_ID}', 'coaching', '2026-01-08', 'my coach', 'Talk about silence.', '', "
    "'2026-01-08 10:00:00.000000', '2026-01-08 10:00:00.000000')",
    "INSERT INTO actions (id, session_id, position, what, with_whom, how_i_will_know, status, "
    "progress, created_at, updated_at) VALUES ('9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', "
    f"'{SESSION_ID}', 0, 'Ask first at huddles', 'the team', 'More concerns raised', 'open', '', "
    "'2026-01-08 10:00:00.000000', '2026-01-08 10:00:00.000000')",
    f"UPDATE entries SET bring_to_supervision = 1 WHERE id = '{SAMPLE_ID}'",
]

_SHARING_0005 = [
    "INSERT INTO contacts (fingerprint, name, role, encryption_key, signing_key, added_at) "
    "VALUES ('AAAA-BBBB-CCCC-DDDD', 'Sam', 'coach', x'00', x'00', '2026-01-09 10:00:00.000000')",
]

_REVIEW_0006 = [
    "INSERT INTO shared_items (participant, item_id, kind, title, content, previous_content, "
    "domains, tags, written_at, version, received_at, discussed) VALUES ('AAAA-BBBB-CCCC-DDDD', "
    f"'{SAMPLE_ID}', 'entry', 'Shared', 'Shared text', '', 'team', '', "
    "'2026-01-09 10:00:00.000000', '2026-01-09 10:00:00.000000', '2026-01-10 10:00:00.000000', 0)",
]

# Rows a journal of each revision could hold. A new revision adds its own entry here.
SAMPLE_ROWS: dict[str, list[str]] = {
    "0001": _ENTRY_0001,
    "0002": _ENTRY_0001 + _CYCLE_0002,
    "0003": _ENTRY_0001 + _CYCLE_0002 + _SEARCH_0003,
    "0004": _ENTRY_0001 + _CYCLE_0002 + _SEARCH_0003 + _SESSIONS_0004,
    "0005": _ENTRY_0001 + _CYCLE_0002 + _SEARCH_0003 + _SESSIONS_0004 + _SHARING_0005,
    "0006": (
        _ENTRY_0001 + _CYCLE_0002 + _SEARCH_0003 + _SESSIONS_0004 + _SHARING_0005 + _REVIEW_0006
    ),
    # 0007 adds an index only.
    "0007": (
        _ENTRY_0001 + _CYCLE_0002 + _SEARCH_0003 + _SESSIONS_0004 + _SHARING_0005 + _REVIEW_0006
    ),
    "0008": (
        _ENTRY_0001
        + _CYCLE_0002
        + _SEARCH_0003
        + _SESSIONS_0004
        + _SHARING_0005
        + _REVIEW_0006
        + [
            "UPDATE shared_items SET stages = '[]', commented_content = 'Shared text' "
            f"WHERE item_id = '{SAMPLE_ID}'"
        ]
    ),
}
# 0009's identity row is written when the journal is opened (it holds journal.json's id).
SAMPLE_ROWS["0009"] = [*SAMPLE_ROWS["0008"], "UPDATE contacts SET verified = 1"]
SAMPLE_ROWS["0010"] = [
    *SAMPLE_ROWS["0009"],
    "INSERT INTO saved_searches (id, name, query, filters, created_at, updated_at) VALUES "
    "('1c2d3e4f-5a6b-4c7d-8e9f-a0b1c2d3e4f5', 'Team, this quarter', '', "
    '\'{"domains": ["team"], "period": "this-quarter"}\', '
    "'2026-01-10 10:00:00.000000', '2026-01-10 10:00:00.000000')",
]


def _schema_diffs(conn: Connection) -> list[object]:
    """Differences between the ORM and the database, leaving out FTS5's own tables."""

    def include(obj: object, name: str | None, type_: str, *_: object) -> bool:
        return not (type_ == "table" and name is not None and name.startswith("search_index"))

    context = MigrationContext.configure(conn, opts={"include_object": include})
    return list(compare_metadata(context, Base.metadata))


def _journal_at(folder: Path, revision: str, key_store: SystemKeyring) -> None:
    folder.mkdir(parents=True)
    meta = JournalMeta.new(KeyMode.KEYRING)
    key = RawKey.generate()
    key_store.save(meta.journal_id, key)
    write_meta(folder, meta)
    engine = make_engine(db_path(folder), key, create=True)
    schema.upgrade(engine, revision)
    with engine.begin() as conn:
        for statement in SAMPLE_ROWS[revision]:
            conn.exec_driver_sql(statement)
    engine.dispose()


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
    _journal_at(journal_dir, revision, key_store)
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
            from app.sharing.workspace import SharedFilter, shared_items

            found = shared_items(journal, where=SharedFilter(text="shared"))
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


def test_without_a_backup_first_the_journal_is_not_migrated(
    journal_dir: Path, key_store: SystemKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app import backups

    _journal_at(journal_dir, "0006", key_store)
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
    _journal_at(journal_dir, schema.SCHEMA_HEAD, key_store)
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
    _journal_at(journal_dir, schema.SCHEMA_HEAD, key_store)
    meta_file = journal_dir / "journal.json"
    meta = json.loads(meta_file.read_text())
    meta["format_version"] = 99
    meta_file.write_text(json.dumps(meta))
    before = _digest(journal_dir)
    with pytest.raises(NewerJournalError, match="Please update the app"):
        open_journal(journal_dir, key_store)
    assert _digest(journal_dir) == before


def test_models_match_the_migrated_schema(journal_dir: Path, key_store: SystemKeyring) -> None:
    from app.journal import create_journal

    journal, _ = create_journal(journal_dir, key_store)
    with journal.engine.connect() as conn:
        assert _schema_diffs(conn) == []
    journal.close()
