"""The writing space of a stage underlines what could identify someone, and says why on hover."""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat


def underlined(edit) -> list[str]:
    """The wavily underlined words of a one-paragraph edit."""
    block = edit.document().firstBlock()
    return [
        block.text()[r.start : r.start + r.length]
        for r in block.layout().formats()
        if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    ]


def test_a_name_typed_in_a_stage_is_underlined_with_a_tooltip(qtbot, journal, open_flow):
    inquiry = journal.cycles.create_inquiry("Escalation on nights")
    cycle = journal.cycles.start_cycle(inquiry.id, "action-inquiry")
    flow = open_flow(journal, cycle.id)
    edit = flow.stage_page.text_edit
    qtbot.keyClicks(edit, "I asked Mrs Okafor's daughter what she had noticed.")
    assert underlined(edit) == ["Mrs Okafor"]
    tip = flow.privacy.tip_at(edit.toPlainText().index("Okafor"))
    assert " a name, which could identify someone." in tip
    assert flow.privacy.tip_at(0) == ""
    assert flow.message_bar.message == ""  # quiet: no message, no dialog
