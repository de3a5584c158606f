"""The window's side of the error log: Qt warnings recorded, and a bug shown, never swallowed.

app.diagnostics.errorlog writes the log; here Qt's warnings go into it, and each bug recorded while
the window runs opens "Something went wrong" (one at a time, on the GUI thread whichever thread
failed). Showing the dialog must never raise: a second failure there is dropped, not looped.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    Qt,
    QtMsgType,
    QUrl,
    Signal,
    Slot,
    qInstallMessageHandler,
)
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.diagnostics import errorlog
from app.ui.widgets.announce import announce

HEADLINE = "Something went wrong; nothing you wrote was lost."
_RECORDED = (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)

OpenFolder = Callable[[Path], bool]
"""Opens a local folder in the system's file manager; False if it could not."""


def open_local_folder(folder: Path) -> bool:
    """Show `folder` in the file manager (a local file URL only, never a web address)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def show_error_log(parent: QWidget | None, open_folder: OpenFolder = open_local_folder) -> None:
    """Open the error log's folder; say where the log is when there is none yet (or no file
    manager opened)."""
    log = errorlog.log_file()
    if log.exists() and open_folder(log.parent):
        return
    if log.exists():
        text = f"The error log is {log}. Send that file to IT if they ask for it."
    else:
        text = (
            f"Nothing has gone wrong so far, so there is no error log yet. It would be kept "
            f"in {log}."
        )
    QMessageBox.information(parent, "Error log", text)


class ErrorDialog(QDialog):
    """Says a bug happened, that nothing written was lost, and where the log is.

    "Copy details" puts the bug's content-free details and the log's place on the clipboard,
    for an email to IT.
    """

    def __init__(self, details: str, log_file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Inquiry Journal: something went wrong")
        self._details = f"{details}\nError log: {log_file}"
        headline = QLabel(HEADLINE)
        headline.setWordWrap(True)
        font = headline.font()
        font.setBold(True)
        headline.setFont(font)
        explanation = QLabel(
            "The app hit a fault in its own code. A note of where it happened (with nothing "
            "from your journal in it) was saved in the error log, which you can send to IT. "
            "If the app behaves oddly now, close it and open it again."
        )
        explanation.setWordWrap(True)
        self.log_place = QLineEdit(str(log_file))
        self.log_place.setReadOnly(True)
        self.log_place.setAccessibleName("Error log file")
        place_label = QLabel("Error log:")
        place_label.setBuddy(self.log_place)
        self.buttons = QDialogButtonBox()
        self.copy_button = self.buttons.addButton(
            "&Copy details", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.setAccessibleName("Copy details")
        self.copy_button.clicked.connect(self.copy_details)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName("Close")
        close.setDefault(True)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(headline)
        layout.addWidget(explanation)
        layout.addWidget(place_label)
        layout.addWidget(self.log_place)
        self.copied = QLabel("Copied: paste the details into an email to IT.")
        self.copied.hide()
        layout.addWidget(self.copied)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(min(520, self.minimumSizeHint().width() + 200))

    @property
    def details(self) -> str:
        """What "Copy details" copies: exception types, code locations and the log's place."""
        return self._details

    @Slot()
    def copy_details(self) -> None:
        """Put the details on the clipboard, and say so."""
        QGuiApplication.clipboard().setText(self._details)
        self.copied.show()
        announce(self, self.copied.text())


class CrashReporter(QObject):
    """Lives on the GUI thread; shows ErrorDialog for each bug recorded, one dialog at a time.

    Signals: recorded(str details) - emitted from any thread, handled on the GUI thread.
    """

    recorded = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialog: ErrorDialog | None = None
        self.recorded.connect(self.show_dialog, Qt.ConnectionType.QueuedConnection)

    def tell(self, details: str) -> None:
        """An errorlog listener: safe to call from any thread."""
        self.recorded.emit(details)

    @Slot(str)
    def show_dialog(self, details: str) -> None:
        """Show the dialog unless one is already open (a cascade of bugs makes one dialog)."""
        if self.dialog is not None:
            return
        try:
            self.dialog = ErrorDialog(details, errorlog.log_file(), QApplication.activeWindow())
            self.dialog.finished.connect(self._dialog_closed)
            self.dialog.show()  # over the window it names as its parent
        except Exception:  # the report of a bug must not become another bug
            self.dialog = None

    @Slot()
    def _dialog_closed(self) -> None:
        self.dialog = None


def record_qt_message(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's message handler: warnings and worse go into the error log, debug noise does not."""
    if mode not in _RECORDED:
        return
    location = ""
    if context.file:
        location = f"{Path(context.file).name}:{context.line}:{context.function or ''}"
    errorlog.record_warning("Qt", message, location)


_Handler = Callable[[QtMsgType, QMessageLogContext, str], None]


@contextlib.contextmanager
def reporting_bugs() -> Iterator[CrashReporter]:
    """While inside: uncaught exceptions, thread failures and Qt warnings are logged, and each
    bug is shown in ErrorDialog. Everything is put back as it was afterwards."""
    reporter = CrashReporter()
    previous: _Handler | None = None

    def on_qt_message(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        record_qt_message(mode, context, message)
        if previous is not None:  # the handler before ours (pytest-qt's, say) still hears it
            previous(mode, context, message)

    previous = qInstallMessageHandler(on_qt_message)
    errorlog.add_listener(reporter.tell)
    try:
        with errorlog.hooks_installed():
            yield reporter
    finally:
        errorlog.remove_listener(reporter.tell)
        qInstallMessageHandler(previous)
        reporter.deleteLater()


def run_reporting_bugs(work: Callable[[], int], parent: QWidget | None = None) -> int:
    """Run `work` with bugs reported; a bug that escapes it is logged and shown, and gives 2."""
    try:
        with reporting_bugs():
            return work()
    except Exception:
        details = errorlog.record_current("Window failure")
        with contextlib.suppress(Exception):
            ErrorDialog(details, errorlog.log_file(), parent).exec()
        return 2
