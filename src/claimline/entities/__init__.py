"""Named entities: recognise names, resolve each to one canonical entity across documents.

The spaCy-free part of ``claimline_entities``:

- :mod:`~claimline.entities.normalise`: name keys and slugs;
- :mod:`~claimline.entities.registry`: :class:`EntityRegistry` (alias registry + rapidfuzz),
  :func:`resolve` a name, :meth:`EntityRegistry.merge` entities across documents;
- :mod:`~claimline.entities.gazetteer`: find the registry's names in a text;
- :mod:`~claimline.entities.recognise`: clean the model's names and combine them with
  the gazetteer's;
- :mod:`~claimline.entities.link`: give every mention of a text its entity.

>>> from claimline.entities import resolve
>>> resolve("le président Poutine", "PER").entity_id
'Q7747'
>>> resolve("Zelenskyy", "PER").name
'Volodymyr Zelensky'
"""

from __future__ import annotations

from functools import lru_cache

from claimline.entities.normalise import fold, name_key, slug
from claimline.entities.registry import EntityRegistry, FuzzySettings, Resolution, new_id


@lru_cache(maxsize=1)
def default_registry() -> EntityRegistry:
    """The packaged registry with default thresholds (built once)."""
    return EntityRegistry.default()


def resolve(name: str, label: str, *, registry: EntityRegistry | None = None) -> Resolution:
    """The entity ``name`` (of type PER, ORG, LOC or MISC) refers to."""
    return (registry or default_registry()).resolve(name, label)


__all__ = [
    "EntityRegistry",
    "FuzzySettings",
    "Resolution",
    "default_registry",
    "fold",
    "name_key",
    "new_id",
    "resolve",
    "slug",
]
