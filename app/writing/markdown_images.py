"""The Markdown extension that turns every image into a note, for app.writing.rendering. Qt-free."""

from __future__ import annotations

from xml.etree.ElementTree import Element

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor


class ImagesAsText(Treeprocessor):
    """Replace every image with a note naming it, so nothing is ever fetched."""

    def run(self, root: Element) -> None:
        """Rewrite each <img> in place as an <em> note holding its alt text."""
        for element in root.iter():
            if element.tag != "img":
                continue
            alt = (element.get("alt") or "").strip()
            element.tag = "em"
            element.attrib.clear()
            element.text = f"[Image not shown: {alt}]" if alt else "[Image not shown]"


class NoImagesExtension(Extension):
    """Registers `ImagesAsText` after Markdown has built its tree."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        """Add the image rewriter to `md`."""
        md.treeprocessors.register(ImagesAsText(md), "inquiry_no_images", 0)
