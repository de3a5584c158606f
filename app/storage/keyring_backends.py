"""The keyring backend for each system, named explicitly for the bundled app.

`keyring` finds its backends through package metadata (entry points), which a PyInstaller
bundle does not reliably carry; a bundle that found none would quietly fall back to "no keyring"
and ask for a passphrase on a laptop that has Credential Manager. So in a bundle the backend is
chosen here by name, and build.spec lists these modules as hidden imports. Run from source,
keyring's own discovery (and PYTHON_KEYRING_BACKEND, which the tests use) is left alone.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # keyring itself loads only when a key is needed
    from keyring.backend import KeyringBackend

KEYRING_BACKEND_ENV = "PYTHON_KEYRING_BACKEND"

# In order of preference; the first one that works on this computer is used.
_BACKENDS: dict[str, tuple[str, ...]] = {
    "win32": ("keyring.backends.Windows.WinVaultKeyring",),
    "darwin": ("keyring.backends.macOS.Keyring",),
    # KWallet 5.97+ also answers as a Secret Service, so KDE desktops are covered by the first.
    "linux": ("keyring.backends.SecretService.Keyring", "keyring.backends.kwallet.DBusKeyring"),
}
# What those backends import at run time (inside try blocks), listed for PyInstaller too.
_SUPPORT_MODULES: dict[str, tuple[str, ...]] = {
    "win32": (
        "win32ctypes.pywin32.pywintypes",
        "win32ctypes.pywin32.win32cred",
        "win32ctypes.core",
    ),
    "darwin": ("keyring.backends.macOS.api",),
    "linux": ("secretstorage", "secretstorage.exceptions", "jeepney", "jeepney.io.blocking"),
}


def _family(platform: str) -> str:
    return "linux" if platform.startswith("linux") else platform


def backend_names(platform: str = sys.platform) -> tuple[str, ...]:
    """The dotted names of the keyring classes tried on `platform`, most preferred first."""
    return _BACKENDS.get(_family(platform), ())


def hidden_imports(platform: str = sys.platform) -> list[str]:
    """The modules a bundle for `platform` needs for its keyring (for build.spec)."""
    modules = [name.rpartition(".")[0] for name in backend_names(platform)]
    return [*modules, *_SUPPORT_MODULES.get(_family(platform), ()), "keyring.backends.fail"]


def platform_backend(platform: str = sys.platform) -> KeyringBackend:
    """The first backend for `platform` that works here; else keyring's "fail" backend.

    "fail" means no keyring: the app then offers a passphrase instead.
    """
    for name in backend_names(platform):
        module_name, _, class_name = name.rpartition(".")
        try:
            backend_class = getattr(importlib.import_module(module_name), class_name)
            if backend_class.viable:
                backend: KeyringBackend = backend_class()
                return backend
        except Exception:  # a backend that cannot even load is simply not this computer's
            continue
    from keyring.backends import fail

    nothing: KeyringBackend = fail.Keyring()  # type: ignore[no-untyped-call]
    return nothing


def use_platform_backend() -> None:
    """In a bundle, set keyring's backend by name unless PYTHON_KEYRING_BACKEND names one."""
    if not getattr(sys, "frozen", False) or os.environ.get(KEYRING_BACKEND_ENV):
        return
    import keyring

    keyring.set_keyring(platform_backend())
