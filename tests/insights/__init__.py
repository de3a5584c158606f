"""Tests for Insights."""
