"""Opening the window stays quick: what only a dialog, a cycle or a share needs loads later, and
nothing watches every event of the app while the window is being built."""

from __future__ import annotations

import subprocess
from pathlib import Path

from app.journal.opening import Journal
from tests.support.processes import PYTHON, subprocess_env

# Each of these took time to load and is needed only after the window is on screen: the
# summary writers and printing, Markdown (a preview), cryptography (a share or a card), the
# guided cycle flow, the dialogs, restoring a backup, the Coaching page.
LOADED_LATER = (
    "docx",
    "markdown",
    "cryptography",
    "PySide6.QtPrintSupport",
    "app.summary.export",
    "app.summary.pdf",
    "app.summary.word",
    "app.journal.restore",
    "app.ui.cycles.cycle_flow",
    "app.ui.cycles.new_cycle_dialog",
    "app.ui.cycles.templates_dialog",
    "app.ui.summary.summary_dialog",
    "app.ui.sharing.share_dialog",
    "app.ui.sharing.import_dialog",
    "app.ui.sharing.card_dialogs",
    "app.ui.backups.backups_dialog",
    "app.ui.trash.dialog",
    "app.ui.widgets.versions_dialog",
    "app.ui.sessions.session_dialog",
    "app.ui.coach.coach_page",
    # SQLAlchemy, its models and the migrations: the window opens on the plain driver and
    # loads the ORM once it is on screen (MainWindow.prepare_storage_soon).
    "sqlalchemy",
    "app.storage.tables",
    "alembic",
    "app.writing.entries",
    "app.writing.cycles",
    # What only a comment thread, a cycle read back, a reminder, a backup file, a share or an
    # import needs: each module and its dataclasses cost the start a little, together ~5 ms.
    "app.ui.comments.comment_thread",
    "app.writing.rendering",
    "nh3",
    "app.ui.cycles.cycle_page",
    "app.reminders.nudges",
    "app.reminders.due",
    "app.storage.backup_file",
    "app.sharing.content",
    "app.transfer.incoming",
    "app.ui.sharing.share_items",
    "app.summary.privacy",
)

# The real start (app.ui.window.launch.main) on the journal; once the journal window is on screen
# and has painted, say which of the modules above are loaded, then whether the ORM loads once it
# is on screen (within ten seconds), and close it.
CHILD = """
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
import app.ui.window.main_window as window_module
from app.ui.window.launch import main

later = sys.argv[2].split()
# Which application-wide event filters are installed, and whether the journal window was on
# screen by then: each one is called for every event of the app, building and showing the window
# sends thousands, and the first event of one of Qt's own objects sets up every class PySide wraps.
filters = []
install = QApplication.installEventFilter


def journal_window_exposed() -> bool:
    return any(
        hasattr(w, "controllers") and w.windowHandle() is not None and w.windowHandle().isExposed()
        for w in QApplication.topLevelWidgets()
    )


def installing(self, watcher) -> None:
    if self is QApplication.instance():
        when = "after" if journal_window_exposed() else "before"
        filters.append(f"{type(watcher).__name__}:{when}")
    install(self, watcher)


QApplication.installEventFilter = installing
# Long enough that the window is looked at before the ORM loads, even on a busy machine.
window_module.PREPARE_ORM_MS = 1500


def look() -> None:
    shown = [
        w for w in QApplication.topLevelWidgets()
        if w.isVisible() and w.windowTitle() == "Inquiry Journal" and hasattr(w, "controllers")
    ]
    if not shown or not shown[0].watching_input:
        QTimer.singleShot(20, look)
        return
    QApplication.processEvents()
    print("SHOWN", shown[0].windowTitle())
    print("LOADED", " ".join(m for m in later if m in sys.modules))
    print("FILTERS", " ".join(filters))
    QTimer.singleShot(50, lambda: wait_for_orm(shown[0], 200))


def wait_for_orm(window, tries: int) -> None:
    prepared = "sqlalchemy.orm" in sys.modules and "app.storage.tables" in sys.modules
    if not prepared and tries:
        QTimer.singleShot(50, lambda: wait_for_orm(window, tries - 1))
        return
    print("PREPARED", "yes" if prepared else "no")
    window.close()


QTimer.singleShot(0, look)
sys.exit(main(Path(sys.argv[1]), [sys.argv[0]]))
"""


def test_the_window_opens_without_what_only_later_commands_need(
    journal: Journal, isolated_home: Path
) -> None:
    journal.entries.create("Huddle", "I asked first, then **waited**.")
    journal.close()
    result = subprocess.run(
        [PYTHON, "-c", CHILD, str(journal.folder), " ".join(LOADED_LATER)],
        env=subprocess_env(isolated_home),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = dict(line.partition(" ")[::2] for line in result.stdout.splitlines())
    assert lines.get("SHOWN") == "Inquiry Journal", result.stdout + result.stderr
    assert lines["LOADED"].split() == []
    # Enter on a focused button and the idle lock watch the person's input once the window is
    # on screen, not the events of its building and first showing.
    assert sorted(lines["FILTERS"].split()) == [
        "EnterPressesFocusedButton:after",
        "IdleWatcher:after",
    ]
    assert lines["PREPARED"] == "yes"  # loaded once on screen, before the first click needs it
