"""The "Bring to supervision" flag on an entry or cycle, as a tick box or a menu action."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QWidget

from app.errors import JournalError
from app.journal import Journal
from app.ui.sessions.items import ItemKind

LABEL = "&Bring to supervision"
TIP = "Include this in the summary you take to your next coaching or supervision session."


def is_flagged(journal: Journal, kind: ItemKind, item_id: str) -> bool:
    """True when the entry or cycle is flagged to bring to supervision."""
    if kind is ItemKind.ENTRY:
        return journal.entries.get(item_id).bring_to_supervision
    return journal.cycles.get(item_id).bring_to_supervision


def set_flagged(journal: Journal, kind: ItemKind, item_id: str, flagged: bool) -> None:
    """Flag or unflag the entry or cycle."""
    if kind is ItemKind.ENTRY:
        journal.entries.set_flags(item_id, bring_to_supervision=flagged)
    else:
        journal.cycles.set_flags(item_id, bring_to_supervision=flagged)


class FlagToggle(QCheckBox):
    """A tick box that flags an entry or cycle to bring to supervision, saved at once.

    Constructor: FlagToggle(journal, kind, item_id, parent=None); `set_item(kind, id)` moves
    it to another item (an editor showing a different entry). If saving fails the box goes
    back to what is stored.

    Signals: flagChanged(str, bool) with the item's id once saved; failed(str) with a message.
    """

    flagChanged = Signal(str, bool)
    failed = Signal(str)

    def __init__(
        self,
        journal: Journal,
        kind: ItemKind,
        item_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(LABEL, parent)
        self.setAccessibleName("Bring to supervision")
        self.setToolTip(TIP)
        self._journal = journal
        self.kind = kind
        self.item_id = item_id
        self.toggled.connect(self._toggled)
        self._load()

    def set_item(self, kind: ItemKind, item_id: str) -> None:
        """Show and change the flag of another entry or cycle."""
        self.kind, self.item_id = kind, item_id
        self._load()

    def _load(self) -> None:
        try:
            flagged = is_flagged(self._journal, self.kind, self.item_id)
        except JournalError as exc:
            self.setEnabled(False)
            self.failed.emit(str(exc))
            return
        self.setEnabled(True)
        self.blockSignals(True)
        self.setChecked(flagged)
        self.blockSignals(False)

    @Slot(bool)
    def _toggled(self, flagged: bool) -> None:
        try:
            set_flagged(self._journal, self.kind, self.item_id, flagged)
        except JournalError as exc:
            self._load()
            self.failed.emit(str(exc))
            return
        self.flagChanged.emit(self.item_id, flagged)


class FlagAction(QAction):
    """The same flag as a checkable menu or toolbar action.

    Constructor: FlagAction(journal, kind, item_id, parent). Signals as FlagToggle:
    flagChanged(str, bool) and failed(str).
    """

    flagChanged = Signal(str, bool)
    failed = Signal(str)

    def __init__(self, journal: Journal, kind: ItemKind, item_id: str, parent: QObject) -> None:
        super().__init__(LABEL, parent)
        self.setCheckable(True)
        self.setToolTip(TIP)
        self.setStatusTip(TIP)
        self._journal = journal
        self.kind = kind
        self.item_id = item_id
        self.toggled.connect(self._toggled)
        self.set_item(kind, item_id)

    def set_item(self, kind: ItemKind, item_id: str) -> None:
        """Show and change the flag of another entry or cycle."""
        self.kind, self.item_id = kind, item_id
        try:
            flagged = is_flagged(self._journal, kind, item_id)
        except JournalError as exc:
            self.setEnabled(False)
            self.failed.emit(str(exc))
            return
        self.setEnabled(True)
        self.blockSignals(True)
        self.setChecked(flagged)
        self.blockSignals(False)

    @Slot(bool)
    def _toggled(self, flagged: bool) -> None:
        try:
            set_flagged(self._journal, self.kind, self.item_id, flagged)
        except JournalError as exc:
            self.set_item(self.kind, self.item_id)
            self.failed.emit(str(exc))
            return
        self.flagChanged.emit(self.item_id, flagged)
