"""The privacy review: each finding in context, redacted unless explicitly kept."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.privacy.check import FindingKind
from app.summary.privacy import find_in
from app.ui.privacy.finding_row import context_html
from app.ui.privacy.review import PrivacyReviewDialog
from tests.ui.summary.helpers import Sample
from tests.ui.support import unnamed_controls


def test_each_finding_shows_kind_severity_context_and_where(qtbot, show):
    sample = Sample(
        wants="Talk about Mrs Patel <and> the discharge of NHS no 943 476 5919 last week."
    )
    findings = find_in(sample)
    dialog = PrivacyReviewDialog(findings)
    show(dialog)
    assert dialog.title_label.text().startswith("2 things in this summary")
    name_row, number_row = dialog.rows
    assert name_row.kind_label.text() == "Name"
    assert number_row.kind_label.text() == "NHS number"
    assert number_row.severity_label.text() == "Likely to identify someone"
    assert "<b>943 476 5919</b>" in number_row.context_label.text()
    assert "&lt;and&gt;" in number_row.context_label.text()  # the person's words stay text
    assert number_row.where_label.text() == "Where: wants"
    assert name_row.redact and number_row.redact
    assert unnamed_controls(dialog) == []

    qtbot.mouseClick(dialog.keep_all_button, Qt.MouseButton.LeftButton)
    assert dialog.to_redact() == []
    qtbot.mouseClick(dialog.redact_all_button, Qt.MouseButton.LeftButton)
    number_row.keep_button.click()
    assert [f.finding.kind for f in dialog.to_redact()] == [FindingKind.NAME]
    assert [f.finding.kind for f in dialog.kept()] == [FindingKind.NHS_NUMBER]
    with qtbot.waitSignal(dialog.finished) as finished:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert finished.args == [QDialog.DialogCode.Accepted.value]


def test_context_is_cut_with_ellipses_on_one_line():
    text = "x" * 60 + "\nsee Mrs Patel\nthen " + "y" * 60
    [located] = find_in(Sample(wants=text))
    html = context_html(located)
    assert html.startswith("…")
    assert html.endswith("…")
    assert "\n" not in html
    assert "see <b>Mrs Patel</b> then" in html
