"""Reflective moves: which of six moves a piece of writing makes, and the sentences that show them.

Rule-based on purpose: every finding names the words that matched and the rule behind them, so
a person can see why, and disagree. There is no score, nothing is stored, and the same text
always gives the same answer. Markdown is read only enough to leave its markup out: headings
(which name a section rather than make a move), list bullets, quote marks, emphasis, code
blocks, link addresses and images.

Offsets are indexes into the text as given (Python characters, not UTF-16 units).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeAlias

from app.writing.cycle_records import LEADERSHIP_DIMENSIONS


class Move(StrEnum):
    """A reflective move a piece of writing can make."""

    FEELING = "feeling"
    OTHERS_VIEW = "others-view"
    ASSUMPTION = "assumption"
    MODEL = "model"
    DIFFERENTLY = "differently"
    EVIDENCE = "evidence"

    @property
    def label(self) -> str:
        """What the move is called on screen."""
        return _LABELS[self]

    @property
    def prompt(self) -> str:
        """A question that invites the move, for writing that does not make it yet."""
        return _PROMPTS[self]


_LABELS = {
    Move.FEELING: "Names a feeling",
    Move.OTHERS_VIEW: "Considers another person's view",
    Move.ASSUMPTION: "Questions an assumption",
    Move.MODEL: "Links to a model or idea",
    Move.DIFFERENTLY: "Says what you will do differently",
    Move.EVIDENCE: "Notes evidence",
}

_PROMPTS = {
    Move.FEELING: (
        "How did you feel before, during or after? Even a single word, such as uneasy, "
        "relieved or proud, can show what mattered to you."
    ),
    Move.OTHERS_VIEW: (
        "How might this have looked to someone else who was there? What might they have "
        "wanted, or worried about? A role is enough; there is no need for names."
    ),
    Move.ASSUMPTION: (
        "What were you taking for granted, about others or about yourself? What if it was not so?"
    ),
    Move.MODEL: (
        "Does this connect with an idea you know, such as single- and double-loop learning, "
        "Torbert's four parts of speech, or a dimension of the Healthcare Leadership Model?"
    ),
    Move.DIFFERENTLY: (
        "What might you try next time, with whom, and by when? A small step is plenty."
    ),
    Move.EVIDENCE: ("What did you see or hear that tells you this? What did others say or do?"),
}


@dataclass(frozen=True)
class Sentence:
    """One sentence of the text: where it is, and its words without Markdown markup."""

    start: int
    end: int
    words: str


@dataclass(frozen=True)
class Sign:
    """A sentence that shows a move, and why: the rule and the words that matched it."""

    start: int
    end: int
    """The sentence's span in the text."""
    rule: str
    """What the rule looks for, in words ("a feeling word")."""
    matched: str
    """The words that matched, as written."""
    matched_start: int
    matched_end: int
    sentence: str
    """The sentence's words, without markup."""


@dataclass(frozen=True)
class MoveFinding:
    """One move: the sentences that show it, in the order written (none: not yet)."""

    move: Move
    signs: tuple[Sign, ...]

    @property
    def found(self) -> bool:
        """True when at least one sentence shows the move."""
        return bool(self.signs)


# -- the rules -------------------------------------------------------------------------------
# Each rule is (what it looks for, pattern). Patterns are matched case-insensitively within one
# sentence; apostrophes are straightened first, so "I’ll" matches "I'll".

_Trie: TypeAlias = dict[str, "_Trie"]


def _any_of(words: str) -> str:
    """A pattern for any of the |-separated words, with their common beginnings shared (one
    branch a letter rather than one a word: much quicker to search)."""
    trie: _Trie = {}
    for word in sorted(set(words.split("|"))):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _from_trie(trie)


def _from_trie(node: _Trie) -> str:
    ends = "" in node
    branches = [re.escape(char) + _from_trie(child) for char, child in node.items() if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    return body


_I = r"\bI"
_SOMEONE = (
    r"(?:he|she|they|others|colleagues|the team|my team|my manager|my colleague|staff|"
    r"the patient|patients|the family|relatives|the nurses?|the doctors?|the consultant)"
)

# Words a ward uses for other things are left out ("confused", "isolated", "supported",
# "drained", "shocked", "relief" as in pressure relief): "I felt supported" is still found.
_FEELING_WORDS = (
    "anxious|anxiety|nervous|worried|worrying|scared|afraid|frightened|fearful|relieved|"
    "frustrated|frustrating|frustration|angry|anger|annoyed|annoying|irritated|"
    "upset|upsetting|sad|sadness|disappointed|disappointing|embarrassed|embarrassing|"
    "ashamed|guilty|guilt|proud|pride|pleased|happy|glad|delighted|excited|hopeful|"
    "confident|unconfident|uncomfortable|awkward|overwhelmed|overwhelming|stressed|"
    "stressful|exhausted|defensive|vulnerable|lonely|undervalued|grateful|thankful|"
    "surprised|uneasy|tense|calm|apprehensive|dread|dreaded|panicked|panicky|deflated|"
    "elated|resentful|jealous|impatient|helpless|powerless|gutted|hesitant|reassured|"
    "encouraged|discouraged|humbled|curious|joy|fear|shame|satisfied"
)

_FEELING = (
    (
        "saying how I felt",
        _I + r"(?:\s+was|'m|\s+am)?\s+(?:felt|feel|feeling)\b(?!\s+(?:that|like\s+(?:we|they|it|"
        r"he|she|the))\b)",
    ),
    ("a feeling word", rf"\b{_any_of(_FEELING_WORDS)}\b"),
    (
        "a feeling in the body",
        r"\b(?:my heart (?:sank|was racing|raced)|knot in my stomach|on edge|"
        r"out of my depth|lump in my throat|went red|blushed)\b",
    ),
)

_OTHERS_VIEW = (
    (
        "another's point of view",
        r"\bfrom\s+(?:his|her|their|its|the\s+\w+'s|\w+'s|the\s+\w+s')\s+(?:point of view|"
        r"perspective|side|position|viewpoint|standpoint|angle)\b",
    ),
    ("in their shoes", r"\bin\s+(?:his|her|their|\w+'s)\s+shoes\b"),
    (
        "what another person might have felt or thought",
        rf"\b{_SOMEONE}\s+(?:might|may|must|could|would)(?:\s+well)?\s+(?:have\s+)?"
        r"(?:felt|feel|thought|think|seen|see|wanted|want|needed|need|expected|expect|"
        r"experienced|experience|heard|hear|wondered|worried|been worried|been feeling|"
        r"found|find)\b",
    ),
    (
        "how it looked to someone else",
        r"\bhow\s+(?:it|this|that|I|my \w+)\s+(?:looked|seemed|felt|came across|sounded|"
        r"landed)\s+(?:to|for)\s+(?!me\b)\w+",
    ),
    (
        "wondering what another person wanted or meant",
        r"\b(?:what|why|how)\s+(?:he|she|they|the team|my manager|my colleague)\s+(?:needed|"
        r"wanted|thought|felt|saw|meant|expected|was worried|were worried|was feeling|"
        r"were feeling|might|may)\b",
    ),
    (
        "another person's view",
        r"\b(?:his|her|their|others'|other people's|the team's|the patient's|the family's)\s+"
        r"(?:view|views|point of view|perspective|perspectives|concerns|side|experience|"
        r"feelings|priorities|pressures)\b",
    ),
    (
        "a word for a point of view",
        r"\b(?<!\bmy )(?<!\bin )(?:perspective|point of view|viewpoint)s?\b",
    ),
    ("empathy", r"\bempath(?:y|ise|ised|ising|ize|ized|etic)\b"),
)

_ASSUMPTION = (
    ("an assumption", r"\bassum(?:e|ed|es|ing|ption|ptions)\b"),
    ("presuming", r"\bpresum(?:e|ed|ing|ption)\b"),
    ("taking for granted", r"\bfor granted\b"),
    (
        "maybe I was wrong",
        r"\b(?:maybe|perhaps)\s+I\s+(?:was|am|had been|have been|'m)\s+wrong\b|"
        + _I
        + r"\s+(?:may|might|could)\s+(?:have been|be)\s+wrong\b|"
        + _I
        + r"\s+(?:was|am|had been)\s+wrong\b",
    ),
    ("what if", r"\bwhat if\b"),
    (
        "wondering whether",
        _I + r"\s+(?:wonder|wondered|am wondering|began to wonder)\s+(?:whether|if)\b",
    ),
    ("jumping to conclusions", r"\bjump(?:ed|ing|s)?\s+to\s+(?:a\s+)?conclusions?\b"),
    (
        "I had thought, but",
        _I + r"\s+(?:had\s+)?(?:always\s+)?(?:thought|believed|expected|presumed)\b"
        r"[^.;]{0,160}?\bbut\b",
    ),
    ("is it really true", r"\b(?:really|actually)\s+(?:true|the case)\b"),
    (
        "questioning my thinking",
        r"\b(?:challeng|question|test|examin|check|rethink|revisit)\w*\s+(?:my|our)\s+"
        r"(?:belief|thinking|view|story|expectation|reading|interpretation|beliefs|views)s?\b",
    ),
)


def _names(*names: str) -> str:
    return "|".join(re.escape(name).replace(r"\ ", r"[\s-]+") for name in names)


_MODEL = (
    (
        "a named model or idea",
        r"\b(?:"
        + _names(
            "Healthcare Leadership Model",
            "single loop",
            "double loop",
            "triple loop",
            "single-loop",
            "double-loop",
            "triple-loop",
            "action inquiry",
            "Torbert",
            "parts of speech",
            "territories of experience",
            "Heifetz",
            "adaptive challenge",
            "adaptive challenges",
            "Gibbs",
            "Kolb",
            "Schön",
            "Schon",
            "reflection-in-action",
            "reflection in action",
            "reflection-on-action",
            "Borton",
            "Driscoll",
            "Rolfe",
            "dilemmatic space",
            "Argyris",
            "espoused theory",
            "theory-in-use",
            "theory in use",
            "ladder of inference",
            "psychological safety",
            "psychologically safe",
            "compassionate leadership",
            "Johari",
            "Tuckman",
            "situational leadership",
            "emotional intelligence",
            "growth mindset",
            "PDSA",
            "first-person inquiry",
            "second-person inquiry",
            "third-person inquiry",
            "NMC Code",
        )
        + r")\b",
    ),
    (
        "a dimension of the Healthcare Leadership Model",
        r"\b(?:" + _names(*LEADERSHIP_DIMENSIONS.values()) + r")\b",
    ),
    (
        "a model, theory or framework",
        r"\b(?<!\brole )(?:model|theory|theories|framework|frameworks)\b",
    ),
    ("an idea or concept", r"\b(?:concept|notion|principle)\s+of\b"),
    ("reading or research", r"\b(?:research|literature|I read|I have read|I've read)\b"),
)

_DIFFERENTLY = (
    ("next time", r"\b(?<!\bthe )next time\b"),
    ("from now on", r"\b(?:from now on|in future|in the future|going forward)\b"),
    ("differently", r"\bdifferently\b"),
    ("instead", r"\binstead\b"),
    ("my next step", r"\bmy next (?:experiment|step|steps|move)\b|\bnext experiment\b"),
    ("I will", _I + r"(?:\s+will|'ll)\b|\bwe(?:\s+will|'ll)\b"),
    (
        "I plan to",
        _I + r"(?:\s+am|'m)?\s+(?:plan|planning|intend|intending|going|aim|aiming)\s+to\b",
    ),
    (
        "I would",
        _I + r"(?:'d|\s+would)\s+(?!(?:been|had|never|already|just|not|have been|usually|always|"
        r"often|normally|like to think)\b)\w+",
    ),
    (
        "I want to try",
        _I + r"\s+(?:want|would like|'d like|need)\s+to\s+(?:try|ask|change|start|stop)\b",
    ),
)

_NUMBER = r"\d+(?:[.,]\d+)?"
_EVIDENCE = (
    ("quoted words", r"[“\"][^”\"]{3,}[”\"]"),
    (
        "what someone said",
        r"\b(?:said|told me|told us|wrote|replied|answered|commented|mentioned|e-?mailed|"
        r"explained|admitted|asked me)(?:\s*[:“\"]|\s+(?:that|to me)\b)",
    ),
    (
        "what I noticed",
        _I + r"\s+(?:noticed|observed|heard|counted|measured|recorded|timed|checked|"
        r"watched|could see)\b",
    ),
    (
        "a number",
        rf"\b{_NUMBER}\s*(?:%|per\s*cent|percent)|\b{_NUMBER}\s+(?:out of|of the|of)\s+"
        rf"{_NUMBER}\b|\b{_NUMBER}\s+(?:minutes?|mins|hours?|days?|weeks?|months?|people|"
        r"patients|staff|colleagues|times|shifts|complaints|incidents|responses|replies|"
        r"of us|of them)\b",
    ),
    (
        "data or feedback",
        r"\b(?:feedback|data|the figures|the numbers|audit|survey|metrics?|statistics|Datix|"
        r"incident reports?|appraisal|360)\b",
    ),
    ("for example", r"\bfor (?:example|instance)\b"),
    ("because", r"\bbecause\b"),
)

_RULES: dict[Move, tuple[tuple[str, str], ...]] = {
    Move.FEELING: _FEELING,
    Move.OTHERS_VIEW: _OTHERS_VIEW,
    Move.ASSUMPTION: _ASSUMPTION,
    Move.MODEL: _MODEL,
    Move.DIFFERENTLY: _DIFFERENTLY,
    Move.EVIDENCE: _EVIDENCE,
}

_QUESTIONS_DO_NOT_COUNT = {Move.DIFFERENTLY}
"""A question about what to do ("What would I do differently?") is a prompt, not an answer."""


_UPPERCASE_ESCAPES = re.compile(r"\\[A-Z]")


def _compile(rules: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """All a move's rules as one pattern (one search a sentence), each rule a named group.

    The patterns are matched against lower-cased text, which is quicker than ignoring case.
    """
    assert not any(_UPPERCASE_ESCAPES.search(p) for _w, p in rules), "lower-casing an escape"
    groups = [f"(?P<r{i}>{pattern.lower()})" for i, (_w, pattern) in enumerate(rules)]
    # Most rules start at a word boundary: tested once for all of them, the search passes over
    # the middle of every word at once. (A rule that starts with \b must do so in each of its
    # alternatives.)
    at_word = [g for g, (_w, p) in zip(groups, rules, strict=True) if p.startswith(r"\b")]
    elsewhere = [g for g, (_w, p) in zip(groups, rules, strict=True) if not p.startswith(r"\b")]
    joined = "|".join([r"\b(?:" + "|".join(at_word) + ")", *elsewhere] if at_word else elsewhere)
    return re.compile(joined), tuple(what for what, _pattern in rules)


@functools.cache
def _compiled() -> dict[Move, tuple[re.Pattern[str], tuple[str, ...]]]:
    """Every move's pattern, compiled the first time a text is read (not as the window opens)."""
    return {move: _compile(rules) for move, rules in _RULES.items()}


# -- reading the text ------------------------------------------------------------------------

_FENCE = re.compile(r"^\s{0,3}(?:```|~~~)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s|$)")
_RULE_LINE = re.compile(r"^\s{0,3}(?:(?:[-*_]\s*){3,}|=+|-+)\s*$")
_LINK_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S")
_BLOCK_START = re.compile(r"^(\s*(?:>\s*)*)((?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?)?")
# bounded, so a line of unclosed brackets cannot take long
_IMAGE = re.compile(r"!\[[^\]\n]{0,300}\]\([^)\n]{0,2000}\)")
_LINK = re.compile(r"(\[)([^\]\n]{0,300})(\]\([^)\n]{0,2000}\)|\]\[[^\]\n]{0,300}\])")
_ADDRESS = re.compile(
    r"<(?:https?://|mailto:)[^>\s]*>|\b(?:https?://|www\.)[^\s()<>]*[^\s()<>.,;:!?'\"]|<[^>\n]+>"
)
_EMPHASIS = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)|`+|~~")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)")
_SPACE_BEFORE_STOP = re.compile(r"\s+([.,;:!?])")
_ABBREVIATIONS = {"e.g", "i.e", "eg", "ie", "dr", "mr", "mrs", "ms", "cf", "vs", "no", "st", "etc"}


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def _not_prose(line: str) -> bool:
    """A heading (which names a section rather than makes a move), a rule or a link's address."""
    return any(p.match(line) for p in (_HEADING, _RULE_LINE, _LINK_DEFINITION))


def _masked(text: str) -> tuple[str, set[int]]:
    """The text with its Markdown markup blanked out (so offsets still line up), and the
    offsets at which a new block (paragraph, list item, quote) starts."""
    chars = list(text.replace("’", "'").replace("‘", "'"))
    starts: set[int] = set()
    in_fence = False
    offset = 0
    previous_blank = True
    for line in text.split("\n"):
        end = offset + len(line)
        if _FENCE.match(line):
            in_fence = not in_fence
            _blank(chars, offset, end)
            previous_blank = True
        elif in_fence or not line.strip() or _not_prose(line):
            _blank(chars, offset, end)
            previous_blank = True
        else:
            block = _BLOCK_START.match(line)
            marker_end = offset + (block.end() if block else 0)
            _blank(chars, offset, marker_end)
            if previous_blank or (block and (block.group(2) or ">" in block.group(1))):
                starts.add(marker_end)
            previous_blank = False
            for pattern in (_IMAGE, _ADDRESS):
                for match in pattern.finditer(line):
                    _blank(chars, offset + match.start(), offset + match.end())
            for match in _LINK.finditer(line):
                _blank(chars, offset + match.start(1), offset + match.end(1))
                _blank(chars, offset + match.start(3), offset + match.end(3))
        offset = end + 1
    masked = "".join(chars)
    for match in _EMPHASIS.finditer(masked):
        _blank(chars, match.start(), match.end())
    return "".join(chars), starts


def _trimmed(masked: str, start: int, end: int) -> tuple[int, int]:
    piece = masked[start:end]
    stripped = piece.strip()
    if not stripped:
        return start, start
    start += len(piece) - len(piece.lstrip())
    return start, start + len(stripped)


_WORD_BEFORE = re.compile(r"[\w.]{1,8}$")
_NEXT_CHARACTER = re.compile(r"\s*(\S)")
_ALPHANUMERIC = re.compile(r"[^\W_]")


def _ends_sentence(masked: str, match: re.Match[str], end: int) -> bool:
    """Whether the full stop (or ! ? …) at `match` ends a sentence, not an abbreviation
    ("e.g. the ward") or a stop followed by more of the same sentence."""
    if match.group().startswith("."):
        word = _WORD_BEFORE.search(masked, max(0, match.start() - 8), match.start())
        if word and word.group().lower().strip(".") in _ABBREVIATIONS:
            return False
    following = _NEXT_CHARACTER.match(masked, match.end(), end)
    return following is None or not following.group(1).islower()


def _spans(masked: str, block_starts: set[int]) -> list[tuple[int, int]]:
    """Where each sentence is: blocks (runs of written lines, broken at blank lines,
    headings, list items and quotes) split at the stops that end a sentence."""
    found: list[tuple[int, int]] = []

    def add(start: int, end: int) -> None:
        start, end = _trimmed(masked, start, end)
        if _ALPHANUMERIC.search(masked, start, end):
            found.append((start, end))

    begin = 0
    for block_end in sorted(block_starts | {len(masked)}):
        for match in _SENTENCE_END.finditer(masked, begin, block_end):
            if _ends_sentence(masked, match, block_end):
                add(begin, match.end())
                begin = match.end()
        add(begin, block_end)
        begin = block_end
    return found


def _words(masked: str, start: int, end: int) -> str:
    return _SPACE_BEFORE_STOP.sub(r"\1", " ".join(masked[start:end].split()))


def sentences(text: str) -> list[Sentence]:
    """The text's sentences, in order, with Markdown markup left out of their words."""
    masked, block_starts = _masked(text)
    return [Sentence(s, e, _words(masked, s, e)) for s, e in _spans(masked, block_starts)]


def _lowered(text: str) -> str:
    """The text in lower case, each character still at its offset."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # a few characters lower-case to two ("İ"): those are left as they are
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def find_moves(text: str) -> tuple[MoveFinding, ...]:
    """The six moves, in their fixed order, each with the sentences that show it."""
    masked, block_starts = _masked(text)
    lowered = _lowered(masked)
    signs: dict[Move, list[Sign]] = {move: [] for move in Move}
    for start, end in _spans(masked, block_starts):
        question = masked[start:end].rstrip(" \"')”").endswith("?")
        for move, (pattern, rules) in _compiled().items():
            if question and move in _QUESTIONS_DO_NOT_COUNT:
                continue
            match = pattern.search(lowered, start, end)
            if match is None or match.lastgroup is None:
                continue
            signs[move].append(
                Sign(
                    start=start,
                    end=end,
                    rule=rules[int(match.lastgroup[1:])],
                    matched=" ".join(text[match.start() : match.end()].split()),
                    matched_start=match.start(),
                    matched_end=match.end(),
                    sentence=_words(masked, start, end),
                )
            )
    return tuple(MoveFinding(move, tuple(signs[move])) for move in Move)
