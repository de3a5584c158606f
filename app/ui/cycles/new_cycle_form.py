"""The New cycle dialog's layout (a view): line of inquiry, template and experiment date."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.cycles.domain_checks import DomainChecks
from app.ui.cycles.plan_pages import ExperimentDate
from app.ui.widgets.captions import plain_label
from app.ui.widgets.fields import InlineError, quiet_note
from app.ui.widgets.item_list import ItemList
from app.ui.widgets.keyboard_safe_dialog import KeyboardSafeDialog
from app.ui.widgets.screen_fit import resize_within_screen, scrolling
from app.ui.widgets.tab_order import chain_tab_order

_INDENT = 24


class NewCycleForm(KeyboardSafeDialog):
    """Lays out the New cycle dialog; NewCycleDialog gives it behaviour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New cycle")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        inquiry_box = QGroupBox("Line of inquiry")
        inquiry_box.setAccessibleName("Line of inquiry")
        self.existing_radio = QRadioButton("&Continue a line of inquiry")
        self.existing_radio.setAccessibleName("Continue a line of inquiry")
        self.inquiry_combo = QComboBox()
        self.inquiry_combo.setAccessibleName("Lines of inquiry")
        self.inquiry_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.inquiry_combo.setMinimumContentsLength(30)
        self.new_radio = QRadioButton("Start a &new line of inquiry")
        self.new_radio.setAccessibleName("Start a new line of inquiry")
        self.question_edit = QLineEdit()
        self.question_edit.setAccessibleName("Question for the new line of inquiry")
        self.question_edit.setPlaceholderText(
            "A question or dilemma, e.g. How do I get my team to raise concerns earlier?"
        )
        self.domains = DomainChecks()
        new_fields = QFormLayout()
        new_fields.setContentsMargins(_INDENT, 0, 0, 0)
        question_label = QLabel("&Question:")
        question_label.setBuddy(self.question_edit)
        new_fields.addRow(question_label, self.question_edit)
        new_fields.addRow("Domains:", self.domains)
        inquiry_layout = QVBoxLayout(inquiry_box)
        inquiry_layout.addWidget(self.existing_radio)
        combo_row = QHBoxLayout()
        combo_row.setContentsMargins(_INDENT, 0, 0, 0)
        combo_row.addWidget(self.inquiry_combo, 1)
        inquiry_layout.addLayout(combo_row)
        inquiry_layout.addWidget(self.new_radio)
        inquiry_layout.addLayout(new_fields)

        template_box = QGroupBox("Template")
        template_box.setAccessibleName("Template")
        self.template_list = ItemList("Templates")
        self.template_list.setMinimumHeight(180)
        self.template_intro = plain_label("", "About the template")
        self.template_intro.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.template_intro.setMinimumWidth(260)
        template_layout = QHBoxLayout(template_box)
        template_layout.addWidget(self.template_list, 3)
        template_layout.addWidget(self.template_intro, 2)

        self.experiment_box = QGroupBox("This cycle")
        self.experiment_box.setAccessibleName("This cycle")
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName("Cycle title")
        self.title_edit.setPlaceholderText("Optional: a few words on what you will try")
        self.experiment_date = ExperimentDate("Plan to &try it by")
        title_label = QLabel("T&itle:")
        title_label.setBuddy(self.title_edit)
        experiment_layout = QFormLayout(self.experiment_box)
        experiment_layout.addRow(title_label, self.title_edit)
        experiment_layout.addRow(self.experiment_date)
        experiment_layout.addRow(
            quiet_note(
                "A date puts the cycle on your home screen when it is time to reflect. "
                "Templates written wholly after the event have no experiment to plan."
            )
        )

        self.entry_note = quiet_note("")
        self.entry_note.setAccessibleName("What happens to the entry")
        self.entry_note.hide()
        self.error = InlineError("Why the cycle could not start")
        self.buttons = QDialogButtonBox()
        self.start_button = self.buttons.addButton(
            "&Start cycle", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.start_button.setAccessibleName("Start cycle")
        self.start_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName("Cancel")

        body = QVBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.entry_note)
        body.addWidget(inquiry_box)
        body.addWidget(template_box, 1)
        body.addWidget(self.experiment_box)
        layout = QVBoxLayout(self)
        # the form scrolls on a short screen; Start cycle and Cancel stay in sight below it
        layout.addWidget(scrolling(body, "New cycle form"), 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        chain_tab_order(
            [
                self.existing_radio,
                self.inquiry_combo,
                self.new_radio,
                self.question_edit,
                *self.domains.boxes.values(),
                self.template_list,
                self.title_edit,
                self.experiment_date.check,
                self.experiment_date.date_edit,
                self.start_button,
                self.cancel_button,
            ]
        )
        resize_within_screen(self, 760, 680)
