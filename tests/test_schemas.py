"""The committed JSON Schemas match the models: a model change cannot drift silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimline.schemas import REGENERATE, SCHEMAS, render

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "schemas"


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schema_is_up_to_date(name):
    committed = SCHEMA_DIR / name
    assert committed.is_file(), f"schemas/{name} is missing: run `{REGENERATE}` and commit it"
    assert committed.read_text(encoding="utf-8") == render(name), (
        f"schemas/{name} differs from the models: if the change is intended, bump the schema "
        f"version when it breaks readers, run `{REGENERATE}` and commit the result"
    )


def test_schemas_are_versioned():
    import json

    for name in SCHEMAS:
        schema = json.loads(render(name))
        assert schema["$id"].endswith("/1.0.json")
        assert schema["properties"]["schema_version"]["const"] == "1.0"
