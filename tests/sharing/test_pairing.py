"""Pairing from the command line: a coach saves a card, a participant adds it."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import JournalError
from app.journal import Journal
from app.sharing.contacts import Role
from tests.test_cli import run


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
    with pytest.raises(JournalError, match="No coach called 'Ann'"):
        journal.sharing.find("Ann", Role.COACH)
