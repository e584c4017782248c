"""Give every name of a text its entity: the mentions and entities of one document.

Names are resolved against the registry and against the names already seen in the
same text, longest names first, so that a short form joins the full name wherever it
is in the text ("Lecornu" -> "Sébastien Lecornu", "Trump" -> "Donald Trump"), a lone
first name joins the one person of the text who bears it ("son ami Vladimir"), and a
name that no registry knows gets an id from its own full form
("ent:sebastien-lecornu"), the same in every document.

>>> from claimline.entities import default_registry
>>> text = "Sébastien Lecornu répond. Lecornu insiste."
>>> mentions, entities = link_mentions(text, [Candidate(0, 17, "PER"), Candidate(26, 33, "PER")],
...                                    default_registry())
>>> [m["entity_id"] for m in mentions]
['ent:sebastien-lecornu', 'ent:sebastien-lecornu']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from claimline.entities.recognise import Candidate
from claimline.entities.registry import EntityRegistry, Resolution


def _by_given_name(
    key: str, label: str, known: Iterable[tuple[str, str]], registry: EntityRegistry, seen: EntityRegistry
) -> Resolution | None:
    """The one person of the text whose full name starts with ``key`` ("son ami Vladimir")."""
    if label != "PER" or " " in key:
        return None
    ids = set()
    for entity_id, entity_label in known:
        name = registry.name_of(entity_id) or seen.name_of(entity_id) or ""
        words = registry.key(name).split()
        if entity_label == "PER" and len(words) > 1 and words[0] == key:
            ids.add((entity_id, name))
    if len(ids) != 1:
        return None
    entity_id, name = ids.pop()
    return Resolution(entity_id, name, "PER", "given_name")


def link_mentions(
    text: str, candidates: Sequence[Candidate], registry: EntityRegistry
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """``(mentions, entities)`` as ``doc._.claimline_mentions`` / ``_entities`` dicts."""
    seen = registry.empty_like()
    resolved: dict[int, tuple[str, str]] = {}  # candidate index -> (entity id, label)
    order = sorted(
        range(len(candidates)),
        key=lambda i: (-len(registry.key(text[candidates[i].start : candidates[i].end]).split()), candidates[i].start),
    )
    for i in order:
        cand = candidates[i]
        if cand.entity_id is not None:
            resolved[i] = (cand.entity_id, registry.label_of(cand.entity_id) or cand.label)
            continue
        surface = text[cand.start : cand.end]
        found = registry.resolve(surface, cand.label, also=(seen,))
        if found.method == "new":
            found = _by_given_name(registry.key(surface), cand.label, resolved.values(), registry, seen) or found
        if found.method == "new":
            seen.add(surface, cand.label, entity_id=found.entity_id)
        resolved[i] = (found.entity_id, found.label)

    mentions: list[dict[str, Any]] = []
    entities: dict[str, dict[str, Any]] = {}
    for i, cand in enumerate(candidates):
        entity_id, label = resolved[i]
        surface = text[cand.start : cand.end]
        mentions.append(
            {"id": f"m{i + 1}", "span": {"start": cand.start, "end": cand.end}, "label": label, "entity_id": entity_id}
        )
        entity = entities.setdefault(
            entity_id,
            {
                "id": entity_id,
                "name": registry.name_of(entity_id) or seen.name_of(entity_id) or surface,
                "label": label,
                "aliases": [],
            },
        )
        if surface != entity["name"] and surface not in entity["aliases"]:
            entity["aliases"].append(surface)
    return mentions, list(entities.values())


__all__ = ["link_mentions"]
