"""The Home view's reads load no ORM: the window's first view is read in plain SQL.

A child process opens a real journal, as the app does, reads what Home shows (the overview and
Looking back) and the Actions panel's open actions, then lists every module it loaded.
SQLAlchemy and the ORM's tables must not be among them, and what it read must be what the
stores (which go through the ORM's connections) read.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from app.journal.opening import Journal, open_journal
from app.storage.keys import SystemKeyring
from app.supervision.session_records import ActionDraft, SessionKind
from app.writing.cycles import CycleStore
from app.writing.domains import Domain
from app.writing.entries import EntryStore
from tests.support.data import reviewed_cycle
from tests.support.processes import PYTHON, subprocess_env

TODAY = date(2026, 12, 3)
NOW = datetime.combine(TODAY, time(12), tzinfo=UTC)

_CHILD = """
import json, sys
from datetime import date, datetime
from pathlib import Path

from app.home.looking_back import LookingBackService
from app.home.overview import HomeService
from app.journal.opening import open_journal
from app.storage.keys import SystemKeyring
from app.storage.snapshot import reading
from app.supervision.session_reads import open_actions

folder, today = Path(sys.argv[1]), date.fromisoformat(sys.argv[2])
now = datetime.fromisoformat(sys.argv[3])
journal = open_journal(folder, SystemKeyring())
overview = HomeService(journal).overview(today, now)
back = LookingBackService(journal).pick(today)
with reading(journal) as conn:
    actions = open_actions(conn)
print(json.dumps({
    "waiting": [repr(c) for c in overview.waiting],
    "in_progress": [repr(c) for c in overview.in_progress],
    "recent": [repr(e) for e in overview.recent_entries],
    "balance": {d.value: n for d, n in overview.balance.counts.items()},
    "back": repr(back),
    "actions": [repr(a) for a in actions],
}))
journal.close()
print("LOADED", *sorted(sys.modules), file=sys.stderr)
"""


def _at(moment: datetime) -> Callable[[], datetime]:
    return lambda: moment


@pytest.fixture
def folder(journal: Journal) -> Path:
    """A journal with something in every part of Home, closed so a child process can open it."""
    early = NOW - timedelta(days=3)
    cycles = CycleStore(journal.engine, journal.templates, clock=lambda: early)
    waiting = cycles.start_inquiry(
        "How do I hand over?", [Domain.TEAM], "action-inquiry", experiment_date=TODAY
    )
    cycles.save_stage(waiting.id, "frame", "\n# Handing over the bleep\nat night")
    going = cycles.start_cycle(waiting.inquiry_id, "action-inquiry", title="Ask the band 6s")
    cycles.begin_reflection(going.id)
    cycles.start_cycle(waiting.inquiry_id, "action-inquiry", experiment_date=TODAY)  # untitled
    for n in range(7):
        entries = EntryStore(journal.engine, clock=_at(early + timedelta(minutes=n)))
        entries.create("" if n == 3 else f"Entry {n}", f"Body of entry {n}", [Domain.INDIVIDUAL])
    reviewed_cycle(journal, "Ask at huddle", NOW - timedelta(days=31), "People speak first.")
    session = journal.sessions.record(
        SessionKind.COACHING,
        TODAY - timedelta(days=10),
        actions=[ActionDraft("Ask for feedback", by_when=TODAY), ActionDraft("Read the policy")],
    )
    journal.sessions.link_evidence(session.actions[0].id, entry_id=entries.summaries()[0].id)
    journal.close()
    return journal.folder


def test_home_is_read_without_the_orm(folder: Path, isolated_home: Path) -> None:
    result = subprocess.run(
        [PYTHON, "-c", _CHILD, str(folder), TODAY.isoformat(), NOW.isoformat()],
        env=subprocess_env(isolated_home),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    loaded = set(result.stderr.rpartition("LOADED ")[2].split())
    assert "sqlcipher3" in loaded  # the child really read the journal
    assert not {m for m in loaded if m == "sqlalchemy" or m.startswith("sqlalchemy.")}
    assert "app.storage.tables" not in loaded
    read = json.loads(result.stdout)

    # What the stores read through the ORM's connections is the same, value for value.
    journal = open_journal(folder, SystemKeyring())
    try:
        assert read["waiting"] == [repr(c) for c in journal.cycles.waiting_for_reflection(TODAY)]
        assert read["in_progress"] == [repr(c) for c in journal.cycles.in_progress()]
        assert read["recent"] == [repr(e) for e in journal.entries.summaries(limit=5)]
        assert read["actions"] == [repr(a) for a in journal.sessions.open_actions()]
        waiting = journal.cycles.waiting_for_reflection(TODAY)
        recent = journal.entries.summaries(limit=5)
    finally:
        journal.close()
    assert sorted(c.title for c in waiting) == ["Handing over the bleep", "Untitled cycle"]
    assert [e.title for e in recent] == [
        "Entry 6",
        "Entry 5",
        "Entry 4",
        "Body of entry 3",
        "Entry 2",
    ]
    # Seven entries and two cycles in the default domain; the reviewed cycle is too old.
    assert read["balance"] == {"individual": 9, "team": 1, "organisation": 0}
    assert "Ask at huddle" in read["back"] and "People speak first." in read["back"]
    assert "'Ask for feedback'" in read["actions"][0]
