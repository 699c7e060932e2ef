"""A small JSON Schema (draft-07) checker for the keywords the official
CSL-JSON schema uses (tests/data/csl/csl-data.json): type, enum, properties,
required, additionalProperties, items, minItems, maxItems, anyOf, pattern and
local $ref. Any other keyword in the schema is refused, so the checker
cannot silently ignore a rule. `jsonschema` is used as well when installed."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "data" / "csl" / "csl-data.json"
_ANNOTATIONS = {"$schema", "$id", "title", "description", "examples", "definitions"}
_TYPES: dict[str, Any] = {
    "string": str,
    "object": dict,
    "array": list,
    "boolean": bool,
}


def _is(value: Any, kind: str) -> bool:
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, _TYPES[kind])


def errors(value: Any, schema: dict[str, Any], root: dict[str, Any], at: str = "$") -> list[str]:
    """Every way `value` breaks `schema`, as `path: message`."""
    found: list[str] = []
    for key, rule in schema.items():
        if key in _ANNOTATIONS:
            continue
        if key == "$ref":
            assert rule.startswith("#/definitions/"), rule
            found += errors(value, root["definitions"][rule.split("/")[-1]], root, at)
        elif key == "type":
            kinds = rule if isinstance(rule, list) else [rule]
            if not any(_is(value, k) for k in kinds):
                found.append(f"{at}: {value!r} is not {kinds}")
        elif key == "enum":
            if value not in rule:
                found.append(f"{at}: {value!r} not in enum")
        elif key == "pattern":
            if isinstance(value, str) and not re.search(rule, value):
                found.append(f"{at}: {value!r} does not match {rule}")
        elif key == "properties":
            if isinstance(value, dict):
                for name, sub in rule.items():
                    if name in value:
                        found += errors(value[name], sub, root, f"{at}.{name}")
        elif key == "required":
            if isinstance(value, dict):
                found += [f"{at}: {name!r} is required" for name in rule if name not in value]
        elif key == "additionalProperties":
            assert rule is False, rule
            if isinstance(value, dict):
                extra = set(value) - set(schema.get("properties", {}))
                found += [f"{at}: {name!r} is not allowed" for name in sorted(extra)]
        elif key == "items":
            if isinstance(value, list):
                for n, item in enumerate(value):
                    found += errors(item, rule, root, f"{at}[{n}]")
        elif key in ("minItems", "maxItems"):
            if isinstance(value, list) and (
                len(value) < rule if key == "minItems" else len(value) > rule
            ):
                found.append(f"{at}: {len(value)} items breaks {key} {rule}")
        elif key == "anyOf":
            if all(errors(value, sub, root, at) for sub in rule):
                found.append(f"{at}: matches none of anyOf")
        else:
            raise AssertionError(f"keyword {key!r} not supported by this checker")
    return found


def csl_errors(document: Any) -> list[str]:
    """Every way a CSL-JSON document breaks the official schema."""
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    found = errors(document, schema, schema)
    try:
        import jsonschema
    except ImportError:  # not in the dev extra yet: the checker above stands alone
        return found
    validator = jsonschema.Draft7Validator(schema)
    found += [f"jsonschema: {e.message}" for e in validator.iter_errors(document)]
    return found
