"""Recovery codes round-trip and catch the typos people make when copying them."""

from __future__ import annotations

import secrets

import pytest

from app.errors import RecoveryCodeError
from app.storage.recovery_code import decode_recovery_code, encode_recovery_code

KEY = bytes(range(32))


def test_code_is_eleven_groups_of_five_and_round_trips() -> None:
    code = encode_recovery_code(KEY)
    groups = code.split("-")
    assert len(groups) == 11
    assert all(len(g) == 5 for g in groups)
    assert decode_recovery_code(code) == KEY


def test_random_keys_round_trip() -> None:
    for _ in range(200):
        key = secrets.token_bytes(32)
        assert decode_recovery_code(encode_recovery_code(key)) == key


def test_case_spaces_and_look_alike_letters_are_forgiven() -> None:
    code = encode_recovery_code(KEY)
    typed = " ".join(code.lower().split("-")).replace("1", "l").replace("0", "o")
    assert decode_recovery_code(typed) == KEY


def test_every_single_character_typo_is_caught() -> None:
    code = encode_recovery_code(KEY).replace("-", "")
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    missed = 0
    for position, original in enumerate(code):
        for replacement in alphabet:
            if replacement == original:
                continue
            typo = code[:position] + replacement + code[position + 1 :]
            try:
                decode_recovery_code(typo)
            except RecoveryCodeError:
                continue
            missed += 1
    assert missed == 0


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("ABCDE-FGHJK", "11 groups of 5"),
        ("", "11 groups of 5"),
        ("ABCDE-!!!!!", "'!'"),
    ],
)
def test_malformed_codes_are_explained(typed: str, message: str) -> None:
    with pytest.raises(RecoveryCodeError, match=message):
        decode_recovery_code(typed)


def test_swapped_groups_are_caught() -> None:
    groups = encode_recovery_code(KEY).split("-")
    groups[0], groups[1] = groups[1], groups[0]
    with pytest.raises(RecoveryCodeError, match="typo"):
        decode_recovery_code("-".join(groups))
