"""A deterministic synthetic journal of realistic reflections, for benchmarks.

    python -m benchmarks.corpus --entries 50000 --data-dir DIR

Text is drawn from reflective sentence frames filled with words whose frequencies follow
Zipf's law (a few words everywhere, a long tail of rare ones), so full-text search meets the
spread of terms a real journal has. Entry lengths vary from a line to several paragraphs; a
fifth of the items are cycles in lines of inquiry; all three domains appear. The journal is
built through the app's own import code, and the chosen benchmark terms are written beside
it in corpus.json.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import random
import re
import sys
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from app.cli.common import open_or_create
from app.storage.keys import SystemKeyring
from app.storage.meta import journal_exists
from app.transfer import FORMAT_NAME, FORMAT_VERSION, TransferService

FUNCTION_WORDS = (  # noqa: SIM905 - a word list reads better as text
    "the and to I a of in that was it my for with on at they we be this not as what but had "
    "about me so it's she he them their team when if would how our did there more an or from by "
    "all were what's been have next time about could just"
).split()

DOMAIN_WORDS = (  # noqa: SIM905 - a word list reads better as text
    "team ward shift huddle handover patient patients staff concerns nurse nurses manager "
    "meeting sister matron consultant registrar rota discharge flow bed beds site escalation "
    "feedback listening listen asked asking question silence speak spoke voice trust safe "
    "safety risk incident learning learned reflection reflect experiment tried try plan "
    "intention strategy outcome evidence assumption assumptions loop behaviour impact colleague "
    "colleagues role roles leadership leader lead influence support sponsor supervision coach "
    "coaching line manager HR board directorate division service services community partners "
    "family families carers dignity care quality culture policy targets waiting pressure busy "
    "tired anxious frustrated calm curious surprised noticed realised assumed expected wanted "
    "hoped worried pleased proud uncomfortable courage humility conflict disagreement decision "
    "decisions priority priorities staffing skill mix agency bank sickness absence morale "
    "wellbeing recognition appraisal development training teaching students preceptorship newly "
    "qualified band healthcare assistant physio therapist pharmacist doctor doctors medication "
    "near miss deteriorating observations early warning score transfer theatre clinic "
    "outpatients appointment referral pathway audit governance complaint compliment praise "
    "challenge challenged adaptive technical problem dilemma tension values purpose vision "
    "shared engaging capability accountable account results information connecting caring "
    "inspiring developing holding sharing evaluating influencing conversation conversations "
    "email message phone call interrupted paused waited invited encouraged summarised clarified "
    "acknowledged apologised thanked agreed disagreed argued explained framed advocated "
    "illustrated inquired curiosity openness defensive defended listened heard understood "
    "missed ignored overlooked"
).split()

FRAMES = (
    "I {v} the {n} at the {n} and {w} {w} {w}.",
    "What {w} me was how the {n} {v} when I {v}.",
    "Next time I will {v} before I {v}, and {w} {w}.",
    "My assumption was that the {n} would {v}, but {w} {w} {w} {w}.",
    "The {n} said it was the first time {w} {w} {v} {w} {n}.",
    "I noticed {w} {w} in myself when the {n} {v}.",
    "Evidence: {w} {w} {n} raised {w} {n} before {w} {n}.",
    "This felt {w}, and I {v} {w} {w} {n}.",
    "Double loop: the {n} I need to change is {w} {w} {w}.",
    "I want to talk to my {n} about {w} {w} {n}.",
)

NOUNS = [w for w in DOMAIN_WORDS if not w.endswith(("ed", "ing"))]
VERBS = [w for w in DOMAIN_WORDS if w.endswith("ed")]


@dataclass(frozen=True)
class Vocabulary:
    """Words ranked by frequency, with the cumulative weights Zipf's law gives them."""

    words: list[str]
    cumulative: list[float]

    def draw(self, rng: random.Random) -> str:
        """One word, common ones far more often than rare ones."""
        point = rng.random() * self.cumulative[-1]
        return self.words[bisect.bisect_left(self.cumulative, point)]


def build_vocabulary(size: int, rng: random.Random) -> Vocabulary:
    """Function words first, then domain words, then a long tail of invented rare words."""
    syllables = (  # noqa: SIM905 - a word list reads better as text
        "ca lo mi ne ta ru so ve di ka pe lu ri mo na te si ba go fe"
    ).split()
    tail: list[str] = []
    for length in itertools.count(2):
        for combo in itertools.product(syllables, repeat=length):
            tail.append("".join(combo))
            if len(tail) >= size:
                break
        if len(tail) >= size:
            break
    rng.shuffle(tail)
    words = list(dict.fromkeys(FUNCTION_WORDS + DOMAIN_WORDS + tail))[:size]
    weights = itertools.accumulate(1.0 / (rank + 2) ** 1.05 for rank in range(len(words)))
    return Vocabulary(words, list(weights))


def paragraph(rng: random.Random, vocab: Vocabulary, sentences: int) -> str:
    """Reflective sentences with Zipf-drawn words in their open slots."""
    out = []
    for _ in range(sentences):
        frame = rng.choice(FRAMES)
        out.append(
            frame.replace("{n}", "{}")
            .replace("{v}", "{}")
            .replace("{w}", "{}")
            .format(
                *(
                    rng.choice(NOUNS)
                    if slot == "n"
                    else rng.choice(VERBS)
                    if slot == "v"
                    else vocab.draw(rng)
                    for slot in _slots(frame)
                )
            )
        )
    return " ".join(out)


def _slots(frame: str) -> list[str]:
    return [frame[i + 1] for i in range(len(frame) - 2) if frame[i] == "{" and frame[i + 2] == "}"]


def body(rng: random.Random, vocab: Vocabulary) -> str:
    """An entry body: usually a paragraph or two, sometimes a line, sometimes long."""
    size = rng.choices([1, 3, 6, 12, 30], weights=[15, 35, 30, 15, 5])[0]
    paragraphs = max(1, size // 4)
    per = max(1, size // paragraphs)
    return "\n\n".join(paragraph(rng, vocab, per) for _ in range(paragraphs))


def build_document(items: int, seed: int = 20261126) -> tuple[dict[str, Any], dict[str, Any]]:
    """The export document for a corpus of `items` entries and cycles, and its term picks."""
    rng = random.Random(seed)
    vocab = build_vocabulary(20_000, rng)
    start = datetime(2021, 1, 4, 8, 0, tzinfo=UTC)
    domains = ["individual", "team", "organisation"]
    tags = ["huddle", "handover", "flow", "rota", "feedback", "supervision", "safety", "board"]
    entries: list[dict[str, Any]] = []
    cycles: list[dict[str, Any]] = []
    inquiries: list[dict[str, Any]] = []
    doc_freq: Counter[str] = Counter()
    step = timedelta(minutes=(5 * 365 * 24 * 60) // max(items, 1))
    for n in range(items):
        moment = (start + step * n).isoformat()
        chosen = rng.sample(domains, rng.choices([1, 2, 3], weights=[60, 30, 10])[0])
        item_tags = rng.sample(tags, rng.choices([0, 1, 2], weights=[50, 35, 15])[0])
        if n % 5 == 4:
            if not inquiries or rng.random() < 0.1:
                inquiries.append(_inquiry(rng, vocab, moment, chosen))
            stages = {
                s: paragraph(rng, vocab, rng.randint(1, 4))
                for s in ("frame", "intention", "strategy", "action", "outcomes", "learning")
            }
            for text in stages.values():
                doc_freq.update(_words(text))
            cycles.append(_cycle(rng, inquiries[-1]["id"], moment, chosen, item_tags, stages))
        else:
            text = body(rng, vocab)
            doc_freq.update(_words(text))
            entries.append(
                {
                    "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                    "title": paragraph(rng, vocab, 1)[:60].rsplit(" ", 1)[0],
                    "body": text,
                    "domains": chosen,
                    "tags": item_tags,
                    "created": moment,
                    "updated": moment,
                    "deleted": None,
                }
            )
    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "entries": entries,
        "inquiries": inquiries,
        "cycles": cycles,
    }
    return document, pick_terms(doc_freq, entries + cycles)


def _inquiry(
    rng: random.Random, vocab: Vocabulary, moment: str, chosen: list[str]
) -> dict[str, Any]:
    return {
        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "question": "How do I " + paragraph(rng, vocab, 1)[:70].rstrip(".") + "?",
        "description": "",
        "status": "open",
        "domains": chosen,
        "created": moment,
        "updated": moment,
    }


def _cycle(
    rng: random.Random,
    inquiry_id: str,
    moment: str,
    chosen: list[str],
    item_tags: list[str],
    stages: dict[str, str],
) -> dict[str, Any]:
    return {
        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "inquiry": inquiry_id,
        "template": "action-inquiry",
        "title": stages["intention"][:60].rsplit(" ", 1)[0],
        "status": rng.choice(["planned", "in_progress", "reviewed"]),
        "domains": chosen,
        "dimensions": [],
        "tags": item_tags,
        "loop": rng.choice(["none", "single", "double", "triple"]),
        "experiment_date": moment[:10],
        "previous": None,
        "current_stage": "frame",
        "created": moment,
        "updated": moment,
        "deleted": None,
        "stages": [
            {"stage": sid, "title": sid.capitalize(), "text": text} for sid, text in stages.items()
        ],
    }


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


def pick_terms(doc_freq: Counter[str], items: list[dict[str, Any]]) -> dict[str, Any]:
    """Benchmark terms: common (in about a third), mid (about 1%), rare (1 in 10,000)."""
    total = max(len(items), 1)
    real = [w for w in dict.fromkeys(FUNCTION_WORDS + DOMAIN_WORDS) if len(w) > 3 and w in doc_freq]
    anything = [w for w in doc_freq if len(w) > 3]

    def nearest(target: float, among: list[str]) -> str:
        return min(among, key=lambda w: (abs(doc_freq[w] / total - target), w))

    chosen = {
        "common": nearest(0.35, real),
        "mid": nearest(0.01, real),
        "rare": nearest(0.0001, anything),
    }
    return {
        "items": len(items),
        **chosen,
        "frequencies": {k: doc_freq[w] for k, w in chosen.items()},
        "phrase": "next time",
        "filtered": chosen["mid"],
    }


def main(argv: list[str] | None = None) -> int:
    """Build the corpus journal."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.corpus")
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--seed", type=int, default=20261126)
    args = parser.parse_args(argv)
    folder = Path(args.data_dir)
    if journal_exists(folder):
        print(f"{folder} already holds a journal; choose an empty folder.", file=sys.stderr)
        return 1
    document, terms = build_document(args.entries, args.seed)
    folder.mkdir(parents=True, exist_ok=True)
    source = folder.parent / f"{folder.name}-import.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    journal = open_or_create(folder, SystemKeyring())
    try:
        result = TransferService(journal).import_json(source)
    finally:
        journal.close()
        source.unlink()
    (folder / "corpus.json").write_text(json.dumps(terms, indent=2), encoding="utf-8")
    print(f"Built {result.added} records in {folder}; terms: {terms}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
