"""The template editor's layout (a view): the template's name and intro, its stages, one form."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.ui.widgets.fields import InlineError, quiet_note
from app.ui.widgets.keyboard_safe_dialog import KeyboardSafeDialog
from app.ui.widgets.screen_fit import resize_within_screen, scrolling
from app.ui.widgets.tab_order import chain_tab_order
from app.writing.templates import StageTiming

WHEN_LABELS = {
    StageTiming.BEFORE: "Before the experiment",
    StageTiming.AFTER: "After the experiment",
}


def _text_box(accessible_name: str, placeholder: str, lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(accessible_name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


def _labelled(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


class TemplateEditorForm(KeyboardSafeDialog):
    """Lays out the editor; TemplateEditorDialog gives it behaviour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName("Template name")
        self.source_edit = QLineEdit()
        self.source_edit.setAccessibleName("Where the template comes from")
        self.source_edit.setPlaceholderText("e.g. Gibbs (1988), adapted for my team")
        self.intro_edit = _text_box("Introduction", "A few lines shown when choosing it", 3)
        top = QFormLayout()
        top.addRow(_labelled("&Name:", self.name_edit), self.name_edit)
        top.addRow(_labelled("S&ource:", self.source_edit), self.source_edit)
        top.addRow(_labelled("&Intro:", self.intro_edit), self.intro_edit)

        self.stage_list = QListWidget()
        self.stage_list.setAccessibleName("Stages")
        self.add_button = QPushButton("&Add stage")
        self.add_button.setAccessibleName("Add stage")
        self.remove_button = QPushButton("&Remove")
        self.remove_button.setAccessibleName("Remove stage")
        self.up_button = QPushButton("Move &up")
        self.up_button.setAccessibleName("Move stage up")
        self.down_button = QPushButton("Move do&wn")
        self.down_button.setAccessibleName("Move stage down")
        # two by two, so the editor fits 1280x720 at 200% (640 logical pixels wide)
        list_buttons = QGridLayout()
        for index, button in enumerate(
            (self.add_button, self.remove_button, self.up_button, self.down_button)
        ):
            list_buttons.addWidget(button, *divmod(index, 2))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("Stages, in order:"))
        left_layout.addWidget(self.stage_list, 1)
        left_layout.addLayout(list_buttons)

        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName("Stage title")
        self.when_combo = QComboBox()
        self.when_combo.setAccessibleName("When the stage is written")
        for timing, label in WHEN_LABELS.items():
            self.when_combo.addItem(label, timing.value)
        self.required_check = QCheckBox("Required before the cycle can be marked reviewed")
        self.required_check.setAccessibleName("Stage required")
        self.prompt_edit = _text_box("Stage prompt", "The question the participant answers", 3)
        self.hints_edit = _text_box("Stage hints", "One hint per line", 4)
        self.examples_edit = _text_box("Stage examples", "One example per line", 3)
        stage_box = QGroupBox("Stage")
        stage_box.setAccessibleName("Stage")
        form = QFormLayout(stage_box)
        form.addRow(_labelled("&Title:", self.title_edit), self.title_edit)
        form.addRow(_labelled("W&hen:", self.when_combo), self.when_combo)
        form.addRow(self.required_check)  # across both columns: narrower on a small screen
        form.addRow(_labelled("&Prompt:", self.prompt_edit), self.prompt_edit)
        form.addRow(_labelled("Hint&s:", self.hints_edit), self.hints_edit)
        form.addRow(_labelled("E&xamples:", self.examples_edit), self.examples_edit)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(scrolling(stage_box, "Stage details"))  # scrolls on a short screen
        splitter.setSizes([260, 520])

        self.error = InlineError("Why the template cannot be saved")
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName("Save template")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName("Cancel")

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(
            quiet_note(
                "Cycles already started keep their stages; changes apply to new cycles. "
                "Stages written after the experiment are offered once the person comes back."
            )
        )
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        chain_tab_order(
            [
                self.name_edit,
                self.source_edit,
                self.intro_edit,
                self.stage_list,
                self.add_button,
                self.remove_button,
                self.up_button,
                self.down_button,
                self.title_edit,
                self.when_combo,
                self.required_check,
                self.prompt_edit,
                self.hints_edit,
                self.examples_edit,
                self.save_button,
                self.cancel_button,
            ]
        )
        resize_within_screen(self, 900, 640)
