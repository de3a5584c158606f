"""The three domains of experience as tick boxes, each with its one-line explanation."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from app.ui.widgets.fields import quiet_note
from app.ui.widgets.tab_order import chain_tab_order
from app.writing.domains import Domain

_EXPLANATION_MIN_WIDTH = 150


class DomainChecks(QWidget):
    """A tick box per domain with its explanation beside it.

    Signals: toggledDomain(str, bool) with the domain's code when the person ticks or unticks.
    """

    toggledDomain = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[Domain, QCheckBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(4)
        for row, domain in enumerate(Domain):
            box = QCheckBox(domain.label)
            box.setAccessibleName(domain.label)
            box.setAccessibleDescription(domain.explanation)
            box.setToolTip(domain.explanation)
            box.setProperty("domain", domain.value)
            box.toggled.connect(self._toggled)
            explanation = quiet_note(domain.explanation)
            # one line each where there is room; on a narrow screen (1280x720 at 200%) they
            # wrap under a scrolling body, which gives them the height they need
            explanation.setWordWrap(True)
            explanation.setMinimumWidth(_EXPLANATION_MIN_WIDTH)
            grid.addWidget(box, row, 0)
            grid.addWidget(explanation, row, 1)
            self.boxes[domain] = box
        chain_tab_order(self.boxes.values())

    def domains(self) -> tuple[Domain, ...]:
        """The ticked domains, in the usual order."""
        return tuple(d for d, box in self.boxes.items() if box.isChecked())

    def set_domains(self, domains: tuple[Domain, ...] | list[Domain]) -> None:
        """Tick exactly these domains, without emitting `toggledDomain`."""
        for domain, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(domain in domains)
            box.blockSignals(False)

    def first_box(self) -> QCheckBox:
        """The first tick box (for tab order)."""
        return self.boxes[Domain.INDIVIDUAL]

    def last_box(self) -> QCheckBox:
        """The last tick box (for tab order)."""
        return self.boxes[Domain.ORGANISATION]

    @Slot(bool)
    def _toggled(self, checked: bool) -> None:
        box = self.sender()
        if isinstance(box, QCheckBox):
            self.toggledDomain.emit(str(box.property("domain")), checked)
