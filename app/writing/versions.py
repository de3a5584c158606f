"""When a save keeps the text it replaces as a version.

Everything saves as the person types (about a second after they pause), so keeping every
replaced text would pile up hundreds of near-identical versions a week. Versions are kept per
editing run instead: the first change after a quiet spell keeps the text as it stood, and the
saves that follow within the run only update the current text. A run that goes on for long
keeps a version every hour, so an afternoon's writing cannot be lost to one bad edit.
"""

from __future__ import annotations

from datetime import datetime, timedelta

QUIET_SPELL = timedelta(minutes=10)
LONGEST_RUN = timedelta(hours=1)


def keeps_version(now: datetime, text_saved_at: datetime, run_started: datetime | None) -> bool:
    """Should the text saved at `text_saved_at` be kept as a version when replaced `now`?

    `run_started` is when the newest version was made (None when there is none): that is
    when the current editing run began.
    """
    if run_started is None:
        return True
    return now - text_saved_at >= QUIET_SPELL or now - run_started >= LONGEST_RUN
