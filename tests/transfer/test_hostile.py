"""Hostile export files: every one ends in success or one plain line, with nothing changed."""

from __future__ import annotations

import base64
import copy
import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import ImportRejectedError, JournalError
from app.journal.opening import Journal, open_journal
from app.sharing.keys import Identity
from app.spelling.personal import checked_word
from app.storage.keys import SystemKeyring
from app.transfer import TransferService
from tests.support.cli import run
from tests.support.digest import content_digest

_CARD = Identity.generate("Sam").card
_ENTRY, _INQUIRY, _CYCLE, _SESSION, _ACTION, _COMMENT, _PACKAGE, _SAVED = (
    str(uuid.UUID(int=n)) for n in range(1, 9)
)
_WHEN = "2026-03-01T09:30:00+00:00"
_LATER = "2026-03-02T10:00:00+00:00"

BASE: dict[str, Any] = {
    "format": "inquiry-journal",
    "version": 6,
    "card": None,
    "entries": [
        {
            "id": _ENTRY,
            "title": "Huddle",
            "body": "I asked first.",
            "domains": ["team"],
            "tags": ["huddle"],
            "created": _WHEN,
            "updated": _LATER,
            "deleted": None,
            "bring_to_supervision": True,
            "share_with_coach": True,
            "versions": [{"title": "H", "body": "b", "written": _WHEN, "replaced": _LATER}],
        }
    ],
    "inquiries": [
        {
            "id": _INQUIRY,
            "question": "Concerns earlier?",
            "description": "",
            "status": "open",
            "domains": ["team"],
            "created": _WHEN,
            "updated": _WHEN,
        }
    ],
    "cycles": [
        {
            "id": _CYCLE,
            "inquiry": _INQUIRY,
            "template": "quick-capture",
            "title": "",
            "status": "planned",
            "domains": ["individual"],
            "dimensions": ["engaging-the-team"],
            "tags": [],
            "loop": "none",
            "experiment_date": "2026-03-05",
            "previous": None,
            "current_stage": "surprise",
            "created": _WHEN,
            "updated": _WHEN,
            "deleted": None,
            "stages": [
                {
                    "stage": "surprise",
                    "title": "What surprised me",
                    "text": "Two spoke up.",
                    "updated": _WHEN,
                    "versions": [{"text": "One", "written": _WHEN, "replaced": _WHEN}],
                }
            ],
        }
    ],
    "sessions": [
        {
            "id": _SESSION,
            "kind": "coaching",
            "held_on": "2026-03-03",
            "with_whom": "coach",
            "wants": "",
            "notes": "",
            "next_date": None,
            "created": _WHEN,
            "updated": _WHEN,
            "deleted": None,
            "actions": [
                {
                    "id": _ACTION,
                    "what": "Ask first",
                    "with_whom": "",
                    "by_when": None,
                    "how_i_will_know": "",
                    "status": "open",
                    "progress": "",
                    "created": _WHEN,
                    "updated": _WHEN,
                    "evidence": [{"entry": _ENTRY}],
                }
            ],
        }
    ],
    "contacts": [
        {
            "fingerprint": _CARD.fingerprint,
            "name": "Sam",
            "role": "coach",
            "encryption_key": base64.b64encode(_CARD.encryption_key).decode(),
            "signing_key": base64.b64encode(_CARD.signing_key).decode(),
            "added": _WHEN,
            "verified": True,
        }
    ],
    "shared_items": [
        {
            "participant": _CARD.fingerprint,
            "id": _CYCLE,
            "kind": "cycle",
            "title": "",
            "content": "## What surprised me\n\nTwo spoke up.",
            "previous_content": "",
            "commented_content": "",
            "stages": [{"stage": "surprise", "title": "What surprised me", "text": "Two."}],
            "domains": ["team"],
            "tags": ["a"],
            "written": _WHEN,
            "version": _WHEN,
            "received": _LATER,
            "discussed": False,
        }
    ],
    "comments": [
        {
            "id": _COMMENT,
            "contact": _CARD.fingerprint,
            "item": _ENTRY,
            "stage": "",
            "reply_to": None,
            "mine": False,
            "body": "What did the silence feel like?",
            "created": _WHEN,
            "read": False,
            "sent": None,
        }
    ],
    "sent": [{"coach": _CARD.fingerprint, "item": _ENTRY, "version": _LATER, "sent": _LATER}],
    "received_packages": [
        {
            "id": _PACKAGE,
            "kind": "feedback",
            "sender": _CARD.fingerprint,
            "created": _WHEN,
            "received": _LATER,
        }
    ],
    "saved_searches": [
        {
            "id": _SAVED,
            "name": "Team, this quarter",
            "query": "huddle -rota",
            "filters": {"domains": ["team"], "period": "this-quarter", "shared": True},
            "created": _WHEN,
            "updated": _LATER,
        }
    ],
    "dictionary": [
        {"word": "deprescribing", "private": False, "added": _WHEN},
        {"word": "Okonkwo", "private": True, "added": _LATER},
    ],
}

DEEP = "\x00deep\x00"  # a placeholder, written out as nesting json.dumps itself could not write


def _write(path: Path, document: object, depth: int = 100_000) -> Path:
    text = json.dumps(document)
    text = text.replace(json.dumps(DEEP), "[" * depth + "]" * depth)
    path.write_text(text, encoding="utf-8")
    return path


def _refusal(journal: Journal, path: Path) -> str:
    before = content_digest(journal)
    with pytest.raises(JournalError) as caught:
        TransferService(journal).import_json(path)
    assert content_digest(journal) == before
    message = str(caught.value)
    assert "\n" not in message and len(message) < 300, message
    return message


# -- the reproductions from the issue --------------------------------------------------------


def test_a_base_document_imports(journal: Journal, tmp_path: Path) -> None:
    result = TransferService(journal).import_json(_write(tmp_path / "base.json", BASE))
    assert (
        result.added == 12
        and not TransferService(journal).import_json(tmp_path / "base.json").changed_anything
    )


def test_json_nested_a_hundred_thousand_deep(journal: Journal, tmp_path: Path) -> None:
    message = _refusal(journal, _write(tmp_path / "deep.json", DEEP))
    assert "nested too deeply" in message
    document = copy.deepcopy(BASE)
    document["entries"][0]["body"] = DEEP
    assert "nested too deeply" in _refusal(journal, _write(tmp_path / "d2.json", document))


@pytest.mark.parametrize("when", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00"])
def test_dates_at_the_ends_of_the_calendar(journal: Journal, tmp_path: Path, when: str) -> None:
    for section, key in (("entries", "created"), ("comments", "created"), ("sent", "sent")):
        document = copy.deepcopy(BASE)
        document[section][0][key] = when
        message = _refusal(journal, _write(tmp_path / "date.json", document))
        assert f"'{key}' should be a date and time" in message


def test_dates_out_of_range_are_refused_by_year(journal: Journal, tmp_path: Path) -> None:
    document = copy.deepcopy(BASE)
    document["entries"][0]["updated"] = "0001-01-01T00:00:00+00:00"
    assert "between the years" in _refusal(journal, _write(tmp_path / "y.json", document))
    document = copy.deepcopy(BASE)
    document["cycles"][0]["experiment_date"] = "9999-12-31"
    assert "between the years" in _refusal(journal, _write(tmp_path / "y.json", document))


def test_a_version_number_of_five_thousand_digits(journal: Journal, tmp_path: Path) -> None:
    (tmp_path / "v.json").write_text(
        '{"format": "inquiry-journal", "version": ' + "9" * 5000 + "}", encoding="utf-8"
    )
    assert "number too long" in _refusal(journal, tmp_path / "v.json")
    document = {**BASE, "version": 10**4000}  # short enough for Python, still a newer format
    message = _refusal(journal, _write(tmp_path / "v2.json", document))
    assert message.endswith("newer version of Inquiry Journal; update the app to import it.")


def test_a_lone_surrogate_in_a_body(journal: Journal, tmp_path: Path) -> None:
    document = copy.deepcopy(BASE)
    document["entries"][0]["body"] = "before \ud800 after"
    message = _refusal(journal, _write(tmp_path / "s.json", document))
    assert "not valid Unicode" in message


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["cycles"][0].update(dimensions=[["x"]]), "list of text"),
        (lambda d: d["cycles"][0].update(dimensions=["a\nb" * 50]), "is not a Healthcare"),
        (lambda d: d["cycles"][0].update(previous=_CYCLE), "cannot follow itself"),
        (lambda d: d["entries"][0].update(id=[[1]]), "not a UUID"),
        (lambda d: d["entries"][0].update(domains=[{"a": 1}]), "unknown domain"),
        (lambda d: d["sessions"][0].update(kind=["coaching"]), "'kind' must be one of"),
        (lambda d: d.update(version=0), "no format version"),
        (lambda d: d["sessions"].append({**d["sessions"][0], "id": _PACKAGE}), "An action"),
        (lambda d: d["comments"].append(d["comments"][0]), "Comment 2 .* repeats the id"),
        (lambda d: d["contacts"][0].update(encryption_key="AAAA"), "not a public key"),
        (lambda d: d["sent"][0].update(coach="not-a-card"), "not a card fingerprint"),
        (lambda d: d["shared_items"][0].update(kind="entry"), "has no stages"),
        (lambda d: d.update(comments=None), "no list of comments"),
        (lambda d: d["saved_searches"][0].update(name=" "), "'name' should be 1 to 80"),
        (lambda d: d["saved_searches"][0]["filters"].update(period="soon"), "must be one of"),
        (lambda d: d["saved_searches"][0].update(filters="team"), "should be an object"),
        (lambda d: d["saved_searches"].append(d["saved_searches"][0]), "Saved search 2 .* repeats"),
        (lambda d: d.update(dictionary={"word": "x"}), "no list of dictionary"),
        (lambda d: d["dictionary"].append("Okonkwo"), "Dictionary word 3 .* should be an object"),
        (lambda d: d["dictionary"][0].update(word=["x"]), "word 1 .* 'word' is missing or not"),
        (lambda d: d["dictionary"][0].update(word="x" * 61), "longer than 60 characters"),
        (lambda d: d["dictionary"][0].update(word="two words"), "'word' should be one word"),
        (lambda d: d["dictionary"][0].update(word="B12"), "'word' should be one word"),
        (lambda d: d["dictionary"][0].update(word=" "), "'word' should be one word"),
        (lambda d: d["dictionary"][0].pop("private"), "'private' should be true or false"),
        (lambda d: d["dictionary"][0].update(private="yes"), "'private' should be true or false"),
        (lambda d: d["dictionary"][0].update(added="2026-02-30"), "'added' should be a date"),
        (lambda d: d["dictionary"][0].update(added=None), "'added' should be a date"),
        (lambda d: d["dictionary"][0].update(added="0001-01-01T00:00:00+00:00"), "between the"),
        (
            lambda d: d["dictionary"].append({**d["dictionary"][1], "word": " Okonkwo"}),
            "Dictionary word 3 .* repeats the word Okonkwo",
        ),
    ],
)
def test_values_of_the_wrong_shape_are_refused_plainly(
    journal: Journal, tmp_path: Path, mutate: Any, message: str
) -> None:
    document = copy.deepcopy(BASE)
    mutate(document)
    with pytest.raises(ImportRejectedError, match=message):
        TransferService(journal).import_json(_write(tmp_path / "bad.json", document))


def test_two_cycles_following_one_are_refused_not_failed_in_storage(
    journal: Journal, tmp_path: Path
) -> None:
    document = copy.deepcopy(BASE)
    first = document["cycles"][0]
    document["cycles"] += [
        {**first, "id": str(uuid.uuid4()), "previous": first["id"], "stages": []} for _ in range(2)
    ]
    assert "already leads to another cycle" in _refusal(
        journal, _write(tmp_path / "two.json", document)
    )


def test_an_action_that_belongs_to_another_session_is_refused(
    journal: Journal, tmp_path: Path
) -> None:
    TransferService(journal).import_json(_write(tmp_path / "base.json", BASE))
    document = copy.deepcopy(BASE)
    document["sessions"][0]["id"] = str(uuid.uuid4())
    assert "belongs to another session" in _refusal(
        journal, _write(tmp_path / "moved.json", document)
    )


# -- the command line, end to end ------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["deep", "early date", "late date", "long version", "surrogate", "nested body"]
)
def test_the_command_line_says_one_line_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    folder = tmp_path / "j"
    assert run(capsys, "note", "Keep me", "--data-dir", str(folder))[0] == 0
    # A version 3 file (entries only) is what the reproductions used.
    document = {
        "format": "inquiry-journal",
        "version": 3,
        "entries": copy.deepcopy(BASE["entries"]),
    }
    path = tmp_path / "hostile.json"
    if name == "deep":
        _write(path, DEEP)
    elif name == "long version":
        path.write_text('{"format": "inquiry-journal", "version": 1' + "0" * 5000 + "}")
    else:
        entry = document["entries"][0]
        if name == "early date":
            entry["created"] = "0001-01-01T00:00:00+01:00"
        elif name == "late date":
            entry["updated"] = "9999-12-31T23:59:59-01:00"
        elif name == "surrogate":
            entry["body"] = "\ud800"
        else:
            entry["body"] = DEEP
        _write(path, document)
    journal = open_journal(folder, SystemKeyring())
    before = content_digest(journal)
    journal.close()
    code, out, err = run(capsys, "import", str(path), "--data-dir", str(folder))
    assert code == 1 and out == ""
    assert err.startswith("inquiry-journal: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    journal = open_journal(folder, SystemKeyring())
    assert content_digest(journal) == before
    journal.close()


# -- generated hostile documents -------------------------------------------------------------

_HOSTILE_TEXT = st.one_of(
    st.text(max_size=30),
    st.text(st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), min_size=1, max_size=3),
    st.sampled_from(
        [
            "",
            " ",
            "\x00",
            "\u202e\u200b",
            "x" * 200_000,
            "0001-01-01T00:00:00+01:00",
            "9999-12-31T23:59:59-01:00",
            "0001-01-01",
            "9999-12-31",
            "2026-03-01T09:30:00",
            "2026-02-30T09:30:00+00:00",
            "2026-03-01T09:30:00+25:00",
            _WHEN,
            _ENTRY,
            _CYCLE,
            str(uuid.uuid4()),
            _CARD.fingerprint,
            "<script>alert(1)</script>",
            "coach",
            "cycle",
            "entry",
        ]
    ),
)
_HOSTILE_VALUE: st.SearchStrategy[Any] = st.one_of(
    _HOSTILE_TEXT,
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([-(2**63), 2**64, 10**4000, -(10**4000)]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.just(DEEP),
    st.lists(st.one_of(st.none(), st.integers(), st.text(max_size=5)), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)
_SECTIONS = [key for key, value in BASE.items() if isinstance(value, list)]
_WORDS = [
    "Okonkwo",
    "okonkwo",
    "deprescribing",
    "co-production",
    "O\u2019Neill",
    "O'Neill",  # the same word once the curly apostrophe is made straight
    " huddle ",
    "huddle",
    "two words",
    "B12",
    "-lead",
    "x" * 61,
    "\u00e9quipe",
]
# Whole dictionary sections: lists of words fair and foul, with marks and dates of any kind.
_DICTIONARY: st.SearchStrategy[Any] = st.lists(
    st.one_of(
        st.fixed_dictionaries(
            {
                "word": st.one_of(st.sampled_from(_WORDS), _HOSTILE_VALUE),
                "private": st.one_of(st.booleans(), _HOSTILE_VALUE),
                "added": st.one_of(st.sampled_from([_WHEN, _LATER]), _HOSTILE_VALUE),
            },
            optional={"extra": _HOSTILE_VALUE},
        ),
        st.fixed_dictionaries(
            {"word": st.sampled_from(_WORDS), "private": st.booleans(), "added": st.just(_WHEN)}
        ),
        _HOSTILE_VALUE,
    ),
    max_size=5,
)


@st.composite
def _mutated(draw: st.DrawFn) -> dict[str, Any]:
    document = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        how = draw(st.sampled_from(["set", "delete", "repeat", "top", "nested", "dictionary"]))
        if how == "dictionary":
            document["dictionary"] = draw(_DICTIONARY)
            continue
        section = draw(st.sampled_from(_SECTIONS))
        records = document.get(section)
        if how == "top" or not isinstance(records, list) or not records:
            key = draw(st.sampled_from([*_SECTIONS, "format", "version"]))
            document[key] = draw(_HOSTILE_VALUE)
            continue
        record = records[0]
        if not isinstance(record, dict):
            continue
        if how == "repeat":
            records.append(copy.deepcopy(record))
            continue
        target = record
        if how == "nested":  # a field of a record inside the record (a version, an action)
            inner = [v[0] for v in record.values() if isinstance(v, list) and v]
            inner = [v for v in inner if isinstance(v, dict)]
            inner += [v for v in record.values() if isinstance(v, dict) and v]  # filters
            if inner:
                target = draw(st.sampled_from(inner))
        key = draw(st.sampled_from(sorted(target)))
        if how == "delete":
            del target[key]
        else:
            target[key] = draw(_HOSTILE_VALUE)
    return document


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(document=_mutated(), first_import_base=st.booleans())
def test_any_mutated_export_imports_or_is_refused_in_one_line(
    journal: Journal, tmp_path: Path, document: dict[str, Any], first_import_base: bool
) -> None:
    if first_import_base:  # so that merging into records already here is exercised too
        TransferService(journal).import_json(_write(tmp_path / "base.json", BASE))
    path = _write(tmp_path / "mutated.json", document, depth=50_000)
    before = content_digest(journal)
    try:
        TransferService(journal).import_json(path)
    except JournalError as refused:
        message = str(refused)
        assert message and "\n" not in message and len(message) < 300, message
        assert content_digest(journal) == before
    else:  # what was let in is what the dictionary itself would keep, each word once
        kept = [w.word for w in journal.dictionary.words()]
        assert [checked_word(w) for w in kept] == kept and len(set(kept)) == len(kept)
