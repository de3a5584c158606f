"""The bundle names its keyring backend per system; from source keyring chooses as before."""

from __future__ import annotations

import importlib
import sys

import keyring
import pytest
from keyring.backends import fail
from keyrings.alt.file import PlaintextKeyring

from app.storage.keyring_backends import backend_names, hidden_imports, platform_backend
from app.storage.keys import SystemKeyring

PLATFORMS = ["win32", "darwin", "linux"]


@pytest.mark.parametrize("platform", PLATFORMS)
def test_each_named_backend_exists_in_the_installed_keyring(platform: str) -> None:
    names = backend_names(platform)
    assert names
    for name in names:
        module_name, _, class_name = name.rpartition(".")
        backend_class = getattr(importlib.import_module(module_name), class_name)
        assert issubclass(backend_class, keyring.backend.KeyringBackend)
        assert module_name in hidden_imports(platform)


def test_the_expected_backend_for_each_system() -> None:
    assert backend_names("win32") == ("keyring.backends.Windows.WinVaultKeyring",)
    assert backend_names("darwin") == ("keyring.backends.macOS.Keyring",)
    assert backend_names("linux")[0] == "keyring.backends.SecretService.Keyring"
    assert backend_names("freebsd13") == ()


def test_a_system_whose_keyring_cannot_work_here_means_passphrase_mode() -> None:
    other = "darwin" if sys.platform != "darwin" else "win32"
    backend = platform_backend(other)
    assert isinstance(backend, fail.Keyring)
    assert isinstance(platform_backend("freebsd13"), fail.Keyring)


def test_from_source_keyring_is_left_to_choose(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND")
    SystemKeyring()
    assert isinstance(keyring.get_keyring(), PlaintextKeyring)


def test_a_bundle_honours_python_keyring_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    store = SystemKeyring()
    assert isinstance(keyring.get_keyring(), PlaintextKeyring)
    assert store.is_available()


def test_a_bundle_uses_this_systems_backend_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND")
    store = SystemKeyring()
    chosen = keyring.get_keyring()
    expected = type(platform_backend())
    assert type(chosen) is expected
    assert not isinstance(chosen, PlaintextKeyring)
    assert store.is_available() == (expected is not fail.Keyring)
