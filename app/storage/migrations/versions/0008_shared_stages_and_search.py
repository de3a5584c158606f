"""coach workspace: shared cycles keep their stages, what a comment was about, and a search index

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26 08:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# The coach's shared items get an FTS5 index of their own (same tokenizer as the journal's),
# kept in step by triggers. shared_docs gives each shared item a stable integer key for its
# FTS row (shared_items has a composite key, and its implicit rowid may change on VACUUM).
_DOC = (
    "(SELECT rowid FROM shared_docs WHERE participant = {p}.participant AND item_id = {p}.item_id)"
)
TRIGGERS = {
    "search_shared_insert": """
        AFTER INSERT ON shared_items BEGIN
            INSERT INTO shared_docs (participant, item_id) VALUES (new.participant, new.item_id);
            INSERT INTO search_index_shared (rowid, title, content, tags)
                VALUES (last_insert_rowid(), new.title, new.content, new.tags);
        END""",
    "search_shared_update": f"""
        AFTER UPDATE OF title, content, tags ON shared_items BEGIN
            UPDATE search_index_shared
                SET title = new.title, content = new.content, tags = new.tags
                WHERE rowid = {_DOC.format(p="new")};
        END""",
    "search_shared_delete": f"""
        AFTER DELETE ON shared_items BEGIN
            DELETE FROM search_index_shared WHERE rowid = {_DOC.format(p="old")};
            DELETE FROM shared_docs
                WHERE participant = old.participant AND item_id = old.item_id;
        END""",
}


def upgrade() -> None:
    with op.batch_alter_table("shared_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("stages", sa.Text(), server_default="", nullable=False))
        batch_op.add_column(
            sa.Column("commented_content", sa.Text(), server_default="", nullable=False)
        )
    op.create_table(
        "shared_docs",
        sa.Column("rowid", sa.Integer(), nullable=False),
        sa.Column("participant", sa.String(length=19), nullable=False),
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("rowid"),
    )
    op.create_index("ux_shared_docs_item", "shared_docs", ["participant", "item_id"], unique=True)
    op.execute(
        "INSERT INTO shared_docs (participant, item_id) "
        "SELECT participant, item_id FROM shared_items"
    )
    op.execute(
        "CREATE VIRTUAL TABLE search_index_shared USING fts5("
        "title, content, tags, tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3')"
    )
    op.execute(
        "INSERT INTO search_index_shared (rowid, title, content, tags) "
        "SELECT d.rowid, s.title, s.content, s.tags FROM shared_items s "
        "JOIN shared_docs d ON d.participant = s.participant AND d.item_id = s.item_id"
    )
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS search_index_shared")
    op.drop_index("ux_shared_docs_item", table_name="shared_docs")
    op.drop_table("shared_docs")
    with op.batch_alter_table("shared_items", schema=None) as batch_op:
        batch_op.drop_column("commented_content")
        batch_op.drop_column("stages")
