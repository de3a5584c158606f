"""A journal's sharing identity: an X25519 key pair to receive, an Ed25519 pair to sign.

Cards carry the public halves and a fingerprint people can read aloud to compare.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass

from app.errors import JournalError
from app.json_fields import FieldReader, Wording, parse_json

# cryptography is imported where keys are used: the window reads who it shares with (and
# what is unread) at start, which needs no keys, and the library takes a while to load.

CARD_FORMAT = "inquiry-journal-card"
CARD_VERSION = 1
MAX_CARD_BYTES = 16 * 1024
MAX_NAME = 80
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


class CardError(JournalError):
    """A card file that cannot be used; the message says why."""


_CARD = FieldReader(CardError, Wording(not_text="The card has no name."))
"""Reads a card's fields (its keys and signature are checked byte by byte)."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object, what: str) -> bytes:
    try:
        raw = base64.b64decode(str(text), validate=True)
    except ValueError:
        raise CardError(f"The card's {what} is damaged.") from None
    if len(raw) != 32:
        raise CardError(f"The card's {what} is damaged.")
    return raw


def fingerprint(encryption_key: bytes, signing_key: bytes) -> str:
    """Sixteen letters and digits in four groups, e.g. "7KQ2-M9XD-4TRB-H1VC", to compare aloud."""
    digest = hashlib.sha256(b"inquiry-journal card\x00" + encryption_key + signing_key).digest()
    number = int.from_bytes(digest[:10], "big")
    chars = []
    for _ in range(16):
        chars.append(_ALPHABET[number & 31])
        number >>= 5
    text = "".join(reversed(chars))
    return "-".join(text[i : i + 4] for i in range(0, 16, 4))


@dataclass(frozen=True)
class Card:
    """Someone's public identity: a name they chose, their public keys, and the fingerprint."""

    name: str
    encryption_key: bytes
    signing_key: bytes

    @property
    def fingerprint(self) -> str:
        """What two people compare to be sure the card is genuine."""
        return fingerprint(self.encryption_key, self.signing_key)

    def verify(self, signature: bytes, message: bytes) -> bool:
        """True when `signature` is this card's signature of `message`."""
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

        try:
            Ed25519PublicKey.from_public_bytes(self.signing_key).verify(signature, message)
        except (InvalidSignature, ValueError):
            return False
        return True

    def as_json(self) -> dict[str, object]:
        """The card's fields (without its self-signature)."""
        return {
            "format": CARD_FORMAT,
            "version": CARD_VERSION,
            "name": self.name,
            "encryption_key": _b64(self.encryption_key),
            "signing_key": _b64(self.signing_key),
        }


@dataclass(frozen=True, repr=False)
class Identity:
    """This journal's private keys and the name it shows on its card."""

    name: str
    encryption_private: bytes
    signing_private: bytes

    def __repr__(self) -> str:
        return f"Identity(name={self.name!r}, <keys hidden>)"

    @staticmethod
    def generate(name: str) -> Identity:
        """New key pairs."""
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
        from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

        return Identity(
            name=check_name(name),
            encryption_private=X25519PrivateKey.generate().private_bytes_raw(),
            signing_private=Ed25519PrivateKey.generate().private_bytes_raw(),
        )

    @property
    def card(self) -> Card:
        """The public card for this identity."""
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
        from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

        enc = X25519PrivateKey.from_private_bytes(self.encryption_private).public_key()
        sig = Ed25519PrivateKey.from_private_bytes(self.signing_private).public_key()
        return Card(self.name, enc.public_bytes_raw(), sig.public_bytes_raw())

    def sign(self, message: bytes) -> bytes:
        """An Ed25519 signature of `message`."""
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        return Ed25519PrivateKey.from_private_bytes(self.signing_private).sign(message)

    def agree(self, peer_encryption_key: bytes) -> bytes:
        """The X25519 shared secret with a peer's public key."""
        from cryptography.hazmat.primitives.asymmetric.x25519 import (
            X25519PrivateKey,
            X25519PublicKey,
        )

        private = X25519PrivateKey.from_private_bytes(self.encryption_private)
        return private.exchange(X25519PublicKey.from_public_bytes(peer_encryption_key))


def check_name(name: str) -> str:
    """A display name, tidied; refuse an empty or over-long one."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise CardError("Choose a name for your card, such as your first name or a role.")
    if len(cleaned) > MAX_NAME:
        raise CardError(f"A card name can be at most {MAX_NAME} characters.")
    return cleaned


def canonical(data: dict[str, object]) -> bytes:
    """The exact bytes that are signed: sorted keys, no spaces, UTF-8."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def card_bytes(identity: Identity) -> bytes:
    """A .ijcard file: the card and its self-signature (so a changed byte is noticed)."""
    body = identity.card.as_json()
    signed = {**body, "signature": _b64(identity.sign(canonical(body)))}
    return (json.dumps(signed, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def read_card(data: bytes) -> Card:
    """Check a .ijcard file and return the card; CardError says what is wrong."""
    if len(data) > MAX_CARD_BYTES:
        raise CardError("That file is too large to be an Inquiry Journal card.")
    try:
        raw = parse_json(data.decode("utf-8"))
    except ValueError:
        raise CardError("That file is not an Inquiry Journal card.") from None
    if not isinstance(raw, dict) or raw.get("format") != CARD_FORMAT:
        raise CardError("That file is not an Inquiry Journal card.")
    if raw.get("version") != CARD_VERSION:
        raise CardError("That card was made by a newer version of Inquiry Journal.")
    name = _CARD.text(raw, "name")
    card = Card(
        check_name(name),
        _unb64(raw.get("encryption_key"), "encryption key"),
        _unb64(raw.get("signing_key"), "signing key"),
    )
    signature = raw.get("signature")
    body = {k: v for k, v in raw.items() if k != "signature"}
    try:
        signature_bytes = base64.b64decode(str(signature), validate=True)
    except ValueError:
        signature_bytes = b""
    if body != card.as_json() or not card.verify(signature_bytes, canonical(body)):
        raise CardError("The card has been changed since it was made; ask for a fresh copy.")
    return card
