"""A save that has returned survives the process being killed at any moment."""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

from app.journal.opening import Journal, open_journal
from app.storage.keys import SystemKeyring
from tests.support.crash_child import body_for
from tests.support.processes import PYTHON, ROOT, subprocess_env

KILLS = 20
CHILD = ROOT / "tests" / "support" / "crash_child.py"


def test_killed_writer_loses_no_reported_save(
    journal: Journal, key_store: SystemKeyring, isolated_home: Path
) -> None:
    folder = journal.folder
    journal.close()
    rng = random.Random(20261126)
    expected: dict[str, str] = {}
    next_number = 0
    for round_number in range(KILLS):
        child = subprocess.Popen(
            [
                PYTHON,
                str(ROOT / "tests" / "support" / "crash_child.py"),
                str(folder),
                str(next_number),
            ],
            env=subprocess_env(isolated_home),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready", (
            child.stderr.read() if child.stderr else ""
        )
        for _ in range(rng.randint(1, 30)):
            entry_id, number, kind = child.stdout.readline().split()[1:]
            expected[entry_id] = body_for(int(number)) + (" edited" if kind == "edited" else "")
            next_number = int(number)
        child.kill()  # SIGKILL on POSIX: no clean-up runs
        child.wait()
        child.stdout.close()
        if child.stderr:
            child.stderr.close()
        next_number += 1  # a number the killed child may have started is never reused

        reopened = open_journal(folder, key_store)
        try:
            assert reopened.integrity_problems() == [], f"round {round_number}"
            for entry_id, body in expected.items():
                stored = reopened.entries.get(entry_id).body
                # The child may have finished one more save than it reported.
                allowed = {body, body.removesuffix(" edited") + " edited"}
                assert stored in allowed, f"round {round_number}: {entry_id}"
        finally:
            reopened.close()
    assert len(expected) >= KILLS
