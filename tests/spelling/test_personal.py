"""The personal dictionary lives inside the encrypted journal, never in a plain file."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.journal.opening import Journal
from app.spelling.personal import NotAWord, checked_word, looks_private


def test_added_words_are_kept_in_the_journal_in_alphabetical_order(journal: Journal) -> None:
    journal.dictionary.add("deprescribing", private=False)
    journal.dictionary.add("Okonkwo", private=True)
    journal.dictionary.add("Okonkwo", private=False)  # once private, always private
    assert [(w.word, w.private) for w in journal.dictionary.words()] == [
        ("deprescribing", False),
        ("Okonkwo", True),
    ]
    assert journal.dictionary.remove("deprescribing") is True
    assert journal.dictionary.remove("deprescribing") is False
    assert [w.word for w in journal.dictionary.words()] == ["Okonkwo"]


def test_no_file_in_the_journal_folder_holds_a_word_in_plain_text(
    journal: Journal, journal_dir: Path
) -> None:
    journal.dictionary.add("Okonkwo", private=True)
    journal.close()
    for path in journal_dir.rglob("*"):
        if path.is_file():
            assert b"Okonkwo" not in path.read_bytes(), path


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "Give a word"),
        ("two words", "not one word"),
        ("B12", "not one word"),
        ("x" * 61, "at most 60"),
    ],
)
def test_what_is_not_one_word_is_refused_in_plain_words(raw: str, message: str) -> None:
    with pytest.raises(NotAWord, match=message):
        checked_word(raw)


def test_a_name_is_private_by_its_capital_or_by_the_privacy_check() -> None:
    assert looks_private("Okonkwo")
    assert not looks_private("deprescribing")
    # No capital, but the privacy check finds it in a date of birth.
    text = "She was born on 3 march 1980, she told me"
    assert looks_private("march", text, text.index("march"))
    assert not looks_private("told", text, text.index("told"))
