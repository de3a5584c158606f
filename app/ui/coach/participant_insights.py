"""A participant's Insights as their coach sees them: counted from what they shared, and
nothing else, in the same tables the participant has in their own Insights view."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import QDialogButtonBox, QVBoxLayout, QWidget

from app.journal.opening import Journal
from app.sharing.insights import SharedInsights
from app.ui.insights.insights_page import InsightsPage
from app.ui.widgets.captions import plain_label
from app.ui.widgets.keyboard_safe_dialog import KeyboardSafeDialog
from app.ui.widgets.screen_fit import open_at_first_size

ONLY_SHARED = (
    "Counted from what {name} shared with you, and nothing else. Cycles shared by an older "
    "version of the app count in domains and themes only."
)


class ParticipantInsightsDialog(KeyboardSafeDialog):
    """Insights over one participant's shared items. Signal: openItem(str) with the id of a
    shared item to show in the Coaching view."""

    openItem = Signal(str)

    def __init__(
        self,
        journal: Journal,
        participant: str,
        name: str,
        settings: QSettings,
        *,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(f"Insights: what {name} shared")
        self.participant = participant
        self.page = InsightsPage(SharedInsights(journal, participant), settings, today=today)
        page_layout = self.page.layout()
        assert page_layout is not None  # the page lays itself out in __init__
        page_layout.setContentsMargins(0, 0, 0, 0)
        self.page.openEntry.connect(self.openItem)
        self.page.readCycle.connect(self.openItem)
        note = plain_label(ONLY_SHARED.format(name=name), "About these figures")
        note.setTextFormat(Qt.TextFormat.PlainText)  # it holds a card's name
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.page, 1)
        layout.addWidget(buttons)
        open_at_first_size(self)
        self.page.refresh()

    def done(self, result: int) -> None:
        """Let the figures being worked out finish before the dialog goes."""
        self.page.close_down()
        super().done(result)
