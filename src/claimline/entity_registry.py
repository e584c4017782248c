"""Cross-article entity merging for the timeline (spaCy-free).

Two entities from different articles are the same when they have the same label and
the same id, share a name or alias once case and accents are ignored ("Etats-Unis" /
"États-Unis"), or have names at least ``threshold`` similar (rapidfuzz ratio).

>>> from claimline.models import Entity
>>> cluster_entities([Entity(id="a", name="États-Unis", label="LOC"),
...                   Entity(id="b", name="Etats-Unis", label="LOC"),
...                   Entity(id="c", name="Ukraine", label="LOC")])
[[0, 1], [2]]
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from rapidfuzz import fuzz

from claimline.models import Entity

DEFAULT_THRESHOLD = 92.0


def name_key(name: str) -> str:
    """``name`` folded for comparison: no accents, no case, one space, no punctuation."""
    decomposed = unicodedata.normalize("NFKD", name.replace("’", "'"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join("".join(c if c.isalnum() else " " for c in plain).split())


def _same(a: Entity, b: Entity, threshold: float) -> bool:
    if a.label != b.label:
        return False
    if a.id == b.id:
        return True
    keys_a = {name_key(n) for n in (a.name, *a.aliases)}
    keys_b = {name_key(n) for n in (b.name, *b.aliases)}
    if keys_a & keys_b:
        return True
    return fuzz.ratio(name_key(a.name), name_key(b.name)) >= threshold


def cluster_entities(entities: Sequence[Entity], *, threshold: float = DEFAULT_THRESHOLD) -> list[list[int]]:
    """Groups of indices of ``entities`` that name the same entity, in first-seen order."""
    parent = list(range(len(entities)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(entities)):
        for j in range(i):
            if find(i) != find(j) and _same(entities[i], entities[j], threshold):
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(entities)):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


__all__ = ["DEFAULT_THRESHOLD", "cluster_entities", "name_key"]
