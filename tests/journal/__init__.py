"""Tests for journal."""
