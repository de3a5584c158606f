"""A coach knows who shared: a new card comes in unverified, a card never renames anyone, and
the coach verifies once by comparing fingerprints (command line here, window in tests/ui)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import JournalError
from app.journal.opening import Journal
from app.sharing.exchange import ExchangeService
from app.sharing.keys import Identity
from app.sharing.package import seal
from app.sharing.records import Role
from app.sharing.workspace import WorkspaceService
from tests.support.cli import run
from tests.support.sharing import pair_with_coach

WHEN = "2026-01-05T09:00:00+00:00"


@pytest.fixture
def alex(journal: Journal, coach: Journal) -> Journal:
    return pair_with_coach(journal, coach)


def _share_from(alex: Journal, coach: Journal, title: str) -> bytes:
    entry = alex.entries.create(title, "I asked first.")
    contact = alex.sharing.find("Sam (coach)", Role.COACH)
    return (
        ExchangeService(alex)
        .make_share(contact, ExchangeService(alex).records_to_share([entry.id], []))
        .data
    )


def _item_of(coach: Journal, fingerprint: str) -> str:
    return next(
        i.item_id for i in WorkspaceService(coach).shared_items() if i.participant == fingerprint
    )


def _stranger_share(name: str, coach: Journal) -> tuple[Identity, bytes]:
    stranger = Identity.generate(name)
    item: dict[str, object] = {
        "kind": "entry",
        "id": "5b0c8a52-7d8e-4a57-9a55-0d3f1b8b2a10",
        "title": "Hello",
    }
    item |= {"body": "Hi", "domains": [], "tags": [], "written": WHEN, "version": WHEN}
    return stranger, seal("share", {"items": [item]}, stranger, coach.sharing.identity().card)


def test_a_first_share_is_imported_unverified_and_says_so(alex: Journal, coach: Journal) -> None:
    result = ExchangeService(coach).import_package(_share_from(alex, coach, "Huddle"))
    fingerprint = alex.sharing.identity().card.fingerprint
    assert not result.verified and result.fingerprint == fingerprint
    assert "Imported 1 shared item from Alex." in result.message
    assert f"Alex is not verified yet: compare the fingerprint {fingerprint}" in result.message
    assert [(p.name, p.verified) for p in WorkspaceService(coach).participants()] == [
        ("Alex", False)
    ]


def test_a_card_never_renames_a_known_participant(alex: Journal, coach: Journal) -> None:
    ExchangeService(coach).import_package(_share_from(alex, coach, "Huddle"))
    fingerprint = alex.sharing.identity().card.fingerprint
    coach.sharing.verify("Alex", fingerprint)
    alex.sharing.identity("Dr Who")  # the same keys under a new card name
    result = ExchangeService(coach).import_package(_share_from(alex, coach, "Later"))
    assert result.sender == "Alex" and result.verified
    assert result.message == "Imported 1 shared item from Alex."
    assert [
        (p.name, p.fingerprint, p.verified) for p in WorkspaceService(coach).participants()
    ] == [("Alex", fingerprint, True)]


def test_a_stranger_using_a_known_name_stays_apart_and_unverified(
    alex: Journal, coach: Journal
) -> None:
    ExchangeService(coach).import_package(_share_from(alex, coach, "Huddle"))
    real = alex.sharing.identity().card.fingerprint
    coach.sharing.verify("Alex", real)
    stranger, package = _stranger_share("Alex", coach)
    result = ExchangeService(coach).import_package(package)
    assert not result.verified and "not verified yet" in result.message
    people = {p.fingerprint: (p.name, p.verified) for p in WorkspaceService(coach).participants()}
    assert people == {real: ("Alex", True), stranger.card.fingerprint: ("Alex", False)}

    ExchangeService(coach).write_comment(real, _item_of(coach, real), "What happened next?")
    with pytest.raises(JournalError) as refused:
        ExchangeService(coach).make_feedback(coach.sharing.find("Alex", Role.PARTICIPANT))
    message = str(refused.value)
    assert "More than one participant is called 'Alex'" in message
    assert f"{real}, verified" in message
    assert f"{stranger.card.fingerprint}, not verified" in message


def test_verify_refuses_a_wrong_fingerprint_and_accepts_it_as_read_aloud(
    alex: Journal, coach: Journal
) -> None:
    ExchangeService(coach).import_package(_share_from(alex, coach, "Huddle"))
    real = alex.sharing.identity().card.fingerprint
    wrong = Identity.generate("Alex").card.fingerprint
    with pytest.raises(JournalError, match="does not match the card Alex shared with"):
        coach.sharing.verify("Alex", wrong)
    assert not WorkspaceService(coach).participants()[0].verified
    with pytest.raises(JournalError, match="No participant called 'Sam'"):
        coach.sharing.verify("Sam", real)
    spoken = real.replace("-", " ").lower().replace("0", "o")  # as typed while listening
    assert coach.sharing.verify("alex", spoken).verified
    assert WorkspaceService(coach).participants()[0].verified


def test_participant_list_and_verify_on_the_command_line(
    capsys: pytest.CaptureFixture[str], alex: Journal, coach: Journal, tmp_path: Path
) -> None:
    package = tmp_path / "alex.ijshare"
    package.write_bytes(_share_from(alex, coach, "Huddle"))
    real = alex.sharing.identity().card.fingerprint
    folder = str(coach.folder)
    coach.close()
    code, out, _ = run(capsys, "import", str(package), "--data-dir", folder)
    assert code == 0 and f"Alex is not verified yet: compare the fingerprint {real}" in out

    code, out, _ = run(capsys, "participant", "list", "--data-dir", folder)
    assert code == 0 and out.splitlines()[0] == f"{real}  not verified  Alex"
    wrong = Identity.generate("Alex").card.fingerprint
    code, out, err = run(capsys, "participant", "verify", "Alex", wrong, "--data-dir", folder)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "does not match" in err and "nothing was verified" in err
    code, out, _ = run(capsys, "participant", "verify", "Alex", real, "--data-dir", folder)
    assert code == 0 and f"Alex ({real}) is verified" in out
    code, out, _ = run(capsys, "participant", "list", "--data-dir", folder)
    assert out.strip() == f"{real}  verified      Alex"


def test_feedback_for_an_ambiguous_name_lists_the_fingerprints_on_the_command_line(
    capsys: pytest.CaptureFixture[str], alex: Journal, coach: Journal, tmp_path: Path
) -> None:
    ExchangeService(coach).import_package(_share_from(alex, coach, "Huddle"))
    stranger, package = _stranger_share("Alex", coach)
    ExchangeService(coach).import_package(package)
    real = alex.sharing.identity().card.fingerprint
    ExchangeService(coach).write_comment(real, _item_of(coach, real), "What happened next?")
    folder = str(coach.folder)
    coach.close()
    out_file = tmp_path / "fb.ijshare"
    code, _, err = run(
        capsys, "feedback", "--participant", "Alex", "--out", str(out_file), "--data-dir", folder
    )
    assert code == 1 and not out_file.exists()
    assert "More than one participant is called 'Alex'" in err
    assert real in err and stranger.card.fingerprint in err and err.count("\n") == 1
    code, out, err = run(
        capsys, "feedback", "--participant", real, "--out", str(out_file), "--data-dir", folder
    )
    assert code == 0 and out_file.exists() and "Saved 1 comment for Alex" in out
    assert f"Alex ({real}) is not verified yet" in err
