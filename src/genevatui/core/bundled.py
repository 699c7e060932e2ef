"""Where the bundled dataset lives, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path


def bundled_dataset() -> Path:
    """The path of the bundled `data/events.yaml`.

    A wheel carries it as `genevatui/_bundled/data/events.yaml` (with
    `_bundled/seeds/` beside it); a source checkout or editable install has
    it at the top of the project, three folders above this file.
    """
    here = Path(__file__).resolve().parent.parent
    packaged = here / "_bundled" / "data" / "events.yaml"
    if packaged.is_file():
        return packaged
    return here.parent.parent / "data" / "events.yaml"
