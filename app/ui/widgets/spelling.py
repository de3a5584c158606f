"""Spelling checked as people write: a red wavy line under a word the UK English dictionary
does not know, and a menu on it to put it right, add it to the dictionary or ignore it.

Attaching it
------------
A window holds one `SpellingService` as a direct child, over the journal's personal
dictionary::

    service = SpellingService(journal.dictionary, parent=window)

and each prose field (a QPlainTextEdit) asks for it where the field is made::

    check_spelling(edit)

The field joins the service of the window it is in, or of the window that owns its dialog,
when it is first polished or shown; `service.adopt()` joins every such field of the window at
once, and `service.attach(edit)` joins one field directly (a test or benchmark with no window:
`service = SpellingService(words, english=loaded); service.attach(edit)`). A field with a
privacy underline keeps its one highlighter: spelling is a source of it
(app/ui/widgets/underlines.py), drawn before the privacy underline so that colour wins.

Waiting for the verdicts
------------------------
`service.busy` is True while any word waits for a verdict or any work runs on the worker;
`service.settled` is emitted each time it stops being busy, after the paragraphs that waited
have been drawn again. In a test: ``qtbot.waitUntil(lambda: not service.busy)``.

The threads
-----------
On the GUI thread each changed paragraph is split into words and each word's remembered
verdict looked up (`SpellChecker.check_known`: a dict look-up a word). Words with no verdict
yet are gathered and sent in one batch to the service's single worker thread, which loads
the dictionary the first time (about 0.7 s) and works the verdicts out; when they come back
only the paragraphs that were waiting (their block state is `WAITING`) are drawn again.
Suggestions are also worked out on the worker, when a menu first asks for them, and kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QGuiApplication,
    QKeyEvent,
    QPalette,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QWidget

from app.errors import JournalError
from app.spelling.checker import SpellChecker
from app.spelling.english import EnglishDictionary
from app.spelling.personal import PersonalWord, looks_private
from app.spelling.words import Word
from app.ui.widgets.attention import misspelt_colour
from app.ui.widgets.background_call import BackgroundCall
from app.ui.widgets.underlines import (
    Underline,
    UnderlineHighlighter,
    python_index,
    underlines_of,
    utf16_offsets,
)
from app.ui.widgets.window_held import held_by_window

LOOKING = "Looking for suggestions…"
NO_SUGGESTIONS = "No suggestions"
UNEXPECTED = "The spelling check stopped working; your writing is not affected."
_JOINED = (QEvent.Type.Polish, QEvent.Type.Show)

_shared: EnglishDictionary | None = None


def shared_english() -> EnglishDictionary:
    """The process's one UK English dictionary (read-only once loaded, so windows share it;
    it is loaded on a worker the first time a window needs it)."""
    global _shared  # one dictionary's memory however many windows open
    if _shared is None:
        _shared = EnglishDictionary()
    return _shared


class PersonalWords(Protocol):
    """What the service needs of the journal's personal dictionary (journal.dictionary)."""

    def words(self) -> list[PersonalWord]: ...

    def add(self, raw: str, private: bool) -> PersonalWord: ...


class SpellingService(QObject):
    """The spelling check of one window: one SpellChecker, one worker thread, every field.

    Constructor: SpellingService(personal, english=None, enabled=True, parent=None);
    `personal` is journal.dictionary (read on the worker before the first verdict),
    `english` a dictionary to share (tests pass one already loaded; by default the process's).

    Signals: problem(str) with a message for the message bar (the dictionary is missing, or
    a word could not be kept), once a problem; settled() when no work is left;
    suggestionsFound(str word, object tuple of suggestions).
    """

    problem = Signal(str)
    settled = Signal()
    suggestionsFound = Signal(str, object)

    def __init__(
        self,
        personal: PersonalWords,
        *,
        english: EnglishDictionary | None = None,
        enabled: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._personal = personal
        self._personal_read = False
        self.checker = SpellChecker(english or shared_english())
        self._enabled = enabled
        self._broken = False
        self._fields: list[QPlainTextEdit] = []
        self._by_document: dict[int, _SpellingField] = {}
        self._pending: set[str] = set()
        self._asked: set[str] = set()
        self._learning: dict[int, set[str]] = {}
        self._suggesting: dict[int, str] = {}
        self._suggested: dict[str, tuple[str, ...]] = {}
        self._worker = BackgroundCall(UNEXPECTED, self)
        self._worker.finished.connect(self._finished)
        self._worker.failed.connect(self._failed)
        self._send = QTimer(self)
        self._send.setSingleShot(True)
        self._send.setInterval(0)
        self._send.timeout.connect(self._send_pending)
        self.look = QTextCharFormat()
        self.look.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self.look.setUnderlineColor(misspelt_colour(QGuiApplication.palette()))
        self.source = _SpellingSource(self)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.paletteChanged.connect(self._palette_changed)

    # -- state ----------------------------------------------------------------------------

    @property
    def enabled(self) -> bool:
        """True while spelling is checked (View > Check spelling)."""
        return self._enabled

    @property
    def busy(self) -> bool:
        """True while a word waits for a verdict or work runs on the worker."""
        return bool(self._pending or self._learning or self._suggesting)

    @Slot(bool)
    def set_enabled(self, enabled: bool) -> None:
        """Check spelling or stop: every underline comes or goes at once."""
        if enabled == self._enabled:
            return
        self._enabled = enabled
        if not enabled:
            self._drop_pending()
        for highlighter in self._highlighters():
            highlighter.rehighlight()
        self._settle()

    @Slot(QPalette)
    def _palette_changed(self, palette: QPalette) -> None:
        """A new theme: a red that reads on its background, on every underline at once."""
        colour = misspelt_colour(palette)
        if colour != self.look.underlineColor():
            self.look.setUnderlineColor(colour)
            if self._enabled:
                for highlighter in self._highlighters():
                    highlighter.rehighlight()

    # -- fields ---------------------------------------------------------------------------

    def attach(self, edit: QPlainTextEdit) -> None:
        """Check spelling in `edit` from now on (through `check_spelling` normally)."""
        if edit in self._fields:
            return
        self._fields.append(edit)
        document = edit.document()
        field = _field_of(edit)
        if field is None:
            field = _SpellingField(edit)
        self._by_document[shiboken6.getCppPointer(document)[0]] = field
        field.join(self)
        underlines_of(document).add_source(self.source)

    def adopt(self) -> None:
        """Join every field in the window given `check_spelling`, shown yet or not."""
        window = self.parent()
        if isinstance(window, QWidget):
            for field in window.findChildren(_SpellingField):
                edit = field.parent()
                if isinstance(edit, QPlainTextEdit):
                    self.attach(edit)

    def field_for(self, highlighter: UnderlineHighlighter) -> _SpellingField | None:
        """The field whose document `highlighter` draws (None if it is none of this window's)."""
        document = highlighter.document()
        if document is None:
            return None
        return self._by_document.get(shiboken6.getCppPointer(document)[0])

    def _highlighters(self) -> list[UnderlineHighlighter]:
        if not all(shiboken6.isValid(f) for f in self._fields):
            self._fields = [f for f in self._fields if shiboken6.isValid(f)]
            self._by_document = {
                at: field for at, field in self._by_document.items() if shiboken6.isValid(field)
            }
        found = []
        for edit in self._fields:
            highlighter = underlines_of(edit.document())
            if highlighter.has_source(self.source):
                found.append(highlighter)
        return found

    def _redraw(self, word: str) -> None:
        for highlighter in self._highlighters():
            highlighter.rehighlight_containing(word)

    # -- the GUI thread's checks ----------------------------------------------------------

    def unknown_in(self, text: str) -> tuple[list[Word], bool]:
        """The unknown words of one paragraph from remembered verdicts, and whether any word
        still waits for one (those are sent to the worker)."""
        if not self._enabled or self._broken:
            return [], False
        unknown, waiting = self.checker.check_known(text)
        if waiting:
            new = waiting - self._asked
            if new:
                self._asked |= new
                self._pending |= new
                self._send.start()
        return unknown, bool(waiting)

    def misspelling_at(self, block: QTextBlock, offset: int) -> Word | None:
        """The underlined word at (or just before) a Qt position within `block`."""
        if not self._enabled or self._broken:
            return None
        text = block.text()
        index = python_index(text, offset)
        unknown, _waiting = self.checker.check_known(text)
        for word in unknown:
            if word.start <= index < word.end:
                return word
        for word in unknown:
            if word.end == index:
                return word
        return None

    # -- the worker -----------------------------------------------------------------------

    @Slot()
    def _send_pending(self) -> None:
        if self._learning or not self._pending or not self._enabled or self._broken:
            return
        words = self._pending
        self._pending = set()
        checker, personal = self.checker, self._personal

        def learn() -> set[str]:
            if not self._personal_read:  # the worker's own flag: its jobs run one at a time
                checker.set_personal(personal.words())
                self._personal_read = True
            checker.learn(sorted(words))
            return words

        self._learning[self._worker.start(learn)] = words

    def suggestions(self, word: str) -> tuple[str, ...] | None:
        """The suggestions for `word` if worked out already; else None, and they are asked
        for (suggestionsFound says when they come)."""
        if word in self._suggested:
            return self._suggested[word]
        if word not in self._suggesting.values() and not self._broken:
            checker = self.checker
            ticket = self._worker.start(lambda: tuple(checker.suggestions(word)))
            self._suggesting[ticket] = word
        return None

    @Slot(int, object)
    def _finished(self, ticket: int, result: object) -> None:
        if ticket in self._learning:
            self._asked -= self._learning.pop(ticket)
            if self._enabled:
                for highlighter in self._highlighters():
                    highlighter.rehighlight_waiting()
            self._send_pending()
        elif ticket in self._suggesting:
            word = self._suggesting.pop(ticket)
            found = result if isinstance(result, tuple) else ()
            self._suggested[word] = found
            self.suggestionsFound.emit(word, found)
        self._settle()

    @Slot(int, str)
    def _failed(self, ticket: int, message: str) -> None:
        self._suggesting.pop(ticket, None)
        if self._learning.pop(ticket, None) is not None:
            self._asked.clear()
            self._pending.clear()
            # The dictionary is missing or could not be read: say so once, and the fields
            # stay as they are, without underlines.
            if not self._broken:
                self._broken = True
                self.problem.emit(message)
        self._settle()

    def _settle(self) -> None:
        if not self.busy:
            self.settled.emit()

    def _drop_pending(self) -> None:
        # Not sent, so to be asked for again when checking starts again.
        self._asked -= self._pending
        self._pending.clear()
        self._send.stop()

    def shut_down(self) -> None:
        """The window is closing: no more work, and wait for the work running to end."""
        self._enabled = False
        self._drop_pending()
        self._worker.wait()

    # -- the menu's commands --------------------------------------------------------------

    def add_to_dictionary(self, word: str, text: str, start: int) -> bool:
        """Keep `word` (at `start` in paragraph `text`) in the personal dictionary, private if
        it may name someone; every field draws it again. False (the reason shown) if refused."""
        try:
            added = self._personal.add(word, private=looks_private(word, text, start))
        except JournalError as exc:
            self.problem.emit(str(exc))
            return False
        self.checker.accept(added)
        self._suggested.clear()
        self._redraw(word)
        return True

    def personal_changed(self, words: list[PersonalWord]) -> None:
        """The personal dictionary was edited elsewhere (its dialog): check against `words`."""
        self.checker.set_personal(words)
        self._suggested.clear()
        for highlighter in self._highlighters():
            highlighter.rehighlight()

    def ignore(self, word: str) -> None:
        """Leave `word` unmarked in every field until the app closes."""
        self.checker.ignore(word)
        self._redraw(word)


class _SpellingSource:
    """The spelling underlines of a paragraph, for a document's UnderlineHighlighter."""

    def __init__(self, service: SpellingService) -> None:
        self._service = service

    def underlines(self, text: str, highlighter: UnderlineHighlighter) -> Iterable[Underline]:
        unknown, waiting = self._service.unknown_in(text)
        highlighter.mark_waiting(waiting)
        field = self._service.field_for(highlighter)
        if field is not None:
            # The word being typed is not marked until the caret leaves it.
            unknown = field.hold_back(highlighter.currentBlock(), text, unknown)
        if not unknown:
            return []
        look = self._service.look
        offsets = utf16_offsets(text)
        if offsets is None:
            return [(w.start, w.end - w.start, look) for w in unknown]
        return [(offsets[w.start], offsets[w.end] - offsets[w.start], look) for w in unknown]


def find_spelling(widget: QWidget) -> SpellingService | None:
    """The spelling service of the window `widget` is in, or of the window owning its dialog."""
    return held_by_window(widget, SpellingService)


def _field_of(edit: QPlainTextEdit) -> _SpellingField | None:
    found = edit.findChild(_SpellingField, "", Qt.FindChildOption.FindDirectChildrenOnly)
    return found if isinstance(found, _SpellingField) else None


def check_spelling(edit: QPlainTextEdit) -> None:
    """Check the spelling of what is written in `edit` (a prose field), with its window's
    service, once it is in a window that has one."""
    if _field_of(edit) is None:
        _SpellingField(edit)


_MENU_KEYS = (Qt.Key.Key_Menu,)


class _SpellingField(QObject):
    """Joins its edit to the window's spelling service and puts the spelling commands at the
    top of its context menu (the mouse's, the Menu key's and Shift+F10's)."""

    def __init__(self, edit: QPlainTextEdit) -> None:
        super().__init__(edit)
        self._edit = edit
        self._service: SpellingService | None = None
        self.menu: QMenu | None = None
        self._held: tuple[int, int] | None = None  # block number, str index of the caret
        edit.cursorPositionChanged.connect(self._caret_moved)
        edit.installEventFilter(self)
        viewport = edit.viewport()
        if viewport is not None:
            viewport.installEventFilter(self)

    def join(self, service: SpellingService) -> None:
        """Check spelling with `service` from now on."""
        if self._service is None:
            self._service = service
            service.attach(self._edit)

    def hold_back(self, block: QTextBlock, text: str, unknown: list[Word]) -> list[Word]:
        """`unknown` without the word the caret is at the end of, while it is being typed."""
        cursor = self._edit.textCursor()
        held = None
        if (
            unknown
            and self._edit.hasFocus()
            and not cursor.hasSelection()
            and cursor.blockNumber() == block.blockNumber()
        ):
            caret = python_index(text, cursor.positionInBlock())
            kept = [w for w in unknown if w.end != caret]
            if len(kept) < len(unknown):
                held = (block.blockNumber(), caret)
                unknown = kept
        if held is not None or (self._held is not None and self._held[0] == block.blockNumber()):
            self._held = held
        return unknown

    @Slot()
    def _caret_moved(self) -> None:
        """Mark the word held back once the caret has left it."""
        if self._held is None:
            return
        cursor = self._edit.textCursor()
        number, caret = self._held
        still = cursor.blockNumber() == number and not cursor.hasSelection()
        if still and python_index(cursor.block().text(), cursor.positionInBlock()) == caret:
            return
        self._release()

    def _release(self) -> None:
        if self._held is None:
            return
        block = self._edit.document().findBlockByNumber(self._held[0])
        self._held = None
        if block.isValid():
            underlines_of(self._edit.document()).rehighlightBlock(block)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Join the window's service once in a window; open the spelling menu."""
        if "_edit" not in vars(self) or not shiboken6.isValid(self._edit):
            return False  # going away with its window
        kind = event.type()
        if self._service is None:
            if kind in _JOINED:
                service = find_spelling(self._edit)
                if service is not None:
                    self.join(service)
            return False
        if kind == QEvent.Type.FocusOut and watched is self._edit:
            self._release()
            return False
        if kind == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            if event.reason() == QContextMenuEvent.Reason.Mouse:
                at = event.pos()
                if watched is self._edit:
                    at = self._edit.viewport().mapFrom(self._edit, at)
                position = self._edit.cursorForPosition(at).position()
            else:
                position = self._edit.textCursor().position()
            self.open_menu(position, event.globalPos())
            return True
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and _asks_menu(event):
            self.open_menu_at_cursor()
            return True
        return False

    @Slot()
    def open_menu_at_cursor(self) -> None:
        """The context menu for the word at the cursor, beside the cursor (the keyboard's)."""
        cursor = self._edit.textCursor()
        place = self._edit.cursorRect(cursor).bottomLeft()
        self.open_menu(cursor.position(), self._edit.viewport().mapToGlobal(place))

    def open_menu(self, position: int, where: QPoint) -> QMenu:
        """The field's context menu for document `position`, shown at global `where`."""
        menu = self._edit.createStandardContextMenu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        service = self._service
        if service is not None:
            block = self._edit.document().findBlock(position)
            word = service.misspelling_at(block, position - block.position())
            if word is not None:
                _SpellingMenu(menu, self._edit, service, block, word)
        self.menu = menu
        menu.popup(where)
        return menu


def _asks_menu(event: QKeyEvent) -> bool:
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if event.key() in _MENU_KEYS and modifiers == Qt.KeyboardModifier.NoModifier:
        return True
    return event.key() == Qt.Key.Key_F10 and modifiers == Qt.KeyboardModifier.ShiftModifier


class _SpellingMenu(QObject):
    """The spelling commands at the top of one context menu, for one unknown word."""

    def __init__(
        self,
        menu: QMenu,
        edit: QPlainTextEdit,
        service: SpellingService,
        block: QTextBlock,
        word: Word,
    ) -> None:
        super().__init__(menu)
        self._menu = menu
        self._edit = edit
        self._service = service
        self._word = word.text
        self._text = block.text()
        self._start = word.start
        offsets = utf16_offsets(self._text)
        start, end = (
            (word.start, word.end)
            if offsets is None
            else (
                offsets[word.start],
                offsets[word.end],
            )
        )
        self._from = block.position() + start
        self._to = block.position() + end
        self._placeholder: QAction | None = None
        top: list[QAction] = []
        found = service.suggestions(word.text)
        if found is None:
            self._placeholder = self._note(LOOKING)
            top.append(self._placeholder)
            service.suggestionsFound.connect(self._found)
        else:
            top += self._choices(found)
        quoted = f"“{word.text}”"
        add = QAction(f"&Add {quoted} to dictionary", menu)
        add.setToolTip("Keep this word in your journal's own dictionary")
        add.triggered.connect(self._add)
        ignore = QAction(f"&Ignore {quoted}", menu)
        ignore.setToolTip("Leave this word unmarked until Inquiry Journal closes")
        ignore.triggered.connect(self._ignore)
        top += [self._separator(), add, ignore]
        actions = menu.actions()
        if actions:
            menu.insertActions(actions[0], [*top, self._separator()])
        else:
            menu.addActions(top)

    def _separator(self) -> QAction:
        separator = QAction(self._menu)
        separator.setSeparator(True)
        return separator

    def _note(self, text: str) -> QAction:
        note = QAction(text, self._menu)
        note.setEnabled(False)
        return note

    def _choices(self, found: tuple[str, ...]) -> list[QAction]:
        if not found:
            return [self._note(NO_SUGGESTIONS)]
        choices = []
        for suggestion in found:
            # Plain text: "&" would be a mnemonic, and suggestions are read aloud as they are.
            choice = QAction(suggestion.replace("&", "&&"), self._menu)
            choice.setData(suggestion)
            choice.setToolTip(f"Replace “{self._word}” with “{suggestion}”")
            choice.triggered.connect(self._replace)
            choices.append(choice)
        return choices

    @Slot(str, object)
    def _found(self, word: str, found: object) -> None:
        if word != self._word or self._placeholder is None:
            return
        placeholder, self._placeholder = self._placeholder, None
        self._menu.insertActions(
            placeholder, self._choices(found if isinstance(found, tuple) else ())
        )
        self._menu.removeAction(placeholder)

    @Slot()
    def _replace(self) -> None:
        action = self.sender()
        if not isinstance(action, QAction):
            return
        cursor = QTextCursor(self._edit.document())
        cursor.setPosition(self._from)
        cursor.setPosition(self._to, QTextCursor.MoveMode.KeepAnchor)
        if cursor.selectedText() != self._word:
            return  # the text changed under the menu
        cursor.beginEditBlock()
        cursor.insertText(str(action.data()))
        cursor.endEditBlock()
        self._edit.setTextCursor(cursor)

    @Slot()
    def _add(self) -> None:
        self._service.add_to_dictionary(self._word, self._text, self._start)

    @Slot()
    def _ignore(self) -> None:
        self._service.ignore(self._word)
