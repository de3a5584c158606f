"""A thread of coach comments and the participant's replies as HTML for a text browser.

Every body is Markdown rendered by app.writing.rendering (sanitised, nothing fetched); names and
dates are escaped. Replies sit under the comment they answer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from app.sharing.records import CommentRecord
from app.writing.rendering import render_markdown

REPLY_SCHEME = "reply"
"""Links "reply:<comment id>" choose the comment the reply box answers."""
NOT_SENT = "not sent yet: it goes in your next share"


@dataclass(frozen=True)
class ThreadGroup:
    """Comments under one heading ("On this stage: Action"), or none for a whole entry."""

    heading: str
    comments: tuple[CommentRecord, ...]


@dataclass(frozen=True)
class ThreadStyle:
    """Palette colours, since Qt's rich text cannot read the palette itself."""

    quiet: str
    new_text: str
    new_background: str
    rule: str


def in_reply_order(comments: Sequence[CommentRecord]) -> list[tuple[CommentRecord, int]]:
    """Each comment with its depth: oldest first, every reply right under what it answers."""
    ids = {c.id for c in comments}
    children: dict[str, list[CommentRecord]] = {}
    roots = []
    for comment in comments:
        if comment.reply_to and comment.reply_to in ids:
            children.setdefault(comment.reply_to, []).append(comment)
        else:
            roots.append(comment)
    ordered: list[tuple[CommentRecord, int]] = []

    def walk(comment: CommentRecord, depth: int) -> None:
        ordered.append((comment, depth))
        for child in children.get(comment.id, []):
            walk(child, depth + 1)

    for root in roots:
        walk(root, 0)
    return ordered


def _one(
    comment: CommentRecord,
    depth: int,
    name: str,
    when: str,
    new: bool,
    style: ThreadStyle,
) -> str:
    who = "You" if comment.mine else escape(name)
    facts = [escape(when)]
    if comment.mine:
        facts.append("sent" if comment.sent else NOT_SENT)
    marker = (
        f" <span style='background-color:{style.new_background}; color:{style.new_text};'>"
        "&nbsp;NEW&nbsp;</span>"
        if new
        else ""
    )
    reply = (
        ""
        if comment.mine
        else f"<p style='margin-top:2px;'><a href='{REPLY_SCHEME}:{comment.id}'>Reply</a></p>"
    )
    indent = min(depth, 3) * 22
    return (
        f"<div style='margin-left:{indent}px; margin-bottom:12px;'>"
        f"<p style='margin-bottom:2px;'><b>{who}</b>"
        f"<span style='color:{style.quiet};'> · {' · '.join(facts)}</span>{marker}</p>"
        f"{render_markdown(comment.body)}{reply}</div>"
    )


def thread_html(
    groups: Sequence[ThreadGroup],
    *,
    names: dict[str, str],
    new: set[str],
    when: Callable[[CommentRecord], str],
    style: ThreadStyle,
) -> str:
    """The groups as one page: coach comments (named), replies ("You"), new ones marked."""
    parts = []
    for group in groups:
        if group.heading:
            parts.append(f"<h3 style='color:{style.quiet};'>{escape(group.heading)}</h3>")
        for comment, depth in in_reply_order(group.comments):
            name = names.get(comment.contact, "Your coach")
            parts.append(_one(comment, depth, name, when(comment), comment.id in new, style))
    return "".join(parts)
