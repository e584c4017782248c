"""The alias registry: which real-world entity a name refers to, with a stable id.

A name is resolved in three stages, each tried on every registry in turn (the packaged
one, then the names already seen in the document or corpus):

1. ``alias``: its key (:func:`~claimline.entities.normalise.name_key`) is a listed
   name or alias ("Putin", "le président Poutine", "Etats-Unis"); the registry's label
   wins over the model's.
2. ``surname``: a person named by surname, with a first name, an initial or a title added
   or dropped ("Trump", "V. Poutine", "M. Zelenskyy"), when only one known person has that
   surname and the given names do not contradict ("Hunter Biden" is not "Joe Biden").
3. ``fuzzy``: rapidfuzz ``ratio`` against the keys of the same label (``process.extractOne``;
   among a text's own names, its last ``fuzzy_window``), above ``fuzzy_threshold``; never for
   keys shorter than ``min_fuzzy_chars`` (UE is not UA), nor when one key is the other plus
   ``prefix_guard_chars`` letters or more (Pokrovsk is not Pokrovskoïe), their numbers differ
   (Zapad 2021 is not Zapad 2025) or one has more words ("Air Vladimir Poutine" is not
   Vladimir Poutine). A name with given names is a person of the registry only if they fit
   one of his known full names.

A name none of them matches is ``new``: its id is ``ent:`` + the slug of its key, so
the same name gets the same id in every document.

>>> reg = EntityRegistry.default()
>>> reg.resolve("M. Poutine", "PER").entity_id
'Q7747'
>>> reg.resolve("Sébastien Lecornu", "PER").entity_id
'ent:sebastien-lecornu'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from claimline.entities.fuzzy import FuzzyIndex, FuzzySettings, false_friends
from claimline.entities.normalise import name_key, slug
from claimline.entities.places import place_names
from claimline.entities.resources import EntityRecord, load_entities, load_rules

Method = Literal["alias", "surname", "fuzzy", "given_name", "new"]
STAGES: tuple[Method, ...] = ("alias", "surname", "fuzzy")
_UNKNOWN = object()  # not in a lookup cache yet


@dataclass(frozen=True)
class Resolution:
    """What a name resolved to, and how."""

    entity_id: str
    name: str
    label: str
    method: Method


class _Entry:
    """One entity: its names (``surfaces``) and those only resolved, never searched."""

    __slots__ = ("id", "label", "name", "quiet_keys", "resolution_only", "surfaces", "unsearched")

    def __init__(self, entity_id: str, name: str, label: str, *, resolution_only: bool = False) -> None:
        self.id, self.name, self.label = entity_id, name, label
        self.surfaces: list[str] = []
        self.unsearched: set[str] = set()  # resolution-only names (not in the gazetteer)
        self.resolution_only = resolution_only  # a place from a data package: never claims a person
        self.quiet_keys: set[str] = set()  # keys of its resolution-only names


def new_id(key: str) -> str:
    """The id of a name no registry knows: ``ent:`` + slug ("ent:sebastien-lecornu")."""
    return "ent:" + (slug(key) or "unnamed")


def record_id(record: EntityRecord) -> str:
    """The stable id of a registry record: its Wikidata QID, else ``ent:`` + slug."""
    return record.qid or new_id(record.name)


def _given_names_compatible(given: Sequence[str], known: Sequence[str]) -> bool:
    """Whether the given names of a mention fit a listed full name, in order.

    An initial matches a name it begins ("v" ~ "vladimir"); an unmatched initial is
    tolerated ("donald j trump"), an unmatched name is not ("hunter" vs "joe").
    """
    i = 0
    for token in given:
        j = i
        while j < len(known) and not (known[j] == token or (len(token) == 1 and known[j][0] == token)):
            j += 1
        if j < len(known):
            i = j + 1
        elif len(token) > 1:
            return False
    return True


class EntityRegistry:
    """Known entities, indexed by name key, surname and label; spaCy-free.

    Build it with :meth:`default` (the packaged ``entities.json``, plus ``aliases_path``
    if given), extend it with :meth:`add`; :meth:`resolve` a name; :meth:`merge` the
    entities of several documents into canonical ids.
    """

    def __init__(
        self,
        records: Iterable[EntityRecord] = (),
        *,
        prefixes: Iterable[str] = (),
        settings: FuzzySettings | None = None,
    ) -> None:
        self.prefixes = frozenset(prefixes)
        self.settings = settings or FuzzySettings()
        self._entries: dict[str, _Entry] = {}
        self._by_key: dict[str, list[str]] = {}
        self._surnames: dict[str, set[str]] = {}
        self._full_names: dict[tuple[str, str], list[list[str]]] = {}  # (id, surname) -> given names
        self._choices: dict[str, FuzzyIndex] = {}  # label -> keys (value: id) for the fuzzy stage
        self._surname_index: FuzzyIndex | None = None  # the surnames, for a misspelt one
        self._cache: dict[tuple[str, str, str], Resolution | None] = {}
        self._first_stage: dict[tuple[str, str], tuple[int, Resolution | None]] = {}  # (key, label) -> first stage matching here
        self._keys: dict[str, str] = {}
        self._window: int | None = None  # the fuzzy stages search the last names added only (a text's names)
        for record in records:
            self.add(record.name, record.label, aliases=record.aliases, entity_id=record_id(record))

    @classmethod
    def default(
        cls,
        *,
        aliases_path: str | None = None,
        rules_path: str | None = None,
        settings: FuzzySettings | None = None,
        places: bool = True,
    ) -> EntityRegistry:
        """The packaged registry, extended (and overridden) by the file at ``aliases_path``,
        plus the countries and French regions and departments of
        :mod:`~claimline.entities.places` (``places=False`` to leave them out)."""
        records = list(load_entities().entities)
        if aliases_path is not None:
            records += load_entities(str(aliases_path)).entities
        registry = cls(records, prefixes=load_rules(rules_path).prefixes, settings=settings)
        if places:
            registry.add_places(place_names())
        return registry

    def empty_like(self, *, text: bool = False) -> EntityRegistry:
        """An empty registry with the same settings; ``text=True``: one text's names (fuzzy: last ``fuzzy_window``)."""
        other = EntityRegistry(prefixes=self.prefixes, settings=self.settings)
        other._keys, other._window = self._keys, self.settings.fuzzy_window if text else None  # same prefixes: same keys
        return other

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def key(self, surface: str) -> str:
        """The comparison key of ``surface`` (titles and determiners dropped)."""
        found = self._keys.get(surface)
        if found is None:
            if len(self._keys) > 100_000:
                self._keys.clear()
            found = self._keys[surface] = name_key(surface, prefixes=self.prefixes)
        return found

    def name_of(self, entity_id: str) -> str | None:
        entry = self._entries.get(entity_id)
        return entry.name if entry else None

    def label_of(self, entity_id: str) -> str | None:
        entry = self._entries.get(entity_id)
        return entry.label if entry else None

    def names(self) -> list[tuple[str, str, str]]:
        """(surface, entity_id, label) for every name and alias still in force."""
        return [
            (surface, entry.id, entry.label)
            for entry in self._entries.values()
            for surface in entry.surfaces
            if entry.id in self._by_key.get(self.key(surface), ())
        ]

    def surfaces(self) -> list[tuple[str, str, str]]:
        """:meth:`names` looked for in a text (all but the resolution-only places)."""
        return [
            (surface, entity_id, label)
            for surface, entity_id, label in self.names()
            if surface not in self._entries[entity_id].unsearched
        ]

    def add(self, name: str, label: str, *, aliases: Iterable[str] = (), entity_id: str | None = None, searched: bool = True) -> str:
        """Add an entity (or more aliases to an existing id); return its id.

        A later alias overrides an earlier one with the same key: a user's file wins
        over the packaged registry. ``searched=False`` makes the names resolution-only:
        they resolve a name the model found but are not looked for in the text.
        """
        entity_id = entity_id or new_id(self.key(name))
        entry = self._entries.get(entity_id)
        if entry is None:
            entry = self._entries[entity_id] = _Entry(entity_id, name, label, resolution_only=not searched)
        if entry.label != label:
            raise ValueError(f"entity {entity_id!r} is {entry.label}, cannot add it as {label}")
        self._add_surfaces(entry, [name, *aliases], searched)
        return entity_id

    def _add_surfaces(self, entry: _Entry, surfaces: Iterable[str], searched: bool) -> None:
        for surface in surfaces:
            key = self.key(surface)
            if not key:
                continue
            entry.surfaces.append(surface)
            if not searched:
                entry.unsearched.add(surface)
                entry.quiet_keys.add(key)
            previous = self._by_key.get(key, [])
            self._by_key[key] = [entry.id] + [i for i in previous if self._entries[i].label != entry.label]
            self._index_key(key, entry, previous)
            if entry.label == "PER":
                *given, last = key.split()
                if last not in self._surnames:
                    self._surnames[last] = set()
                    if self._surname_index is not None:
                        self._surname_index.append(last)
                self._surnames[last].add(entry.id)
                if given:
                    self._full_names.setdefault((entry.id, last), []).append(given)
        self._cache.clear()
        self._first_stage.clear()

    def _index_key(self, key: str, entry: _Entry, previous: list[str]) -> None:
        """Keep the fuzzy stage's choices (keys whose first id has the label) up to date:
        a new key is appended; a key whose first id changes rebuilds them."""
        if previous and previous[0] != entry.id:
            self._choices.pop(entry.label, None)
            self._choices.pop(self._entries[previous[0]].label, None)
        elif not previous and entry.label in self._choices and self._fuzzy_length(key):
            self._choices[entry.label].append(key, entry.id)

    def _fuzzy_length(self, key: str) -> bool:
        return len(key.replace(" ", "")) >= self.settings.min_fuzzy_chars

    def add_places(self, places: Iterable[tuple[str, Sequence[str]]]) -> None:
        """Add places (name, other names) as resolution-only LOC names: a place already
        known under one of its names gets the others as aliases; a name already taken by
        another entity stays that entity's."""
        for name, others in places:
            surfaces = [name, *others]
            owner = next(
                (i for s in surfaces for i in self._by_key.get(self.key(s), ()) if self._entries[i].label == "LOC"),
                None,
            )
            fresh = [s for s in surfaces if self.key(s) and self.key(s) not in self._by_key]
            if not fresh:
                continue
            if owner is not None:
                self._add_surfaces(self._entries[owner], fresh, searched=False)
            elif fresh[0] == name:
                self.add(name, "LOC", aliases=fresh[1:], searched=False)

    # -- resolution ---------------------------------------------------------------------

    def resolve(self, surface: str, label: str, *, also: Sequence[EntityRegistry] = ()) -> Resolution:
        """Resolve ``surface`` (a mention of type ``label``) here, then in ``also``."""
        return resolve_in((self, *also), surface, label)

    def lookup(self, stage: Method, key: str, label: str) -> Resolution | None:
        """The match of ``key`` at one stage in this registry only (cached)."""
        cache_key = (stage, key, label)
        found = self._cache.get(cache_key, _UNKNOWN)
        if found is _UNKNOWN:
            found = self._cache[cache_key] = getattr(self, "_" + stage)(key, label) if key else None
        return found  # type: ignore[return-value]

    def first_stage(self, key: str, label: str) -> tuple[int, Resolution | None]:
        """(index in :data:`STAGES`, match) of the first stage matching here, or (3, None); cached."""
        cache_key = (key, label)
        found = self._first_stage.get(cache_key)
        if found is None:
            found = next(
                ((i, match) for i, stage in enumerate(STAGES) if (match := self.lookup(stage, key, label)) is not None),
                (len(STAGES), None),
            )
            self._first_stage[cache_key] = found
        return found

    def _found(self, entity_id: str, method: Method) -> Resolution:
        entry = self._entries[entity_id]
        return Resolution(entity_id, entry.name, entry.label, method)

    def _alias(self, key: str, label: str) -> Resolution | None:
        ids = self._by_key.get(key)
        if not ids:
            return None
        if label == "PER":  # "Maurice" the person is not Mauritius
            ids = [i for i in ids if not (self._entries[i].resolution_only or key in self._entries[i].quiet_keys)]
            if not ids:
                return None
        same = [i for i in ids if self._entries[i].label == label]
        return self._found((same or ids)[0], "alias")

    def _surname(self, key: str, label: str) -> Resolution | None:
        if label != "PER":
            return None
        *given, last = key.split()
        candidates = self._surnames.get(last)
        if not candidates and len(last) >= self.settings.min_fuzzy_chars and self._surnames:
            if self._surname_index is None:
                self._surname_index = FuzzyIndex(self.settings.fuzzy_threshold, self._window)
                for surname in self._surnames:
                    self._surname_index.append(surname)
            best = self._surname_index.best(last)
            if best and self._guarded(last, best[0]):
                last, candidates = best[0], self._surnames[best[0]]
        if not candidates:
            return None
        fitting = [
            i for i in sorted(candidates)
            if not given  # a name with given names needs a known full name they fit ("Air Xi" is not Xi)
            or any(_given_names_compatible(given, known) for known in self._full_names.get((i, last), ()))
        ]
        return self._found(fitting[0], "surname") if len(fitting) == 1 else None

    def _fuzzy(self, key: str, label: str) -> Resolution | None:
        if not self._fuzzy_length(key):
            return None
        if label not in self._choices:
            index = self._choices[label] = FuzzyIndex(self.settings.fuzzy_threshold, self._window)
            for k, ids in self._by_key.items():
                if self._fuzzy_length(k) and self._entries[ids[0]].label == label:
                    index.append(k, ids[0])
        index = self._choices[label]
        best = index.best(key)
        if best is None or not self._guarded(key, best[0]):
            return None
        if label == "PER" and key.split()[-1] == best[0].split()[-1]:
            return None  # same surname, other given names: the surname stage has said no
        return self._found(index.values[best[2]], "fuzzy")

    def _guarded(self, key: str, candidate: str) -> bool:
        return not false_friends(key, candidate, self.settings.prefix_guard_chars)

    # -- across documents ---------------------------------------------------------------

    def merge(self, entities: Iterable[Any]) -> dict[str, str]:
        """Map the entity ids of several documents to canonical ids.

        ``entities`` are :class:`claimline.Entity` objects (or mappings with ``id``,
        ``name``, ``label``, ``aliases``). Registry ids map to themselves; the others are
        resolved against the registry, then against the names merged so far, longest
        names first ("Lecornu" joins "Sébastien Lecornu"); an id no earlier name
        matches becomes canonical.

        >>> reg = EntityRegistry.default()
        >>> reg.merge([{"id": "ent:lecornu", "name": "Lecornu", "label": "PER"},
        ...            {"id": "ent:sebastien-lecornu", "name": "Sébastien Lecornu", "label": "PER"}])
        {'ent:sebastien-lecornu': 'ent:sebastien-lecornu', 'ent:lecornu': 'ent:sebastien-lecornu'}
        """
        items = {}
        for entity in entities:
            data = entity if isinstance(entity, Mapping) else entity.model_dump()
            items.setdefault(data["id"], data)
        seen = self.empty_like()
        mapping: dict[str, str] = {}
        ordered = sorted(items.values(), key=lambda d: (-len(self.key(d["name"]).split()), -len(d["name"]), d["id"]))
        for data in ordered:
            if data["id"] in self:
                mapping[data["id"]] = data["id"]
                continue
            found = None
            for surface in [data["name"], *data.get("aliases", [])]:
                result = self.resolve(surface, data["label"], also=(seen,))
                if result.method != "new":
                    found = result
                    break
            if found is None:
                seen.add(data["name"], data["label"], aliases=data.get("aliases", []), entity_id=data["id"])
                mapping[data["id"]] = data["id"]
            else:
                mapping[data["id"]] = found.entity_id
        return mapping


def resolve_in(registries: Sequence[EntityRegistry], surface: str, label: str) -> Resolution:
    """Resolve ``surface`` stage by stage across ``registries`` (first match wins)."""
    key = registries[0].key(surface)
    first, found = registries[0].first_stage(key, label)
    for i, stage in enumerate(STAGES):
        if i == first:
            return found  # type: ignore[return-value]
        for registry in registries[1:]:
            other = registry.lookup(stage, key, label)
            if other is not None:
                return other
    return Resolution(new_id(key), surface, label, "new")


__all__ = ["EntityRegistry", "FuzzySettings", "Resolution", "STAGES", "new_id", "record_id", "resolve_in"]
