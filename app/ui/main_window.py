"""The journal window (a view): entry list and filter on the left, the editor on the right."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.journal import Journal
from app.ui.autosave import AUTOSAVE_DELAY_MS
from app.ui.editor import EntryEditor
from app.ui.entry_delegate import EntryDelegate
from app.ui.journal_controller import JournalController
from app.ui.message_bar import MessageBar
from app.ui.messages import Confirm, ask_to_confirm
from app.ui.resources import app_icon
from app.ui.settings import open_settings, remember_window, restore_window
from app.ui.window_actions import build_menus, create_actions


class MainWindow(QMainWindow):
    """The journal window. Closing it saves; there is never a "did you save?" question."""

    HINT_PAGE = 0
    EDITOR_PAGE = 1

    def __init__(
        self,
        journal: Journal,
        *,
        settings: QSettings | None = None,
        confirm: Confirm = ask_to_confirm,
        autosave_ms: int = AUTOSAVE_DELAY_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Inquiry Journal")
        self.setWindowIcon(app_icon())
        self._settings = settings if settings is not None else open_settings()
        self.undo_stack = QUndoStack(self)
        self.commands = create_actions(self, self.undo_stack)
        build_menus(self, self.commands)

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Find in titles and text (Ctrl+F)")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName("Find entries")
        clear_filter = QAction("Clear filter", self.filter_edit)
        clear_filter.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        clear_filter.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        clear_filter.triggered.connect(self.filter_edit.clear)
        self.filter_edit.addAction(clear_filter)

        self.entry_list = QListView()
        self.entry_list.setAccessibleName("Entries")
        self.entry_list.setItemDelegate(EntryDelegate())
        self.entry_list.setUniformItemSizes(True)
        self.entry_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.entry_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.entry_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.entry_list.addAction(self.commands.trash)

        left = QWidget()
        left.setMinimumWidth(240)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 6)
        left_layout.addWidget(self.filter_edit)
        left_layout.addWidget(self.entry_list, 1)

        self.editor = EntryEditor()
        self.message_bar = MessageBar()
        self.hint_label = QLabel()
        self.hint_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint_label.setWordWrap(True)
        self.hint_label.setAccessibleName("Hint")
        hint_font = QFont(self.hint_label.font())
        if hint_font.pointSizeF() > 0:
            hint_font.setPointSizeF(hint_font.pointSizeF() * 1.2)
        self.hint_label.setFont(hint_font)
        self.hint_button = QPushButton("&New entry")
        self.hint_button.setAccessibleName("New entry")
        hint_icon = QLabel()
        hint_icon.setPixmap(app_icon().pixmap(72, 72))
        hint_icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint_page = QWidget()
        hint_layout = QVBoxLayout(hint_page)
        hint_layout.setSpacing(12)
        hint_layout.addStretch(1)
        hint_layout.addWidget(hint_icon)
        hint_layout.addWidget(self.hint_label)
        hint_layout.addWidget(self.hint_button, 0, Qt.AlignmentFlag.AlignHCenter)
        hint_layout.addStretch(2)
        self.editor_stack = QStackedWidget()
        self.editor_stack.addWidget(hint_page)
        self.editor_stack.addWidget(self.editor)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 6, 6, 6)
        right_layout.addWidget(self.message_bar)
        right_layout.addWidget(self.editor_stack, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setAccessibleName("Entries and editor")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([340, 760])
        self.setCentralWidget(self.splitter)

        self.words_label = QLabel()
        self.words_label.setAccessibleName("Word count")
        self.save_state_label = QLabel()
        self.save_state_label.setAccessibleName("Save status")
        for label in (self.words_label, self.save_state_label):
            label.setContentsMargins(8, 0, 8, 0)
        self.statusBar().addPermanentWidget(self.words_label)
        self.statusBar().addPermanentWidget(self.save_state_label)

        QWidget.setTabOrder(self.filter_edit, self.entry_list)
        QWidget.setTabOrder(self.entry_list, self.editor.title_edit)

        if not restore_window(self._settings, self, self.splitter):
            self.resize(1120, 720)
        self.controller = JournalController(self, journal, confirm=confirm, delay_ms=autosave_ms)

    def show_hint(self, text: str, *, offer_new_entry: bool) -> None:
        """Show a one-line hint instead of the editor."""
        self.hint_label.setText(text)
        self.hint_button.setVisible(offer_new_entry)
        self.editor_stack.setCurrentIndex(self.HINT_PAGE)

    def show_editor(self) -> None:
        """Show the editor (an entry is loaded in it)."""
        self.editor_stack.setCurrentIndex(self.EDITOR_PAGE)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save what is typed, remember the layout, and close."""
        if not self.controller.prepare_to_close():
            event.ignore()
            return
        remember_window(self._settings, self, self.splitter)
        event.accept()

    def changeEvent(self, event: QEvent) -> None:
        """Save when the window stops being the active one (focus went elsewhere)."""
        controller = getattr(self, "controller", None)  # events can come during __init__
        if (
            isinstance(controller, JournalController)
            and event.type() == QEvent.Type.ActivationChange
            and not self.isActiveWindow()
        ):
            controller.save_quietly()
        super().changeEvent(event)
