"""The journal window (a view): search and the entry list on the left, the editor on the right."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.journal import Journal
from app.ui.autosave import AUTOSAVE_DELAY_MS
from app.ui.background_search import SearchFunction
from app.ui.editor import EntryEditor
from app.ui.journal_controller import JournalController
from app.ui.message_bar import MessageBar
from app.ui.messages import Confirm, ask_to_confirm
from app.ui.preview import PreviewBrowser
from app.ui.resources import app_icon
from app.ui.settings import open_settings, remember_window, restore_window
from app.ui.sidebar import Sidebar
from app.ui.window_actions import build_menus, create_actions


class MainWindow(QMainWindow):
    """The journal window. Closing it saves; there is never a "did you save?" question.

    `search` stands in for the journal's search function (tests pass a slow one).

    Signals: openCycleRequested(str cycle_id, str stage_id) when a cycle (or one of its
    stages) is chosen from the search results. Until the cycle views are connected to it,
    the controller shows the cycle read-only (disconnect `controller.show_cycle_read_only`).
    """

    openCycleRequested = Signal(str, str)

    HINT_PAGE = 0
    EDITOR_PAGE = 1
    CYCLE_PAGE = 2

    def __init__(
        self,
        journal: Journal,
        *,
        settings: QSettings | None = None,
        confirm: Confirm = ask_to_confirm,
        autosave_ms: int = AUTOSAVE_DELAY_MS,
        search: SearchFunction | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Inquiry Journal")
        self.setWindowIcon(app_icon())
        self._settings = settings if settings is not None else open_settings()
        self.undo_stack = QUndoStack(self)
        self.commands = create_actions(self, self.undo_stack)
        build_menus(self, self.commands)

        self.sidebar = Sidebar()
        self.search_box = self.sidebar.search_box
        self.filters_button = self.sidebar.filters_button
        self.filter_bar = self.sidebar.filter_bar
        self.search_panel = self.sidebar.search_panel
        self.entry_list = self.sidebar.entry_list
        self.escape_results = self.sidebar.escape_results
        self.escape_filters = self.sidebar.escape_filters
        self.entry_list.addAction(self.commands.trash)

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
        self.cycle_view = PreviewBrowser()
        self.cycle_view.setAccessibleName("Cycle, read only")
        self.editor_stack.addWidget(self.cycle_view)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 6, 6, 6)
        right_layout.addWidget(self.message_bar)
        right_layout.addWidget(self.editor_stack, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setAccessibleName("Entries and editor")
        self.splitter.addWidget(self.sidebar)
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

        QWidget.setTabOrder(self.sidebar.last_in_tab_order, self.editor.title_edit)

        if not restore_window(self._settings, self, self.splitter):
            self.resize(1120, 720)
        self.controller = JournalController(
            self, journal, confirm=confirm, delay_ms=autosave_ms, search=search
        )

    def show_hint(self, text: str, *, offer_new_entry: bool) -> None:
        """Show a one-line hint instead of the editor."""
        self.hint_label.setText(text)
        self.hint_button.setVisible(offer_new_entry)
        self.editor_stack.setCurrentIndex(self.HINT_PAGE)

    def show_editor(self) -> None:
        """Show the editor (an entry is loaded in it)."""
        self.editor_stack.setCurrentIndex(self.EDITOR_PAGE)

    def show_cycle_page(self) -> None:
        """Show the read-only cycle (filled in by the controller)."""
        self.editor_stack.setCurrentIndex(self.CYCLE_PAGE)

    def show_entry_list(self) -> None:
        """Show the entry list in the left column (no search)."""
        self.sidebar.show_entries()

    def show_search_results(self) -> None:
        """Show the search results in the left column."""
        self.sidebar.show_results()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save what is typed, remember the layout, and close."""
        if not self.controller.prepare_to_close():
            event.ignore()
            return
        self.controller.search.shutdown()
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
