"""What an entry is called in lists when it has no title of its own."""

from __future__ import annotations

from app.writing.links import plain_text

UNTITLED = "Untitled entry"


def display_title(title: str, body_start: str) -> str:
    """A title for lists: the title, else the body's first non-empty line, else a placeholder."""
    if title.strip():
        return title.strip()
    for line in plain_text(body_start).splitlines():
        cleaned = line.strip().lstrip("#").strip()
        if cleaned:
            return cleaned[:80]
    return UNTITLED
