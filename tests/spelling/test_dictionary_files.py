"""The shipped en_GB dictionary is the one the README names, unchanged."""

from __future__ import annotations

import hashlib

from app.spelling.english import dictionary_folder

# Debian's hunspell-en-gb 1:7.5.0-1, copied unchanged (README, design notes).
EXPECTED = {
    "en_GB.aff": "d9de51fae3020ddea29285e0e2ec59efd123e799798044d75c26367c5874f96c",
    "en_GB.dic": "3debccf0d99c9a4112824eac0cd43a0693b3aea125850d8b539f771e6c060d89",
}


def test_the_dictionary_files_are_the_ones_the_readme_names() -> None:
    folder = dictionary_folder()
    found = {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in EXPECTED}
    assert found == EXPECTED


def test_the_licence_ships_beside_the_dictionary() -> None:
    notice = (dictionary_folder() / "README_en_GB.txt").read_text(encoding="utf-8")
    assert "LGPL" in notice
