"""The search filters (a view): domain, tag, template, stage, loop, status, dates, inquiry."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from app.cycles_model import CycleStatus, InquiryRecord, LoopLevel
from app.domains import Domain
from app.search import SearchFilters
from app.templates import Template
from app.ui.row_painting import CHIP_LABELS

DATE_FORMAT = "d MMM yyyy"
_POPUP_MIN_WIDTH = 320


def _combo(name: str, any_text: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.addItem(any_text, None)
    # Long choices (lines of inquiry) must not widen the left column: they show in the popup.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    combo.view().setMinimumWidth(_POPUP_MIN_WIDTH)
    return combo


def _refill(combo: QComboBox, choices: Sequence[tuple[str, Any]]) -> bool:
    """Replace the choices after "Any", keeping the one chosen if it is still there.

    Returns True when the choice had to go back to "Any" (it is no longer offered).
    """
    chosen = combo.currentData()
    combo.blockSignals(True)
    try:
        while combo.count() > 1:
            combo.removeItem(1)
        for text, value in choices:
            combo.addItem(text, value)
            combo.setItemData(combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        found = combo.findData(chosen) if chosen is not None else 0
        combo.setCurrentIndex(max(found, 0))
    finally:
        combo.blockSignals(False)
    return found < 0


class _DateField:
    """A date that can be left out: a check box (the row's label) turns the date edit on."""

    def __init__(self, label: str, name: str) -> None:
        self.check = QCheckBox(label)
        self.check.setAccessibleName(f"Use {name.lower()}")
        self.edit = QDateEdit(QDate.currentDate())
        self.edit.setAccessibleName(name)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(DATE_FORMAT)
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)

    def value(self) -> date | None:
        """The date, or None when left out."""
        if not self.check.isChecked():
            return None
        chosen = self.edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())


class SearchFilterBar(QFrame):
    """Filters that narrow the search; every one that is set must hold.

    The choices for tags, templates and lines of inquiry come from `set_choices`, which the
    owner calls when the bar is first shown (they are not needed for the window's first paint).

    Signals: changed() whenever a filter changes.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Search filters")
        self._templates: list[Template] = []

        self.domain_boxes: dict[Domain, QCheckBox] = {}
        domains = QHBoxLayout()
        domains.setSpacing(10)
        for domain in Domain:
            box = QCheckBox(CHIP_LABELS[domain])
            box.setAccessibleName(domain.label)
            box.setToolTip(domain.explanation)
            box.toggled.connect(self.changed)
            domains.addWidget(box)
            self.domain_boxes[domain] = box
        domains.addStretch(1)

        self.tag_combo = _combo("Tag", "Any tag")
        self.template_combo = _combo("Template", "Any template")
        self.stage_combo = _combo("Stage", "Any stage")
        self.loop_combo = _combo("Loop level", "Any loop")
        self.status_combo = _combo("Cycle status", "Any status")
        self.inquiry_combo = _combo("Line of inquiry", "Any line of inquiry")
        _refill(self.loop_combo, [(level.label, level) for level in LoopLevel])
        _refill(self.status_combo, [(status.label, status) for status in CycleStatus])
        # The stages follow the template before anyone hears that the filters changed.
        self.template_combo.currentIndexChanged.connect(self._template_chosen)
        for combo in self.combos():
            combo.currentIndexChanged.connect(self.changed)

        # Mnemonics chosen not to clash with the menus (F, E, N) or the editor (T, W, V).
        self.since = _DateField("Fr&om:", "From date")
        self.until = _DateField("Unt&il:", "Until date")
        for field in (self.since, self.until):
            field.check.toggled.connect(self.changed)
            field.edit.dateChanged.connect(self.changed)

        self.clear_button = QPushButton("C&lear filters")
        self.clear_button.setAccessibleName("Clear filters")
        self.clear_button.clicked.connect(self.clear)

        form = QFormLayout(self)
        form.setContentsMargins(8, 6, 8, 6)
        form.setVerticalSpacing(4)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(domains)  # the whole width: the three names fit on one line
        form.addRow("Ta&g:", self.tag_combo)
        form.addRow("Te&mplate:", self.template_combo)
        form.addRow("St&age:", self.stage_combo)
        form.addRow("Loo&p:", self.loop_combo)
        form.addRow("Stat&us:", self.status_combo)
        form.addRow("In&quiry:", self.inquiry_combo)
        form.addRow(self.since.check, self.since.edit)
        form.addRow(self.until.check, self.until.edit)
        form.addRow(self.clear_button)

    def focus_chain(self) -> list[QWidget]:
        """The filters in the order Tab visits them."""
        return [
            *self.domain_boxes.values(),
            *self.combos(),
            self.since.check,
            self.since.edit,
            self.until.check,
            self.until.edit,
            self.clear_button,
        ]

    def combos(self) -> tuple[QComboBox, ...]:
        """Every drop-down filter."""
        return (
            self.tag_combo,
            self.template_combo,
            self.stage_combo,
            self.loop_combo,
            self.status_combo,
            self.inquiry_combo,
        )

    def set_choices(
        self, tags: Sequence[str], templates: Sequence[Template], inquiries: Sequence[InquiryRecord]
    ) -> None:
        """The tags, templates and lines of inquiry to choose from (keeps what is chosen)."""
        self._templates = list(templates)
        dropped = _refill(self.tag_combo, [(tag, tag) for tag in tags])
        dropped |= _refill(self.template_combo, [(t.name, t.id) for t in self._templates])
        dropped |= _refill(self.inquiry_combo, [(i.question, i.id) for i in inquiries])
        dropped |= self._refill_stages()
        if dropped:
            self.changed.emit()

    def filters(self) -> SearchFilters:
        """The filters as chosen."""
        # Qt hands enums back as their plain string values.
        loop, status = self.loop_combo.currentData(), self.status_combo.currentData()
        return SearchFilters(
            domains=tuple(d for d, box in self.domain_boxes.items() if box.isChecked()),
            tag=self.tag_combo.currentData(),
            template=self.template_combo.currentData(),
            stage=self.stage_combo.currentData(),
            loop=LoopLevel(loop) if loop else None,
            status=CycleStatus(status) if status else None,
            since=self.since.value(),
            until=self.until.value(),
            inquiry=self.inquiry_combo.currentData(),
        )

    def active_count(self) -> int:
        """How many filters are set."""
        chosen = self.filters()
        values = (chosen.tag, chosen.template, chosen.stage, chosen.loop, chosen.status)
        dates = (chosen.since, chosen.until, chosen.inquiry)
        return bool(chosen.domains) + sum(v is not None for v in (*values, *dates))

    @Slot()
    def clear(self) -> None:
        """Set every filter back to "any" (one `changed` signal)."""
        widgets: list[QWidget] = [*self.domain_boxes.values(), *self.combos()]
        widgets += [self.since.check, self.until.check]
        for widget in widgets:
            widget.blockSignals(True)
        try:
            for box in self.domain_boxes.values():
                box.setChecked(False)
            for combo in self.combos():
                combo.setCurrentIndex(0)
            for field in (self.since, self.until):
                field.check.setChecked(False)
                field.edit.setEnabled(False)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._refill_stages()
        self.changed.emit()

    @Slot()
    def _template_chosen(self) -> None:
        self._refill_stages()

    def _refill_stages(self) -> bool:
        """The stages of the chosen template, or of every template (each stage id once)."""
        template_id = self.template_combo.currentData()
        chosen = [t for t in self._templates if template_id in (None, t.id)]
        seen: dict[str, str] = {}
        for template in chosen:
            for stage in template.stages:
                seen.setdefault(stage.id, stage.title)
        return _refill(self.stage_combo, [(title, stage_id) for stage_id, title in seen.items()])
