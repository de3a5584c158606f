"""The summary dialog's layout (a view): choices on the left, the live preview on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QTextOption
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.summary.export import SummaryFormat
from app.supervision.session_records import SessionKind
from app.ui.summary.choice_model import ChoiceModel
from app.ui.widgets.captions import heading
from app.ui.widgets.dates import DAY_FORMAT
from app.ui.widgets.fields import InlineError, quiet_note
from app.ui.widgets.keyboard_safe_dialog import KeyboardSafeDialog
from app.ui.widgets.preview import PreviewBrowser
from app.ui.widgets.screen_fit import resize_within_screen, scrolling
from app.ui.widgets.spelling import check_spelling
from app.ui.widgets.tab_order import chain_tab_order
from app.ui.widgets.text_size import fit_lines

FORMAT_NAMES = {
    SummaryFormat.PDF: "PDF",
    SummaryFormat.DOCX: "Word (.docx)",
    SummaryFormat.HTML: "Web page (.html)",
    SummaryFormat.MD: "Markdown (.md)",
}


def _date_edit(accessible_name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setAccessibleName(accessible_name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DAY_FORMAT)
    return edit


def _paper(browser: PreviewBrowser) -> None:
    """Show the preview as the page will print: dark text on white, whatever the theme."""
    palette = browser.palette()
    palette.setColor(QPalette.ColorRole.Base, Qt.GlobalColor.white)
    palette.setColor(QPalette.ColorRole.Text, Qt.GlobalColor.black)
    palette.setColor(QPalette.ColorRole.Link, Qt.GlobalColor.darkBlue)
    browser.setPalette(palette)


class SummaryForm(KeyboardSafeDialog):
    """Lays out the summary dialog; SummaryDialog gives it behaviour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Summary for a session")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.since_edit = _date_edit("Period from")
        self.until_edit = _date_edit("Period to")
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName("Your name")
        self.name_edit.setPlaceholderText("Leave empty to stay anonymous")
        self.name_edit.setToolTip(
            "Whose summary it is, as the header and the file's author show it; empty for none"
        )
        self.role_edit = QLineEdit()
        self.role_edit.setAccessibleName("Role label")
        self.role_edit.setToolTip("Your role, such as Ward manager")
        self.programme_edit = QLineEdit()
        self.programme_edit.setAccessibleName("Programme")
        self.programme_edit.setPlaceholderText("e.g. Mary Seacole Programme")
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName("Type of session")
        for kind in SessionKind:
            self.kind_combo.addItem(kind.label, kind.value)
        self.session_date = _date_edit("Date of the session")
        self.wants_edit = QPlainTextEdit()
        self.wants_edit.setAccessibleName("What I want from this session")
        self.wants_edit.setPlaceholderText("The question or situation you want help with")
        self.wants_edit.setTabChangesFocus(True)
        fit_lines(self.wants_edit, 5)
        check_spelling(self.wants_edit)
        self.choices = ChoiceModel(self)
        self.choice_view = QTreeView()
        self.choice_view.setAccessibleName("Cycles and entries to include")
        self.choice_view.setModel(self.choices)
        self.choice_view.setHeaderHidden(True)
        self.choice_view.setUniformRowHeights(True)
        self.choice_empty = quiet_note("Nothing flagged or written in this period.")
        self.choice_empty.setAccessibleName("Nothing to include")
        self.insights_check = QCheckBox("Include Insights (&counts for the period)")
        self.insights_check.setAccessibleName("Include Insights")
        self.insights_check.setToolTip(
            "End the summary with Insights' tables: the entries and cycles begun in the period, "
            "counted by month, loop, stage, tag and leadership dimension"
        )
        self.format_combo = QComboBox()
        self.format_combo.setAccessibleName("Format")
        for fmt, name in FORMAT_NAMES.items():
            self.format_combo.addItem(name, fmt.value)
        self.error = InlineError("Problem")
        self.preview = PreviewBrowser()
        self.preview.setAccessibleName("Preview of the summary")
        self.preview.setTabChangesFocus(True)
        # Lines break between words only, as in the PDF: a narrow column widens rather than
        # splitting "Evidence" or a date.
        self.preview.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        _paper(self.preview)
        self.preview_note = quiet_note("")
        self.preview_note.setAccessibleName("About the preview")
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(140)
        self.busy_bar.setAccessibleName("Working")
        self.busy_bar.hide()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setAccessibleName("Status")
        self.print_button = QPushButton("&Print…")
        self.print_button.setAccessibleName("Print the summary")
        self.export_button = QPushButton("&Export…")
        self.export_button.setAccessibleName("Export the summary")
        self.export_button.setDefault(True)
        self.close_button = QPushButton("Close")
        self.close_button.setAccessibleName("Close")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        period = QHBoxLayout()
        period.addWidget(self.since_edit)
        to_label = QLabel("&to")
        to_label.setBuddy(self.until_edit)
        period.addWidget(to_label)
        period.addWidget(self.until_edit)
        period.addStretch(1)
        session = QHBoxLayout()
        session.addWidget(self.kind_combo, 1)
        on_label = QLabel("o&n")
        on_label.setBuddy(self.session_date)
        session.addWidget(on_label)
        session.addWidget(self.session_date)
        rows: tuple[tuple[str, QWidget, QHBoxLayout | None], ...] = (
            ("Pe&riod from:", self.since_edit, period),
            ("N&ame:", self.name_edit, None),
            ("R&ole:", self.role_edit, None),
            ("Pro&gramme:", self.programme_edit, None),
            ("&Session:", self.kind_combo, session),
            ("What I &want:", self.wants_edit, None),
        )
        for text, field, row_layout in rows:
            label = QLabel(text)
            label.setBuddy(field)
            if row_layout is None:
                form.addRow(label, field)
            else:
                form.addRow(label, row_layout)
        include_label = QLabel("&Include:")
        include_label.setBuddy(self.choice_view)
        format_label = QLabel("&Format:")
        format_label.setBuddy(self.format_combo)
        format_row = QHBoxLayout()
        format_row.addWidget(format_label)
        format_row.addWidget(self.format_combo)
        format_row.addStretch(1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addWidget(heading("Prepare a summary", "Prepare a summary", 1.3))
        left_layout.addLayout(form)
        left_layout.addWidget(include_label)
        left_layout.addWidget(self.choice_view, 1)
        left_layout.addWidget(self.choice_empty)
        left_layout.addWidget(self.insights_check)
        left_layout.addLayout(format_row)
        left_layout.addWidget(self.error)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        preview_label = QLabel("Pre&view")
        preview_label.setBuddy(self.preview)
        right_layout.addWidget(preview_label)
        right_layout.addWidget(self.preview, 1)
        right_layout.addWidget(self.preview_note)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)

        bottom = QHBoxLayout()
        bottom.addWidget(self.busy_bar)
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        # the form and preview scroll on a short screen; Export and Close stay in sight below
        layout.addWidget(scrolling(self.splitter, "Summary form"), 1)
        layout.addLayout(bottom)
        chain_tab_order(
            [
                self.since_edit,
                self.until_edit,
                self.name_edit,
                self.role_edit,
                self.programme_edit,
                self.kind_combo,
                self.session_date,
                self.wants_edit,
                self.choice_view,
                self.insights_check,
                self.format_combo,
                self.preview,
                self.print_button,
                self.export_button,
                self.close_button,
            ]
        )
        resize_within_screen(self, 1180, 700)
