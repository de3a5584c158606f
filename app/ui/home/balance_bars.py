"""The balance of the three domains, drawn as three labelled bars (no chart library)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.home.overview import DomainBalance
from app.ui.widgets.focus_ring import paint_focus_ring
from app.ui.widgets.row_painting import chip_colours
from app.writing.domains import Domain

_ROW_GAP = 10
_BAR_HEIGHT_FACTOR = 1.4
_LABEL_GAP = 12
_MIN_BAR_WIDTH = 120


class DomainBalanceBars(QWidget):
    """Three horizontal bars, one per domain, each with its label and count.

    Colours are the domain chips' translucent hues over the palette's base, with the palette's
    text colour for words, so the bars read in light and dark themes alike.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._counts: dict[Domain, int] = dict.fromkeys(Domain, 0)
        self.setAccessibleName("Balance across the three domains")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def set_balance(self, balance: DomainBalance) -> None:
        """Show these counts."""
        self._counts = {d: balance.counts.get(d, 0) for d in Domain}
        words = "; ".join(f"{d.label}: {n}" for d, n in self._counts.items())
        self.setAccessibleDescription(words)
        self.setToolTip(words)
        self.update()

    def counts(self) -> dict[Domain, int]:
        """The counts shown."""
        return dict(self._counts)

    def _row_height(self) -> int:
        return round(QFontMetrics(self.font()).height() * _BAR_HEIGHT_FACTOR)

    def sizeHint(self) -> QSize:
        """Three rows of bars."""
        rows = len(Domain)
        return QSize(420, rows * self._row_height() + (rows - 1) * _ROW_GAP + 4)

    def minimumSizeHint(self) -> QSize:
        """Labels plus a short bar."""
        return QSize(self._label_width() + _MIN_BAR_WIDTH, self.sizeHint().height())

    def _label_width(self) -> int:
        metrics = QFontMetrics(self.font())
        return max(metrics.horizontalAdvance(d.label) for d in Domain) + _LABEL_GAP

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw each domain's label, its bar (scaled to the largest count) and the count."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        track = palette.color(QPalette.ColorRole.Base)
        track_line = palette.color(QPalette.ColorRole.Mid)
        metrics = QFontMetrics(self.font())
        label_width = self._label_width()
        count_width = metrics.horizontalAdvance("0000") + _LABEL_GAP
        bar_left = label_width
        bar_room = max(self.width() - label_width - count_width - 2, 10)
        largest = max(max(self._counts.values()), 1)
        row_height = self._row_height()
        for row, domain in enumerate(Domain):
            top = row * (row_height + _ROW_GAP) + 1
            painter.setPen(text)
            painter.drawText(
                QRectF(0, top, label_width, row_height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                domain.label,
            )
            radius = row_height / 4
            painter.setPen(track_line)
            painter.setBrush(track)
            painter.drawRoundedRect(
                QRectF(bar_left + 0.5, top + 0.5, bar_room - 1, row_height - 1), radius, radius
            )
            count = self._counts[domain]
            if count:
                fill, outline = chip_colours(domain)
                fill.setAlpha(170)
                painter.setPen(outline)
                painter.setBrush(fill)
                width = max(bar_room * count / largest, row_height / 2)
                painter.drawRoundedRect(
                    QRectF(bar_left + 0.5, top + 0.5, width - 1, row_height - 1), radius, radius
                )
            painter.setPen(text)
            painter.drawText(
                QRectF(bar_left + bar_room + _LABEL_GAP / 2, top, count_width, row_height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                str(count),
            )
        if self.hasFocus():
            paint_focus_ring(painter, self.rect(), palette)
        painter.end()
