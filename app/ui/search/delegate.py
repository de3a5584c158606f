"""How a search result looks: title, what it is and when, and the snippet with the matches bold."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from app.search.full_text import SearchHit
from app.ui.search.results_model import HIT_ROLE, KIND_LABELS
from app.ui.widgets.dates import local_day
from app.ui.widgets.row_painting import draw_row_background, small_font, title_font

SNIPPET_LINES = 2
_PAD = 8
_LINE_GAP = 3
_GAP = 12
_ELLIPSIS = "…"

_Index = QModelIndex | QPersistentModelIndex


def snippet_layout(
    hit: SearchHit, font: QFont, match_fill: QColor, quiet: QColor | None = None
) -> QTextLayout:
    """What the hit is, then its snippet, as a text layout (not yet laid out) whose matching
    words are bold on `match_fill`; the kind is in the `quiet` colour when one is given."""
    text = f"{KIND_LABELS[hit.kind]} · "
    kind = QTextCharFormat()
    if quiet is not None:
        kind.setForeground(quiet)
    kind_range = QTextLayout.FormatRange()
    kind_range.start, kind_range.length, kind_range.format = 0, len(text), kind
    ranges: list[QTextLayout.FormatRange] = [kind_range]
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    bold.setBackground(match_fill)
    for part, is_match in hit.snippet_parts():
        part = " ".join(part.splitlines())
        if is_match:
            found = QTextLayout.FormatRange()
            found.start, found.length, found.format = len(text), len(part), bold
            ranges.append(found)
        text += part
    layout = QTextLayout(text, font)
    layout.setFormats(ranges)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    return layout


class SearchHitDelegate(QStyledItemDelegate):
    """Paints a hit on three lines: title and date, then what it is and the snippet."""

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        """Room for the title line and the snippet lines (the same for every row)."""
        title = QFontMetrics(title_font(option.font)).height()
        snippet = QFontMetrics(option.font).lineSpacing() * SNIPPET_LINES
        return QSize(120, 2 * _PAD + title + _LINE_GAP + snippet)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        """Draw the row with the style's own background, selection and focus."""
        hit = index.data(HIT_ROLE)
        if not isinstance(hit, SearchHit):
            super().paint(painter, option, index)
            return
        colours = draw_row_background(self, painter, option, index)
        text_colour, quiet_colour = colours.text, colours.quiet
        selected, group = colours.selected, colours.group
        area = option.rect.adjusted(_PAD, _PAD, -_PAD, -_PAD)
        painter.save()
        bottom = self._paint_title_line(painter, option.font, hit, area, text_colour, quiet_colour)
        # Bold marks a match; the tint is extra, and on a selected row any tint would take
        # the row's text below AA contrast (app.ui.widgets.text_colours.MATCH).
        fill = QColor(option.palette.color(group, QPalette.ColorRole.Highlight))
        fill.setAlpha(0 if selected else 45)
        painter.setPen(text_colour)
        layout = snippet_layout(hit, option.font, fill, quiet_colour)
        self._paint_snippet(painter, layout, area.adjusted(0, bottom, 0, 0))
        painter.restore()

    def _paint_title_line(
        self,
        painter: QPainter,
        font: QFont,
        hit: SearchHit,
        area: QRect,
        text_colour: QColor,
        quiet_colour: QColor,
    ) -> int:
        """Title on the left, the local date on the right; returns the height used."""
        bold = title_font(font)
        title_metrics = QFontMetrics(bold)
        small = small_font(font)
        small_metrics = QFontMetrics(small)
        line = QRect(area.left(), area.top(), area.width(), title_metrics.height())
        about = local_day(hit.date)
        # A pixel or two spare: advances are rounded, and elidedText must not cut the date.
        about_width = min(small_metrics.horizontalAdvance(about) + 2, area.width() // 2)
        painter.setFont(small)
        painter.setPen(quiet_colour)
        painter.drawText(
            line,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            small_metrics.elidedText(about, Qt.TextElideMode.ElideRight, about_width),
        )
        title_width = max(area.width() - about_width - _GAP, 0)
        painter.setFont(bold)
        painter.setPen(text_colour)
        painter.drawText(
            QRect(line.left(), line.top(), title_width, line.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            title_metrics.elidedText(hit.title, Qt.TextElideMode.ElideRight, title_width),
        )
        return line.height() + _LINE_GAP

    @staticmethod
    def _paint_snippet(painter: QPainter, layout: QTextLayout, area: QRect) -> None:
        """Up to SNIPPET_LINES wrapped lines; a last line that does not fit ends in "…"."""
        metrics = QFontMetrics(layout.font())
        width = area.width()
        layout.beginLayout()
        y = 0.0
        lines = []
        # One line more than is shown, below the clip, says whether the text runs over.
        for _ in range(SNIPPET_LINES + 1):
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, y))
            y += line.height()
            lines.append(line)
        layout.endLayout()
        overflow = len(lines) > SNIPPET_LINES
        lines = lines[:SNIPPET_LINES]
        origin = QPointF(area.left(), area.top())
        if not overflow:
            layout.draw(painter, origin)
            return
        # Draw every line but the last in full; clip the last short of an ellipsis.
        last = lines[-1]
        ellipsis_width = metrics.horizontalAdvance(_ELLIPSIS)
        painter.save()
        painter.setClipRect(
            QRectF(area.left(), area.top(), width, last.y()), Qt.ClipOperation.ReplaceClip
        )
        layout.draw(painter, origin)
        painter.setClipRect(
            QRectF(area.left(), area.top() + last.y(), width - ellipsis_width, last.height()),
            Qt.ClipOperation.ReplaceClip,
        )
        layout.draw(painter, origin)
        painter.restore()
        end = min(last.naturalTextWidth(), width - ellipsis_width)
        painter.setFont(layout.font())
        painter.drawText(
            QPointF(area.left() + end, area.top() + last.y() + last.ascent()), _ELLIPSIS
        )
