"""Edit > Personal dictionary…: the words the spelling check was told are right.

Each word is listed as the journal keeps it; one that may name someone is marked "kept
private": it is accepted wherever it is written but never suggested. Words are added and
removed here at once (there is nothing to save), and a mistaken removal is undone by adding
the word again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import JournalError
from app.spelling.personal import PersonalDictionary, PersonalWord, looks_private
from app.ui.widgets.captions import heading, plain_label
from app.ui.widgets.keyboard_safe_dialog import KeyboardSafeDialog
from app.words import counted

ABOUT = (
    "The spelling check accepts these words in everything you write. They are kept inside "
    "your encrypted journal and go into its backups and exports. A word with a capital letter "
    "may be someone's name, so it is kept private: accepted where you write it, but never "
    "offered as a suggestion."
)
PRIVATE_MARK = "kept private"
EMPTY = "No words yet. Right-click an underlined word and choose Add to dictionary."


class PersonalDictionaryDialog(KeyboardSafeDialog):
    """The personal dictionary, to add to and remove from.

    Constructor: PersonalDictionaryDialog(dictionary, changed, parent=None). `changed(words)`
    is called with the whole list after each change, so the spelling check follows it.
    """

    def __init__(
        self,
        dictionary: PersonalDictionary,
        changed: Callable[[list[PersonalWord]], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Personal dictionary")
        self._dictionary = dictionary
        self._changed = changed
        self.heading = heading("", "Personal dictionary", 1.2)
        self.words = QListWidget()
        self.words.setAccessibleName("Words in your dictionary")
        self.new_word = QLineEdit()
        self.new_word.setAccessibleName("Word to add")
        self.new_word.setPlaceholderText("A word to add")
        self.add_button = QPushButton("&Add")
        self.add_button.setAccessibleName("Add word")
        self.remove_button = QPushButton("&Remove")
        self.remove_button.setAccessibleName("Remove the chosen word")
        self.problem = plain_label("", "Problem")
        self.problem.hide()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        adding = QHBoxLayout()
        adding.addWidget(self.new_word, 1)
        adding.addWidget(self.add_button)
        adding.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(plain_label(ABOUT, "About the personal dictionary"))
        layout.addWidget(self.words, 1)
        layout.addLayout(adding)
        layout.addWidget(self.problem)
        layout.addWidget(close)
        self.set_main_button(self.add_button)

        self.add_button.clicked.connect(self.add_typed)
        self.remove_button.clicked.connect(self.remove_chosen)
        self.new_word.textChanged.connect(self._settle)
        self.words.currentRowChanged.connect(self._settle)
        self.setMinimumWidth(480)
        self._show(self._read())

    def _read(self) -> list[PersonalWord] | None:
        try:
            return self._dictionary.words()
        except JournalError as exc:
            self._say(str(exc))
            return None

    def _show(self, words: list[PersonalWord] | None, current: str = "") -> None:
        self.words.clear()
        for word in words or []:
            label = f"{word.word} ({PRIVATE_MARK})" if word.private else word.word
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, word.word)
            self.words.addItem(item)
            if word.word == current:
                self.words.setCurrentItem(item)
        count = len(words or [])
        self.heading.setText(counted(count, "word", "words") if count else EMPTY)
        self._settle()

    def _say(self, problem: str) -> None:
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))

    def _settle(self) -> None:
        self.add_button.setEnabled(bool(self.new_word.text().strip()))
        self.remove_button.setEnabled(self.words.currentItem() is not None)

    def chosen_word(self) -> str | None:
        """The word picked in the list."""
        item = self.words.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def add_typed(self) -> None:
        """Add what is in the field (a capitalised word is kept private)."""
        typed = self.new_word.text().strip()
        try:
            added = self._dictionary.add(typed, private=looks_private(typed))
        except JournalError as exc:
            self._say(str(exc))
            return
        self._say("")
        self.new_word.clear()
        self._after_change(added.word)

    def remove_chosen(self) -> None:
        """Take the chosen word out."""
        word = self.chosen_word()
        if word is None:
            return
        try:
            self._dictionary.remove(word)
        except JournalError as exc:
            self._say(str(exc))
            return
        self._say("")
        self._after_change("")

    def _after_change(self, current: str) -> None:
        words = self._read()
        if words is not None:
            self._changed(words)
        self._show(words, current)
