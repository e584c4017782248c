"""The committed JSON Schemas of claimline's outputs (``schemas/*.schema.json``).

Regenerate them after changing a model (a test fails until you do)::

    PYTHONPATH=src python -m claimline.schemas schemas/
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from claimline.models import article_json_schema
from claimline.timeline import timeline_json_schema

SCHEMAS: dict[str, Callable[[], dict]] = {
    "article.schema.json": article_json_schema,
    "timeline.schema.json": timeline_json_schema,
}
REGENERATE = "PYTHONPATH=src python -m claimline.schemas schemas/"


def render(name: str) -> str:
    """The text of schema file ``name`` as it should be committed."""
    return json.dumps(SCHEMAS[name](), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write(folder: str | Path) -> list[Path]:
    """Write every schema into ``folder``; return the paths written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in SCHEMAS:
        path = folder / name
        path.write_text(render(name), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    for path in write(args[0] if args else "schemas"):
        print(path)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


__all__ = ["REGENERATE", "SCHEMAS", "render", "write"]
