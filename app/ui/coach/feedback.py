"""Making a feedback package for one participant and saving it where the coach chose.

The Save dialog is the window's injected PickFile (app/ui/widgets/file_pickers.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.errors import JournalError
from app.journal.opening import Journal
from app.sharing.exchange import ExchangeService
from app.sharing.records import Role
from app.storage.files import describe_os_error, write_atomically


@dataclass(frozen=True)
class FeedbackSaved:
    """A feedback package written: where, for whom, and how many comments it carries."""

    path: Path
    name: str
    comments: int

    @property
    def message(self) -> str:
        """What to tell the coach next."""
        noun = "comment" if self.comments == 1 else "comments"
        return (
            f"Saved {self.comments} {noun} for {self.name} to {self.path.name}. Send the file "
            f"to {self.name} by NHSmail, Teams or a USB stick: only their journal can open it."
        )


def save_feedback(journal: Journal, fingerprint: str, path: Path) -> FeedbackSaved:
    """Write the participant's unsent comments to `path`, then mark them sent.

    Raises JournalError in plain words (the disk's reason included); nothing is marked sent
    unless the whole file was written.
    """
    participant = journal.sharing.find(fingerprint, Role.PARTICIPANT)
    outgoing = ExchangeService(journal).make_feedback(participant)
    try:
        write_atomically(path, outgoing.data)
    except OSError as exc:  # write_atomically names its own; this is a belt for the rest
        raise JournalError(f"Could not write {path}: {describe_os_error(exc)}") from exc
    ExchangeService(journal).record_sent(outgoing)
    return FeedbackSaved(path, participant.name, len(outgoing.notes))
