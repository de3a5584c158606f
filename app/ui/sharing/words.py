"""Sentences the sharing windows say, in one place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.sharing.records import Who, share_message
from app.words import counted

if TYPE_CHECKING:
    from app.transfer.incoming import ImportOutcome

SEND_ADVICE = "Only they can open it; send it by NHSmail, Teams or a memory stick."
NOTHING_IMPORTED = "Import cancelled: nothing was imported, and your journal is as it was."


def shared_message(items: int, replies: int, coach: str, file_name: str) -> str:
    """What the message bar says once a share is saved."""
    parts = [
        counted(n, one, many)
        for n, one, many in ((items, "item", "items"), (replies, "reply", "replies"))
        if n
    ]
    what = " and ".join(parts)
    return f"Saved {what} for {coach} in {file_name}. {SEND_ADVICE}"


def import_message(outcome: ImportOutcome) -> str:
    """The outcome of an import in a sentence: "Imported 3 comments from Sam."."""
    if not outcome.changed or outcome.kind == "json":
        return outcome.message
    if outcome.kind == "feedback":
        return f"Imported {counted(outcome.notes, 'comment', 'comments')} from {outcome.sender}."
    who = Who(outcome.sender, outcome.fingerprint, outcome.verified)
    return share_message(outcome.items, outcome.notes, who)


def unread_message(count: int) -> str:
    """The status bar's note of comments not yet read ("" for none)."""
    if not count:
        return ""
    return f"{counted(count, 'new comment', 'new comments')} from your coach"
