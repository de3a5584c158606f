"""The summary dialog prepares the session recorded for today: its name field and its period."""

from __future__ import annotations

import docx
from PySide6.QtGui import QTextDocument

from app.summary.export import SummaryFormat
from app.supervision.session_records import SessionKind
from app.ui.summary.summary_dialog import SummaryDialog
from app.ui.widgets.captions import to_qdate
from tests.support.summary_journal import (
    CARD_NAME,
    EARLIER_OPEN,
    LAST_SESSION,
    TODAY,
    TODAYS_ACTION,
    build_december,
)
from tests.ui.summary.helpers import FileChooser, open_summary
from tests.ui.support import unnamed_controls


def _preview(qtbot, dialog: SummaryDialog) -> str:
    qtbot.waitUntil(lambda: dialog.preview_current)
    return " ".join(dialog.preview.toPlainText().split())


def test_defaults_are_for_the_session_recorded_today(qtbot, show, journal):
    dialog = open_summary(qtbot, show, build_december(journal), today=lambda: TODAY)
    assert dialog.since_edit.date() == to_qdate(LAST_SESSION)
    assert dialog.until_edit.date() == to_qdate(TODAY)
    assert dialog.session_date.date() == to_qdate(TODAY)
    assert dialog.kind_combo.currentData() == SessionKind.SUPERVISION.value
    assert dialog.name_edit.text() == CARD_NAME
    text = _preview(qtbot, dialog)
    assert f"Name: {CARD_NAME}" in text
    assert "Period covered: 5 November 2026 to 3 December 2026" in text
    assert "Nothing was written in this period" not in text
    assert "Still open from earlier sessions" in text and EARLIER_OPEN in text
    assert TODAYS_ACTION not in text
    assert unnamed_controls(dialog) == []


def test_the_name_can_be_typed_or_left_out(qtbot, show, journal, tmp_path):
    out = tmp_path / "summary.docx"
    dialog = open_summary(
        qtbot, show, build_december(journal), choose_file=FileChooser(out), today=lambda: TODAY
    )
    dialog.name_edit.setText("Sam Okafor")
    assert "Name: Sam Okafor" in _preview(qtbot, dialog)
    dialog.name_edit.clear()
    qtbot.waitUntil(lambda: "Name:" not in dialog.preview.toPlainText())
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(SummaryFormat.DOCX.value))
    with qtbot.waitSignal(dialog.summaryExported, timeout=20_000):
        dialog.export()
    document = docx.Document(str(out))
    assert document.core_properties.author == "Participant"
    assert not any(p.text.startswith("Name:") for p in document.paragraphs)


def _broken_words(document: QTextDocument) -> list[str]:
    """Words the layout split across two lines, as "Evidenc|e"."""
    broken = []
    block = document.begin()
    while block.isValid():
        text, layout = block.text(), block.layout()
        for n in range(layout.lineCount() - 1):
            end = layout.lineAt(n).textStart() + layout.lineAt(n).textLength()
            if 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
                start = max(text.rfind(" ", 0, end), text.rfind("\u00a0", 0, end)) + 1
                stop = min(i for i in (text.find(" ", end), len(text)) if i >= 0)
                broken.append(f"{text[start:end]}|{text[end:stop]}")
        block = block.next()
    return broken


def test_the_preview_never_breaks_a_word_or_a_date(qtbot, show, journal):
    dialog = open_summary(qtbot, show, build_december(journal), today=lambda: TODAY)
    for width in (340, 420, 520):
        dialog.preview.setFixedWidth(width)
        qtbot.waitUntil(lambda w=width: dialog.preview.viewport().width() < w)
        layout = dialog.preview.document().documentLayout()
        layout.documentSize()  # lays the whole document out at this width
        assert _broken_words(dialog.preview.document()) == [], width
