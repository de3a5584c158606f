"""A focus outline that can be seen: solid, two pixels, at least 3:1 against what is around it.

Styles draw keyboard focus faintly or only after a key press (Fusion's is a 30%-opaque
highlight, about 1.3:1). `FocusRingStyle` wraps whatever style the app runs with and draws
every focus rectangle (buttons, radio buttons, check boxes, list and tree rows, painted
delegates) with `paint_focus_ring`; widgets that paint themselves call it too.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionComplex,
    QStyleOptionFocusRect,
    QWidget,
)

from app.ui.widgets.contrast import LARGE_TEXT_RATIO, contrast_ratio
from app.ui.widgets.text_colours import focus, rgb

RING_WIDTH = 2


def paint_focus_ring(
    painter: QPainter,
    rect: QRect | QRectF,
    palette: QPalette,
    inside: QColor | None = None,
    radius: float = 0,
    ring: QColor | None = None,
) -> None:
    """A solid ring just inside `rect` in the palette's focus colour; when what is inside the
    ring (`inside`, e.g. a selected row's highlight) is too close to that colour, a second ring
    in the palette's text colour for that fill keeps the outline visible against it.
    `radius` rounds the corners, for a rounded card; `ring` replaces the focus colour."""
    ring = focus(palette) if ring is None else ring
    area = QRectF(rect).adjusted(RING_WIDTH / 2, RING_WIDTH / 2, -RING_WIDTH / 2, -RING_WIDTH / 2)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, radius > 0)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    pen = QPen(ring, RING_WIDTH)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    painter.setPen(pen)
    painter.drawRoundedRect(area, radius, radius)
    if inside is not None and contrast_ratio(rgb(ring), rgb(inside)) < LARGE_TEXT_RATIO:
        pen.setColor(_ink_on(palette, inside))
        painter.setPen(pen)
        inner = area.adjusted(RING_WIDTH, RING_WIDTH, -RING_WIDTH, -RING_WIDTH)
        painter.drawRoundedRect(inner, radius, radius)
    painter.restore()


def _ink_on(palette: QPalette, fill: QColor) -> QColor:
    inks = (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Text)
    return max(
        (palette.color(role) for role in inks),
        key=lambda ink: contrast_ratio(rgb(ink), rgb(fill)),
    )


_Element = QStyle.ControlElement
_Complex = QStyle.ComplexControl


class FocusRingStyle(QProxyStyle):
    """The app's style, with every focus rectangle drawn as a visible ring (`paint_focus_ring`)
    whether focus came from a key or a click.

    Buttons get one too: Fusion marks a focused push button only by the outline it already
    gives the default button, so focus on the default button could not be seen at all.
    """

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        """Draw as the wrapped style does, then a ring inside a focused push button."""
        super().drawControl(element, option, painter, widget)
        if element == _Element.CE_PushButton and option.state & QStyle.StateFlag.State_HasFocus:
            self._button_ring(painter, option)

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        """Draw as the wrapped style does, then a ring inside a focused tool button."""
        super().drawComplexControl(control, option, painter, widget)
        if control == _Complex.CC_ToolButton and option.state & QStyle.StateFlag.State_HasFocus:
            self._button_ring(painter, option)

    @staticmethod
    def _button_ring(painter: QPainter, option: QStyleOption) -> None:
        # Inside the bevel, in the label's colour: styles shade a button's face (Fusion's dark
        # face is far lighter than the palette's button colour) and the default button already
        # wears the accent, but the label's colour always stands out from the face.
        inside = option.rect.adjusted(3, 3, -3, -3)
        paint_focus_ring(
            painter,
            inside,
            option.palette,
            ring=option.palette.color(QPalette.ColorRole.ButtonText),
        )

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        """Draw focus rectangles ourselves; everything else as the wrapped style does."""
        if element != QStyle.PrimitiveElement.PE_FrameFocusRect:
            super().drawPrimitive(element, option, painter, widget)
            return
        inside = None
        if isinstance(option, QStyleOptionFocusRect) and option.backgroundColor.isValid():
            inside = option.backgroundColor
        paint_focus_ring(painter, option.rect, option.palette, inside)
