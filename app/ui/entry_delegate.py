"""How an entry row looks: its title, its local date and small domain chips."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.domains import Domain
from app.entries import EntrySummary
from app.ui.dates import local_day
from app.ui.entry_list_model import SUMMARY_ROLE

CHIP_LABELS = {
    Domain.INDIVIDUAL: "Individual",
    Domain.TEAM: "Team",
    Domain.ORGANISATION: "Organisation",
}
"""Short names that fit on a chip; the full label is in the editor."""
# Hues only: chips are translucent over the row's own background and use the palette's
# text colour, so they read in light and dark palettes alike.
_CHIP_HUES = {Domain.INDIVIDUAL: 200, Domain.TEAM: 35, Domain.ORGANISATION: 285}
_PAD = 8
_LINE_GAP = 4
_CHIP_GAP = 6
_CHIP_PAD_X = 6
_CHIP_PAD_Y = 1

_Index = QModelIndex | QPersistentModelIndex


def chip_colours(domain: Domain, on_selection: QColor | None = None) -> tuple[QColor, QColor]:
    """Fill and outline for a domain's chip; on a selected row, tints of its text colour."""
    if on_selection is not None:
        fill, outline = QColor(on_selection), QColor(on_selection)
        fill.setAlpha(60)
        outline.setAlpha(170)
        return fill, outline
    hue = _CHIP_HUES[domain]
    return QColor.fromHsv(hue, 160, 210, 80), QColor.fromHsv(hue, 170, 190, 200)


def small_font(font: QFont) -> QFont:
    """The font for a row's second line: a little smaller than the list's."""
    small = QFont(font)
    if font.pointSizeF() > 0:
        small.setPointSizeF(max(font.pointSizeF() * 0.88, 6.0))
    elif font.pixelSize() > 0:
        small.setPixelSize(max(round(font.pixelSize() * 0.88), 8))
    return small


class EntryDelegate(QStyledItemDelegate):
    """Paints two lines per entry: the title, then the date and the domain chips."""

    def __init__(self, *, show_deleted_date: bool = False) -> None:
        super().__init__()
        self._show_deleted = show_deleted_date

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        """Room for the title line and the date-and-chips line."""
        title_height = QFontMetrics(self._title_font(option.font)).height()
        small_height = QFontMetrics(small_font(option.font)).height() + 2 * _CHIP_PAD_Y
        return QSize(120, 2 * _PAD + title_height + _LINE_GAP + small_height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        """Draw the row with the style's own background, selection and focus."""
        summary = index.data(SUMMARY_ROLE)
        if not isinstance(summary, EntrySummary):
            super().paint(painter, option, index)
            return
        view_option = QStyleOptionViewItem(option)
        self.initStyleOption(view_option, index)
        view_option.text = ""
        widget = view_option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, view_option, painter, widget)

        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Active
            if option.state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        text_colour = option.palette.color(
            group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        quiet_colour = (
            text_colour
            if selected
            else option.palette.color(group, QPalette.ColorRole.PlaceholderText)
        )
        area = option.rect.adjusted(_PAD, _PAD, -_PAD, -_PAD)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        title_font = self._title_font(option.font)
        title_metrics = QFontMetrics(title_font)
        painter.setFont(title_font)
        painter.setPen(text_colour)
        title_rect = QRect(area.left(), area.top(), area.width(), title_metrics.height())
        painter.drawText(
            title_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            title_metrics.elidedText(summary.title, Qt.TextElideMode.ElideRight, area.width()),
        )

        small = small_font(option.font)
        metrics = QFontMetrics(small)
        line_top = title_rect.bottom() + 1 + _LINE_GAP
        line_height = metrics.height() + 2 * _CHIP_PAD_Y
        when = summary.deleted if self._show_deleted and summary.deleted else summary.created
        date_text = ("Deleted " if self._show_deleted else "") + local_day(when)
        painter.setFont(small)
        painter.setPen(quiet_colour)
        date_width = metrics.horizontalAdvance(date_text)
        painter.drawText(
            QRect(area.left(), line_top, date_width + 1, line_height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            date_text,
        )
        self._paint_chips(
            painter,
            summary.domains,
            QRect(area.left() + date_width + 2 * _CHIP_GAP, line_top, 0, line_height),
            area.right(),
            metrics,
            text_colour,
            selected,
        )
        painter.restore()

    def _paint_chips(
        self,
        painter: QPainter,
        domains: tuple[Domain, ...],
        start: QRect,
        right_edge: int,
        metrics: QFontMetrics,
        text_colour: QColor,
        selected: bool,
    ) -> None:
        x = start.left()
        for position, domain in enumerate(domains):
            label = CHIP_LABELS[domain]
            width = metrics.horizontalAdvance(label) + 2 * _CHIP_PAD_X
            left_after = len(domains) - position - 1
            more = f"+{left_after + 1}"
            reserve = metrics.horizontalAdvance(more) + _CHIP_GAP if left_after else 0
            if x + width + reserve > right_edge:
                painter.setPen(text_colour)
                painter.drawText(
                    QRect(x, start.top(), right_edge - x, start.height()),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    more,
                )
                return
            chip = QRectF(x, start.top(), width, start.height())
            fill, outline = chip_colours(domain, text_colour if selected else None)
            painter.setPen(outline)
            painter.setBrush(fill)
            radius = start.height() / 2
            painter.drawRoundedRect(chip.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
            painter.setPen(text_colour)
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, label)
            x += width + _CHIP_GAP

    @staticmethod
    def _title_font(font: QFont) -> QFont:
        title = QFont(font)
        title.setWeight(QFont.Weight.DemiBold)
        return title
