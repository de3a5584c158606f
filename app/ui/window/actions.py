"""The window's actions (with their shortcuts) and its menus."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu

from app.journal.opening import Journal
from app.ui.sessions.flag_toggle import Flag, FlagAction
from app.ui.widgets.journal_items import ItemKind
from app.ui.window.edit_menu import EditCommands
from app.ui.window.lock_after_menu import LockAfterMenu
from app.ui.window.navigation import View


@dataclass(frozen=True)
class WindowActions:
    """Every command the window offers, so menus, shortcuts and tests share them."""

    new_entry: QAction
    quick_note: QAction
    new_cycle: QAction
    record_session: QAction
    export_summary: QAction
    print_summary: QAction
    add_to_calendar: QAction
    reminders: QAction
    looking_back: QAction
    reflective_moves: QAction
    check_spelling: QAction
    save: QAction
    show_recovery_code: QAction
    back_up_now: QAction
    backups: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    edit: EditCommands
    find: QAction
    insert_link: QAction
    personal_dictionary: QAction
    clear_recent: QAction
    trash: QAction
    views: dict[View, QAction]
    zoom_in: QAction
    zoom_out: QAction
    actual_size: QAction
    flag_entry: FlagAction
    share_entry: FlagAction
    turn_into_cycle: QAction
    versions: QAction
    open_trash: QAction
    trash_cycle: QAction
    read_view: QAction
    stage_versions: QAction
    start_next: QAction
    flag_cycle: FlagAction
    templates: QAction
    pause_inquiry: QAction
    close_inquiry: QAction
    reopen_inquiry: QAction
    lock_now: QAction
    lock_after: LockAfterMenu
    show_error_log: QAction


def _action(
    window: QMainWindow, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str = ""
) -> QAction:
    action = QAction(text, window)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    window.addAction(action)
    return action


def _view_actions(window: QMainWindow) -> dict[View, QAction]:
    group = QActionGroup(window)
    group.setExclusive(True)
    actions = {}
    for view in View:
        action = _action(window, view.menu_text, view.shortcut)
        action.setCheckable(True)
        action.setData(view.value)
        group.addAction(action)
        actions[view] = action
    return actions


def _zoom_in(window: QMainWindow) -> QAction:
    action = _action(window, "Zoom &in")
    # Ctrl+= too: on most keyboards "+" needs Shift, and people press the key it shares.
    action.setShortcuts([QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")])
    action.setToolTip("Larger text where you write and read")
    return action


def _looking_back(window: QMainWindow) -> QAction:
    action = _action(window, "Looking &back on Home")
    action.setCheckable(True)
    action.setToolTip("Now and then, an earlier cycle and what you learned from it")
    return action


MOVES_KEY = "Ctrl+Shift+M"


def _reflective_moves(window: QMainWindow) -> QAction:
    action = _action(window, "Reflective &moves", MOVES_KEY)
    action.setCheckable(True)
    action.setIconText("Reflective moves")  # on the buttons beside the writing
    action.setToolTip(
        f"Which reflective moves your writing makes, and prompts for the others ({MOVES_KEY})"
    )
    return action


SPELLING_KEY = "F7"


def _check_spelling(window: QMainWindow) -> QAction:
    action = _action(window, "Check s&pelling", SPELLING_KEY)
    action.setCheckable(True)
    action.setToolTip(
        f"Underline words the UK English dictionary does not know as you write ({SPELLING_KEY})"
    )
    return action


def _insert_link(window: QMainWindow) -> QAction:
    # Not Ctrl+K: on Linux a text field deletes to the end of the line with it.
    action = _action(window, "&Link to an entry or cycle…", "Ctrl+Shift+K")
    action.setToolTip("Link to another entry or cycle where you are writing (or type [[)")
    return action


def _personal_dictionary(window: QMainWindow) -> QAction:
    action = _action(window, "Personal &dictionary…")
    action.setToolTip("The words you added to the spelling check, to add to or remove")
    return action


QUICK_NOTE_KEY = "Ctrl+Shift+J"
"""J for jot: Ctrl+Shift+N (a new cycle), Ctrl+Shift+I (import) and Ctrl+Shift+M (reflective
moves) are taken."""


def _quick_note(window: QMainWindow) -> QAction:
    action = _action(window, "Q&uick note…", QUICK_NOTE_KEY)
    action.setToolTip("A small window for a note straight into your journal")
    action.setStatusTip("A small window for a note straight into your journal")
    return action


def create_actions(window: QMainWindow, undo_stack: QUndoStack, journal: Journal) -> WindowActions:
    """Build the actions; the caller connects them to what they do."""
    edit = EditCommands(window, undo_stack)
    # Every binding the platform knows (Ctrl+Shift+Z and Ctrl+Y), not only its first.
    edit.redo.setShortcuts(QKeySequence.StandardKey.Redo)
    trash = QAction("&Move to trash", window)
    trash.setShortcut(QKeySequence(Qt.Key.Key_Delete))
    # Delete only trashes when the entry list has focus; the caller adds it to the list.
    trash.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    read_view = _action(window, "&Read view", "Ctrl+R")
    read_view.setCheckable(True)
    read_view.setToolTip("The whole cycle on one page")
    return WindowActions(
        new_entry=_action(window, "&New entry", "Ctrl+N"),
        quick_note=_quick_note(window),
        new_cycle=_action(window, "New &cycle…", "Ctrl+Shift+N"),
        record_session=_action(window, "Rec&ord a session…"),
        export_summary=_action(window, "E&xport summary…", "Ctrl+E"),
        print_summary=_action(window, "&Print summary…", "Ctrl+P"),
        add_to_calendar=_action(window, "Add &dates to calendar…"),
        reminders=_action(window, "Re&minders…"),
        looking_back=_looking_back(window),
        reflective_moves=_reflective_moves(window),
        check_spelling=_check_spelling(window),
        save=_action(window, "&Save now", "Ctrl+S"),
        show_recovery_code=_action(window, "Show &recovery code..."),
        back_up_now=_action(window, "&Back up now"),
        backups=_action(window, "Bac&kups..."),
        quit=_action(window, "&Quit", "Ctrl+Q"),
        undo=edit.undo,
        redo=edit.redo,
        edit=edit,
        find=_action(window, "&Find...", "Ctrl+F"),
        insert_link=_insert_link(window),
        personal_dictionary=_personal_dictionary(window),
        clear_recent=_action(window, "Clear recent searc&hes"),
        trash=trash,
        views=_view_actions(window),
        zoom_in=_zoom_in(window),
        zoom_out=_action(window, "Zoom &out", QKeySequence.StandardKey.ZoomOut),
        actual_size=_action(window, "&Actual size", "Ctrl+0"),
        flag_entry=FlagAction(journal, ItemKind.ENTRY, None, window),
        share_entry=FlagAction(journal, ItemKind.ENTRY, None, window, Flag.COACH),
        turn_into_cycle=_action(window, "&Turn into a cycle…"),
        versions=_action(window, "&Versions..."),
        open_trash=_action(window, "Tr&ash..."),
        trash_cycle=_action(window, "&Move to trash"),
        read_view=read_view,
        stage_versions=_action(window, "Stage &versions…"),
        start_next=_action(window, "Start the &next experiment"),
        flag_cycle=FlagAction(journal, ItemKind.CYCLE, None, window),
        templates=_action(window, "&Templates…"),
        pause_inquiry=_action(window, "&Pause this line of inquiry"),
        close_inquiry=_action(window, "&Close this line of inquiry"),
        reopen_inquiry=_action(window, "&Reopen this line of inquiry"),
        lock_now=_action(window, "&Lock now", "Ctrl+L"),
        lock_after=LockAfterMenu(window),
        show_error_log=_action(window, "Show &error log"),
    )


def build_menus(window: QMainWindow, actions: WindowActions) -> dict[str, QMenu]:
    """File, Edit, View, Entry, Cycle and Inquiry menus, by name."""
    bar = window.menuBar()
    menus = {}

    def menu(name: str, title: str, *items: QAction | None) -> None:
        built = bar.addMenu(title)
        for item in items:
            if item is None:
                built.addSeparator()
            else:
                built.addAction(item)
        menus[name] = built

    a = actions
    menu(
        "file",
        "&File",
        a.new_entry,
        a.quick_note,
        a.new_cycle,
        a.record_session,
        None,
        a.export_summary,
        a.print_summary,
        a.add_to_calendar,
        a.reminders,
        None,
        a.save,
        a.show_recovery_code,
        None,
        a.lock_now,
        a.lock_after.menuAction(),
        None,
        a.back_up_now,
        a.backups,
        None,
        a.quit,
    )
    t = a.edit.text
    menu(
        "edit",
        "&Edit",
        a.undo,
        a.redo,
        None,
        t.cut,
        t.copy,
        t.paste,
        t.select_all,
        None,
        a.insert_link,
        a.personal_dictionary,
        None,
    )
    menus["edit"].addActions([a.find, a.clear_recent, a.trash])
    menus["edit"].aboutToShow.connect(a.edit.refresh)
    menu(
        "view",
        "&View",
        *a.views.values(),
        None,
        a.zoom_in,
        a.zoom_out,
        a.actual_size,
        None,
        a.looking_back,
        a.reflective_moves,
        a.check_spelling,
    )
    menu(
        "entry",
        "E&ntry",
        a.flag_entry,
        a.share_entry,
        a.turn_into_cycle,
        None,
        a.versions,
        a.open_trash,
    )
    menu(
        "cycle",
        "&Cycle",
        a.read_view,
        a.stage_versions,
        a.start_next,
        a.flag_cycle,
        None,
        a.trash_cycle,
        a.open_trash,
        None,
        a.templates,
    )
    menu("inquiry", "&Inquiry", a.pause_inquiry, a.close_inquiry, a.reopen_inquiry)
    return menus


def add_help_menu(window: QMainWindow, menus: dict[str, QMenu], actions: WindowActions) -> None:
    """The Help menu, last on the bar (after the menus other modules add)."""
    help_menu = window.menuBar().addMenu("&Help")
    help_menu.addAction(actions.show_error_log)
    menus["help"] = help_menu
