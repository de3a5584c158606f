"""`spell-check` and `dictionary` from the command line: JSON lines, exit codes, the journal's
own words, and one plain line for anything wrong."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from app.cli.common import PASSPHRASE_ENV
from app.journal.opening import open_journal
from app.storage.keys import SystemKeyring
from app.storage.meta import journal_exists
from tests.support.cli import run
from tests.support.digest import content_digest

TEXT = "The huddle was recieved well, and the deprescribing round ran early."


def _stored(folder: Path) -> list[tuple[str, bool]]:
    journal = open_journal(folder, SystemKeyring())
    try:
        return [(w.word, w.private) for w in journal.dictionary.words()]
    finally:
        journal.close()


def test_spell_check_prints_each_unknown_word_in_order_and_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    note = tmp_path / "note.txt"
    note.write_text(TEXT, encoding="utf-8")
    folder = tmp_path / "j"
    code, out, err = run(capsys, "spell-check", str(note), "--data-dir", str(folder))
    assert (code, err) == (1, "")
    found = [json.loads(line) for line in out.splitlines()]
    assert [(f["word"], f["start"], f["end"]) for f in found] == [
        ("recieved", 15, 23),
        ("deprescribing", 38, 51),
    ]
    assert all(TEXT[f["start"] : f["end"]] == f["word"] for f in found)
    assert found[0]["suggestions"][0] == "received"
    assert all(isinstance(s, str) for f in found for s in f["suggestions"])
    assert not journal_exists(folder)  # checking a text creates no journal

    monkeypatch.setattr("sys.stdin", io.StringIO("The huddle at seven went well."))
    code, out, err = run(capsys, "spell-check", "-", "--data-dir", str(folder))
    assert (code, out, err) == (0, "", "")


def test_spell_check_accepts_the_journals_words_and_never_suggests_a_private_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = str(tmp_path / "j")
    assert run(capsys, "dictionary", "add", "deprescribing", "--data-dir", folder)[0] == 0
    assert run(capsys, "dictionary", "add", "Okonkwo", "--data-dir", folder)[0] == 0
    text = "Okonkwo led the deprescribing round; Okonkwa and deprescibing were typed in haste."
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    code, out, _ = run(capsys, "spell-check", "--data-dir", folder)
    found = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [(f["word"], text[f["start"] : f["end"]]) for f in found] == [
        ("Okonkwa", "Okonkwa"),
        ("deprescibing", "deprescibing"),
    ]
    assert "Okonkwo" not in found[0]["suggestions"]  # private: a name is never offered
    assert "deprescribing" in found[1]["suggestions"]  # the journal's own word, offered


@pytest.mark.parametrize("kind", ["missing", "folder", "latin-1"])
def test_a_file_that_cannot_be_read_as_text_gets_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "note.txt"
    if kind == "folder":
        path.mkdir()
    elif kind == "latin-1":
        path.write_bytes("Caf\u00e9 huddle".encode("latin-1"))
    code, out, err = run(capsys, "spell-check", str(path), "--data-dir", str(tmp_path / "j"))
    assert (code, out) == (1, "")
    assert err.startswith(f"inquiry-journal: {path} could not be read as text")
    assert err.count("\n") == 1 and "Traceback" not in err


def test_a_journal_that_cannot_be_opened_gets_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = str(tmp_path / "j")
    monkeypatch.setenv(PASSPHRASE_ENV, "the right passphrase, long enough")
    assert run(capsys, "note", "Kept", "--data-dir", folder)[0] == 0
    monkeypatch.setenv(PASSPHRASE_ENV, "a wrong passphrase, also long enough")
    note = tmp_path / "note.txt"
    note.write_text(TEXT, encoding="utf-8")
    for argv in (["spell-check", str(note)], ["dictionary", "list"], ["dictionary", "add", "x"]):
        code, out, err = run(capsys, *argv, "--data-dir", folder)
        assert (code, out) == (1, ""), argv
        assert err.startswith("inquiry-journal: ") and err.count("\n") == 1, err
        assert "Traceback" not in err


def test_dictionary_add_list_and_remove(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "j"
    code, out, _ = run(capsys, "dictionary", "add", "deprescribing", "--data-dir", str(folder))
    assert (code, out) == (0, 'Added "deprescribing" to the journal\'s dictionary.\n')
    code, out, _ = run(capsys, "dictionary", "add", " Okonkwo ", "--data-dir", str(folder))
    assert code == 0
    assert out.splitlines() == [
        'Added "Okonkwo" to the journal\'s dictionary.',
        '"Okonkwo" is kept private, as it may be a name: it is accepted wherever you write it, '
        "but never offered as a suggestion.",
    ]
    code, out, _ = run(capsys, "dictionary", "add", "deprescribing", "--data-dir", str(folder))
    assert (code, out) == (0, '"deprescribing" is already in the journal\'s dictionary.\n')
    assert run(capsys, "dictionary", "add", "Band-7", "--data-dir", str(folder))[0] == 1
    run(capsys, "dictionary", "add", "co-production", "--data-dir", str(folder))
    assert _stored(folder) == [
        ("co-production", False),
        ("deprescribing", False),
        ("Okonkwo", True),
    ]

    code, out, err = run(capsys, "dictionary", "list", "--data-dir", str(folder))
    assert (code, err) == (0, "")
    assert out.splitlines() == ["co-production", "deprescribing", "Okonkwo (private)"]
    code, out, _ = run(capsys, "dictionary", "list", "--json", "--data-dir", str(folder))
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["word"], r["private"]) for r in rows] == _stored(folder)
    assert all(r["added"].endswith("+00:00") for r in rows)

    code, out, _ = run(capsys, "dictionary", "remove", "deprescribing", "--data-dir", str(folder))
    assert (code, out) == (0, 'Took "deprescribing" out of the journal\'s dictionary.\n')
    code, out, err = run(capsys, "dictionary", "remove", "deprescribing", "--data-dir", str(folder))
    assert (code, out) == (1, "")
    assert err == (
        'inquiry-journal: "deprescribing" is not in the journal\'s dictionary; '
        "nothing was changed.\n"
    )
    assert _stored(folder) == [("co-production", False), ("Okonkwo", True)]


@pytest.mark.parametrize(
    ("word", "message"),
    [
        ("", "Give a word to add."),
        ("two words", "'two words' is not one word"),
        ("Band-7", "'Band-7' is not one word"),
        ("x" * 61, "at most 60 letters"),
    ],
)
def test_what_is_not_one_word_is_refused_in_one_line_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, word: str, message: str
) -> None:
    folder = tmp_path / "j"
    code, _, err = run(capsys, "dictionary", "add", word, "--data-dir", str(folder))
    assert code == 1 and message in err and err.count("\n") == 1
    assert not journal_exists(folder)  # refused before a journal is created

    assert run(capsys, "dictionary", "add", "huddle", "--data-dir", str(folder))[0] == 0
    journal = open_journal(folder, SystemKeyring())
    before = content_digest(journal)
    journal.close()
    code, out, err = run(capsys, "dictionary", "add", word, "--data-dir", str(folder))
    assert (code, out) == (1, "") and message in err and err.count("\n") == 1
    code, out, err = run(capsys, "dictionary", "remove", word, "--data-dir", str(folder))
    assert (code, out) == (1, "") and "is not in the journal's dictionary" in err
    assert err.count("\n") == 1 and len(err) < 200
    journal = open_journal(folder, SystemKeyring())
    assert content_digest(journal) == before
    journal.close()


def test_an_empty_dictionary_lists_nothing_and_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "j"
    code, out, err = run(capsys, "dictionary", "list", "--data-dir", str(folder))
    assert (code, out) == (0, "") and "has no words yet" in err
    assert not journal_exists(folder)


def test_the_dictionary_travels_in_the_export_which_says_it_is_not_encrypted(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source, target = str(tmp_path / "a"), str(tmp_path / "b")
    run(capsys, "dictionary", "add", "deprescribing", "--data-dir", source)
    run(capsys, "dictionary", "add", "Okonkwo", "--data-dir", source)
    export = tmp_path / "e.json"
    code, out, err = run(capsys, "export", "--out", str(export), "--data-dir", source)
    assert code == 0 and "and 2 dictionary words to" in out
    assert "not encrypted" in err and "the dictionary's words" in err
    assert json.loads(export.read_text(encoding="utf-8"))["dictionary"][1]["word"] == "Okonkwo"

    run(capsys, "dictionary", "add", "okonkwo", "--data-dir", target)
    code, out, _ = run(capsys, "import", str(export), "--data-dir", target)
    assert (code, out) == (0, "Imported: 2 added, 0 updated.\n")
    code, out, _ = run(capsys, "dictionary", "list", "--data-dir", target)
    assert out.splitlines() == ["deprescribing", "Okonkwo (private)", "okonkwo"]
