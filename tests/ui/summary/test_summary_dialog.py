"""The summary dialog: defaults, a live preview, the privacy check, export and print."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QWidget

from app.errors import StorageError
from app.privacy.check import FindingKind
from app.summary.contents import SummaryService, SupervisionSummary
from app.summary.export import SummaryFormat
from app.supervision.session_records import SessionKind
from app.ui.summary.summary_dialog import (
    BAD_PERIOD,
    NOT_EXPORTED,
    PRINTED,
    REVIEW_CANCELLED,
)
from app.ui.widgets.captions import to_qdate
from tests.support.data import NAME, NHS_NUMBER, TODAY
from tests.ui.summary.helpers import FileChooser, add_risky_entry, open_summary
from tests.ui.support import unnamed_controls


class Printer:
    """Stands in for the Print dialog and printer: keeps the text it was given."""

    def __init__(self) -> None:
        self.printed: list[str] = []

    def __call__(self, _parent: QWidget, document: QTextDocument) -> bool:
        self.printed.append(document.toPlainText())
        return True


def _read_back(path: Path, fmt: SummaryFormat) -> str:
    """The words in the written file, whitespace collapsed."""
    if fmt is SummaryFormat.DOCX:
        document = docx.Document(str(path))
        parts = [p.text for p in document.paragraphs]
        for table in document.tables:
            parts += [cell.text for row in table.rows for cell in row.cells]
        text = "\n".join(parts)
    elif fmt is SummaryFormat.PDF:
        text = "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    else:
        text = path.read_text(encoding="utf-8")
    return " ".join(text.split())


def test_defaults_come_from_the_last_session_and_the_flags(qtbot, show, demo_journal):
    dialog = open_summary(qtbot, show, demo_journal)
    since, until = SummaryService(demo_journal).default_period(TODAY)
    assert dialog.since_edit.date() == to_qdate(since)
    assert dialog.until_edit.date() == to_qdate(until)
    assert dialog.role_edit.text() == "Participant"
    assert dialog.kind_combo.currentData() == SessionKind.COACHING.value
    assert dialog.session_date.date() == to_qdate(date(2025, 3, 19))  # the next date agreed
    assert dialog.wants_edit.toPlainText() == (
        "Why my team only raises concerns at the end of the shift."
    )
    cycles, entries = SummaryService(demo_journal).default_selection(since, until)
    assert dialog.choices.ticked() == (cycles, entries)
    assert dialog.choices.item(0).text().startswith("Flagged to bring to supervision")
    assert unnamed_controls(dialog) == []


def test_the_preview_holds_every_section(qtbot, show, demo_journal):
    dialog = open_summary(qtbot, show, demo_journal)
    text = dialog.preview.toPlainText()
    for title in SupervisionSummary.SECTION_TITLES:
        assert title in text
    assert "Coaching summary" in text
    assert "Bed meeting, Thursday" in text
    assert "nothing that looks like it identifies someone" in dialog.preview_note.text()


def test_unticking_an_item_takes_it_out_of_the_preview(qtbot, show, demo_journal):
    dialog = open_summary(qtbot, show, demo_journal)
    [entry_id] = demo_journal.entries.flagged_ids()
    assert dialog.choices.set_ticked(f"entry:{entry_id}", False)
    qtbot.waitUntil(lambda: dialog.preview_current)
    assert "Bed meeting, Thursday" not in dialog.preview.toPlainText()


@pytest.mark.parametrize(
    "fmt", [SummaryFormat.MD, SummaryFormat.DOCX, SummaryFormat.PDF, SummaryFormat.HTML]
)
def test_export_after_redacting_one_finding_and_keeping_another(
    qtbot, show, demo_journal, tmp_path, fmt
):
    add_risky_entry(demo_journal)
    out = tmp_path / f"summary.{fmt.value}"
    chooser = FileChooser(out)
    dialog = open_summary(qtbot, show, demo_journal, choose_file=chooser)
    assert "2 things could identify someone" in dialog.preview_note.text()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(fmt.value))

    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.review is not None)
    review = dialog.review
    assert review is not None
    assert chooser.asked == []  # the check comes first
    assert not dialog.export_button.isEnabled()
    [kept] = [row for row in review.rows if row.located.finding.kind is FindingKind.NAME]
    assert kept.where_label.text() == (
        "Where: Dilemmas and entries to bring › “A family asked about the delay” › text"
    )
    kept.keep_button.click()
    with qtbot.waitSignal(dialog.summaryExported, timeout=20_000) as exported:
        qtbot.mouseClick(review.ok_button, Qt.MouseButton.LeftButton)

    assert exported.args == [str(out)]
    assert chooser.asked == [(f"Coaching summary 2025-03-19.{fmt.value}", fmt)]
    text = _read_back(out, fmt)
    assert NHS_NUMBER not in text
    assert "5919" not in text
    assert "[NHS number]" in text
    assert NAME in text
    assert dialog.status_label.text() == f"Saved to {out}"
    assert not dialog.busy_bar.isVisible()
    assert dialog.export_button.isEnabled()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(("summary", "."))) == [
        out.name
    ]


def test_cancel_in_the_privacy_check_writes_nothing(qtbot, show, demo_journal, tmp_path):
    add_risky_entry(demo_journal)
    folder = tmp_path / "out"
    folder.mkdir()
    chooser = FileChooser(folder / "summary.pdf")
    dialog = open_summary(qtbot, show, demo_journal, choose_file=chooser)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.review is not None)
    review = dialog.review
    assert review is not None
    qtbot.mouseClick(review.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.review is None
    assert chooser.asked == []
    assert list(folder.iterdir()) == []
    assert dialog.status_label.text() == REVIEW_CANCELLED
    assert dialog.export_button.isEnabled()


def test_a_summary_with_no_findings_goes_straight_to_the_file_and_can_be_cancelled(
    qtbot, show, demo_journal, tmp_path
):
    chooser = FileChooser(None)
    dialog = open_summary(qtbot, show, demo_journal, choose_file=chooser)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(chooser.asked))
    assert dialog.review is None
    assert dialog.status_label.text() == NOT_EXPORTED
    assert list(tmp_path.glob("*.pdf")) == []


def test_a_full_disk_is_reported_in_plain_words_and_nothing_is_left(
    qtbot, show, demo_journal, tmp_path
):
    out = tmp_path / "summary.docx"
    message = f"Could not write {out}: the disk is full. Free some space and try again"

    def full_disk(_summary: SupervisionSummary, _fmt: SummaryFormat, _path: Path) -> None:
        raise StorageError(message)

    dialog = open_summary(qtbot, show, demo_journal, choose_file=FileChooser(out), write=full_disk)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert dialog.error.text() == f"{message} Nothing was saved."
    assert not out.exists()
    assert dialog.export_button.isEnabled()
    assert not dialog.busy_bar.isVisible()


def test_a_folder_that_is_gone_is_reported_and_nothing_is_written(
    qtbot, show, demo_journal, tmp_path
):
    out = tmp_path / "removed" / "summary.md"
    dialog = open_summary(qtbot, show, demo_journal, choose_file=FileChooser(out))
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(SummaryFormat.MD.value))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert dialog.error.text().startswith(f"Could not write {out}")
    assert dialog.error.text().endswith("Nothing was saved.")
    assert not out.parent.exists()


def test_print_checks_privacy_first_and_prints_the_redacted_summary(qtbot, show, demo_journal):
    add_risky_entry(demo_journal)
    printer = Printer()
    dialog = open_summary(qtbot, show, demo_journal, print_document=printer)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.review is not None)
    assert printer.printed == []
    review = dialog.review
    assert review is not None
    with qtbot.waitSignal(dialog.printed):
        qtbot.mouseClick(review.ok_button, Qt.MouseButton.LeftButton)
    [text] = printer.printed
    assert "[NHS number]" in text and "[name]" in text
    assert NHS_NUMBER not in text and NAME not in text
    for title in SupervisionSummary.SECTION_TITLES:
        assert title in text
    assert dialog.status_label.text() == PRINTED


def test_a_period_that_ends_before_it_starts_is_refused(qtbot, show, demo_journal, tmp_path):
    chooser = FileChooser(tmp_path / "x.pdf")
    dialog = open_summary(qtbot, show, demo_journal, choose_file=chooser)
    dialog.since_edit.setDate(to_qdate(date(2025, 3, 20)))
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert dialog.error.text() == BAD_PERIOD
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert not dialog.busy
    assert chooser.asked == []


def test_ticking_insights_adds_its_section_to_the_preview_and_the_file(
    qtbot, show, demo_journal, tmp_path
):
    out = tmp_path / "summary.md"
    dialog = open_summary(qtbot, show, demo_journal, choose_file=FileChooser(out))
    options = dialog.options()
    assert options is not None and not options.insights  # off unless asked for
    assert SupervisionSummary.INSIGHTS_TITLE not in dialog.preview.toPlainText()
    # Alt+C, for "Include Insights (&counts for the period)", ticks it as a click would.
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.insights_check.isChecked)
    assert dialog.insights_check.hasFocus()
    options = dialog.options()
    assert options is not None and options.insights
    qtbot.waitUntil(lambda: dialog.preview_current)
    preview = dialog.preview.toPlainText()
    assert f"9. {SupervisionSummary.INSIGHTS_TITLE}" in preview
    assert "Domains by month" in preview and "Not ticked in this period" in preview
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(SummaryFormat.MD.value))
    with qtbot.waitSignal(dialog.summaryExported, timeout=20_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    text = out.read_text(encoding="utf-8")
    assert f"## 9. {SupervisionSummary.INSIGHTS_TITLE}" in text
    assert "| Month | Individual | Team or service | Organisation and wider context |" in text
