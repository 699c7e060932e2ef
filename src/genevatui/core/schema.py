"""JSON Schema of the dataset file, generated from the models.

`python -m genevatui.core.schema > data/schema.json` writes it; a test checks
the committed file is current. Editors use it through the
`# yaml-language-server: $schema=./schema.json` line atop data/events.yaml.
"""

from __future__ import annotations

import json
from typing import Any

import msgspec

from .models import DatasetSpec


def dataset_schema() -> dict[str, Any]:
    schema = msgspec.json.schema(DatasetSpec)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "genevatui dataset"
    return schema


def render() -> str:
    return json.dumps(dataset_schema(), indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    print(render(), end="")
