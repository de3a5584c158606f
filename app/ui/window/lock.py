"""Locking the window when it is left unused (or on File > Lock now), and back in, as it was."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, Signal, Slot
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from app.errors import JournalError, WrongKeyError
from app.storage.meta import KeyMode
from app.ui.reminders.tray import bring_forward
from app.ui.widgets.keyboard_safe_dialog import USABLE_WHILE_LOCKED
from app.ui.widgets.settings import lock_after_minutes, remember_lock_after
from app.ui.window.idle_lock import IdleWatcher
from app.ui.window.lock_after_menu import minutes_label

if TYPE_CHECKING:
    from app.ui.window.context import WindowContext
    from app.ui.window.lock_screen import LockFrame

LOCKED_TITLE = "Inquiry Journal (locked)"
IDLE_REASON = "Locked after {time} without use."
IDLE_REASON_SHORT = "Locked after a while without use."
EMPTY_PASSPHRASE = "Please type your passphrase."
WRONG_PASSPHRASE = "That passphrase does not unlock this journal. Please try again."
FORGOTTEN_HINT = (
    " If you have forgotten it, close the window and open the journal again with your "
    "recovery code: everything typed before it locked is saved."
)
ATTEMPTS_BEFORE_HINT = 3
MINUTE_MS = 60_000
_MOST_POPUPS = 16  # menus open inside menus; never loop for ever on one that will not close


class ShortcutGuard(QObject):
    """While installed on the application, keyboard shortcuts do nothing.

    Except those of the widgets inside `allowed_inside` (the lock screen's Alt+U) or in a
    window marked USABLE_WHILE_LOCKED (the Quick note, which shows nothing of the journal),
    and the actions in `allowed` (Quit): nothing behind the lock screen can be reached by key.
    """

    def __init__(
        self, allowed_inside: QWidget, allowed: tuple[QAction, ...], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._inside = allowed_inside
        self._allowed = allowed

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Stop a shortcut on its way to anything but the lock screen and the allowed actions."""
        if event.type() != QEvent.Type.Shortcut:
            return False
        if isinstance(watched, QWidget):
            if watched.window().property(USABLE_WHILE_LOCKED):
                return False
            return not (watched is self._inside or self._inside.isAncestorOf(watched))
        return not any(watched is action for action in self._allowed)


class WindowLock(QObject):
    """Locks the window after the idle time chosen in File > Lock after, or on Lock now.

    Locking saves what is typed, closes menus and tooltips, hides the dialogs that are open,
    and puts the lock screen in the window's place: the title only says it is locked, the
    menus are greyed out and shortcuts do nothing but Quit. Unlocking takes the passphrase
    (checked against the journal's file) or, when the system keyring keeps the key, a click;
    then everything is shown as it was: the view, the entry, the cursor and the dialogs.

    `idle_ms` replaces the idle time in the settings (tests use a short one).

    Signals: lockedChanged(bool locked).
    """

    lockedChanged = Signal(bool)

    def __init__(
        self,
        context: WindowContext,
        frame: LockFrame,
        settings: QSettings,
        *,
        idle_ms: int | None = None,
    ) -> None:
        window = context.window
        super().__init__(window)
        self._window = window
        journal = context.journal
        self._journal = journal
        self._settings = settings
        self._save = context.save_all
        self._frame = frame
        self.lock_screen = frame.lock_screen
        self._asks_passphrase = journal.meta.key_mode is KeyMode.PASSPHRASE
        self._locked = False
        self._failures = 0
        self._title = ""
        self._hidden_windows: list[QWidget] = []
        self._menus: list[tuple[QAction, bool]] = []
        self._focus: QWidget | None = None
        self._status_bar_shown = True
        commands = context.commands
        self._guard = ShortcutGuard(self.lock_screen, (commands.quit,), self)

        minutes = lock_after_minutes(settings)
        self.watcher = IdleWatcher(minutes * MINUTE_MS if idle_ms is None else idle_ms, self)
        self.watcher.idle.connect(self._lock_when_idle)
        commands.lock_now.triggered.connect(self.lock)
        commands.lock_after.set_minutes(minutes)
        commands.lock_after.chosen.connect(self._set_minutes)
        self.lock_screen.unlockRequested.connect(self._unlock_requested)
        window.windowTitleChanged.connect(self._title_changed)

    def watch_input(self) -> None:
        """Start counting the idle time and watching for input (the window calls this when it
        is first shown; unlocking starts them again). Locked, they wait for the unlock."""
        if not self._locked:
            self.watcher.start()

    @property
    def locked(self) -> bool:
        """True while the lock screen stands in for the journal."""
        return self._locked

    @Slot()
    def lock(self) -> None:
        """Save, hide everything of the journal and show the lock screen (Lock now)."""
        self._lock("")

    def ask_to_unlock(self) -> None:
        """Bring the locked window forward, the keyboard on its lock screen (a quick note
        waits to be saved, say)."""
        bring_forward(self._window)
        if self._locked:
            self.lock_screen.focus_first()

    def shut_down(self) -> None:
        """The window is closing: stop watching the app's input."""
        self.watcher.stop()
        self._application().removeEventFilter(self._guard)

    @Slot()
    def _lock_when_idle(self) -> None:
        minutes = round(self.watcher.timeout_ms / MINUTE_MS)
        reason = IDLE_REASON.format(time=minutes_label(minutes)) if minutes else IDLE_REASON_SHORT
        self._lock(reason)

    def _lock(self, reason: str) -> None:
        if self._locked:
            return
        self._save()  # what is typed, as when the window loses focus
        window = self._window
        self._locked = True
        self.watcher.stop()
        self._remember_focus(window.focusWidget())
        self._close_popups()
        self._hidden_windows = self._hide_other_windows()
        self._title = window.windowTitle()
        window.setWindowTitle(LOCKED_TITLE)
        self._menus = [(a, a.isEnabled()) for a in window.menuBar().actions()]
        for action, _enabled in self._menus:
            action.setEnabled(False)
        self._status_bar_shown = not window.statusBar().isHidden()
        window.statusBar().hide()
        self._application().installEventFilter(self._guard)
        self._failures = 0
        self.lock_screen.begin(reason)
        self._frame.show_lock_screen()
        self.lock_screen.focus_first()
        self.lockedChanged.emit(True)

    @Slot(str)
    def _unlock_requested(self, passphrase: str) -> None:
        if not self._locked:
            return
        if self._asks_passphrase and not self._passphrase_opens(passphrase):
            return
        self._unlock()

    def _passphrase_opens(self, passphrase: str) -> bool:
        if not passphrase:
            self.lock_screen.refuse(EMPTY_PASSPHRASE)
            return False
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._journal.check_passphrase(passphrase)
        except WrongKeyError:
            self._failures += 1
            hint = FORGOTTEN_HINT if self._failures >= ATTEMPTS_BEFORE_HINT else ""
            self.lock_screen.refuse(WRONG_PASSPHRASE + hint)
            return False
        except JournalError as exc:
            self.lock_screen.refuse(str(exc))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        return True

    def _unlock(self) -> None:
        window = self._window
        self._locked = False
        self.lock_screen.clear()  # nothing typed stays in the field
        self._application().removeEventFilter(self._guard)
        self._frame.show_content()
        window.setWindowTitle(self._title)
        for action, enabled in self._menus:
            action.setEnabled(enabled)
        self._menus = []
        window.statusBar().setVisible(self._status_bar_shown)
        reshown = self._show_hidden_windows()
        if reshown:
            reshown[-1].activateWindow()  # shown last, so on top
        elif self._focus is not None:
            self._focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self._remember_focus(None)
        self.watcher.start()
        self.lockedChanged.emit(False)

    def _remember_focus(self, widget: QWidget | None) -> None:
        if self._focus is not None:
            self._focus.destroyed.disconnect(self._focus_gone)
        self._focus = widget
        if widget is not None:
            widget.destroyed.connect(self._focus_gone)

    @Slot()
    def _focus_gone(self) -> None:
        self._focus = None

    def _close_popups(self) -> None:
        QToolTip.hideText()
        for _ in range(_MOST_POPUPS):
            popup = QApplication.activePopupWidget()
            if popup is None:
                break
            popup.close()

    def _hide_other_windows(self) -> list[QWidget]:
        """Hide the dialogs open on the journal; they come back as they were after unlocking.

        Hiding a dialog opened with open() keeps it (and what is typed in it) as it was. A
        message box asking a question with exec() is ended by hiding, answering its safe
        default (No): nothing changes, and it does not come back.
        """
        shown = [
            w
            for w in QApplication.topLevelWidgets()
            if w is not self._window
            and w.isVisible()
            and w.windowType() not in (Qt.WindowType.Popup, Qt.WindowType.ToolTip)
        ]
        shown.sort(key=_depth)
        for widget in reversed(shown):  # a dialog's own dialogs first
            widget.hide()
        return shown

    def _show_hidden_windows(self) -> list[QWidget]:
        alive = QApplication.topLevelWidgets()
        reshown = [w for w in self._hidden_windows if any(w is a for a in alive)]
        self._hidden_windows = []
        for widget in reshown:  # a dialog before its own dialogs
            widget.show()
        return reshown

    @Slot(str)
    def _title_changed(self, title: str) -> None:
        # A title set while locked (an entry's name, say) waits until unlocking.
        if self._locked and title != LOCKED_TITLE:
            self._title = title
            self._window.setWindowTitle(LOCKED_TITLE)

    @Slot(int)
    def _set_minutes(self, minutes: int) -> None:
        remember_lock_after(self._settings, minutes)
        self.watcher.set_timeout(minutes * MINUTE_MS)

    def _application(self) -> QApplication:
        application = QApplication.instance()
        assert isinstance(application, QApplication)
        return application


def _depth(widget: QWidget) -> int:
    depth = 0
    parent = widget.parentWidget()
    while parent is not None:
        depth += 1
        parent = parent.parentWidget()
    return depth
