"""The two data files of the entity component and their pydantic models.

- ``entities.json``: the alias registry (canonical name, label, aliases, Wikidata QID);
- ``entity_rules.json``: what the recogniser strips from or refuses as a name
  (determiners, titles, words that are not names, demonyms, portfolios after a
  minister's title) and the generic nouns that begin a name ("ministère", "boulevard").

Both are validated on load; a bad key or value is named in the error
(:class:`claimline.errors.ResourceError`).
"""

from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field, model_validator

from claimline.entities.normalise import fold, name_key
from claimline.models import EntityLabel
from claimline.resources import load_json


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class EntityRecord(_Strict):
    """One known entity: "Vladimir Poutine", PER, aliases ["Poutine", "Putin"], Q7747."""

    name: str = Field(min_length=1)
    label: EntityLabel
    aliases: list[str] = Field(default_factory=list)
    qid: str | None = Field(default=None, pattern=r"^Q[1-9][0-9]*$")
    note: str | None = None

    @property
    def surfaces(self) -> list[str]:
        """The name and every alias."""
        return [self.name, *self.aliases]


class EntitiesFile(_Strict):
    """``entities.json``: a list of :class:`EntityRecord`."""

    format: str
    source: str
    entities: list[EntityRecord]


class Demonyms(_Strict):
    """Demonyms given in the masculine singular; ``endings`` derive the other forms."""

    forms: list[str]
    endings: dict[str, list[str]] = Field(
        description="Final letters of a masculine singular -> suffixes that inflect it, e.g. 'ien': ['ienne', 'iens', 'iennes']."
    )
    example: str

    def inflected(self) -> frozenset[str]:
        """Every folded form: "européen" -> européen, européenne, européens, européennes."""
        out: set[str] = set()
        for form in self.forms:
            base = fold(form)
            out.add(base)
            for ending, suffixes in sorted(self.endings.items(), key=lambda kv: -len(kv[0])):
                if base.endswith(fold(ending)):
                    stem = base[: len(base) - len(fold(ending))]
                    out.update(stem + fold(s) for s in suffixes)
                    break
        return frozenset(out)


class RecognitionRules(_Strict):
    """``entity_rules.json``."""

    format: str
    source: str
    determiners: list[str] = Field(description="Words stripped from the start of a name: 'la', 'l'', 'Un'.")
    titles: list[str] = Field(description="Titles stripped from the start of a name: 'M.', 'Mme', 'président'.")
    not_names: list[str] = Field(description="Words that are never a name on their own: 'Lire', 'Blog', 'Etat'.")
    portfolio_titles: list[str] = Field(
        default_factory=list,
        description="Titles whose complement names a portfolio, not an entity: 'ministre des Transports' -> no 'Transports'.",
    )
    name_heads: dict[EntityLabel, list[str]] = Field(
        default_factory=dict,
        description="Lower-case generic nouns that belong to the name after them: 'ministère de la Santé' (ORG), 'boulevard Voltaire' (LOC).",
    )
    first_words: dict[EntityLabel, list[str]] = Field(
        default_factory=dict,
        description="Capitalised nouns that, first in a name of several words, give its type: 'CHU de Nantes', 'Bourse de Londres' (ORG), whatever the place in it.",
    )
    label_cues: dict[EntityLabel, list[str]] = Field(
        default_factory=dict,
        description="Lower-case nouns right before a name that give its type: 'la famille Dupont' (PER), 'le syndicat Unsa' (ORG).",
    )
    demonym_suffixes: list[str] = Field(
        default_factory=list,
        description="Endings that make an inhabitant's name from a place's ('Kenya' -> 'Kényane'); such a word after an article is no name.",
    )
    demonyms: Demonyms
    examples: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _non_empty(self) -> RecognitionRules:
        for field in ("determiners", "titles", "not_names", "portfolio_titles", "demonym_suffixes"):
            if any(not w.strip() for w in getattr(self, field)):
                raise ValueError(f"{field}: empty word")
        return self

    @property
    def prefixes(self) -> frozenset[str]:
        """Folded determiners and titles, as :func:`name_key` drops them."""
        words = [*self.determiners, *self.titles]
        return frozenset(name_key(w) for w in words if name_key(w)) | frozenset(
            part for w in words for part in name_key(w).split()
        )


@lru_cache(maxsize=8)
def load_entities(path: str | None = None) -> EntitiesFile:
    """The packaged registry, or the user's file at ``path`` (same format)."""
    return load_json("entities.json", EntitiesFile, path=path)


@lru_cache(maxsize=8)
def load_rules(path: str | None = None) -> RecognitionRules:
    """The packaged recognition rules, or the user's file at ``path``."""
    return load_json("entity_rules.json", RecognitionRules, path=path)


__all__ = ["Demonyms", "EntitiesFile", "EntityRecord", "RecognitionRules", "load_entities", "load_rules"]
