"""Tests for ui.start."""
