"""Where a dataset's article files are: one rule, shared by the loader and the cache.

The parse cache must know how every `sources[].file` resolves *now* (a
repointed symlink or a new file that shadows the old one changes which
article is read), so it calls the very function the loader uses. This
module imports nothing heavy: a cached start never loads PyYAML.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


class SourcePathError(ValueError):
    """Why a `sources[].file` cannot be used, as the loader reports it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def dataset_roots(yaml_path: Path) -> list[Path]:
    """The folders `sources[].file` may be relative to, in the order tried.

    The YAML file's folder first. In the project layout (`data/events.yaml`
    beside `seeds/`), a folder named `data` also stands for the folder above
    it. A path must stay inside the folder it is found in.
    """
    folder = yaml_path.parent
    return [folder, folder.parent] if folder.name == "data" else [folder]


def resolve_source(file: str, roots: Sequence[Path], real_roots: Sequence[Path] = ()) -> Path:
    """The resolved path `file` names: the first root that has it, else the first root.

    `real_roots`, if given, are `roots` already resolved (a caller checking
    many files saves resolving them again each time). Raises SourcePathError
    for an absolute path, an unresolvable one (a name too long, a symlink
    loop) or one that leaves the folder it was found in.
    """
    relative = Path(file)
    if relative.is_absolute() or file.startswith(("/", "\\")):
        raise SourcePathError(f"source path {file!r} must be relative to the dataset folder")
    try:
        at = next((i for i, r in enumerate(roots) if (r / relative).exists()), 0)
        full = (roots[at] / relative).resolve()
        inside = full.is_relative_to(real_roots[at] if real_roots else roots[at].resolve())
    except (OSError, RuntimeError) as exc:  # too long a name; a symlink loop
        reason = getattr(exc, "strerror", None) or "Too many levels of symbolic links"
        raise SourcePathError(f"source file {file!r}: cannot read: {reason}") from None
    if not inside:
        raise SourcePathError(f"source path {file!r} leaves the dataset folder {str(roots[at])!r}")
    return full
