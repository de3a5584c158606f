"""What the Cycle view and the Cycle and Inquiry menus do: open, write, read and carry on cycles."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal, Slot

from app.errors import JournalError
from app.ui.widgets.messages import Confirm
from app.writing.cycle_records import CycleRecord, InquiryStatus

# The flow and the dialogs load when the first cycle or dialog is opened, not with the window.
if TYPE_CHECKING:
    from app.ui.cycles.cycle_flow import CycleFlow
    from app.ui.cycles.new_cycle_dialog import NewCycleDialog
    from app.ui.cycles.pane import CyclePane
    from app.ui.cycles.stage_versions_dialog import StageVersionsDialog
    from app.ui.cycles.templates_dialog import TemplatesDialog
    from app.ui.window.context import WindowContext

NOT_SAVED_TITLE = "Your latest changes are not saved"
NOT_SAVED = (
    "What you wrote in this cycle could not be saved, so closing now would lose it.\n\n"
    "Close anyway? Choose No to keep the window open and copy your text somewhere safe."
)
_STATUS_WORDS = {
    InquiryStatus.OPEN: "open again",
    InquiryStatus.PAUSED: "paused",
    InquiryStatus.CLOSED: "closed",
}


class CycleController(QObject):
    """Shows cycles in the Cycle view (guided flow or read page) and runs the cycle commands.

    The flow is made for the first cycle opened and reused for every later one.

    Signals:
      cycleShown(str): the pane now shows this cycle (in the flow or read).
      cycleChanged(str): a cycle was written (text, status, loop, flags...).
      cycleCreated(str): a new cycle was started (New cycle, or from an entry).
      entryTurnedIntoCycle(str, str): the entry id and the cycle it became (it is in the trash).
      finishLaterRequested(): "Finish later" in the flow; everything is saved.
      inquiryChanged(str): a line of inquiry's status changed.
    """

    cycleShown = Signal(str)
    cycleChanged = Signal(str)
    cycleCreated = Signal(str)
    entryTurnedIntoCycle = Signal(str, str)
    finishLaterRequested = Signal()
    inquiryChanged = Signal(str)

    def __init__(
        self,
        context: WindowContext,
        pane: CyclePane,
        *,
        today: Callable[[], date],
        autosave_ms: int,
        confirm: Confirm,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(context.window)
        self._context = context
        self._pane = pane
        self._journal = context.journal
        self._today = today
        self._autosave_ms = autosave_ms
        self._confirm = confirm
        self._settings = settings
        self.dialog: NewCycleDialog | None = None
        self.versions_dialog: StageVersionsDialog | None = None
        self.templates_dialog: TemplatesDialog | None = None
        pane.back_button.clicked.connect(self._back_to_writing)
        pane.read_view.openCycle.connect(self.read)
        actions = context.commands
        actions.read_view.triggered.connect(self._read_view_toggled)
        actions.stage_versions.triggered.connect(self.show_stage_versions)
        actions.start_next.triggered.connect(self.start_next_experiment)
        actions.templates.triggered.connect(self.show_templates)
        actions.flag_cycle.flagChanged.connect(self._flag_changed)
        actions.flag_cycle.failed.connect(context.show_problem)

    # -- what is shown -----------------------------------------------------------------------

    @property
    def flow(self) -> CycleFlow | None:
        """The guided flow, once a cycle has been opened."""
        return self._pane.flow

    @property
    def cycle(self) -> CycleRecord | None:
        """The cycle in the flow."""
        return self.flow.cycle if self.flow is not None else None

    @property
    def shown_cycle_id(self) -> str:
        """The cycle in the pane, read or written ("" when none)."""
        pane = self._pane
        if pane.reading:
            return pane.read_view.cycle_id or ""
        cycle = self.cycle
        return cycle.id if cycle is not None and pane.currentWidget() is self.flow else ""

    @property
    def reading(self) -> bool:
        """True while the read page is shown."""
        return self._pane.reading

    def open(self, cycle_id: str, stage_id: str = "") -> None:
        """Show a cycle in the guided flow where it was left (or at `stage_id`)."""
        pane = self._pane
        if self.flow is None:
            flow = self._make_flow(cycle_id, stage_id)
            pane.show_flow()
            if flow.cycle is not None:
                self.cycleShown.emit(flow.cycle.id)
            return
        pane.show_flow()
        self.flow.load(cycle_id, stage_id)  # says cycleOpened, passed on as cycleShown

    @Slot(str)
    def read(self, cycle_id: str) -> None:
        """Show a whole cycle as one page."""
        if not self.save_now():
            return
        pane = self._pane
        pane.read_view.show_cycle(cycle_id)
        pane.show_read_page()
        self.cycleShown.emit(cycle_id)

    def save_now(self) -> bool:
        """Save what is typed in the flow. False when the journal refused (the text stays)."""
        return self.flow.save_now() if self.flow is not None else True

    def prepare_to_close(self) -> bool:
        """Save before the window closes; only a refused save (and the person's No) keeps it."""
        if self.save_now():
            return True
        return self._confirm(self._context.window, NOT_SAVED_TITLE, NOT_SAVED)

    def current_inquiry_id(self) -> str | None:
        """The line of inquiry of the cycle in the pane."""
        read_id = self._pane.read_view.cycle_id
        if self.reading and read_id:
            try:
                return self._journal.cycles.get(read_id).inquiry_id
            except JournalError:
                return None
        cycle = self.cycle
        return cycle.inquiry_id if cycle is not None else None

    # -- commands ----------------------------------------------------------------------------

    def new_cycle(self, inquiry_id: str | None = None, entry_id: str | None = None) -> None:
        """Open the New cycle dialog (for a line of inquiry, or to turn an entry into a cycle)."""
        if self.dialog is not None:
            self.dialog.raise_()
            return
        from app.ui.cycles.new_cycle_dialog import NewCycleDialog

        self.dialog = NewCycleDialog(
            self._journal,
            today=self._today,
            inquiry_id=inquiry_id,
            entry_id=entry_id,
            parent=self._context.window,
        )
        self.dialog.cycleCreated.connect(self._created)
        self.dialog.finished.connect(self._dialog_closed)
        self.dialog.open()

    @Slot()
    def show_stage_versions(self) -> None:
        """Earlier texts of the stage on screen, with a way back to one."""
        flow = self.flow
        cycle = self.cycle
        if flow is None or cycle is None or not flow.stage_id or not flow.save_now():
            return
        title = next((s.title for s in cycle.stages if s.stage_id == flow.stage_id), "")
        from app.ui.cycles.stage_versions_dialog import StageVersionsDialog

        dialog = StageVersionsDialog(
            self._journal.cycles, cycle.id, flow.stage_id, title, parent=self._context.window
        )
        dialog.restored.connect(self._stage_restored)
        dialog.finished.connect(self._versions_closed)
        self.versions_dialog = dialog
        dialog.open()

    @Slot()
    def start_next_experiment(self) -> None:
        """Start the next cycle in the line of inquiry of the reviewed cycle shown."""
        if self.reading:
            cycle_id = self._pane.read_view.cycle_id
            if cycle_id:
                self.open(cycle_id)
        flow = self.flow
        if flow is not None and flow.can_start_next:
            flow.start_next_experiment()

    @Slot()
    def show_templates(self) -> None:
        """The reflection templates: built-in, the participant's own, and broken files."""
        if self.templates_dialog is not None:
            self.templates_dialog.raise_()
            return
        from app.ui.cycles.templates_dialog import TemplatesDialog

        dialog = TemplatesDialog(self._journal, parent=self._context.window)
        dialog.finished.connect(self._templates_closed)
        self.templates_dialog = dialog
        dialog.open()

    def set_inquiry_status(self, inquiry_id: str, status: InquiryStatus) -> None:
        """Pause, close or reopen a line of inquiry."""
        try:
            inquiry = self._journal.cycles.update_inquiry(inquiry_id, status=status)
        except JournalError as exc:
            self._context.show_problem(str(exc))
            return
        self._context.show_status(f"“{inquiry.question}” is {_STATUS_WORDS[status]}.")
        self.inquiryChanged.emit(inquiry_id)

    # -- reacting ----------------------------------------------------------------------------

    def _make_flow(self, cycle_id: str, stage_id: str) -> CycleFlow:
        from app.ui.cycles.cycle_flow import CycleFlow

        flow = CycleFlow(
            self._journal,
            cycle_id,
            today=self._today,
            autosave_ms=self._autosave_ms,
            settings=self._settings,
        )
        if stage_id:
            flow.load(cycle_id, stage_id)
        self._pane.set_flow(flow)
        flow.cycleOpened.connect(self.cycleShown)
        flow.cycleChanged.connect(self.cycleChanged)
        flow.finishLaterRequested.connect(self.finishLaterRequested)
        flow.readCycleRequested.connect(self.read)
        return flow

    @Slot(bool)
    def _read_view_toggled(self, reading: bool) -> None:
        if reading:
            cycle = self.cycle
            if cycle is not None:
                self.read(cycle.id)
        else:
            self._back_to_writing()

    @Slot()
    def _back_to_writing(self) -> None:
        cycle_id = self._pane.read_view.cycle_id
        if cycle_id:
            self.open(cycle_id)

    @Slot(object)
    def _stage_restored(self, record: object) -> None:
        flow = self.flow
        if isinstance(record, CycleRecord) and flow is not None:
            flow.load(record.id, record.current_stage)
            self.cycleChanged.emit(record.id)
            self._context.show_status("Earlier version restored.")

    @Slot(str, bool)
    def _flag_changed(self, cycle_id: str, _flagged: bool) -> None:
        self.cycleChanged.emit(cycle_id)

    @Slot(str)
    def _created(self, cycle_id: str) -> None:
        entry_id = self.dialog.entry_id if self.dialog is not None else None
        if entry_id is not None:
            self.entryTurnedIntoCycle.emit(entry_id, cycle_id)
        self.cycleCreated.emit(cycle_id)

    @Slot()
    def _dialog_closed(self) -> None:
        self.dialog = None

    @Slot()
    def _versions_closed(self) -> None:
        self.versions_dialog = None

    @Slot()
    def _templates_closed(self) -> None:
        self.templates_dialog = None
