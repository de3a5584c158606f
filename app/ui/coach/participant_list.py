"""The participants, one row each: the card name, then the counts on two quiet lines."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.ui.widgets.item_list import DETAIL_ROLE, ItemList
from app.ui.widgets.row_painting import draw_row_background, paint_title, small_font, title_font

_Index = QModelIndex | QPersistentModelIndex
_PAD = 7
_GAP = 3
_LINES = 2


class ParticipantDelegate(QStyledItemDelegate):
    """Paints the name, then up to two lines of counts (the detail's lines)."""

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        """Room for the name and two lines of counts."""
        title = QFontMetrics(title_font(option.font)).height()
        small = QFontMetrics(small_font(option.font)).height()
        return QSize(200, 2 * _PAD + title + _LINES * (_GAP + small))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        """The style's background, selection and focus, then the name and the counts."""
        colours = draw_row_background(self, painter, option, index)
        area = option.rect.adjusted(_PAD + 3, _PAD, -_PAD, -_PAD)
        painter.save()
        name = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        top = paint_title(painter, option.font, name, area, colours.text).bottom() + 1
        small = small_font(option.font)
        metrics = QFontMetrics(small)
        painter.setFont(small)
        painter.setPen(colours.quiet)
        for line in str(index.data(DETAIL_ROLE) or "").split("\n")[:_LINES]:
            top += _GAP
            painter.drawText(
                QRect(area.left(), top, area.width(), metrics.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(line, Qt.TextElideMode.ElideRight, area.width()),
            )
            top += metrics.height()
        painter.restore()


class ParticipantList(ItemList):
    """ "All participants", then each participant; arrow keys or a click choose one.

    Signals: as ItemList (currentIdChanged(str) with the fingerprint, "" for all).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Participants", parent=parent)
        self.setItemDelegate(ParticipantDelegate(self))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
