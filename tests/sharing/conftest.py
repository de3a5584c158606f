"""A coach's journal for the sharing tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.journal.opening import Journal, create_journal
from app.storage.keys import SystemKeyring


@pytest.fixture
def coach(tmp_path: Path, key_store: SystemKeyring) -> Iterator[Journal]:
    """A new journal whose card says "Sam (coach)"."""
    opened, _ = create_journal(tmp_path / "coach", key_store)
    opened.sharing.identity("Sam (coach)")
    yield opened
    opened.close()
