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
import struct
import tempfile
from pathlib import Path
from typing import BinaryIO

import msgspec

from .. import __version__
from .files import sha256_regular
from .models import Dataset
from .query import Precomputed

FORMAT = 4  # bump when the file layout, Dataset or Precomputed changes


class Header(msgspec.Struct, frozen=True):
    """What the cached data was made from; checked before anything big is read."""

    format: int
    version: str
    yaml_sha: str
    seeds: dict[str, str]  # resolved seed path -> sha256


class Entry(msgspec.Struct, frozen=True):
    """A cache hit: the dataset and its index's slow parts."""

    dataset: Dataset
    pre: Precomputed


# A cache file is three msgpack documents (Header, Dataset, Precomputed)
# after a table of their lengths; they are read and decoded one at a time so
# the raw bytes of only one part are in memory at once (peak RSS at 100k).
_TABLE = struct.Struct("<8sQQQ")
_MAGIC = b"GVTUI\x00c\x03"


def cache_dir() -> Path:
    """The user cache folder (GENEVATUI_CACHE_DIR overrides it, e.g. in tests)."""
    override = os.environ.get("GENEVATUI_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("genevatui", appauthor=False))


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_sha(path: Path) -> str | None:
    """sha256 of a regular file, read in blocks (a 40 MB dataset never sits in memory)."""
    return sha256_regular(path)


def cache_path(yaml_path: Path, yaml_sha: str) -> Path:
    name = _sha(f"{yaml_path.resolve()}\0{yaml_sha}\0{__version__}".encode())[:32]
    return cache_dir() / f"{name}.msgpack"


def read(yaml_path: Path) -> Entry | None:
    """The cache entry for this exact YAML and seeds, or None."""
    yaml_sha = file_sha(yaml_path)
    if yaml_sha is None:
        return None
    path = cache_path(yaml_path, yaml_sha)
    try:
        with path.open("rb") as stream:
            magic, *sizes = _TABLE.unpack(stream.read(_TABLE.size))
            if magic != _MAGIC:
                return None
            header = msgspec.msgpack.decode(_exactly(stream, sizes[0]), type=Header)
            if (header.format, header.version, header.yaml_sha) != (
                FORMAT,
                __version__,
                yaml_sha,
            ):
                return None
            for seed, sha in header.seeds.items():
                if file_sha(Path(seed)) != sha:
                    return None
            dataset = msgspec.msgpack.decode(_exactly(stream, sizes[1]), type=Dataset)
            pre = msgspec.msgpack.decode(_exactly(stream, sizes[2]), type=Precomputed)
    except (OSError, struct.error, EOFError, msgspec.DecodeError, msgspec.ValidationError):
        return None  # missing, partial or corrupt: never trusted
    # The same file may be reached by another path this time.
    return Entry(msgspec.structs.replace(dataset, path=str(yaml_path)), pre)


def _exactly(stream: BinaryIO, size: int) -> bytes:
    data = stream.read(size)
    if len(data) != size:
        raise EOFError("cache file cut short")
    return data


def write(
    yaml_path: Path, yaml_bytes: bytes, seeds: list[Path], dataset: Dataset, pre: Precomputed
) -> None:
    """Store `dataset`; failures are silent (the cache is an optimisation)."""
    hashes = {}
    for seed in seeds:
        sha = file_sha(seed)
        if sha is None:
            return
        hashes[str(seed)] = sha
    header = Header(FORMAT, __version__, _sha(yaml_bytes), hashes)
    parts = [msgspec.msgpack.encode(part) for part in (header, dataset, pre)]
    path = cache_path(yaml_path, header.yaml_sha)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".msgpack")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(_TABLE.pack(_MAGIC, *(len(p) for p in parts)))
                for part in parts:
                    out.write(part)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return
