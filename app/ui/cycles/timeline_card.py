"""One cycle on a line of inquiry's timeline (a view): a dot on the rail and a short story."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from app.ui.widgets.captions import experiment_phrase, plain_label
from app.ui.widgets.fields import quiet_note
from app.ui.widgets.focus_ring import paint_focus_ring
from app.ui.widgets.text_size import set_relative_font
from app.writing.cycle_records import CycleStatus, TimelineStep

RAIL_WIDTH = 34
_DOT = 12
_NOT_WRITTEN = "Not written yet."


class TimelineCard(QFrame):
    """A cycle as Intention → What happened → What I learned → Loop reached (a row its
    template has no stage for is left out); Enter or double-click opens it,
    and its context menu (right-click, or the Menu key) opens it or moves it to the trash.

    Signals: activated(str) and trashRequested(str), with the cycle id.
    """

    activated = Signal(str)
    trashRequested = Signal(str)

    def __init__(
        self,
        step: TimelineStep,
        number: int,
        *,
        first: bool,
        last: bool,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.cycle_id = step.cycle_id
        self._status = step.status
        self._first, self._last = first, last
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(f"Cycle {number}: {step.title}, {step.status.label}")
        self.setAccessibleDescription("Press Enter to open this cycle")
        self.setToolTip("Double-click or press Enter to open this cycle")
        self.open_action = QAction("&Open", self)
        self.open_action.triggered.connect(self._open)
        self.trash_action = QAction("&Move to trash", self)
        self.trash_action.triggered.connect(self._trash)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.addActions([self.open_action, self.trash_action])

        self.title_label = plain_label(f"{number}. {step.title}", "Cycle title")
        set_relative_font(self.title_label, 1.15, bold=True)
        when = experiment_phrase(step.experiment_date, step.status, today)
        meta = " · ".join(p for p in (step.status.label, when) if p)
        self.meta_label = quiet_note(meta)
        self.meta_label.setAccessibleName("Status and date")
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(12)
        rows = [
            (name, text)
            for name, text in (
                ("Intention", step.intention),
                ("What happened", step.outcome),
                ("What I learned", step.learning),
                ("Loop reached", step.loop.label),
            )
            if text is not None
        ]
        self.snippets: dict[str, QLabel] = {}
        for row, (name, text) in enumerate(rows):
            caption = QLabel(f"<b>{name}</b>")
            caption.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            value = plain_label(text or _NOT_WRITTEN, name)
            if not text:
                value.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            grid.addWidget(caption, row, 0)
            grid.addWidget(value, row, 1)
            self.snippets[name] = value
        layout = QVBoxLayout(self)
        layout.setContentsMargins(RAIL_WIDTH + 10, 10, 12, 12)
        layout.addWidget(self.title_label)
        layout.addWidget(self.meta_label)
        layout.addLayout(grid)

    @Slot()
    def _open(self) -> None:
        self.activated.emit(self.cycle_id)

    @Slot()
    def _trash(self) -> None:
        self.trashRequested.emit(self.cycle_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter or Space opens the cycle; Up and Down move between cycles."""
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.cycle_id)
        elif key == Qt.Key.Key_Down:
            self.focusNextChild()
        elif key == Qt.Key.Key_Up:
            self.focusPreviousChild()
        else:
            super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Double-click opens the cycle."""
        self.activated.emit(self.cycle_id)
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:
        """The card, the rail through it and the status dot; a highlight when focused."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        card = QRectF(RAIL_WIDTH, 2, self.width() - RAIL_WIDTH - 1, self.height() - 5)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(card, 6, 6)
        if self.hasFocus():
            paint_focus_ring(painter, card, palette, radius=6)

        centre_x = RAIL_WIDTH / 2
        dot_y = 10 + self.title_label.height() / 2
        rail = palette.color(QPalette.ColorRole.Mid)
        painter.setPen(QPen(rail, 2))
        top = dot_y if self._first else 0
        bottom = dot_y if self._last else self.height()
        painter.drawLine(QPointF(centre_x, top), QPointF(centre_x, bottom))
        accent = palette.color(QPalette.ColorRole.Highlight)
        painter.setPen(QPen(accent, 2))
        base = palette.color(QPalette.ColorRole.Window)
        painter.setBrush(accent if self._status is CycleStatus.REVIEWED else base)
        dot = QRectF(centre_x - _DOT / 2, dot_y - _DOT / 2, _DOT, _DOT)
        painter.drawEllipse(dot)
        if self._status is CycleStatus.IN_PROGRESS:
            painter.setBrush(accent)
            painter.drawPie(dot, 90 * 16, 180 * 16)
        painter.end()
