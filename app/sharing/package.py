"""Share and feedback packages: encrypted to one recipient, signed by the sender, sent as files.

A package is a ZIP holding exactly three members:
- envelope.json: who sent it (their card), for whom (a fingerprint), its id, kind and version,
  and what the recipient needs to decrypt it; nothing personal but the sender's card name;
- payload.bin: the content (JSON, zlib-compressed) encrypted with ChaCha20-Poly1305 under a key
  agreed from a one-off X25519 key and the recipient's key (HKDF-SHA256), the envelope bound in
  as associated data;
- signature.bin: the sender's Ed25519 signature over both.
The format is documented in docs/share-format.md.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import re
import uuid
import zipfile
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from app.errors import JournalError
from app.json_fields import FieldReader, parse_json
from app.sharing.keys import CARD_FORMAT, Card, CardError, Identity, canonical

PACKAGE_FORMAT = "inquiry-journal-package"
PACKAGE_VERSION = 1
KINDS = ("share", "feedback")
MEMBERS = ("envelope.json", "payload.bin", "signature.bin")
MAX_ENVELOPE_BYTES = 64 * 1024
# What a genuine package of the allowed size can need: 20,000 items (content.MAX_ITEMS) of
# about 3,000 characters each. Inflating stops here, so a small file that would unpack to
# hundreds of MB is refused without ever holding more than this in memory.
MAX_CONTENT_BYTES = 64 * 1024 * 1024
# zlib never grows content by more than a few bytes per 16 KB, so a genuine file fits here.
MAX_PACKAGE_BYTES = MAX_CONTENT_BYTES + MAX_ENVELOPE_BYTES + 1024 * 1024
# An envelope is a flat object holding one flat card: deeper JSON is hostile, and is refused
# before Python's parser recurses.
MAX_ENVELOPE_DEPTH = 4
_INFO = b"inquiry-journal package v1"


class PackageError(JournalError):
    """A package that is refused; the message says why, and nothing was changed."""


NOT_A_PACKAGE = "This file is not an Inquiry Journal package."
DAMAGED = (
    "This package is damaged or incomplete (it may have been cut short when it was copied). "
    "Ask the sender for a new copy."
)
TOO_LARGE = (
    "This package's contents are larger than a genuine package can be "
    f"(at most {MAX_CONTENT_BYTES // (1024 * 1024)} MB); it was not opened."
)
TAMPERED = (
    "This package has been changed since it was made: its signature does not match. "
    "Ask the sender for a new copy."
)


def _damaged(_problem: str) -> PackageError:
    # One message for any fault in a signed envelope: only the sender can make a new one.
    return PackageError(DAMAGED)


_ENVELOPE = FieldReader(_damaged)
"""Reads an envelope's fields; any fault means the package is damaged."""


@dataclass(frozen=True)
class OpenedPackage:
    """A package that passed every check."""

    kind: str
    package_id: str
    created: datetime
    sender: Card
    payload: dict[str, Any]


def _key(shared: bytes, package_id: str) -> bytes:
    # cryptography loads when a package is sealed or opened (see app.sharing.keys).
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=uuid.UUID(package_id).bytes, info=_INFO)
    return hkdf.derive(shared)


def _signed_part(envelope: bytes, payload: bytes) -> bytes:
    return hashlib.sha256(envelope).digest() + hashlib.sha256(payload).digest()


def seal(kind: str, payload: dict[str, Any], sender: Identity, recipient: Card) -> bytes:
    """A package of `kind` ("share" or "feedback") carrying `payload`, for `recipient` only."""
    content = canonical(payload)
    return seal_bytes(kind, content, len(content), sender, recipient)


def seal_bytes(
    kind: str, content: bytes, declared_size: int, sender: Identity, recipient: Card
) -> bytes:
    """Seal raw content bytes (tests use this to build hostile packages honestly signed)."""
    return seal_compressed(kind, zlib.compress(content, 9), declared_size, sender, recipient)


def seal_compressed(
    kind: str, plain: bytes, declared_size: int, sender: Identity, recipient: Card
) -> bytes:
    """Seal content already zlib-compressed (tests build decompression bombs with this)."""
    if kind not in KINDS:
        raise ValueError(f"unknown package kind {kind!r}")
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    package_id = str(uuid.uuid4())
    ephemeral = X25519PrivateKey.generate()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient.encryption_key))
    nonce = os.urandom(12)
    card = sender.card.as_json()
    envelope = canonical(
        {
            "format": PACKAGE_FORMAT,
            "version": PACKAGE_VERSION,
            "kind": kind,
            "package_id": package_id,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "sender": {
                **card,
                "signature": base64.b64encode(sender.sign(canonical(card))).decode(),
            },
            "recipient": recipient.fingerprint,
            "ephemeral_key": base64.b64encode(ephemeral.public_key().public_bytes_raw()).decode(),
            "nonce": base64.b64encode(nonce).decode(),
            "payload_size": declared_size,
        }
    )
    ciphertext = ChaCha20Poly1305(_key(shared, package_id)).encrypt(nonce, plain, envelope)
    signature = sender.sign(_signed_part(envelope, ciphertext))
    return _container(envelope, ciphertext, signature)


def _container(envelope: bytes, payload: bytes, signature: bytes) -> bytes:
    """The one exact ZIP for these members (fixed order, dates and attributes).

    Being exact lets a reader rebuild it and so notice a changed byte anywhere in the file,
    headers included, not only in the signed parts.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, data in zip(MEMBERS, (envelope, payload, signature), strict=True):
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.create_system = 3
            info.external_attr = 0o600 << 16
            archive.writestr(info, data)
    return out.getvalue()


def read_envelope(data: bytes) -> tuple[dict[str, Any], bytes, bytes, bytes]:
    """Check the container and return (envelope, its bytes, payload bytes, signature)."""
    if len(data) > MAX_PACKAGE_BYTES:
        raise PackageError("This package is larger than Inquiry Journal accepts.")
    if not data.startswith(b"PK"):
        raise PackageError(NOT_A_PACKAGE)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names = [i.filename for i in infos]
            _check_members(names, {i.filename: i.file_size for i in infos})
            envelope_bytes = archive.read("envelope.json")
            payload = archive.read("payload.bin")
            signature = archive.read("signature.bin")
    except PackageError:
        raise
    except Exception:  # zipfile reports hostile input in many ways; all mean "damaged"
        raise PackageError(DAMAGED) from None
    try:
        envelope = load_json(envelope_bytes, MAX_ENVELOPE_DEPTH)
    except ValueError:
        raise PackageError(DAMAGED) from None
    if not isinstance(envelope, dict) or envelope.get("format") != PACKAGE_FORMAT:
        raise PackageError(NOT_A_PACKAGE)
    version = _ENVELOPE.integer(envelope, "version")
    if version > PACKAGE_VERSION:
        raise PackageError(
            "This package was made by a newer version of Inquiry Journal; update the app to "
            "open it."
        )
    if version != PACKAGE_VERSION:
        raise PackageError(f"This package uses an unknown format version ({version}).")
    return envelope, envelope_bytes, payload, signature


def _check_members(names: list[str], sizes: dict[str, int]) -> None:
    if any("/" in n or "\\" in n or ".." in n or n.startswith(".") for n in names):
        raise PackageError(
            "This package holds a file with a folder path in its name, which a genuine "
            "package never does. It was not opened."
        )
    if sorted(names) != sorted(MEMBERS) or len(names) != len(MEMBERS):
        raise PackageError(NOT_A_PACKAGE)
    if (
        sizes["envelope.json"] > MAX_ENVELOPE_BYTES
        or sizes["payload.bin"] > MAX_PACKAGE_BYTES - MAX_ENVELOPE_BYTES
        or sizes["signature.bin"] != 64
    ):
        raise PackageError("This package's parts are larger than a genuine package's.")


def sender_of(envelope: dict[str, Any]) -> Card:
    """The sender's card from an envelope, checked against its own signature."""
    from app.sharing.keys import read_card

    sender = _ENVELOPE.obj(envelope.get("sender"))
    if sender.get("format") != CARD_FORMAT:
        raise PackageError(DAMAGED)
    try:
        return read_card(json.dumps(sender).encode("utf-8"))
    except CardError:
        raise PackageError(TAMPERED) from None


def open_package(data: bytes, recipient: Identity) -> OpenedPackage:
    """Check, verify and decrypt a package meant for `recipient`; PackageError otherwise."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    envelope, envelope_bytes, ciphertext, signature = read_envelope(data)
    sender = sender_of(envelope)
    if not sender.verify(signature, _signed_part(envelope_bytes, ciphertext)):
        raise PackageError(TAMPERED)
    if _container(envelope_bytes, ciphertext, signature) != data:
        raise PackageError(TAMPERED)
    if envelope.get("recipient") != recipient.card.fingerprint:
        raise PackageError(
            "This package is for someone else: it was made for a different journal or coach. "
            "Nothing was imported."
        )
    kind = _ENVELOPE.text(envelope, "kind")
    size = _ENVELOPE.integer(envelope, "payload_size", minimum=0)
    if kind not in KINDS:
        raise PackageError(DAMAGED)
    if size > MAX_CONTENT_BYTES:
        raise PackageError(TOO_LARGE)
    package_id = _ENVELOPE.ident(envelope, "package_id")
    created = _ENVELOPE.moment(envelope, "created", years=None, keep_zone=True)
    try:
        ephemeral = base64.b64decode(str(envelope.get("ephemeral_key")), validate=True)
        nonce = base64.b64decode(str(envelope.get("nonce")), validate=True)
        shared = recipient.agree(ephemeral)
        cipher = ChaCha20Poly1305(_key(shared, package_id))
        compressed = cipher.decrypt(nonce, ciphertext, envelope_bytes)
    except InvalidTag:
        raise PackageError(TAMPERED) from None
    except (ValueError, TypeError):
        raise PackageError(DAMAGED) from None
    payload = _inflate(compressed, size)
    return OpenedPackage(kind, package_id, created, sender, payload)


_STEP = 1024 * 1024
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_BRACKET = re.compile(rb"[\[\]{}]")


def load_json(raw: bytes, max_depth: int) -> Any:
    """Parse UTF-8 JSON nested at most `max_depth` deep; ValueError for anything else.

    The depth is counted on the bytes (strings left out) before parsing, so hostile nesting
    is refused in one plain line instead of exhausting the parser's recursion.
    """
    depth = deepest = 0
    for bracket in _BRACKET.finditer(_STRING.sub(b"", raw)):
        depth += 1 if bracket.group() in (b"[", b"{") else -1
        deepest = max(deepest, depth)
        if deepest > max_depth:
            raise ValueError("nested too deeply")
    return parse_json(raw.decode("utf-8"))  # belt and braces: the count refused deep nesting


def check_content(plain: bytes | bytearray) -> dict[str, Any]:
    """The content object, held to the limits every reader applies (the sender checks too)."""
    if len(plain) > MAX_CONTENT_BYTES:
        raise PackageError(TOO_LARGE)
    try:
        # Not depth-counted like the envelope (that costs seconds at this size): parse_json
        # turns hostile nesting into ValueError, and every field is then type-checked.
        payload = parse_json(plain.decode("utf-8"))
    except ValueError:
        raise PackageError("This package's contents are not valid.") from None
    if not isinstance(payload, dict):
        raise PackageError("This package's contents are not valid.")
    return payload


def _inflate(compressed: bytes, expected: int) -> dict[str, Any]:
    """Decompress a step at a time with a hard ceiling, so a bomb cannot exhaust memory.

    Each step yields at most a megabyte and inflating stops as soon as more than the
    declared size (itself at most MAX_CONTENT_BYTES) has come out, however far the data
    would go on.
    """
    inflater = zlib.decompressobj()
    plain = bytearray()
    pending = compressed
    try:
        while not inflater.eof:
            step = inflater.decompress(pending, _STEP)
            pending = inflater.unconsumed_tail
            plain += step
            if len(plain) > expected or not (step or pending):
                break
    except zlib.error:
        raise PackageError(DAMAGED) from None
    if len(plain) != expected or pending or inflater.unused_data or not inflater.eof:
        raise PackageError("This package's contents are not the size it says they are.")
    return check_content(plain)
