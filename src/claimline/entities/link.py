"""Give every name of a text its entity: the mentions and entities of one document.

Names are resolved against the registry and against the names already seen in the
same text, longest names first, so that a short form joins the full name wherever it
is in the text ("Lecornu" -> "Sébastien Lecornu", "Trump" -> "Donald Trump"), a lone
first name joins the one person of the text who bears it ("son ami Vladimir"), and a
name that no registry knows gets an id from its own full form
("ent:sebastien-lecornu"), the same in every document.

An acronym and its expansion in the same text (:mod:`~claimline.entities.acronyms`) are
one entity: the registry's if it knows either form, else the acronym's id
("ent:bit", named "Bureau international du travail"), because the acronym is the form a
text most often uses alone. All the mentions of an entity get one label: the
registry's, else the one a cue word gives ("la famille Dupont", "le syndicat X"), else
the label the model gave its longest mention ("Tigst Assefa", PER, over "Assefa", ORG).

>>> from claimline.entities import default_registry
>>> text = "Sébastien Lecornu répond. Lecornu insiste."
>>> mentions, entities = link_mentions(text, [Candidate(0, 17, "PER"), Candidate(26, 33, "PER")],
...                                    default_registry())
>>> [m["entity_id"] for m in mentions]
['ent:sebastien-lecornu', 'ent:sebastien-lecornu']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from typing import Any

from claimline.entities.acronyms import acronym_groups
from claimline.entities.recognise import Candidate
from claimline.entities.registry import EntityRegistry, Resolution, new_id


class _GivenNames:
    """The persons resolved so far in a text, by the first word of their full name."""

    def __init__(self, registry: EntityRegistry, seen: EntityRegistry) -> None:
        self.registry, self.seen = registry, seen
        self._done: set[str] = set()
        self._by_first: dict[str, set[tuple[str, str]]] = {}

    def note(self, entity_id: str, label: str) -> None:
        """Record that a mention labelled ``label`` resolved to ``entity_id``."""
        if label != "PER" or entity_id in self._done:
            return
        self._done.add(entity_id)
        name = self.registry.name_of(entity_id) or self.seen.name_of(entity_id) or ""
        words = self.registry.key(name).split()
        if len(words) > 1:
            self._by_first.setdefault(words[0], set()).add((entity_id, name))

    def resolve(self, key: str, label: str) -> Resolution | None:
        """The one person of the text whose full name starts with ``key`` ("son ami Vladimir")."""
        if label != "PER" or " " in key:
            return None
        ids = self._by_first.get(key, ())
        if len(ids) != 1:
            return None
        entity_id, name = next(iter(ids))
        return Resolution(entity_id, name, "PER", "given_name")


def _known(registry: EntityRegistry, surface: str, label: str, entity_id: str | None) -> Resolution | None:
    if entity_id is not None:
        return Resolution(entity_id, registry.name_of(entity_id) or surface, registry.label_of(entity_id) or label, "alias")
    found = registry.resolve(surface, label)
    return found if found.method in ("alias", "surname") else None


def _register_acronyms(
    text: str, candidates: Sequence[Candidate], registry: EntityRegistry, seen: EntityRegistry, demonyms: Collection[str]
) -> None:
    """Make every acronym of the text an alias of its expansion in ``seen``."""
    for short_i, long_i in acronym_groups(text, candidates, demonyms):
        short, long = candidates[short_i], candidates[long_i]
        short_text, long_text = text[short.start : short.end], text[long.start : long.end]
        found = _known(registry, long_text, long.label, long.entity_id) or _known(
            registry, short_text, long.label, short.entity_id
        )
        if found is not None:
            seen.add(registry.name_of(found.entity_id) or found.name, found.label, aliases=[long_text, short_text], entity_id=found.entity_id)
            continue
        entity_id = new_id(registry.key(short_text))
        if entity_id in seen and seen.label_of(entity_id) != long.label:
            continue
        seen.add(long_text, long.label, aliases=[short_text], entity_id=entity_id)


def _labels(resolved: dict[int, tuple[str, str]], candidates: Sequence[Candidate], text: str, registry: EntityRegistry) -> dict[str, str]:
    """One label per entity: the registry's, else the one the context gives ("la famille
    Dupont"), else that of its longest mention, else the most frequent."""
    seen: dict[str, list[tuple[bool, int, str]]] = {}
    out = {}
    for i, (entity_id, label) in resolved.items():
        known = out.get(entity_id) or registry.label_of(entity_id)
        if known is not None:
            out[entity_id] = known
            continue
        cand = candidates[i]
        seen.setdefault(entity_id, []).append((cand.cued, len(text[cand.start : cand.end].split()), label))
    for entity_id, found in seen.items():
        if all(lab == found[0][2] for _, _, lab in found):
            out[entity_id] = found[0][2]  # one label: nothing to choose
            continue
        cued = [label for is_cued, _, label in found if is_cued]
        counts = Counter(label for _, _, label in found)
        longest = max(words for _, words, _ in found)
        out[entity_id] = max(
            counts,
            key=lambda label: (cued.count(label), any(w == longest and lab == label for _, w, lab in found), counts[label], label),
        )
    return out


def link_mentions(
    text: str, candidates: Sequence[Candidate], registry: EntityRegistry, *, demonyms: Collection[str] = ()
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """``(mentions, entities)`` as ``doc._.claimline_mentions`` / ``_entities`` dicts.

    ``candidates`` are sorted by offset; ``demonyms`` (folded) let an acronym leave out a
    closing nationality adjective of its expansion.
    """
    seen = registry.empty_like(text=True)
    _register_acronyms(text, candidates, registry, seen, demonyms)
    resolved: dict[int, tuple[str, str]] = {}  # candidate index -> (entity id, label)
    given_names = _GivenNames(registry, seen)
    order = sorted(
        range(len(candidates)),
        key=lambda i: (-len(registry.key(text[candidates[i].start : candidates[i].end]).split()), candidates[i].start),
    )
    for i in order:
        cand = candidates[i]
        if cand.entity_id is not None:
            resolved[i] = (cand.entity_id, registry.label_of(cand.entity_id) or cand.label)
            given_names.note(*resolved[i])
            continue
        surface = text[cand.start : cand.end]
        found = registry.resolve(surface, cand.label, also=(seen,))
        if found.method == "new":
            found = given_names.resolve(registry.key(surface), cand.label) or found
        if found.method == "new":
            seen.add(surface, cand.label, entity_id=found.entity_id)
        resolved[i] = (found.entity_id, found.label)
        given_names.note(*resolved[i])

    labels = _labels(resolved, candidates, text, registry)
    mentions: list[dict[str, Any]] = []
    entities: dict[str, dict[str, Any]] = {}
    for i, cand in enumerate(candidates):
        entity_id = resolved[i][0]
        label = labels[entity_id]
        surface = text[cand.start : cand.end]
        mentions.append(
            {"id": f"m{i + 1}", "span": {"start": cand.start, "end": cand.end}, "label": label, "entity_id": entity_id}
        )
        entity = entities.get(entity_id)
        if entity is None:  # built once per entity, not once per mention
            name = registry.name_of(entity_id) or seen.name_of(entity_id) or surface
            entity = entities[entity_id] = {"id": entity_id, "name": name, "label": label, "aliases": []}
        if surface != entity["name"] and surface not in entity["aliases"]:
            entity["aliases"].append(surface)
    return mentions, list(entities.values())


__all__ = ["link_mentions"]
