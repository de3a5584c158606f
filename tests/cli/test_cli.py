"""The command line: quick capture, export/import, check and recover, with plain-English errors."""

from __future__ import annotations

import io
import json
import os
import subprocess
from pathlib import Path

import keyring
import pytest

from app import __version__
from app.storage.keys import KEYRING_SERVICE
from app.storage.meta import read_meta
from tests.support import faults
from tests.support.cli import run
from tests.support.processes import PYTHON, subprocess_env


def test_note_creates_a_journal_and_prints_the_recovery_code_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "j"
    code, out, err = run(capsys, "note", "Asked first at huddle", "--data-dir", str(folder))
    assert code == 0
    assert "Saved 'Asked first at huddle'" in out
    assert "Recovery code:" in err and "somewhere safe" in err
    code, out, err = run(
        capsys, "--data-dir", str(folder), "note", "Second", "--domain", "team", "--tag", "huddle"
    )
    assert code == 0 and "Recovery code" not in err


def test_note_uses_inquiry_journal_home_by_default(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    assert run(capsys, "note", "hello")[0] == 0
    assert read_meta(isolated_home / "journal").key_mode.value == "keyring"


def test_export_writes_the_documented_schema(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = str(tmp_path / "j")
    run(capsys, "note", "Body text", "--title", "Huddle", "--domain", "team", "--data-dir", folder)
    out_file = tmp_path / "out.json"
    code, out, err = run(
        capsys, "export", "--format", "json", "--out", str(out_file), "--data-dir", folder
    )
    assert code == 0 and "Exported 1 entry" in out and "not encrypted" in err
    document = json.loads(out_file.read_text(encoding="utf-8"))
    assert document["format"] == "inquiry-journal" and document["version"] == 6
    entry = document["entries"][0]
    assert {"id", "title", "body", "domains", "tags", "created", "updated"} <= set(entry)
    assert (entry["title"], entry["body"], entry["domains"]) == ("Huddle", "Body text", ["team"])


def test_import_round_trips_and_is_idempotent(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source, target = str(tmp_path / "a"), str(tmp_path / "b")
    for n in range(3):
        run(capsys, "note", f"Entry {n}", "--tag", "t", "--data-dir", source)
    export = tmp_path / "e.json"
    run(capsys, "export", "--out", str(export), "--data-dir", source)
    code, out, _ = run(capsys, "import", str(export), "--data-dir", target)
    assert code == 0 and "3 added" in out
    code, out, _ = run(capsys, "import", str(export), "--data-dir", target)
    assert code == 0 and "Nothing to import" in out
    again = tmp_path / "again.json"
    run(capsys, "export", "--out", str(again), "--data-dir", target)
    first = json.loads(export.read_text())["entries"]
    second = json.loads(again.read_text())["entries"]
    assert first == second


def test_malformed_import_is_refused_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = str(tmp_path / "j")
    run(capsys, "note", "Keep me", "--data-dir", folder)
    before = tmp_path / "before.json"
    run(capsys, "export", "--out", str(before), "--data-dir", folder)
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "inquiry-journal", "version": 1, "entries": [', encoding="utf-8")
    code, _, err = run(capsys, "import", str(bad), "--data-dir", folder)
    assert code == 1
    assert "not valid JSON (line 1" in err and "Traceback" not in err
    after = tmp_path / "after.json"
    run(capsys, "export", "--out", str(after), "--data-dir", folder)
    assert json.loads(before.read_text())["entries"] == json.loads(after.read_text())["entries"]


def test_import_into_a_new_folder_refuses_before_creating_a_journal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    code, _, err = run(capsys, "import", str(bad), "--data-dir", str(tmp_path / "new"))
    assert code == 1 and "not an Inquiry Journal export" in err
    assert not (tmp_path / "new").exists()


def test_check_reports_a_healthy_journal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = str(tmp_path / "j")
    run(capsys, "note", "one", "--data-dir", folder)
    code, out, _ = run(capsys, "check", "--data-dir", folder)
    assert code == 0 and "healthy: 1 entry" in out


def test_check_reports_a_damaged_file_in_plain_words(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "j"
    for n in range(40):
        run(capsys, "note", f"entry {n} " + "words " * 400, "--data-dir", str(folder))
    db = folder / "journal.db"
    data = bytearray(db.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 64] = bytes(64)
    db.write_bytes(bytes(data))
    code, _, err = run(capsys, "check", "--data-dir", str(folder))
    assert code == 1
    assert "damaged" in err and "Traceback" not in err


def test_passphrase_journal_from_the_environment(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = str(tmp_path / "j")
    monkeypatch.setenv("INQUIRY_JOURNAL_PASSPHRASE", "a scripted passphrase")
    assert run(capsys, "note", "secret", "--data-dir", folder)[0] == 0
    assert read_meta(Path(folder)).key_mode.value == "passphrase"
    monkeypatch.setenv("INQUIRY_JOURNAL_PASSPHRASE", "the wrong passphrase")
    code, _, err = run(capsys, "check", "--data-dir", folder)
    assert code == 1 and "passphrase or key is wrong" in err
    monkeypatch.delenv("INQUIRY_JOURNAL_PASSPHRASE")
    code, _, err = run(capsys, "check", "--data-dir", folder)
    assert code == 1 and "INQUIRY_JOURNAL_PASSPHRASE" in err


def test_no_keyring_and_no_passphrase_is_explained(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, no_keyring: object
) -> None:
    code, _, err = run(capsys, "note", "x", "--data-dir", str(tmp_path / "j"))
    assert code == 1
    assert "No system keyring" in err and "INQUIRY_JOURNAL_PASSPHRASE" in err


def test_recover_puts_the_key_back(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "j"
    _, _, err = run(capsys, "note", "keep", "--data-dir", str(folder))
    recovery_code = err.split("Recovery code: ")[1].split()[0]
    keyring.delete_password(KEYRING_SERVICE, read_meta(folder).journal_id)
    code, _, err = run(capsys, "check", "--data-dir", str(folder))
    assert code == 1 and "recovery code" in err
    typo = recovery_code[:-1] + ("1" if recovery_code[-1] == "0" else "0")
    code, _, err = run(capsys, "recover", "--code", typo, "--data-dir", str(folder))
    assert code == 1 and "typo" in err
    code, out, _ = run(capsys, "recover", "--code", recovery_code, "--data-dir", str(folder))
    assert code == 0 and "Recovered" in out
    assert run(capsys, "check", "--data-dir", str(folder))[0] == 0


def test_unknown_domain_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "note", "x", "--domain", "ward", "--data-dir", str(tmp_path / "j"))
    assert code == 1
    assert err.strip() == (
        "inquiry-journal: 'ward' is not a domain; use one of: individual, team, organisation."
    )


def test_version_via_python_dash_m(isolated_home: Path) -> None:
    result = subprocess.run(
        [PYTHON, "-m", "app", "--version"],
        env=subprocess_env(isolated_home),
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == f"inquiry-journal {__version__}"


def test_demo_fills_a_new_folder_and_refuses_an_existing_journal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = str(tmp_path / "demo")
    code, out, _ = run(capsys, "demo", "--data-dir", folder)
    assert code == 0 and "4 lines of inquiry, 8 cycles and 5 entries" in out
    code, _, err = run(capsys, "demo", "--data-dir", folder)
    assert code == 1 and "already holds a journal" in err
    exported = tmp_path / "demo.json"
    run(capsys, "export", "--out", str(exported), "--data-dir", folder)
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert {c["status"] for c in document["cycles"]} == {"planned", "in_progress", "reviewed"}
    assert {c["loop"] for c in document["cycles"]} == {"none", "single", "double", "triple"}
    assert len({c["template"] for c in document["cycles"]}) >= 4
    assert {d for c in document["cycles"] for d in c["domains"]} == {
        "individual",
        "team",
        "organisation",
    }


def test_search_prints_results_and_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = str(tmp_path / "demo")
    run(capsys, "demo", "--data-dir", folder)
    code, out, _ = run(capsys, "search", "handover", "--data-dir", folder)
    assert code == 0 and "*handover*" in out
    code, out, _ = run(
        capsys, "search", "handover", "--json", "--domain", "team", "--newest", "--data-dir", folder
    )
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows and all({"id", "kind", "title", "date", "snippet"} <= set(r) for r in rows)
    assert [r["date"] for r in rows] == sorted((r["date"] for r in rows), reverse=True)
    code, _, err = run(capsys, "search", "zebra", "--data-dir", folder)
    assert code == 1 and "No matches" in err
    code, _, err = run(capsys, "search", "x", "--since", "last week", "--data-dir", folder)
    assert code == 1 and "--since needs a date" in err


def test_search_with_filters_and_no_query_lists_newest_first(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = str(tmp_path / "demo")
    run(capsys, "demo", "--data-dir", folder)
    code, out, _ = run(
        capsys, "search", "--domain", "team", "--json", "--limit", "500", "--data-dir", folder
    )
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and {r["kind"] for r in rows} == {"entry", "cycle"}
    assert [r["date"] for r in rows] == sorted((r["date"] for r in rows), reverse=True)
    code, out, _ = run(capsys, "search", "--loop", "double", "--data-dir", folder)
    assert code == 0 and out.count("  cycle  ") >= 1 and "  entry  " not in out
    code, _, err = run(capsys, "search", "--data-dir", folder, "--", "-huddle")
    assert code == 1 and "needs at least one word to look for" in err


def test_privacy_check_prints_findings_and_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Mrs Patel, NHS no 943 476 5919, was moved.", encoding="utf-8")
    code, out, _ = run(capsys, "privacy-check", str(note))
    assert code == 1
    findings = [json.loads(line) for line in out.splitlines()]
    assert [(f["kind"], f["text"], f["severity"]) for f in findings] == [
        ("name", "Mrs Patel", "high"),
        ("nhs_number", "943 476 5919", "high"),
    ]
    assert findings[1]["start"] == 18 and findings[1]["end"] == 30
    monkeypatch.setattr("sys.stdin", io.StringIO("The huddle at 07:45 went well."))
    code, out, _ = run(capsys, "privacy-check", "-")
    assert (code, out) == (0, "")
    code, _, err = run(capsys, "privacy-check", str(tmp_path / "missing.txt"))
    assert code == 1 and "could not be read" in err


def test_a_big_package_import_counts_up_on_a_terminal_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io

    from app.cli.journal import _progress_on_terminal

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stderr", io.StringIO())
    assert _progress_on_terminal() is None
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    show = _progress_on_terminal()
    assert show is not None
    show(0, 10)  # small packages finish before a counter helps
    show(500, 2000)
    show(2000, 2000)
    assert terminal.getvalue() == "\rImporting 500 of 2,000...\rImporting 2,000 of 2,000...\n"


@pytest.mark.parametrize("unbuffered", ["1", ""])
def test_a_reader_that_stops_early_is_not_reported_as_a_bug(
    journal_dir: Path, isolated_home: Path, unbuffered: str
) -> None:
    """`search ... | head -1`: the pipe closes before the results are written."""
    env = subprocess_env(isolated_home)
    env["PYTHONUNBUFFERED"] = unbuffered
    for n in range(3):
        created = subprocess.run(
            [PYTHON, "-m", "app", "--data-dir", str(journal_dir), "note", f"Huddle {n}"],
            env=env,
            capture_output=True,
            check=False,
        )
        assert created.returncode == 0, created.stderr
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has already gone
    try:
        found = subprocess.run(
            [PYTHON, "-m", "app", "--data-dir", str(journal_dir), "search", "huddle"],
            env=env,
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    finally:
        os.close(write_end)
    assert (found.returncode, found.stderr) == (141, "")
    assert not list(isolated_home.rglob("errors.log"))


def test_an_export_whose_reads_fail_is_one_plain_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = str(tmp_path / "j")
    run(capsys, "note", "Body text", "--title", "Huddle", "--data-dir", folder)
    out_file = tmp_path / "out.json"
    with faults.reads_of("entry_versions"):
        code, out, err = run(capsys, "export", "--out", str(out_file), "--data-dir", folder)
    assert code == 1 and out == ""
    assert err == (
        "inquiry-journal: The journal could not be saved or read: the disk could not be read "
        "or written (was a drive removed?).\n"
    )
    assert not out_file.exists()
