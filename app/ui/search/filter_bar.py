"""The search filters (a view): domain, tag, template, stage, loop, status, inquiry, period,
dates, shared and commented."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
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

from app.search.full_text import SearchFilters
from app.search.periods import Period
from app.ui.widgets.row_painting import CHIP_LABELS
from app.writing.cycle_records import CycleStatus, InquiryRecord, LoopLevel
from app.writing.domains import Domain
from app.writing.templates import Template

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
        self.period_combo = _combo("Period", "Any time")
        self.shared_combo = _combo("Shared", "Shared or not")
        self.commented_combo = _combo("Comments", "With or without comments")
        _refill(self.loop_combo, [(level.label, level) for level in LoopLevel])
        _refill(self.status_combo, [(status.label, status) for status in CycleStatus])
        _refill(self.period_combo, [(period.label, period) for period in Period])
        # Qt keeps a Python bool as data; "yes"/"no" keep the choice readable in filters().
        _refill(self.shared_combo, [("Shared with a coach", "yes"), ("Not shared", "no")])
        _refill(self.commented_combo, [("With comments", "yes"), ("Without comments", "no")])
        # The stages follow the template before anyone hears that the filters changed.
        self.template_combo.currentIndexChanged.connect(self._template_chosen)
        for combo in self.all_combos():
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
        form.addRow("Perio&d:", self.period_combo)
        form.addRow(self.since.check, self.since.edit)
        form.addRow(self.until.check, self.until.edit)
        form.addRow("Shared:", self.shared_combo)
        form.addRow("Comments:", self.commented_combo)
        form.addRow(self.clear_button)

    def focus_chain(self) -> list[QWidget]:
        """The filters in the order Tab visits them."""
        return [
            *self.domain_boxes.values(),
            *self.combos(),
            self.period_combo,
            self.since.check,
            self.since.edit,
            self.until.check,
            self.until.edit,
            self.shared_combo,
            self.commented_combo,
            self.clear_button,
        ]

    def combos(self) -> tuple[QComboBox, ...]:
        """The drop-down filters above the dates, in the order Tab visits them."""
        return (
            self.tag_combo,
            self.template_combo,
            self.stage_combo,
            self.loop_combo,
            self.status_combo,
            self.inquiry_combo,
        )

    def all_combos(self) -> tuple[QComboBox, ...]:
        """Every drop-down filter."""
        return (*self.combos(), self.period_combo, self.shared_combo, self.commented_combo)

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
        period = self.period_combo.currentData()
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
            shared=_yes_no(self.shared_combo),
            has_comment=_yes_no(self.commented_combo),
            period=Period(period) if period else None,
        )

    def active_count(self) -> int:
        """How many filters are set."""
        chosen = self.filters()
        values = (chosen.tag, chosen.template, chosen.stage, chosen.loop, chosen.status)
        dates = (chosen.since, chosen.until, chosen.inquiry, chosen.period)
        marks = (chosen.shared, chosen.has_comment)
        return bool(chosen.domains) + sum(v is not None for v in (*values, *dates, *marks))

    def set_filters(self, chosen: SearchFilters) -> None:
        """Show `chosen` (a saved search opened), with one `changed` signal. A tag, template or
        line of inquiry no longer in the journal is kept as a choice, so nothing is lost."""
        with self._one_change():
            for domain, box in self.domain_boxes.items():
                box.setChecked(domain in chosen.domains)
            for combo, value in (
                (self.tag_combo, chosen.tag),
                (self.template_combo, chosen.template),
                (self.inquiry_combo, chosen.inquiry),
                (self.loop_combo, chosen.loop.value if chosen.loop else None),
                (self.status_combo, chosen.status.value if chosen.status else None),
                (self.period_combo, chosen.period.value if chosen.period else None),
                (self.shared_combo, _mark(chosen.shared)),
                (self.commented_combo, _mark(chosen.has_comment)),
            ):
                _choose(combo, value)
            self._refill_stages()
            _choose(self.stage_combo, chosen.stage)
            for field, day in ((self.since, chosen.since), (self.until, chosen.until)):
                field.check.setChecked(day is not None)
                field.edit.setEnabled(day is not None)
                if day is not None:
                    field.edit.setDate(QDate(day.year, day.month, day.day))
        self.changed.emit()

    @Slot()
    def clear(self) -> None:
        """Set every filter back to "any" (one `changed` signal)."""
        with self._one_change():
            for box in self.domain_boxes.values():
                box.setChecked(False)
            for combo in self.all_combos():
                combo.setCurrentIndex(0)
            for field in (self.since, self.until):
                field.check.setChecked(False)
                field.edit.setEnabled(False)
        self._refill_stages()
        self.changed.emit()

    @contextlib.contextmanager
    def _one_change(self) -> Iterator[None]:
        """Changes made here are told once, by the caller, not one signal per widget."""
        widgets: list[QWidget] = [*self.domain_boxes.values(), *self.all_combos()]
        widgets += [self.since.check, self.until.check, self.since.edit, self.until.edit]
        for widget in widgets:
            widget.blockSignals(True)
        try:
            yield
        finally:
            for widget in widgets:
                widget.blockSignals(False)

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


def _yes_no(combo: QComboBox) -> bool | None:
    """A yes/no filter's choice: None for either."""
    value = combo.currentData()
    return None if value is None else value == "yes"


def _mark(value: bool | None) -> str | None:
    """A yes/no filter's data for a choice."""
    return None if value is None else ("yes" if value else "no")


def _choose(combo: QComboBox, value: str | None) -> None:
    """Choose `value`, adding it when the journal no longer offers it (a saved search's tag)."""
    if value is None:
        combo.setCurrentIndex(0)
        return
    found = combo.findData(value)
    if found < 0:
        combo.addItem(value, value)
        found = combo.count() - 1
    combo.setCurrentIndex(found)
