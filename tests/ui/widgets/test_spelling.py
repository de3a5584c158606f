"""Spelling checked as people write: red wavy lines under unknown words, their menu, the View
toggle, and the privacy underline sharing one highlighter with it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QContextMenuEvent, QPalette, QTextCharFormat
from PySide6.QtWidgets import QApplication, QMenu, QPlainTextEdit, QWidget

from app.journal.opening import Journal
from app.spelling.english import EnglishDictionary
from app.ui.privacy.underline import PrivacyUnderline
from app.ui.widgets.attention import finding_colour, misspelt_colour
from app.ui.widgets.spelling import (
    LOOKING,
    NO_SUGGESTIONS,
    SpellingService,
    _field_of,
    check_spelling,
)
from app.ui.widgets.underlines import UnderlineHighlighter

Wave = QTextCharFormat.UnderlineStyle.WaveUnderline
# A context menu opened on the headless platform (a real desktop does both).
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


def underlined(edit: QPlainTextEdit, colour: QColor | None = None) -> list[str]:
    """The text under every wavy underline (of `colour`, if given), paragraph by paragraph."""
    found = []
    block = edit.document().firstBlock()
    while block.isValid():
        units = block.text().encode("utf-16-le")
        for fmt in block.layout().formats():
            look = fmt.format
            if look.underlineStyle() != Wave:
                continue
            if colour is not None and look.underlineColor() != colour:
                continue
            found.append(units[2 * fmt.start : 2 * (fmt.start + fmt.length)].decode("utf-16-le"))
        block = block.next()
    return found


def spelling_colour() -> QColor:
    return misspelt_colour(QApplication.palette())


@pytest.fixture
def service(qtbot, journal: Journal, english: EnglishDictionary):
    made = SpellingService(journal.dictionary, english=english)
    yield made
    made.shut_down()
    made.deleteLater()


def settled(qtbot, service: SpellingService) -> None:
    qtbot.waitUntil(lambda: not service.busy)


@pytest.fixture
def field(qtbot, show, service: SpellingService) -> Callable[..., QPlainTextEdit]:
    def make(privacy: bool = False) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setAccessibleName("Writing")
        if privacy:
            PrivacyUnderline(edit)
        check_spelling(edit)
        service.attach(edit)
        show(edit)
        return edit

    return make


def open_menu(edit: QPlainTextEdit, text: str) -> QMenu:
    """Right-click in the middle of the first `text` in the field."""
    cursor = edit.textCursor()
    cursor.setPosition(edit.toPlainText().index(text) + 1)
    at = edit.cursorRect(cursor).center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, edit.viewport().mapToGlobal(at))
    QApplication.sendEvent(edit.viewport(), event)
    menu = _field_of(edit).menu  # type: ignore[union-attr]
    assert menu is not None
    return menu


def texts(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def choose(menu: QMenu, text: str) -> None:
    [action] = [a for a in menu.actions() if a.text() == text]
    action.trigger()
    menu.close()


def test_typed_misspellings_are_underlined_in_red_and_uk_spellings_are_not(qtbot, field, service):
    edit = field()
    qtbot.keyClicks(edit, "I recieve feedbak about the colour of the programme")
    settled(qtbot, service)
    assert underlined(edit, spelling_colour()) == ["recieve", "feedbak"]
    # The formats are where the words are.
    block = edit.document().firstBlock()
    starts = sorted(f.start for f in block.layout().formats() if f.format.underlineStyle() == Wave)
    assert starts == [2, 10]


def test_the_word_being_typed_is_marked_once_the_caret_leaves_it(qtbot, field, service):
    edit = field()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    qtbot.keyClicks(edit, "Spoke to the tema")
    settled(qtbot, service)
    assert underlined(edit) == []  # still being typed
    qtbot.keyClick(edit, Qt.Key.Key_Left)
    assert underlined(edit) == ["tema"]
    qtbot.keyClick(edit, Qt.Key.Key_End)
    qtbot.keyClicks(edit, " agan")
    settled(qtbot, service)
    assert underlined(edit) == ["tema"]
    qtbot.keyClick(edit, Qt.Key.Key_Space)
    assert underlined(edit) == ["tema", "agan"]


def test_positions_survive_characters_outside_the_basic_plane(qtbot, field, service):
    edit = field()
    edit.setPlainText("A good day 🙂 but I recieve feedbak.")
    settled(qtbot, service)
    assert underlined(edit) == ["recieve", "feedbak"]


def test_a_suggestion_replaces_the_word_and_undo_puts_it_back(qtbot, field, service):
    edit = field()
    qtbot.keyClicks(edit, "I recieve feedback")
    settled(qtbot, service)
    menu = open_menu(edit, "recieve")
    assert texts(menu)[0] in (LOOKING, "receive")
    qtbot.waitUntil(lambda: "receive" in texts(menu))
    assert LOOKING not in texts(menu)
    assert texts(menu).index("receive") < texts(menu).index("&Add “recieve” to dictionary")
    assert "&Ignore “recieve”" in texts(menu)
    assert any("Paste" in t for t in texts(menu))  # the field's own menu follows
    choose(menu, "receive")
    assert edit.toPlainText() == "I receive feedback"
    settled(qtbot, service)
    assert underlined(edit) == []
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert edit.toPlainText() == "I recieve feedback"


def test_a_word_with_no_suggestions_says_so(qtbot, field, service):
    edit = field()
    edit.setPlainText("Then zzxqvbnmk happened")
    settled(qtbot, service)
    menu = open_menu(edit, "zzxqvbnmk")
    qtbot.waitUntil(lambda: NO_SUGGESTIONS in texts(menu))
    [note] = [a for a in menu.actions() if a.text() == NO_SUGGESTIONS]
    assert not note.isEnabled()
    menu.close()


def test_the_menu_key_and_shift_f10_open_it_for_the_word_at_the_cursor(qtbot, field, service):
    edit = field()
    edit.setPlainText("We agreed a clear plann today")
    settled(qtbot, service)
    cursor = edit.textCursor()
    cursor.setPosition(edit.toPlainText().index("plann") + 5)  # just after the word
    edit.setTextCursor(cursor)
    for key, modifiers in (
        (Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier),
    ):
        qtbot.keyClick(edit, key, modifiers)
        menu = _field_of(edit).menu  # type: ignore[union-attr]
        assert menu is not None and menu.isVisible()
        assert "&Ignore “plann”" in texts(menu)
        menu.close()


def test_a_correct_word_gets_only_the_fields_own_menu(qtbot, field, service):
    edit = field()
    edit.setPlainText("A calm handover")
    settled(qtbot, service)
    menu = open_menu(edit, "calm")
    assert not any("dictionary" in t or "Ignore" in t for t in texts(menu))
    menu.close()


def test_add_to_dictionary_keeps_the_word_and_clears_it_in_every_field(
    qtbot, field, service, journal: Journal
):
    first, second = field(), field()
    first.setPlainText("Our huddel went well")
    second.setPlainText("Another huddel at noon")
    settled(qtbot, service)
    assert underlined(second) == ["huddel"]
    choose(open_menu(first, "huddel"), "&Add “huddel” to dictionary")
    assert [(w.word, w.private) for w in journal.dictionary.words()] == [("huddel", False)]
    assert underlined(first) == []
    assert underlined(second) == []


def test_a_name_added_is_private_and_never_suggested(qtbot, field, service, journal: Journal):
    edit = field()
    edit.setPlainText("Talked with Okonkwoe today")
    settled(qtbot, service)
    choose(open_menu(edit, "Okonkwoe"), "&Add “Okonkwoe” to dictionary")
    assert [(w.word, w.private) for w in journal.dictionary.words()] == [("Okonkwoe", True)]
    edit.appendPlainText("Okonkwo again")
    settled(qtbot, service)
    assert underlined(edit) == ["Okonkwo"]
    menu = open_menu(edit, "Okonkwo ")
    qtbot.waitUntil(lambda: LOOKING not in texts(menu))
    assert "Okonkwoe" not in texts(menu)
    menu.close()


def test_a_refused_add_is_shown_not_swallowed(qtbot, field, service, monkeypatch):
    from app.errors import StorageError

    edit = field()
    edit.setPlainText("A wrod here")
    settled(qtbot, service)

    def refuse(_word: str, private: bool) -> None:
        raise StorageError("The journal could not be written: the disk is full.")

    monkeypatch.setattr(service._personal, "add", refuse)
    with qtbot.waitSignal(service.problem) as said:
        choose(open_menu(edit, "wrod"), "&Add “wrod” to dictionary")
    assert said.args == ["The journal could not be written: the disk is full."]
    assert underlined(edit) == ["wrod"]


def test_ignore_lasts_for_this_session_only(qtbot, field, service, show, journal, english):
    edit = field()
    edit.setPlainText("Felt a bit discombobulatd")
    settled(qtbot, service)
    choose(open_menu(edit, "discombobulatd"), "&Ignore “discombobulatd”")
    assert underlined(edit) == []
    assert journal.dictionary.words() == []
    # A new session (a new window's service) marks it again.
    later = SpellingService(journal.dictionary, english=english)
    again = QPlainTextEdit()
    later.attach(again)
    show(again)
    again.setPlainText("Felt a bit discombobulatd")
    qtbot.waitUntil(lambda: not later.busy)
    assert underlined(again) == ["discombobulatd"]
    later.shut_down()


def test_turning_it_off_removes_every_underline_and_on_brings_them_back(qtbot, field, service):
    edit = field()
    edit.setPlainText("I recieve feedbak")
    settled(qtbot, service)
    service.set_enabled(False)
    assert underlined(edit) == []
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(edit, " and mroe.")
    assert not service.busy
    assert underlined(edit) == []
    service.set_enabled(True)
    settled(qtbot, service)
    assert underlined(edit) == ["recieve", "feedbak", "mroe"]


def test_words_typed_just_before_it_is_turned_off_are_checked_when_it_is_on_again(
    qtbot, field, service
):
    edit = field()
    edit.setPlainText("Plain wrods")  # waiting for the worker, not yet sent
    assert service.busy
    service.set_enabled(False)
    assert not service.busy
    service.set_enabled(True)
    settled(qtbot, service)
    assert underlined(edit) == ["wrods"]


def test_privacy_and_spelling_share_one_highlighter_and_privacy_wins(qtbot, field, service):
    edit = field(privacy=True)
    edit.setPlainText("Met Mrs Okaforr and a colleage")
    settled(qtbot, service)
    highlighters = [c for c in edit.document().children() if isinstance(c, UnderlineHighlighter)]
    assert len(highlighters) == 1
    assert underlined(edit, spelling_colour()) == ["colleage"]
    privacy = finding_colour(QApplication.palette())
    assert "Mrs Okaforr" in underlined(edit, privacy)
    assert "Okaforr" not in underlined(edit, spelling_colour())


def test_a_new_palette_recolours_the_underlines(qtbot, field, service, qapp):
    edit = field()
    edit.setPlainText("A speling slip")
    settled(qtbot, service)
    light = qapp.palette()
    dark = QPalette(light)
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    try:
        qapp.setPalette(dark)
        assert underlined(edit, misspelt_colour(dark)) == ["speling"]
        assert misspelt_colour(dark) != misspelt_colour(light)
    finally:
        qapp.setPalette(light)
    assert underlined(edit, misspelt_colour(light)) == ["speling"]


def test_a_missing_dictionary_is_said_once_and_the_field_still_works(
    qtbot, show, journal, tmp_path
):
    service = SpellingService(journal.dictionary, english=EnglishDictionary(tmp_path))
    problems: list[str] = []
    service.problem.connect(problems.append)
    edit = QPlainTextEdit()
    service.attach(edit)
    show(edit)
    qtbot.keyClicks(edit, "I recieve")
    qtbot.waitUntil(lambda: not service.busy)
    qtbot.keyClicks(edit, " feedbak")
    qtbot.waitUntil(lambda: not service.busy)
    assert len(problems) == 1
    assert "dictionary is missing" in problems[0]
    assert edit.toPlainText() == "I recieve feedbak"
    assert underlined(edit) == []
    service.shut_down()


def test_a_field_joins_its_windows_service_when_shown(qtbot, show, service):
    window = QWidget()
    service.setParent(window)
    edit = QPlainTextEdit(window)
    check_spelling(edit)
    show(window)
    edit.setPlainText("a speling slip")
    settled(qtbot, service)
    assert underlined(edit) == ["speling"]
    service.setParent(None)


def test_only_waiting_paragraphs_are_drawn_again(qtbot, field, service):
    edit = field()
    edit.setPlainText("First paragraph is fine.\n\nSecond has a wrongg word.")
    settled(qtbot, service)
    drawn: list[str] = []
    highlighter = next(c for c in edit.document().children() if isinstance(c, UnderlineHighlighter))
    original = highlighter.highlightBlock

    def counting(text: str) -> None:
        drawn.append(text)
        original(text)

    highlighter.highlightBlock = counting  # type: ignore[method-assign]
    cursor = edit.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    edit.setTextCursor(cursor)
    qtbot.keyClicks(edit, " Newwordz.")
    settled(qtbot, service)
    assert "First paragraph is fine." not in drawn
    assert underlined(edit) == ["wrongg", "Newwordz"]
