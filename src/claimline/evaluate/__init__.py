"""Scoring claimline's output against gold annotations (spaCy-free)."""
