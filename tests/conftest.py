"""Every test gets its own data folders, a private keyring and no network."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
import keyring.backend
import pytest
from keyring.backends import fail
from keyrings.alt.file import PlaintextKeyring

from app.journal.opening import Journal, create_journal
from app.spelling.english import EnglishDictionary
from app.storage.keys import SystemKeyring
from tests.support import no_network

no_network.install()


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point every platform folder, the journal home and the keyring at this test's folder."""
    home = tmp_path / "home"
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.setenv("INQUIRY_JOURNAL_HOME", str(home / "journal"))
    monkeypatch.delenv("INQUIRY_JOURNAL_PASSPHRASE", raising=False)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    test_keyring = PlaintextKeyring()
    test_keyring.file_path = str(home / "xdg_data_home" / "python_keyring" / "keyring_pass.cfg")
    previous = keyring.get_keyring()
    keyring.set_keyring(test_keyring)
    yield home
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> keyring.backend.KeyringBackend:
    """A computer with no usable keyring (keyring's own "fail" backend)."""
    backend = fail.Keyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture
def key_store() -> SystemKeyring:
    """The keyring-backed key store, using this test's private keyring."""
    return SystemKeyring()


@pytest.fixture
def journal_dir(tmp_path: Path) -> Path:
    """A folder for a journal (not yet created)."""
    return tmp_path / "journal"


@pytest.fixture
def journal(journal_dir: Path, key_store: SystemKeyring) -> Iterator[Journal]:
    """A new keyring-mode journal, closed after the test."""
    opened, _code = create_journal(journal_dir, key_store)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def english() -> EnglishDictionary:
    """The en_GB dictionary, loaded once for the whole run (about 0.7 s). Nothing adds to it:
    personal words live in each SpellChecker, so tests can share it."""
    dictionary = EnglishDictionary()
    dictionary.load()
    return dictionary
