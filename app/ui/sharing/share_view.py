"""The Share with coach dialog's layout (a view): coach, what goes, a preview, and Save."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialogButtonBox,
    QHBoxLayout,
    QListView,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.sharing.share_items import ShareItemsModel
from app.ui.widgets.captions import heading
from app.ui.widgets.fields import InlineError, quiet_note
from app.ui.widgets.item_list import ItemList
from app.ui.widgets.keyboard_safe_dialog import KeyboardSafeDialog
from app.ui.widgets.preview import PreviewBrowser
from app.ui.widgets.screen_fit import scrolling
from app.ui.widgets.tab_order import chain_tab_order

NO_COACH = (
    "Packages you share are locked so that only your coach can open them, so the app needs "
    "your coach's card first. Ask your coach for their card file (its name ends in .ijcard), "
    "then add it here: you will compare a fingerprint with them aloud."
)
CHECK_NOTE = (
    "Before anything is saved it is checked for anything that could identify a patient or "
    "colleague; you choose to redact or keep each finding."
)
NOTHING_MARKED = (
    "Nothing is marked “Share with coach” yet. Mark an entry (Entry > Share with coach) or a "
    "cycle, or share the entry or cycle you have open."
)


class ShareDialogView(KeyboardSafeDialog):
    """Lays out the Share dialog; ShareDialog fills it and acts on it."""

    NO_COACH_PAGE = 0
    SHARE_PAGE = 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Share with coach")
        self.add_coach_button = QPushButton("&Add coach from card…")
        self.add_coach_button.setAccessibleName("Add coach from card")
        self.coach_list = ItemList("Coaches", fit_contents=True)
        self.coach_list.setAccessibleDescription("Each coach's name and card fingerprint")
        self.another_coach_button = QPushButton("Add another &coach…")
        self.another_coach_button.setAccessibleName("Add another coach from card")
        self.selected_button = QRadioButton()
        self.selected_button.setAccessibleName("Share what is open")
        self.marked_button = QRadioButton()
        self.marked_button.setAccessibleName("Share everything marked Share with coach")
        self.scope = QButtonGroup(self)
        self.scope.addButton(self.selected_button)
        self.scope.addButton(self.marked_button)
        self.items_model = ShareItemsModel(self)
        self.items_view = QListView()
        self.items_view.setAccessibleName("What will go")
        self.items_view.setAccessibleDescription("Untick anything you want to leave out")
        self.items_view.setModel(self.items_model)
        self.items_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items_view.setWordWrap(True)
        self.items_view.setSpacing(2)
        self.preview = PreviewBrowser()
        self.preview.setAccessibleName("Preview of the item chosen")
        self.empty_note = quiet_note(NOTHING_MARKED)
        self.empty_note.setAccessibleName("Nothing to share")
        self.replies_note = quiet_note("")
        self.replies_note.setAccessibleName("Replies that go too")
        self.count_label = quiet_note("")
        self.count_label.setAccessibleName("How many items go")
        self.error = InlineError("Problem sharing")
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(140)
        self.busy_bar.setAccessibleName("Working")
        self.busy_bar.hide()
        self.status_label = quiet_note("")
        self.status_label.setAccessibleName("Status")
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.save_button = QPushButton("Check and &save…")
        self.save_button.setAccessibleName("Check and save the share")
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel: nothing is saved")

        no_coach = QWidget()
        no_coach_layout = QVBoxLayout(no_coach)
        no_coach_layout.addWidget(heading("Add your coach first", "Add your coach first", 1.3))
        no_coach_layout.addWidget(quiet_note(NO_COACH))
        no_coach_layout.addWidget(self.add_coach_button, 0, Qt.AlignmentFlag.AlignLeft)
        no_coach_layout.addStretch(1)

        share = QWidget()
        coach_row = QHBoxLayout()
        coach_row.addWidget(heading("Coach", "Coach", 1.1), 1)
        coach_row.addWidget(self.another_coach_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.items_view)
        splitter.addWidget(self.preview)
        splitter.setSizes([380, 420])
        share_layout = QVBoxLayout(share)
        share_layout.setContentsMargins(0, 0, 0, 0)
        share_layout.addLayout(coach_row)
        share_layout.addWidget(self.coach_list)
        share_layout.addSpacing(6)
        share_layout.addWidget(heading("What goes", "What goes", 1.1))
        share_layout.addWidget(self.selected_button)
        share_layout.addWidget(self.marked_button)
        share_layout.addWidget(self.empty_note)
        share_layout.addWidget(splitter, 1)
        share_layout.addWidget(self.count_label)
        share_layout.addWidget(self.replies_note)
        share_layout.addWidget(quiet_note(CHECK_NOTE))
        share_layout.addWidget(self.error)

        self.pages = QStackedWidget()
        self.pages.addWidget(no_coach)
        self.pages.addWidget(share)
        bottom = QHBoxLayout()
        bottom.addWidget(self.busy_bar)
        bottom.addWidget(self.status_label, 1)
        buttons = QDialogButtonBox()
        bottom.addWidget(buttons)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        # the pages scroll on a short screen (1280x720 at 200%); Save and Cancel stay in sight
        layout.addWidget(scrolling(self.pages, "Share with your coach"), 1)
        layout.addLayout(bottom)
        chain_tab_order(
            [
                self.coach_list,
                self.another_coach_button,
                self.selected_button,
                self.marked_button,
                self.items_view,
                self.preview,
                self.save_button,
                self.cancel_button,
            ]
        )
