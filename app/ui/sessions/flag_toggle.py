"""The "Bring to supervision" (and "Share with coach") flag on an entry or cycle, as a tick box
or a menu action."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QWidget

from app.errors import JournalError
from app.journal.opening import Journal
from app.ui.widgets.journal_items import ItemKind

LABEL = "&Bring to supervision"
TIP = "Include this in the summary you take to your next coaching or supervision session."
SHARE_LABEL = "S&hare with coach"
SHARE_TIP = (
    "Mark this for your coach: only what is marked ever goes into a package you share, "
    "after the privacy check."
)


class Flag(StrEnum):
    """Which flag: bring to supervision, or share with the coach."""

    SUPERVISION = "bring_to_supervision"
    COACH = "share_with_coach"


def is_flagged(
    journal: Journal, kind: ItemKind, item_id: str, flag: Flag = Flag.SUPERVISION
) -> bool:
    """True when the entry or cycle carries the flag."""
    record = journal.entries.get(item_id) if kind is ItemKind.ENTRY else journal.cycles.get(item_id)
    return bool(getattr(record, flag.value))


def set_flagged(
    journal: Journal, kind: ItemKind, item_id: str, flagged: bool, flag: Flag = Flag.SUPERVISION
) -> None:
    """Flag or unflag the entry or cycle."""
    store = journal.entries if kind is ItemKind.ENTRY else journal.cycles
    if flag is Flag.SUPERVISION:
        store.set_flags(item_id, bring_to_supervision=flagged)
    else:
        store.set_flags(item_id, share_with_coach=flagged)


def _show_stored(
    control: QCheckBox | QAction,
    journal: Journal,
    kind: ItemKind,
    item_id: str,
    flag: Flag = Flag.SUPERVISION,
) -> str:
    """Tick or untick `control` as the item is stored, quietly; the problem, or ""."""
    try:
        flagged = is_flagged(journal, kind, item_id, flag)
    except JournalError as exc:
        control.setEnabled(False)
        return str(exc)
    control.setEnabled(True)
    control.blockSignals(True)
    control.setChecked(flagged)
    control.blockSignals(False)
    return ""


def _store(
    journal: Journal, kind: ItemKind, item_id: str, flagged: bool, flag: Flag = Flag.SUPERVISION
) -> str:
    """Flag or unflag the item; the problem, or ""."""
    try:
        set_flagged(journal, kind, item_id, flagged, flag)
    except JournalError as exc:
        return str(exc)
    return ""


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
        self.set_item(kind, item_id)

    def set_item(self, kind: ItemKind, item_id: str) -> None:
        """Show and change the flag of another entry or cycle."""
        self.kind, self.item_id = kind, item_id
        problem = _show_stored(self, self._journal, kind, item_id)
        if problem:
            self.failed.emit(problem)

    @Slot(bool)
    def _toggled(self, flagged: bool) -> None:
        problem = _store(self._journal, self.kind, self.item_id, flagged)
        if problem:
            _show_stored(self, self._journal, self.kind, self.item_id)
            self.failed.emit(problem)
        else:
            self.flagChanged.emit(self.item_id, flagged)


class FlagAction(QAction):
    """The same flag as a checkable menu or toolbar action.

    Constructor: FlagAction(journal, kind, item_id, parent, flag=Flag.SUPERVISION); an
    item_id of None leaves it disabled until `set_item()` names one (a menu with nothing
    chosen yet); flag=Flag.COACH makes it "Share with coach". Signals as FlagToggle:
    flagChanged(str, bool) and failed(str).
    """

    flagChanged = Signal(str, bool)
    failed = Signal(str)

    def __init__(
        self,
        journal: Journal,
        kind: ItemKind,
        item_id: str | None,
        parent: QObject,
        flag: Flag = Flag.SUPERVISION,
    ) -> None:
        label, tip = (LABEL, TIP) if flag is Flag.SUPERVISION else (SHARE_LABEL, SHARE_TIP)
        super().__init__(label, parent)
        self.setCheckable(True)
        self.setToolTip(tip)
        self.setStatusTip(tip)
        self.flag = flag
        self._journal = journal
        self.kind = kind
        self.item_id = ""
        self.toggled.connect(self._toggled)
        if item_id is None:
            self.clear_item()
        else:
            self.set_item(kind, item_id)

    def set_item(self, kind: ItemKind, item_id: str) -> None:
        """Show and change the flag of another entry or cycle."""
        self.kind, self.item_id = kind, item_id
        problem = _show_stored(self, self._journal, kind, item_id, self.flag)
        if problem:
            self.failed.emit(problem)

    def clear_item(self) -> None:
        """Nothing to flag: unticked and disabled."""
        self.item_id = ""
        self.blockSignals(True)
        self.setChecked(False)
        self.blockSignals(False)
        self.setEnabled(False)

    @Slot(bool)
    def _toggled(self, flagged: bool) -> None:
        if not self.item_id:
            return
        problem = _store(self._journal, self.kind, self.item_id, flagged, self.flag)
        if problem:
            _show_stored(self, self._journal, self.kind, self.item_id, self.flag)
            self.failed.emit(problem)
        else:
            self.flagChanged.emit(self.item_id, flagged)
