"""Tests for diagnostics."""
