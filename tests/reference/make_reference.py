"""Make this release's reference files, ONCE, into tests/reference/v<version>-schema<head>/.

Never re-run this for a version whose folder exists: the committed files are the frozen
record of what that release wrote, and tests/storage/test_reference_files.py checks that every later
release still opens them. A later release adds its own folder (by running its own copy of this
script) and its own tests; it never regenerates an older one.

Run from the repository root:  python -m tests.reference.make_reference

Every key stored beside these files (KEYS-TEST-ONLY.json) is a throwaway made for the test
set; the content is fictional and says so.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from app import __version__
from app.journal.opening import Journal, create_journal, open_journal
from app.sharing.exchange import ExchangeService
from app.sharing.keys import card_bytes, read_card
from app.sharing.records import Role
from app.storage.keys import RawKey
from app.storage.meta import db_path, meta_path
from app.storage.schema import SCHEMA_HEAD
from app.transfer import TransferService
from app.writing.domains import Domain

HERE = Path(__file__).resolve().parent
COACH_PASSPHRASE = "test-only reference coach passphrase"
PARTICIPANT_NAME = "Robin Testfield (fictional participant)"
COACH_NAME = "Morgan Fieldnote (fictional coach)"


class MemoryKeys:
    """A key store in memory, so making the set never touches a real keyring."""

    def __init__(self) -> None:
        self.keys: dict[str, RawKey] = {}

    def is_available(self) -> bool:
        """Always available."""
        return True

    def description(self) -> str:
        """Its name."""
        return "memory"

    def load(self, journal_id: str) -> RawKey | None:
        """The kept key, if any."""
        return self.keys.get(journal_id)

    def save(self, journal_id: str, key: RawKey) -> None:
        """Keep the key."""
        self.keys[journal_id] = key


def folder_name() -> str:
    """This release's reference folder, named for the app version and schema head."""
    return f"v{__version__}-schema{SCHEMA_HEAD}"


def _freeze(journal: Journal, into: Path) -> None:
    """Copy a closed journal's two files (journal.db, journal.json) into `into`."""
    into.mkdir(parents=True)
    shutil.copy2(db_path(journal.folder), into / "journal.db")
    shutil.copy2(meta_path(journal.folder), into / "journal.json")


def make(out: Path, work: Path) -> None:
    """Write every reference file into `out` (which must not exist yet)."""
    out.mkdir(parents=True)
    store = MemoryKeys()
    participant, _ = create_journal(work / "participant", store)
    coach, _ = create_journal(work / "coach", store, COACH_PASSPHRASE)
    participant_identity = participant.sharing.identity(PARTICIPANT_NAME)
    coach_identity = coach.sharing.identity(COACH_NAME)
    card = card_bytes(coach_identity)
    (out / "coach.ijcard").write_bytes(card)
    participant.sharing.add(read_card(card), Role.COACH)

    # The participant's journal: entries, a line of inquiry and a cycle.
    private = participant.entries.create(
        "Lighthouse ledger",
        "Reference journal phrase: the lighthouse kept a ledger of gulls.",
        [Domain.TEAM],
        ["reference", "gulls"],
    )
    shared = participant.entries.create(
        "Heron at the weir",
        "Reference share phrase: the heron counted the tide twice.",
        [Domain.INDIVIDUAL],
        ["reference"],
    )
    inquiry = participant.cycles.create_inquiry("Do slow mornings help the ward round?")
    cycle = participant.cycles.start_cycle(inquiry.id, "quick-capture", title="Slow mornings")
    participant.cycles.save_stage(
        cycle.id, "surprise", "Reference cycle phrase: the kettle sang before anyone spoke."
    )
    contact = participant.sharing.find(COACH_NAME, Role.COACH)
    outgoing = ExchangeService(participant).make_share(
        contact, ExchangeService(participant).records_to_share([shared.id], [cycle.id])
    )
    ExchangeService(participant).record_sent(outgoing)
    (out / "participant-share.ijshare").write_bytes(outgoing.data)

    # The coach's journal is frozen before it imports the share, so the test can import it.
    coach.close()
    _freeze(coach, out / "coach-journal")
    coach = open_journal(work / "coach", store, COACH_PASSPHRASE)
    ExchangeService(coach).import_package(outgoing.data)
    robin = coach.sharing.find(PARTICIPANT_NAME, Role.PARTICIPANT)
    ExchangeService(coach).write_comment(
        robin.fingerprint,
        shared.id,
        "Reference feedback phrase: quiet orchards grow patient questions.",
    )
    feedback = ExchangeService(coach).make_feedback(robin)
    ExchangeService(coach).record_sent(feedback)
    (out / "coach-feedback.ijshare").write_bytes(feedback.data)
    coach.close()

    # The participant's journal is frozen before it imports the feedback, for the same reason.
    participant.close()
    _freeze(participant, out / "participant-journal")
    participant = open_journal(work / "participant", store)
    ExchangeService(participant).import_package(feedback.data)
    participant.entries.create(
        "Copper kettles", "Reference backup phrase: copper kettles remember the frost."
    )
    participant.backups.write_to(out / "participant.ijbackup", datetime.now(UTC))
    participant.entries.create(
        "Violet ferry", "Reference export phrase: the violet ferry left at noon."
    )
    TransferService(participant).export_json(out / "participant-export.json")
    participant.close()

    keys = {
        "WARNING": "TEST ONLY. Throwaway keys for the fictional reference files; never real.",
        "participant_journal_id": participant.meta.journal_id,
        "participant_raw_key_hex": store.keys[participant.meta.journal_id].value.hex(),
        "participant_fingerprint": participant_identity.card.fingerprint,
        "coach_passphrase": COACH_PASSPHRASE,
        "coach_fingerprint": coach_identity.card.fingerprint,
        "private_entry_id": private.id,
        "shared_entry_id": shared.id,
        "cycle_id": cycle.id,
    }
    (out / "KEYS-TEST-ONLY.json").write_text(json.dumps(keys, indent=2) + "\n", encoding="utf-8")


def main() -> int:
    """Make this release's folder; refuse if it already exists."""
    out = HERE / folder_name()
    if out.exists():
        print(f"{out} exists: reference files are made once per release and never regenerated.")
        return 1
    with tempfile.TemporaryDirectory() as work:
        make(out, Path(work))
    print(f"Wrote {out}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
