"""The review at the end of a cycle (a view): loop reached, domains, dimensions and tags."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.ui.cycles.domain_checks import DomainChecks
from app.ui.widgets.captions import heading, plain_label
from app.ui.widgets.fields import InlineError, quiet_note
from app.ui.widgets.tab_order import chain_tab_order
from app.ui.widgets.tag_line_edit import TagLineEdit, join_tags
from app.writing.cycle_records import LEADERSHIP_DIMENSIONS, CycleRecord, CycleStatus, LoopLevel

REVIEW_NOTE = (
    "Look back over the whole cycle. How deep did the learning go? Mark it reviewed when "
    "you are ready; you can still read and change it afterwards."
)
REVIEWED_NOTE = (
    "The next experiment carries your plan over, so the line of inquiry keeps building. You "
    "can still change the loop, domains, dimensions and tags here."
)
_DIMENSION_COLUMNS = 2  # two fit beside the rail on a 1280x720 screen at 200%
LEARNING_NOT_WRITTEN = "Not written yet: the Learning stage is still empty."
_LEARNING_CHARS = 600


class ReviewPage(QScrollArea):
    """Shows and edits what a cycle reached; the flow saves each change as it is made.

    A view only: widgets are public so the flow can connect them.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName("Review")
        self.title_label = heading("Review this cycle", "Review", 1.6)
        self.cycle_label = plain_label("", "Cycle")
        self.note = QLabel(REVIEW_NOTE)
        self.note.setWordWrap(True)
        self.note.setAccessibleName("About the review")

        self.learning_box = QGroupBox("What you learned")
        self.learning_box.setAccessibleName("What you learned")
        self.learning_label = plain_label("", "What you learned")
        self.learning_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(self.learning_box).addWidget(self.learning_label)

        loop_box = QGroupBox("Loop the learning reached")
        loop_box.setAccessibleName("Loop the learning reached")
        loop_grid = QGridLayout(loop_box)
        loop_grid.setColumnStretch(1, 1)
        self.loop_group = QButtonGroup(self)
        self.loop_buttons: dict[LoopLevel, QRadioButton] = {}
        for row, level in enumerate(LoopLevel):
            button = QRadioButton(level.label)
            button.setAccessibleName(level.label)
            button.setAccessibleDescription(level.explanation)
            self.loop_group.addButton(button, row)
            self.loop_buttons[level] = button
            loop_grid.addWidget(button, row, 0)
            loop_grid.addWidget(quiet_note(level.explanation), row, 1)

        domain_box = QGroupBox("Domains of experience (at least one)")
        domain_box.setAccessibleName("Domains of experience")
        self.domains = DomainChecks()
        self.domain_error = InlineError("Why a domain is needed")
        domain_layout = QVBoxLayout(domain_box)
        domain_layout.addWidget(self.domains)
        domain_layout.addWidget(self.domain_error)

        dimension_box = QGroupBox("Healthcare Leadership Model dimensions (optional)")
        dimension_box.setAccessibleName("Healthcare Leadership Model dimensions")
        dimension_grid = QGridLayout(dimension_box)
        self.dimension_boxes: dict[str, QCheckBox] = {}
        for index, (code, label) in enumerate(LEADERSHIP_DIMENSIONS.items()):
            box = QCheckBox(label)
            box.setAccessibleName(label)
            self.dimension_boxes[code] = box
            row, column = divmod(index, _DIMENSION_COLUMNS)
            dimension_grid.addWidget(box, row, column)

        self.tags_edit = TagLineEdit()
        self.tags_edit.setAccessibleName("Tags")
        tags_label = QLabel("&Tags:")
        tags_label.setBuddy(self.tags_edit)
        tags_row = QHBoxLayout()
        tags_row.addWidget(tags_label)
        tags_row.addWidget(self.tags_edit, 1)

        self.finish_error = InlineError("Why the cycle cannot be marked reviewed yet")
        self.finish_button = QPushButton("&Mark as reviewed")
        self.finish_button.setAccessibleName("Mark as reviewed")
        self.next_button = QPushButton("Start the ne&xt experiment")
        self.next_button.setAccessibleName("Start the next experiment")
        self.open_next_button = QPushButton("&Open the next experiment")
        self.open_next_button.setAccessibleName("Open the next experiment")
        self.read_button = QPushButton("&Read the whole cycle")
        self.read_button.setAccessibleName("Read the whole cycle")
        buttons = QHBoxLayout()
        for action in (self.finish_button, self.next_button, self.open_next_button):
            buttons.addWidget(action)
        buttons.addStretch(1)
        buttons.addWidget(self.read_button)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 12, 0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.cycle_label)
        layout.addWidget(self.note)
        layout.addWidget(self.learning_box)
        layout.addWidget(loop_box)
        layout.addWidget(domain_box)
        layout.addWidget(dimension_box)
        layout.addLayout(tags_row)
        layout.addWidget(self.finish_error)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.setWidget(content)

        order: list[QWidget] = [*self.loop_buttons.values(), *self.domains.boxes.values()]
        order += [*self.dimension_boxes.values(), self.tags_edit, self.finish_button]
        order += [self.next_button, self.open_next_button, self.read_button]
        chain_tab_order(order)

    def show_cycle(
        self, cycle: CycleRecord, known_tags: list[str], learning: str | None = None
    ) -> None:
        """Fill the page from the cycle, without emitting change signals; `learning` is what
        its learning stage holds (None: its template has no such stage)."""
        self.learning_box.setVisible(learning is not None)
        written = " ".join((learning or "").split())
        if len(written) > _LEARNING_CHARS:
            written = written[: _LEARNING_CHARS - 1].rstrip() + "…"
        self.learning_label.setText(written or LEARNING_NOT_WRITTEN)
        reviewed = cycle.status is CycleStatus.REVIEWED
        self.title_label.setText("This cycle is reviewed" if reviewed else "Review this cycle")
        self.cycle_label.setText(cycle.display_title)
        self.note.setText(REVIEWED_NOTE if reviewed else REVIEW_NOTE)
        for level, button in self.loop_buttons.items():
            button.blockSignals(True)
            button.setChecked(level is cycle.loop)
            button.blockSignals(False)
        self.domains.set_domains(cycle.domains)
        self.domain_error.show_message("")
        for code, box in self.dimension_boxes.items():
            box.blockSignals(True)
            box.setChecked(code in cycle.dimensions)
            box.blockSignals(False)
        self.tags_edit.set_known_tags(known_tags)
        self.tags_edit.setText(join_tags(cycle.tags))
        self.finish_error.show_message("")
        self.finish_button.setVisible(not reviewed)
        self.next_button.setVisible(reviewed and cycle.next_id is None)
        self.open_next_button.setVisible(cycle.next_id is not None)

    def chosen_loop(self) -> LoopLevel:
        """The loop level ticked."""
        return next((lvl for lvl, b in self.loop_buttons.items() if b.isChecked()), LoopLevel.NONE)

    def chosen_dimensions(self) -> list[str]:
        """The ticked leadership dimensions' codes."""
        return [code for code, box in self.dimension_boxes.items() if box.isChecked()]

    def focus_first(self) -> None:
        """Put keyboard focus on the ticked loop level."""
        button = self.loop_group.checkedButton() or self.loop_buttons[LoopLevel.NONE]
        button.setFocus(Qt.FocusReason.OtherFocusReason)
        body = self.widget()
        layout = body.layout() if body is not None else None
        if layout is not None:
            layout.activate()  # the page may only now be shown: place the button first
        self.ensureWidgetVisible(button)  # on a short window it may be below the fold
