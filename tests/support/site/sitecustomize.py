"""Loaded by subprocesses the tests start: they get the same no-network guard."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from tests.support.no_network import install

install()
