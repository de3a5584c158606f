"""The guided cycle (behaviour): one screen at a time, autosaved, resumable where it was left."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal, Slot
from PySide6.QtGui import QAction, QHideEvent, QKeySequence
from PySide6.QtWidgets import QWidget

from app.errors import JournalError
from app.journal.opening import Journal
from app.ui.cycles import flow_steps as steps
from app.ui.cycles.cycle_page import CARRIED_HEADING
from app.ui.cycles.earlier_stages import EarlierText
from app.ui.cycles.flow_view import CycleFlowView
from app.ui.cycles.review_editor import ReviewEditor
from app.ui.cycles.stage_saver import StageSaver
from app.ui.privacy.underline import PrivacyUnderline
from app.ui.widgets.autosave import AUTOSAVE_DELAY_MS, SaveState
from app.ui.widgets.settings import earlier_stages_shown, remember_earlier_stages_shown
from app.writing.cycle_records import PLANNED_MARK, CycleRecord, CycleStatus
from app.writing.cycles import without_carried_marker
from app.writing.templates import StageRole, Template

if TYPE_CHECKING:
    from app.ui.cycles.next_experiment_dialog import NextExperimentDialog  # loads when opened

NEXT_KEYS = ("Ctrl+Return", "Ctrl+Enter", "Alt+Right", "Ctrl+PgDown")
BACK_KEYS = ("Alt+Left", "Ctrl+PgUp")
_PLAN_CHARS = 220


class CycleFlow(CycleFlowView):
    """Walks the person through one cycle; every change is saved as it is made.

    Constructor: CycleFlow(journal, cycle_id, today=date.today, autosave_ms=1000,
    settings=None); `settings` keeps whether the earlier stages are shown or folded.
    Planned cycles offer only their before-stages, then "Your experiment is planned" (which
    marks the plan finished, PLANNED_MARK); opened again after that they ask "Have you tried
    it yet?", while a plan still being written reopens on its stage. After the last stage
    comes the review. Text is saved ~1 s after typing stops, on every move and when hidden;
    what could identify someone is underlined quietly as it is typed. Beside (or above) the
    stage being written, read-only, is what was written before it, and the plan carried over
    from the cycle before.

    Signals:
      cycleOpened(str): the flow now shows this cycle (also after "Start the next experiment",
        which asks for the date and opens the new cycle where planning goes on, its Strategy,
        with the plan carried over shown beside it).
      cycleChanged(str): the cycle was written (text, date, status, loop, domains, tags).
      finishLaterRequested(): "Finish later" was pressed and everything is saved.
      readCycleRequested(str): the person wants to read the whole cycle as one page.
      saveStateChanged(str): a SaveState value, for a status bar.
      stageShown(str): another screen is shown: the stage's id, or "" for the planned,
        tried-yet and review screens (comments on that stage are shown beside it).
    """

    cycleOpened = Signal(str)
    cycleChanged = Signal(str)
    finishLaterRequested = Signal()
    readCycleRequested = Signal(str)
    saveStateChanged = Signal(str)
    stageShown = Signal(str)

    def __init__(
        self,
        journal: Journal,
        cycle_id: str,
        *,
        today: Callable[[], date] = date.today,
        autosave_ms: int = AUTOSAVE_DELAY_MS,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._today = today
        self._settings = settings
        self.next_dialog: NextExperimentDialog | None = None
        if settings is not None:
            self.earlier.set_expanded(earlier_stages_shown(settings))
        self._cycle: CycleRecord | None = None
        self._template: Template | None = None
        self._place = steps.REVIEW
        self._showing = False
        self.saver = StageSaver(
            journal.cycles, self.stage_page.text_edit.toPlainText, autosave_ms, self
        )
        self.review = ReviewEditor(journal.cycles, self.review_page, self)
        self.privacy = PrivacyUnderline(self.stage_page.text_edit)
        self.next_action = self._shortcut("Next stage", NEXT_KEYS, self._next)
        self.back_action = self._shortcut("Previous stage", BACK_KEYS, self._back)
        self._connect()
        self.load(cycle_id)

    # -- what the host asks -----------------------------------------------------------------

    @property
    def cycle(self) -> CycleRecord | None:
        """The cycle shown, as last read or written."""
        return self._cycle

    @property
    def place(self) -> steps.Place:
        """The screen shown."""
        return self._place

    @property
    def stage_id(self) -> str:
        """The stage on screen ("" on the planned, tried-yet and review screens)."""
        return self._place.stage_id if self._place.screen is steps.Screen.STAGE else ""

    @property
    def can_start_next(self) -> bool:
        """True for a reviewed cycle that has not led to a next experiment yet."""
        cycle = self._cycle
        return cycle is not None and cycle.status is CycleStatus.REVIEWED and not cycle.next_id

    def load(self, cycle_id: str, stage_id: str = "") -> None:
        """Show a cycle where the person left it, or at `stage_id` when the flow offers it
        now (saving the cycle shown first)."""
        if not self.saver.save_now():
            return
        try:
            cycle = self._journal.cycles.get(cycle_id)
            question = self._journal.cycles.inquiry(cycle.inquiry_id).question
        except JournalError as exc:
            self.message_bar.show_problem(str(exc))
            return
        self._cycle = cycle
        self._template = self._journal.templates.get(cycle.template_id)
        name = self._template.name if self._template else "Template no longer available"
        self.context_label.setText(f"{name} · {question}")
        offered = [s.id for s in steps.offered_stages(cycle, self._template)]
        if stage_id in offered:
            self._show(steps.Place(steps.Screen.STAGE, stage_id))
        else:
            carried = bool(self._carried_plan(cycle))
            self._show(
                steps.resume_place(cycle, self._template, self._today(), carried_plan=carried)
            )
        self.cycleOpened.emit(cycle.id)

    @Slot()
    def save_now(self) -> bool:
        """Save what is typed (and the review's tags). False when the journal refused."""
        saved = self.saver.save_now()
        if self._place.screen is steps.Screen.REVIEW:
            saved = self.review.save_tags() and saved
        return saved

    @Slot()
    def start_next_experiment(self) -> None:
        """Ask when to try the next experiment (a reviewed cycle only), then start and show it."""
        cycle = self._cycle
        if self.next_dialog is not None:
            self.next_dialog.raise_()
            return
        if cycle is None or not self.can_start_next or not self.save_now():
            return
        from app.ui.cycles.next_experiment_dialog import NextExperimentDialog

        dialog = NextExperimentDialog(
            self._journal.cycles, cycle, self._template, today=self._today, parent=self
        )
        dialog.cycleStarted.connect(self._next_started)
        dialog.finished.connect(self._next_dialog_closed)
        self.next_dialog = dialog
        dialog.open()

    @Slot()
    def _next_dialog_closed(self) -> None:
        self.next_dialog = None

    # -- moving between screens ---------------------------------------------------------------

    @Slot()
    def _next(self) -> None:
        if self._cycle is not None and self._place.screen is steps.Screen.STAGE:
            target = steps.next_place(self._cycle, self._template, self._place)
            if target is not None:
                self._go(target)

    @Slot()
    def _back(self) -> None:
        if self._cycle is not None:
            target = steps.previous_place(self._cycle, self._template, self._place)
            if target is not None:
                self._go(target)

    @Slot()
    def _finish_later(self) -> None:
        if self.save_now():
            self.finishLaterRequested.emit()

    @Slot()
    def _not_yet(self) -> None:
        self._go(steps.PLANNED)

    @Slot()
    def _begin_reflection(self) -> None:
        if self._cycle is None or not self.saver.save_now():
            return
        cycle = self._write(self._journal.cycles.begin_reflection, self._cycle.id)
        if cycle is not None:
            self._go(steps.first_after_place(cycle, self._template))

    def _go(self, place: steps.Place) -> None:
        if not self.save_now():
            return  # the text stays on screen with the message saying why
        self._show(place)

    def _show(self, place: steps.Place) -> None:
        cycle = self._cycle
        if cycle is None:
            return
        self._place = place
        self.saver.end()
        self._showing = True
        try:
            self._fill(cycle, place)
        finally:
            self._showing = False
        self._update_buttons()
        self.stageShown.emit(self.stage_id)

    def _fill(self, cycle: CycleRecord, place: steps.Place) -> None:
        today = self._today()
        if place.screen is steps.Screen.STAGE:
            stage = next(
                s for s in steps.cycle_stages(cycle, self._template) if s.id == place.stage_id
            )
            number, total = steps.stage_number(cycle, self._template, stage.id)
            # A plan carried over by older versions ends with a note that is not the
            # participant's; it is left out of the writing space (and kept unless they edit).
            text = without_carried_marker(cycle.text(stage.id))
            self.stage_page.show_stage(stage, number, total, text)
            self.pages.setCurrentWidget(self.stage_page)
            self.saver.begin(cycle.id, stage.id, text)
            self._show_earlier(cycle, stage.id)
            if cycle.current_stage != stage.id:
                self._remember_stage(stage.id)
            self.focus_current()
            return
        self.show_earlier(False)  # beside the column it would outstay its stage
        if place.screen is steps.Screen.PLANNED:
            if cycle.current_stage != PLANNED_MARK:
                self._remember_stage(PLANNED_MARK)
            self.planned_page.show_plan(self._plan(cycle), cycle.experiment_date, today)
            self.pages.setCurrentWidget(self.planned_page)
        elif place.screen is steps.Screen.TRIED_YET:
            plan = self._plan(cycle)
            self.tried_page.show_cycle(cycle.display_title, plan, cycle.experiment_date, today)
            self.pages.setCurrentWidget(self.tried_page)
        else:
            self.review.show(cycle, self._known_tags())
            self.pages.setCurrentWidget(self.review_page)
        self.focus_current()

    def focus_current(self) -> None:
        """Put the keyboard focus where the screen shown wants it."""
        screen = self._place.screen
        if screen is steps.Screen.STAGE:
            self.stage_page.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        elif screen is steps.Screen.PLANNED:
            self.planned_page.experiment_date.check.setFocus(Qt.FocusReason.OtherFocusReason)
        elif screen is steps.Screen.TRIED_YET:
            self.tried_page.focus_answer()
        else:
            self.review_page.focus_first()

    def _update_buttons(self) -> None:
        cycle = self._cycle
        on_stage = self._place.screen is steps.Screen.STAGE
        can_go_back = cycle is not None and (
            steps.previous_place(cycle, self._template, self._place) is not None
        )
        self.back_button.setEnabled(can_go_back)
        self.back_action.setEnabled(can_go_back)
        self.next_button.setVisible(on_stage)
        self.next_action.setEnabled(on_stage)
        self._update_skip()
        reviewed = cycle is not None and cycle.status is CycleStatus.REVIEWED
        self.finish_later_button.setText("C&lose" if reviewed else "Finish &later")
        self.finish_later_button.setAccessibleName("Close" if reviewed else "Finish later")

    @Slot()
    def _update_skip(self) -> None:
        empty = not self.stage_page.text_edit.toPlainText().strip()
        self.skip_button.setVisible(self._place.screen is steps.Screen.STAGE and empty)

    # -- writing ----------------------------------------------------------------------------

    @Slot()
    def _text_changed(self) -> None:
        self._update_skip()
        if not self._showing:
            self.saver.note_edit()

    @Slot(object)
    def _record_changed(self, record: object) -> None:
        if isinstance(record, CycleRecord):
            self._cycle = record
            self.message_bar.clear()
            self.cycleChanged.emit(record.id)

    @Slot(object)
    def _reviewed(self, record: object) -> None:
        self._record_changed(record)
        self._show(steps.REVIEW)
        self.review_page.next_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.review_page.ensureWidgetVisible(self.review_page.next_button)

    @Slot(str)
    def _next_started(self, cycle_id: str) -> None:
        if self._cycle is not None:
            self.cycleChanged.emit(self._cycle.id)
        self.cycleChanged.emit(cycle_id)
        self.load(cycle_id)  # where planning goes on: the store starts it there

    @Slot(str)
    def _read(self, cycle_id: str) -> None:
        self.readCycleRequested.emit(cycle_id)

    @Slot(str)
    def _save_failed(self, message: str) -> None:
        self.message_bar.show_problem(message)

    @Slot(str)
    def _state_changed(self, state: str) -> None:
        self.save_state_label.setText("" if state == SaveState.SAVED.value else state)
        if state == SaveState.SAVED.value and self.saver.stage_id:
            self.save_state_label.setText("Saved")
        self.saveStateChanged.emit(state)

    @Slot()
    def _retry(self) -> None:
        if self.save_now():
            self.message_bar.clear()

    def _remember_stage(self, stage_id: str) -> None:
        """Keep the place (a stage, or PLANNED_MARK) so that reopening resumes there."""
        assert self._cycle is not None
        try:
            self._journal.cycles.set_current_stage(self._cycle.id, stage_id)
        except JournalError as exc:
            self.message_bar.show_problem(str(exc))
            return
        self._cycle = dataclasses.replace(self._cycle, current_stage=stage_id)

    def _write(
        self, change: Callable[..., CycleRecord], *args: object, **kw: object
    ) -> CycleRecord | None:
        """Run a store call that returns the cycle; show a refusal and return None."""
        try:
            record = change(*args, **kw)
        except JournalError as exc:
            self.message_bar.show_problem(str(exc))
            return None
        self._cycle = record
        self.message_bar.clear()
        self.cycleChanged.emit(record.id)
        return record

    # -- the planned screen ------------------------------------------------------------------

    @Slot()
    def _date_changed(self) -> None:
        if self._cycle is not None and not self._showing:
            day = self.planned_page.experiment_date.date()
            if day != self._cycle.experiment_date:
                self._write(self._journal.cycles.update_cycle, self._cycle.id, experiment_date=day)

    # -- what was written earlier ------------------------------------------------------------

    def _show_earlier(self, cycle: CycleRecord, stage_id: str) -> None:
        """The plan carried over, then every stage before this one that has text."""
        texts = []
        carried = self._carried_plan(cycle)
        if carried:
            texts.append(EarlierText(CARRIED_HEADING, carried))
        for stage in steps.cycle_stages(cycle, self._template):
            if stage.id == stage_id:
                break
            texts.append(EarlierText(stage.title, cycle.text(stage.id)))
        texts = [t for t in texts if t.text.strip()]
        self.earlier.show_texts(texts)
        self.write_first()
        self.show_earlier(bool(texts))

    @Slot(bool)
    def _earlier_toggled(self, shown: bool) -> None:
        if self._settings is not None:
            remember_earlier_stages_shown(self._settings, shown)
        self.fit_earlier()

    # -- helpers ------------------------------------------------------------------------------

    def _plan(self, cycle: CycleRecord) -> str:
        template = self._template
        stage = template and (
            template.stage_with_role(StageRole.STRATEGY)
            or template.stage_with_role(StageRole.INTENTION)
        )
        text = " ".join(without_carried_marker(cycle.text(stage.id)).split()) if stage else ""
        if not text:  # nothing written yet: the plan is still the one carried over
            text = " ".join(self._carried_plan(cycle).split())
        return text if len(text) <= _PLAN_CHARS else text[: _PLAN_CHARS - 1].rstrip() + "…"

    def _carried_plan(self, cycle: CycleRecord) -> str:
        try:
            return self._journal.cycles.carried_plan(cycle)
        except JournalError:
            return ""  # the cycle before cannot be read: this one still opens

    def _known_tags(self) -> list[str]:
        try:
            return self._journal.entries.all_tags()
        except JournalError:
            return []  # completion is a convenience; the tags themselves still save

    def _shortcut(self, text: str, keys: tuple[str, ...], slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _connect(self) -> None:
        self.saver.saved.connect(self._record_changed)
        self.saver.failed.connect(self._save_failed)
        self.saver.stateChanged.connect(self._state_changed)
        self.message_bar.retryRequested.connect(self._retry)
        self.stage_page.text_edit.textChanged.connect(self._text_changed)
        self.next_button.clicked.connect(self._next)
        self.skip_button.clicked.connect(self._next)
        self.back_button.clicked.connect(self._back)
        self.finish_later_button.clicked.connect(self._finish_later)
        self.planned_page.tried_button.clicked.connect(self._begin_reflection)
        self.planned_page.experiment_date.check.toggled.connect(self._date_changed)
        self.planned_page.experiment_date.date_edit.dateChanged.connect(self._date_changed)
        self.tried_page.yes_button.clicked.connect(self._begin_reflection)
        self.tried_page.not_yet_button.clicked.connect(self._not_yet)
        self.review.changed.connect(self._record_changed)
        self.review.failed.connect(self._save_failed)
        self.review.reviewed.connect(self._reviewed)
        self.review_page.next_button.clicked.connect(self.start_next_experiment)
        self.earlier.expandedChanged.connect(self._earlier_toggled)
        self.review.openNextRequested.connect(self.load)
        self.review.readRequested.connect(self._read)

    def hideEvent(self, event: QHideEvent) -> None:
        """Save when the flow is hidden or its window closes."""
        self.save_now()
        super().hideEvent(event)
