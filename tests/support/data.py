"""Test data several test modules share: the tests' today, passphrases, and sample texts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from app.demo import DemoJournal
from app.journal.opening import Journal
from app.writing.domains import Domain

TODAY = date(2025, 3, 12)
NOW = datetime(2025, 3, 12, 9, 0, tzinfo=UTC)
NEVER_MS = 3_600_000
"""An autosave delay no test waits for: proves something else saved."""

PASSPHRASE = "reflect every friday"

NHS_NUMBER = "943 476 5919"
NAME = "Mrs Patel"
RISKY_BODY = (
    f"The family of {NAME} asked why the discharge slipped; I checked NHS no {NHS_NUMBER} "
    "against the list before I answered."
)

HOSTILE = """# Huddle

<script>alert('hi')</script><style>p { display: none }</style>
<p onclick="steal()">Clicked</p>
[bad link](javascript:alert(1)) and [good link](https://www.nhs.uk)
[mail](mailto:me@example.org)
![ward photo](https://example.com/tracker.png)
<img src="https://example.com/pixel.gif">
<iframe src="https://example.com"></iframe>
"""
"""Markdown that tries scripts, styles, handlers, odd links and remote images."""

NO_MATCHES = "No matches for {}. Try fewer words, or a word's start with *."
"""What the window's search says when nothing matches (format with the words)."""


def today() -> date:
    """The tests' today."""
    return TODAY


def fill_demo(journal: Journal) -> Journal:
    """The sample journal, built as of TODAY."""
    DemoJournal(journal).fill(NOW)
    return journal


def fixed_clock(moment: datetime) -> Callable[[], datetime]:
    """A clock that always says `moment`."""
    return lambda: moment


def reviewed_cycle(
    journal: Journal, title: str, reviewed: datetime, learning: str = "Ask first."
) -> str:
    """A cycle in its own line of inquiry, every required stage written, reviewed at
    `reviewed` (so it is that old to Home's Looking back)."""
    from app.writing.cycles import CycleStore

    store = CycleStore(journal.engine, journal.templates, clock=lambda: reviewed)
    cycle = store.start_inquiry(f"{title}?", [Domain.TEAM], "action-inquiry", title=title)
    for stage in ("frame", "intention", "strategy", "action", "outcomes"):
        store.save_stage(cycle.id, stage, f"Written for {stage}.")
    store.save_stage(cycle.id, "learning", learning)
    store.begin_reflection(cycle.id)
    store.finish(cycle.id)
    return cycle.id
