"""A sha256 manifest of a bundle folder, to check that a bundle was built from a given commit.

    python -m bundling.manifest dist/inquiry-journal [--out FILE]

One line per file, sorted by path: its sha256, where it comes from, and its path in the folder.
Build the commit (`make build`), make the manifest of both folders, and diff them (README,
"Checking a bundle"). Where a file comes from:

- `program`: the launchers at the top of the folder. Each carries the compiled Python code, the
  app's and its packages', in one archive.
- `app`: the app's own files (templates, icons, migrations).
- `wheel:NAME==VERSION`: byte for byte the file that package's wheel installed here, as its
  RECORD says. The lock holds that wheel's sha256, so this file is traced to the lock.
- `package:NAME==VERSION`: a file of that package whose bytes are not those its RECORD gives:
  changed on the way in (macOS rewrites library paths and signs them again), or with no digest
  to compare (RECORD itself).
- `python`: Python itself (its library, standard modules and extension modules).
- `system`: everything else, mostly shared libraries PyInstaller found on the build machine (on
  Linux: X11, fontconfig, ...). They come with the operating system, not the lock, so they
  match only when built on the same system image.
- `link`: a symbolic link; its target is shown in place of a digest.

The origins are found through the packages installed where this runs, so run it with the
build's own Python (`.venv/bin/python -m bundling.manifest`).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import os
import re
import sys
import sysconfig
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path, PurePosixPath

from bundling.files import DATA

# PyInstaller's folder for everything but the launchers (its default since 6.0).
CONTENTS = "_internal"
HEADER = "# Inquiry Journal bundle manifest: sha256, origin, path. See README, 'Checking a bundle'."
_CHUNK = 1 << 20


@dataclass(frozen=True)
class WheelFile:
    """A file a package installed, with the sha256 its RECORD gives (None if it gives none)."""

    package: str
    sha256: str | None


@dataclass(frozen=True)
class Entry:
    """One line of the manifest."""

    path: str
    digest: str
    origin: str

    def line(self) -> str:
        """The entry as written: digest, origin and path, two spaces apart."""
        return f"{self.digest}  {self.origin}  {self.path}"


def installed_files() -> dict[str, WheelFile]:
    """Every file an installed package put in site-packages, by its path there."""
    found: dict[str, WheelFile] = {}
    for dist in metadata.distributions():
        # Names as the lock spells them (PEP 503), so a line can be found in requirements/.
        name = re.sub(r"[-_.]+", "-", dist.metadata["Name"] or "").lower()
        if not name or name == "inquiry-journal":
            continue
        package = f"{name}=={dist.version}"
        for file in dist.files or []:
            path = PurePosixPath(file.as_posix())
            if ".." in path.parts:
                continue  # a script or header installed outside site-packages
            digest = None
            if file.hash is not None and file.hash.mode == "sha256":
                digest = base64.urlsafe_b64decode(file.hash.value + "==").hex()
            found.setdefault(str(path), WheelFile(package, digest))
    return found


def _python_names() -> set[str]:
    """Names of Python's own files that PyInstaller copies to the top of the contents folder."""
    names = {"base_library.zip", "Python"}  # Python: the framework library on macOS
    base = Path(sys.base_prefix)
    folders = [base, base / "DLLs"]  # Windows keeps python3xx.dll and its DLLs here
    for folder in folders:
        if folder.is_dir():
            names.update(p.name for p in folder.iterdir() if p.is_file())
    for variable in ("LDLIBRARY", "INSTSONAME"):  # libpython3.11.so.1.0 on Linux
        if sysconfig.get_config_var(variable):
            names.add(str(sysconfig.get_config_var(variable)))
    return {n for n in names if not n.endswith((".exe", ".txt"))}


def sha256_of(path: Path) -> str:
    """The file's sha256, read a megabyte at a time."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _files(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        here = Path(root)
        # A link to a folder is listed, not followed.
        for name in sorted(files + [d for d in dirs if (here / d).is_symlink()]):
            yield here / name


def origin_of(
    relative: PurePosixPath, digest: str, wheels: dict[str, WheelFile], python: set[str]
) -> str:
    """Where one bundle file comes from (see the module docstring)."""
    if len(relative.parts) == 1:
        return "program"
    inside = PurePosixPath(*relative.parts[1:]) if relative.parts[0] == CONTENTS else relative
    if inside.parts[0] in {PurePosixPath(dest).parts[0] for _, dest in DATA}:
        return "app"
    wheel = wheels.get(str(inside))
    if wheel is not None:
        return f"{'wheel' if wheel.sha256 == digest else 'package'}:{wheel.package}"
    if "lib-dynload" in inside.parts or (len(inside.parts) == 1 and inside.name in python):
        return "python"
    return "system"


def manifest(folder: Path, wheels: dict[str, WheelFile] | None = None) -> list[Entry]:
    """The manifest of a bundle folder, sorted by path (wheels: installed_files() by default)."""
    wheels = installed_files() if wheels is None else wheels
    python = _python_names()
    entries = []
    for path in _files(folder):
        relative = PurePosixPath(path.relative_to(folder).as_posix())
        if path.is_symlink():
            entries.append(Entry(str(relative), f"-> {path.readlink()}", "link"))
            continue
        digest = sha256_of(path)
        entries.append(Entry(str(relative), digest, origin_of(relative, digest, wheels, python)))
    return sorted(entries, key=lambda e: e.path)


def render(entries: Sequence[Entry]) -> str:
    """The manifest as text: a header, one line per file, and a count by kind at the end."""
    kinds = Counter(e.origin.split(":", 1)[0] for e in entries)
    summary = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
    lines = [HEADER, *(e.line() for e in entries), f"# {len(entries)} files: {summary}"]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Print or write the manifest of the folder given; 2 if it is not a folder, 1 if unreadable."""
    parser = argparse.ArgumentParser(
        prog="python -m bundling.manifest",
        description="List every file of a bundle folder with its sha256 and where it comes from.",
    )
    parser.add_argument("folder", type=Path, help="the bundle folder, e.g. dist/inquiry-journal")
    parser.add_argument("--out", type=Path, help="write the manifest here instead of printing it")
    args = parser.parse_args(argv)
    folder: Path = args.folder
    if not folder.is_dir():
        _say(f"{folder} is not a folder: give the bundle folder, e.g. dist/inquiry-journal.")
        return 2
    try:
        text = render(manifest(folder))
    except OSError as error:
        _say(f"Could not read {error.filename} ({error.strerror}); no manifest was written.")
        return 1
    if args.out is None:
        sys.stdout.write(text)
        return 0
    try:
        args.out.write_text(text, encoding="utf-8", newline="\n")
    except OSError as error:
        _say(f"Could not write {args.out} ({error.strerror}); check the folder exists.")
        return 1
    return 0


def _say(message: str) -> None:
    print(message, file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
