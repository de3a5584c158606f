"""Edit > Personal dictionary…: what the person sees, and what the journal then holds."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.errors import StorageError
from app.journal.opening import Journal
from app.spelling.personal import PersonalWord
from app.ui.widgets.dictionary_dialog import EMPTY, PersonalDictionaryDialog


def _shown(dialog: PersonalDictionaryDialog) -> list[str]:
    return [dialog.words.item(row).text() for row in range(dialog.words.count())]


def test_adding_and_removing_changes_the_journal_and_tells_the_spelling_check(
    qtbot: QtBot, journal: Journal
) -> None:
    told: list[list[str]] = []
    dialog = PersonalDictionaryDialog(
        journal.dictionary, lambda words: told.append([w.word for w in words])
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.heading.text() == EMPTY
    assert not dialog.add_button.isEnabled()
    for word in ("deprescribing", "Okonkwo"):
        qtbot.keyClicks(dialog.new_word, word)
        qtbot.keyClick(dialog.new_word, Qt.Key.Key_Return)
    assert _shown(dialog) == ["deprescribing", "Okonkwo (kept private)"]
    assert dialog.heading.text() == "2 words"
    assert [(w.word, w.private) for w in journal.dictionary.words()] == [
        ("deprescribing", False),
        ("Okonkwo", True),
    ]
    dialog.words.setCurrentRow(0)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert _shown(dialog) == ["Okonkwo (kept private)"]
    assert [w.word for w in journal.dictionary.words()] == ["Okonkwo"]
    assert told == [["deprescribing"], ["deprescribing", "Okonkwo"], ["Okonkwo"]]


def test_a_word_that_is_not_one_word_is_refused_in_plain_words(
    qtbot: QtBot, journal: Journal
) -> None:
    dialog = PersonalDictionaryDialog(journal.dictionary, lambda words: None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.new_word, "two words")
    qtbot.keyClick(dialog.new_word, Qt.Key.Key_Return)
    assert "is not one word" in dialog.problem.text()
    assert dialog.problem.isVisible()
    assert journal.dictionary.words() == []
    assert dialog.new_word.text() == "two words"  # kept, to correct


class _Failing:
    def words(self) -> list[PersonalWord]:
        return []

    def add(self, raw: str, private: bool) -> PersonalWord:
        raise StorageError("The journal could not be saved: the disk is full.")

    def remove(self, raw: str) -> bool:
        raise StorageError("The journal could not be saved: the disk is full.")


def test_a_storage_error_is_shown_not_swallowed(qtbot: QtBot) -> None:
    dialog = PersonalDictionaryDialog(_Failing(), lambda words: None)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.new_word, "huddle")
    qtbot.keyClick(dialog.new_word, Qt.Key.Key_Return)
    assert dialog.problem.text() == "The journal could not be saved: the disk is full."
