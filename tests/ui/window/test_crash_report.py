"""A bug in the window is logged without content and shown, never a silent exit."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl, qDebug, qWarning
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QLabel, QMessageBox

from app import gui
from app.diagnostics import errorlog
from app.journal.opening import Journal
from app.ui.widgets.worker import WorkRelay, WorkTask
from app.ui.window import launch
from app.ui.window.crash_report import HEADLINE, ErrorDialog, reporting_bugs, run_reporting_bugs

SECRET = "Zanzibarquokka"


def _log() -> str:
    return errorlog.log_file().read_text(encoding="utf-8")


def _crash(*_args: object, **_kwargs: object) -> object:
    raise RuntimeError(f"could not save the entry about {SECRET}")


@pytest.mark.qt_no_exception_capture
def test_a_bug_in_the_window_is_shown_and_logged_without_content(
    qtbot, make_window, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal.entries.create(f"Met {SECRET}", f"{SECRET} said the rota was wrong")
    window = make_window(journal)
    monkeypatch.setattr(journal.entries, "create", _crash)

    with reporting_bugs() as reporter:
        window.commands.new_entry.trigger()
        qtbot.waitUntil(lambda: reporter.dialog is not None)
        dialog = reporter.dialog
        assert isinstance(dialog, ErrorDialog) and dialog.isVisible()
        assert dialog.log_place.text() == str(errorlog.log_file())
        assert HEADLINE in [label.text() for label in dialog.findChildren(QLabel)]
        assert not dialog.copied.isVisible()
        dialog.copy_button.click()
        assert dialog.copied.isVisible()
        copied = QGuiApplication.clipboard().text()
        dialog.close()
    assert "builtins.RuntimeError" in copied and str(errorlog.log_file()) in copied
    assert SECRET not in copied
    log = _log()
    assert SECRET not in log and "could not save" not in log
    assert "builtins.RuntimeError" in log and "tests/ui/window/test_crash_report.py:" in log
    assert ":_crash" in log and ":new_entry" in log


def test_a_failed_worker_task_is_logged_and_reported_to_the_window(qtbot) -> None:
    relay = WorkRelay()
    failures: list[tuple[object, str]] = []
    relay.failed.connect(lambda tag, message: failures.append((tag, message)))

    WorkTask("search", lambda: _crash(), relay, "Searching failed unexpectedly.").run()

    assert failures == [("search", "Searching failed unexpectedly.")]
    log = _log()
    assert "Worker-thread failure" in log and "builtins.RuntimeError" in log
    assert SECRET not in log


@pytest.mark.qt_log_ignore("QTextCursor", "Plain chatter")
def test_qt_warnings_are_logged_but_debug_chatter_is_not(qtbot) -> None:
    with reporting_bugs():
        qWarning(f"QTextCursor::setPosition: Position '{SECRET}' out of range")
        qDebug("Plain chatter nobody needs")
    log = _log()
    assert "Qt warning" in log and "QTextCursor::setPosition" in log
    assert SECRET not in log and "Plain chatter" not in log


def test_a_bug_while_opening_gives_2_and_is_shown(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []

    def exec_(self: ErrorDialog) -> int:
        shown.append(self.details)
        return 0

    monkeypatch.setattr(ErrorDialog, "exec", exec_)
    monkeypatch.setattr(launch, "open_settings", _crash)

    assert launch.main(tmp_path / "journal", ["inquiry-journal-gui"]) == 2

    assert shown and "builtins.RuntimeError" in shown[0] and SECRET not in shown[0]
    assert "Window failure" in _log() and SECRET not in _log()


def test_work_that_succeeds_keeps_its_exit_code(qtbot) -> None:
    assert run_reporting_bugs(lambda: 0) == 0
    assert not errorlog.log_file().exists()


def test_help_show_error_log_says_where_it_would_be_before_any_bug(
    make_window, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda _parent, _title, text: said.append(text))
    )
    window = make_window(journal)
    help_menu = window.menus["help"]
    assert window.menuBar().actions()[-1] is help_menu.menuAction()
    assert window.commands.show_error_log in help_menu.actions()

    window.commands.show_error_log.trigger()

    assert said and str(errorlog.log_file()) in said[0] and "no error log yet" in said[0]


def test_help_show_error_log_opens_the_log_folder(
    make_window, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    errorlog.record_warning("Qt", "something small")
    window = make_window(journal)

    window.commands.show_error_log.trigger()

    assert len(opened) == 1 and opened[0].isLocalFile()
    assert Path(opened[0].toLocalFile()) == errorlog.log_file().parent


def test_a_bug_before_any_window_exists_is_logged_and_gives_2(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(launch, "main", _crash)

    assert gui.main([]) == 2

    assert "Start-up failure" in _log() and "builtins.RuntimeError" in _log()
    assert SECRET not in _log()
