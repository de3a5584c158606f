"""`inquiry-journal --self-test [--report FILE]`: the checks IT runs after installing."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import TextIO

from app.cli.common import CommandError
from app.storage.keys import KeyStore


def run(store: KeyStore, report: str | None) -> int:
    """Print one line per check (and write them to `report`); 0 only when every check passed.

    The windowed program has no console on Windows (sys.stdout is None there), so `--report`
    is how its results are read.
    """
    from app.diagnostics.selftest import run_self_test

    sinks: list[TextIO] = [sys.stdout] if sys.stdout is not None else []
    with contextlib.ExitStack() as stack:
        if report:
            path = Path(report).expanduser()
            try:
                sinks.append(stack.enter_context(path.open("w", encoding="utf-8")))
            except OSError as exc:
                raise CommandError(
                    f"The self-test report could not be written to {path}: {exc.strerror}."
                ) from None

        def write(line: str) -> None:
            for sink in sinks:
                print(line, file=sink, flush=True)

        return 0 if run_self_test(store, write) else 1
