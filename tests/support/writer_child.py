"""Child process for the two-writers test: waits for "go", then creates and edits entries.

Usage: writer_child.py FOLDER NAME COUNT. Prints "ready", then after "go" on stdin one line
per entry ("saved ID" or "refused REASON") and finally "done".
"""

from __future__ import annotations

import sys
from pathlib import Path

from app.errors import StorageError
from app.journal.opening import open_journal
from app.storage.keys import SystemKeyring
from app.writing.domains import Domain


def main() -> None:
    folder, name, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    journal = open_journal(folder, SystemKeyring())
    print("ready", flush=True)
    sys.stdin.readline()
    try:
        for n in range(count):
            try:
                # create reads its tags then writes; save reads the entry then writes.
                entry = journal.entries.create(f"{name} {n}", "First text.", [Domain.TEAM], [name])
                journal.entries.save(
                    entry.id,
                    title=f"{name} {n}",
                    body=f"{name} {n} edited.",
                    domains=[Domain.TEAM],
                    tags=[name, "shared"],
                )
                print(f"saved {entry.id}", flush=True)
            except StorageError as exc:
                print(f"refused {exc}", flush=True)
    finally:
        journal.close()
    print("done", flush=True)


if __name__ == "__main__":
    main()
