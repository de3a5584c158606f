"""Reflective moves beside a writing space (a view): which of six moves the text makes, the
sentence that shows each, and a question for the ones it does not make yet.

Worked out on this computer, by the word rules in app/writing/moves.py, a moment after typing
pauses. Nothing here is stored, exported or shared, and there is no score.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QGuiApplication, QShowEvent, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.widgets.announce import announce
from app.ui.widgets.captions import heading
from app.ui.widgets.fields import quiet_note
from app.writing.moves import Move, MoveFinding, Sign, find_moves

DELAY_MS = 400
"""How long typing pauses before the moves are found again."""
FOUND_MARK = "✓"
NOT_YET_MARK = "○"
PANEL_NOTE = (
    "Found by simple word rules, on this computer. A prompt, not a grade: nothing here is "
    "saved or shared."
)
NOTHING_WRITTEN = "Write a few lines and the moves your writing makes show here."
SHOW_HINT = "Click it, or press Enter, to select the sentence in your writing."
NEXT_HINT = "Again for the next one."
TOGGLE_TIP = "Which reflective moves your writing makes, and prompts for the others"
_MOVE_ROLE = Qt.ItemDataRole.UserRole


class MovesPanel(QFrame):
    """The six moves for the text of the watched writing space (`watch()`), each found or not
    yet. Choosing a found move (click or Enter) selects its sentence in the writing, and
    choosing it again the next such sentence; a move not made yet shows its prompt.

    Found again DELAY_MS after the person stops typing, and only while the panel is shown.
    """

    def __init__(self, parent: QWidget | None = None, *, delay_ms: int = DELAY_MS) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Reflective moves")
        self.title = heading("Reflective moves", "Reflective moves", 1.15)
        self.list = QListWidget()
        self.list.setAccessibleName("Reflective moves")
        self.list.setAccessibleDescription(
            "Each move is found or not yet. Enter on a found move selects its sentence."
        )
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setSpacing(2)
        for move in Move:
            item = QListWidgetItem()
            item.setData(_MOVE_ROLE, move.value)
            self.list.addItem(item)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName("About this move")
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = quiet_note(PANEL_NOTE)
        self.note.setAccessibleName("About reflective moves")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.note)
        self.setMinimumWidth(220)
        self.setMaximumWidth(380)

        self._edit: QPlainTextEdit | None = None
        self._text = ""
        self._findings: tuple[MoveFinding, ...] = find_moves("")
        self._shown_sign: dict[Move, int] = {}
        """Which of each move's sentences was selected last."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.refresh)
        self.list.currentItemChanged.connect(self._show_detail)
        self.list.itemClicked.connect(self._clicked)
        self.list.itemActivated.connect(self._activated)
        self._fill()
        self.list.setCurrentRow(0)

    # -- what the host asks ---------------------------------------------------------------------

    def watch(self, edit: QPlainTextEdit) -> None:
        """Find the moves in `edit`'s text from now on (instead of any writing space before)."""
        if edit is self._edit:
            return
        if self._edit is not None:
            self._edit.textChanged.disconnect(self._text_changed)
            self._edit.destroyed.disconnect(self._forget)
        self._edit = edit
        edit.textChanged.connect(self._text_changed)
        edit.destroyed.connect(self._forget)
        self.refresh()

    @property
    def findings(self) -> tuple[MoveFinding, ...]:
        """The six moves as last found."""
        return self._findings

    def finding(self, move: Move) -> MoveFinding:
        """One move as last found."""
        return next(f for f in self._findings if f.move is move)

    def item(self, move: Move) -> QListWidgetItem:
        """The list's row for a move."""
        row = list(Move).index(move)
        item = self.list.item(row)
        assert item is not None
        return item

    @Slot()
    def refresh(self) -> None:
        """Find the moves in the watched text now (while the panel is shown)."""
        self._timer.stop()
        if self._edit is None or not self.isVisible():
            return
        text = self._edit.toPlainText()
        if text != self._text:
            self._text = text
            self._findings = find_moves(text)
            self._shown_sign = {}
            self._fill()

    def show_in_text(self, move: Move) -> Sign | None:
        """Select in the writing the sentence that shows `move` (the next one, when one is
        selected already); None when the text does not make the move yet."""
        edit = self._edit
        if edit is None:
            return None
        if edit.toPlainText() != self._text:  # typed since: find them again first
            self.refresh()
        signs = self.finding(move).signs
        if not signs:
            return None
        shown = self._shown_sign.get(move)
        again = shown is not None and self._selects(edit, signs[shown])
        index = (shown + 1) % len(signs) if again and shown is not None else 0
        self._shown_sign[move] = index
        sign = signs[index]
        start, end = self._span(sign)
        cursor = QTextCursor(edit.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        edit.setTextCursor(cursor)
        edit.ensureCursorVisible()
        announce(self.list, f"Selected in your writing: {sign.sentence}")
        self._show_detail(self.list.currentItem())
        return sign

    # -- reacting ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        """Shown: find the moves in the text as it is now."""
        super().showEvent(event)
        self.refresh()

    @Slot()
    def _forget(self) -> None:
        self._edit = None

    @Slot()
    def _text_changed(self) -> None:
        if self.isVisible():
            self._timer.start()

    @Slot(QListWidgetItem)
    def _clicked(self, item: QListWidgetItem) -> None:
        self.show_in_text(_move_of(item))

    @Slot(QListWidgetItem)
    def _activated(self, item: QListWidgetItem) -> None:
        # A double-click activates too, with the button down: its clicks have done the work.
        if QGuiApplication.mouseButtons() == Qt.MouseButton.NoButton:
            self.show_in_text(_move_of(item))

    def _fill(self) -> None:
        for finding in self._findings:
            item = self.item(finding.move)
            label = finding.move.label
            if finding.found:
                item.setText(f"{FOUND_MARK}  {label}: found")
                first = finding.signs[0].sentence
                item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{label}: found. “{first}”")
            else:
                item.setText(f"{NOT_YET_MARK}  {label}: not yet")
                item.setData(
                    Qt.ItemDataRole.AccessibleTextRole,
                    f"{label}: not yet. {finding.move.prompt}",
                )
            item.setToolTip(self._detail_text(finding))
        self._show_detail(self.list.currentItem())

    @Slot(QListWidgetItem)
    def _show_detail(self, item: QListWidgetItem | None) -> None:
        if item is None:
            self.detail.setText("")
            return
        self.detail.setText(self._detail_text(self.finding(_move_of(item))))

    def _detail_text(self, finding: MoveFinding) -> str:
        if not finding.found:
            if not self._text.strip():
                return NOTHING_WRITTEN
            return finding.move.prompt
        shown = self._shown_sign.get(finding.move, 0)
        sign = finding.signs[min(shown, len(finding.signs) - 1)]
        count = len(finding.signs)
        where = f" (sentence {shown + 1} of {count})" if count > 1 else ""
        hint = f"{SHOW_HINT} {NEXT_HINT}" if count > 1 else SHOW_HINT
        return f"“{sign.sentence}”{where}\nMatched “{sign.matched}”: {sign.rule}.\n{hint}"

    def _span(self, sign: Sign) -> tuple[int, int]:
        """The sentence's span as the document counts (UTF-16 units: an emoji is two)."""
        return _utf16(self._text, sign.start), _utf16(self._text, sign.end)

    def _selects(self, edit: QPlainTextEdit, sign: Sign) -> bool:
        cursor = edit.textCursor()
        return (cursor.selectionStart(), cursor.selectionEnd()) == self._span(sign)


def moves_toggle_button() -> QToolButton:
    """The button beside a writing space that shows or hides the moves (the window gives it
    its View menu command with `setDefaultAction`; until then it is hidden)."""
    button = QToolButton()
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setAccessibleName("Reflective moves")
    button.setToolTip(TOGGLE_TIP)
    button.hide()
    return button


def _move_of(item: QListWidgetItem) -> Move:
    return Move(item.data(_MOVE_ROLE))


def _utf16(text: str, index: int) -> int:
    """A position in `text` as Qt counts it: in UTF-16 units (an emoji is two)."""
    return len(text[:index].encode("utf-16-le")) // 2
