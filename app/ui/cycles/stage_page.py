"""One stage of the guided flow (a view): the prompt, hints on demand, and the writing space."""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt, Slot
from PySide6.QtGui import QFocusEvent, QPainter, QPaintEvent, QPalette, QResizeEvent, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.ui.widgets.alt_keys import keep_alt_letters_out
from app.ui.widgets.captions import heading, plain_label
from app.ui.widgets.focus_ring import paint_focus_ring
from app.ui.widgets.link_completer import LinkCompleter
from app.ui.widgets.moves_panel import moves_toggle_button
from app.ui.widgets.spelling import check_spelling
from app.ui.widgets.text_size import follow_zoom, set_relative_font
from app.writing.templates import Stage, StageTiming

WRITING_PLACEHOLDER = (
    "Write here, in your own words. A few honest lines are enough.\n\n"
    "Markdown works: **bold**, *italic*, - lists."
)
_WHEN = {
    StageTiming.BEFORE: "before the experiment",
    StageTiming.AFTER: "after the experiment",
}


class _PromptArea(QScrollArea):
    """The prompt, as tall as its wrapped lines where there is room, scrolling where not, so
    no part of it is ever out of reach."""

    def __init__(self, label: QLabel) -> None:
        super().__init__()
        self._label = label
        self.setWidget(label)
        label.setAutoFillBackground(False)  # setWidget fills it, which would hide the focus ring
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName("Stage prompt")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalScrollBar().rangeChanged.connect(self._reachable_when_scrolling)

    def _reachable_when_scrolling(self, _least: int, most: int) -> None:
        """A prompt cut short takes the focus (the arrow keys then scroll it), so its last
        lines can be read from the keyboard; a whole one is no Tab stop."""
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if most > 0 else Qt.FocusPolicy.NoFocus)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Show the ring."""
        super().focusInEvent(event)
        self.viewport().update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Take the ring away."""
        super().focusOutEvent(event)
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """A frameless area draws no focus of its own: a ring shows where the keys go."""
        super().paintEvent(event)
        if self.hasFocus():
            painter = QPainter(self.viewport())
            paint_focus_ring(painter, self.viewport().rect(), self.palette())
            painter.end()

    def sizeHint(self) -> QSize:
        """All the prompt's lines at the width it has."""
        width = max(self.width(), self._label.minimumSizeHint().width())
        return QSize(width, self._label.heightForWidth(width))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A new width wraps the prompt to a new height: ask the page for it."""
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()

    def minimumSizeHint(self) -> QSize:
        """Two lines: the rest scrolls into view."""
        lines = 2 * self._label.fontMetrics().lineSpacing()
        return QSize(self._label.minimumSizeHint().width(), min(lines, self.sizeHint().height()))


class StagePage(QWidget):
    """Shows one stage: "Stage 3 of 7", its title, the prompt large and clear, and hints.

    A view only: the flow fills it with `show_stage()` and reads `text_edit`.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.progress_label = QLabel()
        self.progress_label.setAccessibleName("Progress")
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName("Progress through the cycle")
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumHeight(6)
        self.title_label = heading("", "Stage title", 1.6)
        self.prompt_label = plain_label("", "Prompt")
        set_relative_font(self.prompt_label, 1.25)
        self.prompt_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.prompt_area = _PromptArea(self.prompt_label)

        self.hints_button = QPushButton("Show hin&ts")
        self.hints_button.setCheckable(True)
        self.hints_button.setAccessibleName("Show hints")
        self.hints_button.setToolTip("Hints and an example for this stage")
        self.hints_label = QLabel()
        self.hints_label.setTextFormat(Qt.TextFormat.RichText)
        self.hints_label.setWordWrap(True)
        self.hints_label.setAccessibleName("Hints")
        self.hints_frame = QFrame()
        self.hints_frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.hints_frame.setAutoFillBackground(True)
        self.hints_frame.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        hints_layout = QVBoxLayout(self.hints_frame)
        hints_layout.addWidget(self.hints_label)
        self.hints_frame.hide()
        self.hints_button.toggled.connect(self._toggle_hints)

        self.text_edit = QPlainTextEdit()
        keep_alt_letters_out(self.text_edit)
        self.text_edit.setAccessibleName("Your response")
        self.text_edit.setPlaceholderText(WRITING_PLACEHOLDER)
        self.text_edit.setTabChangesFocus(True)
        follow_zoom(self.text_edit, 1.1)
        check_spelling(self.text_edit)
        self.links = LinkCompleter(self.text_edit)
        """`[[` offers entries and cycles to link to (once the window gives it `find`)."""

        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_label)
        progress_row.addWidget(self.progress_bar, 1)
        self.hint_row = QHBoxLayout()
        """The hints button's row; the flow may add a toggle for the earlier stages to it."""
        self.hint_row.addWidget(self.hints_button)
        self.hint_row.addStretch(1)
        self.moves_button = moves_toggle_button()
        """Shows or hides the reflective moves beside the flow (the window gives it its command)."""
        self.hint_row.addWidget(self.moves_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(progress_row)
        layout.addSpacing(6)
        layout.addWidget(self.title_label)
        layout.addWidget(self.prompt_area)
        layout.addLayout(self.hint_row)
        layout.addWidget(self.hints_frame)
        self.context_slot = QVBoxLayout()
        """Where the flow puts what was written earlier when there is no room beside."""
        self.context_slot.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.context_slot)
        layout.addWidget(self.text_edit, 1)
        QWidget.setTabOrder(self.text_edit, self.hints_button)

    def show_stage(self, stage: Stage, number: int, total: int, text: str) -> None:
        """Fill the page for `stage`, stage `number` of `total`, with the stored text."""
        when = _WHEN[stage.when]
        self.progress_label.setText(f"Stage {number} of {total} · {when}")
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(number)
        optional = "" if stage.required else " (optional)"
        self.title_label.setText(f"{stage.title}{optional}")
        self.prompt_label.setText(stage.prompt)
        self.prompt_area.setVisible(bool(stage.prompt))
        self.prompt_area.updateGeometry()
        self.hints_label.setText(hints_html(stage))
        has_hints = bool(stage.hints or stage.examples)
        self.hints_button.setVisible(has_hints)
        self.hints_button.setChecked(False)
        self.links.close_choices()
        self.text_edit.setPlainText(text)
        self.text_edit.setAccessibleDescription(stage.prompt)
        self.text_edit.moveCursor(QTextCursor.MoveOperation.End)

    @Slot(bool)
    def _toggle_hints(self, shown: bool) -> None:
        self.hints_frame.setVisible(shown)
        self.hints_button.setText("Hide hin&ts" if shown else "Show hin&ts")
        self.hints_button.setAccessibleName("Hide hints" if shown else "Show hints")


def hints_html(stage: Stage) -> str:
    """The stage's hints as a list and its examples in italics, escaped."""
    parts = []
    if stage.hints:
        items = "".join(f"<li>{html.escape(h)}</li>" for h in stage.hints)
        parts.append(f"<ul style='margin-left: -20px'>{items}</ul>")
    for example in stage.examples:
        parts.append(f"<p><b>For example:</b> <i>{html.escape(example)}</i></p>")
    return "".join(parts)
