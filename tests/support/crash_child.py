"""Child process for the crash-safety test: saves entries in a loop, reporting each save."""

from __future__ import annotations

import sys
from pathlib import Path

from app.journal.opening import open_journal
from app.storage.keys import SystemKeyring
from app.writing.domains import Domain


def body_for(n: int) -> str:
    """A body whose length varies, so saves span one or several pages."""
    return f"Save {n}. " + "Reflection on the huddle. " * (n % 40 * 25)


def main() -> None:
    journal = open_journal(Path(sys.argv[1]), SystemKeyring())
    start = int(sys.argv[2])
    print("ready", flush=True)
    n = start
    while True:
        n += 1
        entry = journal.entries.create(f"Save {n}", body_for(n), [Domain.TEAM], ["crash"])
        print(f"saved {entry.id} {n} created", flush=True)
        journal.entries.save(
            entry.id, title=f"Save {n}", body=body_for(n) + " edited", domains=[], tags=[]
        )
        print(f"saved {entry.id} {n} edited", flush=True)


if __name__ == "__main__":
    main()
