"""Build-time helpers for build.spec (PyInstaller); not part of the installed app."""
