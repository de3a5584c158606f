"""The Markdown preview widget: shows the safe HTML, loads nothing, follows only web links."""

from __future__ import annotations

from PySide6.QtCore import QUrl

from app.ui.entries.editor import EntryEditor
from app.ui.widgets.preview import PreviewBrowser
from tests.support.data import HOSTILE


class RecordingBrowser(PreviewBrowser):
    """A preview that notes every resource Qt asks it for."""

    def __init__(self, opened: list[QUrl]) -> None:
        super().__init__(open_url=self._remember)
        self.opened = opened
        self.requested: list[str] = []

    def _remember(self, url: QUrl) -> bool:
        self.opened.append(url)
        return True

    def loadResource(self, type, name):
        self.requested.append(str(name))
        return super().loadResource(type, name)


def test_preview_shows_no_image_and_loads_nothing(qtbot):
    browser = RecordingBrowser([])
    qtbot.addWidget(browser)
    browser.show_markdown(HOSTILE, "Title")
    browser.show()
    qtbot.waitExposed(browser)
    text = browser.toPlainText()
    assert "Clicked" in text and "alert" not in text
    block = browser.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            assert not fragments.fragment().charFormat().isImageFormat()
            fragments += 1
        block = block.next()
    assert not any("example.com" in name for name in browser.requested)


def test_clicked_web_links_open_outside_and_others_do_nothing(qtbot):
    opened: list[QUrl] = []
    browser = RecordingBrowser(opened)
    qtbot.addWidget(browser)
    assert not browser.openLinks() and not browser.openExternalLinks()
    browser.anchorClicked.emit(QUrl("https://www.nhs.uk"))
    browser.anchorClicked.emit(QUrl("javascript:alert(1)"))
    browser.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert [u.toString() for u in opened] == ["https://www.nhs.uk"]


def test_the_preview_tab_renders_what_was_written(qtbot):
    editor = EntryEditor()
    qtbot.addWidget(editor)
    editor.show()
    qtbot.keyClicks(editor.body_edit, "**Asked first** <script>x()</script>")
    editor.tabs.setCurrentIndex(EntryEditor.PREVIEW_TAB)
    assert editor.preview.isVisible()
    assert editor.preview.toPlainText().strip() == "Asked first"
