"""One Insights table, which is its own chart: each number sits on a bar as long as its share
of the table's largest number.

The table is a real table to assistive technology (rows, column headings, a number in each
cell), so the chart needs no second description; the bars are for the eye. Clicking a number,
or pressing Enter or Space on it, asks for the items it counts.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from app.insights.figures import Cell, Pick, Table

_Index = QModelIndex | QPersistentModelIndex
_CELL_ROLE = Qt.ItemDataRole.UserRole + 41
_BAR_HUE = 200
_MIN_COLUMN = 56
_ROW_FACTOR = 1.7


class _TableModel(QAbstractTableModel):
    """A figures table as rows and columns of counts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = Table("", "", (), ())
        self.largest = 0

    def show(self, table: Table) -> None:
        self.beginResetModel()
        self.table = table
        self.largest = max((c.count for r in table.rows for c in r.cells), default=0)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.table.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.table.columns)

    def cell(self, index: _Index) -> Cell | None:
        if not index.isValid():
            return None
        return self.table.rows[index.row()].cells[index.column()]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        cell = self.cell(index)
        if cell is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return str(cell.count)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            row = self.table.rows[index.row()].label
            column = self.table.columns[index.column()]
            return f"{row}, {column}: {cell.count}"
        if role == Qt.ItemDataRole.ToolTipRole and cell.pick is not None:
            return "Click, or press Enter, to list what this counts"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == _CELL_ROLE:
            return cell
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        if orientation == Qt.Orientation.Horizontal:
            columns = self.table.columns
            return columns[section] if 0 <= section < len(columns) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return None
        rows = self.table.rows
        return rows[section].label if 0 <= section < len(rows) else None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class _BarDelegate(QStyledItemDelegate):
    """A cell's number over a bar in proportion to the table's largest number."""

    def __init__(self, model: _TableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        cell = index.data(_CELL_ROLE)
        largest = self._model.largest
        if isinstance(cell, Cell) and cell.count and largest:
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            if not selected:
                area = QRectF(option.rect).adjusted(3, 4, -3, -4)
                area.setWidth(max(2.0, area.width() * cell.count / largest))
                painter.save()
                dark = option.palette.color(QPalette.ColorRole.Base).lightness() < 128
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor.fromHsv(_BAR_HUE, 150, 200 if dark else 230, 110))
                painter.drawRoundedRect(area, 3, 3)
                painter.restore()
        super().paint(painter, option, index)


class FigureTable(QTableView):
    """A table of counts; a click or Enter on a number emits picked(Pick, str) with the pick
    and a heading for the items ("Team or service, Jan 2026")."""

    picked = Signal(object, str)

    def __init__(
        self, name: str, *, wrap_headings: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self._model = _TableModel(self)
        self.setModel(self._model)
        self.setItemDelegate(_BarDelegate(self._model, self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(_MIN_COLUMN)
        header.setHighlightSections(False)
        # Long headings ("Organisation and wider context") wrap onto a second line; a tag
        # too long for its column ends in an ellipsis (its whole name is its tooltip).
        alignment = Qt.AlignmentFlag.AlignCenter
        header.setDefaultAlignment(
            alignment | Qt.TextFlag.TextWordWrap if wrap_headings else alignment
        )
        header.setTextElideMode(
            Qt.TextElideMode.ElideNone if wrap_headings else Qt.TextElideMode.ElideRight
        )
        self._header_height = round(self.fontMetrics().height() * 2.6)
        header.setFixedHeight(self._header_height)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(round(self.fontMetrics().height() * _ROW_FACTOR))
        rows.setHighlightSections(False)
        self.clicked.connect(self._pick)
        self.activated.connect(self._pick)

    def show_table(self, table: Table) -> None:
        """Show these counts."""
        self._model.show(table)
        self.setFixedHeight(self.sizeHint().height())
        self.setAccessibleName(table.caption)
        self.updateGeometry()

    def table(self) -> Table:
        """The counts shown."""
        return self._model.table

    def sizeHint(self) -> QSize:
        """Tall enough for every row: the page scrolls, not the table."""
        rows = self._model.rowCount()
        height = self._header_height + 2 * self.frameWidth()
        height += rows * self.verticalHeader().defaultSectionSize()
        width = self.verticalHeader().sizeHint().width() + _MIN_COLUMN * max(
            1, self._model.columnCount()
        )
        return QSize(width, height)

    def minimumSizeHint(self) -> QSize:
        """Every column at its narrowest and every row: the page scrolls, not the table."""
        return self.sizeHint()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Space lists a number's items, as Enter does."""
        if event.key() == Qt.Key.Key_Space and self.currentIndex().isValid():
            self._pick(self.currentIndex())
            return
        super().keyPressEvent(event)

    def _pick(self, index: QModelIndex) -> None:
        cell = self._model.cell(index)
        if cell is None or cell.pick is None:
            return
        table = self._model.table
        row = table.rows[index.row()].label
        column = table.columns[index.column()]
        self.picked.emit(cell.pick, _heading(cell.pick, row, column, table))


def _heading(pick: Pick, row: str, column: str, table: Table) -> str:
    """What a list of items is headed: the number's row and column in words."""
    if table.row_heading == "Month":
        return f"{column}, {row}"
    return row
