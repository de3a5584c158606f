"""Short lists of cycles, entries or lines of inquiry: a Qt model, a two-line row, a view.

Each row shows a title and a quieter detail line with the domain chips the entry list uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.ui.widgets.row_list_model import RowListModel
from app.ui.widgets.row_painting import (
    CHIP_GAP,
    BadgeText,
    chips_width,
    draw_row_background,
    paint_badge,
    paint_chips,
    paint_title,
    title_font,
)
from app.ui.widgets.text_size import scaled_font
from app.writing.domains import Domain

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 11
"""data() for this role is the row's id."""
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 12
"""data() for this role is the row's detail line."""
DOMAINS_ROLE = Qt.ItemDataRole.UserRole + 13
"""data() for this role is the row's domains (a tuple of Domain)."""

_Index = QModelIndex | QPersistentModelIndex
_PAD = 8
_GAP = 4


@dataclass(frozen=True)
class ListItem:
    """One row: what it is (id), its title, a detail line and its domains."""

    id: str
    title: str
    detail: str = ""
    domains: tuple[Domain, ...] = ()


class ItemListModel(RowListModel[ListItem]):
    """A short, fully loaded list of ListItems."""

    def row_data(self, row: ListItem, role: int) -> Any:
        """Title for display; the whole row in words for screen readers and tooltips."""
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            domains = ", ".join(d.label for d in row.domains)
            return ". ".join(p for p in (row.title, row.detail, domains) if p)
        if role == ITEM_ID_ROLE:
            return row.id
        if role == DETAIL_ROLE:
            return row.detail
        if role == DOMAINS_ROLE:
            return row.domains
        return None

    def row_id(self, row: ListItem) -> str:
        """The item's id."""
        return row.id

    def set_items(self, items: list[ListItem]) -> None:
        """Replace every row."""
        self._reset_rows(list(items))

    def item(self, row: int) -> ListItem:
        """The row's item."""
        return self._rows[row]


class TwoLineDelegate(QStyledItemDelegate):
    """Paints a row's title, then its detail line and domain chips, in palette colours.

    `badges`, when set, gives a short marker for a row's id ("2 new" comments), drawn at the
    end of its title line.
    """

    badges: BadgeText | None = None

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        """Room for two lines."""
        title = QFontMetrics(title_font(option.font)).height()
        small = QFontMetrics(_small_font(option)).height() + 2
        return QSize(220, 2 * _PAD + title + _GAP + small)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        """The style's own background, selection and focus, then the two lines."""
        colours = draw_row_background(self, painter, option, index)
        area = option.rect.adjusted(_PAD + 2, _PAD, -_PAD, -_PAD)

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        badge = self.badges(str(index.data(ITEM_ID_ROLE))) if self.badges is not None else ""
        title_area = area
        if badge:
            line = QRect(area.left(), area.top(), area.width(), QFontMetrics(option.font).height())
            left = paint_badge(painter, option.font, badge, line, option.palette, colours)
            title_area = area.adjusted(0, 0, left - area.right() - CHIP_GAP, 0)
        title_rect = paint_title(painter, option.font, title, title_area, colours.text)
        small = _small_font(option)
        metrics = QFontMetrics(small)
        top = title_rect.bottom() + 1 + _GAP
        height = metrics.height() + 2
        painter.setFont(small)
        domains = index.data(DOMAINS_ROLE) or ()
        detail = str(index.data(DETAIL_ROLE) or "")
        detail_room = max(area.width() - chips_width(domains, metrics) - CHIP_GAP, 40)
        detail = metrics.elidedText(detail, Qt.TextElideMode.ElideRight, detail_room)
        painter.setPen(colours.quiet)
        detail_width = metrics.horizontalAdvance(detail)
        painter.drawText(
            QRect(area.left(), top, detail_width + 1, height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            detail,
        )
        x = area.left() + detail_width + (2 * CHIP_GAP if detail else 0)
        paint_chips(painter, domains, QRect(x, top, 0, height), area.right(), metrics, colours)
        painter.restore()


def _small_font(option: QStyleOptionViewItem) -> QFont:
    return scaled_font(option.font, 0.9)


class ItemList(QListView):
    """A list of ListItems with two-line rows; Enter or double-click activates a row.

    With `fit_contents` it grows to show every row, for lists inside a scrolling page.

    Signals: itemActivated(str) with the row's id; currentIdChanged(str) when another row
    becomes current.
    """

    itemActivated = Signal(str)
    currentIdChanged = Signal(str)

    def __init__(
        self, accessible_name: str, *, fit_contents: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.list_model = ItemListModel(self)
        self.setModel(self.list_model)
        self.delegate = TwoLineDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._fit = fit_contents
        if fit_contents:
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setFrameShape(QFrame.Shape.StyledPanel)
        self.activated.connect(self._activated)
        selection = self.selectionModel()
        if selection is not None:
            selection.currentChanged.connect(self._current_changed)

    def set_items(self, items: list[ListItem]) -> None:
        """Show these rows; the first is current (not selected), so Enter works at once."""
        self.list_model.set_items(items)
        selection = self.selectionModel()
        if items and selection is not None:
            selection.setCurrentIndex(
                self.list_model.index(0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        if self._fit:
            self.setFixedHeight(self._content_height())

    def select_id(self, item_id: str) -> bool:
        """Make the row with this id current and selected; False if it is not listed."""
        for row in range(self.list_model.rowCount()):
            if self.list_model.item(row).id == item_id:
                self.setCurrentIndex(self.list_model.index(row))
                return True
        return False

    def ids(self) -> list[str]:
        """The ids listed, in order."""
        return [self.list_model.item(row).id for row in range(self.list_model.rowCount())]

    def current_id(self) -> str | None:
        """The id of the current row."""
        index = self.currentIndex()
        return str(index.data(ITEM_ID_ROLE)) if index.isValid() else None

    def changeEvent(self, event: QEvent) -> None:
        """Keep a list that fits its rows doing so when the text size changes."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self._fit:
            self.setFixedHeight(self._content_height())

    def _content_height(self) -> int:
        rows = self.list_model.rowCount()
        if not rows:
            return 0
        return rows * self.sizeHintForRow(0) + 2 * self.frameWidth()

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.currentIdChanged.emit(str(current.data(ITEM_ID_ROLE)))

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        item_id = index.data(ITEM_ID_ROLE)
        if item_id:
            self.itemActivated.emit(str(item_id))
