"""Links between entries and cycles, written in the Markdown text itself. Qt-free.

A link is an ordinary Markdown link whose address names the item in this app's own scheme:
`[Title of the item](ij:cycle/<id>)` or `[Title](ij:entry/<id>)`. Kept in the text, a link
goes wherever the text goes (versions, backups, export and import, sharing) with no table of
its own; what links to an item is found by looking for its address in the texts.

Rendered for the app's own read views, a link to a live item stays a link (clicking it opens
the item) and one to a trashed or missing item becomes its title with "(not found)". Rendered
anywhere else (summaries, a coach's copy of a shared item) every link is its title alone.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

SCHEME = "ij"
NOT_FOUND = "(not found)"


class LinkKind(StrEnum):
    """What a link can point to."""

    ENTRY = "entry"
    CYCLE = "cycle"


@dataclass(frozen=True)
class ItemLink:
    """Where a link points: an entry or a cycle, by id."""

    kind: LinkKind
    item_id: str

    @property
    def url(self) -> str:
        """The link's address, `ij:<kind>/<id>`."""
        return f"{SCHEME}:{self.kind.value}/{self.item_id}"


@dataclass(frozen=True)
class LinkedItem:
    """An entry or cycle as a link picker or a "Linked from" list shows it."""

    link: ItemLink
    title: str
    updated: datetime

    @property
    def kind(self) -> LinkKind:
        """Entry or cycle."""
        return self.link.kind

    @property
    def item_id(self) -> str:
        """The item's id."""
        return self.link.item_id


_ID = r"[A-Za-z0-9][A-Za-z0-9-]{0,63}"
_URL = re.compile(rf"{SCHEME}:(entry|cycle)/({_ID})(?![A-Za-z0-9-])")
_WHOLE_URL = re.compile(rf"{SCHEME}:(entry|cycle)/({_ID})")
# A Markdown link whose address is an item's: the text (no nested brackets) and the address.
_MARKUP = re.compile(
    rf"\[((?:\\.|[^\[\]\\\n])*)\]\(\s*<?{SCHEME}:(entry|cycle)/({_ID})>?"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"
)
# A link in the app's scheme as the sanitiser writes it (in double quotes), with what it shows.
_HTML_LINK = re.compile(rf"<a\b[^>]*?\bhref=\"((?i:{SCHEME}):[^\"]*)\"[^>]*>(.*?)</a>", re.DOTALL)
_LEFT_OVER = re.compile(rf"\]?\(\s*<?{SCHEME}:(?:entry|cycle)/[A-Za-z0-9-]*>?\)?")
_TITLE_ESCAPES = re.compile(r"([\\\[\]])")
_UNESCAPE = re.compile(r"\\(.)")
_MOST_TITLE = 120


def parse_url(url: str) -> ItemLink | None:
    """The item an address names, or None for any other address."""
    found = _WHOLE_URL.fullmatch(url.strip())
    if found is None:
        return None
    return ItemLink(LinkKind(found.group(1)), found.group(2))


def link_markup(kind: LinkKind | str, item_id: str, title: str) -> str:
    """The Markdown for a link to the item, showing its title (on one line, escaped)."""
    link = ItemLink(LinkKind(kind), item_id)
    shown = " ".join(title.split())[:_MOST_TITLE] or "Untitled"
    escaped = _TITLE_ESCAPES.sub(r"\\\1", shown)
    return f"[{escaped}]({link.url})"


def links_in(text: str) -> list[ItemLink]:
    """Every item the text links to, once each, in the order first linked."""
    seen: dict[ItemLink, None] = {}
    for found in _URL.finditer(text):
        seen.setdefault(ItemLink(LinkKind(found.group(1)), found.group(2)), None)
    return list(seen)


def plain_text(text: str) -> str:
    """The text with each item link written as its title alone (for snippets and excerpts)."""
    return _MARKUP.sub(lambda m: _UNESCAPE.sub(r"\1", m.group(1)), text)


def without_addresses(text: str) -> str:
    """Like plain_text, and any address left over from a link cut short (a search snippet)
    goes too, so no `ij:` address is ever shown as words."""
    return _LEFT_OVER.sub("", plain_text(text))


def resolve_html(rendered: str, live: Callable[[ItemLink], bool] | None = None) -> str:
    """Item links in sanitised HTML made fit to show.

    With `live` (the app's own read views), a link to an item `live` accepts stays a link and
    any other becomes its text and "(not found)". Without it, every item link is its text.
    """

    def replace(found: re.Match[str]) -> str:
        link = parse_url(html.unescape(found.group(1)))
        shown = found.group(2)
        if live is None or link is None:  # an address of the app's it cannot read is text too
            return shown
        if live(link):
            return f'<a href="{html.escape(link.url)}">{shown}</a>'
        return f"<span>{shown} {NOT_FOUND}</span>"

    return _HTML_LINK.sub(replace, rendered)
