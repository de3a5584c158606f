"""A date that can be left unset: a tick box beside a calendar field."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from app.ui.widgets.captions import from_qdate, to_qdate
from app.ui.widgets.dates import DAY_FORMAT


class OptionalDate(QWidget):
    """A tick box naming the date, and the date itself (enabled only while ticked).

    Signals: changed() when the box is ticked or unticked or the date changes.
    """

    changed = Signal()

    def __init__(self, label: str, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(label)
        self.check.setAccessibleName(f"Set {accessible_name.lower()}")
        self.date_edit = QDateEdit()
        self.date_edit.setAccessibleName(accessible_name)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(DAY_FORMAT)
        self.date_edit.setEnabled(False)
        self.check.toggled.connect(self.date_edit.setEnabled)
        self.check.toggled.connect(self._changed)
        self.date_edit.dateChanged.connect(self._changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.date_edit)
        layout.addStretch(1)
        self.setFocusProxy(self.check)

    def set_date(self, day: date | None, fallback: date) -> None:
        """Show `day` (ticked), or `fallback` unticked when there is no date."""
        self.check.setChecked(day is not None)
        self.date_edit.setEnabled(day is not None)
        self.date_edit.setDate(to_qdate(day or fallback))

    def date(self) -> date | None:
        """The chosen date, or None while the box is unticked."""
        return from_qdate(self.date_edit.date()) if self.check.isChecked() else None

    @Slot()
    def _changed(self) -> None:
        self.changed.emit()
