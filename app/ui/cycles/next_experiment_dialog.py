"""Start the next experiment: the plan carried over, and the date to try it by."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app.errors import JournalError
from app.ui.cycles.plan_pages import DEFAULT_LEAD_DAYS, ExperimentDate
from app.ui.widgets.captions import plain_label
from app.ui.widgets.fields import InlineError, quiet_note
from app.ui.widgets.keyboard_safe_dialog import KeyboardSafeDialog
from app.ui.widgets.screen_fit import resize_within_screen, scrolling
from app.ui.widgets.tab_order import chain_tab_order
from app.ui.widgets.text_size import set_relative_font
from app.writing.cycle_records import CycleRecord
from app.writing.cycles import CycleStore
from app.writing.templates import StageRole, Template

NO_PLAN = "You didn't write a next experiment in this cycle; plan it in the new one."
DATE_NOTE = (
    "When the date comes, the cycle waits on your home screen under “Waiting for your reflection”."
)
AFTER_ONLY_NOTE = "This template is written after the event, so there is no date to plan."


class NextExperimentDialog(KeyboardSafeDialog):
    """Shows what the reviewed cycle planned next and asks when to try it; Start makes the
    cycle (CycleStore.start_next). Show it with open() or exec().

    Signals: cycleStarted(str) with the new cycle's id, just before the dialog closes.
    """

    cycleStarted = Signal(str)

    def __init__(
        self,
        store: CycleStore,
        cycle: CycleRecord,
        template: Template | None,
        *,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Start the next experiment")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._store = store
        self._cycle = cycle
        self.cycle_id: str | None = None
        plan = (store.text_with_role(cycle, StageRole.NEXT) or "").strip()
        planned = template is None or template.has_before_stages

        intro = QLabel(f"Carried over from “{cycle.display_title}”:" if plan else NO_PLAN)
        intro.setWordWrap(True)
        intro.setAccessibleName("Where the plan comes from")
        self.plan_label = plain_label(plan, "Your next experiment")
        self.plan_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_relative_font(self.plan_label, 1.1, bold=True)
        self.plan_label.setVisible(bool(plan))
        self.experiment_date = ExperimentDate("Plan to &try it by")
        self.experiment_date.set_date(
            today() + timedelta(days=DEFAULT_LEAD_DAYS) if planned else None, today()
        )
        self.experiment_date.setEnabled(planned)
        note = quiet_note(DATE_NOTE if planned else AFTER_ONLY_NOTE)
        note.setAccessibleName("What the date does")
        self.error = InlineError("Why the next experiment could not start")
        self.buttons = QDialogButtonBox()
        self.start_button = self.buttons.addButton(
            "&Start the next experiment", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.start_button.setAccessibleName("Start the next experiment")
        self.start_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName("Cancel")
        self.start_button.clicked.connect(self._start)
        self.cancel_button.clicked.connect(self.reject)

        body = QVBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(intro)
        body.addWidget(self.plan_label)
        body.addSpacing(12)
        body.addWidget(self.experiment_date)
        body.addWidget(note)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(body, "The next experiment"), 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        chain_tab_order(
            [
                self.experiment_date.check,
                self.experiment_date.date_edit,
                self.start_button,
                self.cancel_button,
            ]
        )
        # as tall as what it says (a long plan scrolls), as wide as a plan reads well
        resize_within_screen(self, 560, self.sizeHint().height())

    def showEvent(self, event: QShowEvent) -> None:
        """Start on the date, the one thing asked."""
        super().showEvent(event)
        date_edit = self.experiment_date.date_edit
        target: QWidget = date_edit if date_edit.isEnabled() else self.start_button
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _start(self) -> None:
        try:
            new = self._store.start_next(
                self._cycle.id, experiment_date=self.experiment_date.date()
            )
        except JournalError as exc:
            self.error.show_message(str(exc))
            return
        self.cycle_id = new.id
        self.cycleStarted.emit(new.id)
        self.accept()
