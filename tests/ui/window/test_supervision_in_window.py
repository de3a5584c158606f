"""Issue 5 in the window: record a session, flag entries, export a summary after the check."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.privacy.check import FindingKind
from app.summary.export import SummaryFormat
from app.supervision.session_records import SessionKind
from app.ui.window.navigation import View
from tests.support.data import NAME, NHS_NUMBER, RISKY_BODY
from tests.ui.driver import CTRL, activate
from tests.ui.support import view_shown


class FileChooser:
    """Stands in for the Save dialog: answers with a path and records what it was asked."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.asked: list[SummaryFormat] = []

    def __call__(self, _parent: QWidget, _suggested: str, fmt: SummaryFormat) -> Path:
        self.asked.append(fmt)
        return self.path


def choose_entry(qtbot, window, title: str) -> None:
    """Move through the entry list with the arrow keys until `title` is in the editor."""
    activate(qtbot, window)
    window.entries_page.sidebar.entry_list.setFocus()
    qtbot.keyClick(window.entries_page.sidebar.entry_list, Qt.Key.Key_Home)
    for _ in range(window.controller.model.rowCount()):
        if window.entries_page.editor.title_edit.text() == title:
            return
        qtbot.keyClick(window.entries_page.sidebar.entry_list, Qt.Key.Key_Down)
    assert window.entries_page.editor.title_edit.text() == title


def test_session_flags_and_a_redacted_summary_from_the_window(
    qtbot, journal, make_window, tmp_path
):
    journal.entries.create("A family asked about the delay", RISKY_BODY)
    journal.entries.create("Bed meeting", "I said what was ready, and what was not.")
    journal.entries.create("Rota", "Nothing for supervision here.")
    out = tmp_path / "supervision summary.md"
    chooser = FileChooser(out)
    window = make_window(journal, choose_file=chooser)

    window.commands.record_session.trigger()  # File > Record a session…
    dialog = window.sessions_list.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(SessionKind.SUPERVISION.value))
    qtbot.keyClicks(dialog.with_whom, "my clinical supervisor")
    qtbot.keyClicks(dialog.wants, "How to hold the line on safe staffing.")
    for what in ("Say what is ready at the bed meeting", "Ask the night team for one worry"):
        row = dialog.action_rows.add_row()
        qtbot.keyClicks(row.what, what)
    with qtbot.waitSignal(dialog.sessionSaved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    [session] = journal.sessions.all()
    assert [a.what for a in session.actions] == [
        "Say what is ready at the bed meeting",
        "Ask the night team for one worry",
    ]
    assert window.actions_panel.action_ids() == [a.id for a in session.actions]  # on Home

    activate(qtbot, window)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_2, CTRL)
    assert view_shown(window) is View.ENTRIES
    flag = window.commands.flag_entry
    for title in ("A family asked about the delay", "Bed meeting"):
        choose_entry(qtbot, window, title)
        assert flag.isEnabled() and not flag.isChecked()
        flag.trigger()  # Entry > Bring to supervision
        assert flag.isChecked()
    flagged = {journal.entries.get(i).title for i in journal.entries.flagged_ids()}
    assert flagged == {"A family asked about the delay", "Bed meeting"}

    window.commands.export_summary.trigger()  # File > Export summary…
    summary = window.controllers.supervision.summary_dialog
    assert summary is not None
    qtbot.waitUntil(lambda: summary.preview_current, timeout=10_000)
    summary.format_combo.setCurrentIndex(summary.format_combo.findData(SummaryFormat.MD.value))
    qtbot.mouseClick(summary.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: summary.review is not None, timeout=10_000)
    review = summary.review
    assert review is not None
    kinds = sorted(row.located.finding.kind.value for row in review.rows)
    assert kinds == sorted([FindingKind.NAME.value, FindingKind.NHS_NUMBER.value])
    [name_row] = [r for r in review.rows if r.located.finding.kind is FindingKind.NAME]
    name_row.keep_button.click()  # kept on purpose; the NHS number stays to be redacted
    with qtbot.waitSignal(summary.summaryExported, timeout=20_000):
        qtbot.mouseClick(review.ok_button, Qt.MouseButton.LeftButton)

    assert chooser.asked == [SummaryFormat.MD]
    text = out.read_text(encoding="utf-8")
    assert NHS_NUMBER not in text and "5919" not in text
    assert "[NHS number]" in text
    assert NAME in text
    assert "Bed meeting" in text
    assert "Rota" not in text
    # The session just recorded for today is the one the summary is for: its actions are still
    # to come, not "agreed last time".
    assert "Say what is ready at the bed meeting" not in text
    assert "No earlier session is recorded." in text
    assert "Supervision, " in text and ", with my clinical supervisor" in text
    assert "How to hold the line on safe staffing." in text
    assert window.statusBar().currentMessage() == f"Summary saved to {out}"
    summary.close()
