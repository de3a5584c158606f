"""The screens between planning and reflecting (views): "planned" and "have you tried it yet?"."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.widgets.captions import day_text, from_qdate, heading, plain_label, to_qdate
from app.ui.widgets.dates import DAY_FORMAT
from app.ui.widgets.fields import quiet_note
from app.ui.widgets.text_size import set_relative_font

DEFAULT_LEAD_DAYS = 7
"""An unset experiment date is offered this many days ahead."""
PLANNED_NOTE = (
    "Now try it at work. When you have, open this cycle again and the app will walk you "
    "through what happened and what you learned. Everything you wrote is saved."
)


class ExperimentDate(QWidget):
    """A "Try it by" date that can also be left unset.

    Read `date()`; the owner listens to `check.toggled` and `date_edit.dateChanged`.
    """

    def __init__(self, label: str = "&Try it by", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(label)
        self.check.setAccessibleName("Set a date for the experiment")
        self.date_edit = QDateEdit()
        self.date_edit.setAccessibleName("Experiment date")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(DAY_FORMAT)
        self.date_edit.setEnabled(False)
        self.check.toggled.connect(self.date_edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.date_edit)
        layout.addStretch(1)

    def set_date(self, day: date | None, fallback: date) -> None:
        """Show `day` (ticked), or `fallback` unticked when there is no date."""
        for widget in (self.check, self.date_edit):
            widget.blockSignals(True)
        self.check.setChecked(day is not None)
        self.date_edit.setEnabled(day is not None)
        self.date_edit.setDate(to_qdate(day or fallback))
        for widget in (self.check, self.date_edit):
            widget.blockSignals(False)

    def date(self) -> date | None:
        """The chosen date, or None when the box is unticked."""
        return from_qdate(self.date_edit.date()) if self.check.isChecked() else None


class PlannedPage(QWidget):
    """The "Your experiment is planned" screen: set or confirm the date, then finish later."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = heading("Your experiment is planned", "Experiment planned", 1.6)
        self.note = QLabel(PLANNED_NOTE)
        self.note.setWordWrap(True)
        set_relative_font(self.note, 1.15)
        self.note.setAccessibleName("What happens next")
        self.plan_label = plain_label("", "Your plan")
        self.experiment_date = ExperimentDate()
        self.tried_button = QPushButton("I've &already tried it: reflect now")
        self.tried_button.setAccessibleName("I have already tried it: reflect now")
        buttons = QHBoxLayout()
        buttons.addWidget(self.tried_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addStretch(1)
        layout.addWidget(self.title_label)
        layout.addWidget(self.note)
        layout.addSpacing(12)
        layout.addWidget(self.plan_label)
        layout.addSpacing(12)
        layout.addWidget(self.experiment_date)
        layout.addWidget(quiet_note("The date puts the cycle on your home screen when it comes."))
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(3)
        QWidget.setTabOrder(self.experiment_date.check, self.experiment_date.date_edit)
        QWidget.setTabOrder(self.experiment_date.date_edit, self.tried_button)

    def show_plan(self, plan: str, day: date | None, today: date) -> None:
        """Show the plan's opening words and the experiment date."""
        self.plan_label.setText(f"Your plan: {plan}" if plan else "")
        self.plan_label.setVisible(bool(plan))
        self.experiment_date.set_date(day, today + timedelta(days=DEFAULT_LEAD_DAYS))


class TriedYetPage(QWidget):
    """The "Have you tried it yet?" screen: reflect now, or not yet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = heading("Have you tried it yet?", "Have you tried it yet?", 1.6)
        self.cycle_label = plain_label("", "Cycle")
        set_relative_font(self.cycle_label, 1.2, bold=True)
        self.plan_label = plain_label("", "Your plan")
        self.date_label = QLabel()
        self.date_label.setAccessibleName("Experiment date")
        self.yes_button = QPushButton("&Yes, reflect now")
        self.yes_button.setAccessibleName("Yes, reflect now")
        self.yes_button.setDefault(True)
        self.not_yet_button = QPushButton("N&ot yet")
        self.not_yet_button.setAccessibleName("Not yet")
        buttons = QHBoxLayout()
        buttons.addWidget(self.yes_button)
        buttons.addWidget(self.not_yet_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addStretch(1)
        layout.addWidget(self.title_label)
        layout.addWidget(self.cycle_label)
        layout.addWidget(self.plan_label)
        layout.addWidget(self.date_label)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(3)
        QWidget.setTabOrder(self.yes_button, self.not_yet_button)

    def show_cycle(self, title: str, plan: str, day: date | None, today: date) -> None:
        """Remind the person what they planned, and when."""
        self.cycle_label.setText(title)
        self.plan_label.setText(f"Your plan: {plan}" if plan else "")
        self.plan_label.setVisible(bool(plan))
        if day is None:
            self.date_label.setText("You didn't set a date for it.")
        elif day <= today:
            self.date_label.setText(f"You planned to try it by {day_text(day)}.")
        else:
            self.date_label.setText(f"You planned to try it by {day_text(day)}; no rush.")

    @Slot()
    def focus_answer(self) -> None:
        """Put keyboard focus on "Yes, reflect now"."""
        self.yes_button.setFocus(Qt.FocusReason.OtherFocusReason)
