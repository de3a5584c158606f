"""Every window and dialog the app has, found in app/ui, and one way to build each for a test.

The screen-fit, keyboard and mnemonic tests all walk this list, so a new dialog is checked by
each of them as soon as it is added to BUILDS (and a test fails until it is).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import NoReturn

from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

import app.ui
from app.journal.opening import Journal
from app.reminders.due import DueItem, DueKind
from app.reminders.nudges import NudgeSettings
from app.spelling.personal import PersonalDictionary
from app.storage.keys import KeyStore
from app.summary.privacy import find_in
from app.ui.backups.backups_dialog import BackupsDialog
from app.ui.backups.refused_journal import RefusedJournalDialog, RestoreWizard
from app.ui.coach.participant_insights import ParticipantInsightsDialog
from app.ui.coach.verify_dialog import VerifyParticipantDialog
from app.ui.cycles.new_cycle_dialog import NewCycleDialog
from app.ui.cycles.new_cycle_form import NewCycleForm
from app.ui.cycles.next_experiment_dialog import NextExperimentDialog
from app.ui.cycles.stage_versions_dialog import StageVersionsDialog
from app.ui.cycles.template_editor import TemplateEditorDialog
from app.ui.cycles.template_editor_form import TemplateEditorForm
from app.ui.cycles.templates_dialog import TemplatesDialog
from app.ui.entries.quick_note import QuickNoteDialog
from app.ui.privacy.review import PrivacyReviewDialog
from app.ui.reminders.calendar_dialog import CalendarDialog
from app.ui.reminders.settings_dialog import ReminderSettingsDialog
from app.ui.sessions.evidence_picker import EvidencePicker
from app.ui.sessions.session_dialog import SessionDialog
from app.ui.sessions.session_form import SessionForm
from app.ui.sharing.card_dialogs import AddCoachDialog, SaveCardDialog
from app.ui.sharing.import_dialog import ImportDialog
from app.ui.sharing.share_dialog import ShareDialog
from app.ui.sharing.share_view import ShareDialogView
from app.ui.start.opening_window import OpeningWindow
from app.ui.start.recovery_dialog import RecoveryCodeDialog
from app.ui.start.setup_wizard import SetupWizard
from app.ui.start.unlock_dialogs import PassphraseDialog, RecoverDialog
from app.ui.summary.summary_dialog import SummaryDialog
from app.ui.summary.summary_form import SummaryForm
from app.ui.trash.dialog import TrashDialog
from app.ui.widgets.dictionary_dialog import PersonalDictionaryDialog
from app.ui.widgets.journal_items import ItemKind, ItemRef
from app.ui.widgets.link_completer import LinkPicker
from app.ui.widgets.versions_dialog import VersionHistoryDialog, VersionsDialog
from app.ui.window.crash_report import ErrorDialog
from app.ui.window.main_window import MainWindow
from app.writing.links import ItemLink, LinkedItem, LinkKind
from app.writing.templates import user_templates_dir
from tests.support.data import today
from tests.ui.summary.helpers import Sample

Build = Callable[[MainWindow, Journal, KeyStore, Path], QWidget]


def _never(*_args: object) -> NoReturn:
    raise AssertionError("not called while the dialog is only measured")


def _stage_versions(journal: Journal) -> StageVersionsDialog:
    inquiry = journal.cycles.create_inquiry("Why do handovers overrun?")
    cycle = journal.cycles.start_cycle(inquiry.id, journal.templates.default.id)
    stage = cycle.stages[0]
    return StageVersionsDialog(journal.cycles, cycle.id, stage.stage_id, "Describe")


def _next_experiment(journal: Journal) -> NextExperimentDialog:
    inquiry = journal.cycles.create_inquiry("Why do handovers overrun?")
    cycle = journal.cycles.start_cycle(inquiry.id, journal.templates.default.id)
    cycle = journal.cycles.save_stage(cycle.id, "next", "Ask the night team first. " * 40)
    return NextExperimentDialog(journal.cycles, cycle, journal.templates.default, today=today)


def _versions(journal: Journal) -> VersionsDialog:
    entry = journal.entries.create("A title", "Some text")
    return VersionsDialog(journal.entries, entry.id)


def _items() -> list[ItemRef]:
    when = datetime(2026, 3, 1, tzinfo=UTC)
    return [
        ItemRef(ItemKind.ENTRY, f"e{n}", f"A long entry title number {n}", when) for n in range(40)
    ]


def _linkable(_text: str) -> list[LinkedItem]:
    when = datetime(2026, 3, 1, tzinfo=UTC)
    return [
        LinkedItem(ItemLink(LinkKind.CYCLE, f"c{n}"), f"A long cycle title number {n}", when)
        for n in range(40)
    ]


def _with_words(journal: Journal) -> PersonalDictionary:
    for word in ("deprescribing", "Okonkwo", "huddle-board"):
        journal.dictionary.add(word, private=word[0].isupper())
    return journal.dictionary


def _dates() -> list[DueItem]:
    return [
        DueItem(
            DueKind.REFLECTION,
            f"reflect-{n}",
            str(n),
            today(),
            "Reflect on your experiment",
            f"A long cycle title about the handover, number {n}, with Mrs Patel's family",
        )
        for n in range(30)
    ]


# One way to build each window and dialog the app has, with what it needs.
BUILDS: dict[type[QWidget], Build] = {
    MainWindow: lambda window, *_: window,
    OpeningWindow: lambda window, *_: OpeningWindow(window._settings),
    BackupsDialog: lambda window, journal, *_: BackupsDialog(
        journal, window.controllers.backups, confirm=lambda *_: True
    ),
    RefusedJournalDialog: lambda *_: RefusedJournalDialog("This journal was refused. " * 20),
    RestoreWizard: lambda _w, _j, keys, folder: RestoreWizard(
        folder, keys, _never, backups_folder=folder
    ),
    VerifyParticipantDialog: lambda *_: VerifyParticipantDialog("Sam Example", "AB12 " * 8),
    ParticipantInsightsDialog: lambda window, journal, *_: ParticipantInsightsDialog(
        journal, "AB12-CD34-EF56-7890", "Sam Example", window._settings, today=today
    ),
    NewCycleForm: lambda *_: NewCycleForm(),
    TemplateEditorForm: lambda *_: TemplateEditorForm(),
    TemplatesDialog: lambda _w, journal, *_: TemplatesDialog(journal),
    RecoveryCodeDialog: lambda *_: RecoveryCodeDialog("ABCD-EFGH-IJKL-MNOP-QRST-UVWX"),
    EvidencePicker: lambda *_: EvidencePicker(_items(), "Ask my mentor about the rota"),
    LinkPicker: lambda *_: LinkPicker(_linkable),
    SessionForm: lambda *_: SessionForm(today()),
    SetupWizard: lambda _w, _j, keys, folder: SetupWizard(folder, keys, _never),
    AddCoachDialog: lambda _w, journal, *_: AddCoachDialog(journal, None),
    SaveCardDialog: lambda _w, journal, *_: SaveCardDialog(journal, _never),
    ImportDialog: lambda _w, journal, _k, folder: ImportDialog(journal, folder / "share.ijshare"),
    ShareDialogView: lambda *_: ShareDialogView(),
    PrivacyReviewDialog: lambda *_: PrivacyReviewDialog(
        find_in(Sample(wants="Mrs Patel, Mr Jones, NHS no 943 476 5919 " * 4))
    ),
    SummaryForm: lambda *_: SummaryForm(),
    TrashDialog: lambda _w, journal, *_: TrashDialog(journal),
    PassphraseDialog: lambda _w, _j, keys, folder: PassphraseDialog(folder, keys),
    RecoverDialog: lambda _w, _j, keys, folder: RecoverDialog(folder, keys, "A reason. " * 10),
    VersionHistoryDialog: lambda *_: VersionHistoryDialog("No earlier versions yet."),
    NewCycleDialog: lambda _w, journal, *_: NewCycleDialog(journal, today=today),
    SessionDialog: lambda _w, journal, *_: SessionDialog(journal, today=today),
    SummaryDialog: lambda _w, journal, *_: SummaryDialog(journal, today=today),
    ShareDialog: lambda _w, journal, *_: ShareDialog(journal, pick_file=_never, today=today),
    TemplateEditorDialog: lambda _w, journal, *_: TemplateEditorDialog(
        journal.templates.default, user_templates_dir(journal.folder)
    ),
    StageVersionsDialog: lambda _w, journal, *_: _stage_versions(journal),
    NextExperimentDialog: lambda _w, journal, *_: _next_experiment(journal),
    VersionsDialog: lambda _w, journal, *_: _versions(journal),
    CalendarDialog: lambda *_: CalendarDialog(_dates()),
    PersonalDictionaryDialog: lambda _w, journal, *_: PersonalDictionaryDialog(
        _with_words(journal), lambda words: None
    ),
    QuickNoteDialog: lambda *_: QuickNoteDialog(),
    ReminderSettingsDialog: lambda *_: ReminderSettingsDialog(NudgeSettings(), False, tray=False),
    ErrorDialog: lambda _w, _j, _k, folder: ErrorDialog(
        "Uncaught exception\nbuiltins.RuntimeError\n  at app/ui/entries/editor.py:1:save",
        folder / "a" / "long" / "folder" / "name" / "for" / "the" / ("log" * 30) / "errors.log",
    ),
}

# Windows and dialogs deliberately not measured here, each with the reason.
NOT_MEASURED: dict[str, str] = {
    "KeyboardSafeDialog": "the base class of the dialogs above, never shown by itself",
    "KeyboardSafeWizard": "the base class of the wizards above, never shown by itself",
}


def windows_in_app_ui() -> set[type[QWidget]]:
    """Every QDialog (QWizard included) and QMainWindow subclass defined under app/ui."""
    found: set[type[QWidget]] = set()
    for info in pkgutil.walk_packages(app.ui.__path__, "app.ui."):
        module = importlib.import_module(info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and issubclass(cls, QDialog | QMainWindow):
                found.add(cls)
    return found
