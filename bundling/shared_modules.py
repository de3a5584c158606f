"""PyInstaller start-up hook (build.spec): both programs read one shared archive of Python code.

Each program PyInstaller makes carries its own archive of the Python modules (10 MB here); the
two programs would carry the same one twice. build.spec gives each program an empty archive and
puts the real one in _internal, and this hook, which runs before any other, points PyInstaller's
importer at it. It leans on PyInstaller's loader (pyimod01_archive, pyimod02_importers): if an
update changes them, both programs stop at start-up, and `make test-bundle` says so at once.
"""

# Only os and sys: the rest of the standard library is in the archive this hook opens.
import os
import sys

import pyimod01_archive  # type: ignore[import-not-found]
import pyimod02_importers  # type: ignore[import-not-found]
import pyimod03_ctypes  # type: ignore[import-not-found]

ARCHIVE = "python-modules.pyz"

pyimod02_importers.pyz_archive = pyimod01_archive.ZlibArchiveReader(
    os.path.join(sys._MEIPASS, ARCHIVE),  # type: ignore[attr-defined]  # noqa: PTH118
    check_pymagic=True,
)
pyimod02_importers._pyz_tree = None
# Finders made while the empty archive was in place would not look in the shared one.
sys.path_importer_cache.clear()
# PyInstaller's ctypes helpers could not load ctypes from the empty archive at start-up.
pyimod03_ctypes.install()
