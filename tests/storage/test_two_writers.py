"""Two programs writing to one journal at once take turns; neither is refused."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from app.journal.opening import Journal, open_journal
from app.storage.keys import SystemKeyring
from tests.support.processes import PYTHON, ROOT, subprocess_env

CHILD = ROOT / "tests" / "support" / "writer_child.py"
# Each save is two writes (create, then an edit that reads first). The full 2 x 1,000 run:
# IJ_TWO_WRITERS_SAVES=1000 python -m pytest tests/storage/test_two_writers.py
SAVES_EACH = int(os.environ.get("IJ_TWO_WRITERS_SAVES", "150"))


def test_two_processes_writing_at_once_are_never_refused(
    journal: Journal, key_store: SystemKeyring, isolated_home: Path
) -> None:
    folder = journal.folder
    journal.close()
    children = [
        subprocess.Popen(
            [PYTHON, str(CHILD), str(folder), name, str(SAVES_EACH)],
            env=subprocess_env(isolated_home),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("alpha", "beta")
    ]
    for child in children:
        assert child.stdout is not None and child.stdin is not None
        assert child.stdout.readline().strip() == "ready"
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    outputs = [child.communicate(timeout=300) for child in children]
    lines = [line for out, _err in outputs for line in out.splitlines()]
    refused = [line for line in lines if line.startswith("refused")]
    saved = [line.split()[1] for line in lines if line.startswith("saved")]
    assert refused == [], refused[:3]
    assert [child.returncode for child in children] == [0, 0], [err for _out, err in outputs]
    assert len(saved) == 2 * SAVES_EACH

    reopened = open_journal(folder, key_store)
    try:
        for entry_id in saved:
            entry = reopened.entries.get(entry_id)
            assert entry.body == f"{entry.title} edited."
            assert set(entry.tags) == {entry.title.split()[0], "shared"}
        assert reopened.entries.count() == 2 * SAVES_EACH
        assert reopened.integrity_problems() == []
    finally:
        reopened.close()
