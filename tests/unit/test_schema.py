"""The committed data/schema.json is current, and data/events.yaml points editors at it."""

from __future__ import annotations

import json

from helpers import BUNDLED, REPO

from genevatui.core.schema import render

SCHEMA = REPO / "data" / "schema.json"


def test_schema_json_is_current() -> None:
    assert SCHEMA.read_text(encoding="utf-8") == render(), (
        "data/schema.json is stale: run `make schema`"
    )


def test_schema_describes_the_dataset_sections() -> None:
    schema = json.loads(render())
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    text = json.dumps(schema)
    for section in ("topics", "delegations", "sources", "people", "venues", "events", "quotes"):
        assert f'"{section}"' in text


def test_events_yaml_starts_with_the_schema_comment() -> None:
    first = BUNDLED.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=./schema.json"
