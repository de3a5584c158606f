"""The three domains of experience as one compact row of tick boxes beside the writing.

Each explanation is the box's tooltip and accessible description, so the row takes one line
of the editor (the boxes one under another beside "Domains:" when the column is too narrow for
one, and under it too when narrower still), never the room the text needs.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QCheckBox, QLabel, QWidget

from app.writing.domains import Domain

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
        self._label = QLabel("Domains:")
        self._label.setToolTip("The domains of experience this entry is about")
        self._layout.addWidget(self._label)
        self._parts: list[QWidget] = [self._label]
        self._boxes_layout = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._boxes_layout.setSpacing(_SPACING)
        for domain in Domain:
            box = QCheckBox(domain.label)
            box.setAccessibleName(domain.label)
            box.setAccessibleDescription(domain.explanation)
            box.setToolTip(domain.explanation)
            self._boxes_layout.addWidget(box)
            self._parts.append(box)
            self.boxes[domain] = box
        self._layout.addLayout(self._boxes_layout)
        self._layout.addStretch(1)

    def _row_width(self) -> int:
        """The width the label and boxes need side by side."""
        return sum(part.sizeHint().width() for part in self._parts) + _SPACING * len(self.boxes)

    def minimumSizeHint(self) -> QSize:
        """As narrow as the widest box (the row stacks), so it never widens the editor."""
        hints = [part.minimumSizeHint() for part in self._parts]
        return QSize(max(h.width() for h in hints), max(h.height() for h in hints))

    def _beside_width(self) -> int:
        """The width "Domains:" needs with the boxes stacked beside it."""
        widest = max(box.sizeHint().width() for box in self.boxes.values())
        return self._label.sizeHint().width() + _SPACING + widest

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Side by side when there is room, else the boxes stacked beside or under the label."""
        super().resizeEvent(event)
        width = event.size().width()
        across = QBoxLayout.Direction.LeftToRight
        down = QBoxLayout.Direction.TopToBottom
        outer, inner = (across, across) if width >= self._row_width() else (across, down)
        if width < self._beside_width():
            outer = down
        if self._layout.direction() != outer or self._boxes_layout.direction() != inner:
            self._layout.setDirection(outer)
            self._boxes_layout.setDirection(inner)
            self._layout.setSpacing(_SPACING if outer is across else 2)
            self._boxes_layout.setSpacing(_SPACING if inner is across else 2)
            label_place = (
                Qt.AlignmentFlag.AlignVCenter if inner is across else Qt.AlignmentFlag.AlignTop
            )
            self._layout.setAlignment(self._label, label_place)
            self.updateGeometry()
