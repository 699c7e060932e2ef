"""The pure-Python core of genevatui: models, loading, anchoring, query, export.

Never imports Textual (a test enforces it), so `validate` and `export` stay
quick and the core is usable from scripts. Names are imported on first use,
so importing one module (say `query` on a cached start) does not pull in
PyYAML and the loader.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .filters import Filter, FilterKind
    from .loader import load_dataset, load_index
    from .models import Dataset
    from .names import UnknownName
    from .problems import DatasetError, Problem
    from .query import Index, Result

_WHERE = {
    "load_dataset": "loader",
    "load_index": "loader",
    "Dataset": "models",
    "DatasetError": "problems",
    "Problem": "problems",
    "Filter": "filters",
    "FilterKind": "filters",
    "Index": "query",
    "Result": "query",
    "UnknownName": "names",
}

__all__ = [
    "Dataset",
    "DatasetError",
    "Filter",
    "FilterKind",
    "Index",
    "Problem",
    "Result",
    "UnknownName",
    "load_dataset",
    "load_index",
]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f".{_WHERE[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
