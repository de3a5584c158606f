"""The actions panel's layout (a view): open actions above, the chosen one's details below."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.supervision.session_records import ActionStatus
from app.ui.sessions.actions_model import ActionListModel
from app.ui.widgets.attention import warning_icon
from app.ui.widgets.captions import heading, plain_label
from app.ui.widgets.fields import quiet_note
from app.ui.widgets.item_list import ItemList
from app.ui.widgets.message_bar import MessageBar
from app.ui.widgets.spelling import check_spelling
from app.ui.widgets.tab_order import chain_tab_order
from app.ui.widgets.text_size import fit_lines

EMPTY = (
    "No open actions. The actions you agree in a coaching or supervision session appear "
    "here until they are done."
)
NO_EVIDENCE = "Nothing linked yet."
MAX_ROWS_SHOWN = 6


_SIDE_COLUMNS = (1, 2, 3)  # With, By when, Status


class ActionsPanelLayout(QWidget):
    """Lays out the actions panel; ActionsPanel gives it behaviour."""

    def fit_table(self) -> None:
        """Make the table as tall as its rows (up to MAX_ROWS_SHOWN, then it scrolls)."""
        rows = min(max(self.model.rowCount(), 1), MAX_ROWS_SHOWN)
        row_height = self.table.sizeHintForRow(0) if self.model.rowCount() else 24
        header = self.table.header().sizeHint().height()
        self.table.setFixedHeight(header + rows * row_height + 2 * self.table.frameWidth() + 2)
        self.share_columns()

    def share_columns(self) -> None:
        """Give With, By when and Status what they need, at most a fifth of the table each."""
        header = self.table.header()
        most = max(self.table.viewport().width() // 5, 40)
        for column in _SIDE_COLUMNS:
            needed = max(self.table.sizeHintForColumn(column), header.sectionSizeHint(column))
            header.resizeSection(column, min(needed, most))

    def changeEvent(self, event: QEvent) -> None:
        """Fit the table to its rows again when the text size changes."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "table"):
            self.fit_table()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Share the columns again when the table's width changes."""
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.share_columns()
        return super().eventFilter(watched, event)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Agreed actions")
        self.title_label = heading("Agreed actions", "Agreed actions", 1.2)
        self.message_bar = MessageBar()
        self.empty_label = quiet_note(EMPTY)
        self.empty_label.setAccessibleName("No open actions")
        self.model = ActionListModel(warning_icon(self), self.palette(), self)
        self.table = QTreeView()
        self.table.setAccessibleName("Open actions, soonest first")
        self.table.setModel(self.model)
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setAllColumnsShowFocus(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # the other columns get what their words need, up to a share: the action is never
        # squeezed to "Ask m..." by a long date (each cell's tooltip has the whole action)
        for column in _SIDE_COLUMNS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self.table.viewport().installEventFilter(self)

        self.details = QGroupBox("The chosen action")
        self.details.setAccessibleName("The chosen action")
        self.how_label = plain_label("", "How I will know")
        self.how_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.status_combo = QComboBox()
        self.status_combo.setAccessibleName("Status")
        for status in ActionStatus:
            self.status_combo.addItem(status.label, status.value)
        self.progress_edit = QPlainTextEdit()
        self.progress_edit.setAccessibleName("What has happened so far")
        self.progress_edit.setPlaceholderText("What has happened so far")
        self.progress_edit.setTabChangesFocus(True)
        fit_lines(self.progress_edit, 4)
        check_spelling(self.progress_edit)
        self.save_note_button = QPushButton("Save n&ote")
        self.save_note_button.setAccessibleName("Save the progress note")
        self.save_note_button.setEnabled(False)
        self.evidence_list = ItemList("Evidence of change", fit_contents=True)
        self.no_evidence_label = quiet_note(NO_EVIDENCE)
        self.no_evidence_label.setAccessibleName("No evidence linked")
        self.link_button = QPushButton("&Link evidence…")
        self.link_button.setAccessibleName("Link evidence")
        self.link_button.setToolTip(
            "Link entries or cycles that show this action making a difference"
        )
        self.unlink_button = QPushButton("&Unlink")
        self.unlink_button.setAccessibleName("Unlink the chosen evidence")
        self.unlink_button.setEnabled(False)
        self.note_label = quiet_note("")
        self.note_label.setAccessibleName("What just changed")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("How I will know:", self.how_label)
        status_label = QLabel("S&tatus:")
        status_label.setBuddy(self.status_combo)
        form.addRow(status_label, self.status_combo)
        progress_label = QLabel("&Progress:")
        progress_label.setBuddy(self.progress_edit)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_edit, 1)
        progress_row.addWidget(self.save_note_button, 0, Qt.AlignmentFlag.AlignTop)
        form.addRow(progress_label, progress_row)
        evidence_column = QVBoxLayout()
        evidence_column.addWidget(self.evidence_list)
        evidence_column.addWidget(self.no_evidence_label)
        evidence_buttons = QHBoxLayout()
        evidence_buttons.addWidget(self.link_button)
        evidence_buttons.addWidget(self.unlink_button)
        evidence_buttons.addStretch(1)
        evidence_column.addLayout(evidence_buttons)
        form.addRow("Evidence:", evidence_column)
        self.details.setLayout(form)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table)
        layout.addWidget(self.details)
        layout.addWidget(self.note_label)
        layout.addStretch(1)
        chain_tab_order(self.focus_chain())

    def focus_chain(self) -> list[QWidget]:
        """The panel's controls in the order Tab visits them."""
        return [
            self.table,
            self.status_combo,
            self.progress_edit,
            self.save_note_button,
            self.evidence_list,
            self.link_button,
            self.unlink_button,
        ]
