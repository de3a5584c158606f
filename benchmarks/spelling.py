"""UK English spell checking of a 5,000-word reflective entry, beside plain set look-ups.

Figures: reading the en_GB dictionary; checking the whole entry with no verdicts remembered
(`SpellChecker.check`, the worker's first pass); each paragraph again from remembered verdicts
(`check_known` after `learn`, what the window does on its own thread as the person types); and
suggestions for misspelt words (a worker's job, asked for from the context menu).

The baseline, measured in the same run, is the cheapest check there could be: split the same
text on spaces and look each word up in a set of the dictionary's stems. It knows nothing of
affixes or capitals, so it is a floor, not a rival.
"""

from __future__ import annotations

import random
import re
import time

from app.spelling.checker import SpellChecker
from app.spelling.english import LANGUAGE, EnglishDictionary, dictionary_folder
from app.spelling.words import words_in
from benchmarks.figures import Figure, at_most, p50, p95, ratio_at_most, timings

WORDS = 5_000
LOADS = 3
CHECKS = 5
PARAGRAPH_RUNS = 5
FRAME_MS = 16
"""The window checks a paragraph on its own thread as typing pauses: within one frame (60 Hz)."""
COLD_MS = 200
"""The worker's first pass over a newly opened long entry, once the dictionary is in: underlines
within a fifth of a second."""
LOAD_MS = 3000
"""Reading the dictionary happens once, off the window's thread; suggestions wait for it."""
LOAD_RATIO = 60
"""Reading the dictionary parses ~97,000 stems with their affix flags and builds spylls' index,
where the baseline only splits the .dic file into lines: about 30x here (2-core bench machine),
so twice that leaves room for a busier machine."""
CHECK_RATIO = 100
"""A whole-entry check with nothing remembered asks the dictionary's affix rules about each of
some 900 distinct words, where the baseline is one set look-up per word: about 35-45x here."""
WARM_RATIO = 40
"""From remembered verdicts the work is finding the words (app.spelling.words) and one dict
look-up each: about 15x here."""

# Misspellings a hurried writer makes; each is unknown to the en_GB dictionary (the test checks).
MISSPELT = (
    "recieve",
    "seperate",
    "occured",
    "definately",
    "accomodate",
    "goverment",
    "enviroment",
    "comittee",
    "neccessary",
    "tommorow",
    "beleive",
    "acheive",
    "arguement",
    "begining",
    "existance",
    "independant",
    "succesful",
    "untill",
    "wierd",
    "collegue",
    "responsibilty",
    "experiance",
)

# Pieces of sentences a practitioner might write after a shift or a team meeting. Written for
# this benchmark; combined at random they give varied, plausible reflective prose.
_OPENINGS = (
    "Looking back on the week,",
    "After the handover this morning,",
    "When I think about the meeting again,",
    "On reflection,",
    "Talking it through with my supervisor,",
    "Reading my notes from Tuesday,",
    "In the moment,",
    "Later that afternoon,",
    "With some distance now,",
    "If I am honest with myself,",
)
_SUBJECTS = (
    "I",
    "the team",
    "our ward manager",
    "the new starter",
    "my colleague",
    "the registrar",
    "the family",
    "the night staff",
    "we",
    "the patient's daughter",
)
_VERBS = (
    "noticed",
    "realised",
    "questioned",
    "recognised",
    "organised",
    "prioritised",
    "acknowledged",
    "summarised",
    "challenged",
    "apologised for",
)
_OBJECTS = (
    "how quickly the plan changed",
    "the tension in the room",
    "the gap between the policy and what happened",
    "what the discharge letter left out",
    "the pressure on the evening shift",
    "my own part in the delay",
    "the way decisions were made without the nurses",
    "the behaviour I had seen before",
    "a pattern in how we escalate concerns",
    "the organisation's appetite for change",
)
_AFTERTHOUGHTS = (
    "and I want to understand why.",
    "which surprised me more than I expected.",
    "so next time I will ask earlier.",
    "although I am not sure it was the right call.",
    "and that deserves a conversation with the whole team.",
    "because the colour-coded rota hid the real gaps.",
    "even though nobody said it out loud.",
    "and I would like to try a different approach.",
    "which links to the cycle I started last month.",
    "so I have written a follow-up for Friday's huddle.",
)
_SENTENCE_END = re.compile(r"[.!?]$")


def reflective_sentence(rng: random.Random, misspell: float = 0.0) -> str:
    """One sentence of plausible reflective prose; with chance `misspell`, a misspelt word."""
    words = [
        rng.choice(_OPENINGS),
        rng.choice(_SUBJECTS),
        rng.choice(_VERBS),
        rng.choice(_OBJECTS),
        rng.choice(_AFTERTHOUGHTS),
    ]
    sentence = " ".join(words)
    if rng.random() < misspell:
        parts = sentence.split(" ")
        at = rng.randrange(1, len(parts) - 1)
        parts.insert(at, rng.choice(MISSPELT))
        sentence = " ".join(parts)
    return sentence


def _themes(rng: random.Random, vocabulary: list[str]) -> str:
    """A note of words to come back to: a real entry uses far more distinct words than the
    sentence pieces above, and a check costs most for each distinct word."""
    *some, last = rng.sample(vocabulary, rng.randint(8, 12))
    return f"Words to come back to: {', '.join(some)} and {last}."


def reflective_text(words: int = WORDS, seed: int = 20261204, misspell: float = 0.08) -> str:
    """Paragraphs of 3 to 7 sentences, about `words` words, a few of them misspelt, with
    nearly as many distinct words as a real entry that long (some 900)."""
    rng = random.Random(seed)
    vocabulary = sorted(w for w in _stems() if w.isalpha() and w.islower() and 4 <= len(w) <= 12)
    paragraphs: list[str] = []
    count = 0
    while count < words:
        sentences = [reflective_sentence(rng, misspell) for _ in range(rng.randint(3, 7))]
        for _ in range(2):
            sentences.insert(rng.randrange(len(sentences) + 1), _themes(rng, vocabulary))
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    text = "\n\n".join(paragraphs)
    # Cut after the `words`th word, keeping the paragraph breaks, and end on a full stop.
    cut = "".join(re.split(r"(\s+)", text)[: 2 * words - 1]).rstrip(",;:")
    return cut if _SENTENCE_END.search(cut) else cut + "."


def _stems() -> set[str]:
    """The baseline's dictionary: each .dic line's word, before its affix flags."""
    text = (dictionary_folder() / f"{LANGUAGE}.dic").read_text(encoding="utf-8-sig")
    return {line.split("/", 1)[0] for line in text.splitlines()[1:]}


def _plain_check(text: str, stems: set[str]) -> list[str]:
    return [w for w in text.split() if w.strip(".,;:!?'\"()").lower() not in stems]


def _load() -> EnglishDictionary:
    english = EnglishDictionary()
    english.load()
    return english


def spelling_figures() -> list[Figure]:
    """Loading, cold and warm checks of a 5,000-word entry, and suggestions."""
    text = reflective_text(WORDS)
    paragraphs = text.split("\n\n")
    figures: list[Figure] = []

    load_runs = timings(_load, LOADS, warmup=0)
    read_stems = p50(timings(_stems, LOADS, warmup=1))
    figures += [
        at_most(f"reading the {LANGUAGE} dictionary, p50", p50(load_runs), "ms", LOAD_MS),
        ratio_at_most(
            f"reading the {LANGUAGE} dictionary vs splitting its word list, p50",
            p50(load_runs),
            read_stems,
            "ms",
            LOAD_RATIO,
        ),
    ]

    english = _load()
    stems = _stems()
    plain = p50(timings(lambda: _plain_check(text, stems), CHECKS))
    cold: list[float] = []
    for _ in range(CHECKS):
        checker = SpellChecker(english)  # nothing remembered
        start = time.perf_counter()
        checker.check(text)
        cold.append((time.perf_counter() - start) * 1000)
    figures += [
        at_most(
            f"checking a {WORDS:,}-word entry, nothing remembered, p50", p50(cold), "ms", COLD_MS
        ),
        ratio_at_most(
            f"checking a {WORDS:,}-word entry, nothing remembered, vs set look-ups, p50",
            p50(cold),
            plain,
            "ms",
            CHECK_RATIO,
        ),
    ]

    warm = SpellChecker(english)
    warm.learn({w.text for w in words_in(text)} | {w.text + "." for w in words_in(text)})
    per_paragraph: list[float] = []
    for _ in range(PARAGRAPH_RUNS):
        for paragraph in paragraphs:
            start = time.perf_counter()
            _unknown, waiting = warm.check_known(paragraph)
            per_paragraph.append((time.perf_counter() - start) * 1000)
            assert not waiting, waiting
    whole = timings(lambda: warm.check_known(text), CHECKS)
    figures += [
        at_most(
            f"checking one paragraph from remembered verdicts, p50 ({len(paragraphs)} paragraphs)",
            p50(per_paragraph),
            "ms",
            FRAME_MS,
        ),
        at_most(
            "checking one paragraph from remembered verdicts, p95",
            p95(per_paragraph),
            "ms",
            FRAME_MS,
        ),
        ratio_at_most(
            f"checking a {WORDS:,}-word entry from remembered verdicts vs set look-ups, p50",
            p50(whole),
            plain,
            "ms",
            WARM_RATIO,
        ),
    ]

    suggest: list[float] = []
    for word in MISSPELT:
        start = time.perf_counter()
        warm.suggestions(word)
        suggest.append((time.perf_counter() - start) * 1000)
    figures += [
        at_most(
            f"suggestions for a misspelt word, p50 ({len(MISSPELT)} words)",
            p50(suggest),
            "ms",
            500,
        ),
        at_most("suggestions for a misspelt word, p95", p95(suggest), "ms", 1000),
    ]
    return figures
