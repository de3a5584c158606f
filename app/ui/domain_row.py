"""The three domains of experience as one compact row of tick boxes beside the writing.

Each explanation is the box's tooltip and accessible description, so the row takes one line
of the editor (three when the column is too narrow for one), never the room the text needs.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QCheckBox, QLabel, QWidget

from app.domains import Domain

_SPACING = 12


class DomainRow(QWidget):
    """ "Domains:" and a tick box per domain, side by side, or stacked when narrow."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Domains of experience")
        self.boxes: dict[Domain, QCheckBox] = {}
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(_SPACING)
        label = QLabel("Domains:")
        label.setToolTip("The domains of experience this entry is about")
        self._layout.addWidget(label)
        self._parts: list[QWidget] = [label]
        for domain in Domain:
            box = QCheckBox(domain.label)
            box.setAccessibleName(domain.label)
            box.setAccessibleDescription(domain.explanation)
            box.setToolTip(domain.explanation)
            self._layout.addWidget(box)
            self._parts.append(box)
            self.boxes[domain] = box
        self._layout.addStretch(1)

    def _row_width(self) -> int:
        """The width the label and boxes need side by side."""
        return sum(part.sizeHint().width() for part in self._parts) + _SPACING * len(self.boxes)

    def minimumSizeHint(self) -> QSize:
        """As narrow as the widest box (the row stacks), so it never widens the editor."""
        hints = [part.minimumSizeHint() for part in self._parts]
        return QSize(max(h.width() for h in hints), max(h.height() for h in hints))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Side by side when there is room, stacked when not."""
        super().resizeEvent(event)
        wanted = (
            QBoxLayout.Direction.LeftToRight
            if event.size().width() >= self._row_width()
            else QBoxLayout.Direction.TopToBottom
        )
        if self._layout.direction() != wanted:
            self._layout.setDirection(wanted)
            self._layout.setSpacing(_SPACING if wanted is QBoxLayout.Direction.LeftToRight else 2)
            self.updateGeometry()
