"""What every two-line list row shares: the style's background, palette colours and chips.

The entry list, the search results and the short lists of cycles and sessions all paint
their rows through these, so a row reads the same wherever it is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.ui.widgets.text_colours import CHIP_HUES
from app.writing.domains import Domain

CHIP_LABELS = {
    Domain.INDIVIDUAL: "Individual",
    Domain.TEAM: "Team",
    Domain.ORGANISATION: "Organisation",
}
"""Short names that fit on a chip; the full label is in the editor."""
CHIP_GAP = 6
CHIP_PAD_X = 6

BadgeText = Callable[[str], str]
"""A row's short marker by its item's id ("2 new" for unread comments), or "" for none."""

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class RowColours:
    """The palette colours a row is drawn in, following its selection and the window's focus."""

    text: QColor
    quiet: QColor
    group: QPalette.ColorGroup
    selected: bool


def chip_colours(domain: Domain, on_selection: QColor | None = None) -> tuple[QColor, QColor]:
    """Fill and outline for a domain's chip; on a selected row, an outline in its text colour
    and no fill (a tint would take the row's text below AA contrast)."""
    if on_selection is not None:
        outline = QColor(on_selection)
        return QColor(Qt.GlobalColor.transparent), outline
    hue = CHIP_HUES[domain]
    return QColor.fromHsv(hue, 160, 210, 80), QColor.fromHsv(hue, 170, 190, 200)


def small_font(font: QFont) -> QFont:
    """The font for a row's second line: a little smaller than the list's."""
    small = QFont(font)
    if font.pointSizeF() > 0:
        small.setPointSizeF(max(font.pointSizeF() * 0.88, 6.0))
    elif font.pixelSize() > 0:
        small.setPixelSize(max(round(font.pixelSize() * 0.88), 8))
    return small


def title_font(font: QFont) -> QFont:
    """The font for a row's title: the list's, a little bolder."""
    title = QFont(font)
    title.setWeight(QFont.Weight.DemiBold)
    return title


def draw_row_background(
    delegate: QStyledItemDelegate,
    painter: QPainter,
    option: QStyleOptionViewItem,
    index: _Index,
) -> RowColours:
    """Draw the style's own background, selection and focus (no text); return the colours.

    The focus ring comes from the style (app.ui.widgets.focus_ring.FocusRingStyle); the quiet colour
    is the palette's placeholder colour, which app.ui.widgets.readable_colours keeps at 4.5:1.
    """
    view_option = QStyleOptionViewItem(option)
    delegate.initStyleOption(view_option, index)
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
    text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
    text = option.palette.color(group, text_role)
    quiet = text if selected else option.palette.color(group, QPalette.ColorRole.PlaceholderText)
    return RowColours(text, quiet, group, selected)


def paint_title(painter: QPainter, font: QFont, title: str, area: QRect, colour: QColor) -> QRect:
    """The title along the top of `area`, bold and elided; returns the rectangle it took."""
    bold = title_font(font)
    metrics = QFontMetrics(bold)
    painter.setFont(bold)
    painter.setPen(colour)
    rect = QRect(area.left(), area.top(), area.width(), metrics.height())
    painter.drawText(
        rect,
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        metrics.elidedText(title, Qt.TextElideMode.ElideRight, area.width()),
    )
    return rect


def chips_width(domains: tuple[Domain, ...], metrics: QFontMetrics) -> int:
    """How wide the chips for `domains` are, gaps included."""
    return sum(
        metrics.horizontalAdvance(CHIP_LABELS[d]) + 2 * CHIP_PAD_X + CHIP_GAP for d in domains
    )


def paint_chips(
    painter: QPainter,
    domains: tuple[Domain, ...],
    start: QRect,
    right_edge: int,
    metrics: QFontMetrics,
    colours: RowColours,
) -> None:
    """Domain chips from `start` rightwards; "+N" stands for the ones that do not fit."""
    x = start.left()
    for position, domain in enumerate(domains):
        label = CHIP_LABELS[domain]
        width = metrics.horizontalAdvance(label) + 2 * CHIP_PAD_X
        left_after = len(domains) - position - 1
        more = f"+{left_after + 1}"
        reserve = metrics.horizontalAdvance(more) + CHIP_GAP if left_after else 0
        if x + width + reserve > right_edge:
            painter.setPen(colours.text)
            painter.drawText(
                QRect(x, start.top(), right_edge - x, start.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                more,
            )
            return
        chip = QRectF(x, start.top(), width, start.height())
        fill, outline = chip_colours(domain, colours.text if colours.selected else None)
        painter.setPen(outline)
        painter.setBrush(fill)
        radius = start.height() / 2
        painter.drawRoundedRect(chip.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
        painter.setPen(colours.text)
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, label)
        x += width + CHIP_GAP


def paint_badge(
    painter: QPainter, font: QFont, text: str, area: QRect, palette: QPalette, colours: RowColours
) -> int:
    """A small pill with `text` at the right end of `area`, in the palette's highlight
    colours (inverted on a selected row); returns the x where it starts."""
    small = title_font(small_font(font))
    metrics = QFontMetrics(small)
    width = metrics.horizontalAdvance(text) + 2 * CHIP_PAD_X
    height = min(area.height(), metrics.height() + 2)
    pill = QRectF(area.right() - width, area.top() + (area.height() - height) / 2, width, height)
    fill = palette.color(colours.group, QPalette.ColorRole.Highlight)
    ink = palette.color(colours.group, QPalette.ColorRole.HighlightedText)
    if colours.selected:
        fill, ink = ink, fill
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    painter.drawRoundedRect(pill, height / 2, height / 2)
    painter.setFont(small)
    painter.setPen(ink)
    painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()
    return int(pill.left())
