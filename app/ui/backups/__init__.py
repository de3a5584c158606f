"""Backups in the window: File > Back up now, File > Backups..., automatic backups."""
