"""The window's views and the rail down its left edge that moves between them."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal, Slot
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.ui.widgets.text_size import set_relative_font


class View(StrEnum):
    """What the window can show, in the order of the rail and of Ctrl+1 to Ctrl+7."""

    HOME = "home"
    ENTRIES = "entries"
    INQUIRIES = "inquiries"
    CYCLE = "cycle"
    SESSIONS = "sessions"
    COACHING = "coaching"
    INSIGHTS = "insights"

    @property
    def label(self) -> str:
        """The view's name on the rail and in the View menu."""
        return _LABELS[self]

    @property
    def menu_text(self) -> str:
        """The label with its View menu mnemonic (Insights' I is Zoom in's)."""
        return "I&nsights" if self is View.INSIGHTS else f"&{self.label}"

    @property
    def shortcut(self) -> str:
        """The key that shows it."""
        return f"Ctrl+{list(View).index(self) + 1}"


_LABELS = {
    View.HOME: "Home",
    View.ENTRIES: "Entries",
    View.INQUIRIES: "Lines of inquiry",
    View.CYCLE: "Cycle",
    View.SESSIONS: "Sessions",
    View.COACHING: "Coaching",
    View.INSIGHTS: "Insights",
}
_VIEW_ROLE = Qt.ItemDataRole.UserRole + 31
RAIL_WIDTH = 168
_ROW_HEIGHT = 40
_LABEL_INDENT = 14
_Index = QModelIndex | QPersistentModelIndex


class _RailDelegate(QStyledItemDelegate):
    """A rail row: the style's background, selection and focus ring across the whole row, the
    label indented inside it in the colour for the row's background (the rail shows the
    window's colour, not a list's)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        """Draw the row (its focus ring around the whole row, clear of the label)."""
        row = QStyleOptionViewItem(option)
        self.initStyleOption(row, index)
        text, row.text = row.text, ""
        widget = row.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, row, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        ink = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.WindowText
        painter.save()
        painter.setFont(row.font)
        painter.setPen(option.palette.color(ink))
        painter.drawText(
            option.rect.adjusted(_LABEL_INDENT, 0, -4, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            text,
        )
        painter.restore()


_ROW_PADDING = 16  # above and below a row's text
_TEXT_ROOM = _LABEL_INDENT + 2 * 12  # the label's indent, and room on either side


class NavigationRail(QListWidget):
    """The views, one a row; arrow keys, a click or Ctrl+1 to Ctrl+7 choose one.

    A view can be left off the rail (`set_available`): Coaching waits for a participant.

    Signals: viewChosen(str) with a View value when the person picks a view here.
    """

    viewChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Views")
        self.setAccessibleDescription(
            "Home, entries, lines of inquiry, the open cycle, sessions, for coaches coaching, "
            "and insights"
        )
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        set_relative_font(self, 1.08)
        self.setSpacing(2)
        self.setItemDelegate(_RailDelegate(self))
        viewport = self.viewport()
        assert viewport is not None
        viewport.setBackgroundRole(QPalette.ColorRole.Window)
        for view in View:
            item = QListWidgetItem(view.label)
            item.setData(_VIEW_ROLE, view.value)
            item.setToolTip(f"{view.label} ({view.shortcut})")
            self.addItem(item)
        self._fit_text()
        self.currentRowChanged.connect(self._row_changed)

    def changeEvent(self, event: QEvent) -> None:
        """Make room again when the text size changes (a larger system font)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_text()

    def _fit_text(self) -> None:
        # At least the usual size; more when the system's text is larger, so nothing is cut.
        metrics = self.fontMetrics()
        widest = max(metrics.horizontalAdvance(view.label) for view in View)
        width = max(RAIL_WIDTH, widest + _TEXT_ROOM)
        self.setFixedWidth(width)
        height = max(_ROW_HEIGHT, metrics.height() + _ROW_PADDING)
        for row in range(self.count()):
            item = self.item(row)
            if item is not None:
                item.setSizeHint(QSize(width - 8, height))

    def current_view(self) -> View | None:
        """The view highlighted."""
        item = self.currentItem()
        return View(str(item.data(_VIEW_ROLE))) if item is not None else None

    def set_current(self, view: View) -> None:
        """Highlight `view` (without saying it was chosen)."""
        self.blockSignals(True)
        self.setCurrentRow(list(View).index(view))
        self.blockSignals(False)

    def set_cycle_title(self, title: str) -> None:
        """Name the open cycle in the Cycle row's tooltip (the row keeps its short label)."""
        item = self.item(list(View).index(View.CYCLE))
        if item is not None:
            shown = f"Cycle: {title}" if title else View.CYCLE.label
            item.setToolTip(f"{shown} ({View.CYCLE.shortcut})")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, shown)

    def set_badge(self, view: View, count: int, words: str) -> None:
        """Show how many things wait in `view` after its name ("(3)"), and say what they are
        to screen readers and in the tooltip; 0 takes the badge away."""
        item = self.item(list(View).index(view))
        if item is None:
            return
        item.setText(f"{view.label} ({count})" if count else view.label)
        spoken = f"{view.label}: {words}" if count and words else view.label
        item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
        item.setToolTip(f"{spoken} ({view.shortcut})")

    def set_available(self, view: View, available: bool) -> None:
        """Show or hide the view's row (the arrow keys skip a hidden row)."""
        self.setRowHidden(list(View).index(view), not available)

    def is_available(self, view: View) -> bool:
        """True when the view's row is on the rail."""
        return not self.isRowHidden(list(View).index(view))

    @Slot(int)
    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(View):
            self.viewChosen.emit(list(View)[row].value)
