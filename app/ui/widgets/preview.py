"""The rendered Markdown preview: a text browser that loads nothing and navigates nowhere."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QPalette
from PySide6.QtWidgets import QTextBrowser, QWidget

from app.errors import JournalError
from app.writing.links import ItemLink, links_in, parse_url

OpenUrl = Callable[[QUrl], bool]
LiveLinks = Callable[[list[ItemLink]], set[ItemLink]]
"""Which of the items linked to exist and are not in the trash (LinkStore.live)."""
_EXTERNAL_SCHEMES = {"http", "https", "mailto"}


class PreviewBrowser(QTextBrowser):
    """Shows sanitised HTML; never fetches a resource (images, style sheets) of any kind.

    A link the person clicks opens in their browser or mail program; in-page links scroll.
    Links to other entries and cycles (app/writing/links.py) are shown as links only once
    `live_links` is set (the window sets it where it can open them), and say so when followed.

    Signals: itemLinkClicked(str, str) with the kind ("entry" or "cycle") and the item's id.
    """

    itemLinkClicked = Signal(str, str)

    def __init__(
        self, open_url: OpenUrl = QDesktopServices.openUrl, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._open_url = open_url
        self.live_links: LiveLinks | None = None
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.setAccessibleName("Preview")
        self.anchorClicked.connect(self._follow)
        self._apply_palette_styles()

    def show_markdown(self, text: str, title: str = "") -> None:
        """Render `text` (and a heading for `title`, if given) into the browser."""
        # Markdown and the sanitiser load the first time a preview is shown, not at start-up.
        from app.writing.rendering import render_markdown

        heading = f"<h1>{_escape(title)}</h1>" if title.strip() else ""
        self.setHtml(heading + render_markdown(text, self.live_test(text)))

    def live_test(self, text: str) -> Callable[[ItemLink], bool] | None:
        """For render_markdown: which of the items `text` links to can be opened here (None
        where links to items cannot be followed, which shows each as its title)."""
        if self.live_links is None:
            return None
        links = links_in(text)
        try:
            live = self.live_links(links) if links else set()
        except JournalError:
            live = set()
        return live.__contains__

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        """Refuse every resource: nothing in an entry is ever fetched, local or remote."""
        return None

    @Slot(QUrl)
    def _follow(self, url: QUrl) -> None:
        item = parse_url(url.toString())
        if item is not None:
            self.itemLinkClicked.emit(item.kind.value, item.item_id)
        elif not url.scheme() and url.hasFragment():
            self.scrollToAnchor(url.fragment())
        elif url.scheme().lower() in _EXTERNAL_SCHEMES:
            self._open_url(url)

    def _apply_palette_styles(self) -> None:
        # Qt's rich text cannot read the palette from CSS, so the colours are filled in here.
        palette = self.palette()
        line = palette.color(QPalette.ColorRole.Mid).name()
        shade = palette.color(QPalette.ColorRole.AlternateBase).name()
        self.document().setDefaultStyleSheet(
            f"table {{ border-collapse: collapse; margin: 6px 0; }}"
            f"th, td {{ border: 1px solid {line}; padding: 3px 8px; }}"
            f"pre {{ background-color: {shade}; padding: 6px; }}"
            f"code {{ background-color: {shade}; }}"
            f"blockquote {{ margin-left: 12px; }}"
            "h1 { font-size: x-large; } h2 { font-size: large; } h3 { font-size: medium; }"
        )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
