"""Markdown to safe HTML for the preview, and word counts. Qt-free.

The preview must never reach the network: images are turned into a short text note before
the HTML exists, and the sanitiser drops any <img> that arrives as raw HTML.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import nh3

from app.writing.links import SCHEME, ItemLink, resolve_html

_ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "dd",
    "del",
    "div",
    "dl",
    "dt",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
}
_ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "ol": {"start"},
    "th": {"style"},
    "td": {"style"},
    "sup": {"id"},
    "li": {"id"},
}
_URL_SCHEMES = {"http", "https", "mailto", SCHEME}
# Dropped together with everything inside them, not just unwrapped.
_DROPPED_WITH_CONTENT = {"script", "style"}
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def render_markdown(text: str, live: Callable[[ItemLink], bool] | None = None) -> str:
    """Turn an entry's Markdown into sanitised HTML that is safe to show and loads nothing.

    Links to other items (app/writing/links.py) stay links only with `live`, the app's own
    read views' test of which items still exist; a link to any other item shows its title and
    "(not found)". Without `live` (summaries, a coach's copy) each is its title alone.
    """
    # Python-Markdown loads with the first text rendered, not with the window or a word count.
    import markdown

    from app.writing.markdown_images import NoImagesExtension

    converter = markdown.Markdown(
        extensions=["extra", "sane_lists", "nl2br", NoImagesExtension()],
        output_format="html",
    )
    html = converter.convert(text)
    cleaned = nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        clean_content_tags=_DROPPED_WITH_CONTENT,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        filter_style_properties={"text-align"},
        link_rel="noopener noreferrer",
    )
    return resolve_html(cleaned, live)


def word_count(text: str) -> int:
    """How many words the text holds; Markdown symbols on their own are not words."""
    return len(_WORD.findall(text))
