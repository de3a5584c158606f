"""The sharing commands (with their shortcut) and where they sit in the menus."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from app.ui.window.actions import WindowActions

IMPORT_KEY = "Ctrl+Shift+I"


@dataclass(frozen=True)
class SharingActions:
    """Pairing, sharing and importing, so menus, shortcuts and tests share them."""

    share: QAction
    share_open_item: QAction
    save_card: QAction
    add_coach: QAction
    import_file: QAction


def _action(window: QMainWindow, text: str, tip: str, shortcut: str = "") -> QAction:
    action = QAction(text, window)
    action.setToolTip(tip)
    action.setStatusTip(tip)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    window.addAction(action)
    return action


def create_sharing_actions(window: QMainWindow) -> SharingActions:
    """Build the actions; SharingController connects them to what they do."""
    return SharingActions(
        share=_action(
            window,
            "Share with &coach…",
            "Save a package of what you choose for your coach, after the privacy check",
        ),
        share_open_item=_action(
            window,
            "Share this entry with coach &now…",
            "Save a package of the entry shown for your coach, after the privacy check",
        ),
        save_card=_action(
            window,
            "Save my car&d…",
            "Save your card for your coach to add, and see its fingerprint",
        ),
        add_coach=_action(
            window,
            "&Add coach from card…",
            "Add your coach's card, after comparing its fingerprint with them aloud",
        ),
        import_file=_action(
            window,
            "&Import…",
            "Import your coach's feedback, a share, or a journal export (JSON)",
            IMPORT_KEY,
        ),
    )


def add_sharing_menus(
    window: QMainWindow,
    menus: dict[str, QMenu],
    actions: WindowActions,
    sharing: SharingActions,
) -> None:
    """File > Import… beside the summary's export, "Share this…" in the Entry menu, and a
    Sharing menu; the menus are added to `menus` by name."""
    file_menu = menus["file"]
    items = file_menu.actions()
    after_print = items[items.index(actions.print_summary) + 1]
    file_menu.insertAction(after_print, sharing.import_file)
    entry_menu = menus["entry"]
    items = entry_menu.actions()
    after_share = items[items.index(actions.share_entry) + 1]
    entry_menu.insertAction(after_share, sharing.share_open_item)
    menu = window.menuBar().addMenu("&Sharing")
    menu.addAction(sharing.share)
    menu.addSeparator()
    menu.addAction(sharing.save_card)
    menu.addAction(sharing.add_coach)
    menus["sharing"] = menu
