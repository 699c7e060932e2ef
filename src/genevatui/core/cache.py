"""Parse cache: a validated, anchored dataset kept as msgpack between runs.

Parsing YAML is the slow part of start-up (libyaml reads ~2 MB/s of such
data: ~19 s for 100,000 quotes); decoding the same dataset from msgpack
takes a fraction of a second. The cache file is keyed by the YAML's path
and content hash; inside it, the hash of the YAML, of every seed file and
the program version must all match before it is trusted. A corrupt,
partial or stale file is ignored and rewritten (temp file, then rename).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

import msgspec

from .. import __version__
from .models import Dataset
from .query import Precomputed

FORMAT = 2  # bump when Dataset's or Precomputed's shape changes


class Entry(msgspec.Struct, frozen=True):
    """What a cache file holds."""

    format: int
    version: str
    yaml_sha: str
    seeds: dict[str, str]  # resolved seed path -> sha256
    dataset: Dataset
    pre: Precomputed


def cache_dir() -> Path:
    """The user cache folder (GENEVATUI_CACHE_DIR overrides it, e.g. in tests)."""
    override = os.environ.get("GENEVATUI_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("genevatui", appauthor=False))


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_sha(path: Path) -> str | None:
    """sha256 of a file, read in blocks (a 40 MB dataset never sits in memory)."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as stream:
            while block := stream.read(1 << 20):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def cache_path(yaml_path: Path, yaml_sha: str) -> Path:
    name = _sha(f"{yaml_path.resolve()}\0{yaml_sha}\0{__version__}".encode())[:32]
    return cache_dir() / f"{name}.msgpack"


def read(yaml_path: Path) -> Entry | None:
    """The cache entry for this exact YAML and seeds, or None."""
    yaml_sha = _file_sha(yaml_path)
    if yaml_sha is None:
        return None
    path = cache_path(yaml_path, yaml_sha)
    try:
        entry = msgspec.msgpack.decode(path.read_bytes(), type=Entry)
    except (OSError, msgspec.DecodeError, msgspec.ValidationError):
        return None  # missing, partial or corrupt: never trusted
    if (entry.format, entry.version, entry.yaml_sha) != (FORMAT, __version__, yaml_sha):
        return None
    for seed, sha in entry.seeds.items():
        if _file_sha(Path(seed)) != sha:
            return None
    # The same file may be reached by another path this time.
    dataset = msgspec.structs.replace(entry.dataset, path=str(yaml_path))
    return msgspec.structs.replace(entry, dataset=dataset)


def write(
    yaml_path: Path, yaml_bytes: bytes, seeds: list[Path], dataset: Dataset, pre: Precomputed
) -> None:
    """Store `dataset`; failures are silent (the cache is an optimisation)."""
    hashes = {}
    for seed in seeds:
        sha = _file_sha(seed)
        if sha is None:
            return
        hashes[str(seed)] = sha
    entry = Entry(FORMAT, __version__, _sha(yaml_bytes), hashes, dataset, pre)
    path = cache_path(yaml_path, entry.yaml_sha)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".msgpack")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(msgspec.msgpack.encode(entry))
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return
