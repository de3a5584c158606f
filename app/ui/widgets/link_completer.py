"""Linking to other entries and cycles from where one writes: `[[` completion and Link….

Typing `[[` in a text offers the entries and cycles whose titles hold what is typed after it
(the most recently changed first); the arrows choose, Enter or Tab puts the link in its place
and Escape leaves the text as typed. The Link… command opens the same choice as a small
dialog and puts the link at the cursor. What goes in is the Markdown of app/writing/links.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import JournalError
from app.ui.widgets.announce import announce
from app.ui.widgets.dates import local_day
from app.ui.widgets.keyboard_safe_dialog import KeyboardSafeDialog
from app.ui.widgets.screen_fit import resize_within_screen
from app.writing.links import LinkedItem, LinkKind, link_markup

FindItems = Callable[[str], list[LinkedItem]]
"""The live entries and cycles whose titles hold the words typed (LinkStore.titled)."""

OPENER = "[["
MOST_SHOWN = 20
NOTHING_FOUND = "No entry or cycle has that in its title"
_ITEM_ROLE = Qt.ItemDataRole.UserRole + 41
_TYPED = re.compile(r"\[\[([^\[\]\n]{0,80})$")
_POPUP_ROWS = 8
_KIND_WORDS = {LinkKind.ENTRY: "Entry", LinkKind.CYCLE: "Cycle"}
_CHOOSE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
_MOVE_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


def item_detail(item: LinkedItem) -> str:
    """ "Entry, 3 Dec 2026": the kind and the day it was last changed."""
    return f"{_KIND_WORDS[item.kind]}, {local_day(item.updated)}"


def fill_item_list(rows: QListWidget, items: list[LinkedItem]) -> None:
    """Show `items` in `rows` (the first chosen), or a row saying nothing was found."""
    rows.clear()
    for item in items:
        row = QListWidgetItem(f"{item.title}  ({item_detail(item)})")
        row.setData(_ITEM_ROLE, item)
        row.setData(Qt.ItemDataRole.AccessibleTextRole, f"{item.title}. {item_detail(item)}")
        rows.addItem(row)
    if not items:
        row = QListWidgetItem(NOTHING_FOUND)
        row.setFlags(Qt.ItemFlag.NoItemFlags)
        rows.addItem(row)
    else:
        rows.setCurrentRow(0)


def item_at(rows: QListWidget) -> LinkedItem | None:
    """The item on the current row, if any."""
    row = rows.currentItem()
    item = row.data(_ITEM_ROLE) if row is not None else None
    return item if isinstance(item, LinkedItem) else None


def completer_for(widget: QWidget | None) -> LinkCompleter | None:
    """The link completer of a text being written in, if it has one."""
    if not isinstance(widget, QPlainTextEdit):
        return None
    found = widget.findChild(LinkCompleter)
    return found if isinstance(found, LinkCompleter) and found.find is not None else None


class LinkCompleter(QObject):
    """`[[` completion for one QPlainTextEdit (made with it as parent; `find` set by the
    window: until then `[[` is just text).

    Signals: linked(str) with the Markdown put in the text.
    """

    linked = Signal(str)

    def __init__(self, editor: QPlainTextEdit) -> None:
        super().__init__(editor)
        self.editor = editor
        self.find: FindItems | None = None
        self._start = -1  # where the `[[` being completed starts
        self._typed = False
        self.popup = QListWidget(editor)
        self.popup.setObjectName("linkChoices")
        self.popup.setAccessibleName("Entries and cycles to link to")
        self.popup.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.popup.setFrameShape(QFrame.Shape.Box)
        self.popup.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.popup.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.popup.hide()
        self.popup.itemClicked.connect(self._clicked)
        editor.installEventFilter(self)
        editor.textChanged.connect(self._text_changed)

    @property
    def showing(self) -> bool:
        """True while the choice of items is open."""
        return self.popup.isVisible()

    def insert_link(self, item: LinkedItem) -> None:
        """Put a link to `item` at the cursor (in place of a selection)."""
        markup = link_markup(item.kind, item.item_id, item.title)
        self.editor.textCursor().insertText(markup)
        self.linked.emit(markup)

    def pick_and_insert(self, parent: QWidget | None = None) -> LinkPicker | None:
        """Open the Link… dialog; the item chosen is linked at the cursor."""
        if self.find is None:
            return None
        picker = LinkPicker(self.find, parent or self.editor.window())
        picker.accepted.connect(lambda: self._picked(picker))
        picker.open()
        return picker

    def close_choices(self) -> None:
        """Close the choice, leaving the text as it is."""
        self._start = -1
        self.popup.hide()

    # -- reacting to the person -------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """While the choice is open, the arrows, Enter, Tab and Escape work it; any other key
        goes on to the text (and the choice follows what is typed)."""
        if watched is self.editor and event.type() == QEvent.Type.FocusOut:
            self.close_choices()  # the choice belongs to the text being typed
        if watched is not self.editor or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        if event.type() == QEvent.Type.ShortcutOverride:
            if self.showing and key in (*_CHOOSE_KEYS, *_MOVE_KEYS, Qt.Key.Key_Escape):
                event.accept()  # these keys are the choice's, not a window shortcut's
                return True
            return False
        if event.type() != QEvent.Type.KeyPress:
            return False
        if self.showing:
            if key in _MOVE_KEYS:
                self._move(key)
                return True
            if key == Qt.Key.Key_Escape:
                self.close_choices()
                return True
            if key in _CHOOSE_KEYS and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                item = item_at(self.popup)
                if item is not None:
                    self._choose(item)
                    return True
                self.close_choices()
                return key == Qt.Key.Key_Tab
        self._typed = True
        QTimer.singleShot(0, self._typing_done)
        return False

    @Slot()
    def _typing_done(self) -> None:
        self._typed = False

    @Slot()
    def _text_changed(self) -> None:
        if self.find is None or not (self._typed or self.showing):
            return
        cursor = self.editor.textCursor()
        block = cursor.block()
        before = block.text()[: cursor.positionInBlock()]
        found = _TYPED.search(before)
        if found is None:
            self.close_choices()
            return
        self._start = block.position() + found.start()
        try:
            items = self.find(found.group(1))[:MOST_SHOWN]
        except JournalError:
            items = []
        fill_item_list(self.popup, items)
        self._place()
        if not self.showing:
            self.popup.show()
            self.popup.raise_()
            announce(self.editor, "Choose an entry or cycle to link to: arrows, then Enter")

    def _move(self, key: int) -> None:
        count = self.popup.count()
        if not count or item_at(self.popup) is None:
            return
        steps = {
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_PageUp: -_POPUP_ROWS,
            Qt.Key.Key_PageDown: _POPUP_ROWS,
        }
        step = next((n for k, n in steps.items() if k == key), 0)
        row = max(0, min(count - 1, self.popup.currentRow() + step))
        self.popup.setCurrentRow(row)
        chosen = item_at(self.popup)
        if chosen is not None:
            announce(self.editor, f"{chosen.title}. {item_detail(chosen)}")

    @Slot(QListWidgetItem)
    def _clicked(self, row: QListWidgetItem) -> None:
        item = row.data(_ITEM_ROLE)
        if isinstance(item, LinkedItem):
            self._choose(item)

    def _choose(self, item: LinkedItem) -> None:
        """Put the link where `[[` and what followed it were typed."""
        cursor = self.editor.textCursor()
        end = cursor.position()
        start = self._start if 0 <= self._start <= end else end
        self.close_choices()
        cursor.setPosition(start)
        cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.insert_link(item)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _picked(self, picker: LinkPicker) -> None:
        item = picker.chosen()
        if item is not None:
            self.insert_link(item)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _place(self) -> None:
        """Just under the line being typed (above it when there is no room below)."""
        editor = self.editor
        viewport = editor.viewport()
        rect = editor.cursorRect()
        row_height = max(self.popup.sizeHintForRow(0), editor.fontMetrics().height())
        rows = min(self.popup.count(), _POPUP_ROWS)
        height = rows * row_height + 2 * self.popup.frameWidth() + 4
        width = max(160, min(440, editor.width() - 8))
        below = viewport.mapTo(editor, rect.bottomLeft()) + QPoint(0, 2)
        above = viewport.mapTo(editor, rect.topLeft()) - QPoint(0, height + 2)
        spot = below if below.y() + height <= editor.height() or above.y() < 0 else above
        x = max(0, min(spot.x(), editor.width() - width))
        self.popup.setGeometry(x, max(0, spot.y()), width, height)


class LinkPicker(KeyboardSafeDialog):
    """Link…: type part of a title, choose with the arrows, Enter links.

    Constructor: LinkPicker(find, parent). Read `chosen()` once accepted; it deletes itself
    when closed.
    """

    def __init__(self, find: FindItems, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Link to an entry or cycle")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._find = find
        self.filter_edit = QLineEdit()
        self.filter_edit.setAccessibleName("Title to look for")
        self.filter_edit.setPlaceholderText("Type part of a title")
        self.filter_edit.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Entries and cycles, most recently changed first")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.itemActivated.connect(self._activated)
        self.link_button = QPushButton("&Link")
        self.link_button.setAccessibleName("Link the chosen item")
        self.link_button.setDefault(True)
        cancel = QPushButton("Cancel")
        cancel.setAccessibleName("Cancel")
        buttons = QDialogButtonBox()
        buttons.addButton(self.link_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._link)
        buttons.rejected.connect(self.reject)
        label = QLabel("&Title:")
        label.setBuddy(self.filter_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.filter_edit.textChanged.connect(self._refill)
        self.filter_edit.installEventFilter(self)
        self._refill("")
        resize_within_screen(self, 480, 420)

    def chosen(self) -> LinkedItem | None:
        """The item chosen."""
        return item_at(self.list)

    def has_typed_text(self) -> bool:
        """What is typed here only looks for a title: Escape never asks before leaving."""
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the title field move through the list; Enter links."""
        typed = isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
        if watched is self.filter_edit and isinstance(event, QKeyEvent) and typed:
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                step = -1 if key == Qt.Key.Key_Up else 1
                row = self.list.currentRow() + step
                if 0 <= row < self.list.count() and item_at(self.list) is not None:
                    self.list.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._link()
                return True
        return super().eventFilter(watched, event)

    @Slot(str)
    def _refill(self, text: str) -> None:
        try:
            items = self._find(text)[: MOST_SHOWN * 5]
        except JournalError:
            items = []
        fill_item_list(self.list, items)
        self.link_button.setEnabled(bool(items))

    @Slot(QListWidgetItem)
    def _activated(self, _row: QListWidgetItem) -> None:
        self._link()

    @Slot()
    def _link(self) -> None:
        if self.chosen() is not None:
            self.accept()
