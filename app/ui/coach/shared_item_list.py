"""The list of shared items: title, who and when, domain chips and state badges in words."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.ui.coach.rows import ItemKey, SharedRow
from app.ui.widgets.row_list_model import RowListModel
from app.ui.widgets.row_painting import (
    CHIP_GAP,
    CHIP_PAD_X,
    chips_width,
    draw_row_background,
    paint_chips,
    paint_title,
    small_font,
    title_font,
)

ROW_ROLE = Qt.ItemDataRole.UserRole + 41
"""data() for this role is the row's SharedRow."""
_Index = QModelIndex | QPersistentModelIndex
_PAD = 8
_GAP = 4


class SharedItemModel(RowListModel[SharedRow]):
    """Shared items as read for the current filter, fully loaded."""

    def row_data(self, row: SharedRow, role: int) -> Any:
        """Title for display; the whole row in words for screen readers and tooltips."""
        if role == Qt.ItemDataRole.DisplayRole:
            return row.record.title
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return row.described()
        if role == ROW_ROLE:
            return row
        return None

    def row_id(self, row: SharedRow) -> str:
        """The participant and item id as one string."""
        return row.key.text

    def set_rows(self, rows: list[SharedRow]) -> None:
        """Replace every row."""
        self._reset_rows(list(rows))

    def rows(self) -> list[SharedRow]:
        """The rows, in order."""
        return list(self._rows)


class SharedItemDelegate(QStyledItemDelegate):
    """Three lines: the title; who, when and what kind, then the domain chips; the badges."""

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        """Room for the three lines."""
        title = QFontMetrics(title_font(option.font)).height()
        small = QFontMetrics(small_font(option.font)).height() + 2
        return QSize(240, 2 * _PAD + title + 2 * (_GAP + small))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        """The style's background, selection and focus, then the three lines."""
        row = index.data(ROW_ROLE)
        if not isinstance(row, SharedRow):
            super().paint(painter, option, index)
            return
        colours = draw_row_background(self, painter, option, index)
        area = option.rect.adjusted(_PAD + 2, _PAD, -_PAD, -_PAD)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        title_rect = paint_title(painter, option.font, row.record.title, area, colours.text)
        small = small_font(option.font)
        metrics = QFontMetrics(small)
        height = metrics.height() + 2
        painter.setFont(small)
        painter.setPen(colours.quiet)
        top = title_rect.bottom() + 1 + _GAP
        domains = row.record.domains
        detail_room = max(area.width() - chips_width(domains, metrics) - CHIP_GAP, 60)
        detail = metrics.elidedText(row.detail, Qt.TextElideMode.ElideRight, detail_room)
        detail_width = metrics.horizontalAdvance(detail)
        painter.drawText(
            QRect(area.left(), top, detail_width + 1, height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            detail,
        )
        chips_at = QRect(area.left() + detail_width + 2 * CHIP_GAP, top, 0, height)
        paint_chips(painter, domains, chips_at, area.right(), metrics, colours)
        top += height + _GAP
        x = area.left()
        for badge in row.badges:
            width = metrics.horizontalAdvance(badge) + 2 * CHIP_PAD_X
            if x + width > area.right():
                painter.setPen(colours.text)
                painter.drawText(
                    QRect(x, top, max(area.right() - x, 0), height),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    "…",
                )
                break
            box = QRectF(x, top, width, height).adjusted(0.5, 0.5, -0.5, -0.5)
            painter.setPen(colours.text)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box, 3, 3)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, badge)
            x += width + CHIP_GAP
        painter.restore()


class SharedItemList(QListView):
    """Shared items, one three-line row each; choosing a row (keys or mouse) opens it.

    Signals: itemChosen(str) with the row's ItemKey text when another row becomes current.
    """

    itemChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Shared items")
        self.item_model = SharedItemModel(self)
        self.setModel(self.item_model)
        self.setItemDelegate(SharedItemDelegate(self))
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        selection = self.selectionModel()
        assert selection is not None
        selection.currentChanged.connect(self._current_changed)

    def set_rows(self, rows: list[SharedRow], keep: ItemKey | None) -> bool:
        """Show these rows, with `keep` chosen again if listed; True when it was."""
        self.blockSignals(True)
        self.item_model.set_rows(rows)
        kept = keep is not None and self.select_key(keep)
        self.blockSignals(False)
        return kept

    def select_key(self, key: ItemKey) -> bool:
        """Make this item's row current and selected; False when it is not listed."""
        position = self.item_model.row_of(key.text)
        if position is None:
            return False
        self.setCurrentIndex(self.item_model.index(position))
        return True

    def update_row(self, row: SharedRow) -> None:
        """Show an item's new state where it is listed."""
        self.item_model.update(row)

    def titles(self) -> list[str]:
        """The titles listed, in order."""
        return [r.record.title for r in self.item_model.rows()]

    def current_key(self) -> ItemKey | None:
        """The item on the current row."""
        row = self.currentIndex().data(ROW_ROLE)
        return row.key if isinstance(row, SharedRow) else None

    def row_for(self, key: ItemKey) -> SharedRow | None:
        """The listed row for this item."""
        position = self.item_model.row_of(key.text)
        return None if position is None else self.item_model.rows()[position]

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.data(ROW_ROLE)
        if isinstance(row, SharedRow):
            self.itemChosen.emit(row.key.text)
