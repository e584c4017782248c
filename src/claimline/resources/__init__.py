"""One validating loader for claimline's language resources.

Resources live inside the package (``claimline/resources/<lang>/<name>``) so they are
found once installed from a wheel. Every JSON resource is an object with a ``format``
(what the file holds and how) and a ``source`` (where its content comes from) header,
and is validated with a pydantic model on load: a bad key is named in the error.

>>> from claimline.layout.sections import SectionRules
>>> rules = load_json("sections.json", SectionRules)
>>> type(rules).__name__
'SectionRules'
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources as _ir
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from claimline.errors import Errors, ResourceError

M = TypeVar("M", bound=BaseModel)

DEFAULT_LANG = "fr"


def resource_path(name: str, lang: str = DEFAULT_LANG) -> Path:
    """The path of a packaged resource file."""
    path = Path(str(_ir.files("claimline.resources").joinpath(lang, name)))
    if not path.is_file():
        raise ResourceError(
            Errors.E007.format(resource=f"{lang}/{name}", detail="no such packaged resource")
        )
    return path


@lru_cache(maxsize=64)
def _read_json(path: str) -> dict:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise ResourceError(Errors.E007.format(resource=path, detail=f"invalid JSON: {err}")) from err
    if not isinstance(data, dict) or "format" not in data or "source" not in data:
        raise ResourceError(
            Errors.E007.format(
                resource=path, detail="expected a JSON object with 'format' and 'source' headers"
            )
        )
    return data


def load_json(name: str, model: type[M], *, lang: str = DEFAULT_LANG, path: str | Path | None = None) -> M:
    """Load and validate a JSON resource with ``model``.

    ``path`` reads a user's file instead of the packaged one (same format).
    """
    file = Path(path) if path is not None else resource_path(name, lang)
    if not file.is_file():
        raise ResourceError(Errors.E007.format(resource=str(file), detail="no such file"))
    data = _read_json(str(file.resolve()))
    try:
        return model.model_validate(data)
    except ValidationError as err:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in err.errors()
        )
        raise ResourceError(Errors.E007.format(resource=str(file), detail=problems)) from err


__all__ = ["DEFAULT_LANG", "load_json", "resource_path"]
