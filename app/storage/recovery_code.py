"""Recovery codes: the journal key written for people, with a checksum that catches typos.

A code is the 32-byte key plus a 2-byte checksum (the start of its SHA-256), written in
Crockford's base32 (no I, L, O or U; those letters are read as 1, 1, 0 and V) and
grouped in fives. Case, spaces and hyphens are ignored when it is typed back.
"""

from __future__ import annotations

import hashlib

from app.errors import RecoveryCodeError

KEY_BYTES = 32
_CHECK_BYTES = 2
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_GROUP = 5
_TOTAL_BITS = (KEY_BYTES + _CHECK_BYTES) * 8
_CHARS = -(-_TOTAL_BITS // 5)  # 55 characters
_READ_AS = {"I": "1", "L": "1", "O": "0", "U": "V"}


def _checksum(key: bytes) -> bytes:
    return hashlib.sha256(b"inquiry-journal recovery\x00" + key).digest()[:_CHECK_BYTES]


def encode_recovery_code(key: bytes) -> str:
    """Write a 32-byte key as a grouped recovery code such as `3F9KD-...`."""
    if len(key) != KEY_BYTES:
        raise ValueError("a journal key is 32 bytes")
    number = int.from_bytes(key + _checksum(key), "big")
    chars = []
    for _ in range(_CHARS):
        chars.append(_ALPHABET[number & 31])
        number >>= 5
    text = "".join(reversed(chars))
    return "-".join(text[i : i + _GROUP] for i in range(0, len(text), _GROUP))


def decode_recovery_code(code: str) -> bytes:
    """Read a recovery code back into the key; raise RecoveryCodeError on any typo."""
    cleaned = "".join(ch for ch in code.upper() if not ch.isspace() and ch != "-")
    cleaned = "".join(_READ_AS.get(ch, ch) for ch in cleaned)
    bad = sorted({ch for ch in cleaned if ch not in _ALPHABET})
    if bad:
        raise RecoveryCodeError(
            "A recovery code uses only the digits 0-9 and letters A-Z; "
            f"this one has {', '.join(repr(c) for c in bad)}."
        )
    if len(cleaned) != _CHARS:
        raise RecoveryCodeError(
            f"A recovery code has {_CHARS} letters and digits (11 groups of 5); "
            f"this one has {len(cleaned)}. Check for a missing or extra group."
        )
    number = 0
    for ch in cleaned:
        number = (number << 5) | _ALPHABET.index(ch)
    if number >> _TOTAL_BITS:
        raise RecoveryCodeError("That recovery code has a typo: please check each group.")
    raw = number.to_bytes(KEY_BYTES + _CHECK_BYTES, "big")
    key, check = raw[:KEY_BYTES], raw[KEY_BYTES:]
    if _checksum(key) != check:
        raise RecoveryCodeError("That recovery code has a typo: please check each group.")
    return key
