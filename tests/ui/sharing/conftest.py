"""A coach's journal beside the participant's, and a stand-in for the Open and Save dialogs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.journal.opening import Journal, create_journal
from app.storage.keys import SystemKeyring
from tests.support.sharing import pair_with_coach
from tests.ui.sharing.helpers import FilePicker


@pytest.fixture
def picker() -> FilePicker:
    """The stand-in file dialogs."""
    return FilePicker()


@pytest.fixture
def coach(tmp_path: Path, key_store: SystemKeyring) -> Iterator[Journal]:
    """A coach's journal, whose card says "Sam"."""
    opened, _ = create_journal(tmp_path / "coach", key_store)
    opened.sharing.identity("Sam")
    yield opened
    opened.close()


@pytest.fixture
def paired(journal: Journal, coach: Journal) -> Journal:
    """The participant's journal ("Alex") with Sam added as a coach."""
    return pair_with_coach(journal, coach)
