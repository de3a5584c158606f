"""What the participant wrote before the stage on screen (a view): read-only, collapsible.

Reflecting on what happened means comparing it with what was intended and planned, so the
earlier stages (and a plan carried over from the cycle before) stay in sight while writing.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QFrame, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from app.ui.widgets.preview import PreviewBrowser

SHOW_TEXT = "Earlier in this cycle"


@dataclass(frozen=True)
class EarlierText:
    """One piece of context: a heading and the participant's words (Markdown)."""

    heading: str
    text: str


class EarlierStages(QFrame):
    """A toggle and, below it, the earlier stages as one read-only page.

    `show_texts()` fills it and `set_shown()` shows or hides it; `set_expanded()` opens or
    folds it without saying so. Where there is no room for the panel, its owner may lay the
    toggle and the page out elsewhere (`take_parts()`, `keep_parts()`), and fold it while
    there is no room at all (`fold_for_room()`): the toggle still opens it, and it opens again
    by itself, as the person left it, when there is room.

    Signals: expandedChanged(bool) when the person opens or folds it.
    """

    expandedChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Earlier in this cycle")
        self.toggle = QToolButton()
        self.toggle.setText(SHOW_TEXT)
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setAutoRaise(True)
        self.toggle.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.toggle.toggled.connect(self._toggled)
        self.browser = PreviewBrowser()
        self.browser.setAccessibleName("What you wrote earlier")
        self.browser.setTabChangesFocus(True)
        self.browser.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.browser.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self._shown = False
        self._chosen = True  # open or folded, as the person left it
        self._no_room = False
        self.keep_parts()
        self._describe(True)

    def keep_parts(self) -> None:
        """Lay the toggle and the page out in the panel itself."""
        self._layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        self._layout.addWidget(self.browser, 1)

    def take_parts(self) -> None:
        """Let the owner lay out the toggle and the page (the panel itself stays empty)."""
        self._layout.removeWidget(self.toggle)
        self._layout.removeWidget(self.browser)

    @property
    def shown(self) -> bool:
        """True while there is something earlier to show and the flow shows it."""
        return self._shown

    def set_shown(self, shown: bool) -> None:
        """Show the toggle (and the page, if open) or hide them, wherever they are laid out."""
        self._shown = shown
        self.toggle.setVisible(shown)
        self.browser.setVisible(shown and self.expanded)

    @property
    def expanded(self) -> bool:
        """True while the earlier stages are shown."""
        return self.toggle.isChecked()

    def set_expanded(self, expanded: bool) -> None:
        """Open or fold the panel (as remembered), without emitting expandedChanged."""
        self._chosen = expanded
        self._check(expanded and not self._no_room)

    @property
    def opened_anyway(self) -> bool:
        """True while the person has opened the panel although there is no room for it."""
        return self._no_room and self.expanded

    def fold_for_room(self, no_room: bool, *, again: bool = False) -> bool:
        """Fold the page while there is no room for it, and open it again (if the person left
        it open) when there is; what the person chose is kept, and nothing is emitted.
        `again` folds it even if the person had opened it anyway. True if anything changed."""
        if no_room == self._no_room and not again:
            return False  # a person who opened it anyway keeps it open
        before = (self._no_room, self.expanded)
        self._no_room = no_room
        self._check(self._chosen and not no_room)
        return (self._no_room, self.expanded) != before

    def _check(self, expanded: bool) -> None:
        self.toggle.blockSignals(True)
        self.toggle.setChecked(expanded)
        self.toggle.blockSignals(False)
        self._describe(expanded)

    def show_texts(self, texts: list[EarlierText]) -> None:
        """Show these texts in order, each under its heading."""
        parts = [
            f"<h3>{html.escape(t.heading)}</h3>" + _markdown(t.text)
            for t in texts
            if t.text.strip()
        ]
        self.browser.setHtml("\n".join(parts))

    @Slot(bool)
    def _toggled(self, expanded: bool) -> None:
        self._chosen = expanded
        self.expandedChanged.emit(expanded)  # first, so the owner sizes the page to show it
        self._describe(expanded)

    def _describe(self, expanded: bool) -> None:
        self.browser.setVisible(self._shown and expanded)
        arrow = Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow
        self.toggle.setArrowType(arrow)
        self.toggle.setAccessibleName(
            "Hide what you wrote earlier" if expanded else "Show what you wrote earlier"
        )
        self.toggle.setToolTip(
            "Fold away the earlier stages" if expanded else "Show the earlier stages, read-only"
        )


def _markdown(text: str) -> str:
    # Markdown and the sanitiser load the first time context is shown, not at start-up.
    from app.writing.rendering import render_markdown

    return render_markdown(text)
