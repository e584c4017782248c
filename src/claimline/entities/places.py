"""Places from a maintained data package: the countries of the world and the regions and
departments of France, in French, from ``pycountry`` (ISO 3166 with its translations).

Only what the package covers well is taken: the French name of every country (short,
common and official forms, e.g. "Allemagne", "République fédérale d'Allemagne"), read
through pycountry's own gettext catalogue (offline), and the French names ISO 3166-2
gives the French regions and departments ("Occitanie", "Finistère", "Côtes-d'Armor").
Names with a comma ("Corée, République de") are inverted catalogue forms and are left
out. Without pycountry, or without its French catalogue, there are no such places (the
hand-written registry still works).

These places are *resolution-only* in :class:`~claimline.entities.registry.EntityRegistry`:
they give a name found by the model its label, its aliases and a stable id, but they are
not searched in the text (many are also common words or first names: "Maurice",
"Dominique", "Manche", "Cher") and never claim a name the model calls a person.

>>> names = dict(place_names())
>>> names["Allemagne"][:1]  # doctest: +SKIP
["République fédérale d'Allemagne"]
"""

from __future__ import annotations

import gettext
from functools import lru_cache

_SUBDIVISION_TYPES = ("region", "department", "collectivity", "territory")


def _clean(names: list[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        name = name.strip()
        if name and "," not in name and "(" not in name and name not in out:
            out.append(name)
    return out


@lru_cache(maxsize=1)
def place_names() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(French name, other French names) of every country and French subdivision."""
    try:
        import pycountry
    except ImportError:  # pragma: no cover - pycountry is a declared dependency
        return ()
    out: list[tuple[str, tuple[str, ...]]] = []
    try:
        french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    except OSError:  # pragma: no cover - no French catalogue
        french = None
    if french is not None:
        for country in pycountry.countries:
            forms = [getattr(country, attr, None) for attr in ("common_name", "name", "official_name")]
            names = _clean([french.gettext(f) for f in forms if f])
            if names:
                out.append((names[0], tuple(names[1:])))
    for sub in pycountry.subdivisions.get(country_code="FR") or ():
        if any(kind in sub.type.lower() for kind in _SUBDIVISION_TYPES):
            names = _clean([sub.name])
            if names:
                out.append((names[0], ()))
    return tuple(out)


__all__ = ["place_names"]
