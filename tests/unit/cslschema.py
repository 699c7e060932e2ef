"""CSL-JSON checked against the official schema (tests/data/csl/csl-data.json,
from citation-style-language/schema) with `jsonschema`, the reference
validator: a hand-written checker could silently skip a rule."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "data" / "csl" / "csl-data.json"


@cache
def _validator() -> jsonschema.Draft7Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def csl_errors(document: Any) -> list[str]:
    """Every way a CSL-JSON document breaks the official schema, as `path: message`."""
    return [
        f"{e.json_path}: {e.message}"
        for e in sorted(_validator().iter_errors(document), key=lambda e: e.json_path)
    ]
