"""Hand-made gold documents and predicted Articles for the evaluator tests.

Not the real gold (data/gold belongs to the gold annotators): small French texts whose
expected scores can be worked out by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

from claimline.evaluate.gold import GoldDocument
from claimline.models import Article, Entity, Event, Mention, Quantity, Section, Span, Timex

TEXT = (
    "Trump à Londres\n"
    "\n"
    "Le 18 septembre 2025, Donald Trump a rencontré Keir Starmer à Londres. "
    "Plus de 500 drones ont frappé l'Ukraine, soit 6 000 km2 de territoire. "
    "Trump a salué Starmer.\n"
    "\n"
    "Lire aussi : Poutine et Trump\n"
)
DOC_ID = "doc_a"
BODY = TEXT.index("Le 18")
ASIDE = TEXT.index("Lire aussi")
SECTIONS = [("title", 0, BODY), ("body", BODY, ASIDE), ("aside", ASIDE, len(TEXT))]


def at(fragment: str, nth: int = 0, text: str = TEXT) -> tuple[int, int]:
    """(start, end) of the ``nth`` occurrence of ``fragment`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(fragment, start + 1)
    return start, start + len(fragment)


def item(fragment: str, nth: int = 0, text: str = TEXT, **fields) -> dict:
    start, end = at(fragment, nth, text)
    return {"start": start, "end": end, "text": fragment, **fields}


def span(start: int, end: int, text: str = TEXT) -> Span:
    return Span(start=start, end=end, text=text[start:end])


def gold_data(text: str = TEXT, doc_id: str = DOC_ID, sections=SECTIONS, **layers) -> dict:
    """The JSON object of a gold file."""
    return {
        "doc_id": doc_id,
        "published": "2025-09-21",
        "sections": [{"kind": k, "start": s, "end": e} for k, s, e in sections],
        "timexes": layers.get("timexes", []),
        "quantities": layers.get("quantities", []),
        "mentions": layers.get("mentions", []),
        "events": layers.get("events", []),
        "notes": [],
    }


def gold(text: str = TEXT, doc_id: str = DOC_ID, sections=SECTIONS, **layers) -> GoldDocument:
    return GoldDocument.with_text(gold_data(text, doc_id, sections, **layers), text)


# The gold of TEXT.
GOLD_TIMEXES = [item("Le 18 septembre 2025", type="DATE", value="2025-09-18", mod=None)]
GOLD_QUANTITIES = [
    item("Plus de 500 drones", value=500, low=None, high=None, unit=None, qualifier="more_than", counted="drone"),
    item("6 000 km2", value=6000, low=None, high=None, unit="km2", qualifier=None, counted="territoire"),
]
GOLD_MENTIONS = [
    item("Trump", 0, label="PER", entity="Donald Trump"),  # title
    item("Londres", 0, label="LOC", entity="Londres"),
    item("Donald Trump", label="PER", entity="Donald Trump"),
    item("Keir Starmer", label="PER", entity="Keir Starmer"),
    item("Londres", 1, label="LOC", entity="Londres"),
    item("Ukraine", label="LOC", entity="Ukraine"),
    item("Trump", 2, label="PER", entity="Donald Trump"),
    item("Starmer", 1, label="PER", entity="Keir Starmer"),
]
GOLD_EVENTS = [
    item("rencontré", value="2025-09-18", timex="Le 18 septembre 2025"),
    item("frappé", value=None, timex=None),
]


def full_gold() -> GoldDocument:
    return gold(timexes=GOLD_TIMEXES, quantities=GOLD_QUANTITIES, mentions=GOLD_MENTIONS, events=GOLD_EVENTS)


def timex(fragment: str, nth: int = 0, *, type="DATE", value="2025-09-18", shift=(0, 0), **kw) -> Timex:
    s, e = at(fragment, nth)
    return Timex(id=f"t{s}", span=span(s + shift[0], e + shift[1]), type=type, value=value, **kw)


def quantity(fragment: str, nth: int = 0, **kw) -> Quantity:
    s, e = at(fragment, nth)
    return Quantity(id=f"q{s}", span=span(s, e), **kw)


def mention(fragment: str, nth: int = 0, *, label="PER", entity_id: str) -> Mention:
    s, e = at(fragment, nth)
    return Mention(id=f"m{s}", span=span(s, e), label=label, entity_id=entity_id)


def event(fragment: str, nth: int = 0, *, earliest=None, latest=None) -> Event:
    s, e = at(fragment, nth)
    return Event(id=f"e{s}", trigger=span(s, e), lemma=fragment, earliest=earliest, latest=latest, section="body")


def article(text: str = TEXT, doc_id: str = DOC_ID, sections=SECTIONS, **layers) -> Article:
    mentions = layers.get("mentions", [])
    entities = [Entity(id=i, name=i, label="PER") for i in sorted({m.entity_id for m in mentions})]
    return Article(
        doc_id=doc_id,
        text=text,
        sections=[Section(kind=k, start=s, end=e) for k, s, e in sections],
        entities=entities,
        **layers,
    )


def perfect_article() -> Article:
    """The prediction that agrees with :func:`full_gold` everywhere."""
    ids = {"Donald Trump": "E1", "Londres": "E2", "Keir Starmer": "E3", "Ukraine": "E4"}
    return article(
        timexes=[timex("Le 18 septembre 2025")],
        quantities=[
            quantity("Plus de 500 drones", value=500, qualifier="more_than", counted="drone"),
            quantity("6 000 km2", value=6000, unit="km2", counted="territoire"),
        ],
        mentions=[
            Mention(
                id=f"m{m['start']}", span=span(m["start"], m["end"]), label=m["label"], entity_id=ids[m["entity"]]
            )
            for m in GOLD_MENTIONS
        ],
        events=[
            event("rencontré", earliest="2025-09-18", latest="2025-09-18"),
            event("frappé"),
        ],
    )


def write_gold_folder(root: Path, docs: dict[str, tuple[str, dict]]) -> Path:
    """``root/raw/<id>.txt`` and ``root/gold/<id>.json`` for ``{id: (text, gold_data)}``."""
    (root / "raw").mkdir(parents=True, exist_ok=True)
    (root / "gold").mkdir(parents=True, exist_ok=True)
    for doc_id, (text, data) in docs.items():
        (root / "raw" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        (root / "gold" / f"{doc_id}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return root / "gold"
