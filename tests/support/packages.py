"""Taking a package's ZIP container apart and putting it back, to forge hostile packages."""

from __future__ import annotations

import io
import zipfile


def rezip(members: dict[str, bytes]) -> bytes:
    """A ZIP holding these members, in this order."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def members(data: bytes) -> dict[str, bytes]:
    """Every member of a ZIP by name."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}
