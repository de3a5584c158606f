"""full-text search: an FTS5 index kept in step by triggers, and recent searches

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 06:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# Each indexed thing has one row in search_docs; its rowid is the FTS row's rowid.
_DOC = (
    "(SELECT rowid FROM search_docs "
    "WHERE kind = '{kind}' AND item_id = {item} AND stage_id = {stage})"
)
_ENTRY_TAGS = (
    "(SELECT coalesce(group_concat(t.name, ' '), '') FROM entry_tags et "
    "JOIN tags t ON t.id = et.tag_id WHERE et.entry_id = {entry})"
)
_CYCLE_TAGS = (
    "(SELECT coalesce(group_concat(t.name, ' '), '') FROM cycle_tags ct "
    "JOIN tags t ON t.id = ct.tag_id WHERE ct.cycle_id = {cycle})"
)


def _doc(kind: str, item: str, stage: str = "''") -> str:
    return _DOC.format(kind=kind, item=item, stage=stage)


_LIVE_CYCLE = "(SELECT deleted_at FROM cycles WHERE id = {cycle}) IS NULL"

# Trashed entries and cycles leave the index (their search_docs row stays, so the rowid is
# stable) and come back when restored: a plain search then needs no join to skip them.
TRIGGERS = {
    # entries
    "search_entry_insert": """
        AFTER INSERT ON entries BEGIN
            INSERT INTO search_docs (kind, item_id, stage_id) VALUES ('entry', new.id, '');
            INSERT INTO search_index (rowid, title, body, tags)
                SELECT last_insert_rowid(), new.title, new.body, ''
                WHERE new.deleted_at IS NULL;
        END""",
    "search_entry_update": f"""
        AFTER UPDATE OF title, body ON entries BEGIN
            UPDATE search_index SET title = new.title, body = new.body
                WHERE rowid = {_doc("entry", "new.id")};
        END""",
    "search_entry_trash": f"""
        AFTER UPDATE OF deleted_at ON entries
        WHEN old.deleted_at IS NULL AND new.deleted_at IS NOT NULL BEGIN
            DELETE FROM search_index WHERE rowid = {_doc("entry", "new.id")};
        END""",
    "search_entry_restore": f"""
        AFTER UPDATE OF deleted_at ON entries
        WHEN old.deleted_at IS NOT NULL AND new.deleted_at IS NULL BEGIN
            INSERT INTO search_index (rowid, title, body, tags) VALUES (
                {_doc("entry", "new.id")}, new.title, new.body,
                {_ENTRY_TAGS.format(entry="new.id")});
        END""",
    "search_entry_delete": f"""
        AFTER DELETE ON entries BEGIN
            DELETE FROM search_index WHERE rowid = {_doc("entry", "old.id")};
            DELETE FROM search_docs WHERE kind = 'entry' AND item_id = old.id;
        END""",
    "search_entry_tag_insert": f"""
        AFTER INSERT ON entry_tags BEGIN
            UPDATE search_index SET tags = {_ENTRY_TAGS.format(entry="new.entry_id")}
                WHERE rowid = {_doc("entry", "new.entry_id")};
        END""",
    "search_entry_tag_delete": f"""
        AFTER DELETE ON entry_tags BEGIN
            UPDATE search_index SET tags = {_ENTRY_TAGS.format(entry="old.entry_id")}
                WHERE rowid = {_doc("entry", "old.entry_id")};
        END""",
    # cycles (title and tags)
    "search_cycle_insert": """
        AFTER INSERT ON cycles BEGIN
            INSERT INTO search_docs (kind, item_id, stage_id) VALUES ('cycle', new.id, '');
            INSERT INTO search_index (rowid, title, body, tags)
                SELECT last_insert_rowid(), new.title, '', ''
                WHERE new.deleted_at IS NULL;
        END""",
    "search_cycle_update": f"""
        AFTER UPDATE OF title ON cycles BEGIN
            UPDATE search_index SET title = new.title WHERE rowid = {_doc("cycle", "new.id")};
        END""",
    "search_cycle_trash": """
        AFTER UPDATE OF deleted_at ON cycles
        WHEN old.deleted_at IS NULL AND new.deleted_at IS NOT NULL BEGIN
            DELETE FROM search_index WHERE rowid IN
                (SELECT rowid FROM search_docs WHERE item_id = new.id
                 AND kind IN ('cycle', 'stage'));
        END""",
    "search_cycle_restore": f"""
        AFTER UPDATE OF deleted_at ON cycles
        WHEN old.deleted_at IS NOT NULL AND new.deleted_at IS NULL BEGIN
            INSERT INTO search_index (rowid, title, body, tags) VALUES (
                {_doc("cycle", "new.id")}, new.title, '', {_CYCLE_TAGS.format(cycle="new.id")});
            INSERT INTO search_index (rowid, title, body, tags)
                SELECT d.rowid, s.title, s.text, '' FROM search_docs d
                JOIN cycle_stages s ON s.cycle_id = d.item_id AND s.stage_id = d.stage_id
                WHERE d.kind = 'stage' AND d.item_id = new.id;
        END""",
    "search_cycle_delete": """
        AFTER DELETE ON cycles BEGIN
            DELETE FROM search_index WHERE rowid IN
                (SELECT rowid FROM search_docs WHERE item_id = old.id
                 AND kind IN ('cycle', 'stage'));
            DELETE FROM search_docs WHERE item_id = old.id AND kind IN ('cycle', 'stage');
        END""",
    "search_cycle_tag_insert": f"""
        AFTER INSERT ON cycle_tags BEGIN
            UPDATE search_index SET tags = {_CYCLE_TAGS.format(cycle="new.cycle_id")}
                WHERE rowid = {_doc("cycle", "new.cycle_id")};
        END""",
    "search_cycle_tag_delete": f"""
        AFTER DELETE ON cycle_tags BEGIN
            UPDATE search_index SET tags = {_CYCLE_TAGS.format(cycle="old.cycle_id")}
                WHERE rowid = {_doc("cycle", "old.cycle_id")};
        END""",
    # cycle stages (their text)
    "search_stage_insert": f"""
        AFTER INSERT ON cycle_stages BEGIN
            INSERT INTO search_docs (kind, item_id, stage_id)
                VALUES ('stage', new.cycle_id, new.stage_id);
            INSERT INTO search_index (rowid, title, body, tags)
                SELECT last_insert_rowid(), new.title, new.text, ''
                WHERE {_LIVE_CYCLE.format(cycle="new.cycle_id")};
        END""",
    "search_stage_update": f"""
        AFTER UPDATE OF title, text ON cycle_stages BEGIN
            UPDATE search_index SET title = new.title, body = new.text
                WHERE rowid = {_doc("stage", "new.cycle_id", "new.stage_id")};
        END""",
    "search_stage_delete": f"""
        AFTER DELETE ON cycle_stages BEGIN
            DELETE FROM search_index WHERE rowid = {_doc("stage", "old.cycle_id", "old.stage_id")};
            DELETE FROM search_docs
                WHERE kind = 'stage' AND item_id = old.cycle_id AND stage_id = old.stage_id;
        END""",
}


def upgrade() -> None:
    op.create_table(
        "search_docs",
        sa.Column("rowid", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("stage_id", sa.String(length=100), nullable=False),
        sa.CheckConstraint("kind IN ('entry', 'cycle', 'stage')", name="ck_search_doc_kind"),
        sa.PrimaryKeyConstraint("rowid"),
    )
    with op.batch_alter_table("search_docs", schema=None) as batch_op:
        batch_op.create_index("ux_search_docs_item", ["kind", "item_id", "stage_id"], unique=True)
    op.create_table(
        "recent_searches",
        sa.Column("query", sa.Text(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("query"),
    )
    with op.batch_alter_table("recent_searches", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_recent_searches_used_at"), ["used_at"], unique=False)
    op.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "title, body, tags, tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3')"
    )
    # Titles weigh most, then tags, then the text; `ORDER BY rank` then sorts inside FTS5.
    op.execute(
        "INSERT INTO search_index (search_index, rank) VALUES ('rank', 'bm25(8.0, 1.0, 4.0)')"
    )
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    _backfill()


def _backfill() -> None:
    """Index everything already written."""
    op.execute(
        "INSERT INTO search_docs (kind, item_id, stage_id) SELECT 'entry', id, '' FROM entries"
    )
    op.execute(
        "INSERT INTO search_docs (kind, item_id, stage_id) SELECT 'cycle', id, '' FROM cycles"
    )
    op.execute(
        "INSERT INTO search_docs (kind, item_id, stage_id) "
        "SELECT 'stage', cycle_id, stage_id FROM cycle_stages"
    )
    op.execute(
        "INSERT INTO search_index (rowid, title, body, tags) "
        f"SELECT d.rowid, e.title, e.body, {_ENTRY_TAGS.format(entry='e.id')} "
        "FROM search_docs d JOIN entries e ON d.kind = 'entry' AND e.id = d.item_id "
        "WHERE e.deleted_at IS NULL"
    )
    op.execute(
        "INSERT INTO search_index (rowid, title, body, tags) "
        f"SELECT d.rowid, c.title, '', {_CYCLE_TAGS.format(cycle='c.id')} "
        "FROM search_docs d JOIN cycles c ON d.kind = 'cycle' AND c.id = d.item_id "
        "WHERE c.deleted_at IS NULL"
    )
    op.execute(
        "INSERT INTO search_index (rowid, title, body, tags) "
        "SELECT d.rowid, s.title, s.text, '' FROM search_docs d JOIN cycle_stages s "
        "ON d.kind = 'stage' AND s.cycle_id = d.item_id AND s.stage_id = d.stage_id "
        "JOIN cycles c ON c.id = s.cycle_id WHERE c.deleted_at IS NULL"
    )


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS search_index")
    op.drop_table("recent_searches")
    op.drop_table("search_docs")
