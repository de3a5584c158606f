"""Open and Save dialogs start in Documents, or at home on a profile that has none."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.ui.widgets.start_folder import start_folder


def test_home_when_there_is_no_documents_folder_then_documents(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    assert start_folder() == tmp_path
    (tmp_path / "Documents").mkdir()
    assert start_folder() == tmp_path / "Documents"
