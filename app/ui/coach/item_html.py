"""The HTML the coach reads: a shared item (a cycle stage by stage) and its comment thread.

Everything the participant or coach wrote goes through app.writing.rendering (Markdown, then the
sanitiser); names and titles are escaped. Nothing here loads anything.
"""

from __future__ import annotations

import html
from urllib.parse import quote, unquote

from PySide6.QtCore import QUrl

from app.sharing.records import CommentRecord
from app.sharing.workspace import SharedItemRecord
from app.ui.widgets.dates import local_text

STAGE_SCHEME = "ij-stage"
"""Links "Comment on this stage" point here: ij-stage:<stage id>."""
COMMENT_ON_STAGE = "Comment on this stage"
NOT_WRITTEN = "Not written yet."
NOT_WRITTEN_STAGES = "Not written yet:"
NO_COMMENTS = "No comments yet. Write the first one below."
SENT = "sent, so it can no longer be changed"


def stage_link(stage_id: str) -> str:
    """The URL of a stage's "Comment on this stage" link."""
    return f"{STAGE_SCHEME}:{quote(stage_id, safe='')}"


def stage_of_link(url: QUrl) -> str | None:
    """The stage id a link points at, or None for any other link."""
    if url.scheme() != STAGE_SCHEME:
        return None
    return unquote(url.path()) or None


def render_markdown(text: str) -> str:
    """Sanitised HTML for Markdown (Markdown and the sanitiser load on first use)."""
    from app.writing.rendering import render_markdown as render

    return render(text)


def item_html(item: SharedItemRecord) -> str:
    """The item as a page: an entry's Markdown, or each stage of a cycle under its title."""
    if item.kind != "cycle":
        return render_markdown(item.content) if item.content.strip() else _quiet(NOT_WRITTEN)
    parts = []
    for stage in item.stages:
        if stage.text.strip():
            parts.append(
                f"<h2>{_escape(stage.title)}</h2>{render_markdown(stage.text)}"
                f'<p><a href="{stage_link(stage.stage)}">{COMMENT_ON_STAGE}</a>'
                f" <small>({_escape(stage.title)})</small></p>"
            )
    unwritten = [s.title for s in item.stages if not s.text.strip()]
    if unwritten:
        parts.append(_quiet(f"{NOT_WRITTEN_STAGES} {', '.join(unwritten)}."))
    return "".join(parts) or _quiet(NOT_WRITTEN)


def thread_html(
    item: SharedItemRecord, comments: list[CommentRecord], participant: str, new_ids: set[str]
) -> str:
    """Comments and replies, oldest first; replies marked as the participant's, new ones "New"."""
    if not comments:
        return _quiet(NO_COMMENTS)
    stages = {s.stage: s.title for s in item.stages}
    parts = []
    for comment in comments:
        facts = [local_text(comment.created)]
        if comment.stage_id:
            title = stages.get(comment.stage_id, comment.stage_id)
            facts.append(f"on the stage “{title}”")
        if comment.mine:
            who = "You"
            facts.append(SENT if comment.sent else "waiting to send")
        else:
            who = f"{participant} (participant) replied" if comment.reply_to else participant
            if not comment.reply_to:
                who += " (participant)"
        new = " <b>[New]</b>" if comment.id in new_ids else ""
        head = f"<p><b>{_escape(who)}</b> · {_escape(' · '.join(facts))}{new}</p>"
        body = render_markdown(comment.body)
        block = head + body
        if not comment.mine:
            block = f"<blockquote>{block}</blockquote>"
        parts.append(block)
    return "<hr>".join(parts)


def _quiet(text: str) -> str:
    return f"<p><i>{_escape(text)}</i></p>"


def _escape(text: str) -> str:
    return html.escape(text, quote=True)
