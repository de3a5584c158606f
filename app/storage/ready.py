"""Whether a journal file can be used just as it is, read with the plain driver.

Opening a journal normally goes through the ORM's engine, which migrates an old schema and
stamps the journal's id into a file made before the database recorded it. Most opens need
neither, and a one-off command or the window's first screen should not wait for SQLAlchemy
to load only to learn that: `ready_as_is` asks the file directly, and anything it cannot
vouch for is left to the full open, which handles (or refuses) every other case.
"""

from __future__ import annotations

import sqlcipher3

# The newest revision this version of the app knows; a test keeps it equal to Alembic's head.
SCHEMA_HEAD = "0013"


def ready_as_is(conn: sqlcipher3.Connection, journal_id: str) -> bool:
    """True when the file is at SCHEMA_HEAD and stamped with `journal_id`, so it needs no
    migration, no stamp and no refusal; False for anything else (the full open decides)."""
    try:
        revisions = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        stamped = conn.execute("SELECT journal_id FROM journal_identity").fetchall()
    except sqlcipher3.Error:
        return False  # no such table, or unreadable: the full open explains
    return bool(revisions == [(SCHEMA_HEAD,)] and stamped == [(journal_id,)])
