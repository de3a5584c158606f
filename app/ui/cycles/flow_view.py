"""The guided flow's frame (a view): context line, message strip, pages and the buttons."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.cycles.focus import chain_tab_order
from app.ui.cycles.plan_pages import PlannedPage, TriedYetPage
from app.ui.cycles.review_page import ReviewPage
from app.ui.cycles.stage_page import StagePage
from app.ui.fields import quiet_note
from app.ui.message_bar import MessageBar

READING_WIDTH = 860
"""Lines longer than this are hard to read; the flow keeps to a column."""


class CycleFlowView(QWidget):
    """Lays out the flow: every page in a stack, and Back / Finish later / Skip / Next."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context_label = quiet_note("")
        self.context_label.setAccessibleName("Template and line of inquiry")
        self.message_bar = MessageBar()
        self.stage_page = StagePage()
        self.planned_page = PlannedPage()
        self.tried_page = TriedYetPage()
        self.review_page = ReviewPage()
        self.pages = QStackedWidget()
        self.pages.setAccessibleName("Cycle")
        for page in (self.stage_page, self.planned_page, self.tried_page, self.review_page):
            self.pages.addWidget(page)

        self.save_state_label = QLabel()
        self.save_state_label.setAccessibleName("Save status")
        self.back_button = QPushButton("Back")
        self.back_button.setAccessibleName("Back")
        self.back_button.setToolTip("Previous stage (Alt+Left or Ctrl+Page Up)")
        self.finish_later_button = QPushButton("Finish &later")
        self.finish_later_button.setAccessibleName("Finish later")
        self.finish_later_button.setToolTip("Everything is saved; come back to it any time")
        self.skip_button = QPushButton("S&kip")
        self.skip_button.setAccessibleName("Skip this stage")
        self.skip_button.setToolTip("Leave this stage empty for now; you can come back to it")
        self.next_button = QPushButton("Next  (Ctrl+Enter)")  # the key is shown, not only hovered
        self.next_button.setAccessibleName("Next")
        self.next_button.setToolTip("Next stage (Ctrl+Enter, Alt+Right or Ctrl+Page Down)")
        self.next_button.setDefault(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.save_state_label)
        buttons.addStretch(1)
        for button in (
            self.back_button,
            self.finish_later_button,
            self.skip_button,
            self.next_button,
        ):
            buttons.addWidget(button)

        column = QWidget()
        column.setMaximumWidth(READING_WIDTH)
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.addWidget(self.context_label)
        column_layout.addWidget(self.message_bar)
        column_layout.addWidget(self.pages, 1)
        column_layout.addLayout(buttons)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(18, 12, 18, 12)
        outer.addStretch(0)
        outer.addWidget(column, 1)
        outer.addStretch(0)

        chain_tab_order(
            [
                self.stage_page.text_edit,
                self.stage_page.hints_button,
                self.back_button,
                self.finish_later_button,
                self.skip_button,
                self.next_button,
            ]
        )
