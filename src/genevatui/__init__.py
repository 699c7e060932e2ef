"""genevatui: explore the January 2022 Russia–West security talks in a terminal.

Nothing heavy is imported here: `validate` and `export` must not load Textual.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .core.models import Dataset
    from .tui.app import GenevaApp

__version__ = "0.1.0"


def create_app(data: str | Dataset | None = None, **filters: Any) -> GenevaApp:
    """Build the app: the one factory for the CLI, the tests and the benchmarks.

    `data` is a dataset path or a loaded Dataset (default: the bundled one).
    `filters` are `speakers`, `venues`, `delegations`, `topics` (sequences of
    names), `text`, `date_from`, `date_to`, and `goto` (an event or quote id).
    Raises DatasetError, UnknownName or KeyError (unknown goto id).
    """
    from .core.bundled import bundled_dataset
    from .core.loader import load_dataset
    from .core.models import Dataset
    from .core.query import Filter, Index
    from .tui.app import GenevaApp

    dataset = data if isinstance(data, Dataset) else load_dataset(data or bundled_dataset())
    index = Index(dataset)
    goto = filters.pop("goto", None)
    import msgspec

    flt = msgspec.convert(filters, Filter)
    index.check(flt)
    return GenevaApp(index, flt, index.target(goto) if goto else None)
