"""The pure-Python core of genevatui: models, loading, anchoring, query, export.

Never imports Textual (a test enforces it), so `validate` and `export` stay
quick and the core is usable from scripts.
"""

from __future__ import annotations

from .loader import load_dataset
from .models import Dataset
from .problems import DatasetError, Problem
from .query import Filter, Index, Result, UnknownName

__all__ = [
    "Dataset",
    "DatasetError",
    "Filter",
    "Index",
    "Problem",
    "Result",
    "UnknownName",
    "load_dataset",
]
