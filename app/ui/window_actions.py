"""The window's actions (with their shortcuts) and its menus."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow


@dataclass(frozen=True)
class WindowActions:
    """Every command the window offers, so menus, shortcuts and tests share them."""

    new_entry: QAction
    save: QAction
    show_recovery_code: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    find: QAction
    clear_recent: QAction
    trash: QAction
    versions: QAction
    open_trash: QAction


def _action(
    window: QMainWindow, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str = ""
) -> QAction:
    action = QAction(text, window)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    window.addAction(action)
    return action


def create_actions(window: QMainWindow, undo_stack: QUndoStack) -> WindowActions:
    """Build the actions; the caller connects them to what they do."""
    undo = undo_stack.createUndoAction(window, "&Undo")
    undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
    redo = undo_stack.createRedoAction(window, "&Redo")
    redo.setShortcut(QKeySequence(QKeySequence.StandardKey.Redo))
    window.addAction(undo)
    window.addAction(redo)
    trash = QAction("&Move to trash", window)
    trash.setShortcut(QKeySequence(Qt.Key.Key_Delete))
    # Delete only trashes when the entry list has focus; the caller adds it to the list.
    trash.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    return WindowActions(
        new_entry=_action(window, "&New entry", "Ctrl+N"),
        save=_action(window, "&Save now", "Ctrl+S"),
        show_recovery_code=_action(window, "Show &recovery code..."),
        quit=_action(window, "&Quit", "Ctrl+Q"),
        undo=undo,
        redo=redo,
        find=_action(window, "&Find...", "Ctrl+F"),
        clear_recent=_action(window, "Clear recent searc&hes"),
        trash=trash,
        versions=_action(window, "&Versions..."),
        open_trash=_action(window, "&Trash..."),
    )


def build_menus(window: QMainWindow, actions: WindowActions) -> None:
    """File, Edit and Entry menus."""
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addAction(actions.new_entry)
    file_menu.addAction(actions.save)
    file_menu.addSeparator()
    file_menu.addAction(actions.show_recovery_code)
    file_menu.addSeparator()
    file_menu.addAction(actions.quit)
    edit_menu = bar.addMenu("&Edit")
    edit_menu.addAction(actions.undo)
    edit_menu.addAction(actions.redo)
    edit_menu.addSeparator()
    edit_menu.addAction(actions.find)
    edit_menu.addAction(actions.clear_recent)
    edit_menu.addAction(actions.trash)
    entry_menu = bar.addMenu("E&ntry")
    entry_menu.addAction(actions.versions)
    entry_menu.addAction(actions.open_trash)
