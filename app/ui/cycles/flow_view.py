"""The guided flow's frame (a view): context line, message strip, pages and the buttons."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.cycles.earlier_stages import EarlierStages
from app.ui.cycles.plan_pages import PlannedPage, TriedYetPage
from app.ui.cycles.review_page import ReviewPage
from app.ui.cycles.stage_page import StagePage
from app.ui.widgets.fields import quiet_note
from app.ui.widgets.message_bar import MessageBar
from app.ui.widgets.tab_order import chain_tab_order

READING_WIDTH = 860
"""Lines longer than this are hard to read; the flow keeps to a column."""
MIN_WRITING_WIDTH = 480
"""The earlier stages go beside the writing space only while it keeps this much width."""
SIDE_WIDTHS = (240, 340)
"""The narrowest and widest the earlier stages are beside the writing space."""
ABOVE_SHARE = 0.2
"""Above the writing space, the earlier stages take at most this share of the height."""
WRITING_LINES = 4
"""Above the writing space, the earlier stages fold away rather than leave it fewer lines."""
USEFUL_LINES = 3
"""Fewer lines of the earlier stages than this are not worth showing."""
_UNLIMITED = 16_777_215  # QWIDGETSIZE_MAX


class CycleFlowView(QWidget):
    """Lays out the flow: every page in a stack, and Back / Finish later / Skip / Next.

    What was written earlier in the cycle (`earlier`) sits beside the column when the window
    leaves the writing space room for it, and above the writing space, shorter, when not;
    where even that would make the window taller, it folds, and its toggle shows it in the
    writing space's place.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.earlier = EarlierStages()
        self.context_label = quiet_note("")
        self.context_label.setAccessibleName("Template and line of inquiry")
        self.message_bar = MessageBar()
        self.stage_page = StagePage()
        self.planned_page = PlannedPage()
        self.tried_page = TriedYetPage()
        self.review_page = ReviewPage()
        self.pages = QStackedWidget()
        self.pages.setAccessibleName("Cycle")
        for page in (self.stage_page, self.planned_page, self.tried_page, self.review_page):
            self.pages.addWidget(page)

        self.save_state_label = QLabel()
        self.save_state_label.setAccessibleName("Save status")
        self.back_button = QPushButton("Back")
        self.back_button.setAccessibleName("Back")
        self.back_button.setToolTip("Previous stage (Alt+Left or Ctrl+Page Up)")
        self.finish_later_button = QPushButton("Finish &later")
        self.finish_later_button.setAccessibleName("Finish later")
        self.finish_later_button.setToolTip("Everything is saved; come back to it any time")
        self.skip_button = QPushButton("S&kip")
        self.skip_button.setAccessibleName("Skip this stage")
        self.skip_button.setToolTip("Leave this stage empty for now; you can come back to it")
        self.next_button = QPushButton("Next  (Ctrl+Enter)")  # the key is shown, not only hovered
        self.next_button.setAccessibleName("Next")
        self.next_button.setToolTip("Next stage (Ctrl+Enter, Alt+Right or Ctrl+Page Down)")
        self.next_button.setDefault(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.save_state_label)
        buttons.addStretch(1)
        for button in (
            self.back_button,
            self.finish_later_button,
            self.skip_button,
            self.next_button,
        ):
            buttons.addWidget(button)

        column = QWidget()
        column.setMaximumWidth(READING_WIDTH)
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.addWidget(self.context_label)
        column_layout.addWidget(self.message_bar)
        column_layout.addWidget(self.pages, 1)
        column_layout.addLayout(buttons)
        self._side_slot = QVBoxLayout()
        self._side_slot.setContentsMargins(0, 0, 0, 0)
        self._side_slot.addStretch(0)
        self._outer = QHBoxLayout(self)
        self._outer.setContentsMargins(18, 12, 18, 12)
        self._outer.addStretch(0)
        self._outer.addWidget(column, 1)
        self._outer.addLayout(self._side_slot)
        self._outer.addStretch(0)
        self._side_slot.insertWidget(0, self.earlier)
        self.earlier_beside = True
        self.earlier.hide()
        self._chain_tabs()
        # the hints opening, or the text growing, changes the room left above the writing
        self.stage_page.text_edit.installEventFilter(self)

    def side_width(self) -> int:
        """How wide the earlier stages are when beside the writing space."""
        narrowest, widest = SIDE_WIDTHS
        return max(narrowest, min(widest, round(self.width() * 0.32)))

    def fits_beside(self) -> bool:
        """True when the earlier stages can go beside the writing space and leave it room."""
        margins = self._outer.contentsMargins()
        room = self.width() - margins.left() - margins.right() - self._outer.spacing()
        return room - self.side_width() >= MIN_WRITING_WIDTH

    def place_earlier(self) -> None:
        """Put the earlier stages beside or above the writing space, sized to fit."""
        beside = self.fits_beside()
        if beside != self.earlier_beside:
            self.earlier_beside = beside
            panel = self.earlier
            if beside:
                self.stage_page.hint_row.removeWidget(panel.toggle)
                self.stage_page.context_slot.removeWidget(panel.browser)
                panel.keep_parts()
            else:
                # above the writing, the toggle shares the hints' row: no height is lost to it
                panel.take_parts()
                self.stage_page.hint_row.insertWidget(1, panel.toggle)
                self.stage_page.context_slot.addWidget(panel.browser)
            panel.set_shown(panel.shown)
            self._chain_tabs()  # moving a widget can move it in the focus chain
        self.fit_earlier()

    def show_earlier(self, shown: bool) -> None:
        """Show the earlier stages (they have been filled) or hide them."""
        self.place_earlier()  # first: beside, shown at a width the window lacks, it would grow
        self.earlier.set_shown(shown)
        self.fit_earlier()

    def fit_earlier(self) -> None:
        """Size the earlier stages for where they are and whether they are open."""
        panel, browser = self.earlier, self.earlier.browser
        panel.setVisible(panel.shown and self.earlier_beside)
        text = self.stage_page.text_edit
        if self.earlier_beside:
            panel.fold_for_room(False)
            browser.setMinimumHeight(0)
            text.show()
            toggle = panel.toggle.sizeHint()
            browser.setMaximumHeight(_UNLIMITED)
            open_ = panel.expanded
            panel.setMaximumHeight(_UNLIMITED if open_ else toggle.height())
            panel.setMinimumWidth(self.side_width() if open_ else 0)
            panel.setMaximumWidth(self.side_width() if open_ else toggle.width())
            # open, the panel takes the column's height; folded, the stretch below it does
            self._side_slot.setStretch(0, 1 if open_ else 0)
            self._side_slot.setStretch(1, 0 if open_ else 1)
            return
        # Above the writing, the earlier stages never make the window taller: they take what
        # the writing can spare, and fold away when that is too little to read. Opened anyway,
        # they take the writing's place until they are folded again. Sizes are set before
        # anything is shown: showing a widget lays out its window at once, which grows it.
        useful = _lines_tall(browser, USEFUL_LINES)
        room = self._room_above()
        no_room = room < useful
        if panel.opened_anyway:  # in the writing's place, no taller than it could be
            browser.setMinimumHeight(min(useful, text.minimumSizeHint().height()))
            browser.setMaximumHeight(_UNLIMITED)
        elif no_room:
            browser.setMinimumHeight(1)  # 1, not 0: 0 would bring back the box's own minimum
            browser.setMaximumHeight(_UNLIMITED)
        else:
            browser.setMinimumHeight(useful)
            browser.setMaximumHeight(max(useful, min(room, round(self.height() * ABOVE_SHARE))))
        if panel.fold_for_room(no_room):
            self.fit_earlier()  # sized for the new state
            return
        text.setVisible(not (panel.shown and panel.opened_anyway))

    def write_first(self) -> None:
        """Before a stage is shown: it opens on its writing space, with the earlier stages
        folded if there is no room for both (they may have been opened in its place)."""
        if not self.earlier_beside:
            useful = _lines_tall(self.earlier.browser, USEFUL_LINES)
            self.earlier.browser.setMinimumHeight(1)
            self.earlier.fold_for_room(self._room_above() < useful, again=True)
        self.stage_page.text_edit.show()

    def _room_above(self) -> int:
        """The height the writing space can spare above it and keep WRITING_LINES lines."""
        page = self.stage_page
        layout = page.layout()
        spacing = max(0, layout.spacing()) if layout is not None else 0
        # what is laid out above the two does not depend on which of them is shown
        above = [
            w.geometry().bottom() + 1
            for w in page.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if w.isVisibleTo(page) and w not in (page.text_edit, self.earlier.browser)
        ]
        # the prompt is owed all its lines before the earlier stages get any
        prompt = page.prompt_area
        owed = 0
        if prompt.isVisibleTo(page):
            owed = max(0, prompt.sizeHint().height() - prompt.height())
        shared = page.height() - (max(above, default=0) + owed + spacing)
        return shared - spacing - _lines_tall(page.text_edit, WRITING_LINES)

    def _chain_tabs(self) -> None:
        chain_tab_order(
            [
                self.stage_page.text_edit,
                self.stage_page.hints_button,
                self.stage_page.moves_button,
                self.earlier.toggle,
                self.earlier.browser,
                self.back_button,
                self.finish_later_button,
                self.skip_button,
                self.next_button,
            ]
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Move the earlier stages beside or above the writing space as the room changes."""
        super().resizeEvent(event)
        self.place_earlier()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Fit the earlier stages above the writing space again when its height changes."""
        if (
            watched is self.stage_page.text_edit
            and event.type() == QEvent.Type.Resize
            and not self.earlier_beside
            and self.earlier.shown
        ):
            self.fit_earlier()
        return super().eventFilter(watched, event)


def _lines_tall(box: QAbstractScrollArea, lines: int) -> int:
    """How tall a text box is that shows `lines` lines of its font."""
    margin = 4  # a document's margin, at least, above and below
    return lines * box.fontMetrics().lineSpacing() + 2 * box.frameWidth() + 2 * margin
