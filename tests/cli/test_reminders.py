"""`inquiry-journal due` and `calendar`, as a person or a script runs them."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.journal.opening import Journal
from app.supervision.session_records import ActionDraft, SessionKind
from app.writing.domains import Domain
from tests.support.cli import run
from tests.support.data import NHS_NUMBER

TODAY = date.today()


@pytest.fixture
def folder(journal: Journal) -> str:
    journal.cycles.start_inquiry(
        "How do I hand over?",
        [Domain.TEAM],
        "action-inquiry",
        title="Hand the huddle to Sam",
        experiment_date=TODAY - timedelta(days=1),
    )
    journal.cycles.start_inquiry(
        "Can I ask earlier?",
        [Domain.INDIVIDUAL],
        "action-inquiry",
        title=f"Check {NHS_NUMBER} with the ward",
        experiment_date=TODAY + timedelta(days=6),
    )
    journal.sessions.record(
        SessionKind.SUPERVISION,
        TODAY - timedelta(days=10),
        next_date=TODAY + timedelta(days=12),
        actions=[ActionDraft("Book the 1:1", by_when=TODAY)],
    )
    folder = str(journal.folder)
    journal.close()
    return folder


def test_due_lists_what_is_waiting(capsys: pytest.CaptureFixture[str], folder: str) -> None:
    code, out, _ = run(capsys, "due", "--data-dir", folder)
    assert code == 0
    lines = out.splitlines()
    assert [line.split("  ", 1)[1] for line in lines] == [
        "Reflect on your experiment: Hand the huddle to Sam",
        "Agreed action due: Book the 1:1",
    ]
    code, out, _ = run(capsys, "due", "--json", "--data-dir", folder)
    records = [json.loads(line) for line in out.splitlines()]
    assert [(r["kind"], r["date"], r["title"]) for r in records] == [
        ("reflection", (TODAY - timedelta(days=1)).isoformat(), "Hand the huddle to Sam"),
        ("action", TODAY.isoformat(), "Book the 1:1"),
    ]


def test_due_says_when_nothing_is_waiting(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "due", "--data-dir", str(tmp_path / "new"))
    assert code == 0 and out.startswith("Nothing is waiting")


def test_calendar_leaves_titles_out_and_refuses_identifying_ones(
    capsys: pytest.CaptureFixture[str], folder: str, tmp_path: Path
) -> None:
    out_file = tmp_path / "dates.ics"
    code, out, _ = run(capsys, "calendar", "--out", str(out_file), "--data-dir", folder)
    assert (code, out.strip()) == (0, f"Wrote 3 dates to {out_file} (without titles).")
    text = out_file.read_text(encoding="utf-8")
    assert text.count("BEGIN:VEVENT") == 3 and "Sam" not in text and "1:1" not in text

    titled = tmp_path / "titled.ics"
    code, out, err = run(capsys, "calendar", "--titles", "--out", str(titled), "--data-dir", folder)
    assert code == 1 and not titled.exists()
    assert err.startswith("Nothing was written: the titles hold 1 thing")
    assert NHS_NUMBER in err and "--redact" in err

    code, out, err = run(
        capsys, "calendar", "--titles", "--redact", "--out", str(titled), "--data-dir", folder
    )
    assert code == 0
    unfolded = titled.read_bytes().decode("utf-8").replace("\r\n ", "")
    assert NHS_NUMBER not in unfolded and "Check [NHS number] with the ward" in unfolded
    assert "Agreed action due: Book the 1:1 (Inquiry Journal)" in unfolded


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--out", "{tmp}/dates.txt"], "A calendar file's name ends in .ics"),
        (["--out", "{tmp}/missing/dates.ics"], "does not exist"),
        (["--out", "{tmp}/dates.ics", "--days", "0"], "--days needs a number of days"),
        (["--out", "{tmp}/dates.ics", "--redact"], "--redact and --keep-findings go with"),
    ],
)
def test_calendar_refuses_a_mistake_in_one_line(
    capsys: pytest.CaptureFixture[str],
    folder: str,
    tmp_path: Path,
    arguments: list[str],
    message: str,
) -> None:
    filled = [a.replace("{tmp}", str(tmp_path)) for a in arguments]
    code, out, err = run(capsys, "calendar", *filled, "--data-dir", folder)
    assert code == 1 and out == "" and message in err and len(err.strip().splitlines()) == 1
    assert list(tmp_path.glob("*.ics")) == []
