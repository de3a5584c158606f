"""The reflective moves panel beside a writing space: found or not yet, in words, and the
sentence that shows a move selected when it is chosen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QWidget

from app.ui.widgets import announce
from app.ui.widgets.moves_panel import FOUND_MARK, NOT_YET_MARK, NOTHING_WRITTEN, MovesPanel
from app.writing.moves import Move

REFLECTION = (
    "We tried a new huddle board on Tuesday. I felt uneasy asking the team to speak first. "
    "The charge nurse said that it helped. Next time I will wait longer."
)


def _panel_beside(show, delay_ms: int = 0) -> tuple[MovesPanel, QPlainTextEdit]:
    page = QWidget()
    edit = QPlainTextEdit()
    panel = MovesPanel(delay_ms=delay_ms)
    panel.watch(edit)
    layout = QHBoxLayout(page)
    layout.addWidget(edit)
    layout.addWidget(panel)
    show(page)
    return panel, edit


def _row_texts(panel: MovesPanel) -> list[str]:
    return [panel.list.item(row).text() for row in range(panel.list.count())]


def test_typing_a_reflection_marks_the_moves_it_makes_in_words(qtbot, show):
    panel, edit = _panel_beside(show)
    assert _row_texts(panel) == [f"{NOT_YET_MARK}  {m.label}: not yet" for m in Move]
    assert panel.detail.text() == NOTHING_WRITTEN

    qtbot.keyClicks(edit, REFLECTION)
    qtbot.waitUntil(lambda: panel.finding(Move.FEELING).found)
    assert _row_texts(panel) == [
        f"{FOUND_MARK}  Names a feeling: found",
        f"{NOT_YET_MARK}  Considers another person's view: not yet",
        f"{NOT_YET_MARK}  Questions an assumption: not yet",
        f"{NOT_YET_MARK}  Links to a model or idea: not yet",
        f"{FOUND_MARK}  Says what you will do differently: found",
        f"{FOUND_MARK}  Notes evidence: found",
    ]
    # what a screen reader says for a row: the status in words, and the sentence or prompt
    feeling = panel.item(Move.FEELING).data(Qt.ItemDataRole.AccessibleTextRole)
    assert feeling == "Names a feeling: found. “I felt uneasy asking the team to speak first.”"
    assumption = panel.item(Move.ASSUMPTION).data(Qt.ItemDataRole.AccessibleTextRole)
    assert assumption == f"Questions an assumption: not yet. {Move.ASSUMPTION.prompt}"


def test_clicking_a_found_move_selects_its_sentence_and_says_why(qtbot, show):
    panel, edit = _panel_beside(show)
    edit.setPlainText(REFLECTION)
    panel.refresh()
    item = panel.item(Move.EVIDENCE)
    qtbot.mouseClick(
        panel.list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=panel.list.visualItemRect(item).center(),
    )
    assert edit.textCursor().selectedText() == "The charge nurse said that it helped."
    assert panel.detail.text().startswith("“The charge nurse said that it helped.”")
    assert "Matched “said that”: what someone said." in panel.detail.text()


def test_enter_on_a_move_goes_through_its_sentences_in_turn(qtbot, show, monkeypatch):
    said: list[str] = []
    monkeypatch.setattr(announce, "sender", lambda _source, text, _assertive: said.append(text))
    panel, edit = _panel_beside(show)
    edit.setPlainText("I was nervous.\n\n- The room was full.\n- Afterwards I felt **relieved**.")
    panel.refresh()
    panel.list.setFocus()
    panel.list.setCurrentItem(panel.item(Move.FEELING))
    selected = []
    for _ in range(3):
        qtbot.keyClick(panel.list, Qt.Key.Key_Return)
        selected.append(edit.textCursor().selectedText())
    assert selected == ["I was nervous.", "Afterwards I felt **relieved**.", "I was nervous."]
    assert said[-1] == "Selected in your writing: I was nervous."
    assert panel.list.hasFocus()  # the person can go on down the list


def test_a_move_not_made_yet_shows_its_prompt_and_selects_nothing(qtbot, show):
    panel, edit = _panel_beside(show)
    edit.setPlainText(REFLECTION)
    panel.refresh()
    panel.list.setCurrentItem(panel.item(Move.MODEL))
    assert panel.detail.text() == Move.MODEL.prompt
    assert panel.show_in_text(Move.MODEL) is None
    assert not edit.textCursor().hasSelection()


def test_the_sentence_is_found_after_an_emoji(qtbot, show):
    panel, edit = _panel_beside(show)
    edit.setPlainText("A long day 😀. Next time I will ask.")
    panel.refresh()
    panel.show_in_text(Move.DIFFERENTLY)
    assert edit.textCursor().selectedText() == "Next time I will ask."


def test_nothing_is_worked_out_while_the_panel_is_hidden(qtbot, show):
    panel, edit = _panel_beside(show)
    panel.hide()
    edit.setPlainText(REFLECTION)
    qtbot.wait(5)
    assert not any(f.found for f in panel.findings)
    panel.show()
    assert panel.finding(Move.FEELING).found


def test_typing_waits_for_a_pause(qtbot, show):
    panel, edit = _panel_beside(show, delay_ms=60_000)
    qtbot.keyClicks(edit, "I felt relieved.")
    assert not panel.finding(Move.FEELING).found  # not while typing
    panel.refresh()  # as the timer would, once typing pauses
    assert panel.finding(Move.FEELING).found
