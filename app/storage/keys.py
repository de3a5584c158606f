"""Journal keys: 32 random bytes kept in the system keyring, or a passphrase.

The key is never written to disk in plain text and never logged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from app.errors import KeyUnavailableError
from app.storage.recovery_code import KEY_BYTES

KEYRING_SERVICE = "inquiry-journal"


@dataclass(frozen=True, repr=False)
class RawKey:
    """A 32-byte key used directly by SQLCipher (no key derivation on open)."""

    value: bytes

    def __post_init__(self) -> None:
        if len(self.value) != KEY_BYTES:
            raise ValueError("a journal key is 32 bytes")

    def __repr__(self) -> str:
        return "RawKey(<hidden>)"

    @staticmethod
    def generate() -> RawKey:
        """A new random key."""
        import secrets  # only a new journal needs it; opening one does not

        return RawKey(secrets.token_bytes(KEY_BYTES))


@dataclass(frozen=True, repr=False)
class Passphrase:
    """A passphrase that SQLCipher stretches into the key (PBKDF2-HMAC-SHA512)."""

    value: str

    def __repr__(self) -> str:
        return "Passphrase(<hidden>)"


JournalKey = RawKey | Passphrase


class KeyStore(Protocol):
    """Where raw keys are kept between runs."""

    def is_available(self) -> bool:
        """True when keys can be stored and read."""
        ...

    def description(self) -> str:
        """The store's name, for people ("Windows Credential Manager")."""
        ...

    def load(self, journal_id: str) -> RawKey | None:
        """The journal's key, or None when the store does not hold one."""
        ...

    def save(self, journal_id: str, key: RawKey) -> None:
        """Keep the key; raise KeyUnavailableError when the store refuses."""
        ...


_FRIENDLY = {
    "WinVaultKeyring": "Windows Credential Manager",
    "Keyring": "the system keyring",
}


class SystemKeyring:
    """The OS keyring, through the `keyring` package (any backend but fail/null).

    In the bundled app the backend is this system's, named explicitly (see keyring_backends).
    """

    def __init__(self) -> None:
        from app.storage.keyring_backends import use_platform_backend

        use_platform_backend()

    def _backend(self) -> object:
        import keyring

        return keyring.get_keyring()

    def is_available(self) -> bool:
        """True unless keyring fell back to its "fail" or "null" backend."""
        try:
            backend = self._backend()
        except Exception:  # a broken backend configuration means "no keyring"
            return False
        return _usable(backend)

    def description(self) -> str:
        """A readable name for the backend in use."""
        try:
            backend = self._backend()
        except Exception:
            return "no keyring"
        module = type(backend).__module__
        if "macOS" in module:
            return "the macOS Keychain"
        if "Windows" in module:
            return "Windows Credential Manager"
        if "SecretService" in module or "libsecret" in module:
            return "the desktop keyring (Secret Service)"
        if "kwallet" in module.lower():
            return "KWallet"
        return _FRIENDLY.get(type(backend).__name__, f"the keyring ({type(backend).__name__})")

    def load(self, journal_id: str) -> RawKey | None:
        """Read the key; a keyring error becomes KeyUnavailableError."""
        import keyring
        from keyring.errors import KeyringError

        if not self.is_available():
            raise KeyUnavailableError(_NO_KEYRING)
        try:
            secret = keyring.get_password(KEYRING_SERVICE, journal_id)
        except KeyringError as exc:
            raise KeyUnavailableError(f"The system keyring could not be read: {exc}") from exc
        if secret is None:
            return None
        try:
            return RawKey(bytes.fromhex(secret))
        except ValueError:
            raise KeyUnavailableError(
                "The key stored in the system keyring for this journal is damaged. "
                "Use your recovery code to open the journal."
            ) from None

    def save(self, journal_id: str, key: RawKey) -> None:
        """Store the key as 64 hex characters under service `inquiry-journal`."""
        import keyring
        from keyring.errors import KeyringError

        if not self.is_available():
            raise KeyUnavailableError(_NO_KEYRING)
        try:
            keyring.set_password(KEYRING_SERVICE, journal_id, key.value.hex())
        except KeyringError as exc:
            raise KeyUnavailableError(
                f"The system keyring refused to store the key: {exc}"
            ) from exc


_NO_KEYRING = (
    "No system keyring is available on this computer, so the journal key cannot be kept "
    "there. Use a passphrase instead."
)


def _usable(backend: object) -> bool:
    from keyring.backends import chainer, fail, null

    if isinstance(backend, fail.Keyring | null.Keyring):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        return bool(backend.backends)
    return True
