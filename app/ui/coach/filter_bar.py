"""Words, a domain and "only not yet discussed": which shared items the coach sees."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QVBoxLayout, QWidget

from app.sharing.workspace import SharedFilter
from app.ui.search.box import HOW_TO_SEARCH
from app.writing.domains import Domain

SEARCH_PLACEHOLDER = "Search what participants shared"
ALL_DOMAINS = "All domains"
TYPING_PAUSE_MS = 250


class CoachFilterBar(QWidget):
    """A search box (the journal's search language), a domain choice and a to-discuss tick.

    Signals: filtersChanged() when any of them changes (typing: after a short pause, or at
    once on Enter).
    """

    filtersChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(SEARCH_PLACEHOLDER)
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName("Search shared items")
        self.search_box.setAccessibleDescription(HOW_TO_SEARCH)
        self.search_box.setToolTip(HOW_TO_SEARCH)
        self.domain_combo = QComboBox()
        self.domain_combo.setAccessibleName("Domain")
        self.domain_combo.addItem(ALL_DOMAINS, "")
        for domain in Domain:
            self.domain_combo.addItem(domain.label, domain.value)
        self.domain_combo.setToolTip("Show only items tagged with one domain")
        self.to_discuss_box = QCheckBox("Only not yet disc&ussed, longest waiting first")
        self.to_discuss_box.setAccessibleName("Only not yet discussed, longest waiting first")
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TYPING_PAUSE_MS)
        self._pause.timeout.connect(self.filtersChanged)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.search_box)
        layout.addWidget(self.domain_combo)
        layout.addWidget(self.to_discuss_box)

        self.search_box.textEdited.connect(self._typed)
        self.search_box.returnPressed.connect(self._now)
        self.domain_combo.currentIndexChanged.connect(self._now)
        self.to_discuss_box.toggled.connect(self._now)

    def focus_chain(self) -> list[QWidget]:
        """Its controls in Tab order."""
        return [self.search_box, self.domain_combo, self.to_discuss_box]

    def shared_filter(self, participant: str | None) -> SharedFilter:
        """What is asked for, for one participant (or None for all)."""
        value = str(self.domain_combo.currentData() or "")
        return SharedFilter(
            text=self.search_box.text(),
            participant=participant,
            domain=Domain(value) if value else None,
            to_discuss_only=self.to_discuss_box.isChecked(),
        )

    def set_domain(self, domain: Domain | None) -> None:
        """Choose a domain (None for all)."""
        self.domain_combo.setCurrentIndex(
            self.domain_combo.findData(domain.value if domain else "")
        )

    @property
    def filtering(self) -> bool:
        """True when anything narrows the list."""
        where = self.shared_filter(None)
        return bool(where.text.strip()) or where.domain is not None or where.to_discuss_only

    @Slot()
    def _typed(self) -> None:
        self._pause.start()

    @Slot()
    def _now(self) -> None:
        self._pause.stop()
        self.filtersChanged.emit()
