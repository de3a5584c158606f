"""Quiet wavy underlines under what could identify someone, paragraph by paragraph."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import QPlainTextEdit

from app.privacy.check import FindingKind
from app.ui.privacy.highlighter import PrivacyHighlighter


def _underlined(edit: QPlainTextEdit) -> list[str]:
    """The text of every wavily underlined range, paragraph by paragraph."""
    found = []
    block = edit.document().firstBlock()
    while block.isValid():
        units = block.text().encode("utf-16-le")  # Qt counts positions in UTF-16 units
        for fmt in block.layout().formats():
            if fmt.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline:
                part = units[2 * fmt.start : 2 * (fmt.start + fmt.length)]
                found.append(part.decode("utf-16-le"))
        block = block.next()
    return found


def _editor(show) -> tuple[QPlainTextEdit, PrivacyHighlighter]:
    edit = QPlainTextEdit()
    edit.setAccessibleName("Entry")
    highlighter = PrivacyHighlighter(edit.document())
    show(edit)
    return edit, highlighter


def test_an_nhs_number_typed_is_underlined(qtbot, show):
    edit, highlighter = _editor(show)
    qtbot.keyClicks(edit, "Handover went well.")
    assert _underlined(edit) == []
    qtbot.keyClicks(edit, " Checked NHS no 943 476 5919 twice.")
    assert _underlined(edit) == ["943 476 5919"]
    position = edit.toPlainText().index("476")
    finding = highlighter.finding_at(position)
    assert finding is not None
    assert finding.kind is FindingKind.NHS_NUMBER
    assert edit.toPlainText()[finding.start : finding.end] == "943 476 5919"
    assert highlighter.finding_at(0) is None


def test_ordinary_sentences_are_left_alone(qtbot, show):
    edit, _highlighter = _editor(show)
    qtbot.keyClicks(
        edit, "At 10:30 on ward 7 the band 6 nurses and I met for 45 minutes on 3 March 2025."
    )
    assert _underlined(edit) == []


def test_each_paragraph_is_scanned_and_positions_survive_emoji(qtbot, show):
    edit, highlighter = _editor(show)
    edit.setPlainText("A good day 🙂 with Mrs Okafor.\n\nCall 020 7946 0018 about it.")
    assert _underlined(edit) == ["Mrs Okafor", "020 7946 0018"]
    at = highlighter.finding_at(edit.toPlainText().index("Okafor") + 1)  # one UTF-16 unit later
    assert at is not None and at.kind is FindingKind.NAME
    second_block = edit.document().findBlockByNumber(2)
    phone = highlighter.finding_at(second_block.position() + 6)
    assert phone is not None and phone.kind is FindingKind.PHONE
    assert phone.start == second_block.position() + 5


def test_the_underline_colour_can_follow_the_theme(show):
    _edit, highlighter = _editor(show)
    highlighter.set_colour(QColor("#123456"))
    assert highlighter.colour() == QColor("#123456")
