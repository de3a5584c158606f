"""Child processes for the window benchmarks (benchmarks/ui.py runs them with sys.executable).

    python benchmarks/ui_child.py bare
    python benchmarks/ui_child.py app FOLDER
    python benchmarks/ui_child.py first-paint FOLDER [RUNS]
    python benchmarks/ui_child.py memory FOLDER
    python benchmarks/ui_child.py typing with|without KEYS

Each prints `KEY value` lines on stdout. Times are `time.perf_counter()` readings, which on
Linux come from the system-wide monotonic clock, so the parent can subtract its own.
Only the standard library is imported at the top: `bare` must not load the app.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

START = time.perf_counter()
JOURNAL_WINDOW_TITLE = "Inquiry Journal"  # the opening window's title says "(opening…)"


def own_peak_kb() -> int:
    """This process's peak resident memory since it started the child script (Linux: VmHWM).

    Unlike the parent's rusage view of the child, it leaves out memory the child shared with
    the parent before exec.
    """
    import resource

    try:
        for line in Path("/proc/self/status").read_text(encoding="utf-8").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def say(key: str, value: object) -> None:
    """One line for the parent."""
    print(f"{key} {value}", flush=True)


def quit_when_exposed(app: Any, final_title: str | None = None) -> Any:
    """Reports when windows are first shown: EXPOSED is the first window on screen; READY is
    the window titled `final_title` (any window when None), after which the app quits.

    Each window is watched on its own, from when the app gives it the focus: on the offscreen
    platform the benchmark runs on, that comes just before a shown window is exposed. A filter
    on the whole app instead would be called for every event the journal window's building
    sends (thousands, where a bare window sends a few dozen), and the first of Qt's own objects
    handed to it makes PySide set up every class it wraps (some 150 enum types): it would
    charge the app for the benchmark's own hook. Where the focus does not come first, a timer
    looks for exposed windows each millisecond the event loop runs.
    """
    # Only what the bare window loads anyway: its baseline must not pay for the benchmark.
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtGui import QGuiApplication, QWindow

    class Exposed(QObject):
        first = False
        done = False

        def __init__(self) -> None:
            super().__init__()
            self.poll = QTimer(self)
            self.poll.setInterval(1)
            self.poll.timeout.connect(self.look)
            self.poll.start()

        def watch(self, window: QWindow | None) -> None:
            if window is not None and not self.done:
                window.installEventFilter(self)

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                event.type() == QEvent.Type.Expose
                and isinstance(watched, QWindow)
                and watched.isExposed()
            ):
                self.seen(watched)
            return False

        def look(self) -> None:
            for window in QGuiApplication.topLevelWindows():
                if window.isExposed():
                    self.seen(window)

        def seen(self, window: QWindow) -> None:
            if not self.first:
                self.first = True
                # Said now: while the app is still busy (opening the journal behind its first
                # window) a queued report would wait for that work to finish.
                say("EXPOSED", time.perf_counter())
            if not self.done and (final_title is None or window.title() == final_title):
                self.done = True
                self.poll.stop()
                QTimer.singleShot(0, self.report)  # once the window has painted

        def report(self) -> None:
            say("READY", time.perf_counter())
            app.quit()

    hook = Exposed()
    app.focusWindowChanged.connect(hook.watch)
    return hook


def bare() -> int:
    """A bare PySide6 QMainWindow, shown: the baseline for the cold start."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    hook = quit_when_exposed(app)
    window = QMainWindow()
    window.setWindowTitle("Bare")
    window.resize(1120, 720)
    window.show()
    code = app.exec()
    del hook, window
    return code


def journal_app(folder: Path) -> int:
    """The real start, as the windowed program makes it: lock, unlock with the keyring key,
    build and show the window."""
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    hook = quit_when_exposed(app, final_title=JOURNAL_WINDOW_TITLE)
    from app.gui import main

    code = main(["--data-dir", str(folder)])
    del hook
    return code


def first_paint(folder: Path, runs: int) -> int:
    """Model and view for the entry list, created and painted once per run, in milliseconds."""
    from PySide6.QtWidgets import QApplication, QListView

    from app.journal.opening import open_journal
    from app.storage.keys import SystemKeyring
    from app.ui.entries.list_model import EntryListModel
    from app.ui.widgets.entry_delegate import EntryDelegate

    app = QApplication(sys.argv[:1])
    journal = open_journal(folder, SystemKeyring())

    class TimedListView(QListView):
        painted_at: float | None = None

        def paintEvent(self, event: Any) -> None:
            super().paintEvent(event)
            if self.painted_at is None:
                self.painted_at = time.perf_counter()

    times = []
    for _ in range(runs):
        start = time.perf_counter()
        model = EntryListModel(journal)  # as the window makes it: on the plain connection
        model.reload()
        view = TimedListView()
        view.setItemDelegate(EntryDelegate())
        view.setUniformItemSizes(True)
        view.setModel(model)
        view.resize(340, 640)
        view.show()
        while view.painted_at is None:
            app.processEvents()
        times.append((view.painted_at - start) * 1000)
        view.close()
        view.deleteLater()
        model.deleteLater()
        app.processEvents()
    journal.close()
    say("PAINT_MS", json.dumps(times))
    return 0


def model_fetches(journal: Any) -> list[float]:
    """Milliseconds for each page the entry list model reads, with no view to lay out."""
    from PySide6.QtCore import QModelIndex

    from app.ui.entries.list_model import EntryListModel

    model = EntryListModel(journal)
    model.reload()
    times = []
    while model.canFetchMore(QModelIndex()):
        start = time.perf_counter()
        model.fetchMore(QModelIndex())
        times.append((time.perf_counter() - start) * 1000)
    return times


def memory(folder: Path) -> int:
    """The window on the whole journal: every entry row loaded, then a few searches."""
    import resource
    import tempfile

    from PySide6.QtCore import QModelIndex, QSettings
    from PySide6.QtWidgets import QApplication

    from app.journal.opening import open_journal
    from app.storage.keys import SystemKeyring
    from app.ui.window.main_window import MainWindow
    from app.ui.window.navigation import View

    app = QApplication(sys.argv[:1])
    journal = open_journal(folder, SystemKeyring())
    terms = json.loads((folder / "corpus.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as settings_dir:
        settings = QSettings(str(Path(settings_dir) / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(journal, settings=settings)
        window.show()
        window.navigation.show_view(View.ENTRIES)  # the window opens on Home
        app.processEvents()
        model, view = window.controller.model, window.entries_page.sidebar.entry_list
        fetches = []
        while model.canFetchMore(QModelIndex()):
            start = time.perf_counter()
            view.scrollToBottom()  # the view asks the model for the next page
            app.processEvents()
            fetches.append((time.perf_counter() - start) * 1000)
        say("ROWS", model.rowCount())
        say("FETCH_MS", json.dumps(fetches))
        say("MODEL_FETCH_MS", json.dumps(model_fetches(journal)))

        search = window.controller.search
        window.entries_page.sidebar.filters_button.setChecked(
            True
        )  # loads the tags, templates and inquiries
        for query in (terms["common"], terms["mid"], terms["rare"], f'"{terms["phrase"]}"'):
            window.entries_page.sidebar.search_box.setText(query)
            search.search_now()
            while search.runner.busy:
                app.processEvents()
            for _ in range(3):  # a few pages more, as scrolling would ask for them
                window.entries_page.sidebar.search_panel.results_list.scrollToBottom()
                while search.runner.busy:
                    app.processEvents()
            app.processEvents()
        say("HITS", search.model.rowCount())
        say("PEAK_KB", own_peak_kb())
        window.close()
        window.deleteLater()
        app.processEvents()
    journal.close()
    say("SELF_MAXRSS_KB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    return 0


TYPED = (
    "After the huddle I noticed that the team seemed to recieve my feedbak differently when I "
    "asked a question first, and I want to try that again on the ward next week. "
)
KEY_INTERVAL_MS = 80  # a quick typist: about 12 characters a second


def typing(spelling: bool, keys: int) -> int:
    """Keystroke to repaint in a 5,000-word entry, with the privacy underline the entry editor
    always has, and with or without the spelling check; prints KEY_MS (a JSON list).

    Keys come every KEY_INTERVAL_MS from the event loop, so the worker's verdicts for the words
    being typed arrive and are drawn between keys as they would be; each figure is the time
    from the key's delivery to the end of the field's repaint (forced at once, as the next
    frame would be).
    """
    from PySide6.QtCore import QEvent, Qt, QTimer
    from PySide6.QtGui import QKeyEvent, QTextCursor
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from app.spelling.english import EnglishDictionary
    from app.ui.privacy.underline import PrivacyUnderline
    from app.ui.widgets.spelling import SpellingService
    from benchmarks.moves import long_entry

    class NoWords:
        def words(self) -> list[Any]:
            return []

        def add(self, raw: str, private: bool) -> Any:
            raise AssertionError("nothing is added while measuring")

    app = QApplication([])
    edit = QPlainTextEdit()
    edit.resize(900, 700)
    edit.setPlainText(long_entry())
    say("WORDS", len(edit.toPlainText().split()))
    PrivacyUnderline(edit)
    service = None
    if spelling:
        english = EnglishDictionary()
        english.load()
        service = SpellingService(NoWords(), english=english)
        service.attach(edit)
    edit.show()
    # Type at the end of a paragraph in the middle, scrolled into view.
    document = edit.document()
    block = document.findBlockByNumber(document.blockCount() // 2)
    while block.isValid() and len(block.text().split()) < 40:
        block = block.next()
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    edit.setTextCursor(cursor)
    edit.ensureCursorVisible()
    while service is not None and service.busy:
        app.processEvents()
    viewport = edit.viewport()
    times: list[float] = []

    def one_key() -> None:
        char = TYPED[len(times) % len(TYPED)]
        key = Qt.Key.Key_Space if char == " " else Qt.Key.Key_A
        start = time.perf_counter()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(edit, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))
        viewport.repaint()
        times.append((time.perf_counter() - start) * 1000)
        if len(times) >= keys:
            ticker.stop()
            app.quit()

    ticker = QTimer()
    ticker.setInterval(KEY_INTERVAL_MS)
    ticker.timeout.connect(one_key)
    ticker.start()
    app.exec()
    if service is not None:
        # What was measured did check: the typed misspellings are among the unknown words.
        unknown, _waiting = service.checker.check_known(edit.toPlainText())
        say("UNKNOWN_TYPED", sum(w.text in ("recieve", "feedbak") for w in unknown))
        service.shut_down()
    say("KEY_MS", json.dumps(times))
    return 0


def main(argv: list[str]) -> int:
    """Run the mode named on the command line."""
    say("START", START)
    mode, rest = argv[0], argv[1:]
    if mode == "bare":
        return bare()
    if mode == "typing":
        return typing(rest[0] == "with", int(rest[1]))
    folder = Path(rest[0])
    if mode == "app":
        return journal_app(folder)
    if mode == "first-paint":
        return first_paint(folder, int(rest[1]) if len(rest) > 1 else 10)
    if mode == "memory":
        return memory(folder)
    print(f"unknown mode {mode!r}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
