"""Quantities: French numbers, units, the finder over text, and what is counted (from the parse)."""
