"""cycles remember when reflection began, for the Insights view's days from experiment to
reflection; a coach's shared cycles keep the facts Insights counts (status, loop, dates,
leadership dimensions)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 19:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("cycles", sa.Column("reflection_began_at", sa.DateTime(), nullable=True))
    # JSON, as a share package carries them ("" for an entry, or a cycle shared before 0011).
    op.add_column("shared_items", sa.Column("facts", sa.Text(), nullable=False, server_default=""))
    # Cycles already past planning get the best estimate the journal holds: the first time
    # any of their stages was written on or after the experiment's day (the plan is written
    # before it). Stage texts keep when each earlier text was written, so this is the moment
    # the first words after the experiment were saved. A cycle with no such writing, or no
    # experiment date, stays unknown and the Insights view says how many are.
    op.execute(
        """
        UPDATE cycles SET reflection_began_at = (
            SELECT min(moment) FROM (
                SELECT v.written_at AS moment FROM cycle_stage_versions v
                WHERE v.cycle_id = cycles.id AND v.text != ''
                UNION ALL
                SELECT s.updated_at FROM cycle_stages s
                WHERE s.cycle_id = cycles.id AND s.text != ''
            ) WHERE moment >= cycles.experiment_date
        )
        WHERE status != 'planned' AND experiment_date IS NOT NULL
        """
    )


def downgrade() -> None:
    with op.batch_alter_table("shared_items") as batch_op:
        batch_op.drop_column("facts")
    with op.batch_alter_table("cycles") as batch_op:
        batch_op.drop_column("reflection_began_at")
