"""Small helpers for Word's XML where python-docx has no API."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

# Where a new property goes among its siblings: Word refuses a file whose properties are out
# of the schema's order. Each tag maps to the siblings that must come after it.
COMES_BEFORE = {
    "w:tcBorders": ("w:shd", "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign"),
    "w:shd": ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"),
    "w:noWrap": ("w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"),
}


def set_child(element: BaseOxmlElement, tag: str, **attributes: str) -> BaseOxmlElement:
    """Put the child `tag` (replacing any already there) in its place in the schema's order."""
    for old in element.findall(qn(tag)):
        element.remove(old)
    child = OxmlElement(tag)
    for name, value in attributes.items():
        child.set(qn(f"w:{name}"), value)
    later = {qn(t) for t in COMES_BEFORE.get(tag, ())}
    following = next((c for c in element if c.tag in later), None)
    if following is None:
        element.append(child)
    else:
        following.addprevious(child)
    return child
