"""PySide6 reads the source of every module imported after it; the app stops it doing so.

PySide6 offers optional API variants (`from __feature__ import snake_case`). To know which
modules could take part, it reads the whole source file of every module imported after Qt and
looks for the word "PySide6" (shibokensupport's `_mod_uses_pyside`, through `inspect`, whose
module lookup grows with every module loaded). The window imports some 500 modules after Qt;
that reading was about a tenth of their import time, a twentieth of the time to open it.

The app never selects a feature, so every module sees the one default API whatever the scan
finds: a module the scan would mark "uses PySide" switches to the default set, which is the set
in use; one marked "ignore" keeps the set in use. Answering "ignore" without reading changes
nothing. If PySide6 stops keeping the scan where it is looked for, nothing is changed.
"""

from __future__ import annotations

import sys

import PySide6.QtCore  # noqa: F401 - the scan exists once Qt is loaded

_FEATURE_MODULE = "shibokensupport.feature"


def _uses_no_feature(_module: object) -> bool:
    return False


def skip_feature_scan() -> bool:
    """Stop PySide6 reading the source of each module imported from now on; False when this
    PySide6 has no such scan to stop."""
    feature = sys.modules.get(_FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _uses_no_feature  # type: ignore[attr-defined]
    return True
