"""The chosen shared item, read-only: what it is, its text, and what changed since last time."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.sharing.workspace import SharedItemRecord
from app.ui.coach.item_html import item_html, stage_of_link
from app.ui.coach.rows import SharedRow
from app.ui.coach.word_diff import DiffColours, changes_html, changes_summary, word_changes
from app.ui.widgets.captions import heading, plain_label
from app.ui.widgets.fields import quiet_note
from app.ui.widgets.preview import PreviewBrowser
from app.ui.widgets.text_colours import DIFF_ADDED, DIFF_REMOVED, ground
from app.ui.widgets.text_size import follow_zoom

CHOOSE_AN_ITEM = "Choose an item on the left to read it."
SHARED_TEXT_TAB = "Shared text"
CHANGED_TAB = "What changed since your comment"
UPDATED_TAB = "What changed in this version"
LEGEND = (
    "Added words are underlined and marked [added: …]; removed words are struck through "
    "and marked [removed: …]."
)


class ItemReader(QWidget):
    """The item's title, who shared it and when, its domains, the Discussed tick, its text
    (a cycle stage by stage, each with "Comment on this stage") and a "What changed" tab.

    Signals: discussedToggled(bool) when the person ticks or unticks Discussed;
    stageCommentRequested(str) with a stage id when "Comment on this stage" is followed.
    """

    discussedToggled = Signal(bool)
    stageCommentRequested = Signal(str)

    EMPTY_PAGE = 0
    ITEM_PAGE = 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item: SharedItemRecord | None = None
        self.placeholder = quiet_note(CHOOSE_AN_ITEM)
        self.placeholder.setAccessibleName("No item chosen")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title_label = heading("", "Item title", 1.3)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.facts_label = plain_label("", "About this item")
        self.facts_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.state_label = plain_label("", "What is new about this item")
        self.discussed_box = QCheckBox("&Discussed")
        self.discussed_box.setAccessibleName("Discussed")
        self.discussed_box.setToolTip("Tick once you have talked this through in a session")
        self.text_view = PreviewBrowser()
        self.text_view.setAccessibleName("Shared text")
        self.changes_view = PreviewBrowser()
        self.changes_view.setAccessibleName("What changed")
        for view in (self.text_view, self.changes_view):
            follow_zoom(view)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Shared text and what changed")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.text_view, SHARED_TEXT_TAB)
        self.tabs.addTab(self.changes_view, CHANGED_TAB)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title_label, 1)
        top.addWidget(self.discussed_box, 0, Qt.AlignmentFlag.AlignTop)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.facts_label)
        layout.addWidget(self.state_label)
        layout.addSpacing(4)
        layout.addWidget(self.tabs, 1)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.placeholder)
        self.pages.addWidget(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

        self.discussed_box.toggled.connect(self.discussedToggled)
        self.text_view.anchorClicked.connect(self._link)

    def focus_chain(self) -> list[QWidget]:
        """Its controls in Tab order."""
        return [self.discussed_box, self.tabs, self.text_view, self.changes_view]

    def show_row(self, row: SharedRow) -> None:
        """Show this item (its text is rendered only when it is new or has changed)."""
        record = row.record
        shown = self.item
        same = shown is not None and _text_of(shown) == _text_of(record)
        self.item = record
        self.title_label.setText(record.title)
        domains = ", ".join(d.label for d in record.domains) or "No domain chosen"
        self.facts_label.setText(f"{row.detail} · {domains}")
        self.state_label.setText(" · ".join(row.badges))
        self.state_label.setVisible(bool(row.badges))
        self.discussed_box.blockSignals(True)
        self.discussed_box.setChecked(record.discussed)
        self.discussed_box.blockSignals(False)
        self.pages.setCurrentIndex(self.ITEM_PAGE)
        if same:
            return
        self.text_view.setHtml(item_html(record))
        changed = record.changed_since_comment or record.updated
        self.tabs.setTabVisible(1, changed)
        if changed:
            self.tabs.setTabText(1, CHANGED_TAB if record.changed_since_comment else UPDATED_TAB)
            self._show_changes(record)
        self.tabs.setCurrentIndex(1 if record.changed_since_comment else 0)

    def show_nothing(self) -> None:
        """No item is chosen."""
        self.item = None
        self.pages.setCurrentIndex(self.EMPTY_PAGE)

    @property
    def showing_changes(self) -> bool:
        """True when the "What changed" tab is offered."""
        return self.tabs.isTabVisible(1)

    def _show_changes(self, record: SharedItemRecord) -> None:
        pieces = word_changes(record.before, record.content)
        palette = self.palette()
        colours = DiffColours(
            added=ground(palette, DIFF_ADDED).name(), removed=ground(palette, DIFF_REMOVED).name()
        )
        self.changes_view.setHtml(
            f"<p><b>{changes_summary(pieces)}</b></p><p><small>{LEGEND}</small></p><hr>"
            f"<p>{changes_html(pieces, colours)}</p>"
        )

    @Slot(QUrl)
    def _link(self, url: QUrl) -> None:
        stage = stage_of_link(url)
        if stage is not None:
            self.stageCommentRequested.emit(stage)


def _text_of(item: SharedItemRecord) -> tuple[str, str, str, str]:
    """What the rendered text and the "What changed" tab depend on."""
    return (item.participant, item.item_id, item.content, item.before)
