"""Journals as past versions of the app wrote them: one per schema revision, with sample rows."""

from __future__ import annotations

from pathlib import Path

from app.storage import schema
from app.storage.engine import make_engine
from app.storage.keys import RawKey, SystemKeyring
from app.storage.meta import JournalMeta, KeyMode, db_path, write_meta

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


def journal_at(folder: Path, revision: str, key_store: SystemKeyring) -> None:
    """Write a keyring-mode journal in `folder` at schema `revision`, holding its sample rows."""
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


SAMPLE_ROWS["0011"] = [
    *SAMPLE_ROWS["0010"],
    "UPDATE cycles SET status = 'in_progress', reflection_began_at = '2026-01-10 18:00:00.000000' "
    f"WHERE id = '{CYCLE_ID}'",
]
SAMPLE_ROWS["0012"] = [
    *SAMPLE_ROWS["0011"],
    "INSERT INTO personal_words (word, private, added_at) "
    "VALUES ('Okonkwo', 1, '2026-01-11 09:00:00.000000')",
]
SAMPLE_ROWS["0013"] = [*SAMPLE_ROWS["0012"]]  # an index only: the same rows
