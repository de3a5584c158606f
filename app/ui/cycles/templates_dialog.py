"""Templates: every reflection template, the files that could not be loaded, and copies to edit."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.errors import JournalError
from app.journal.opening import Journal
from app.ui.cycles.template_editor import TemplateEditorDialog
from app.ui.cycles.template_page import problems_html, template_html, template_item
from app.ui.widgets.fields import InlineError, quiet_note, warning_icon
from app.ui.widgets.item_list import ItemList
from app.ui.widgets.keyboard_safe_dialog import KeyboardSafeDialog
from app.ui.widgets.preview import PreviewBrowser
from app.ui.widgets.screen_fit import resize_within_screen
from app.writing.templates import Template, duplicate_template, user_templates_dir

PROBLEMS_INTRO = "These template files could not be used. The other templates loaded as usual:"


class TemplatesDialog(KeyboardSafeDialog):
    """Lists the templates (built-in ones marked) and any files that failed to load.

    "Duplicate and edit" saves a copy as the participant's own and opens the editor on it;
    "Edit" opens the editor on one of their own. Templates are re-read when it opens.

    Constructor: TemplatesDialog(journal, parent=None). Show it with open() or exec().

    Signals: templatesChanged() after a template file was written and the library re-read.
    """

    templatesChanged = Signal()

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Reflection templates")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._journal = journal
        self.editor: TemplateEditorDialog | None = None
        self.template_list = ItemList("Templates")
        self.details = PreviewBrowser()
        self.details.setAccessibleName("About the template")
        self.problems_label = QLabel()
        self.problems_label.setTextFormat(Qt.TextFormat.RichText)
        self.problems_label.setWordWrap(True)
        self.problems_label.setAccessibleName("Template files that could not be used")
        self.problems_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems_frame = QFrame()
        self.problems_frame.setFrameShape(QFrame.Shape.StyledPanel)
        problems_layout = QHBoxLayout(self.problems_frame)
        problems_layout.addWidget(warning_icon(self, 24), 0, Qt.AlignmentFlag.AlignTop)
        problems_layout.addWidget(self.problems_label, 1)
        folder = user_templates_dir(journal.folder)
        self.folder_note = quiet_note(f"Your own templates are kept in {folder}")
        self.folder_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = InlineError("Templates problem")

        self.buttons = QDialogButtonBox()
        self.duplicate_button = self.buttons.addButton(
            "&Duplicate and edit...", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.duplicate_button.setAccessibleName("Duplicate and edit")
        self.edit_button = self.buttons.addButton(
            "&Edit...", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.edit_button.setAccessibleName("Edit")
        self.reload_button = self.buttons.addButton(
            "&Reload", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.reload_button.setAccessibleName("Reload templates")
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName("Close")
        close.clicked.connect(self.reject)
        self.duplicate_button.clicked.connect(self._duplicate)
        self.edit_button.clicked.connect(self._edit)
        self.reload_button.clicked.connect(self._reload_clicked)
        self.template_list.currentIdChanged.connect(self._show_current)
        self.template_list.itemActivated.connect(self._activated)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.template_list)
        splitter.addWidget(self.details)
        splitter.setSizes([300, 520])
        layout = QVBoxLayout(self)
        layout.addWidget(self.problems_frame)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.folder_note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        resize_within_screen(self, 860, 600)
        self.reload()

    def reload(self, select_id: str | None = None) -> None:
        """Read the templates again (picking up files added or fixed) and list them."""
        current = select_id or self.current_template_id()
        try:
            library = self._journal.reload_templates()
        except JournalError as exc:
            self.error.show_message(str(exc))
            return
        self.error.show_message("")
        self.template_list.set_items([template_item(t) for t in library.templates])
        if not (current and self.template_list.select_id(current)) and library.templates:
            self.template_list.select_id(library.templates[0].id)
        self._show_current()
        self.problems_frame.setVisible(bool(library.problems))
        self.problems_label.setText(f"{PROBLEMS_INTRO}{problems_html(library.problems)}")

    @Slot()
    def _reload_clicked(self) -> None:
        self.reload()

    def current_template_id(self) -> str | None:
        """The id of the template highlighted."""
        return self.template_list.current_id()

    def _current(self) -> Template | None:
        template_id = self.current_template_id()
        return self._journal.templates.get(template_id) if template_id else None

    @Slot()
    def _show_current(self) -> None:
        template = self._current()
        self.edit_button.setEnabled(template is not None and not template.shipped)
        self.duplicate_button.setEnabled(template is not None)
        if template is None:
            self.details.clear()
        else:
            self.details.setHtml(template_html(template))

    @Slot()
    def _activated(self) -> None:
        template = self._current()
        if template is not None and not template.shipped:
            self._edit()

    @Slot()
    def _duplicate(self) -> None:
        template = self._current()
        if template is None:
            return
        folder = user_templates_dir(self._journal.folder)
        try:
            copy = duplicate_template(template, folder, self._journal.templates)
        except JournalError as exc:
            self.error.show_message(str(exc))
            return
        self.reload(copy.id)
        self.templatesChanged.emit()
        self._open_editor(copy)

    @Slot()
    def _edit(self) -> None:
        template = self._current()
        if template is not None and not template.shipped:
            self._open_editor(template)

    def _open_editor(self, template: Template) -> None:
        folder = user_templates_dir(self._journal.folder)
        self.editor = TemplateEditorDialog(template, folder, self)
        self.editor.saved.connect(self._saved)
        self.editor.finished.connect(self._editor_closed)
        self.editor.open()

    @Slot(str)
    def _saved(self, template_id: str) -> None:
        self.reload(template_id)
        self.templatesChanged.emit()

    @Slot()
    def _editor_closed(self) -> None:
        self.editor = None
