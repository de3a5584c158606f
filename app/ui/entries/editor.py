"""The entry editor (a view): title, Markdown text with a preview, domains and tags."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.entries.draft_saver import EntryDraft
from app.ui.privacy.underline import PrivacyUnderline
from app.ui.widgets.domain_row import DomainRow
from app.ui.widgets.link_completer import LinkCompleter
from app.ui.widgets.linked_from import LinkedFromList
from app.ui.widgets.moves_panel import moves_toggle_button
from app.ui.widgets.preview import PreviewBrowser
from app.ui.widgets.spelling import check_spelling
from app.ui.widgets.tag_line_edit import TagLineEdit, join_tags
from app.ui.widgets.text_size import follow_zoom, set_relative_font
from app.writing.domains import Domain
from app.writing.entry_record import EntryRecord

BODY_PLACEHOLDER = (
    "What did you intend? What did you actually do? What happened, and what did you notice? "
    "What will you try next?\n\nMarkdown works here: **bold**, *italic*, - lists, # headings."
)


class EntryEditor(QWidget):
    """Edits one entry. Knows nothing of saving: it says when the person changed something.

    What could identify someone is underlined quietly in the text (`privacy`), with a tooltip.

    Signals: edited() after any change the person makes (not when an entry is shown).
    """

    edited = Signal()

    WRITE_TAB = 0
    PREVIEW_TAB = 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("Title (optional)")
        self.title_edit.setAccessibleName("Entry title")
        set_relative_font(self.title_edit, 1.3)

        self.body_edit = QPlainTextEdit()
        self.body_edit.setPlaceholderText(BODY_PLACEHOLDER)
        self.body_edit.setAccessibleName("Entry text")
        self.body_edit.setAccessibleDescription("The entry, written in Markdown")
        self.body_edit.setTabChangesFocus(True)
        document = self.body_edit.document()
        assert document is not None
        document.setDocumentMargin(10)
        follow_zoom(self.body_edit)
        self.privacy = PrivacyUnderline(self.body_edit)
        check_spelling(self.body_edit)
        self.links = LinkCompleter(self.body_edit)
        """`[[` offers entries and cycles to link to (once the window gives it `find`)."""
        self.preview = PreviewBrowser()
        follow_zoom(self.preview)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Write or preview")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.body_edit, "&Write")
        self.tabs.addTab(self.preview, "Pre&view")
        self.tabs.currentChanged.connect(self._tab_changed)

        # one compact row: the text being written keeps the room, even beside comments
        domains = DomainRow()
        self.domain_boxes: dict[Domain, QCheckBox] = domains.boxes
        for box in self.domain_boxes.values():
            box.toggled.connect(self._changed)

        self.tags_edit = TagLineEdit()
        self.tags_edit.setAccessibleName("Tags")
        tags_label = QLabel("&Tags:")
        tags_label.setBuddy(self.tags_edit)
        tags_row = QGridLayout()
        tags_row.addWidget(tags_label, 0, 0)
        tags_row.addWidget(self.tags_edit, 0, 1)
        self.moves_button = moves_toggle_button()
        """Shows or hides the reflective moves beside the text (the window gives it its command)."""
        tags_row.addWidget(self.moves_button, 0, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title_edit)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(domains)
        layout.addLayout(tags_row)
        self.linked_from = LinkedFromList()
        layout.addWidget(self.linked_from)

        self.title_edit.textEdited.connect(self._changed)
        self.body_edit.textChanged.connect(self._body_changed)
        self.tags_edit.textEdited.connect(self._changed)
        self._showing = False

        QWidget.setTabOrder(self.title_edit, self.tabs)
        QWidget.setTabOrder(self.tabs, self.body_edit)
        previous: QWidget = self.body_edit
        for box in self.domain_boxes.values():
            QWidget.setTabOrder(previous, box)
            previous = box
        QWidget.setTabOrder(previous, self.tags_edit)
        QWidget.setTabOrder(self.tags_edit, self.moves_button)
        QWidget.setTabOrder(self.moves_button, self.linked_from.list)

    def show_entry(self, record: EntryRecord) -> None:
        """Fill the fields with an entry, starting a fresh undo history for its text."""
        self.links.close_choices()
        self._showing = True
        try:
            self.title_edit.setText(record.title)
            self.body_edit.setPlainText(record.body)
            for domain, box in self.domain_boxes.items():
                box.setChecked(domain in record.domains)
            self.tags_edit.setText(join_tags(record.tags))
        finally:
            self._showing = False
        if self.tabs.currentIndex() == self.PREVIEW_TAB:
            self._render_preview()

    def draft(self) -> EntryDraft:
        """What the fields hold now."""
        return EntryDraft(
            title=self.title_edit.text(),
            body=self.body_edit.toPlainText(),
            domains=tuple(d for d, box in self.domain_boxes.items() if box.isChecked()),
            tags=self.tags_edit.tags(),
        )

    def set_known_tags(self, tags: list[str]) -> None:
        """Tags offered for completion."""
        self.tags_edit.set_known_tags(tags)

    def focus_text(self) -> None:
        """Put the cursor in the text, on the Write tab."""
        self.tabs.setCurrentIndex(self.WRITE_TAB)
        self.body_edit.setFocus()

    @Slot()
    def _changed(self) -> None:
        if not self._showing:
            self.edited.emit()

    @Slot()
    def _body_changed(self) -> None:
        self._changed()

    @Slot(int)
    def _tab_changed(self, index: int) -> None:
        if index == self.PREVIEW_TAB:
            self._render_preview()

    def _render_preview(self) -> None:
        self.preview.show_markdown(self.body_edit.toPlainText(), self.title_edit.text())
