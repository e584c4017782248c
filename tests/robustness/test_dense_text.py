"""The dense texts of ``benchmarks/scaling.py`` are article BODY (else the layers would skip them).

Issue 19, item 3: the old benchmark repeated the seeds, 182 of 193 KB of which were classified
as boilerplate, so claims and events never grew. Spacy-free: only the sectioner runs.
"""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from dense_text import PATTERNS, body_share, dense_article


@pytest.mark.parametrize("pattern", sorted(PATTERNS))
def test_dense_pattern_is_body(pattern):
    text = dense_article(pattern, 20_000)
    assert 20_000 <= len(text) < 21_000
    assert body_share(text) > 0.99


@pytest.mark.parametrize("pattern", sorted(PATTERNS))
def test_dense_pattern_varies(pattern):
    """Not one line repeated: a realistic text has varied dates, names and figures."""
    lines = dense_article(pattern, 20_000).splitlines()[2:-1]
    lines = [line for line in lines if line]
    assert len(set(lines)) > len(lines) // 2
