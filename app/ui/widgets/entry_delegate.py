"""How an entry row looks: its title, its local date and small domain chips."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from app.ui.widgets.dates import local_day
from app.ui.widgets.row_painting import (
    CHIP_GAP,
    BadgeText,
    draw_row_background,
    paint_badge,
    paint_chips,
    paint_title,
    small_font,
    title_font,
)
from app.writing.entry_record import EntrySummary

SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1
"""data() for this role is the row's EntrySummary (the entry list model gives it)."""

_PAD = 8
_LINE_GAP = 4
_CHIP_PAD_Y = 1

_Index = QModelIndex | QPersistentModelIndex


class EntryDelegate(QStyledItemDelegate):
    """Paints two lines per entry: the title, then the date and the domain chips.

    `badges`, when set, gives a short marker for an entry's id ("2 new" comments), drawn at
    the end of its title line.
    """

    def __init__(self, *, show_deleted_date: bool = False) -> None:
        super().__init__()
        self._show_deleted = show_deleted_date
        self.badges: BadgeText | None = None

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        """Room for the title line and the date-and-chips line."""
        title_height = QFontMetrics(title_font(option.font)).height()
        small_height = QFontMetrics(small_font(option.font)).height() + 2 * _CHIP_PAD_Y
        return QSize(120, 2 * _PAD + title_height + _LINE_GAP + small_height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        """Draw the row with the style's own background, selection and focus."""
        summary = index.data(SUMMARY_ROLE)
        if not isinstance(summary, EntrySummary):
            super().paint(painter, option, index)
            return
        colours = draw_row_background(self, painter, option, index)
        area = option.rect.adjusted(_PAD, _PAD, -_PAD, -_PAD)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        badge = self.badges(summary.id) if self.badges is not None else ""
        title_area = area
        if badge:
            line = QRect(area.left(), area.top(), area.width(), QFontMetrics(option.font).height())
            left = paint_badge(painter, option.font, badge, line, option.palette, colours)
            title_area = area.adjusted(0, 0, left - area.right() - CHIP_GAP, 0)
        title_rect = paint_title(painter, option.font, summary.title, title_area, colours.text)

        small = small_font(option.font)
        metrics = QFontMetrics(small)
        line_top = title_rect.bottom() + 1 + _LINE_GAP
        line_height = metrics.height() + 2 * _CHIP_PAD_Y
        when = summary.deleted if self._show_deleted and summary.deleted else summary.created
        date_text = ("Deleted " if self._show_deleted else "") + local_day(when)
        painter.setFont(small)
        painter.setPen(colours.quiet)
        date_width = metrics.horizontalAdvance(date_text)
        painter.drawText(
            QRect(area.left(), line_top, date_width + 1, line_height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            date_text,
        )
        paint_chips(
            painter,
            summary.domains,
            QRect(area.left() + date_width + 2 * CHIP_GAP, line_top, 0, line_height),
            area.right(),
            metrics,
            colours,
        )
        painter.restore()
