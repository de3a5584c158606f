"""Tests for the Insights view."""
