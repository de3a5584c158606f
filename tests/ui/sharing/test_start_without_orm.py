"""The window's sharing, comments, coaching and saved-search parts load, and make their start-up
reads, without SQLAlchemy or the ORM's models (importing those is a third of the start).

Each check runs in a child process, as the app starts, which then lists every module it
loaded.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from app.journal.opening import Journal
from app.search.full_text import SearchFilters
from app.sharing.exchange import ExchangeService
from app.sharing.records import Role
from app.sharing.workspace import WorkspaceService
from tests.support.processes import PYTHON, subprocess_env
from tests.support.sharing import send_share

VIEWS = (
    "app.ui.coach.availability",
    "app.ui.coach.coaching_offer",
    "app.ui.comments.comment_thread",
    "app.ui.search.saved_controller",
    "app.ui.search.saved_list",
    "app.ui.sharing.comments_controller",
    "app.ui.sharing.comments_presenter",
    "app.ui.sharing.share_items",
    "app.ui.sharing.unread",
    "app.ui.sharing.words",
    "app.ui.widgets.link_completer",
    "app.ui.widgets.linked_from",
    "app.ui.window.item_links",
)
ORM = ("sqlalchemy", "app.storage.tables")

_IMPORT = """
import importlib, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
print("LOADED", *sorted(sys.modules), file=sys.stderr)
"""

_READ_AT_START = """
import json, sys
from pathlib import Path
from app.journal.opening import open_journal
from app.search.saved_records import saved_searches
from app.sharing.records import waiting_work
from app.storage.keys import SystemKeyring
from app.ui.coach.availability import coaching_available
from app.ui.sharing.unread import UnreadComments

found = {}
for folder in sys.argv[1:]:
    journal = open_journal(Path(folder), SystemKeyring())
    unread = UnreadComments(journal)
    unread.refresh()
    with journal.reading() as conn:
        found[folder] = {
            "coaching": coaching_available(journal),
            "unread": unread.counts,
            "waiting": waiting_work(conn).total,
            "saved": [s.name for s in saved_searches(conn)],
        }
    journal.close()
print(json.dumps(found))
print("LOADED", *sorted(sys.modules), file=sys.stderr)
"""


def _run(home: Path, code: str, *arguments: str) -> tuple[str, set[str]]:
    result = subprocess.run(
        [PYTHON, "-c", code, *arguments],
        env=subprocess_env(home),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout, set(result.stderr.rpartition("LOADED ")[2].split())


def _orm_in(loaded: set[str]) -> list[str]:
    return sorted(m for m in loaded if any(m == o or m.startswith(o + ".") for o in ORM))


def test_the_views_load_without_the_orm(isolated_home: Path) -> None:
    _out, loaded = _run(isolated_home, _IMPORT, *VIEWS)
    assert set(VIEWS) <= loaded  # the child really imported them
    assert "PySide6.QtWidgets" in loaded
    assert _orm_in(loaded) == []


def test_the_start_up_reads_need_no_orm(
    paired: Journal, coach: Journal, isolated_home: Path
) -> None:
    huddle = paired.entries.create("Huddle", "I asked first.")
    handover = paired.entries.create("Handover", "Quiet today.")
    paired.saved_searches.save("Team", "huddle", SearchFilters())
    paired.saved_searches.save("board", "", SearchFilters(tag="board"))
    ExchangeService(coach).import_package(send_share(paired, [huddle.id, handover.id]))
    alex = coach.sharing.find("Alex", Role.PARTICIPANT)
    ExchangeService(coach).write_comment(alex.fingerprint, huddle.id, "What did you notice?")
    ExchangeService(coach).write_comment(alex.fingerprint, huddle.id, "And then?")
    feedback = ExchangeService(coach).make_feedback(alex)
    ExchangeService(coach).record_sent(feedback)
    ExchangeService(paired).import_package(feedback.data)
    expected = {
        str(paired.folder): {
            "coaching": False,
            "unread": ExchangeService(paired).unread_counts(Role.COACH, live_items_only=True),
            "waiting": WorkspaceService(paired).waiting_work().total,
            "saved": ["board", "Team"],
        },
        str(coach.folder): {
            "coaching": True,
            "unread": {},
            "waiting": WorkspaceService(coach).waiting_work().total,
            "saved": [],
        },
    }
    assert expected[str(paired.folder)]["unread"] == {huddle.id: 2}
    assert expected[str(coach.folder)]["waiting"] == 2  # two shares not yet discussed
    paired.close()
    coach.close()

    out, loaded = _run(isolated_home, _READ_AT_START, str(paired.folder), str(coach.folder))
    assert json.loads(out) == expected
    assert "sqlcipher3" in loaded  # the child really opened the journals
    assert _orm_in(loaded) == []
