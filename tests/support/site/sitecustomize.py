"""Loaded by subprocesses the tests start: they get the same no-network guard."""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(__file__)))))

from tests.support.no_network import install  # noqa: E402

install()
