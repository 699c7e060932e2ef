"""genevatui: explore the January 2022 Russia–West security talks in a terminal.

Nothing heavy is imported here: `validate` and `export` must not load Textual.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .core.filters import Filter
    from .core.models import Dataset
    from .core.session import SessionMode
    from .tui.app import GenevaApp

__version__ = "0.1.0"


QUICK_BYTES = 2 * 1024 * 1024
"""A dataset file smaller than this (or already in the parse cache) is
loaded before the app starts, so its errors appear before any screen."""


def create_app(
    data: str | Path | Dataset | None = None,
    flt: Filter | None = None,
    goto: str | None = None,
    session: SessionMode = "off",
) -> GenevaApp:
    """Build the app: the one factory for the CLI, the tests and the benchmarks.

    `data` is a dataset path or a loaded Dataset (default: the bundled one);
    `flt` the filter it opens with (default: none); `goto` an event or quote
    id to open on. `session` (issue 11 §3, see core.session.SessionMode):
    "restore" comes back to the dataset's saved session (the CLI's default),
    "fresh" starts clean (`--fresh`), "off" neither reads nor writes it (tests,
    benchmarks). A small or cached dataset is loaded now: DatasetError or
    UnknownName is raised here. A large one loads in the app, behind a progress screen; its
    errors end the app with `app.problems` and a non-zero return code.
    """
    from .core import cache
    from .core.bundled import bundled_dataset
    from .core.filters import Filter
    from .core.marks import MarkStore
    from .core.models import Dataset
    from .core.query import Index
    from .core.session import SESSION_MODES
    from .tui.app import GenevaApp, UserFiles

    if flt is None:
        flt = Filter()
    elif not isinstance(flt, Filter):  # a dict of flags would be ignored: refuse it
        raise TypeError(f"create_app: flt must be a Filter, not {type(flt).__name__}")
    if session not in SESSION_MODES:
        raise ValueError(f"create_app: session must be one of {SESSION_MODES}, not {session!r}")
    # A dataset given as an object or on standard input has no file to key
    # the user's marks and session by: they are kept in memory only.
    user = UserFiles(MarkStore(None), None, "off")
    if isinstance(data, Dataset):
        index = Index(data)
    else:
        from .core.files import is_stdin

        path = Path(data or bundled_dataset())
        stdin = bool(data) and is_stdin(str(data))
        if not stdin:
            user = UserFiles(MarkStore.for_dataset(path), path, session)
        entry = None if stdin else cache.read(path)
        if stdin:
            from .core.loader import load_index

            # Read once and never cached: hashing a pipe for the cache used
            # to consume it, leaving "the file is empty" to parse.
            index = load_index(str(data), use_cache=False)
        elif entry is not None:
            index = Index(entry.dataset, entry.pre)
        elif _size(path) >= QUICK_BYTES:

            def loader(progress: Callable[[str, float], None]) -> Index:
                from .core.loader import load_index

                return load_index(path, progress=progress, read_cache=False)

            return GenevaApp(None, flt, goto, loader=loader, label=str(path), user=user)
        else:
            from .core.loader import load_index  # PyYAML is needed only here

            index = load_index(path, read_cache=False)  # just missed: not looked up twice
    index.check(flt)
    if goto:
        index.target(goto)
    return GenevaApp(index, flt, goto, user=user)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size if path.is_file() else 0
    except OSError:
        return 0  # load_index will say what is wrong with it
