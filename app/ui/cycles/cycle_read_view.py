"""Read a whole cycle as one page, as a coach or the participant would read it back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QPalette
from PySide6.QtWidgets import QWidget

from app.errors import JournalError
from app.journal.opening import Journal
from app.ui.widgets.preview import OpenUrl, PreviewBrowser
from app.ui.widgets.text_size import follow_zoom
from app.writing.cycle_records import InquiryRecord

if TYPE_CHECKING:
    # The page's HTML (and its Markdown) loads when a cycle is first read, not with the window.
    from app.ui.cycles.cycle_page import LinkedCycle

_FACTS_STYLE = "table.facts td { border: none; padding: 1px 14px 1px 0; }"
_PAGE_MARGIN = 18


class CycleReadView(PreviewBrowser):
    """The cycle rendered as one page; like the entry preview it never fetches anything.

    Constructor: CycleReadView(journal, cycle_id=None, parent=None); `show_cycle(id)` changes
    the cycle shown.

    Signals: openCycle(str) when the link to the previous or next cycle is followed.
    """

    openCycle = Signal(str)

    def __init__(
        self,
        journal: Journal,
        cycle_id: str | None = None,
        *,
        open_url: OpenUrl = QDesktopServices.openUrl,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(open_url, parent)
        self._journal = journal
        self.cycle_id = cycle_id
        self.setAccessibleName("Whole cycle")
        self._quiet = ""
        self._style_page()
        self.document().setDocumentMargin(_PAGE_MARGIN)
        follow_zoom(self)
        self.anchorClicked.connect(self._follow_cycle)
        if cycle_id is not None:
            self.show_cycle(cycle_id)

    def _style_page(self) -> bool:
        """Fill the palette's quiet colour into the page's style; True if it changed."""
        quiet = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        if quiet == self._quiet:
            return False
        self._quiet = quiet
        self._apply_palette_styles()
        sheet = self.document().defaultStyleSheet() + _FACTS_STYLE
        self.document().setDefaultStyleSheet(sheet + f"p.prompt {{ color: {quiet}; }}")
        return True

    def changeEvent(self, event: QEvent) -> None:
        """Draw the page again in the new colours when the palette changes (dark mode)."""
        super().changeEvent(event)
        if event.type() != QEvent.Type.PaletteChange or not hasattr(self, "_quiet"):
            return
        if self._style_page() and self.cycle_id is not None:
            self.show_cycle(self.cycle_id)

    def show_cycle(self, cycle_id: str) -> None:
        """Render the cycle (or say plainly why it cannot be shown)."""
        self.cycle_id = cycle_id
        store = self._journal.cycles
        try:
            cycle = store.get(cycle_id)
            inquiry: InquiryRecord | None = store.inquiry(cycle.inquiry_id)
            previous = self._linked(cycle.previous_id)
            following = self._linked(cycle.next_id)
            carried = store.carried_plan(cycle)
        except JournalError as exc:
            self.setPlainText(str(exc))
            return
        from app.ui.cycles.cycle_page import cycle_page_html

        template = self._journal.templates.get(cycle.template_id)
        written = "\n".join([carried, *(stage.text for stage in cycle.stages)])
        live = self.live_test(written)
        self.setHtml(cycle_page_html(cycle, template, inquiry, previous, following, carried, live))

    def _linked(self, cycle_id: str | None) -> LinkedCycle | None:
        from app.ui.cycles.cycle_page import LinkedCycle

        if cycle_id is None:
            return None
        return LinkedCycle(cycle_id, self._journal.cycles.get(cycle_id).display_title)

    @Slot(QUrl)
    def _follow_cycle(self, url: QUrl) -> None:
        from app.ui.cycles.cycle_page import CYCLE_SCHEME

        if url.scheme() == CYCLE_SCHEME and url.path():
            self.openCycle.emit(url.path())
