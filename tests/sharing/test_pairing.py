"""Pairing from the command line: a coach saves a card, a participant adds it."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import JournalError
from app.journal.opening import Journal, open_journal
from app.sharing.exchange import ExchangeService
from app.sharing.records import Role
from app.storage.keys import SystemKeyring
from tests.support.cli import run


def test_coach_card_is_added_by_the_participant(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    coach, participant = str(tmp_path / "coach"), str(tmp_path / "participant")
    card = tmp_path / "sam.ijcard"
    code, out, _ = run(
        capsys, "card", "--name", "Sam (coach)", "--out", str(card), "--data-dir", coach
    )
    assert code == 0 and "Fingerprint:" in out
    fingerprint = out.split("Fingerprint: ")[1].split()[0]
    code, out, err = run(capsys, "coach", "add", str(card), "--data-dir", participant)
    assert code == 0 and f"Added coach 'Sam (coach)'.\nFingerprint: {fingerprint}" in out
    assert "compare this fingerprint" in err
    code, out, _ = run(capsys, "coach", "list", "--data-dir", participant)
    assert out.strip() == f"{fingerprint}  Sam (coach)"
    code, out, _ = run(capsys, "coach", "add", str(card), "--data-dir", participant)
    assert "Updated coach" in out


def test_a_changed_or_foreign_card_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    card = tmp_path / "sam.ijcard"
    run(capsys, "card", "--name", "Sam", "--out", str(card), "--data-dir", str(tmp_path / "c"))
    card.write_text(card.read_text().replace('"Sam"', '"Eve"'))
    code, _, err = run(capsys, "coach", "add", str(card), "--data-dir", str(tmp_path / "p"))
    assert code == 1 and "changed since it was made" in err
    (tmp_path / "x.ijcard").write_bytes(b"\x00\x01")
    code, _, err = run(
        capsys, "coach", "add", str(tmp_path / "x.ijcard"), "--data-dir", str(tmp_path / "p")
    )
    assert code == 1 and "not an Inquiry Journal card" in err


def test_identity_is_made_once_and_own_card_refused(journal: Journal) -> None:
    first = journal.sharing.identity("Alex")
    assert journal.sharing.identity() == first
    assert journal.sharing.identity("Alex P").name == "Alex P"
    with pytest.raises(JournalError, match="own card"):
        journal.sharing.add(first.card, Role.COACH)


def test_finding_a_coach_by_name_or_fingerprint(journal: Journal) -> None:
    from app.sharing.keys import Identity

    sam = Identity.generate("Sam").card
    other_sam = Identity.generate("Sam").card
    journal.sharing.add(sam, Role.COACH)
    assert journal.sharing.find("sam", Role.COACH).card == sam
    journal.sharing.add(other_sam, Role.COACH)
    with pytest.raises(JournalError, match="use the fingerprint"):
        journal.sharing.find("Sam", Role.COACH)
    assert journal.sharing.find(sam.fingerprint.lower(), Role.COACH).card == sam
    expected = r"No coach called 'Ann' has been added yet\. Your coaches: Sam \("
    with pytest.raises(JournalError, match=expected):
        journal.sharing.find("Ann", Role.COACH)


def test_a_first_name_finds_a_coach_when_it_is_not_ambiguous(journal: Journal) -> None:
    from app.sharing.keys import Identity

    sam = Identity.generate("Sam Okafor").card
    journal.sharing.add(sam, Role.COACH)
    assert journal.sharing.find("sam", Role.COACH).card == sam
    with pytest.raises(JournalError, match="No coach called 'Sa'"):
        journal.sharing.find("Sa", Role.COACH)
    journal.sharing.add(Identity.generate("Sam Patel").card, Role.COACH)
    with pytest.raises(JournalError, match="use the fingerprint"):
        journal.sharing.find("Sam", Role.COACH)
    assert journal.sharing.find("Sam Okafor", Role.COACH).card == sam


def test_a_week_of_review_from_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    coach, me = ["--data-dir", str(tmp_path / "coach")], ["--data-dir", str(tmp_path / "me")]
    card, package, back = (
        tmp_path / "sam.ijcard",
        tmp_path / "week.ijshare",
        tmp_path / "fb.ijshare",
    )
    run(capsys, "card", "--name", "Sam", "--out", str(card), *coach)
    run(capsys, "card", "--name", "Alex", "--out", str(tmp_path / "alex.ijcard"), *me)
    run(capsys, "coach", "add", str(card), *me)
    _, out, _ = run(capsys, "note", "Mrs Patel asked about visiting.", "--title", "Visiting", *me)
    entry_id = out.split("(")[-1].rstrip(").\n")
    code, _, err = run(
        capsys, "share", "--entry", entry_id, "--to", "Sam", "--out", str(package), *me
    )
    assert code == 1 and "name (high) in 'Visiting': 'Mrs Patel'" in err and not package.exists()
    code, out, _ = run(
        capsys, "share", "--entry", entry_id, "--to", "sam", "--out", str(package), "--redact", *me
    )
    assert code == 0 and "Only they can open it" in out
    code, out, _ = run(capsys, "import", str(package), *coach)
    assert code == 0 and "Imported 1 shared item from" in out
    code, out, _ = run(capsys, "import", str(package), *coach)
    assert "imported before; nothing changed" in out
    risky = "Did Mrs Okafor on bay 4 hear you?"
    code, _, err = run(capsys, "comment", entry_id, risky, *coach)
    assert code == 1 and "The comment was not saved" in err and "'Mrs Okafor'" in err
    code, out, _ = run(capsys, "comment", entry_id, risky, "--redact", *coach)
    assert code == 0 and "Comment saved" in out
    code, out, _ = run(capsys, "feedback", "--participant", "Alex", "--out", str(back), *coach)
    assert code == 0 and "1 comment" in out
    code, out, _ = run(capsys, "import", str(back), *me)
    assert code == 0 and "Imported 1 comment from Sam" in out
    mine = open_journal(tmp_path / "me", SystemKeyring())
    try:
        [received] = ExchangeService(mine).comments_on(entry_id)
    finally:
        mine.close()
    assert "Okafor" not in received.body and "[name]" in received.body
    code, _, err = run(capsys, "import", str(back), *coach)  # not meant for the coach
    assert code == 1 and "for someone else" in err
