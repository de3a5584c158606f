"""Home's "Looking back" card: an earlier cycle, what was learned, and what now."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.home.looking_back import LookBack
from app.ui.widgets.captions import heading, plain_label

ASK = "What would I do &differently now?"


class LookingBackCard(QFrame):
    """Shows one LookBack (hidden with none).

    Signals:
      differentlyRequested(): "What would I do differently now?" was pressed.
      setAsideRequested(): "Not now" was pressed.
      openRequested(): "Open it" was pressed.
    """

    differentlyRequested = Signal()
    setAsideRequested = Signal()
    openRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.shown: LookBack | None = None
        self.heading = heading("Looking back", "Looking back", 1.2)
        self.title_label = plain_label("", "Earlier cycle")
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.question_label = plain_label("", "Its line of inquiry")
        self.learning_label = plain_label("", "What you learned then")
        self.differently_button = QPushButton(ASK)
        self.differently_button.setAccessibleName(ASK.replace("&", ""))
        self.open_button = QPushButton("Open it")
        self.open_button.setAccessibleName("Open the earlier cycle")
        self.not_now_button = QPushButton("Not now")
        self.not_now_button.setAccessibleName("Not now: do not show this cycle again")
        self.differently_button.clicked.connect(self.differentlyRequested)
        self.open_button.clicked.connect(self.openRequested)
        self.not_now_button.clicked.connect(self.setAsideRequested)

        # Two rows, so the card never makes a narrow Home scroll sideways.
        ask = QHBoxLayout()
        ask.addWidget(self.differently_button)
        ask.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.not_now_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.title_label)
        layout.addWidget(self.question_label)
        layout.addWidget(self.learning_label)
        layout.addLayout(ask)
        layout.addLayout(buttons)
        self.hide()

    def show_look_back(self, look_back: LookBack | None) -> None:
        """Show this earlier cycle, or hide the card for None."""
        self.shown = look_back
        if look_back is None:
            self.hide()
            return
        self.heading.setText(f"Looking back: {look_back.when}")
        self.title_label.setText(look_back.title)
        self.question_label.setText(f"In “{look_back.question}”")
        self.learning_label.setText(f"What you learned then: {look_back.learning}")
        self.show()

    def focus_chain(self) -> list[QWidget]:
        """The card's controls, in the order Tab visits them."""
        return [self.differently_button, self.open_button, self.not_now_button]
