"""A coach's journal holding real shares from three participants."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.journal.opening import Journal
from app.storage.keys import SystemKeyring
from tests.ui.coach.helpers import CoachDesk, build_desk


@pytest.fixture
def desk(journal: Journal, tmp_path: Path, key_store: SystemKeyring) -> Iterator[CoachDesk]:
    """`journal` as a coach's, with shares from Alex, Bea and Chidi imported."""
    built = build_desk(journal, tmp_path / "people", key_store)
    yield built
    built.close()
