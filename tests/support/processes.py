"""Running the app in a child process from a test: which Python, where the code is, what env."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SITE_DIR = Path(__file__).resolve().parent / "site"
PYTHON = sys.executable


def subprocess_env(home: Path) -> dict[str, str]:
    """Environment for running the app in a child process: same isolation, no network."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(SITE_DIR), str(ROOT)])
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("INQUIRY_JOURNAL_PASSPHRASE", None)
    return env
