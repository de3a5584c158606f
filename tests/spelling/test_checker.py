"""The spelling check: unknown words, verdicts the window can use at once, and suggestions
that never give a private word away."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.spelling.checker import SpellChecker
from app.spelling.english import DictionaryMissing, EnglishDictionary
from app.spelling.personal import PersonalWord

WHEN = datetime(2026, 12, 1, tzinfo=UTC)


def test_uk_spellings_pass_and_misspellings_are_found_where_they_are(
    english: EnglishDictionary,
) -> None:
    text = (
        "The organisation’s behaviour, colour and programme: I recieve feedbak, etc. and e.g. this."
    )
    checker = SpellChecker(english)
    unknown = checker.check(text)
    assert [(w.text, text[w.start : w.end]) for w in unknown] == [
        ("recieve", "recieve"),
        ("feedbak", "feedbak"),
    ]


def test_only_the_wrong_part_of_a_hyphenated_word_is_marked(english: EnglishDictionary) -> None:
    text = "a team-bassed rota and a well-being check"
    assert [w.text for w in SpellChecker(english).check(text)] == ["bassed"]


def test_the_window_gets_remembered_verdicts_and_the_words_still_to_look_up(
    english: EnglishDictionary,
) -> None:
    checker = SpellChecker(english)
    unknown, waiting = checker.check_known("teh huddle")
    assert unknown == []
    assert waiting == {"teh", "huddle"}
    checker.learn(waiting)
    unknown, waiting = checker.check_known("teh huddle")
    assert [w.text for w in unknown] == ["teh"]
    assert waiting == set()


def test_personal_and_ignored_words_are_right_in_any_capitals(english: EnglishDictionary) -> None:
    checker = SpellChecker(english, [PersonalWord("Okonkwo", True, WHEN)])
    checker.ignore("Schwartz")
    assert checker.check("okonkwo and Okonkwo met schwartz") == []
    checker.forget("Okonkwo")
    assert [w.text for w in checker.check("Okonkwo")] == ["Okonkwo"]


def test_suggestions_offer_the_dictionarys_words_and_own_words_but_never_a_private_one(
    english: EnglishDictionary,
) -> None:
    checker = SpellChecker(
        english,
        [PersonalWord("Okonkwo", True, WHEN), PersonalWord("deprescribing", False, WHEN)],
    )
    assert checker.suggestions("recieve")[0] == "receive"
    assert "deprescribing" in checker.suggestions("deprescibing")
    assert "Okonkwo" not in checker.suggestions("Okonkwa")
    assert [m.as_json() for m in checker.misspellings("I recieve")] == [
        {"word": "recieve", "start": 2, "end": 9, "suggestions": checker.suggestions("recieve")}
    ]


def test_a_missing_dictionary_says_so_in_plain_words(tmp_path) -> None:
    with pytest.raises(DictionaryMissing, match="reinstall Inquiry Journal"):
        SpellChecker(EnglishDictionary(tmp_path)).check("hello")


def test_a_word_kept_twice_with_other_capitals_stays_private(english: EnglishDictionary) -> None:
    checker = SpellChecker(
        english, [PersonalWord("Ngozi", True, WHEN), PersonalWord("ngozi", False, WHEN)]
    )
    checker.accept(PersonalWord("NGOZI", False, WHEN))
    assert checker.is_private("ngozi")
    assert not {"Ngozi", "ngozi", "NGOZI"} & set(checker.suggestions("Ngozu"))
    public = SpellChecker(english, [PersonalWord("ngozi", False, WHEN)])
    assert "ngozi" in public.suggestions("Ngozu")


def test_a_personal_or_ignored_word_is_accepted_with_either_apostrophe(
    english: EnglishDictionary,
) -> None:
    checker = SpellChecker(english, [PersonalWord("Okonkwo's", True, WHEN)])
    checker.ignore("Adebayo’s")
    assert checker.verdict("Okonkwo’s") is True
    assert checker.verdict("Adebayo's") is True
    assert checker.is_private("OKONKWO’S")


def test_an_insult_is_never_offered_in_place_of_a_name(english: EnglishDictionary) -> None:
    assert "Twonk" in english.load().suggest("Okonkwo")  # the dictionary alone would
    assert not {"Twonk", "twonk"} & set(SpellChecker(english).suggestions("Okonkwo"))
    assert SpellChecker(english).check("what a twonk") == []  # accepted when typed


def test_a_word_misspelt_many_times_is_searched_for_once(
    english: EnglishDictionary, monkeypatch: pytest.MonkeyPatch
) -> None:
    checker = SpellChecker(english)
    asked: list[str] = []
    real = checker.suggestions

    def counted(word: str, limit: int = 5) -> list[str]:
        asked.append(word)
        return real(word, limit)

    monkeypatch.setattr(checker, "suggestions", counted)
    found = checker.misspellings("teh cat, teh dog and teh rota")
    assert [m.start for m in found] == [0, 9, 21]
    assert {m.suggestions for m in found} == {tuple(real("teh"))}
    assert asked == ["teh"]
